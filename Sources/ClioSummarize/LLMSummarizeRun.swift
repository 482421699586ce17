import ClioCore
import ClioLLM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The LLM path of clio-summarize: conversations in, summary records out in input order, with
/// bounded concurrency, a progress line, a final summary, and failed records reported rather
/// than dropped.
public struct LLMSummarizeRun {
    public var summarizer: LLMSummarizer
    /// Conversations summarized at once (`-j`).
    public var concurrency: Int
    /// `--errors FILE`: one JSON line (`id`, `reason`) per failed record.
    public var errorsPath: String?
    /// `--keep-messages`: leave the conversation in the record.
    public var keepMessages: Bool
    /// `--price`: the cost of the counted tokens in the summary.
    public var price: LLMOptions.Price?

    /// Counts of one run, for the summary line and tests.
    public struct Outcome: Equatable, Sendable {
        public var records = 0
        public var firstTry = 0
        public var reasked = 0
        public var failed = 0
        public var truncated = 0
    }

    public init(summarizer: LLMSummarizer, concurrency: Int = 16, errorsPath: String? = nil, keepMessages: Bool = false) {
        self.summarizer = summarizer
        self.concurrency = concurrency
        self.errorsPath = errorsPath
        self.keepMessages = keepMessages
    }

    /// The record written for a summarized conversation: the input's fields (without
    /// `messages` unless kept), then `facets`, `summarizer` and, when cut, `truncated`.
    public func record(for conversation: Conversation, facets: Facets, truncated: Bool) -> JSONObject {
        var record = conversation.record
        if !keepMessages { record["messages"] = nil }
        record["facets"] = facets.json
        record["summarizer"] = summarizer.summarizerField
        if truncated { record["truncated"] = true }
        return record
    }

    /// Summarizes every conversation `next` yields and writes the records in input order.
    /// Throws `ClioError(.failedRecords)` after the last record when any failed.
    @discardableResult
    public func run(next: () throws -> Conversation?, output: OutputWriter) throws -> Outcome {
        try run(next: next, conversation: { $0 }, record: { record(for: $0, facets: $1, truncated: $2) }, output: output)
    }

    /// The general form: items carry a conversation plus whatever `record` needs to build the
    /// output record (clio-summarize passes the input format along).
    @discardableResult
    public func run<Item>(
        next: () throws -> Item?,
        conversation: @escaping @Sendable (Item) -> Conversation,
        record: (Item, Facets, Bool) throws -> JSONObject,
        output: OutputWriter
    ) throws -> Outcome {
        let stats = summarizer.model.stats
        let ledger = summarizer.asker.ledger
        let errors = try errorsPath.map { path throws(ClioError) in try OutputWriter(creating: path, lineFlush: true) }
        defer { try? errors?.flush() }

        let progress = Progress(label: "summarized")
        var outcome = Outcome()
        progress.detail = { [stats] in
            var text = stats.describe()
            if outcome.failed > 0 { text += ", \(outcome.failed) failed" }
            return text
        }
        let summarizer = self.summarizer
        try OrderedConcurrentMap.run(
            next: next,
            concurrency: concurrency,
            transform: { item in (item, summarizer.summarize(conversation(item))) },
            emit: { (item: Item, summary: LLMSummary) in
                outcome.records += 1
                switch summary {
                case .success(let facets, let truncated, let tries):
                    if tries == 1 { outcome.firstTry += 1 } else { outcome.reasked += 1 }
                    if truncated { outcome.truncated += 1 }
                    // A dry run's facets are stand-ins: nothing is written.
                    if ledger == nil { try output.write(record: try record(item, facets, truncated)) }
                case .fatal(let error):
                    throw error.clioError
                case .failure(let reason):
                    outcome.failed += 1
                    let conversation = conversation(item)
                    let id = idText(conversation.id)
                    let place = conversation.location.map { "\($0): " } ?? ""
                    Diagnostics.warning("\(place)record \(id) failed: \(reason)")
                    if let errors {
                        var line: JSONObject = ["id": conversation.id, "reason": .string(reason)]
                        if let location = conversation.location { line["location"] = .string(location.description) }
                        try errors.write(record: line)
                    }
                }
                progress.advance()
            })
        if let ledger {
            try output.write(ledger.report(model: summarizer.model.spec.name, price: price))
            try output.flush()
            return outcome
        }
        try output.flush()
        Diagnostics.note(summaryLine(outcome, elapsed: progress.elapsed))
        if outcome.failed > 0 {
            let hint = errorsPath.map { " (listed in \($0); rerun to retry them)" } ?? " (rerun to retry them)"
            throw ClioError(.failedRecords, "\(outcome.failed) record\(outcome.failed == 1 ? "" : "s") failed\(hint)")
        }
        return outcome
    }

    func summaryLine(_ outcome: Outcome, elapsed: Double) -> String {
        let v = summarizer.model.stats.snapshot
        var parts = ["\(outcome.records) record\(outcome.records == 1 ? "" : "s")"]
        if outcome.reasked > 0 { parts.append("\(outcome.reasked) re-asked") }
        parts.append("\(outcome.failed) failed")
        if outcome.truncated > 0 { parts.append("\(outcome.truncated) truncated") }
        parts.append("\(v.calls) call\(v.calls == 1 ? "" : "s")")
        parts.append("\(v.cacheHits) cache hit\(v.cacheHits == 1 ? "" : "s")")
        if v.retries > 0 { parts.append("\(v.retries) retr\(v.retries == 1 ? "y" : "ies")") }
        let cost = price.map { ", " + DryRunLedger.dollars($0.cost(input: v.tokensIn, output: v.tokensOut)) } ?? ""
        parts.append("tokens \(v.tokensIn) in / \(v.tokensOut) out\(cost)")
        parts.append(formatDuration(elapsed))
        return "summarized " + parts.joined(separator: ", ") + " (\(summarizer.model.spec.name))"
    }

    private func idText(_ id: JSON) -> String {
        if let s = id.stringValue { return s }
        return JSONSerializer.string(id)
    }
}
