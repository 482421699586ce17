import Foundation
import ClioTestSupport
import Testing
@testable import ClioCore

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

    @Test func aFlagGivenAValueIsRejected() {
        var scanner = ArgumentScanner(["--verbose=yes"])
        #expect(throws: UsageError.self) {
            while let option = try scanner.nextOption() { _ = try scanner.flag(option) }
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
}
