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
        #expect(!CanonicalJSONScanner(text).isCanonical)
    }

    /// The scanner `verify` reads a large ledger with agrees with the reader, and finds members in place.
    @Test func theScannerAcceptsWhatTheReaderAcceptsAndFindsMembersInPlace() throws {
        let value: JSONValue = [
            "rows": [["image": ["a": 1.5, "b": "x\u{1}"], "key": [7], "table": "clip"]], "sha256": "ab", "z": .null,
        ]
        let text = value.canonicalText
        let scanner = CanonicalJSONScanner(text)
        #expect(scanner.isCanonical)
        let members = scanner.members(ofObjectAt: 0)
        #expect(members.map(\.key) == ["rows", "sha256", "z"])
        let rows = try #require(members.first?.value)
        let entry = try #require(scanner.elements(ofArrayAt: rows.lowerBound).first)
        let image = try #require(scanner.members(ofObjectAt: entry.lowerBound).first { $0.key == "image" }?.value)
        #expect(scanner.text(image) == value["rows"]?.arrayItems.first?["image"]?.canonicalText)
        for number in ["2", "-7", "2.5", "1e-07", "1e+16"] {
            #expect(
                CanonicalJSONScanner.isCanonicalNumber(number)
                    == (JSONValue.double(Double(number)!).canonicalText
                        == number || Int64(number) != nil))
        }
    }

    /// The chain hashes a canonical payload's text as it is; the result is the one parsing it again gives.
    @Test func theChainHashesACanonicalPayloadAsParsingItWould() throws {
        let payload: JSONValue = ["rows": [], "note": "a \"quoted\" note\n", "n": 2.5]
        let fast = LedgerEvent.hashedText(
            seq: 3, time: "t", actor: "a\"b", action: "link.add", subject: "L1", payload: payload.canonicalText,
            prevHash: "0")
        let body: JSONValue = [
            "seq": 3, "time": "t", "actor": "a\"b", "action": "link.add", "subject": "L1", "payload": payload,
        ]
        #expect(fast == "0\n" + body.canonicalText)
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
