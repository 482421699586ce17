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

/// How the answer should be shaped. Providers map this onto their own JSON or schema mode
/// where they have one; the caller validates the answer either way.
public enum ResponseFormat: Equatable, Sendable {
    case text
    /// Any JSON object.
    case jsonObject
    /// A JSON object following a JSON Schema (`name` labels it for OpenAI).
    case jsonSchema(name: String, schema: JSON)
}

/// Everything that changes a model's answer besides the model itself.
public struct ChatOptions: Equatable, Sendable {
    public var temperature: Double?
    public var maxTokens: Int?
    public var format: ResponseFormat
    public init(temperature: Double? = 0, maxTokens: Int? = 1024, format: ResponseFormat = .text) {
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

    /// A canonical JSON form of the request: the part of a cache key that describes the call.
    public var canonicalJSON: JSON {
        var options: JSONObject = [:]
        options["temperature"] = self.options.temperature.map { .number($0) } ?? .null
        options["max_tokens"] = self.options.maxTokens.map { .number(Double($0)) } ?? .null
        switch self.options.format {
        case .text: options["format"] = "text"
        case .jsonObject: options["format"] = "json"
        case .jsonSchema(let name, let schema):
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
        /// The server answered with an HTTP error status.
        case http
        /// No answer within the timeout.
        case timeout
        /// Could not connect, or the connection dropped.
        case connection
        /// The server answered 2xx but not in the provider's response shape.
        case invalidResponse
        /// The model declined or stopped without text.
        case emptyAnswer
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
    public var clioError: ClioError { ClioError(kind == .invalidResponse || kind == .emptyAnswer ? .model : .network, message) }
}
