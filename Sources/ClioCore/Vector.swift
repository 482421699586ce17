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
    /// Each byte's 6-bit value, 0xFF for a byte outside the alphabet: for decoders elsewhere
    /// (clio-cluster's `Base64.appendFloats`) that read base64 straight from input bytes.
    public static let decodingTable: [UInt8] = {
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
                let v = decodingTable[Int(c)]
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
