import ClioCore
import Testing
@testable import ClioLabel

@Suite struct WardTests {
    /// Textbook Ward: merge the cheapest pair, recompute, repeat; O(n³), obviously right.
    func naiveWard(_ points: [[Double]], _ weights: [Double], k: Int) -> Set<Set<Int>> {
        var groups = points.indices.map { (members: Set([$0]), centre: points[$0], weight: weights[$0]) }
        while groups.count > k {
            var best = (0, 1, Double.infinity)
            for i in groups.indices {
                for j in groups.indices where j > i {
                    let d = zip(groups[i].centre, groups[j].centre).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
                    let cost = groups[i].weight * groups[j].weight / (groups[i].weight + groups[j].weight) * d
                    if cost < best.2 { best = (i, j, cost) }
                }
            }
            let (i, j, _) = best
            let w = groups[i].weight + groups[j].weight
            let centre = zip(groups[i].centre, groups[j].centre).map {
                ($0 * groups[i].weight + $1 * groups[j].weight) / w
            }
            groups[i] = (groups[i].members.union(groups[j].members), centre, w)
            groups.remove(at: j)
        }
        return Set(groups.map(\.members))
    }

    @Test func wardGroupsMatchTheTextbookAlgorithm() {
        var rng = SeededGenerator(seed: 5)
        for trial in 0..<20 {
            let n = 6 + trial, d = 3
            let points = (0..<n).map { _ in (0..<d).map { _ in Double(rng.next() >> 11) / Double(1 << 53) } }
            let weights = (0..<n).map { _ in Int(rng.next() % 9) + 1 }
            for k in [1, 2, n / 3, n - 1] where k >= 1 {
                let labels = wardGroups(
                    points: points.flatMap { $0.map(Float.init) }, weights: weights, dimension: d, k: k)
                var byLabel: [Int32: Set<Int>] = [:]
                for (i, l) in labels.enumerated() { byLabel[l, default: []].insert(i) }
                let expected = naiveWard(points.map { $0.map { Double(Float($0)) } }, weights.map(Double.init), k: k)
                #expect(Set(byLabel.values) == expected, "trial \(trial), k \(k)")
            }
        }
    }

    /// Textbook average and complete linkage on explicit groups: O(n³), obviously right.
    func naiveLinkage(_ points: [[Double]], _ weights: [Double], k: Int, linkage: Linkage) -> Set<Set<Int>> {
        func distance(_ i: Int, _ j: Int) -> Double {
            let dot = zip(points[i], points[j]).reduce(0) { $0 + $1.0 * $1.1 }
            let ni = points[i].reduce(0) { $0 + $1 * $1 }.squareRoot(), nj = points[j].reduce(0) { $0 + $1 * $1 }.squareRoot()
            return 1 - dot / (ni * nj)
        }
        func between(_ a: Set<Int>, _ b: Set<Int>) -> Double {
            if linkage == .complete { return a.flatMap { i in b.map { distance(i, $0) } }.max()! }
            let total = a.flatMap { i in b.map { weights[i] * weights[$0] * distance(i, $0) } }.reduce(0, +)
            return total / (a.reduce(0) { $0 + weights[$1] } * b.reduce(0) { $0 + weights[$1] })
        }
        var groups = points.indices.map { Set([$0]) }
        while groups.count > k {
            var best = (0, 1, Double.infinity)
            for i in groups.indices {
                for j in groups.indices where j > i {
                    let d = between(groups[i], groups[j])
                    if d < best.2 { best = (i, j, d) }
                }
            }
            groups[best.0].formUnion(groups[best.1])
            groups.remove(at: best.1)
        }
        return Set(groups)
    }

    @Test func averageAndCompleteLinkageMatchTheTextbookAlgorithm() {
        var rng = SeededGenerator(seed: 11)
        for trial in 0..<12 {
            let n = 5 + trial, d = 4
            let points = (0..<n).map { _ in (0..<d).map { _ in Double(rng.next() >> 11) / Double(1 << 53) - 0.3 } }
            let weights = (0..<n).map { _ in Int(rng.next() % 9) + 1 }
            let floats = points.map { $0.map(Float.init) }
            for linkage in [Linkage.average, .complete] {
                for k in [1, 2, n / 2, n - 1] where k >= 1 {
                    let labels = agglomerativeGroups(points: floats.flatMap { $0 }, weights: weights, dimension: d, k: k, linkage: linkage)
                    var byLabel: [Int32: Set<Int>] = [:]
                    for (i, l) in labels.enumerated() { byLabel[l, default: []].insert(i) }
                    let expected = naiveLinkage(floats.map { $0.map(Double.init) }, weights.map(Double.init), k: k, linkage: linkage)
                    #expect(Set(byLabel.values) == expected, "\(linkage), trial \(trial), k \(k)")
                }
            }
        }
    }

    @Test func labelsAreNumberedByFirstAppearance() {
        let labels = wardGroups(points: [0, 10, 0.1, 10.1], weights: [1, 1, 1, 1], dimension: 1, k: 2)
        #expect(labels == [0, 1, 0, 1])
    }
}

@Suite struct GroupingMethodTests {
    /// Three directions, three clusters along each; sizes vary.
    func level(members: Bool) -> LevelClusters {
        var centres: [[Float]] = []
        var sizes: [Int] = []
        for axis in 0..<3 {
            for i in 0..<3 {
                var c: [Float] = [0.1, 0.1, 0.1]
                c[axis] = 1 + Float(i) * 0.05
                centres.append(c)
                sizes.append(1 + i * 4)
            }
        }
        let labels = centres.indices.map { ClusterLabel(name: "c\($0)", description: "") }
        guard members else { return LevelClusters(labels: labels, centres: centres, sizes: sizes) }
        // Members scattered tightly around each centre.
        let vectors = centres.enumerated().flatMap { i, c in (0..<sizes[i]).flatMap { j in c.map { $0 + Float(j % 3) * 0.001 } } }
        let owners = sizes.enumerated().flatMap { i, s in [Int32](repeating: Int32(i), count: s) }
        return LevelClusters(labels: labels, centres: centres, sizes: sizes, members: { (vectors, owners) })
    }

    @Test func everyMethodFindsTheThreeDirections() {
        for method in GroupingMethod.allCases {
            let groups = CentroidGrouper(method: method).group(level(members: true), desired: 3, seed: 1)
            #expect(groups == [[0, 1, 2], [3, 4, 5], [6, 7, 8]], "\(method)")
        }
    }

    @Test func everyMethodShrinksTheLevelAndCoversEveryCluster() {
        var rng = SeededGenerator(seed: 2)
        for method in GroupingMethod.allCases {
            for trial in 0..<10 {
                let n = 2 + trial * 3
                let centres = (0..<n).map { _ in (0..<3).map { _ in Float(rng.next() >> 40) / Float(1 << 24) } }
                let sizes = (0..<n).map { _ in Int(rng.next() % 5) + 1 }
                let vectors = centres.enumerated().flatMap { i, c in (0..<sizes[i]).flatMap { _ in c } }
                let owners = sizes.enumerated().flatMap { i, s in [Int32](repeating: Int32(i), count: s) }
                let level = LevelClusters(labels: [], centres: centres, sizes: sizes, members: { (vectors, owners) })
                let groups = CentroidGrouper(method: method).group(level, desired: max(1, n / 3), seed: UInt64(trial))
                #expect(Labeler.isPartition(groups, of: n), "\(method) trial \(trial)")
                #expect(groups.count < n && groups.count <= max(1, n / 3), "\(method) trial \(trial): \(groups.count) groups")
            }
        }
    }

    @Test func aGroupTheVoteLeftEmptyIsMadeUpBySplittingTheMostMixedGroup() {
        // Group 0 holds two far-apart pairs, group 1 two near clusters; three groups are wanted.
        let centres: [[Float]] = [[0, 0], [0, 0.1], [5, 5], [5, 5.1], [9, 0], [9, 0.05]]
        let level = LevelClusters(labels: [], centres: centres, sizes: [1, 1, 1, 1, 1, 1])
        let labels = CentroidGrouper.splitToCount([0, 0, 0, 0, 1, 1], level: level, k: 3)
        #expect(CentroidGrouper.groupsInOrder(labels) == [[0, 1], [2, 3], [4, 5]])
        // Enough groups already: nothing changes.
        #expect(CentroidGrouper.splitToCount([0, 0, 1, 1, 2, 2], level: level, k: 3) == [0, 0, 1, 1, 2, 2])
    }

    @Test func memberGroupingWithoutMembersFallsBackToWard() {
        let plain = level(members: false)
        #expect(CentroidGrouper(method: .members).group(plain, desired: 3, seed: 1)
            == CentroidGrouper(method: .ward).group(plain, desired: 3, seed: 1))
    }
}
