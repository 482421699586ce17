import ClioCore
import ClioLLM
import Foundation
import Testing
@testable import ClioLabel

/// A guard over `summaries` (one user each unless `users` says otherwise), all of them members.
private func guardOver(_ summaries: [String], users: [Int]? = nil, k: Int = 3) -> TextGuard {
    let users = users ?? Array(summaries.indices)
    return TextGuard(corpus: TextGuard.Corpus(summaries: summaries, users: users, minUsers: k), members: Array(summaries.indices), minUsers: k)
}

@Suite struct TextGuardRuleTests {
    /// Everyday requests from three users each, and details from one user each.
    let common: [String] = {
        let everyday = ["help me bake sourdough bread", "fix my sourdough bread starter", "bake Python bread in Python for users",
                        "mail them today", "order loaves", "assist with bread"]
        let single = ["bread with Kwame Okafor at 62 Calle Mayor", "call 415-555-0132", "mail kwame@example.com", "ping @kwame", "bread for okafor"]
        return everyday.flatMap { [$0, $0, $0] } + single
    }()

    @Test func aNameOneUserWroteFailsAndOneThreeUsersWrotePasses() {
        let g = guardOver(common)
        #expect(g.failing("Bake bread with Kwame Okafor") == ["Kwame Okafor"])
        #expect(g.failing("Bake bread in Python") == [])
    }

    @Test func theSameNameFromOneUserThreeTimesStillFails() {
        let g = guardOver(["ask Okafor about bread", "ask Okafor about cake", "ask Okafor about pie", "bread", "cake"], users: [1, 1, 1, 2, 3])
        #expect(g.failing("Questions for Okafor") == ["Okafor"])
    }

    @Test func numbersEmailsAndHandlesMustBeWrittenByKUsers() {
        let g = guardOver(common)
        #expect(g.failing("Calls to 415-555-0132") == ["415-555-0132"])
        #expect(g.failing("Mail kwame@example.com today") == ["kwame@example.com"])
        #expect(g.failing("Messages to @kwame") == ["@kwame"])
        let many = guardOver(common + ["order 3 loaves", "order 3 loaves", "order 3 loaves"])
        #expect(many.failing("Order 3 loaves") == [])
        #expect(g.failing("Order 3 loaves") == ["3"])
    }

    @Test func aCapitalisedWordAtASentenceStartIsReadAsAnyWord() {
        let g = guardOver(common)
        #expect(g.failing("Bake sourdough bread. Fix starter.") == [])
        // Mid-sentence and capitalised, a word must be written by three users: "Python" was.
        #expect(g.failing("Bake Starters") == ["Starters"])
        #expect(g.failing("Bake Python bread") == [])
    }

    @Test func aRareLowerCaseWordFailsWhereverItStands() {
        let g = guardOver(common)
        #expect(g.failing("bread for okafor") == ["okafor"])
        // Words no summary has cannot have come from one.
        #expect(g.failing("Assist with artisanal loaves") == [])
        #expect(g.failing("Assist okafor with loaves") == ["okafor"])
    }

    @Test func placeholdersIdentifyNoOne() {
        let g = guardOver(common)
        #expect(g.failing("Letters to [NAME] about bread") == [])
    }

    @Test func scrubRemovesTheFailingWordsAndTidiesTheText() {
        let g = guardOver(common)
        let (text, removed) = g.scrub("Bake bread with Kwame Okafor, at 62 Calle Mayor.")
        #expect(removed == 5)
        #expect(text == "Bake bread.")
        #expect(g.failing(text) == [])
    }

    @Test func theProblemNamesTheOffendingWords() throws {
        let g = guardOver(common)
        let problem = try #require(g.problem(ClusterLabel(name: "Bread for Kwame Okafor", description: "Users baked bread.")))
        #expect(problem.message.contains("\"Kwame Okafor\""))
        #expect(problem.message.contains("fewer than 3"))
        #expect(g.problem(ClusterLabel(name: "Bake sourdough bread", description: "They asked for help with bread.")) == nil)
    }
}

/// Conversations with planted personal details, each written by one user only, and one word
/// ("Zorblax") that many users of cluster 0 wrote.
struct PlantedData {
    var records: [JSONObject] = []
    /// Planted strings, and the identifying part of each that must not reach a cluster text.
    var planted: [(text: String, core: String)] = []

    init(clusters: Int = 4, perCluster: Int = 9) {
        let first = ["Kwame", "Aiko", "Lucía", "Joris", "Amara", "Tomasz", "Ingrid", "Rahul", "Noor"]
        let last = ["Okafor", "Haddad", "Castellanos", "Vermeulen", "Nwosu", "Kowalczyk", "Lindqvist", "Mehta", "Farouk"]
        let streets = ["Calle Mayor", "Rue Oberkampf", "Hauptstraße", "Via Nazionale", "Rua Direita", "Maple Street"]
        let topics = ["sourdough bread", "tax forms", "guitar chords", "garden soil"]
        var rng = SplitMix(seed: 7)
        var n = 0
        for c in 0..<clusters {
            var centre = (0..<4).map { _ in rng.unit() }
            centre[c % 4] += 10
            for i in 0..<perCluster {
                let name = "\(first[(n * 5) % first.count]) \(last[(n * 7 + c) % last.count])"
                let address = "\(10 + n * 3) \(streets[n % streets.count])"
                let email = "user\(n)x@mail.example"
                let phone = "415-555-\(1000 + n * 17)"
                let account = "\(880_000_000 + n * 7919)"
                let shared = c == 0 ? " with Zorblax" : ""
                let request = "The user's overall request for the assistant is to help \(name) of \(address) with \(topics[c % topics.count])\(shared), "
                    + "write to \(email), call \(phone), account \(account)."
                planted += [(name, name.split(separator: " ").last.map(String.init)!), (address, address), (email, email), (phone, phone), (account, account)]
                let v = centre.map { $0 + (rng.unit() - 0.5) * 0.1 }
                records.append(clustered(id: "p\(n)", cluster: c, embedding: v, user: "user\(n)", request: request))
                _ = i
                n += 1
            }
        }
    }

    /// Planted details found in `text`.
    func leaks(in text: String) -> [String] {
        let lower = text.lowercased()
        var found: [String] = []
        for p in planted where lower.contains(p.core.lowercased()) { found.append(p.core) }
        // Any digit run of three or more from a planted number.
        for p in planted {
            for run in p.text.split(whereSeparator: { !$0.isNumber }) where run.count >= 3 && text.contains(run) { found.append(String(run)) }
        }
        return found
    }
}

/// A model that copies every planted detail it can find in its messages (the re-asks included)
/// into each name and description, and rates everything 5.
func adversarialAnswer(_ data: PlantedData) -> @Sendable (ChatRequest) -> String {
    let planted = data.planted.map(\.text)
    return { request in
        let text = request.messages.map(\.content).joined(separator: "\n")
        var copied = planted.filter { text.contains($0) }
        if text.contains("Zorblax") { copied.insert("Zorblax", at: 0) }
        // The problem text names the offending words: copy those too.
        for line in text.split(separator: "\n") where line.contains("cannot be used") {
            for part in line.split(separator: "\"").enumerated() where part.offset % 2 == 1 { copied.append(String(part.element)) }
        }
        switch promptKind(request) {
        case .nameBase, .nameParent:
            let name = "Help " + copied.prefix(2).joined(separator: ", ")
            return labelAnswer(name, "Users asked about \(copied.prefix(6).joined(separator: ", ")). The assistant helped \(copied.first ?? "them").")
        default:
            return sensibleAnswer(request)
        }
    }
}

@Suite struct TextGuardLabellingTests {
    let data = PlantedData()

    func texts(_ output: LabelOutput) -> [String] {
        output.clusters.flatMap { [$0["name"]?.stringValue ?? "", $0["description"]?.stringValue ?? ""] }
    }

    @Test func noPlantedDetailReachesAnOfflineClusterRecord() throws {
        let output = try Labeler.label(try labelInput(data.records), options: LabelOptions())
        #expect(output.clusters.count >= 4)
        for text in texts(output) { #expect(data.leaks(in: text) == [], "\(text)") }
        // Every medoid has one user's details: none is quoted.
        #expect(!texts(output).contains { $0.contains("For example") })
        let notes = output.clusters.compactMap { $0["stats"]?.objectValue?["text_guard"]?.objectValue }
        #expect(notes.count == output.clusters.count)
        #expect(notes.allSatisfy { $0["min_users"]?.intValue == 3 })
    }

    @Test func withoutTheGuardTheOfflineNamesWouldCarryPlantedDetails() throws {
        // The same data with K = 1: the planted phrases are every cluster's most distinctive ones.
        var options = LabelOptions()
        options.textMinUsers = 1
        let output = try Labeler.label(try labelInput(data.records), options: options)
        #expect(texts(output).contains { !data.leaks(in: $0).isEmpty })
    }

    @Test func noPlantedDetailReachesARecordWhateverTheModelAnswers() throws {
        let stub = stubModel(adversarialAnswer(data))
        let (output, labeler, _) = try llmLabel(data.records, stub: stub)
        for text in texts(output) { #expect(data.leaks(in: text) == [], "\(text)") }
        let counts = labeler.counters.snapshot
        #expect(counts.guardReasked >= 4)
        #expect(counts.guardWordsRemoved > 0)
        // The re-ask named the words it turned down.
        let reasks = stub.requests(.nameBase).filter { $0.messages.count > 2 }
        #expect(reasks.contains { $0.messages.last!.content.contains("could identify someone") })
        // Written by nine users of cluster 0, "Zorblax" is no one's detail, and stays.
        let base0 = output.clusters.first { $0["id"] == "L0-0" }!
        #expect(base0["name"]?.stringValue?.contains("Zorblax") == true)
        #expect((base0["stats"]?.objectValue?["text_guard"]?.objectValue?["reasked"]?.intValue ?? 0) > 0)
    }

    @Test func aNameWithAPlantedNameIsAskedAgainNamingIt() throws {
        let stub = stubModel { request in
            guard promptKind(request) == .nameBase else { return sensibleAnswer(request) }
            // Only cluster 0 has Kwame Okafor among its own summaries (others see him as contrast).
            guard listed(userText(request), tag: "answers").contains(where: { $0.contains("Kwame Okafor") }) else { return labelAnswer("Help with forms") }
            return request.messages.count > 2 ? labelAnswer("Bake sourdough bread with Zorblax") : labelAnswer("Help Kwame Okafor bake sourdough bread")
        }
        let (output, labeler, _) = try llmLabel(data.records, stub: stub)
        let reask = try #require(stub.requests(.nameBase).first { $0.messages.count > 2 }?.messages.last?.content)
        #expect(reask == "That answer cannot be used: the name or description contains words that could identify someone and that fewer "
            + "than 3 of this group's users wrote: \"Kwame Okafor\"; leave them out and describe the group in general terms. "
            + "Answer again with only the corrected JSON object.")
        let base0 = try #require(output.clusters.first { $0["id"] == "L0-0" })
        #expect(base0["name"]?.stringValue == "Bake sourdough bread with Zorblax")
        #expect(base0["stats"]?.objectValue?["text_guard"]?.objectValue?["reasked"]?.intValue == 1)
        #expect(labeler.counters.snapshot.guardReasked == 1)
        #expect(labeler.counters.snapshot.guardWordsRemoved == 0)
    }

    @Test func parentsAreGuardedAgainstTheirChildrensSummaries() throws {
        // Zorblax was written in cluster 0 only: a parent over other clusters must not carry it.
        let stub = stubModel { request in
            switch promptKind(request) {
            case .nameParent: return labelAnswer("Help Zorblax and Kwame Okafor", "Users of Zorblax asked.")
            default: return sensibleAnswer(request)
            }
        }
        var options = LabelOptions()
        options.hierarchy.top = 1
        let (output, _, _) = try llmLabel(data.records, stub: stub, options: options)
        let parents = output.clusters.filter { ($0["level"]?.intValue ?? 0) > 0 && $0["withheld"] == nil }
        #expect(!parents.isEmpty)
        var childrenOf: [String: [String]] = [:]
        for r in output.clusters { childrenOf[r["id"]!.stringValue!] = r["children"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        func holdsCluster0(_ id: String) -> Bool { id == "L0-0" || childrenOf[id, default: []].contains(where: holdsCluster0) }
        for parent in parents {
            let name = parent["name"]?.stringValue ?? ""
            #expect(!name.contains("Okafor"))
            #expect(name.contains("Zorblax") == holdsCluster0(parent["id"]!.stringValue!), "\(name)")
        }
    }
}

@Suite struct AuditByDefaultTests {
    /// The calls a dry run of clio-label plans for the audit step.
    func plannedAudits(_ extra: [String]) throws -> Int? {
        var command = try LabelCommand(arguments: ["--model", "openai:stub", "--base-url", "http://stub.invalid/v1", "--embed-model", "hash",
                                                   "--no-cache", "--dry-run"] + extra)
        let stub = stubModel { sensibleAnswer($0) }
        command.chatModel = stub
        let report = try runCommand(command, input: lines(llmFixture(clusters: 4, perCluster: 3)))
        #expect(stub.requests.isEmpty)
        guard let row = report.split(separator: "\n").first(where: { $0.hasPrefix("audit ") }) else { return nil }
        return Int(row.split(separator: " ")[1])
    }

    @Test func aDryRunCountsTheAuditCallsUnlessItIsTurnedOff() throws {
        // Four base clusters, and the parents above them: every shown cluster is rated once.
        let audits = try #require(try plannedAudits([]))
        #expect(audits >= 4)
        #expect(try plannedAudits(["--no-audit"]) == nil)
        #expect(try plannedAudits(["--audit"]) == audits)
    }

    @Test func auditAndNoAuditTogetherAreAUsageError() {
        #expect(throws: UsageError.self) { try LabelCommand(arguments: ["--model", "openai:x", "--audit", "--no-audit"]) }
    }
}
