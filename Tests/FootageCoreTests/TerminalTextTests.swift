import FootageCore
import Foundation
import Testing

struct TerminalTextTests {
    @Test func escapeSequencesAreWrittenOut() {
        #expect(TerminalText.safe("\u{1B}[2J\u{1B}]0;owned\u{07}title") == #"\u{1b}[2J\u{1b}]0;owned\u{7}title"#)
    }

    @Test(arguments: Array(0x00...0x1F).filter { $0 != 0x0A } + Array(0x7F...0x9F))
    func everyC0AndC1ControlAndDeleteIsEscaped(value: Int) throws {
        let scalar = try #require(Unicode.Scalar(value))
        #expect(TerminalText.safe("a\(Character(scalar))b") == "a\\u{\(String(value, radix: 16))}b")
    }

    @Test(arguments: [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069])
    func everyBidirectionalControlIsEscaped(value: Int) throws {
        let scalar = try #require(Unicode.Scalar(value))
        #expect(TerminalText.isControl(scalar))
        #expect(TerminalText.safe("evil\(Character(scalar))4pm.exe") == "evil\\u{\(String(value, radix: 16))}4pm.exe")
    }

    @Test func aLineFeedKeepsTheRecordOnOneLine() {
        #expect(TerminalText.safe("first line\nsecond line") == "first line second line")
        #expect(TerminalText.safe("windows\r\nline") == #"windows\u{d} line"#)
    }

    @Test func printableTextOtherScriptsAndEmojiPassUnchanged() {
        let text = "Café «وزارة الدفاع» 国防部 👍🏽 e\u{301} 🇮🇶 a\u{200D}b\u{A0}c"
        #expect(TerminalText.safe(text) == text)
    }

    @Test func escapingTwiceChangesNothingMore() {
        let once = TerminalText.safe("\u{1B}[31mred\u{202E}\u{9B}")
        #expect(TerminalText.safe(once) == once)
        #expect(once.unicodeScalars.allSatisfy { !TerminalText.isControl($0) })
    }
}
