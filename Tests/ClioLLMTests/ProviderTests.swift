import ClioTestSupport
import ClioCore
import Foundation
import Testing

@testable import ClioLLM

private let schema: JSON = [
    "type": "object", "properties": ["a": ["type": "integer", "minimum": 1, "maximum": 5], "b": ["type": "string", "pattern": "^x"]],
    "required": ["a", "b"], "additionalProperties": false,
]
private let jsonRequest = ChatRequest(
    messages: [ChatMessage(.system, "Be brief."), ChatMessage(.user, "Say hi.")],
    options: ChatOptions(temperature: 0.2, maxTokens: 50, format: .json(name: "answer", schema: schema)))

private func body(_ provider: Provider, _ model: String, base: String? = nil, reasoning: String? = nil, request: ChatRequest = jsonRequest) -> JSON {
    ProviderChatModel(spec: ModelSpec(provider: provider, model: model, baseURL: base, apiKey: "k", reasoning: reasoning), client: HTTPClient())
        .body(request)
}

/// The request each model family gets: decided by `ModelProfile`, written by the provider's wire.
@Suite struct RequestShapeTests {
    @Test func openAIReasoningModelsGetMaxCompletionTokensAnEffortAndNoTemperature() {
        let b = body(.openai, "gpt-5-mini")
        #expect(b[path: "max_completion_tokens"]?.intValue.map { $0 >= 50 } == true)
        #expect(b[path: "max_tokens"] == nil && b[path: "temperature"] == nil)
        #expect(b[path: "reasoning_effort"] == "minimal")
        #expect(body(.openai, "o3")[path: "reasoning_effort"] == "low")
        #expect(body(.openai, "o4-mini")[path: "temperature"] == nil)
        #expect(body(.openai, "gpt-5-pro")[path: "reasoning_effort"] == "high")
        #expect(body(.openai, "gpt-5.1-codex")[path: "reasoning_effort"] == "low")
    }

    @Test func gpt51AndLaterRunWithoutReasoningAndThenTakeATemperature() {
        for model in ["gpt-5.1", "gpt-5.4-mini", "gpt-5.5"] {
            let b = body(.openai, model)
            #expect(b[path: "reasoning_effort"] == "none", "\(model)")
            #expect(b[path: "temperature"] == .number(0.2), "\(model)")
        }
        // Asked to reason, the temperature goes.
        #expect(body(.openai, "gpt-5.4-mini", reasoning: "low")[path: "temperature"] == nil)
    }

    @Test func openAIChatModelsKeepTheirTemperatureAndTakeNoEffort() {
        for model in ["gpt-4.1-mini", "gpt-4o", "gpt-5-chat-latest", "ft:gpt-4o-mini:org::abc"] {
            let b = body(.openai, model)
            #expect(b[path: "temperature"] == .number(0.2), "\(model)")
            #expect(b[path: "reasoning_effort"] == nil, "\(model)")
            #expect(b[path: "max_completion_tokens"] == .number(50), "\(model)")
        }
    }

    @Test func openAIGetsStrictJSONSchemaWhenTheSchemaAllows() {
        let b = body(.openai, "gpt-5.4-mini")
        #expect(b[path: "response_format.type"] == "json_schema")
        #expect(b[path: "response_format.json_schema.strict"] == .bool(true))
        #expect(b[path: "response_format.json_schema.schema"] == schema)
        let loose: JSON = ["type": "object", "properties": ["a": ["type": "string"]]]
        let request = ChatRequest(messages: [ChatMessage(.user, "x")], options: ChatOptions(format: .json(name: "n", schema: loose)))
        #expect(body(.openai, "gpt-5.4-mini", request: request)[path: "response_format.json_schema.strict"] == nil)
    }

    @Test func compatibleServersGetMaxTokensAndJSONSchemaFirst() {
        let b = body(.openai, "qwen2.5-7b-instruct", base: "http://127.0.0.1:8080/v1")
        #expect(b[path: "max_tokens"] != nil && b[path: "max_completion_tokens"] == nil)
        #expect(b[path: "temperature"] == .number(0.2))
        #expect(b[path: "reasoning_effort"] == nil)
        #expect(b[path: "response_format.type"] == "json_schema")
        // A model by OpenAI's own name keeps OpenAI's rules behind a gateway.
        #expect(body(.openai, "gpt-5-mini", base: "http://127.0.0.1:4000/v1")[path: "max_completion_tokens"] != nil)
        #expect(body(.openai, "gpt-oss-20b", base: "http://127.0.0.1:8000/v1")[path: "max_tokens"] != nil)
    }

    @Test func anthropicNeverPrefillsAndUsesJSONOutputsOnCurrentModels() {
        let b = body(.anthropic, "claude-haiku-4-5")
        let messages = b[path: "messages"]!.arrayValue!
        #expect(messages.last?[path: "role"] == "user")
        #expect(messages.count == 1)
        #expect(b[path: "system"] == "Be brief.")
        #expect(b[path: "output_config.format.type"] == "json_schema")
        // Anthropic takes no numeric or pattern constraints.
        #expect(b[path: "output_config.format.schema.properties.a.minimum"] == nil)
        #expect(b[path: "output_config.format.schema.properties.b.pattern"] == nil)
        #expect(b[path: "output_config.format.schema.additionalProperties"] == .bool(false))
        #expect(b[path: "temperature"] == .number(0.2))
        #expect(b[path: "tools"] == nil)
    }

    @Test func opus47AndLaterGetNoTemperature() {
        for model in ["claude-opus-4-7", "claude-opus-4-8", "claude-sonnet-5", "claude-fable-5"] {
            #expect(body(.anthropic, model)[path: "temperature"] == nil, "\(model)")
        }
        #expect(body(.anthropic, "claude-sonnet-4-6")[path: "temperature"] == .number(0.2))
    }

    @Test func olderClaudeModelsAnswerThroughAForcedToolCall() {
        for model in ["claude-3-5-haiku-latest", "claude-sonnet-4-20250514", "claude-opus-4-1", "claude-fable-5"] {
            let b = body(.anthropic, model)
            #expect(b[path: "tool_choice.type"] == "tool", "\(model)")
            #expect(b[path: "tool_choice.name"] == "answer", "\(model)")
            #expect(b[path: "tools.0.input_schema"] == schema, "\(model)")
            #expect(b[path: "output_config"] == nil, "\(model)")
        }
    }

    @Test func geminiThinkingIsSwitchedOffOrKeptLowWithRoomForIt() {
        let flash25 = body(.gemini, "gemini-2.5-flash")
        #expect(flash25[path: "generationConfig.thinkingConfig.thinkingBudget"] == .number(0))
        #expect(flash25[path: "generationConfig.maxOutputTokens"] == .number(50))
        #expect(body(.gemini, "gemini-2.5-pro")[path: "generationConfig.thinkingConfig.thinkingBudget"] == .number(128))
        let lite = body(.gemini, "gemini-3.1-flash-lite")
        #expect(lite[path: "generationConfig.thinkingConfig.thinkingLevel"] == "minimal")
        #expect(lite[path: "generationConfig.temperature"] == nil)
        #expect((lite[path: "generationConfig.maxOutputTokens"]?.intValue ?? 0) > 1000)
        #expect(body(.gemini, "gemini-3.1-pro")[path: "generationConfig.thinkingConfig.thinkingLevel"] == "low")
        #expect(body(.gemini, "gemini-3.5-flash", reasoning: "high")[path: "generationConfig.thinkingConfig.thinkingLevel"] == "high")
        #expect(body(.gemini, "gemini-2.5-flash", reasoning: "low")[path: "generationConfig.thinkingConfig.thinkingBudget"] == .number(1024))
    }

    @Test func geminiGetsAJSONSchemaItAccepts() {
        let b = body(.gemini, "gemini-2.5-flash-lite")
        #expect(b[path: "generationConfig.responseMimeType"] == "application/json")
        #expect(b[path: "generationConfig.responseJsonSchema.properties.a.maximum"] == .number(5))
        #expect(b[path: "generationConfig.responseJsonSchema.properties.b.pattern"] == nil)
        #expect(b[path: "generationConfig.responseSchema"] == nil)
        #expect(b[path: "systemInstruction.parts.0.text"] == "Be brief.")
    }

    @Test func ollamaThinkingModelsAreToldNotToThink() {
        #expect(body(.ollama, "qwen3:8b")[path: "think"] == .bool(false))
        #expect(body(.ollama, "deepseek-r1:7b")[path: "think"] == .bool(false))
        #expect(body(.ollama, "gpt-oss:20b")[path: "think"] == "low")
        #expect(body(.ollama, "llama3.2")[path: "think"] == nil)
        let b = body(.ollama, "llama3.2")
        #expect(b[path: "format"] == schema)
        #expect(b[path: "stream"] == .bool(false))
        #expect(b[path: "options.num_predict"] == .number(50))
        #expect(b[path: "options.temperature"] == .number(0.2))
    }

    @Test func textRequestsCarryNoStructuredOutputParameter() {
        let text = ChatRequest(messages: [ChatMessage(.user, "hi")], options: ChatOptions(format: .text))
        #expect(body(.openai, "gpt-5-mini", request: text)[path: "response_format"] == nil)
        #expect(body(.anthropic, "claude-haiku-4-5", request: text)[path: "output_config"] == nil)
        #expect(body(.gemini, "gemini-2.5-flash", request: text)[path: "generationConfig.responseMimeType"] == nil)
        #expect(body(.ollama, "llama3.2", request: text)[path: "format"] == nil)
    }
}

/// Each provider against a local server answering in that provider's documented response shape.
@Suite struct ProviderTests {
    let key = "sk-test-SECRET-0123456789"

    func client(tries: Int = 3) -> HTTPClient {
        HTTPClient(maxConnections: 4, timeout: 10, retry: RetryPolicy(maxTries: tries, baseDelay: 0.01), secrets: [key])
    }

    func model(_ provider: Provider, _ name: String, _ server: TestServer, path: String = "") -> ProviderChatModel {
        ProviderChatModel(spec: ModelSpec(provider: provider, model: name, baseURL: server.baseURL + path, apiKey: key), client: client())
    }

    @Test func openAIRequestCarriesTheBearerKeyAndTheAnswerIsRead() throws {
        let server = try TestServer { _, _ in
            .respond(status: 200, body: #"{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"{\"a\":1}"},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17}}"#)
        }
        defer { server.stop() }
        let answer = try model(.openai, "gpt-4o-mini", server, path: "/v1").complete(jsonRequest)
        #expect(answer == ChatResponse(text: #"{"a":1}"#, usage: TokenUsage(input: 12, output: 5)))
        let sent = try #require(server.received.first)
        #expect(sent.path == "/v1/chat/completions")
        #expect(sent.headers["authorization"] == "Bearer \(key)")
    }

    @Test func openAIAnswerThroughURLSessionIsTheSame() throws {
        let server = try TestServer { _, _ in
            .respond(status: 200, body: #"{"choices":[{"index":0,"message":{"role":"assistant","content":"hello"}}],"usage":{"prompt_tokens":2,"completion_tokens":1}}"#)
        }
        defer { server.stop() }
        let client = HTTPClient(timeout: 10, secrets: [key], alwaysURLSession: true)
        let model = ProviderChatModel(spec: ModelSpec(provider: .openai, model: "m", baseURL: server.baseURL + "/v1", apiKey: key), client: client)
        #expect(try model.complete(jsonRequest) == ChatResponse(text: "hello", usage: TokenUsage(input: 2, output: 1)))
        #expect(try #require(server.received.first).headers["authorization"] == "Bearer \(key)")
    }

    @Test func anthropicToolAnswersAndHeadersAreRead() throws {
        let server = try TestServer { _, _ in
            .respond(status: 200, body: #"{"id":"msg_1","type":"message","role":"assistant","content":[{"type":"tool_use","id":"t1","name":"answer","input":{"a":1}}],"stop_reason":"tool_use","usage":{"input_tokens":20,"output_tokens":4}}"#)
        }
        defer { server.stop() }
        let answer = try model(.anthropic, "claude-3-5-haiku-latest", server).complete(jsonRequest)
        #expect(answer == ChatResponse(text: #"{"a":1}"#, usage: TokenUsage(input: 20, output: 4)))
        let sent = try #require(server.received.first)
        #expect(sent.path == "/v1/messages")
        #expect(sent.headers["x-api-key"] == key)
        #expect(sent.headers["anthropic-version"] == "2023-06-01")
    }

    @Test func geminiPartsAreJoinedAndThoughtsLeftOut() throws {
        let server = try TestServer { _, _ in
            .respond(status: 200, body: #"{"candidates":[{"content":{"parts":[{"text":"thinking…","thought":true},{"text":"{\"a\":"},{"text":"1}"}],"role":"model"},"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":9,"candidatesTokenCount":3,"thoughtsTokenCount":7}}"#)
        }
        defer { server.stop() }
        let answer = try model(.gemini, "gemini-2.5-flash", server).complete(jsonRequest)
        #expect(answer == ChatResponse(text: #"{"a":1}"#, usage: TokenUsage(input: 9, output: 10)))
        let sent = try #require(server.received.first)
        #expect(sent.path == "/v1beta/models/gemini-2.5-flash:generateContent")
        #expect(sent.headers["x-goog-api-key"] == key && !sent.path.contains(key))
    }

    @Test func ollamaAnswerIsRead() throws {
        let server = try TestServer { _, _ in
            .respond(status: 200, body: #"{"model":"llama3.2","message":{"role":"assistant","content":"{\"a\":1}"},"done":true,"done_reason":"stop","prompt_eval_count":30,"eval_count":6}"#)
        }
        defer { server.stop() }
        #expect(try model(.ollama, "llama3.2:1b", server).complete(jsonRequest) == ChatResponse(text: #"{"a":1}"#, usage: TokenUsage(input: 30, output: 6)))
        #expect(try #require(server.received.first).path == "/api/chat")
    }

    @Test(arguments: [
        (Provider.openai, #"{"choices":[{"message":{"content":"{\"a\":"},"finish_reason":"length"}],"usage":{"completion_tokens":50}}"#),
        (Provider.anthropic, #"{"content":[{"type":"text","text":"{\"a\":"}],"stop_reason":"max_tokens","usage":{"output_tokens":50}}"#),
        (Provider.gemini, #"{"candidates":[{"content":{"parts":[]},"finishReason":"MAX_TOKENS"}],"usageMetadata":{"thoughtsTokenCount":50}}"#),
        (Provider.ollama, #"{"message":{"content":"{\"a\":"},"done":true,"done_reason":"length","eval_count":50}"#),
    ])
    func anAnswerCutByTheLimitIsReportedAsCut(provider: Provider, answer: String) throws {
        let server = try TestServer { _, _ in .respond(status: 200, body: answer) }
        defer { server.stop() }
        let error = try #require(throws: LLMError.self) { try model(provider, "m", server).complete(jsonRequest) }
        #expect(error.kind == .cut)
        #expect(error.message.contains("cut at the output limit"))
    }

    @Test func answerWithoutTheProviderShapeIsAnInvalidResponse() throws {
        let server = try TestServer { _, _ in .respond(status: 200, body: #"{"unexpected":true}"#) }
        defer { server.stop() }
        let error = try #require(throws: LLMError.self) { try model(.openai, "m", server).complete(jsonRequest) }
        #expect(error.kind == .invalidResponse)
        #expect(server.count == 1)
    }
}

/// How a rejected request is read: a configuration error stops the run; a refused structured
/// mode moves to the next one; anything else fails one call.
@Suite struct RejectionTests {
    let ok = #"{"choices":[{"message":{"content":"{\"a\":1}"},"finish_reason":"stop"}]}"#

    func model(_ server: TestServer, _ name: String = "local") -> ProviderChatModel {
        ProviderChatModel(spec: ModelSpec(provider: .openai, model: name, baseURL: server.baseURL + "/v1"),
                          client: HTTPClient(timeout: 10, retry: RetryPolicy(maxTries: 2, baseDelay: 0.01)))
    }

    @Test func anUnsupportedParameterStopsTheRunAtTheFirstCall() throws {
        let server = try TestServer { _, _ in
            .respond(status: 400, body: #"{"error":{"message":"Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.","type":"invalid_request_error","param":"max_tokens","code":"unsupported_parameter"}}"#)
        }
        defer { server.stop() }
        let m = model(server)
        let first = try #require(throws: LLMError.self) { try m.complete(jsonRequest) }
        #expect(first.kind == .configuration)
        #expect(first.message.contains("Use 'max_completion_tokens' instead"))
        // Every later call fails the same way without reaching the server.
        let second = try #require(throws: LLMError.self) { try m.complete(jsonRequest) }
        #expect(second == first)
        #expect(server.count == 1)
    }

    @Test(arguments: [401, 403, 404])
    func aBadKeyOrUnknownModelIsAConfigurationError(status: Int) throws {
        let server = try TestServer { _, _ in .respond(status: status, body: #"{"error":{"message":"The model `gpt-9` does not exist or you do not have access to it."}}"#) }
        defer { server.stop() }
        let error = try #require(throws: LLMError.self) { try model(server).complete(jsonRequest) }
        #expect(error.kind == .configuration && error.status == status)
        #expect(error.message.contains("does not exist"))
    }

    @Test func aServerWithoutJSONSchemaIsAskedWithTheNextModeFromThenOn() throws {
        // LM Studio's answer to a mode it does not take, then success.
        let server = try TestServer { request, _ in
            let type = (request.json as? [String: Any]).flatMap { ($0["response_format"] as? [String: Any])?["type"] as? String }
            if type == "json_schema" {
                return .respond(status: 400, body: #"{"error":"'response_format.type' must be 'json_object' or 'text'"}"#)
            }
            return .respond(status: 200, body: #"{"choices":[{"message":{"content":"{\"a\":1}"},"finish_reason":"stop"}]}"#)
        }
        defer { server.stop() }
        let m = model(server)
        #expect(try m.complete(jsonRequest).text == #"{"a":1}"#)
        #expect(try m.complete(jsonRequest).text == #"{"a":1}"#)
        #expect(m.structuredMode == .jsonObject)
        #expect(server.count == 3)
    }

    @Test func aPromptTooLongFailsOnlyThatCall() throws {
        let server = try TestServer { _, n in
            n == 0 ? .respond(status: 400, body: #"{"error":{"message":"This model's maximum context length is 8192 tokens.","code":"context_length_exceeded"}}"#)
                : .respond(status: 200, body: #"{"choices":[{"message":{"content":"{\"a\":1}"},"finish_reason":"stop"}]}"#)
        }
        defer { server.stop() }
        let m = model(server)
        let error = try #require(throws: LLMError.self) { try m.complete(jsonRequest) }
        #expect(error.kind == .http)
        #expect(try m.complete(jsonRequest).text == #"{"a":1}"#)
    }

    @Test func quotaExhaustionIsNotWaitedFor() throws {
        let server = try TestServer { _, _ in
            .respond(status: 429, body: #"{"error":{"message":"You exceeded your current quota.","type":"insufficient_quota","code":"insufficient_quota"}}"#)
        }
        defer { server.stop() }
        let error = try #require(throws: LLMError.self) { try model(server).complete(jsonRequest) }
        #expect(error.kind == .configuration && server.count == 1)
    }
}

/// What each provider's rate-limit answer says about when to come back.
@Suite struct RateLimitTests {
    func response(_ headers: [String: String], body: String = "{}") -> HTTPResponse {
        HTTPResponse(status: 429, headers: headers, body: Array(body.utf8))
    }

    @Test func retryAfterMillisecondsComesFirst() {
        #expect(RetryPolicy.serverDelay(response(["retry-after-ms": "1500", "retry-after": "9"])) == 1.5)
        #expect(RetryPolicy.serverDelay(response(["retry-after": "9"])) == 9)
    }

    @Test func openAIResetHeadersTakeTheLongerOfTheTwo() {
        #expect(RetryPolicy.serverDelay(response(["x-ratelimit-reset-requests": "1s", "x-ratelimit-reset-tokens": "6m0s"])) == 360)
        #expect(RetryPolicy.serverDelay(response(["x-ratelimit-reset-tokens": "20ms"])) == 0.02)
        #expect(RetryPolicy.parseDuration("1h2m3.5s") == 3723.5)
        #expect(RetryPolicy.parseDuration("soon") == nil)
    }

    @Test func geminiRetryInfoInTheBodyIsRead() {
        let body = #"{"error":{"code":429,"message":"Resource has been exhausted","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure"},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"37s"}]}}"#
        #expect(RetryPolicy.serverDelay(response([:], body: body)) == 37)
    }

    @Test func anthropicResetTimesAreRead() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let formatter = ISO8601DateFormatter()
        let reset = formatter.string(from: now.addingTimeInterval(12))
        #expect(RetryPolicy.serverDelay(response(["anthropic-ratelimit-requests-reset": reset]), now: now) == 12)
    }

    @Test func overloadedIsRetried() {
        #expect(RetryPolicy.isRetryable(status: 529))
        #expect(!RetryPolicy.isRetryable(status: 400))
    }
}

/// The one ask / validate / re-ask path.
@Suite struct AskerTests {
    /// The suite's fake reports no token usage.
    func fake(_ answer: @escaping @Sendable (Int, ChatRequest) throws -> String) -> FakeChatModel {
        FakeChatModel(model: "s", usage: TokenUsage(), answer)
    }

    func question() -> Question<Int> {
        Question(messages: [ChatMessage(.user, "Give a number.")], name: "n", schema: ["type": "object"], temperature: nil, maxTokens: 100,
                 read: { o in
                     guard let n = o["n"].flatMap(AnswerText.integer), (1...5).contains(n) else { return .failure(AnswerProblem("n must be 1 to 5")) }
                     return .success(n)
                 }, rehearsal: { (3, 5) })
    }

    func asker(_ model: any ChatModel, attempts: Int = 3) -> Asker {
        Asker(model: CachedChatModel(base: model, cache: nil, stats: LLMStats()), attempts: attempts)
    }

    @Test func anInvalidAnswerIsShownBackWithItsProblem() throws {
        let model = fake { n, _ in n == 0 ? #"{"n": 9}"# : #"{"n": "4"}"# }
        guard case .answered(let value, let tries) = try asker(model).ask(question()) else { Issue.record("failed"); return }
        #expect(value == 4 && tries == 2)
        let second = model.requests[1].messages
        #expect(second.map(\.role) == [.user, .assistant, .user])
        #expect(second[1].content == #"{"n": 9}"#)
        #expect(second[2].content.contains("n must be 1 to 5"))
    }

    @Test func aCutAnswerIsAskedAgainWithTwiceTheLimitAndNoEmptyTurn() throws {
        let model = fake { n, _ in
            if n == 0 { throw LLMError(.cut, "the answer was cut at the output limit (100 tokens)") }
            return #"{"n": 2}"#
        }
        guard case .answered(2, 2) = try asker(model).ask(question()) else { Issue.record("failed"); return }
        #expect(model.requests[1].options.maxTokens == 200)
        #expect(model.requests[1].messages.count == 1)
    }

    @Test func aFailedCallEndsTheQuestionAndAConfigurationErrorIsThrown() throws {
        let failing = fake { _, _ in throw LLMError(.timeout, "no answer") }
        guard case .failed(let reason) = try asker(failing).ask(question()) else { Issue.record("answered"); return }
        #expect(reason == "no answer" && failing.requests.count == 1)
        let misconfigured = fake { _, _ in throw LLMError(.configuration, "rejected") }
        #expect(throws: LLMError.self) { try asker(misconfigured).ask(question()) }
    }

    @Test func aDryRunCountsTheQuestionAndAnswersWithItsRehearsal() throws {
        let model = fake { _, _ in Issue.record("called"); return "" }
        let ledger = DryRunLedger()
        let asker = Asker(model: CachedChatModel(base: model, cache: nil, stats: LLMStats(), writes: false), ledger: ledger)
        guard case .answered(3, 1) = try asker.ask(question()) else { Issue.record("no rehearsal"); return }
        let steps = ledger.snapshot.steps
        #expect(steps.count == 1 && steps[0].name == "n" && steps[0].calls == 1 && steps[0].outputTokens == 5)
        #expect(steps[0].inputTokens == TokenEstimate.messages([ChatMessage(.user, "Give a number.")]))
        #expect(ledger.report(model: "openai:s", price: LLMOptions.Price(input: 1, output: 2)).contains("$"))
    }

    @Test func tokenEstimatesFollowTheScript() {
        #expect(TokenEstimate.text(String(repeating: "a", count: 400)) == 100)
        #expect(TokenEstimate.text(String(repeating: "語", count: 10)) == 10)
        #expect(TokenEstimate.text(String(repeating: "é", count: 10)) == 5)
    }
}

@Suite struct ModelProfileTests {
    @Test func claudeVersionsAreReadFromBothNamingSchemes() {
        #expect(ModelID("claude-opus-4-7").claudeVersion == ModelID.Version(4, 7))
        #expect(ModelID("claude-haiku-4-5-20251001").claudeVersion == ModelID.Version(4, 5))
        #expect(ModelID("claude-3-5-sonnet-latest").claudeVersion == ModelID.Version(3, 5))
        #expect(ModelID("claude-sonnet-4-20250514").claudeVersion == ModelID.Version(4, 0))
        #expect(ModelID("claude-fable-5").claudeVersion == ModelID.Version(5, 0))
    }

    @Test func unknownIdsGetTheirFamilysSafeDefaults() {
        let gpt6 = ModelSpec(provider: .openai, model: "gpt-6-mini").profile
        #expect(gpt6.family == .openAIReasoning && gpt6.reasoningLevels.first == "none")
        let claude = ModelSpec(provider: .anthropic, model: "claude-new-thing").profile
        #expect(!claude.acceptsTemperature && claude.structuredModes.first == .outputConfig)
        let gemini = ModelSpec(provider: .gemini, model: "gemini-flash-latest").profile
        #expect(gemini.thinking == .geminiLevel("minimal"))
    }
}
