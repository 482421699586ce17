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
    /// The means the vectors were centred at (`LanguageCentring`), if they were: with the
    /// centroids every record says `"centroid_space":"language-centred"` and each top-level
    /// record carries the means as `"language_means"`, so that `--tree` centres new records the
    /// same way.
    public var centring: LanguageCentring?
    /// Candidate key phrases handed to the namer per cluster (best by c-TF-IDF).
    public var candidatePhrases = 30
    /// `--text-min-users`: distinct users an identifying word of a cluster text must be written
    /// by (`TextGuard`); nil for the larger of `minUsers` and 3.
    public var textMinUsers: Int?
    /// The text guard's K.
    public var textGuardMinUsers: Int { textMinUsers ?? max(minUsers, 3) }
    public init() {}
}

/// The cluster records and per-conversation assignments of one run.
public struct LabelOutput {
    /// One record per cluster at every level, level 0 first, then the privacy buckets of each level.
    public var clusters: [JSONObject]
    /// `{"id", "cluster", "path"}` per conversation, in input order; empty from a digest, whose
    /// assignments `ClusterDigest.writeAssignments` writes from `paths`.
    public var assignments: [JSONObject]
    /// Clusters folded into privacy buckets (each with everything under it counted once).
    public var withheldClusters: Int
    public var withheldConversations: Int
    public var topLevelCount: Int
    public var levelCount: Int
    /// Per base cluster: the `cluster` and `path` of its conversations' assignments.
    var paths: [(cluster: JSON, path: JSON)] = []
    /// Per record of `clusters`, the base cluster whose member ids its empty `members` stands
    /// for (from a digest, which streams them); nil for the others.
    var membersOf: [Int?] = []
}

/// The label given to the bucket that stands for clusters below the privacy thresholds.
public let withheldBucketName = "Other (below privacy threshold)"

/// What a labelling run does at each step: name clusters, group a level, rate names for
/// privacy. Offline by default; `LLMLabeler` supplies a chat model's.
public struct LabelStrategy: Sendable {
    public var namer: any ClusterNamer
    public var grouper: any LevelGrouper
    /// Rates every shown cluster's name and description; those below 3 are withheld.
    public var auditor: (any ClusterAuditor)?
    public var counters: LabelCounters

    public init(namer: any ClusterNamer, grouper: any LevelGrouper, auditor: (any ClusterAuditor)? = nil, counters: LabelCounters = LabelCounters()) {
        self.namer = namer
        self.grouper = grouper
        self.auditor = auditor
        self.counters = counters
    }

    /// Names from key phrases ranked by c-TF-IDF alone, levels grouped offline, no audit.
    public static var offline: LabelStrategy { LabelStrategy(namer: OfflineNamer(), grouper: CentroidGrouper()) }
}

/// Rates cluster texts on the Clio paper's 1–5 privacy scale.
public protocol ClusterAuditor: Sendable {
    /// A rating per label; nil where no valid rating was given.
    func rate(_ labels: [ClusterLabel]) throws -> [Int?]
}

/// What a run did besides its model calls (those are in `LLMStats`).
public final class LabelCounters: @unchecked Sendable {
    private let lock = Mutex()
    private var values = Values()

    public struct Values: Equatable, Sendable {
        /// Questions answered validly only after a re-ask.
        public var reasked = 0
        /// Questions never answered validly: an offline or nearest-vector fallback was used.
        public var fallbacks = 0
        /// Assignments accepted by normalised text or embedding similarity, not exactly.
        public var fuzzyMatches = 0
        /// Levels grouped by the offline centroid grouping because the strategy's did not shrink.
        public var offlineLevels = 0
        /// Clusters rated below 3 by the audit (or left unrated), withheld.
        public var auditWithheld = 0
        /// Of those, the ones the model gave no valid rating for.
        public var auditUnrated = 0
        /// Names asked again because an answer broke the text guard's rule (`TextGuard`).
        public var guardReasked = 0
        /// Words the text guard removed from final names and descriptions.
        public var guardWordsRemoved = 0
        /// Candidate key phrases the text guard kept out of offline names.
        public var guardPhrasesLeftOut = 0
    }

    public init() {}
    public var snapshot: Values { lock.withLock { values } }
    public func update(_ body: (inout Values) -> Void) { lock.withLock { body(&values) } }
}

/// Turns clustered conversations into named cluster records over a hierarchy: the one loop
/// of clio-label, offline or with a model (the strategy decides how clusters are named,
/// grouped and audited; this loop decides everything else).
///
/// 1. Base clusters in order of their `cluster` number; those below the privacy thresholds
///    are withheld and never named, grouped or shown to a model.
/// 2. The shown base clusters are named, then audited.
/// 3. Level by level, the shown clusters are grouped into about the paper's geometric number
///    of parents (`HierarchyOptions.target`), each parent is named from the children it got,
///    until at most `top` remain or `maxLevels` is reached. A grouping that does not shrink
///    the level (or misses `top` on the last allowed level) is replaced by the offline one.
///    A group of one becomes no parent: that cluster is carried up as it is.
/// 4. Withheld base clusters follow their nearest shown base cluster into its parent, where
///    they become that parent's "Other" bucket.
/// 5. Parents are audited; a withheld cluster takes everything under it along.
public enum Labeler {
    public static func label(_ input: LabelInput, options: LabelOptions, strategy: LabelStrategy = .offline) throws -> LabelOutput {
        guard input.count > 0 else {
            return LabelOutput(clusters: [], assignments: [], withheldClusters: 0, withheldConversations: 0, topLevelCount: 0, levelCount: 0)
        }
        let members = baseClusters(input).members
        return try label(input, totals: ClusterTotals(input: input, members: members), inMemory: true, options: options, strategy: strategy)
    }

    /// The run over one pass's digest (clio-label's way): the records it kept name the clusters,
    /// its totals give the counts, and the output's member ids and assignments are left to the
    /// digest to stream (`ClusterDigest.write`, `writeAssignments`).
    static func label(_ digest: ClusterDigest.Finished, options: LabelOptions, strategy: LabelStrategy = .offline) throws -> LabelOutput {
        guard digest.input.count > 0 else {
            return LabelOutput(clusters: [], assignments: [], withheldClusters: 0, withheldConversations: 0, topLevelCount: 0, levelCount: 0)
        }
        return try label(digest.input, totals: digest.totals, inMemory: false, options: options, strategy: strategy)
    }

    /// The loop. `input` holds the records naming draws on: every member of a base cluster
    /// whose `totals.complete` is set, a sample of it otherwise; sizes, users, statistics and
    /// centroids come from `totals`. `inMemory`: write the member ids and assignments from
    /// `input` (which then holds every record).
    static func label(_ input: LabelInput, totals: ClusterTotals, inMemory: Bool, options: LabelOptions, strategy: LabelStrategy) throws -> LabelOutput {
        let (clusterValues, baseOf, baseMembers) = baseClusters(input)
        precondition(clusterValues.count == totals.sizes.count, "every base cluster keeps a record")
        let baseCentroids = clusterValues.indices.map { totals.centroid([$0]) }
        let baseCount = clusterValues.count
        var nodes = totals.sizes.map { Hierarchy.Node(level: 0, children: [], parent: nil, size: $0) }
        var centres = baseCentroids
        var shown = (0..<baseCount).map { totals.sizes[$0] >= options.minConversations && totals.users([$0]).count >= options.minUsers }
        var labels = [ClusterLabel?](repeating: nil, count: baseCount)
        // Base clusters are L0-<cluster>; parents L<level>-<n>, numbered per level as they are made.
        var ids = clusterValues.map { "L0-\($0)" }
        var madePerLevel: [Int: Int] = [:]
        // A sampled cluster's counts are scaled to its size, so that c-TF-IDF weighs it against
        // the others as if every member had been read.
        var phraseCounts = baseMembers.indices.map { b -> TermCounts in
            let counts = input.phraseCounts(baseMembers[b])
            guard !totals.complete[b] else { return counts }
            let scale = Double(totals.sizes[b]) / Double(baseMembers[b].count)
            return counts.mapValues { max(1, Int((Double($0) * scale).rounded())) }
        }
        let generic = input.phrasesBoundedByCommonWords((0..<baseCount).filter { shown[$0] }.map { phraseCounts[$0] })
        func candidates(_ partition: [Int]) -> [[String]] {
            Labeler.candidatePhrases(input: input, counts: partition.map { phraseCounts[$0] }, generic: generic, options: options)
        }
        var keywords = candidates(Array(0..<baseCount))
        let shownRecords = (0..<baseCount).filter { shown[$0] }.flatMap { baseMembers[$0] }
        let corpus = input.textGuardCorpus(minUsers: options.textGuardMinUsers)

        func members(_ node: Int) -> [Int] {
            node < baseCount ? baseMembers[node] : nodes[node].children.flatMap { members($0) }
        }
        func evidence(_ node: Int) -> ClusterEvidence {
            let info = nodes[node]
            let children = info.children.filter { shown[$0] }.sorted { (nodes[$0].size, $1) > (nodes[$1].size, $0) }
            return Labeler.evidence(
                input: input, id: ids[node], level: info.level, size: info.size, keywords: keywords[node], centre: centres[node],
                children: children.map { labels[$0]! }, members: members(node), shownRecords: shownRecords,
                seed: options.hierarchy.seed ^ (0xC1D0_0000 &+ UInt64(node)), corpus: corpus, options: options)
        }
        func audit(_ candidates: [Int]) throws {
            guard let auditor = strategy.auditor else { return }
            let rated = candidates.filter { shown[$0] && labels[$0] != nil }
            let ratings = try auditor.rate(rated.map { labels[$0]! })
            // Fail closed: a cluster the model could not rate is withheld too.
            for (node, rating) in zip(rated, ratings) where rating.map({ $0 < 3 }) ?? true {
                shown[node] = false
                strategy.counters.update {
                    $0.auditWithheld += 1
                    if rating == nil { $0.auditUnrated += 1 }
                }
            }
        }
        func makeParent(of children: [Int], level: Int) -> Int {
            let index = nodes.count
            let size = children.reduce(0) { $0 + nodes[$1].size }
            var centre = [Float](repeating: 0, count: input.dimension)
            var counts = TermCounts()
            for child in children {
                nodes[child].parent = index
                let w = Float(nodes[child].size) / Float(max(size, 1))
                for t in centre.indices { centre[t] += w * centres[child][t] }
                counts.merge(phraseCounts[child], uniquingKeysWith: +)
            }
            nodes.append(Hierarchy.Node(level: level, children: children, parent: nil, size: size))
            ids.append("L\(level)-\(madePerLevel[level, default: 0])")
            madePerLevel[level, default: 0] += 1
            centres.append(centre)
            labels.append(nil)
            shown.append(true)
            phraseCounts.append(counts)
            keywords.append([])
            return index
        }
        func nameNew(_ made: [Int], partition: [Int]) throws {
            // Phrases of the new parents against the whole partition the round made.
            let ranked = candidates(partition)
            let fresh = Set(made)
            for (position, node) in partition.enumerated() where fresh.contains(node) { keywords[node] = ranked[position] }
            let shownTo = made.map { evidence($0) }
            let named = guarded(try strategy.namer.name(shownTo), shownTo, counters: strategy.counters)
            for (node, label) in zip(made, named) { labels[node] = label }
        }

        // Base names, then their audit: only clusters above the thresholds are ever named.
        let named = (0..<baseCount).filter { shown[$0] }
        let baseEvidence = named.map { evidence($0) }
        for (b, label) in zip(named, guarded(try strategy.namer.name(baseEvidence), baseEvidence, counters: strategy.counters)) { labels[b] = label }
        try audit(named)

        // The hierarchy over the shown base clusters.
        var current = (0..<baseCount).filter { shown[$0] }
        let shownBaseCount = current.count
        var rounds: [[Int]] = []
        let top = max(options.hierarchy.top, 1)
        // Withheld clusters end up in a bucket; when no round would run, that bucket would be one
        // top-level record too many, so group once more (they then join a parent's bucket).
        let anyWithheld = shown.contains(false)
        while current.count > top || (rounds.isEmpty && anyWithheld && current.count >= 2 && current.count + 1 > top) {
            let levelsSoFar = rounds.count + 1
            if let maxLevels = options.hierarchy.maxLevels, levelsSoFar >= maxLevels { break }
            let isLast = options.hierarchy.maxLevels.map { levelsSoFar + 1 == $0 } ?? false
            let level = rounds.count + 1
            var desired = isLast ? top : options.hierarchy.target(round: level, base: shownBaseCount)
            desired = max(1, min(desired, current.count - 1))
            let memberLists = current.map { members($0) }
            let clusters = LevelClusters(
                labels: current.map { labels[$0]! }, centres: current.map { centres[$0] }, sizes: current.map { nodes[$0].size },
                members: { input.vectors(of: memberLists) })
            let seed = options.hierarchy.seed &+ UInt64(level)
            var groups = try strategy.grouper.group(clusters, desired: desired, seed: seed)
            if !isPartition(groups, of: current.count) || groups.count >= current.count || (isLast && groups.count > top) {
                if !(strategy.grouper is CentroidGrouper) { strategy.counters.update { $0.offlineLevels += 1 } }
                groups = CentroidGrouper().group(clusters, desired: desired, seed: seed)
            }
            var next: [Int] = []
            var made: [Int] = []
            for group in groups {
                let children = group.map { current[$0] }
                if children.count == 1 {
                    next.append(children[0])  // carried up unchanged: no single-child parent
                    continue
                }
                let parent = makeParent(of: children, level: level)
                next.append(parent)
                made.append(parent)
            }
            precondition(next.count < current.count, "a hierarchy round did not shrink the level")
            try nameNew(made, partition: next)
            rounds.append(made)
            current = next
        }
        if rounds.isEmpty, current.count == 1, anyWithheld, top == 1 {
            // One shown cluster beside withheld ones and room for one record at the top: a parent
            // over it, which then holds the withheld ones' bucket.
            let parent = makeParent(of: current, level: 1)
            try nameNew([parent], partition: [parent])
            rounds.append([parent])
            current = [parent]
        }
        var roots = current

        // Withheld base clusters follow their nearest shown base cluster into its parent; when
        // that one is at the top, the nearest top-level parent, so the withheld cluster does not
        // add a top-level record. They are never named.
        let shownBases = (0..<baseCount).filter { shown[$0] }
        for w in 0..<baseCount where !shown[w] {
            func nearest(_ candidates: [Int]) -> Int? {
                candidates.min { (squaredDistance(centres[$0], baseCentroids[w]), $0) < (squaredDistance(centres[$1], baseCentroids[w]), $1) }
            }
            guard let parent = nearest(shownBases).flatMap({ nodes[$0].parent }) ?? nearest(roots.filter { $0 >= baseCount }) else {
                roots.append(w)
                continue
            }
            nodes[w].parent = parent
            nodes[parent].children.append(w)
            var ancestor: Int? = parent
            while let a = ancestor {
                nodes[a].size += nodes[w].size
                ancestor = nodes[a].parent
            }
        }
        roots.sort()

        try audit(Array(baseCount..<nodes.count))
        // A withheld cluster takes everything under it along.
        for node in stride(from: nodes.count - 1, through: baseCount, by: -1) where !shown[node] {
            for child in nodes[node].children { shown[child] = false }
        }

        let hierarchy = Hierarchy(nodes: nodes, baseCount: baseCount, roots: roots, rounds: rounds)
        let table = NodeTable(input: input, hierarchy: hierarchy, ids: ids, baseMembers: baseMembers, baseCentroids: baseCentroids, totals: totals)
        return records(input: input, hierarchy: hierarchy, table: table, baseOf: baseOf, labels: labels, shown: shown, options: options, inMemory: inMemory)
    }

    /// What a namer is told about one cluster; `members` are its conversations (for a parent,
    /// those of its shown children), `shownRecords` every conversation of a shown base cluster.
    /// Its texts are guarded against the summaries of `members` (`TextGuard`).
    static func evidence(input: LabelInput, id: String, level: Int, size: Int, keywords: [String], centre: [Float],
                         children: [ClusterLabel], members: [Int], shownRecords: [Int], seed: UInt64,
                         corpus: TextGuard.Corpus, options: LabelOptions) -> ClusterEvidence {
        ClusterEvidence(
            id: id, level: level, size: size, keywords: keywords, centre: centre, children: children,
            nearest: { n in input.nearest(members, to: centre, limit: n).map { input.summaries[$0] } },
            sample: { n in
                var rng = SeededGenerator(seed: seed)
                return Labeler.sample(members, count: n, rng: &rng).map { input.summaries[$0] }
            },
            contrast: { n in
                Labeler.nearestOutside(input: input, centre: centre, members: members, pool: shownRecords, limit: n).map { input.summaries[$0] }
            },
            textGuard: TextGuard(corpus: corpus, members: members, minUsers: options.textGuardMinUsers))
    }

    /// The candidate phrases of each cluster of a partition (its phrase counts): c-TF-IDF against
    /// the partition, without the `generic` phrases (bounded by words most base clusters use).
    static func candidatePhrases(input: LabelInput, counts: [TermCounts], generic: [Bool], options: LabelOptions) -> [[String]] {
        ClassTFIDF.top(counts, limit: options.candidatePhrases, excluded: generic, words: input.wordCount)
            .map { $0.map { input.phraseText($0.term) } }
    }

    /// Whether `groups` cover `0 ..< count` exactly once each.
    static func isPartition(_ groups: [[Int]], of count: Int) -> Bool {
        var seen = [Bool](repeating: false, count: count)
        for group in groups {
            guard !group.isEmpty else { return false }
            for i in group {
                guard (0..<count).contains(i), !seen[i] else { return false }
                seen[i] = true
            }
        }
        return !seen.contains(false)
    }

    /// The `limit` records of `pool` not in `members` nearest `centre` (ties by record order):
    /// the paper's contrast set.
    static func nearestOutside(input: LabelInput, centre: [Float], members: [Int], pool: [Int], limit: Int) -> [Int] {
        guard limit > 0 else { return [] }
        let inside = Set(members)
        return input.nearest(pool.filter { !inside.contains($0) }, to: centre, limit: limit)
    }

    /// Up to `count` distinct members in random order; all of them when there are fewer.
    static func sample(_ members: [Int], count: Int, rng: inout SeededGenerator) -> [Int] {
        var pool = members
        let n = min(count, pool.count)
        for i in 0..<n {
            let j = i + Int(rng.next() % UInt64(pool.count - i))
            pool.swapAt(i, j)
        }
        return Array(pool.prefix(n))
    }

    static func squaredDistance(_ a: [Float], _ b: [Float]) -> Float {
        var s: Float = 0
        for i in a.indices {
            let x = a[i] - b[i]
            s += x * x
        }
        return s
    }

    /// Base clusters in order of their `cluster` number; members in input order.
    static func baseClusters(_ input: LabelInput) -> (values: [Int], baseOf: [Int: Int], members: [[Int]]) {
        let clusterValues = Array(Set(input.clusters)).sorted()
        var baseOf: [Int: Int] = [:]
        for (i, value) in clusterValues.enumerated() { baseOf[value] = i }
        var baseMembers = [[Int]](repeating: [], count: clusterValues.count)
        for (record, value) in input.clusters.enumerated() { baseMembers[baseOf[value]!].append(record) }
        return (clusterValues, baseOf, baseMembers)
    }

    /// The cluster records, buckets and assignments for a finished hierarchy. `shown` must be
    /// closed downwards: a node that is not shown has no shown descendant. `inMemory`: the
    /// member ids and assignments are written from `input`, else left to the digest.
    static func records(
        input: LabelInput, hierarchy: Hierarchy, table: NodeTable, baseOf: [Int: Int], labels: [ClusterLabel?], shown: [Bool],
        options: LabelOptions, inMemory: Bool = true
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

        var entries: [(level: Int, group: Int, order: Int, record: JSONObject, membersOf: Int?)] = []
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
            if table.usersEstimated[node] { record["users_estimated"] = true }
            if node < hierarchy.baseCount {
                record["members"] = .array(inMemory ? members[node].map { input.ids[$0] } : [])
            } else {
                var children = info.children.filter { shown[$0] }.sorted().map { JSON.string(ids[$0]) }
                if folded[node] != nil { children.append(.string(bucketID(node))) }
                record["children"] = .array(children)
            }
            var stats = table.stats[node]
            stats.textGuard = labels[node]?.guardNote
            if options.includeCentroids { stats.distanceP95 = table.radii?[node] ?? table.distanceP95(node, input: input) }
            record["stats"] = stats.json
            if options.includeCentroids {
                record["centroid"] = VectorCodec.encode(centres[node], compact: options.compactVectors)
                if let model = input.embeddingModel { record["embedding_model"] = model }
                if let centring = options.centring {
                    record["centroid_space"] = .string(LabelTree.centredSpace)
                    if info.parent == nil {
                        record["language_means"] = .array(centring.records(compact: options.compactVectors).map { .object($0) })
                    }
                }
            }
            if let since = table.newSince?[node] { record["new_since"] = .string(since) }
            entries.append((info.level, 0, node, record, !inMemory && node < hierarchy.baseCount ? node : nil))
        }
        var withheldConversations = 0
        var withheldClusters = 0
        for (parent, nodes) in folded.sorted(by: { $0.key < $1.key }) {
            let bases = nodes.flatMap { table.bases[$0] }
            let size = nodes.reduce(0) { $0 + hierarchy.nodes[$1].size }
            let users = table.totals.users(bases)
            withheldConversations += size
            withheldClusters += nodes.count
            let level = nodes.map { hierarchy.nodes[$0].level }.max() ?? 0
            var record = JSONObject()
            record["kind"] = "cluster"
            record["id"] = .string(bucketID(parent))
            record["level"] = .number(Double(level))
            record["parent"] = parent == rootKey ? .null : .string(ids[parent])
            record["name"] = .string(withheldBucketName)
            record["description"] = .string("Clusters below the privacy threshold, shown as counts only.")
            record["size"] = .number(Double(size))
            record["users"] = .number(Double(users.count))
            if users.estimated { record["users_estimated"] = true }
            record["withheld"] = true
            record["withheld_clusters"] = .number(Double(nodes.count))
            record["stats"] = table.totals.stats(bases).json
            entries.append((level, 1, parent, record, nil))
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
        let paths = (0..<hierarchy.baseCount).map { base -> (cluster: JSON, path: JSON) in
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
            return (.string(chain.last!), .array(chain.map { JSON.string($0) }))
        }
        var assignments: [JSONObject] = []
        if inMemory {
            assignments.reserveCapacity(input.count)
            for (record, value) in input.clusters.enumerated() {
                let (cluster, path) = paths[baseOf[value]!]
                assignments.append(["id": input.ids[record], "cluster": cluster, "path": path])
            }
        }

        let levelCount = (hierarchy.nodes.map(\.level).max() ?? 0) + 1
        return LabelOutput(
            clusters: entries.map(\.record), assignments: assignments, withheldClusters: withheldClusters,
            withheldConversations: withheldConversations, topLevelCount: hierarchy.roots.count, levelCount: levelCount,
            paths: paths, membersOf: entries.map(\.membersOf))
    }
}

/// Per node of a hierarchy: its id, members (record indices of the input: all of them, or a
/// sample where a base cluster is not complete), centre, distinct users and statistics.
struct NodeTable {
    var ids: [String]
    var members: [[Int]]
    /// The base clusters under each node.
    var bases: [[Int]]
    var centres: [[Float]]
    var users: [Int]
    var usersEstimated: [Bool]
    var stats: [ClusterStats]
    let totals: ClusterTotals
    /// Kept from an earlier tree by a run into it (TreeUpdate): its 95th-percentile member
    /// distances and `new_since` dates. Nil on a fresh run, whose distances are the members'.
    var radii: [Float?]?
    var newSince: [String?]?

    /// `totals`: nil when `input` holds every member of `baseMembers`.
    init(input: LabelInput, hierarchy: Hierarchy, ids: [String], baseMembers: [[Int]], baseCentroids: [[Float]], totals: ClusterTotals? = nil) {
        let totals = totals ?? ClusterTotals(input: input, members: baseMembers)
        let nodeCount = hierarchy.nodes.count
        self.ids = ids
        self.totals = totals
        members = [[Int]](repeating: [], count: nodeCount)
        bases = [[Int]](repeating: [], count: nodeCount)
        centres = [[Float]](repeating: [], count: nodeCount)
        for node in 0..<nodeCount {
            if node < hierarchy.baseCount {
                members[node] = baseMembers[node]
                bases[node] = [node]
                centres[node] = baseCentroids[node]
            } else {
                var merged: [Int] = []
                for child in hierarchy.nodes[node].children { merged += members[child] }
                members[node] = merged
                bases[node] = hierarchy.baseClusters(under: node)
                // With every member at hand, their mean as it always was; else from the sums.
                centres[node] = bases[node].allSatisfy { totals.complete[$0] } ? input.centroid(merged) : totals.centroid(bases[node])
            }
        }
        let counts = bases.map { totals.users($0) }
        users = counts.map(\.count)
        usersEstimated = counts.map(\.estimated)
        stats = bases.map { totals.stats($0) }
    }

    /// The node's 95th-percentile member distance to its centre: over every member, or over
    /// the sampled ones, each standing for its cluster's size over its sample's.
    func distanceP95(_ node: Int, input: LabelInput) -> Float {
        guard !bases[node].allSatisfy({ totals.complete[$0] }) else { return input.distanceP95(members[node], to: centres[node]) }
        var weights: [Double] = []
        for b in bases[node] {
            let kept = members[b].count
            weights += [Double](repeating: Double(totals.sizes[b]) / Double(max(kept, 1)), count: kept)
        }
        return input.distanceP95(members[node], to: centres[node], weights: weights)
    }
}
