import Foundation
import Testing
@testable import FootageCatalog
@testable import FootageKit

/// How a row becomes its `--json` line: one canonical text, absent values left out, lists always written.
@Suite struct JSONRowTests {
    @Test func anAbsentValueIsLeftOutAndAListIsAlwaysWritten() {
        struct Link: Encodable {
            var id = "L1"
            var note: String?
            var keyframes: [Int] = []
        }
        #expect(JSONRow.line(Link()) == #"{"id":"L1","keyframes":[]}"#)
        #expect(JSONRow.line(Link(note: "seen")) == #"{"id":"L1","keyframes":[],"note":"seen"}"#)
    }

    /// Keys inside a row's dictionaries (a clip's tags, a probe's) are data: written exactly as they came, sorted by
    /// their UTF-8 bytes, never converted as a key strategy would convert them.
    @Test func keysInsideARowsDictionariesAreKeptAsWritten() {
        struct Tagged: Encodable {
            var tags: [String: String]
            var details: JSONValue
        }
        let row = Tagged(tags: ["HANDLER_NAME": "VideoHandler", "com.apple.quicktime.location.ISO6709": "+33.3"],
                         details: ["b": 1, "B": 2, "é": 3])
        #expect(JSONRow.line(row) == #"{"details":{"B":2,"b":1,"é":3},"tags":{"HANDLER_NAME":"VideoHandler","#
            + #""com.apple.quicktime.location.ISO6709":"+33.3"}}"#)
    }

    @Test func numbersAndNestedListsKeepTheirCanonicalForm() {
        struct Numbers: Encodable {
            var whole = 30.0
            var fraction = 0.1
            var endless = Double.infinity
            var large = Int64.max
            var count = 3
            var flag = false
            var grid: [[Int]] = [[1, 2], []]
            var gaps: [String?] = ["a", nil]
        }
        #expect(JSONRow.line(Numbers()) == #"{"count":3,"endless":null,"flag":false,"fraction":0.1,"#
            + #""gaps":["a",null],"grid":[[1,2],[]],"large":9223372036854775807,"whole":30}"#)
    }
}
