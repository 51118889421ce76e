import CFFmpeg
import FootageCore

/// How a stream's packets are encrypted (ISO/IEC 23001-7 Common Encryption, as FFmpeg's demuxers report it in each
/// packet's `AV_PKT_DATA_ENCRYPTION_INFO` side data): the scheme and the key it needs.
///
/// An encrypted stream demuxes normally but decodes to garbage (or, where slice headers stay in the clear, to grey
/// pictures that look valid): nothing derived from its pictures is evidence. Probing reports it; decoding refuses it.
/// See https://ffmpeg.org/doxygen/5.1/encryption__info_8h.html
public struct StreamEncryption: Codable, Sendable, Hashable {
    /// The protection scheme's four characters: `cenc`, `cbc1`, `cens` or `cbcs`.
    public var scheme: String
    /// The key identifier, lower-case hex (16 bytes in Common Encryption).
    public var keyID: String

    enum CodingKeys: String, CodingKey {
        case scheme
        case keyID = "key_id"
    }

    public init(scheme: String, keyID: String) {
        self.scheme = scheme
        self.keyID = keyID
    }

    /// The encryption a packet declares, if any.
    static func of(_ packet: UnsafePointer<AVPacket>) -> StreamEncryption? {
        var size = 0
        guard let data = av_packet_get_side_data(packet, AV_PKT_DATA_ENCRYPTION_INFO, &size), size > 0,
            let info = av_encryption_info_get_side_data(data, size)
        else { return nil }
        defer { av_encryption_info_free(info) }
        let scheme = withUnsafeBytes(of: info.pointee.scheme.bigEndian) { bytes in
            String(decoding: bytes.map { (0x20...0x7e).contains($0) ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
        }
        let keyID = UnsafeBufferPointer(start: info.pointee.key_id, count: Int(info.pointee.key_id_size)).hexString
        return StreamEncryption(scheme: scheme, keyID: keyID)
    }

    /// "common encryption cenc, key id a7e61c37…": for messages.
    public var summary: String { "common encryption \(scheme), key id \(keyID)" }
}
