import FootageCore
import Foundation

/// Writes a report so that nothing half-written is ever left under the report's name: the page (an `AtomicFile`) and
/// its images folder go to footage's temporary names in the target folder and are renamed once complete.
///
/// An images folder already beside the report is replaced only when footage wrote it: a folder holding nothing but
/// regular files named by their own SHA-256 (`<sha256>.jpg`, `<sha256>.png`), as `ReportImages` names them. Anything
/// else of that name is refused before any work, and left as it is.
public enum ReportWriter {
    public struct Failure: FootageError {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// The images folder's default name beside `report.html`: `report_files`.
    public static func defaultImagesFolder(for output: URL) -> String {
        output.deletingPathExtension().lastPathComponent + "_files"
    }

    /// Checks the target before any work: its folder must exist and be a folder, the target must not be one, and an
    /// existing images folder of the name given must be one footage wrote.
    /// - Throws: `Failure`, `FileRefusal.foreignImagesFolder` or `SymbolicLinkRefused`.
    public static func checkTarget(_ output: URL, imagesFolder: String? = nil) throws {
        let folder = output.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else {
            throw Failure("\(folder.path): no such folder; create it first or write the report elsewhere")
        }
        guard isFolder.boolValue else { throw Failure("\(folder.path): not a folder") }
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isFolder), isFolder.boolValue {
            throw Failure("\(output.path): is a folder; give the report a file name")
        }
        if let imagesFolder { try checkImagesFolder(imagesFolder, in: try FolderHandle(path: folder.path)) }
    }

    /// Writes the page to `output` and, when given, its pictures into `imagesFolder` beside it.
    public static func write(_ page: EvidenceReport.Page, to output: URL, imagesFolder: String? = nil) throws {
        try checkTarget(output, imagesFolder: imagesFolder)
        do {
            let folder = try FolderHandle(path: output.deletingLastPathComponent().path)
            // Unplaced, each goes (with what it holds) when it is dropped.
            var images: AtomicFolder?
            if imagesFolder != nil {
                let staging = try AtomicFolder(in: folder)
                for (name, data) in page.images.sorted(by: { $0.key < $1.key }) {
                    try AtomicFile.write(data, as: name, in: staging.folder, durability: .none)
                }
                images = staging
            }
            let file = try AtomicFile(in: folder, permissions: 0o666)
            try file.write(Data(page.html.utf8))
            if let imagesFolder, let images { try replaceImages(imagesFolder, with: images, in: folder) }
            try file.place(as: output.lastPathComponent, durability: .none)
        } catch let failure as AtomicFile.Failure {
            throw Failure("\(output.path): cannot write the report (\(String(cString: strerror(failure.code))))")
        } catch let refusal as FileRefusal {
            throw refusal
        } catch let refusal as SymbolicLinkRefused {
            throw refusal
        } catch {
            throw Failure("\(output.path): cannot write the report (\(error.localizedDescription))")
        }
    }

    /// Puts `images` in place as `name`, in place of the images folder an earlier report left there: that one is
    /// checked again, set aside under a temporary name, and removed once the new one is in place.
    static func replaceImages(_ name: String, with images: AtomicFolder, in folder: FolderHandle) throws {
        guard folder.kind(of: name) != nil else {
            try images.place(as: name, durability: .none)
            return
        }
        try checkImagesFolder(name, in: folder)
        let aside = TemporaryName().text
        try folder.rename(name, to: aside)
        do {
            try images.place(as: name, durability: .none)
        } catch {
            try? folder.rename(aside, to: name)
            throw error
        }
        try? folder.removeFolder(aside)
    }

    /// Refuses `name` in `folder` when it exists and is not a folder of report pictures footage wrote.
    static func checkImagesFolder(_ name: String, in folder: FolderHandle) throws {
        switch folder.kind(of: name) {
        case nil: return
        case .link: throw SymbolicLinkRefused(path: folder.path(of: name))
        case .file, .other: throw FileRefusal.foreignImagesFolder(path: folder.path(of: name), entry: "no folder")
        case .folder: break
        }
        let images = try folder.folder(name)
        for entry in try images.names() where !isPicture(entry, in: images) {
            throw FileRefusal.foreignImagesFolder(path: images.path, entry: entry)
        }
    }

    /// Whether `name` is a regular file whose name is its own SHA-256 with a picture's extension.
    private static func isPicture(_ name: String, in folder: FolderHandle) -> Bool {
        let parts = name.split(separator: ".")
        guard parts.count == 2, ["jpg", "png"].contains(parts[1]), parts[0].count == 64,
            let file = try? ReadOnlyFile(name, in: folder), let bytes = try? file.readAll(limit: maximumPicture)
        else { return false }
        return Hashing.sha256Hex(bytes) == parts[0]
    }

    /// Larger than any still or contact sheet footage writes.
    private static let maximumPicture = 256 << 20
}
