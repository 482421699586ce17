import ClioCore
import ClioLLM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// clio-summarize's one run loop, whichever `Summarizer` makes the facets: conversations in,
/// summary records out in input order, `concurrency` at a time. Conversations with nothing to
/// summarise are skipped and counted by reason; failed ones are reported, listed in `--errors`
/// and make the run exit 1 after every good record is written; one closing line ends the run.
public struct SummarizeRun {
    public var summarizer: any Summarizer
    /// Conversations summarized at once (`-j`).
    public var concurrency: Int
    /// `--errors FILE`: one JSON line (`id`, `reason`, `location`) per failed or skipped record.
    public var errorsPath: String?
    /// `--keep-messages`: leave the conversation in the record.
    public var keepMessages: Bool

    /// Counts of one run, for the closing line and tests.
    public struct Outcome: Equatable, Sendable {
        /// Conversations read (good ones; records skipped as invalid are counted by the reader).
        public var records = 0
        public var firstTry = 0
        public var reasked = 0
        public var failed = 0
        public var truncated = 0
        public var skipped = 0
    }

    public init(summarizer: any Summarizer, concurrency: Int = 16, errorsPath: String? = nil, keepMessages: Bool = false) {
        self.summarizer = summarizer
        self.concurrency = concurrency
        self.errorsPath = errorsPath
        self.keepMessages = keepMessages
    }

    /// The record written for a summarized conversation: its pass-through fields (`messages`
    /// dropped unless kept; exports and ShareGPT get canonical `messages` when kept), then
    /// `facets`, `summarizer` and, when it was cut, `truncated`.
    public func record(for conversation: Conversation, format: InputFormat = .messages, facets: Facets, truncated: Bool) -> JSONObject {
        var record = conversation.record
        switch format {
        case .messages:
            if !keepMessages { record["messages"] = nil }
        case .sharegpt:
            record["conversations"] = nil
            if keepMessages { record["messages"] = SummarizeCommand.messagesJSON(conversation.messages) }
        case .claude, .chatgpt:
            if keepMessages { record["messages"] = SummarizeCommand.messagesJSON(conversation.messages) }
        }
        record["facets"] = facets.json
        record["summarizer"] = summarizer.descriptor
        if truncated { record["truncated"] = true }
        return record
    }

    /// Summarizes every conversation `reader` yields, applying its bad-record policy.
    @discardableResult
    public func run(_ reader: ConversationReader, output: OutputWriter) throws -> Outcome {
        try run(next: { try reader.next() }, invalid: { try reader.handle($0) }, endOfInput: {
            reader.finish()
            return reader.skipped
        }, output: output)
    }

    /// Summarizes conversations of the canonical `messages` shape; the first invalid one stops
    /// the run.
    @discardableResult
    public func run(next: () throws -> Conversation?, output: OutputWriter) throws -> Outcome {
        try run(next: { try next().map { ($0, .messages) } }, invalid: { throw $0 }, endOfInput: { 0 }, output: output)
    }

    /// The loop. `invalid` applies the bad-record policy to a record the summarizer cannot
    /// take; `endOfInput` reports and returns how many records the policy skipped.
    func run(
        next: () throws -> (conversation: Conversation, format: InputFormat)?,
        invalid: (ClioError) throws -> Void,
        endOfInput: () -> Int,
        output: OutputWriter
    ) throws -> Outcome {
        let dryRun = summarizer.isDryRun
        let errors = try errorsPath.map { path throws(ClioError) in try OutputWriter(creating: path, lineFlush: true) }
        defer { try? errors?.flush() }
        func listError(_ conversation: Conversation, _ reason: String, skipped: Bool) throws {
            guard let errors else { return }
            var line: JSONObject = ["id": conversation.id, "reason": .string(reason)]
            if let location = conversation.location { line["location"] = .string(location.description) }
            if skipped { line["skipped"] = true }
            try errors.write(record: line)
        }

        let progress = Progress(label: "summarized")
        var outcome = Outcome()
        var summary = RunSummary()
        progress.detail = { [summarizer] in
            var text = summarizer.progressDetail()
            if outcome.failed > 0 { text += (text.isEmpty ? "" : ", ") + "\(outcome.failed) failed" }
            return text
        }
        let summarizer = self.summarizer
        try OrderedConcurrentMap.run(
            next: next,
            concurrency: concurrency,
            transform: { (item: (conversation: Conversation, format: InputFormat)) -> (Conversation, InputFormat, SummaryResult) in
                // Checked here, not by each summarizer, so both paths skip the same records.
                if let reason = item.conversation.skipReason { return (item.conversation, item.format, .skipped(reason)) }
                return (item.conversation, item.format, summarizer.summary(of: item.conversation))
            },
            emit: { (conversation: Conversation, format: InputFormat, result: SummaryResult) in
                if case .invalid(let error) = result {
                    // Counted by the reader's policy, or the end of the run.
                    try invalid(conversation.location.map { error.at($0) } ?? error)
                    return
                }
                outcome.records += 1
                switch result {
                case .skipped(let reason):
                    outcome.skipped += 1
                    summary.skip(reason.rawValue)
                    try listError(conversation, reason.rawValue, skipped: true)
                case .success(let facets, let truncated, let tries):
                    if tries == 1 { outcome.firstTry += 1 } else { outcome.reasked += 1 }
                    if truncated { outcome.truncated += 1 }
                    // A dry run's facets are stand-ins: nothing is written.
                    if !dryRun {
                        try output.write(record: record(for: conversation, format: format, facets: facets, truncated: truncated))
                        summary.written += 1
                    }
                case .invalid:
                    break
                case .fatal(let error):
                    throw error
                case .failure(let reason):
                    outcome.failed += 1
                    let id = conversation.id.stringValue ?? JSONSerializer.string(conversation.id)
                    let place = conversation.location.map { "\($0): " } ?? ""
                    Diagnostics.warning("\(place)record \(id) failed: \(reason)")
                    try listError(conversation, reason, skipped: false)
                }
                progress.advance()
            })
        // Invalid records were warned about one by one as they were read; the conversations
        // skipped here get one line by reason, and their list in --errors.
        let invalid = endOfInput()
        if let skipLine = summary.skipLine(noun: "conversation") {
            Diagnostics.note(skipLine + (errorsPath.map { " (listed in \($0))" } ?? ""))
        }
        summary.skip("invalid", count: invalid)
        summary.read = outcome.records + invalid
        summary.failed = outcome.failed
        if dryRun {
            try output.write(summarizer.dryRunReport())
            try output.flush()
            return outcome
        }
        try output.flush()
        var details: [String] = []
        if outcome.reasked > 0 { details.append("\(outcome.reasked) re-asked") }
        if outcome.truncated > 0 { details.append("\(outcome.truncated) truncated") }
        summary.print(details: details + summarizer.closingDetails() + [formatDuration(progress.elapsed)])
        if outcome.failed > 0 {
            let hint = errorsPath.map { " (listed in \($0); rerun to retry them)" } ?? " (rerun to retry them)"
            throw ClioError(.failedRecords, "\(RunSummary.count(outcome.failed, "record")) failed\(hint)")
        }
        return outcome
    }
}
