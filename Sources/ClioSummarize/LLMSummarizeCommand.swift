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
    /// The LLM summarizer of `--model`, its answers masked like the extractive summarizer's.
    func llmSummarizer() throws -> LLMSummarizer {
        let runtime = try llm.runtime()
        let masker = PIIMasker()
        var summarizer = LLMSummarizer(asker: runtime.asker, custom: facetOptions.customFacets, maxChars: maxChars, mask: { masker.mask($0) })
        summarizer.price = llm.price
        return summarizer
    }
}
