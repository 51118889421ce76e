import FootageCore

/// A file or folder footage will not remove, write over or take as its own, because it did not make it, or because it
/// lies in the catalogue's own folders: the facts and one line. Nothing was changed when one is thrown.
public enum FileRefusal: FootageError, Equatable {
    /// `folder`, which footage would remove (a leftover of its own), holds `entry`, which footage never makes there
    /// (a folder, a FIFO): so it removes neither.
    case notFootages(folder: String, entry: String)
    /// A folder to write stills into lies inside the catalogue's `Catalog/` or `Media/` (or is one of them).
    case insideCatalogue(path: String)
    /// Something has the name of a file footage would write in a folder that is not its own, and it is not that
    /// file (other bytes, a folder, a link).
    case fileExists(path: String)
    /// A recorded still no longer holds the bytes recorded for it, so it is not handed out as that still.
    case changedStill(path: String)
    /// A report's images folder exists and holds `entry`, which footage does not write there.
    case foreignImagesFolder(path: String, entry: String)
    /// `Media/` holds something else under the name of the clip's evidentiary copy: `reason` says what.
    case notTheCopy(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFootages(let folder, let entry):
            "\(folder): holds \(entry), which footage did not make, so footage removes neither; move them out of the "
                + "catalogue"
        case .insideCatalogue(let path):
            "\(path): inside the catalogue's own folders (Catalog/ and Media/), which footage alone writes"
        case .fileExists(let path):
            "\(path): exists and is not the file footage would write there; footage does not replace what it did not "
                + "write"
        case .changedStill(let path):
            "\(path): changed since it was extracted (its SHA-256 is not the one recorded); see `footage verify`"
        case .foreignImagesFolder(let path, let entry):
            "\(path): exists and is not a folder of report pictures footage wrote (it holds \(entry)); footage does "
                + "not replace what it did not write: move it away or give the report another name"
        case .notTheCopy(let path, let reason):
            "\(path): has the name of this clip's evidentiary copy but \(reason); footage neither takes it as the "
                + "copy nor replaces it: move it out of Media/ and register again"
        }
    }
}
