import ClioCore
import ClioEmbed

/// Embeds candidate phrases in the space the records were embedded in, through clio-embed's
/// content cache, so a phrase can be compared with a cluster's centre. One embedder call at a
/// time: the local models are not reentrant.
public final class PhraseEmbedder: @unchecked Sendable {
    let pipeline: EmbedPipeline
    private let lock = Mutex()

    public init(embedder: any Embedder, cache: ContentCache?) {
        pipeline = EmbedPipeline(embedder: embedder, cache: cache, field: "phrase", compact: false)
    }

    public var name: String { pipeline.embedder.name }

    /// One unit vector per phrase, in order.
    public func vectors(_ phrases: [String]) throws -> [[Float]] {
        guard !phrases.isEmpty else { return [] }
        return try lock.withLock { try pipeline.vectors(phrases) }
    }
}

/// Orders a cluster's candidate phrases for its name, after BERTopic's KeyBERTInspired and
/// MaximalMarginalRelevance representations: the candidates are the cluster's best phrases by
/// c-TF-IDF; each is scored by cosine similarity to the cluster's centre, and they are picked
/// by maximal marginal relevance, so the second phrase adds something the first does not say.
enum PhraseRanking {
    /// Cosine similarity; 0 when either vector is zero.
    static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        var dot: Float = 0, na: Float = 0, nb: Float = 0
        for i in 0..<min(a.count, b.count) {
            dot += a[i] * b[i]
            na += a[i] * a[i]
            nb += b[i] * b[i]
        }
        guard na > 0, nb > 0 else { return 0 }
        return dot / (na.squareRoot() * nb.squareRoot())
    }

    /// Maximal marginal relevance (Carbonell and Goldstein, 1998): the most relevant item first,
    /// then repeatedly the item maximising (1 − diversity) · relevance − diversity · (its largest
    /// similarity to an item already picked). Returns up to `count` positions, in picking order;
    /// ties go to the earlier position.
    static func mmr(relevance: [Float], similarity: (Int, Int) -> Float, count: Int, diversity: Float) -> [Int] {
        var picked: [Int] = []
        var left = Array(relevance.indices)
        // The largest similarity of each remaining item to the picked ones.
        var closest = [Float](repeating: -.infinity, count: relevance.count)
        while picked.count < count, !left.isEmpty {
            var best = 0
            var bestScore = -Float.infinity
            for (slot, item) in left.enumerated() {
                let redundancy = picked.isEmpty ? 0 : closest[item]
                let score = (1 - diversity) * relevance[item] - diversity * redundancy
                if score > bestScore {
                    best = slot
                    bestScore = score
                }
            }
            let item = left.remove(at: best)
            picked.append(item)
            for other in left { closest[other] = max(closest[other], similarity(item, other)) }
        }
        return picked
    }

    /// The mean of the unit vectors along `centres`: the direction every cluster of a level
    /// shares. Subtracting it from a centre leaves what sets that cluster apart.
    static func meanDirection(_ centres: [[Float]]) -> [Float] {
        guard let d = centres.first?.count else { return [] }
        var mean = [Float](repeating: 0, count: d)
        for c in centres where c.count == d {
            let norm = c.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { continue }
            for t in 0..<d { mean[t] += c[t] / norm }
        }
        return mean.map { $0 / Float(centres.count) }
    }

    /// `candidates` (best c-TF-IDF first) reordered by MMR. A phrase's relevance is KeyBERT's
    /// cosine similarity to the cluster's centre, less its mean similarity to all the centres of
    /// the level (`level`, from `meanDirection`: the mean of p̂·ĉ over the centres is p̂ · mean ĉ),
    /// so a phrase near every cluster — a generic word — does not win a broad cluster.
    /// Unchanged when there are no vectors.
    static func order(_ candidates: [String], vectors: [[Float]], centre: [Float], level: [Float]?, diversity: Float) -> [String] {
        let d = centre.count
        guard vectors.count == candidates.count, d > 0, vectors.allSatisfy({ $0.count == d }) else { return candidates }
        let relevance = vectors.map { v -> Float in
            let own = cosine(v, centre)
            guard let level, level.count == d else { return own }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return norm > 0 ? own - zip(v, level).reduce(0) { $0 + $1.0 * $1.1 } / norm : own
        }
        let picked = mmr(relevance: relevance, similarity: { cosine(vectors[$0], vectors[$1]) },
                         count: candidates.count, diversity: diversity)
        return picked.map { candidates[$0] }
    }
}
