import ClioTestSupport
import ClioCore
import Foundation
import Testing
@testable import ClioCluster

@Suite struct SampleAndAssignTests {
    let data = Blobs(n: 900, d: 12, centres: 9, spread: 2, seed: 31)
    var input: String { records(data.points, d: 12) }

    @Test func aSampleAsLargeAsTheInputGivesTheFullRunsOutput() throws {
        let full = try runCluster(["-k", "9"], input: input)
        let sampled = try runCluster(["-k", "9", "--fit-sample", "900"], input: input)
        #expect(sampled.error == nil)
        #expect(sampled.stdout == full.stdout)
        #expect(sampled.centroids == full.centroids)
    }

    @Test func fitSampleOutputIsWhatAssignWritesWithItsCentroids() throws {
        let sampled = try runCluster(["-k", "9", "--fit-sample", "200", "--seed", "5"], input: input)
        let centres = temporaryPath("centres.jsonl")
        defer { unlink(centres) }
        try sampled.centroids.write(toFile: centres, atomically: true, encoding: .utf8)
        let assigned = try runCluster(["--assign", centres], input: input, centroids: false)
        #expect(assigned.error == nil)
        #expect(assigned.stdout == sampled.stdout)
        #expect(try parseLines(assigned.stdout).count == 900)
        // Blobs this far apart: the sample finds every one.
        #expect(samePartition(try parseLines(assigned.stdout).map { $0["cluster"]!.intValue! }, data.truth))
    }

    @Test func theFitIsOnTheSampleAlone() throws {
        // The sample's records clustered on their own, in input order, give the same centres:
        // which is what the Spark driver does with the sample it picks.
        let keys = SampleKey(seed: 5)
        let chosen = Set((0..<900).sorted { keys.key(index: UInt64($0)) < keys.key(index: UInt64($1)) }.prefix(200))
        let lines = input.split(separator: "\n")
        let sampleInput = lines.enumerated().filter { chosen.contains($0.offset) }.map { $0.element }.joined(separator: "\n") + "\n"
        let sampled = try runCluster(["--fit-sample", "200", "--seed", "5"], input: input)
        let alone = try runCluster(["--population", "900", "--seed", "5"], input: sampleInput)
        #expect(alone.centroids == sampled.centroids)
        #expect(try parseLines(sampled.centroids).map { $0["size"]!.intValue! }.reduce(0, +) == 200)
    }

    @Test func aBadRecordStopsFitSampleBeforeAnyOutput() throws {
        var lines = input.split(separator: "\n").map(String.init)
        lines[700] = #"{"id":"bad","embedding":[1,2]}"#
        let run = try runCluster(["--fit-sample", "100"], input: lines.joined(separator: "\n"))
        #expect(run.error?.description == #"in.jsonl:701: field "embedding" has 2 numbers, expected 12 as on line 1"#)
        #expect(run.stdout.isEmpty)
    }

    @Test func skippedRecordsAreLeftOutOfBothPasses() throws {
        var lines = input.split(separator: "\n").map(String.init)
        lines[5] = "{oops"
        lines[600] = #"{"id":"short","embedding":[1]}"#
        let run = try runCluster(["--fit-sample", "300", "--skip-invalid", "-k", "9"], input: lines.joined(separator: "\n"))
        #expect(run.error == nil)
        let ids = try parseLines(run.stdout).map { $0["id"]!.stringValue! }
        #expect(ids.count == 898)
        #expect(!ids.contains("r5") && !ids.contains("short"))
    }

    @Test func assignRejectsARecordOfAnotherDimension() throws {
        let centres = temporaryPath("centres.jsonl")
        defer { unlink(centres) }
        try #"{"cluster":0,"centroid":[0,0]}"#.write(toFile: centres, atomically: true, encoding: .utf8)
        let run = try runCluster(["--assign", centres], input: #"{"embedding":[1,1]}"# + "\n" + #"{"embedding":[1,1,1]}"#,
                                 centroids: false)
        #expect(run.error?.description == #"in.jsonl:2: field "embedding" has 3 numbers, expected 2 as the centres in \#(centres)"#)
        #expect(try parseLines(run.stdout).count == 1)
    }

    @Test func assignFitsNothingSoFitOptionsAreUsageErrors() {
        for option in [["-k", "3"], ["--fit-sample", "10"], ["--centroids", "c.jsonl"], ["--seed", "1"], ["--mini-batch"]] {
            #expect(throws: UsageError.self) { try ClusterCommand(arguments: ["--assign", "c.jsonl"] + option) }
        }
        #expect(throws: UsageError.self) { try ClusterCommand(arguments: ["--fit-sample", "10", "--population", "100"]) }
        #expect(throws: UsageError.self) { try ClusterCommand(arguments: ["-k", "10", "--per-cluster", "100"]) }
        #expect(throws: UsageError.self) { try ClusterCommand(arguments: ["--fit-sample", "0"]) }
    }

    @Test func theDefaultKIsOnePerTwentyRecordsThenGrowsAsTheSquareRoot() {
        #expect(ClusterCommand.defaultK(records: 1) == 1)
        #expect(ClusterCommand.defaultK(records: 45) == 3)
        #expect(ClusterCommand.defaultK(records: 100_000) == 5000)
        #expect(ClusterCommand.defaultK(records: 400_000) == 10_000)
        #expect(ClusterCommand.defaultK(records: 10_000_000) == 50_000)
        // No jump where the rules meet.
        #expect(ClusterCommand.defaultK(records: 100_001) - ClusterCommand.defaultK(records: 100_000) <= 1)
    }

    @Test func aSampleTooSmallForTheDefaultKLowersIt() throws {
        let command = try ClusterCommand(arguments: [])
        let (k, note) = command.clusterCount(records: 1_000_000, fitted: 20_000)
        #expect(k == 1000)
        #expect(note?.contains("a sample of 316240 records would allow 15812") == true)
        #expect(command.clusterCount(records: 1_000_000, fitted: 1_000_000).k == 15_812)
        // Asked for explicitly, k is not lowered (beyond the sample's size).
        #expect(try ClusterCommand(arguments: ["-k", "5000"]).clusterCount(records: 1_000_000, fitted: 20_000).k == 5000)
    }

    @Test func populationChoosesTheDefaultKForTheWholeCollection() throws {
        // A sample of 400,000 from a million: k for the million (15,812), not for 400,000 (10,000).
        let command = try ClusterCommand(arguments: ["--population", "1000000"])
        #expect(command.options(count: command.population!, fitted: 400_000).k == 15_812)
        #expect(command.options(count: 400_000).k == 10_000)
        // Small samples are held to 20 records per cluster whatever the population.
        let run = try runCluster(["--population", "2000"], input: input)
        #expect(try parseLines(run.centroids).count == 45)
        let wrong = try runCluster(["--population", "10"], input: input)
        #expect(wrong.error?.message == "--population 10 is smaller than the 900 records read")
    }
}
