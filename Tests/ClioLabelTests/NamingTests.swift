import Testing
import ClioCore
@testable import ClioLabel

@Suite struct NamingTests {
    @Test func summaryTemplatePrefixesAreStrippedAndTheNameCapitalised() {
        #expect(OfflineNamer.condense("The user's overall request for the assistant is to explain how to reverse a list in Python.", maxWords: 10)
            == "Explain how to reverse a list in Python")
        #expect(OfflineNamer.condense("The task is to debug a segfault.", maxWords: 10) == "Debug a segfault")
        #expect(OfflineNamer.condense("  write a haiku!!  ", maxWords: 10) == "Write a haiku")
    }

    @Test func extractiveLeadInsAndQuotesAreNotPartOfAName() {
        #expect(OfflineNamer.condense("The user's overall request for the assistant is to help with: grow tomatoes in pots.", maxWords: 10)
            == "Grow tomatoes in pots")
        #expect(OfflineNamer.condense("The task is to answer the question: What's a good bread recipe?", maxWords: 10)
            == "What's a good bread recipe")
        #expect(OfflineNamer.condense("The task is to help with: \"请帮我写一首诗。\"", maxWords: 10) == "请帮我写一首诗")
        // A colon deep in a sentence is content, not a lead-in.
        #expect(OfflineNamer.condense("The task is to explain why the build fails with this error message: missing symbol", maxWords: 12)
            == "Explain why the build fails with this error message: missing symbol")
    }

    @Test func namesKeepAtMostTenWordsAndDoNotEndOnASmallWord() {
        let name = OfflineNamer.condense(
            "The task is to draft a polite letter to the landlord about the broken heating in the flat.", maxWords: 10)
        #expect(name == "Draft a polite letter to the landlord about the broken")
        #expect(name.split(separator: " ").count <= 10)
        let cut = OfflineNamer.condense("The task is to write one two three four five six seven eight of the things", maxWords: 10)
        #expect(cut == "Write one two three four five six seven eight")
    }

    @Test func parentNameWithKeywordsStaysWithinTenWords() {
        let label = OfflineNamer().name(evidence(
            level: 1, summaries: ["The task is to draft a polite letter to the landlord about the broken heating."],
            keywords: ["heating", "rent", "tenant", "deposit"],
            children: [ClusterLabel(name: "Letters", description: ""), ClusterLabel(name: "Leases", description: "")]))
        #expect(label.name == "Draft a polite letter to the landlord (heating, rent, tenant)")
        #expect(label.name.split(separator: " ").count == 10)
    }

    @Test func onlyTheFirstSentenceNamesTheCluster() {
        #expect(OfflineNamer.condense("The task is to plan a trip. It involves Paris.", maxWords: 10) == "Plan a trip")
    }

    @Test func baseDescriptionListsTheKeywords() {
        let label = OfflineNamer().name(evidence(
            level: 0, summaries: ["The task is to bake bread."], keywords: ["recipe", "dough", "oven", "baking"], children: []))
        #expect(label == ClusterLabel(name: "Bake bread", description: "Conversations about recipe, dough, oven, baking."))
    }

    @Test func parentNameAddsKeywordsNotAlreadyInIt() {
        let label = OfflineNamer().name(evidence(
            level: 1, summaries: ["The task is to bake sourdough bread at home."], keywords: ["bread", "soup", "recipe"],
            children: [ClusterLabel(name: "Bake bread", description: ""), ClusterLabel(name: "Cook soup", description: "")]))
        #expect(label.name == "Bake sourdough bread at home (soup, recipe)")
        #expect(label.description == "Conversations about bread, soup, recipe. Includes Bake bread and 1 other cluster.")
    }
}

@Suite struct KeywordTests {
    @Test func tokensDropStopWordsNumbersAndPlaceholders() {
        #expect(KeywordTokenizer.tokens("The user's overall request is to email [NAME] at [EMAIL] about 42 Python lists!")
            == ["email", "python", "lists"])
        #expect(KeywordTokenizer.tokens("Café crème, [not a placeholder]") == ["café", "crème", "placeholder"])
    }

    @Test func tfidfPrefersWordsOtherClustersRarelyUse() {
        // Vocabulary 0 "common", 1 "bread", 2 "python", 3 "rare".
        let vocabulary = ["common", "bread", "python", "rare"]
        let documents: [TermCounts] = [[0: 3, 1: 2], [0: 3, 2: 2], [0: 1, 3: 1]]
        // Smoothed idf by hand: common ln(4/4)+1 = 1, the others ln(4/2)+1 ≈ 1.693.
        // Doc 0: common 3/5·1 = 0.6, bread 2/5·1.693 ≈ 0.677 → bread first.
        // Doc 2: common 1/2·1 = 0.5, rare 1/2·1.693 ≈ 0.847 → rare first.
        let top = KeywordRanker.top(documents, vocabulary: vocabulary, limit: 2)
        #expect(top == [["bread", "common"], ["python", "common"], ["rare", "common"]])
        #expect(KeywordRanker.top(documents, vocabulary: vocabulary, limit: 1) == [["bread"], ["python"], ["rare"]])
    }

    @Test func equalScoresAreBrokenAlphabetically() {
        let top = KeywordRanker.top([[0: 1, 1: 1, 2: 1]], vocabulary: ["zeta", "alpha", "mid"], limit: 3)
        #expect(top == [["alpha", "mid", "zeta"]])
    }
}

/// Names each cluster after its id and remembers what it was asked.
final class RecordingNamer: ClusterNamer, @unchecked Sendable {
    var batches: [[ClusterEvidence]] = []
    func name(_ clusters: [ClusterEvidence]) throws -> [ClusterLabel] {
        batches.append(clusters)
        return clusters.map { ClusterLabel(name: "N:\($0.id)", description: "D:\($0.id)") }
    }
}

/// What the offline namer is told about a cluster, with fixed summaries.
func evidence(level: Int, summaries: [String], keywords: [String], children: [ClusterLabel]) -> ClusterEvidence {
    ClusterEvidence(id: "L\(level)-0", level: level, size: 9, keywords: keywords, children: children,
                    nearest: { Array(summaries.prefix($0)) })
}

@Suite struct NamerSeamTests {
    @Test func labellerAsksLevelByLevelAndParentsSeeTheirChildrensLabels() throws {
        let points: [[Float]] = [[0, 0], [0, 0.1], [5, 5], [5, 5.1]]
        let records = points.enumerated().map { clustered(id: "c\($0.offset)", cluster: $0.offset, embedding: $0.element) }
        var options = LabelOptions()
        options.hierarchy.top = 2
        let namer = RecordingNamer()
        let result = try Labeler.label(try labelInput(records), options: options,
                                       strategy: LabelStrategy(namer: namer, grouper: CentroidGrouper()))
        #expect(namer.batches.map { $0.map(\.id) } == [["L0-0", "L0-1", "L0-2", "L0-3"], ["L1-0", "L1-1"]])
        #expect(Set(namer.batches[1].flatMap { $0.children.map(\.name) }) == ["N:L0-0", "N:L0-1", "N:L0-2", "N:L0-3"])
        for record in result.clusters {
            #expect(record["name"]?.stringValue == "N:\(record["id"]!.stringValue!)")
        }
    }
}
