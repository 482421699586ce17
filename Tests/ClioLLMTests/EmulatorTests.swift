import ClioTestSupport
import ClioCore
import Foundation
import Testing

@testable import ClioLLM

/// Every model family against the strict emulator of its provider: the requests clio sends
/// today are all accepted, and the emulator does reject what the providers reject (so a pass
/// means something).
@Suite struct EmulatorTests {
    static let families: [(ProviderEmulator.API, Provider, String)] = [
        (.openAI, .openai, "gpt-5-mini"), (.openAI, .openai, "gpt-5.4-mini"), (.openAI, .openai, "o4-mini"), (.openAI, .openai, "gpt-4.1-mini"),
        (.anthropic, .anthropic, "claude-haiku-4-5"), (.anthropic, .anthropic, "claude-sonnet-4-6"), (.anthropic, .anthropic, "claude-opus-4-7"),
        (.anthropic, .anthropic, "claude-3-5-haiku-latest"), (.anthropic, .anthropic, "claude-fable-5"),
        (.gemini, .gemini, "gemini-2.5-flash"), (.gemini, .gemini, "gemini-2.5-pro"), (.gemini, .gemini, "gemini-3.1-flash-lite"),
        (.gemini, .gemini, "gemini-3.1-pro"),
        (.ollama, .ollama, "qwen3:8b"), (.ollama, .ollama, "gpt-oss:20b"), (.ollama, .ollama, "llama3.2"),
        (.lmStudio, .openai, "qwen2.5-7b-instruct"), (.llamaCpp, .openai, "smollm2"),
    ]

    static let schema: JSON = [
        "type": "object", "properties": ["description": ["type": "string"], "name": ["type": "string"]],
        "required": ["description", "name"], "additionalProperties": false,
    ]

    static func question() -> Question<String> {
        Question(messages: [ChatMessage(.system, "Name clusters."), ChatMessage(.user, "Name this cluster. Answer with a JSON object {\"description\", \"name\"}.")],
                 name: "cluster_name", schema: schema, temperature: 0.2, maxTokens: 600,
                 read: { o in AnswerText.string(o, "name") }, rehearsal: { ("x", 1) })
    }

    func asker(_ emulator: ProviderEmulator, _ provider: Provider, _ model: String) -> Asker {
        let key = [.lmStudio, .llamaCpp, .ollama].contains(emulator.api) ? nil : ProviderEmulator.key
        let spec = ModelSpec(provider: provider, model: model, baseURL: emulator.baseURL, apiKey: key)
        let client = HTTPClient(timeout: 10, retry: RetryPolicy(maxTries: 4, baseDelay: 0.01, maxDelay: 0.05))
        return Asker(model: CachedChatModel(base: spec.makeModel(client: client), cache: nil, stats: LLMStats()))
    }

    @Test(arguments: 0..<families.count)
    func everyFamilyIsAnsweredWithNoRejectedRequest(family: Int) throws {
        let (api, provider, model) = Self.families[family]
        let emulator = try ProviderEmulator(api)
        defer { emulator.stop() }
        let asked = try asker(emulator, provider, model).ask(Self.question())
        #expect(asked.value?.hasPrefix("Help with topic") == true, "\(model): \(asked)")
        #expect(emulator.rejections.isEmpty, "\(model): \(emulator.rejections)")
        #expect(emulator.answeredChats == 1, "\(model)")
    }

    @Test(arguments: ProviderEmulator.API.allCases)
    func eachProvidersRateLimitReplyIsWaitedForAndRetried(api: ProviderEmulator.API) throws {
        let emulator = try ProviderEmulator(api) { $0 < 2 }
        defer { emulator.stop() }
        let (provider, model) = Self.families.first { $0.0 == api }.map { ($0.1, $0.2) }!
        #expect(try asker(emulator, provider, model).ask(Self.question()).value != nil)
        #expect(emulator.rateLimited == 2 && emulator.rejections.isEmpty)
    }

    /// The requests clio sent before this layer existed, which the providers now reject.
    @Test(arguments: [
        (ProviderEmulator.API.openAI, "/v1/chat/completions", #"{"model":"gpt-5-mini","messages":[{"role":"user","content":"hi"}],"max_tokens":20,"temperature":0}"#, "max_completion_tokens"),
        (.openAI, "/v1/chat/completions", #"{"model":"gpt-5-mini","messages":[{"role":"user","content":"hi"}],"temperature":0}"#, "Only the default (1)"),
        (.anthropic, "/v1/messages", #"{"model":"claude-sonnet-4-6","max_tokens":20,"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"{"}]}"#, "prefill"),
        (.anthropic, "/v1/messages", #"{"model":"claude-opus-4-7","max_tokens":20,"temperature":0,"messages":[{"role":"user","content":"hi"}]}"#, "deprecated"),
        (.lmStudio, "/v1/chat/completions", #"{"model":"m","messages":[{"role":"user","content":"json"}],"response_format":{"type":"json_object"}}"#, "'json_schema' or 'text'"),
        (.gemini, "/v1beta/models/gemini-2.5-pro:generateContent", #"{"contents":[{"role":"user","parts":[{"text":"hi"}]}],"generationConfig":{"thinkingConfig":{"thinkingBudget":0}}}"#, "only works in thinking mode"),
        (.ollama, "/api/chat", #"{"model":"llama3.2","stream":false,"think":true,"messages":[{"role":"user","content":"hi"}]}"#, "does not support thinking"),
        (.openAI, "/v1/embeddings", "{\"model\":\"text-embedding-3-small\",\"input\":[" + Array(repeating: "\"a\"", count: 2049).joined(separator: ",") + "]}", "at most 2048"),
    ])
    func theEmulatorRejectsWhatTheProviderRejects(api: ProviderEmulator.API, path: String, body: String, says: String) throws {
        let emulator = try ProviderEmulator(api)
        defer { emulator.stop() }
        let headers = [("Authorization", "Bearer \(ProviderEmulator.key)"), ("x-api-key", ProviderEmulator.key),
                       ("anthropic-version", "2023-06-01"), ("x-goog-api-key", ProviderEmulator.key)]
        let base = api == .openAI || api == .lmStudio ? String(emulator.baseURL.dropLast(3)) : emulator.baseURL
        let response = try HTTPClient(timeout: 10).send(HTTPRequest(url: base + path, headers: headers, body: Array(body.utf8)))
        #expect(response.status == 400)
        #expect(emulator.rejections.first?.message.contains(says) == true, "\(emulator.rejections)")
    }

    @Test func thinkingCountsAgainstTheLimitUnlessRoomIsLeft() throws {
        let emulator = try ProviderEmulator(.gemini)
        defer { emulator.stop() }
        // A bare 60-token limit, as clio used to send: Gemini 3 thinks first and is cut.
        let bare = #"{"contents":[{"role":"user","parts":[{"text":"Answer with a JSON object {\"rating\": 1}"}]}],"generationConfig":{"maxOutputTokens":60}}"#
        let response = try HTTPClient(timeout: 10).send(HTTPRequest(
            url: emulator.baseURL + "/v1beta/models/gemini-3.1-flash-lite:generateContent", headers: [("x-goog-api-key", ProviderEmulator.key)],
            body: Array(bare.utf8)))
        #expect(String(decoding: response.body, as: UTF8.self).contains("MAX_TOKENS"))
        // clio's request for the same model asks for minimal thinking and leaves room for it.
        #expect(try asker(emulator, .gemini, "gemini-3.1-flash-lite").ask(Self.question()).value != nil)
    }
}
