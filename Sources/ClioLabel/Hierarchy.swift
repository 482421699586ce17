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

    /// Up to this many clusters a level is grouped by Ward's method (even, compact groups);
    /// above it by k-means, whose cost grows only linearly with the count.
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
}

/// Groups the clusters of one level into parents.
public protocol LevelGrouper: Sendable {
    /// About `desired` groups of positions in `level`, every position in exactly one group, in
    /// order of their first member. A group of one means the cluster is carried up unchanged.
    func group(_ level: LevelClusters, desired: Int, seed: UInt64) throws -> [[Int]]
}

/// The offline grouping: the level's centres grouped by Ward's method (k-means above
/// `HierarchyOptions.wardLimit` clusters), weighted by size. With `k ≤ count − 1` some group has
/// two members, so the level always shrinks.
public struct CentroidGrouper: LevelGrouper {
    public init() {}

    public func group(_ level: LevelClusters, desired: Int, seed: UInt64) -> [[Int]] {
        let count = level.centres.count
        guard count >= 2, let d = level.centres.first?.count else { return (0..<count).map { [$0] } }
        let k = max(1, min(desired, count - 1))
        let points = level.centres.flatMap { $0 }
        let labels: [Int32]
        if count <= HierarchyOptions.wardLimit {
            labels = wardGroups(points: points, weights: level.sizes, dimension: d, k: k)
        } else {
            var options = KMeansOptions(k: k)
            options.seed = seed
            // One thread keeps the result independent of the machine's core count.
            options.threads = 1
            labels = kmeans(points: points, count: count, dimension: d, options: options).assignments
        }
        return Self.groupsInOrder(labels)
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
