import FootageCatalog
import FootageCore
import Foundation

/// The folders footage writes inside a catalogue folder — `Catalog/`, `Catalog/keyframes/`, `Media/` — held open by
/// descriptor from the catalogue folder down, never through a symbolic link.
///
/// The catalogue folder itself is the one someone named (`--catalog`, `FOOTAGE_HOME`, the folder found by walking
/// up), so a link on its path is followed. Below it everything is footage's: a link there, received with a catalogue
/// or made so that two catalogues share a folder, would make footage write or remove files somewhere else, so it is
/// refused (`SymbolicLinkRefused`) and nothing is changed.
public enum CatalogFolders {
    /// Names below the catalogue folder that footage opens by path (SQLite opens the database itself), checked before
    /// it does.
    static let databaseFiles = ["catalog.sqlite", "catalog.sqlite-wal", "catalog.sqlite-shm", "catalog.sqlite-journal"]

    /// Refuses a catalogue whose `Catalog/`, `Catalog/keyframes/` or `Media/` folder, or database file, is a symbolic
    /// link. Called before SQLite opens the database of a command that writes files into the catalogue.
    /// - Throws: `SymbolicLinkRefused` naming the link, or `IOError`.
    public static func refuseLinks(in root: URL) throws {
        // A catalogue folder that cannot be opened holds no link; opening the catalogue says what is wrong with it.
        guard let folder = try? FolderHandle(path: root.path) else { return }
        _ = try folder.existingFolder("Media")
        guard let catalog = try folder.existingFolder("Catalog") else { return }
        _ = try catalog.existingFolder("keyframes")
        for name in databaseFiles where catalog.kind(of: name) == .link {
            throw SymbolicLinkRefused(path: catalog.path(of: name))
        }
    }

    /// The catalogue folder.
    static func root(of catalog: Catalog) throws -> FolderHandle {
        try FolderHandle(path: catalog.root.path)
    }

    /// `Catalog/`.
    static func catalogFolder(of catalog: Catalog) throws -> FolderHandle {
        try root(of: catalog).folder("Catalog")
    }

    /// `Catalog/keyframes/`, or nil when there is none.
    static func keyframes(of catalog: Catalog) throws -> FolderHandle? {
        try catalogFolder(of: catalog).existingFolder("keyframes")
    }

    /// `Media/`, or nil when there is none.
    static func media(of catalog: Catalog) throws -> FolderHandle? {
        try root(of: catalog).existingFolder("Media")
    }

    /// `Media/`, made when missing (a catalogue made by an older footage may have none).
    static func makingMedia(of catalog: Catalog) throws -> FolderHandle {
        try root(of: catalog).folder("Media", creating: true)
    }

    /// `Catalog/keyframes/<sha256>/`, the folder of one clip's extractions, made (with `Catalog/keyframes/`) when
    /// missing.
    static func keyframes(of sha256: String, in catalog: Catalog) throws -> FolderHandle {
        try catalogFolder(of: catalog).folder("keyframes", creating: true).folder(sha256, creating: true)
    }
}
