import Foundation
import Testing
import ClioCore
@testable import ClioSummarize

/// Ground truth written by scripts/make-examples.py.
private struct Truth {
    var topic: String
    var planted: [String]
    var language: String
}

private func loadTruth() throws -> [String: Truth] {
    let text = try String(contentsOf: Fixture.examplesURL().appendingPathComponent("truth.jsonl"), encoding: .utf8)
    var result: [String: Truth] = [:]
    for line in text.split(separator: "\n") {
        let object = try Fixture.object(String(line))
        let planted = object["planted"]?.arrayValue?.compactMap(\.stringValue) ?? []
        result[object.idString()!] = Truth(topic: object["topic"]?.stringValue ?? "", planted: planted, language: object["language"]?.stringValue ?? "")
    }
    return result
}

private func summaries(_ file: String) throws -> [JSONObject] {
    try Fixture.run([Fixture.examplesURL().appendingPathComponent(file).path])
}

private func facetText(_ record: JSONObject) -> String {
    [record.value(at: "facets.request")?.stringValue, record.value(at: "facets.task")?.stringValue].compactMap { $0 }.joined(separator: "\n")
}

@Test func noPlantedEmailOrPhoneSurvivesInAnyFacet() throws {
    let truth = try loadTruth()
    let records = try summaries("conversations.jsonl")
    #expect(records.count == truth.count)
    var checked = 0
    for record in records {
        let planted = truth[record.idString()!]?.planted ?? []
        for detail in planted where detail.contains("@") || detail.contains(where: \.isNumber) {
            checked += 1
            #expect(!facetText(record).contains(detail), "\(record.idString()!): \(detail) survived")
        }
    }
    #expect(checked > 50)
}

@Test func plantedNameSurvivalIsMeasuredAndSmall() throws {
    let truth = try loadTruth()
    let records = try summaries("conversations.jsonl")
    var names = 0
    var survived = 0
    for record in records {
        for detail in truth[record.idString()!]?.planted ?? [] where !detail.contains("@") && !detail.contains(where: \.isNumber) {
            names += 1
            // A name survives when any of its words is still in a facet.
            let words = detail.split(separator: " ").map(String.init)
            if words.contains(where: { facetText(record).contains($0) }) { survived += 1 }
        }
    }
    let share = Double(survived) / Double(max(names, 1))
    print("planted names: \(names), surviving in facets: \(survived) (\(String(format: "%.1f", share * 100))%)")
    #expect(names > 50)
    #expect(share < 0.10)
}

@Test func mainLanguageMatchesTheGeneratedLanguage() throws {
    let truth = try loadTruth()
    let names = ["en": "English", "es": "Spanish", "fr": "French", "de": "German", "zh": "Chinese", "ja": "Japanese"]
    let records = try summaries("conversations.jsonl")
    var right = 0
    for record in records {
        let expected = names[truth[record.idString()!]?.language ?? ""]
        let main = record.value(at: "facets.language")?.stringValue?.split(separator: ";").first.map(String.init)
        if main == expected { right += 1 }
    }
    #expect(Double(right) / Double(records.count) >= 0.97)
}

@Test func everyExportShapeYieldsTheSameConversationsAsTheJSONL() throws {
    let reference = try Fixture.conversations([Fixture.examplesURL().appendingPathComponent("conversations.jsonl").path])
    for file in ["claude.json", "chatgpt.json", "sharegpt.json"] {
        let path = Fixture.examplesURL().appendingPathComponent("exports").appendingPathComponent(file).path
        let converted = try Fixture.conversations([path])
        #expect(converted.count == reference.count, "\(file)")
        for (a, b) in zip(reference, converted) {
            #expect(a.id == b.id, "\(file)")
            #expect(a.messages == b.messages, "\(file) \(a.id)")
        }
    }
}

/// The masker alone, on the whole user text (the extract also drops introductions, which
/// hides weak masking): how many planted names survive masking itself.
@Test func plantedNameSurvivalInMaskedUserTextIsMeasured() throws {
    let truth = try loadTruth()
    let conversations = try Fixture.conversations([Fixture.examplesURL().appendingPathComponent("conversations.jsonl").path])
    let masker = PIIMasker()
    var names = 0
    var survived = 0
    var leakedContacts = 0
    for conversation in conversations {
        let masked = masker.mask(conversation.messages.filter { $0.role == "user" }.map(\.content).joined(separator: "\n"))
        for detail in truth[conversation.record.idString()!]?.planted ?? [] {
            if detail.contains("@") || detail.contains(where: \.isNumber) {
                if masked.contains(detail) { leakedContacts += 1 }
                continue
            }
            names += 1
            if detail.split(separator: " ").contains(where: { masked.contains($0) }) { survived += 1 }
        }
    }
    let share = Double(survived) / Double(max(names, 1))
    print("masker alone: planted names \(names), surviving \(survived) (\(String(format: "%.1f", share * 100))%), contacts leaked \(leakedContacts)")
    #expect(leakedContacts == 0)
    #expect(share < 0.25)
}
