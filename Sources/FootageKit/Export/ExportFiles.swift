import FootageCore
import Foundation

/// Writes an export to files: each to footage's temporary name beside its target (`AtomicFile`), renamed when
/// complete, so that nothing half-written is ever left under an export's name.
public enum ExportFiles {
    /// Writes `output` to `target`: a single document to that file, several files (CSV tables) into that folder,
    /// which is made if its parent exists. Returns a row per file written.
    public static func write(
        _ output: CatalogExport.Output, format: CatalogExport.Format, table: CSVExport.Table?,
        to target: URL
    ) throws -> [ExportFileRow] {
        if output.files.count == 1 && output.files[0].name.isEmpty {
            try write(output.files[0].text, to: target)
            return [row(output.files[0].text, at: target, format: format, table: table?.rawValue)]
        }
        try makeFolder(target)
        return try output.files.map { file in
            let path = target.appendingPathComponent(file.name)
            try write(file.text, to: path)
            return row(file.text, at: path, format: format, table: (file.name as NSString).deletingPathExtension)
        }
    }

    static func row(_ text: String, at path: URL, format: CatalogExport.Format, table: String?) -> ExportFileRow {
        ExportFileRow(
            path: path.path, format: format.rawValue, table: table, bytes: text.utf8.count,
            sha256: Hashing.sha256Hex(text))
    }

    static func write(_ text: String, to target: URL) throws { try write(Data(text.utf8), to: target) }

    /// Writes `data` to `target` in one step (a temporary name, then renamed), in a folder that must exist.
    static func write(_ data: Data, to target: URL) throws {
        let folder = target.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw IOError(path: folder.path, failure: "no such folder; create it first", code: nil)
        }
        do throws(AtomicFile.Failure) {
            let file = try AtomicFile(in: folder)
            try file.write(data)
            try file.place(as: target.lastPathComponent, durability: .none)
        } catch {
            throw IOError(path: target.path, failure: "cannot write", code: error.code, nothingKept: true)
        }
    }

    static func makeFolder(_ folder: URL) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw IOError(path: folder.path, failure: "not a folder", code: nil) }
            return
        }
        let parent = folder.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: parent.path) else {
            throw IOError(path: parent.path, failure: "no such folder; create it first", code: nil)
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        } catch {
            throw IOError(path: folder.path, failure: "cannot create", underlying: error)
        }
    }
}
