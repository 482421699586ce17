/// What a namer may know about one cluster. The summaries are drawn on request, because each
/// namer needs different ones (the offline namer the nearest few, a model a random sample and
/// contrast from outside) and drawing them costs a pass over the members.
public struct ClusterEvidence: Sendable {
    /// The id of the cluster's record: `L<level>-<n>`.
    public var id: String
    public var level: Int
    public var size: Int
    /// The cluster's most distinctive words, most distinctive first.
    public var keywords: [String]
    /// Labels of the children that are shown, largest first; empty at the base level.
    public var children: [ClusterLabel]
    /// Up to n summaries of members, nearest the centre first (the first is the medoid's); for
    /// a parent, drawn only from members of children that are shown.
    public var nearest: @Sendable (_ n: Int) -> [String]
    /// Up to n members' summaries drawn at random with a seed fixed per cluster.
    public var sample: @Sendable (_ n: Int) -> [String]
    /// The n summaries nearest the centre among shown conversations outside the cluster.
    public var contrast: @Sendable (_ n: Int) -> [String]
    /// Whether a phrase may be written in this cluster's name or description without
    /// identifying anyone: the privacy guard on cluster texts decides (everything passes until
    /// it is set). Offline names are built only from phrases it admits.
    public var admits: @Sendable (_ phrase: String) -> Bool

    public init(id: String, level: Int, size: Int, keywords: [String], children: [ClusterLabel],
                nearest: @escaping @Sendable (Int) -> [String], sample: @escaping @Sendable (Int) -> [String] = { _ in [] },
                contrast: @escaping @Sendable (Int) -> [String] = { _ in [] },
                admits: @escaping @Sendable (String) -> Bool = { _ in true }) {
        self.id = id
        self.level = level
        self.size = size
        self.keywords = keywords
        self.children = children
        self.nearest = nearest
        self.sample = sample
        self.contrast = contrast
        self.admits = admits
    }
}

/// A cluster's name (at most ten words) and description.
public struct ClusterLabel: Equatable, Sendable {
    public var name: String
    public var description: String
    public init(name: String, description: String) {
        self.name = name
        self.description = description
    }
}

/// Names the clusters of one level. The hierarchy names level by level, so a namer that calls
/// a model can ask for one level's names concurrently and knows the children's names when it
/// names their parents.
public protocol ClusterNamer: Sendable {
    func name(_ clusters: [ClusterEvidence]) throws -> [ClusterLabel]
}

/// Names clusters without a model: the medoid's summary, condensed, and TF-IDF keywords.
public struct OfflineNamer: ClusterNamer {
    public init() {}

    public func name(_ clusters: [ClusterEvidence]) -> [ClusterLabel] {
        clusters.map(name)
    }

    public func name(_ request: ClusterEvidence) -> ClusterLabel {
        let about = request.keywords.isEmpty
            ? "Conversations with no distinctive keywords."
            : "Conversations about \(request.keywords.joined(separator: ", "))."
        let medoid = request.nearest(1).first ?? ""
        if request.level == 0 || request.children.isEmpty {
            let name = OfflineNamer.condense(medoid, maxWords: 10)
            return ClusterLabel(name: name.isEmpty ? "Unnamed cluster" : name, description: about)
        }
        // A parent: the medoid's name plus the words that set it apart from its siblings.
        // Up to three keywords the medoid's name lacks; the name gives up words to keep ten in all.
        let full = OfflineNamer.condense(medoid, maxWords: 10)
        let fullWords = Set(full.lowercased().split(separator: " ").map { String($0).trimmingPunctuation() })
        let extra = request.keywords.filter { !fullWords.contains($0) }.prefix(3)
        let core = OfflineNamer.condense(medoid, maxWords: 10 - extra.count)
        var name = core.isEmpty ? "Unnamed group" : core
        if !extra.isEmpty { name += " (\(extra.joined(separator: ", ")))" }
        let largest = request.children[0].name
        let others = request.children.count - 1
        let includes = others == 0
            ? " Includes \(largest)."
            : " Includes \(largest) and \(others) other cluster\(others == 1 ? "" : "s")."
        return ClusterLabel(name: name, description: about + includes)
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

    /// Words a shortened name should not end on.
    static let danglingWords: Set<String> = [
        "a", "an", "the", "of", "to", "for", "and", "or", "in", "on", "with", "by", "at", "from", "as", "into",
        "about", "their", "its", "his", "her", "that", "which", "is", "are", "be", "how", "what", "if", "but",
    ]

    /// A summary condensed to a name: template prefix removed, first sentence, at most
    /// `maxWords` words, capitalised, without trailing punctuation or dangling small words.
    public static func condense(_ summary: String, maxWords: Int) -> String {
        var text = summary.trimmingCharactersInSet()
        let lower = text.lowercased()
        for prefix in prefixes where lower.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count)).trimmingCharactersInSet()
            break
        }
        // Extractive summaries open with a short lead-in ("help with:", "answer the question:")
        // and quote text they could not rephrase; neither belongs in a name.
        for _ in 0..<2 {
            if let colon = text.firstIndex(of: ":"), text[..<colon].split(separator: " ").count <= 4 {
                text = String(text[text.index(after: colon)...]).trimmingCharactersInSet()
            }
        }
        let quotes: Set<Character> = ["\"", "'", "“", "”", "「", "」", "«", "»", " "]
        while let c = text.first, quotes.contains(c) { text.removeFirst() }
        while let c = text.last, quotes.contains(c) { text.removeLast() }
        text = firstSentence(text)
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
        if words.count > maxWords {
            words = Array(words.prefix(maxWords))
            while words.count > 1, let last = words.last,
                  danglingWords.contains(last.lowercased().trimmingPunctuation()) {
                words.removeLast()
            }
        }
        var name = words.joined(separator: " ").trimmingPunctuation()
        if let first = name.first { name = first.uppercased() + name.dropFirst() }
        return name
    }
}

/// The text up to the first ". " (a full stop followed by a space).
func firstSentence(_ text: String) -> String {
    var previous: Character = " "
    for index in text.indices {
        let c = text[index]
        if c == " " && previous == "." { return String(text[..<text.index(before: index)]) }
        previous = c
    }
    return text
}

extension String {
    func trimmingCharactersInSet() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    /// Drops trailing punctuation (".", ",", ":" …) but keeps closing brackets and quotes that pair.
    func trimmingPunctuation() -> String {
        var s = Substring(self)
        while let c = s.last, c.isPunctuation || c.isWhitespace, c != ")", c != "]", c != "\"" { s = s.dropLast() }
        return String(s)
    }
}
