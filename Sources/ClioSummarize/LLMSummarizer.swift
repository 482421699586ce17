import ClioCore
import ClioLLM

/// What became of one conversation.
public enum LLMSummary: Sendable {
    /// Valid facets; `tries` is 1 when the first answer was valid.
    case success(Facets, truncated: Bool, tries: Int)
    /// No valid facets after every try, or a call that failed for good.
    case failure(reason: String)
    /// The provider rejected the configuration: the run stops.
    case fatal(LLMError)
}

/// Facet extraction with an LLM: the paper's extractor prompt, a structured answer validated and
/// re-asked through ClioLLM's `Asker`.
public struct LLMSummarizer: Sendable {
    public let asker: Asker
    public let prompt: FacetPrompt
    /// Applied to every free-text answer after validation: a second guard (clio-summarize
    /// passes its PII masker) behind the prompt's privacy rules.
    public var mask: (@Sendable (String) -> String)?

    /// - Parameter custom: facets from `--facets FILE`, asked after the built-in ones.
    public init(asker: Asker, custom: [FacetSpec] = [], maxChars: Int = 20_000, mask: (@Sendable (String) -> String)? = nil) {
        self.asker = asker
        self.mask = mask
        self.prompt = FacetPrompt(facets: FacetSpec.builtIn + custom, maxChars: maxChars)
    }

    public var model: CachedChatModel { asker.model }

    /// The `summarizer` field of every record this writes.
    public var summarizerField: JSON { ["name": "llm", "model": .string(model.spec.name)] }

    public func summarize(_ conversation: Conversation) -> LLMSummary {
        let (transcript, truncated) = prompt.transcript(conversation)
        do {
            switch try asker.ask(prompt.question(transcript: transcript)) {
            case .answered(let values, let tries):
                return .success(facets(values, turns: conversation.userTurns), truncated: truncated, tries: tries)
            case .failed(let reason):
                return .failure(reason: reason)
            }
        } catch {
            return .fatal(error)
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
