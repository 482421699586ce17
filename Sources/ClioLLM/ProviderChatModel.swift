import ClioCore

/// One provider's wire format: the HTTP request for a chat request, and the answer read back.
/// Both are pure functions of their inputs, so tests and fuzzers drive them without a network.
protocol ProviderWire: Sendable {
    /// The URL and headers (the key among them) of a call.
    func endpoint(_ spec: ModelSpec) -> (url: String, headers: [(String, String)])
    /// The body of `request`, asking for a structured answer in `mode`.
    func body(_ request: ChatRequest, mode: ModelProfile.StructuredMode, spec: ModelSpec, profile: ModelProfile) -> JSON
    /// The answer in a 2xx body; `.cut`, `.refused`, `.emptyAnswer` or `.invalidResponse` otherwise.
    func decode(_ answer: JSON, mode: ModelProfile.StructuredMode) throws(LLMError) -> ChatResponse
    /// Words in an error message that name the parameter carrying `mode`.
    func modeParameters(_ mode: ModelProfile.StructuredMode) -> [String]
}

/// A chat model over one provider's HTTP API, with the decisions of its `ModelProfile`.
///
/// Two things are learnt during a run and shared by every worker: when a server says it does
/// not support the structured-answer mode in use, the next mode of the profile is used from
/// then on (one notice on stderr); and when the provider rejects the configuration itself (an
/// invalid key, an unknown model, a parameter it refuses), that error is kept and every later
/// call fails with it at once, so a run stops at the first one instead of failing every record.
public final class ProviderChatModel: ChatModel, @unchecked Sendable {
    public let spec: ModelSpec
    public let profile: ModelProfile
    let client: HTTPClient
    let wire: any ProviderWire
    private let lock = Mutex()
    private var modeIndex = 0
    private var fatal: LLMError?

    public init(spec: ModelSpec, client: HTTPClient) {
        self.spec = spec
        self.profile = spec.profile
        self.client = client
        switch spec.provider {
        case .openai: wire = OpenAIWire()
        case .anthropic: wire = AnthropicWire()
        case .gemini: wire = GeminiWire()
        case .ollama: wire = OllamaWire()
        }
    }

    /// The structured-answer mode calls use now.
    public var structuredMode: ModelProfile.StructuredMode {
        lock.withLock { profile.structuredModes[min(modeIndex, profile.structuredModes.count - 1)] }
    }

    /// The body that would be sent for `request` now (tests, `--dry-run`).
    public func body(_ request: ChatRequest) -> JSON {
        wire.body(request, mode: mode(for: request), spec: spec, profile: profile)
    }

    func mode(for request: ChatRequest) -> ModelProfile.StructuredMode {
        if case .text = request.options.format { return .text }
        return structuredMode
    }

    public func complete(_ request: ChatRequest) throws -> ChatResponse {
        while true {
            if let fatal = lock.withLock({ fatal }) { throw fatal }
            let mode = mode(for: request)
            let (url, headers) = wire.endpoint(spec)
            let body = wire.body(request, mode: mode, spec: spec, profile: profile)
            let response = try client.send(HTTPRequest(url: url, headers: headers, body: JSONSerializer.bytes(body)))
            if (200...299).contains(response.status) {
                let answer: JSON
                do {
                    answer = try JSONParser.parse(response.body)
                } catch {
                    throw LLMError(.invalidResponse, "the server's answer is not JSON: \(client.snippet(response.body))")
                }
                return try wire.decode(answer, mode: mode)
            }
            let message = ProviderError.message(in: response.body) ?? client.snippet(response.body)
            let place = "\(spec.provider.rawValue) (HTTP \(response.status))"
            switch ProviderError.classify(status: response.status, message: message, sent: body, modeWords: wire.modeParameters(mode)) {
            case .modeRejected where mode != .text:
                if downgrade(from: mode) { continue }
                return try failConfiguration(place: place, message: message, status: response.status)
            case .modeRejected, .configuration:
                return try failConfiguration(place: place, message: message, status: response.status)
            case .thisCall:
                throw LLMError(.http, "\(place): \(client.redact(message))", status: response.status)
            }
        }
    }

    /// Moves to the mode after `mode`; false when there is none. Only the first worker to see
    /// the refusal moves it (the others retry with the new mode).
    private func downgrade(from mode: ModelProfile.StructuredMode) -> Bool {
        let (moved, next): (Bool, ModelProfile.StructuredMode?) = lock.withLock {
            let current = profile.structuredModes[min(modeIndex, profile.structuredModes.count - 1)]
            if current != mode { return (true, nil) }
            guard modeIndex + 1 < profile.structuredModes.count else { return (false, nil) }
            modeIndex += 1
            return (true, profile.structuredModes[modeIndex])
        }
        if let next {
            Diagnostics.note("\(spec.name) does not take structured answers as \(mode.rawValue); asking with \(next.rawValue) from now on")
        }
        return moved
    }

    private func failConfiguration(place: String, message: String, status: Int) throws -> ChatResponse {
        let error = LLMError(.configuration, "\(place) rejected the request: \(client.redact(message))", status: status)
        lock.withLock { if fatal == nil { fatal = error } }
        throw lock.withLock { fatal! }
    }
}

/// Reading a provider's error body, and telling a mistake in how clio calls the provider (which
/// every further call would repeat) from a failure of this one call.
enum ProviderError {
    enum Verdict: Equatable {
        /// The server does not support the structured-answer mode.
        case modeRejected
        /// The key, the model or a parameter: the run cannot go on.
        case configuration
        /// Something about this call only (too long a prompt, a transient 4xx).
        case thisCall
    }

    /// The message of an error body in any of the four providers' shapes.
    static func message(in body: [UInt8]) -> String? {
        guard let value = try? JSONParser.parse(body) else { return nil }
        if let text = value[path: "error.message"]?.stringValue { return text }
        if let text = value[path: "error"]?.stringValue { return text }
        if let text = value[path: "message"]?.stringValue { return text }
        if let text = value[path: "detail"]?.stringValue { return text }
        return nil
    }

    static func classify(status: Int, message: String, sent body: JSON, modeWords: [String]) -> Verdict {
        let lower = message.lowercased()
        switch status {
        case 401, 403, 404: return .configuration
        case 400, 422:
            // Google answers a bad key with 400.
            if lower.contains("api key") || lower.contains("api_key") { return .configuration }
            if modeWords.contains(where: { lower.contains($0.lowercased()) }) { return .modeRejected }
            // A prompt past the context window is this record's problem, not the run's.
            let lengthWords = ["context length", "context window", "too long", "too many tokens", "maximum context", "prompt is too"]
            if lengthWords.contains(where: { lower.contains($0) }) { return .thisCall }
            let refusals = ["not supported", "unsupported", "does not support", "not allowed", "unknown name", "unknown field",
                            "unrecognized", "invalid value", "deprecated", "extra inputs", "must be one of", "is not valid", "invalid_request"]
            if refusals.contains(where: { lower.contains($0) }) { return .configuration }
            if parameterNames(body).contains(where: { lower.contains($0.lowercased()) }) { return .configuration }
            return .thisCall
        default:
            return .thisCall
        }
    }

    /// The field names of a request body, at every depth (what an error message may name).
    static func parameterNames(_ body: JSON) -> Set<String> {
        var names = Set<String>()
        func walk(_ value: JSON, depth: Int) {
            guard depth < 4, let object = value.objectValue else { return }
            for (key, child) in object where key != "messages" && key != "contents" && key != "schema" {
                // Short, common words ("type", "name") would match any message.
                if key.count >= 5 { names.insert(key) }
                walk(child, depth: depth + 1)
            }
        }
        walk(body, depth: 0)
        return names
    }
}

extension JSON {
    /// The integer at a path, or 0: token counts are optional in every API.
    func count(_ path: String) -> Int { self[path: path]?.intValue ?? 0 }
}

func missingField(_ provider: Provider, _ path: String, in value: JSON) -> LLMError {
    let text = JSONSerializer.string(value)
    let excerpt = text.count > 300 ? String(text.prefix(300)) + "…" : text
    return LLMError(.invalidResponse, "unexpected \(provider.rawValue) answer: no \(path) in \(excerpt)")
}
