/// Each language's mean vector, taken out of its conversations' embeddings before they are
/// clustered or grouped.
///
/// A sentence embedding mixes what a text is about with the language it is written in; an
/// English model (all-MiniLM-L6-v2) places Spanish or Chinese conversations by language first,
/// so k-means gives them clusters of their own whatever they ask. Subtracting each language's
/// mean and scaling back to unit length removes most of that offset (the "centring" of
/// Libovický et al., 2020, "On the language neutrality of pre-trained multilingual
/// representations") and, for the largest language too, spreads the vectors around their mean,
/// where cosine distances separate topics better. Measured on the evaluation data (3,000
/// conversations, 28 % not English; docs/cluster.md): base clusters 58 % → 68 % pure by category.
///
/// Languages come from the summaries' `facets.language` (its first language when it names
/// several; "Unknown" counts as none). A language with at least `minimumConversations`
/// conversations is centred at its own mean; smaller languages, and records without a language,
/// at the largest language's mean (the mean of a handful of conversations is more their topics
/// than their language; on the bundled examples 10 did better than 50 and no worse than 20).
/// When no language has that many conversations the vectors are used as given.
public struct LanguageCentring: Sendable, Equatable {
    public static let minimumConversations = 10
    /// Where records keep their language.
    public static let field = "facets.language"

    /// The language with the most conversations; its mean also centres the small languages.
    public var reference: String
    /// The mean of every language that has its own (the reference included).
    public var means: [String: [Float]]
    /// Conversations per language with its own mean.
    public var counts: [String: Int]

    public var dimension: Int { means[reference]!.count }

    public init(reference: String, means: [String: [Float]], counts: [String: Int]) {
        precondition(means[reference] != nil)
        self.reference = reference
        self.means = means
        self.counts = counts
    }

    /// The language a record is grouped by: the first named in `facets.language` ("English;
    /// Chinese" → "English"), "" without one or for the summarizer's "Unknown" (text with no
    /// words to tell by, mostly code: a kind of content, not a language).
    public static func primary(_ language: String?) -> String {
        guard let language else { return "" }
        for part in language.split(separator: ";") {
            let name = part.drop(while: { $0 == " " || $0 == "\t" })
            let trimmed = String(name.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
            if !trimmed.isEmpty { return trimmed == "Unknown" ? "" : trimmed }
        }
        return ""
    }

    /// The mean `vector` is centred at.
    public func mean(for language: String) -> [Float] { means[language] ?? means[reference]! }

    /// The means of `vectors` (`languages.count × dimension`, row-major) by language; nil when
    /// no language has `minimumConversations` conversations.
    public static func estimate(vectors: [Float], dimension d: Int, languages: [String],
                                minimum: Int = minimumConversations) -> LanguageCentring? {
        precondition(vectors.count == languages.count * d)
        var sums = LanguageSums(dimension: d)
        vectors.withUnsafeBufferPointer { v in
            for (i, language) in languages.enumerated() {
                sums.add(UnsafeBufferPointer(rebasing: v[(i * d)..<((i + 1) * d)]), language: language)
            }
        }
        return sums.centring(minimum: minimum)
    }

    /// `vector` minus its language's mean, scaled to unit length (a zero difference stays zero);
    /// returns the difference's length before the scaling.
    @discardableResult
    public func centre(_ vector: UnsafeMutableBufferPointer<Float>, language: String) -> Double {
        let mean = self.mean(for: language)
        precondition(vector.count == mean.count)
        var norm: Double = 0
        for j in 0..<vector.count {
            let x = vector[j] - mean[j]
            vector[j] = x
            norm += Double(x) * Double(x)
        }
        guard norm > 0 else { return 0 }
        let scale = Float(1 / norm.squareRoot())
        for j in 0..<vector.count { vector[j] *= scale }
        return norm.squareRoot()
    }

    /// Centres every row of `vectors` (`languages.count × dimension`) at its language's mean.
    public func centre(_ vectors: inout [Float], languages: [String]) {
        let d = dimension
        precondition(vectors.count == languages.count * d)
        vectors.withUnsafeMutableBufferPointer { v in
            for (i, language) in languages.enumerated() {
                centre(UnsafeMutableBufferPointer(rebasing: v[(i * d)..<((i + 1) * d)]), language: language)
            }
        }
    }

    /// The stderr line that says which languages were centred and which option turns it off.
    public func summary(flag: String) -> String {
        let named = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }
        return "vectors centred by language (\(named.joined(separator: ", ")); \(flag) to use them as given)"
    }

    /// The lines a centroids file carries after its clusters, one per language with its own
    /// mean: `{"language":"Spanish","conversations":219,"mean":[…]}`, the reference marked
    /// `"reference":true`. Sorted by name.
    public func records(compact: Bool = false) -> [JSONObject] {
        means.keys.sorted().map { language in
            var record: JSONObject = ["language": .string(language), "conversations": .number(Double(counts[language] ?? 0)),
                                      "mean": VectorCodec.encode(means[language]!, compact: compact)]
            if language == reference { record["reference"] = .bool(true) }
            return record
        }
    }

    /// Reads the lines `records()` writes (other records are not passed here); nil when none.
    public init?(records: [JSONObject]) throws(ClioError) {
        var means: [String: [Float]] = [:]
        var counts: [String: Int] = [:]
        var reference: String?
        for record in records {
            guard let language = record["language"]?.stringValue else {
                throw ClioError(.invalidRecord, "field \"language\" must be a string")
            }
            guard let value = record["mean"] else { throw ClioError(.invalidRecord, "field \"mean\" is missing") }
            let mean = try VectorCodec.decode(value, field: "mean")
            if let first = means.values.first, first.count != mean.count {
                throw ClioError(.invalidRecord, "field \"mean\" has \(mean.count) numbers, expected \(first.count)")
            }
            guard means.updateValue(mean, forKey: language) == nil else {
                throw ClioError(.invalidRecord, "language \"\(language)\" appears twice")
            }
            counts[language] = record["conversations"]?.intValue ?? 0
            if record["reference"]?.boolValue == true { reference = language }
        }
        if means.isEmpty { return nil }
        guard let reference else { throw ClioError(.invalidRecord, "no language is marked \"reference\":true") }
        self.init(reference: reference, means: means, counts: counts)
    }
}

/// Per-language sums of vectors, added one record at a time (clio-label's single pass), and
/// the `LanguageCentring` they give.
public struct LanguageSums: Sendable {
    public let dimension: Int
    private var sums: [String: [Double]] = [:]
    public private(set) var counts: [String: Int] = [:]

    public init(dimension: Int) { self.dimension = dimension }

    public mutating func add(_ vector: UnsafeBufferPointer<Float>, language: String) {
        precondition(vector.count == dimension)
        counts[language, default: 0] += 1
        sums[language, default: [Double](repeating: 0, count: dimension)].withUnsafeMutableBufferPointer { s in
            for j in 0..<dimension { s[j] += Double(vector[j]) }
        }
    }

    public mutating func add(_ vector: [Float], language: String) {
        vector.withUnsafeBufferPointer { add($0, language: language) }
    }

    /// The means of the languages with at least `minimum` records; nil when there is none.
    public func centring(minimum: Int = LanguageCentring.minimumConversations) -> LanguageCentring? {
        // Records without a language are not a language: they are centred at the reference's mean.
        let kept = counts.filter { $0.value >= minimum && !$0.key.isEmpty }
        // The most conversations, then the name, so that the choice does not depend on order.
        guard dimension > 0, let reference = kept.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else {
            return nil
        }
        var means: [String: [Float]] = [:]
        for language in kept.keys {
            let n = Double(kept[language]!)
            means[language] = sums[language]!.map { Float($0 / n) }
        }
        return LanguageCentring(reference: reference, means: means, counts: kept)
    }
}
