import ClioCore
import Foundation

/// The LLM options every tool that calls a chat model takes, parsed the same way everywhere:
/// `--model`, `--base-url`, `-j`, `--attempts`, `--timeout`, `--reasoning`, `--cache` /
/// `--no-cache`, `--dry-run` and `--price`.
public struct LLMOptions: Sendable {
    public var model: String?
    public var baseURL: String?
    public var jobs = 16
    public var attempts = 3
    public var timeout = 300.0
    public var reasoning: String?
    public var cacheDir: String?
    public var noCache = false
    /// Build every prompt, count calls and tokens, call nothing.
    public var dryRun = false
    /// Dollars per million input and output tokens, for the cost in the summary.
    public var price: Price?
    /// Set by `validate`: nil when no model is configured (the tool's offline path runs).
    public private(set) var spec: ModelSpec?

    public struct Price: Sendable, Equatable {
        public var input: Double
        public var output: Double
        public init(input: Double, output: Double) {
            self.input = input
            self.output = output
        }
        public func cost(input tokens: Int, output outTokens: Int) -> Double {
            (Double(tokens) * input + Double(outTokens) * output) / 1_000_000
        }
        /// `$0.53`: the cost of a run's counted tokens.
        public func costText(_ stats: LLMStats.Values) -> String {
            DryRunLedger.dollars(cost(input: stats.tokensIn, output: stats.tokensOut))
        }
    }

    public init() {}

    /// The `--help` lines of these options; `what` says what a call does in this tool.
    public static func help(jobsMeaning: String) -> String {
        """
          --model P:M        the chat model, PROVIDER:MODEL with PROVIDER openai, anthropic, gemini or
                             ollama; low-cost current models: openai:gpt-5.4-mini,
                             anthropic:claude-haiku-4-5, gemini:gemini-3.1-flash-lite, ollama:qwen3:8b
                             (any model id works; default: $CLIO_MODEL, else none: offline)
          --base-url URL     the API's base URL, e.g. http://127.0.0.1:8080/v1 for llama.cpp, vLLM or LM
                             Studio (default: $CLIO_BASE_URL, else the provider's); keys come from
                             OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY or GOOGLE_API_KEY
          -j, --jobs N       \(jobsMeaning) (default: 16)
          --attempts N       answers asked per question before it counts as failed (default: 3)
          --timeout S        seconds to wait for an answer before retrying (default: 300)
          --reasoning LEVEL  reasoning effort / thinking level to ask for (default: the lowest the model
                             allows: none, minimal or low; Gemini 2.5 also takes a token budget)
          --cache DIR        model answer cache (default: $CLIO_CACHE_DIR/llm, else
                             $XDG_CACHE_HOME/clio/llm, else ~/.cache/clio/llm)
          --no-cache         neither read nor write the cache
          --dry-run          build every prompt and print the calls and estimated tokens per step;
                             no network, nothing written to standard output but that table
          --price IN,OUT     dollars per million input and output tokens: the cost in the summary
                             and the dry-run table
        """
    }

    /// Takes `option` when it is one of these; returns false for any other.
    public mutating func parse(_ option: String, _ scanner: inout ArgumentScanner) throws(UsageError) -> Bool {
        switch option {
        case "--model": model = try scanner.value(for: option)
        case "--base-url": baseURL = try scanner.value(for: option)
        case "-j", "--jobs": jobs = try scanner.int(for: option, min: 1, max: 1024)
        case "--attempts": attempts = try scanner.int(for: option, min: 1, max: 20)
        case "--timeout": timeout = try scanner.double(for: option, min: 1, max: 86_400)
        case "--reasoning":
            let value = try scanner.value(for: option)
            guard !value.isEmpty, value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                throw UsageError("option --reasoning needs a level such as none, minimal, low, medium or high, got '\(value)'")
            }
            reasoning = value.lowercased()
        case "--cache": cacheDir = try scanner.value(for: option)
        case "--no-cache": noCache = try scanner.flag(option)
        case "--dry-run": dryRun = try scanner.flag(option)
        case "--price": price = try Self.parsePrice(try scanner.value(for: option))
        default: return false
        }
        return true
    }

    static func parsePrice(_ text: String) throws(UsageError) -> Price {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let input = parts[0], let output = parts[1], input.isFinite, output.isFinite, input >= 0, output >= 0 else {
            throw UsageError("option --price needs two numbers IN,OUT (dollars per million tokens), got '\(text)'")
        }
        return Price(input: input, output: output)
    }

    /// Resolves the model and its key; every mistake is a usage error before any work starts.
    /// A dry run needs no key: it calls nothing.
    public mutating func validate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(UsageError) {
        spec = try ModelSpec.resolve(model: model, baseURL: baseURL, environment: environment, requireKey: !dryRun)
        spec?.reasoning = reasoning
        if noCache && cacheDir != nil { throw UsageError("--cache and --no-cache exclude each other") }
        if spec == nil {
            for (flag, given) in [("--dry-run", dryRun), ("--reasoning", reasoning != nil), ("--price", price != nil)] where given {
                throw UsageError("option \(flag) needs --model PROVIDER:MODEL (or CLIO_MODEL)")
            }
        }
        if let spec, let reasoning, case let levels = spec.profile.reasoningLevels, !levels.isEmpty,
           Int(reasoning) == nil, !levels.contains(reasoning) {
            throw UsageError("\(spec.name) takes --reasoning \(levels.joined(separator: ", ")), got '\(reasoning)'")
        }
    }

    /// What a run needs to ask questions: the cached model, its counters and, in a dry run,
    /// the ledger that counts the calls instead of making them.
    public struct Runtime: Sendable {
        public var asker: Asker
        public var stats: LLMStats
        public var ledger: DryRunLedger?
        public var spec: ModelSpec { asker.model.spec }
    }

    /// The runtime for `spec`; `base` replaces the provider's HTTP model (tests).
    /// `keepsUnusableAnswers`: see `Asker`.
    public func runtime(base: (any ChatModel)? = nil, keepsUnusableAnswers: Bool = false) throws -> Runtime {
        guard let spec = spec ?? base?.spec else { throw ClioError(.other, "no model is configured") }
        let stats = LLMStats()
        let client = HTTPClient(maxConnections: jobs, timeout: timeout, stats: stats, secrets: [spec.apiKey].compactMap { $0 })
        let model = base ?? spec.makeModel(client: client)
        let cache = noCache ? nil : try ContentCache(directory: cacheDir ?? ContentCache.defaultDirectory("llm"))
        let ledger = dryRun ? DryRunLedger() : nil
        let cached = CachedChatModel(base: model, cache: cache, stats: stats, writes: !dryRun)
        let asker = Asker(model: cached, attempts: attempts, ledger: ledger, keepsUnusableAnswers: keepsUnusableAnswers)
        return Runtime(asker: asker, stats: stats, ledger: ledger)
    }

    /// ", $1.23" for a summary line when `--price` was given.
    public func costText(_ stats: LLMStats.Values) -> String {
        guard let price else { return "" }
        return ", " + price.costText(stats)
    }
}
