/// What clio knows about a model, decided in one place from the provider, the model id and the
/// endpoint: which parameters its API accepts, how it is kept from thinking, and how it is asked
/// for a structured answer.
///
/// The rules follow the providers' documentation (docs/llm.md lists them with their sources);
/// an id this table does not know gets its family's defaults, chosen so that a request stays
/// valid: sampling parameters are left out where a family may reject them, and the structured
/// answer falls back one mode at a time when a server says it does not support one.
public struct ModelProfile: Equatable, Sendable {
    public enum Family: String, Sendable {
        /// OpenAI's non-reasoning chat models (gpt-4o, gpt-4.1, gpt-5-chat…).
        case openAIChat = "openai-chat"
        /// OpenAI's reasoning models (o1, o3, o4-mini, gpt-5 and later).
        case openAIReasoning = "openai-reasoning"
        /// Any other server speaking Chat Completions (llama.cpp, vLLM, LM Studio, Ollama's /v1).
        case openAICompatible = "openai-compatible"
        case anthropic
        case gemini
        case ollama
    }

    /// How a structured answer is asked for, in the provider's own terms.
    public enum StructuredMode: String, Sendable {
        /// OpenAI `response_format: {type: json_schema}` (strict when the schema allows).
        case jsonSchema = "json_schema"
        /// `response_format: {type: json_object}`, with the schema beside it for servers that
        /// turn it into a grammar (llama.cpp).
        case jsonObject = "json_object"
        /// Anthropic `output_config.format` (JSON outputs).
        case outputConfig = "output_config"
        /// Anthropic: the answer as the input of one forced tool call.
        case tool
        /// Gemini `responseMimeType` with `responseJsonSchema` (JSON Schema).
        case responseJsonSchema
        /// Gemini `responseMimeType` with `responseSchema` (the OpenAPI subset).
        case responseSchema
        /// Gemini `responseMimeType: application/json` alone.
        case jsonMime
        /// Ollama `format: <schema>`.
        case formatSchema = "format_schema"
        /// Ollama `format: "json"`.
        case formatJSON = "format_json"
        /// Plain text; the JSON object is found in the answer and validated like any other.
        case text
    }

    /// How a model that thinks inside its output limit is kept from spending it.
    public enum Thinking: Equatable, Sendable {
        case notApplicable
        /// Gemini 2.5 `thinkingConfig.thinkingBudget`.
        case geminiBudget(Int)
        /// Gemini 3 `thinkingConfig.thinkingLevel`.
        case geminiLevel(String)
        /// Ollama `think: false`.
        case ollamaOff
        /// Ollama `think: "low"` for models that cannot switch thinking off (gpt-oss).
        case ollamaLevel(String)
    }

    public var family: Family
    /// Whether a sampling temperature may be sent.
    public var acceptsTemperature: Bool
    /// Whether a temperature may be sent only together with reasoning effort `none`.
    public var temperatureOnlyWithoutReasoning: Bool
    /// Reasoning efforts the model accepts, lowest first; empty when it takes none.
    public var reasoningLevels: [String]
    /// The body field that limits the answer's length.
    public var outputLimitField: String
    public var thinking: Thinking
    /// Tokens added to an answer's own budget for thinking that counts against the limit.
    public var thinkingHeadroom: Int
    /// Structured-answer modes, preferred first; a server's refusal of one moves to the next.
    public var structuredModes: [StructuredMode]

    /// The profile of `spec`'s model.
    public static func of(_ spec: ModelSpec) -> ModelProfile {
        let id = ModelID(spec.model)
        switch spec.provider {
        case .openai: return openAI(id, baseURL: spec.baseURL)
        case .anthropic: return anthropic(id)
        case .gemini: return gemini(id)
        case .ollama: return ollama(id)
        }
    }

    /// The reasoning effort to send: the one asked for (`--reasoning`), else the lowest the model
    /// allows; nil for models that take none.
    public func reasoningEffort(requested: String?) -> String? {
        if let requested { return requested }
        return reasoningLevels.first
    }

    /// The output limit for an answer that itself needs `tokens`.
    public func outputLimit(forAnswer tokens: Int) -> Int { tokens + thinkingHeadroom }

    /// Whether `temperature` is sent, given the reasoning effort that is.
    public func sendsTemperature(effort: String?) -> Bool {
        if temperatureOnlyWithoutReasoning { return effort == "none" }
        return acceptsTemperature
    }

    // MARK: Families

    static func openAI(_ id: ModelID, baseURL: String) -> ModelProfile {
        // OpenAI's per-model rules hold for OpenAI itself, Azure's copy of it, and any endpoint
        // serving a model by OpenAI's own name (a proxy, a gateway); any other model behind
        // --base-url is taken to be on a generic Chat Completions server (llama.cpp, vLLM, LM Studio).
        let host = hostOf(baseURL)
        let openAIName = id.lowercased.range(of: #"^(gpt-[0-9]|o[1-9]([-.]|$)|chatgpt-)"#, options: .regularExpression) != nil
        guard host == "api.openai.com" || host.hasSuffix(".openai.azure.com") || openAIName else {
            return ModelProfile(
                family: .openAICompatible, acceptsTemperature: true, temperatureOnlyWithoutReasoning: false, reasoningLevels: [],
                outputLimitField: "max_tokens", thinking: .notApplicable,
                // Thinking models served this way (qwen3, deepseek-r1) think inside max_tokens.
                thinkingHeadroom: 4096, structuredModes: [.jsonSchema, .jsonObject, .text])
        }
        let name = id.lowercased
        var profile = ModelProfile(
            family: .openAIChat, acceptsTemperature: true, temperatureOnlyWithoutReasoning: false, reasoningLevels: [],
            outputLimitField: "max_completion_tokens", thinking: .notApplicable, thinkingHeadroom: 0,
            structuredModes: [.jsonSchema, .jsonObject, .text])
        let oSeries = name.range(of: #"^o[1-9]([-.]|$)"#, options: .regularExpression) != nil
        let gpt = id.version(after: "gpt-")
        let isChat = name.contains("-chat")
        if oSeries {
            profile.family = .openAIReasoning
            profile.acceptsTemperature = false
            // o1-mini and o1-preview predate reasoning_effort.
            profile.reasoningLevels = name.hasPrefix("o1-mini") || name.hasPrefix("o1-preview") ? [] : ["low", "medium", "high"]
            profile.thinkingHeadroom = 8192
        } else if let version = gpt, version.major >= 5, !isChat {
            profile.family = .openAIReasoning
            profile.acceptsTemperature = false
            if name.contains("-pro") {
                profile.reasoningLevels = ["high"]
            } else if name.contains("codex") {
                profile.reasoningLevels = ["low", "medium", "high"]
            } else if version.major == 5 && version.minor == 0 {
                profile.reasoningLevels = ["minimal", "low", "medium", "high"]
            } else if version.major == 5 && version.minor == 1 {
                profile.reasoningLevels = ["none", "low", "medium", "high"]
                profile.temperatureOnlyWithoutReasoning = true
            } else {
                profile.reasoningLevels = ["none", "low", "medium", "high", "xhigh"]
                profile.temperatureOnlyWithoutReasoning = true
            }
            // Reasoning tokens count against max_completion_tokens; at the lowest effort a few
            // hundred at most, but a re-ask after a cut answer doubles the limit anyway.
            profile.thinkingHeadroom = profile.reasoningLevels.first == "none" ? 1024 : 4096
        }
        return profile
    }

    static func anthropic(_ id: ModelID) -> ModelProfile {
        // claude-<tier>-<major>[-<minor>] (2025 on) or claude-<major>[-<minor>]-<tier> (before).
        let name = id.lowercased
        let version = id.claudeVersion
        let newTier = name.contains("fable") || name.contains("mythos")
        // Opus 4.7 and everything after it reject temperature; leaving it out is always valid,
        // so a model this table does not know is asked without one.
        let acceptsTemperature = version.map { $0 < ModelID.Version(4, 7) } ?? false
        // JSON outputs came with the 4.5 models; older ones, and the Fable/Mythos tier (which
        // Anthropic lists without them), answer through a forced tool call.
        let modes: [StructuredMode]
        if newTier || version.map({ $0 < ModelID.Version(4, 5) }) == true {
            modes = [.tool, .text]
        } else {
            modes = [.outputConfig, .tool, .text]
        }
        return ModelProfile(
            family: .anthropic, acceptsTemperature: acceptsTemperature, temperatureOnlyWithoutReasoning: false,
            reasoningLevels: [], outputLimitField: "max_tokens", thinking: .notApplicable, thinkingHeadroom: 0, structuredModes: modes)
    }

    static func gemini(_ id: ModelID) -> ModelProfile {
        let name = id.lowercased
        let version = id.version(after: "gemini-")
        var profile = ModelProfile(
            family: .gemini, acceptsTemperature: true, temperatureOnlyWithoutReasoning: false, reasoningLevels: [],
            outputLimitField: "maxOutputTokens", thinking: .notApplicable, thinkingHeadroom: 0,
            structuredModes: [.responseJsonSchema, .responseSchema, .jsonMime, .text])
        let flash = name.contains("flash")
        switch version {
        case let v? where v.major >= 3:
            // Gemini 3 cannot switch thinking off; Flash models go as low as "minimal", Pro as "low".
            // Google advises keeping Gemini 3 at its default temperature.
            profile.acceptsTemperature = false
            profile.reasoningLevels = flash ? ["minimal", "low", "medium", "high"] : ["low", "high"]
            profile.thinking = .geminiLevel(profile.reasoningLevels[0])
            profile.thinkingHeadroom = 8192
        case let v? where v.major == 2 && v.minor >= 5:
            // 2.5 Flash and Flash-Lite switch thinking off with a budget of 0; 2.5 Pro needs at least 128.
            profile.thinking = flash ? .geminiBudget(0) : .geminiBudget(128)
            profile.thinkingHeadroom = flash ? 0 : 2048
        case let v? where v.major < 2 || (v.major == 2 && v.minor < 5):
            profile.structuredModes = [.responseSchema, .jsonMime, .text]
        default:
            // A name without a version ("gemini-flash-latest"): the current generation's rules.
            profile.acceptsTemperature = false
            profile.reasoningLevels = flash ? ["minimal", "low", "medium", "high"] : ["low", "high"]
            profile.thinking = .geminiLevel(profile.reasoningLevels[0])
            profile.thinkingHeadroom = 8192
        }
        return profile
    }

    static func ollama(_ id: ModelID) -> ModelProfile {
        let name = id.lowercased
        var profile = ModelProfile(
            family: .ollama, acceptsTemperature: true, temperatureOnlyWithoutReasoning: false, reasoningLevels: [],
            outputLimitField: "num_predict", thinking: .notApplicable, thinkingHeadroom: 0,
            structuredModes: [.formatSchema, .formatJSON, .text])
        if name.hasPrefix("gpt-oss") {
            // gpt-oss always thinks; `think` takes a level, and false is ignored.
            profile.reasoningLevels = ["low", "medium", "high"]
            profile.thinking = .ollamaLevel("low")
            profile.thinkingHeadroom = 8192
        } else if ["qwen3", "deepseek-r1", "deepseek-v3.1", "magistral", "qwq", "phi4-reasoning", "cogito"].contains(where: { name.hasPrefix($0) }) {
            profile.thinking = .ollamaOff
            // Some builds ignore `think: false`; room for what they think anyway.
            profile.thinkingHeadroom = 2048
        }
        return profile
    }

    static func hostOf(_ url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        let end = rest.firstIndex { $0 == "/" || $0 == ":" } ?? rest.endIndex
        return rest[..<end].lowercased()
    }
}

/// A model id, read for the version numbers and tiers the family rules depend on.
struct ModelID {
    struct Version: Comparable, Equatable {
        var major: Int
        var minor: Int
        init(_ major: Int, _ minor: Int) {
            self.major = major
            self.minor = minor
        }
        static func < (a: Version, b: Version) -> Bool { (a.major, a.minor) < (b.major, b.minor) }
    }

    let lowercased: String

    init(_ id: String) {
        var name = id.lowercased()
        // Fine-tunes (ft:gpt-4o-mini:org::id) and router prefixes (openai/gpt-5) name their base model.
        if name.hasPrefix("ft:") { name = String(name.dropFirst(3)) }
        if let slash = name.lastIndex(of: "/") { name = String(name[name.index(after: slash)...]) }
        lowercased = name
    }

    /// `5.1` from `gpt-5.1-mini` for the prefix `gpt-`; nil when the prefix or number is missing.
    func version(after prefix: String) -> Version? {
        guard lowercased.hasPrefix(prefix) else { return nil }
        let rest = lowercased.dropFirst(prefix.count)
        let major = rest.prefix { $0.isNumber }
        guard let m = Int(major) else { return nil }
        var minor = 0
        let after = rest.dropFirst(major.count)
        if after.first == "." {
            let digits = after.dropFirst().prefix { $0.isNumber }
            minor = Int(digits) ?? 0
        }
        return Version(m, minor)
    }

    /// Claude's generation: `claude-opus-4-7` → 4.7, `claude-haiku-4-5-20251001` → 4.5,
    /// `claude-3-5-sonnet-latest` → 3.5, `claude-sonnet-4-20250514` → 4.0.
    var claudeVersion: Version? {
        guard lowercased.hasPrefix("claude-") else { return nil }
        let parts = lowercased.dropFirst(7).split(separator: "-").map(String.init)
        // A number of one or two digits is a version part; a date (8 digits) ends it.
        func small(_ s: String) -> Int? { s.count <= 2 ? Int(s) : nil }
        if let first = parts.first, let major = small(first) {
            let minor = parts.count > 1 ? small(parts[1]) ?? 0 : 0
            return Version(major, minor)
        }
        guard parts.count >= 2, let major = small(parts[1]) else { return nil }
        let minor = parts.count > 2 ? small(parts[2]) ?? 0 : 0
        return Version(major, minor)
    }
}
