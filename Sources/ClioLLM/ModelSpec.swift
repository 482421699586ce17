import ClioCore

/// The chat APIs clio speaks.
public enum Provider: String, CaseIterable, Sendable {
    /// OpenAI Chat Completions, and every server that copies it (vLLM, llama.cpp, LM Studio,
    /// Ollama's `/v1`) through `--base-url`.
    case openai
    /// Anthropic Messages API.
    case anthropic
    /// Google Gemini `generateContent`.
    case gemini
    /// Ollama's native `/api/chat`.
    case ollama

    public var defaultBaseURL: String {
        switch self {
        case .openai: return "https://api.openai.com/v1"
        case .anthropic: return "https://api.anthropic.com"
        case .gemini: return "https://generativelanguage.googleapis.com"
        case .ollama: return "http://localhost:11434"
        }
    }

    /// Environment variables that may hold the key, in the order they are tried.
    public var keyVariables: [String] {
        switch self {
        case .openai: return ["OPENAI_API_KEY"]
        case .anthropic: return ["ANTHROPIC_API_KEY"]
        case .gemini: return ["GEMINI_API_KEY", "GOOGLE_API_KEY"]
        case .ollama: return []
        }
    }
}

/// A resolved model: provider, model name, endpoint and key.
///
/// The key is never part of any text this value produces (`description`, `debugDescription`,
/// reflection), nor of a cache key; it only goes into the request header.
public struct ModelSpec: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var provider: Provider
    public var model: String
    /// Without a trailing slash.
    public var baseURL: String
    public var apiKey: String?
    /// `--reasoning LEVEL`: the reasoning effort (OpenAI), thinking level (Gemini, Ollama) or
    /// effort (Anthropic) to ask for; nil for the lowest the model allows (`ModelProfile`).
    public var reasoning: String?

    public init(provider: Provider, model: String, baseURL: String? = nil, apiKey: String? = nil, reasoning: String? = nil) {
        self.provider = provider
        self.model = model
        self.reasoning = reasoning
        var base = baseURL ?? provider.defaultBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.apiKey = apiKey
    }

    /// `provider:model`, as written in `--model` and in the `summarizer` field.
    public var name: String { "\(provider.rawValue):\(model)" }
    public var description: String { name }
    public var debugDescription: String { "\(name) at \(baseURL)" }
    public var customMirror: Mirror { Mirror(self, children: ["name": name, "baseURL": baseURL]) }

    /// What identifies the answering model in a cache key: never the key itself.
    public var cacheIdentity: [String] {
        [provider.rawValue, model, baseURL] + (reasoning.map { ["reasoning=\($0)"] } ?? [])
    }

    /// What clio knows about this model's API (parameters, thinking, structured answers).
    public var profile: ModelProfile { ModelProfile.of(self) }

    /// Reads `--model` / `--base-url`, falling back to `CLIO_MODEL` / `CLIO_BASE_URL`, and finds the
    /// key in the environment. Returns nil when no model is configured at all (the caller then
    /// uses its offline fallback). A missing key is a usage error naming the variable; an OpenAI
    /// model with a custom base URL may run without one (llama.cpp, vLLM), and so may any model
    /// when `requireKey` is false (a dry run).
    public static func resolve(model: String?, baseURL: String?, environment: [String: String], requireKey: Bool = true) throws(UsageError) -> ModelSpec? {
        func nonEmpty(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }
        guard let text = nonEmpty(model) ?? nonEmpty(environment["CLIO_MODEL"]) else {
            if nonEmpty(baseURL) != nil { throw UsageError("--base-url needs --model PROVIDER:MODEL (or CLIO_MODEL)") }
            return nil
        }
        let (provider, name) = try parse(text)
        let base = nonEmpty(baseURL) ?? nonEmpty(environment["CLIO_BASE_URL"])
        if let base, !(base.hasPrefix("http://") || base.hasPrefix("https://")) {
            throw UsageError("base URL must start with http:// or https://, got '\(base)'")
        }
        var key: String?
        for variable in provider.keyVariables {
            if let value = nonEmpty(environment[variable]) {
                key = value
                break
            }
        }
        if key == nil && !provider.keyVariables.isEmpty && requireKey {
            let keyless = provider == .openai && base != nil
            if !keyless {
                let names = provider.keyVariables.joined(separator: " or ")
                throw UsageError("model \(provider.rawValue):\(name) needs an API key in \(names)")
            }
        }
        return ModelSpec(provider: provider, model: name, baseURL: base, apiKey: key)
    }

    /// Splits `provider:model` at the first colon, so Ollama tags (`ollama:llama3.2:1b`) survive.
    public static func parse(_ text: String) throws(UsageError) -> (Provider, String) {
        let providers = Provider.allCases.map(\.rawValue).joined(separator: ", ")
        guard let colon = text.firstIndex(of: ":") else {
            throw UsageError("model must be PROVIDER:MODEL with PROVIDER one of \(providers), got '\(text)'")
        }
        let prefix = String(text[..<colon]).lowercased()
        let name = String(text[text.index(after: colon)...])
        guard let provider = Provider(rawValue: prefix) else {
            throw UsageError("unknown model provider '\(prefix)'; expected one of \(providers)")
        }
        guard !name.isEmpty else { throw UsageError("model name is missing in '\(text)'") }
        return (provider, name)
    }

    /// Builds the chat model for this spec.
    public func makeModel(client: HTTPClient) -> any ChatModel {
        ProviderChatModel(spec: self, client: client)
    }
}
