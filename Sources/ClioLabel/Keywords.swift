#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits facet text into keyword candidates: lowercase words of letters and digits, without
/// stop words, bare numbers or redaction placeholders such as `[NAME]` and `[EMAIL]`.
public enum KeywordTokenizer {
    public static func tokens(_ text: String) -> [String] {
        // Works on Unicode scalars with an ASCII fast path: Character properties cost a table
        // lookup per letter, which showed up as the hottest part of labelling.
        var out: [String] = []
        var word = String.UnicodeScalarView()
        var length = 0
        var allDigits = true
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func flush() {
            if length >= 2, !allDigits {
                let w = String(word)
                if !stopWords.contains(w) { out.append(w) }
            }
            word.removeAll(keepingCapacity: true)
            length = 0
            allDigits = true
        }
        while i < scalars.count {
            let c = scalars[i]
            if c == "[", let end = placeholderEnd(scalars, from: i) {
                flush()
                i = end + 1
                continue
            }
            let v = c.value
            if v < 0x80 {
                if (v >= 0x61 && v <= 0x7A) {
                    word.append(c); length += 1; allDigits = false
                } else if v >= 0x41 && v <= 0x5A {
                    word.append(Unicode.Scalar(v + 0x20)!); length += 1; allDigits = false
                } else if v >= 0x30 && v <= 0x39 {
                    word.append(c); length += 1
                } else if v == 0x27 {
                    // "user's" → "user": the possessive tail goes with the apostrophe.
                    flush()
                    while i + 1 < scalars.count, isLetter(scalars[i + 1]) { i += 1 }
                } else {
                    flush()
                }
            } else if c == "\u{2019}" {
                flush()
                while i + 1 < scalars.count, isLetter(scalars[i + 1]) { i += 1 }
            } else if c.properties.isAlphabetic || c.properties.numericType != nil {
                word.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
                length += 1
                if c.properties.numericType == nil { allDigits = false }
            } else if c.properties.generalCategory == .nonspacingMark || c.properties.generalCategory == .spacingMark {
                // Combining marks stay with their letter ("é" written as e + ◌́).
                if length > 0 { word.append(c) }
            } else {
                flush()
            }
            i += 1
        }
        flush()
        return out
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

    /// Common English words plus the words every Clio summary template repeats
    /// ("The user's overall request for the assistant is to…").
    public static let stopWords: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "etc", "few", "for", "from", "further", "get", "gets", "getting", "had",
        "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i",
        "if", "in", "into", "is", "it", "its", "itself", "just", "like", "may", "me", "might", "more", "most", "must",
        "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours",
        "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
        "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
        "under", "until", "up", "upon", "us", "very", "via", "was", "we", "were", "what", "when", "where", "which",
        "while", "who", "whom", "why", "will", "with", "within", "without", "would", "you", "your", "yours",
        "yourself", "yourselves",
        // Summary-template and request words that say nothing about the topic.
        "user", "users", "assistant", "ai", "overall", "request", "requests", "requested", "requesting", "task",
        "tasks", "ask", "asks", "asked", "asking", "want", "wants", "wanted", "help", "helps", "helping", "need",
        "needs", "provide", "provides", "providing", "please", "specific", "various", "certain", "using", "use",
        "used", "make", "making", "way", "ways", "thing", "things", "someone", "something", "given",
        "explain", "explaining", "suggest", "suggesting", "give", "giving", "tell", "describe", "show", "discuss",
        "discussing", "answer", "question", "questions",
        // Function words of the other languages the extractive summaries quote as written.
        "de", "la", "el", "los", "las", "un", "una", "unos", "y", "o", "en", "con", "por", "para", "que", "es", "del",
        "al", "lo", "mi", "mis", "tu", "su", "sus", "se", "como", "muy", "pero", "yo", "me", "te", "le", "les", "hay",
        "le", "les", "des", "du", "et", "ou", "dans", "pour", "avec", "sur", "est", "je", "j", "il", "elle", "nous",
        "vous", "ils", "ce", "cette", "ces", "mon", "ma", "mes", "ton", "ta", "son", "sa", "qui", "pas", "ne", "au",
        "aux", "une", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "und", "oder", "ich",
        "du", "er", "sie", "es", "wir", "ihr", "mit", "für", "auf", "ist", "zu", "im", "von", "nicht", "wie", "mein",
        "meine", "kann", "um", "o", "os", "as", "um", "uma", "com", "não", "eu", "meu", "minha", "do", "da", "dos",
        "das", "no", "na", "nos", "nas", "em", "il", "di", "che", "per", "non", "sono", "het", "een", "van", "ik",
        "je", "op", "voor", "met",
    ]
}

/// A cluster's words and how often each occurs, keyed by vocabulary id.
public typealias TermCounts = [Int32: Int]

/// TF-IDF over a partition of the conversations: each cluster's words are weighed against how
/// many clusters of the same partition use them, so "python" names the Python cluster only
/// when the other clusters rarely say it.
public enum KeywordRanker {
    /// The `limit` most distinctive words of each document; ties go to the alphabetically first.
    public static func top(_ documents: [TermCounts], vocabulary: [String], limit: Int) -> [[String]] {
        var documentFrequency: [Int32: Int] = [:]
        for document in documents { for term in document.keys { documentFrequency[term, default: 0] += 1 } }
        let n = Double(documents.count)
        return documents.map { document in
            let total = Double(document.values.reduce(0, +))
            guard total > 0 else { return [] }
            let scored = document.map { term, count -> (String, Double) in
                // scikit-learn's smoothed idf: a word every cluster uses still counts a little.
                let idf = log((1 + n) / (1 + Double(documentFrequency[term] ?? 0))) + 1
                return (vocabulary[Int(term)], Double(count) / total * idf)
            }
            return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0)
        }
    }
}
