import ClioCore
import ClioLLM

/// What became of one conversation.
public enum LLMSummary: Sendable {
    /// Valid facets; `tries` is 1 when the first answer was valid.
    case success(Facets, truncated: Bool, tries: Int)
    /// No valid facets after every try, or a call that failed for good.
    case failure(reason: String)
}

/// Facet extraction with an LLM: prompt, structured answer, validation, and a re-ask with the
/// validation error until the answer is valid or `attempts` are used.
///
/// A record's answers are written to the cache only when the record came out valid, so a
/// rerun serves every good record from the cache and asks afresh for the failed ones.
public struct LLMSummarizer: Sendable {
    public let model: CachedChatModel
    public let prompt: FacetPrompt
    public let attempts: Int
    public let options: ChatOptions
    /// Applied to every free-text answer after validation: a second guard (clio-summarize
    /// passes its PII masker) behind the prompt's privacy rules.
    public var mask: (@Sendable (String) -> String)?

    /// - Parameters:
    ///   - custom: facets from `--facets FILE`, asked after the built-in ones.
    ///   - attempts: answers asked for one conversation, the first included (`--attempts`).
    public init(model: CachedChatModel, custom: [FacetSpec] = [], attempts: Int = 3, maxChars: Int = 20_000, maxTokens: Int = 1024,
                mask: (@Sendable (String) -> String)? = nil) {
        self.model = model
        self.mask = mask
        self.prompt = FacetPrompt(facets: FacetSpec.builtIn + custom, maxChars: maxChars)
        self.attempts = max(1, attempts)
        self.options = ChatOptions(temperature: 0, maxTokens: maxTokens, format: .jsonSchema(name: "facets", schema: prompt.schema))
    }

    /// The `summarizer` field of every record this writes.
    public var summarizerField: JSON { ["name": "llm", "model": .string(model.spec.name)] }

    public func summarize(_ conversation: Conversation) -> LLMSummary {
        let (transcript, truncated) = prompt.transcript(conversation)
        var messages = [ChatMessage(.system, prompt.systemPrompt), ChatMessage(.user, prompt.userPrompt(transcript: transcript))]
        var pending: [CachedChatModel.PendingEntry] = []
        var problem = ""
        for tryNumber in 1...attempts {
            let answer: ChatResponse
            do {
                answer = try model.complete(ChatRequest(messages: messages, options: options), pending: &pending)
            } catch let error as LLMError {
                return .failure(reason: error.message)
            } catch {
                return .failure(reason: "\(error)")
            }
            switch prompt.validate(answer.text) {
            case .success(let values):
                model.commit(pending)
                return .success(facets(values, turns: conversation.userTurns), truncated: truncated, tries: tryNumber)
            case .failure(let error):
                problem = error.message
                messages.append(ChatMessage(.assistant, answer.text))
                messages.append(ChatMessage(.user, FacetPrompt.reask(error.message)))
            }
        }
        return .failure(reason: "no valid answer after \(attempts) tr\(attempts == 1 ? "y" : "ies"): \(problem)")
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
