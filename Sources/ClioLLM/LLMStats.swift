import ClioCore

/// Counters shared by every worker of a run: what the progress line and the final summary show.
public final class LLMStats: @unchecked Sendable {
    private let lock = Mutex()
    private var values = Values()

    public struct Values: Equatable, Sendable {
        /// Calls that reached the model (retries of one call not counted).
        public var calls = 0
        /// Calls answered from the cache.
        public var cacheHits = 0
        /// Extra tries after a transient failure (429, 5xx, timeout, dropped connection).
        public var retries = 0
        /// Calls that failed for good.
        public var callFailures = 0
        public var tokensIn = 0
        public var tokensOut = 0
    }

    public init() {}

    public var snapshot: Values { lock.withLock { values } }

    public func add(calls: Int = 0, cacheHits: Int = 0, retries: Int = 0, callFailures: Int = 0, usage: TokenUsage? = nil) {
        lock.withLock {
            values.calls += calls
            values.cacheHits += cacheHits
            values.retries += retries
            values.callFailures += callFailures
            if let usage {
                values.tokensIn += usage.input
                values.tokensOut += usage.output
            }
        }
    }

    /// "3 calls, 12 cached, 1,204 tokens in, 311 out" — for progress lines and summaries.
    public func describe() -> String {
        let v = snapshot
        var parts = [RunSummary.count(v.calls, "call"), "\(v.cacheHits) cached"]
        if v.retries > 0 { parts.append(RunSummary.count(v.retries, "retry", "retries")) }
        parts.append("tokens \(v.tokensIn) in / \(v.tokensOut) out")
        return parts.joined(separator: ", ")
    }
}
