import Foundation
import ClioTestSupport
import Testing
@testable import ClioCore

@Suite struct LineReaderTests {
    func file(_ contents: [UInt8]) throws -> String { temporaryFile(bytes: contents, suffix: "") }

    @Test func linesAreSplitOnNewlinesAndNumberedFromOne() throws {
        let path = try file(Array("a\r\nbb\n\nccc".utf8))
        let lines = Array(LineReader(paths: [path]))
        #expect(lines.map { String(decoding: $0.bytes, as: UTF8.self) } == ["a", "bb", "", "ccc"])
        #expect(lines.map(\.location.line) == [1, 2, 3, 4])
        #expect(lines.allSatisfy { $0.location.source == path })
    }

    @Test func linesLongerThanTheReadBufferArriveWhole() throws {
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 300_000)
        let path = try file(long + [0x0A] + Array("end\n".utf8))
        let lines = Array(LineReader(paths: [path]))
        #expect(lines.count == 2)
        #expect(lines[0].bytes.count == 300_000)
        #expect(lines[1].bytes == Array("end".utf8))
    }

    @Test func aLineOverTheLimitIsAnErrorNotAnAllocation() throws {
        let path = try file([UInt8](repeating: 0x41, count: 200_000))
        let reader = LineReader(paths: [path], maxLineBytes: 100_000)
        #expect(Array(reader).isEmpty)
        #expect(reader.failure?.location?.line == 1)
    }

    @Test func severalFilesAreReadInOrderEachWithItsOwnNumbers() throws {
        let a = try file(Array("1\n2\n".utf8)), b = try file(Array("3\n".utf8))
        let lines = Array(LineReader(paths: [a, b]))
        #expect(lines.map(\.location) == [Location(source: a, line: 1), Location(source: a, line: 2), Location(source: b, line: 1)])
    }

    @Test func anUnreadableFileIsReportedByName() {
        let reader = LineReader(paths: ["/nonexistent/x.jsonl"])
        #expect(throws: ClioError.self) { try reader.checkReadable() }
    }
}
