import ClioCore

/// Google Gemini (`POST {base}/v1beta/models/{model}:generateContent`), with
/// `responseMimeType: application/json` (and `responseSchema` when given) for JSON answers.
public struct GeminiChatModel: ChatModel {
    public let spec: ModelSpec
    let client: HTTPClient

    public init(spec: ModelSpec, client: HTTPClient) {
        self.spec = spec
        self.client = client
    }

    public func body(_ request: ChatRequest) -> JSON {
        let contents: [JSON] = request.messages.filter { $0.role != .system }.map {
            ["role": .string($0.role == .assistant ? "model" : "user"), "parts": [["text": .string($0.content)]]]
        }
        var body: JSONObject = [:]
        if let system = request.systemText { body["systemInstruction"] = ["parts": [["text": .string(system)]]] }
        body["contents"] = .array(contents)
        var config: JSONObject = [:]
        if let t = request.options.temperature { config["temperature"] = .number(t) }
        if let m = request.options.maxTokens { config["maxOutputTokens"] = .number(Double(m)) }
        switch request.options.format {
        case .text: break
        case .jsonObject: config["responseMimeType"] = "application/json"
        case .jsonSchema:
            // Gemini's responseSchema is an OpenAPI subset that rejects parts of JSON Schema
            // (additionalProperties, minLength); the JSON mode plus validation is the portable choice.
            config["responseMimeType"] = "application/json"
        }
        if config.count > 0 { body["generationConfig"] = .object(config) }
        return .object(body)
    }

    public func complete(_ request: ChatRequest) throws -> ChatResponse {
        var headers: [(String, String)] = []
        if let key = spec.apiKey { headers.append(("x-goog-api-key", key)) }
        let model = spec.model.addingPercentEncodingForPath()
        let answer = try client.postJSON("\(spec.baseURL)/v1beta/models/\(model):generateContent", headers: headers, body: body(request))
        let usage = TokenUsage(input: answer.count("usageMetadata.promptTokenCount"), output: answer.count("usageMetadata.candidatesTokenCount"))
        guard let candidate = answer[path: "candidates.0"] else {
            if let reason = answer[path: "promptFeedback.blockReason"]?.stringValue {
                throw LLMError(.emptyAnswer, "the prompt was blocked (\(reason))")
            }
            throw missingField(.gemini, "candidates[0]", in: answer)
        }
        let parts = candidate[path: "content.parts"]?.arrayValue ?? []
        let text = parts.compactMap { $0[path: "text"]?.stringValue }.joined()
        guard !text.isEmpty else {
            let reason = candidate[path: "finishReason"]?.stringValue.map { " (finish reason: \($0))" } ?? ""
            throw LLMError(.emptyAnswer, "the model gave no text\(reason)")
        }
        return ChatResponse(text: text, usage: usage)
    }
}

extension String {
    /// Escapes what may not appear in one URL path segment; model names are plain in practice.
    func addingPercentEncodingForPath() -> String {
        var out = ""
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }

    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
