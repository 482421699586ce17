import ClioCluster
import Foundation

/// How clusters are grouped into levels.
public struct HierarchyOptions: Sendable {
    /// Stop when at most this many clusters remain at the top.
    public var top = 10
    /// About this many children per parent: decides how many levels there are.
    public var childrenPerParent = 10
    /// At most this many levels, the base level included; nil for no limit.
    public var maxLevels: Int?
    public var seed: UInt64 = 0
    public init() {}

    /// Up to this many clusters a level is grouped by the chosen method (`CentroidGrouper`);
    /// above it by k-means on the centres, whose cost grows only linearly with the count.
    public static let wardLimit = 4000

    /// The number of grouping rounds for `base` clusters: enough for about `childrenPerParent`
    /// children per parent on the way from `base` to `top`, within `maxLevels`.
    public func rounds(base: Int) -> Int {
        guard base > max(top, 1) else { return 0 }
        let ratio = Double(base) / Double(max(top, 1))
        var rounds = max(1, Int((log(ratio) / log(Double(max(childrenPerParent, 2)))).rounded(.up)))
        if let maxLevels { rounds = min(rounds, maxLevels - 1) }
        return rounds
    }

    /// The number of clusters round `round` (1-based) aims for: the Clio paper's geometric
    /// sequence from `base` to `top`, n_l = base · (top / base)^(l / rounds), so every level
    /// shrinks by the same ratio. Rounds past the planned ones aim straight at `top`.
    public func target(round: Int, base: Int) -> Int {
        let planned = rounds(base: base)
        guard planned > 0, round < planned else { return max(top, 1) }
        let ratio = Double(max(top, 1)) / Double(base)
        return max(max(top, 1), Int((Double(base) * pow(ratio, Double(round) / Double(planned))).rounded()))
    }
}

/// The clusters of one level as a grouper sees them.
public struct LevelClusters: Sendable {
    public var labels: [ClusterLabel]
    /// Centres, one per cluster.
    public var centres: [[Float]]
    /// Conversations per cluster.
    public var sizes: [Int]
    /// Member vectors (row-major) with the position of each one's cluster, −1 for a vector
    /// of no cluster of this level (it still takes part in k-means), drawn on request; nil
    /// when only centres are known.
    public var members: (@Sendable () -> (vectors: [Float], cluster: [Int32]))?

    public init(labels: [ClusterLabel], centres: [[Float]], sizes: [Int], members: (@Sendable () -> (vectors: [Float], cluster: [Int32]))? = nil) {
        self.labels = labels
        self.centres = centres
        self.sizes = sizes
        self.members = members
    }
}

/// Groups the clusters of one level into parents.
public protocol LevelGrouper: Sendable {
    /// About `desired` groups of positions in `level`, every position in exactly one group, in
    /// order of their first member. A group of one means the cluster is carried up unchanged.
    func group(_ level: LevelClusters, desired: Int, seed: UInt64) throws -> [[Int]]
}

/// How the offline grouping groups a level (docs/label.md compares them).
public enum GroupingMethod: String, Sendable, CaseIterable {
    /// Ward's method on the centres, weighted by size.
    case ward
    /// Agglomerative, average linkage on cosine distances between size-weighted centres.
    case average
    /// Agglomerative, complete linkage on cosine distances between centres.
    case complete
    /// Spherical k-means on the centres, each weighted by its size.
    case spherical
    /// k-means on the member vectors; each cluster joins the group most of its members chose.
    case members
}

/// The offline grouping of a level's clusters (`method`). The default, complete linkage on the
/// centres (of vectors centred by language), measured against the other four on the evaluation
/// data and on ShareGPT: the only one whose largest top-level cluster is neither its least pure
/// nor its least coherent on both (docs/label.md).
/// Agglomerative and member methods run up to `HierarchyOptions.wardLimit` clusters, k-means
/// on the centres above it. With `k ≤ count − 1` some group has two members, so the level
/// always shrinks.
public struct CentroidGrouper: LevelGrouper {
    public var method: GroupingMethod

    public init(method: GroupingMethod = .complete) {
        self.method = method
    }

    public func group(_ level: LevelClusters, desired: Int, seed: UInt64) -> [[Int]] {
        let count = level.centres.count
        guard count >= 2, let d = level.centres.first?.count else { return (0..<count).map { [$0] } }
        let k = max(1, min(desired, count - 1))
        let points = level.centres.flatMap { $0 }
        var options = KMeansOptions(k: k)
        options.seed = seed
        // One thread keeps the result independent of the machine's core count.
        options.threads = 1
        let labels: [Int32]
        switch method {
        case _ where count > HierarchyOptions.wardLimit && method != .spherical:
            labels = kmeans(points: points, count: count, dimension: d, options: options).assignments
        case .ward, .average, .complete:
            let linkage: Linkage = method == .ward ? .ward : method == .average ? .average : .complete
            labels = agglomerativeGroups(points: points, weights: level.sizes, dimension: d, k: k, linkage: linkage)
        case .spherical:
            // Weighted by repetition: a centre of a cluster of s conversations counts s times, and
            // equal points always share their nearest centre, so its copies stay together.
            var repeated: [Float] = []
            var first: [Int] = []
            for (i, size) in level.sizes.enumerated() {
                first.append(repeated.count / d)
                for _ in 0..<max(size, 1) { repeated += level.centres[i] }
            }
            options.cosine = true
            let result = kmeans(points: repeated, count: repeated.count / d, dimension: d, options: options)
            labels = first.map { result.assignments[$0] }
        case .members:
            guard let members = level.members?() else {
                return CentroidGrouper(method: .ward).group(level, desired: desired, seed: seed)
            }
            let n = members.cluster.count
            // The k-means result does not depend on the thread count, so this larger job may use every core.
            options.threads = 0
            let result = kmeans(points: members.vectors, count: n, dimension: d, options: options)
            // Each cluster goes where most of its members went (ties: the lower group).
            var votes = [[Int32: Int]](repeating: [:], count: count)
            for (point, cluster) in members.cluster.enumerated() where cluster >= 0 {
                votes[Int(cluster)][result.assignments[point], default: 0] += 1
            }
            let voted = votes.map { v in v.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 0 }
            labels = Self.splitToCount(voted, level: level, k: k)
        }
        return Self.groupsInOrder(labels)
    }

    /// Voting can leave a k-means group without any cluster, which would cost the level a
    /// parent (and merge two topics elsewhere). Until there are `k` groups, the most mixed one
    /// (largest size-weighted spread of its clusters' centres) is split in two by Ward's method.
    static func splitToCount(_ labels: [Int32], level: LevelClusters, k: Int) -> [Int32] {
        var labels = labels
        let d = level.centres.first?.count ?? 0
        func spread(_ members: [Int]) -> Double {
            let total = members.reduce(0.0) { $0 + Double(max(level.sizes[$1], 1)) }
            var mean = [Double](repeating: 0, count: d)
            for i in members { for t in 0..<d { mean[t] += Double(max(level.sizes[i], 1)) * Double(level.centres[i][t]) / total } }
            return members.reduce(0.0) { sum, i in
                var s = 0.0
                for t in 0..<d { s += (Double(level.centres[i][t]) - mean[t]) * (Double(level.centres[i][t]) - mean[t]) }
                return sum + Double(max(level.sizes[i], 1)) * s
            }
        }
        var groups = groupsInOrder(labels)
        while groups.count < k {
            // The most mixed group of two or more clusters; on a tie, the first.
            let splittable = groups.indices.filter { groups[$0].count >= 2 }.map { (index: $0, spread: spread(groups[$0])) }
            guard let worst = splittable.max(by: { $0.spread < $1.spread || ($0.spread == $1.spread && $0.index > $1.index) })?.index else { break }
            let members = groups[worst]
            let halves = wardGroups(points: members.flatMap { level.centres[$0] }, weights: members.map { level.sizes[$0] }, dimension: d, k: 2)
            let fresh = (labels.max() ?? 0) + 1
            for (position, half) in zip(members, halves) where half == 1 { labels[position] = fresh }
            groups = groupsInOrder(labels)
        }
        return labels
    }

    /// Positions grouped by label, groups in order of their first member, so numbering does not
    /// depend on the labels a clustering happened to give.
    static func groupsInOrder(_ assignments: [Int32]) -> [[Int]] {
        var groupOf: [Int32: Int] = [:]
        var groups: [[Int]] = []
        for (position, label) in assignments.enumerated() {
            if let g = groupOf[label] {
                groups[g].append(position)
            } else {
                groupOf[label] = groups.count
                groups.append([position])
            }
        }
        return groups
    }
}

/// The parents built over the base clusters. Nodes `0 ..< baseCount` are the base clusters;
/// the rest are parents in creation order.
public struct Hierarchy: Equatable, Sendable {
    public struct Node: Equatable, Sendable {
        public var level: Int
        /// Node indices; empty for base clusters.
        public var children: [Int]
        public var parent: Int?
        public var size: Int
    }
    public var nodes: [Node]
    public var baseCount: Int
    /// The top-level nodes, in a stable order.
    public var roots: [Int]
    /// The parents made by each grouping round, in order (round 1 first).
    public var rounds: [[Int]]

    /// The base clusters under a node, in node order.
    public func baseClusters(under node: Int) -> [Int] {
        if node < baseCount { return [node] }
        return nodes[node].children.flatMap { baseClusters(under: $0) }
    }
}
