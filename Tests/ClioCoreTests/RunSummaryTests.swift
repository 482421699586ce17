import Testing

@testable import ClioCore

@Suite struct RunSummaryTests {
    @Test func theLineSaysReadWrittenAndSkippedThenTheDetails() {
        var summary = RunSummary(read: 12, written: 9)
        summary.skip("no user text", count: 2)
        summary.failed = 1
        #expect(summary.line(details: ["3 calls", "0.4s"]) == "read 12 records, wrote 9, skipped 2, 1 failed; 3 calls, 0.4s")
    }

    @Test func aToolWithoutFailuresLeavesThemOutAndNamesWhatItWrote() {
        let summary = RunSummary(read: 1, written: 21, writtenNoun: "cluster records")
        #expect(summary.line() == "read 1 record, wrote 21 cluster records, skipped 0")
    }

    @Test func oneReasonIsNamedAloneSeveralWithTheirCountsInFirstSeenOrder() {
        var summary = RunSummary()
        #expect(summary.skipLine(noun: "conversation") == nil)
        summary.skip("no user text")
        #expect(summary.skipLine(noun: "conversation") == "skipped 1 conversation: no user text")
        for _ in 0..<5 { summary.skip("no user text") }
        #expect(summary.skipLine(noun: "conversation") == "skipped 6 conversations: no user text")
        summary.skip("invalid", count: 2)
        summary.skip("empty conversation")
        summary.skip("unused", count: 0)
        #expect(summary.skipped == 9)
        #expect(summary.skipLine(noun: "conversation") == "skipped 9 conversations: 6 no user text, 2 invalid, 1 empty conversation")
    }

    @Test func countsTakeTheirPlural() {
        #expect(RunSummary.count(1, "record") == "1 record")
        #expect(RunSummary.count(0, "record") == "0 records")
        #expect(RunSummary.count(2, "retry", "retries") == "2 retries")
        #expect(RunSummary.count(1, "retry", "retries") == "1 retry")
    }
}
