import CClioKernels
import ClioCore
import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Settings of one k-means run.
public struct KMeansOptions: Sendable {
    public var k: Int
    public var seed: UInt64 = 0
    /// Lloyd iterations at most; for mini-batch, passes over the data at most.
    public var maxIterations = 300
    /// Relative tolerance: stop when centres move less than `tolerance` × the mean per-dimension variance (as scikit-learn).
    public var tolerance: Double = 1e-4
    /// Spherical k-means on L2-normalised vectors.
    public var cosine = false
    /// Threads for the assignment step; 0 means all cores.
    public var threads = 0
    /// Mini-batch k-means instead of Lloyd; nil chooses by size (`miniBatchThreshold`).
    public var miniBatch: Bool? = nil
    /// Points per mini-batch step.
    public var batchSize = 4096
    /// Distance bounds in Lloyd's assignment step (`Bounds`), which skip most distance computations once
    /// the centres settle. Off gives plain blocked Lloyd (same assignments, for measuring).
    public var useBounds = true
    /// Centres per bound group (nil: `preferredGroupSize`, larger when the bounds would pass
    /// `boundBudget`); 1 is Elkan's algorithm, k is Hamerly's.
    public var boundGroupSize: Int? = nil
    /// k-means++ candidates evaluated on a half-precision copy of the points (AVX2 + F16C only),
    /// which halves the memory traffic of seeding; the centres chosen are the float32 points.
    public var halfPrecisionSeeding = true
    public init(k: Int) { self.k = k }

    /// Above this many points mini-batch k-means is used unless asked otherwise: one Lloyd
    /// iteration there costs more than a whole mini-batch run.
    public static let miniBatchThreshold = 250_000
    /// Bound group size chosen by default (measured on MiniLM vectors: see docs/cluster.md).
    public static let preferredGroupSize = 2
    /// Most lower bounds kept (floats; 64 MiB).
    public static let boundBudget = 16 << 20
    /// Full Lloyd iterations at most after the mini-batch steps.
    public static let miniBatchPolish = 5
}

/// The outcome of k-means on `n` points of dimension `d`.
public struct KMeansResult: Sendable {
    /// `k × d` centres, row-major.
    public var centroids: [Float]
    /// Clusters found; below the asked k only when there are fewer distinct points than that
    /// (empty clusters are dropped and the rest numbered from 0).
    public var k: Int
    public var dimension: Int
    /// Cluster of each point, `0 ..< k`.
    public var assignments: [Int32]
    /// Euclidean distance of each point to its centre.
    public var distances: [Float]
    /// Sum of squared distances.
    public var inertia: Double
    public var iterations: Int
    /// Points in each cluster.
    public var sizes: [Int] = []
    /// Whether the mini-batch algorithm ran.
    public var usedMiniBatch = false
    /// Seconds spent choosing the initial centres and iterating.
    public var seedingSeconds = 0.0
    public var iterationSeconds = 0.0
}

/// k-means on `n × d` row-major points: greedy k-means++ seeding as scikit-learn does it, then
/// Lloyd iterations with Elkan/Yinyang bounds (or mini-batch steps for large inputs). The result
/// depends on the points, the options' seed and nothing else (not on the thread count).
public func kmeans(points: [Float], count n: Int, dimension d: Int, options: KMeansOptions) -> KMeansResult {
    precondition(points.count == n * d && n > 0 && d > 0)
    let threads = options.threads > 0 ? options.threads : Parallel.cores
    if options.cosine {
        var unit = points
        unit.withUnsafeMutableBufferPointer { normalizeRows($0.baseAddress!, count: n, dimension: d) }
        return unit.withUnsafeBufferPointer { p in
            KMeansEngine(points: p.baseAddress!, n: n, d: d, options: options, threads: threads).run()
        }
    }
    return points.withUnsafeBufferPointer { p in
        KMeansEngine(points: p.baseAddress!, n: n, d: d, options: options, threads: threads).run()
    }
}

/// Scales each of `count` rows to unit length (spherical k-means). A zero vector has no
/// direction; it stays zero, at distance 1 from any unit centre.
func normalizeRows(_ p: UnsafeMutablePointer<Float>, count n: Int, dimension d: Int) {
    for i in 0..<n {
        let row = p + i * d
        let norm = clio_dot(row, row, d).squareRoot()
        if norm > 0 { for t in 0..<d { row[t] /= norm } }
    }
}

/// A fixed-size heap buffer that closures running on several threads can write to by index
/// (each index from one thread only).
final class Buffer<T>: @unchecked Sendable {
    let p: UnsafeMutablePointer<T>
    let count: Int
    init(_ count: Int, _ value: T) {
        self.count = count
        p = UnsafeMutablePointer<T>.allocate(capacity: max(count, 1))
        p.initialize(repeating: value, count: max(count, 1))
    }
    deinit {
        p.deinitialize(count: max(count, 1))
        p.deallocate()
    }
    subscript(i: Int) -> T {
        get { p[i] }
        set { p[i] = newValue }
    }
    var array: [T] { Array(UnsafeBufferPointer(start: p, count: count)) }
}

/// A pointer that closures on several threads may write through, at disjoint indices.
struct UnsafeMutableSendablePointer<T>: @unchecked Sendable {
    let p: UnsafeMutablePointer<T>
    init(_ p: UnsafeMutablePointer<T>) { self.p = p }
}

private let pointChunk = 1024

/// The state of one run; the heavy loops are in CClioKernels.
final class KMeansEngine {
    let x: UnsafePointer<Float>
    let n: Int
    let d: Int
    let options: KMeansOptions
    let threads: Int
    let xnorm: Buffer<Float>
    var rng: SeededGenerator

    init(points: UnsafePointer<Float>, n: Int, d: Int, options: KMeansOptions, threads: Int) {
        x = points
        self.n = n
        self.d = d
        self.options = options
        self.threads = threads
        rng = SeededGenerator(seed: options.seed)
        xnorm = Buffer(n, 0)
        let xn = xnorm
        Parallel.chunks(n, size: 4096, threads: threads) { _, r in
            clio_row_sqnorms(points + r.lowerBound * d, r.count, d, xn.p + r.lowerBound)
        }
    }

    func run() -> KMeansResult {
        let k = max(1, min(options.k, n))
        let useMiniBatch = options.miniBatch ?? (n > KMeansOptions.miniBatchThreshold)
        let t0 = monotonicSeconds()
        var labels = Buffer<Int32>(n, 0)
        var centres: Buffer<Float>
        var iterations = 0
        var t1 = t0
        if useMiniBatch && n > options.batchSize {
            let initSize = min(n, max(3 * options.batchSize, 3 * k))
            var sample = (0..<n).map { Int32($0) }
            // A partial Fisher–Yates shuffle picks the initial sample without repeats.
            for i in 0..<initSize {
                let j = i + Int(rng.next() % UInt64(n - i))
                sample.swapAt(i, j)
            }
            let rows = Array(sample[0..<initSize]).sorted()
            centres = seed(k: k, rows: rows)
            t1 = monotonicSeconds()
            iterations = miniBatch(k: k, centres: centres)
            // A few Lloyd iterations on all points (with bounds, so they get cheap fast) polish
            // what the noisy batches left; this also re-seeds clusters the batches emptied.
            iterations += lloyd(k: k, centres: &centres, labels: &labels, limit: KMeansOptions.miniBatchPolish)
        } else {
            centres = seed(k: k, rows: nil)
            t1 = monotonicSeconds()
            iterations = lloyd(k: k, centres: &centres, labels: &labels)
        }
        let t2 = monotonicSeconds()
        return finish(k: k, centres: centres, labels: labels, iterations: iterations, miniBatch: useMiniBatch && n > options.batchSize,
                      seeding: t1 - t0, iterating: t2 - t1)
    }

    // MARK: seeding

    /// Greedy k-means++ (scikit-learn's `_kmeans_plusplus`): each step samples 2 + ⌊ln k⌋
    /// candidates with probability proportional to the squared distance to the nearest centre
    /// and keeps the one that lowers the total most. Candidates that the triangle inequality
    /// shows cannot be nearer to a point than its current centre skip that point, which is most
    /// points once there are many centres. `rows` restricts seeding to a sample.
    func seed(k: Int, rows: [Int32]?) -> Buffer<Float> {
        // Work on a contiguous copy of the sample so the kernels see rows 0..<m.
        let m = rows?.count ?? n
        let sampleStore: Buffer<Float>?
        let sampleNorm: Buffer<Float>?
        if let rows {
            let s = Buffer<Float>(m * d, 0)
            let sn = Buffer<Float>(m, 0)
            for (i, r) in rows.enumerated() {
                (s.p + i * d).update(from: x + Int(r) * d, count: d)
                sn[i] = xnorm[Int(r)]
            }
            sampleStore = s
            sampleNorm = sn
        } else {
            sampleStore = nil
            sampleNorm = nil
        }
        let px: UnsafePointer<Float> = sampleStore.map { UnsafePointer($0.p) } ?? x
        let pn: UnsafePointer<Float> = sampleNorm.map { UnsafePointer($0.p) } ?? UnsafePointer(xnorm.p)

        let centres = Buffer<Float>(k * d, 0)
        let cnorm = Buffer<Float>(k, 0)
        let trials = 2 + Int(log(Double(k)))
        let closest = Buffer<Float>(m, 0)
        let owner = Buffer<Int32>(m, 0)
        let first = Int(rng.next() % UInt64(m))
        centres.p.update(from: px + first * d, count: d)
        cnorm[0] = pn[first]
        Parallel.chunks(m, size: pointChunk, threads: threads) { _, r in
            for i in r {
                var dd = pn[i] - 2 * clio_dot(px + i * d, centres.p, d) + cnorm[0]
                if dd < 0 { dd = 0 }
                closest[i] = dd
            }
        }
        if k == 1 { return centres }
        // Seeding reads every point once per step; a half-precision copy halves that traffic
        // when there are enough steps for it to pay (and the CPU converts halves).
        var half: Buffer<UInt16>? = nil
        if options.halfPrecisionSeeding && k >= 16 && d % 8 == 0 && clio_kmeans_has_f16() != 0 {
            let h = Buffer<UInt16>(m * d, 0)
            clio_to_f16(px, m * d, h.p)
            half = h
        }
        let cumulative = Buffer<Double>(m, 0)
        let candidates = Buffer<Float>(trials * d, 0)
        let candNorm = Buffer<Float>(trials, 0)
        let cc = Buffer<Float>(trials * k, 0)
        let d2 = Buffer<Float>(m * trials, 0)
        let chunks = (m + pointChunk - 1) / pointChunk
        let gains = Buffer<Double>(chunks * trials, 0)
        for c in 1..<k {
            var total = 0.0
            for i in 0..<m {
                total += Double(closest[i])
                cumulative[i] = total
            }
            for t in 0..<trials {
                let r = Double(rng.next() >> 11) / Double(1 << 53) * total
                // searchsorted(cumulative, r), left side, clipped to the last point.
                var lo = 0
                var hi = m
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if cumulative[mid] < r { lo = mid + 1 } else { hi = mid }
                }
                let pick = min(lo, m - 1)
                (candidates.p + t * d).update(from: px + pick * d, count: d)
                candNorm[t] = pn[pick]
            }
            // Squared distances from each candidate to the centres chosen so far. Done on one
            // thread: a parallel region per step costs more than this when cores are busy.
            clio_dots(candidates.p, trials, centres.p, c, d, cc.p, k)
            for t in 0..<trials {
                for j in 0..<c {
                    let dd = candNorm[t] - 2 * cc[t * k + j] + cnorm[j]
                    cc[t * k + j] = max(0, dd)
                }
            }
            for q in 0..<(chunks * trials) { gains[q] = 0 }
            Parallel.chunks(m, size: pointChunk, threads: threads) { chunk, r in
                if let half {
                    clio_seed_candidates_f16(half.p, pn, r.lowerBound, r.upperBound, d, candidates.p, candNorm.p, trials,
                                             owner.p, closest.p, cc.p, k, d2.p, gains.p + chunk * trials)
                } else {
                    clio_seed_candidates(px, pn, r.lowerBound, r.upperBound, d, candidates.p, candNorm.p, trials,
                                         owner.p, closest.p, cc.p, k, d2.p, gains.p + chunk * trials)
                }
            }
            var best = 0
            var bestGain = -1.0
            for t in 0..<trials {
                var g = 0.0
                for chunk in 0..<chunks { g += gains[chunk * trials + t] }
                if g > bestGain {
                    bestGain = g
                    best = t
                }
            }
            (centres.p + c * d).update(from: candidates.p + best * d, count: d)
            cnorm[c] = candNorm[best]
            let newOwner = Int32(c)
            for i in 0..<m {
                let dd = d2[i * trials + best]
                if dd < closest[i] {
                    closest[i] = dd
                    owner[i] = newOwner
                }
            }
        }
        return centres
    }

    // MARK: Lloyd

    /// Yinyang-style bounds: centres in groups of `groupSize` (by index), an upper bound per
    /// point on the distance to its centre and a lower bound per point and group on the
    /// distance to that group's other centres.
    struct Bounds {
        var upper: Buffer<Float>
        var lower: Buffer<Float>
        var groupSize: Int
        var groups: Int
        init(n: Int, k: Int, groupSize: Int) {
            self.groupSize = max(1, min(groupSize, k))
            groups = (k + self.groupSize - 1) / self.groupSize
            upper = Buffer(n, .infinity)
            lower = Buffer(n * groups, 0)
        }
    }

    /// Centres per bound group: small groups prune best (one per centre is Elkan's algorithm)
    /// but need `n × k / size` bounds, which are capped at `boundBudget` floats.
    func boundGroupSize(k: Int) -> Int {
        if let size = options.boundGroupSize { return max(1, size) }
        let floor = (n * k + KMeansOptions.boundBudget - 1) / KMeansOptions.boundBudget
        return max(KMeansOptions.preferredGroupSize, floor)
    }

    /// Each cluster's running sum of its points (in double) and its size, kept between
    /// iterations: once the centres settle, few points change cluster, and moving just those
    /// costs far less than summing every point again.
    struct Sums {
        var sum: [Double]
        var count: [Int]
        var ready = false
        init(k: Int, d: Int) {
            sum = [Double](repeating: 0, count: k * d)
            count = [Int](repeating: 0, count: k)
        }
    }

    /// The points whose label `assign` changed, with their old label, per chunk of points (the
    /// chunks and the order within each do not depend on the thread count, so applying them is
    /// the same sequence of additions whatever the thread count).
    /// Each chunk's list is written by one thread through the buffer's pointer, never through
    /// a shared Swift array (concurrent writes to one array are a data race even at distinct
    /// indices).
    final class Moves: @unchecked Sendable {
        let perChunk: Buffer<[Int32]>
        init(chunks: Int) { perChunk = Buffer(chunks, []) }
    }

    /// Lloyd iterations until the labels stop changing, the centres move less than the
    /// tolerance, or `maxIterations`; with distance bounds when enabled.
    func lloyd(k: Int, centres: inout Buffer<Float>, labels: inout Buffer<Int32>, limit: Int? = nil) -> Int {
        let tolerance = options.tolerance * meanVariance()
        let bounds: Bounds? = options.useBounds && k > 1 ? Bounds(n: n, k: k, groupSize: boundGroupSize(k: k)) : nil
        for i in 0..<n { labels[i] = -1 }
        var sums = Sums(k: k, d: d)
        var iterations = 0
        var strict = false
        var firstPass = true
        while iterations < (limit ?? options.maxIterations) {
            iterations += 1
            let moves = Moves(chunks: (n + pointChunk - 1) / pointChunk)
            let changed = assign(k: k, centres: centres, labels: labels, bounds: bounds, full: firstPass, moves: moves)
            firstPass = false
            if changed == 0 {
                strict = true
                break
            }
            let shift = update(k: k, centres: &centres, labels: labels, bounds: bounds, sums: &sums, moves: moves)
            if shift <= tolerance { break }
        }
        if !strict {
            // Labels for the final centres, as scikit-learn's last E-step.
            _ = assign(k: k, centres: centres, labels: labels, bounds: bounds, full: bounds == nil)
        }
        return iterations
    }

    /// scikit-learn's tolerance scale: the mean of the per-dimension variances.
    func meanVariance() -> Double {
        var mean = [Double](repeating: 0, count: d)
        var sq = 0.0
        for i in 0..<n {
            let row = x + i * d
            for t in 0..<d { mean[t] += Double(row[t]) }
            sq += Double(xnorm[i])
        }
        var meanSq = 0.0
        for t in 0..<d { meanSq += (mean[t] / Double(n)) * (mean[t] / Double(n)) }
        return max(0, (sq / Double(n) - meanSq) / Double(d))
    }

    /// Assigns every point its nearest centre; returns how many labels changed, and records
    /// the changes in `moves`. With bounds, the first pass searches every centre and sets them;
    /// later passes search only where the bounds allow a nearer centre.
    @discardableResult
    func assign(k: Int, centres: Buffer<Float>, labels: Buffer<Int32>, bounds: Bounds?, full: Bool = true,
                moves: Moves? = nil) -> Int {
        let x = self.x
        let d = self.d
        let xnorm = self.xnorm
        let cnorm = Buffer<Float>(k, 0)
        clio_row_sqnorms(centres.p, k, d, cnorm.p)
        let chunks = (n + pointChunk - 1) / pointChunk
        let changedPerChunk = Buffer<Int>(chunks, 0)
        Parallel.chunks(n, size: pointChunk, threads: threads) { chunk, r in
            var moved = [Int32](repeating: 0, count: 2 * r.count)
            let count: Int = moved.withUnsafeMutableBufferPointer { mp in
                let mp = mp.baseAddress!
                if let bounds {
                    let assignStep = full ? clio_assign_full : clio_assign_bounded
                    return assignStep(x, xnorm.p, r.lowerBound, r.upperBound, d, centres.p, cnorm.p, k,
                                      bounds.groupSize, bounds.groups, labels.p, bounds.upper.p, bounds.lower.p, mp)
                }
                var best = [Int32](repeating: 0, count: r.count)
                var b1 = [Float](repeating: 0, count: r.count)
                clio_nearest(x + r.lowerBound * d, xnorm.p + r.lowerBound, nil, r.count, d, centres.p, cnorm.p, k,
                             &best, &b1, nil)
                var count = 0
                for q in 0..<r.count where labels[r.lowerBound + q] != best[q] {
                    mp[2 * count] = Int32(r.lowerBound + q)
                    mp[2 * count + 1] = labels[r.lowerBound + q]
                    count += 1
                    labels[r.lowerBound + q] = best[q]
                }
                return count
            }
            changedPerChunk[chunk] = count
            if let moves {
                moved.removeSubrange((2 * count)...)
                moves.perChunk[chunk] = moved
            }
        }
        var changed = 0
        for c in 0..<chunks { changed += changedPerChunk[c] }
        return changed
    }

    /// Moves each centre to the mean of its points (re-seeding empty clusters from the points
    /// farthest from their centres) and returns the total squared shift of the centres. The
    /// first call sums every cluster; later ones move only the points in `moves`.
    func update(k: Int, centres: inout Buffer<Float>, labels: Buffer<Int32>, bounds: Bounds?, sums: inout Sums,
                moves: Moves) -> Double {
        let x = self.x
        let d = self.d
        if sums.ready {
            for c in 0..<moves.perChunk.count {
                let chunk = moves.perChunk[c]
                var q = 0
                while q < chunk.count {
                    let i = Int(chunk[q])
                    move(i, from: Int(chunk[q + 1]), to: Int(labels[i]), sums: &sums)
                    q += 2
                }
            }
        } else {
            for i in 0..<n { sums.count[Int(labels[i])] += 1 }
        }
        let empty = (0..<k).filter { sums.count[$0] == 0 }
        if !empty.isEmpty {
            // As scikit-learn: the farthest points, by exact distance to their centre, become the
            // new centres, taken from clusters that keep at least one point.
            var far = (0..<n).map { i in (clio_sqdist(x + i * d, centres.p + Int(labels[i]) * d, d), i) }
            far.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
            var next = 0
            for j in empty {
                while next < far.count && sums.count[Int(labels[far[next].1])] <= 1 { next += 1 }
                guard next < far.count else { break }
                let i = far[next].1
                next += 1
                let from = Int(labels[i])
                labels[i] = Int32(j)
                if sums.ready {
                    move(i, from: from, to: j, sums: &sums)
                } else {
                    sums.count[from] -= 1
                    sums.count[j] += 1
                }
                if let bounds {
                    bounds.upper[i] = .infinity
                    for g in 0..<bounds.groups { bounds.lower[i * bounds.groups + g] = 0 }
                }
            }
        }
        if !sums.ready {
            accumulateAll(k: k, labels: labels, sums: &sums)
            sums.ready = true
        }
        let newCentres = Buffer<Float>(k * d, 0)
        let shifts = Buffer<Double>(k, 0)
        let old = centres
        let cosine = options.cosine
        let sum = sums.sum
        let count = sums.count
        Parallel.chunks(k, size: 8, threads: threads) { _, r in
            for j in r {
                let row = newCentres.p + j * d
                if count[j] == 0 {
                    row.update(from: old.p + j * d, count: d)
                    continue
                }
                var norm = 0.0
                for t in 0..<d {
                    let v = sum[j * d + t] / Double(count[j])
                    norm += v * v
                }
                let scale = (cosine && norm > 0 ? 1 / norm.squareRoot() : 1) / Double(count[j])
                for t in 0..<d { row[t] = Float(sum[j * d + t] * scale) }
                shifts[j] = Double(clio_sqdist(row, old.p + j * d, d))
            }
        }
        centres = newCentres
        var total = 0.0
        for j in 0..<k { total += shifts[j] }
        if let bounds {
            let shift = Buffer<Float>(k, 0)
            let groupShift = Buffer<Float>(bounds.groups, 0)
            for j in 0..<k {
                // Rounded up a little: a bound must never end up tighter than the truth.
                shift[j] = Float(shifts[j].squareRoot()) * 1.0001
                let g = j / bounds.groupSize
                groupShift[g] = max(groupShift[g], shift[j])
            }
            Parallel.chunks(n, size: pointChunk * 4, threads: threads) { _, r in
                clio_bounds_shift(r.lowerBound, r.upperBound, labels.p, bounds.upper.p, bounds.lower.p, bounds.groups,
                                  shift.p, groupShift.p)
            }
        }
        return total
    }

    /// Moves point `i`'s contribution from cluster `from` to cluster `to`.
    @inline(__always)
    func move(_ i: Int, from: Int, to: Int, sums: inout Sums) {
        guard from != to else { return }
        sums.count[from] -= 1
        sums.count[to] += 1
        sums.sum.withUnsafeMutableBufferPointer { s in
            clio_move_point(x + i * d, d, s.baseAddress! + from * d, s.baseAddress! + to * d)
        }
    }

    /// Sums every cluster from scratch, each in point order (a counting sort of the members),
    /// so the result does not depend on the thread count.
    func accumulateAll(k: Int, labels: Buffer<Int32>, sums: inout Sums) {
        let x = self.x
        let d = self.d
        var start = [Int](repeating: 0, count: k + 1)
        for j in 0..<k { start[j + 1] = start[j] + sums.count[j] }
        var fill = start
        let members = Buffer<Int32>(n, 0)
        for i in 0..<n {
            let j = Int(labels[i])
            members[fill[j]] = Int32(i)
            fill[j] += 1
        }
        sums.sum.withUnsafeMutableBufferPointer { s in
            let s = s.baseAddress!
            let sp = UnsafeMutableSendablePointer(s)
            Parallel.chunks(k, size: 8, threads: threads) { _, r in
                for j in r {
                    let row = sp.p + j * d
                    for t in 0..<d { row[t] = 0 }
                    clio_accumulate(x, d, members.p + start[j], start[j + 1] - start[j], row)
                }
            }
        }
    }

    // MARK: mini-batch

    /// Mini-batch k-means (Sculley 2010, as scikit-learn): each step assigns a random batch and
    /// moves each centre towards its batch points with a per-centre learning rate 1/count. Stops
    /// when the smoothed batch inertia has not improved for 10 steps, or after `maxIterations`
    /// passes over the data.
    func miniBatch(k: Int, centres: Buffer<Float>) -> Int {
        let batch = min(options.batchSize, n)
        let maxSteps = max(1, options.maxIterations * n / batch)
        var weights = [Double](repeating: 0, count: k)
        let cnorm = Buffer<Float>(k, 0)
        var rows = [Int32](repeating: 0, count: batch)
        var best = [Int32](repeating: 0, count: batch)
        var b1 = [Float](repeating: 0, count: batch)
        var ewa = -1.0
        var bestEwa = Double.infinity
        var noImprovement = 0
        let alpha = min(1.0, Double(batch) * 2 / Double(n + 1))
        var steps = 0
        var sums = [Double](repeating: 0, count: k * d)
        var counts = [Int](repeating: 0, count: k)
        while steps < maxSteps {
            steps += 1
            for q in 0..<batch { rows[q] = Int32(rng.next() % UInt64(n)) }
            clio_row_sqnorms(centres.p, k, d, cnorm.p)
            let slice = max(32, (batch + threads - 1) / threads)
            rows.withUnsafeBufferPointer { rp in
                best.withUnsafeMutableBufferPointer { bp in
                    b1.withUnsafeMutableBufferPointer { dp in
                        let rp = rp.baseAddress!
                        let bp = bp.baseAddress!
                        let dp = dp.baseAddress!
                        Parallel.chunks(batch, size: slice, threads: threads) { _, r in
                            clio_nearest(self.x, self.xnorm.p, rp + r.lowerBound, r.count, self.d, centres.p, cnorm.p, k,
                                         bp + r.lowerBound, dp + r.lowerBound, nil)
                        }
                    }
                }
            }
            var inertia = 0.0
            for q in 0..<batch {
                let j = Int(best[q])
                inertia += Double(b1[q])
                if counts[j] == 0 { for t in 0..<d { sums[j * d + t] = 0 } }
                counts[j] += 1
                let row = x + Int(rows[q]) * d
                for t in 0..<d { sums[j * d + t] += Double(row[t]) }
            }
            for j in 0..<k where counts[j] > 0 {
                let w = weights[j] + Double(counts[j])
                let row = centres.p + j * d
                var norm = 0.0
                for t in 0..<d {
                    let v = (Double(row[t]) * weights[j] + sums[j * d + t]) / w
                    row[t] = Float(v)
                    norm += v * v
                }
                if options.cosine && norm > 0 {
                    let s = Float(1 / norm.squareRoot())
                    for t in 0..<d { row[t] *= s }
                }
                weights[j] = w
                counts[j] = 0
            }
            inertia /= Double(batch)
            ewa = ewa < 0 ? inertia : ewa * (1 - alpha) + inertia * alpha
            if ewa < bestEwa {
                bestEwa = ewa
                noImprovement = 0
            } else {
                noImprovement += 1
                if noImprovement >= 10 { break }
            }
        }
        return steps
    }

    // MARK: result

    func finish(k: Int, centres: Buffer<Float>, labels: Buffer<Int32>, iterations: Int, miniBatch: Bool,
                seeding: Double, iterating: Double) -> KMeansResult {
        var counts = [Int](repeating: 0, count: k)
        for i in 0..<n { counts[Int(labels[i])] += 1 }
        // Empty clusters (fewer distinct points than k) are dropped and the rest renumbered.
        var renumber = [Int32](repeating: -1, count: k)
        var kept = 0
        for j in 0..<k where counts[j] > 0 {
            renumber[j] = Int32(kept)
            kept += 1
        }
        var centroids = [Float](repeating: 0, count: kept * d)
        var sizes = [Int](repeating: 0, count: kept)
        for j in 0..<k where renumber[j] >= 0 {
            let r = Int(renumber[j])
            sizes[r] = counts[j]
            for t in 0..<d { centroids[r * d + t] = centres[j * d + t] }
        }
        let distances = Buffer<Float>(n, 0)
        let assignments = Buffer<Int32>(n, 0)
        let x = self.x
        let d = self.d
        Parallel.chunks(n, size: pointChunk, threads: threads) { _, r in
            for i in r {
                let j = Int(labels[i])
                assignments[i] = renumber[j]
                distances[i] = clio_sqdist(x + i * d, centres.p + j * d, d).squareRoot()
            }
        }
        var inertia = 0.0
        for i in 0..<n { inertia += Double(distances[i]) * Double(distances[i]) }
        var result = KMeansResult(centroids: centroids, k: kept, dimension: d, assignments: assignments.array,
                                  distances: distances.array, inertia: inertia, iterations: iterations)
        result.sizes = sizes
        result.usedMiniBatch = miniBatch
        result.seedingSeconds = seeding
        result.iterationSeconds = iterating
        return result
    }
}

