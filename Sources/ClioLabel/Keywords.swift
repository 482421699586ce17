import ClioCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits facet text into runs of content words: lowercase words of letters and digits, broken
/// wherever a stop word, a bare number, punctuation or a redaction placeholder such as `[NAME]`
/// stands. Han and katakana runs are words of their own, broken at hiragana and at common
/// Chinese function characters, because those scripts do not separate words by spaces.
public enum KeywordTokenizer {
    /// One content word: lowercased for counting, as written for display.
    public struct Word: Equatable, Sendable {
        public var key: String
        public var surface: String
        /// A run of Han or katakana characters rather than a space-separated word.
        public var isCJK: Bool
    }

    /// The content words of `text`, stop words and numbers dropped, in order.
    public static func tokens(_ text: String) -> [String] {
        segments(text).flatMap { $0.map(\.key) }
    }

    /// Runs of content words; a new run starts at every stop word, number, placeholder and
    /// punctuation mark, so no run spans two clauses.
    public static func segments(_ text: String) -> [[Word]] {
        // Works on Unicode scalars with an ASCII fast path: Character properties cost a table
        // lookup per letter, which showed up as the hottest part of labelling.
        var out: [[Word]] = []
        var run: [Word] = []
        var key = String.UnicodeScalarView()
        var surface = String.UnicodeScalarView()
        var length = 0
        var allDigits = true
        var cjk = false
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func endRun() {
            if !run.isEmpty { out.append(run) }
            run.removeAll(keepingCapacity: true)
        }
        /// Ends the current word: a content word joins the run, anything else ends the run.
        func flush() {
            if length > 0 {
                let w = String(key)
                if cjk {
                    if length >= 2 { run.append(Word(key: w, surface: w, isCJK: true)) } else { endRun() }
                } else if length >= 2, !allDigits, !stopWords.contains(w),
                          // "pouvez-vous", "how-to": a hyphenated word ending in a stop word is one too.
                          !w.contains("-") || !stopWords.contains(String(w.split(separator: "-").last ?? "")) {
                    run.append(Word(key: w, surface: String(surface), isCJK: false))
                } else {
                    endRun()
                }
            }
            key.removeAll(keepingCapacity: true)
            surface.removeAll(keepingCapacity: true)
            length = 0
            allDigits = true
            cjk = false
        }
        /// An apostrophe: a French or Italian elision ("l'ordinateur") keeps the word after it;
        /// otherwise the possessive or contraction tail goes ("user's" → "user").
        func apostrophe() {
            let elided = String(key)
            if length <= 4, elisions.contains(elided) {
                // An article or pronoun: a stop word, so the run ends here.
                key.removeAll(keepingCapacity: true)
                surface.removeAll(keepingCapacity: true)
                length = 0
                allDigits = true
                endRun()
                return
            }
            flush()
            while i + 1 < scalars.count, isLetter(scalars[i + 1]) { i += 1 }
        }
        while i < scalars.count {
            let c = scalars[i]
            if c == "[", let end = placeholderEnd(scalars, from: i) {
                flush()
                endRun()
                i = end + 1
                continue
            }
            let v = c.value
            if v < 0x80 {
                if cjk { flush() }
                if v >= 0x61 && v <= 0x7A {
                    key.append(c); surface.append(c); length += 1; allDigits = false
                } else if v >= 0x41 && v <= 0x5A {
                    key.append(Unicode.Scalar(v + 0x20)!); surface.append(c); length += 1; allDigits = false
                } else if v >= 0x30 && v <= 0x39 {
                    key.append(c); surface.append(c); length += 1
                } else if v == 0x27 {
                    apostrophe()
                } else if v == 0x2D, length > 0, !allDigits, i + 1 < scalars.count, isLetter(scalars[i + 1]) {
                    // A hyphen inside a word keeps it whole: "real-time", "e-commerce".
                    key.append(c); surface.append(c)
                } else {
                    flush()
                    // A space continues the run; anything else (",", ".", "(", "-") ends it.
                    if v != 0x20 { endRun() }
                }
            } else if c == "\u{2019}" {
                if cjk { flush() }
                apostrophe()
            } else if let kind = cjkKind(c) {
                if !cjk { flush() }
                if kind == .hiragana || cjkStopCharacters.contains(c) {
                    flush()
                    endRun()
                } else {
                    cjk = true
                    key.append(c); surface.append(c); length += 1; allDigits = false
                }
            } else if c.properties.isAlphabetic || c.properties.numericType != nil {
                if cjk { flush() }
                key.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
                surface.append(c)
                length += 1
                if c.properties.numericType == nil { allDigits = false }
            } else if c.properties.generalCategory == .nonspacingMark || c.properties.generalCategory == .spacingMark {
                // Combining marks stay with their letter ("é" written as e + ◌́).
                if length > 0 { key.append(c); surface.append(c) }
            } else {
                flush()
                if !c.properties.isWhitespace { endRun() }
            }
            i += 1
        }
        flush()
        endRun()
        return out
    }

    enum CJKKind { case han, katakana, hiragana }

    /// Han, kana and CJK punctuation-free letters; nil for every other scalar.
    static func cjkKind(_ c: Unicode.Scalar) -> CJKKind? {
        switch c.value {
        case 0x3041...0x309F: return .hiragana
        case 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9D: return .katakana
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0xF900...0xFAFF: return .han
        default: return nil
        }
    }

    private static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) }
        return c.properties.isAlphabetic
    }

    /// The index of the `]` closing a placeholder of capitals, digits and underscores.
    private static func placeholderEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var j = start + 1
        while j < scalars.count, j - start <= 40 {
            let c = scalars[j]
            if c == "]" { return j > start + 1 ? j : nil }
            guard c.properties.isUppercase || ("0"..."9").contains(c) || c == "_" || c == " " else { return nil }
            j += 1
        }
        return nil
    }

    /// French and Italian articles and pronouns written before an apostrophe.
    static let elisions: Set<String> = ["l", "d", "j", "n", "s", "c", "m", "t", "qu", "un", "all", "dell", "nell", "sull"]

    /// Chinese function characters that end a Han run (particles, pronouns, "how", "please").
    static let cjkStopCharacters: Set<Unicode.Scalar> = Set(
        "的了是我你您他她它们在和与及或这那吗呢吧啊呀请帮想要怎么如何给把被对为从到也都很就还有没不能会可以用做说什哪些让得地着过个一每里吗嗎們這說請為從會個".unicodeScalars)

    /// The function words of `StopWords.all`; see there.
    public static let stopWords: Set<String> = StopWords.all
}

/// A cluster's candidate phrases and how many of its members use each, keyed by phrase id.
public typealias TermCounts = [Int32: Int]

/// Candidate key phrases: every run of one to `maxWords` consecutive content words (a Han or
/// katakana run counts as one word), so a phrase never starts, ends or spans a stop word.
public enum KeyPhrases {
    public static let maxWords = 3

    /// (lowercased key, surface as written) of each candidate, each key once, in order of
    /// first appearance.
    public static func candidates(_ text: String) -> [(key: String, surface: String)] {
        var seen = Set<String>()
        var out: [(key: String, surface: String)] = []
        for run in KeywordTokenizer.segments(text) {
            for start in run.indices {
                for length in 1...maxWords where start + length <= run.count {
                    let words = run[start..<(start + length)]
                    // A Han run is a phrase of its own; it does not join space-separated words.
                    if length > 1 && words.contains(where: \.isCJK) { break }
                    // "continue continue" is a stutter, not a phrase.
                    if length > 1 && Set(words.map(\.key)).count < length { break }
                    let key = words.map(\.key).joined(separator: " ")
                    if seen.insert(key).inserted {
                        out.append((key, words.map(\.surface).joined(separator: " ")))
                    }
                }
            }
        }
        return out
    }
}

/// Class-based TF-IDF (BERTopic's c-TF-IDF) over a partition of the conversations: each
/// cluster is one document, and a phrase weighs
///
///     W(t, c) = tf(t, c) / Σₜ tf(t, c) · log(1 + A / f(t))
///
/// where A is the average number of phrase occurrences per cluster and f(t) the occurrences of
/// t across all clusters of the partition. A phrase that most clusters use ("write", "create")
/// has a large f(t) and sinks; one that a single cluster uses often rises. The size of each
/// cluster is in its own count (the tf is a share), so large clusters do not crowd out small.
public enum ClassTFIDF {
    /// Per document, the `limit` best phrases with their weights, best first (ties by id).
    /// Phrases used by fewer than `minCount` members are left out while enough others remain.
    /// Phrases marked in `excluded` (by id) are never chosen. Equal weights go to the longer
    /// phrase (`words`, by id), then to the lower id.
    public static func top(_ documents: [TermCounts], limit: Int, minCount: Int = 2, excluded: [Bool] = [],
                           words: (Int32) -> Int = { _ in 1 }) -> [[(term: Int32, weight: Double)]] {
        var frequency: [Int32: Int] = [:]
        var total = 0
        for document in documents {
            for (term, count) in document {
                frequency[term, default: 0] += count
                total += count
            }
        }
        let average = documents.isEmpty ? 0 : Double(total) / Double(documents.count)
        return documents.map { document in
            let size = Double(document.values.reduce(0, +))
            guard size > 0, limit > 0 else { return [] }
            var scored = document.compactMap { term, count -> (term: Int32, weight: Double, count: Int, words: Int)? in
                if Int(term) < excluded.count && excluded[Int(term)] { return nil }
                return (term, Double(count) / size * log(1 + average / Double(frequency[term]!)), count, words(term))
            }
            scored.sort { ($0.weight, $0.words, -$0.term) > ($1.weight, $1.words, -$1.term) }
            // A phrase of one summary says more about that conversation than about the cluster.
            let frequent = scored.filter { $0.count >= minCount }
            let chosen = frequent.count >= min(limit, 3) ? frequent : scored
            return chosen.prefix(limit).map { ($0.term, $0.weight) }
        }
    }
}
