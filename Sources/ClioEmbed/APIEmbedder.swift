import ClioCore
import ClioLLM
import Foundation

/// How an API embedder sends its requests: texts per request, requests at once, patience.
public struct APIEmbedderOptions: Sendable, Equatable {
    /// Texts per request (`--batch`).
    public var batch: Int
    /// Requests in flight at once (`-j`).
    public var jobs: Int
    /// Seconds without an answer before a request counts as timed out.
    public var timeout: Double
    public var retry: RetryPolicy

    public init(batch: Int = 64, jobs: Int = 4, timeout: Double = 120, retry: RetryPolicy = RetryPolicy()) {
        self.batch = batch
        self.jobs = jobs
        self.timeout = timeout
        self.retry = retry
    }
}

/// An HTTP embedding service: OpenAI `/embeddings` (and the servers that copy it: llama.cpp,
/// vLLM, text-embeddings-inference), Ollama `/api/embed`, Gemini `batchEmbedContents`.
///
/// Texts go out `batch` to a request, `jobs` requests at a time, through ClioLLM's `HTTPClient`
/// (retries with backoff, `Retry-After`, timeouts); vectors come back in input order and are
/// scaled to unit length, because the later stages compare them by dot product. The dimension is
/// whatever the first answer says; every later vector must match it.
public final class APIEmbedder: Embedder, @unchecked Sendable {
    public let spec: ModelSpec
    public let options: APIEmbedderOptions
    public let client: HTTPClient
    private let lock = Mutex()
    private var learnedDimension = 0

    public init(spec: ModelSpec, options: APIEmbedderOptions = APIEmbedderOptions(), stats: LLMStats = LLMStats()) {
        self.spec = spec
        self.options = options
        client = HTTPClient(maxConnections: options.jobs, timeout: options.timeout, retry: options.retry, stats: stats,
                            secrets: [spec.apiKey].compactMap { $0 })
    }

    public var name: String { spec.name }
    /// 0 until the first vector (answered or cached) is seen.
    public var dimension: Int { lock.withLock { learnedDimension } }
    public var isWorthCaching: Bool { true }
    /// Provider, model and base URL: never the key.
    public var cacheIdentity: [String] { spec.cacheIdentity }
    public var stats: LLMStats { client.stats }

    /// The first length seen becomes the dimension; any other length afterwards is an error.
    public func accept(dimension n: Int) throws {
        let expected: Int = lock.withLock {
            if learnedDimension == 0 && n > 0 { learnedDimension = n }
            return learnedDimension
        }
        guard n == expected, n > 0 else {
            throw ClioError(.model, "\(name) returned a vector of \(n) numbers, expected \(expected) (the dimension of its first answer)")
        }
    }

    /// The most inputs one request may carry: OpenAI takes 2,048, Gemini's batchEmbedContents 100.
    public static func maxBatch(_ provider: Provider) -> Int {
        switch provider {
        case .openai, .anthropic: return 2048
        case .gemini: return 100
        case .ollama: return Int.max
        }
    }

    public func embed(_ texts: [String]) throws -> [[Float]] {
        let size = min(max(1, options.batch), Self.maxBatch(spec.provider))
        let chunks = stride(from: 0, to: texts.count, by: size).map { Array(texts[$0..<min($0 + size, texts.count)]) }
        var vectors: [[Float]] = []
        vectors.reserveCapacity(texts.count)
        var iterator = chunks.makeIterator()
        try OrderedConcurrentMap.run(
            next: { iterator.next() }, concurrency: min(max(1, options.jobs), max(1, chunks.count)),
            transform: { [self] chunk in Result { () throws -> [[Float]] in try self.embedBatch(chunk) } },
            emit: { result in
                for var vector in try result.get() {
                    try accept(dimension: vector.count)
                    normalizeL2(&vector)
                    vectors.append(vector)
                }
            })
        return vectors
    }

    /// One request for `texts`; the vectors as the server sent them, in the order of `texts`.
    func embedBatch(_ texts: [String]) throws -> [[Float]] {
        let request = self.request(texts)
        let response: HTTPResponse
        do {
            response = try client.post(request)
        } catch let error as LLMError {
            client.stats.add(callFailures: 1)
            throw ClioError(error.clioError.code, "\(name): \(error.message)")
        }
        client.stats.add(calls: 1)
        let answer: JSON
        do {
            answer = try JSONParser.parse(response.body)
        } catch {
            throw invalid("the answer is not JSON: \(excerpt(String(decoding: response.body.prefix(300), as: UTF8.self)))")
        }
        let vectors = try parse(answer)
        guard vectors.count == texts.count else {
            throw invalid("\(vectors.count) vectors for \(texts.count) texts")
        }
        return vectors
    }

    /// The provider's request for a batch of texts.
    func request(_ texts: [String]) -> HTTPRequest {
        let inputs = JSON.array(texts.map { .string($0) })
        var headers: [(String, String)] = []
        let url: String
        let body: JSON
        switch spec.provider {
        case .ollama:
            url = spec.baseURL + "/api/embed"
            body = ["model": .string(spec.model), "input": inputs]
        case .gemini:
            // The API names models "models/…"; accept the name with or without that prefix.
            let model = spec.model.hasPrefix("models/") ? String(spec.model.dropFirst(7)) : spec.model
            url = "\(spec.baseURL)/v1beta/models/\(model.addingPercentEncodingForPath()):batchEmbedContents"
            body = ["requests": .array(texts.map { text in
                ["model": .string("models/" + model), "content": ["parts": [["text": .string(text)]]]]
            })]
            if let key = spec.apiKey { headers.append(("x-goog-api-key", key)) }
        case .openai, .anthropic:
            url = spec.baseURL + "/embeddings"
            body = ["model": .string(spec.model), "input": inputs]
            if let key = spec.apiKey { headers.append(("Authorization", "Bearer \(key)")) }
        }
        return HTTPRequest(url: url, headers: headers, body: JSONSerializer.bytes(body))
    }

    /// The vectors in an answer, in request order.
    func parse(_ answer: JSON) throws -> [[Float]] {
        switch spec.provider {
        case .ollama:
            guard let list = answer[path: "embeddings"]?.arrayValue else { throw missing("embeddings", answer) }
            return try list.map { try numbers($0, "embeddings") }
        case .gemini:
            guard let list = answer[path: "embeddings"]?.arrayValue else { throw missing("embeddings", answer) }
            return try list.map { item in
                guard let values = item[path: "values"] else { throw missing("embeddings[].values", answer) }
                return try numbers(values, "embeddings[].values")
            }
        case .openai, .anthropic:
            guard let list = answer[path: "data"]?.arrayValue else { throw missing("data", answer) }
            // The API documents `index`; a server that leaves it out is taken to answer in order.
            var indexed: [(Int, [Float])] = []
            for (position, item) in list.enumerated() {
                guard let embedding = item[path: "embedding"] else { throw missing("data[].embedding", answer) }
                indexed.append((item[path: "index"]?.intValue ?? position, try numbers(embedding, "data[].embedding")))
            }
            indexed.sort { $0.0 < $1.0 }
            guard indexed.map(\.0) == Array(0..<indexed.count) else {
                throw invalid("data[].index is not 0..<\(indexed.count)")
            }
            return indexed.map(\.1)
        }
    }

    private func numbers(_ value: JSON, _ path: String) throws -> [Float] {
        guard let items = value.arrayValue else {
            if case .string = value { throw invalid("\(path) is a string; ask for float vectors") }
            throw invalid("\(path) is not an array of numbers")
        }
        var vector: [Float] = []
        vector.reserveCapacity(items.count)
        for item in items {
            guard let x = item.doubleValue, x.isFinite else { throw invalid("\(path) holds a value that is not a finite number") }
            vector.append(Float(x))
        }
        return vector
    }

    private func invalid(_ detail: String) -> ClioError {
        ClioError(.model, client.redact("\(name): unexpected answer: \(detail)"))
    }

    private func missing(_ path: String, _ answer: JSON) -> ClioError {
        invalid("no \(path) in \(excerpt(JSONSerializer.string(answer)))")
    }

    private func excerpt(_ text: String) -> String {
        let line = text.replacingOccurrences(of: "\n", with: " ")
        return line.count > 300 ? String(line.prefix(300)) + "…" : line
    }
}
