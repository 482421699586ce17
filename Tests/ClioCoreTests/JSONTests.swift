import Testing
@testable import ClioCore

@Suite struct JSONTests {
    @Test func objectKeysKeepTheirOrderThroughARoundTrip() throws {
        let text = #"{"z":1,"a":{"y":[1,2.5,"x"],"b":null},"m":true}"#
        #expect(JSONSerializer.string(try JSONParser.parse(text)) == text)
    }

    @Test func numbersAsWrittenSurviveARoundTrip() throws {
        for text in ["0", "-3", "0.1", "0.123456789", "1e-05", "12345678901234567890", "-0.5", "3.14159"] {
            let parsed = try JSONParser.parse(text)
            let back = try JSONParser.parse(JSONSerializer.string(parsed))
            #expect(back.doubleValue == parsed.doubleValue, "\(text)")
        }
        #expect(JSONSerializer.string(try JSONParser.parse("12345678901234567890")) == "12345678901234567890")
        #expect(JSONSerializer.string(try JSONParser.parse("0.1")) == "0.1")
        #expect(JSONSerializer.string(try JSONParser.parse("2.0")) == "2")
    }

    @Test func parsedNumbersMatchTheCLibrary() throws {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<2000 {
            let d = Double(bitPattern: rng.next() & 0x3FEF_FFFF_FFFF_FFFF) * (rng.next() & 1 == 0 ? 1 : -1)
            for text in [String(d), String(Float(d)), "\(Int64(truncatingIfNeeded: rng.next() >> 20))"] {
                #expect(try JSONParser.parse(text).doubleValue == Double(text), "\(text)")
            }
        }
    }

    @Test func escapesAndUnicodeAreDecoded() throws {
        let parsed = try JSONParser.parse(#""a\"b\\c\n\u00e9\ud83d\ude00/\/""#)
        #expect(parsed == .string("a\"b\\c\né😀//"))
        #expect(JSONSerializer.string(.string("tab\there \u{1}")) == #""tab\there \u0001""#)
    }

    @Test(arguments: [
        "", "{", "{\"a\":}", "[1,]", "01", "1.", "\"abc", "tru", "{\"a\" 1}", "[1] x", "\"\u{1}\"", "\"\\x\"", "-",
    ])
    func malformedTextIsRejected(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test func invalidUTF8IsRejected() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
    }

    @Test func deepNestingIsRejectedNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    }

    @Test func dottedPathsReadAndWrite() throws {
        var value = try JSONParser.parse(#"{"facets":{"request":"x"},"list":[{"a":1}]}"#)
        #expect(value[path: "facets.request"] == .string("x"))
        #expect(value[path: "list.0.a"] == .number(1))
        #expect(value[path: "facets.missing"] == nil)
        value.set(path: "facets.task", to: "y")
        value.set(path: "new.deep", to: 3)
        #expect(JSONSerializer.string(value) == #"{"facets":{"request":"x","task":"y"},"list":[{"a":1}],"new":{"deep":3}}"#)
    }
}
