import ClioCore

/// Anthropic Messages API (`POST {base}/v1/messages`).
///
/// Never a prefilled assistant turn: Claude 4.6 and later reject one. Structured answers go as
/// JSON outputs (`output_config.format`) on the models that have them, else as the input of a
/// forced tool call; Opus 4.7 and later get no temperature.
struct AnthropicWire: ProviderWire {
    static let apiVersion = "2023-06-01"

    func endpoint(_ spec: ModelSpec) -> (url: String, headers: [(String, String)]) {
        var headers: [(String, String)] = [("anthropic-version", AnthropicWire.apiVersion)]
        if let key = spec.apiKey { headers.append(("x-api-key", key)) }
        return (spec.baseURL + "/v1/messages", headers)
    }

    func body(_ request: ChatRequest, mode: ModelProfile.StructuredMode, spec: ModelSpec, profile: ModelProfile) -> JSON {
        var body: JSONObject = [
            "model": .string(spec.model),
            "max_tokens": .number(Double(profile.outputLimit(forAnswer: request.options.maxTokens))),
        ]
        if let system = request.systemText { body["system"] = .string(system) }
        body["messages"] = .array(request.turns.map { ["role": .string($0.role.rawValue), "content": .string($0.content)] })
        if let t = request.options.temperature, profile.acceptsTemperature { body["temperature"] = .number(t) }
        var outputConfig = JSONObject()
        if let effort = spec.reasoning { outputConfig["effort"] = .string(effort) }
        if case .json(let name, let schema) = request.options.format {
            switch mode {
            case .outputConfig:
                outputConfig["format"] = ["type": "json_schema", "schema": SchemaDialect.anthropic(schema)]
            case .tool:
                body["tools"] = [[
                    "name": .string(toolName(name)),
                    "description": "Give the answer through this tool's input.",
                    "input_schema": schema,
                ]]
                body["tool_choice"] = ["type": "tool", "name": .string(toolName(name))]
            default:
                break
            }
        }
        if outputConfig.count > 0 { body["output_config"] = .object(outputConfig) }
        return .object(body)
    }

    /// Tool names are `[a-zA-Z0-9_-]{1,64}`.
    func toolName(_ name: String) -> String {
        let kept = name.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
        let text = String(String.UnicodeScalarView(kept.prefix(64)))
        return text.isEmpty ? "answer" : text
    }

    func decode(_ answer: JSON, mode: ModelProfile.StructuredMode) throws(LLMError) -> ChatResponse {
        guard let content = answer[path: "content"]?.arrayValue else { throw missingField(.anthropic, "content", in: answer) }
        let usage = TokenUsage(input: answer.count("usage.input_tokens"), output: answer.count("usage.output_tokens"))
        switch answer[path: "stop_reason"]?.stringValue {
        case "max_tokens"?:
            throw LLMError(.cut, "the answer was cut at the output limit (\(usage.output) tokens)")
        case "refusal"?:
            throw LLMError(.refused, "the model refused to answer")
        default:
            break
        }
        var text = ""
        for block in content {
            switch block[path: "type"]?.stringValue {
            case "text"?: text += block[path: "text"]?.stringValue ?? ""
            case "tool_use"?:
                if let input = block[path: "input"] { text = JSONSerializer.string(input) }
            default: break
            }
        }
        guard !text.isEmpty else { throw LLMError(.emptyAnswer, "the model gave no text") }
        return ChatResponse(text: text, usage: usage)
    }

    func modeParameters(_ mode: ModelProfile.StructuredMode) -> [String] {
        switch mode {
        case .outputConfig: return ["output_config", "output_format", "structured output", "json_schema"]
        case .tool: return ["tool_choice", "tools."]
        default: return []
        }
    }
}
