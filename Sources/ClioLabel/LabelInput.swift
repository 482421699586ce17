import ClioCore

/// The clustered conversations, reduced to what labelling needs and stored column by column
/// so a large input costs a few arrays rather than a dictionary per record.
public struct LabelInput: Sendable {
    public private(set) var count = 0
    public private(set) var dimension = 0
    public private(set) var ids: [JSON] = []
    /// Interned `user`, or -1 when the record has none (it then counts as its own user).
    var users: [Int32] = []
    var userNames: [String: Int32] = [:]
    var weeks: [Int32] = []
    var weekNames: [String] = []
    var weekIndex: [String: Int32] = [:]
    var languages: [[Int32]] = []
    var languageNames: [String] = []
    var languageIndex: [String: Int32] = [:]
    /// 1…5, or 0 when absent.
    var concerning: [UInt8] = []
    /// -1 when absent.
    var turns: [Int32] = []
    var summaries: [String] = []
    /// The candidate key phrases of each record's summary, as phrase ids, each once.
    var phrases: [[Int32]] = []
    /// Phrase id → its lowercased key; `phraseSurfaces` holds how it was written.
    public private(set) var phraseKeys: [String] = []
    var phraseIndex: [String: Int32] = [:]
    /// Up to a few ways each phrase was written, with counts; the most common is displayed.
    var phraseSurfaces: [[(surface: String, count: Int32)]] = []
    public private(set) var vectors: [Float] = []
    /// The `cluster` field of each record (or the base cluster a run into a tree filed it under).
    public internal(set) var clusters: [Int] = []
    /// The `embedding_model` of the first record that has one: the space of the vectors and centroids.
    public private(set) var embeddingModel: JSON?
    /// The model's name and dimension, from `embeddingModel`.
    public var embeddingSpace: (name: String, dimension: Int)? {
        guard let model = embeddingModel?.objectValue, let name = model["name"]?.stringValue else { return nil }
        return (name, model["dimension"]?.intValue ?? dimension)
    }
    private var dimensionSource: Location?

    public init() {}

    /// Reads one clustered record; throws an `invalidRecord` error naming the field on a bad one,
    /// leaving the input unchanged. With `cluster`, the record is filed under that base cluster
    /// and its own `cluster` field is not read (a run into an earlier tree places records itself).
    public mutating func add(_ record: JSONObject, at location: Location? = nil, cluster placed: Int? = nil) throws(ClioError) {
        guard let id = record["id"], !id.isNull else { throw ClioError(.invalidRecord, "field \"id\" is missing") }
        let cluster: Int
        if let placed {
            cluster = placed
        } else {
            guard let clusterValue = record["cluster"] else { throw ClioError(.invalidRecord, "field \"cluster\" is missing") }
            guard let value = clusterValue.intValue, value >= 0 else {
                throw ClioError(.invalidRecord, "field \"cluster\" must be a non-negative whole number, got \(JSONSerializer.string(clusterValue))")
            }
            cluster = value
        }
        guard let embedding = record["embedding"] else { throw ClioError(.invalidRecord, "field \"embedding\" is missing") }
        let vector = try VectorCodec.decode(embedding, field: "embedding")
        guard !vector.isEmpty else { throw ClioError(.invalidRecord, "field \"embedding\" is empty") }
        if count == 0 {
            dimension = vector.count
            dimensionSource = location
        } else if vector.count != dimension {
            let source = dimensionSource.map { " (set by \($0))" } ?? ""
            throw ClioError(.invalidRecord, "field \"embedding\" has dimension \(vector.count), expected \(dimension)\(source)")
        }
        let facets = record["facets"]?.objectValue ?? JSONObject()

        count += 1
        if embeddingModel == nil, let model = record["embedding_model"], !model.isNull { embeddingModel = model }
        ids.append(id)
        clusters.append(cluster)
        vectors.append(contentsOf: vector)
        switch record["user"] {
        case .string(let user)?: users.append(Self.intern(user, &userNames))
        case .number?, .rawNumber?: users.append(Self.intern(JSONSerializer.string(record["user"]!), &userNames))
        default: users.append(-1)
        }
        if case .string(let date)? = record["created_at"], let week = ISOWeek.label(date) {
            if let i = weekIndex[week] {
                weeks.append(i)
            } else {
                weekIndex[week] = Int32(weekNames.count)
                weeks.append(Int32(weekNames.count))
                weekNames.append(week)
            }
        } else {
            weeks.append(-1)
        }
        var languageIDs: [Int32] = []
        if case .string(let text)? = facets["language"] {
            for part in text.split(separator: ";") {
                let name = String(part).trimmingCharactersInSet()
                if name.isEmpty { continue }
                let i: Int32
                if let known = languageIndex[name] {
                    i = known
                } else {
                    i = Int32(languageNames.count)
                    languageIndex[name] = i
                    languageNames.append(name)
                }
                if !languageIDs.contains(i) { languageIDs.append(i) }
            }
        }
        languages.append(languageIDs)
        if let c = facets["concerning"]?.intValue, (1...5).contains(c) { concerning.append(UInt8(c)) } else { concerning.append(0) }
        if let t = facets["turns"]?.intValue, t >= 0 { turns.append(Int32(clamping: t)) } else { turns.append(-1) }

        let summary = facets["request"]?.stringValue ?? facets["task"]?.stringValue ?? ""
        summaries.append(summary)
        var ids: [Int32] = []
        for (key, surface) in KeyPhrases.candidates(summary) {
            let p: Int32
            if let known = phraseIndex[key] {
                p = known
                let variants = phraseSurfaces[Int(p)]
                if let v = variants.firstIndex(where: { $0.surface == surface }) {
                    phraseSurfaces[Int(p)][v].count += 1
                } else if variants.count < 4 {
                    phraseSurfaces[Int(p)].append((surface, 1))
                }
            } else {
                p = Int32(phraseKeys.count)
                phraseIndex[key] = p
                phraseKeys.append(key)
                phraseSurfaces.append([(surface, 1)])
            }
            ids.append(p)
        }
        phrases.append(ids)
    }

    private static func intern(_ text: String, _ table: inout [String: Int32]) -> Int32 {
        if let i = table[text] { return i }
        let i = Int32(table.count)
        table[text] = i
        return i
    }

    /// Distinct users among `members`; a conversation without a `user` is its own user.
    func distinctUsers<S: Sequence>(_ members: S) -> Int where S.Element == Int {
        var seen = Set<Int32>()
        var anonymous = 0
        for m in members {
            if users[m] < 0 { anonymous += 1 } else { seen.insert(users[m]) }
        }
        return seen.count + anonymous
    }

    func stats<S: Sequence>(_ members: S) -> ClusterStats where S.Element == Int {
        var stats = ClusterStats()
        for m in members {
            for l in languages[m] { stats.languages[languageNames[Int(l)], default: 0] += 1 }
            if concerning[m] > 0 { stats.concerning[Int(concerning[m]) - 1] += 1 }
            if turns[m] >= 0 {
                stats.turnsTotal += Int(turns[m])
                stats.turnsCount += 1
            }
            if weeks[m] >= 0 { stats.weeks[weekNames[Int(weeks[m])], default: 0] += 1 }
        }
        return stats
    }

    /// How many of `members` use each candidate phrase.
    func phraseCounts<S: Sequence>(_ members: S) -> TermCounts where S.Element == Int {
        var counts = TermCounts()
        for m in members { for p in phrases[m] { counts[p, default: 0] += 1 } }
        return counts
    }

    /// Words of a phrase (a Han run is one).
    func wordCount(_ id: Int32) -> Int {
        phraseKeys[Int(id)].utf8.reduce(1) { $0 + ($1 == 0x20 ? 1 : 0) }
    }

    /// Per phrase id, whether it begins or ends with a word used by more than half of
    /// `clusters` (scikit-learn's max_df, applied to the ends of a phrase): such words
    /// ("write", "create" in most collections) say what people do everywhere, not what sets a
    /// cluster apart, so "write python code" gives way to "python code". Off below three clusters.
    func phrasesBoundedByCommonWords(_ clusters: [TermCounts]) -> [Bool] {
        guard clusters.count >= 3 else { return [] }
        var users = [Int](repeating: 0, count: phraseKeys.count)
        for counts in clusters { for p in counts.keys { users[Int(p)] += 1 } }
        let common = users.map { 2 * $0 > clusters.count }
        return phraseKeys.indices.map { p in
            let words = phraseKeys[p].split(separator: " ")
            guard words.count > 1 else { return common[p] }
            // Every word of a phrase is a phrase of its own, so it has an id.
            let ends = [words.first!, words.last!].compactMap { phraseIndex[String($0)] }
            return ends.contains { common[Int($0)] }
        }
    }

    /// A phrase as it is most often written (ties: the first way seen).
    func phraseText(_ id: Int32) -> String {
        var best = phraseSurfaces[Int(id)][0]
        for variant in phraseSurfaces[Int(id)].dropFirst() where variant.count > best.count { best = variant }
        return best.surface
    }

    /// Members ordered by distance to `centre`, nearest first (ties by input order), at most `limit`.
    func nearest(_ members: [Int], to centre: [Float], limit: Int) -> [Int] {
        let d = dimension
        let scored = vectors.withUnsafeBufferPointer { v in
            members.map { m -> (Int, Float) in
                var s: Float = 0
                let base = m * d
                for t in 0..<d {
                    let x = v[base + t] - centre[t]
                    s += x * x
                }
                return (m, s)
            }
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0)
    }

    /// The vectors of the records in `groups` with the position of each one's group. When the
    /// groups hold every record, the input's own array is returned (no copy) in record order.
    func vectors(of groups: [[Int]]) -> (vectors: [Float], cluster: [Int32]) {
        let total = groups.reduce(0) { $0 + $1.count }
        if total == count {
            var cluster = [Int32](repeating: -1, count: count)
            for (g, records) in groups.enumerated() { for m in records { cluster[m] = Int32(g) } }
            return (vectors, cluster)
        }
        let d = dimension
        var out: [Float] = []
        var cluster: [Int32] = []
        out.reserveCapacity(total * d)
        for (g, records) in groups.enumerated() {
            for m in records {
                out.append(contentsOf: vectors[(m * d)..<(m * d + d)])
                cluster.append(Int32(g))
            }
        }
        return (out, cluster)
    }

    /// The mean of the members' vectors.
    func centroid(_ members: [Int]) -> [Float] {
        let d = dimension
        var sum = [Double](repeating: 0, count: d)
        vectors.withUnsafeBufferPointer { v in
            for m in members { for t in 0..<d { sum[t] += Double(v[m * d + t]) } }
        }
        let n = Double(max(members.count, 1))
        return sum.map { Float($0 / n) }
    }
}
