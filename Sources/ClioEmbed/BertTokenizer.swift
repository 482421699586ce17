import ClioCore
import Foundation

/// The uncased BERT WordPiece tokenizer, as Hugging Face's fast `BertTokenizer` runs it for
/// all-MiniLM-L6-v2 (BertNormalizer, BertPreTokenizer, WordPiece):
///
/// 1. clean: drop NUL, U+FFFD and "other" characters (Cc, Cf, Cs, Co, Cn, but not tab, CR, LF);
///    every remaining White_Space character becomes a space;
/// 2. put spaces around CJK ideographs, so each is its own word;
/// 3. NFD, drop nonspacing marks (Mn), then lowercase each character (in that order, as the
///    reference does);
/// 4. split on whitespace, and make each punctuation character (ASCII 33–47, 58–64, 91–96,
///    123–126, and every Unicode P* category) a word of its own;
/// 5. WordPiece: greedy longest match from the start of each word, continuations prefixed `##`;
///    a word with no match, or longer than 100 characters, becomes `[UNK]`;
/// 6. `[CLS]` … `[SEP]`, truncated to `maxLength` tokens including those two.
public struct BertTokenizer: Sendable {
    private let vocabulary: [String: Int32]
    public let unknown: Int32
    public let classifier: Int32
    public let separator: Int32
    public let maxLength: Int
    static let maxWordCharacters = 100

    /// Reads `vocab.txt`: one token per line, the id being the line's index.
    public init(vocabFile path: String, maxLength: Int = 256) throws(ClioError) {
        let bytes: [UInt8]
        do {
            bytes = try LineReader.readAll(path: path)
        } catch {
            throw ClioError(.model, "cannot read vocabulary \(path): \(error.message)")
        }
        var tokens = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        if tokens.last == "" { tokens.removeLast() }
        try self.init(vocabulary: tokens, maxLength: maxLength, source: path)
    }

    public init(vocabulary tokens: [String], maxLength: Int = 256, source: String = "vocabulary") throws(ClioError) {
        var map: [String: Int32] = [:]
        map.reserveCapacity(tokens.count)
        for (i, token) in tokens.enumerated() where map[token] == nil { map[token] = Int32(i) }
        guard let unk = map["[UNK]"], let cls = map["[CLS]"], let sep = map["[SEP]"] else {
            throw ClioError(.model, "\(source) lacks [UNK], [CLS] or [SEP]; it is not a BERT vocabulary")
        }
        vocabulary = map
        unknown = unk
        classifier = cls
        separator = sep
        self.maxLength = max(2, maxLength)
    }

    /// Token ids of `text`, with `[CLS]` and `[SEP]`.
    ///
    /// Long texts are tokenized from a growing prefix: truncation keeps only the first
    /// `maxLength - 2` pieces, so once the words of a prefix, less its last word (which the cut
    /// may have split), give that many pieces, the rest of the text cannot change the result.
    public func encode(_ text: String) -> [Int32] {
        let scalars = Array(text.unicodeScalars)
        let limit = maxLength - 2
        var prefix = min(scalars.count, 8 * maxLength)
        while true {
            let whole = prefix == scalars.count
            var words = BertTokenizer.words(scalars[..<prefix])
            if !whole && !words.isEmpty { words.removeLast() }
            var pieces: [Int32] = []
            for word in words {
                pieces.append(contentsOf: wordPiece(word))
                if pieces.count >= limit { break }
            }
            if whole || pieces.count >= limit {
                return [classifier] + pieces.prefix(limit) + [separator]
            }
            prefix = min(scalars.count, prefix * 2)
        }
    }

    /// Steps 1–4: the normalised words of a text.
    static func words(_ text: String) -> [[Unicode.Scalar]] { words(Array(text.unicodeScalars)[...]) }

    static func words(_ scalars: ArraySlice<Unicode.Scalar>) -> [[Unicode.Scalar]] {
        var cleaned: [Unicode.Scalar] = []
        cleaned.reserveCapacity(scalars.count)
        var ascii = true
        for s in scalars {
            let v = s.value
            if v == 0 || v == 0xFFFD { continue }
            if v < 0x80 {
                if s == "\t" || s == "\n" || s == "\r" || s == " " {
                    cleaned.append(" ")
                } else if v < 0x20 || v == 0x7F {
                    continue
                } else {
                    cleaned.append(s)
                }
                continue
            }
            ascii = false
            if isOther(s) { continue }
            if s.properties.isWhitespace {
                cleaned.append(" ")
            } else if isCJK(v) {
                cleaned.append(" ")
                cleaned.append(s)
                cleaned.append(" ")
            } else {
                cleaned.append(s)
            }
        }
        var normalized: [Unicode.Scalar] = []
        normalized.reserveCapacity(cleaned.count)
        if ascii {
            for s in cleaned {
                normalized.append(s.value >= 0x41 && s.value <= 0x5A ? Unicode.Scalar(s.value + 32)! : s)
            }
        } else {
            var string = String.UnicodeScalarView()
            string.append(contentsOf: cleaned)
            let decomposed = String(string).decomposedStringWithCanonicalMapping
            for s in decomposed.unicodeScalars where s.properties.generalCategory != .nonspacingMark {
                if s.value < 0x80 {
                    normalized.append(s.value >= 0x41 && s.value <= 0x5A ? Unicode.Scalar(s.value + 32)! : s)
                } else {
                    normalized.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
                }
            }
        }
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for s in normalized {
            if s == " " || (s.value >= 0x80 && s.properties.isWhitespace) {
                if !current.isEmpty { words.append(current); current = [] }
            } else if isPunctuation(s) {
                if !current.isEmpty { words.append(current); current = [] }
                words.append([s])
            } else {
                current.append(s)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Step 5 for one word.
    func wordPiece(_ word: [Unicode.Scalar]) -> [Int32] {
        if word.count > BertTokenizer.maxWordCharacters { return [unknown] }
        var pieces: [Int32] = []
        var start = 0
        while start < word.count {
            var end = word.count
            var found: Int32?
            while end > start {
                var candidate = start > 0 ? "##" : ""
                candidate.unicodeScalars.append(contentsOf: word[start..<end])
                if let id = vocabulary[candidate] {
                    found = id
                    break
                }
                end -= 1
            }
            guard let id = found else { return [unknown] }
            pieces.append(id)
            start = end
        }
        return pieces
    }

    /// Unicode "Other" categories, which the reference drops as control characters.
    static func isOther(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v) || (123...126).contains(v) {
            return true
        }
        if v < 0x80 { return false }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// The CJK Unified Ideographs blocks BERT isolates (not Hiragana, Katakana or Hangul).
    static func isCJK(_ v: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2A6DF).contains(v)
            || (0x2A700...0x2B73F).contains(v) || (0x2B740...0x2B81F).contains(v) || (0x2B820...0x2CEAF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x2F800...0x2FA1F).contains(v)
    }
}
