#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ClioCore

/// Reads one vector field out of a JSONL line without building the record's JSON value.
///
/// A stage that only needs the vector (clio-cluster) spends most of its parse time turning the
/// record into a tree and its hundreds of numbers into `JSON` values. This scanner validates
/// the whole line as strictly as `JSONParser` (grammar, escapes, UTF-8, nesting depth), notes
/// the top-level keys, and converts only the wanted field's numbers straight to float32.
/// Whenever the line is not the plain case (invalid JSON, a key with escapes, a non-number or
/// out-of-range element, a string that is not `f32le:` base64 without escapes) it answers nil and
/// the caller falls back to `JSONParser` and `VectorCodec`, which give the exact error messages.
public enum FastVector {
    static let facetsKey = Array("facets".utf8)
    static let languageKey = Array("language".utf8)

    public struct Scan {
        /// Whether the top-level field was present (its numbers were appended to the output).
        public var found = false
        /// Whether the object has a top-level key among `watchKeys`.
        public var hasWatchedKey = false
        /// Index of the object's closing brace.
        public var closingBrace = 0
        /// Whether the object has no members (`{}`).
        public var isEmptyObject = true
        /// Where the string `facets.language` lies in the line (without its quotes), when asked
        /// for and present.
        public var language: Range<Int>?
    }

    /// Scans `line`, appending the field's floats to `vector` (untouched when nil is returned,
    /// apart from a possible partial append which the caller must undo: use `vector.count`).
    public static func scan(_ line: UnsafeBufferPointer<UInt8>, field: [UInt8], watchKeys: [[UInt8]],
                            language: Bool = false, into vector: inout [Float]) -> Scan? {
        var s = Scanner(p: line.baseAddress!, end: line.count)
        let start = vector.count
        let result = s.topObject(field: field, watchKeys: watchKeys, language: language, vector: &vector)
        if result == nil || (s.sawNonASCII && String(validating: line, as: UTF8.self) == nil) {
            vector.removeSubrange(start...)
            return nil
        }
        return result
    }

    private struct Scanner {
        let p: UnsafePointer<UInt8>
        let end: Int
        var i = 0
        var sawNonASCII = false
        let powers: UnsafePointer<Double>
        let reciprocals: UnsafePointer<Double>

        init(p: UnsafePointer<UInt8>, end: Int) {
            self.p = p
            self.end = end
            powers = FastVector.powersOfTenPointer
            reciprocals = powers + FastVector.powersOfTen.count
        }

        mutating func ws() {
            while i < end {
                let c = p[i]
                if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } else { break }
            }
        }

        @inline(__always) func peek() -> UInt8 { i < end ? p[i] : 0 }

        /// After a member or an element: true at a comma (skipped, and the space after it),
        /// false at `close` (skipped), nil at anything else.
        @inline(__always) mutating func next(close: UInt8) -> Bool? {
            ws()
            let c = peek()
            if c == UInt8(ascii: ",") {
                i += 1
                ws()
                return true
            }
            guard c == close else { return nil }
            i += 1
            return false
        }

        /// A string without escapes starting at the quote: where its bytes lie (quotes left
        /// out); nil when invalid or escaped.
        @inline(__always) mutating func plainString() -> Range<Int>? {
            let start = i + 1
            guard let plain = string(), plain else { return nil }
            return start..<(i - 1)
        }

        /// A member's key and its colon (and the space around it): where the key's bytes lie;
        /// nil when invalid, or when `plain` and the key has escapes (left to the full parser
        /// rather than decoded here).
        @inline(__always) mutating func key(plain: Bool) -> Range<Int>? {
            guard peek() == UInt8(ascii: "\"") else { return nil }
            let start = i + 1
            guard let unescaped = string(), unescaped || !plain else { return nil }
            let range = start..<(i - 1)
            ws()
            guard peek() == UInt8(ascii: ":") else { return nil }
            i += 1
            ws()
            return range
        }

        mutating func topObject(field: [UInt8], watchKeys: [[UInt8]], language: Bool, vector: inout [Float]) -> Scan? {
            var scan = Scan()
            ws()
            guard peek() == UInt8(ascii: "{") else { return nil }
            i += 1
            ws()
            if peek() == UInt8(ascii: "}") {
                scan.closingBrace = i
                i += 1
                ws()
                return i == end ? scan : nil
            }
            scan.isEmptyObject = false
            while true {
                guard let range = key(plain: true) else { return nil }
                let key = UnsafeBufferPointer(start: p + range.lowerBound, count: range.count)
                if !scan.found && key.elementsEqual(field) {
                    scan.found = true
                    guard vectorValue(&vector) else { return nil }
                } else if language && key.elementsEqual(FastVector.facetsKey) && peek() == UInt8(ascii: "{") {
                    guard facets(language: &scan.language) else { return nil }
                } else {
                    if !scan.hasWatchedKey && watchKeys.contains(where: { key.elementsEqual($0) }) {
                        scan.hasWatchedKey = true
                    }
                    guard value(depth: 1) else { return nil }
                }
                guard let more = next(close: UInt8(ascii: "}")) else { return nil }
                if more { continue }
                scan.closingBrace = i - 1
                ws()
                return i == end ? scan : nil
            }
        }

        /// The field's value: an array of numbers or an `f32le:` string.
        mutating func vectorValue(_ vector: inout [Float]) -> Bool {
            if peek() == UInt8(ascii: "\"") {
                guard let text = plainString() else { return false }
                // Decoded straight from the line's bytes: no String, no intermediate byte array.
                return Base64.appendFloats(UnsafeBufferPointer(start: p + text.lowerBound, count: text.count), to: &vector)
            }
            guard peek() == UInt8(ascii: "[") else { return false }
            i += 1
            ws()
            if peek() == UInt8(ascii: "]") {
                i += 1
                return true
            }
            while true {
                guard let f = number(), f.isFinite else { return false }
                vector.append(f)
                guard let more = next(close: UInt8(ascii: "]")) else { return false }
                if !more { return true }
            }
        }

        /// The `facets` object, validated, noting where its `language` string lies; false for
        /// anything the full parser must read (invalid JSON, a key or that string with escapes).
        mutating func facets(language: inout Range<Int>?) -> Bool {
            i += 1
            ws()
            if peek() == UInt8(ascii: "}") {
                i += 1
                return true
            }
            while true {
                guard let range = key(plain: true) else { return false }
                let key = UnsafeBufferPointer(start: p + range.lowerBound, count: range.count)
                if key.elementsEqual(FastVector.languageKey) && peek() == UInt8(ascii: "\"") {
                    guard let text = plainString() else { return false }
                    language = text
                } else {
                    guard value(depth: 2) else { return false }
                }
                guard let more = next(close: UInt8(ascii: "}")) else { return false }
                if !more { return true }
            }
        }

        /// Skips any JSON value, validating it.
        mutating func value(depth: Int) -> Bool {
            guard depth < JSONParser.maxDepth else { return false }
            let c = peek()
            switch c {
            case UInt8(ascii: "{"):
                i += 1
                ws()
                if peek() == UInt8(ascii: "}") {
                    i += 1
                    return true
                }
                while true {
                    guard key(plain: false) != nil, value(depth: depth + 1) else { return false }
                    guard let more = next(close: UInt8(ascii: "}")) else { return false }
                    if !more { return true }
                }
            case UInt8(ascii: "["):
                i += 1
                ws()
                if peek() == UInt8(ascii: "]") {
                    i += 1
                    return true
                }
                while true {
                    guard value(depth: depth + 1) else { return false }
                    guard let more = next(close: UInt8(ascii: "]")) else { return false }
                    if !more { return true }
                }
            case UInt8(ascii: "\""):
                return string() != nil
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default:
                return number() != nil
            }
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard end - i >= n, memcmp(p + i, word.utf8Start, n) == 0 else { return false }
            i += n
            return true
        }

        /// Skips a string starting at the quote; nil when invalid, true when it had no escapes.
        mutating func string() -> Bool? {
            i += 1
            var plain = true
            // Eight bytes at a time while none is a quote, a backslash or a control character
            // (the classic has-zero-byte tests); any other byte needs no look.
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while end - i >= 8 {
                let w = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                let quote = w ^ (ones &* 0x22)
                let slash = w ^ (ones &* 0x5C)
                let special = ((quote &- ones) & ~quote) | ((slash &- ones) & ~slash) | ((w &- ones &* 0x20) & ~w)
                if special & highs != 0 { break }
                if w & highs != 0 { sawNonASCII = true }
                i += 8
            }
            while i < end {
                let c = p[i]
                if c == UInt8(ascii: "\"") {
                    i += 1
                    return plain
                }
                if c < 0x20 { return nil }
                if c >= 0x80 { sawNonASCII = true }
                if c == UInt8(ascii: "\\") {
                    plain = false
                    i += 1
                    guard i < end else { return nil }
                    switch p[i] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                        UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        break
                    case UInt8(ascii: "u"):
                        // Escaped surrogates are checked by the full parser: any \u sends the line there.
                        return nil
                    default:
                        return nil
                    }
                }
                i += 1
            }
            return nil
        }

        /// Parses a JSON number to float32 through a correctly rounded double, as
        /// `JSONParser` + `Float(_:)` do. Exact fast path for up to 19 digits and small
        /// exponents; `strtod` otherwise.
        /// The common case first: `-?digits(.digits)?` with at most 19 digits and no exponent,
        /// its fraction read eight digits at a time; anything else goes to `generalNumber`.
        mutating func number() -> Float? {
            let start = i
            var negative = false
            if i < end && p[i] == UInt8(ascii: "-") {
                negative = true
                i += 1
            }
            let intStart = i
            var mantissa: UInt64 = 0
            while i < end, p[i] &- 0x30 < 10 {
                mantissa = mantissa &* 10 &+ UInt64(p[i] &- 0x30)
                i += 1
            }
            var digits = i - intStart
            var exponent = 0
            if digits == 0 || digits > 19 || (digits > 1 && p[intStart] == UInt8(ascii: "0")) {
                i = start
                return generalNumber()
            }
            if i < end && p[i] == UInt8(ascii: ".") {
                i += 1
                let fracStart = i
                while end - i >= 8 && digits + 8 <= 19 {
                    let w = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                    // A byte is a digit when its high nibble is 3 and adding 6 keeps it so.
                    let notDigit = ((w & 0xF0F0_F0F0_F0F0_F0F0) ^ 0x3030_3030_3030_3030)
                        | (((w &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) ^ 0x3030_3030_3030_3030)
                    if notDigit != 0 { break }
                    // Eight ASCII digits to their value in three multiplications (SWAR).
                    var v = ((w & 0x0F0F_0F0F_0F0F_0F0F) &* 2561) >> 8
                    v = ((v & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
                    v = ((v & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32
                    mantissa = mantissa &* 100_000_000 &+ v
                    digits += 8
                    i += 8
                }
                while i < end, p[i] &- 0x30 < 10, digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(p[i] &- 0x30)
                    digits += 1
                    i += 1
                }
                exponent = fracStart - i
                if i == fracStart || (i < end && p[i] &- 0x30 < 10) {
                    i = start
                    return generalNumber()
                }
            }
            if i < end && (p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E")) || mantissa > (1 << 53) || exponent < -22 {
                i = start
                return generalNumber()
            }
            var v = Double(mantissa)
            if exponent < 0 {
                // A multiplication by the rounded reciprocal is within two units in the last
                // place of the correctly rounded quotient, so unless it lands near a midpoint
                // between two floats (the low 29 bits near 1000…0) both round to the same float;
                // near one, divide as `generalNumber` does.
                let q = v * reciprocals[-exponent]
                let low = q.bitPattern & 0x1FFF_FFFF
                v = low &- 0x0FFF_FFF0 < 0x20 ? v / powers[-exponent] : q
            }
            return Float(negative ? -v : v)
        }

        /// Any JSON number, to float32 through a correctly rounded double.
        mutating func generalNumber() -> Float? {
            let start = i
            var negative = false
            if peek() == UInt8(ascii: "-") {
                negative = true
                i += 1
            }
            var mantissa: UInt64 = 0
            var digits = 0
            var exponent = 0
            let intStart = i
            while i < end, p[i] &- 0x30 < 10 {
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(p[i] &- 0x30)
                    if mantissa > 0 { digits += 1 }
                } else {
                    exponent += 1
                    digits += 1
                }
                i += 1
            }
            let intDigits = i - intStart
            guard intDigits > 0 else { return nil }
            if intDigits > 1 && p[intStart] == UInt8(ascii: "0") { return nil }
            if i < end && p[i] == UInt8(ascii: ".") {
                i += 1
                let fracStart = i
                while i < end, p[i] &- 0x30 < 10 {
                    if digits < 19 {
                        mantissa = mantissa &* 10 &+ UInt64(p[i] &- 0x30)
                        if mantissa > 0 { digits += 1 }
                        exponent -= 1
                    } else {
                        digits += 1
                    }
                    i += 1
                }
                guard i > fracStart else { return nil }
            }
            if i < end && (p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E")) {
                i += 1
                var expNegative = false
                if i < end && (p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-")) {
                    expNegative = p[i] == UInt8(ascii: "-")
                    i += 1
                }
                let expStart = i
                var e = 0
                while i < end, p[i] &- 0x30 < 10 {
                    if e < 100_000 { e = e * 10 + Int(p[i] &- 0x30) }
                    i += 1
                }
                guard i > expStart else { return nil }
                exponent += expNegative ? -e : e
            }
            if digits <= 19 && mantissa <= (1 << 53) && exponent >= -22 && exponent <= 22 {
                var v = Double(mantissa)
                if exponent < 0 { v /= powersOfTen[-exponent] } else { v *= powersOfTen[exponent] }
                return Float(negative ? -v : v)
            }
            // The rare long or far-out number: let the C library round it.
            var text = [CChar](repeating: 0, count: i - start + 1)
            for q in 0..<(i - start) { text[q] = CChar(bitPattern: p[start + q]) }
            return Float(strtod(text, nil))
        }
    }

    private static let powersOfTen: [Double] = (0...22).map { e in
        var v = 1.0
        for _ in 0..<e { v *= 10 }
        return v
    }

    /// The table above followed by the correctly rounded reciprocals 1/10^e, allocated once for
    /// the life of the process, so the hot loop indexes them without bounds or
    /// lazy-initialisation checks.
    private static let powersOfTenPointer: UnsafePointer<Double> = {
        let p = UnsafeMutablePointer<Double>.allocate(capacity: 2 * powersOfTen.count)
        p.initialize(from: powersOfTen + powersOfTen.map { 1 / $0 }, count: 2 * powersOfTen.count)
        return UnsafePointer(p)
    }()
}

/// The bulk decoder of compact vectors, for clio-cluster's fast path; it reads the same
/// `f32le:` format `VectorCodec` writes (ClioCore), straight from the input bytes.
extension Base64 {
    /// Appends the little-endian float32 values of an `f32le:<base64>` text to `vector`; false
    /// (and `vector` unchanged) unless the text has the prefix, is valid padded base64 of a whole
    /// number of floats, and every value is finite.
    public static func appendFloats(_ text: UnsafeBufferPointer<UInt8>, to vector: inout [Float]) -> Bool {
        let prefix = VectorCodec.compactPrefix.utf8
        guard text.count >= prefix.count, zip(text, prefix).allSatisfy({ $0 == $1 }) else { return false }
        let body = UnsafeBufferPointer(rebasing: text[prefix.count...])
        guard body.count % 4 == 0 else { return false }
        var padding = 0
        if body.count >= 1 && body[body.count - 1] == UInt8(ascii: "=") { padding += 1 }
        if body.count >= 2 && body[body.count - 2] == UInt8(ascii: "=") { padding += 1 }
        let byteCount = body.count / 4 * 3 - padding
        guard byteCount % 4 == 0 else { return false }
        let floats = byteCount / 4
        if floats == 0 { return true }
        let table = decodingTable  // one lazy-global check, not one per character
        // Decoded into a scratch buffer first (3 bytes per 4 characters, no per-byte branching),
        // then checked and appended in one go; the array grows geometrically, never to the exact
        // size, so appending line after line stays linear.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: body.count / 4 * 3) { scratch -> Bool in
            let out = scratch.baseAddress!
            let groups = body.count / 4
            var bad: UInt8 = 0
            var o = 0
            for g in 0..<groups {
                let c = body.baseAddress! + 4 * g
                var v2 = table[Int(c[2])], v3 = table[Int(c[3])]
                if g == groups - 1 && padding > 0 {
                    // The trailing "=" counted above stand for zero bits; "=" anywhere else is
                    // not in the table and fails.
                    if padding == 2 { v2 = 0 }
                    v3 = 0
                }
                let v0 = table[Int(c[0])], v1 = table[Int(c[1])]
                bad |= (v0 | v1 | v2 | v3) & 0x80
                let n = UInt32(v0) << 18 | UInt32(v1) << 12 | UInt32(v2 & 0x3F) << 6 | UInt32(v3 & 0x3F)
                out[o] = UInt8(truncatingIfNeeded: n >> 16)
                out[o + 1] = UInt8(truncatingIfNeeded: n >> 8)
                out[o + 2] = UInt8(truncatingIfNeeded: n)
                o += 3
            }
            guard bad == 0 else { return false }
            let raw = UnsafeRawPointer(out)
            var finite = true
            for q in 0..<floats {
                let bits = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * q, as: UInt32.self))
                // All exponent bits set: infinity or NaN.
                if bits & 0x7F80_0000 == 0x7F80_0000 { finite = false }
            }
            guard finite else { return false }
            let needed = vector.count + floats
            if vector.capacity < needed { vector.reserveCapacity(max(needed, 2 * vector.capacity)) }
            let start = vector.count
            vector.append(contentsOf: repeatElement(0, count: floats))
            vector.withUnsafeMutableBytes { dst in
                (dst.baseAddress! + 4 * start).copyMemory(from: raw, byteCount: byteCount)
            }
            #if _endian(big)
            for q in start..<vector.count { vector[q] = Float(bitPattern: UInt32(littleEndian: vector[q].bitPattern)) }
            #endif
            return true
        }
    }
}
