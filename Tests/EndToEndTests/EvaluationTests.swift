import ClioTestSupport
import Foundation
import Testing

/// The evaluation scripts (scripts/make-eval-data.py, scripts/evaluate.py): the generator's
/// ground truth, the metric code, and that `--check` passes a perfect run and fails a broken one.
/// Stage outputs are built here from the truth, so these tests need no clio tool.
@Suite(.serialized) struct EvaluationTests {
    static func scratch(_ name: String) throws -> String { temporaryDirectory("eval-\(name)") }

    static func objects(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    static func writeLines(_ objects: [[String: Any]], to path: String) throws {
        let lines = try objects.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func generate(_ dir: String, count: Int = 300, seed: Int = 8) throws {
        let run = try Clio.shell("python3 scripts/make-eval-data.py --count \(count) --seed \(seed) --out '\(dir)'")
        #expect(run.exitCode == 0, "\(run.stderr)")
    }

    /// Stage outputs of an ideal pipeline: one base cluster per true subtopic, each centroid equal
    /// to its category's vector, one top-level cluster per category, summaries without details.
    static func writePerfectRun(_ dir: String) throws {
        let truth = try objects("\(dir)/truth.jsonl")
        let categories = try objects("\(dir)/categories.jsonl").map { $0["category"] as! String }
        let subtopics = Array(Set(truth.map { "\($0["category"]!)/\($0["subtopic"]!)" })).sorted()
        func oneHot(_ i: Int) -> [Double] { (0..<categories.count).map { $0 == i ? 1 : 0 } }
        var clustered: [[String: Any]] = [], summaries: [[String: Any]] = [], assignments: [[String: Any]] = []
        for t in truth {
            let sub = subtopics.firstIndex(of: "\(t["category"]!)/\(t["subtopic"]!)")!
            let cat = categories.firstIndex(of: t["category"] as! String)!
            clustered.append(["id": t["id"]!, "cluster": sub])
            summaries.append(["id": t["id"]!, "facets": ["request": "The user asks about \(t["subtopic"]!).", "language": "English"]])
            assignments.append(["id": t["id"]!, "cluster": "L0-\(sub)", "path": ["L1-\(cat)", "L0-\(sub)"]])
        }
        let centroids: [[String: Any]] = subtopics.enumerated().map { i, s in
            ["cluster": i, "centroid": oneHot(categories.firstIndex(of: String(s.split(separator: "/")[0]))!)]
        }
        let labels: [[String: Any]] = subtopics.enumerated().map { i, s in
            ["kind": "cluster", "id": "L0-\(i)", "name": "Help with \(s.split(separator: "/")[1])", "description": "Conversations about it."]
        }
        try writeLines(clustered, to: "\(dir)/clustered.jsonl")
        try writeLines(summaries, to: "\(dir)/summaries.jsonl")
        try writeLines(assignments, to: "\(dir)/assignments.jsonl")
        try writeLines(centroids, to: "\(dir)/centroids.jsonl")
        try writeLines(labels, to: "\(dir)/labels.jsonl")
        try writeLines(categories.enumerated().map { ["category": $1, "embedding": oneHot($0)] }, to: "\(dir)/categories.embedded.jsonl")
    }

    static func evaluate(_ dir: String, _ extra: String = "") throws -> Clio.Result {
        try Clio.shell(
            """
            python3 scripts/evaluate.py --truth '\(dir)/truth.jsonl' --summaries '\(dir)/summaries.jsonl' \
              --clustered '\(dir)/clustered.jsonl' --centroids '\(dir)/centroids.jsonl' \
              --categories '\(dir)/categories.embedded.jsonl' --labels '\(dir)/labels.jsonl' \
              --assignments '\(dir)/assignments.jsonl' --check \(extra)
            """)
    }

    @Test func metricCodeMatchesHandComputedCases() throws {
        let run = try Clio.shell("python3 scripts/evaluate.py --self-test")
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("0 failed"))
    }

    @Test func generatedDataIsDeterministicForASeed() throws {
        let a = try Self.scratch("a"), b = try Self.scratch("b"), c = try Self.scratch("c")
        try Self.generate(a)
        try Self.generate(b)
        try Self.generate(c, seed: 9)
        for file in ["conversations.jsonl", "truth.jsonl", "categories.jsonl"] {
            let first = try Data(contentsOf: URL(fileURLWithPath: "\(a)/\(file)"))
            #expect(first == (try Data(contentsOf: URL(fileURLWithPath: "\(b)/\(file)"))), "\(file)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(a)/conversations.jsonl"))
            != Data(contentsOf: URL(fileURLWithPath: "\(c)/conversations.jsonl")))
    }

    @Test func plantedDetailsAreInTheUserTextAndTheTruthIsNot() throws {
        let dir = try Self.scratch("truth")
        try Self.generate(dir, count: 600)
        let conversations = try Self.objects("\(dir)/conversations.jsonl")
        let truth = try Self.objects("\(dir)/truth.jsonl")
        #expect(conversations.count == 600 && truth.count == 600)
        var languages = Set<String>(), withDetails = 0, subtopics = Set<String>()
        for (conversation, t) in zip(conversations, truth) {
            #expect(conversation["id"] as? String == t["id"] as? String)
            #expect(Set(conversation.keys) == ["id", "user", "created_at", "messages"])
            let messages = conversation["messages"] as! [[String: String]]
            let userText = messages.filter { $0["role"] == "user" }.map { $0["content"]! }.joined(separator: "\n")
            let planted = t["planted"] as! [[String: Any]]
            for p in planted {
                let value = p["value"] as! String
                #expect(userText.contains(value), "\(t["id"]!): \(value)")
                // An address names its identifying parts ("core"), each written in it.
                for part in p["core"] as? [String] ?? [] { #expect(value.contains(part), "\(t["id"]!): \(part)") }
            }
            withDetails += planted.isEmpty ? 0 : 1
            languages.insert(t["language"] as! String)
            subtopics.insert("\(t["category"]!)/\(t["subtopic"]!)")
        }
        #expect(languages.count >= 5)
        #expect(subtopics.count >= 50)
        #expect((0.2...0.4).contains(Double(withDetails) / 600))
        #expect(try Self.objects("\(dir)/categories.jsonl").count >= 18)
    }

    @Test func checkPassesAPerfectRun() throws {
        let dir = try Self.scratch("perfect")
        try Self.generate(dir)
        try Self.writePerfectRun(dir)
        let run = try Self.evaluate(dir)
        #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("| ARI vs true subtopics | 1.000 |"))
        #expect(run.stdout.contains("| top-level accuracy (fixed categories) | 100.0% |"))
    }

    @Test func checkFailsWhenClustersAreShuffled() throws {
        let dir = try Self.scratch("shuffled")
        try Self.generate(dir)
        try Self.writePerfectRun(dir)
        let run = try Self.evaluate(dir, "--sabotage shuffle-clusters")
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("check failed"))
        #expect(run.stderr.contains("ARI vs true subtopics"))
        #expect(run.stderr.contains("top-level accuracy"))
    }

    @Test func evalScriptRunsTheBuiltPipelineAndPrintsOneTable() throws {
        let dir = try Self.scratch("script")
        let run = try Clio.shell("scripts/eval.sh --count 150 --embed-model hash --bin '\(Clio.binDirectory.path)' --out '\(dir)'")
        #expect(run.exitCode == 0, "\(run.stderr)")
        let tableLines = run.stdout.split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(tableLines.first == "| section | measure | value | threshold | ok |")
        for measure in ["ARI vs true subtopics", "top-level accuracy (fixed categories)", "email leak share of summaries", "total wall time"] {
            #expect(tableLines.contains { $0.contains("| \(measure) |") }, "\(measure)")
        }
        // Every stage left its output, and each conversation got a base cluster.
        let clustered = try Self.objects("\(dir)/clustered.jsonl")
        #expect(clustered.count == 150)
        #expect(clustered.allSatisfy { $0["cluster"] is Int })
        #expect(try Self.objects("\(dir)/assignments.jsonl").count == 150)
    }

    @Test func checkFailsWhenASummaryKeepsAPhoneNumberWithOtherSeparators() throws {
        let dir = try Self.scratch("leak")
        try Self.generate(dir)
        try Self.writePerfectRun(dir)
        let truth = try Self.objects("\(dir)/truth.jsonl")
        let victim = truth.first { ($0["planted"] as! [[String: Any]]).contains { $0["kind"] as? String == "phone" } }!
        let phone = (victim["planted"] as! [[String: Any]]).first { $0["kind"] as? String == "phone" }!["value"] as! String
        // Same digits, dots between groups: a partial leak the check must still catch.
        let disguised = phone.filter(\.isNumber).map(String.init).joined().enumerated()
            .map { $0.offset > 0 && $0.offset % 3 == 0 ? ".\($0.element)" : String($0.element) }.joined()
        var summaries = try Self.objects("\(dir)/summaries.jsonl")
        let i = summaries.firstIndex { $0["id"] as? String == victim["id"] as? String }!
        summaries[i]["facets"] = ["request": "Call \(disguised) about it."]
        try Self.writeLines(summaries, to: "\(dir)/summaries.jsonl")
        let run = try Self.evaluate(dir)
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("| phone leaks (summaries / cluster texts) | 1 / 0 |"))
    }
}
