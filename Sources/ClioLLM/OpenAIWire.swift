import ClioCore

/// OpenAI Chat Completions (`POST {base}/chat/completions`), which vLLM, llama.cpp's server,
/// LM Studio and Ollama's `/v1` also speak.
///
/// Reasoning models (o-series, gpt-5 and later) take `max_completion_tokens`, a reasoning effort
/// and no temperature (gpt-5.1 and later: a temperature only at effort `none`); structured
/// answers go as `response_format: json_schema`, strict when the schema allows.
struct OpenAIWire: ProviderWire {
    func endpoint(_ spec: ModelSpec) -> (url: String, headers: [(String, String)]) {
        var headers: [(String, String)] = []
        if let key = spec.apiKey { headers.append(("Authorization", "Bearer \(key)")) }
        return (spec.baseURL + "/chat/completions", headers)
    }

    func body(_ request: ChatRequest, mode: ModelProfile.StructuredMode, spec: ModelSpec, profile: ModelProfile) -> JSON {
        var messages = request.messages
        // o1-mini and o1-preview take no system message: it goes in front of the first turn.
        if profile.family == .openAIReasoning, profile.reasoningLevels.isEmpty, let system = request.systemText {
            messages = request.turns
            if let first = messages.indices.first { messages[first].content = system + "\n\n" + messages[first].content }
        }
        var body: JSONObject = [
            "model": .string(spec.model),
            "messages": .array(messages.map { ["role": .string($0.role.rawValue), "content": .string($0.content)] }),
        ]
        body[profile.outputLimitField] = .number(Double(profile.outputLimit(forAnswer: request.options.maxTokens)))
        let effort = profile.reasoningEffort(requested: spec.reasoning)
        if let effort, profile.family == .openAIReasoning || spec.reasoning != nil { body["reasoning_effort"] = .string(effort) }
        if let t = request.options.temperature, profile.sendsTemperature(effort: effort) { body["temperature"] = .number(t) }
        if case .json(let name, let schema) = request.options.format {
            switch mode {
            case .jsonSchema:
                var format: JSONObject = ["name": .string(name), "schema": schema]
                if SchemaDialect.isStrictCompatible(schema) { format["strict"] = true }
                body["response_format"] = ["type": "json_schema", "json_schema": .object(format)]
            case .jsonObject:
                var format: JSONObject = ["type": "json_object"]
                // llama.cpp's servers turn the extra `schema` into a grammar; OpenAI takes no extras.
                if profile.family == .openAICompatible { format["schema"] = schema }
                body["response_format"] = .object(format)
            default:
                break
            }
        }
        return .object(body)
    }

    func decode(_ answer: JSON, mode: ModelProfile.StructuredMode) throws(LLMError) -> ChatResponse {
        guard let choice = answer[path: "choices.0"], let message = choice[path: "message"] else {
            throw missingField(.openai, "choices[0].message", in: answer)
        }
        let usage = TokenUsage(input: answer.count("usage.prompt_tokens"), output: answer.count("usage.completion_tokens"))
        let text = message[path: "content"]?.stringValue ?? ""
        if let refusal = message[path: "refusal"]?.stringValue, !refusal.isEmpty {
            throw LLMError(.refused, "the model refused: \(refusal)")
        }
        switch choice[path: "finish_reason"]?.stringValue {
        case "length"?:
            throw LLMError(.cut, "the answer was cut at the output limit (\(usage.output) tokens)")
        case "content_filter"?:
            throw LLMError(.refused, "the answer was withheld by the provider's content filter")
        default:
            break
        }
        guard !text.isEmpty else { throw LLMError(.emptyAnswer, "the model gave no text") }
        return ChatResponse(text: text, usage: usage)
    }

    func modeParameters(_ mode: ModelProfile.StructuredMode) -> [String] {
        switch mode {
        case .jsonSchema: return ["response_format", "json_schema"]
        case .jsonObject: return ["response_format", "json_object"]
        default: return []
        }
    }
}
