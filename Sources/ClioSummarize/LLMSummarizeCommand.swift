import ClioCore
import ClioLLM
import Foundation

/// clio-summarize's options beyond the shared model options (`ClioLLM.LLMOptions`): custom
/// facets, which only a model can answer.
public struct FacetOptions: Sendable {
    public var facetsPath: String?
    public private(set) var customFacets: [FacetSpec] = []
    public init() {}

    /// Reads the custom facets, so a bad file is a usage error before any work starts.
    public mutating func validate(hasModel: Bool) throws(UsageError) {
        guard let facetsPath else { return }
        guard hasModel else { throw UsageError("--facets needs an LLM: give --model PROVIDER:MODEL (or set CLIO_MODEL)") }
        do {
            customFacets = try FacetSpec.load(path: facetsPath)
        } catch {
            throw UsageError(error.description)
        }
    }
}

extension SummarizeCommand {
    /// The LLM path: conversations summarized `-j` at a time, written in input order.
    func runLLM(output: OutputWriter) throws {
        let reader = ConversationReader(paths: files, format: inputFormat, skipInvalid: skipInvalid)
        try reader.checkReadable()
        let runtime = try llm.runtime()
        let masker = PIIMasker()
        let summarizer = LLMSummarizer(asker: runtime.asker, custom: facetOptions.customFacets, maxChars: maxChars, mask: { masker.mask($0) })
        var run = LLMSummarizeRun(summarizer: summarizer, concurrency: llm.jobs, errorsPath: errorsPath, keepMessages: keepMessages)
        run.price = llm.price
        defer { reader.finish() }
        try run.run(
            next: { try reader.next() },
            conversation: { $0.conversation },
            record: { item, facets, truncated in
                outputRecord(item.conversation, format: item.format, facets: facets, summarizer: summarizer.summarizerField, truncated: truncated)
            },
            output: output)
    }
}
