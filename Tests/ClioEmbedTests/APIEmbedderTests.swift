import ClioTestSupport
import ClioCore
import ClioLLM
import Foundation
import Testing

@testable import ClioEmbed

/// The API embedders against a local server speaking each provider's wire format.
@Suite struct APIEmbedderTests {
    static let key = "sk-embed-DO-NOT-LEAK-7731"

    /// Texts are "t<N>"; the fake model answers [N, 1, 0], so a vector tells which text it came from.
    static func rawVector(_ text: String) -> [Double] { [Double(text.dropFirst())!, 1, 0] }

    /// The unit vector clio should write for "t<N>", worked out by hand rather than by the code.
    static func expected(_ text: String) -> [Float] {
        let n = Double(text.dropFirst())!
        let length = (n * n + 1).squareRoot()
        return [Float(n / length), Float(1 / length), 0]
    }

    static func texts(_ request: TestServer.Request) -> [String] {
        let body = request.json as? [String: Any]
        if let input = body?["input"] as? [String] { return input }
        let requests = body?["requests"] as? [[String: Any]] ?? []
        return requests.map { (($0["content"] as? [String: Any])?["parts"] as? [[String: Any]])?.first?["text"] as? String ?? "?" }
    }

    static func json(_ value: Any) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: value), as: UTF8.self)
    }

    /// An OpenAI answer, its items deliberately in reverse order: clio must sort them by `index`.
    static func openAIAnswer(_ request: TestServer.Request) -> TestServer.Reply {
        let data = texts(request).enumerated().map { ["object": "embedding", "index": $0.offset, "embedding": rawVector($0.element)] as [String: Any] }
        return .respond(status: 200, body: json(["object": "list", "data": Array(data.reversed()), "model": "m"]))
    }

    static func ollamaAnswer(_ request: TestServer.Request) -> TestServer.Reply {
        .respond(status: 200, body: json(["model": "m", "embeddings": texts(request).map(rawVector)]))
    }

    static func geminiAnswer(_ request: TestServer.Request) -> TestServer.Reply {
        .respond(status: 200, body: json(["embeddings": texts(request).map { ["values": rawVector($0)] }]))
    }

    func embedder(_ provider: Provider, _ server: TestServer, model: String = "m", batch: Int = 64, jobs: Int = 4, tries: Int = 4,
                  key: String? = APIEmbedderTests.key) -> APIEmbedder {
        let spec = ModelSpec(provider: provider, model: model, baseURL: server.baseURL, apiKey: key)
        let options = APIEmbedderOptions(batch: batch, jobs: jobs, timeout: 10, retry: RetryPolicy(maxTries: tries, baseDelay: 0.01, maxDelay: 0.05))
        return APIEmbedder(spec: spec, options: options)
    }

    func nearlyEqual(_ a: [[Float]], _ b: [[Float]]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in x.count == y.count && zip(x, y).allSatisfy { abs($0 - $1) < 1e-6 } }
    }

    @Test func openAIRequestAndAnswerFollowTheEmbeddingsAPI() throws {
        let server = try TestServer { request, _ in APIEmbedderTests.openAIAnswer(request) }
        defer { server.stop() }
        let texts = ["t1", "t2", "t3"]
        let e = embedder(.openai, server, model: "text-embedding-3-small")
        #expect(nearlyEqual(try e.embed(texts), texts.map(APIEmbedderTests.expected)))
        #expect(e.dimension == 3)
        let request = try #require(server.received.first)
        #expect(request.method == "POST")
        #expect(request.path == "/embeddings")
        #expect(request.headers["authorization"] == "Bearer \(APIEmbedderTests.key)")
        let body = try #require(request.json as? [String: Any])
        #expect(body["model"] as? String == "text-embedding-3-small")
        #expect(body["input"] as? [String] == texts)
    }

    @Test func ollamaRequestAndAnswerFollowTheEmbedAPI() throws {
        let server = try TestServer { request, _ in APIEmbedderTests.ollamaAnswer(request) }
        defer { server.stop() }
        let texts = ["t4", "t5"]
        let e = embedder(.ollama, server, model: "nomic-embed-text:latest", key: nil)
        #expect(nearlyEqual(try e.embed(texts), texts.map(APIEmbedderTests.expected)))
        let request = try #require(server.received.first)
        #expect(request.path == "/api/embed")
        #expect(request.headers["authorization"] == nil)
        let body = try #require(request.json as? [String: Any])
        #expect(body["model"] as? String == "nomic-embed-text:latest")
        #expect(body["input"] as? [String] == texts)
    }

    @Test func geminiRequestAndAnswerFollowBatchEmbedContents() throws {
        let server = try TestServer { request, _ in APIEmbedderTests.geminiAnswer(request) }
        defer { server.stop() }
        let texts = ["t6", "t7"]
        let e = embedder(.gemini, server, model: "text-embedding-004")
        #expect(nearlyEqual(try e.embed(texts), texts.map(APIEmbedderTests.expected)))
        let request = try #require(server.received.first)
        #expect(request.path == "/v1beta/models/text-embedding-004:batchEmbedContents")
        #expect(request.headers["x-goog-api-key"] == APIEmbedderTests.key)
        #expect(request.headers["authorization"] == nil)
        let body = try #require(request.json as? [String: Any])
        let requests = try #require(body["requests"] as? [[String: Any]])
        #expect(requests.map { $0["model"] as? String } == ["models/text-embedding-004", "models/text-embedding-004"])
        #expect(APIEmbedderTests.texts(request) == texts)
    }

    @Test func textsAreSentInBatchesAndComeBackInInputOrder() throws {
        let server = try TestServer { request, n in
            // Early requests answer last, so concurrent batches finish out of order.
            Thread.sleep(forTimeInterval: n < 3 ? 0.2 - Double(n) * 0.05 : 0)
            return APIEmbedderTests.openAIAnswer(request)
        }
        defer { server.stop() }
        let texts = (0..<23).map { "t\($0)" }
        let e = embedder(.openai, server, batch: 5, jobs: 3)
        #expect(nearlyEqual(try e.embed(texts), texts.map(APIEmbedderTests.expected)))
        let batches = server.received.map(APIEmbedderTests.texts)
        #expect(batches.count == 5)  // ceil(23 / 5)
        #expect(batches.allSatisfy { $0.count <= 5 })
        #expect(batches.flatMap { $0 }.sorted() == texts.sorted())
    }

    @Test func rateLimitWaitsForRetryAfterThenSucceeds() throws {
        let server = try TestServer { request, n in
            n == 0 ? .respond(status: 429, headers: ["Retry-After": "1"], body: #"{"error":"slow down"}"#) : APIEmbedderTests.ollamaAnswer(request)
        }
        defer { server.stop() }
        let e = embedder(.ollama, server, key: nil)
        #expect(nearlyEqual(try e.embed(["t2"]), [APIEmbedderTests.expected("t2")]))
        let arrivals = server.received.map(\.arrival)
        #expect(arrivals.count == 2)
        // The backoff alone would wait under 0.05 s; only Retry-After explains a one-second gap.
        #expect(arrivals.count == 2 && arrivals[1] - arrivals[0] >= 0.9)
        #expect(e.stats.snapshot.retries == 1)
    }

    @Test func serverErrorIsRetried() throws {
        let server = try TestServer { request, n in n < 2 ? .respond(status: 500, body: "oops") : APIEmbedderTests.geminiAnswer(request) }
        defer { server.stop() }
        #expect(nearlyEqual(try embedder(.gemini, server).embed(["t3"]), [APIEmbedderTests.expected("t3")]))
        #expect(server.count == 3)
    }

    @Test func vectorOfAnotherDimensionIsAClearError() throws {
        let server = try TestServer { request, n in
            let texts = APIEmbedderTests.texts(request)
            let width = n == 0 ? 3 : 4
            return .respond(status: 200, body: APIEmbedderTests.json(["embeddings": texts.map { _ in [Double](repeating: 0.5, count: width) }]))
        }
        defer { server.stop() }
        let e = embedder(.ollama, server, batch: 2, jobs: 1, key: nil)
        #expect(throws: ClioError(.model, "ollama:m returned a vector of 4 numbers, expected 3 (the dimension of its first answer)")) {
            try e.embed(["t1", "t2", "t3"])
        }
    }

    @Test func answerWithTooFewVectorsIsAnError() throws {
        let server = try TestServer { _, _ in .respond(status: 200, body: #"{"embeddings":[[1,0]]}"#) }
        defer { server.stop() }
        let error = try #require(throws: ClioError.self) { try embedder(.ollama, server, key: nil).embed(["t1", "t2"]) }
        #expect(error.message == "ollama:m: unexpected answer: 1 vectors for 2 texts")
    }

    @Test func keyNeverAppearsInAnError() throws {
        // A server that echoes the key back, as some proxies do in their error bodies.
        let server = try TestServer { request, _ in
            .respond(status: 401, body: #"{"error":"invalid key \#(request.headers["authorization"] ?? "")"}"#)
        }
        defer { server.stop() }
        let error = try #require(throws: ClioError.self) { try embedder(.openai, server).embed(["t1"]) }
        #expect(error.message.contains("HTTP 401"))
        #expect(!error.description.contains(APIEmbedderTests.key))
        #expect(server.received.first?.bodyText.contains(APIEmbedderTests.key) == false)
    }
}

/// clio-embed with an API model: options, the cache, and what reaches files.
@Suite struct APIEmbedCommandTests {
    func run(_ arguments: [String], input: String, environment: [String: String] = ["OPENAI_API_KEY": APIEmbedderTests.key])
        throws -> (text: String, error: (any Error)?)
    {
        let inputPath = temporaryPath("api-in.jsonl"), outputPath = temporaryPath("api-out.jsonl")
        try Data(input.utf8).write(to: URL(fileURLWithPath: inputPath))
        defer {
            unlink(outputPath)
            unlink(inputPath)
        }
        let fd = open(outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let writer = OutputWriter(fd: fd)
        var failure: (any Error)?
        do {
            try EmbedCommand(arguments: arguments + ["--quiet", inputPath], environment: environment).run(output: writer)
        } catch {
            failure = error
        }
        try? writer.flush()
        close(fd)
        return (try String(contentsOfFile: outputPath, encoding: .utf8), failure)
    }

    func input(_ count: Int) -> String {
        (0..<count).map { #"{"id":\#($0),"text":"t\#($0)"}"# + "\n" }.joined()
    }

    func temporaryDirectory() throws -> String { ClioTestSupport.temporaryDirectory("api-cache") }

    @Test func recordsGainUnitVectorsInOrderAndTheProviderModelName() throws {
        let server = try TestServer { request, _ in APIEmbedderTests.openAIAnswer(request) }
        defer { server.stop() }
        let out = try run(["--model", "openai:emb", "--base-url", server.baseURL, "--field", "text", "--no-cache", "--batch", "3", "-j", "2"],
                          input: input(10))
        #expect(out.error == nil)
        let records = try out.text.split(separator: "\n").map { try JSONParser.parse(Array($0.utf8)).objectValue! }
        #expect(records.map { $0["id"]?.intValue } == Array(0..<10))
        for record in records {
            let vector = try VectorCodec.decode(record["embedding"]!, field: "embedding")
            let expected = APIEmbedderTests.expected("t\(record["id"]!.intValue!)")
            #expect(zip(vector, expected).allSatisfy { abs($0 - $1) < 1e-6 })
            #expect(record["embedding_model"] == .object(["name": "openai:emb", "dimension": 3, "field": "text"]))
        }
        #expect(server.count == 4)  // ceil(10 / 3)
    }

    @Test func rerunOfUnchangedInputIsServedFromTheCacheWithoutCalls() throws {
        let server = try TestServer { request, _ in APIEmbedderTests.openAIAnswer(request) }
        defer { server.stop() }
        let cache = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let arguments = ["--model", "openai:emb", "--base-url", server.baseURL, "--field", "text", "--cache", cache, "--batch", "4"]
        let first = try run(arguments, input: input(9))
        #expect(first.error == nil)
        #expect(server.count == 3)
        let second = try run(arguments, input: input(9))
        #expect(second.error == nil)
        #expect(server.count == 3)
        #expect(second.text == first.text)
        // A changed model name misses the cache.
        _ = try run(["--model", "openai:other"] + arguments.dropFirst(2), input: input(1))
        #expect(server.count == 4)
    }

    @Test func keyReachesNeitherOutputNorCacheFiles() throws {
        let server = try TestServer { request, _ in APIEmbedderTests.geminiAnswer(request) }
        defer { server.stop() }
        let cache = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let out = try run(["--model", "gemini:g", "--base-url", server.baseURL, "--field", "text", "--cache", cache], input: input(3),
                          environment: ["GEMINI_API_KEY": APIEmbedderTests.key])
        #expect(out.error == nil)
        #expect(server.received.first?.headers["x-goog-api-key"] == APIEmbedderTests.key)
        #expect(!out.text.contains(APIEmbedderTests.key))
        var files = 0
        let enumerator = try #require(FileManager.default.enumerator(atPath: cache))
        for case let name as String in enumerator {
            var isDirectory: ObjCBool = false
            let path = cache + "/" + name
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files += 1
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(bytes.range(of: Data(APIEmbedderTests.key.utf8)) == nil)
            #expect(!name.contains(APIEmbedderTests.key))
        }
        #expect(files == 3)
    }

    @Test func missingKeyIsAUsageErrorNamingTheVariable() {
        #expect(throws: UsageError("model openai:emb needs an API key in OPENAI_API_KEY")) {
            try EmbedCommand(arguments: ["--model", "openai:emb"], environment: [:])
        }
        #expect(throws: UsageError("model gemini:g needs an API key in GEMINI_API_KEY or GOOGLE_API_KEY")) {
            try EmbedCommand(arguments: ["--model", "gemini:g"], environment: ["OPENAI_API_KEY": "x"])
        }
    }

    @Test func customBaseURLAndOllamaNeedNoKey() throws {
        let openai = try EmbedCommand(arguments: ["--model", "openai:emb", "--base-url", "http://127.0.0.1:8080/v1/"], environment: [:])
        #expect(openai.api == ModelSpec(provider: .openai, model: "emb", baseURL: "http://127.0.0.1:8080/v1", apiKey: nil))
        let ollama = try EmbedCommand(arguments: ["--model", "ollama:nomic-embed-text:v1.5"], environment: [:])
        #expect(ollama.api?.baseURL == "http://localhost:11434")
        #expect(ollama.api?.model == "nomic-embed-text:v1.5")
    }

    @Test func chatServerEnvironmentDoesNotMoveTheEmbeddingEndpoint() throws {
        let command = try EmbedCommand(arguments: ["--model", "openai:emb"],
                                       environment: ["OPENAI_API_KEY": "k", "CLIO_BASE_URL": "http://127.0.0.1:9/v1"])
        #expect(command.api?.baseURL == "https://api.openai.com/v1")
    }

    @Test func baseURLWithoutAnAPIModelIsAUsageError() {
        #expect(throws: UsageError.self) { try EmbedCommand(arguments: ["--model", "hash", "--base-url", "http://x"], environment: [:]) }
    }
}
