import ClioTestSupport
import ClioCore
import ClioLLM
import Foundation
import Testing

@testable import ClioSummarize

/// The fake chat model with a script that gets the request and the first user line of the
/// conversation in its prompt.
func scriptedModel(_ answer: @escaping @Sendable (ChatRequest, String) throws -> String) -> FakeChatModel {
    FakeChatModel(model: "scripted") { _, request in
        let prompt = request.messages[0].content
        let firstLine = prompt.split(separator: "\n").first { $0.hasPrefix("User: ") }!.replacingOccurrences(of: "User: ", with: "")
        return try answer(request, firstLine)
    }
}

func validAnswer(_ topic: String, concerning: Int = 1) -> String {
    #"{"request":"The user's overall request for the assistant is to discuss \#(topic).","task":"The task is to discuss \#(topic).","language":"English","concerning":\#(concerning)}"#
}

func conversations(_ n: Int) -> [Conversation] {
    (1...n).map { i in
        let messages = [Message(role: "user", content: "topic\(i)"), Message(role: "assistant", content: "ok"), Message(role: "user", content: "more")]
        let record: JSONObject = ["id": .string("c\(i)"), "user": "u", "messages": .array([]), "metadata": ["n": .number(Double(i))]]
        return Conversation(id: .string("c\(i)"), user: "u", messages: messages, record: record, location: Location(source: "<stdin>", line: i))
    }
}

func tempPath(_ name: String) -> String { temporaryDirectory("llm-sum") + "/" + name }

/// Runs the LLM path into a file; returns the output lines and the thrown error, if any.
func runLLM(_ input: [Conversation], model: any ChatModel, cacheDir: String?, attempts: Int = 3, errors: String? = nil, jobs: Int = 4, custom: [FacetSpec] = [], maxChars: Int = 20_000)
    throws -> (lines: [String], error: ClioError?, stats: LLMStats.Values, outcome: SummarizeRun.Outcome?)
{
    let stats = LLMStats()
    let cache = try cacheDir.map { try ContentCache(directory: $0) }
    let cached = CachedChatModel(base: model, cache: cache, stats: stats)
    let run = SummarizeRun(summarizer: LLMSummarizer(asker: Asker(model: cached, attempts: attempts), custom: custom, maxChars: maxChars), concurrency: jobs, errorsPath: errors)
    let outPath = tempPath("out.jsonl")
    let fd = open(outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let output = OutputWriter(fd: fd)
    var iterator = input.makeIterator()
    var error: ClioError?
    var outcome: SummarizeRun.Outcome?
    do {
        outcome = try run.run(next: { iterator.next() }, output: output)
    } catch let e as ClioError {
        error = e
    }
    try output.flush()
    close(fd)
    let text = try String(contentsOfFile: outPath, encoding: .utf8)
    return (text.split(separator: "\n").map(String.init), error, stats.snapshot, outcome)
}

@Suite struct LLMSummarizerTests {
    @Test func outOfRangeAnswerIsReaskedWithTheValidationError() throws {
        let model = scriptedModel { request, topic in
            request.messages.count == 3 ? validAnswer(topic, concerning: 9) : validAnswer(topic, concerning: 2)
        }
        let summarizer = LLMSummarizer(asker: Asker(model: CachedChatModel(base: model, cache: nil, stats: LLMStats())))
        guard case .success(let facets, let truncated, let tries) = summarizer.summary(of: conversations(1)[0]) else {
            Issue.record("failed")
            return
        }
        #expect(tries == 2 && !truncated)
        #expect(facets.concerning == 2)
        #expect(facets.turns == 2)
        let second = model.requests[1].messages
        #expect(second.count == 5)
        #expect(second[3].role == .assistant && second[3].content.contains("\"concerning\":9"))
        #expect(second[4].role == .user && second[4].content.contains("\"concerning\" must be from 1 to 5, got 9"))
    }

    @Test func recordKeepsOtherFieldsDropsMessagesAndNamesTheModel() throws {
        let model = scriptedModel { _, topic in validAnswer(topic) }
        let run = try runLLM(conversations(1), model: model, cacheDir: nil)
        #expect(run.lines == [
            #"{"id":"c1","user":"u","metadata":{"n":1},"facets":{"request":"The user's overall request for the assistant is to discuss topic1.","task":"The task is to discuss topic1.","language":"English","concerning":1,"turns":2},"summarizer":{"name":"llm","model":"openai:scripted"}}"#
        ])
    }

    @Test func outputFollowsInputOrderUnderConcurrency() throws {
        let model = scriptedModel { _, topic in
            Thread.sleep(forTimeInterval: Double.random(in: 0...0.01))
            return validAnswer(topic)
        }
        let run = try runLLM(conversations(60), model: model, cacheDir: nil, jobs: 8)
        let ids = run.lines.map { try? JSONParser.parse($0)[path: "id"]?.stringValue }
        #expect(ids == (1...60).map { "c\($0)" })
    }

    @Test func recordThatNeverValidatesIsReportedNotDropped() throws {
        let model = scriptedModel { _, topic in topic == "topic3" ? validAnswer(topic, concerning: 9) : validAnswer(topic) }
        let errors = tempPath("errors.jsonl")
        let run = try runLLM(conversations(5), model: model, cacheDir: nil, attempts: 2, errors: errors)
        #expect(run.error?.code == .failedRecords)
        #expect(run.error?.message.hasPrefix("1 record failed") == true)
        let ids = run.lines.map { try? JSONParser.parse($0)[path: "id"]?.stringValue }
        #expect(ids == ["c1", "c2", "c4", "c5"])
        let reported = try String(contentsOfFile: errors, encoding: .utf8).split(separator: "\n")
        #expect(reported.count == 1)
        let line = try JSONParser.parse(String(reported[0]))
        #expect(line[path: "id"] == .string("c3"))
        #expect(line[path: "reason"]?.stringValue?.contains("got 9") == true)
        #expect(model.calls == 4 + 2)
    }

    @Test func failedCallIsReportedWithItsReason() throws {
        let model = scriptedModel { _, topic in
            if topic == "topic2" { throw LLMError(.http, "HTTP 500 from http://127.0.0.1:9: boom (gave up after 6 tries)", status: 500) }
            return validAnswer(topic)
        }
        let errors = tempPath("errors.jsonl")
        let run = try runLLM(conversations(3), model: model, cacheDir: nil, errors: errors)
        #expect(run.lines.count == 2)
        #expect(try String(contentsOfFile: errors, encoding: .utf8).contains("gave up after 6 tries"))
        #expect(run.stats.callFailures == 1)
    }

    @Test func cachedRerunMakesZeroCallsAndSameOutput() throws {
        let cache = tempPath("cache")
        let first = scriptedModel { request, topic in request.messages.count == 3 && topic == "topic2" ? "not json" : validAnswer(topic) }
        let a = try runLLM(conversations(10), model: first, cacheDir: cache)
        #expect(first.calls == 11)
        let second = scriptedModel { _, _ in "never asked" }
        let b = try runLLM(conversations(10), model: second, cacheDir: cache)
        #expect(second.calls == 0)
        #expect(b.stats.cacheHits == 11)
        #expect(a.lines == b.lines)
    }

    @Test func rerunAsksOnlyForTheRecordsThatFailed() throws {
        let cache = tempPath("cache")
        let flaky = scriptedModel { _, topic in topic == "topic4" ? "I'd rather not." : validAnswer(topic) }
        let a = try runLLM(conversations(6), model: flaky, cacheDir: cache, attempts: 2)
        #expect(a.error?.code == .failedRecords)
        let fixed = scriptedModel { _, topic in validAnswer(topic) }
        let b = try runLLM(conversations(6), model: fixed, cacheDir: cache, attempts: 2)
        #expect(b.error == nil)
        #expect(fixed.calls == 1)
        #expect(b.lines.count == 6)
    }

    @Test func longConversationIsCutAndMarked() throws {
        var long = conversations(1)[0]
        long.messages[0].content = "topic1 " + String(repeating: "word ", count: 2000)
        let model = scriptedModel { _, _ in validAnswer("x") }
        let run = try runLLM([long], model: model, cacheDir: nil, maxChars: 500)
        let record = try JSONParser.parse(run.lines[0])
        #expect(record[path: "truncated"] == .bool(true))
        #expect(model.requests[0].messages[0].content.count < 800)
        #expect(run.outcome?.truncated == 1)
    }

    @Test func customFacetsAreAskedValidatedAndWritten() throws {
        let sentiment = FacetSpec(name: "sentiment", question: "How does the user feel?", kind: .category(["Positive", "Negative"]))
        let model = scriptedModel { request, topic in
            let base = validAnswer(topic).dropLast()
            return request.messages.count == 3 ? base + #","sentiment":"angry"}"# : base + #","sentiment":"positive"}"#
        }
        let run = try runLLM(conversations(1), model: model, cacheDir: nil, custom: [sentiment])
        let record = try JSONParser.parse(run.lines[0])
        #expect(record[path: "facets.sentiment"] == .string("Positive"))
        #expect(model.calls == 2)
        #expect(model.requests[0].messages[2].content.contains("How does the user feel?"))
    }
}

@Suite struct LLMMaskTests {
    @Test func maskIsAppliedToFreeTextAnswersOnly() throws {
        let model = scriptedModel { _, _ in
            #"{"request":"The user's overall request for the assistant is to email bob@example.com.","task":"The task is to write an email.","language":"English","concerning":1}"#
        }
        let summarizer = LLMSummarizer(asker: Asker(model: CachedChatModel(base: model, cache: nil, stats: LLMStats())), mask: { $0.replacingOccurrences(of: "bob@example.com", with: "[EMAIL]") })
        guard case .success(let facets, _, _) = summarizer.summary(of: conversations(1)[0]) else {
            Issue.record("failed")
            return
        }
        #expect(facets.request == "The user's overall request for the assistant is to email [EMAIL].")
        #expect(facets.language == "English")
    }
}
