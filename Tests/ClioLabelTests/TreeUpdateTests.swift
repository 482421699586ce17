import ClioCore
import ClioLLM
import ClioTestSupport
import Foundation
import Testing
@testable import ClioLabel

/// Conversations around `centre` in 4 dimensions, each its own user unless `users` is given;
/// their summaries end on the topic, so offline names say which blob a cluster is.
func blob(_ topic: String, at centre: [Float], count: Int, cluster: Int = 0, seed: UInt64, spread: Float = 0.2,
          users: Int? = nil, date: String? = "2024-07-08T09:00:00Z") -> [JSONObject] {
    var rng = SplitMix(seed: seed)
    return (0..<count).map { i in
        let v = centre.map { $0 + (rng.unit() - 0.5) * spread }
        return clustered(id: "\(topic)-\(seed)-\(i)", cluster: cluster, embedding: v, user: "\(topic)-u\(users.map { i % $0 } ?? i)",
                         createdAt: date, request: "The user's overall request for the assistant is to ask about \(topic).")
    }
}

/// Week 1: two pairs of clusters far apart, so a tree with --top 2 has one parent per pair.
func weekOne() -> [JSONObject] {
    blob("apple", at: [0, 0, 0, 0], count: 20, cluster: 0, seed: 1, date: "2024-07-01")
        + blob("apricot", at: [3, 0, 0, 0], count: 20, cluster: 1, seed: 2, date: "2024-07-01")
        + blob("cherry", at: [0, 30, 0, 0], count: 20, cluster: 2, seed: 3, date: "2024-07-01")
        + blob("chestnut", at: [3, 30, 0, 0], count: 20, cluster: 3, seed: 4, date: "2024-07-01")
}

@Suite struct TreeUpdateTests {
    /// The tree of `records`, as a file written with --centroids reads back.
    func tree(_ records: [JSONObject]) throws -> (records: [JSONObject], tree: LabelTree) {
        var options = LabelOptions()
        options.includeCentroids = true
        options.hierarchy.top = 2
        let output = try Labeler.label(try labelInput(records), options: options, strategy: memberGrouping)
        let text = lines(output.clusters)
        let read = try PipelineRecords.parse(text)
        return (read, try LabelTree(records: read.enumerated().map { ($1, Location(source: "tree.jsonl", line: $0 + 1)) }, source: "tree.jsonl"))
    }

    func place(_ records: [JSONObject], into tree: LabelTree, minConversations: Int = 1, minUsers: Int = 1, strategy: LabelStrategy = .offline)
        throws -> (output: LabelOutput, placement: TreePlacement)
    {
        var reader = TreeInput(tree: tree)
        for (i, record) in records.enumerated() { try reader.add(record, at: Location(source: "<stdin>", line: i + 1)) }
        var options = LabelOptions()
        options.includeCentroids = true
        options.minConversations = minConversations
        options.minUsers = minUsers
        return try Labeler.label(reader.input, into: tree, since: reader.since, options: options, strategy: strategy)
    }

    /// Records as a file holds them (numbers read back as numbers).
    func written(_ records: [JSONObject]) throws -> [JSONObject] { try PipelineRecords.parse(lines(records)) }

    func byID(_ records: [JSONObject]) -> [String: JSONObject] {
        Dictionary(uniqueKeysWithValues: records.map { ($0["id"]!.stringValue!, $0) })
    }

    @Test func centroidsComeWithTheNearestRank95thPercentileOfMemberDistances() throws {
        // 40 points at ±k along one axis (k = 1 … 20): the centre is the origin, the distances
        // 1, 1, 2, 2, … 20, 20, and the 38th smallest (⌈0.95 · 40⌉) is 19.
        let records = (1...20).flatMap { k in
            [-1, 1].map { sign in clustered(id: "p\(k)\(sign)", cluster: 0, embedding: [Float(sign * k), 0]) }
        }
        var options = LabelOptions()
        options.includeCentroids = true
        let output = try Labeler.label(try labelInput(records), options: options)
        let base = try #require(output.clusters.first)
        #expect(JSON.object(base)[path: "stats.distance_p95"]?.doubleValue == 19)
        options.includeCentroids = false
        let plain = try Labeler.label(try labelInput(records), options: options)
        #expect(JSON.object(plain.clusters[0])[path: "stats.distance_p95"] == nil)
    }

    @Test func eachConversationGoesToTheClusterOfItsNearestCentre() throws {
        let (records, tree) = try tree(weekOne())
        // New conversations scattered over the region of the four clusters, with a `cluster`
        // field that says nothing: it is not read.
        var rng = SplitMix(seed: 9)
        let centres: [[Float]] = [[0, 0, 0, 0], [3, 0, 0, 0], [0, 30, 0, 0], [3, 30, 0, 0]]
        let week2 = (0..<60).map { i -> JSONObject in
            let v = centres[i % 4].map { $0 + (rng.unit() - 0.5) * 0.2 }
            return clustered(id: "n\(i)", cluster: 7, embedding: v, user: "u\(i)", createdAt: "2024-07-09")
        }
        let (output, placement) = try place(week2, into: tree)
        #expect(placement.far + placement.near == 60)
        // Brute force over the tree's base records.
        let bases = records.filter { $0["level"]?.intValue == 0 }
        for (record, assignment) in zip(week2, output.assignments) {
            let v = try VectorCodec.decode(record["embedding"]!, field: "embedding")
            let nearest = try bases.min { a, b in
                try distance(v, VectorCodec.decode(a["centroid"]!, field: "c")) < distance(v, VectorCodec.decode(b["centroid"]!, field: "c"))
            }!
            #expect(assignment["cluster"] == nearest["id"])
        }
    }

    func distance(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot() }

    @Test func aConversationIsFarOnlyBeyondItsClustersRadius() throws {
        let (records, tree) = try tree(weekOne())
        let apple = byID(records)["L0-0"]!
        let centre = try VectorCodec.decode(apple["centroid"]!, field: "c")
        let radius = Float(JSON.object(apple)[path: "stats.distance_p95"]!.doubleValue!)
        // Away from the other clusters (along the third axis), just inside and just outside.
        func at(_ r: Float, _ id: String) -> JSONObject {
            clustered(id: id, cluster: 0, embedding: [centre[0], centre[1], centre[2] + r, centre[3]])
        }
        let (_, inside) = try place([at(radius * 0.98, "in")], into: tree)
        #expect(inside.near == 1 && inside.far == 0)
        let (output, outside) = try place([at(radius * 1.02, "out")], into: tree)
        #expect(outside.near == 0 && outside.far == 1)
        // One far conversation is no topic: it stays with its nearest cluster.
        #expect(outside.returned == 1 && outside.newClusters == 0)
        #expect(output.assignments[0]["cluster"] == "L0-0")
    }

    @Test func knownClustersKeepTheirIdsNamesHierarchyAndCentresWithThisPeriodsCounts() throws {
        let (records, tree) = try tree(weekOne())
        let week2 = blob("apple", at: [0, 0, 0, 0], count: 7, seed: 11) + blob("cherry", at: [0, 30, 0, 0], count: 30, seed: 12)
            + blob("chestnut", at: [3, 30, 0, 0], count: 5, seed: 13, users: 2)
        let (output, _) = try place(week2, into: tree)
        let before = byID(records), after = byID(try written(output.clusters))
        for (id, record) in after {
            let old = try #require(before[id])
            for field in ["name", "description", "level", "parent", "centroid"] { #expect(record[field] == old[field], "\(id).\(field)") }
            #expect(JSON.object(record)[path: "stats.distance_p95"] == JSON.object(old)[path: "stats.distance_p95"])
            #expect(record["new_since"] == nil)
        }
        // Sizes and users are this period's; apricot had no conversations and is left out.
        #expect(after["L0-0"]?["size"] == 7 && after["L0-2"]?["size"] == 30 && after["L0-3"]?["size"] == 5)
        #expect(after["L0-3"]?["users"] == 2)
        #expect(after["L0-1"] == nil)
        #expect(JSON.object(after["L0-2"]!)[path: "stats.weeks.2024-W28"] == 30)
        let parentOfApple = try #require(before["L0-0"]?["parent"]?.stringValue)
        #expect(after[parentOfApple]?["size"] == 7)
        #expect(after[parentOfApple]?["children"] == ["L0-0"])
    }

    @Test func aKnownClusterBelowTheThresholdsThisPeriodIsWithheld() throws {
        let (records, tree) = try tree(weekOne())
        let week2 = blob("apple", at: [0, 0, 0, 0], count: 3, seed: 21) + blob("apricot", at: [3, 0, 0, 0], count: 12, seed: 22)
        let (output, _) = try place(week2, into: tree, minConversations: 5)
        let after = byID(try written(output.clusters))
        #expect(after["L0-0"] == nil)
        let parent = try #require(byID(records)["L0-0"]?["parent"]?.stringValue)
        let bucket = try #require(after["\(parent).other"])
        #expect(bucket["size"] == 3 && bucket["withheld_clusters"] == 1)
        #expect(after[parent]?["size"] == 15)
        #expect(output.withheldConversations == 3)
    }

    @Test func farConversationsBecomeANewClusterOnlyAboveThePrivacyThresholds() throws {
        let (records, tree) = try tree(weekOne())
        let known = blob("apple", at: [0, 0, 0, 0], count: 20, seed: 31) + blob("cherry", at: [0, 30, 0, 0], count: 20, seed: 32)
        let fig = blob("fig", at: [60, 60, 0, 0], count: 12, seed: 33)
        // Shown at 10 conversations, withheld at 15; either way it is a new cluster, not apple.
        let (shownRun, shown) = try place(known + fig, into: tree, minConversations: 10)
        #expect(shown.far >= 12 && shown.newClusters == 1 && shown.inNewClusters == 12)
        let new = try #require(try written(shownRun.clusters).first { $0["new_since"] != nil })
        #expect(new["id"] == "L0-4")
        // Named after what its conversations ask about (the offline namer's phrase).
        #expect(new["name"]?.stringValue?.lowercased().contains("fig") == true)
        #expect(new["new_since"] == "2024-07-08")
        #expect(new["parent"] == .null)  // far from both parents: at the top
        #expect(new["size"] == 12 && new["members"]?.arrayValue?.count == 12)
        #expect(byID(records)["L0-4"] == nil)

        let (withheldRun, withheld) = try place(known + fig, into: tree, minConversations: 15)
        #expect(withheld.newClusters == 0 && withheld.inWithheldNew == 12)
        #expect(!withheldRun.clusters.contains { $0["new_since"] != nil })
        #expect(byID(try written(withheldRun.clusters))["other"]?["size"] == 12)
        // Too few users is the same as too few conversations.
        let (_, fewUsers) = try place(known + blob("fig", at: [60, 60, 0, 0], count: 12, seed: 33, users: 3), into: tree, minUsers: 4)
        #expect(fewUsers.newClusters == 0 && fewUsers.inWithheldNew == 12)
    }

    @Test func aNewClusterGoesUnderTheParentWhoseChildrenItIsAmong() throws {
        let (records, tree) = try tree(weekOne())
        // Between apple and apricot, beyond both radii but within their parent's reach.
        let known = blob("apple", at: [0, 0, 0, 0], count: 20, seed: 41) + blob("apricot", at: [3, 0, 0, 0], count: 20, seed: 42)
        let (output, placement) = try place(known + blob("almond", at: [1.5, 0.3, 0, 0], count: 15, seed: 43), into: tree)
        #expect(placement.newClusters == 1)
        let new = try #require(try written(output.clusters).first { $0["new_since"] != nil })
        let parent = try #require(byID(records)["L0-0"]?["parent"])
        #expect(new["parent"] == parent)
        #expect(byID(try written(output.clusters))[parent.stringValue!]?["children"]?.arrayValue?.contains(new["id"]!) == true)
        #expect(byID(try written(output.clusters))[parent.stringValue!]?["size"] == 55)
    }

    @Test func scatteredOutliersOfKnownClustersMakeNoNewCluster() throws {
        let (_, tree) = try tree(weekOne())
        // Every cluster again, with a wider spread: many conversations fall beyond the radii,
        // on all sides of their clusters, and none of them is a new topic.
        let week2 = ["apple": [Float(0), 0, 0, 0], "apricot": [3, 0, 0, 0], "cherry": [0, 30, 0, 0], "chestnut": [3, 30, 0, 0]]
            .sorted { $0.key < $1.key }.enumerated().flatMap { blob($1.key, at: $1.value, count: 25, seed: 50 + UInt64($0), spread: 0.45) }
        let (output, placement) = try place(week2, into: tree)
        #expect(placement.far >= 10)
        #expect(placement.newClusters == 0 && placement.returned == placement.far)
        #expect(!output.clusters.contains { $0["new_since"] != nil })
    }

    @Test func aPeriodPlacedIntoItsOwnTreeGivesBackTheSameClusters() throws {
        let (records, tree) = try tree(weekOne())
        let (output, placement) = try place(weekOne(), into: tree)
        #expect(placement.newClusters == 0)
        let before = byID(records), after = byID(try written(output.clusters))
        #expect(Set(before.keys) == Set(after.keys))
        for (id, record) in before {
            for field in ["name", "size", "users", "parent", "members", "children"] { #expect(after[id]?[field] == record[field], "\(id).\(field)") }
        }
    }

    @Test func aSecondPeriodIntoTheGrownTreeKeepsTheNewClusterAndItsDate() throws {
        let (_, tree) = try tree(weekOne())
        let fig = blob("fig", at: [60, 60, 0, 0], count: 12, seed: 33)
        let (grown, _) = try place(blob("apple", at: [0, 0, 0, 0], count: 20, seed: 61) + fig, into: tree)
        let second = try LabelTree(
            records: try PipelineRecords.parse(lines(grown.clusters)).enumerated().map { ($1, Location(source: "week2.jsonl", line: $0 + 1)) },
            source: "week2.jsonl")
        let later = blob("fig", at: [60, 60, 0, 0], count: 9, seed: 62, date: "2024-07-15") + blob("apple", at: [0, 0, 0, 0], count: 9, seed: 63, date: "2024-07-15")
        let (output, placement) = try place(later, into: second)
        #expect(placement.newClusters == 0)
        let firstName = try #require(try written(grown.clusters).first { $0["id"] == "L0-4" }?["name"])
        let fig2 = try #require(try written(output.clusters).first { $0["id"] == "L0-4" })
        #expect(fig2["name"] == firstName && fig2["new_since"] == "2024-07-08" && fig2["size"] == 9)
    }

    @Test func theDateIsThePeriodsFirstOrElseToday() throws {
        let (_, tree) = try tree(weekOne())
        var reader = TreeInput(tree: tree)
        for (i, date) in ["2024-07-10T08:00:00+02:00", "2024-07-09", "not a date", "2024-07-11"].enumerated() {
            try reader.add(clustered(id: "d\(i)", cluster: 0, embedding: [0, 0, 0, 0], createdAt: date))
        }
        #expect(reader.since == "2024-07-09")
        var undated = TreeInput(tree: tree)
        try undated.add(clustered(id: "x", cluster: 0, embedding: [0, 0, 0, 0]))
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        #expect(undated.since == formatter.string(from: Date()))
    }

    @Test func knownClustersCostNoModelCalls() throws {
        let (records, _) = try tree(weekOne())
        let treePath = temporaryFile(lines(records))
        defer { unlink(treePath) }
        func run(_ input: [JSONObject], _ extra: [String] = []) throws -> (FakeChatModel, String) {
            let stub = stubModel { sensibleAnswer($0) }
            var command = try LabelCommand(
                arguments: ["--model", "openai:stub", "--base-url", "http://stub.invalid/v1", "--embed-model", "hash", "--no-cache", "--tree", treePath] + extra)
            command.chatModel = stub
            return (stub, try runCommand(command, input: lines(input)))
        }
        let known = blob("apple", at: [0, 0, 0, 0], count: 20, seed: 71) + blob("cherry", at: [0, 30, 0, 0], count: 20, seed: 72)
        let (quiet, _) = try run(known)
        #expect(quiet.requests.isEmpty)
        // A new topic: one question to name it and one to rate it (the audit is on by default).
        let fig = blob("fig", at: [60, 60, 0, 0], count: 12, seed: 73)
        let (asked, output) = try run(known + fig, ["--no-audit"])
        #expect(asked.requests.count == 1 && asked.requests(.nameBase).count == 1)
        #expect(userText(asked.requests[0]).contains("ask about fig"))
        #expect(output.contains("\"name\":\"Discuss fig\""))
        let (audited, _) = try run(known + fig)
        #expect(audited.requests(.nameBase).count == 1 && audited.requests(.audit).count == 1 && audited.requests.count == 2)
    }

    @Test func vectorsOfAnotherDimensionOrModelAreRejectedNamingTheTree() throws {
        let (records, _) = try tree(weekOne().map { r in
            var r = r
            r["embedding_model"] = ["name": "hash-v1", "dimension": 4]
            return r
        })
        #expect(records.allSatisfy { $0["embedding_model"]?[path: "name"] == "hash-v1" })
        let treePath = temporaryFile(lines(records))
        defer { unlink(treePath) }
        let wide = clustered(id: "w", cluster: 0, embedding: [0, 0, 0, 0, 0])
        #expect {
            _ = try runLabel(["--tree", treePath], input: lines([wide]))
        } throws: { error in
            let text = "\(error)"
            return text.contains(":1: field \"embedding\" has dimension 5") && text.contains(treePath) && text.contains("have 4")
        }
        var other = clustered(id: "m", cluster: 0, embedding: [0, 0, 0, 0])
        other["embedding_model"] = ["name": "all-MiniLM-L6-v2", "dimension": 4]
        #expect {
            _ = try runLabel(["--tree", treePath], input: lines([other]))
        } throws: { error in
            "\(error)".contains("embedding model \"all-MiniLM-L6-v2\" is not the tree's \"hash-v1\"") && "\(error)".contains(treePath)
        }
    }

    @Test func aTreeWithoutCentroidsIsRejectedWithItsLine() throws {
        var options = LabelOptions()
        options.hierarchy.top = 2
        let plain = try Labeler.label(try labelInput(weekOne()), options: options)
        let treePath = temporaryFile(lines(plain.clusters))
        defer { unlink(treePath) }
        #expect {
            _ = try runLabel(["--tree", treePath], input: lines(weekOne()))
        } throws: { error in
            "\(error)".contains("\(treePath):1: cluster \"L0-0\" has no \"centroid\": write the tree with clio-label --centroids")
        }
    }

    @Test func optionsThatBuildAHierarchyAreRefusedWithTree() throws {
        #expect(throws: UsageError("option --top has no effect with --tree, which keeps the tree's hierarchy")) {
            try LabelCommand(arguments: ["--tree", "t.jsonl", "--top", "3"])
        }
        #expect(throws: UsageError("option --tree - and the input cannot both be standard input")) {
            try LabelCommand(arguments: ["--tree", "-"])
        }
        #expect(try LabelCommand(arguments: ["--tree", "t.jsonl", "--min-users", "3"]).treePath == "t.jsonl")
    }
}

/// Records parsed from JSON Lines text, for reading back what a run wrote.
enum PipelineRecords {
    static func parse(_ text: String) throws -> [JSONObject] {
        try text.split(separator: "\n").map { line in
            guard let object = try JSONParser.parse(String(line)).objectValue else { throw ClioError(.invalidRecord, "not an object") }
            return object
        }
    }
}
