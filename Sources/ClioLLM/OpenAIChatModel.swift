import ClioCore

/// OpenAI Chat Completions (`POST {base}/chat/completions`), which vLLM, llama.cpp's server,
/// LM Studio and Ollama's `/v1` also speak.
public struct OpenAIChatModel: ChatModel {
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
        ]
        if let t = request.options.temperature { body["temperature"] = .number(t) }
        if let m = request.options.maxTokens { body["max_tokens"] = .number(Double(m)) }
        switch request.options.format {
        case .text: break
        case .jsonObject: body["response_format"] = ["type": "json_object"]
        case .jsonSchema(let name, let schema) where spec.baseURL == Provider.openai.defaultBaseURL:
            body["response_format"] = ["type": "json_schema", "json_schema": ["name": .string(name), "schema": schema, "strict": false]]
        case .jsonSchema(_, let schema):
            // OpenAI-compatible servers differ on `json_schema`; `json_object` is the common ground,
            // and llama.cpp's servers turn the extra `schema` into a grammar that forces the shape.
            body["response_format"] = ["type": "json_object", "schema": schema]
        }
        return .object(body)
    }

    public func complete(_ request: ChatRequest) throws -> ChatResponse {
        var headers: [(String, String)] = []
        if let key = spec.apiKey { headers.append(("Authorization", "Bearer \(key)")) }
        let answer = try client.postJSON(spec.baseURL + "/chat/completions", headers: headers, body: body(request))
        guard let message = answer[path: "choices.0.message"] else { throw missingField(.openai, "choices[0].message", in: answer) }
        let usage = TokenUsage(input: answer.count("usage.prompt_tokens"), output: answer.count("usage.completion_tokens"))
        guard let text = message[path: "content"]?.stringValue, !text.isEmpty else {
            let refusal = message[path: "refusal"]?.stringValue.map { ": \($0)" } ?? ""
            throw LLMError(.emptyAnswer, "the model gave no text\(refusal)")
        }
        return ChatResponse(text: text, usage: usage)
    }
}
