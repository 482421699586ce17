import ClioCore
import ClioLLM

/// The one stand-in chat model of the tests: answers from a script, records every request, no
/// network. The script gets the call's 0-based number (in the order calls arrived) and the request.
public final class FakeChatModel: ChatModel, @unchecked Sendable {
    public let spec: ModelSpec
    private let lock = Mutex()
    private var log: [ChatRequest] = []
    private let usage: TokenUsage
    private let answer: @Sendable (Int, ChatRequest) throws -> String

    /// `usage` is what every response reports.
    public init(
        model: String = "fake", usage: TokenUsage = TokenUsage(input: 10, output: 5),
        _ answer: @escaping @Sendable (Int, ChatRequest) throws -> String
    ) {
        spec = ModelSpec(provider: .openai, model: model, baseURL: "http://fake.invalid/v1")
        self.usage = usage
        self.answer = answer
    }

    /// A script that needs only the request.
    public convenience init(
        model: String = "fake", usage: TokenUsage = TokenUsage(input: 10, output: 5),
        answering answer: @escaping @Sendable (ChatRequest) throws -> String
    ) {
        self.init(model: model, usage: usage) { _, request in try answer(request) }
    }

    /// Every request so far, in arrival order.
    public var requests: [ChatRequest] { lock.withLock { log } }
    public var calls: Int { lock.withLock { log.count } }

    public func complete(_ request: ChatRequest) throws -> ChatResponse {
        let n = lock.withLock {
            log.append(request)
            return log.count - 1
        }
        return ChatResponse(text: try answer(n, request), usage: usage)
    }
}
