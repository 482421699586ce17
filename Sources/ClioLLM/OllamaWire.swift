import ClioCore

/// Ollama's native chat API (`POST {base}/api/chat`, `stream: false`), with `format: <schema>`
/// for structured answers and `think: false` for thinking models, whose thinking would otherwise
/// count against `num_predict`.
struct OllamaWire: ProviderWire {
    func endpoint(_ spec: ModelSpec) -> (url: String, headers: [(String, String)]) {
        var headers: [(String, String)] = []
        if let key = spec.apiKey { headers.append(("Authorization", "Bearer \(key)")) }
        return (spec.baseURL + "/api/chat", headers)
    }

    func body(_ request: ChatRequest, mode: ModelProfile.StructuredMode, spec: ModelSpec, profile: ModelProfile) -> JSON {
        var body: JSONObject = [
            "model": .string(spec.model),
            "messages": .array(request.messages.map { ["role": .string($0.role.rawValue), "content": .string($0.content)] }),
            "stream": false,
        ]
        if case .json(_, let schema) = request.options.format {
            switch mode {
            case .formatSchema: body["format"] = schema
            case .formatJSON: body["format"] = "json"
            default: break
            }
        }
        if let requested = spec.reasoning {
            // A level for models that take one (gpt-oss), on/off for the others.
            if requested == "none" {
                body["think"] = false
            } else if profile.reasoningLevels.isEmpty {
                body["think"] = true
            } else {
                body["think"] = .string(requested)
            }
        } else {
            switch profile.thinking {
            case .ollamaOff: body["think"] = false
            case .ollamaLevel(let level): body["think"] = .string(level)
            default: break
            }
        }
        var options: JSONObject = [:]
        if let t = request.options.temperature, profile.acceptsTemperature { options["temperature"] = .number(t) }
        options["num_predict"] = .number(Double(profile.outputLimit(forAnswer: request.options.maxTokens)))
        body["options"] = .object(options)
        return .object(body)
    }

    func decode(_ answer: JSON, mode: ModelProfile.StructuredMode) throws(LLMError) -> ChatResponse {
        if let error = answer[path: "error"]?.stringValue { throw LLMError(.invalidResponse, "ollama: \(error)") }
        guard let text = answer[path: "message.content"]?.stringValue else { throw missingField(.ollama, "message.content", in: answer) }
        let usage = TokenUsage(input: answer.count("prompt_eval_count"), output: answer.count("eval_count"))
        if answer[path: "done_reason"]?.stringValue == "length" {
            throw LLMError(.cut, "the answer was cut at the output limit (\(usage.output) tokens, thinking included)")
        }
        guard !text.isEmpty else { throw LLMError(.emptyAnswer, "the model gave no text") }
        return ChatResponse(text: text, usage: usage)
    }

    func modeParameters(_ mode: ModelProfile.StructuredMode) -> [String] {
        switch mode {
        case .formatSchema, .formatJSON: return ["format"]
        default: return []
        }
    }
}
