/// Embedding vectors in records.
///
/// A vector is a plain JSON array of numbers by default. `--compact-vectors` writes the same
/// numbers as a string `"f32le:<base64>"` (little-endian float32), about 3× smaller and much
/// faster to read; every reader accepts both forms.
public enum VectorCodec {
    public static let compactPrefix = "f32le:"

    /// A vector as JSON: an array of shortest-form float32 numbers, or the compact string.
    public static func encode(_ vector: [Float], compact: Bool = false) -> JSON {
        if compact { return .string(compactPrefix + Base64.encode(F32LE.bytes(vector))) }
        return .array(vector.map { f in
            var out: [UInt8] = []
            JSONSerializer.writeNumber(f, to: &out)
            return .rawNumber(String(decoding: out, as: UTF8.self))
        })
    }

    /// Reads either form; rejects non-numbers, NaN and infinities with a message naming `field`.
    public static func decode(_ value: JSON, field: String) throws(ClioError) -> [Float] {
        switch value {
        case .array(let elements):
            var vector = [Float]()
            vector.reserveCapacity(elements.count)
            for (i, element) in elements.enumerated() {
                guard let d = element.doubleValue else {
                    throw ClioError(.invalidRecord, "field \"\(field)\" element \(i) must be a number, got \(element.typeName)")
                }
                let f = Float(d)
                guard f.isFinite else {
                    throw ClioError(.invalidRecord, "field \"\(field)\" element \(i) is not a finite float32")
                }
                vector.append(f)
            }
            return vector
        case .string(let s) where s.hasPrefix(compactPrefix):
            guard let bytes = Base64.decode(s.dropFirst(compactPrefix.count)), bytes.count % 4 == 0 else {
                throw ClioError(.invalidRecord, "field \"\(field)\" is not valid \(compactPrefix) base64")
            }
            let vector = F32LE.floats(bytes)
            if let i = vector.firstIndex(where: { !$0.isFinite }) {
                throw ClioError(.invalidRecord, "field \"\(field)\" element \(i) is not a finite float32")
            }
            return vector
        default:
            throw ClioError(.invalidRecord, "field \"\(field)\" must be an array of numbers, got \(value.typeName)")
        }
    }
}

/// Float32 little-endian, four bytes a number: the bytes of the compact vector strings and of
/// the embedding cache's entries.
public enum F32LE {
    public static func bytes(_ vector: [Float]) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(vector.count * 4)
        for f in vector {
            let bits = f.bitPattern
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bytes.append(UInt8(truncatingIfNeeded: bits >> 8))
            bytes.append(UInt8(truncatingIfNeeded: bits >> 16))
            bytes.append(UInt8(truncatingIfNeeded: bits >> 24))
        }
        return bytes
    }

    /// The floats of `bytes`, one per whole four bytes (a shorter tail is ignored); not checked
    /// for NaN or infinities.
    public static func floats(_ bytes: [UInt8]) -> [Float] {
        (0..<(bytes.count / 4)).map { i in
            Float(bitPattern: UInt32(bytes[4 * i]) | UInt32(bytes[4 * i + 1]) << 8 | UInt32(bytes[4 * i + 2]) << 16
                | UInt32(bytes[4 * i + 3]) << 24)
        }
    }
}

/// Standard base64 (RFC 4648) with padding.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let reverse: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
        return table
    }()

    public static func encode(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
            out.append(alphabet[Int(n & 63)])
            i += 3
        }
        let rest = bytes.count - i
        if rest > 0 {
            let n = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(rest == 2 ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }

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
        let table = reverse  // one lazy-global check, not one per character
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

    public static func decode<S: StringProtocol>(_ text: S) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 4 == 0 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(chars.count / 4 * 3)
        var i = 0
        while i < chars.count {
            var n: UInt32 = 0
            var pad = 0
            for j in 0..<4 {
                let c = chars[i + j]
                if c == UInt8(ascii: "=") && i + 4 == chars.count && j >= 2 {
                    pad += 1
                    n <<= 6
                    continue
                }
                guard pad == 0 else { return nil }
                let v = reverse[Int(c)]
                if v == 0xFF { return nil }
                n = n << 6 | UInt32(v)
            }
            out.append(UInt8(n >> 16 & 0xFF))
            if pad < 2 { out.append(UInt8(n >> 8 & 0xFF)) }
            if pad < 1 { out.append(UInt8(n & 0xFF)) }
            i += 4
        }
        return out
    }
}
