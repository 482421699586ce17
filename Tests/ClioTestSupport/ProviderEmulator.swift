import ClioCore
import Foundation

/// A strict stand-in for a hosted model API on loopback: it answers like the provider and
/// rejects, with the provider's own status and error shape, every request the provider's
/// documentation says it rejects (docs/llm.md lists the rules). Each rejection is recorded, so
/// a test can require that a whole run sent none.
///
/// Rules enforced, per API:
/// - OpenAI: a Bearer key; known models only (404 otherwise); for reasoning models (o-series,
///   gpt-5 and later) `max_tokens` is rejected, `reasoning_effort` must be one the model takes,
///   a temperature other than 1 only with effort `none` on gpt-5.1 and later; no
///   `reasoning_effort` for other models; `json_schema` needs a name, and a strict schema must
///   close every object and require every property; `json_object` needs "json" in the
///   messages; unknown parameters are rejected. Reasoning tokens count against the limit.
/// - Anthropic: `x-api-key` and `anthropic-version`; `max_tokens` required; user/assistant
///   roles, first and (Claude 4.6 and later) last turn the user's; no temperature for Opus 4.7
///   and later; JSON outputs only on 4.5 and later, with closed objects and no numeric, length
///   or pattern constraints; a forced tool must exist; unknown parameters are rejected.
/// - Gemini: `x-goog-api-key`; known models; thinking budget and level not both, a budget of 0
///   not for 2.5 Pro, levels as each generation takes them; JSON schemas need
///   `responseMimeType: application/json`, `responseSchema` takes no `additionalProperties`;
///   unknown generation fields are rejected. Thinking counts against `maxOutputTokens`.
/// - Ollama: `stream: false`; `think: true` only for thinking models; thinking counts against
///   `num_predict`.
/// - LM Studio: `response_format` of type `json_schema` or `text` only.
/// - llama.cpp (llama-cpp-python's server, the one the project's tests run): `json_object` with
///   a schema taken, `json_schema` refused the way that server refuses it (HTTP 500 with its
///   validator's message).
/// - Embeddings: OpenAI at most 2,048 inputs a request, Gemini 100 a batch.
///
/// `rateLimit` answers the chosen requests with the provider's own rate-limit reply (429 with
/// its headers or body; Anthropic's 529 "overloaded" every other time).
public final class ProviderEmulator: @unchecked Sendable {
    public enum API: String, Sendable, CaseIterable {
        case openAI, anthropic, gemini, ollama, lmStudio, llamaCpp
    }

    public struct Rejection: Sendable, CustomStringConvertible {
        public var status: Int
        public var message: String
        public var path: String
        public var description: String { "\(status) \(path): \(message)" }
    }

    public static let key = "emulator-key-0123456789"

    public let api: API
    private var server: TestServer!
    private let lock = NSLock()
    private var rejected: [Rejection] = []
    private var chats = 0
    private var embeddingCalls = 0
    private var limited = 0
    private let rateLimit: @Sendable (Int) -> Bool

    /// - Parameter rateLimit: given the 0-based number of a request, whether to answer it with a rate-limit reply.
    public init(_ api: API, rateLimit: @escaping @Sendable (Int) -> Bool = { _ in false }) throws {
        self.api = api
        self.rateLimit = rateLimit
        // Weak: a request accepted just before the emulator goes away gets a 503, not a crash.
        server = try TestServer { [weak self] request, number in
            self?.handle(request, number) ?? .respond(status: 503, body: #"{"error":"the emulator has stopped"}"#)
        }
    }

    deinit { server.stop() }

    public func stop() { server.stop() }

    /// The base URL to give clio (`--base-url`).
    public var baseURL: String {
        switch api {
        case .openAI, .lmStudio, .llamaCpp: return server.baseURL + "/v1"
        case .anthropic, .gemini, .ollama: return server.baseURL
        }
    }

    public var rejections: [Rejection] { lock.withLock { rejected } }
    /// Chat answers given (rate-limit replies and rejections not counted).
    public var answeredChats: Int { lock.withLock { chats } }
    public var answeredEmbeddings: Int { lock.withLock { embeddingCalls } }
    public var rateLimited: Int { lock.withLock { limited } }
    public var requests: [TestServer.Request] { server.received }

    // MARK: Dispatch

    private func handle(_ request: TestServer.Request, _ number: Int) -> TestServer.Reply {
        if rateLimit(number) {
            lock.withLock { limited += 1 }
            return rateLimitReply(number)
        }
        guard let body = try? JSONParser.parse(request.body), body.objectValue != nil else {
            return reject(400, "the request body is not a JSON object", request)
        }
        let outcome: Result<JSON, Failure>
        switch (api, request.path) {
        case (.openAI, "/v1/chat/completions"), (.lmStudio, "/v1/chat/completions"), (.llamaCpp, "/v1/chat/completions"):
            outcome = openAIChat(body, request)
        case (.openAI, "/v1/embeddings"), (.llamaCpp, "/v1/embeddings"), (.lmStudio, "/v1/embeddings"):
            outcome = openAIEmbeddings(body, request)
        case (.anthropic, "/v1/messages"):
            outcome = anthropicMessages(body, request)
        case (.gemini, let path) where path.hasPrefix("/v1beta/models/") && path.hasSuffix(":generateContent"):
            outcome = geminiGenerate(body, request, model: Self.geminiModel(path, ":generateContent"))
        case (.gemini, let path) where path.hasPrefix("/v1beta/models/") && path.hasSuffix(":batchEmbedContents"):
            outcome = geminiEmbed(body, request, model: Self.geminiModel(path, ":batchEmbedContents"))
        case (.ollama, "/api/chat"):
            outcome = ollamaChat(body)
        case (.ollama, "/api/embed"):
            outcome = ollamaEmbed(body)
        default:
            return reject(404, "no such endpoint: \(request.path)", request)
        }
        switch outcome {
        case .success(let answer):
            lock.withLock {
                if request.path.contains("mbed") { embeddingCalls += 1 } else { chats += 1 }
            }
            return .respond(status: 200, body: JSONSerializer.string(answer))
        case .failure(let failure):
            return reject(failure.status, failure.message, request, param: failure.param)
        }
    }

    struct Failure: Error {
        var status: Int
        var message: String
        var param: String?
        init(_ status: Int, _ message: String, param: String? = nil) {
            self.status = status
            self.message = message
            self.param = param
        }
    }

    private func reject(_ status: Int, _ message: String, _ request: TestServer.Request, param: String? = nil) -> TestServer.Reply {
        lock.withLock { rejected.append(Rejection(status: status, message: message, path: request.path)) }
        let body: JSON
        switch api {
        case .openAI, .llamaCpp:
            var error: JSONObject = ["message": .string(message), "type": "invalid_request_error"]
            error["param"] = param.map { .string($0) } ?? .null
            body = ["error": .object(error)]
        case .lmStudio, .ollama:
            body = ["error": .string(message)]
        case .anthropic:
            let type = status == 401 ? "authentication_error" : status == 404 ? "not_found_error" : "invalid_request_error"
            body = ["type": "error", "error": ["type": .string(type), "message": .string(message)]]
        case .gemini:
            let statusName = status == 404 ? "NOT_FOUND" : status == 403 ? "PERMISSION_DENIED" : "INVALID_ARGUMENT"
            body = ["error": ["code": .number(Double(status)), "message": .string(message), "status": .string(statusName)]]
        }
        return .respond(status: status, body: JSONSerializer.string(body))
    }

    private func rateLimitReply(_ number: Int) -> TestServer.Reply {
        switch api {
        case .openAI, .lmStudio, .llamaCpp:
            return .respond(status: 429, headers: ["x-ratelimit-reset-requests": "20ms", "x-ratelimit-reset-tokens": "50ms"],
                            body: #"{"error":{"message":"Rate limit reached for requests","type":"requests","code":"rate_limit_exceeded"}}"#)
        case .anthropic:
            if number % 2 == 1 {
                return .respond(status: 529, body: #"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#)
            }
            let reset = ISO8601DateFormatter().string(from: Date().addingTimeInterval(0.05))
            return .respond(status: 429, headers: ["retry-after": "0", "anthropic-ratelimit-requests-reset": reset],
                            body: #"{"type":"error","error":{"type":"rate_limit_error","message":"Number of requests has exceeded your rate limit"}}"#)
        case .gemini:
            return .respond(status: 429, body: #"{"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"0.05s"}]}}"#)
        case .ollama:
            return .respond(status: 503, body: #"{"error":"server busy, please try again"}"#)
        }
    }

    static func geminiModel(_ path: String, _ suffix: String) -> String {
        String(path.dropFirst("/v1beta/models/".count).dropLast(suffix.count)).removingPercentEncoding ?? ""
    }

    // MARK: OpenAI and compatible servers

    struct OpenAIModel {
        var reasoning: Bool
        var levels: [String]
        var defaultEffort: String?
        var temperatureWithNone: Bool

        init?(_ id: String) {
            let name = id.lowercased()
            if name.range(of: #"^o[1-9]"#, options: .regularExpression) != nil {
                self.init(reasoning: true, levels: ["low", "medium", "high"], defaultEffort: "medium", temperatureWithNone: false)
            } else if name.hasPrefix("gpt-5") && !name.contains("-chat") {
                let minor = name.dropFirst(5).first == "." ? Int(name.dropFirst(6).prefix { $0.isNumber }) ?? 0 : 0
                if name.contains("-pro") {
                    self.init(reasoning: true, levels: ["high"], defaultEffort: "high", temperatureWithNone: false)
                } else if minor == 0 {
                    self.init(reasoning: true, levels: ["minimal", "low", "medium", "high"], defaultEffort: "medium", temperatureWithNone: false)
                } else if minor == 1 {
                    self.init(reasoning: true, levels: ["none", "low", "medium", "high"], defaultEffort: "none", temperatureWithNone: true)
                } else {
                    self.init(reasoning: true, levels: ["none", "low", "medium", "high", "xhigh"], defaultEffort: "none", temperatureWithNone: true)
                }
            } else if name.hasPrefix("gpt-4") || name.hasPrefix("gpt-5") || name.hasPrefix("gpt-3.5") {
                self.init(reasoning: false, levels: [], defaultEffort: nil, temperatureWithNone: false)
            } else {
                return nil
            }
        }

        init(reasoning: Bool, levels: [String], defaultEffort: String?, temperatureWithNone: Bool) {
            self.reasoning = reasoning
            self.levels = levels
            self.defaultEffort = defaultEffort
            self.temperatureWithNone = temperatureWithNone
        }
    }

    static let reasoningTokens = ["none": 0, "minimal": 64, "low": 600, "medium": 2000, "high": 5000, "xhigh": 8000]

    private func openAIChat(_ body: JSON, _ request: TestServer.Request) -> Result<JSON, Failure> {
        let object = body.objectValue!
        let model = object["model"]?.stringValue ?? ""
        var reasoningTokens = 0
        if api == .openAI {
            guard request.headers["authorization"] == "Bearer \(Self.key)" else {
                return .failure(Failure(401, "Incorrect API key provided.", param: nil))
            }
            guard let rules = OpenAIModel(model) else {
                return .failure(Failure(404, "The model `\(model)` does not exist or you do not have access to it.", param: "model"))
            }
            let allowed: Set<String> = ["model", "messages", "max_tokens", "max_completion_tokens", "temperature", "top_p", "reasoning_effort",
                                        "response_format", "n", "seed", "stop", "user", "stream"]
            if let extra = object.keys.first(where: { !allowed.contains($0) }) {
                return .failure(Failure(400, "Unrecognized request argument supplied: \(extra)", param: extra))
            }
            if rules.reasoning {
                if object["max_tokens"] != nil {
                    return .failure(Failure(400, "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", param: "max_tokens"))
                }
                let effort = object["reasoning_effort"]?.stringValue ?? rules.defaultEffort ?? "medium"
                guard rules.levels.contains(effort) else {
                    return .failure(Failure(400, "Unsupported value: '\(effort)' is not supported with the '\(model)' model. Supported values are: \(rules.levels.map { "'\($0)'" }.joined(separator: ", ")).", param: "reasoning_effort"))
                }
                if let t = object["temperature"]?.doubleValue, t != 1, !(rules.temperatureWithNone && effort == "none") {
                    return .failure(Failure(400, "Unsupported value: 'temperature' does not support \(t) with this model. Only the default (1) value is supported.", param: "temperature"))
                }
                reasoningTokens = Self.reasoningTokens[effort] ?? 0
            } else if object["reasoning_effort"] != nil {
                return .failure(Failure(400, "Unsupported parameter: 'reasoning_effort' is not supported with this model.", param: "reasoning_effort"))
            }
        }
        guard let messages = object["messages"]?.arrayValue, !messages.isEmpty else {
            return .failure(Failure(400, "'messages' must be a non-empty array", param: "messages"))
        }
        var prompt = ""
        for message in messages {
            guard let role = message[path: "role"]?.stringValue, ["system", "developer", "user", "assistant"].contains(role),
                  let content = message[path: "content"]?.stringValue else {
                return .failure(Failure(400, "Invalid message: each needs a role and string content", param: "messages"))
            }
            prompt += content + "\n"
        }
        var schema: JSON?
        if let format = object["response_format"] {
            switch format[path: "type"]?.stringValue {
            case "json_schema"? where api == .llamaCpp:
                return .failure(Failure(500, "1 validation error:\n  {'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), 'msg': \"Input should be 'text' or 'json_object'\"}"))
            case "json_schema"?:
                guard let spec = format[path: "json_schema"], let s = spec[path: "schema"] else {
                    return .failure(Failure(400, "Missing required parameter: 'response_format.json_schema.schema'.", param: "response_format"))
                }
                if api == .openAI {
                    guard let name = spec[path: "name"]?.stringValue, name.range(of: "^[a-zA-Z0-9_-]{1,64}$", options: .regularExpression) != nil else {
                        return .failure(Failure(400, "Invalid 'response_format.json_schema.name': must match ^[a-zA-Z0-9_-]{1,64}$.", param: "response_format"))
                    }
                    if spec[path: "strict"] == .bool(true), let problem = Self.strictProblem(s) {
                        return .failure(Failure(400, "Invalid schema for response_format '\(name)': \(problem)", param: "response_format"))
                    }
                }
                schema = s
            case "json_object"?:
                if api == .lmStudio {
                    return .failure(Failure(400, "'response_format.type' must be 'json_schema' or 'text'"))
                }
                if api == .openAI && !prompt.lowercased().contains("json") {
                    return .failure(Failure(400, "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.", param: "messages"))
                }
                schema = format[path: "schema"]
            case "text"?, nil:
                break
            case let other?:
                return .failure(Failure(400, "Invalid value: '\(other)'. Supported values are: 'json_object', 'json_schema', and 'text'.", param: "response_format.type"))
            }
        }
        let limit = object["max_completion_tokens"]?.intValue ?? object["max_tokens"]?.intValue ?? Int.max
        let answer = JSONSerializer.string(EmulatedAnswer.value(schema: schema, prompt: prompt))
        let answerTokens = Self.tokens(answer)
        let cut = reasoningTokens + answerTokens > limit
        let content = cut ? String(answer.prefix(max(0, (limit - reasoningTokens) * 4))) : answer
        return .success([
            "id": "chatcmpl-emulated", "object": "chat.completion", "model": .string(model),
            "choices": [["index": 0, "message": ["role": "assistant", "content": .string(content), "refusal": .null],
                         "finish_reason": cut ? "length" : "stop"]],
            "usage": ["prompt_tokens": .number(Double(Self.tokens(prompt))),
                      "completion_tokens": .number(Double(min(limit, reasoningTokens + answerTokens))),
                      "completion_tokens_details": ["reasoning_tokens": .number(Double(min(limit, reasoningTokens)))]],
        ])
    }

    /// OpenAI's strict mode: every object closed and every property required; no length keywords.
    static func strictProblem(_ schema: JSON) -> String? {
        guard let object = schema.objectValue else { return nil }
        for keyword in ["minLength", "maxLength", "patternProperties", "unevaluatedProperties"] where object[keyword] != nil {
            return "'\(keyword)' is not permitted."
        }
        if object["type"]?.stringValue == "object" {
            guard object["additionalProperties"] == .bool(false) else {
                return "In context=(), 'additionalProperties' is required to be supplied and to be false."
            }
            let properties = object["properties"]?.objectValue ?? [:]
            let required = Set((object["required"]?.arrayValue ?? []).compactMap(\.stringValue))
            if let missing = properties.keys.first(where: { !required.contains($0) }) {
                return "In context=(), 'required' is required to be supplied and to be an array including every key in properties. Missing '\(missing)'."
            }
            for (_, child) in properties { if let p = strictProblem(child) { return p } }
        }
        if let items = object["items"] { return strictProblem(items) }
        return nil
    }

    private func openAIEmbeddings(_ body: JSON, _ request: TestServer.Request) -> Result<JSON, Failure> {
        if api == .openAI, request.headers["authorization"] != "Bearer \(Self.key)" { return .failure(Failure(401, "Incorrect API key provided.")) }
        guard let inputs = body[path: "input"]?.arrayValue, !inputs.isEmpty else {
            return .failure(Failure(400, "'input' must be a non-empty array of strings", param: "input"))
        }
        guard inputs.count <= 2048 else {
            return .failure(Failure(400, "'$.input' is too long: at most 2048 inputs per request, got \(inputs.count).", param: "input"))
        }
        let data: [JSON] = inputs.enumerated().map { i, text in
            ["object": "embedding", "index": .number(Double(i)), "embedding": .array(Self.vector(text.stringValue ?? "").map { .number(Double($0)) })]
        }
        return .success(["object": "list", "data": .array(data), "model": body[path: "model"] ?? .null, "usage": ["prompt_tokens": 1, "total_tokens": 1]])
    }

    // MARK: Anthropic

    private func anthropicMessages(_ body: JSON, _ request: TestServer.Request) -> Result<JSON, Failure> {
        guard request.headers["x-api-key"] == Self.key else { return .failure(Failure(401, "invalid x-api-key")) }
        guard request.headers["anthropic-version"] != nil else { return .failure(Failure(400, "anthropic-version: header is required")) }
        let object = body.objectValue!
        let allowed: Set<String> = ["model", "max_tokens", "messages", "system", "temperature", "top_p", "top_k", "stop_sequences", "tools",
                                    "tool_choice", "output_config", "metadata", "thinking", "stream"]
        if let extra = object.keys.first(where: { !allowed.contains($0) }) { return .failure(Failure(400, "\(extra): Extra inputs are not permitted")) }
        let model = object["model"]?.stringValue ?? ""
        guard let version = Self.claudeVersion(model) else { return .failure(Failure(404, "model: \(model)")) }
        let newTier = model.contains("fable") || model.contains("mythos")
        guard let maxTokens = object["max_tokens"]?.intValue, maxTokens >= 1 else { return .failure(Failure(400, "max_tokens: Field required")) }
        guard let messages = object["messages"]?.arrayValue, !messages.isEmpty else { return .failure(Failure(400, "messages: at least one message is required")) }
        var prompt = object["system"]?.stringValue.map { $0 + "\n" } ?? ""
        for (i, message) in messages.enumerated() {
            guard let role = message[path: "role"]?.stringValue, role == "user" || role == "assistant" else {
                return .failure(Failure(400, "messages.\(i).role: Input should be 'user' or 'assistant'"))
            }
            guard let content = message[path: "content"]?.stringValue, !content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                return .failure(Failure(400, "messages.\(i): text content blocks must contain non-whitespace text"))
            }
            if i == 0 && role != "user" { return .failure(Failure(400, "messages: first message must use the \"user\" role")) }
            prompt += content + "\n"
        }
        if messages.last?[path: "role"] == "assistant", version >= 4.6 {
            return .failure(Failure(400, "This model does not support assistant message prefill. The conversation must end with a user message."))
        }
        if let t = object["temperature"] {
            if version >= 4.7 || newTier { return .failure(Failure(400, "`temperature` is deprecated for this model.")) }
            guard let v = t.doubleValue, (0...1).contains(v) else { return .failure(Failure(400, "temperature: Input should be less than or equal to 1")) }
        }
        var schema: JSON?
        if let format = object["output_config"]?[path: "format"] {
            guard version >= 4.5, !newTier else {
                return .failure(Failure(400, "output_config.format: structured outputs are not supported for model \(model)"))
            }
            guard format[path: "type"] == "json_schema", let s = format[path: "schema"] else {
                return .failure(Failure(400, "output_config.format.type: Input should be 'json_schema'"))
            }
            if let problem = Self.anthropicSchemaProblem(s) { return .failure(Failure(400, "output_config.format.schema: \(problem)")) }
            schema = s
        }
        var tool: String?
        if let choice = object["tool_choice"] {
            let tools = object["tools"]?.arrayValue ?? []
            if choice[path: "type"] == "tool" {
                guard let name = choice[path: "name"]?.stringValue,
                      let definition = tools.first(where: { $0[path: "name"]?.stringValue == name }) else {
                    return .failure(Failure(400, "tool_choice: the tool named in tool_choice is not in tools"))
                }
                guard definition[path: "input_schema.type"] == "object" else {
                    return .failure(Failure(400, "tools.0.input_schema.type: Input should be 'object'"))
                }
                tool = name
                schema = definition[path: "input_schema"]
            }
        }
        let value = EmulatedAnswer.value(schema: schema, prompt: prompt)
        let text = JSONSerializer.string(value)
        let tokens = Self.tokens(text)
        let usage: JSON = ["input_tokens": .number(Double(Self.tokens(prompt))), "output_tokens": .number(Double(min(tokens, maxTokens)))]
        if tokens > maxTokens {
            return .success(["type": "message", "role": "assistant", "model": .string(model),
                             "content": [["type": "text", "text": .string(String(text.prefix(maxTokens * 4)))]], "stop_reason": "max_tokens", "usage": usage])
        }
        let content: JSON = tool.map { [["type": "tool_use", "id": "toolu_emulated", "name": .string($0), "input": value]] }
            ?? [["type": "text", "text": .string(text)]]
        return .success(["id": "msg_emulated", "type": "message", "role": "assistant", "model": .string(model), "content": content,
                         "stop_reason": tool == nil ? "end_turn" : "tool_use", "usage": usage])
    }

    /// claude-<tier>-<major>[-<minor>] or claude-<major>[-<minor>]-<tier>, as a number (4.6).
    static func claudeVersion(_ model: String) -> Double? {
        guard model.hasPrefix("claude-") else { return nil }
        let parts = model.dropFirst(7).split(separator: "-").map(String.init)
        func small(_ s: String) -> Int? { s.count <= 2 ? Int(s) : nil }
        let tiers: Set<String> = ["opus", "sonnet", "haiku", "fable", "mythos"]
        if let major = parts.first.flatMap(small) {
            guard parts.contains(where: { tiers.contains($0) }) else { return nil }
            let minor = parts.count > 1 ? small(parts[1]) ?? 0 : 0
            return Double(major) + Double(minor) / 10
        }
        guard parts.count >= 2, tiers.contains(parts[0]), let major = small(parts[1]) else { return nil }
        let minor = parts.count > 2 ? small(parts[2]) ?? 0 : 0
        return Double(major) + Double(minor) / 10
    }

    static func anthropicSchemaProblem(_ schema: JSON) -> String? {
        guard let object = schema.objectValue else { return nil }
        for keyword in ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern"]
            where object[keyword] != nil {
            return "property '\(keyword)' is not supported"
        }
        if object["type"]?.stringValue == "object" && object["additionalProperties"] != .bool(false) {
            return "For 'object' type, 'additionalProperties' must be explicitly set to false"
        }
        for (_, child) in object["properties"]?.objectValue ?? [:] { if let p = anthropicSchemaProblem(child) { return p } }
        if let items = object["items"] { return anthropicSchemaProblem(items) }
        return nil
    }

    // MARK: Gemini

    struct GeminiModel {
        var major: Int
        var minor: Int
        var flash: Bool
        var pro: Bool
        init?(_ id: String) {
            guard id.hasPrefix("gemini-") else { return nil }
            let rest = id.dropFirst(7)
            let digits = rest.prefix { $0.isNumber }
            guard let major = Int(digits) else { return nil }
            var minor = 0
            if rest.dropFirst(digits.count).first == "." { minor = Int(rest.dropFirst(digits.count + 1).prefix { $0.isNumber }) ?? 0 }
            guard major >= 2 && !(major == 2 && minor < 5) else { return nil }  // 2.0 and older are shut down
            self.major = major
            self.minor = minor
            flash = id.contains("flash")
            pro = id.contains("pro")
        }
        var levels: [String] { major >= 3 ? (flash ? ["minimal", "low", "medium", "high"] : ["low", "high"]) : [] }
    }

    private func geminiGenerate(_ body: JSON, _ request: TestServer.Request, model: String) -> Result<JSON, Failure> {
        guard request.headers["x-goog-api-key"] == Self.key else { return .failure(Failure(400, "API key not valid. Please pass a valid API key.")) }
        guard let rules = GeminiModel(model) else {
            return .failure(Failure(404, "models/\(model) is not found for API version v1beta, or is not supported for generateContent."))
        }
        let object = body.objectValue!
        if let extra = object.keys.first(where: { !["contents", "systemInstruction", "generationConfig", "safetySettings", "tools"].contains($0) }) {
            return .failure(Failure(400, "Invalid JSON payload received. Unknown name \"\(extra)\": Cannot find field."))
        }
        guard let contents = object["contents"]?.arrayValue, !contents.isEmpty else {
            return .failure(Failure(400, "* GenerateContentRequest.contents: contents is not specified"))
        }
        var prompt = object["systemInstruction"]?[path: "parts.0.text"]?.stringValue.map { $0 + "\n" } ?? ""
        for content in contents {
            guard let role = content[path: "role"]?.stringValue, role == "user" || role == "model" else {
                return .failure(Failure(400, "Please use a valid role: user, model."))
            }
            guard let text = content[path: "parts.0.text"]?.stringValue, !text.isEmpty else {
                return .failure(Failure(400, "* GenerateContentRequest.contents.parts: contains an empty part"))
            }
            prompt += text + "\n"
        }
        let config = object["generationConfig"]?.objectValue ?? [:]
        let known: Set<String> = ["temperature", "topP", "topK", "maxOutputTokens", "candidateCount", "stopSequences", "responseMimeType",
                                  "responseSchema", "responseJsonSchema", "thinkingConfig", "seed"]
        if let extra = config.keys.first(where: { !known.contains($0) }) {
            return .failure(Failure(400, "Invalid JSON payload received. Unknown name \"\(extra)\" at 'generation_config': Cannot find field."))
        }
        var thinking = rules.major >= 3 ? 4000 : 1024  // the default: high, or dynamic
        if let thinkingConfig = config["thinkingConfig"] {
            let budget = thinkingConfig[path: "thinkingBudget"]?.intValue
            let level = thinkingConfig[path: "thinkingLevel"]?.stringValue
            if budget != nil && level != nil {
                return .failure(Failure(400, "thinking_budget and thinking_level cannot both be set."))
            }
            if let budget {
                if rules.major == 2 && rules.pro && budget < 128 {
                    return .failure(Failure(400, "Budget \(budget) is invalid. This model only works in thinking mode."))
                }
                thinking = min(budget, 800)
            }
            if let level {
                guard rules.levels.contains(level.lowercased()) else {
                    return .failure(Failure(400, "Thinking level \(level) is not supported for this model. Supported levels: \(rules.levels.joined(separator: ", ")).")
                        .withMessage(rules.levels.isEmpty ? "thinking_level is not supported by this model." : nil))
                }
                thinking = ["minimal": 32, "low": 600, "medium": 2000, "high": 4000][level.lowercased()] ?? 4000
            }
        }
        var schema: JSON?
        if config["responseSchema"] != nil && config["responseJsonSchema"] != nil {
            return .failure(Failure(400, "responseSchema and responseJsonSchema cannot both be set."))
        }
        if let s = config["responseSchema"] {
            if let bad = Self.keywordAnywhere(["additionalProperties", "pattern", "$schema"], in: s) {
                return .failure(Failure(400, "Invalid JSON payload received. Unknown name \"\(bad)\" at 'generation_config.response_schema': Cannot find field."))
            }
            schema = s
        }
        if let s = config["responseJsonSchema"] { schema = s }
        if schema != nil && config["responseMimeType"] != "application/json" {
            return .failure(Failure(400, "response_mime_type must be application/json when a response schema is set."))
        }
        let limit = config["maxOutputTokens"]?.intValue ?? 65_536
        let answer = JSONSerializer.string(EmulatedAnswer.value(schema: schema, prompt: prompt))
        let answerTokens = Self.tokens(answer)
        let used = min(limit, thinking + answerTokens)
        let usage: JSON = ["promptTokenCount": .number(Double(Self.tokens(prompt))), "candidatesTokenCount": .number(Double(max(0, used - thinking))),
                           "thoughtsTokenCount": .number(Double(min(thinking, limit))), "totalTokenCount": .number(Double(used))]
        if thinking + answerTokens > limit {
            let kept = max(0, limit - thinking)
            let parts: JSON = kept > 0 ? [["text": .string(String(answer.prefix(kept * 4)))]] : []
            return .success(["candidates": [["content": ["role": "model", "parts": parts], "finishReason": "MAX_TOKENS", "index": 0]],
                             "usageMetadata": usage, "modelVersion": .string(model)])
        }
        return .success(["candidates": [["content": ["role": "model", "parts": [["text": .string(answer)]]], "finishReason": "STOP", "index": 0]],
                         "usageMetadata": usage, "modelVersion": .string(model)])
    }

    static func keywordAnywhere(_ keywords: Set<String>, in schema: JSON) -> String? {
        guard let object = schema.objectValue else { return nil }
        if let hit = object.keys.first(where: { keywords.contains($0) }) { return hit }
        for (_, child) in object["properties"]?.objectValue ?? [:] { if let hit = keywordAnywhere(keywords, in: child) { return hit } }
        if let items = object["items"] { return keywordAnywhere(keywords, in: items) }
        return nil
    }

    private func geminiEmbed(_ body: JSON, _ request: TestServer.Request, model: String) -> Result<JSON, Failure> {
        guard request.headers["x-goog-api-key"] == Self.key else { return .failure(Failure(400, "API key not valid. Please pass a valid API key.")) }
        guard let requests = body[path: "requests"]?.arrayValue, !requests.isEmpty else {
            return .failure(Failure(400, "* BatchEmbedContentsRequest.requests: requests is not specified"))
        }
        guard requests.count <= 100 else {
            return .failure(Failure(400, "* BatchEmbedContentsRequest.requests: at most 100 requests can be in one batch"))
        }
        var embeddings: [JSON] = []
        for item in requests {
            guard item[path: "model"]?.stringValue == "models/\(model)" else {
                return .failure(Failure(400, "* BatchEmbedContentsRequest.requests[].model: the model of each request must match the batch's"))
            }
            let text = item[path: "content.parts.0.text"]?.stringValue ?? ""
            embeddings.append(["values": .array(Self.vector(text).map { .number(Double($0)) })])
        }
        return .success(["embeddings": .array(embeddings)])
    }

    // MARK: Ollama

    private func ollamaChat(_ body: JSON) -> Result<JSON, Failure> {
        let object = body.objectValue!
        let model = object["model"]?.stringValue ?? ""
        guard object["stream"] == .bool(false) else {
            return .failure(Failure(400, "this emulator answers only stream: false (Ollama streams by default)"))
        }
        let thinkingModel = ["qwen3", "deepseek-r1", "gpt-oss", "magistral"].contains { model.hasPrefix($0) }
        var thinking = thinkingModel ? 1500 : 0
        switch object["think"] {
        case .bool(true)?:
            if !thinkingModel { return .failure(Failure(400, "\"\(model)\" does not support thinking")) }
        case .bool(false)?:
            if model.hasPrefix("gpt-oss") { break }  // gpt-oss ignores false and thinks at medium
            thinking = 0
        case .string(let level)?:
            guard model.hasPrefix("gpt-oss"), ["low", "medium", "high"].contains(level) else {
                return .failure(Failure(400, "think value \"\(level)\" is not supported for this model"))
            }
            thinking = ["low": 300, "medium": 1500, "high": 4000][level]!
        case nil:
            break
        default:
            return .failure(Failure(400, "invalid think value"))
        }
        guard let messages = object["messages"]?.arrayValue, !messages.isEmpty else { return .failure(Failure(400, "messages are required")) }
        let prompt = messages.compactMap { $0[path: "content"]?.stringValue }.joined(separator: "\n")
        var schema: JSON?
        switch object["format"] {
        case .object?: schema = object["format"]
        case .string("json")?, nil: break
        default: return .failure(Failure(400, "invalid format: expected \"json\" or a JSON schema"))
        }
        let limit = object["options"]?[path: "num_predict"]?.intValue ?? Int.max
        let answer = JSONSerializer.string(EmulatedAnswer.value(schema: schema, prompt: prompt))
        let tokens = Self.tokens(answer)
        let cut = thinking + tokens > limit
        return .success([
            "model": .string(model), "created_at": "2026-12-01T00:00:00Z",
            "message": ["role": "assistant", "content": .string(cut ? String(answer.prefix(max(0, limit - thinking) * 4)) : answer),
                        "thinking": .string(thinking > 0 ? "…" : "")],
            "done": true, "done_reason": cut ? "length" : "stop",
            "prompt_eval_count": .number(Double(Self.tokens(prompt))), "eval_count": .number(Double(min(limit, thinking + tokens))),
        ])
    }

    private func ollamaEmbed(_ body: JSON) -> Result<JSON, Failure> {
        guard let inputs = body[path: "input"]?.arrayValue else { return .failure(Failure(400, "input is required")) }
        return .success(["model": body[path: "model"] ?? .null,
                         "embeddings": .array(inputs.map { .array(Self.vector($0.stringValue ?? "").map { .number(Double($0)) }) })])
    }

    // MARK: Shared

    static func tokens(_ text: String) -> Int { max(1, text.utf8.count / 4) }

    /// A deterministic 16-dimensional vector for a text: its words hashed into buckets.
    static func vector(_ text: String) -> [Float] {
        var v = [Float](repeating: 0, count: 16)
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in word.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            v[Int(h % 16)] += 1
        }
        if v.allSatisfy({ $0 == 0 }) { v[0] = 1 }
        return v
    }
}

extension ProviderEmulator.Failure {
    func withMessage(_ message: String?) -> Self {
        guard let message else { return self }
        var copy = self
        copy.message = message
        return copy
    }
}

/// Valid answers to clio's questions, told apart by the keys the schema (or, without one, the
/// prompt) asks for. Names and topics come from a hash of the prompt, so different clusters get
/// different names and the same prompt always the same answer.
enum EmulatedAnswer {
    static func value(schema: JSON?, prompt: String) -> JSON {
        let keys = schema?[path: "properties"]?.objectValue?.keys ?? keysInPrompt(prompt)
        let tag = String(fnv(prompt) % 10_000)
        if keys.contains("request") {
            var object: JSONObject = [:]
            for key in keys {
                let property = schema?[path: "properties.\(key)"]
                switch key {
                case "request": object[key] = .string("The user's overall request for the assistant is to get help with topic \(tag).")
                case "task": object[key] = .string("The task is to help with topic \(tag).")
                case "language": object[key] = "English"
                case "concerning": object[key] = 1
                default: object[key] = generic(property)
                }
            }
            return .object(object)
        }
        if keys.contains("rating") { return ["rating": 5] }
        if keys.contains("category") {
            let options = schema?[path: "properties.category.enum"]?.arrayValue?.compactMap(\.stringValue) ?? listed(prompt, "higher_level_clusters")
            let pick = options.isEmpty ? "Unlisted" : options[Int(fnv(prompt) % UInt64(options.count))]
            return ["reasoning": "It fits best.", "category": .string(pick)]
        }
        if keys.contains("names") {
            if prompt.contains("<cluster_names>") {
                let names = listed(prompt, "cluster_names")
                let wanted = number(after: "about ", in: prompt) ?? max(1, names.count / 2)
                return ["reasoning": "Merged similar names.", "names": .array(names.prefix(max(1, min(wanted, names.count - 1))).map { .string($0) })]
            }
            let wanted = number(after: "Create roughly ", in: prompt) ?? 3
            return ["reasoning": "Grouped by theme.", "names": .array((1...max(1, wanted)).map { .string("Handle requests of kind \(tag)-\($0)") })]
        }
        if keys.contains("name") {
            return ["description": .string("Users asked for help with topic \(tag). The assistant helped them."), "name": .string("Help with topic \(tag)")]
        }
        return generic(schema)
    }

    /// A value of the schema's type: the first enum value, the minimum, a short string.
    static func generic(_ schema: JSON?) -> JSON {
        if let first = schema?[path: "enum"]?.arrayValue?.first { return first }
        switch schema?[path: "type"]?.stringValue {
        case "integer"?, "number"?: return .number(schema?[path: "minimum"]?.doubleValue ?? 1)
        case "boolean"?: return false
        case "array"?: return []
        case "object"?:
            var object: JSONObject = [:]
            for (key, child) in schema?[path: "properties"]?.objectValue ?? [:] { object[key] = generic(child) }
            return .object(object)
        default:
            if let pattern = schema?[path: "pattern"]?.stringValue, pattern.hasPrefix("^"), let end = pattern.range(of: " [^") {
                let prefix = pattern[pattern.index(after: pattern.startIndex)..<end.lowerBound].replacingOccurrences(of: "\\", with: "")
                return .string(prefix + " do something.")
            }
            return "Something general."
        }
    }

    /// The keys a prompt asks for when no schema came with it: `"key"` words in the answer template.
    static func keysInPrompt(_ prompt: String) -> [String] {
        ["request", "rating", "category", "names", "name"].filter { prompt.contains("\"\($0)\"") || prompt.contains("key=\"\($0)\"") }
    }

    static func listed(_ text: String, _ tag: String) -> [String] {
        guard let start = text.range(of: "<\(tag)>"), let end = text.range(of: "</\(tag)>", range: start.upperBound..<text.endIndex) else { return [] }
        return text[start.upperBound..<end.lowerBound].split(separator: "\n").compactMap { line in
            var item = line.trimmingCharacters(in: .whitespaces)
            if item.hasPrefix("<cluster>") { item.removeFirst(9) }
            if item.hasSuffix("</cluster>") { item.removeLast(10) }
            return item.isEmpty ? nil : item
        }
    }

    static func number(after marker: String, in text: String) -> Int? {
        guard let range = text.range(of: marker) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    static func fnv(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}
