import Foundation
import ClioCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shared by the LLM and embedding tests.
///
/// A tiny HTTP/1.1 server on 127.0.0.1 and a random port, on POSIX sockets, for driving the
/// provider clients through real requests and injected faults. Every response closes its
/// connection, which keeps the parser trivial.
public final class TestServer: @unchecked Sendable {
    public struct Request: Sendable {
        public var method: String
        public var path: String
        /// Header names in lower case.
        public var headers: [String: String]
        public var body: [UInt8]
        public var arrival: Double
        public var bodyText: String { String(decoding: body, as: UTF8.self) }
        public var json: Any? { try? JSONSerialization.jsonObject(with: Data(body)) }
    }

    public enum Reply: Sendable {
        case respond(status: Int, headers: [String: String] = [:], body: String)
        /// Sends nothing until the client gives up and closes the connection: a timeout test
        /// then takes as long as the client's timeout, not a guessed stall. (After a minute the
        /// server closes anyway, so a client that never gives up fails rather than hangs.)
        case stallUntilClosed
        /// Announces `declaredLength` bytes, sends `body`, then closes.
        case closeMidBody(declaredLength: Int, body: String)
        /// A 200 in chunked transfer encoding, one chunk per piece.
        case chunked([String])
    }

    public let port: UInt16
    private let listener: Int32
    private let handler: @Sendable (Request, Int) -> Reply
    private let lock = NSLock()
    private var requests: [Request] = []
    private var open = 0
    public private(set) var maxOpen = 0
    private var stopped = false

    /// `handler` gets each request and its 0-based number.
    public init(handler: @escaping @Sendable (Request, Int) -> Reply) throws {
        self.handler = handler
        (listener, port) = try TestServer.listenOnRandomPort()
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    private static func listenOnRandomPort() throws -> (Int32, UInt16) {
        let fd = socket(AF_INET, Platform.streamSocket, 0)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 256) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    public var baseURL: String { "http://127.0.0.1:\(port)" }
    public var received: [Request] { lock.withLock { requests } }
    public var count: Int { lock.withLock { requests.count } }

    /// Stops accepting. The socket is only shut down here and closed by the accept loop as it
    /// leaves: closed here, its descriptor number could be handed to the next test's listener
    /// while this loop still calls `accept` on it, and this server's handler would answer that
    /// test's requests.
    public func stop() {
        let first = lock.withLock { () -> Bool in
            defer { stopped = true }
            return !stopped
        }
        if first { shutdown(listener, Int32(SHUT_RDWR)) }
    }

    deinit { if !stopped { stop() } }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR && !isStopped { continue }
                return
            }
            if isStopped {
                close(fd)
                return
            }
            let thread = Thread { [self] in serve(fd) }
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        lock.withLock {
            open += 1
            maxOpen = max(maxOpen, open)
        }
        defer {
            lock.withLock { open -= 1 }
            close(fd)
        }
        guard let request = readRequest(fd) else { return }
        let number: Int = lock.withLock {
            requests.append(request)
            return requests.count - 1
        }
        switch handler(request, number) {
        case .respond(let status, let headers, let body):
            let bytes = Array(body.utf8)
            var head = "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Status")\r\nContent-Type: application/json\r\nContent-Length: \(bytes.count)\r\nConnection: close\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            send(fd, Array((head + "\r\n").utf8) + bytes)
        case .stallUntilClosed:
            var probe = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            var byte: UInt8 = 0
            let deadline = Date(timeIntervalSinceNow: 60)
            while Date() < deadline {
                let ready = poll(&probe, 1, 200)
                if ready < 0 && errno != EINTR { break }
                if ready > 0 && recv(fd, &byte, 1, 0) <= 0 { break }  // closed (or reset) by the client
            }
        case .chunked(let pieces):
            var text = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            for piece in pieces { text += String(piece.utf8.count, radix: 16) + "\r\n" + piece + "\r\n" }
            text += "0\r\n\r\n"
            send(fd, Array(text.utf8))
        case .closeMidBody(let declared, let body):
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(declared)\r\nConnection: close\r\n\r\n"
            send(fd, Array((head + body).utf8))
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    private func send(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBufferPointer { write(fd, $0.baseAddress!, $0.count) }
            if n <= 0 { return }
            offset += n
        }
    }

    private func readRequest(_ fd: Int32) -> Request? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var headerEnd: Int?
        var contentLength = 0
        while true {
            let n = buffer.withUnsafeMutableBufferPointer { read(fd, $0.baseAddress!, $0.count) }
            if n <= 0 { return nil }
            data.append(contentsOf: buffer[0..<n])
            if headerEnd == nil, let end = find(data, Array("\r\n\r\n".utf8)) {
                headerEnd = end + 4
                let head = String(decoding: data[0..<end], as: UTF8.self)
                for line in head.split(separator: "\r\n").dropFirst() {
                    let parts = line.split(separator: ":", maxSplits: 1)
                    if parts.count == 2, parts[0].lowercased() == "content-length" {
                        contentLength = Int(parts[1].trimmingCharacters(in: .whitespaces)) ?? 0
                    }
                }
            }
            if let end = headerEnd, data.count >= end + contentLength { break }
        }
        let end = headerEnd!
        let head = String(decoding: data[0..<(end - 4)], as: UTF8.self)
        let lines = head.split(separator: "\r\n")
        let first = lines.first?.split(separator: " ") ?? []
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        return Request(
            method: first.count > 0 ? String(first[0]) : "", path: first.count > 1 ? String(first[1]) : "",
            headers: headers, body: Array(data[end..<(end + contentLength)]), arrival: Date().timeIntervalSince1970)
    }

    private func find(_ haystack: [UInt8], _ needle: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        return nil
    }
}
