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
        let lost = LLMError(.connection, "connection closed before the answer was complete (\(place))")

        // Status line and headers; a 100 Continue is skipped.
        var headerEnd = 0
        var status = 0
        var headers: [String: String] = [:]
        while true {
            if let end = find(data, from: 0) {
                let head = String(decoding: data[0..<end], as: UTF8.self)
                var lines = head.components(separatedBy: "\r\n")
                let statusLine = lines.removeFirst().split(separator: " ")
                guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/"), let code = Int(statusLine[1]) else {
                    return .failure(LLMError(.connection, "malformed server response (\(place))"))
                }
                if code == 100 {
                    data.removeFirst(end + 4)
                    continue
                }
                status = code
                for line in lines {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                headerEnd = end + 4
                break
            }
            if closed { return .failure(data.isEmpty ? LLMError(.connection, "connection closed without an answer (\(place))") : lost) }
            if let error = fill() { return .failure(error) }
        }

        var body: [UInt8]
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            body = []
            var position = headerEnd
            while true {
                // Chunk size line.
                var lineEnd: Int?
                while lineEnd == nil {
                    lineEnd = findCRLF(data, from: position)
                    if lineEnd == nil {
                        if closed { return .failure(lost) }
                        if let error = fill() { return .failure(error) }
                    }
                }
                let sizeText = String(decoding: data[position..<lineEnd!], as: UTF8.self).split(separator: ";")[0].trimmingCharacters(in: .whitespaces)
                guard let size = Int(sizeText, radix: 16) else { return .failure(LLMError(.connection, "malformed chunked answer (\(place))")) }
                position = lineEnd! + 2
                if size == 0 { break }
                while data.count < position + size + 2 {
                    if closed { return .failure(lost) }
                    if let error = fill() { return .failure(error) }
                }
                body.append(contentsOf: data[position..<(position + size)])
                position += size + 2
            }
        } else if let lengthText = headers["content-length"], let length = Int(lengthText) {
            while data.count < headerEnd + length {
                if closed { return .failure(lost) }
                if let error = fill() { return .failure(error) }
            }
            body = Array(data[headerEnd..<(headerEnd + length)])
        } else {
            while !closed {
                if let error = fill() { return .failure(error) }
            }
            body = Array(data[headerEnd...])
        }
        return .success(HTTPResponse(status: status, headers: headers, body: body))
    }

    private static func find(_ data: [UInt8], from start: Int) -> Int? {
        guard data.count >= start + 4 else { return nil }
        var i = start
        while i + 3 < data.count {
            if data[i] == 13 && data[i + 1] == 10 && data[i + 2] == 13 && data[i + 3] == 10 { return i }
            i += 1
        }
        return nil
    }

    private static func findCRLF(_ data: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + 1 < data.count {
            if data[i] == 13 && data[i + 1] == 10 { return i }
            i += 1
        }
        return nil
    }
}
