/// HTTP/1.1 response framing, as a pure function of the bytes received so far: status line,
/// header fields, then a body delimited by chunked transfer coding, Content-Length, or the
/// connection closing (RFC 9112 §6.3). `SocketHTTP` feeds it what `recv` returned; the fuzz
/// target `http-response` feeds it anything. Malformed input is a `.malformed` outcome, never a
/// trap: every length from the peer is checked before it is used as an index.
///
/// The parse starts over on every call. Answers are a few kilobytes and the socket is read in
/// 64 KiB steps, so the repeated work is small next to the model call, and holding no state
/// makes the parser trivially testable.
public enum HTTPResponseParser {
    /// What the bytes received so far amount to.
    public enum Outcome: Equatable, Sendable {
        /// The response is complete (bytes after its end are ignored: one request per connection).
        case complete(status: Int, headers: [String: String], body: [UInt8])
        /// More bytes are needed; only returned while the connection is open.
        case incomplete
        /// The connection closed before the response was complete.
        case truncated
        /// Not an HTTP/1.x response; the message says what was wrong, in lower case.
        case malformed(String)
    }

    /// The most header bytes accepted before the blank line, like common servers' 64 KiB limits
    /// with room to spare; past it the peer is not speaking HTTP.
    public static let maxHeaderBytes = 1 << 20

    /// Frames `data`. `closed` says the peer has closed the connection, so that nothing more
    /// will come: a close-delimited body ends there and anything else unfinished is truncated.
    public static func parse(_ data: [UInt8], closed: Bool) -> Outcome {
        var start = 0
        // Interim 1xx responses (100 Continue, 103 Early Hints) precede the final one.
        while true {
            guard let end = find(crlfcrlf, in: data, from: start) else {
                if data.count - start > maxHeaderBytes { return .malformed("header section longer than \(maxHeaderBytes) bytes") }
                return closed ? .truncated : .incomplete
            }
            let head: Head
            switch parseHead(data[start..<end]) {
            case .success(let parsed): head = parsed
            case .failure(let failure): return .malformed(failure.message)
            }
            let bodyStart = end + 4
            if (100..<200).contains(head.status) && head.status != 101 {
                start = bodyStart
                continue
            }
            return parseBody(data, from: bodyStart, head: head, closed: closed)
        }
    }

    struct Failure: Error {
        var message: String
    }

    struct Head {
        var status: Int
        var headers: [String: String]
        var contentLength: Int?
    }

    static let crlfcrlf: [UInt8] = [13, 10, 13, 10]
    static let crlf: [UInt8] = [13, 10]

    static func parseHead(_ bytes: ArraySlice<UInt8>) -> Result<Head, Failure> {
        var lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/1."), let status = threeDigitStatus(statusLine[1]) else {
            return .failure(Failure(message: "malformed status line"))
        }
        var headers: [String: String] = [:]
        var contentLength: Int?
        for line in lines {
            // A line without a colon is not a field; it is skipped rather than failing an
            // answer that is otherwise usable.
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "content-length" {
                // RFC 9112 §6.3: a list of differing lengths (or an unparsable one) is an error.
                for item in value.split(separator: ",", omittingEmptySubsequences: false) {
                    guard let length = decimal(item.trimmingCharacters(in: .whitespaces)) else {
                        return .failure(Failure(message: "invalid content-length \"\(value.prefix(40))\""))
                    }
                    if let known = contentLength, known != length {
                        return .failure(Failure(message: "conflicting content-length values"))
                    }
                    contentLength = length
                }
            }
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        return .success(Head(status: status, headers: headers, contentLength: contentLength))
    }

    static func parseBody(_ data: [UInt8], from bodyStart: Int, head: Head, closed: Bool) -> Outcome {
        func done(_ body: [UInt8]) -> Outcome { .complete(status: head.status, headers: head.headers, body: body) }
        // 204, 304 and 1xx have no body whatever the fields say.
        if head.status == 204 || head.status == 304 { return done([]) }
        if let coding = head.headers["transfer-encoding"], coding.lowercased().contains("chunked") {
            return parseChunked(data, from: bodyStart, head: head, closed: closed)
        }
        if let length = head.contentLength {
            // safe: bodyStart <= data.count (it is just past the blank line found in data), so
            // the subtraction cannot go negative, and comparing avoids bodyStart + length overflowing.
            guard data.count - bodyStart >= length else { return closed ? .truncated : .incomplete }
            return done(Array(data[bodyStart..<(bodyStart + length)]))
        }
        return closed ? done(Array(data[bodyStart...])) : .incomplete
    }

    /// Chunked transfer coding (RFC 9112 §7.1). The body is complete at the last chunk; trailer
    /// fields after it are not needed and not waited for (the connection closes after one answer).
    static func parseChunked(_ data: [UInt8], from bodyStart: Int, head: Head, closed: Bool) -> Outcome {
        var body: [UInt8] = []
        var position = bodyStart
        let unfinished: Outcome = closed ? .truncated : .incomplete
        while true {
            guard let lineEnd = find(crlf, in: data, from: position) else {
                if data.count - position > 4096 { return .malformed("chunk-size line longer than 4096 bytes") }
                return unfinished
            }
            guard let size = chunkSize(data[position..<lineEnd]) else {
                return .malformed("invalid chunk size \"\(String(decoding: data[position..<min(lineEnd, position + 40)], as: UTF8.self))\"")
            }
            position = lineEnd + 2
            if size == 0 { return .complete(status: head.status, headers: head.headers, body: body) }
            // safe: size < 2^60 (chunkSize's limit), so size + 2 cannot overflow, and
            // position <= data.count, so the subtraction cannot go negative.
            guard data.count - position >= size + 2 else { return unfinished }
            guard data[position + size] == 13, data[position + size + 1] == 10 else {
                return .malformed("chunk data not followed by CRLF")
            }
            body.append(contentsOf: data[position..<(position + size)])
            position += size + 2
        }
    }

    /// The hexadecimal size at the start of a chunk-size line, before any `;extension`; nil when
    /// it is empty, not hexadecimal, signed, or 2^60 or more (no answer is that long, and the
    /// bound keeps the caller's arithmetic from overflowing).
    static func chunkSize(_ line: ArraySlice<UInt8>) -> Int? {
        var size = 0
        var digits = 0
        var index = line.startIndex
        while index < line.endIndex, let digit = hexValue(line[index]) {
            guard size < 1 << 56 else { return nil }
            size = size << 4 | digit
            digits += 1
            index += 1
        }
        guard digits > 0 else { return nil }
        // After the digits: optional whitespace, then nothing or a chunk extension.
        while index < line.endIndex, line[index] == 32 || line[index] == 9 { index += 1 }
        guard index == line.endIndex || line[index] == UInt8(ascii: ";") else { return nil }
        return size
    }

    static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: return Int(byte - 0x30)
        case 0x41...0x46: return Int(byte - 0x41 + 10)
        case 0x61...0x66: return Int(byte - 0x61 + 10)
        default: return nil
        }
    }

    /// A non-negative decimal of at most 18 digits (so it fits in Int), without sign or spaces.
    static func decimal(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 18, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    static func threeDigitStatus(_ text: Substring) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 3, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), bytes[0] >= 0x31 else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// The index of the first occurrence of `needle` in `data` at or after `start`.
    static func find(_ needle: [UInt8], in data: [UInt8], from start: Int) -> Int? {
        guard start >= 0, data.count - start >= needle.count else { return nil }
        var i = start
        let last = data.count - needle.count
        while i <= last {
            if data[i] == needle[0] {
                var match = true
                for k in 1..<needle.count where data[i + k] != needle[k] {
                    match = false
                    break
                }
                if match { return i }
            }
            i += 1
        }
        return nil
    }
}
