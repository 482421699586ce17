import ClioCore

/// What a namer may know about one cluster. The summaries are drawn on request, because each
/// namer needs different ones (the offline namer the nearest few, a model a random sample and
/// contrast from outside) and drawing them costs a pass over the members.
public struct ClusterEvidence: Sendable {
    /// The id of the cluster's record: `L<level>-<n>`.
    public var id: String
    public var level: Int
    public var size: Int
    /// The cluster's candidate key phrases (one to three words from its summaries), best by
    /// c-TF-IDF against the other clusters of its level first, as most often written.
    public var keywords: [String]
    /// The cluster's centre in the records' embedding space (the mean of its members' vectors).
    public var centre: [Float]
    /// Labels of the children that are shown, largest first; empty at the base level.
    public var children: [ClusterLabel]
    /// Up to n summaries of members, nearest the centre first (the first is the medoid's); for
    /// a parent, drawn only from members of children that are shown.
    public var nearest: @Sendable (_ n: Int) -> [String]
    /// Up to n members' summaries drawn at random with a seed fixed per cluster.
    public var sample: @Sendable (_ n: Int) -> [String]
    /// The n summaries nearest the centre among shown conversations outside the cluster.
    public var contrast: @Sendable (_ n: Int) -> [String]
    /// The k-anonymity rule on this cluster's texts (`TextGuard`), over the summaries of its
    /// conversations; `TextGuard.open` admits everything.
    public var textGuard: TextGuard
    /// Whether a phrase may be written in this cluster's name or description without
    /// identifying anyone: the text guard decides. Offline names are built only from phrases
    /// it admits.
    public var admits: @Sendable (_ phrase: String) -> Bool

    public init(id: String, level: Int, size: Int, keywords: [String], centre: [Float] = [], children: [ClusterLabel],
                nearest: @escaping @Sendable (Int) -> [String], sample: @escaping @Sendable (Int) -> [String] = { _ in [] },
                contrast: @escaping @Sendable (Int) -> [String] = { _ in [] },
                admits: (@Sendable (String) -> Bool)? = nil, textGuard: TextGuard = .open) {
        self.id = id
        self.level = level
        self.size = size
        self.keywords = keywords
        self.centre = centre
        self.children = children
        self.nearest = nearest
        self.sample = sample
        self.contrast = contrast
        self.textGuard = textGuard
        // A phrase may stand anywhere in a description: no sentence-start allowance.
        self.admits = admits ?? { textGuard.admits($0, midSentence: true) }
    }
}

/// A cluster's name (at most ten words) and description. Two labels are equal when their
/// texts are; `guardNote` only says how they came about.
public struct ClusterLabel: Equatable, Sendable {
    public var name: String
    public var description: String
    /// What the text guard did to this label (nil for a label it has not seen, such as a
    /// known cluster's from an earlier tree).
    public var guardNote: TextGuardNote?
    public init(name: String, description: String, guardNote: TextGuardNote? = nil) {
        self.name = name
        self.description = description
        self.guardNote = guardNote
    }

    public static func == (a: ClusterLabel, b: ClusterLabel) -> Bool { a.name == b.name && a.description == b.description }
}

/// Names the clusters of one level. The hierarchy names level by level, so a namer that calls
/// a model can ask for one level's names concurrently and knows the children's names when it
/// names their parents.
public protocol ClusterNamer: Sendable {
    func name(_ clusters: [ClusterEvidence]) throws -> [ClusterLabel]
}

/// Names clusters without a model, from key phrases: a cluster's candidates are its best
/// one-to-three-word phrases by c-TF-IDF against the other clusters of its level (the loop's
/// `keywords`); with an embedder in the records' space they are reordered by similarity to the
/// cluster's centre with maximal marginal relevance (`PhraseRanking`). The name joins the best
/// one or two phrases ("Cover letter · job application"); the description lists the first few
/// and, at the base level, quotes the medoid's summary whole. Only phrases the privacy guard
/// admits (`ClusterEvidence.admits`) are ever written.
public struct OfflineNamer: ClusterNamer {
    /// Phrases listed in a description.
    public var keywordCount: Int
    /// Embeds phrases in the records' space; nil ranks by c-TF-IDF alone.
    public var embedder: PhraseEmbedder?
    /// MMR's trade-off between relevance to the centre (0) and novelty against the phrases
    /// already picked (1).
    public var diversity: Float = 0.2
    /// The most words a name of two phrases may have.
    public static let maxNameWords = 6
    /// The means the records' vectors were centred at: phrases are centred at the reference
    /// language's mean to meet the centres in their space.
    public var centring: LanguageCentring?

    public init(keywordCount: Int = 4, embedder: PhraseEmbedder? = nil) {
        self.keywordCount = keywordCount
        self.embedder = embedder
    }

    public func name(_ clusters: [ClusterEvidence]) throws -> [ClusterLabel] {
        let candidates = clusters.map { evidence in evidence.keywords.filter { evidence.admits($0) } }
        guard let embedder else { return zip(clusters, candidates).map { label($0, ranked: $1, of: $0.keywords.count) } }
        // One embedder call per level: every distinct candidate once.
        var unique: [String] = []
        var seen = Set<String>()
        for list in candidates { for phrase in list where seen.insert(phrase).inserted { unique.append(phrase) } }
        var vectorOf: [String: [Float]] = [:]
        for (phrase, vector) in zip(unique, try embedder.vectors(unique)) {
            var vector = vector
            if let centring, vector.count == centring.dimension {
                vector.withUnsafeMutableBufferPointer { _ = centring.centre($0, language: centring.reference) }
            }
            vectorOf[phrase] = vector
        }
        let level = clusters.count >= 3 ? PhraseRanking.meanDirection(clusters.map(\.centre)) : nil
        return zip(clusters, candidates).map { evidence, list in
            let ranked = PhraseRanking.order(list, vectors: list.map { vectorOf[$0] ?? [] }, centre: evidence.centre,
                                             level: level, diversity: diversity)
            return label(evidence, ranked: ranked, of: evidence.keywords.count)
        }
    }

    /// One cluster's label from its phrases in final order.
    func label(_ evidence: ClusterEvidence, ranked: [String], of candidates: Int) -> ClusterLabel {
        // A phrase whose every word is already listed ("prompts" after "prompt") adds nothing.
        var shown: [String] = []
        var listed = Set<String>()
        for phrase in ranked where shown.count < keywordCount {
            let stems = OfflineNamer.stems(phrase)
            if !stems.isSubset(of: listed) {
                shown.append(phrase)
                listed.formUnion(stems)
            }
        }
        var description = shown.isEmpty
            ? "Conversations with no distinctive phrases."
            : "Conversations about \(shown.joined(separator: ", "))."
        let largest = evidence.children.first?.name
        if let largest {
            let others = evidence.children.count - 1
            description += others == 0
                ? " Includes \(largest)."
                : " Includes \(largest) and \(OfflineNamer.countWords(others)) other cluster\(others == 1 ? "" : "s")."
        } else if let medoid = evidence.nearest(1).first.map(OfflineNamer.withoutTemplate), !medoid.isEmpty, evidence.admits(medoid) {
            description += " For example: “\(medoid)”"
        }
        var name = OfflineNamer.name(from: ranked)
        if name.isEmpty { name = largest.map { "\($0) and related" } ?? "Conversations without distinctive phrases" }
        var note = TextGuardNote(minUsers: evidence.textGuard.minUsers)
        note.phrasesLeftOut = candidates - ranked.count
        return ClusterLabel(name: name, description: description, guardNote: note)
    }

    /// The best phrase, then the next one that shares no word with it (by `stems`), while the
    /// two stay within `maxNameWords`; the first letter capitalised.
    static func name(from ranked: [String]) -> String {
        guard let first = ranked.first else { return "" }
        let firstStems = stems(first)
        let firstCount = first.split(separator: " ").count
        var name = first
        if let second = ranked.dropFirst().first(where: {
            stems($0).isDisjoint(with: firstStems) && $0.split(separator: " ").count + firstCount <= maxNameWords
        }) {
            name += " · " + second
        }
        if let c = name.first { name = c.uppercased() + name.dropFirst() }
        return name
    }

    /// A count in words ("one" … "twelve", then "many"): a digit in a cluster text is what the
    /// text guard takes for a personal detail, so the namer's own counts are written out.
    static func countWords(_ n: Int) -> String {
        let words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
        return n < words.count ? words[n] : "many"
    }

    /// A phrase's words, lowercased and cut to five letters, so that "prompt" and "prompts",
    /// "email" and "emails" count as one word.
    static func stems(_ phrase: String) -> Set<String> {
        Set(phrase.lowercased().split(separator: " ").map { String($0.prefix(5)) })
    }

    /// Prefixes the summary templates put before the substance of a request.
    static let prefixes = [
        "the user's overall request for the assistant is to",
        "the user’s overall request for the assistant is to",
        "the user's overall request for the assistant is",
        "the user's overall request is to",
        "the user's request is to",
        "the task is to",
        "the user wants the assistant to",
        "the user wants to",
        "the user asks the assistant to",
        "the user asks to",
        "the user is asking the assistant to",
    ]

    /// A summary without its template prefix, whole otherwise, first letter capitalised.
    public static func withoutTemplate(_ summary: String) -> String {
        var text = summary.trimmingCharactersInSet()
        let lower = text.lowercased()
        for prefix in prefixes where lower.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count)).trimmingCharactersInSet()
            break
        }
        if let first = text.first { text = first.uppercased() + text.dropFirst() }
        return text
    }
}

extension String {
    func trimmingCharactersInSet() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
