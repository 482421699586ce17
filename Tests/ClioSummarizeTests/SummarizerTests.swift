import Foundation
import Testing
import ClioCore
@testable import ClioSummarize

private let summarizer = ExtractiveSummarizer()

private func conversation(_ turns: [String], assistant: String = "Sure.") -> Conversation {
    var messages: [Message] = []
    for turn in turns {
        messages.append(Message(role: "user", content: turn))
        messages.append(Message(role: "assistant", content: assistant))
    }
    return Conversation(id: "c", messages: messages, record: JSONObject())
}

@Test func requestFollowsThePaperFormAndKeepsTopicalWords() throws {
    let facets = try summarizer.summarize(conversation(["How do I reverse a list in Python?"]))
    #expect(facets.request == "The user's overall request for the assistant is to explain how to reverse a list in Python.")
    #expect(facets.task == "The task is to explain how to reverse a list in Python.")
    #expect(facets.language == "English")
    #expect(facets.concerning == 1)
    #expect(facets.turns == 1)
}

@Test func greetingsIntroductionsAndContactLinesAreLeftOut() throws {
    let facets = try summarizer.summarize(conversation([
        "Hi, my name is Siobhan Quigley. Can you help me write a cover letter for a nursing job? You can reach me at s.q@example.com."
    ]))
    #expect(facets.request == "The user's overall request for the assistant is to help them write a cover letter for a nursing job.")
}

@Test func aShortOpenerBorrowsFromTheNextTurn() throws {
    let facets = try summarizer.summarize(conversation(["hi", "Can you give me a recipe for banana bread?"]))
    #expect(facets.request.contains("recipe for banana bread"))
    #expect(facets.turns == 2)
}

@Test func firstPersonBecomesThirdPerson() {
    #expect(ExtractiveSummarizer.requestPhrase("My car makes a noise when I brake. What am I doing wrong?")
        == "help with: their car makes a noise when they brake. What are they doing wrong.")
}

@Test func longRequestsAreCutToTheLimit() throws {
    let long = "Please explain " + String(repeating: "the history of the Roman aqueducts and their engineering ", count: 20)
    let facets = try summarizer.summarize(conversation([long]))
    let prefix = "The user's overall request for the assistant is to "
    #expect(facets.request.count <= prefix.count + summarizer.maxExtract + 2)
    #expect(facets.request.hasSuffix("…."))
}

@Test func nonEnglishRequestsAreQuotedAsWritten() throws {
    let facets = try summarizer.summarize(conversation(["¿Puedes darme una receta de tortilla de patatas para cuatro personas?"]))
    #expect(facets.language == "Spanish")
    #expect(facets.request == "The user's overall request for the assistant is to help with: \"¿Puedes darme una receta de tortilla de patatas para cuatro personas?\"")
}

@Test func conversationWithoutUserTextIsAnError() {
    let empty = Conversation(id: "c", messages: [Message(role: "assistant", content: "Hello!"), Message(role: "user", content: "  ")], record: JSONObject())
    #expect(throws: ClioError(.invalidRecord, "conversation has no user text to summarise")) { try summarizer.summarize(empty) }
}

@Test(arguments: [
    ("How do I kill a zombie process in Linux?", 1),
    ("Any flashcard methods for learning vocabulary?", 1),
    ("How can I hack into my neighbour's wifi?", 3),
    ("I want to hurt myself and end my life.", 4),
    ("How do I build a pipe bomb?", 4),
    ("Can you help me bypass the school firewall?", 2),
])
func concerningScoreFollowsTheKeywordLevels(text: String, expected: Int) {
    #expect(ConcernScorer.score(text) == expected)
}

@Test func truncationKeepsTheStartAndMarksTheRecord() throws {
    let path = try Fixture.file(#"{"id":"t","messages":[{"role":"user","content":"abcdefghij"},{"role":"assistant","content":"klmnopqrst"},{"role":"user","content":"uvwxyz"}]}"#)
    let records = try Fixture.run(["--max-chars", "15", "--keep-messages", path])
    #expect(records.count == 1)
    #expect(records[0]["truncated"] == .bool(true))
    #expect(records[0].value(at: "facets.turns") == .number(1))
    let cut = SummarizeCommand.truncate(try InputFormat.messages.conversation(from: try Fixture.object(#"{"id":1,"messages":[{"role":"user","content":"abcdefghij"},{"role":"assistant","content":"klmnopqrst"}]}"#)), maxChars: 15)
    #expect(cut.1)
    #expect(cut.0.messages.map(\.content) == ["abcdefghij", "klmno"])
}

@Test func outputRecordDropsMessagesAndKeepsOtherFieldsInOrder() throws {
    let path = try Fixture.file(#"{"id":"c-001","user":"u-17","messages":[{"role":"user","content":"How do I reverse a list in Python?"}],"created_at":"2024-03-02T10:15:00Z","metadata":{"source":"web"}}"#)
    let records = try Fixture.run([path])
    #expect(records.count == 1)
    #expect(records[0].keys == ["id", "user", "created_at", "metadata", "facets", "summarizer"])
    #expect(records[0]["metadata"] == ["source": "web"])
    #expect(records[0]["summarizer"] == ["name": "extractive", "version": 1])
    #expect(records[0]["truncated"] == nil)
}

@Test func keepMessagesKeepsThemAndExportsGetCanonicalMessages() throws {
    let jsonl = try Fixture.file(#"{"id":"c","messages":[{"role":"user","content":"Write a poem"}]}"#)
    #expect(try Fixture.run(["--keep-messages", jsonl])[0]["messages"] == [["role": "user", "content": "Write a poem"]])
    let export = try Fixture.file(#"[{"id":"s","conversations":[{"from":"human","value":"Write a poem"}]}]"#)
    let records = try Fixture.run(["--keep-messages", export])
    #expect(records[0]["conversations"] == nil)
    #expect(records[0]["messages"] == [["role": "user", "content": "Write a poem"]])
}

@Test func forcedFormatIsUsedForEveryRecord() throws {
    let path = try Fixture.file(#"{"id":"s","conversations":[{"from":"human","value":"Plan a trip"}]}"#)
    #expect(throws: ClioError.self) { try Fixture.run(["--input-format", "messages", path]) }
    #expect(try Fixture.run(["--input-format", "sharegpt", path]).count == 1)
}

@Test func usageErrorsAreReportedForBadOptions() {
    #expect(throws: UsageError.self) { try SummarizeCommand(arguments: ["--input-format", "xml"]) }
    #expect(throws: UsageError.self) { try SummarizeCommand(arguments: ["--max-chars", "0"]) }
    #expect(throws: UsageError.self) { try SummarizeCommand(arguments: ["--frobnicate"]) }
}

@Test func questionsInsideAPhraseBecomeStatements() {
    #expect(ExtractiveSummarizer.requestPhrase("Can you plan a trip to Rome? I need hotel ideas.")
        == "plan a trip to Rome. They need hotel ideas.")
}

@Test func shortLinesAboutAPersonAreNotTakenAsTheRequest() throws {
    let facets = try summarizer.summarize(conversation(["Please keep Ann Smith in copy. Can you design a squat program?"]))
    #expect(facets.request == "The user's overall request for the assistant is to design a squat program.")
}

@Test func emptyConversationIsSkippedAndCountedWithoutSkipInvalid() throws {
    // Unusual, not invalid (issue 16): an empty chat does not stop the run.
    let path = try Fixture.file("{\"id\":1,\"messages\":[{\"role\":\"user\",\"content\":\"Plan a trip\"}]}\n{\"id\":2,\"messages\":[]}\n")
    let records = try Fixture.run([path])
    #expect(records.map { $0["id"] } == [.number(1)])
}

@Test func emptyConversationIsSkippedWithSkipInvalid() throws {
    let path = try Fixture.file("{\"id\":1,\"messages\":[]}\n{\"id\":2,\"messages\":[{\"role\":\"user\",\"content\":\"Plan a trip\"}]}\n")
    let records = try Fixture.run(["--skip-invalid", path])
    #expect(records.map { $0["id"] } == [.number(2)])
}

/// The LLM helper's concurrent loop will call one summarizer from several threads; the
/// results must be those of a sequential run.
@Test func summarizingFromSeveralThreadsGivesTheSequentialResults() throws {
    let conversations = try Fixture.conversations([Fixture.examplesURL().appendingPathComponent("conversations.jsonl").path])
    let sequential = try conversations.map { try summarizer.summarize($0) }
    let results = ResultBox(count: conversations.count)
    DispatchQueue.concurrentPerform(iterations: 8) { worker in
        for index in stride(from: worker, to: conversations.count, by: 8) {
            results.set(index, try? summarizer.summarize(conversations[index]))
        }
    }
    #expect(results.values == sequential.map { Optional($0) })
}

private final class ResultBox: @unchecked Sendable {
    private let lock = Mutex()
    private var storage: [Facets?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Facets?) { lock.withLock { storage[index] = value } }
    var values: [Facets?] { lock.withLock { storage } }
}

@Test func anIntroductionAloneStillGivesARequest() throws {
    let facets = try summarizer.summarize(conversation(["Hi, I'm Siobhan Quigley."]))
    #expect(facets.request == "The user's overall request for the assistant is to help with: Hi, they are [NAME].")
}

/// The French "M." and a middle initial after a first name end no sentence; a capital alone
/// elsewhere does ("House A.", list items).
@Test func initialsAndTheFrenchMonsieurEndNoSentence() {
    #expect(ExtractiveSummarizer.sentences("Write to John M. Keynes today. Thanks.") == ["Write to John M. Keynes today.", "Thanks."])
    #expect(ExtractiveSummarizer.sentences("J'ai vu M. Kerhervé hier. Merci.") == ["J'ai vu M. Kerhervé hier.", "Merci."])
    #expect(ExtractiveSummarizer.sentences("It is 5 minutes from House A. House B is far.") == ["It is 5 minutes from House A.", "House B is far."])
    // A street's abbreviation and a German date's ordinal end no sentence; a volt sign does.
    #expect(ExtractiveSummarizer.sentences("Ich wohne in der Straße des 17. Juni 135. Danke.") == ["Ich wohne in der Straße des 17. Juni 135.", "Danke."])
    #expect(ExtractiveSummarizer.sentences("Je cours au 22 r. de la République. Merci.") == ["Je cours au 22 r. de la République.", "Merci."])
    #expect(ExtractiveSummarizer.sentences("Paso por la Gta. de Bilbao 1. Gracias.") == ["Paso por la Gta. de Bilbao 1.", "Gracias."])
    #expect(ExtractiveSummarizer.sentences("Scrivi 'Via G. Verdi 12' bene. Grazie.") == ["Scrivi 'Via G. Verdi 12' bene.", "Grazie."])
    #expect(ExtractiveSummarizer.sentences("It is rated 85 V. Can you help?") == ["It is rated 85 V.", "Can you help?"])
    #expect(ExtractiveSummarizer.sentences("Proofread: 'J. R. Ortega wrote this. Thanks.") == ["Proofread: 'J. R. Ortega wrote this.", "Thanks."])
}

/// A masked name that is the subject of the request stays; only an introduction is dropped.
@Test func aMaskedSubjectStaysAndAnIntroductionGoes() {
    #expect(ExtractiveSummarizer.stripIntroduction("[NAME] is turning 40, gift ideas?") == "[NAME] is turning 40, gift ideas?")
    #expect(ExtractiveSummarizer.stripIntroduction("[NAME]さんへのお礼のメール") == "[NAME]さんへのお礼のメール")
    #expect(ExtractiveSummarizer.stripIntroduction("[NAME] here. Need a recipe.") == "Need a recipe.")
    #expect(ExtractiveSummarizer.stripIntroduction("Hi, I'm [NAME] and I need help.") == "and I need help.")
    #expect(ExtractiveSummarizer.stripIntroduction("[NAME], need a recipe.") == "need a recipe.")
    #expect(ExtractiveSummarizer.stripIntroduction("[NAME]：明日の飲み会、何人来る？") == "明日の飲み会、何人来る？")
}
