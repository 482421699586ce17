import ClioCore
import Foundation
import Testing

/// clio-label in bounded memory: per-cluster reservoirs for naming, exact counts for the rest.
@Suite struct LabelScaleTests {
    /// The example conversations, summarised, embedded with the hashed embedder and clustered.
    static func clusteredExamples(_ dir: String) throws -> String {
        let run = try Clio.shell(
            "clio-summarize -q '\(PipelineTests.examples)' | clio-embed -q --model hash | clio-cluster -q > '\(dir)/clustered.jsonl'")
        #expect(run.exitCode == 0, "\(run.stderr)")
        return dir + "/clustered.jsonl"
    }

    @Test func aReservoirAsLargeAsTheLargestClusterWritesWhatKeepingEveryRecordWrites() throws {
        let dir = try PipelineTests.scratch("label-fits")
        let input = try Self.clusteredExamples(dir)
        let records = try PipelineTests.records(String(contentsOfFile: input, encoding: .utf8))
        let largest = Dictionary(grouping: records) { $0["cluster"]!.intValue! }.values.map(\.count).max()!
        let all = try Clio.shell("clio-label -q --centroids --min-users 3 --reservoir all --assignments '\(dir)/a1.jsonl' '\(input)'")
        let fits = try Clio.shell("clio-label -q --centroids --min-users 3 --reservoir \(largest) --assignments '\(dir)/a2.jsonl' '\(input)'")
        #expect(all.exitCode == 0 && fits.exitCode == 0, "\(fits.stderr)")
        #expect(fits.stdout == all.stdout)
        #expect(try String(contentsOfFile: "\(dir)/a2.jsonl", encoding: .utf8) == String(contentsOfFile: "\(dir)/a1.jsonl", encoding: .utf8))
        let smaller = try Clio.shell("clio-label -q --centroids --min-users 3 --reservoir \(largest - 1) '\(input)'")
        #expect(smaller.exitCode == 0)
        #expect(smaller.stdout != all.stdout, "a sampled cluster changes the names or the grouping")
    }

    @Test func theDefaultHoldsAnInputUnderItsTotalWholeAndAKeepBelowItSharesTheTotal() throws {
        let dir = try PipelineTests.scratch("label-keep")
        let input = try Self.clusteredExamples(dir)
        let records = try PipelineTests.records(String(contentsOfFile: input, encoding: .utf8))
        let all = try Clio.shell("clio-label -q --centroids --min-users 3 --reservoir all '\(input)'")
        let byDefault = try Clio.shell("clio-label --centroids --min-users 3 '\(input)'")
        #expect(all.exitCode == 0 && byDefault.exitCode == 0, "\(byDefault.stderr)")
        #expect(byDefault.stdout == all.stdout, "400 conversations are under the default --keep 100000")
        #expect(!byDefault.stderr.contains("from a sample"))
        // 200 to keep: the clusters share them, the largest share the total allows, and the
        // run says how many each kept.
        let sizes = Dictionary(grouping: records) { $0["cluster"]!.intValue! }.values.map(\.count)
        let share = (10...100).last { c in sizes.reduce(0) { $0 + min($1, c) } <= 200 }!
        let kept = try Clio.shell("clio-label --centroids --min-users 3 --keep 200 '\(input)'")
        let fixed = try Clio.shell("clio-label -q --centroids --min-users 3 --reservoir \(share) '\(input)'")
        #expect(kept.exitCode == 0, "\(kept.stderr)")
        #expect(kept.stderr.contains("from a sample of \(share) of their conversations (--keep)"), "\(kept.stderr)")
        #expect(kept.stdout == fixed.stdout)
    }

    @Test func aSmallReservoirKeepsSizesMembersAndAssignmentsExactAndLeavesNoFileBehind() throws {
        let dir = try PipelineTests.scratch("label-sampled")
        let spool = dir + "/tmp"
        try FileManager.default.createDirectory(atPath: spool, withIntermediateDirectories: true)
        let input = try Self.clusteredExamples(dir)
        let records = try PipelineTests.records(String(contentsOfFile: input, encoding: .utf8))
        let run = try Clio.shell("clio-label --reservoir 5 --assignments '\(dir)/assignments.jsonl' '\(input)' > '\(dir)/clusters.jsonl'",
                                 environment: ["TMPDIR": spool])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stderr.contains("from a sample of 5 of their conversations"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: spool).isEmpty)

        let clusters = try PipelineTests.records(String(contentsOfFile: "\(dir)/clusters.jsonl", encoding: .utf8))
        let validator = try SchemaValidator(named: "cluster")
        for record in clusters { #expect(validator.violations(.object(record)).isEmpty, "\(validator.violations(.object(record)))") }
        let byCluster = Dictionary(grouping: records) { "L0-\($0["cluster"]!.intValue!)" }
        let bases = clusters.filter { $0["level"]?.intValue == 0 }
        #expect(bases.count == byCluster.count)
        for base in bases {
            let members = byCluster[base["id"]!.stringValue!]!
            #expect(base["members"]?.arrayValue == members.map { $0["id"]! })
            #expect(base["size"]?.intValue == members.count)
            #expect(base["users"]?.intValue == Set(members.map { JSONSerializer.string($0["user"] ?? $0["id"]!) }).count)
        }
        let assignments = try PipelineTests.records(String(contentsOfFile: "\(dir)/assignments.jsonl", encoding: .utf8))
        #expect(assignments.map { $0["id"]! } == records.map { $0["id"]! })
        for (assignment, record) in zip(assignments, records) {
            #expect(assignment["cluster"]?.stringValue == "L0-\(record["cluster"]!.intValue!)")
        }
    }

    @Test func usersPastTheExactCountAreAnEstimateTheReportMarks() throws {
        let dir = try PipelineTests.scratch("label-estimate")
        // 3,000 conversations of 1,500 users in one cluster, 40 of 40 users in another.
        var rng = SeededGenerator(seed: 4)
        var lines: [String] = []
        for i in 0..<3040 {
            let big = i < 3000
            let user = big ? "u\(rng.next() % 1500)" : "small-\(i)"
            let x: Float = big ? 0 : 5
            let record: JSONObject = [
                "id": .string("c\(i)"), "user": .string(user),
                "facets": ["request": .string(big ? "The task is to plan a garden." : "The task is to fix a bike."), "turns": 2],
                "embedding": VectorCodec.encode([x + Float(i % 7) / 100, 1]), "cluster": .number(big ? 0 : 1),
            ]
            lines.append(JSONSerializer.string(.object(record)))
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: "\(dir)/clustered.jsonl", atomically: true, encoding: .utf8)
        // Past --keep the reservoirs sample and users past the cap are sketched; under it (the
        // default 100,000) every user is counted exactly.
        let run = try Clio.shell("clio-label -q --min-users 5 --keep 1000 '\(dir)/clustered.jsonl' | tee '\(dir)/clusters.jsonl' | clio-tree --format html")
        #expect(run.exitCode == 0, "\(run.stderr)")
        let clusters = try PipelineTests.records(String(contentsOfFile: "\(dir)/clusters.jsonl", encoding: .utf8))
        let exact = Set(lines.prefix(3000).map { try! PipelineTests.records($0)[0]["user"]!.stringValue! }).count
        let big = try #require(clusters.first { $0["id"]?.stringValue == "L0-0" })
        #expect(big["users_estimated"] == true)
        #expect(abs(Double(big["users"]!.intValue! - exact)) <= 0.05 * Double(exact), "\(big["users"]!) for \(exact)")
        let small = try #require(clusters.first { $0["id"]?.stringValue == "L0-1" })
        #expect(small["users"] == 40)
        #expect(small["users_estimated"] == nil)
        let validator = try SchemaValidator(named: "cluster")
        for record in clusters { #expect(validator.violations(.object(record)).isEmpty) }
        #expect(run.stdout.contains("\"usersEst\":true"))
        let whole = try PipelineTests.records(try Clio.shell("clio-label -q --min-users 5 '\(dir)/clustered.jsonl'").stdout)
        let wholeBig = try #require(whole.first { $0["id"]?.stringValue == "L0-0" })
        #expect(wholeBig["users"]?.intValue == exact)
        #expect(wholeBig["users_estimated"] == nil)
    }
}
