import FootageCore
import Foundation

/// Writes a report so that nothing half-written is ever left under the report's name: the page (and its images
/// folder) go to temporary names in the target folder and are renamed once complete.
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
        let token = UUID().uuidString.prefix(8)
        let temporary = folder.appendingPathComponent(".\(output.lastPathComponent).\(token).tmp")
        var temporaryImages: URL?
        defer {
            try? fm.removeItem(at: temporary)
            if let temporaryImages { try? fm.removeItem(at: temporaryImages) }
        }
        do {
            if let imagesFolder {
                let staging = folder.appendingPathComponent(".\(imagesFolder).\(token).tmp", isDirectory: true)
                temporaryImages = staging
                try fm.createDirectory(at: staging, withIntermediateDirectories: false)
                for (name, data) in page.images.sorted(by: { $0.key < $1.key }) {
                    try data.write(to: staging.appendingPathComponent(name))
                }
            }
            try Data(page.html.utf8).write(to: temporary)
            if let imagesFolder, let staging = temporaryImages {
                let final = folder.appendingPathComponent(imagesFolder, isDirectory: true)
                if fm.fileExists(atPath: final.path) { try fm.removeItem(at: final) }
                try fm.moveItem(at: staging, to: final)
                temporaryImages = nil
            }
            guard rename(temporary.path, output.path) == 0 else {
                throw Failure("\(output.path): cannot write the report (\(String(cString: strerror(errno))))")
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure("\(output.path): cannot write the report (\(error.localizedDescription))")
        }
    }
}
