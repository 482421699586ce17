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

@Suite struct RecordInputTests {
    func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("clio-records-\(UUID().uuidString)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aBadLineStopsTheRunWithItsLineNumber() throws {
        let path = try file("{\"id\":1}\n\n{broken\n{\"id\":3}\n")
        var seen: [Int] = []
        do {
            try RecordInput(paths: [path], skipInvalid: false).forEach { record, _ in seen.append(record["id"]!.intValue!) }
            Issue.record("expected an error")
        } catch let error as ClioError {
            #expect(error.location == Location(source: path, line: 3))
            #expect(error.code == .invalidJSON)
        }
        #expect(seen == [1])
    }

    @Test func skipInvalidGoesOnAndCounts() throws {
        let path = try file("{\"id\":1}\n[1,2]\n{broken\n{\"id\":4}\n")
        let input = RecordInput(paths: [path], skipInvalid: true)
        var seen: [Int] = []
        try input.forEach { record, _ in seen.append(record["id"]!.intValue!) }
        #expect(seen == [1, 4])
        #expect(input.skipped == 2)
    }

    @Test func aRecordErrorFromTheStageIsTiedToItsLine() throws {
        let path = try file("{\"facets\":{\"request\":\"a\"}}\n{\"facets\":{}}\n")
        do {
            try RecordInput(paths: [path], skipInvalid: false).forEach { record, _ in
                _ = try record.requireString("facets.request")
            }
            Issue.record("expected an error")
        } catch let error as ClioError {
            #expect(error.description == "\(path):2: field \"facets.request\" is missing")
        }
    }
}

@Suite struct ArgumentScannerTests {
    @Test func optionsValuesAndPositionalsAreSeparated() throws {
        var scanner = ArgumentScanner(["-k", "5", "a.jsonl", "--seed=9", "-", "--", "--not-an-option"])
        var k = 0, seed = 0
        while let option = try scanner.nextOption() {
            switch option {
            case "-k": k = try scanner.int(for: option, min: 1)
            case "--seed": seed = try scanner.int(for: option)
            default: throw scanner.unknown(option)
            }
        }
        #expect(k == 5 && seed == 9)
        #expect(scanner.positionals == ["a.jsonl", "-", "--not-an-option"])
    }

    @Test func aMissingOrBadValueIsAUsageError() {
        var scanner = ArgumentScanner(["-k"])
        #expect(throws: UsageError.self) {
            while let option = try scanner.nextOption() { _ = try scanner.int(for: option) }
        }
        var bad = ArgumentScanner(["-k", "zero"])
        #expect(throws: UsageError("option -k needs a whole number, got 'zero'")) {
            while let option = try bad.nextOption() { _ = try bad.int(for: option) }
        }
    }

    /// Numbers at the edges (issue 16): `--per-cluster 9223372036854775807` passed and then
    /// overflowed in `n + perCluster - 1`.
    @Test func aWholeNumberPastTheLargestCountIsAUsageError() throws {
        var huge = ArgumentScanner(["-k", "9223372036854775807"])
        #expect(throws: UsageError("option -k must be at most 1099511627776, got 9223372036854775807")) {
            while let option = try huge.nextOption() { _ = try huge.int(for: option, min: 1) }
        }
        var largest = ArgumentScanner(["-k", String(ArgumentScanner.largestCount)])
        while let option = try largest.nextOption() { #expect(try largest.int(for: option, min: 1) == 1 << 40) }
        var tooLong = ArgumentScanner(["-k", "99999999999999999999"])
        #expect(throws: UsageError("option -k needs a whole number, got '99999999999999999999'")) {
            while let option = try tooLong.nextOption() { _ = try tooLong.int(for: option) }
        }
    }

    @Test func aFlagGivenAValueIsRejected() {
        var scanner = ArgumentScanner(["--verbose=yes"])
        #expect(throws: UsageError.self) {
            while let option = try scanner.nextOption() { _ = try scanner.flag(option) }
        }
    }
}

@Suite struct VectorCodecTests {
    @Test func bothEncodingsDecodeToTheSameFloats() throws {
        let vector: [Float] = [0.1, -2.5, 3e-8, 1, 0, 123456.79]
        for compact in [false, true] {
            let json = VectorCodec.encode(vector, compact: compact)
            let reparsed = try JSONParser.parse(JSONSerializer.string(json))
            #expect(try VectorCodec.decode(reparsed, field: "embedding") == vector)
        }
    }

    @Test func nonNumbersAndNonFiniteValuesAreRejected() {
        #expect(throws: ClioError.self) { try VectorCodec.decode(["a"], field: "embedding") }
        #expect(throws: ClioError.self) { try VectorCodec.decode([1e300], field: "embedding") }
        #expect(throws: ClioError.self) { try VectorCodec.decode("f32le:!!!!", field: "embedding") }
    }

    @Test func compactVectorsDecodeStraightFromBytesAsTheCodecDoes() throws {
        var rng = SeededGenerator(seed: 3)
        for count in [0, 1, 2, 3, 7, 384] {
            let vector = (0..<count).map { _ in Float(Int64(rng.next() % 2_000_001) - 1_000_000) / 7919 }
            guard case .string(let text) = VectorCodec.encode(vector, compact: true) else { Issue.record("not a string"); return }
            var decoded: [Float] = [9]
            let ok = Array(text.utf8).withUnsafeBufferPointer { Base64.appendFloats($0, to: &decoded) }
            #expect(ok)
            #expect(decoded == [9] + vector)
        }
        for bad in ["f32le:AAAA", "f32le:AAAAAA==!", "x32le:AACAPw==", "f32le:AACAfw==", "f32le:AAC=APw="] {
            var decoded: [Float] = [1]
            let ok = Array(bad.utf8).withUnsafeBufferPointer { Base64.appendFloats($0, to: &decoded) }
            #expect(!ok, "\(bad)")
            #expect(decoded == [1])
        }
    }

    @Test func base64MatchesKnownEncodings() {
        #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(Base64.encode(Array("fo".utf8)) == "Zm8=")
        #expect(Base64.decode("Zm9vYg==") == Array("foob".utf8))
        #expect(Base64.decode("Zm9v!") == nil)
    }
}

@Suite struct DurationTests {
    /// An estimate from a rate near zero is huge or infinite; `Int(seconds)` trapped on it.
    @Test func hugeAndNonFiniteDurationsAreWords() {
        #expect(formatDuration(.infinity) == "over 30 years")
        #expect(formatDuration(1e300) == "over 30 years")
        #expect(formatDuration(.nan) == "?")
        #expect(formatDuration(3725) == "1h02m")
        #expect(formatDuration(59.94) == "59.9s")
    }
}
