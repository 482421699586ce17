import Testing
import ClioCore
@testable import ClioSummarize

private func elements(_ text: String) throws -> [(String, Int)] {
    let reader = DocumentReader(path: try Fixture.file(text))
    try reader.openInput()
    var result: [(String, Int)] = []
    while let element = try reader.next() {
        result.append((String(decoding: element.bytes, as: UTF8.self), element.location.line))
    }
    return result
}

@Test func arrayElementsAreSplitOutsideStringsAndEscapes() throws {
    let text = #"[{"a":"x],[}{\"y"},{"b":[1,[2]]} , "s\\",7,[3,{"c":"]"}]]"#
    let parts = try elements(text)
    #expect(parts.map(\.0) == [#"{"a":"x],[}{\"y"}"#, #"{"b":[1,[2]]}"#, #""s\\""#, "7", #"[3,{"c":"]"}]"#])
}

@Test func eachElementIsParsedToTheSameValueAsTheWholeDocument() throws {
    let text = """
        [ {"id": 1, "t": "a\\nb \\u00e9"},
          {"id": 2, "nested": {"list": [true, false, null]}},
          "plain", -3.5e2 ]
        """
    guard case .array(let whole) = try JSONParser.parse(text) else { Issue.record("not an array"); return }
    let pieces = try elements(text).map { try JSONParser.parse($0.0) }
    #expect(pieces == whole)
}

@Test func elementLinesAreWhereEachElementStarts() throws {
    let text = "[\n  {\"a\":\n    1},\n\n  {\"b\": \"line\\nbreak\"},\n  {\"c\": 3}\n]\n"
    #expect(try elements(text).map(\.1) == [2, 5, 6])
}

@Test func largeElementsAcrossBufferBoundariesAreRead() throws {
    let big = String(repeating: "x\\\"]", count: 50_000)
    let text = "[{\"v\":\"\(big)\"},{\"w\":1}]"
    let parts = try elements(text)
    #expect(parts.count == 2)
    #expect(parts[1].0 == "{\"w\":1}")
}

@Test func unclosedArrayNamesTheElementLine() throws {
    do {
        _ = try elements("[\n{\"a\":1},\n{\"b\":\"never closed\n")
        Issue.record("expected an error")
    } catch let error as ClioError {
        #expect(error.location?.line == 3)
        #expect(error.message.contains("not closed"))
    }
}

@Test func missingCommaBetweenElementsIsAnError() throws {
    #expect(throws: ClioError.self) { try elements("[{\"a\":1} {\"b\":2}]") }
}

@Test func textAfterTheArrayIsAnError() throws {
    #expect(throws: ClioError.self) { try elements("[{\"a\":1}] junk") }
}

@Test func emptyArrayHasNoElements() throws {
    #expect(try elements("  [ ]  \n").isEmpty)
}

@Test func badElementJSONNamesTheLineWhereTheElementStarts() throws {
    let path = try Fixture.file("[\n{\"id\":1,\"messages\":[{\"role\":\"user\",\"content\":\"ok\"}]},\n{\"id\":2,\n \"messages\": [tru]}\n]")
    do {
        _ = try Fixture.conversations([path])
        Issue.record("expected an error")
    } catch let error as ClioError {
        #expect(error.code == .invalidJSON)
        #expect(error.location == Location(source: path, line: 3))
    }
}

@Test func jsonLinesToleratesCarriageReturnsAndBlankLines() throws {
    let parts = try elements("{\"a\":1}\r\n\r\n   \n{\"b\":2}")
    #expect(parts.map(\.0) == ["{\"a\":1}", "{\"b\":2}"])
    #expect(parts.map(\.1) == [1, 4])
}

/// A small deterministic generator (SplitMix64), so the randomized test is reproducible.
private struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

private func randomValue(_ rng: inout SplitMix64, depth: Int = 0) -> JSON {
    let pieces = ["[", "]", "{", "}", ",", "\"", "\\", "\n", " ", "é", "中", "x", ":", "\\u005d"]
    switch depth > 3 ? rng.below(4) : rng.below(7) {
    case 0: return .number(Double(rng.below(100_000)) / 8)
    case 1: return .bool(rng.below(2) == 0)
    case 2: return .null
    case 3: return .string((0..<rng.below(40)).map { _ in pieces[rng.below(pieces.count)] }.joined())
    case 4, 5:
        var object = JSONObject()
        for k in 0..<rng.below(5) { object["k\(k)\(pieces[rng.below(pieces.count)])"] = randomValue(&rng, depth: depth + 1) }
        return .object(object)
    default: return .array((0..<rng.below(5)).map { _ in randomValue(&rng, depth: depth + 1) })
    }
}

@Test func randomArraysSplitIntoTheElementsOfAWholeParse() throws {
    var rng = SplitMix64(state: 42)
    for _ in 0..<20 {
        let values = (0..<(1 + rng.below(300))).map { _ in randomValue(&rng) }
        let spaces = [" ", "\n", "\t", "", "\r\n  "]
        var text = "[" + spaces[rng.below(spaces.count)]
        for (i, value) in values.enumerated() {
            if i > 0 { text += spaces[rng.below(spaces.count)] + "," + spaces[rng.below(spaces.count)] }
            text += JSONSerializer.string(value)
        }
        text += spaces[rng.below(spaces.count)] + "]"
        // Reference: the whole document parsed at once.
        guard case .array(let whole) = try JSONParser.parse(text) else { Issue.record("not an array"); return }
        let pieces = try elements(text)
        #expect(pieces.count == whole.count)
        #expect(try pieces.map { try JSONParser.parse($0.0) } == whole)
        // Reference for lines: count the newlines before each element's first byte, finding
        // each element after the end of the one before.
        var searchFrom = text.startIndex
        for piece in pieces {
            guard let found = text.range(of: piece.0, range: searchFrom..<text.endIndex) else {
                Issue.record("element not found in order")
                break
            }
            #expect(piece.1 == text[..<found.lowerBound].filter { $0 == "\n" || $0 == "\r\n" }.count + 1)
            searchFrom = found.upperBound
        }
    }
}
