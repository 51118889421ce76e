import Foundation
import FootageCore

/// Writes an export to files: each to a temporary name beside its target, renamed when complete, so that nothing
/// half-written is ever left under an export's name.
public enum ExportFiles {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Writes `output` to `target`: a single document to that file, several files (CSV tables) into that folder,
    /// which is made if its parent exists. Returns a row per file written.
    public static func write(_ output: CatalogExport.Output, format: CatalogExport.Format, table: CSVExport.Table?,
                             to target: URL) throws -> [ExportFileRow] {
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
        ExportFileRow(path: path.path, format: format.rawValue, table: table, bytes: text.utf8.count,
                      sha256: Hashing.sha256Hex(text))
    }

    static func write(_ text: String, to target: URL) throws {
        let folder = target.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw Failure(description: "\(folder.path): no such folder; create it first")
        }
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            throw Failure(description: "\(target.path): cannot write (\(error.localizedDescription))")
        }
        guard rename(temporary.path, target.path) == 0 else {
            throw Failure(description: "\(target.path): cannot write (\(String(cString: strerror(errno))))")
        }
    }

    static func makeFolder(_ folder: URL) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw Failure(description: "\(folder.path): not a folder") }
            return
        }
        let parent = folder.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: parent.path) else {
            throw Failure(description: "\(parent.path): no such folder; create it first")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        } catch {
            throw Failure(description: "\(folder.path): cannot create (\(error.localizedDescription))")
        }
    }
}
