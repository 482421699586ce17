import Foundation
import ClioTestSupport
import Testing
@testable import ClioCore

@Suite struct LineBlockTests {
    func file(_ contents: [UInt8]) throws -> String { temporaryFile(bytes: contents, suffix: "") }

    /// Every non-blank line with its place, as the block reader gives them.
    func blockLines(_ reader: LineBlockReader) throws -> [(String, Location)] {
        var out: [(String, Location)] = []
        while let block = try reader.next() {
            for q in 0..<block.count { out.append((String(decoding: block.line(q), as: UTF8.self), block.location(q))) }
        }
        return out
    }

    /// Random files with blank lines, CRLF endings, long lines and no final newline, read with
    /// blocks far smaller than the lines: the same lines and numbers as `LineReader`.
    @Test(arguments: [64, 100, 4096, 1 << 20])
    func blocksHoldTheSameLinesAsTheLineReader(blockBytes: Int) throws {
        var rng = SeededGenerator(seed: UInt64(blockBytes))
        var paths: [String] = []
        for _ in 0..<3 {
            var bytes: [UInt8] = []
            for _ in 0..<(rng.next() % 60) {
                switch rng.next() % 6 {
                case 0: bytes += Array("  \t".utf8)
                case 1: bytes += [UInt8](repeating: UInt8(ascii: "y"), count: Int(rng.next() % 700))
                default: bytes += Array("{\"id\":\(rng.next() % 1000)}".utf8)
                }
                bytes += rng.next() % 4 == 0 ? [0x0D, 0x0A] : [0x0A]
            }
            if rng.next() % 2 == 0 { bytes += Array("last".utf8) }
            paths.append(try file(bytes))
        }
        let expected = LineReader(paths: paths).filter { !$0.isBlank }.map { (String(decoding: $0.bytes, as: UTF8.self), $0.location) }
        let got = try blockLines(LineBlockReader(paths: paths, blockBytes: blockBytes))
        #expect(got.map(\.0) == expected.map(\.0))
        #expect(got.map(\.1) == expected.map(\.1))
    }

    @Test func aLineOverTheLimitIsAnErrorWithItsNumber() throws {
        let long = [UInt8](repeating: 0x41, count: 5000)
        for tail in [[0x0A] + Array("x\n".utf8), []] as [[UInt8]] {
            let path = try file(Array("ok\n\nok\n".utf8) + long + tail)
            let reader = LineBlockReader(paths: [path], blockBytes: 64, maxLineBytes: 4000)
            #expect(throws: ClioError.self) { _ = try blockLines(reader) }
            do {
                _ = try blockLines(LineBlockReader(paths: [path], blockBytes: 64, maxLineBytes: 4000))
            } catch {
                #expect((error as? ClioError)?.location == Location(source: path, line: 4))
            }
            // At the limit exactly, the line is fine.
            let lines = try blockLines(LineBlockReader(paths: [path], blockBytes: 64, maxLineBytes: 5000))
            #expect(lines.map { $0.0.count } == [2, 2, 5000] + (tail.isEmpty ? [] : [1]))
        }
    }

    @Test func smallFilesDoNotEachHoldAWholeBlock() throws {
        let paths = try (0..<50).map { i in try file(Array("{\"id\":\(i)}\n".utf8)) }
        let reader = LineBlockReader(paths: paths, blockBytes: 1 << 20)
        var capacity = 0, lines = 0
        while let block = try reader.next() {
            capacity += block.capacity
            lines += block.count
        }
        #expect(lines == 50)
        #expect(capacity < 50 * 16)
    }

    @Test func anUnreadableFileIsAClearError() {
        #expect(throws: ClioError.self) { _ = try blockLines(LineBlockReader(paths: ["/nonexistent/clio"])) }
    }

    @Test func anOpenDescriptorIsReadFromItsOffsetAndClosed() throws {
        let path = try file(Array("skipped\n{\"a\":1}\n\n{\"a\":2}".utf8))
        let fd = open(path, O_RDONLY)
        var opened = stat()
        #expect(fstat(fd, &opened) == 0)
        #expect(lseek(fd, 8, SEEK_SET) == 8)
        let lines = try blockLines(LineBlockReader(descriptor: fd, name: "<spool>", blockBytes: 64))
        #expect(lines.map(\.0) == [#"{"a":1}"#, #"{"a":2}"#])
        #expect(lines.map(\.1) == [Location(source: "<spool>", line: 1), Location(source: "<spool>", line: 3)])
        // Closed: the number no longer names this file. (Tests running alongside may have been
        // given the same number since, so "not open at all" would be a race.)
        var now = stat()
        #expect(fstat(fd, &now) != 0 || now.st_ino != opened.st_ino || now.st_dev != opened.st_dev)
    }
}
