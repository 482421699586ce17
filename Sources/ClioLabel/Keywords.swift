#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits facet text into keyword candidates: lowercase words of letters and digits, without
/// stop words, bare numbers or redaction placeholders such as `[NAME]` and `[EMAIL]`.
public enum KeywordTokenizer {
    public static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        var word = ""
        let chars = Array(text)
        var i = 0
        func flush() {
            if word.count >= 2, !word.allSatisfy(\.isNumber), !stopWords.contains(word) { out.append(word) }
            word = ""
        }
        while i < chars.count {
            let c = chars[i]
            if c == "[", let end = placeholderEnd(chars, from: i) {
                flush()
                i = end + 1
                continue
            }
            if c.isLetter || c.isNumber {
                word += c.lowercased()
            } else if c == "'" || c == "\u{2019}" {
                // "user's" → "user": the possessive tail goes with the apostrophe.
                flush()
                while i + 1 < chars.count, chars[i + 1].isLetter { i += 1 }
            } else {
                flush()
            }
            i += 1
        }
        flush()
        return out
    }

    /// The index of the `]` closing a placeholder of capitals, digits and underscores.
    private static func placeholderEnd(_ chars: [Character], from start: Int) -> Int? {
        var j = start + 1
        while j < chars.count, j - start <= 40 {
            let c = chars[j]
            if c == "]" { return j > start + 1 ? j : nil }
            guard c.isUppercase || c.isNumber || c == "_" || c == " " else { return nil }
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
