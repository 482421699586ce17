import ClioCore

/// Settings of one labelling run.
public struct LabelOptions: Sendable {
    public var hierarchy = HierarchyOptions()
    /// Clusters with fewer conversations are withheld (privacy threshold).
    public var minConversations = 1
    /// Clusters with fewer distinct users are withheld (privacy threshold).
    public var minUsers = 1
    /// Write each shown cluster's centre as `centroid`.
    public var includeCentroids = false
    /// Write centroids in the `f32le:` string form.
    public var compactVectors = false
    /// Keywords per cluster in descriptions and parent names.
    public var keywordCount = 4
    public init() {}
}

/// The cluster records and per-conversation assignments of one run.
public struct LabelOutput {
    /// One record per cluster at every level, level 0 first, then the privacy buckets of each level.
    public var clusters: [JSONObject]
    /// `{"id", "cluster", "path"}` per conversation, in input order.
    public var assignments: [JSONObject]
    /// Clusters folded into privacy buckets (each with everything under it counted once).
    public var withheldClusters: Int
    public var withheldConversations: Int
    public var topLevelCount: Int
    public var levelCount: Int
}

/// The label given to the bucket that stands for clusters below the privacy thresholds.
public let withheldBucketName = "Other (below privacy threshold)"

/// Turns clustered conversations into named cluster records over a hierarchy.
public enum Labeler {
    public static func label(_ input: LabelInput, options: LabelOptions, namer: ClusterNamer) throws -> LabelOutput {
        guard input.count > 0 else {
            return LabelOutput(clusters: [], assignments: [], withheldClusters: 0, withheldConversations: 0, topLevelCount: 0, levelCount: 0)
        }
        let (clusterValues, baseOf, baseMembers, baseCentroids) = baseClusters(input)

        let hierarchy = Hierarchy.build(
            centroids: baseCentroids.flatMap { $0 }, sizes: baseMembers.map(\.count), dimension: input.dimension,
            options: options.hierarchy)
        let table = NodeTable(input: input, hierarchy: hierarchy, clusterValues: clusterValues, baseMembers: baseMembers, baseCentroids: baseCentroids)
        let nodeCount = table.ids.count
        let ids = table.ids, members = table.members, centres = table.centres
        let users = members.map { input.distinctUsers($0) }
        let shown = (0..<nodeCount).map {
            hierarchy.nodes[$0].size >= options.minConversations && users[$0] >= options.minUsers
        }

        // Keywords: each round's new clusters against the partition that round made.
        var termCounts = [TermCounts](repeating: [:], count: nodeCount)
        for node in 0..<hierarchy.baseCount { termCounts[node] = input.termCounts(members[node]) }
        var keywords = [[String]](repeating: [], count: nodeCount)
        for (round, partition) in hierarchy.partitions.enumerated() {
            if round > 0 {
                for node in hierarchy.rounds[round - 1] {
                    // Words of withheld children stay out of a parent's keywords when it has shown ones.
                    let children = hierarchy.nodes[node].children
                    let visible = children.filter { shown[$0] }
                    var merged = TermCounts()
                    for child in visible.isEmpty ? children : visible {
                        merged.merge(termCounts[child], uniquingKeysWith: +)
                    }
                    termCounts[node] = merged
                }
            }
            let ranked = KeywordRanker.top(partition.map { termCounts[$0] }, vocabulary: input.vocabulary, limit: options.keywordCount)
            let fresh = round == 0 ? Set(0..<hierarchy.baseCount) : Set(hierarchy.rounds[round - 1])
            for (position, node) in partition.enumerated() where fresh.contains(node) { keywords[node] = ranked[position] }
        }

        // Names, a round at a time so parents see their children's names.
        var labels = [ClusterLabel?](repeating: nil, count: nodeCount)
        let order = [Array(0..<hierarchy.baseCount)] + hierarchy.rounds
        for round in order {
            let batch = round.filter { shown[$0] }
            let requests = batch.map { node -> NamingRequest in
                let children = hierarchy.nodes[node].children.filter { shown[$0] }
                    .sorted { hierarchy.nodes[$0].size != hierarchy.nodes[$1].size ? hierarchy.nodes[$0].size > hierarchy.nodes[$1].size : $0 < $1 }
                // A parent's examples come only from children that are shown.
                let pool = node < hierarchy.baseCount || children.isEmpty ? members[node] : children.flatMap { members[$0] }
                let nearest = input.nearest(pool, to: centres[node], limit: 10)
                return NamingRequest(
                    id: ids[node], level: hierarchy.nodes[node].level, size: hierarchy.nodes[node].size,
                    summaries: nearest.map { input.summaries[$0] }, keywords: keywords[node],
                    children: children.compactMap { labels[$0] })
            }
            let named = try namer.label(requests)
            for (node, label) in zip(batch, named) { labels[node] = label }
        }

        return records(input: input, hierarchy: hierarchy, table: table, baseOf: baseOf, labels: labels, shown: shown, options: options)
    }

    /// Base clusters in order of their `cluster` number; members in input order.
    static func baseClusters(_ input: LabelInput) -> (values: [Int], baseOf: [Int: Int], members: [[Int]], centroids: [[Float]]) {
        let clusterValues = Array(Set(input.clusters)).sorted()
        var baseOf: [Int: Int] = [:]
        for (i, value) in clusterValues.enumerated() { baseOf[value] = i }
        var baseMembers = [[Int]](repeating: [], count: clusterValues.count)
        for (record, value) in input.clusters.enumerated() { baseMembers[baseOf[value]!].append(record) }
        return (clusterValues, baseOf, baseMembers, baseMembers.map { input.centroid($0) })
    }

    /// The cluster records, buckets and assignments for a finished hierarchy. `shown` must be
    /// closed downwards: a node that is not shown has no shown descendant.
    static func records(
        input: LabelInput, hierarchy: Hierarchy, table: NodeTable, baseOf: [Int: Int], labels: [ClusterLabel?], shown: [Bool],
        options: LabelOptions
    ) -> LabelOutput {
        let nodeCount = table.ids.count
        let ids = table.ids, members = table.members, centres = table.centres
        let users = table.users
        // Privacy buckets: the withheld children of each shown parent (or of the root) become one record.
        let rootKey = -1
        var folded: [Int: [Int]] = [:]
        for node in 0..<nodeCount where !shown[node] {
            let parent = hierarchy.nodes[node].parent
            if let parent, !shown[parent] { continue }
            folded[parent ?? rootKey, default: []].append(node)
        }
        func bucketID(_ parent: Int) -> String { parent == rootKey ? "other" : "\(ids[parent]).other" }

        var entries: [(level: Int, group: Int, order: Int, record: JSONObject)] = []
        for node in 0..<nodeCount where shown[node] {
            let info = hierarchy.nodes[node]
            var record = JSONObject()
            record["kind"] = "cluster"
            record["id"] = .string(ids[node])
            record["level"] = .number(Double(info.level))
            record["parent"] = info.parent.map { .string(ids[$0]) } ?? .null
            record["name"] = .string(labels[node]?.name ?? "")
            record["description"] = .string(labels[node]?.description ?? "")
            record["size"] = .number(Double(info.size))
            record["users"] = .number(Double(users[node]))
            if node < hierarchy.baseCount {
                record["members"] = .array(members[node].map { input.ids[$0] })
            } else {
                var children = info.children.filter { shown[$0] }.sorted().map { JSON.string(ids[$0]) }
                if folded[node] != nil { children.append(.string(bucketID(node))) }
                record["children"] = .array(children)
            }
            record["stats"] = input.stats(members[node]).json
            if options.includeCentroids { record["centroid"] = VectorCodec.encode(centres[node], compact: options.compactVectors) }
            entries.append((info.level, 0, node, record))
        }
        var withheldConversations = 0
        var withheldClusters = 0
        for (parent, nodes) in folded.sorted(by: { $0.key < $1.key }) {
            let bucketMembers = nodes.flatMap { members[$0] }.sorted()
            withheldConversations += bucketMembers.count
            withheldClusters += nodes.count
            let level = nodes.map { hierarchy.nodes[$0].level }.max() ?? 0
            var record = JSONObject()
            record["kind"] = "cluster"
            record["id"] = .string(bucketID(parent))
            record["level"] = .number(Double(level))
            record["parent"] = parent == rootKey ? .null : .string(ids[parent])
            record["name"] = .string(withheldBucketName)
            record["description"] = .string("Clusters below the privacy threshold, shown as counts only.")
            record["size"] = .number(Double(bucketMembers.count))
            record["users"] = .number(Double(input.distinctUsers(bucketMembers)))
            record["withheld"] = true
            record["withheld_clusters"] = .number(Double(nodes.count))
            record["stats"] = input.stats(bucketMembers).json
            entries.append((level, 1, parent, record))
        }
        entries.sort { ($0.level, $0.group, $0.order) < ($1.level, $1.group, $1.order) }

        // Each conversation's path from the top to its base cluster, or to the bucket it went to.
        func path(to node: Int) -> [String] {
            var chain: [String] = []
            var current: Int? = node
            while let c = current {
                chain.append(ids[c])
                current = hierarchy.nodes[c].parent
            }
            return chain.reversed()
        }
        var assignments: [JSONObject] = []
        assignments.reserveCapacity(input.count)
        var cache: [Int: (String, [JSON])] = [:]
        for (record, value) in input.clusters.enumerated() {
            let base = baseOf[value]!
            if cache[base] == nil {
                var target = base
                var chain: [String]
                if shown[base] {
                    chain = path(to: base)
                } else {
                    // Climb to the withheld cluster that was folded, then name its bucket.
                    while let parent = hierarchy.nodes[target].parent, !shown[parent] { target = parent }
                    if let parent = hierarchy.nodes[target].parent {
                        chain = path(to: parent) + [bucketID(parent)]
                    } else {
                        chain = [bucketID(rootKey)]
                    }
                }
                cache[base] = (chain.last!, chain.map { JSON.string($0) })
            }
            let (cluster, chain) = cache[base]!
            assignments.append(["id": input.ids[record], "cluster": .string(cluster), "path": .array(chain)])
        }

        let levelCount = (hierarchy.nodes.map(\.level).max() ?? 0) + 1
        return LabelOutput(
            clusters: entries.map(\.record), assignments: assignments, withheldClusters: withheldClusters,
            withheldConversations: withheldConversations, topLevelCount: hierarchy.roots.count, levelCount: levelCount)
    }
}

/// Per node of a hierarchy: its id, members (record indices), centre and distinct users.
struct NodeTable {
    var ids: [String]
    var members: [[Int]]
    var centres: [[Float]]
    var users: [Int]

    init(input: LabelInput, hierarchy: Hierarchy, clusterValues: [Int], baseMembers: [[Int]], baseCentroids: [[Float]]) {
        let nodeCount = hierarchy.nodes.count
        // Per node: id, members, centre, users.
        ids = [String](repeating: "", count: nodeCount)
        members = [[Int]](repeating: [], count: nodeCount)
        centres = [[Float]](repeating: [], count: nodeCount)
        var perLevel: [Int: Int] = [:]
        for node in 0..<nodeCount {
            let level = hierarchy.nodes[node].level
            if node < hierarchy.baseCount {
                ids[node] = "L0-\(clusterValues[node])"
                members[node] = baseMembers[node]
                centres[node] = baseCentroids[node]
            } else {
                ids[node] = "L\(level)-\(perLevel[level, default: 0])"
                perLevel[level, default: 0] += 1
                var merged: [Int] = []
                for child in hierarchy.nodes[node].children { merged += members[child] }
                members[node] = merged
                centres[node] = input.centroid(merged)
            }
        }
        let all = members
        users = all.map { input.distinctUsers($0) }
    }
}
