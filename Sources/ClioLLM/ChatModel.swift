import ClioCore

/// One message of a chat request.
public struct ChatMessage: Equatable, Sendable {
    public enum Role: String, Sendable { case system, user, assistant }
    public var role: Role
    public var content: String
    public init(_ role: Role, _ content: String) {
        self.role = role
        self.content = content
    }
}

/// How the answer should be shaped. Providers map this onto their structured-output mode (see
/// `ModelProfile.StructuredMode`); the caller validates the answer either way.
public enum ResponseFormat: Equatable, Sendable {
    case text
    /// A JSON object following `schema`; `name` labels it where a provider wants a name.
    case json(name: String, schema: JSON)
}

/// Everything about one call that changes the answer, besides the model and the messages.
public struct ChatOptions: Equatable, Sendable {
    /// The temperature the question is meant for (the paper's: 0.2 for facets, 1.0 for naming);
    /// sent only to models that take one (`ModelProfile`).
    public var temperature: Double?
    /// Tokens the answer itself needs. A model that thinks inside its output limit gets room
    /// for that on top (`ModelProfile.thinkingHeadroom`).
    public var maxTokens: Int
    public var format: ResponseFormat
    public init(temperature: Double? = nil, maxTokens: Int = 1024, format: ResponseFormat = .text) {
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.format = format
    }
}

public struct ChatRequest: Equatable, Sendable {
    public var messages: [ChatMessage]
    public var options: ChatOptions
    public init(messages: [ChatMessage], options: ChatOptions = ChatOptions()) {
        self.messages = messages
        self.options = options
    }

    /// The system messages joined, for APIs that take the system prompt apart from the turns.
    var systemText: String? {
        let parts = messages.filter { $0.role == .system }.map(\.content)
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }

    /// The turns after the system prompt.
    var turns: [ChatMessage] { messages.filter { $0.role != .system } }

    /// A canonical JSON form of the request: the part of a cache key that describes the call.
    public var canonicalJSON: JSON {
        var options: JSONObject = [:]
        options["temperature"] = self.options.temperature.map { .number($0) } ?? .null
        options["max_tokens"] = .number(Double(self.options.maxTokens))
        switch self.options.format {
        case .text: options["format"] = "text"
        case .json(let name, let schema):
            options["format"] = "json_schema"
            options["schema_name"] = .string(name)
            options["schema"] = schema
        }
        return [
            "messages": .array(messages.map { ["role": .string($0.role.rawValue), "content": .string($0.content)] }),
            "options": .object(options),
        ]
    }
}

/// Tokens a call consumed, as the provider reported them (0 when it did not).
public struct TokenUsage: Equatable, Sendable {
    public var input: Int
    public var output: Int
    public init(input: Int = 0, output: Int = 0) {
        self.input = input
        self.output = output
    }
}

public struct ChatResponse: Equatable, Sendable {
    public var text: String
    public var usage: TokenUsage
    public init(text: String, usage: TokenUsage = TokenUsage()) {
        self.text = text
        self.usage = usage
    }
}

/// A chat model: messages in, text and token usage out. Calls are synchronous and may be made
/// from many threads at once; `OrderedConcurrentMap` supplies the concurrency.
public protocol ChatModel: Sendable {
    /// Which model answers, and where: the identity a cache key needs.
    var spec: ModelSpec { get }
    func complete(_ request: ChatRequest) throws -> ChatResponse
}

/// Why a model call failed after its retries.
public struct LLMError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The server answered with an HTTP error status that concerns this call only.
        case http
        /// No answer within the timeout.
        case timeout
        /// Could not connect, or the connection dropped.
        case connection
        /// The server answered 2xx but not in the provider's response shape.
        case invalidResponse
        /// The model stopped without text.
        case emptyAnswer
        /// The answer reached the output limit and was cut off.
        case cut
        /// The model declined to answer (a refusal, or a safety block).
        case refused
        /// The provider rejected how clio called it (key, model, a parameter): every further
        /// call would fail the same way, so the run stops.
        case configuration
    }
    public var kind: Kind
    public var message: String
    public var status: Int?
    public init(_ kind: Kind, _ message: String, status: Int? = nil) {
        self.kind = kind
        self.message = message
        self.status = status
    }
    public var description: String { message }

    /// The same failure as a `ClioError` for reporting.
    public var clioError: ClioError {
        switch kind {
        case .invalidResponse, .emptyAnswer, .cut, .refused, .configuration: return ClioError(.model, message)
        case .http, .timeout, .connection: return ClioError(.network, message)
        }
    }
}
