import ClioCluster
import ClioCore
import ClioEmbed
import ClioLLM

/// Settings of the LLM path of clio-label.
public struct LLMLabelOptions: Sendable {
    /// Summaries sampled from inside a base cluster for its name.
    public var samples = 50
    /// Summaries nearest the cluster's centre from outside it, as contrast.
    public var contrast = 50
    /// About this many clusters per neighbourhood when proposing parents.
    public var neighbourhood = 40
    /// Nearby clusters outside a neighbourhood shown with it.
    public var outside = 5
    /// Model calls in flight.
    public var jobs = 16
    /// Answers asked per question, the first included.
    public var attempts = 3
    /// Rate every cluster's name and description for privacy; withhold those below 3.
    public var audit = false
    /// Cosine similarity above which an unlisted answer is taken as the nearest listed parent.
    public var matchThreshold: Float = 0.85
    /// Names per deduplication prompt; more are merged in rounds.
    public var namesPerPrompt = 120
    public init() {}
}

/// What the LLM path did besides its calls (those are in `LLMStats`).
public final class LLMLabelCounters: @unchecked Sendable {
    private let lock = Mutex()
    private var values = Values()

    public struct Values: Equatable, Sendable {
        /// Questions answered validly only after a re-ask.
        public var reasked = 0
        /// Questions never answered validly: an offline or nearest-vector fallback was used.
        public var fallbacks = 0
        /// Assignments accepted by normalised text or embedding similarity, not exactly.
        public var fuzzyMatches = 0
        /// Levels grouped by the offline centroid grouping because the model's did not shrink.
        public var offlineLevels = 0
        /// Clusters rated below 3 by the audit (or left unrated), withheld.
        public var auditWithheld = 0
        /// Of those, the ones the model gave no valid rating for.
        public var auditUnrated = 0
    }

    public init() {}
    public var snapshot: Values { lock.withLock { values } }
    func update(_ body: (inout Values) -> Void) { lock.withLock { body(&values) } }
}

/// Names base clusters and builds the hierarchy with a chat model (Clio paper, G.6–G.7).
///
/// Every step validates the model's answers and re-asks with the problem; when the answers stay
/// unusable, a step falls back to something that keeps the output valid (the offline name, the
/// nearest parent by embedding, the offline centroid grouping for a level), so a weak model
/// gives a worse hierarchy, never a broken one. Randomness (samples, shuffles) is seeded, so a
/// rerun asks the same questions and is served from the cache.
public final class LLMLabeler: @unchecked Sendable {
    let model: any ChatModel
    let embedder: any Embedder
    let options: LabelOptions
    let llm: LLMLabelOptions
    public let counters = LLMLabelCounters()
    private let embedLock = Mutex()

    public init(model: any ChatModel, embedder: any Embedder, options: LabelOptions, llm: LLMLabelOptions) {
        self.model = model
        self.embedder = embedder
        self.options = options
        self.llm = llm
    }

    // MARK: Asking

    /// Asks until `parse` accepts an answer, at most `attempts` times; a re-ask shows the model
    /// its previous answer and the problem. Nil when no answer was usable.
    func ask<T>(_ prompt: String, schema: JSON, maxTokens: Int, parse: (String) -> Result<T, AnswerProblem>) -> T? {
        var messages = [ChatMessage(.system, LLMPrompts.system), ChatMessage(.user, prompt)]
        for attempt in 1...max(1, llm.attempts) {
            let request = ChatRequest(
                messages: messages,
                options: ChatOptions(temperature: 0, maxTokens: maxTokens, format: .jsonSchema(name: "answer", schema: schema)))
            let text: String
            let problem: String
            do {
                text = try model.complete(request).text
                switch parse(text) {
                case .success(let value):
                    if attempt > 1 { counters.update { $0.reasked += 1 } }
                    return value
                case .failure(let p): problem = p.message
                }
            } catch {
                // A call that failed after its retries: ask once more, then fall back.
                text = ""
                problem = "no answer"
            }
            messages.append(ChatMessage(.assistant, text))
            messages.append(ChatMessage(.user, "That answer cannot be used: \(problem). Answer again, following the instructions exactly, with only the JSON object."))
        }
        return nil
    }

    /// `transform` over `items` on `jobs` threads, results in order.
    func concurrentMap<T, R>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) -> [R] {
        var results: [R] = []
        results.reserveCapacity(items.count)
        var iterator = items.makeIterator()
        try? OrderedConcurrentMap.run(
            next: { iterator.next() }, concurrency: min(max(1, llm.jobs), max(1, items.count)),
            transform: transform, emit: { results.append($0) })
        return results
    }

    func embed(_ texts: [String]) throws -> [[Float]] {
        try embedLock.withLock { try embedder.embed(texts) }
    }

    static func labelText(_ label: ClusterLabel) -> String { "\(label.name). \(label.description)" }

    // MARK: The run

    public func label(_ input: LabelInput) throws -> LabelOutput {
        guard input.count > 0 else {
            return LabelOutput(clusters: [], assignments: [], withheldClusters: 0, withheldConversations: 0, topLevelCount: 0, levelCount: 0)
        }
        let (clusterValues, baseOf, baseMembers, baseCentroids) = Labeler.baseClusters(input)
        let baseCount = clusterValues.count
        var nodes = baseMembers.map { Hierarchy.Node(level: 0, children: [], parent: nil, size: $0.count) }
        var shown = baseMembers.map { $0.count >= options.minConversations && input.distinctUsers($0) >= options.minUsers }

        // Base names: only clusters above the thresholds are ever shown to the model.
        var labels = [ClusterLabel?](repeating: nil, count: baseCount)
        let named = (0..<baseCount).filter { shown[$0] }
        let keywords = KeywordRanker.top(baseMembers.map { input.termCounts($0) }, vocabulary: input.vocabulary, limit: options.keywordCount)
        let shownRecords = named.flatMap { baseMembers[$0] }
        let baseLabels = concurrentMap(named) { [self] b in
            self.nameBase(input: input, members: baseMembers[b], centre: baseCentroids[b], pool: shownRecords, keywords: keywords[b], index: b)
        }
        for (b, label) in zip(named, baseLabels) { labels[b] = label }

        if llm.audit { auditNodes(named, labels: labels, shown: &shown) }

        // The hierarchy over the shown base clusters.
        var centres = baseCentroids
        var rounds: [[Int]] = []
        var current = (0..<baseCount).filter { shown[$0] }
        var partitions = [current]
        // Withheld clusters end up in a bucket; when no round would run, that bucket would be one
        // top-level record too many, so group once more (they then join a parent's bucket).
        let anyWithheld = shown.contains(false)
        while current.count > max(options.hierarchy.top, 1)
            || (rounds.isEmpty && anyWithheld && current.count >= 2 && current.count + 1 > options.hierarchy.top) {
            let levelsSoFar = rounds.count + 1
            if let maxLevels = options.hierarchy.maxLevels, levelsSoFar >= maxLevels { break }
            let isLast = options.hierarchy.maxLevels.map { levelsSoFar + 1 == $0 } ?? false
            let perParent = max(options.hierarchy.childrenPerParent, 2)
            var desired = isLast ? options.hierarchy.top : max(options.hierarchy.top, (current.count + perParent - 1) / perParent)
            desired = max(1, min(desired, current.count - 1))
            let level = rounds.count + 1
            let roundSeed = options.hierarchy.seed &+ UInt64(level)

            let currentLabels = current.map { labels[$0]! }
            var groups = (try? groupWithModel(currentLabels, desired: desired, seed: roundSeed)) ?? []
            // The model's grouping must shrink the level (and reach --top on the last allowed level).
            if groups.isEmpty || groups.count >= current.count || (isLast && groups.count > options.hierarchy.top) {
                counters.update { $0.offlineLevels += 1 }
                groups = Self.centroidGroups(current.map { centres[$0] }, k: desired, seed: roundSeed)
            }

            var next: [Int] = []
            var made: [Int] = []
            for group in groups {
                let members = group.map { current[$0] }
                if members.count == 1 {
                    next.append(members[0])  // carried up unchanged: no single-child parent
                    continue
                }
                let index = nodes.count
                let size = members.reduce(0) { $0 + nodes[$1].size }
                for child in members { nodes[child].parent = index }
                nodes.append(Hierarchy.Node(level: level, children: members, parent: nil, size: size))
                var centre = [Float](repeating: 0, count: input.dimension)
                for child in members {
                    let w = Float(nodes[child].size) / Float(max(size, 1))
                    for t in centre.indices { centre[t] += w * centres[child][t] }
                }
                centres.append(centre)
                labels.append(nil)
                shown.append(true)
                next.append(index)
                made.append(index)
            }
            precondition(next.count < current.count, "a hierarchy round did not shrink the level")

            // Rename each parent from the children it actually got.
            let snapshot = labels
            let nodeSnapshot = nodes
            let centreSnapshot = centres
            let parentLabels = concurrentMap(made) { [self] parent in
                let children = nodeSnapshot[parent].children.sorted {
                    nodeSnapshot[$0].size != nodeSnapshot[$1].size ? nodeSnapshot[$0].size > nodeSnapshot[$1].size : $0 < $1
                }
                return self.nameParent(input: input, children: children.map { snapshot[$0]! }, level: level,
                                       size: nodeSnapshot[parent].size, centre: centreSnapshot[parent], pool: children.flatMap { self.membersOf($0, nodeSnapshot, baseMembers) })
            }
            for (parent, label) in zip(made, parentLabels) { labels[parent] = label }
            rounds.append(made)
            partitions.append(next)
            current = next
        }
        if rounds.isEmpty, current.count == 1, anyWithheld, options.hierarchy.top == 1 {
            // One shown cluster beside withheld ones and room for one record at the top: a parent
            // over it, which then holds the withheld ones' bucket (the offline grouping does the same).
            let child = current[0]
            let index = nodes.count
            nodes[child].parent = index
            nodes.append(Hierarchy.Node(level: 1, children: [child], parent: nil, size: nodes[child].size))
            centres.append(centres[child])
            shown.append(true)
            labels.append(nameParent(input: input, children: [labels[child]!], level: 1, size: nodes[child].size,
                                     centre: centres[child], pool: baseMembers[child]))
            rounds.append([index])
            current = [index]
            partitions.append(current)
        }
        var roots = current

        // Withheld base clusters follow their nearest shown base cluster into its parent, where
        // they are folded into that parent's "Other" bucket; they are never named.
        let shownBases = (0..<baseCount).filter { shown[$0] }
        for w in 0..<baseCount where !shown[w] {
            func nearest(_ candidates: [Int]) -> Int? {
                candidates.min {
                    (Self.squaredDistance(centres[$0], baseCentroids[w]), $0) < (Self.squaredDistance(centres[$1], baseCentroids[w]), $1)
                }
            }
            // Its nearest shown base cluster's parent; when that one is at the top, the nearest
            // top-level parent, so the withheld cluster does not add a top-level record.
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

        if llm.audit { auditNodes(Array(baseCount..<nodes.count), labels: labels, shown: &shown) }
        // A withheld cluster takes everything under it along.
        for node in stride(from: nodes.count - 1, through: baseCount, by: -1) where !shown[node] {
            for child in nodes[node].children { shown[child] = false }
        }

        let hierarchy = Hierarchy(nodes: nodes, baseCount: baseCount, roots: roots, rounds: rounds, partitions: partitions)
        let table = NodeTable(input: input, hierarchy: hierarchy, clusterValues: clusterValues, baseMembers: baseMembers, baseCentroids: baseCentroids)
        return Labeler.records(input: input, hierarchy: hierarchy, table: table, baseOf: baseOf, labels: labels, shown: shown, options: options)
    }

    func membersOf(_ node: Int, _ nodes: [Hierarchy.Node], _ baseMembers: [[Int]]) -> [Int] {
        node < baseMembers.count ? baseMembers[node] : nodes[node].children.flatMap { membersOf($0, nodes, baseMembers) }
    }

    // MARK: Naming

    /// A base cluster's label from `samples` members drawn at random (seeded) and the `contrast`
    /// summaries nearest its centre among `pool` records outside it.
    func nameBase(input: LabelInput, members: [Int], centre: [Float], pool: [Int], keywords: [String], index: Int) -> ClusterLabel {
        var rng = SeededGenerator(seed: options.hierarchy.seed ^ (0xC1D0_0000 &+ UInt64(index)))
        let sample = Self.sample(members, count: llm.samples, rng: &rng).map { input.summaries[$0] }
        let contrast = Self.nearestOutside(input: input, centre: centre, members: members, pool: pool, limit: llm.contrast)
            .map { input.summaries[$0] }
        if let label = ask(LLMPrompts.nameBase(inside: sample, contrast: contrast), schema: LLMPrompts.labelSchema(), maxTokens: 300,
                           parse: { AnswerCheck.label($0) }) {
            return label
        }
        counters.update { $0.fallbacks += 1 }
        let nearest = input.nearest(members, to: centre, limit: 10).map { input.summaries[$0] }
        return OfflineNamer().label(NamingRequest(id: "", level: 0, size: members.count, summaries: nearest, keywords: keywords, children: []))
    }

    func nameParent(input: LabelInput, children: [ClusterLabel], level: Int, size: Int, centre: [Float], pool: [Int]) -> ClusterLabel {
        if let label = ask(LLMPrompts.nameParent(children: children), schema: LLMPrompts.labelSchema(), maxTokens: 300,
                           parse: { AnswerCheck.label($0) }) {
            return label
        }
        counters.update { $0.fallbacks += 1 }
        let nearest = input.nearest(pool, to: centre, limit: 10).map { input.summaries[$0] }
        return OfflineNamer().label(NamingRequest(id: "", level: level, size: size, summaries: nearest, keywords: [], children: children))
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

    /// The `limit` records of `pool` not in `members` nearest `centre` (ties by record order):
    /// the paper's contrast set.
    static func nearestOutside(input: LabelInput, centre: [Float], members: [Int], pool: [Int], limit: Int) -> [Int] {
        guard limit > 0 else { return [] }
        let inside = Set(members)
        return input.nearest(pool.filter { !inside.contains($0) }, to: centre, limit: limit)
    }

    static func squaredDistance(_ a: [Float], _ b: [Float]) -> Float {
        var s: Float = 0
        for i in a.indices {
            let x = a[i] - b[i]
            s += x * x
        }
        return s
    }

    // MARK: Audit

    /// Rates `nodes` (all shown) and withholds those rated below 3 or not rated at all.
    func auditNodes(_ candidates: [Int], labels: [ClusterLabel?], shown: inout [Bool]) {
        let nodes = candidates.filter { shown[$0] && labels[$0] != nil }
        let ratings = concurrentMap(nodes) { [self] node -> Int? in
            self.ask(LLMPrompts.audit(labels[node]!), schema: LLMPrompts.auditSchema(), maxTokens: 20) { text in
                guard let object = AnswerCheck.object(text), let rating = object["rating"]?.intValue else {
                    return .failure(AnswerProblem("field \"rating\" is missing or not a whole number"))
                }
                guard (1...5).contains(rating) else { return .failure(AnswerProblem("the rating must be from 1 to 5, got \(rating)")) }
                return .success(rating)
            }
        }
        for (node, rating) in zip(nodes, ratings) {
            // Fail closed: a cluster the model could not rate is withheld too.
            if rating == nil || rating! < 3 {
                shown[node] = false
                counters.update {
                    $0.auditWithheld += 1
                    if rating == nil { $0.auditUnrated += 1 }
                }
            }
        }
    }

    // MARK: Grouping

    /// The offline grouping of a level: k-means on the clusters' centres, groups in order of
    /// their first member. With `k ≤ count − 1` some group has two members, so the level shrinks.
    static func centroidGroups(_ centres: [[Float]], k: Int, seed: UInt64) -> [[Int]] {
        let d = centres.first?.count ?? 0
        var options = KMeansOptions(k: max(1, min(k, centres.count - 1)))
        options.seed = seed
        options.threads = 1
        let result = kmeans(points: centres.flatMap { $0 }, count: centres.count, dimension: d, options: options)
        return groupsInOrder(result.assignments)
    }

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

    /// One level grouped by the model (paper G.7): neighbourhoods by k-means on the embedded
    /// labels, parent names proposed per neighbourhood, deduplicated to about `desired`, each
    /// child assigned to one of them. Returns groups of positions in `labels`, in order of their
    /// first member; a cluster alone in its neighbourhood is a group of one (carried up).
    func groupWithModel(_ labels: [ClusterLabel], desired: Int, seed: UInt64) throws -> [[Int]] {
        let vectors = try embed(labels.map(Self.labelText))
        let neighbourhoods = Self.neighbourhoods(vectors, size: llm.neighbourhood, seed: seed)

        // Proposals, per neighbourhood of two or more.
        let proposals: [[String]] = concurrentMap(neighbourhoods) { [self] members -> [String] in
            guard members.count >= 2 else { return [] }
            let share = max(1, Int((Double(desired) * Double(members.count) / Double(labels.count)).rounded()))
            let low = max(1, (share + 1) / 2)
            let high = max(low, share + share / 2)
            let outside = Self.nearestClusters(vectors, to: Self.mean(members.map { vectors[$0] }), excluding: Set(members), limit: self.llm.outside)
            let prompt = LLMPrompts.propose(clusters: members.map { labels[$0] }, outside: outside.map { labels[$0] }, low: low, high: high)
            var lastGood: [String] = []
            let accepted = self.ask(prompt, schema: LLMPrompts.namesSchema(), maxTokens: 40 * high + 60) { text -> Result<[String], AnswerProblem> in
                let (names, problem) = AnswerCheck.names(text)
                if !names.isEmpty { lastGood = names }
                if let problem { return .failure(AnswerProblem(problem)) }
                if names.count < low || names.count > high {
                    return .failure(AnswerProblem("give between \(low) and \(high) distinct names, not \(names.count)"))
                }
                return .success(names)
            }
            if let accepted { return accepted }
            self.counters.update { $0.fallbacks += 1 }
            return Array(lastGood.prefix(high))
        }
        var unique: [String] = []
        var seen = Set<String>()
        for name in proposals.joined() where seen.insert(AnswerCheck.normalise(name)).inserted { unique.append(name) }
        guard !unique.isEmpty else { return [] }
        let parents = deduplicate(unique, desired: desired)
        guard !parents.isEmpty else { return [] }

        // Assignment of every child that is not alone in its neighbourhood.
        let parentVectors = try embed(parents)
        var carried = Set<Int>()
        for n in neighbourhoods where n.count == 1 { carried.insert(n[0]) }
        let toAssign = (0..<labels.count).filter { !carried.contains($0) }
        let choice = concurrentMap(toAssign) { [self] child in
            self.assign(labels[child], vector: vectors[child], parents: parents, parentVectors: parentVectors, seed: seed &+ UInt64(child) &* 0x9E37)
        }
        var byParent = [[Int]](repeating: [], count: parents.count)
        for (child, parent) in zip(toAssign, choice) { byParent[parent].append(child) }
        // Parents that got no children are dropped.
        var groups = byParent.filter { !$0.isEmpty }
        for c in carried { groups.append([c]) }
        return groups.sorted { $0[0] < $1[0] }
    }

    /// Neighbourhoods of about `size` clusters: k-means on the label vectors.
    static func neighbourhoods(_ vectors: [[Float]], size: Int, seed: UInt64) -> [[Int]] {
        let count = vectors.count
        let k = max(1, Int((Double(count) / Double(max(size, 1))).rounded()))
        guard k >= 2, count > k else { return [Array(0..<count)] }
        var options = KMeansOptions(k: k)
        options.seed = seed
        options.threads = 1
        let d = vectors[0].count
        let result = kmeans(points: vectors.flatMap { $0 }, count: count, dimension: d, options: options)
        return groupsInOrder(result.assignments)
    }

    static func mean(_ vectors: [[Float]]) -> [Float] {
        guard let d = vectors.first?.count else { return [] }
        var m = [Float](repeating: 0, count: d)
        for v in vectors { for t in 0..<d { m[t] += v[t] } }
        return m.map { $0 / Float(vectors.count) }
    }

    static func nearestClusters(_ vectors: [[Float]], to centre: [Float], excluding: Set<Int>, limit: Int) -> [Int] {
        vectors.indices.filter { !excluding.contains($0) }
            .map { ($0, squaredDistance(vectors[$0], centre)) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .prefix(limit).map(\.0)
    }

    /// Merges proposed names into about `desired`, in rounds of `namesPerPrompt` when there are
    /// many. A failed merge keeps the first names of its batch, so a result always comes back.
    func deduplicate(_ names: [String], desired: Int) -> [String] {
        var list = names
        while list.count > desired {
            let batches = stride(from: 0, to: list.count, by: max(2, llm.namesPerPrompt)).map { Array(list[$0 ..< min($0 + max(2, llm.namesPerPrompt), list.count)]) }
            let total = list.count
            let merged: [[String]] = concurrentMap(batches) { [self] batch -> [String] in
                let target = batches.count == 1 ? desired : max(1, Int((Double(desired) * Double(batch.count) / Double(total)).rounded(.up)))
                let low = max(1, (target + 1) / 2)
                let high = max(low, min(batch.count - 1, target + target / 2))
                guard batch.count > target else { return batch }
                let answer = self.ask(LLMPrompts.deduplicate(names: batch, low: low, high: high), schema: LLMPrompts.namesSchema(),
                                      maxTokens: 40 * high + 60) { text -> Result<[String], AnswerProblem> in
                    let (names, problem) = AnswerCheck.names(text)
                    if let problem { return .failure(AnswerProblem(problem)) }
                    if names.count < low || names.count > high {
                        return .failure(AnswerProblem("give between \(low) and \(high) distinct names, not \(names.count)"))
                    }
                    return .success(names)
                }
                if let answer { return answer }
                self.counters.update { $0.fallbacks += 1 }
                return Array(batch.prefix(target))
            }
            var next: [String] = []
            var seen = Set<String>()
            for name in merged.joined() where seen.insert(AnswerCheck.normalise(name)).inserted { next.append(name) }
            // Every round must shrink the list; one that did not is cut to the desired count.
            if next.count >= list.count || batches.count == 1 {
                list = Array(next.prefix(max(desired + desired / 2, 1)))
                break
            }
            list = next
        }
        return list
    }

    /// The parent a child goes to: the model's choice from the list shuffled per call, taken
    /// exactly, else by normalised text, else by embedding similarity above the threshold; re-asked
    /// otherwise; after the last attempt, the parent nearest the child's own vector.
    func assign(_ child: ClusterLabel, vector: [Float], parents: [String], parentVectors: [[Float]], seed: UInt64) -> Int {
        var order = Array(parents.indices)
        var rng = SeededGenerator(seed: seed)
        order.shuffle(using: &rng)
        let listed = order.map { parents[$0] }
        let exact = Dictionary(parents.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let normalised = Dictionary(parents.enumerated().map { (AnswerCheck.normalise($1), $0) }, uniquingKeysWith: { a, _ in a })
        var fuzzy = false
        let answer = ask(LLMPrompts.assign(child: child, parents: listed), schema: LLMPrompts.assignSchema(), maxTokens: 60) { text -> Result<Int, AnswerProblem> in
            guard let object = AnswerCheck.object(text), let raw = object["category"]?.stringValue else {
                return .failure(AnswerProblem("field \"category\" is missing or not a string"))
            }
            let name = raw.trimmingCharactersInSet()
            if let i = exact[name] { return .success(i) }
            let key = AnswerCheck.normalise(name)
            if !key.isEmpty, let i = normalised[key] {
                fuzzy = true
                return .success(i)
            }
            if !key.isEmpty, let v = try? self.embed([name]).first, let (i, similarity) = Self.mostSimilar(v, parentVectors),
               similarity >= self.llm.matchThreshold {
                fuzzy = true
                return .success(i)
            }
            return .failure(AnswerProblem("\"\(LLMPrompts.oneLine(name))\" is not one of the listed categories"))
        }
        if let answer {
            if fuzzy { counters.update { $0.fuzzyMatches += 1 } }
            return answer
        }
        counters.update { $0.fallbacks += 1 }
        return Self.mostSimilar(vector, parentVectors)?.0 ?? 0
    }

    static func mostSimilar(_ v: [Float], _ candidates: [[Float]]) -> (Int, Float)? {
        var best: (Int, Float)?
        for (i, c) in candidates.enumerated() {
            var dot: Float = 0
            for t in 0..<min(v.count, c.count) { dot += v[t] * c[t] }
            if best == nil || dot > best!.1 { best = (i, dot) }
        }
        return best
    }
}

