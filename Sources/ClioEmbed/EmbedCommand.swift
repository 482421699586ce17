import ClioCore
import ClioLLM
import Foundation

/// `clio-embed`: adds `embedding` and `embedding_model` to each record, from the text at `--field`.
public struct EmbedCommand: Command {
    public static let name = "clio-embed"
    public static let help = """
        usage: clio-embed [options] [file ...]

        Reads JSONL records (files or standard input), embeds the text at --field and writes each
        record back with "embedding" (a unit vector) and "embedding_model" {name, dimension, field}.

        options:
          --field PATH         dotted path of the text to embed (default: facets.request)
          --model NAME         minilm   all-MiniLM-L6-v2, 384 dimensions (default when installed;
                                        install with scripts/get-model.sh)
                               multilingual
                                        paraphrase-multilingual-MiniLM-L12-v2, 384 dimensions, 50+
                                        languages in one space (downloaded from huggingface.co on
                                        first use, about 470 MB)
                               hash     hashed words and character n-grams, no download
                               openai:MODEL, ollama:MODEL, gemini:MODEL
                                        an embedding API (key in OPENAI_API_KEY, GEMINI_API_KEY
                                        or GOOGLE_API_KEY; none for ollama)
          --dimension N        vector size for --model hash (default: 512)
          --model-dir DIR      where the model's files are (default: $CLIO_MODEL_DIR, then
                               ~/.cache/clio/models/all-MiniLM-L6-v2; for multilingual
                               $CLIO_MULTILINGUAL_MODEL_DIR, then ~/.cache/clio/models/NAME)
          --batch N            records embedded together; memory grows with it; for an API,
                               texts per request, at most 2,048 for OpenAI and 100 for Gemini
                               (larger batches are split; default: 64)
          --base-url URL       API endpoint, e.g. http://127.0.0.1:8080/v1 for an OpenAI-compatible
                               server, which then needs no key (default: the provider's own)
          -j, --jobs N         API requests in flight at once (default: 4)
          --timeout SECONDS    per API request, before it is retried (default: 120)
          --compact-vectors    write vectors as "f32le:<base64>" strings (about 3x smaller)
          --cache DIR          embedding cache (default: $CLIO_CACHE_DIR/embeddings, else
                               ~/.cache/clio/embeddings); not used for --model hash; API keys
                               are never part of it
          --no-cache           neither read nor write the cache
          --model-status       say where the model's files are (minilm, or the --model given)
                               and which CPU kernels run them, and exit (status 0 when found,
                               1 when not); reads no input
          --skip-invalid       report and skip bad records instead of stopping at the first
          -q, --quiet          no progress, notes or warnings
          -h, --help           show this help
          --version            show the version

        examples:
          clio-summarize chats.jsonl | clio-embed | clio-cluster | clio-label | clio-tree
          clio-embed --model hash --field text notes.jsonl > embedded.jsonl
          clio-embed --model multilingual < summaries.jsonl > embedded.jsonl
          clio-embed --model openai:text-embedding-3-small -j 8 < summaries.jsonl > embedded.jsonl
        """

    public var field = "facets.request"
    public var spec: EmbedderSpec?
    public var modelDir: String?
    public var batch = 64
    public var compact = false
    public var cacheDirectory: String?
    public var useCache = true
    public var skipInvalid = false
    public var modelStatus = false
    public var files: [String] = []
    /// The endpoint and key of an API model, resolved while parsing so a missing key is a usage error.
    public var api: ModelSpec?
    public var apiOptions = APIEmbedderOptions()

    public init(arguments: [String]) throws(UsageError) {
        try self.init(arguments: arguments, environment: ProcessInfo.processInfo.environment)
    }

    /// `environment` supplies the API keys; tests pass their own.
    public init(arguments: [String], environment: [String: String]) throws(UsageError) {
        var baseURL: String?
        var scanner = ArgumentScanner(arguments)
        var model: String?
        var dimension: Int?
        while let option = try scanner.nextOption() {
            switch option {
            case "--field":
                field = try scanner.value(for: option)
                if field.isEmpty || field.split(separator: ".", omittingEmptySubsequences: false).contains("") {
                    throw UsageError("option --field needs a dotted path such as facets.request, got '\(field)'")
                }
            case "--model": model = try scanner.value(for: option)
            case "--dimension": dimension = try scanner.int(for: option, min: 1, max: 1 << 16)
            case "--model-dir": modelDir = try scanner.value(for: option)
            case "--batch": batch = try scanner.int(for: option, min: 1, max: 100_000)
            case "--base-url": baseURL = try scanner.value(for: option)
            case "-j", "--jobs": apiOptions.jobs = try scanner.int(for: option, min: 1, max: 256)
            case "--timeout": apiOptions.timeout = try scanner.double(for: option, min: 0.001, max: 86_400)
            case "--compact-vectors": compact = try scanner.flag(option)
            case "--cache": cacheDirectory = try scanner.value(for: option)
            case "--no-cache": useCache = !(try scanner.flag(option))
            case "--skip-invalid": skipInvalid = try scanner.flag(option)
            case "--model-status": modelStatus = try scanner.flag(option)
            case "--quiet", "-q": _ = try scanner.flag(option)
            default: throw scanner.unknown(option)
            }
        }
        if let model {
            spec = try EmbedderSpec(model: model, dimension: dimension)
        } else if dimension != nil {
            throw UsageError("option --dimension applies only to --model hash")
        }
        apiOptions.batch = batch
        if case .api(let provider, let model) = spec {
            api = try Embedders.resolveAPI(provider: provider, model: model, baseURL: baseURL, environment: environment)
        } else if baseURL != nil {
            throw UsageError("option --base-url applies only to an API model (openai:MODEL, ollama:MODEL, gemini:MODEL)")
        }
        if !useCache && cacheDirectory != nil { throw UsageError("options --cache and --no-cache exclude each other") }
        files = scanner.positionals
    }

    public func run(output: OutputWriter) throws {
        if modelStatus {
            let files = spec?.localModel ?? .miniLM
            guard let dir = files.locate(modelDir: modelDir) else {
                let searched = modelDir.map { [$0] } ?? files.candidates(modelDir: nil)
                throw ClioError(.model, "\(files.name) is not installed (looked in \(searched.joined(separator: ", "))); \(files.installHint)")
            }
            try output.write("\(files.name): \(dir)\nkernels: \(MiniLMEmbedder.kernels)\n")
            return
        }
        let embedder: any Embedder
        if let spec {
            embedder = try Embedders.make(spec, modelDir: modelDir, allowDownload: spec.localModel != nil && modelDir == nil, api: api,
                                          apiOptions: apiOptions)
        } else {
            // No --model: MiniLM when installed; never a silent 90 MB download.
            embedder = try Embedders.make(.miniLM, modelDir: modelDir, allowDownload: false)
        }
        var cache: ContentCache?
        if useCache && embedder.isWorthCaching {
            let dir = cacheDirectory ?? ContentCache.defaultDirectory("embeddings")
            switch Result(catching: { () throws(ClioError) -> ContentCache in try ContentCache(directory: dir) }) {
            case .success(let opened):
                cache = opened
            case .failure(let error):
                // A cache the user asked for must work; the default one is a convenience.
                if cacheDirectory != nil { throw error }
                Diagnostics.warning("\(error.message); continuing without caching")
            }
        }
        let pipeline = EmbedPipeline(embedder: embedder, cache: cache, field: field, compact: compact)
        let input = RecordInput(paths: files, skipInvalid: skipInvalid)
        let progress = Progress(label: "embedded")
        progress.detail = { cache.map { "\($0.hits) cached" } ?? "" }

        let apiEmbedder = embedder as? APIEmbedder
        // An API embedder sends `batch` texts per request and `jobs` requests at once, so it is
        // handed enough records to keep every job busy.
        let flushSize = apiEmbedder == nil ? batch : batch * apiOptions.jobs
        var pending: [(record: JSONObject, text: String)] = []
        pending.reserveCapacity(flushSize)
        // Only the English model is worth warning about; the others are multilingual or agnostic.
        var languages = embedder.name == LocalModel.miniLM.name ? LanguageMix() : nil
        func flush() throws {
            guard !pending.isEmpty else { return }
            let records = try pipeline.embed(pending)
            for record in records { try output.write(record: record) }
            progress.advance(by: pending.count)
            pending.removeAll(keepingCapacity: true)
            if let notice = languages?.notice(model: embedder.name, atEnd: false) { Diagnostics.note(notice) }
        }
        do {
            try input.forEach { record, _ in
                pending.append((record, try record.requireString(field)))
                languages?.observe(pending.last!.text, record: record)
                if pending.count >= flushSize { try flush() }
            }
        } catch {
            // Every good record before a fatal bad line is written before the error is reported.
            try flush()
            throw error
        }
        try flush()
        if let notice = languages?.notice(model: embedder.name, atEnd: true) { Diagnostics.note(notice) }
        let details = [cache.map { "\($0.hits) from cache" }, apiEmbedder?.stats.describeRequests(), formatDuration(progress.elapsed)]
        input.summary(written: progress.done).print(details: details.compactMap { $0 })
    }
}

/// Embeds batches of records, reading and filling the cache, and adds the output fields.
public struct EmbedPipeline {
    public let embedder: any Embedder
    public let cache: ContentCache?
    public let field: String
    public let compact: Bool

    public init(embedder: any Embedder, cache: ContentCache?, field: String, compact: Bool) {
        self.embedder = embedder
        self.cache = cache
        self.field = field
        self.compact = compact
    }

    /// Everything that changes a vector: the embedder, its size and the exact text.
    func cacheKey(_ text: String) -> String {
        ContentCache.key(["clio-embed"] + embedder.cacheIdentity + [text])
    }

    public func vectors(_ texts: [String]) throws -> [[Float]] {
        var vectors = [[Float]?](repeating: nil, count: texts.count)
        var missing: [Int] = []
        if let cache {
            for (i, text) in texts.enumerated() {
                // An API embedder learns its dimension from the first vector, cached or answered.
                if let bytes = cache.get(cacheKey(text)), !bytes.isEmpty, bytes.count % 4 == 0,
                   embedder.dimension == 0 || bytes.count == 4 * embedder.dimension {
                    try embedder.accept(dimension: bytes.count / 4)
                    vectors[i] = F32LE.floats(bytes)
                } else {
                    missing.append(i)
                }
            }
        } else {
            missing = Array(texts.indices)
        }
        if !missing.isEmpty {
            let computed = try embedder.embed(missing.map { texts[$0] })
            for (i, vector) in zip(missing, computed) {
                try embedder.accept(dimension: vector.count)
                vectors[i] = vector
                cache?.putOrWarn(cacheKey(texts[i]), F32LE.bytes(vector))
            }
        }
        return vectors.map { $0! }
    }

    public func embed(_ batch: [(record: JSONObject, text: String)]) throws -> [JSONObject] {
        let vectors = try vectors(batch.map(\.text))
        let model: JSON = .object(["name": .string(embedder.name), "dimension": .number(Double(embedder.dimension)),
                                   "field": .string(field)])
        return zip(batch, vectors).map { item, vector in
            var record = item.record
            record["embedding"] = VectorCodec.encode(vector, compact: compact)
            record["embedding_model"] = model
            return record
        }
    }
}
