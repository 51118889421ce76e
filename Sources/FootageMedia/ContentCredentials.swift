import FootageCore
import Foundation

/// What a file's C2PA manifest store (its Content Credentials) says, as the C2PA reference library read and validated
/// it: the state, the validation codes, the store itself as JSON and a summary of its active manifest.
///
/// A valid manifest says who signed what claim about the file; it does not say that the pictures are true.
public struct ContentCredentials: Sendable, Codable, Equatable {
    /// The outcome of reading a file's manifest store.
    public enum State: String, Sendable, Codable, CaseIterable {
        /// A manifest store whose active manifest validated: its signature and hashes match the file. The signer may
        /// still be unknown to any trust list (`signingCredential.untrusted` among the codes).
        case valid
        /// A manifest store that failed validation: `codes` says which checks failed (e.g. `assertion.bmffHash.mismatch`
        /// when the pictures were changed after signing).
        case invalid
        /// Something that looks like a manifest store but could not be read (malformed, or beyond footage's bounds).
        case unreadable
        /// No manifest store in the file.
        case none
        /// C2PA was not checked: the library is not installed, or does not read this container.
        case notChecked = "not checked"
    }

    public var state: State
    /// The validation status codes the library reported (`validation_status`), in order, each once.
    public var codes: [String]
    /// Why the state is what it is, in words, where the codes do not say: the library's error, or why not checked.
    public var reason: String?
    /// The manifest store as the library reported it (JSON), at most `ContentCredentials.maximumJSONBytes`.
    public var manifestStore: String?
    /// The library that read it ("c2pa-c-ffi/0.91.3 c2pa-rs/0.91.3").
    public var library: String?
    /// The active manifest in brief.
    public var summary: ManifestSummary?

    public init(
        state: State, codes: [String] = [], reason: String? = nil, manifestStore: String? = nil,
        library: String? = nil, summary: ManifestSummary? = nil
    ) {
        self.state = state
        self.codes = codes
        self.reason = reason
        self.manifestStore = manifestStore
        self.library = library
        self.summary = summary
    }

    enum CodingKeys: String, CodingKey {
        case state, codes, reason, library, summary
        case manifestStore = "manifest_store"
    }

    /// Not checked because the C2PA library could not be loaded, and why.
    public static func notChecked(_ reason: String) -> ContentCredentials {
        ContentCredentials(state: .notChecked, reason: reason)
    }

    /// Not checked because there was no C2PA library to check with (rather than a container it does not read).
    public var libraryMissing: Bool { state == .notChecked && library == nil }

    /// The largest manifest store kept, as JSON: stores seen in practice are tens of kilobytes.
    public static let maximumJSONBytes = 4 << 20
    /// The deepest nesting of arrays and objects accepted in a manifest store's JSON.
    public static let maximumDepth = 64

    /// Codes that do not make a manifest invalid: footage gives the library no trust list, so every signer is
    /// "untrusted" to it; the state says whether the signature itself holds.
    static let tolerated: Set<String> = ["signingCredential.untrusted"]

    /// The state for the library's `validation_state` ("Valid", "Trusted", "Invalid") and status codes; without a
    /// `validation_state` (older libraries), any code but the tolerated ones makes the manifest invalid.
    public static func state(validationState: String?, codes: [String]) -> State {
        switch validationState?.lowercased() {
        case "valid", "trusted": .valid
        case "invalid": .invalid
        default: codes.contains { !tolerated.contains($0) } ? .invalid : .valid
        }
    }

    /// Why a manifest store's JSON was not parsed.
    struct Refusal: Error {
        var reason: String
    }

    /// A manifest store's JSON as an object, refused unparsed when larger than `maximumJSONBytes`, nested deeper than
    /// `maximumDepth` or unbalanced (`JSONShape`): what both a reading and a stored store's summary parse.
    static func parsed(_ json: String) -> Result<[String: Any], Refusal> {
        let bytes = Array(json.utf8)
        guard bytes.count <= maximumJSONBytes else {
            return .failure(
                Refusal(
                    reason: "its manifest store is \(bytes.count >> 20) MiB as JSON, more than footage keeps (4 MiB)"))
        }
        let shape = bytes.withUnsafeBytes { JSONShape.of($0, maximumDepth: maximumDepth) }
        guard shape.depth <= maximumDepth else {
            return .failure(Refusal(reason: "its manifest store nests deeper than \(maximumDepth) levels"))
        }
        guard shape.balanced else { return .failure(Refusal(reason: "its manifest store is not whole JSON")) }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
            return .failure(Refusal(reason: "the library's answer is not a JSON object"))
        }
        return .success(object)
    }

    /// The reading of a manifest store the library returned as JSON: bounded in size and nesting before it is parsed.
    public static func reading(json: String, library: String?) -> ContentCredentials {
        let object: [String: Any]
        switch parsed(json) {
        case .success(let store): object = store
        case .failure(let problem):
            return ContentCredentials(state: .unreadable, reason: problem.reason, library: library)
        }
        var codes: [String] = []
        for entry in object["validation_status"] as? [Any] ?? [] {
            if let code = (entry as? [String: Any])?["code"] as? String, !codes.contains(code) {
                codes.append(ManifestSummary.bounded(code))
            }
        }
        let state = state(validationState: object["validation_state"] as? String, codes: codes)
        return ContentCredentials(
            state: state, codes: codes, manifestStore: json, library: library,
            summary: ManifestSummary(store: object))
    }

    /// The reading of a file the library refused, from its error ("Kind: explanation"): no manifest store, or one
    /// that could not be read.
    public static func reading(error: String, library: String?) -> ContentCredentials {
        let text = ManifestSummary.bounded(error)
        if text.hasPrefix("ManifestNotFound") || text.hasPrefix("JumbfNotFound") {
            return ContentCredentials(state: .none, library: library)
        }
        return ContentCredentials(state: .unreadable, reason: text, library: library)
    }

    /// For people: "valid, signed by …", "invalid: assertion.bmffHash.mismatch", "none", "not checked (…)".
    public var description: String {
        switch state {
        case .valid:
            let signer = summary?.signer.map { ", signed by \($0)" } ?? ""
            let untrusted = codes.contains("signingCredential.untrusted") ? " (signer not on a trust list)" : ""
            return "valid\(signer)\(untrusted)"
        case .invalid:
            let failing = codes.filter { !Self.tolerated.contains($0) }
            return "invalid: " + (failing.isEmpty ? codes : failing).joined(separator: ", ")
        case .unreadable: return "unreadable (\(reason ?? "unknown reason"))"
        case .none: return "none (no manifest in the file)"
        // Why the library is missing is said once per command (and kept in `reason`), not on every file's line.
        case .notChecked: return "not checked (" + (library == nil ? "no C2PA library" : reason ?? "") + ")"
        }
    }
}
