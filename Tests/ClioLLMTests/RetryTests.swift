import ClioTestSupport
import ClioCore
import Foundation
import Testing

@testable import ClioLLM

private let okBody = #"{"choices":[{"message":{"role":"assistant","content":"fine"}}],"usage":{"prompt_tokens":1,"completion_tokens":1}}"#

/// The retry policy against injected faults.
@Suite struct RetryTests {
    let key = "sk-live-DO-NOT-LEAK-42"

    func model(_ server: TestServer, timeout: Double = 10, tries: Int = 4, stats: LLMStats = LLMStats(), urlSession: Bool = false) -> ProviderChatModel {
        let client = HTTPClient(
            maxConnections: 4, timeout: timeout, retry: RetryPolicy(maxTries: tries, baseDelay: 0.01, maxDelay: 0.05), stats: stats, secrets: [key],
            alwaysURLSession: urlSession)
        return ProviderChatModel(spec: ModelSpec(provider: .openai, model: "m", baseURL: server.baseURL, apiKey: key), client: client)
    }

    let request = ChatRequest(messages: [ChatMessage(.user, "hi")])

    @Test func rateLimitIsRetriedAfterTheServersRetryAfter() throws {
        let server = try TestServer { _, n in
            n == 0 ? .respond(status: 429, headers: ["Retry-After": "1"], body: #"{"error":"slow down"}"#) : .respond(status: 200, body: okBody)
        }
        defer { server.stop() }
        let stats = LLMStats()
        #expect(try model(server, stats: stats).complete(request).text == "fine")
        let arrivals = server.received.map(\.arrival)
        #expect(arrivals.count == 2)
        // The backoff alone would wait under 0.05 s; only Retry-After explains a one-second gap.
        #expect(arrivals[1] - arrivals[0] >= 0.9)
        #expect(stats.snapshot.retries == 1)
    }

    @Test func serverErrorIsRetried() throws {
        let server = try TestServer { _, n in n < 2 ? .respond(status: 500, body: "oops") : .respond(status: 200, body: okBody) }
        defer { server.stop() }
        #expect(try model(server).complete(request).text == "fine")
        #expect(server.count == 3)
    }

    @Test func stalledResponseTimesOutAndIsRetried() throws {
        let server = try TestServer { _, n in n == 0 ? .stallUntilClosed : .respond(status: 200, body: okBody) }
        defer { server.stop() }
        #expect(try model(server, timeout: 1).complete(request).text == "fine")
        #expect(server.count == 2)
    }

    @Test func stalledResponseTimesOutThroughURLSessionToo() throws {
        let server = try TestServer { _, n in n == 0 ? .stallUntilClosed : .respond(status: 200, body: okBody) }
        defer { server.stop() }
        #expect(try model(server, timeout: 1, urlSession: true).complete(request).text == "fine")
        #expect(server.count == 2)
    }

    @Test func connectionClosedMidBodyIsRetriedThroughURLSessionToo() throws {
        let server = try TestServer { _, n in
            n == 0 ? .closeMidBody(declaredLength: 500, body: #"{"choices":[{"mess"#) : .respond(status: 200, body: okBody)
        }
        defer { server.stop() }
        #expect(try model(server, urlSession: true).complete(request).text == "fine")
        #expect(server.count == 2)
    }

    @Test func rateLimitIsRetriedThroughURLSessionToo() throws {
        let server = try TestServer { _, n in
            n == 0 ? .respond(status: 429, headers: ["Retry-After": "1"], body: "{}") : .respond(status: 200, body: okBody)
        }
        defer { server.stop() }
        #expect(try model(server, urlSession: true).complete(request).text == "fine")
        let arrivals = server.received.map(\.arrival)
        #expect(arrivals.count == 2 && arrivals[1] - arrivals[0] >= 0.9)
    }

    @Test func chunkedAnswerIsReassembled() throws {
        let pieces = [String(okBody.prefix(20)), String(okBody.dropFirst(20).prefix(30)), String(okBody.dropFirst(50))]
        let server = try TestServer { _, _ in .chunked(pieces) }
        defer { server.stop() }
        #expect(try model(server).complete(request).text == "fine")
    }

    @Test func refusedConnectionIsAConnectionError() throws {
        let server = try TestServer { _, _ in .respond(status: 200, body: okBody) }
        server.stop()
        let error = try #require(throws: LLMError.self) { try model(server, tries: 2).complete(request) }
        #expect(error.kind == .connection)
        #expect(error.message.contains("cannot connect"))
    }

    @Test func stalledResponseWithoutTriesLeftIsATimeoutError() throws {
        let server = try TestServer { _, _ in .stallUntilClosed }
        defer { server.stop() }
        let error = try #require(throws: LLMError.self) { try model(server, timeout: 1, tries: 1).complete(request) }
        #expect(error.kind == .timeout)
    }

    @Test func connectionClosedMidBodyIsRetried() throws {
        let server = try TestServer { _, n in
            n == 0 ? .closeMidBody(declaredLength: 500, body: #"{"choices":[{"mess"#) : .respond(status: 200, body: okBody)
        }
        defer { server.stop() }
        #expect(try model(server).complete(request).text == "fine")
        #expect(server.count == 2)
    }

    @Test func clientErrorIsNotRetriedAndHidesTheKey() throws {
        // A server that echoes the key back must not make us print it.
        let server = try TestServer { [key] _, _ in .respond(status: 401, body: #"{"error":"invalid key \#(key)"}"#) }
        defer { server.stop() }
        let error = try #require(throws: LLMError.self) { try model(server).complete(request) }
        #expect(error.status == 401)
        #expect(server.count == 1)
        #expect(error.message.contains("HTTP 401"))
        #expect(!error.message.contains(key))
        #expect(!"\(error)".contains(key))
    }

    @Test func triesRunOutOnPersistentServerErrors() throws {
        let server = try TestServer { _, _ in .respond(status: 503, body: "busy") }
        defer { server.stop() }
        let error = try #require(throws: LLMError.self) { try model(server, tries: 3).complete(request) }
        #expect(server.count == 3)
        #expect(error.message.contains("gave up after 3 tries"))
    }

    @Test func invalidJSONAnswerIsAnErrorNotARetry() throws {
        let server = try TestServer { _, _ in .respond(status: 200, body: "<html>proxy error</html>") }
        defer { server.stop() }
        let error = try #require(throws: LLMError.self) { try model(server).complete(request) }
        #expect(error.kind == .invalidResponse)
        #expect(server.count == 1)
    }

    @Test func retryAfterAcceptsSecondsAndHTTPDates() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(RetryPolicy.parseRetryAfter("7", now: now) == 7)
        // 1_700_000_000 is Tue, 14 Nov 2023 22:13:20 GMT.
        #expect(RetryPolicy.parseRetryAfter("Tue, 14 Nov 2023 22:13:30 GMT", now: now) == 10)
        #expect(RetryPolicy.parseRetryAfter("soon", now: now) == nil)
    }

    @Test func backoffGrowsAndStaysWithinItsBounds() {
        let policy = RetryPolicy(baseDelay: 1, maxDelay: 8)
        for tryNumber in 1...6 {
            let step = min(8, pow(2, Double(tryNumber - 1)))
            for _ in 0..<50 {
                let d = policy.backoff(afterTry: tryNumber)
                #expect(d >= step / 2 && d <= step)
            }
        }
    }

    @Test func concurrentRequestsAreNotCappedAtSixConnectionsPerHost() throws {
        // Each request is held until seven are open at once, which a client capped at six
        // connections never reaches (its requests then time out and the count stays at six).
        let arrivals = Arrivals()
        let server = try TestServer { _, _ in
            arrivals.arriveAndWait(forAtLeast: 7)
            return .respond(status: 200, body: okBody)
        }
        defer { server.stop() }
        let client = HTTPClient(maxConnections: 16, timeout: 10, alwaysURLSession: true)
        let model = ProviderChatModel(spec: ModelSpec(provider: .openai, model: "m", baseURL: server.baseURL), client: client)
        let request = self.request
        // Own threads: concurrentPerform would use only as many threads as there are cores.
        let group = DispatchGroup()
        for _ in 0..<16 {
            group.enter()
            Thread {
                _ = try? model.complete(request)
                group.leave()
            }.start()
        }
        group.wait()
        #expect(server.count == 16)
        #expect(server.maxOpen > 6)
    }
}

/// Requests that have reached the server; each waits for company (at most a minute, so a broken
/// client fails the test instead of hanging it).
private final class Arrivals: @unchecked Sendable {
    private let condition = NSCondition()
    private var count = 0

    func arriveAndWait(forAtLeast n: Int) {
        let deadline = Date(timeIntervalSinceNow: 60)
        condition.withLock {
            count += 1
            condition.broadcast()
            while count < n { if !condition.wait(until: deadline) { return } }
        }
    }
}
