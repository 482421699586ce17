import CClioKernels
import ClioCore
import Testing
@testable import ClioCluster

@Suite struct KMeansTests {
    @Test func theSameSeedGivesTheSameResult() {
        let data = Blobs(n: 600, d: 12, centres: 8, spread: 3, seed: 1)
        var o = KMeansOptions(k: 8)
        o.seed = 42
        let a = kmeans(points: data.points, count: data.n, dimension: data.d, options: o)
        let b = kmeans(points: data.points, count: data.n, dimension: data.d, options: o)
        #expect(a.assignments == b.assignments)
        #expect(a.centroids == b.centroids)
        #expect(a.inertia == b.inertia)
    }

    @Test func theResultDoesNotDependOnTheThreadCount() {
        let data = Blobs(n: 5000, d: 20, centres: 30, spread: 4, seed: 2)
        var o = KMeansOptions(k: 30)
        o.threads = 1
        let one = kmeans(points: data.points, count: data.n, dimension: data.d, options: o)
        o.threads = 3
        let three = kmeans(points: data.points, count: data.n, dimension: data.d, options: o)
        #expect(one.assignments == three.assignments)
        #expect(one.centroids == three.centroids)
    }

    @Test func differentSeedsPickDifferentStartingCentres() {
        // Overlapping blobs: local optima differ, so some seed must give another partition.
        let data = Blobs(n: 400, d: 4, centres: 12, spread: 6, seed: 3)
        var seen = Set<[Int32]>()
        for seed in 0..<6 as Range<UInt64> {
            var o = KMeansOptions(k: 12)
            o.seed = seed
            seen.insert(kmeans(points: data.points, count: data.n, dimension: data.d, options: o).assignments)
        }
        #expect(seen.count > 1)
    }

    @Test func wellSeparatedClustersAreRecoveredExactly() {
        for (k, d) in [(5, 2), (20, 64), (40, 384)] {
            let data = Blobs(n: k * 30, d: d, centres: k, spread: 0.05, seed: UInt64(k))
            let r = kmeans(points: data.points, count: data.n, dimension: data.d, options: KMeansOptions(k: k))
            #expect(samePartition(r.assignments.map(Int.init), data.truth), "k=\(k) d=\(d)")
        }
    }

    @Test func theResultIsALloydFixedPointCheckedByBruteForce() {
        let data = Blobs(n: 700, d: 9, centres: 15, spread: 5, seed: 4)
        let k = 15
        let r = kmeans(points: data.points, count: data.n, dimension: data.d, options: KMeansOptions(k: k))
        let d = data.d
        // Centres are the means of their members, in double precision.
        for j in 0..<r.k {
            let members = (0..<data.n).filter { r.assignments[$0] == j }
            #expect(members.count == r.sizes[j])
            for t in 0..<d {
                let mean = members.reduce(0.0) { $0 + Double(data.points[$1 * d + t]) } / Double(members.count)
                #expect(abs(mean - Double(r.centroids[j * d + t])) < 1e-4)
            }
        }
        // Each point's centre is its nearest, up to float rounding of near-ties.
        var total = 0.0
        for i in 0..<data.n {
            var dist = [Double]()
            for j in 0..<r.k {
                var s = 0.0
                for t in 0..<d {
                    let v = Double(data.points[i * d + t]) - Double(r.centroids[j * d + t])
                    s += v * v
                }
                dist.append(s)
            }
            let own = dist[Int(r.assignments[i])]
            #expect(own <= dist.min()! * (1 + 1e-5) + 1e-9)
            #expect(abs(own.squareRoot() - Double(r.distances[i])) < 1e-3)
            total += own
        }
        #expect(abs(total - r.inertia) <= 1e-5 * total)
        #expect(abs(bruteInertia(data.points, d: d, labels: r.assignments.map(Int.init)) - r.inertia) <= 1e-4 * total)
    }

    @Test func bestOfSeveralSeedsReachesTheExhaustiveOptimum() {
        // 10 points, k = 3: every one of the 3^10 labelings is tried.
        let data = Blobs(n: 10, d: 2, centres: 4, spread: 2, separation: 3, seed: 5)
        var optimum = Double.infinity
        var labels = [Int](repeating: 0, count: 10)
        for code in 0..<59049 {
            var c = code
            for i in 0..<10 {
                labels[i] = c % 3
                c /= 3
            }
            guard Set(labels).count == 3 else { continue }
            optimum = min(optimum, bruteInertia(data.points, d: 2, labels: labels))
        }
        var best = Double.infinity
        for seed in 0..<10 as Range<UInt64> {
            var o = KMeansOptions(k: 3)
            o.seed = seed
            best = min(best, kmeans(points: data.points, count: 10, dimension: 2, options: o).inertia)
        }
        #expect(abs(best - optimum) <= 1e-4 * optimum)
    }

    /// Group size 1 is Elkan's algorithm, k Hamerly's; all must end where plain Lloyd does.
    @Test(arguments: [1, 2, 7, 25])
    func boundedLloydGivesTheSameAssignmentsAsPlainLloyd(groupSize: Int) {
        let data = Blobs(n: 3000, d: 48, centres: 25, spread: 6, seed: 6)
        var o = KMeansOptions(k: 25)
        o.useBounds = false
        let plain = kmeans(points: data.points, count: data.n, dimension: data.d, options: o)
        o.useBounds = true
        o.boundGroupSize = groupSize
        let bounded = kmeans(points: data.points, count: data.n, dimension: data.d, options: o)
        let differing = zip(plain.assignments, bounded.assignments).filter { $0 != $1 }.count
        #expect(differing <= data.n / 1000)
        #expect(abs(plain.inertia - bounded.inertia) <= 1e-4 * plain.inertia)
    }

    /// The bounded assignment step on its own: centres moved at random between passes, the
    /// bounds moved by the true shifts, and every label checked against a full search.
    @Test(arguments: [1, 3, 40])
    func boundedAssignmentFindsTheNearestCentreAfterTheCentresMove(groupSize: Int) {
        let (n, d, k) = (500, 24, 40)
        let data = Blobs(n: n + k, d: d, centres: 8, spread: 3, seed: UInt64(groupSize))
        let x = Array(data.points[0..<(n * d)])
        var c = Array(data.points[(n * d)...])
        var rng = SeededGenerator(seed: 11)
        for scalar in [0, 1] as [Int32] {
            clio_kmeans_force_scalar(scalar)
            defer { clio_kmeans_force_scalar(0) }
            if scalar == 1 { #expect(clio_kmeans_simd_level() == 0) }
            let groups = (k + groupSize - 1) / groupSize
            var xn = [Float](repeating: 0, count: n)
            clio_row_sqnorms(x, n, d, &xn)
            var labels = [Int32](repeating: -1, count: n)
            var upper = [Float](repeating: 0, count: n)
            var lower = [Float](repeating: 0, count: n * groups)
            var moved = [Int32](repeating: 0, count: 2 * n)
            var searchedPasses = 0
            for pass in 0..<12 {
                var cn = [Float](repeating: 0, count: k)
                clio_row_sqnorms(c, k, d, &cn)
                let changed = pass == 0
                    ? clio_assign_full(x, xn, 0, n, d, c, cn, k, groupSize, groups, &labels, &upper, &lower, &moved)
                    : clio_assign_bounded(x, xn, 0, n, d, c, cn, k, groupSize, groups, &labels, &upper, &lower, &moved)
                if pass > 0 && changed > 0 { searchedPasses += 1 }
                for i in 0..<n {
                    let dist = (0..<k).map { j in
                        (0..<d).reduce(0.0) { s, t in
                            let v = Double(x[i * d + t]) - Double(c[j * d + t])
                            return s + v * v
                        }.squareRoot()
                    }
                    let nearest = dist.min()!
                    #expect(dist[Int(labels[i])] <= nearest * 1.0002 + 1e-6, "pass \(pass) point \(i)")
                    #expect(upper[i] >= Float(dist[Int(labels[i])]) * 0.9999 - 1e-5)
                    for j in 0..<k where j != Int(labels[i]) {
                        #expect(lower[i * groups + j / groupSize] <= Float(dist[j]) * 1.0001 + 1e-5)
                    }
                }
                // Move every centre a little, by different amounts, and the bounds with them.
                var shift = [Float](repeating: 0, count: k)
                var groupShift = [Float](repeating: 0, count: groups)
                for j in 0..<k {
                    let scale = Float(rng.next() % 100) / 400
                    var sq: Float = 0
                    for t in 0..<d {
                        let delta = scale * (Float(rng.next() % 2001) / 1000 - 1)
                        c[j * d + t] += delta
                        sq += delta * delta
                    }
                    shift[j] = Float(sq.squareRoot()) * 1.0001
                    groupShift[j / groupSize] = max(groupShift[j / groupSize], shift[j])
                }
                clio_bounds_shift(0, n, labels, &upper, &lower, groups, shift, groupShift)
            }
            #expect(searchedPasses > 0)
        }
    }

    @Test func nearestCentreKernelMatchesBruteForce() {
        for (n, d, k) in [(37, 5, 7), (100, 384, 300), (9, 16, 1), (64, 33, 260)] {
            let data = Blobs(n: n + k, d: d, centres: 5, spread: 3, seed: UInt64(d))
            let x = Array(data.points[0..<(n * d)])
            let c = Array(data.points[(n * d)...])
            for scalar in [0, 1] as [Int32] {
                clio_kmeans_force_scalar(scalar)
                if scalar == 1 { #expect(clio_kmeans_simd_level() == 0) }
                var xn = [Float](repeating: 0, count: n)
                var cn = [Float](repeating: 0, count: k)
                clio_row_sqnorms(x, n, d, &xn)
                clio_row_sqnorms(c, k, d, &cn)
                var best = [Int32](repeating: 0, count: n)
                var b1 = [Float](repeating: 0, count: n)
                var b2 = [Float](repeating: 0, count: n)
                clio_nearest(x, xn, nil, n, d, c, cn, k, &best, &b1, &b2)
                for i in 0..<n {
                    var dist = (0..<k).map { j in
                        (0..<d).reduce(0.0) { s, t in
                            let v = Double(x[i * d + t]) - Double(c[j * d + t])
                            return s + v * v
                        }
                    }
                    let scale = 1e-4 * (Double(xn[i]) + 1)
                    let nearest = dist.min()!
                    #expect(abs(dist[Int(best[i])] - nearest) <= scale, "n=\(n) d=\(d) k=\(k) scalar=\(scalar)")
                    #expect(abs(Double(b1[i]) - nearest) <= scale)
                    dist.remove(at: Int(best[i]))
                    if k > 1 { #expect(abs(Double(b2[i]) - dist.min()!) <= scale) } else { #expect(b2[i] == .infinity) }
                }
            }
            clio_kmeans_force_scalar(0)
        }
    }

    @Test func halfPrecisionSeedingFindsAsGoodASolution() {
        let data = Blobs(n: 4000, d: 64, centres: 50, spread: 4, seed: 9)
        var o = KMeansOptions(k: 50)
        o.halfPrecisionSeeding = false
        let single = kmeans(points: data.points, count: data.n, dimension: data.d, options: o)
        o.halfPrecisionSeeding = true
        let half = kmeans(points: data.points, count: data.n, dimension: data.d, options: o)
        #expect(abs(half.inertia / single.inertia - 1) < 0.02)
        // Centres start as data points even when chosen from half-precision distances.
        #expect(half.inertia <= bruteInertia(data.points, d: data.d, labels: half.assignments.map(Int.init)) * (1 + 1e-5))
    }

    @Test func miniBatchInertiaIsWithinAFewPercentOfLloyd() {
        let data = Blobs(n: 20000, d: 16, centres: 40, spread: 2, separation: 3, seed: 7)
        var o = KMeansOptions(k: 40)
        let full = kmeans(points: data.points, count: data.n, dimension: data.d, options: o)
        o.miniBatch = true
        let mini = kmeans(points: data.points, count: data.n, dimension: data.d, options: o)
        #expect(mini.usedMiniBatch)
        #expect(!full.usedMiniBatch)
        #expect(mini.inertia <= full.inertia * 1.03)
    }

    @Test func cosineModeClustersDirectionsNotLengths() {
        let base = Blobs(n: 300, d: 10, centres: 6, spread: 0.05, seed: 8)
        // Scale every point by a different positive factor: directions, and so clusters, stay.
        var scaled = base.points
        for i in 0..<base.n { for t in 0..<base.d { scaled[i * base.d + t] *= Float(1 + (i * 7919) % 13) } }
        var o = KMeansOptions(k: 6)
        o.cosine = true
        let r = kmeans(points: scaled, count: base.n, dimension: base.d, options: o)
        #expect(samePartition(r.assignments.map(Int.init), base.truth))
        for j in 0..<r.k {
            let norm = (0..<base.d).reduce(Float(0)) { $0 + r.centroids[j * base.d + $1] * r.centroids[j * base.d + $1] }
            #expect(abs(norm - 1) < 1e-4)
        }
        // Distances are between the normalised point and its centre.
        let i = 17
        let row = (0..<base.d).map { scaled[i * base.d + $0] }
        let len = row.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        let j = Int(r.assignments[i])
        let expected = (0..<base.d).reduce(Float(0)) { s, t in
            let v = row[t] / len - r.centroids[j * base.d + t]
            return s + v * v
        }.squareRoot()
        #expect(abs(expected - r.distances[i]) < 1e-5)
    }

    @Test func moreClustersThanPointsGivesOneClusterPerPoint() {
        let points: [Float] = [0, 0, 5, 5, 10, 0]
        let r = kmeans(points: points, count: 3, dimension: 2, options: KMeansOptions(k: 10))
        #expect(r.k == 3)
        #expect(Set(r.assignments) == [0, 1, 2])
        #expect(r.inertia == 0)
    }

    @Test func identicalPointsFormOneCluster() {
        let points = [Float](repeating: 1.5, count: 50 * 3)
        let r = kmeans(points: points, count: 50, dimension: 3, options: KMeansOptions(k: 4))
        #expect(r.k == 1)
        #expect(r.sizes == [50])
        #expect(r.assignments.allSatisfy { $0 == 0 })
        #expect(r.distances.allSatisfy { $0 == 0 })
    }

    @Test func duplicatePointsCountAsOneDistinctPoint() {
        // Two distinct points, each repeated: k = 3 can only fill two clusters.
        var points = [Float]()
        for i in 0..<20 { points += i % 2 == 0 ? [1, 2] : [-4, 0] }
        let r = kmeans(points: points, count: 20, dimension: 2, options: KMeansOptions(k: 3))
        #expect(r.k == 2)
        #expect(r.sizes.sorted() == [10, 10])
        #expect(r.inertia == 0)
    }

    @Test func aSinglePointIsItsOwnCluster() {
        let r = kmeans(points: [3, 4], count: 1, dimension: 2, options: KMeansOptions(k: 5))
        #expect(r.k == 1)
        #expect(r.assignments == [0])
        #expect(r.centroids == [3, 4])
        #expect(r.distances == [0])
    }
}
