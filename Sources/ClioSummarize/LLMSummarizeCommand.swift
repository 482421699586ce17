import ClioCore
import ClioLLM
import Foundation

/// The LLM options of clio-summarize, parsed and validated apart from the rest so the command
/// itself only forwards to them.
public struct LLMOptions: Sendable {
    public var model: String?
    public var baseURL: String?
    public var jobs = 16
    public var attempts = 3
    public var timeout = 300.0
    public var facetsPath: String?
    public var errorsPath: String?
    public var cacheDir: String?
    public var noCache = false
    /// Set by `validate`: nil when no model is configured (the extractive path runs).
    public private(set) var spec: ModelSpec?
    public private(set) var customFacets: [FacetSpec] = []

    public init() {}

    /// The lines `--help` shows for these options.
    public static let help = """
          --model P:M        use an LLM for the facets: openai:gpt-4o-mini, anthropic:claude-3-5-haiku-latest,
                             gemini:gemini-2.0-flash, ollama:llama3.2 (default: $CLIO_MODEL; none: extractive)
          --base-url URL     API base URL, e.g. http://127.0.0.1:8080/v1 for an OpenAI-compatible server
                             (default: $CLIO_BASE_URL, else the provider's); keys come from OPENAI_API_KEY,
                             ANTHROPIC_API_KEY, GEMINI_API_KEY or GOOGLE_API_KEY
          -j, --jobs N       conversations summarized at once (default: 16)
          --attempts N       answers asked per conversation before it counts as failed (default: 3)
          --timeout S        seconds to wait for an answer before retrying (default: 300)
          --facets FILE      custom facets to ask as well (JSON, see docs/facets.md)
          --errors FILE      write failed records as JSON lines {"id","reason"} (default: stderr only)
          --cache DIR        LLM answer cache (default: $CLIO_CACHE_DIR/llm or ~/.cache/clio/llm)
          --no-cache         neither read nor write the cache
        """

    /// Takes `option` when it is one of these; returns false for any other.
    public mutating func parse(_ option: String, _ scanner: inout ArgumentScanner) throws(UsageError) -> Bool {
        switch option {
        case "--model": model = try scanner.value(for: option)
        case "--base-url": baseURL = try scanner.value(for: option)
        case "-j", "--jobs": jobs = try scanner.int(for: option, min: 1, max: 1024)
        case "--attempts": attempts = try scanner.int(for: option, min: 1, max: 20)
        case "--timeout": timeout = try scanner.double(for: option, min: 1)
        case "--facets": facetsPath = try scanner.value(for: option)
        case "--errors": errorsPath = try scanner.value(for: option)
        case "--cache": cacheDir = try scanner.value(for: option)
        case "--no-cache": noCache = try scanner.flag(option)
        default: return false
        }
        return true
    }

    /// Resolves the model and its key from the options and the environment, and reads the
    /// custom facets, so every mistake is a usage error before any work starts.
    public mutating func validate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(UsageError) {
        spec = try ModelSpec.resolve(model: model, baseURL: baseURL, environment: environment)
        if noCache && cacheDir != nil { throw UsageError("--cache and --no-cache exclude each other") }
        if let facetsPath {
            guard spec != nil else { throw UsageError("--facets needs an LLM: give --model PROVIDER:MODEL (or set CLIO_MODEL)") }
            do {
                customFacets = try FacetSpec.load(path: facetsPath)
            } catch {
                throw UsageError(error.description)
            }
        }
    }
}

extension SummarizeCommand {
    /// The LLM path: conversations summarized `-j` at a time, written in input order.
    func runLLM(spec: ModelSpec, output: OutputWriter) throws {
        let reader = ConversationReader(paths: files, format: inputFormat, skipInvalid: skipInvalid)
        try reader.checkReadable()
        let stats = LLMStats()
        let client = HTTPClient(maxConnections: llm.jobs, timeout: llm.timeout, stats: stats, secrets: [spec.apiKey].compactMap { $0 })
        let cache = llm.noCache ? nil : try ContentCache(directory: llm.cacheDir ?? ContentCache.defaultDirectory("llm"))
        let model = CachedChatModel(base: spec.makeModel(client: client), cache: cache, stats: stats)
        let masker = PIIMasker()
        let summarizer = LLMSummarizer(
            model: model, custom: llm.customFacets, attempts: llm.attempts, maxChars: maxChars, mask: { masker.mask($0) })
        let run = LLMSummarizeRun(summarizer: summarizer, concurrency: llm.jobs, errorsPath: llm.errorsPath, keepMessages: keepMessages)
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
