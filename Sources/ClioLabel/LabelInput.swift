import ClioCore

/// The clustered conversations, reduced to what labelling needs and stored column by column
/// so a large input costs a few arrays rather than a dictionary per record.
public struct LabelInput: Sendable {
    public private(set) var count = 0
    public private(set) var dimension = 0
    public private(set) var ids: [JSON] = []
    /// Interned `user`, or -1 when the record has none (it then counts as its own user).
    var users: [Int32] = []
    /// Interned user → its id as the records wrote it.
    var userNames = StringNumbers()
    var weeks: [Int32] = []
    var weekNames = StringNumbers()
    var languages: [[Int32]] = []
    var languageNames = StringNumbers()
    /// 1…5, or 0 when absent.
    var concerning: [UInt8] = []
    /// -1 when absent.
    var turns: [Int32] = []
    var summaries: [String] = []
    /// The candidate key phrases of each record's summary, as phrase ids, each once.
    var phrases: [[Int32]] = []
    /// Phrase id → its lowercased key; `phraseSurfaces` holds how it was written.
    var phraseNumbers = StringNumbers()
    public var phraseKeys: [String] { phraseNumbers.names }
    /// Up to a few ways each phrase was written, with counts; the most common is displayed.
    var phraseSurfaces: [[(surface: String, count: Int32)]] = []
    public private(set) var vectors: [Float] = []
    /// The `cluster` field of each record (or the base cluster a run into a tree filed it under).
    public internal(set) var clusters: [Int] = []
    /// The `embedding_model` of the first record that has one: the space of the vectors and centroids.
    public internal(set) var embeddingModel: JSON?
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
        var check = DimensionCheck(dimension: count == 0 ? nil : dimension, source: dimensionSource)
        let parsed = try LabelRecord(record, at: location, cluster: placed, dimension: &check)
        dimensionSource = check.source
        append(parsed)
    }

    /// Room for `records` more records' fields.
    mutating func reserve(_ records: Int) {
        ids.reserveCapacity(ids.count + records)
        clusters.reserveCapacity(clusters.count + records)
        summaries.reserveCapacity(summaries.count + records)
    }

    /// Adds a record read by `LabelRecord`, whose vector has the input's dimension.
    mutating func append(_ record: LabelRecord) {
        if count == 0 { dimension = record.vector.count }
        precondition(record.vector.count == dimension, "LabelRecord checks the dimension")
        vectors.append(contentsOf: record.vector)
        appendFields(record)
    }

    /// The records' vectors (row-major, in record order) for records added by `appendFields`.
    mutating func setVectors(_ rows: [Float], dimension: Int) {
        precondition(rows.count == count * dimension)
        vectors = rows
        self.dimension = dimension
    }

    /// The first language of record `i` ("" without one), as `LanguageCentring.primary` reads it.
    func primaryLanguage(_ i: Int) -> String { LanguageCentring.primary(languages[i].first.map { languageNames[$0] }) }

    /// Centres every vector at its record's language mean (`LanguageCentring`); `each` sees the
    /// record, its centred vector and the length it had before scaling.
    mutating func centreByLanguage(_ centring: LanguageCentring,
                                   each: (Int, UnsafeMutableBufferPointer<Float>, Double) -> Void = { _, _, _ in }) {
        let d = dimension
        let names = (0..<count).map { primaryLanguage($0) }
        vectors.withUnsafeMutableBufferPointer { v in
            for i in 0..<count {
                let row = UnsafeMutableBufferPointer(rebasing: v[(i * d)..<((i + 1) * d)])
                let length = centring.centre(row, language: names[i])
                each(i, row, length)
            }
        }
    }

    /// The means of this input's vectors by language, and the vectors centred at them; nil
    /// (vectors unchanged) when no language has enough records.
    mutating func centreByLanguage() -> LanguageCentring? {
        let names = (0..<count).map { primaryLanguage($0) }
        guard let centring = LanguageCentring.estimate(vectors: vectors, dimension: dimension, languages: names) else {
            return nil
        }
        centreByLanguage(centring)
        return centring
    }

    /// Adds a record's fields other than its vector (`setVectors` gives those).
    mutating func appendFields(_ record: LabelRecord) {
        count += 1
        if embeddingModel == nil, let model = record.embeddingModel { embeddingModel = model }
        ids.append(record.id)
        clusters.append(record.cluster)
        if let user = record.user {
            users.append(userNames.number(user))
        } else {
            users.append(-1)
        }
        weeks.append(record.week.map { weekNames.number($0) } ?? -1)
        languages.append(record.languages.map { languageNames.number($0) })
        concerning.append(record.concerning)
        turns.append(record.turns)

        let summary = record.summary
        summaries.append(summary)
        var ids: [Int32] = []
        for (key, surface) in KeyPhrases.candidates(summary) {
            let p = phraseNumbers.number(key)
            if Int(p) == phraseSurfaces.count {
                phraseSurfaces.append([(surface, 1)])
            } else if let v = phraseSurfaces[Int(p)].firstIndex(where: { $0.surface == surface }) {
                phraseSurfaces[Int(p)][v].count += 1
            } else if phraseSurfaces[Int(p)].count < 4 {
                phraseSurfaces[Int(p)].append((surface, 1))
            }
            ids.append(p)
        }
        phrases.append(ids)
    }

    func stats<S: Sequence>(_ members: S) -> ClusterStats where S.Element == Int {
        var stats = ClusterStats()
        for m in members {
            for l in languages[m] { stats.languages[languageNames[l], default: 0] += 1 }
            if concerning[m] > 0 { stats.concerning[Int(concerning[m]) - 1] += 1 }
            if turns[m] >= 0 {
                stats.turnsTotal += Int(turns[m])
                stats.turnsCount += 1
            }
            if weeks[m] >= 0 { stats.weeks[weekNames[weeks[m]], default: 0] += 1 }
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
            let ends = [words.first!, words.last!].compactMap { phraseNumbers.existing(String($0)) }
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

/// The vector dimension of a stream of records, set by the first one, and where it was set.
struct DimensionCheck {
    var dimension: Int?
    var source: Location?

    mutating func check(_ count: Int, at location: Location?) throws(ClioError) {
        guard let dimension else {
            dimension = count
            source = location
            return
        }
        if count != dimension {
            let from = source.map { " (set by \($0))" } ?? ""
            throw ClioError(.invalidRecord, "field \"embedding\" has dimension \(count), expected \(dimension)\(from)")
        }
    }
}

/// One clustered record reduced to the fields labelling reads: what `LabelInput` stores column
/// by column, and what clio-label's per-cluster reservoirs keep (`ClusterDigest`).
struct LabelRecord {
    var id: JSON
    var cluster: Int
    /// `user` as written (a number in its JSON form); nil when the record has none, and then it
    /// counts as its own user.
    var user: String?
    /// The ISO week of `created_at`.
    var week: String?
    /// `facets.language`, split at ";", each name once.
    var languages: [String]
    /// 1…5, or 0 when absent.
    var concerning: UInt8
    /// -1 when absent.
    var turns: Int32
    var summary: String
    var vector: [Float]
    var embeddingModel: JSON?

    /// Throws an `invalidRecord` error naming the field on a bad record. With `placed`, the
    /// record's own `cluster` field is not read.
    init(_ record: JSONObject, at location: Location?, cluster placed: Int?, dimension: inout DimensionCheck) throws(ClioError) {
        guard let id = record["id"], !id.isNull else { throw ClioError(.invalidRecord, "field \"id\" is missing") }
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
        vector = try VectorCodec.decode(embedding, field: "embedding")
        guard !vector.isEmpty else { throw ClioError(.invalidRecord, "field \"embedding\" is empty") }
        try dimension.check(vector.count, at: location)
        self.id = id
        let facets = record["facets"]?.objectValue ?? JSONObject()
        if let model = record["embedding_model"], !model.isNull { embeddingModel = model }
        switch record["user"] {
        case .string(let user)?: self.user = user
        case let value? where value.isNumber: user = JSONSerializer.string(value)
        default: user = nil
        }
        if case .string(let date)? = record["created_at"] { week = ISOWeek.label(date) }
        languages = []
        if case .string(let text)? = facets["language"] {
            for part in text.split(separator: ";") {
                let name = String(part).trimmingCharactersInSet()
                if !name.isEmpty && !languages.contains(name) { languages.append(name) }
            }
        }
        if let c = facets["concerning"]?.intValue, (1...5).contains(c) { concerning = UInt8(c) } else { concerning = 0 }
        if let t = facets["turns"]?.intValue, t >= 0 { turns = Int32(clamping: t) } else { turns = -1 }
        summary = facets["request"]?.stringValue ?? facets["task"]?.stringValue ?? ""
    }
}

extension JSON {
    fileprivate var isNumber: Bool {
        switch self {
        case .number, .rawNumber: return true
        default: return false
        }
    }
}
