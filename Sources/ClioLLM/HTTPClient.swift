import ClioCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// When and how long to wait before trying a failed request again.
public struct RetryPolicy: Sendable, Equatable {
    /// Tries in all, the first included.
    public var maxTries: Int
    /// Delay before the first retry; doubled for each further one.
    public var baseDelay: Double
    /// No computed backoff waits longer than this.
    public var maxDelay: Double
    /// A server's `Retry-After` is honoured up to this many seconds.
    public var maxRetryAfter: Double

    public init(maxTries: Int = 6, baseDelay: Double = 1, maxDelay: Double = 60, maxRetryAfter: Double = 300) {
        self.maxTries = maxTries
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    /// Exponential backoff with "equal jitter": half the step is fixed, half random, so many
    /// workers hit by the same 429 do not come back in step.
    public func backoff(afterTry tryNumber: Int) -> Double {
        let step = min(maxDelay, baseDelay * pow(2, Double(max(0, tryNumber - 1))))
        return step / 2 + Double.random(in: 0...(step / 2))
    }

    /// The wait before the next try: what the server asked for when it said, else backoff.
    public func delay(afterTry tryNumber: Int, retryAfter: Double?) -> Double {
        if let retryAfter { return min(max(retryAfter, 0), maxRetryAfter) }
        return backoff(afterTry: tryNumber)
    }

    /// Whether an HTTP status is worth another try: rate limits, server errors, Anthropic's
    /// 529 "overloaded", and request timeouts.
    public static func isRetryable(status: Int) -> Bool {
        status == 408 || status == 409 || status == 429 || (500...599).contains(status)
    }

    /// How long a failed response asks to be waited for, from whichever of the providers'
    /// signals it carries: `retry-after-ms`, `Retry-After` (seconds or an HTTP date), OpenAI's
    /// `x-ratelimit-reset-requests` / `-tokens` (durations such as `1s`, `6m0s`, `20ms`; the
    /// longer of the two), Gemini's `RetryInfo.retryDelay` in the error body (`"37s"`), and
    /// Anthropic's `anthropic-ratelimit-*-reset` (RFC 3339 times). Nil when it carries none.
    public static func serverDelay(_ response: HTTPResponse, now: Date = Date()) -> Double? {
        let headers = response.headers
        if let ms = headers["retry-after-ms"].flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }), ms.isFinite, ms >= 0 {
            return ms / 1000
        }
        if let seconds = parseRetryAfter(headers["retry-after"], now: now) { return seconds }
        let resets = ["x-ratelimit-reset-requests", "x-ratelimit-reset-tokens"].compactMap { headers[$0].flatMap(parseDuration) }
        if let longest = resets.max() { return longest }
        if let value = try? JSONParser.parse(response.body), let details = value[path: "error.details"]?.arrayValue {
            for detail in details where detail[path: "@type"]?.stringValue?.hasSuffix("google.rpc.RetryInfo") == true {
                if let delay = detail[path: "retryDelay"]?.stringValue.flatMap(parseDuration) { return delay }
            }
        }
        let anthropic = ["anthropic-ratelimit-requests-reset", "anthropic-ratelimit-tokens-reset",
                         "anthropic-ratelimit-input-tokens-reset", "anthropic-ratelimit-output-tokens-reset"]
            .compactMap { headers[$0].flatMap { parseISODate($0) } }.map { max(0, $0.timeIntervalSince(now)) }
        return anthropic.max()
    }

    /// Parses `Retry-After`: delta-seconds or an HTTP date.
    public static func parseRetryAfter(_ value: String?, now: Date = Date()) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value) { return seconds.isFinite ? max(0, seconds) : nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        if let date = formatter.date(from: value) { return max(0, date.timeIntervalSince(now)) }
        return nil
    }

    /// Go-style durations as OpenAI and Google write them: `20ms`, `1.5s`, `6m0s`, `1h2m3s`.
    public static func parseDuration(_ text: String) -> Double? {
        let units: [(String, Double)] = [("ms", 0.001), ("h", 3600), ("m", 60), ("s", 1)]
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        guard !rest.isEmpty else { return nil }
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number), value.isFinite else { return nil }
            rest = rest.dropFirst(number.count)
            guard let (unit, scale) = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
            rest = rest.dropFirst(unit.count)
            total += value * scale
        }
        return total
    }

    static func parseISODate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}

public struct HTTPRequest: Sendable {
    public var url: String
    public var headers: [(String, String)]
    public var body: [UInt8]
    public init(url: String, headers: [(String, String)] = [], body: [UInt8]) {
        self.url = url
        self.headers = headers
        self.body = body
    }
}

public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names in lower case.
    public var headers: [String: String]
    public var body: [UInt8]
}

/// POSTs JSON with a per-request timeout and the retry policy, on one shared `URLSession` whose
/// per-host connection limit is raised to the caller's concurrency (Foundation's default of 6
/// would otherwise cap `-j`).
///
/// Calls block the calling thread; they are meant to be made from `OrderedConcurrentMap`'s
/// workers. Secrets registered with the client are removed from every error message.
public final class HTTPClient: @unchecked Sendable {
    public let timeout: Double
    public let retry: RetryPolicy
    public let stats: LLMStats
    private let session: URLSession
    private let secrets: [String]
    /// Plain `http://` goes over blocking sockets unless this is set (tests cover both paths).
    public let alwaysURLSession: Bool

    /// - Parameters:
    ///   - maxConnections: the most connections open to one host; set it to the concurrency.
    ///   - timeout: seconds without an answer after which a request counts as timed out.
    ///   - secrets: strings (API keys) that must never appear in a message.
    ///   - alwaysURLSession: use URLSession for `http://` too (by default only for `https://`).
    public init(maxConnections: Int = 16, timeout: Double = 300, retry: RetryPolicy = RetryPolicy(), stats: LLMStats = LLMStats(), secrets: [String] = [],
                alwaysURLSession: Bool = false) {
        self.timeout = timeout
        self.alwaysURLSession = alwaysURLSession
        self.retry = retry
        self.stats = stats
        self.secrets = secrets.filter { !$0.isEmpty }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = max(1, maxConnections)
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = max(timeout * 2, timeout + 60)
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        // Completion handlers only wake the waiting thread; one serial queue avoids a thread
        // per finished request.
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        session = URLSession(configuration: configuration, delegate: nil, delegateQueue: queue)
    }

    deinit { session.finishTasksAndInvalidate() }

    /// Sends the request, retrying transient failures, and returns the first answer that is
    /// not worth retrying: a 2xx, or an error status the caller reads (`ProviderChatModel`
    /// tells configuration errors from failures of one call). Throws an `LLMError` when the
    /// tries are used up or the connection fails for good.
    public func send(_ request: HTTPRequest) throws -> HTTPResponse {
        var tryNumber = 0
        while true {
            tryNumber += 1
            let outcome = sendOnce(request)
            let failure: LLMError
            var retryAfter: Double?
            switch outcome {
            case .success(let response) where !RetryPolicy.isRetryable(status: response.status):
                return response
            case .success(let response):
                // OpenAI answers 429 also when the account has no credit left: waiting won't help.
                if response.status == 429, String(decoding: response.body.prefix(2000), as: UTF8.self).contains("insufficient_quota") {
                    return HTTPResponse(status: 403, headers: response.headers, body: response.body)
                }
                failure = LLMError(.http, "HTTP \(response.status) from \(host(request.url)): \(snippet(response.body))", status: response.status)
                retryAfter = RetryPolicy.serverDelay(response)
            case .failure(let error):
                failure = error
            }
            guard tryNumber < retry.maxTries else {
                throw LLMError(failure.kind, failure.message + " (gave up after \(tryNumber) tries)", status: failure.status)
            }
            stats.add(retries: 1)
            Thread.sleep(forTimeInterval: retry.delay(afterTry: tryNumber, retryAfter: retryAfter))
        }
    }

    /// `send`, with any status but 2xx thrown as an `LLMError` (the embedders' use).
    public func post(_ request: HTTPRequest) throws -> HTTPResponse {
        let response = try send(request)
        guard (200...299).contains(response.status) else {
            throw LLMError(.http, "HTTP \(response.status) from \(host(request.url)): \(snippet(response.body))", status: response.status)
        }
        return response
    }

    private func sendOnce(_ request: HTTPRequest) -> Result<HTTPResponse, LLMError> {
        guard let url = URL(string: request.url) else {
            return .failure(LLMError(.connection, "invalid URL \(redact(request.url))"))
        }
        if url.scheme == "http" && !alwaysURLSession {
            return SocketHTTP.post(url: url, headers: request.headers, body: request.body, timeout: timeout).mapError {
                LLMError($0.kind, redact($0.message), status: $0.status)
            }
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = "POST"
        urlRequest.timeoutInterval = timeout
        urlRequest.httpBody = Data(request.body)
        urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }

        let done = DispatchSemaphore(value: 0)
        let box = ResultBox()
        let task = session.dataTask(with: urlRequest) { data, response, error in
            box.data = data
            box.response = response
            box.error = error
            done.signal()
        }
        task.resume()
        done.wait()

        if let error = box.error {
            let code = (error as? URLError)?.code
            let place = host(request.url)
            if code == .timedOut {
                return .failure(LLMError(.timeout, "no answer from \(place) within \(formatDuration(timeout))"))
            }
            let reason = code.map(describe) ?? "connection failed"
            return .failure(LLMError(.connection, "\(reason) (\(place))"))
        }
        guard let http = box.response as? HTTPURLResponse else {
            return .failure(LLMError(.connection, "no HTTP response from \(host(request.url))"))
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return .success(HTTPResponse(status: http.statusCode, headers: headers, body: box.data.map { [UInt8]($0) } ?? []))
    }

    private func describe(_ code: URLError.Code) -> String {
        switch code {
        case .cannotConnectToHost: return "cannot connect"
        case .networkConnectionLost: return "connection closed before the answer was complete"
        case .cannotFindHost, .dnsLookupFailed: return "cannot resolve host"
        case .notConnectedToInternet: return "no network"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate: return "TLS handshake failed"
        case .badServerResponse: return "malformed server response"
        default: return "connection failed (code \(code.rawValue))"
        }
    }

    /// `scheme://host:port` only: paths can carry keys (some proxies put them in the query).
    private func host(_ url: String) -> String {
        guard let parsed = URL(string: url), let host = parsed.host else { return "the server" }
        let port = parsed.port.map { ":\($0)" } ?? ""
        return redact("\(parsed.scheme ?? "http")://\(host)\(port)")
    }

    /// A short, single-line, key-free excerpt of an error body for the message.
    func snippet(_ body: [UInt8]) -> String {
        var text = String(decoding: body.prefix(400), as: UTF8.self)
        text = text.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        if body.count > 400 { text += "…" }
        return redact(text.isEmpty ? "(empty body)" : text)
    }

    /// Removes every registered secret from a message.
    public func redact(_ text: String) -> String {
        var text = text
        for secret in secrets where text.contains(secret) {
            text = text.replacingOccurrences(of: secret, with: "[redacted]")
        }
        return text
    }
}

private final class ResultBox: @unchecked Sendable {
    var data: Data?
    var response: URLResponse?
    var error: (any Error)?
}
