import ClioCore

/// A chat model whose answers are kept in a `ContentCache`, keyed by everything that changes
/// the answer: provider, model, base URL, every message and every option (never the API key).
///
/// Writes can be deferred: a caller that validates answers collects the `PendingEntry`s of a
/// record and stores them only once the record came out valid, so a record that failed is
/// asked afresh on the next run while every good one is served from the cache.
public final class CachedChatModel: ChatModel, @unchecked Sendable {
    public let base: any ChatModel
    public let cache: ContentCache?
    public let stats: LLMStats
    public var spec: ModelSpec { base.spec }
    /// Bumped when the stored form or the key's shape changes.
    static let version = "clio-llm-cache/2"

    /// A finished call not yet written to the cache.
    public struct PendingEntry: Sendable {
        let key: String
        let value: [UInt8]
    }

    /// False in a dry run: the cache is read, never written.
    public let writes: Bool

    /// - Parameter cache: nil for `--no-cache`: every call goes to the model.
    public init(base: any ChatModel, cache: ContentCache?, stats: LLMStats, writes: Bool = true) {
        self.base = base
        self.cache = cache
        self.stats = stats
        self.writes = writes
    }

    /// The cached answer to `request`, without calling the model or counting anything.
    public func cachedResponse(_ request: ChatRequest) -> ChatResponse? {
        guard let cache, let bytes = cache.get(key(for: request)) else { return nil }
        return CachedChatModel.decode(bytes)
    }

    public func key(for request: ChatRequest) -> String {
        ContentCache.key([CachedChatModel.version] + spec.cacheIdentity + [JSONSerializer.string(request.canonicalJSON)])
    }

    /// Calls through, storing the answer at once.
    public func complete(_ request: ChatRequest) throws -> ChatResponse {
        var pending: [PendingEntry] = []
        let response = try complete(request, pending: &pending)
        commit(pending)
        return response
    }

    /// Serves from the cache, or calls the model and appends the entry to `pending` for `commit`.
    public func complete(_ request: ChatRequest, pending: inout [PendingEntry]) throws -> ChatResponse {
        let key = key(for: request)
        if let cache, let bytes = cache.get(key), let response = CachedChatModel.decode(bytes) {
            stats.add(cacheHits: 1)
            return response
        }
        let response: ChatResponse
        do {
            response = try base.complete(request)
        } catch {
            stats.add(calls: 1, callFailures: 1)
            throw error
        }
        stats.add(calls: 1, usage: response.usage)
        if cache != nil { pending.append(PendingEntry(key: key, value: CachedChatModel.encode(response))) }
        return response
    }

    public func commit(_ pending: [PendingEntry]) {
        guard let cache, writes else { return }
        for entry in pending { cache.putOrWarn(entry.key, entry.value) }
    }

    static func encode(_ response: ChatResponse) -> [UInt8] {
        JSONSerializer.bytes([
            "text": .string(response.text),
            "usage": ["input": .number(Double(response.usage.input)), "output": .number(Double(response.usage.output))],
        ])
    }

    static func decode(_ bytes: [UInt8]) -> ChatResponse? {
        guard let value = try? JSONParser.parse(bytes), let text = value[path: "text"]?.stringValue else { return nil }
        return ChatResponse(text: text, usage: TokenUsage(input: value[path: "usage.input"]?.intValue ?? 0, output: value[path: "usage.output"]?.intValue ?? 0))
    }
}
