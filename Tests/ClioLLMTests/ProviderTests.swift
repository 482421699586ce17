import ClioTestSupport
import ClioCore
import Foundation
import Testing

@testable import ClioLLM

/// Each provider against a local server answering in that provider's documented response shape.
@Suite struct ProviderTests {
    let key = "sk-test-SECRET-0123456789"
    let request = ChatRequest(
        messages: [ChatMessage(.system, "Be brief."), ChatMessage(.user, "Say hi.")],
        options: ChatOptions(temperature: 0.2, maxTokens: 50, format: .jsonObject))

    func client() -> HTTPClient { HTTPClient(maxConnections: 4, timeout: 10, retry: RetryPolicy(maxTries: 3, baseDelay: 0.01), secrets: [key]) }

    @Test func openAIRequestCarriesBearerKeyMessagesAndJSONMode() throws {
        let server = try TestServer { _, _ in
            .respond(status: 200, body: #"{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"{\"a\":1}"},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17}}"#)
        }
        defer { server.stop() }
        let model = OpenAIChatModel(spec: ModelSpec(provider: .openai, model: "gpt-4o-mini", baseURL: server.baseURL + "/v1", apiKey: key), client: client())
        let answer = try model.complete(request)
        #expect(answer == ChatResponse(text: #"{"a":1}"#, usage: TokenUsage(input: 12, output: 5)))
        let sent = try #require(server.received.first)
        #expect(sent.path == "/v1/chat/completions")
        #expect(sent.headers["authorization"] == "Bearer \(key)")
        let body = try #require(sent.json as? [String: Any])
        #expect(body["model"] as? String == "gpt-4o-mini")
        #expect(body["max_tokens"] as? Int == 50)
        #expect((body["response_format"] as? [String: Any])?["type"] as? String == "json_object")
        let messages = try #require(body["messages"] as? [[String: String]])
        #expect(messages == [["role": "system", "content": "Be brief."], ["role": "user", "content": "Say hi."]])
    }

    @Test func openAIAnswerThroughURLSessionIsTheSame() throws {
        let server = try TestServer { _, _ in
            .respond(status: 200, body: #"{"choices":[{"index":0,"message":{"role":"assistant","content":"hello"}}],"usage":{"prompt_tokens":2,"completion_tokens":1}}"#)
        }
        defer { server.stop() }
        let client = HTTPClient(timeout: 10, secrets: [key], alwaysURLSession: true)
        let model = OpenAIChatModel(spec: ModelSpec(provider: .openai, model: "m", baseURL: server.baseURL + "/v1", apiKey: key), client: client)
        #expect(try model.complete(request) == ChatResponse(text: "hello", usage: TokenUsage(input: 2, output: 1)))
        let sent = try #require(server.received.first)
        #expect(sent.headers["authorization"] == "Bearer \(key)")
        #expect((sent.json as? [String: Any])?["model"] as? String == "m")
    }

    @Test func anthropicRequestPrefillsTheBraceAndPutsItBack() throws {
        let server = try TestServer { _, _ in
            .respond(status: 200, body: #"{"id":"msg_1","type":"message","role":"assistant","model":"claude-3-5-haiku-latest","content":[{"type":"text","text":"\"a\": 1}"}],"stop_reason":"end_turn","usage":{"input_tokens":20,"output_tokens":4}}"#)
        }
        defer { server.stop() }
        let model = AnthropicChatModel(spec: ModelSpec(provider: .anthropic, model: "claude-3-5-haiku-latest", baseURL: server.baseURL, apiKey: key), client: client())
        let answer = try model.complete(request)
        #expect(answer == ChatResponse(text: #"{"a": 1}"#, usage: TokenUsage(input: 20, output: 4)))
        let sent = try #require(server.received.first)
        #expect(sent.path == "/v1/messages")
        #expect(sent.headers["x-api-key"] == key)
        #expect(sent.headers["anthropic-version"] == "2023-06-01")
        let body = try #require(sent.json as? [String: Any])
        #expect(body["system"] as? String == "Be brief.")
        let messages = try #require(body["messages"] as? [[String: String]])
        #expect(messages == [["role": "user", "content": "Say hi."], ["role": "assistant", "content": "{"]])
    }

    @Test func geminiRequestUsesSystemInstructionAndJSONMimeType() throws {
        let server = try TestServer { _, _ in
            .respond(status: 200, body: #"{"candidates":[{"content":{"parts":[{"text":"{\"a\":"},{"text":"1}"}],"role":"model"},"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":9,"candidatesTokenCount":3,"totalTokenCount":12}}"#)
        }
        defer { server.stop() }
        let model = GeminiChatModel(spec: ModelSpec(provider: .gemini, model: "gemini-2.0-flash", baseURL: server.baseURL, apiKey: key), client: client())
        let answer = try model.complete(request)
        #expect(answer == ChatResponse(text: #"{"a":1}"#, usage: TokenUsage(input: 9, output: 3)))
        let sent = try #require(server.received.first)
        #expect(sent.path == "/v1beta/models/gemini-2.0-flash:generateContent")
        #expect(sent.headers["x-goog-api-key"] == key)
        #expect(!sent.path.contains(key))
        let body = try #require(sent.json as? [String: Any])
        let config = try #require(body["generationConfig"] as? [String: Any])
        #expect(config["responseMimeType"] as? String == "application/json")
        #expect(config["maxOutputTokens"] as? Int == 50)
        let system = try #require((body["systemInstruction"] as? [String: Any])?["parts"] as? [[String: String]])
        #expect(system == [["text": "Be brief."]])
        let contents = try #require(body["contents"] as? [[String: Any]])
        #expect(contents.count == 1 && contents[0]["role"] as? String == "user")
    }

    @Test func ollamaRequestIsNonStreamingWithJSONFormat() throws {
        let server = try TestServer { _, _ in
            .respond(status: 200, body: #"{"model":"llama3.2","created_at":"2024-01-01T00:00:00Z","message":{"role":"assistant","content":"{\"a\":1}"},"done":true,"prompt_eval_count":30,"eval_count":6}"#)
        }
        defer { server.stop() }
        let model = OllamaChatModel(spec: ModelSpec(provider: .ollama, model: "llama3.2:1b", baseURL: server.baseURL), client: client())
        let answer = try model.complete(request)
        #expect(answer == ChatResponse(text: #"{"a":1}"#, usage: TokenUsage(input: 30, output: 6)))
        let sent = try #require(server.received.first)
        #expect(sent.path == "/api/chat")
        let body = try #require(sent.json as? [String: Any])
        #expect(body["stream"] as? Bool == false)
        #expect(body["format"] as? String == "json")
        #expect(body["model"] as? String == "llama3.2:1b")
        #expect((body["options"] as? [String: Any])?["num_predict"] as? Int == 50)
    }

    @Test func answerWithoutTheProviderShapeIsAnInvalidResponse() throws {
        let server = try TestServer { _, _ in .respond(status: 200, body: #"{"unexpected":true}"#) }
        defer { server.stop() }
        let model = OpenAIChatModel(spec: ModelSpec(provider: .openai, model: "m", baseURL: server.baseURL), client: client())
        let error = try #require(throws: LLMError.self) { try model.complete(request) }
        #expect(error.kind == .invalidResponse)
        #expect(server.count == 1)
    }
}

@Suite struct SchemaModeTests {
    let schema: JSON = ["type": "object", "properties": ["a": ["type": "integer"]]]

    @Test func openAIItselfGetsJSONSchemaMode() throws {
        let model = OpenAIChatModel(spec: ModelSpec(provider: .openai, model: "gpt-4o-mini", apiKey: "k"), client: HTTPClient())
        let body = model.body(ChatRequest(messages: [ChatMessage(.user, "x")], options: ChatOptions(format: .jsonSchema(name: "facets", schema: schema))))
        #expect(body[path: "response_format.type"] == .string("json_schema"))
        #expect(body[path: "response_format.json_schema.name"] == .string("facets"))
        #expect(body[path: "response_format.json_schema.schema"] == schema)
    }

    @Test func compatibleServersGetJSONObjectWithTheSchema() throws {
        let model = OpenAIChatModel(spec: ModelSpec(provider: .openai, model: "smol", baseURL: "http://127.0.0.1:8089/v1"), client: HTTPClient())
        let body = model.body(ChatRequest(messages: [ChatMessage(.user, "x")], options: ChatOptions(format: .jsonSchema(name: "facets", schema: schema))))
        #expect(body[path: "response_format.type"] == .string("json_object"))
        #expect(body[path: "response_format.schema"] == schema)
    }

    @Test func ollamaGetsTheSchemaAsFormat() throws {
        let model = OllamaChatModel(spec: ModelSpec(provider: .ollama, model: "llama3.2"), client: HTTPClient())
        let body = model.body(ChatRequest(messages: [ChatMessage(.user, "x")], options: ChatOptions(format: .jsonSchema(name: "facets", schema: schema))))
        #expect(body[path: "format"] == schema)
    }
}
