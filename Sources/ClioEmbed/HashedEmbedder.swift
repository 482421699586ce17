/// A download-free embedder: signed feature hashing of words, word pairs and character n-grams.
///
/// Features of a text (after lowercasing, words are runs of letters and digits):
/// - `w:word` for each word not on a short stop-word list, weight 1;
/// - `b:word word` for each adjacent pair, weight 0.7 (order carries some meaning);
/// - `c:gram` for each character 3-, 4- and 5-gram of `<word>` (stop words excluded), whose
///   weights add up to 1 per word, so long words do not drown short ones and typos and
///   inflections still share most of their grams.
/// Each feature's count becomes `1 + ln(tf)` (sublinear), times its weight, added with a sign
/// to one of `dimension` slots chosen by a 64-bit FNV-1a hash of its UTF-8 bytes; the vector is
/// L2-normalised. FNV-1a is fixed, unlike Swift's per-process seeded `Hasher`, so a vector is the
/// same on every run and platform. A text with no words gets the zero vector.
public final class HashedEmbedder: Embedder {
    public static let defaultDimension = 512
    public let dimension: Int
    public let name = "hash-v1"
    public let isWorthCaching = false

    public init(dimension: Int = HashedEmbedder.defaultDimension) {
        self.dimension = dimension
    }

    public func embed(_ texts: [String]) -> [[Float]] { texts.map(embed) }

    public func embed(_ text: String) -> [Float] {
        let words = HashedEmbedder.words(text)
        // Features are keyed by their 64-bit hash (a collision of the full hash is negligible),
        // and summed in key order, so the vector is identical on every run.
        var counts: [UInt64: (tf: Double, weight: Double)] = [:]
        for (i, word) in words.enumerated() {
            if i > 0 { counts[fnv1a("b:" + words[i - 1] + " " + word), default: (0, 0.7)].tf += 1 }
            if HashedEmbedder.stopWords.contains(word) { continue }
            counts[fnv1a("w:" + word), default: (0, 1)].tf += 1
        }
        // Character n-grams: counted across the text, each word's grams sharing weight 1.
        var grams: [UInt64: Double] = [:]
        for word in words where !HashedEmbedder.stopWords.contains(word) {
            let bytes = Array(("<" + word + ">").unicodeScalars)
            var gramCount = 0
            for n in 3...5 where bytes.count >= n { gramCount += bytes.count - n + 1 }
            guard gramCount > 0 else { continue }
            let share = 1 / Double(gramCount)
            for n in 3...5 where bytes.count >= n {
                for start in 0...(bytes.count - n) {
                    grams[fnv1a(prefix: "c:", bytes[start..<(start + n)]), default: 0] += share
                }
            }
        }
        var vector = [Double](repeating: 0, count: dimension)
        func add(_ h: UInt64, _ weight: Double) {
            let slot = Int(h % UInt64(dimension))
            vector[slot] += (h >> 63) == 0 ? weight : -weight
        }
        for (h, feature) in counts.sorted(by: { $0.key < $1.key }) {
            add(h, feature.weight * (1 + log(feature.tf)))
        }
        for (h, weight) in grams.sorted(by: { $0.key < $1.key }) {
            add(h, weight < 1 ? weight : 1 + log(weight))
        }
        var out = vector.map { Float($0) }
        normalizeL2(&out)
        return out
    }

    /// Lowercased runs of letters and digits.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            let p = scalar.properties
            if p.isAlphabetic || p.numericType != nil {
                current += p.lowercaseMapping
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "i", "in", "is",
        "it", "its", "me", "my", "of", "on", "or", "that", "the", "this", "to", "was", "were", "with",
        "you", "your", "can", "do", "how", "what", "please", "user", "user's", "s", "will", "would",
    ]
}

/// 64-bit FNV-1a of the UTF-8 bytes, then a final avalanche (from MurmurHash3's fmix64) so the
/// low bits used for the slot and the top bit used for the sign are well mixed. The same on
/// every platform and run, unlike Swift's `Hasher` (clio-label's user counts sketch with it too).
public func fnv1a(_ s: String) -> UInt64 { mix(fnv1aCore(s)) }

func mix(_ value: UInt64) -> UInt64 {
    var h = value
    h ^= h >> 33
    h = h &* 0xff51_afd7_ed55_8ccd
    h ^= h >> 33
    h = h &* 0xc4ce_b9fe_1a85_ec53
    h ^= h >> 33
    return h
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `fnv1a(prefix + String(scalars))` without building the string.
func fnv1a(prefix: String, _ scalars: ArraySlice<Unicode.Scalar>) -> UInt64 {
    var h = fnv1aCore(prefix)
    for scalar in scalars {
        for byte in UTF8.encode(scalar)! {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
    }
    return mix(h)
}

/// Plain 64-bit FNV-1a.
func fnv1aCore(_ s: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in s.utf8 {
        h ^= UInt64(byte)
        h = h &* 0x0000_0100_0000_01b3
    }
    return h
}
