import ClioCore
import ClioLLM

/// Facet extraction with an LLM: the paper's extractor prompt, a structured answer validated and
/// re-asked through ClioLLM's `Asker`.
public struct LLMSummarizer: Summarizer {
    public let asker: Asker
    public let prompt: FacetPrompt
    /// Applied to every free-text answer after validation: a second guard (clio-summarize
    /// passes its PII masker) behind the prompt's privacy rules.
    public var mask: (@Sendable (String) -> String)?
    /// `--price`: the cost of the counted tokens in the closing line.
    public var price: LLMOptions.Price?

    /// - Parameter custom: facets from `--facets FILE`, asked after the built-in ones.
    public init(asker: Asker, custom: [FacetSpec] = [], maxChars: Int = 20_000, mask: (@Sendable (String) -> String)? = nil) {
        self.asker = asker
        self.mask = mask
        self.prompt = FacetPrompt(facets: FacetSpec.builtIn + custom, maxChars: maxChars)
    }

    public var model: CachedChatModel { asker.model }

    public var descriptor: JSON { ["name": "llm", "model": .string(model.spec.name)] }

    public var isDryRun: Bool { asker.ledger != nil }

    public func dryRunReport() -> String { asker.ledger?.report(model: model.spec.name, price: price) ?? "" }

    public func progressDetail() -> String { model.stats.describe() }

    public func closingDetails() -> [String] {
        let v = model.stats.snapshot
        var parts = [model.spec.name, RunSummary.count(v.calls, "call"), RunSummary.count(v.cacheHits, "cache hit")]
        if v.retries > 0 { parts.append(RunSummary.count(v.retries, "retry", "retries")) }
        let cost = price.map { ", " + $0.costText(v) } ?? ""
        parts.append("tokens \(v.tokensIn) in / \(v.tokensOut) out\(cost)")
        return parts
    }

    public func summary(of conversation: Conversation) -> SummaryResult {
        let (transcript, truncated) = prompt.transcript(conversation)
        do {
            switch try asker.ask(prompt.question(transcript: transcript)) {
            case .answered(let values, let tries):
                return .success(facets(values, turns: conversation.userTurns), truncated: truncated, tries: tries)
            case .failed(let reason):
                return .failure(reason: reason)
            }
        } catch {
            return .fatal(error.clioError)
        }
    }

    func facets(_ values: [String: JSON], turns: Int) -> Facets {
        var values = values
        if let mask {
            for facet in prompt.facets {
                if case .text = facet.kind, let text = values[facet.name]?.stringValue { values[facet.name] = .string(mask(text)) }
            }
        }
        let extra = prompt.facets.filter { !FacetSpec.reservedNames.contains($0.name) }.map { (name: $0.name, value: values[$0.name]!) }
        return Facets(
            request: values["request"]!.stringValue!, task: values["task"]!.stringValue!, language: values["language"]!.stringValue!,
            concerning: values["concerning"]!.intValue!, turns: turns, extra: extra)
    }
}
