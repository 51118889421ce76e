import Foundation

/// Checks on the HTML of a report, shared by the report suites: start tags with their attributes, `<img>` sources,
/// and that nothing in it can run.
public enum HTMLCheck {
    /// The start tags of an HTML text, with their quoted attribute values.
    public static func startTags(_ html: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: #"<[a-zA-Z](?:[^>"']|"[^"]*"|'[^']*')*>"#)
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
            String(html[Range($0.range, in: html)!])
        }
    }

    /// Attribute names of a start tag.
    public static func attributeNames(_ tag: String) -> [String] {
        // A name, then an optional value, consumed whole so that text inside a quoted value is never taken for a name.
        let regex = try! NSRegularExpression(pattern: #"\s([^\s"'=<>/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?"#)
        return regex.matches(in: tag, range: NSRange(tag.startIndex..., in: tag)).map {
            String(tag[Range($0.range(at: 1), in: tag)!]).lowercased()
        }
    }

    /// The `src` of every `<img>`.
    public static func imageSources(_ html: String) -> [String] {
        startTags(html).filter { $0.lowercased().hasPrefix("<img") }.compactMap { tag in
            guard let range = tag.range(of: #"src="[^"]*""#, options: .regularExpression) else { return nil }
            return String(tag[range].dropFirst(5).dropLast())
        }
    }

    /// What in the page could run: script elements, event-handler attributes, script URLs; empty when nothing can.
    public static func scripts(in html: String) -> [String] {
        var found = html.lowercased().contains("<script") ? ["a script element"] : []
        for tag in startTags(html) {
            if attributeNames(tag).contains(where: { $0.hasPrefix("on") }) { found.append("an event handler: \(tag)") }
            if tag.lowercased().contains("javascript:") { found.append("a script URL: \(tag)") }
        }
        return found
    }
}
