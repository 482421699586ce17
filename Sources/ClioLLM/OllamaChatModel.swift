import ClioCore

/// Ollama's native chat API (`POST {base}/api/chat`, `stream: false`), with `format: "json"`
/// or a JSON Schema for structured answers.
public struct OllamaChatModel: ChatModel {
    public let spec: ModelSpec
    let client: HTTPClient

    public init(spec: ModelSpec, client: HTTPClient) {
        self.spec = spec
        self.client = client
    }

    public func body(_ request: ChatRequest) -> JSON {
        var body: JSONObject = [
            "model": .string(spec.model),
            "messages": .array(request.messages.map { ["role": .string($0.role.rawValue), "content": .string($0.content)] }),
            "stream": false,
        ]
        switch request.options.format {
        case .text: break
        case .jsonObject: body["format"] = "json"
        case .jsonSchema(_, let schema): body["format"] = schema
        }
        var options: JSONObject = [:]
        if let t = request.options.temperature { options["temperature"] = .number(t) }
        if let m = request.options.maxTokens { options["num_predict"] = .number(Double(m)) }
        if options.count > 0 { body["options"] = .object(options) }
        return .object(body)
    }

    public func complete(_ request: ChatRequest) throws -> ChatResponse {
        var headers: [(String, String)] = []
        if let key = spec.apiKey { headers.append(("Authorization", "Bearer \(key)")) }
        let answer = try client.postJSON(spec.baseURL + "/api/chat", headers: headers, body: body(request))
        if let error = answer[path: "error"]?.stringValue { throw LLMError(.invalidResponse, "ollama: \(error)") }
        guard let text = answer[path: "message.content"]?.stringValue else { throw missingField(.ollama, "message.content", in: answer) }
        guard !text.isEmpty else { throw LLMError(.emptyAnswer, "the model gave no text") }
        return ChatResponse(text: text, usage: TokenUsage(input: answer.count("prompt_eval_count"), output: answer.count("eval_count")))
    }
}
