/// Embedding vectors in records.
///
/// A vector is a plain JSON array of numbers by default. `--compact-vectors` writes the same
/// numbers as a string `"f32le:<base64>"` (little-endian float32), about 3× smaller and much
/// faster to read; every reader accepts both forms.
public enum VectorCodec {
    public static let compactPrefix = "f32le:"

    /// A vector as JSON: an array of shortest-form float32 numbers, or the compact string.
    public static func encode(_ vector: [Float], compact: Bool = false) -> JSON {
        if compact {
            var bytes = [UInt8]()
            bytes.reserveCapacity(vector.count * 4)
            for f in vector {
                let bits = f.bitPattern.littleEndian
                bytes.append(UInt8(truncatingIfNeeded: bits))
                bytes.append(UInt8(truncatingIfNeeded: bits >> 8))
                bytes.append(UInt8(truncatingIfNeeded: bits >> 16))
                bytes.append(UInt8(truncatingIfNeeded: bits >> 24))
            }
            return .string(compactPrefix + Base64.encode(bytes))
        }
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
            var vector = [Float](repeating: 0, count: bytes.count / 4)
            for i in vector.indices {
                let bits = UInt32(bytes[4 * i]) | UInt32(bytes[4 * i + 1]) << 8 | UInt32(bytes[4 * i + 2]) << 16
                    | UInt32(bytes[4 * i + 3]) << 24
                let f = Float(bitPattern: bits)
                guard f.isFinite else {
                    throw ClioError(.invalidRecord, "field \"\(field)\" element \(i) is not a finite float32")
                }
                vector[i] = f
            }
            return vector
        default:
            throw ClioError(.invalidRecord, "field \"\(field)\" must be an array of numbers, got \(value.typeName)")
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
        let original = vector.count
        vector.reserveCapacity(original + byteCount / 4)
        var word: UInt32 = 0
        var wordBytes = 0
        var produced = 0
        var i = 0
        // Shifts bytes of each 3-byte group into little-endian float words.
        func push(_ byte: UInt32) -> Bool {
            guard produced < byteCount else { return true }
            word |= byte << UInt32(8 * wordBytes)
            wordBytes += 1
            produced += 1
            guard wordBytes == 4 else { return true }
            let f = Float(bitPattern: word)
            word = 0
            wordBytes = 0
            guard f.isFinite else { return false }
            vector.append(f)
            return true
        }
        let table = reverse  // one lazy-global check, not one per character
        while i < body.count {
            var n: UInt32 = 0
            for j in 0..<4 {
                let c = body[i + j]
                if c == UInt8(ascii: "=") && i + 4 == body.count && j >= 2 {
                    n <<= 6
                    continue
                }
                let v = table[Int(c)]
                if v == 0xFF {
                    vector.removeSubrange(original...)
                    return false
                }
                n = n << 6 | UInt32(v)
            }
            guard push(n >> 16 & 0xFF), push(n >> 8 & 0xFF), push(n & 0xFF) else {
                vector.removeSubrange(original...)
                return false
            }
            i += 4
        }
        return true
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
