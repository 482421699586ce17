import Testing
import ClioCore
import ClioEmbed
import Foundation
@testable import ClioLabel

@Suite struct NamingTests {
    @Test func aNameJoinsTheBestTwoPhrasesAndTheDescriptionQuotesTheMedoidWhole() throws {
        let summary = "The task is to write a cover letter for a nursing job application at a large hospital in the city centre."
        let label = try OfflineNamer().name([evidence(
            level: 0, summaries: [summary], keywords: ["cover letter", "job application", "cover", "letter", "nursing"], children: [])])[0]
        #expect(label.name == "Cover letter · job application")
        #expect(label.description == "Conversations about cover letter, job application, nursing. "
            + "For example: “Write a cover letter for a nursing job application at a large hospital in the city centre.”")
    }

    @Test func theSecondPhraseSharesNoWordWithTheFirst() throws {
        let label = try OfflineNamer().name([evidence(
            level: 0, summaries: [""], keywords: ["python code", "pythons", "code", "debugging", "tests"], children: [])])[0]
        #expect(label.name == "Python code · debugging")
        // Nor does the description repeat a phrase whose words it already lists.
        #expect(label.description == "Conversations about python code, debugging, tests.")
    }

    @Test func twoPhrasesStayWithinSixWords() {
        #expect(OfflineNamer.name(from: ["long winded first phrase", "second long phrase", "short"]) == "Long winded first phrase · short")
        #expect(OfflineNamer.name(from: ["only"]) == "Only")
        #expect(OfflineNamer.name(from: []) == "")
    }

    @Test func phrasesThePrivacyGuardRejectsAreNeverWritten() throws {
        var request = evidence(
            level: 0, summaries: ["The task is to summarise Jeff Walker's product launch formula."],
            keywords: ["jeff walker", "product launch", "launch formula", "walker"], children: [])
        request.admits = { !$0.lowercased().contains("walker") }
        let label = try OfflineNamer().name([request])[0]
        #expect(label.name == "Product launch")
        #expect(!label.name.lowercased().contains("walker") && !label.description.lowercased().contains("walker"))
        #expect(label.description == "Conversations about product launch, launch formula.")
    }

    @Test func aParentListsItsLargestChildInsteadOfAnExample() throws {
        let label = try OfflineNamer().name([evidence(
            level: 1, summaries: ["The task is to bake sourdough bread at home."], keywords: ["bread", "soup", "recipe"],
            children: [ClusterLabel(name: "Bake bread", description: ""), ClusterLabel(name: "Cook soup", description: "")])])[0]
        #expect(label.name == "Bread · soup")
        #expect(label.description == "Conversations about bread, soup, recipe. Includes Bake bread and one other cluster.")
    }

    @Test func aClusterWithoutPhrasesIsNamedAfterItsLargestChildOrSaysSo() throws {
        let parent = try OfflineNamer().name([evidence(
            level: 1, summaries: ["hi"], keywords: [], children: [ClusterLabel(name: "Greetings", description: "")])])[0]
        #expect(parent.name == "Greetings and related")
        let base = try OfflineNamer().name([evidence(level: 0, summaries: ["hi"], keywords: [], children: [])])[0]
        #expect(base.name == "Conversations without distinctive phrases")
        #expect(base.description == "Conversations with no distinctive phrases. For example: “Hi”")
    }

    @Test func withAnEmbedderPhrasesNearTheCentreComeFirst() throws {
        // c-TF-IDF put "write" first; the centre lies along "python code".
        let vectors: [String: [Float]] = ["write": [0, 1, 0], "essay": [0, 0.9, 0.436], "python code": [1, 0, 0]]
        let namer = OfflineNamer(embedder: PhraseEmbedder(embedder: TableEmbedder(vectors), cache: nil))
        var request = evidence(level: 0, summaries: [""], keywords: ["write", "essay", "python code"], children: [])
        request.centre = [1, 0.2, 0]
        let label = try namer.name([request])[0]
        // Relevance (one cluster: no level to compare with): python code 0.98, write 0.20,
        // essay 0.18; MMR (diversity 0.2) then takes write (0.8·0.196 − 0.2·0) over essay.
        #expect(label.name == "Python code · write")
        #expect(label.description == "Conversations about python code, write, essay.")
    }

    @Test func wordsEveryClusterUsesLoseToTheWordsThatSetAClusterApart() throws {
        let topics = [
            ["write python code for parsing logs", "write python code that sorts lists", "write python code for a web scraper"],
            ["write a cover letter for a nurse job", "write a cover letter for a teaching job", "write a cover letter after a career change"],
            ["write a poem about the sea", "write a poem about autumn leaves", "write a poem for a wedding"],
        ]
        var records: [JSONObject] = []
        for (c, requests) in topics.enumerated() {
            for (i, request) in requests.enumerated() {
                records.append(clustered(id: "r\(c)-\(i)", cluster: c, embedding: [Float(c) * 10, Float(i)], request: "The task is to \(request)."))
            }
        }
        var options = LabelOptions()
        options.hierarchy.top = 3
        let result = try Labeler.label(try labelInput(records), options: options)
        let names = result.clusters.map { $0["name"]!.stringValue! }
        #expect(names.count == 3)
        for name in names { #expect(!name.lowercased().hasPrefix("write"), "\(name)") }
        #expect(names[0].lowercased().contains("python code"))
        #expect(names[1].lowercased().contains("cover letter"))
        #expect(names[2].lowercased().contains("poem"))
    }
}

@Suite struct KeyPhraseTests {
    func keys(_ text: String) -> [String] { KeyPhrases.candidates(text).map(\.key) }

    @Test func phrasesAreRunsOfUpToThreeWordsBetweenStopWords() {
        #expect(keys("The user's overall request for the assistant is to write a cover letter for a job application.")
            == ["write", "cover", "cover letter", "letter", "job", "job application", "application"])
        #expect(keys("advanced python data pipelines") == [
            "advanced", "advanced python", "advanced python data", "python", "python data", "python data pipelines",
            "data", "data pipelines", "pipelines",
        ])
    }

    @Test func punctuationNumbersAndPlaceholdersEndAPhrase() {
        #expect(keys("Email [NAME] about 3 python scripts, tests") == ["email", "python", "python scripts", "scripts", "tests"])
        #expect(keys("real-time data") == ["real-time", "real-time data", "data"])
        #expect(keys("Pouvez-vous corriger mon code") == ["corriger", "code"])
    }

    @Test func surfacesKeepTheirCase() {
        #expect(KeyPhrases.candidates("Debug JavaScript closures").map(\.surface) == [
            "Debug", "Debug JavaScript", "Debug JavaScript closures", "JavaScript", "JavaScript closures", "closures",
        ])
    }

    @Test func stopWordsOfOtherLanguagesBoundPhrasesToo() {
        #expect(keys("Necesito una receta de paella valenciana para mi familia") == ["receta", "paella", "paella valenciana", "valenciana", "familia"])
        #expect(keys("Comment réparer l'ordinateur portable de mon fils") == ["réparer", "ordinateur", "ordinateur portable", "portable", "fils"])
        #expect(keys("Wie kann ich meinen Garten im Winter schützen") == ["garten", "winter", "winter schützen", "schützen"])
        #expect(keys("Как приготовить борщ для семьи") == ["приготовить", "приготовить борщ", "борщ", "семьи"])
    }

    @Test func hanRunsAreSplitAtFunctionCharactersAndKanaParticles() {
        #expect(keys("请给我一个番茄炒蛋的菜谱") == ["番茄炒蛋", "菜谱"])
        #expect(keys("東京の観光スポットを教えて") == ["東京", "観光スポット"])
    }

    @Test func eachPhraseIsCountedOncePerSummaryAndStuttersAreNoPhrases() {
        #expect(keys("python python, python") == ["python"])
        #expect(keys("continue continue writing") == ["continue", "continue writing", "writing"])
    }
}

@Suite struct KeywordTests {
    @Test func tokensDropStopWordsNumbersAndPlaceholders() {
        #expect(KeywordTokenizer.tokens("The user's overall request is to email [NAME] at [EMAIL] about 42 Python lists!")
            == ["email", "python", "lists"])
        #expect(KeywordTokenizer.tokens("Café crème, [not a placeholder]") == ["café", "crème", "placeholder"])
    }

    @Test func classTFIDFMatchesAHandComputation() throws {
        // Phrases 0 "common", 1 "bread", 2 "python", 3 "rare". Twelve occurrences over three
        // clusters: A = 4; f(common) = 7, f(bread) = f(python) = 2, f(rare) = 1.
        let documents: [TermCounts] = [[0: 3, 1: 2], [0: 3, 2: 2], [0: 1, 3: 1]]
        let top = ClassTFIDF.top(documents, limit: 2, minCount: 1)
        // Cluster 0: bread 2/5 · ln(1 + 4/2) = 0.43944, common 3/5 · ln(1 + 4/7) = 0.27119.
        #expect(top[0].map(\.term) == [1, 0])
        #expect(abs(top[0][0].weight - 0.4 * log(3.0)) < 1e-12)
        #expect(abs(top[0][1].weight - 0.6 * log(11.0 / 7)) < 1e-12)
        // Cluster 2: rare 1/2 · ln(1 + 4/1) = 0.80472 beats common 1/2 · ln(11/7) = 0.22599.
        #expect(top[2].map(\.term) == [3, 0])
        #expect(abs(top[2][0].weight - 0.5 * log(5.0)) < 1e-12)
    }

    @Test func phrasesOfASingleMemberGiveWayWhileEnoughOthersRemain() {
        // "unique" (id 9) is used once and would rank first; three phrases used twice or more remain.
        let documents: [TermCounts] = [[9: 1, 1: 4, 2: 3, 3: 2], [1: 1, 4: 5]]
        let top = ClassTFIDF.top(documents, limit: 3)
        #expect(!top[0].map(\.term).contains(9))
        #expect(top[0].count == 3)
        // The second cluster has one frequent phrase only, so its rare one stays in.
        #expect(Set(top[1].map(\.term)) == [1, 4])
    }

    @Test func equalWeightsAreBrokenByPhraseID() {
        let top = ClassTFIDF.top([[7: 1, 3: 1, 5: 1]], limit: 3, minCount: 1)
        #expect(top[0].map(\.term) == [3, 5, 7])
    }
}

@Suite struct MMRTests {
    @Test func theMostRelevantComesFirstThenTheMostNovel() {
        let similarity: [[Float]] = [[1, 0.95, 0.1], [0.95, 1, 0.2], [0.1, 0.2, 1]]
        // After 0: item 1 scores 0.5·0.85 − 0.5·0.95 = −0.05, item 2 0.5·0.5 − 0.5·0.1 = 0.2.
        #expect(PhraseRanking.mmr(relevance: [0.9, 0.85, 0.5], similarity: { similarity[$0][$1] }, count: 3, diversity: 0.5) == [0, 2, 1])
        // No diversity: relevance order.
        #expect(PhraseRanking.mmr(relevance: [0.9, 0.85, 0.5], similarity: { similarity[$0][$1] }, count: 3, diversity: 0) == [0, 1, 2])
        #expect(PhraseRanking.mmr(relevance: [0.9, 0.85, 0.5], similarity: { similarity[$0][$1] }, count: 1, diversity: 0.5) == [0])
    }

    @Test func withoutVectorsTheOrderIsKept() {
        #expect(PhraseRanking.order(["b", "a"], vectors: [], centre: [1], level: nil, diversity: 0.5) == ["b", "a"])
    }

    @Test func relevanceIsTakenAgainstTheLevelsMeanDirection() {
        // "generic" points where every centre points; "python" only where this one does.
        let centres: [[Float]] = [[1, 1, 0], [1, 0, 1], [1, 0, -1]]
        let level = PhraseRanking.meanDirection(centres)
        #expect(abs(level[0] - 0.7071) < 1e-3 && abs(level[1] - 0.2357) < 1e-3 && abs(level[2]) < 1e-6)
        let vectors: [[Float]] = [[1, 0, 0], [0, 1, 0]]
        // Plain cosine: generic 0.707 = python 0.707, so the first stays first. Against the level:
        // generic 0.707 − 0.707 = 0, python 0.707 − 0.236 = 0.471.
        #expect(PhraseRanking.order(["generic", "python"], vectors: vectors, centre: centres[0], level: nil, diversity: 0) == ["generic", "python"])
        #expect(PhraseRanking.order(["generic", "python"], vectors: vectors, centre: centres[0], level: level, diversity: 0) == ["python", "generic"])
    }
}

/// An embedder that looks phrases up in a table (unknown ones are zero vectors).
final class TableEmbedder: Embedder, @unchecked Sendable {
    let table: [String: [Float]]
    init(_ table: [String: [Float]]) { self.table = table }
    var name: String { "table" }
    var dimension: Int { table.values.first?.count ?? 1 }
    var isWorthCaching: Bool { false }
    func embed(_ texts: [String]) throws -> [[Float]] { texts.map { table[$0] ?? [Float](repeating: 0, count: dimension) } }
}

/// Names each cluster after its id and remembers what it was asked.
final class RecordingNamer: ClusterNamer, @unchecked Sendable {
    var batches: [[ClusterEvidence]] = []
    func name(_ clusters: [ClusterEvidence]) throws -> [ClusterLabel] {
        batches.append(clusters)
        return clusters.map { ClusterLabel(name: spelled($0.id), description: "About \(spelled($0.id)).") }
    }
}

/// An id in words no summary has ("L1-0" → "named level one zero"), which the text guard lets
/// through, unlike the digits of the id itself.
func spelled(_ id: String) -> String {
    let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    return "named " + id.map { c -> String in
        if let d = c.wholeNumberValue { return words[d] }
        return c == "L" ? "level" : ""
    }.filter { !$0.isEmpty }.joined(separator: " ")
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
                                       strategy: LabelStrategy(namer: namer, grouper: CentroidGrouper(method: .members)))
        #expect(namer.batches.map { $0.map(\.id) } == [["L0-0", "L0-1", "L0-2", "L0-3"], ["L1-0", "L1-1"]])
        #expect(Set(namer.batches[1].flatMap { $0.children.map(\.name) }) == Set(["L0-0", "L0-1", "L0-2", "L0-3"].map(spelled)))
        for record in result.clusters {
            #expect(record["name"]?.stringValue == spelled(record["id"]!.stringValue!))
        }
    }
}
