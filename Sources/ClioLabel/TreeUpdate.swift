import ClioCluster
import ClioCore
import Foundation

/// An earlier run's cluster records, written with `--centroids`: the tree `clio-label --tree`
/// places a new period's conversations into. Privacy buckets are skipped (they stand for
/// clusters the file does not describe); every other record needs its `centroid` and
/// `stats.distance_p95`.
public struct LabelTree: Sendable {
    public struct Node: Sendable {
        public var id: String
        public var level: Int
        /// Index of the parent in `nodes`; nil at the top.
        public var parent: Int?
        /// Indices of the children in `nodes`, in file order.
        public var children: [Int] = []
        public var label: ClusterLabel
        /// Conversations in the earlier period.
        public var size: Int
        public var centroid: [Float]
        /// `stats.distance_p95`: how far the cluster's members reached from its centre.
        public var radius: Float
        /// The farthest of its children's centroids from its own: how far apart the clusters it
        /// groups are (0 for a base cluster).
        public var reach: Float = 0
        public var newSince: String?
    }

    /// The file, as messages name it.
    public var source: String
    /// In file order.
    public var nodes: [Node]
    public var dimension: Int
    /// `embedding_model.name` of the records, when they say.
    public var embeddingModel: String?
    /// The language means the tree's vectors were centred at (`"centroid_space"` and a
    /// top-level record's `"language_means"`); nil for a tree of raw vectors.
    public var centring: LanguageCentring?
    public static let centredSpace = "language-centred"

    /// Reads the tree from a file of cluster records.
    public init(path: String) throws {
        var records: [(JSONObject, Location)] = []
        try RecordInput(paths: [path], skipInvalid: false).forEach { record, location in records.append((record, location)) }
        try self.init(records: records, source: path == "-" ? "<stdin>" : path)
    }

    /// The tree from cluster records and where each was read.
    public init(records: [(JSONObject, Location)], source: String) throws(ClioError) {
        self.source = source
        nodes = []
        dimension = 0
        var parentIDs: [String?] = []
        var lineOf: [String: Location] = [:]
        var modelSource: Location?
        var centred = false
        for (record, location) in records {
            guard record["kind"]?.stringValue == "cluster", record["withheld"]?.boolValue != true else { continue }
            func fail(_ message: String) -> ClioError { ClioError(.invalidRecord, message, at: location) }
            let id = try record.requireString("id")
            let quoted = JSONSerializer.string(.string(id))
            if let earlier = lineOf[id] { throw fail("duplicate cluster id \(quoted) (first on line \(earlier.line))") }
            lineOf[id] = location
            guard let level = record["level"]?.intValue, level >= 0 else { throw fail("field \"level\" must be a whole number from 0") }
            let parent: String?
            switch record["parent"] {
            case .string(let p)?: parent = p
            case nil, .null?: parent = nil
            case let other?: throw fail("field \"parent\" must be a string or null, got \(other.typeName)")
            }
            let name = try record.requireString("name")
            let description = record["description"]?.stringValue ?? ""
            guard let size = record["size"]?.intValue, size >= 0 else { throw fail("field \"size\" must be a whole number from 0") }
            guard let centroidValue = record["centroid"], !centroidValue.isNull else {
                throw fail("cluster \(quoted) has no \"centroid\": write the tree with clio-label --centroids")
            }
            let centroid = try VectorCodec.decode(centroidValue, field: "centroid")
            if nodes.isEmpty {
                dimension = centroid.count
            } else if centroid.count != dimension {
                throw fail("field \"centroid\" has dimension \(centroid.count), expected \(dimension) (set by line \(records.first { $0.0["kind"]?.stringValue == "cluster" }!.1.line))")
            }
            guard let radius = JSON.object(record)[path: "stats.distance_p95"]?.doubleValue, radius >= 0, radius.isFinite else {
                throw fail("cluster \(quoted) has no \"stats.distance_p95\": write the tree with clio-label --centroids (this version)")
            }
            if let model = record["embedding_model"]?[path: "name"]?.stringValue {
                if let known = embeddingModel, known != model {
                    throw fail("embedding model \(JSONSerializer.string(.string(model))) differs from \(JSONSerializer.string(.string(known))) on line \(modelSource!.line)")
                }
                embeddingModel = model
                modelSource = location
            }
            if record["centroid_space"]?.stringValue == Self.centredSpace { centred = true }
            if centring == nil, case .array(let means)? = record["language_means"] {
                do {
                    centring = try LanguageCentring(records: means.map { $0.objectValue ?? [:] })
                } catch {
                    throw fail("field \"language_means\": \(error.message)")
                }
                if let centring, centring.dimension != dimension {
                    throw fail("field \"language_means\" has vectors of \(centring.dimension) numbers, the centroids \(dimension)")
                }
            }
            let since = record["new_since"]?.stringValue
            nodes.append(Node(
                id: id, level: level, parent: nil, label: ClusterLabel(name: name, description: description), size: size,
                centroid: centroid, radius: Float(radius), newSince: since))
            parentIDs.append(parent)
        }
        if centred && centring == nil {
            throw ClioError(.invalidRecord, "\(source): the centroids are centred by language (\"centroid_space\") but no "
                                            + "top-level cluster carries \"language_means\": keep the top-level records in the tree")
        }
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.id, $0) })
        for (i, parent) in parentIDs.enumerated() {
            guard let parent else { continue }
            guard let p = index[parent] else {
                throw ClioError(
                    .invalidRecord, "cluster \(JSONSerializer.string(.string(nodes[i].id))) names parent \(JSONSerializer.string(.string(parent))), which is not in the file",
                    at: lineOf[nodes[i].id])
            }
            nodes[i].parent = p
            nodes[p].children.append(i)
            nodes[p].reach = max(nodes[p].reach, Labeler.squaredDistance(nodes[p].centroid, nodes[i].centroid).squareRoot())
        }
        for start in nodes.indices {
            var steps = 0
            var current = nodes[start].parent
            while let c = current {
                steps += 1
                if steps > nodes.count {
                    throw ClioError(.invalidRecord, "cluster \(JSONSerializer.string(.string(nodes[start].id))) is its own ancestor", at: lineOf[nodes[start].id])
                }
                current = nodes[c].parent
            }
        }
        guard nodes.contains(where: { $0.level == 0 }) else {
            throw ClioError(.invalidRecord, "\(source): no base cluster (level 0) with a centroid to place conversations into")
        }
    }

    /// The number of a base cluster id `L0-<n>`, nil for other ids.
    static func baseNumber(_ id: String) -> Int? {
        id.hasPrefix("L0-") ? Int(id.dropFirst(3)) : nil
    }
}

/// What a run into a tree did with the conversations, for the notes on stderr.
public struct TreePlacement: Equatable, Sendable {
    /// The date new clusters are marked with (`new_since`).
    public var since: String
    /// Conversations within their nearest known cluster's reach.
    public var near = 0
    /// Conversations beyond it: the group "New since <since>".
    public var far = 0
    /// Of those, in new clusters that are shown, and how many such clusters.
    public var inNewClusters = 0
    public var newClusters = 0
    /// Of those, in new clusters below the privacy thresholds (or withheld by the audit).
    public var inWithheldNew = 0
    /// Of those, the ones that formed no new cluster: filed under their nearest known cluster.
    public var returned = 0

    /// The note on stderr.
    public func summary(count: Int, tree: String) -> String {
        func n(_ value: Int, _ noun: String) -> String { "\(value) \(noun)\(value == 1 ? "" : "s")" }
        var text = "placed \(n(count, "conversation")) into the tree of \(tree): \(near) near a known cluster, "
            + "\(far) farther from it than its members were (new since \(since))"
        if far > 0 {
            text += ": \(inNewClusters) in \(n(newClusters, "new cluster"))"
            if inWithheldNew > 0 { text += ", \(inWithheldNew) in new clusters below the privacy threshold" }
            text += ", \(returned) back to their nearest cluster"
        }
        return text
    }
}

/// Reads the new period's records for a run into `tree`: checks each record's vectors against
/// the tree's and notes the period's first date.
public struct TreeInput {
    public let tree: LabelTree
    public private(set) var input = LabelInput()
    /// The earliest `created_at` date (`YYYY-MM-DD`) among the records, nil when none has one.
    public private(set) var firstDate: String?

    public init(tree: LabelTree) { self.tree = tree }

    /// Adds one record (embedded or clustered; a `cluster` field is not read). Throws an
    /// `invalidRecord` error, leaving the input unchanged, when its vector is not of the tree's
    /// dimension or its `embedding_model` is not the tree's.
    public mutating func add(_ record: JSONObject, at location: Location? = nil) throws(ClioError) {
        let file = JSONSerializer.string(.string(tree.source))
        if let known = tree.embeddingModel, let model = record["embedding_model"]?[path: "name"]?.stringValue, model != known {
            throw ClioError(
                .invalidRecord,
                "embedding model \(JSONSerializer.string(.string(model))) is not the tree's \(JSONSerializer.string(.string(known))) (\(file)): "
                    + "embed the new period with the model the tree was made with")
        }
        if input.count == 0, let embedding = record["embedding"] {
            let dimension = try VectorCodec.decode(embedding, field: "embedding").count
            if dimension != tree.dimension {
                throw ClioError(
                    .invalidRecord,
                    "field \"embedding\" has dimension \(dimension), but the centroids of the tree \(file) have \(tree.dimension): "
                        + "embed the new period with the model the tree was made with")
            }
        }
        try input.add(record, at: location, cluster: 0)
        if case .string(let date)? = record["created_at"], ISOWeek.label(date) != nil {
            let day = String(date.prefix(10))
            if firstDate.map({ day < $0 }) ?? true { firstDate = day }
        }
    }

    /// `new_since` for this period: its first date, else today's (UTC).
    public var since: String {
        if let firstDate { return firstDate }
        let today = CivilDate.date(Int((Date().timeIntervalSince1970 / 86400).rounded(.down)))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(today.year)-\(two(today.month))-\(two(today.day))"
    }
}

/// The 95th-percentile distance of a cluster's members to its centre.
extension LabelInput {
    /// The nearest-rank 95th percentile of the members' Euclidean distances to `centre`: the
    /// ⌈0.95·n⌉-th smallest, so 95% of the members are at most that far. 0 for no members.
    /// With `weights` (one per member: how many conversations it stands for), the smallest
    /// distance within which 95% of the weight lies.
    func distanceP95(_ members: [Int], to centre: [Float], weights: [Double]? = nil) -> Float {
        guard !members.isEmpty else { return 0 }
        let d = dimension
        var distances = vectors.withUnsafeBufferPointer { v in
            members.map { m -> Float in
                var s: Float = 0
                for t in 0..<d {
                    let x = v[m * d + t] - centre[t]
                    s += x * x
                }
                return s.squareRoot()
            }
        }
        if let weights {
            let total = weights.reduce(0, +)
            var within = 0.0
            let order = distances.indices.sorted { distances[$0] < distances[$1] }
            for i in order {
                within += weights[i]
                if within >= 0.95 * total { return distances[i] }
            }
            return distances[order.last!]
        }
        distances.sort()
        let rank = Int((0.95 * Double(members.count)).rounded(.up))
        return distances[max(rank, 1) - 1]
    }
}

extension Labeler {
    /// Places a new period's conversations into an earlier run's tree (`clio-label --tree`).
    ///
    /// 1. Each conversation goes to the base cluster of its nearest centre, unless it is farther
    ///    from it than that cluster's members were (`radius`, their 95th-percentile distance):
    ///    then it joins the group "New since <since>".
    /// 2. That group is split into new clusters (`newClusters`); what forms none goes back to
    ///    its nearest known cluster. A new cluster is a base cluster `L0-<n>` (numbered after the
    ///    tree's), shown when it passes the privacy thresholds — then named by the strategy's
    ///    namer and audited — and withheld into a bucket otherwise. It is marked `new_since` and
    ///    attached under the nearest parent that holds it (`attachment`) or at the top.
    /// 3. Known clusters keep their ids, names, descriptions, parents, centroids and radii; they
    ///    cost no model calls. Sizes, users and stats are this period's; a cluster with no
    ///    conversations this period is left out, and one below the privacy thresholds is
    ///    withheld into its parent's bucket.
    public static func label(_ input: LabelInput, into tree: LabelTree, since: String, options: LabelOptions, strategy: LabelStrategy = .offline)
        throws -> (output: LabelOutput, placement: TreePlacement)
    {
        var placement = TreePlacement(since: since)
        guard input.count > 0 else {
            return (LabelOutput(clusters: [], assignments: [], withheldClusters: 0, withheldConversations: 0, topLevelCount: 0, levelCount: 0), placement)
        }
        precondition(input.dimension == tree.dimension, "TreeInput checks the dimension")
        let d = input.dimension
        let knownBases = tree.nodes.indices.filter { tree.nodes[$0].level == 0 }
        let (nearestBase, distance) = nearestCentres(
            points: input.vectors, count: input.count, centres: knownBases.flatMap { tree.nodes[$0].centroid }, k: knownBases.count, dimension: d)
        let far = (0..<input.count).filter { distance[$0] > tree.nodes[knownBases[Int(nearestBase[$0])]].radius }
        placement.near = input.count - far.count
        placement.far = far.count

        // A typical cluster of this period: the tree's median base cluster, scaled to this period's count.
        let treeSizes = knownBases.map { tree.nodes[$0].size }
        let typical = max(1, Int((Double(median(treeSizes)) * Double(input.count) / Double(max(treeSizes.reduce(0, +), 1))).rounded()))
        let newGroups = newClusters(
            far, distance: distance, input: input, known: knownBases.map { tree.nodes[$0].centroid }, typical: typical, seed: options.hierarchy.seed)

        // Nodes: the tree's, then the new base clusters, each with its members this period.
        let knownCount = tree.nodes.count
        var membersOf = [[Int]](repeating: [], count: knownCount + newGroups.count)
        var isInNew = [Bool](repeating: false, count: input.count)
        for (g, group) in newGroups.enumerated() {
            membersOf[knownCount + g] = group
            for r in group { isInNew[r] = true }
        }
        for r in 0..<input.count where !isInNew[r] { membersOf[knownBases[Int(nearestBase[r])]].append(r) }
        placement.returned = far.count - newGroups.reduce(0) { $0 + $1.count }
        var parentOf = tree.nodes.map(\.parent) + [Int?](repeating: nil, count: newGroups.count)
        let levelOf = tree.nodes.map(\.level) + [Int](repeating: 0, count: newGroups.count)
        var childrenOf = tree.nodes.map(\.children) + [[Int]](repeating: [], count: newGroups.count)
        let centreOf = tree.nodes.map(\.centroid) + newGroups.map { input.centroid($0) }
        for g in newGroups.indices {
            let node = knownCount + g
            if let parent = attachment(for: centreOf[node], in: tree) {
                parentOf[node] = parent
                childrenOf[parent].append(node)
            }
        }
        var size = [Int](repeating: -1, count: membersOf.count)
        func count(_ node: Int) -> Int {
            if size[node] < 0 { size[node] = levelOf[node] == 0 ? membersOf[node].count : childrenOf[node].reduce(0) { $0 + count($1) } }
            return size[node]
        }
        // Nodes with conversations this period, in the order of the output: known base clusters
        // by number, then the new ones, then parents by level and id.
        let firstNew = (tree.nodes.compactMap { $0.level == 0 ? LabelTree.baseNumber($0.id) : nil }.max() ?? -1) + 1
        func id(_ node: Int) -> String { node < knownCount ? tree.nodes[node].id : "L0-\(firstNew + node - knownCount)" }
        let order = membersOf.indices.filter { count($0) > 0 }.sorted { a, b in
            if levelOf[a] != levelOf[b] { return levelOf[a] < levelOf[b] }
            if (a >= knownCount) != (b >= knownCount) { return b >= knownCount }
            return naturalLess(id(a), id(b))
        }
        var position = [Int: Int]()
        for (p, node) in order.enumerated() { position[node] = p }
        let baseCount = order.prefix { levelOf[$0] == 0 }.count
        let nodes: [Hierarchy.Node] = order.map { node in
            Hierarchy.Node(
                level: levelOf[node], children: childrenOf[node].compactMap { position[$0] }.sorted(),
                parent: parentOf[node].flatMap { position[$0] }, size: count(node))
        }
        let baseMembers = order.prefix(baseCount).map { membersOf[$0] }
        var refiled = input
        for (b, members) in baseMembers.enumerated() { for r in members { refiled.clusters[r] = b } }
        let hierarchy = Hierarchy(nodes: nodes, baseCount: baseCount, roots: nodes.indices.filter { nodes[$0].parent == nil }, rounds: [])
        var table = NodeTable(
            input: refiled, hierarchy: hierarchy, ids: order.map(id), baseMembers: baseMembers,
            baseCentroids: order.prefix(baseCount).map { centreOf[$0] })
        // Known clusters keep the tree's centre and reach, so every period is placed in the same frame.
        table.centres = order.map { centreOf[$0] }
        table.radii = order.map { $0 < knownCount ? tree.nodes[$0].radius : nil }
        table.newSince = order.map { $0 < knownCount ? tree.nodes[$0].newSince : since }

        // Shown: this period's counts pass the thresholds (a parent's are at least its children's,
        // so a withheld node has no shown descendant); new clusters are named, then audited.
        var shown = order.indices.map { table.members[$0].count >= options.minConversations && table.users[$0] >= options.minUsers }
        var labels: [ClusterLabel?] = order.map { $0 < knownCount ? tree.nodes[$0].label : nil }
        let newBases = (0..<baseCount).filter { order[$0] >= knownCount }
        let named = newBases.filter { shown[$0] }
        if !named.isEmpty {
            let counts = baseMembers.map { refiled.phraseCounts($0) }
            let generic = refiled.phrasesBoundedByCommonWords((0..<baseCount).filter { shown[$0] }.map { counts[$0] })
            let keywords = Labeler.candidatePhrases(input: refiled, counts: counts, generic: generic, options: options)
            let shownRecords = (0..<baseCount).filter { shown[$0] }.flatMap { baseMembers[$0] }
            let corpus = refiled.textGuardCorpus(minUsers: options.textGuardMinUsers)
            let evidence = named.map { b in
                Labeler.evidence(
                    input: refiled, id: table.ids[b], level: 0, size: baseMembers[b].count, keywords: keywords[b], centre: table.centres[b],
                    children: [], members: baseMembers[b], shownRecords: shownRecords, seed: options.hierarchy.seed ^ (0xC1D0_0000 &+ UInt64(b)),
                    corpus: corpus, options: options)
            }
            for (b, label) in zip(named, guarded(try strategy.namer.name(evidence), evidence, counters: strategy.counters)) { labels[b] = label }
            if let auditor = strategy.auditor {
                // Fail closed, as the loop does: a name the model could not rate is withheld.
                for (b, rating) in zip(named, try auditor.rate(named.map { labels[$0]! })) where rating.map({ $0 < 3 }) ?? true {
                    shown[b] = false
                    strategy.counters.update {
                        $0.auditWithheld += 1
                        if rating == nil { $0.auditUnrated += 1 }
                    }
                }
            }
        }
        for b in newBases {
            if shown[b] {
                placement.newClusters += 1
                placement.inNewClusters += baseMembers[b].count
            } else {
                placement.inWithheldNew += baseMembers[b].count
            }
        }
        let output = records(
            input: refiled, hierarchy: hierarchy, table: table, baseOf: Dictionary(uniqueKeysWithValues: (0..<baseCount).map { ($0, $0) }),
            labels: labels, shown: shown, options: options)
        return (output, placement)
    }

    /// The new clusters among the `far` conversations (`distance`: each one's distance to its
    /// nearest `known` centre), as lists of records in input order. k-means splits them into
    /// clusters of about `typical` conversations; a cluster is a new topic when
    /// - at least half of its conversations are nearer its centre than their known one, and
    ///   those are at least half a typical cluster (fewer are outliers of the known clusters,
    ///   which every period has, not yet a topic);
    /// - its centre is farther from every known centre than its conversations are from it on
    ///   average: outliers all round a known cluster have their centre on that cluster's.
    /// Then every far conversation goes to its nearest centre, new ones included.
    static func newClusters(_ far: [Int], distance: [Float], input: LabelInput, known: [[Float]], typical: Int, seed: UInt64) -> [[Int]] {
        let smallest = max(2, (typical + 1) / 2)
        guard far.count >= smallest else { return [] }
        let d = input.dimension
        let points = input.vectors.withUnsafeBufferPointer { v in far.flatMap { v[($0 * d)..<(($0 + 1) * d)] } }
        var options = KMeansOptions(k: min(max(1, Int((Double(far.count) / Double(typical)).rounded())), far.count / smallest))
        options.seed = seed
        let result = kmeans(points: points, count: far.count, dimension: d, options: options)
        var centres: [[Float]] = []
        for group in CentroidGrouper.groupsInOrder(result.assignments) {
            let members = group.map { far[$0] }
            let first = input.centroid(members)
            let nearer = members.filter { squaredDistance(input.vector($0), first) < distance[$0] * distance[$0] }
            guard 2 * nearer.count >= members.count && nearer.count >= smallest else { continue }
            let centre = input.centroid(nearer)
            let spread = nearer.reduce(0) { $0 + squaredDistance(input.vector($1), centre).squareRoot() } / Float(nearer.count)
            let separation = known.map { squaredDistance($0, centre) }.min()!.squareRoot()
            if separation > spread { centres.append(centre) }
        }
        guard !centres.isEmpty else { return [] }
        let (nearest, toNew) = nearestCentres(points: points, count: far.count, centres: centres.flatMap { $0 }, k: centres.count, dimension: d)
        var groups = [[Int]](repeating: [], count: centres.count)
        for (i, r) in far.enumerated() where toNew[i] < distance[r] { groups[Int(nearest[i])].append(r) }
        return groups.filter { !$0.isEmpty }
    }

    /// The parent a new cluster with centre `centre` goes under: from the top down, the nearest
    /// parent among the candidates, entered while `centre` is no farther from its centre than
    /// its farthest child is (its `reach`); nil for the top. A parent's members' radius would be
    /// too generous here: it holds the spread inside the children, not between them.
    static func attachment(for centre: [Float], in tree: LabelTree) -> Int? {
        var parent: Int?
        var candidates = tree.nodes.indices.filter { tree.nodes[$0].parent == nil && tree.nodes[$0].level > 0 }
        while let best = candidates.min(by: {
            (squaredDistance(tree.nodes[$0].centroid, centre), $0) < (squaredDistance(tree.nodes[$1].centroid, centre), $1)
        }), squaredDistance(tree.nodes[best].centroid, centre).squareRoot() <= tree.nodes[best].reach {
            parent = best
            candidates = tree.nodes[best].children.filter { tree.nodes[$0].level > 0 }
        }
        return parent
    }

    /// What a namer may know about a new base cluster: the loop's evidence for a base cluster.
    static func median(_ values: [Int]) -> Int {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }

    /// Ids with digit runs compared by value: `L0-9` before `L0-10`.
    static func naturalLess(_ a: String, _ b: String) -> Bool {
        let pa = a.split(separator: "-", maxSplits: 1), pb = b.split(separator: "-", maxSplits: 1)
        if pa.count == 2, pb.count == 2, pa[0] == pb[0], let x = Int(pa[1]), let y = Int(pb[1]) { return x < y }
        return a < b
    }
}

extension LabelInput {
    /// The vector of record `r`.
    func vector(_ r: Int) -> [Float] { Array(vectors[(r * dimension)..<((r + 1) * dimension)]) }
}
