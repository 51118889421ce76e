import Foundation

/// The line of `footage report`: the page written and what it holds.
public struct ReportRow: Encodable, Sendable {
    public var path: String
    public var bytes: Int
    public var claims: Int
    public var clips: Int
    /// The folder of pictures beside the page (its name), with `--images-folder`.
    public var imagesFolder: String?

    enum CodingKeys: String, CodingKey {
        case path, bytes, claims, clips
        case imagesFolder = "images_folder"
    }
}
