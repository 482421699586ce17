import ClioCluster

/// How clusters are grouped into levels.
public struct HierarchyOptions: Sendable {
    /// Stop when at most this many clusters remain at the top.
    public var top = 10
    /// About this many children per parent.
    public var childrenPerParent = 10
    /// At most this many levels, the base level included; nil for no limit.
    public var maxLevels: Int?
    public var seed: UInt64 = 0
    public init() {}

    /// Up to this many clusters a level is grouped by Ward's method (even, compact groups);
    /// above it by k-means, whose cost grows only linearly with the count.
    public static let wardLimit = 4000

    static func groupLabels(points: [Float], weights: [Int], dimension d: Int, k: Int, seed: UInt64) -> [Int32] {
        if weights.count <= wardLimit {
            return wardGroups(points: points, weights: weights, dimension: d, k: k)
        }
        var kmOptions = KMeansOptions(k: k)
        kmOptions.seed = seed
        // One thread keeps the result independent of the machine's core count.
        kmOptions.threads = 1
        return kmeans(points: points, count: weights.count, dimension: d, options: kmOptions).assignments
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
    /// The clusters of each level as a partition of all conversations: the base clusters first,
    /// then the top of the hierarchy after each round (new parents and carried clusters).
    public var partitions: [[Int]]

    /// Groups the base clusters (`centroids` is `count × dimension`, row-major) level by level.
    ///
    /// Each round groups the current clusters' centres (Ward's method, k-means above
    /// `HierarchyOptions.wardLimit` clusters) into
    /// `k = max(top, ⌈count / childrenPerParent⌉)`, never more than `count - 1`, so every round
    /// shrinks the level and the loop ends. The round that reaches `maxLevels` uses `k = top`.
    /// A group of one becomes no new node: that cluster is carried up as it is and re-parented
    /// by a later round (or stays at the top), so there are never chains of single-child parents.
    /// A parent's centre is the size-weighted mean of its children's centres, which is the mean
    /// of all its conversations.
    public static func build(centroids: [Float], sizes: [Int], dimension d: Int, options: HierarchyOptions) -> Hierarchy {
        let baseCount = sizes.count
        precondition(centroids.count == baseCount * d)
        var nodes = sizes.map { Node(level: 0, children: [], parent: nil, size: $0) }
        var centres = centroids
        var current = Array(0..<baseCount)
        var rounds: [[Int]] = []
        var partitions = [current]
        while current.count > max(options.top, 1) {
            let levelsSoFar = rounds.count + 1
            if let maxLevels = options.maxLevels, levelsSoFar >= maxLevels { break }
            let isLast = options.maxLevels.map { levelsSoFar + 1 == $0 } ?? false
            let perParent = max(options.childrenPerParent, 2)
            var k = isLast ? options.top : max(options.top, (current.count + perParent - 1) / perParent)
            k = max(1, min(k, current.count - 1))

            var points = [Float]()
            points.reserveCapacity(current.count * d)
            for node in current { points.append(contentsOf: centres[node * d ..< (node + 1) * d]) }
            let labels = HierarchyOptions.groupLabels(
                points: points, weights: current.map { nodes[$0].size }, dimension: d, k: k,
                seed: options.seed &+ UInt64(rounds.count))

            // Groups in order of their first member, so numbering does not depend on k-means' labels.
            var groupOf: [Int32: Int] = [:]
            var groups: [[Int]] = []
            for (position, node) in current.enumerated() {
                let label = labels[position]
                if let g = groupOf[label] {
                    groups[g].append(node)
                } else {
                    groupOf[label] = groups.count
                    groups.append([node])
                }
            }
            let level = rounds.count + 1
            var next: [Int] = []
            var made: [Int] = []
            for group in groups {
                if group.count == 1 {
                    next.append(group[0])
                    continue
                }
                let index = nodes.count
                let size = group.reduce(0) { $0 + nodes[$1].size }
                var centre = [Float](repeating: 0, count: d)
                for child in group {
                    nodes[child].parent = index
                    let w = Float(nodes[child].size) / Float(max(size, 1))
                    for t in 0..<d { centre[t] += w * centres[child * d + t] }
                }
                nodes.append(Node(level: level, children: group, parent: nil, size: size))
                centres.append(contentsOf: centre)
                next.append(index)
                made.append(index)
            }
            // k ≤ count - 1 puts two clusters in one group, so this holds; it guards the loop's end.
            precondition(next.count < current.count, "a hierarchy round did not shrink the level")
            rounds.append(made)
            partitions.append(next)
            current = next
        }
        return Hierarchy(nodes: nodes, baseCount: baseCount, roots: current, rounds: rounds, partitions: partitions)
    }

    /// The base clusters under a node, in node order.
    public func baseClusters(under node: Int) -> [Int] {
        if node < baseCount { return [node] }
        return nodes[node].children.flatMap { baseClusters(under: $0) }
    }
}
