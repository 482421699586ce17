import Testing
@testable import ClioLLM

/// The bytes of `text`, with `\n` written as CRLF so the fixtures read like the wire.
private func wire(_ text: String) -> [UInt8] {
    Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
}

private func body(_ outcome: HTTPResponseParser.Outcome) -> String? {
    guard case .complete(_, _, let body) = outcome else { return nil }
    return String(decoding: body, as: UTF8.self)
}

private func isMalformed(_ outcome: HTTPResponseParser.Outcome) -> Bool {
    if case .malformed = outcome { return true }
    return false
}

@Suite struct HTTPResponseParserTests {
    @Test func contentLengthBodyIsCutAtTheLength() {
        let outcome = HTTPResponseParser.parse(wire("HTTP/1.1 200 OK\nContent-Length: 5\nX-A: b\n\nhelloEXTRA"), closed: false)
        guard case .complete(let status, let headers, let bytes) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(status == 200)
        #expect(headers["x-a"] == "b")
        #expect(String(decoding: bytes, as: UTF8.self) == "hello")
    }

    @Test func shortContentLengthBodyWaitsThenIsTruncatedAtClose() {
        let bytes = wire("HTTP/1.1 200 OK\nContent-Length: 10\n\nhello")
        #expect(HTTPResponseParser.parse(bytes, closed: false) == .incomplete)
        #expect(HTTPResponseParser.parse(bytes, closed: true) == .truncated)
    }

    @Test func closeDelimitedBodyEndsAtClose() {
        let bytes = wire("HTTP/1.0 200 OK\n\n{\"a\":1}")
        #expect(HTTPResponseParser.parse(bytes, closed: false) == .incomplete)
        #expect(body(HTTPResponseParser.parse(bytes, closed: true)) == "{\"a\":1}")
    }

    @Test func chunkedBodyIsJoinedWithExtensionsAndTrailersIgnored() {
        let bytes = wire("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n4;name=x\nWiki\n5 \npedia\n0\nX-Trailer: 1\n\n")
        #expect(body(HTTPResponseParser.parse(bytes, closed: false)) == "Wikipedia")
    }

    @Test func chunkedBodyCutShortIsIncompleteThenTruncated() {
        let bytes = wire("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n10\nshort")
        #expect(HTTPResponseParser.parse(bytes, closed: false) == .incomplete)
        #expect(HTTPResponseParser.parse(bytes, closed: true) == .truncated)
    }

    /// Issue 16: an empty chunk-size line trapped in `.split(";")[0]`, a negative one in the
    /// range that followed.
    @Test(arguments: ["", ";ext", "-5", "+5", "zz", "0x10", "5 5", "FFFFFFFFFFFFFFFFFFFF", "7fffffffffffffff", "1000000000000000"])
    func badChunkSizeIsMalformed(size: String) {
        let bytes = wire("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n\(size)\nabcde\n0\n\n")
        #expect(isMalformed(HTTPResponseParser.parse(bytes, closed: true)), "\(size)")
    }

    @Test func chunkDataWithoutItsCRLFIsMalformed() {
        let bytes = wire("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n3\nabcXY0\n\n")
        #expect(isMalformed(HTTPResponseParser.parse(bytes, closed: true)))
    }

    @Test(arguments: ["-1", "+5", "5x", "", "99999999999999999999999", "5, 6"])
    func badContentLengthIsMalformed(length: String) {
        let bytes = wire("HTTP/1.1 200 OK\nContent-Length: \(length)\n\nhello")
        #expect(isMalformed(HTTPResponseParser.parse(bytes, closed: true)), "\(length)")
    }

    @Test func repeatedEqualContentLengthsAreOne() {
        let bytes = wire("HTTP/1.1 200 OK\nContent-Length: 5\nContent-Length: 5, 5\n\nhello")
        #expect(body(HTTPResponseParser.parse(bytes, closed: false)) == "hello")
    }

    @Test(arguments: ["HTTP/1.1", "HTTP/1.1 2000 OK", "HTTP/1.1 abc OK", "HTTP/2 200 OK", "ICY 200 OK", "HTTP/1.1 -20 OK", "", "HTTP/1.1 099 X"])
    func badStatusLineIsMalformed(line: String) {
        let bytes = wire("\(line)\nContent-Length: 0\n\n")
        #expect(isMalformed(HTTPResponseParser.parse(bytes, closed: true)), "\(line)")
    }

    @Test func interimResponsesAreSkipped() {
        let bytes = wire("HTTP/1.1 100 Continue\n\nHTTP/1.1 103 Early Hints\nLink: x\n\nHTTP/1.1 201 Created\nContent-Length: 2\n\nok")
        guard case .complete(let status, _, let bytes) = HTTPResponseParser.parse(bytes, closed: false) else {
            Issue.record("not complete")
            return
        }
        #expect(status == 201)
        #expect(bytes == Array("ok".utf8))
    }

    @Test func noContentHasAnEmptyBodyWithoutWaiting() {
        #expect(body(HTTPResponseParser.parse(wire("HTTP/1.1 204 No Content\n\n"), closed: false)) == "")
    }

    @Test func endlessHeaderIsMalformedNotBuffered() {
        let bytes = wire("HTTP/1.1 200 OK\n") + [UInt8](repeating: 0x41, count: HTTPResponseParser.maxHeaderBytes + 1)
        #expect(isMalformed(HTTPResponseParser.parse(bytes, closed: false)))
    }

    @Test func emptyInputIsIncompleteOrTruncated() {
        #expect(HTTPResponseParser.parse([], closed: false) == .incomplete)
        #expect(HTTPResponseParser.parse([], closed: true) == .truncated)
    }

    @Test func everyPrefixOfAValidAnswerIsIncompleteNeverATrap() {
        let full = wire("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n4\nWiki\n5\npedia\n0\n\n")
        for cut in 0..<full.count - 2 {  // complete once the last chunk line "0\r\n" is in
            #expect(HTTPResponseParser.parse(Array(full[..<cut]), closed: false) == .incomplete, "\(cut)")
        }
        #expect(body(HTTPResponseParser.parse(full, closed: false)) == "Wikipedia")
    }
}
