import Foundation
import ClioTestSupport
import Testing
@testable import ClioCore

@Suite struct RecordInputTests {
    func file(_ text: String) throws -> String {
        temporaryFile(text)
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
