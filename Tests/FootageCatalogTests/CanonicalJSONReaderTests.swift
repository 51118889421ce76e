import Testing

@testable import FootageCatalog

/// A ledger payload is accepted only as its own canonical text: one reading for every reader.
@Suite struct CanonicalJSONReaderTests {
    @Test func aCanonicalTextReadsAsItsValue() throws {
        let value: JSONValue = [
            "a": [1, 2.5, "x\n\"y\"", .null, true], "b": ["c": -7, "d": 1e-07], "é": "\u{1}",
        ]
        #expect(try CanonicalJSONReader.value(of: value.canonicalText) == value)
    }

    @Test(arguments: [
        #"{"stance":"supports","stance":"contradicts"}"#,  // a key twice: readers disagree on which counts
        #"{"a":1, "b":2}"#, #" {"a":1}"#, #"{"a":1}\#n"#,  // white space
        #"{"b":1,"a":2}"#,  // keys out of order
        #"{"a":2.0}"#, #"{"a":2e0}"#, #"{"a":-0}"#,  // other number forms
        #"{"a":"\u0041"}"#, #"{"a":"\/"}"#,  // other escape forms
        #"{"a":1}{"#, #"{"a":"#, #"{"a":"x"#, "", #"{"a":nul}"#,  // not JSON
    ])
    func anyOtherFormIsRefused(_ text: String) {
        #expect(throws: CanonicalJSONReader.Failure.self) { try CanonicalJSONReader.value(of: text) }
    }

    @Test func aDuplicateKeyIsNamed() {
        #expect {
            try CanonicalJSONReader.value(of: #"{"rows":[],"stance":"a","stance":"b"}"#)
        } throws: { error in
            "\(error)".contains(#"duplicate key "stance""#)
        }
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: CanonicalJSONReader.Failure.self) { try CanonicalJSONReader.value(of: deep) }
    }
}
