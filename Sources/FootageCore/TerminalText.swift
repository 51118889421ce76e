/// Text that came from a file, a catalogue or another process, made safe to print on a terminal.
///
/// A tag, a title, a sidecar field or an error's detail may hold escape sequences that move the cursor, rewrite
/// what is on the screen or set the window title, and bidirectional controls that make a line read differently
/// from what it holds (a file named `evil\u{202E}4pm.exe` shows as `evilexe.mp4`). Every such scalar is shown as
/// `\u{…}` instead, so that the line says what it holds. A line feed becomes a space: what footage prints about
/// one record stays on one line.
public enum TerminalText {
    /// `text` with every C0 and C1 control, DEL and bidirectional control written out as `\u{hex}`, and each line
    /// feed replaced by a space. Printable text, other scripts and emoji pass unchanged; the result is safe to
    /// pass through again.
    public static func safe(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                out += " "
            } else if isControl(scalar) {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// True for what `safe` escapes: C0 controls (U+0000–U+001F), DEL (U+007F), C1 controls (U+0080–U+009F), and
    /// the bidirectional controls: the Arabic letter mark U+061C, the marks U+200E and U+200F, the embeddings and
    /// overrides U+202A–U+202E and the isolates U+2066–U+2069.
    /// See <https://www.unicode.org/reports/tr9/#Directional_Formatting_Characters>.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
