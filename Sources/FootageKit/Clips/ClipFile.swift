import FootageCatalog
import FootageMedia

/// A registered clip's bytes, open: a file whose descriptor was hashed to the clip's SHA-256. Keyframes and
/// fingerprints of the clip read this descriptor (in a media worker, which gets a copy of it), never a path again, so
/// the pictures they record come from the bytes hashed; each piece of work on it ends by checking that the file did
/// not change since it was opened (`MediaFile.checkUnchanged`), and records nothing if it did.
struct ClipFile: Sendable {
    let file: MediaFile
    let sha256: String
    var path: String { file.path }

    /// A file `register` has just hashed (through this descriptor) to `sha256`.
    init(registered file: MediaFile, sha256: String) {
        self.file = file
        self.sha256 = sha256
    }

    /// Opens the first recorded location of `clip` whose bytes, read through the descriptor opened, hash to the
    /// clip's SHA-256.
    /// - Throws: `WorkflowError.noReadableLocation` with each location's reason when none does.
    static func open(_ clip: ClipRecord, catalog: Catalog) throws -> ClipFile {
        let locations = try catalog.detail(of: clip).locations
        var reasons: [String] = []
        for location in locations {
            do {
                let file = try MediaFile(path: location.path)
                if try FileHasher.sha256(file: file).sha256 == clip.sha256 {
                    return ClipFile(registered: file, sha256: clip.sha256)
                }
                reasons.append("\(location.path) changed")
            } catch {
                reasons.append(FootageErrors.message(error, path: location.path))
            }
        }
        throw WorkflowError.noReadableLocation(clip: clip.sha256, reasons: reasons)
    }
}
