import Foundation
import Testing

@testable import FootageCatalog

@Suite struct CanonicalJSONTests {
    @Test func keysAreSortedAndThereIsNoWhiteSpace() {
        let value: JSONValue = ["b": 1, "a": ["z": true, "y": nil], "c": [1, "two", 3.5]]
        #expect(value.canonicalText == #"{"a":{"y":null,"z":true},"b":1,"c":[1,"two",3.5]}"#)
    }

    @Test func stringsAreEscapedMinimally() {
        let value: JSONValue = .string("quote \" backslash \\ newline \n tab \t bell \u{07} é /")
        #expect(value.canonicalText == #""quote \" backslash \\ newline \n tab \t bell \u0007 é /""#)
    }

    @Test func wholeDoublesPrintAsIntegers() {
        #expect(JSONValue.double(12).canonicalText == "12")
        #expect(JSONValue.double(12.5).canonicalText == "12.5")
        #expect(JSONValue.double(.nan).canonicalText == "null")
    }

    @Test func parsingTheCanonicalTextGivesTheSameValue() throws {
        let value: JSONValue = ["n": 3, "d": 2.25, "s": "x", "b": false, "a": [nil, ["k": "v"]]]
        #expect(try JSONValue(parsing: value.canonicalText) == value)
        #expect(try JSONValue(parsing: value.canonicalText).canonicalText == value.canonicalText)
    }
}
