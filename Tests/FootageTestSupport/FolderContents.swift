import Foundation

/// Everything under `folder`, seen without following a link: each path relative to it, with `folder` for a folder,
/// `link to TARGET` for a symbolic link and the bytes for a file. Two snapshots are equal exactly when nothing below
/// was added, removed or changed, which is what a test of "footage touched nothing here" compares.
public func folderContents(_ folder: URL) throws -> [String: String] {
    var contents: [String: String] = [:]
    let manager = FileManager.default
    func walk(_ relative: String) throws {
        let path = relative.isEmpty ? folder.path : folder.appendingPathComponent(relative).path
        for name in try manager.contentsOfDirectory(atPath: path) {
            let child = relative.isEmpty ? name : relative + "/" + name
            let full = folder.appendingPathComponent(child).path
            let type = try manager.attributesOfItem(atPath: full)[.type] as? FileAttributeType
            switch type {
            case .typeDirectory?:
                contents[child] = "folder"
                try walk(child)
            case .typeSymbolicLink?:
                contents[child] = "link to " + (try manager.destinationOfSymbolicLink(atPath: full))
            default:
                contents[child] = String(decoding: try Data(contentsOf: URL(fileURLWithPath: full)), as: UTF8.self)
            }
        }
    }
    try walk("")
    return contents
}

/// Makes `folder` hold a few files and a folder within a folder, as a victim of a link would: `notes.txt`,
/// `sub/deeper.txt` and `sub/inner/still.jpg`.
public func fillWithSomeoneElsesFiles(_ folder: URL) throws {
    let inner = folder.appendingPathComponent("sub/inner", isDirectory: true)
    try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
    try Data("someone's notes\n".utf8).write(to: folder.appendingPathComponent("notes.txt"))
    try Data("deeper\n".utf8).write(to: folder.appendingPathComponent("sub/deeper.txt"))
    try Data([0xFF, 0xD8, 0xFF, 0xD9]).write(to: inner.appendingPathComponent("still.jpg"))
}
