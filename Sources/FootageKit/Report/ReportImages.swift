import FootageCore
import Foundation

/// The pictures of a report: keyframe stills and contact sheets, each checked against the SHA-256 recorded for it
/// before it is shown. Embedded as `data:` URIs (the default: one file to hand over), or collected for a folder
/// beside the report, named by their SHA-256 (never by a name that came from a file).
final class ReportImages {
    enum Placement: Sendable, Equatable {
        case embedded
        /// The folder's name, relative to the report.
        case folder(String)
    }

    enum Outcome {
        case shown(src: String)
        case missing(path: String)
        case changed(path: String, sha256: String)
        case unreadable(path: String)
    }

    let root: URL
    let placement: Placement
    /// Files for the images folder: name → bytes.
    private(set) var files: [String: Data] = [:]
    private var cache: [String: Outcome] = [:]

    init(root: URL, placement: Placement) {
        self.root = root
        self.placement = placement
    }

    /// The image at `path` (relative to the catalogue folder) if its bytes still hash to `sha256`.
    func image(path: String, sha256: String) -> Outcome {
        let key = path + "\n" + sha256
        if let known = cache[key] { return known }
        let outcome = load(path: path, sha256: sha256)
        cache[key] = outcome
        return outcome
    }

    private func load(path: String, sha256: String) -> Outcome {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { return .missing(path: path) }
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else { return .unreadable(path: path) }
        let actual = Hashing.sha256Hex(data)
        guard actual == sha256 else { return .changed(path: path, sha256: actual) }
        let type = ReportImages.mediaType(of: data)
        switch placement {
        case .embedded:
            return .shown(src: "data:\(type.mime);base64," + data.base64EncodedString())
        case .folder(let folder):
            let name = "\(sha256).\(type.ext)"
            files[name] = data
            // The folder's name is the user's; as a relative URL it must be percent-encoded (a space, `#`, `?`).
            let encoded = folder.addingPercentEncoding(withAllowedCharacters: ReportImages.pathCharacters) ?? folder
            return .shown(src: "\(encoded)/\(name)")
        }
    }

    static let pathCharacters = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/;:"))

    /// By the first bytes, not the file name.
    static func mediaType(of data: Data) -> (mime: String, ext: String) {
        if data.starts(with: [0x89, 0x50, 0x4e, 0x47]) { return ("image/png", "png") }
        return ("image/jpeg", "jpg")
    }

    /// An `<img>` for the image, or a placeholder saying why it cannot be shown, where the picture would be.
    func figure(path: String, sha256: String, alt: String, caption: HTML, css: StaticString = "frame") -> HTML {
        let picture: HTML
        switch image(path: path, sha256: sha256) {
        case .shown(let src):
            picture = "<img src=\"\(src)\" alt=\"\(alt)\" loading=\"lazy\">"
        case .missing(let path):
            picture = "<div class=\"placeholder\">Image missing<br><span class=\"mono\">\(path)</span></div>"
        case .changed(let path, let actual):
            picture = """
                <div class="placeholder bad">Image changed since extraction — not shown<br>\
                <span class="mono">\(path)</span><br>SHA-256 now \(String(actual.prefix(12))), \
                recorded \(String(sha256.prefix(12)))</div>
                """
        case .unreadable(let path):
            picture = "<div class=\"placeholder\">Image cannot be read<br><span class=\"mono\">\(path)</span></div>"
        }
        return
            "<figure class=\"\(HTML(trusted: css.description))\">\(picture)<figcaption>\(caption)</figcaption></figure>"
    }
}
