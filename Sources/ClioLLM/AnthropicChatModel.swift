import ClioCore

/// Anthropic Messages API (`POST {base}/v1/messages`).
///
/// It has no JSON mode, so a JSON request prefills the assistant turn with `{`, which makes the
/// model continue a JSON object; the `{` is put back in front of the answer.
public struct AnthropicChatModel: ChatModel {
    public let spec: ModelSpec
    let client: HTTPClient
    static let apiVersion = "2023-06-01"

    public init(spec: ModelSpec, client: HTTPClient) {
        self.spec = spec
        self.client = client
    }

    func prefill(for request: ChatRequest) -> String? {
        switch request.options.format {
        case .text: return nil
        case .jsonObject, .jsonSchema:
            // A prefill only works when the last turn is the user's.
            return request.messages.last?.role == .user ? "{" : nil
        }
    }

    public func body(_ request: ChatRequest) -> JSON {
        var messages: [JSON] = request.messages.filter { $0.role != .system }.map {
            ["role": .string($0.role.rawValue), "content": .string($0.content)]
        }
        if let prefill = prefill(for: request) { messages.append(["role": "assistant", "content": .string(prefill)]) }
        var body: JSONObject = ["model": .string(spec.model), "max_tokens": .number(Double(request.options.maxTokens ?? 1024))]
        if let system = request.systemText { body["system"] = .string(system) }
        body["messages"] = .array(messages)
        if let t = request.options.temperature { body["temperature"] = .number(t) }
        return .object(body)
    }

    public func complete(_ request: ChatRequest) throws -> ChatResponse {
        var headers: [(String, String)] = [("anthropic-version", AnthropicChatModel.apiVersion)]
        if let key = spec.apiKey { headers.append(("x-api-key", key)) }
        let answer = try client.postJSON(spec.baseURL + "/v1/messages", headers: headers, body: body(request))
        guard let content = answer[path: "content"]?.arrayValue else { throw missingField(.anthropic, "content", in: answer) }
        let text = content.compactMap { block -> String? in
            block[path: "type"]?.stringValue == "text" ? block[path: "text"]?.stringValue : nil
        }.joined()
        let usage = TokenUsage(input: answer.count("usage.input_tokens"), output: answer.count("usage.output_tokens"))
        guard !text.isEmpty else {
            let reason = answer[path: "stop_reason"]?.stringValue.map { " (stop reason: \($0))" } ?? ""
            throw LLMError(.emptyAnswer, "the model gave no text\(reason)")
        }
        return ChatResponse(text: (prefill(for: request) ?? "") + text, usage: usage)
    }
}
