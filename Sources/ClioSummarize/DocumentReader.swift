#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ClioCore

/// One JSON value read from an input, with the place where it starts.
struct DocumentElement {
    var bytes: ArraySlice<UInt8>
    var location: Location
    /// 1-based position in the array for array documents (exports are often one long line,
    /// where the line number alone does not find the element); nil for JSON Lines.
    var index: Int? = nil
}

/// Reads one input (a file or standard input) as either JSON Lines or a single JSON array,
/// chosen by its first non-space byte, and hands out one value at a time.
///
/// Exports from Claude.ai and ChatGPT are one large JSON array; reading it whole would hold
/// every conversation in memory at once. Instead the array is scanned for element boundaries
/// (respecting strings and escapes) and each element is parsed on its own, so memory stays
/// at about the size of the largest conversation.
final class DocumentReader {
    enum Shape { case lines, array }

    let sourceName: String
    private let path: String
    private var fd: Int32 = -1
    private var buffer: [UInt8] = []
    private var start = 0
    private var end = 0
    private var eof = false
    /// Line number of `buffer[start]` (1-based).
    private var line = 1
    private(set) var shape: Shape?
    private var arrayDone = false
    private var expectingElement = true
    private var elementCount = 0
    /// The JSON Lines reader, once the shape is known to be lines.
    private var lines: LineBlockReader?
    private var block: LineBlock?
    private var position = 0
    static let maxElementBytes = 256 << 20

    init(path: String) {
        self.path = path
        sourceName = path == "-" ? "<stdin>" : path
    }

    deinit { if fd > 0 { close(fd) } }

    func openInput() throws(ClioError) {
        if path == "-" {
            fd = 0
        } else {
            fd = open(path, O_RDONLY)
            if fd < 0 { throw ClioError(.io, "cannot open \(path): \(systemError())") }
        }
        buffer = [UInt8](repeating: 0, count: 1 << 16)
    }

    /// Reads more input, keeping `buffer[start..<end]`; false at end of input.
    private func fill() throws(ClioError) -> Bool {
        if eof { return false }
        if start > 0 {
            let remaining = end - start
            if remaining > 0 {
                buffer.withUnsafeMutableBufferPointer { p in
                    _ = memmove(p.baseAddress!, p.baseAddress! + start, remaining)
                }
            }
            end = remaining
            start = 0
        }
        if end == buffer.count {
            if buffer.count >= DocumentReader.maxElementBytes {
                throw ClioError(.invalidJSON, "a record is longer than \(DocumentReader.maxElementBytes >> 20) MiB", at: here)
            }
            buffer.append(contentsOf: repeatElement(0, count: buffer.count))
        }
        while true {
            let n = buffer.withUnsafeMutableBufferPointer { p in read(fd, p.baseAddress! + end, p.count - end) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ClioError(.io, "cannot read \(sourceName): \(systemError())")
            }
            if n == 0 {
                eof = true
                return false
            }
            end += n
            return true
        }
    }

    private var here: Location { Location(source: sourceName, line: line) }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    /// Skips whitespace, counting lines; returns the next byte without consuming it, or nil at the end.
    private func peekNonSpace() throws(ClioError) -> UInt8? {
        while true {
            while start < end {
                let b = buffer[start]
                if !DocumentReader.isSpace(b) { return b }
                if b == 0x0A { line += 1 }
                start += 1
            }
            if try !fill() { return nil }
        }
    }

    /// Decides the shape from the first non-space byte (a UTF-8 byte order mark is skipped).
    func detectShape() throws(ClioError) -> Shape? {
        if let shape { return shape }
        while end - start < 3, try fill() {}
        if end - start >= 3 && buffer[start] == 0xEF && buffer[start + 1] == 0xBB && buffer[start + 2] == 0xBF {
            start += 3
        }
        guard let first = try peekNonSpace() else { return nil }
        if first == UInt8(ascii: "[") {
            shape = .array
            start += 1
        } else {
            shape = .lines
        }
        return shape
    }

    /// The next value: one non-blank line, or one array element. Nil at the end of the input.
    func next() throws(ClioError) -> DocumentElement? {
        guard let shape = try detectShape() else { return nil }
        switch shape {
        case .lines: return try nextLine()
        case .array: return try nextElement()
        }
    }

    /// JSON Lines go through the package's one line reader, from the bytes already buffered on.
    private func nextLine() throws(ClioError) -> DocumentElement? {
        if lines == nil {
            lines = LineBlockReader(
                descriptor: fd, name: sourceName, prefix: Array(buffer[start..<end]), firstLine: line, ended: eof,
                blockBytes: 1 << 16, maxLineBytes: DocumentReader.maxElementBytes)
            fd = -1  // the line reader closes it
            buffer = []
            start = 0
            end = 0
        }
        while true {
            if let block, position < block.count {
                defer { position += 1 }
                return DocumentElement(bytes: ArraySlice(block.line(position)), location: block.location(position))
            }
            block = try lines!.next()
            position = 0
            if block == nil { return nil }
        }
    }

    private func nextElement() throws(ClioError) -> DocumentElement? {
        if arrayDone { return try checkTrailing() }
        guard var b = try peekNonSpace() else {
            throw ClioError(.invalidJSON, "the JSON array is not closed (unexpected end of input)", at: here)
        }
        if !expectingElement {
            // After an element: a comma, or the closing bracket.
            if b == UInt8(ascii: "]") {
                start += 1
                arrayDone = true
                return try checkTrailing()
            }
            guard b == UInt8(ascii: ",") else {
                throw ClioError(.invalidJSON, "expected ',' or ']' between array elements, got \(describe(b))", at: here)
            }
            start += 1
            guard let after = try peekNonSpace() else {
                throw ClioError(.invalidJSON, "the JSON array is not closed (unexpected end of input)", at: here)
            }
            if after == UInt8(ascii: "]") {
                throw ClioError(.invalidJSON, "trailing comma before ']'", at: here)
            }
            b = after
        } else if b == UInt8(ascii: "]") {
            // An empty array.
            start += 1
            arrayDone = true
            return try checkTrailing()
        }
        expectingElement = false
        elementCount += 1
        let elementLine = line
        // Scan to the end of the element: for a container, until its depth returns to zero
        // outside any string; for a scalar, until a delimiter at the top level.
        let opensContainer = b == UInt8(ascii: "{") || b == UInt8(ascii: "[")
        var depth = 0
        var inString = false
        var escaped = false
        var i = start
        var linesInside = 0
        scan: while true {
            if i >= end {
                let offset = i - start
                if try !fill() {
                    if !opensContainer && !inString && offset > 0 { break scan }
                    throw ClioError(
                        .invalidJSON, "the JSON array is not closed (unexpected end of input inside an element)",
                        at: Location(source: sourceName, line: elementLine))
                }
                i = start + offset
                continue
            }
            let c = buffer[i]
            if c == 0x0A { linesInside += 1 }
            if inString {
                if escaped {
                    escaped = false
                } else if c == UInt8(ascii: "\\") {
                    escaped = true
                } else if c == UInt8(ascii: "\"") {
                    inString = false
                    if !opensContainer {
                        i += 1
                        break scan
                    }
                }
                i += 1
                continue
            }
            switch c {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !opensContainer { break scan }
                depth -= 1
                if depth == 0 {
                    i += 1
                    break scan
                }
            case UInt8(ascii: ","), 0x20, 0x0A, 0x0D, 0x09:
                if !opensContainer {
                    if c == 0x0A { linesInside -= 1 }
                    break scan
                }
            default:
                break
            }
            i += 1
        }
        let bytes = ArraySlice(Array(buffer[start..<i]))
        start = i
        line = elementLine + linesInside
        return DocumentElement(bytes: bytes, location: Location(source: sourceName, line: elementLine), index: elementCount)
    }

    /// Only whitespace may follow the closing bracket.
    private func checkTrailing() throws(ClioError) -> DocumentElement? {
        if let b = try peekNonSpace() {
            throw ClioError(.invalidJSON, "unexpected \(describe(b)) after the end of the JSON array", at: here)
        }
        return nil
    }

    private func describe(_ b: UInt8) -> String {
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x\(String(b, radix: 16, uppercase: true))"
    }
}
