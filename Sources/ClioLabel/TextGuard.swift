import ClioCore
import ClioLLM
import ClioSummarize

/// The k-anonymity rule on cluster texts: every word sequence of a cluster's name or
/// description that could identify someone must have been written in the summaries of at least
/// `minUsers` distinct users of that cluster's conversations (docs/pii.md, docs/label.md).
///
/// A text is read as pieces separated by white space; a piece's word is the piece without the
/// punctuation around it (a leading `@` or `#` kept, a trailing `'s` dropped), compared
/// lowercased. A word **could identify someone** when
/// 1. it has a digit (numbers, dates, house numbers, phone and account fragments);
/// 2. it has an `@`, starts with `#`, or is a web address (handles, emails, URLs);
/// 3. the PII masker (ClioSummarize's `PIIMasker`) would mask it in this text;
/// 4. it is not a stop word (KeywordTokenizer's lists, every language) or a count word ("one"
///    … "twelve", "many", which the offline namer writes), and either starts with
///    a capital letter without being the first word of the text or of a sentence (after `.`,
///    `!`, `?`, `:`, `;` or a separator such as `·`), or is rare: written by at least one but
///    fewer than `minUsers` distinct users in all the input's summaries (a word no summary has
///    cannot have come from one).
///
/// Placeholders such as `[NAME]` identify no one. Each maximal run of such words (a run ends at
/// a word that is none of these, at punctuation after a word, or at a separator) must occur, as
/// consecutive words, in the summaries of `minUsers` distinct users of the cluster (for text in
/// Han, kana or Hangul: as a substring). Offline names are built only from phrases that pass;
/// a model's answer that does not is asked again with the runs named, and what still fails is
/// removed (`scrub`).
public final class TextGuard: @unchecked Sendable {
    /// Distinct users a run must be written by.
    public let minUsers: Int
    let corpus: Corpus
    let members: [Int]
    private let lock = Mutex()
    private var memo: [String: [String]] = [:]

    init(corpus: Corpus, members: [Int], minUsers: Int) {
        self.corpus = corpus
        self.members = members
        self.minUsers = max(1, minUsers)
    }

    /// A guard that admits everything (no cluster texts to compare with).
    public static let open = TextGuard(corpus: Corpus(summaries: [], users: [], minUsers: 1), members: [], minUsers: 1)
    var isOpen: Bool { corpus.texts.isEmpty }

    /// Whether `text` may be written in this cluster's name or description; with
    /// `midSentence`, wherever it stands (its first word gets no sentence-start allowance), as a
    /// key phrase listed in a description must.
    public func admits(_ text: String, midSentence: Bool = false) -> Bool { isOpen || failing(text, midSentence: midSentence).isEmpty }

    /// The runs of `text`, as written, that fewer than `minUsers` of the cluster's users wrote.
    public func failing(_ text: String, midSentence: Bool = false) -> [String] {
        if isOpen { return [] }
        let memoKey = midSentence ? "\u{1}" + text : text
        if let known = lock.withLock({ memo[memoKey] }) { return known }
        let pieces = Self.pieces(text)
        let result = runs(pieces, midSentence: midSentence).filter { !occursOften($0.key) }.map { run in
            pieces[run.range].map(\.word).joined(separator: " ")
        }
        lock.withLock { memo[memoKey] = result }
        return result
    }

    /// `text` without the words of its failing runs, and how many words were removed.
    public func scrub(_ text: String) -> (text: String, removed: Int) {
        if isOpen { return (text, 0) }
        let pieces = Self.pieces(text)
        var drop = Set<Int>()
        for run in runs(pieces) where !occursOften(run.key) { drop.formUnion(run.range) }
        guard !drop.isEmpty else { return (text, 0) }
        var kept: [(raw: String, key: String, bare: Bool)] = []
        for (i, piece) in pieces.enumerated() {
            if drop.contains(i) {
                guard !drop.contains(i + 1) else { continue }
                if !piece.after.isEmpty || i == pieces.count - 1 {
                    // A clause that now ends early loses the small words left dangling
                    // ("with Kwame Okafor." → "."), and keeps its punctuation.
                    while let last = kept.last, last.bare, KeywordTokenizer.stopWords.contains(last.key) { kept.removeLast() }
                    if !piece.after.isEmpty, !kept.isEmpty { kept[kept.count - 1].raw += piece.after }
                }
            } else {
                kept.append((String(piece.raw), piece.key, piece.after.isEmpty && piece.raw == piece.word))
            }
        }
        return (Self.tidy(kept.map(\.raw)), drop.count)
    }

    /// The problem shown to a model whose label breaks the rule; nil when it keeps it.
    func problem(_ label: ClusterLabel) -> AnswerProblem? {
        let runs = Array(Set(failing(label.name) + failing(label.description))).sorted()
        guard !runs.isEmpty else { return nil }
        let list = runs.map { "\"\($0)\"" }.joined(separator: ", ")
        return AnswerProblem(
            "the name or description contains words that could identify someone and that fewer than \(minUsers) "
                + "of this group's users wrote: \(list); leave them out and describe the group in general terms")
    }

    /// A label that keeps the rule: its failing words removed, the name replaced by `emptyName`
    /// when nothing of it is left.
    func guarded(_ label: ClusterLabel, emptyName: String) -> ClusterLabel {
        var out = label
        let (name, fromName) = scrub(label.name)
        let (description, fromDescription) = scrub(label.description)
        // A name that lost its first word still starts with a capital.
        out.name = name.isEmpty ? emptyName : fromName > 0 ? name.prefix(1).uppercased() + name.dropFirst() : name
        out.description = description.isEmpty ? "Conversations with no distinctive phrases." : description
        var note = label.guardNote ?? TextGuardNote(minUsers: minUsers)
        note.minUsers = minUsers
        note.wordsRemoved += fromName + fromDescription
        out.guardNote = note
        return out
    }

    // MARK: Reading texts

    /// One white-space-separated piece of a text.
    struct Piece {
        var raw: Substring
        /// The piece without the punctuation around it, as written.
        var word: Substring
        /// Its key: lowercased, a trailing possessive dropped.
        var key: String
        /// Punctuation that follows the word in the piece.
        var after: String
        /// Whether a sentence ends after this piece (or it is a separator such as `·`).
        var endsSentence: Bool
        var isPlaceholder: Bool
    }

    static func pieces(_ text: String) -> [Piece] {
        text.split(whereSeparator: { $0.isWhitespace }).map { raw in
            var start = raw.startIndex, end = raw.endIndex
            while start < end, !isWordCharacter(raw[start]), raw[start] != "@", raw[start] != "#" { start = raw.index(after: start) }
            while end > start, !isWordCharacter(raw[raw.index(before: end)]) { end = raw.index(before: end) }
            let word = raw[start..<end]
            let after = String(raw[end...])
            var key = word.lowercased()
            for suffix in ["'s", "’s"] where key.hasSuffix(suffix) && key.count > suffix.count + 1 { key.removeLast(2) }
            let placeholder = raw.contains("[") && raw.contains("]") && word.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "_" }
            let ends = word.isEmpty || after.contains(where: { ".!?:;".contains($0) })
            return Piece(raw: raw, word: word, key: key, after: after, endsSentence: ends, isPlaceholder: placeholder)
        }
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// The offline namer's counts ("and three other clusters"), which say nothing about anyone.
    static let countWords: Set<String> = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "many"]

    /// The maximal runs of identifying words: their piece ranges and the key to look up.
    func runs(_ pieces: [Piece], midSentence: Bool = false) -> [(range: Range<Int>, key: String)] {
        let masked = Self.maskedPieces(pieces)
        var out: [(Range<Int>, String)] = []
        var start: Int?
        func close(_ end: Int) {
            if let s = start { out.append((s..<end, pieces[s..<end].map(\.key).joined(separator: " "))) }
            start = nil
        }
        for (i, piece) in pieces.enumerated() {
            // A quotation opens a sentence of its own: "Includes “Cover letter”".
            let sentenceStart = (i == 0 && !midSentence) || (i > 0 && pieces[i - 1].endsSentence) || piece.raw.first.map { "“\"«„".contains($0) } == true
            if !piece.word.isEmpty, !piece.isPlaceholder, masked.contains(i) || identifying(piece, sentenceStart: sentenceStart) {
                if start == nil { start = i }
                // Punctuation after a word ends its run: "Okafor, Madrid" are two.
                if !piece.after.isEmpty { close(i + 1) }
            } else {
                close(i)
            }
        }
        close(pieces.count)
        return out
    }

    func identifying(_ piece: Piece, sentenceStart: Bool) -> Bool {
        let key = piece.key
        if key.contains(where: \.isNumber) { return true }
        if key.contains("@") || key.hasPrefix("#") || key.contains("://") || key.hasPrefix("www.") { return true }
        if KeywordTokenizer.stopWords.contains(key) || Self.countWords.contains(key) { return false }
        if let first = piece.word.first, first.isUppercase, !sentenceStart { return true }
        let users = corpus.users(of: key)
        return users > 0 && users < minUsers
    }

    /// Pieces the PII masker would replace in the text they make: those not kept, in order, by
    /// its masked form (a longest common subsequence of the words; texts here are short).
    static func maskedPieces(_ pieces: [Piece]) -> Set<Int> {
        let text = pieces.map(\.raw).joined(separator: " ")
        let masked = PIIMasker().mask(text)
        if masked == text { return [] }
        let a = pieces.map(\.key)
        let b = Self.pieces(masked).map(\.key)
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var out = Set<Int>()
        var i = 0, j = 0
        while i < a.count {
            if j < b.count, a[i] == b[j] {
                i += 1
                j += 1
            } else if j < b.count, table[i][j + 1] > table[i + 1][j] {
                j += 1
            } else {
                if !a[i].isEmpty { out.insert(i) }
                i += 1
            }
        }
        return out
    }

    /// Whether `minUsers` distinct users of the cluster wrote the run `key`.
    func occursOften(_ key: String) -> Bool {
        let spaced = !key.unicodeScalars.contains { $0.value >= 0x2E80 }
        let needle = spaced ? " \(key) " : key
        var users = Set<Int>()
        for m in members where corpus.texts[m].contains(needle) {
            users.insert(corpus.userKeys[m])
            if users.count >= minUsers { return true }
        }
        return false
    }

    /// Pieces joined again, without the gaps a removal leaves.
    static func tidy(_ kept: [String]) -> String {
        var text = kept.joined(separator: " ")
        for (from, to) in [(" ,", ","), (" .", "."), (" ;", ";"), (" :", ":"), (",,", ","), (",.", "."), (",;", ";"), (";.", "."), ("()", ""), ("( )", ""), ("· ·", "·"), ("  ", " ")] {
            while text.contains(from) { text = text.replacingOccurrences(of: from, with: to) }
        }
        var s = Substring(text)
        while let c = s.first, c.isWhitespace || ",;:·-–—".contains(c) { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace || ",;:·-–—".contains(c) { s = s.dropLast() }
        let out = String(s)
        return out.count == 1 && !(out.first!.isLetter || out.first!.isNumber) ? "" : out
    }

    // MARK: What the rule compares with

    /// Every summary of the input in the form runs are looked up in, who wrote it, and how many
    /// distinct users wrote each word anywhere (counted up to `minUsers`).
    final class Corpus: @unchecked Sendable {
        /// Per record: its words' keys joined by single spaces, with a space at each end.
        let texts: [String]
        let userKeys: [Int]
        private let wordUsers: [String: Int]

        init(summaries: [String], users: [Int], minUsers: Int) {
            var texts: [String] = []
            texts.reserveCapacity(summaries.count)
            var seen: [String: [Int]] = [:]
            for (summary, user) in zip(summaries, users) {
                let keys = TextGuard.pieces(summary).map(\.key).filter { !$0.isEmpty }
                texts.append(" " + keys.joined(separator: " ") + " ")
                for key in Set(keys) {
                    var list = seen[key, default: []]
                    if list.count < minUsers, !list.contains(user) {
                        list.append(user)
                        seen[key] = list
                    }
                }
            }
            self.texts = texts
            userKeys = users
            wordUsers = seen.mapValues(\.count)
        }

        /// Distinct users who wrote `key` anywhere, up to `minUsers`; 0 when no one did.
        func users(of key: String) -> Int { wordUsers[key] ?? 0 }
    }
}

/// What the text guard did to one cluster's label: recorded as `stats.text_guard`.
public struct TextGuardNote: Equatable, Sendable {
    /// The guard's K: distinct users an identifying run must be written by.
    public var minUsers: Int
    /// Times the model was asked again because its answer broke the rule.
    public var reasked = 0
    /// Words removed from the final name and description.
    public var wordsRemoved = 0
    /// Offline: candidate key phrases left out because they broke the rule.
    public var phrasesLeftOut = 0

    public init(minUsers: Int) { self.minUsers = minUsers }

    var json: JSON {
        ["min_users": .number(Double(minUsers)), "reasked": .number(Double(reasked)), "words_removed": .number(Double(wordsRemoved)),
         "phrases_left_out": .number(Double(phrasesLeftOut))]
    }
}

extension LabelInput {
    /// The text guard's view of the input: every summary with who wrote it (a record without a
    /// `user` is its own user).
    func textGuardCorpus(minUsers: Int) -> TextGuard.Corpus {
        let keys = users.indices.map { users[$0] >= 0 ? Int(users[$0]) : -1 - $0 }
        return TextGuard.Corpus(summaries: summaries, users: keys, minUsers: minUsers)
    }
}

extension Labeler {
    /// Every label of `evidence` made to keep the text guard's rule, counted into `counters`.
    static func guarded(_ labels: [ClusterLabel], _ evidence: [ClusterEvidence], counters: LabelCounters) -> [ClusterLabel] {
        zip(labels, evidence).map { label, evidence in
            let emptyName = evidence.children.first.map { "\($0.name) and related" } ?? "Conversations without distinctive phrases"
            let out = evidence.textGuard.guarded(label, emptyName: emptyName)
            let note = out.guardNote!
            counters.update {
                if note.reasked > 0 { $0.guardReasked += 1 }
                $0.guardWordsRemoved += note.wordsRemoved
                $0.guardPhrasesLeftOut += note.phrasesLeftOut
            }
            return out
        }
    }
}
