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
    /// Rate every cluster's name and description for privacy; withhold those below 3
    /// (`--no-audit` turns it off).
    public var audit = true
    /// Cosine similarity above which an unlisted answer is taken as the nearest listed parent.
    public var matchThreshold: Float = 0.85
    /// Names per deduplication prompt; more are merged in rounds.
    public var namesPerPrompt = 120
    public init() {}
}

/// A chat model's strategy for the labelling loop (`Labeler`): it names clusters (Clio paper
/// G.5, G.7 renaming), groups a level (G.7: neighbourhoods by k-means on the embedded labels,
/// names proposed per neighbourhood, deduplicated, each child assigned to one) and audits names.
///
/// Every question goes through ClioLLM's `Asker` (validated, re-asked with the problem). When a
/// question stays unanswered, the step falls back to something that keeps the output valid —
/// the offline name, the nearest parent by embedding, proposals merged by meaning, or (in the
/// loop) the offline grouping of the level — so a weak model gives a worse hierarchy, never a
/// broken one. Randomness (samples, shuffles) is seeded, so a rerun asks the same questions and
/// is served from the cache. A configuration error from the provider stops the run.
public final class LLMLabeler: ClusterNamer, LevelGrouper, ClusterAuditor, @unchecked Sendable {
    let asker: Asker
    let embedder: any Embedder
    let llm: LLMLabelOptions
    /// Names every cluster offline too: the fallback when the model gives no valid name.
    let offline: OfflineNamer
    public let counters = LabelCounters()
    private let embedLock = Mutex()

    public init(asker: Asker, embedder: any Embedder, llm: LLMLabelOptions, offline: OfflineNamer = OfflineNamer()) {
        self.asker = asker
        self.embedder = embedder
        self.llm = llm
        self.offline = offline
    }

    /// The strategy for `Labeler.label`.
    public var strategy: LabelStrategy {
        LabelStrategy(namer: self, grouper: self, auditor: llm.audit ? self : nil, counters: counters)
    }

    // MARK: Asking

    /// The answer to `question`, or nil when it got none; re-asks are counted.
    func ask<T>(_ question: Question<T>) throws -> T? {
        switch try asker.ask(question) {
        case .answered(let value, let tries):
            if tries > 1 { counters.update { $0.reasked += 1 } }
            return value
        case .failed:
            return nil
        }
    }

    /// `transform` over `items` on `jobs` threads, results in order; the first error is rethrown.
    func concurrentMap<T, R>(_ items: [T], _ transform: @escaping @Sendable (T) throws -> R) throws -> [R] {
        var results: [R] = []
        results.reserveCapacity(items.count)
        var iterator = items.makeIterator()
        try OrderedConcurrentMap.run(
            next: { iterator.next() }, concurrency: min(max(1, llm.jobs), max(1, items.count)),
            transform: { item in Result { try transform(item) } }, emit: { results.append(try $0.get()) })
        return results
    }

    func embed(_ texts: [String]) throws -> [[Float]] {
        try embedLock.withLock { try embedder.embed(texts) }
    }

    static func labelText(_ label: ClusterLabel) -> String { "\(label.name). \(label.description)" }

    // MARK: Naming

    public func name(_ clusters: [ClusterEvidence]) throws -> [ClusterLabel] {
        let fallbacks = try offline.name(clusters)
        return try concurrentMap(Array(zip(clusters, fallbacks))) { [self] evidence, fallback in
            // The text guard is part of the answer's validation: an answer that breaks its rule
            // is asked again with the words named; the last such answer is kept, and the loop
            // removes what still breaks it (`Labeler.guarded`).
            let rejected = RejectedLabels()
            let check: @Sendable (ClusterLabel) -> AnswerProblem? = { label in
                guard let problem = evidence.textGuard.problem(label) else { return nil }
                rejected.add(label)
                return problem
            }
            let question = evidence.children.isEmpty
                ? LLMPrompts.nameBase(inside: evidence.sample(llm.samples), contrast: evidence.contrast(llm.contrast), fallback: fallback, check: check)
                : LLMPrompts.nameParent(children: evidence.children, fallback: fallback, check: check)
            let answer = try ask(question)
            let (last, count) = rejected.snapshot
            var note = TextGuardNote(minUsers: evidence.textGuard.minUsers)
            // Every turned-down answer but a last one without a valid follow-up was asked again.
            note.reasked = answer != nil ? count : max(0, count - 1)
            if var label = answer ?? last {
                label.guardNote = note
                return label
            }
            counters.update { $0.fallbacks += 1 }
            return fallback
        }
    }

    /// The answers the text guard turned down for one question, last kept.
    final class RejectedLabels: @unchecked Sendable {
        private let lock = Mutex()
        private var last: ClusterLabel?
        private var count = 0
        func add(_ label: ClusterLabel) { lock.withLock { last = label; count += 1 } }
        var snapshot: (ClusterLabel?, Int) { lock.withLock { (last, count) } }
    }

    // MARK: Audit

    public func rate(_ labels: [ClusterLabel]) throws -> [Int?] {
        try concurrentMap(labels) { [self] label in try ask(LLMPrompts.audit(label)) }
    }

    // MARK: Grouping

    /// One level grouped by the model; an empty result when nothing usable came back (the loop
    /// then groups the level offline).
    public func group(_ level: LevelClusters, desired: Int, seed: UInt64) throws -> [[Int]] {
        let labels = level.labels
        let vectors = try embed(labels.map(Self.labelText))
        let neighbourhoods = Self.neighbourhoods(vectors, size: llm.neighbourhood, seed: seed)

        // Proposals, per neighbourhood of two or more, in proportion to its share of the level.
        let proposals: [[String]] = try concurrentMap(Array(neighbourhoods.enumerated())) { [self] (tag, members) -> [String] in
            guard members.count >= 2 else { return [] }
            let share = max(1, Int((Double(desired) * Double(members.count) / Double(labels.count)).rounded()))
            let outside = Self.nearestClusters(vectors, to: Self.mean(members.map { vectors[$0] }), excluding: Set(members), limit: llm.outside)
            let question = LLMPrompts.propose(clusters: members.map { labels[$0] }, outside: outside.map { labels[$0] }, desired: share, tag: tag)
            if let names = try ask(question) { return names }
            counters.update { $0.fallbacks += 1 }
            return []
        }
        let unique = Self.distinct(proposals.joined())
        guard !unique.isEmpty else { return [] }
        let parents = try deduplicate(unique, desired: desired)
        guard !parents.isEmpty else { return [] }

        // Every child that is not alone in its neighbourhood goes to one parent.
        let parentVectors = try embed(parents)
        var carried = Set<Int>()
        for n in neighbourhoods where n.count == 1 { carried.insert(n[0]) }
        let toAssign = (0..<labels.count).filter { !carried.contains($0) }
        let choice = try concurrentMap(toAssign) { [self] child in
            try assign(labels[child], vector: vectors[child], parents: parents, parentVectors: parentVectors, seed: seed &+ UInt64(child) &* 0x9E37)
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
        let result = kmeans(points: vectors.flatMap { $0 }, count: count, dimension: vectors[0].count, options: options)
        return CentroidGrouper.groupsInOrder(result.assignments)
    }

    static func mean(_ vectors: [[Float]]) -> [Float] {
        guard let d = vectors.first?.count else { return [] }
        var m = [Float](repeating: 0, count: d)
        for v in vectors { for t in 0..<d { m[t] += v[t] } }
        return m.map { $0 / Float(vectors.count) }
    }

    static func nearestClusters(_ vectors: [[Float]], to centre: [Float], excluding: Set<Int>, limit: Int) -> [Int] {
        vectors.indices.filter { !excluding.contains($0) }
            .map { ($0, Labeler.squaredDistance(vectors[$0], centre)) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .prefix(limit).map(\.0)
    }

    /// Names in order, without those equal to an earlier one but for case and punctuation.
    static func distinct<S: Sequence>(_ names: S) -> [String] where S.Element == String {
        var seen = Set<String>()
        return names.filter { seen.insert(AnswerCheck.normalise($0)).inserted }
    }

    /// Merges proposed names into about `desired`, in rounds of `namesPerPrompt` when there are
    /// many. A batch the model could not merge is merged by meaning (`mergeByMeaning`), so every
    /// proposal stays represented by a name like it: none is dropped for being past the target.
    func deduplicate(_ names: [String], desired: Int) throws -> [String] {
        var list = names
        let size = max(2, llm.namesPerPrompt)
        while list.count > desired {
            let batches = stride(from: 0, to: list.count, by: size).map { Array(list[$0 ..< min($0 + size, list.count)]) }
            let total = list.count
            let merged: [[String]] = try concurrentMap(batches) { [self] batch -> [String] in
                let target = batches.count == 1 ? desired : max(1, Int((Double(desired) * Double(batch.count) / Double(total)).rounded(.up)))
                guard batch.count > target else { return batch }
                if let answer = try ask(LLMPrompts.deduplicate(names: batch, desired: target)) { return answer }
                counters.update { $0.fallbacks += 1 }
                return try mergeByMeaning(batch, into: target)
            }
            let next = Self.distinct(merged.joined())
            if next.count >= list.count {
                // A round that does not shrink the list would never end.
                list = try mergeByMeaning(next, into: desired)
                break
            }
            list = next
            if batches.count == 1 { break }
        }
        return list
    }

    /// `names` grouped by their embeddings into `k` groups (the offline grouping); each group is
    /// represented by its name nearest the group's centre.
    func mergeByMeaning(_ names: [String], into k: Int) throws -> [String] {
        guard names.count > k else { return names }
        let vectors = try embed(names)
        let groups = CentroidGrouper(method: .ward).group(LevelClusters(labels: [], centres: vectors, sizes: names.map { _ in 1 }), desired: k, seed: 0)
        return groups.map { group in
            let centre = Self.mean(group.map { vectors[$0] })
            let best = group.min { (Labeler.squaredDistance(vectors[$0], centre), $0) < (Labeler.squaredDistance(vectors[$1], centre), $1) }!
            return names[best]
        }
    }

    /// The parent a child goes to: the model's choice from the list shuffled per call, taken
    /// exactly, else by normalised text, else by embedding similarity above the threshold;
    /// re-asked otherwise; without a valid answer, the parent nearest the child's own vector.
    func assign(_ child: ClusterLabel, vector: [Float], parents: [String], parentVectors: [[Float]], seed: UInt64) throws -> Int {
        var order = Array(parents.indices)
        var rng = SeededGenerator(seed: seed)
        order.shuffle(using: &rng)
        let listed = order.map { parents[$0] }
        let exact = Dictionary(parents.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let normalised = Dictionary(parents.enumerated().map { (AnswerCheck.normalise($1), $0) }, uniquingKeysWith: { a, _ in a })
        let nearest = Self.mostSimilar(vector, parentVectors)?.0 ?? 0
        let threshold = llm.matchThreshold
        // A dry run's parents are stand-in names whose embeddings say nothing: spreading the
        // children over them keeps the planned parents (and their renaming) in the count.
        var spread = SeededGenerator(seed: seed ^ 0xD1B5_4A32_D192_ED03)
        let rehearsed = Int(spread.next() % UInt64(max(parents.count, 1)))
        let question = LLMPrompts.assign(
            child: child, parents: listed, fallback: asker.ledger == nil ? nearest : rehearsed,
            match: { [self] name in
                if let i = exact[name] { return (i, false) }
                let key = AnswerCheck.normalise(name)
                guard !key.isEmpty else { return nil }
                if let i = normalised[key] { return (i, true) }
                if let v = try? embed([name]).first, let (i, similarity) = Self.mostSimilar(v, parentVectors), similarity >= threshold {
                    return (i, true)
                }
                return nil
            },
            fuzzy: { [counters] in counters.update { $0.fuzzyMatches += 1 } })
        if let answer = try ask(question) { return answer }
        counters.update { $0.fallbacks += 1 }
        return nearest
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
