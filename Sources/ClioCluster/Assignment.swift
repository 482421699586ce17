import CClioKernels
import ClioCore

/// Fixed cluster centres that records are assigned to: the fit of `--fit-sample` or a
/// centroids file (`--assign FILE`).
public struct Centres: Sendable {
    /// `count × dimension`, row-major.
    public var vectors: [Float]
    public var dimension: Int
    /// The cluster number written for each centre.
    public var ids: [Int]
    /// Squared norms of the rows.
    var norms: [Float]
    /// Where the dimension came from, for error messages ("as in centres.jsonl").
    public var source: String
    /// The language means the fit's vectors were centred at; each record is centred the same
    /// way before it is assigned.
    public var centring: LanguageCentring?

    public var count: Int { ids.count }

    public init(vectors: [Float], dimension: Int, ids: [Int], source: String, centring: LanguageCentring? = nil) {
        precondition(dimension > 0 && vectors.count == ids.count * dimension && !ids.isEmpty)
        precondition(centring == nil || centring!.dimension == dimension)
        self.centring = centring
        self.vectors = vectors
        self.dimension = dimension
        self.ids = ids
        self.source = source
        norms = [Float](repeating: 0, count: ids.count)
        vectors.withUnsafeBufferPointer { v in
            norms.withUnsafeMutableBufferPointer { clio_row_sqnorms(v.baseAddress!, ids.count, dimension, $0.baseAddress!) }
        }
    }

    /// Reads a centroids file as clio-cluster's `--centroids` writes it: one
    /// `{"cluster":i,"centroid":[…]}` per line (`"f32le:…"` vectors too; other keys are ignored),
    /// and the `{"language":…,"mean":[…]}` lines of `LanguageCentring.records()`.
    /// Cluster numbers must be distinct whole numbers ≥ 0 and the vectors of one dimension.
    public static func load(path: String) throws -> Centres {
        var vectors: [Float] = []
        var ids: [Int] = []
        var seen = Set<Int>()
        var dimension: Int?
        var firstLine = 1
        let input = RecordInput(paths: [path], skipInvalid: false)
        var languages: [JSONObject] = []
        try input.forEach { record, location in
            if record["cluster"] == nil && record["language"] != nil {
                languages.append(record)
                return
            }
            guard let idValue = record["cluster"] else { throw ClioError(.invalidRecord, "field \"cluster\" is missing") }
            guard let id = idValue.intValue, id >= 0 else {
                throw ClioError(.invalidRecord,
                                "field \"cluster\" must be a whole number ≥ 0, got \(JSONSerializer.string(idValue))")
            }
            guard seen.insert(id).inserted else { throw ClioError(.invalidRecord, "cluster \(id) appears twice") }
            guard let value = record["centroid"] else { throw ClioError(.invalidRecord, "field \"centroid\" is missing") }
            let vector = try VectorCodec.decode(value, field: "centroid")
            if vector.isEmpty { throw ClioError(.invalidRecord, "field \"centroid\" is an empty vector") }
            if let d = dimension, vector.count != d {
                throw ClioError(.invalidRecord,
                                "field \"centroid\" has \(vector.count) numbers, expected \(d) as on line \(firstLine)")
            }
            if dimension == nil { firstLine = location.line }
            dimension = vector.count
            vectors.append(contentsOf: vector)
            ids.append(id)
        }
        guard let dimension else { throw ClioError(.invalidRecord, "no centres in \(path)") }
        let centring: LanguageCentring?
        do {
            centring = try LanguageCentring(records: languages)
        } catch {
            throw ClioError(.invalidRecord, "\(path): the language means: \(error.message)")
        }
        if let centring, centring.dimension != dimension {
            throw ClioError(.invalidRecord, "\(path): the language means have \(centring.dimension) numbers, the centres \(dimension)")
        }
        return Centres(vectors: vectors, dimension: dimension, ids: ids, source: path, centring: centring)
    }

    /// Sets `labels` and `distances` of every line of `parsed` whose vector has this dimension:
    /// the nearest centre by ‖x‖² − 2x·c + ‖c‖² (lowest index on ties, as a full Lloyd search),
    /// and the Euclidean distance to it computed exactly. The arithmetic for a record depends on
    /// the record and the centres only, never on the block it came in, so any split of the input
    /// (GNU parallel, Spark partitions) gives the same bytes.
    func assign(_ parsed: ParsedBlock, cosine: Bool) {
        let d = dimension
        let lines = parsed.lengths.count
        parsed.labels = [Int32](repeating: -1, count: lines)
        parsed.distances = [Float](repeating: 0, count: lines)
        let rows = (0..<lines).filter { parsed.lengths[$0] == d }
        if rows.isEmpty { return }
        var x = [Float]()
        x.reserveCapacity(rows.count * d)
        for q in rows { x.append(contentsOf: parsed.vector(q)) }
        let m = rows.count
        if let centring { centring.centre(&x, languages: rows.map { parsed.languages[$0] }) }
        var best = [Int32](repeating: 0, count: m)
        var nearest = [Float](repeating: 0, count: m)
        var xnorm = [Float](repeating: 0, count: m)
        x.withUnsafeMutableBufferPointer { xp in
            let xp = xp.baseAddress!
            if cosine { normalizeRows(xp, count: m, dimension: d) }
            clio_row_sqnorms(xp, m, d, &xnorm)
            vectors.withUnsafeBufferPointer { c in
                clio_nearest(xp, xnorm, nil, m, d, c.baseAddress!, norms, count, &best, &nearest, nil)
                for (r, q) in rows.enumerated() {
                    parsed.labels[q] = best[r]
                    parsed.distances[q] = clio_sqdist(xp + r * d, c.baseAddress! + Int(best[r]) * d, d).squareRoot()
                }
            }
        }
    }
}
