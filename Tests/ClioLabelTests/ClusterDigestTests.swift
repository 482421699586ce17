import ClioCore
import ClioEmbed
import ClioTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import ClioLabel

/// One pass through `ClusterDigest` and the loop, as clio-label runs it: the cluster records
/// and the assignments as written.
func digestRun(_ records: [JSONObject], options: LabelOptions, reservoir: Int) throws -> (clusters: String, assignments: String) {
    try digestRun(records, options: options, policy: .perCluster(reservoir))
}

func digestRun(_ records: [JSONObject], options: LabelOptions, policy: ReservoirPolicy) throws -> (clusters: String, assignments: String) {
    var digest = try ClusterDigest(policy: policy, minUsers: options.minUsers, seed: options.hierarchy.seed, assignments: true)
    for record in records { try digest.add(record) }
    let finished = try digest.finish()
    let output = try Labeler.label(finished, options: options)
    let clustersPath = temporaryFile(""), assignmentsPath = temporaryFile("")
    defer {
        unlink(clustersPath)
        unlink(assignmentsPath)
    }
    for (path, body) in [
        (clustersPath, { (writer: OutputWriter) in
            for (i, record) in output.clusters.enumerated() {
                if let base = output.membersOf[i] { try digest.write(record, membersOf: base, to: writer) } else { try writer.write(record: record) }
            }
        }),
        (assignmentsPath, { (writer: OutputWriter) in try digest.writeAssignments(paths: output.paths, to: writer) }),
    ] {
        let fd = open(path, O_WRONLY | O_TRUNC)
        let writer = OutputWriter(fd: fd)
        try body(writer)
        try writer.flush()
        close(fd)
    }
    return (readFile(clustersPath), readFile(assignmentsPath))
}

private func parsed(_ text: String) throws -> [JSONObject] {
    try text.split(separator: "\n").map { line in
        guard case .object(let object) = try JSONParser.parse(String(line)) else { throw ClioError(.invalidRecord, "not an object") }
        return object
    }
}

/// Records in clusters of the given sizes, users drawn from `users` per cluster, with weeks,
/// languages, scores and turns that vary.
private func records(sizes: [Int], usersPerCluster: (Int) -> Int, seed: UInt64, dimension: Int = 4) -> [JSONObject] {
    var rng = SplitMix(seed: seed)
    let centres = sizes.indices.map { _ in (0..<dimension).map { _ in rng.unit() * 10 } }
    var order: [Int] = []
    for (c, size) in sizes.enumerated() { order += [Int](repeating: c, count: size) }
    order.shuffle(using: &rng)
    let languages = ["English", "French", "English; German", "Spanish"]
    let words = ["python", "recipe", "poem", "tax", "garden", "travel", "resume", "physics"]
    return order.enumerated().map { i, c in
        let users = usersPerCluster(c)
        let user: String? = rng.int(0...9) == 0 ? nil : "u\(c)-\(rng.int(0...users - 1))"
        var record = clustered(
            id: "r\(i)", cluster: c * 3, embedding: centres[c].map { $0 + rng.unit() }, user: user,
            createdAt: "2024-0\(rng.int(1...3))-1\(rng.int(0...9))T10:00:00Z",
            request: "The task is to discuss \(words[c % words.count]) and \(words[rng.int(0...words.count - 1)]).",
            language: languages[rng.int(0...languages.count - 1)], concerning: rng.int(1...5), turns: rng.int(1...6))
        if i % 7 == 0, user != nil { record["user"] = .number(Double(c * 10_000 + i % users)) }  // numeric user ids count too
        return record
    }
}

/// Distinct users counted the plain way: a conversation without a user is its own.
private func distinctUsers(_ members: [JSONObject]) -> Int {
    Set(members.compactMap { $0["user"].map { JSONSerializer.string($0) } }).count + members.filter { $0["user"] == nil }.count
}

@Suite struct ClusterDigestTests {
    @Test func whenEveryClusterFitsItsReservoirTheOutputIsTheInMemoryOutputByteForByte() throws {
        for seed in UInt64(0)..<24 {
            var random = RandomCase(seed: seed)
            random.options.includeCentroids = seed % 3 == 0
            let memory = try Labeler.label(try labelInput(random.records), options: random.options)
            let largest = Dictionary(grouping: random.records) { $0["cluster"]!.intValue! }.values.map(\.count).max()!
            for reservoir in [largest, largest + 50] {
                let streamed = try digestRun(random.records, options: random.options, reservoir: reservoir)
                #expect(streamed.clusters == lines(memory.clusters), "seed \(seed), reservoir \(reservoir)")
                #expect(streamed.assignments == lines(memory.assignments), "seed \(seed), reservoir \(reservoir)")
            }
        }
    }

    @Test func clustersLargerThanTheReservoirKeepExactCountsAndAValidTree() throws {
        for seed in UInt64(0)..<12 {
            let random = RandomCase(seed: seed)
            let streamed = try digestRun(random.records, options: random.options, reservoir: 2)
            let clusters = try parsed(streamed.clusters)
            checkInvariants(clusters, assignments: try parsed(streamed.assignments), input: random.records, options: random.options)
            // Every shown base cluster's size, users and members, counted here another way.
            let byCluster = Dictionary(grouping: random.records) { "L0-\($0["cluster"]!.intValue!)" }
            for record in clusters where record["level"]?.intValue == 0 && record["withheld"] == nil {
                let members = byCluster[record["id"]!.stringValue!]!
                #expect(record["size"]?.intValue == members.count)
                #expect(record["members"]?.arrayValue == members.map { $0["id"]! })
                #expect(record["users"]?.intValue == distinctUsers(members))
                #expect(record["users_estimated"] == nil)
            }
        }
    }

    @Test func statisticsAndCentroidsCountEveryMemberOfASampledCluster() throws {
        let input = records(sizes: [300, 40, 120], usersPerCluster: { _ in 20 }, seed: 7)
        var options = LabelOptions()
        options.includeCentroids = true
        let clusters = try parsed(try digestRun(input, options: options, reservoir: 25).clusters)
        for (c, id) in ["L0-0", "L0-3", "L0-6"].enumerated() {
            let record = try #require(clusters.first { $0["id"]?.stringValue == id })
            let members = input.filter { $0["cluster"]?.intValue == 3 * c }
            var languages: [String: Int] = [:], weeks: [String: Int] = [:], concerning = [Int](repeating: 0, count: 5)
            var turns = 0
            var mean = [Double](repeating: 0, count: 4)
            for m in members {
                let facets = m["facets"]!.objectValue!
                for name in facets["language"]!.stringValue!.split(separator: ";") { languages[name.trimmingCharacters(in: .whitespaces), default: 0] += 1 }
                weeks[ISOWeek.label(m["created_at"]!.stringValue!)!, default: 0] += 1
                concerning[facets["concerning"]!.intValue! - 1] += 1
                turns += facets["turns"]!.intValue!
                for (t, x) in m["embedding"]!.arrayValue!.enumerated() { mean[t] += x.doubleValue! / Double(members.count) }
            }
            let stats = try #require(record["stats"]?.objectValue)
            #expect(stats["languages"]?.objectValue.map { Dictionary(uniqueKeysWithValues: $0.members.map { ($0.key, $0.value.intValue!) }) } == languages)
            #expect(stats["weeks"]?.objectValue.map { Dictionary(uniqueKeysWithValues: $0.members.map { ($0.key, $0.value.intValue!) }) } == weeks)
            #expect(stats["concerning"]?.arrayValue?.map { $0.intValue! } == concerning)
            #expect(abs(stats["mean_turns"]!.doubleValue! - Double(turns) / Double(members.count)) < 0.006)
            let centroid = record["centroid"]!.arrayValue!.map { $0.doubleValue! }
            for t in 0..<4 { #expect(abs(centroid[t] - mean[t]) < 1e-4) }
            #expect(record["users"]?.intValue == distinctUsers(members))
        }
    }

    @Test func aClusterWithMoreUsersThanTheCapShowsAnEstimateAndTheOthersStayExact() throws {
        // Cluster 0: 2,000 conversations of about 900 users; cluster 3: 50 users, under the cap of 64.
        let input = records(sizes: [2000, 200], usersPerCluster: { $0 == 0 ? 900 : 50 }, seed: 3)
        var options = LabelOptions()
        options.hierarchy.top = 1
        let clusters = try parsed(try digestRun(input, options: options, reservoir: 100).clusters)
        let truth = distinctUsers
        let big = try #require(clusters.first { $0["id"]?.stringValue == "L0-0" })
        let exact = truth(input.filter { $0["cluster"]?.intValue == 0 })
        #expect(big["users_estimated"] == true)
        #expect(abs(Double(big["users"]!.intValue! - exact)) <= 0.05 * Double(exact), "\(big["users"]!) for \(exact)")
        let small = try #require(clusters.first { $0["id"]?.stringValue == "L0-3" })
        #expect(small["users_estimated"] == nil)
        #expect(small["users"]?.intValue == truth(input.filter { $0["cluster"]?.intValue == 3 }))
        let top = try #require(clusters.first { $0["parent"] == .null })
        #expect(top["users_estimated"] == true)
        #expect(abs(Double(top["users"]!.intValue! - truth(input))) <= 0.05 * Double(truth(input)))
    }

    @Test func theReservoirIsSeededAndHoldsEveryMemberOfASmallCluster() throws {
        let input = records(sizes: [500, 30], usersPerCluster: { _ in 10 }, seed: 5)
        func kept(seed: UInt64) throws -> [JSON] {
            var digest = try ClusterDigest(reservoir: 40, minUsers: 1, seed: seed, assignments: false)
            for record in input { try digest.add(record) }
            return try digest.finish().input.ids
        }
        let a = try kept(seed: 1)
        #expect(a == (try kept(seed: 1)))
        #expect(a != (try kept(seed: 2)))
        #expect(a.count == 70)
        let small = input.filter { $0["cluster"]?.intValue == 3 }.map { $0["id"]! }
        #expect(small.allSatisfy { a.contains($0) })
        // Kept in input order.
        let positions = a.map { id in input.firstIndex { $0["id"] == id }! }
        #expect(positions == positions.sorted())
    }

    @Test func theReservoirOptionTakesACountOrAllAndFollowsALargerSamples() throws {
        #expect(try LabelCommand(arguments: []).reservoirPolicy == .shared(total: 100_000, most: 100, least: 10))
        #expect(try LabelCommand(arguments: ["--keep", "5000"]).reservoirPolicy == .shared(total: 5000, most: 100, least: 10))
        #expect(try LabelCommand(arguments: ["--reservoir", "7"]).reservoirPolicy == .perCluster(7))
        #expect(try LabelCommand(arguments: ["--reservoir", "all"]).reservoirPolicy == .perCluster(.max))
        #expect(try LabelCommand(arguments: ["--samples", "150"]).reservoirPolicy == .shared(total: 100_000, most: 150, least: 10))
        #expect(throws: UsageError.self) { try LabelCommand(arguments: ["--reservoir", "0"]) }
        #expect(throws: UsageError.self) { try LabelCommand(arguments: ["--reservoir", "some"]) }
        #expect(throws: UsageError.self) { try LabelCommand(arguments: ["--reservoir", "5", "--tree", "t.jsonl"]) }
        #expect(throws: UsageError.self) { try LabelCommand(arguments: ["--keep", "0"]) }
        #expect(throws: UsageError.self) { try LabelCommand(arguments: ["--keep", "50", "--tree", "t.jsonl"]) }
        #expect(throws: UsageError.self) { try LabelCommand(arguments: ["--keep", "50", "--reservoir", "5"]) }
    }

    @Test func sharedReservoirsEndAsAFixedReservoirOfTheLargestShareTheTotalAllowsWhateverTheOrder() throws {
        // 750 conversations in five clusters and 400 to keep: 90 of each is the largest share
        // that fits (90 + 40 + 90 + 90 + 90 = 400; 91 would keep 403), though the first
        // clusters to appear filled up to 100 before the others came.
        let input = records(sizes: [300, 40, 120, 200, 90], usersPerCluster: { _ in 30 }, seed: 11)
        let sorted = input.enumerated().sorted { ($0.element["cluster"]!.intValue!, $0.offset) < ($1.element["cluster"]!.intValue!, $1.offset) }.map(\.element)
        var options = LabelOptions()
        options.includeCentroids = true
        let policy = ReservoirPolicy.shared(total: 400, most: 100, least: 10)
        for order in [input, sorted, sorted.reversed()] {
            let fixed = try digestRun(order, options: options, reservoir: 90)
            let shared = try digestRun(order, options: options, policy: policy)
            #expect(shared.clusters == fixed.clusters)
            #expect(shared.assignments == fixed.assignments)
            var digest = try ClusterDigest(policy: policy, minUsers: 1, seed: 0, assignments: false)
            for record in order { try digest.add(record) }
            #expect(digest.reservoir == 90)
            #expect(try digest.finish().input.ids.count == 400)
        }
        // An input no larger than the total is held whole: the output of holding every record.
        let whole = try digestRun(input, options: options, policy: .shared(total: 750, most: 1000, least: 10))
        #expect(whole.clusters == (try digestRun(input, options: options, reservoir: .max)).clusters)
        // Below the floor: 30 to keep among five clusters still keeps 10 of each.
        var digest = try ClusterDigest(policy: .shared(total: 30, most: 100, least: 10), minUsers: 1, seed: 0, assignments: false)
        for record in sorted { try digest.add(record) }
        #expect(digest.reservoir == 10)
        #expect(try digest.finish().input.ids.count == 50)
    }

    @Test func aBadRecordLeavesTheDigestUnchanged() throws {
        var digest = try ClusterDigest(reservoir: 10, minUsers: 1, seed: 0, assignments: true)
        try digest.add(clustered(id: "a", cluster: 0, embedding: [1, 2]))
        #expect(throws: ClioError.self) { try digest.add(clustered(id: "b", cluster: 1, embedding: [1, 2, 3])) }
        #expect(throws: ClioError.self) { try digest.add(["id": "c", "embedding": [1, 2]]) }
        try digest.add(clustered(id: "d", cluster: 0, embedding: [3, 4]))
        #expect(digest.count == 2)
        let finished = try digest.finish()
        #expect(finished.totals.sizes == [2])
        #expect(finished.totals.centroid([0]) == [2, 3])
    }
}

@Suite struct UserCountTests {
    @Test func aCapLoweredMidStreamCountsAsThatCapFromTheStart() {
        var rng = SplitMix(seed: 4)
        let users: [String?] = (0..<900).map { _ in rng.int(0...9) == 0 ? nil : "u\(rng.int(0...400))" }
        for switchAt in [0, 50, 300, 899] {
            var fromStart = UserCount(cap: 64), lowered = UserCount(cap: .max)
            for (i, user) in users.enumerated() {
                if i == switchAt { lowered.lower(cap: 64) }
                fromStart.add(user)
                lowered.add(user)
            }
            let a = UserCount.union([fromStart]), b = UserCount.union([lowered])
            #expect(a.count == b.count && a.estimated == b.estimated, "switched at \(switchAt)")
            #expect(a.estimated)
        }
        // Under the cap nothing is sketched.
        var few = UserCount(cap: .max)
        for user in users.prefix(40) { few.add(user) }
        few.lower(cap: 64)
        #expect(UserCount.union([few]).estimated == false)
    }

    @Test func hyperLogLogEstimatesDistinctCountsWithinAFewPercent() {
        for n in [1_000, 20_000, 200_000] {
            var sketch = HyperLogLog()
            for i in 0..<n { sketch.add(ClioEmbed.fnv1a("user-\(i)")) }
            // Every one a second time: a sketch counts distinct items.
            for i in stride(from: 0, to: n, by: 3) { sketch.add(ClioEmbed.fnv1a("user-\(i)")) }
            #expect(abs(Double(sketch.estimate - n)) <= 0.04 * Double(n), "\(sketch.estimate) for \(n)")
        }
    }

    @Test func mergedSketchesAreTheSketchOfTheUnion() {
        var a = HyperLogLog(), b = HyperLogLog(), both = HyperLogLog()
        for i in 0..<5_000 {
            a.add(ClioEmbed.fnv1a("a\(i)"))
            both.add(ClioEmbed.fnv1a("a\(i)"))
        }
        for i in 0..<3_000 {
            b.add(ClioEmbed.fnv1a("a\(i * 2)"))
            b.add(ClioEmbed.fnv1a("b\(i)"))
            both.add(ClioEmbed.fnv1a("a\(i * 2)"))
            both.add(ClioEmbed.fnv1a("b\(i)"))
        }
        a.merge(b)
        #expect(a == both)
    }

    @Test func usersAreExactUpToTheCapThenEstimatedAboveIt() {
        var count = UserCount(cap: 64)
        for i in 0..<64 { count.add("u\(i)") }
        for i in 0..<64 { count.add("u\(i)") }
        count.add(nil)
        #expect(UserCount.union([count]).count == 65)
        #expect(UserCount.union([count]).estimated == false)
        for i in 64..<1_000 { count.add("u\(i)") }
        let estimate = UserCount.union([count])
        #expect(estimate.estimated)
        #expect(abs(estimate.count - 1_001) <= 40)
    }

    @Test func theUnionOfExactCountsIsExact() {
        var a = UserCount(cap: 64), b = UserCount(cap: 64)
        for i in 0..<50 { a.add("u\(i)") }
        for i in 30..<90 { b.add("u\(i)") }
        b.add(nil)
        let union = UserCount.union([a, b])
        #expect(union.count == 91)
        #expect(!union.estimated)
    }

    @Test func anEstimateIsNeverBelowWhatIsKnownNorAboveTheConversations() {
        var a = UserCount(cap: 4)
        for i in 0..<5 { a.add("u\(i)") }
        #expect(UserCount.union([a]).count == 5)
        var b = UserCount(cap: 4)
        for i in 0..<10 { b.add("v\(i % 6)") }
        let both = UserCount.union([a, b])
        #expect(both.count >= 6 && both.count <= 15)
    }
}

@Suite struct ChunkedListsTests {
    @Test func interleavedListsReadBackAsAppended() throws {
        var lists = ChunkedLists(file: try SpillFile())
        var truth: [[UInt8]] = [[], [], []]
        for _ in truth.indices { lists.addList() }
        var rng = SplitMix(seed: 9)
        for i in 0..<5_000 {
            let l = rng.int(0...2) == 0 ? 2 : rng.int(0...1)
            let bytes = Array("item-\(i),".utf8)
            try lists.append(l, bytes)
            truth[l] += bytes
        }
        try lists.flush()
        for l in truth.indices {
            var back: [UInt8] = []
            try lists.forEachChunk(l) { back += $0 }
            #expect(back == truth[l])
        }
    }
}

@Suite struct VectorRowsTests {
    @Test func permutedRowsComeOutInTheGivenOrderAcrossBlocks() {
        var rows = VectorRows()
        let n = VectorRows.blockRows * 2 + 17
        for i in 0..<n { rows.append([Float(i), Float(-i)]) }
        for i in stride(from: 0, to: n, by: 5) { rows.set(i, [Float(i) + 0.5, 0]) }
        var rng = SplitMix(seed: 2)
        var order = Array(0..<n)
        order.shuffle(using: &rng)
        rows.permute(toRows: order)
        let flat = rows.drain()
        #expect(flat.count == 2 * n)
        for (i, from) in order.enumerated() {
            let expected: [Float] = from % 5 == 0 ? [Float(from) + 0.5, 0] : [Float(from), Float(-from)]
            #expect(Array(flat[(2 * i)..<(2 * i + 2)]) == expected)
        }
    }

    @Test func truncatedRowsAreGoneAndTheRestStay() {
        var rows = VectorRows()
        let n = VectorRows.blockRows + 40
        for i in 0..<n { rows.append([Float(i)]) }
        rows.truncate(to: VectorRows.blockRows - 3)
        #expect(rows.count == VectorRows.blockRows - 3)
        rows.append([-1])
        let flat = rows.drain()
        #expect(flat == (0..<(VectorRows.blockRows - 3)).map(Float.init) + [-1])
    }
}
