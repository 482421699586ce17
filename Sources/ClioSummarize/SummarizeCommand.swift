import ClioCore
import ClioLLM

/// `clio-summarize`: conversations in, one summary record (facets) per conversation out.
public struct SummarizeCommand: Command {
    public static let name = "clio-summarize"
    public static let help = """
        usage: clio-summarize [options] [file ...]

        Reads conversations (JSON Lines, or Claude.ai / ChatGPT / ShareGPT exports) from the files
        or standard input ('-') and writes one summary record per conversation: the input fields
        (minus "messages") plus "facets" (request, task, language, concerning, turns) and
        "summarizer". Personal details (emails, phone numbers, URLs, IP addresses, account and
        card numbers, street addresses, @handles, names) are masked in the facets.

        options:
          --input-format F   auto, messages, claude, chatgpt or sharegpt (default: auto, per file:
                             a JSON array is an export recognised by its first element; JSON Lines
                             are recognised per record by "messages" or "conversations")
          --keep-messages    keep the conversation's "messages" in the output (default: dropped)
          --max-chars N      summarise at most the first N characters of a conversation; longer
                             ones get "truncated": true (default: 20000)
          --skip-invalid     warn about and skip bad records instead of stopping (default: stop)
          --errors FILE      write failed and skipped conversations as JSON lines {"id","reason",
                             "location"} (default: stderr only)

        LLM options:
        \(LLMOptions.help(jobsMeaning: "conversations summarized at once"))
          --facets FILE      custom facets to ask as well (JSON, see docs/facets.md)

          -q, --quiet        no notices, warnings or progress (errors are still printed)
          -h, --help         show this help
          --version          show the version

        Without a model the extractive summarizer is used: it condenses the user's first request
        and masks personal details; "concerning" comes from a small keyword list. Conversations
        with nothing to summarise (empty, no user text, attachments only) are skipped and
        counted by reason; stderr ends with the records read, written and skipped.

        example:
          clio-summarize conversations.jsonl | clio-embed | clio-cluster | clio-label | clio-tree
          clio-summarize --skip-invalid ~/Downloads/claude-export/conversations.json > summaries.jsonl
          OPENAI_API_KEY=… clio-summarize --model openai:gpt-5.4-mini -j 32 --errors failed.jsonl conversations.jsonl > summaries.jsonl
          clio-summarize --model anthropic:claude-haiku-4-5 --dry-run --price 1,5 conversations.jsonl
        """

    public var inputFormat: InputFormat?
    public var keepMessages = false
    public var maxChars = 20_000
    public var skipInvalid = false
    public var quiet = false
    public var files: [String] = []
    public var llm = LLMOptions()
    public var facetOptions = FacetOptions()
    public var errorsPath: String?

    public init(arguments: [String]) throws(UsageError) {
        var scanner = ArgumentScanner(arguments)
        while let option = try scanner.nextOption() {
            switch option {
            case "--input-format":
                let value = try scanner.choice(for: option, ["auto"] + InputFormat.allCases.map(\.rawValue))
                inputFormat = InputFormat(rawValue: value)
            case "--keep-messages": keepMessages = try scanner.flag(option)
            case "--max-chars": maxChars = try scanner.int(for: option, min: 1)
            case "--skip-invalid": skipInvalid = try scanner.flag(option)
            case "-q", "--quiet": quiet = try scanner.flag(option)
            case "--facets": facetOptions.facetsPath = try scanner.value(for: option)
            case "--errors": errorsPath = try scanner.value(for: option)
            default: guard try llm.parse(option, &scanner) else { throw scanner.unknown(option) }
            }
        }
        files = scanner.positionals
        try llm.validate()
        try facetOptions.validate(hasModel: llm.spec != nil)
    }

    /// Reads the conversations and summarizes them through the one run loop: with the LLM
    /// summarizer `-j` at a time, else with the extractive one, in order.
    public func run(output: OutputWriter) throws {
        let reader = ConversationReader(paths: files, format: inputFormat, skipInvalid: skipInvalid)
        try reader.checkReadable()
        let summarizer: any Summarizer
        if llm.spec != nil {
            summarizer = try llmSummarizer()
        } else {
            Diagnostics.note("no LLM is configured, using the extractive summarizer (--model or CLIO_MODEL picks one)")
            summarizer = ExtractiveSummarizer(maxChars: maxChars)
        }
        let run = SummarizeRun(
            summarizer: summarizer, concurrency: llm.spec != nil ? llm.jobs : 1, errorsPath: errorsPath, keepMessages: keepMessages)
        try run.run(reader, output: output)
    }

    /// The conversation cut to its first `maxChars` characters of message text (counted in
    /// Unicode scalars), and whether anything was cut.
    public static func truncate(_ conversation: Conversation, maxChars: Int) -> (Conversation, Bool) {
        var remaining = maxChars
        var kept: [Message] = []
        var truncated = false
        for message in conversation.messages {
            let length = message.content.unicodeScalars.count
            if length <= remaining {
                kept.append(message)
                remaining -= length
                continue
            }
            truncated = true
            if remaining > 0 {
                var scalars = String.UnicodeScalarView()
                scalars.append(contentsOf: message.content.unicodeScalars.prefix(remaining))
                kept.append(Message(role: message.role, content: String(scalars)))
            }
            break
        }
        guard truncated else { return (conversation, false) }
        var copy = conversation
        copy.messages = kept
        return (copy, true)
    }

    static func messagesJSON(_ messages: [Message]) -> JSON {
        .array(messages.map { ["role": .string($0.role), "content": .string($0.content)] })
    }
}
