import Foundation
import FootageCatalog
import FootageMedia

/// One line for any error the library throws, naming the file when the error does not already.
public enum FootageErrors {
    public static func message(_ error: any Error, path: String? = nil) -> String {
        let text: String
        switch error {
        case let e as MediaError: text = e.description
        case let e as CatalogError: text = e.description
        case let e as SidecarError: text = e.description
        case let e as EvidenceCopy.Failure: text = e.description
        case let e as CustomStringConvertible: text = e.description
        default: text = "\(error)"
        }
        if let path, !text.contains(path) { return "\(path): \(text)" }
        return text
    }
}
