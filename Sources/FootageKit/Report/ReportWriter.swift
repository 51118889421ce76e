import FootageCore
import Foundation

/// Writes a report so that nothing half-written is ever left under the report's name: the page (an `AtomicFile`) and
/// its images folder go to footage's temporary names in the target folder and are renamed once complete.
public enum ReportWriter {
    public struct Failure: FootageError {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// The images folder's default name beside `report.html`: `report_files`.
    public static func defaultImagesFolder(for output: URL) -> String {
        output.deletingPathExtension().lastPathComponent + "_files"
    }

    /// Checks the target before any work: its folder must exist and be a folder, and the target must not be one.
    public static func checkTarget(_ output: URL) throws {
        let folder = output.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else {
            throw Failure("\(folder.path): no such folder; create it first or write the report elsewhere")
        }
        guard isFolder.boolValue else { throw Failure("\(folder.path): not a folder") }
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isFolder), isFolder.boolValue {
            throw Failure("\(output.path): is a folder; give the report a file name")
        }
    }

    /// Writes the page to `output` and, when given, its pictures into `imagesFolder` beside it.
    public static func write(_ page: EvidenceReport.Page, to output: URL, imagesFolder: String? = nil) throws {
        try checkTarget(output)
        let fm = FileManager.default
        let folder = output.deletingLastPathComponent()
        do {
            // Unplaced, each goes (with what it holds) when it is dropped.
            var images: AtomicFolder?
            if imagesFolder != nil {
                let staging = try AtomicFolder(in: folder)
                for (name, data) in page.images.sorted(by: { $0.key < $1.key }) {
                    try data.write(to: staging.url.appendingPathComponent(name))
                }
                images = staging
            }
            let file = try AtomicFile(in: folder, permissions: 0o666)
            try file.write(Data(page.html.utf8))
            if let imagesFolder, let images {
                let final = folder.appendingPathComponent(imagesFolder, isDirectory: true)
                if fm.fileExists(atPath: final.path) { try fm.removeItem(at: final) }
                try images.place(as: imagesFolder, durability: .none)
            }
            try file.place(as: output.lastPathComponent, durability: .none)
        } catch let failure as AtomicFile.Failure {
            throw Failure("\(output.path): cannot write the report (\(String(cString: strerror(failure.code))))")
        } catch {
            throw Failure("\(output.path): cannot write the report (\(error.localizedDescription))")
        }
    }
}
