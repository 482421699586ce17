import ClioTestSupport
import Testing
import ClioCore
import ClioLLM
@testable import ClioLabel

@Suite struct LLMNamingTests {
    @Test func contrastTakesTheNearestSummariesOutsideTheCluster() throws {
        var rng = SplitMix(seed: 7)
        var records: [JSONObject] = []
        for i in 0..<200 {
            let v = (0..<5).map { _ in rng.unit() }
            records.append(clustered(id: "r\(i)", cluster: i % 7, embedding: v, request: "The task is to do thing \(i)."))
        }
        let input = try labelInput(records)
        let members = (0..<200).filter { $0 % 7 == 3 }
        let centre = input.centroid(members)
        let picked = Labeler.nearestOutside(input: input, centre: centre, members: members, pool: Array(0..<200), limit: 12)

        // Brute force in Double over every record outside cluster 3.
        let vectors = records.map { $0["embedding"]!.arrayValue!.map { $0.doubleValue! } }
        let c = (0..<5).map { t in members.reduce(0.0) { $0 + vectors[$1][t] } / Double(members.count) }
        let expected = (0..<200).filter { $0 % 7 != 3 }
            .map { i in (i, zip(vectors[i], c).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }) }
            .sorted { $0.1 < $1.1 }.prefix(12).map(\.0)
        #expect(picked == Array(expected))
    }

    @Test func basePromptShowsSampledMembersAndNearestOutsiders() throws {
        let records = llmFixture(clusters: 3, perCluster: 30)
        let stub = stubModel { sensibleAnswer($0) }
        _ = try llmLabel(records, stub: stub, configure: { $0.samples = 10; $0.contrast = 4 })
        let prompts = stub.requests(.nameBase).map(userText)
        #expect(prompts.count == 3)
        for prompt in prompts {
            let inside = listed(prompt, tag: "answers")
            let outside = listed(prompt, tag: "contrastive_answers")
            #expect(inside.count == 10 && Set(inside).count == 10)
            #expect(outside.count == 4)
            let topic = inside[0].split(separator: " ").last!
            #expect(inside.allSatisfy { $0.hasSuffix(topic) })
            #expect(outside.allSatisfy { !$0.hasSuffix(topic) })
        }
    }

    @Test func sampleIsSeededDistinctAndDrawnFromTheMembers() {
        let members = Array(100..<180)
        var a = SeededGenerator(seed: 3), b = SeededGenerator(seed: 3), c = SeededGenerator(seed: 4)
        let first = Labeler.sample(members, count: 20, rng: &a)
        #expect(first == Labeler.sample(members, count: 20, rng: &b))
        #expect(first != Labeler.sample(members, count: 20, rng: &c))
        #expect(Set(first).count == 20 && Set(first).isSubset(of: Set(members)))
        var d = SeededGenerator(seed: 3)
        #expect(Set(Labeler.sample(Array(0..<5), count: 50, rng: &d)) == Set(0..<5))
    }

    @Test func invalidNamesAreReaskedWithTheProblemAndHarmlessVariationIsNot() throws {
        let records = llmFixture(clusters: 2, perCluster: 5)
        let stub = stubModel { request in
            guard promptKind(request) == .nameBase else { return sensibleAnswer(request) }
            switch request.messages.count {
            case 2: return labelAnswer("One two three four five six seven eight nine ten eleven")
            default: return labelAnswer("Discuss fruit politely.")  // the full stop is dropped, not re-asked
            }
        }
        let (output, labeler, _) = try llmLabel(records, stub: stub, options: topOptions(5))
        let names = output.clusters.filter { $0["level"]?.intValue == 0 }.map { $0["name"]!.stringValue! }
        #expect(names == ["Discuss fruit politely", "Discuss fruit politely"])
        #expect(labeler.counters.snapshot.reasked == 2)
        #expect(stub.requests(.nameBase).count == 4)
        let second = stub.requests(.nameBase).first { $0.messages.count == 4 }!
        #expect(second.messages[3].content.contains("it must have at most 10"))
        #expect(second.messages[2].role == .assistant && !second.messages[2].content.isEmpty)
    }

    @Test func unusableAnswersFallBackToTheOfflineName() throws {
        let records = llmFixture(clusters: 2, perCluster: 5)
        let stub = stubModel { request in promptKind(request) == .nameBase ? "I cannot do that" : sensibleAnswer(request) }
        let (output, labeler, _) = try llmLabel(records, stub: stub, options: topOptions(5), attempts: 2)
        let names = output.clusters.filter { $0["level"]?.intValue == 0 }.map { $0["name"]!.stringValue! }
        // The offline name: the cluster's key phrase ("ask" and "question" are stop words).
        #expect(names == ["Apple0", "Avocado1"])
        #expect(stub.requests(.nameBase).count == 4)
        #expect(labeler.counters.snapshot.fallbacks == 2)
    }

    @Test func clustersBelowTheThresholdsAreNeverShownToTheModel() throws {
        var records = llmFixture(clusters: 4, perCluster: 6)
        for i in 0..<2 {
            records.append(clustered(id: "s\(i)", cluster: 9, embedding: [5, 5, 5, 5], user: "secret",
                                     request: "The task is to hide secretword."))
        }
        var options = topOptions(2)
        options.minConversations = 3
        let stub = stubModel { sensibleAnswer($0) }
        let (output, _, _) = try llmLabel(records, stub: stub, options: options)
        for request in stub.requests { #expect(!request.messages.map(\.content).joined().contains("secretword")) }
        #expect(output.withheldClusters == 1 && output.withheldConversations == 2)
        checkInvariants(output.clusters, assignments: output.assignments, input: records, options: options)
        let bucket = output.clusters.first { $0["withheld"] == true }
        #expect(bucket?["size"]?.intValue == 2 && bucket?["parent"] != .null)
    }

    @Test func auditWithholdsClustersRatedBelowThree() throws {
        let records = llmFixture(clusters: 6, perCluster: 4)
        // Rate 1 for the clusters about apple0 and banana2, 2 for cherry4, 5 otherwise.
        let stub = stubModel { request in
            guard promptKind(request) == .audit else { return sensibleAnswer(request) }
            let text = userText(request)
            if text.contains("apple0") || text.contains("banana2") { return json(["rating": 1]) }
            if text.contains("cherry4") { return json(["rating": 2]) }
            return json(["rating": 5])
        }
        var options = topOptions(2)
        options.hierarchy.childrenPerParent = 3
        let (output, labeler, _) = try llmLabel(records, stub: stub, options: options, configure: { $0.audit = true })
        #expect(labeler.counters.snapshot.auditWithheld == 3)
        #expect(labeler.counters.snapshot.auditUnrated == 0)
        let text = lines(output.clusters)
        #expect(!text.contains("apple0") && !text.contains("banana2") && !text.contains("cherry4"))
        #expect(text.contains("avocado1") && text.contains("blueberry3") && text.contains("carrot5"))
        let withheld = output.clusters.filter { $0["withheld"] == true }
        #expect(withheld.reduce(0) { $0 + $1["withheld_clusters"]!.intValue! } == 3)
        #expect(withheld.reduce(0) { $0 + $1["size"]!.intValue! } == 12)
        // The withheld clusters' names were never sent on to later steps.
        for request in stub.requests where promptKind(request) != .audit && promptKind(request) != .nameBase {
            #expect(!userText(request).contains("apple0"))
        }
    }

    @Test func anUnratedClusterIsWithheld() throws {
        let records = llmFixture(clusters: 3, perCluster: 4)
        let stub = stubModel { request in
            guard promptKind(request) == .audit else { return sensibleAnswer(request) }
            return userText(request).contains("banana2") ? json(["rating": 9]) : json(["rating": 4])
        }
        let (output, labeler, _) = try llmLabel(records, stub: stub, options: topOptions(5), configure: { $0.audit = true })
        #expect(labeler.counters.snapshot.auditWithheld == 1 && labeler.counters.snapshot.auditUnrated == 1)
        #expect(!lines(output.clusters).contains("banana2"))
    }
}

func topOptions(_ top: Int) -> LabelOptions {
    var options = LabelOptions()
    options.hierarchy.top = top
    return options
}
