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
