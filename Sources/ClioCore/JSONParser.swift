#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a JSON text could not be read. `offset` is the byte offset within the text.
public struct JSONParseError: Error, Equatable, Sendable {
    public var message: String
    public var offset: Int
}

/// A strict RFC 8259 parser working on UTF-8 bytes.
///
/// Written by hand because JSONL stages parse millions of numbers (embedding vectors) and
/// Foundation's `JSONSerialization` neither keeps key order nor parses numbers quickly.
public enum JSONParser {
    /// Nesting deeper than this is rejected rather than risking the stack on hostile input.
    public static let maxDepth = 512

    public static func parse(_ text: String) throws(JSONParseError) -> JSON {
        var text = text
        return try text.withUTF8 { buffer in Result { () throws(JSONParseError) in try parse(buffer) } }.get()
    }

    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSON {
        try bytes.withUnsafeBufferPointer { buffer in Result { () throws(JSONParseError) in try parse(buffer) } }.get()
    }

    public static func parse(_ bytes: ArraySlice<UInt8>) throws(JSONParseError) -> JSON {
        try bytes.withUnsafeBufferPointer { buffer in Result { () throws(JSONParseError) in try parse(buffer) } }.get()
    }

    public static func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSON {
        var parser = Parser(buffer)
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.index < parser.end {
            throw parser.error("unexpected \(parser.describeCurrent()) after the JSON value")
        }
        return value
    }
}

private struct Parser {
    let base: UnsafePointer<UInt8>?
    var index = 0
    let end: Int

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        base = buffer.baseAddress
        end = buffer.count
    }

    @inline(__always) func byte(_ i: Int) -> UInt8 { base![i] }

    func error(_ message: String) -> JSONParseError { JSONParseError(message: message, offset: index) }

    func describeCurrent() -> String {
        guard index < end else { return "end of input" }
        let b = byte(index)
        if b >= 0x21 && b < 0x7F { return "character '\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x\(String(b, radix: 16, uppercase: true))"
    }

    mutating func skipWhitespace() {
        while index < end {
            let b = byte(index)
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { index += 1 } else { break }
        }
    }

    mutating func parseValue(depth: Int) throws(JSONParseError) -> JSON {
        guard index < end else { throw error("unexpected end of input, expected a value") }
        switch byte(index) {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected \(describeCurrent()), expected a value")
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        guard index + count <= end else { throw error("unexpected end of input in literal") }
        let p = literal.utf8Start
        for i in 0..<count where byte(index + i) != p[i] {
            throw error("invalid literal, expected '\(literal)'")
        }
        index += count
    }

    mutating func parseObject(depth: Int) throws(JSONParseError) -> JSON {
        if depth > JSONParser.maxDepth { throw error("nesting deeper than \(JSONParser.maxDepth) levels") }
        index += 1
        var members: [(key: String, value: JSON)] = []
        skipWhitespace()
        if index < end && byte(index) == UInt8(ascii: "}") {
            index += 1
            return .object(JSONObject(members))
        }
        while true {
            skipWhitespace()
            guard index < end, byte(index) == UInt8(ascii: "\"") else {
                throw error("unexpected \(describeCurrent()), expected a string key")
            }
            let key = try parseString()
            skipWhitespace()
            guard index < end, byte(index) == UInt8(ascii: ":") else {
                throw error("unexpected \(describeCurrent()), expected ':'")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.append((key: key, value: value))
            skipWhitespace()
            guard index < end else { throw error("unexpected end of input, expected ',' or '}'") }
            let b = byte(index)
            index += 1
            if b == UInt8(ascii: ",") { continue }
            if b == UInt8(ascii: "}") { return .object(JSONObject(members)) }
            index -= 1
            throw error("unexpected \(describeCurrent()), expected ',' or '}'")
        }
    }

    mutating func parseArray(depth: Int) throws(JSONParseError) -> JSON {
        if depth > JSONParser.maxDepth { throw error("nesting deeper than \(JSONParser.maxDepth) levels") }
        index += 1
        var elements: [JSON] = []
        skipWhitespace()
        if index < end && byte(index) == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard index < end else { throw error("unexpected end of input, expected ',' or ']'") }
            let b = byte(index)
            index += 1
            if b == UInt8(ascii: ",") { continue }
            if b == UInt8(ascii: "]") { return .array(elements) }
            index -= 1
            throw error("unexpected \(describeCurrent()), expected ',' or ']'")
        }
    }

    mutating func parseString() throws(JSONParseError) -> String {
        index += 1  // opening quote
        let start = index
        // Fast path: no escapes.
        while index < end {
            let b = byte(index)
            if b == UInt8(ascii: "\"") {
                let s = try makeString(start, index)
                index += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw error("control character in string (must be escaped)") }
            index += 1
        }
        var bytes = [UInt8](UnsafeBufferPointer(start: base! + start, count: index - start))
        while index < end {
            let b = byte(index)
            if b == UInt8(ascii: "\"") {
                index += 1
                guard let s = String(validating: bytes, as: UTF8.self) else {
                    index = start
                    throw error("invalid UTF-8 in string")
                }
                return s
            }
            if b < 0x20 { throw error("control character in string (must be escaped)") }
            if b != UInt8(ascii: "\\") {
                bytes.append(b)
                index += 1
                continue
            }
            index += 1
            guard index < end else { break }
            let e = byte(index)
            index += 1
            switch e {
            case UInt8(ascii: "\""): bytes.append(0x22)
            case UInt8(ascii: "\\"): bytes.append(0x5C)
            case UInt8(ascii: "/"): bytes.append(0x2F)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try parseHex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    // A high surrogate must be followed by an escaped low surrogate.
                    if index + 6 <= end && byte(index) == UInt8(ascii: "\\") && byte(index + 1) == UInt8(ascii: "u") {
                        index += 2
                        let low = try parseHex4()
                        if (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            scalar = 0xFFFD
                            appendUTF8(0xFFFD, to: &bytes)
                            scalar = low
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if (0xDC00..<0xE000).contains(scalar) {
                    scalar = 0xFFFD
                }
                appendUTF8(scalar, to: &bytes)
            default:
                index -= 1
                throw error("invalid escape '\\\(Character(Unicode.Scalar(e)))' in string")
            }
        }
        throw error("unterminated string")
    }

    func makeString(_ from: Int, _ to: Int) throws(JSONParseError) -> String {
        let buffer = UnsafeBufferPointer(start: base! + from, count: to - from)
        var ascii = true
        for b in buffer where b >= 0x80 { ascii = false; break }
        if ascii { return String(decoding: buffer, as: UTF8.self) }
        guard let s = String(validating: buffer, as: UTF8.self) else {
            throw JSONParseError(message: "invalid UTF-8 in string", offset: from)
        }
        return s
    }

    mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        guard index + 4 <= end else { throw error("unterminated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = byte(index)
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in \\u escape")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
        let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        bytes.append(contentsOf: String(Character(s)).utf8)
    }

    mutating func parseNumber() throws(JSONParseError) -> JSON {
        let start = index
        var negative = false
        if byte(index) == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var integral = true
        guard index < end, isDigit(byte(index)) else { throw error("invalid number: expected a digit") }
        if byte(index) == UInt8(ascii: "0") {
            index += 1
            if index < end && isDigit(byte(index)) { throw error("invalid number: leading zero") }
        } else {
            while index < end, isDigit(byte(index)) {
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(byte(index) - 48)
                    digits += 1
                } else {
                    exponent += 1
                    digits += 1
                }
                index += 1
            }
        }
        if index < end && byte(index) == UInt8(ascii: ".") {
            integral = false
            index += 1
            guard index < end, isDigit(byte(index)) else { throw error("invalid number: expected a digit after '.'") }
            while index < end, isDigit(byte(index)) {
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(byte(index) - 48)
                    if mantissa != 0 { digits += 1 }
                    exponent -= 1
                }
                index += 1
            }
        }
        if index < end && (byte(index) == UInt8(ascii: "e") || byte(index) == UInt8(ascii: "E")) {
            integral = false
            index += 1
            var expNegative = false
            if index < end && (byte(index) == UInt8(ascii: "+") || byte(index) == UInt8(ascii: "-")) {
                expNegative = byte(index) == UInt8(ascii: "-")
                index += 1
            }
            guard index < end, isDigit(byte(index)) else { throw error("invalid number: expected a digit in exponent") }
            var e = 0
            while index < end, isDigit(byte(index)) {
                if e < 100_000 { e = e * 10 + Int(byte(index) - 48) }
                index += 1
            }
            exponent += expNegative ? -e : e
        }
        if integral && digits > 15 {
            // Keep large integers (64-bit ids) exactly as written.
            return .rawNumber(String(decoding: UnsafeBufferPointer(start: base! + start, count: index - start), as: UTF8.self))
        }
        // Clinger's fast path: exact when the mantissa and the power of ten are both exact doubles.
        if mantissa < (1 << 53) && exponent >= -22 && exponent <= 22 && digits <= 19 {
            var value = Double(mantissa)
            if exponent < 0 { value /= powersOfTen[-exponent] } else { value *= powersOfTen[exponent] }
            return .number(negative ? -value : value)
        }
        return .number(slowParse(start, index))
    }

    func slowParse(_ from: Int, _ to: Int) -> Double {
        var text = [CChar](repeating: 0, count: to - from + 1)
        for i in from..<to { text[i - from] = CChar(bitPattern: byte(i)) }
        return strtod(text, nil)
    }

    @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
}

private let powersOfTen: [Double] = (0...22).map { e in
    var v = 1.0
    for _ in 0..<e { v *= 10 }
    return v
}
