import Testing
import ClioCore
@testable import ClioLabel

/// A random clustered input: blobs around random centres, some records without a user.
struct RandomCase {
    var records: [JSONObject]
    var options: LabelOptions

    init(seed: UInt64) {
        var rng = SplitMix(seed: seed)
        let d = rng.int(2...6)
        let k = rng.int(1...40)
        let n = rng.int(k...k * 6)
        // Sparse cluster numbers, as after a filter: the ids must follow them.
        let clusterNumbers = (0..<k).map { $0 * rng.int(1...3) + $0 }
        let centres = (0..<k).map { _ in (0..<d).map { _ in rng.unit() * 10 } }
        records = (0..<n).map { i in
            let c = i < k ? i : rng.int(0...k - 1)
            let vector = centres[c].map { $0 + rng.unit() * 0.5 }
            let user: String? = rng.int(0...4) == 0 ? nil : "u\(rng.int(0...12))"
            return clustered(id: "c\(i)", cluster: clusterNumbers[c], embedding: vector, user: user,
                             request: "The task is to discuss topic\(c) and word\(rng.int(0...9)).")
        }
        options = LabelOptions()
        options.hierarchy.top = rng.int(1...8)
        options.hierarchy.childrenPerParent = rng.int(2...6)
        options.hierarchy.maxLevels = rng.int(0...2) == 0 ? rng.int(2...4) : nil
        options.hierarchy.seed = rng.next() % 100
        if rng.int(0...1) == 0 {
            options.minConversations = rng.int(1...6)
            options.minUsers = rng.int(1...3)
        }
    }
}

/// Checks the cluster-record contract on the output alone, with its own bookkeeping.
func checkInvariants(_ records: [JSONObject], assignments: [JSONObject], input: [JSONObject], options: LabelOptions) {
    var byID: [String: JSONObject] = [:]
    for record in records {
        let id = record["id"]?.stringValue ?? ""
        #expect(byID[id] == nil, "duplicate id \(id)")
        byID[id] = record
    }
    let allIDs = input.map { $0["id"]!.stringValue! }
    var seen: [String: Int] = [:]
    var withheldTotal = 0
    var roots = 0
    var rootSizes = 0
    for record in records {
        let id = record["id"]!.stringValue!
        let size = record["size"]!.intValue!
        let withheld = record["withheld"]?.boolValue == true
        let level = record["level"]!.intValue!
        if let parent = record["parent"]?.stringValue {
            // Exactly one parent, which exists and lists this record as a child.
            let p = byID[parent]
            #expect(p != nil, "\(id): parent \(parent) missing")
            #expect(p?["children"]?.arrayValue?.contains(.string(id)) == true, "\(parent) does not list \(id)")
            #expect((p?["level"]?.intValue ?? 0) > level, "\(id) is not below its parent")
        } else {
            roots += 1
            rootSizes += size
        }
        if withheld {
            #expect(record["members"] == nil && record["children"] == nil)
            #expect(record["name"]?.stringValue == "Other (below privacy threshold)")
            withheldTotal += size
        } else if let members = record["members"]?.arrayValue {
            #expect(level == 0)
            #expect(members.count == size)
            for m in members { seen[m.stringValue!, default: 0] += 1 }
            #expect(size >= options.minConversations)
            #expect(record["users"]!.intValue! >= options.minUsers)
        } else {
            let children = record["children"]?.arrayValue ?? []
            let sum = children.reduce(0) { $0 + (byID[$1.stringValue!]?["size"]?.intValue ?? -1_000_000) }
            #expect(sum == size, "\(id): size \(size) but children sum \(sum)")
            for child in children { #expect(byID[child.stringValue!]?["parent"]?.stringValue == id) }
            // No chains: a parent has two or more children, unless its one child is a privacy bucket.
            let named = children.filter { byID[$0.stringValue!]?["withheld"]?.boolValue != true }
            #expect(children.count >= 2 || named.isEmpty, "\(id) has a single named child")
            #expect(size >= options.minConversations)
        }
    }
    #expect(roots >= 1 && roots <= options.hierarchy.top, "\(roots) top-level clusters")
    #expect(rootSizes == allIDs.count)
    // Every conversation is in exactly one shown base cluster or counted in one bucket.
    #expect(seen.values.allSatisfy { $0 == 1 })
    #expect(seen.count + withheldTotal == allIDs.count)
    if options.minConversations == 1 && options.minUsers == 1 {
        #expect(Set(seen.keys) == Set(allIDs))
    }
    // Assignments: one per conversation, a path down from a top-level cluster.
    #expect(assignments.map { $0["id"]!.stringValue! } == allIDs)
    for a in assignments {
        let path = a["path"]!.arrayValue!.map { $0.stringValue! }
        #expect(path.last == a["cluster"]!.stringValue!)
        #expect(byID[path[0]]?["parent"] == .null)
        for (upper, lower) in zip(path, path.dropFirst()) {
            #expect(byID[lower]?["parent"]?.stringValue == upper)
        }
        let last = byID[path.last!]
        if last?["withheld"]?.boolValue != true {
            #expect(last?["members"]?.arrayValue?.contains(a["id"]!) == true)
        }
    }
}

@Suite struct HierarchyTests {
    @Test func randomInputsKeepEveryInvariant() throws {
        for seed in UInt64(1)...60 {
            let random = RandomCase(seed: seed)
            let result = try Labeler.label(try labelInput(random.records), options: random.options)
            checkInvariants(result.clusters, assignments: result.assignments, input: random.records, options: random.options)
            if let maxLevels = random.options.hierarchy.maxLevels {
                #expect(result.clusters.allSatisfy { $0["level"]!.intValue! < maxLevels })
            }
        }
    }

    @Test func outputIsDeterministic() throws {
        let random = RandomCase(seed: 7)
        let first = try Labeler.label(try labelInput(random.records), options: random.options)
        let second = try Labeler.label(try labelInput(random.records), options: random.options)
        #expect(lines(first.clusters) == lines(second.clusters))
        #expect(lines(first.assignments) == lines(second.assignments))
    }

    @Test func everyLevelShrinksAndParentsHaveSeveralChildren() throws {
        var rng = SplitMix(seed: 3)
        for trial in 0..<40 {
            let n = rng.int(1...80)
            let records = (0..<n).map { i in
                clustered(id: "c\(i)", cluster: i, embedding: (0..<3).map { _ in rng.unit() }, user: "u\(i)")
            }
            var options = LabelOptions()
            options.hierarchy.top = rng.int(1...10)
            options.hierarchy.childrenPerParent = rng.int(2...8)
            let result = try Labeler.label(try labelInput(records), options: options)
            var levelOf: [String: Int] = [:]
            for r in result.clusters { levelOf[r["id"]!.stringValue!] = r["level"]!.intValue! }
            // The clusters standing at the top after each level: strictly fewer each time.
            let maxLevel = levelOf.values.max() ?? 0
            let counts = (0...maxLevel).map { l in
                result.clusters.filter { r in
                    r["level"]!.intValue! <= l && (r["parent"]?.stringValue.map { levelOf[$0]! > l } ?? true)
                }.count
            }
            #expect(counts.first == n, "trial \(trial)")
            #expect(zip(counts, counts.dropFirst()).allSatisfy { $1 < $0 }, "trial \(trial): \(counts)")
            #expect(result.topLevelCount <= options.hierarchy.top)
            for r in result.clusters where r["level"]!.intValue! > 0 {
                #expect(r["children"]!.arrayValue!.count >= 2)
            }
        }
    }

    @Test func levelTargetsFollowThePapersGeometricSequence() {
        var options = HierarchyOptions()
        options.top = 10
        options.childrenPerParent = 10
        // 500 base clusters: two rounds, 500 · (10/500)^(1/2) ≈ 71, then 10.
        #expect(options.rounds(base: 500) == 2)
        #expect(options.target(round: 1, base: 500) == 71)
        #expect(options.target(round: 2, base: 500) == 10)
        // 62: one round straight to the top; 8: none.
        #expect(options.rounds(base: 62) == 1 && options.target(round: 1, base: 62) == 10)
        #expect(options.rounds(base: 8) == 0)
        // 5,000 with 3 levels allowed: two rounds, 5000 · (1/500)^(1/2) ≈ 224.
        options.maxLevels = 3
        #expect(options.rounds(base: 5000) == 2 && options.target(round: 1, base: 5000) == 224)
    }

    @Test func aGroupOfOneIsCarriedUpUnchanged() throws {
        // Three tight pairs and one far outlier; with four clusters wanted per level the outlier is
        // its own group: it stays a base cluster and is re-parented or left at the top.
        let points: [[Float]] = [[0, 0], [0, 0.1], [5, 5], [5, 5.1], [9, 0], [9, 0.1], [100, 100]]
        let records = points.enumerated().map { clustered(id: "c\($0.offset)", cluster: $0.offset, embedding: $0.element) }
        var options = LabelOptions()
        options.hierarchy.top = 4
        let result = try Labeler.label(try labelInput(records), options: options, strategy: memberGrouping)
        let outlier = result.clusters.first { $0["id"]?.stringValue == "L0-6" }
        #expect(outlier?["parent"] == .null)
        #expect(outlier?["level"]?.intValue == 0)
        #expect(result.clusters.filter { $0["parent"] == .null }.count == 4)
        #expect(result.clusters.filter { $0["level"]?.intValue == 1 }.allSatisfy { $0["children"]?.arrayValue?.count == 2 })
    }
}
