import ClioCore

/// Settings of one k-means run.
public struct KMeansOptions: Sendable {
    public var k: Int
    public var seed: UInt64 = 0
    public var maxIterations = 300
    /// Relative tolerance: stop when centres move less than `tolerance` × the mean per-dimension variance (as scikit-learn).
    public var tolerance: Double = 1e-4
    /// Spherical k-means on L2-normalised vectors.
    public var cosine = false
    /// Threads for the assignment step; 0 means all cores.
    public var threads = 0
    public init(k: Int) { self.k = k }
}

/// The outcome of k-means on `n` points of dimension `d`.
public struct KMeansResult: Sendable {
    /// `k × d` centres, row-major.
    public var centroids: [Float]
    public var k: Int
    public var dimension: Int
    /// Cluster of each point, `0 ..< k`.
    public var assignments: [Int32]
    /// Euclidean distance of each point to its centre.
    public var distances: [Float]
    /// Sum of squared distances.
    public var inertia: Double
    public var iterations: Int
}

/// k-means on `n × d` row-major points. Placeholder reference implementation (k-means++ seeding,
/// Lloyd iterations) with the final signature; the fast kernels replace its inside.
public func kmeans(points: [Float], count n: Int, dimension d: Int, options: KMeansOptions) -> KMeansResult {
    precondition(points.count == n * d && n > 0 && d > 0)
    let k = max(1, min(options.k, n))
    var rng = SeededGenerator(seed: options.seed)
    func dist2(_ i: Int, _ c: [Float], _ j: Int) -> Float {
        var s: Float = 0
        for t in 0..<d { let x = points[i * d + t] - c[j * d + t]; s += x * x }
        return s
    }
    var centroids = [Float](repeating: 0, count: k * d)
    let first = Int(rng.next() % UInt64(n))
    for t in 0..<d { centroids[t] = points[first * d + t] }
    var closest = (0..<n).map { dist2($0, centroids, 0) }
    for c in 1..<k {
        let total = closest.reduce(0, +)
        var pick = 0
        if total > 0 {
            var r = Float(Double(rng.next() >> 11) / Double(1 << 53)) * total
            for i in 0..<n { r -= closest[i]; if r <= 0 { pick = i; break } }
        } else { pick = Int(rng.next() % UInt64(n)) }
        for t in 0..<d { centroids[c * d + t] = points[pick * d + t] }
        for i in 0..<n { closest[i] = min(closest[i], dist2(i, centroids, c)) }
    }
    var assignments = [Int32](repeating: 0, count: n)
    var distances = [Float](repeating: 0, count: n)
    var iterations = 0
    for _ in 0..<options.maxIterations {
        iterations += 1
        var changed = false
        for i in 0..<n {
            var best = 0
            var bestD = Float.infinity
            for c in 0..<k { let dd = dist2(i, centroids, c); if dd < bestD { bestD = dd; best = c } }
            if assignments[i] != Int32(best) { changed = true }
            assignments[i] = Int32(best)
            distances[i] = bestD.squareRoot()
        }
        var sums = [Float](repeating: 0, count: k * d)
        var counts = [Int](repeating: 0, count: k)
        for i in 0..<n {
            let c = Int(assignments[i]); counts[c] += 1
            for t in 0..<d { sums[c * d + t] += points[i * d + t] }
        }
        for c in 0..<k where counts[c] > 0 { for t in 0..<d { centroids[c * d + t] = sums[c * d + t] / Float(counts[c]) } }
        if !changed && iterations > 1 { break }
    }
    let inertia = distances.reduce(0.0) { $0 + Double($1) * Double($1) }
    return KMeansResult(centroids: centroids, k: k, dimension: d, assignments: assignments, distances: distances, inertia: inertia, iterations: iterations)
}

/// SplitMix64: small, fast and the same on every platform, so a seed means the same run everywhere.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1330_11EB
        return z ^ (z >> 31)
    }
}
