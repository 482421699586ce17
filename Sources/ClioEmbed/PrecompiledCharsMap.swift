import ClioCore
import Foundation

/// SentencePiece's compiled normalisation rules (the `precompiled_charsmap` of a tokenizer.json's
/// `Precompiled` normalizer), applied the way Hugging Face tokenizers applies them.
///
/// The blob, as sentencepiece serialises it: a little-endian u32 with the byte size of a
/// Darts-clone double-array trie, the trie's little-endian 32-bit units, then a pool of
/// NUL-terminated UTF-8 replacements. Trie keys are UTF-8 byte strings (a character or a short
/// sequence such as "e" + U+0301); a key's value is the offset of its replacement in the pool.
///
/// Text is rewritten one extended grapheme cluster at a time: a cluster of fewer than 6 UTF-8
/// bytes whose bytes begin with a key is replaced whole by that key's replacement — the
/// shortest matching key, even when it covers only part of the cluster; otherwise each scalar
/// of the cluster that begins with a key is replaced, and the others are kept. (That is the
/// reference's rule, not sentencepiece's own longest-match loop; the two differ on a few
/// clusters, and the reference is what the models were run with.)
public struct PrecompiledCharsMap: Sendable {
    let units: [UInt32]
    let pool: [UInt8]
    /// Pool offsets for the single ASCII bytes, which are most of any text: -1 when none.
    private var asciiOffsets = [Int32](repeating: -1, count: 128)

    /// `base64` is the `precompiled_charsmap` string; `source` names it in errors.
    public init(base64: String, source: String) throws(ClioError) {
        guard let data = Data(base64Encoded: base64) else {
            throw ClioError(.model, "\(source): precompiled_charsmap is not base64")
        }
        try self.init(bytes: [UInt8](data), source: source)
    }

    public init(bytes: [UInt8], source: String) throws(ClioError) {
        guard bytes.count >= 4 else { throw ClioError(.model, "\(source): precompiled_charsmap is too short") }
        let trieSize = Int(bytes[0]) | Int(bytes[1]) << 8 | Int(bytes[2]) << 16 | Int(bytes[3]) << 24
        guard trieSize % 4 == 0, trieSize >= 4, trieSize <= bytes.count - 4 else {
            throw ClioError(.model, "\(source): precompiled_charsmap has a trie of \(trieSize) bytes in a blob of \(bytes.count)")
        }
        units = stride(from: 4, to: 4 + trieSize, by: 4).map { i in
            UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
        }
        pool = Array(bytes[(4 + trieSize)...])
        guard Array(String(decoding: pool, as: UTF8.self).utf8) == pool else {
            throw ClioError(.model, "\(source): the replacements of precompiled_charsmap are not UTF-8")
        }
        for byte in 0..<UInt8(128) {
            if let offset = [byte].withUnsafeBufferPointer({ firstMatch($0) }) { asciiOffsets[Int(byte)] = Int32(offset) }
        }
    }

    // Darts-clone's unit layout.
    @inline(__always) private static func hasLeaf(_ unit: UInt32) -> Bool { (unit >> 8) & 1 == 1 }
    @inline(__always) private static func value(_ unit: UInt32) -> Int { Int(unit & 0x7FFF_FFFF) }
    @inline(__always) private static func label(_ unit: UInt32) -> UInt32 { unit & 0x8000_00FF }
    @inline(__always) private static func offset(_ unit: UInt32) -> Int { Int((unit >> 10) << ((unit & (1 << 9)) >> 6)) }

    /// The pool offset of the shortest key that `bytes` begins with, or nil. A NUL byte ends
    /// the search, as in the reference.
    func firstMatch(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !units.isEmpty else { return nil }
        var position = Self.offset(units[0])
        for byte in bytes {
            if byte == 0 { return nil }
            position ^= Int(byte)
            guard position < units.count else { return nil }
            let unit = units[position]
            guard Self.label(unit) == UInt32(byte) else { return nil }
            position ^= Self.offset(unit)
            guard position < units.count else { return nil }
            if Self.hasLeaf(unit) { return Self.value(units[position]) }
        }
        return nil
    }

    /// Appends the replacement at pool `offset` (up to its NUL) to `out`.
    private func appendReplacement(at offset: Int, to out: inout [UInt8]) {
        var i = offset
        while i < pool.count && pool[i] != 0 {
            out.append(pool[i])
            i += 1
        }
    }

    public func normalize(_ text: String) -> String {
        var storage = text
        let clusters = text
        return storage.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            var start = 0
            for cluster in clusters {
                let length = cluster.utf8.count
                defer { start += length }
                if length == 1 && bytes[start] < 0x80 {
                    let offset = asciiOffsets[Int(bytes[start])]
                    if offset >= 0 { appendReplacement(at: Int(offset), to: &out) } else { out.append(bytes[start]) }
                    continue
                }
                if length < 6, let offset = firstMatch(UnsafeBufferPointer(rebasing: bytes[start..<(start + length)])) {
                    appendReplacement(at: offset, to: &out)
                    continue
                }
                var scalarStart = start
                for scalar in cluster.unicodeScalars {
                    let scalarLength = UTF8.width(scalar)
                    let scalarBytes = UnsafeBufferPointer(rebasing: bytes[scalarStart..<(scalarStart + scalarLength)])
                    if let offset = firstMatch(scalarBytes) {
                        appendReplacement(at: offset, to: &out)
                    } else {
                        out.append(contentsOf: scalarBytes)
                    }
                    scalarStart += scalarLength
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
