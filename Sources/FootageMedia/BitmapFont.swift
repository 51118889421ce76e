/// A tiny 5×7 pixel font for timecodes on contact sheets: libavfilter's `drawtext` is not linked (and would
/// bring FreeType and fontconfig), and a timecode needs only digits and a few signs.
enum BitmapFont {
    static let glyphWidth = 5
    static let glyphHeight = 7

    /// Each glyph is seven rows of five bits, the leftmost pixel in the highest bit.
    private static let glyphs: [Character: [UInt8]] = [
        "0": [0b01110, 0b10001, 0b10011, 0b10101, 0b11001, 0b10001, 0b01110],
        "1": [0b00100, 0b01100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110],
        "2": [0b01110, 0b10001, 0b00001, 0b00010, 0b00100, 0b01000, 0b11111],
        "3": [0b11111, 0b00010, 0b00100, 0b00010, 0b00001, 0b10001, 0b01110],
        "4": [0b00010, 0b00110, 0b01010, 0b10010, 0b11111, 0b00010, 0b00010],
        "5": [0b11111, 0b10000, 0b11110, 0b00001, 0b00001, 0b10001, 0b01110],
        "6": [0b00110, 0b01000, 0b10000, 0b11110, 0b10001, 0b10001, 0b01110],
        "7": [0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b01000, 0b01000],
        "8": [0b01110, 0b10001, 0b10001, 0b01110, 0b10001, 0b10001, 0b01110],
        "9": [0b01110, 0b10001, 0b10001, 0b01111, 0b00001, 0b00010, 0b01100],
        ":": [0b00000, 0b01100, 0b01100, 0b00000, 0b01100, 0b01100, 0b00000],
        ".": [0b00000, 0b00000, 0b00000, 0b00000, 0b00000, 0b01100, 0b01100],
        "-": [0b00000, 0b00000, 0b00000, 0b11111, 0b00000, 0b00000, 0b00000],
        "#": [0b01010, 0b01010, 0b11111, 0b01010, 0b11111, 0b01010, 0b01010],
        " ": [0, 0, 0, 0, 0, 0, 0],
    ]

    /// Whether `character` can be drawn (others are drawn as blanks).
    static func has(_ character: Character) -> Bool { glyphs[character] != nil }

    /// The size of `text` drawn at `scale` (each font pixel a `scale`×`scale` square, one column between glyphs).
    static func size(of text: String, scale: Int) -> (width: Int, height: Int) {
        let count = text.count
        return (count == 0 ? 0 : (count * (glyphWidth + 1) - 1) * scale, glyphHeight * scale)
    }

    /// Draws `text` with its top-left corner at (`x`, `y`) on a dark, half-transparent box with `padding`
    /// pixels around it, so that it stays legible on any picture.
    static func drawLabel(_ text: String, on image: inout RGBBuffer, x: Int, y: Int, scale: Int, padding: Int) {
        let size = size(of: text, scale: scale)
        image.fill(
            x: x, y: y, width: size.width + 2 * padding, height: size.height + 2 * padding,
            colour: (0, 0, 0), alpha: 180)
        draw(text, on: &image, x: x + padding, y: y + padding, scale: scale, colour: (255, 255, 255))
    }

    /// Draws `text` in `colour` with its top-left corner at (`x`, `y`), clipped to the image.
    static func draw(
        _ text: String, on image: inout RGBBuffer, x: Int, y: Int, scale: Int,
        colour: (UInt8, UInt8, UInt8)
    ) {
        var left = x
        for character in text {
            let rows = glyphs[character] ?? glyphs[" "]!
            for (row, bits) in rows.enumerated() {
                for column in 0..<glyphWidth where bits & (1 << (glyphWidth - 1 - column)) != 0 {
                    image.fill(
                        x: left + column * scale, y: y + row * scale, width: scale, height: scale,
                        colour: colour)
                }
            }
            left += (glyphWidth + 1) * scale
        }
    }
}
