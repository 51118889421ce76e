import ArgumentParser
import FootageCatalog
import FootageCore
import FootageKit
import Foundation

extension CatalogExport.Format: ExpressibleByArgument {}
extension CSVExport.Table: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the catalogue, an article or a clip as JSON, CSV, W3C PROV-JSON or schema.org ClaimReview.",
        discussion: """
            json: clips (locations, streams, tags, acquisitions, keyframes, assessments), articles with claims, links \
            and the ledger head; sorted keys and id order, so the same catalogue gives the same bytes. csv: the \
            tables clips, claims and links (RFC 4180, CRLF line ends) into the folder given by -o, or one --table to \
            stdout or -o FILE. prov-json: entities, activities and agents with their relations. claimreview: a \
            ClaimReview per claim with evidence and a MediaReview per linked clip (JSON-LD).
            """)

    @Option(help: "json, csv, prov-json or claimreview.") var format: CatalogExport.Format
    @Argument(help: "Only this clip (SHA-256 prefix or path) and the claims it bears on.") var ref: String?
    @Option(help: "Only this article (A3), its claims, links and linked clips.") var article: String?
    @Option(help: "CSV: only this table (clips, claims or links).") var table: CSVExport.Table?
    @Option(name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp("Write here instead of stdout (for CSV without --table: a folder).", valueName: "PATH"))
    var path: String?
    @OptionGroup var catalogOptions: CatalogOptions

    func validate() throws {
        if article != nil && ref != nil { throw ValidationError("give either --article or a clip, not both") }
        if table != nil && format != .csv { throw ValidationError("--table applies to --format csv only") }
        if format == .csv && table == nil && path == nil {
            throw ValidationError("--format csv writes one file per table: give -o FOLDER, or --table NAME for stdout")
        }
    }

    func run() throws {
        let catalog = try catalogOptions.open(.read)
        let scope: CatalogSnapshot.Scope
        if let article {
            scope = .article(try catalog.article(matching: article).id)
        } else if let ref {
            scope = .clip(try catalog.clip(matching: ref).id)
        } else {
            scope = .all
        }
        let result = try CatalogExport.export(catalog, scope: scope, format: format, table: table)
        for note in result.notes { Output.error("footage: note: \(Output.safe(note))") }
        guard let path else {
            for file in result.files { FileHandle.standardOutput.write(Data(file.text.utf8)) }
            return
        }
        let target = URL(fileURLWithPath: path).standardizedFileURL
        do {
            if result.files.count == 1 && result.files[0].name.isEmpty {
                try ExportFiles.write(result.files[0].text, to: target)
            } else {
                try ExportFiles.writeFolder(result.files, to: target)
            }
        } catch {
            throw CommandFailure(Output.safe("\(error)"))
        }
    }
}

/// Export files are written to a temporary name beside the target and renamed when complete.
enum ExportFiles {
    struct Failure: FootageError { let description: String }

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

    static func writeFolder(_ files: [(name: String, text: String)], to folder: URL) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw Failure(description: "\(folder.path): not a folder") }
        } else {
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
        for file in files { try write(file.text, to: folder.appendingPathComponent(file.name)) }
    }
}
