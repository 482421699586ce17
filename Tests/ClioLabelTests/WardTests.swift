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

    @Test func labelsAreNumberedByFirstAppearance() {
        let labels = wardGroups(points: [0, 10, 0.1, 10.1], weights: [1, 1, 1, 1], dimension: 1, k: 2)
        #expect(labels == [0, 1, 0, 1])
    }
}
