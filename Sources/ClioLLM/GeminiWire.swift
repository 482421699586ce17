import ClioCore

/// Google Gemini (`POST {base}/v1beta/models/{model}:generateContent`).
///
/// Structured answers as `responseMimeType: application/json` with `responseJsonSchema`
/// (`responseSchema` for models before 2.5). Thinking counts against `maxOutputTokens`, so it
/// is switched off where the model allows (2.5 Flash: a budget of 0) and kept at the lowest
/// level elsewhere, with room for it in the limit.
struct GeminiWire: ProviderWire {
    func endpoint(_ spec: ModelSpec) -> (url: String, headers: [(String, String)]) {
        var headers: [(String, String)] = []
        if let key = spec.apiKey { headers.append(("x-goog-api-key", key)) }
        // The API names models "models/…"; accept the name with or without that prefix.
        let model = spec.model.hasPrefix("models/") ? String(spec.model.dropFirst(7)) : spec.model
        return ("\(spec.baseURL)/v1beta/models/\(model.addingPercentEncodingForPath()):generateContent", headers)
    }

    func body(_ request: ChatRequest, mode: ModelProfile.StructuredMode, spec: ModelSpec, profile: ModelProfile) -> JSON {
        let contents: [JSON] = request.turns.map {
            ["role": .string($0.role == .assistant ? "model" : "user"), "parts": [["text": .string($0.content)]]]
        }
        var body: JSONObject = [:]
        if let system = request.systemText { body["systemInstruction"] = ["parts": [["text": .string(system)]]] }
        body["contents"] = .array(contents)
        var config: JSONObject = [:]
        if let t = request.options.temperature, profile.acceptsTemperature { config["temperature"] = .number(t) }
        config["maxOutputTokens"] = .number(Double(profile.outputLimit(forAnswer: request.options.maxTokens)))
        if let thinking = thinkingConfig(profile: profile, requested: spec.reasoning) { config["thinkingConfig"] = thinking }
        if case .json(_, let schema) = request.options.format {
            switch mode {
            case .responseJsonSchema:
                config["responseMimeType"] = "application/json"
                config["responseJsonSchema"] = SchemaDialect.geminiJSONSchema(schema)
            case .responseSchema:
                config["responseMimeType"] = "application/json"
                config["responseSchema"] = SchemaDialect.geminiOpenAPI(schema)
            case .jsonMime:
                config["responseMimeType"] = "application/json"
            default:
                break
            }
        }
        body["generationConfig"] = .object(config)
        return .object(body)
    }

    /// `--reasoning` as Gemini takes it: a level for Gemini 3, a token budget (a number, or a
    /// level mapped to one) for 2.5.
    func thinkingConfig(profile: ModelProfile, requested: String?) -> JSON? {
        switch profile.thinking {
        case .geminiLevel(let lowest):
            return ["thinkingLevel": .string(requested ?? lowest)]
        case .geminiBudget(let lowest):
            guard let requested else { return ["thinkingBudget": .number(Double(lowest))] }
            let budgets = ["none": 0, "minimal": 0, "low": 1024, "medium": 8192, "high": 24576]
            let budget = Int(requested) ?? budgets[requested] ?? lowest
            return ["thinkingBudget": .number(Double(budget))]
        default:
            return nil
        }
    }

    func decode(_ answer: JSON, mode: ModelProfile.StructuredMode) throws(LLMError) -> ChatResponse {
        // Thinking is billed as output.
        let usage = TokenUsage(
            input: answer.count("usageMetadata.promptTokenCount"),
            output: answer.count("usageMetadata.candidatesTokenCount") + answer.count("usageMetadata.thoughtsTokenCount"))
        guard let candidate = answer[path: "candidates.0"] else {
            if let reason = answer[path: "promptFeedback.blockReason"]?.stringValue {
                throw LLMError(.refused, "the prompt was blocked (\(reason))")
            }
            throw missingField(.gemini, "candidates[0]", in: answer)
        }
        let reason = candidate[path: "finishReason"]?.stringValue
        if reason == "MAX_TOKENS" {
            throw LLMError(.cut, "the answer was cut at the output limit (\(usage.output) tokens, thinking included)")
        }
        let parts = candidate[path: "content.parts"]?.arrayValue ?? []
        let text = parts.filter { $0[path: "thought"]?.boolValue != true }.compactMap { $0[path: "text"]?.stringValue }.joined()
        if ["SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII"].contains(reason ?? "") {
            throw LLMError(.refused, "the answer was blocked (\(reason!))")
        }
        guard !text.isEmpty else {
            throw LLMError(.emptyAnswer, "the model gave no text\(reason.map { " (finish reason: \($0))" } ?? "")")
        }
        return ChatResponse(text: text, usage: usage)
    }

    func modeParameters(_ mode: ModelProfile.StructuredMode) -> [String] {
        switch mode {
        case .responseJsonSchema: return ["responseJsonSchema", "response_json_schema"]
        case .responseSchema: return ["responseSchema", "response_schema"]
        case .jsonMime: return ["responseMimeType", "response_mime_type"]
        default: return []
        }
    }
}

extension String {
    /// Escapes what may not appear in one URL path segment; model names are plain in practice.
    public func addingPercentEncodingForPath() -> String {
        var out = ""
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count < 2 ? "0" + hex : hex)
            }
        }
        return out
    }
}
