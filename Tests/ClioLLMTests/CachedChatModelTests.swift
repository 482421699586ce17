import ClioTestSupport
import ClioCore
import Foundation
import Testing

@testable import ClioLLM

@Suite struct CachedChatModelTests {
    let key = "sk-cache-SECRET-777"

    func tempDir() -> String { temporaryDirectory("llm-cache") }

    func setup(_ server: TestServer, cacheDir: String) throws -> CachedChatModel {
        let stats = LLMStats()
        let client = HTTPClient(timeout: 10, retry: RetryPolicy(maxTries: 2, baseDelay: 0.01), stats: stats, secrets: [key])
        let base = ProviderChatModel(spec: ModelSpec(provider: .openai, model: "m", baseURL: server.baseURL, apiKey: key), client: client)
        return CachedChatModel(base: base, cache: try ContentCache(directory: cacheDir), stats: stats)
    }

    @Test func cachedRepeatMakesNoCall() throws {
        let server = try TestServer { req, _ in
            .respond(status: 200, body: #"{"choices":[{"message":{"content":"answer \#(req.body.count)"}}],"usage":{"prompt_tokens":3,"completion_tokens":2}}"#)
        }
        defer { server.stop() }
        let dir = tempDir()
        let request = ChatRequest(messages: [ChatMessage(.user, "hello")])
        let first = try setup(server, cacheDir: dir).complete(request)
        let again = try setup(server, cacheDir: dir)
        #expect(try again.complete(request) == first)
        #expect(server.count == 1)
        #expect(again.stats.snapshot.calls == 0)
        #expect(again.stats.snapshot.cacheHits == 1)
    }

    @Test func anyChangedParameterIsANewCall() throws {
        let server = try TestServer { _, _ in .respond(status: 200, body: #"{"choices":[{"message":{"content":"x"}}]}"#) }
        defer { server.stop() }
        let model = try setup(server, cacheDir: tempDir())
        let base = ChatRequest(messages: [ChatMessage(.user, "hello")])
        var warmer = base
        warmer.options.temperature = 0.7
        var json = base
        json.options.format = .json(name: "x", schema: ["type": "object"])
        var longer = base
        longer.messages.append(ChatMessage(.assistant, "x"))
        for request in [base, warmer, json, longer, base] { _ = try model.complete(request) }
        #expect(server.count == 4)
    }

    @Test func deferredEntriesAreStoredOnlyOnCommit() throws {
        let server = try TestServer { _, _ in .respond(status: 200, body: #"{"choices":[{"message":{"content":"x"}}]}"#) }
        defer { server.stop() }
        let dir = tempDir()
        let model = try setup(server, cacheDir: dir)
        let request = ChatRequest(messages: [ChatMessage(.user, "hello")])
        var pending: [CachedChatModel.PendingEntry] = []
        _ = try model.complete(request, pending: &pending)
        _ = try model.complete(request, pending: &pending)
        #expect(server.count == 2)
        model.commit(pending)
        _ = try model.complete(request)
        #expect(server.count == 2)
    }

    @Test func apiKeyIsNotInCacheFiles() throws {
        let server = try TestServer { _, _ in .respond(status: 200, body: #"{"choices":[{"message":{"content":"x"}}]}"#) }
        defer { server.stop() }
        let dir = tempDir()
        _ = try setup(server, cacheDir: dir).complete(ChatRequest(messages: [ChatMessage(.user, "hello")]))
        let files = FileManager.default.enumerator(atPath: dir)!.compactMap { $0 as? String }
        var checked = 0
        for file in files {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir + "/" + file, isDirectory: &isDir), !isDir.boolValue else { continue }
            let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + file))
            #expect(!String(decoding: bytes, as: UTF8.self).contains(key))
            #expect(!file.contains(key))
            checked += 1
        }
        #expect(checked == 1)
    }
}
