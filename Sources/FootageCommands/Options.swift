import ArgumentParser
import FootageCatalog
import FootageCore
import FootageKit
import Foundation

/// `--catalog DIR`: which catalogue folder. Without it: `FOOTAGE_HOME`, else the first folder at or above the
/// current directory that holds `Catalog/catalog.sqlite`.
struct CatalogOptions: ParsableArguments {
    @Option(name: .customLong("catalog"), help: ArgumentHelp("The catalogue folder.", valueName: "DIR"))
    var folder: String?

    var root: URL? {
        Catalog.locate(
            explicit: folder, environment: ProcessInfo.processInfo.environment,
            start: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    /// Opens the catalogue, or fails with a message that says how to make one.
    func open(_ access: Catalog.Access = .write) throws -> Catalog {
        guard let root else {
            throw CommandFailure("no catalogue found here or above; run `footage init DIR` or pass --catalog DIR")
        }
        return try Catalog.open(root: root, access: access)
    }

    /// Opens the catalogue to verify it: for writing when it can be written, so that the result is recorded in the
    /// ledger; else (a write-blocked copy, as an auditor may be given) read-only, and `writable` says so.
    func openForVerifying() throws -> (catalog: Catalog, writable: Bool) {
        guard let root else { return (try open(.inspect), true) }
        let file = Catalog.databaseURL(in: root).path
        let folder = (file as NSString).deletingLastPathComponent
        if access(file, W_OK) != 0 || access(folder, W_OK) != 0 {
            return (try open(.audit), false)
        }
        try CatalogFolders.refuseLinks(in: root)
        return (try open(.inspect), true)
    }

    /// Opens the catalogue for a command that writes files into it (`register`, `keyframes`), first removing the
    /// temporary files a killed run left there, and saying so. A symbolic link among the catalogue's own folders and
    /// files is refused before SQLite opens anything (see `CatalogFolders`).
    func openRemovingLeftovers() throws -> Catalog {
        if let root { try CatalogFolders.refuseLinks(in: root) }
        let catalog = try open()
        for path in try TemporaryFiles.sweep(catalog) {
            Output.error("footage: removed \(Output.safe(path)), left by an interrupted run")
        }
        return catalog
    }
}

/// `--json`: JSON Lines on stdout instead of text for people.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON Lines (one object per result) instead of text.")
    var json = false
}

/// `--by NAME`: the analyst making a change, recorded as the ledger event's actor; without it, the login name.
struct AnalystOptions: ParsableArguments {
    @Option(name: .customLong("by"), help: ArgumentHelp("The analyst (default: the login name).", valueName: "NAME"))
    var explicit: String?

    var name: String { Analyst.name(explicit) }
}

/// `--jobs N`: how many files or clips are worked on at once; without it, one per core. The workflows bound it by the
/// number of files or clips and by four per core (`JobCount`), so that a large N cannot start more worker processes
/// than there is work or cores for.
struct JobsOptions: ParsableArguments {
    @Option(
        name: .customLong("jobs"),
        help: ArgumentHelp(
            "How many files or clips at once (default: the number of cores; at most one per file or clip and "
                + "\(JobCount.perCore) per core).", valueName: "N"))
    var explicit: Int?

    var count: Int { explicit ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        if let explicit, explicit < 1 { throw ValidationError("--jobs must be at least 1") }
    }
}

/// A failure whose message is the whole story; printed as `footage: MESSAGE`, exit 1.
struct CommandFailure: FootageError {
    let description: String
    init(_ description: String) { self.description = description }
}
