import ClioCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal blocking HTTP/1.1 client on POSIX sockets for plain `http://` endpoints (local
/// servers: llama.cpp, vLLM, Ollama).
///
/// FoundationNetworking's `URLSession` on Linux keeps a core busy while it waits for an answer
/// (measured: ~0.8 s of CPU per second of waiting), which starves a model running on the same
/// machine, and adds scheduling latency under `-j 50`. A blocking socket per worker thread
/// waits for free. One request per connection (`Connection: close`) keeps it simple; the
/// connection cost is negligible next to a model call. `https://` still goes through URLSession.
enum SocketHTTP {
    struct Failure: Error {
        var error: LLMError
    }

    /// Sends one POST and reads the whole answer. `timeout` bounds connecting and each wait
    /// for data (like URLSession's request timeout, an idle timeout).
    static func post(url: URL, headers: [(String, String)], body: [UInt8], timeout: Double) -> Result<HTTPResponse, LLMError> {
        guard let host = url.host else { return .failure(LLMError(.connection, "invalid URL")) }
        let port = url.port ?? 80
        let place = "http://\(host):\(port)"
        var path = url.path.isEmpty ? "/" : url.path
        if let query = url.query { path += "?" + query }

        let fd: Int32
        switch connect(host: host, port: port, timeout: timeout) {
        case .success(let socket): fd = socket
        case .failure(let error): return .failure(LLMError(error.error.kind, "\(error.error.message) (\(place))"))
        }
        defer { close(fd) }

        var head = "POST \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nContent-Length: \(body.count)\r\nConnection: close\r\nUser-Agent: clio/\(clioVersion)\r\nAccept: application/json\r\n"
        var hasContentType = false
        for (name, value) in headers {
            if name.lowercased() == "content-type" { hasContentType = true }
            head += "\(name): \(value)\r\n"
        }
        if !hasContentType { head += "Content-Type: application/json\r\n" }
        head += "\r\n"
        guard sendAll(fd, Array(head.utf8) + body) else {
            return .failure(LLMError(.connection, "connection closed while sending the request (\(place))"))
        }
        return readResponse(fd, place: place, timeout: timeout)
    }

    private static func connect(host: String, port: Int, timeout: Double) -> Result<Int32, Failure> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Platform.streamSocket
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
            return .failure(Failure(error: LLMError(.connection, "cannot resolve host")))
        }
        defer { freeaddrinfo(list) }
        var lastError = ECONNREFUSED
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            entry = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if fd < 0 { continue }
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            // safe: every --timeout is checked to be from 0.001 to 86,400 seconds.
            var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1e6))
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
            // Blocking connect honours SO_SNDTIMEO on Linux.
            if Platform.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return .success(fd) }
            lastError = errno
            close(fd)
        }
        if lastError == EINPROGRESS || lastError == EAGAIN || lastError == ETIMEDOUT {
            return .failure(Failure(error: LLMError(.timeout, "no connection within \(formatDuration(timeout))")))
        }
        return .failure(Failure(error: LLMError(.connection, "cannot connect")))
    }

    private static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBufferPointer { Platform.send(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    /// Reads until the body is complete: by Content-Length, chunked encoding, or connection close.
    private static func readResponse(_ fd: Int32, place: String, timeout: Double) -> Result<HTTPResponse, LLMError> {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var closed = false
        func fill() -> LLMError? {
            while true {
                let n = buffer.withUnsafeMutableBufferPointer { recv(fd, $0.baseAddress!, $0.count, 0) }
                if n > 0 {
                    data.append(contentsOf: buffer[0..<n])
                    return nil
                }
                if n == 0 {
                    closed = true
                    return nil
                }
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    return LLMError(.timeout, "no answer from \(place) within \(formatDuration(timeout))")
                }
                return LLMError(.connection, "connection closed before the answer was complete (\(place))")
            }
        }
        // Framing is HTTPResponseParser's; this loop only reads until it has an answer.
        while true {
            switch HTTPResponseParser.parse(data, closed: closed) {
            case .complete(let status, let headers, let body):
                return .success(HTTPResponse(status: status, headers: headers, body: body))
            case .incomplete:
                if let error = fill() { return .failure(error) }
            case .truncated:
                return .failure(
                    data.isEmpty
                        ? LLMError(.connection, "connection closed without an answer (\(place))")
                        : LLMError(.connection, "connection closed before the answer was complete (\(place))"))
            case .malformed(let message):
                return .failure(LLMError(.connection, "malformed server response: \(message) (\(place))"))
            }
        }
    }
}
