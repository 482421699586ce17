import ClioTestSupport
import Testing
import ClioCore
import ClioEmbed
import ClioLLM
@testable import ClioLabel

@Suite struct LLMHierarchyTests {
    func labeler(_ stub: FakeChatModel, configure: (inout LLMLabelOptions) -> Void = { _ in }) -> LLMLabeler {
        llmLabeler(stub) { $0.jobs = 3; configure(&$0) }.0
    }

    let parents = ["Plan travel", "Write code", "Cook food"]

    @Test func anExactAnswerIsTaken() {
        let stub = stubModel { _ in categoryAnswer("Write code") }
        let l = labeler(stub)
        let choice = try! l.assign(ClusterLabel(name: "Fix a bug", description: "d"), vector: [], parents: parents,
                              parentVectors: try! l.embed(parents), seed: 1)
        #expect(choice == 1)
        #expect(stub.requests.count == 1 && l.counters.snapshot.fuzzyMatches == 0)
    }

    @Test func anAnswerDifferingInCaseAndPunctuationIsMatched() {
        let stub = stubModel { _ in categoryAnswer("  cook FOOD. ") }
        let l = labeler(stub)
        let choice = try! l.assign(ClusterLabel(name: "Bake bread", description: "d"), vector: [], parents: parents,
                              parentVectors: try! l.embed(parents), seed: 1)
        #expect(choice == 2 && l.counters.snapshot.fuzzyMatches == 1)
    }

    @Test func anAnswerCloseInEmbeddingIsMatchedAboveTheThreshold() {
        // Word-hashed vectors: "Plan travel trips" shares two of three words with "Plan travel".
        let near = "Plan travel trips"
        let stub = stubModel { _ in categoryAnswer(near) }
        let embedder = HashedEmbedder(dimension: 64)
        let vectors = embedder.embed(parents)
        let v = embedder.embed(near)
        let cosine = zip(v, vectors[0]).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        let l = labeler(stub) { $0.matchThreshold = cosine - 0.01 }
        #expect(try! l.assign(ClusterLabel(name: "x", description: "d"), vector: [], parents: parents, parentVectors: vectors, seed: 1) == 0)
        #expect(stub.requests.count == 1)
        // Above the threshold only: a stricter one re-asks, then falls back to the child's nearest parent.
        let strict = labeler(stub) { $0.matchThreshold = cosine + 0.01 }
        let child = embedder.embed("Cook food")
        #expect(try! strict.assign(ClusterLabel(name: "x", description: "d"), vector: child, parents: parents, parentVectors: vectors, seed: 1) == 2)
        #expect(stub.requests.count == 1 + 3 && strict.counters.snapshot.fallbacks == 1)
    }

    @Test func anUnlistedAnswerIsReaskedNamingTheProblem() {
        let stub = stubModel { request in request.messages.count == 2 ? categoryAnswer("Something else entirely") : categoryAnswer("Plan travel") }
        let l = labeler(stub)
        let choice = try! l.assign(ClusterLabel(name: "Visit Rome", description: "d"), vector: [], parents: parents,
                              parentVectors: try! l.embed(parents), seed: 1)
        #expect(choice == 0)
        #expect(stub.requests.count == 2 && l.counters.snapshot.reasked == 1)
        #expect(stub.requests[1].messages[3].content.contains("not one of the listed categories"))
    }

    @Test func theParentListIsShuffledPerCallAndSeeded() {
        let many = (0..<12).map { "Parent number \($0)" }
        let stub = stubModel { _ in categoryAnswer("Parent number 0") }
        let l = labeler(stub)
        let vectors = try! l.embed(many)
        for seed in [1, 2, 1] as [UInt64] {
            _ = try! l.assign(ClusterLabel(name: "c", description: "d"), vector: [], parents: many, parentVectors: vectors, seed: seed)
        }
        let orders = stub.requests.map { listed(userText($0), tag: "higher_level_clusters") }
        #expect(Set(orders[0]) == Set(many))
        #expect(orders[0] != orders[1] && orders[0] == orders[2])
        #expect(orders[0] != many)
    }

    @Test func proposalsAreMergedToTheDesiredCount() {
        let stub = stubModel { request in
            let names = listed(userText(request), tag: "cluster_names")
            return namesAnswer(names.map { $0.replacingFirstWord() }.uniqued())
        }
        let l = labeler(stub)
        // "A x", "A y", "B x", "B y" merge to "Topic A", "Topic B".
        let merged = try! l.deduplicate(["A x", "A y", "B x", "B y"], desired: 2)
        #expect(merged == ["Topic A", "Topic B"])
        #expect(stub.requests.count == 1)
    }

    @Test func tooManyProposalsAreMergedInRounds() {
        let stub = stubModel { request in
            let names = listed(userText(request), tag: "cluster_names")
            return namesAnswer(names.map { $0.replacingFirstWord() }.uniqued())
        }
        let l = labeler(stub) { $0.namesPerPrompt = 6 }
        let proposals = ["A 1", "A 2", "A 3", "B 1", "B 2", "B 3", "C 1", "C 2", "C 3", "D 1", "D 2", "D 3"]
        let merged = try! l.deduplicate(proposals, desired: 4)
        #expect(merged == ["Topic A", "Topic B", "Topic C", "Topic D"])
        #expect(stub.requests.count == 2)
        #expect(stub.requests.allSatisfy { listed(userText($0), tag: "cluster_names").count <= 6 })
    }

    @Test func aFailedMergeKeepsEveryProposalRepresented() {
        // Two themes; the first two names are both about cooking, so keeping the first names
        // (the old fallback) would drop the car repairs.
        let stub = stubModel { _ in "" }
        let l = labeler(stub)
        let proposals = ["Cook pasta dishes", "Cook rice dishes", "Cook soup dishes", "Repair car engines", "Repair car brakes"]
        let merged = try! l.deduplicate(proposals, desired: 2)
        #expect(merged.count == 2)
        #expect(merged.filter { $0.hasPrefix("Cook") }.count == 1 && merged.filter { $0.hasPrefix("Repair") }.count == 1)
        #expect(Set(merged).isSubset(of: Set(proposals)))
        #expect(l.counters.snapshot.fallbacks == 1)
    }

    // MARK: Whole runs with adversarial models

    static let adversaries: [(String, @Sendable (ChatRequest) -> String)] = [
        ("same name for everything", { request in
            switch promptKind(request) {
            case .propose, .deduplicate: return namesAnswer(["Do things"])
            case .assign: return categoryAnswer("Do things")
            case .audit: return json(["rating": 5])
            default: return labelAnswer("Do things")
            }
        }),
        ("always an unlisted name", { request in
            switch promptKind(request) {
            case .propose, .deduplicate: return namesAnswer(["Zebra \(request.messages.count)", "Yak"])
            case .assign: return categoryAnswer("Quokka handling")
            case .audit: return json(["rating": 5])
            default: return labelAnswer("Name \(userText(request).count)")
            }
        }),
        ("empty answers", { _ in "" }),
        ("broken JSON", { _ in "{\"names\": [\"A\", " }),
    ]

    @Test(arguments: 0..<4)
    func badModelsStillGiveAValidShrinkingTree(adversary: Int) throws {
        let records = llmFixture(clusters: 23, perCluster: 3)
        var options = LabelOptions()
        options.hierarchy.top = 3
        options.hierarchy.childrenPerParent = 3
        let answer = Self.adversaries[adversary].1
        let stub = stubModel { answer($0) }
        // The hierarchy is under test: with the audit (on by default) a model that answers nothing
        // would have every cluster withheld, failing closed.
        let (output, _, _) = try llmLabel(records, stub: stub, options: options, configure: {
            $0.neighbourhood = 6
            $0.audit = false
        })
        checkInvariants(output.clusters, assignments: output.assignments, input: records, options: options)
        #expect(output.topLevelCount <= 3)
    }

    @Test func aClusterAloneInItsNeighbourhoodIsCarriedUpUnchanged() throws {
        // Two tight groups of five and one far-away cluster: three neighbourhoods of ~4.
        var records = llmFixture(clusters: 10, perCluster: 3)
        records.append(contentsOf: (0..<3).map { clustered(id: "far\($0)", cluster: 10, embedding: [900, 900, 900, 900], request: "The task is to x zzz.") })
        let stub = stubModel { request in
            // Names only make the neighbourhoods: the far cluster's name shares nothing with the others.
            if promptKind(request) == .nameBase, listed(userText(request), tag: "answers")[0].contains("zzz") { return labelAnswer("Qqq", "Qqq qqq qqq.") }
            return sensibleAnswer(request)
        }
        var options = LabelOptions()
        options.hierarchy.top = 4
        options.hierarchy.childrenPerParent = 4
        let (output, _, _) = try llmLabel(records, stub: stub, options: options, configure: { $0.neighbourhood = 4 })
        checkInvariants(output.clusters, assignments: output.assignments, input: records, options: options)
        for record in output.clusters where record["children"] != nil {
            #expect(record["children"]!.arrayValue!.count >= 2)
        }
        let far = output.clusters.first { $0["id"] == "L0-10" }!
        #expect(far["name"] == "Qqq")
        // Not given a parent of its own in the first round: carried up to a later one (or the top).
        for record in output.clusters where record["level"]?.intValue == 1 {
            #expect(record["children"]?.arrayValue?.contains("L0-10") != true)
        }
    }

    @Test func randomInputsAndRandomModelsGiveConsistentTrees() throws {
        var rng = SplitMix(seed: 42)
        for trial in 0..<12 {
            let clusters = rng.int(1...40)
            let sizes = (0..<clusters).map { _ in rng.int(1...6) }
            let records = llmFixture(clusters: clusters, perCluster: 1, dimension: rng.int(2...6), seed: UInt64(trial), sizes: sizes)
            var options = LabelOptions()
            options.hierarchy.top = rng.int(1...6)
            options.hierarchy.childrenPerParent = rng.int(2...8)
            if rng.int(0...2) == 0 { options.hierarchy.maxLevels = rng.int(2...4) }
            options.minConversations = rng.int(1...3)
            let modelSeed = rng.next()
            let stub = stubModel { request in
                // Hash of the request picks a behaviour: sensible, adversarial or garbage.
                var h = SplitMix(seed: modelSeed ^ fnv1a(request.messages.map(\.content).joined()))
                switch h.int(0...5) {
                case 0: return ""
                case 1: return categoryAnswer("Nope")
                case 2: return namesAnswer((0..<h.int(0...9)).map { "Name \($0)" })
                case 3: return labelAnswer("Random name \(h.int(0...3))")
                case 4: return json(["rating": .number(Double(h.int(0...6)))])
                default: return sensibleAnswer(request)
                }
            }
            let audit = rng.int(0...1) == 1
            let neighbourhood = rng.int(2...10)
            let (output, _, _) = try llmLabel(records, stub: stub, options: options, attempts: 2, configure: {
                $0.neighbourhood = neighbourhood
                $0.audit = audit
            })
            if audit {
                checkTree(output.clusters, total: records.count, top: options.hierarchy.top)
            } else {
                checkInvariants(output.clusters, assignments: output.assignments, input: records, options: options)
            }
            // Top-level records: when the audit withholds every base cluster, their one bucket
            // (`topLevelCount` then counts the withheld clusters under it).
            let roots = output.clusters.filter { $0["parent"] == .null }.count
            #expect(roots <= options.hierarchy.top, "trial \(trial), audit \(audit)")
            if !audit { #expect(output.topLevelCount <= options.hierarchy.top) }
        }
    }
}

/// The tree checks that hold whatever the audit withheld: unique ids, parents exist and list
/// their children, sizes add up, the top is at most `top` plus one bucket.
func checkTree(_ records: [JSONObject], total: Int, top: Int) {
    var byID: [String: JSONObject] = [:]
    for r in records { byID[r["id"]!.stringValue!] = r }
    #expect(byID.count == records.count)
    var rootSize = 0
    var roots = 0
    for r in records {
        if let parent = r["parent"]?.stringValue {
            #expect(byID[parent]?["children"]?.arrayValue?.contains(r["id"]!) == true)
        } else {
            rootSize += r["size"]!.intValue!
            if r["withheld"] == nil { roots += 1 }
        }
        if let children = r["children"]?.arrayValue {
            #expect(children.reduce(0) { $0 + (byID[$1.stringValue!]?["size"]?.intValue ?? -1_000) } == r["size"]!.intValue!)
        }
    }
    #expect(rootSize == total)
    #expect(roots <= top)
}

extension String {
    /// "A x" → "Topic A".
    func replacingFirstWord() -> String { "Topic " + (split(separator: " ").first.map(String.init) ?? "") }
}

extension Array where Element == String {
    func uniqued() -> [String] {
        var seen = Set<String>()
        return filter { seen.insert($0).inserted }
    }
}

/// FNV-1a: a hash that is the same in every process (Swift's `hashValue` is not).
func fnv1a(_ text: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return h
}
