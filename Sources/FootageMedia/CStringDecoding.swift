extension String {
    /// The text of a NUL-terminated C buffer we filled (invalid UTF-8 repaired).
    init(nulTerminated buffer: [CChar]) {
        self = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
