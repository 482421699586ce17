import ClioTestSupport
import ClioCore
import Foundation
import Testing

/// The monitoring walkthrough (docs/monitoring.md): the generator's two drift weeks, and that
/// comparing the two weeks finds the topic that appeared and the one that grew — between two
/// independent runs, and with week 2 placed into week 1's tree (`clio-label --tree`).
@Suite(.serialized) struct MonitoringTests {
    static func drift() throws -> String {
        let dir = try PipelineTests.scratch("drift")
        let run = try Clio.shell("python3 scripts/make-examples.py --drift '\(dir)'")
        #expect(run.exitCode == 0, "\(run.stderr)")
        return dir
    }

    static func truth(_ dir: String, _ week: String) throws -> [JSONObject] {
        try PipelineTests.records(String(contentsOfFile: "\(dir)/\(week)/truth.jsonl", encoding: .utf8))
    }

    @Test func theSecondDriftWeekGrowsOneTopicAndAddsOne() throws {
        let dir = try Self.drift()
        func counts(_ week: String) throws -> [String: Int] {
            try Self.truth(dir, week).reduce(into: [:]) { $0[$1["topic"]!.stringValue!, default: 0] += 1 }
        }
        let first = try counts("week1"), second = try counts("week2")
        #expect(first.count == 10 && first.values.allSatisfy { $0 == 40 })
        #expect(second["personal-finance"] == 80 && second["home-wifi"] == 40)
        #expect(second.filter { $0.key != "personal-finance" && $0.key != "home-wifi" }.values.allSatisfy { $0 == 40 })
        // Each week's conversations fall in its ISO week; ids do not repeat across the weeks.
        var ids = Set<String>()
        for (week, label) in [("week1", "2024-W27"), ("week2", "2024-W28")] {
            let text = try String(contentsOfFile: "\(dir)/\(week)/conversations.jsonl", encoding: .utf8)
            for record in try PipelineTests.records(text) {
                #expect(ISOWeek.label(record["created_at"]!.stringValue!) == label)
                #expect(ids.insert(record.idString()!).inserted)
            }
        }
        #expect(ids.count == 880)
    }

    /// Two independent runs. With 11 topics in week 2, the default ten top-level clusters must
    /// put two topics together, and which two is decided by small differences in the summaries;
    /// `--top 12` leaves room for each.
    @Test(TestResource.miniLM.enabled) func comparingTheTwoWeeksFindsTheNewTopicAndTheGrowingOne() throws {
        _ = try TestResource.miniLM.require()
        let dir = try Self.drift()
        for week in ["week1", "week2"] {
            let run = try Clio.shell(
                """
                clio-summarize '\(dir)/\(week)/conversations.jsonl' | clio-embed --cache '\(dir)/cache' | clio-cluster |
                clio-label --top 12 --centroids --assignments '\(dir)/\(week)/assignments.jsonl' > '\(dir)/\(week)/clusters.jsonl'
                """)
            #expect(run.exitCode == 0, "\(run.stderr)")
        }
        let run = try Clio.shell(
            "clio-tree --compare --match centroid --depth 1 --format json '\(dir)/week1/clusters.jsonl' '\(dir)/week2/clusters.jsonl'")
        #expect(run.exitCode == 0, "\(run.stderr)")
        let rows = try #require(JSONParser.parse(run.stdout)[path: "clusters"]?.arrayValue)

        // The week-2 conversations of each top-level cluster, by true topic.
        var topicsOf: [String: [String: Int]] = [:]
        let topic = Dictionary(uniqueKeysWithValues: try Self.truth(dir, "week2").map { ($0.idString()!, $0["topic"]!.stringValue!) })
        let assignments = try String(contentsOfFile: "\(dir)/week2/assignments.jsonl", encoding: .utf8)
        for record in try PipelineTests.records(assignments) {
            let top = record["path"]!.arrayValue!.first!.stringValue!
            topicsOf[top, default: [:]][topic[record.idString()!]!, default: 0] += 1
        }
        func purity(_ row: JSON, _ name: String) -> Double {
            guard let id = row[path: "after.id"]?.stringValue, let counts = topicsOf[id] else { return 0 }
            return Double(counts[name] ?? 0) / Double(counts.values.reduce(0, +))
        }
        // A new top-level cluster made of Wi-Fi conversations, most of the 40.
        let wifi = try #require(rows.first { $0[path: "status"]?.stringValue == "new" && purity($0, "home-wifi") > 0.9 })
        #expect((wifi[path: "after.size"]?.intValue ?? 0) >= 30)
        #expect(wifi[path: "clear"]?.boolValue == true)
        // Personal finance grew, clearly: the clusters that hold it (a topic that doubles may be
        // split in two by an independent run) hold more than their week-1 partners did.
        let financeRows = rows.filter { purity($0, "personal-finance") > 0.5 }
        #expect(!financeRows.isEmpty)
        let after = financeRows.reduce(0) { $0 + ($1[path: "after.size"]?.intValue ?? 0) }
        let before = financeRows.reduce(0) { $0 + ($1[path: "before.size"]?.intValue ?? 0) }
        #expect(after >= 60 && after > before + 20, "after \(after), before \(before)")
        #expect(financeRows.contains { $0[path: "clear"]?.boolValue == true })
    }

    @Test(TestResource.miniLM.enabled) func weekTwoPlacedIntoWeekOnesTreeShowsTheNewTopicMarkedNewAndTheGrowingOne() throws {
        _ = try TestResource.miniLM.require()
        let dir = try Self.drift()
        let run = try Clio.shell(
            """
            clio-summarize '\(dir)/week1/conversations.jsonl' | clio-embed --cache '\(dir)/cache' | clio-cluster |
              clio-label --centroids > '\(dir)/week1/clusters.jsonl' &&
            clio-summarize '\(dir)/week2/conversations.jsonl' | clio-embed --cache '\(dir)/cache' |
              clio-label --tree '\(dir)/week1/clusters.jsonl' --centroids --assignments '\(dir)/week2/assignments.jsonl' > '\(dir)/week2/clusters.jsonl'
            """)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stderr.contains("placed 480 conversations into the tree of \(dir)/week1/clusters.jsonl"))
        // Both trees, centroids, reach, model and new_since included, conform to the schema.
        let validator = try SchemaValidator(named: "cluster")
        for week in ["week1", "week2"] {
            for record in try PipelineTests.records(String(contentsOfFile: "\(dir)/\(week)/clusters.jsonl", encoding: .utf8)) {
                #expect(validator.violations(.object(record)).isEmpty, "\(week): \(validator.violations(.object(record)))")
                #expect(record["withheld"] != nil || JSON.object(record)[path: "stats.distance_p95"] != nil)
            }
        }
        // The default pairing, by id and name: no --match centroid.
        let compare = try Clio.shell("clio-tree --compare --format json '\(dir)/week1/clusters.jsonl' '\(dir)/week2/clusters.jsonl'")
        #expect(compare.exitCode == 0, "\(compare.stderr)")
        let rows = try #require(JSONParser.parse(compare.stdout)[path: "clusters"]?.arrayValue)
        #expect(try JSONParser.parse(compare.stdout)[path: "notes"]?.arrayValue?.isEmpty == true)

        // The week-2 conversations under each cluster, at every level, by true topic.
        var topicsOf: [String: [String: Int]] = [:]
        let topic = Dictionary(uniqueKeysWithValues: try Self.truth(dir, "week2").map { ($0.idString()!, $0["topic"]!.stringValue!) })
        let assignments = try String(contentsOfFile: "\(dir)/week2/assignments.jsonl", encoding: .utf8)
        for record in try PipelineTests.records(assignments) {
            for id in record["path"]!.arrayValue! { topicsOf[id.stringValue!, default: [:]][topic[record.idString()!]!, default: 0] += 1 }
        }
        func purity(_ row: JSON, _ name: String) -> Double {
            guard let id = row[path: "after.id"]?.stringValue, let counts = topicsOf[id] else { return 0 }
            return Double(counts[name] ?? 0) / Double(counts.values.reduce(0, +))
        }
        let named = rows.filter { $0[path: "withheld"]?.boolValue != true }
        // Every known cluster is found again by id and name; what is new is Wi-Fi, marked since week 2's first day.
        #expect(!named.contains { $0[path: "status"]?.stringValue == "vanished" })
        let new = named.filter { $0[path: "status"]?.stringValue == "new" }
        #expect(!new.isEmpty)
        for row in new {
            #expect(purity(row, "home-wifi") > 0.9, "\(row)")
            #expect(row[path: "new_since"]?.stringValue == "2024-07-08")
        }
        let wifi = new.reduce(0) { $0 + ($1[path: "level"]?.intValue == 0 ? $1[path: "after.size"]?.intValue ?? 0 : 0) }
        #expect(wifi >= 25)
        #expect(new.contains { $0[path: "clear"]?.boolValue == true })
        // The cluster that holds personal finance kept its id and name and grew, clearly.
        let finance = try #require(named.max { purity($0, "personal-finance") < purity($1, "personal-finance") })
        #expect(finance[path: "status"]?.stringValue == "matched")
        #expect(finance[path: "before.id"] == finance[path: "after.id"] && finance[path: "before.name"] == finance[path: "after.name"])
        #expect((finance[path: "change_pp"]?.doubleValue ?? 0) > 0 && finance[path: "clear"]?.boolValue == true)
    }
}
