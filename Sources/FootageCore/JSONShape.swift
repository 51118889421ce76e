/// The shape of JSON text from one pass over its bytes outside strings, without parsing it: how deep its arrays and
/// objects nest and about how many values it holds (counted from separators and containers, a small overcount).
/// Untrusted JSON (an article's JSON-LD, a C2PA manifest store) is measured so before a parser, whose recursion and
/// memory grow with both, is given it.
public struct JSONShape: Sendable, Equatable {
    /// The deepest nesting seen (stopped counting past the scan's depth limit).
    public var depth = 0
    /// Values and keys, from their separators and containers.
    public var values = 1
    /// Whether every closing bracket closed one that was open and none was left open.
    public var balanced = true

    public init(depth: Int = 0, values: Int = 1, balanced: Bool = true) {
        (self.depth, self.values, self.balanced) = (depth, values, balanced)
    }

    /// Scans `bytes`, stopping as soon as the depth passes `maximumDepth` or the values pass `maximumValues`.
    public static func of(_ bytes: UnsafeRawBufferPointer, maximumDepth: Int, maximumValues: Int = .max) -> JSONShape {
        var shape = JSONShape()
        var open = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                open += 1
                shape.values += 1
                shape.depth = max(shape.depth, open)
                if open > maximumDepth { return shape }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                open -= 1
                if open < 0 { shape.balanced = false }
            case UInt8(ascii: ","), UInt8(ascii: ":"): shape.values += 1
            default: break
            }
            if shape.values > maximumValues { return shape }
        }
        if open != 0 { shape.balanced = false }
        return shape
    }
}
