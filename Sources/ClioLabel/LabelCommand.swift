#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ClioCore
import ClioEmbed
import ClioLLM
import Foundation

/// `clio-label`: clustered records in, one named cluster record per cluster at every level out.
public struct LabelCommand: Command {
    public static let name = "clio-label"
    public static let help = """
        usage: clio-label [options] [file ...]

        Names the base clusters of clustered records (see docs/FORMAT.md), groups them into a
        hierarchy and writes one cluster record per cluster at every level, level 0 first.
        Reads the files given, or standard input when there are none or for '-'.

        Without a model, naming is offline: a cluster is named after its one or two best key phrases
        (runs of one to three words of its summaries, ranked by c-TF-IDF against the other clusters
        of its level, then by similarity to the cluster's centre in the records' own embedding
        space, with maximal marginal relevance), e.g. "Cover letter · job application", and each
        level of the hierarchy is grouped by k-means on the conversations' vectors. With --model (or CLIO_MODEL), a chat model names each base cluster from a
        sample of its summaries and the nearest summaries outside it, and groups each level:
        neighbourhoods of clusters propose parent names, which are deduplicated, every child is
        assigned to one, and each parent is renamed from its children (Clio paper, appendix G; see
        docs/label.md). The offline names are still made first: one stands wherever the model
        gives no valid name. Each level aims at the paper's geometric count between the base clusters
        and --top.

        options:
          --top N                 stop grouping when at most N top-level clusters remain (default 10)
          --children N            about N children per parent: sets the number of levels (default 10,
                                  at least 2)
          --levels N              at most N levels, the base level included (default: no limit,
                                  at least 2); the last allowed level is grouped straight to --top
          --min-conversations N   withhold clusters with fewer than N conversations (default 1)
          --min-users N           withhold clusters with fewer than N distinct users (default 1)
          --text-min-users K      every word of a cluster's name or description that could identify
                                  someone (capitalised, with a digit, rare, or what the PII masker
                                  masks) must be in the summaries of at least K distinct users of
                                  the cluster, else it is left out (default: the larger of
                                  --min-users and 3; docs/pii.md)
          --assignments FILE      also write {"id","cluster","path"} per conversation to FILE
          --tree FILE             place the conversations into an earlier run's tree (its cluster
                                  records, written with --centroids): known clusters keep ids,
                                  names and hierarchy; conversations far from all of them make new
                                  clusters marked "new_since" (docs/monitoring.md)
          --centroids             write each cluster's centre as "centroid", with how far its
                                  members reach ("stats.distance_p95") and the embedding model:
                                  what --tree needs (default off)
          --compact-vectors       write centroids as "f32le:<base64>" strings
          --keywords N            key phrases listed in each description (default 4)
          --grouping METHOD       how levels are grouped offline: ward, average, complete, spherical
                                  or members (default complete: complete linkage on the cosine
                                  distances between the clusters' centres; docs/label.md compares them)
          --raw-vectors           use the vectors as given; by default each language's
                                  conversations are centred at their mean, as clio-cluster does
                                  (docs/cluster.md), so that levels group topics, not languages
          --seed N                seed of the k-means runs and samples of the hierarchy (default 0)
          --keep N                conversations kept for naming in all (default 100000): an
                                  input of no more is held whole; a larger one keeps the same
                                  number c of each base cluster (at least 10, at most 100 or
                                  --samples when larger), drawn at random (seeded), c as large as
                                  the total allows, so memory stays near N however many
                                  conversations come; sizes, stats and users count every one
                                  (users estimated past max(64, 4 x --min-users))
          --reservoir N           instead, N conversations kept per base cluster however many
                                  clusters there are; 'all' keeps every conversation and counts
                                  users exactly
          --skip-invalid          skip malformed records with a warning instead of stopping
          -q, --quiet             no notes or warnings on standard error
          -h, --help              show this help
          --version               show the version

        LLM options:
        \(LLMOptions.help(jobsMeaning: "model calls in flight"))
          --samples N        summaries sampled from inside a base cluster (default 50)
          --contrast N       summaries nearest its centre from outside it (default 50)
          --neighbourhood N  about N clusters per neighbourhood when proposing parents (default 40)
          --embed-model NAME embedder for cluster names: minilm, multilingual or hash (default minilm
                             when its weights are installed, else hash)
          --no-audit         do not rate names and descriptions for privacy; by default, with a
                             model, each is rated on the Clio paper's 1-5 privacy scale and a
                             cluster rated below 3 is withheld (--audit, the old opt-in, is
                             accepted and changes nothing)

        Withheld clusters are not named: the conversations of a parent's withheld children are
        counted in one "Other (below privacy threshold)" record (withheld: true) under it.
        A group of one cluster is carried up unchanged rather than given a single-child parent.

        With --tree, the input is a new period's embedded (or clustered: "cluster" is not read)
        records, of the tree's embedding model. Each conversation goes to the base cluster of its
        nearest centre; those farther from it than 95% of that cluster's members were form the
        group "New since DATE" (the period's first created_at date, else today), which is split
        into new clusters, named (offline or with --model) and marked "new_since". Known clusters
        keep their ids, names and parents and cost no model calls; sizes and stats are this
        period's, and the privacy thresholds apply to this period's counts.

        example:
          clio-summarize chats.jsonl | clio-embed | clio-cluster | clio-label --min-users 5 | clio-tree
          clio-label --model anthropic:claude-haiku-4-5 clustered.jsonl | clio-tree
          clio-label --model openai:gpt-5.4-mini --dry-run --price 0.75,4.5 clustered.jsonl
          clio-summarize week2.jsonl | clio-embed | clio-label --tree week1-clusters.jsonl --centroids
        """

    public var paths: [String] = []
    public var options = LabelOptions()
    public var assignmentsPath: String?
    /// `--tree`: the earlier run's cluster records to place the conversations into.
    public var treePath: String?
    public var skipInvalid = false
    /// The model options shared with clio-summarize; `llm.spec` is nil for offline labelling.
    public var llm = LLMOptions()
    public var llmOptions = LLMLabelOptions()
    public var embedModel: EmbedderSpec?
    public var grouping = GroupingMethod.complete
    /// `--reservoir`: conversations kept per base cluster; nil for the default, `Int.max` for all.
    public var reservoir: Int?
    /// `--keep`: conversations kept in all under the default policy.
    public var keep: Int?
    /// Phrases listed in each offline description (`--keywords`).
    public var keywordCount = 4
    /// `--raw-vectors`: no `LanguageCentring`.
    public var rawVectors = false
    /// For tests: a model used instead of the one `llm.spec` names (still cached).
    public var chatModel: (any ChatModel)?

    public init(arguments: [String]) throws(UsageError) {
        var scanner = ArgumentScanner(arguments)
        var auditFlag = false
        var shaping: String?  // an option that builds a hierarchy, which --tree keeps instead
        while let option = try scanner.nextOption() {
            if ["--top", "--children", "--levels"].contains(option) { shaping = option }
            switch option {
            case "--top": options.hierarchy.top = try scanner.int(for: option, min: 1)
            case "--children": options.hierarchy.childrenPerParent = try scanner.int(for: option, min: 2)
            case "--levels": options.hierarchy.maxLevels = try scanner.int(for: option, min: 2)
            case "--min-conversations": options.minConversations = try scanner.int(for: option, min: 1)
            case "--min-users": options.minUsers = try scanner.int(for: option, min: 1)
            case "--text-min-users": options.textMinUsers = try scanner.int(for: option, min: 1)
            case "--assignments": assignmentsPath = try scanner.value(for: option)
            case "--tree": treePath = try scanner.value(for: option)
            case "--centroids": options.includeCentroids = try scanner.flag(option)
            case "--compact-vectors": options.compactVectors = try scanner.flag(option)
            case "--keywords": keywordCount = try scanner.int(for: option, min: 0, max: 20)
            case "--raw-vectors": rawVectors = try scanner.flag(option)
            case "--grouping":
                let text = try scanner.value(for: option)
                guard let method = GroupingMethod(rawValue: text) else {
                    throw UsageError("option --grouping takes \(GroupingMethod.allCases.map(\.rawValue).joined(separator: ", ")), got '\(text)'")
                }
                grouping = method
            case "--seed":
                let text = try scanner.value(for: option)
                guard let seed = UInt64(text) else { throw UsageError("option --seed needs a whole number from 0, got '\(text)'") }
                options.hierarchy.seed = seed
            case "--reservoir":
                let text = try scanner.value(for: option)
                if text == "all" {
                    reservoir = .max
                } else {
                    guard let n = Int(text), n >= 1 else { throw UsageError("option --reservoir needs a whole number from 1 or 'all', got '\(text)'") }
                    reservoir = n
                }
            case "--keep": keep = try scanner.int(for: option, min: 1)
            case "--samples": llmOptions.samples = try scanner.int(for: option, min: 1)
            case "--contrast": llmOptions.contrast = try scanner.int(for: option, min: 0)
            case "--neighbourhood", "--neighborhood": llmOptions.neighbourhood = try scanner.int(for: option, min: 2)
            case "--embed-model": embedModel = try EmbedderSpec(model: try scanner.value(for: option), dimension: nil)
            case "--audit": auditFlag = try scanner.flag(option)
            case "--no-audit": llmOptions.audit = !(try scanner.flag(option))
            case "--skip-invalid": skipInvalid = try scanner.flag(option)
            case "-q", "--quiet": _ = try scanner.flag(option)
            default: guard try llm.parse(option, &scanner) else { throw scanner.unknown(option) }
            }
        }
        paths = scanner.positionals
        try llm.validate()
        llmOptions.jobs = llm.jobs
        if llm.spec == nil && auditFlag { throw UsageError("option --audit needs --model PROVIDER:MODEL (or CLIO_MODEL)") }
        if auditFlag && !llmOptions.audit { throw UsageError("options --audit and --no-audit cannot both be given") }
        if case .api? = embedModel { throw UsageError("option --embed-model takes minilm, multilingual or hash") }
        if let assignmentsPath, assignmentsPath.isEmpty { throw UsageError("option --assignments needs a file name") }
        if let treePath {
            if treePath.isEmpty { throw UsageError("option --tree needs a file name") }
            if treePath == "-" && (paths.isEmpty || paths.contains("-")) { throw UsageError("option --tree - and the input cannot both be standard input") }
            if let shaping { throw UsageError("option \(shaping) has no effect with --tree, which keeps the tree's hierarchy") }
            if reservoir != nil { throw UsageError("option --reservoir has no effect with --tree, which reads every conversation") }
            if keep != nil { throw UsageError("option --keep has no effect with --tree, which reads every conversation") }
        }
        if keep != nil && reservoir != nil { throw UsageError("options --keep and --reservoir cannot both be given") }
    }

    /// Conversations kept for naming. By default 100,000 in all (`--keep`): an input of no more
    /// is held whole (so its output is that of holding every record), and a larger one keeps
    /// the same number of each base cluster, as many as the total allows — so memory stops
    /// growing with the input. A cluster keeps at most 100 — twice what a model is shown
    /// (`--samples` 50) and the Clio paper's typical cluster; a larger `--samples` raises it —
    /// and at least 10, so that past about 10,000 large clusters memory grows as 10 × k.
    /// `--reservoir N` keeps N per cluster however many clusters there are.
    public var reservoirPolicy: ReservoirPolicy {
        if let reservoir { return .perCluster(reservoir) }
        return .shared(total: keep ?? 100_000, most: max(100, llmOptions.samples), least: 10)
    }

    public func run(output: OutputWriter) throws {
        let reader = RecordInput(paths: paths, skipInvalid: skipInvalid)
        var input = LabelInput()
        // --tree: read the tree first, so a bad one fails before the input is read. Without it,
        // one pass keeps per-cluster counts and reservoirs (ClusterDigest), not every record.
        var tree = try treePath.map { TreeInput(tree: try LabelTree(path: $0)) }
        var digest = tree == nil
            ? try ClusterDigest(policy: reservoirPolicy, minUsers: options.minUsers, seed: options.hierarchy.seed,
                                assignments: assignmentsPath != nil, centring: !rawVectors)
            : nil
        try reader.forEach { record, location in
            if tree != nil { try tree!.add(record, at: location) } else { try digest!.add(record, at: location) }
        }
        var finished: ClusterDigest.Finished?
        let centring: LanguageCentring?
        if let tree {
            input = tree.input
            // New records are centred at the tree's means, so that they meet its centroids in
            // its space; a tree of raw vectors (before 3 Dec 2026, or --raw-vectors) is met raw.
            centring = tree.tree.centring
            if let centring { input.centreByLanguage(centring) }
        } else {
            finished = try digest!.finish()
            input = finished!.input
            centring = digest!.centring
        }
        if let centring, !Diagnostics.quiet { Diagnostics.note(centring.summary(flag: "--raw-vectors")) }
        var labelOptions = options
        labelOptions.centring = centring
        // Open the assignments file before the work so a bad path fails fast.
        let assignmentsFile = try assignmentsPath.map { path throws(ClioError) in try OutputWriter(creating: path) }

        let started = monotonicSeconds()
        var llmRun: (labeler: LLMLabeler, runtime: LLMOptions.Runtime)?
        var namer = OfflineNamer(keywordCount: keywordCount, embedder: phraseEmbedder(for: input))
        namer.centring = centring
        var strategy = LabelStrategy(namer: namer, grouper: CentroidGrouper(method: grouping))
        if llm.spec != nil || chatModel != nil {
            let run = try makeLLMLabeler(offline: namer)
            llmRun = run
            strategy = run.labeler.strategy
        }
        let result: LabelOutput
        var placement: TreePlacement?
        if let tree {
            (result, placement) = try Labeler.label(input, into: tree.tree, since: tree.since, options: labelOptions, strategy: strategy)
        } else {
            result = try Labeler.label(finished!, options: labelOptions, strategy: strategy)
        }
        if let ledger = llmRun?.runtime.ledger {
            // A dry run writes the plan, not records built from stand-in answers.
            try output.write(ledger.report(model: llmRun!.runtime.spec.name, price: llm.price))
            return
        }
        for (i, record) in result.clusters.enumerated() {
            if let digest, let base = result.membersOf[i] {
                try digest.write(record, membersOf: base, to: output)
            } else {
                try output.write(record: record)
            }
        }
        if let assignmentsFile {
            do {
                // From a digest the assignments were spilled in input order; they are copied out now.
                if let digest {
                    try digest.writeAssignments(paths: result.paths, to: assignmentsFile)
                } else {
                    for record in result.assignments { try assignmentsFile.write(record: record) }
                }
                try assignmentsFile.flush()
            } catch is BrokenPipe {
                throw ClioError(.io, "cannot write \(assignmentsPath ?? ""): \(systemError())")
            }
        }
        if let placement, let tree { Diagnostics.note(placement.summary(count: input.count, tree: tree.tree.source)) }
        if let totals = finished?.totals, case let sampled = totals.complete.filter({ !$0 }).count, sampled > 0 {
            Diagnostics.note(
                "named \(sampled) of \(totals.sizes.count) base clusters from a sample of \(digest?.reservoir ?? 0) of their conversations "
                    + "(\(reservoir == nil ? "--keep" : "--reservoir")); sizes and stats count every conversation")
        }
        if options.minConversations > 1 || options.minUsers > 1 {
            Diagnostics.note(
                "withheld \(RunSummary.count(result.withheldClusters, "cluster")) and "
                    + "\(RunSummary.count(result.withheldConversations, "conversation")) "
                    + "below the privacy threshold (--min-conversations \(options.minConversations), --min-users \(options.minUsers))")
        }
        let c = strategy.counters.snapshot
        Diagnostics.note(textGuardSummary(c, withModel: llmRun != nil))
        if let llmRun {
            if llmOptions.audit {
                let unrated = c.auditUnrated > 0 ? " (\(c.auditUnrated) not rated)" : ""
                Diagnostics.note("audit withheld \(RunSummary.count(c.auditWithheld, "cluster")) rated below 3\(unrated)")
            }
            let v = llmRun.runtime.stats.snapshot
            if v.callFailures > 0 {
                Diagnostics.warning("\(RunSummary.count(v.callFailures, "model call")) failed; their clusters were named or placed offline")
            }
            var parts = [RunSummary.count(v.calls, "call"), RunSummary.count(v.cacheHits, "cache hit")]
            if v.retries > 0 { parts.append(RunSummary.count(v.retries, "retry", "retries")) }
            parts.append("\(v.callFailures) failed")
            parts.append("\(c.reasked) re-asked")
            parts.append(RunSummary.count(c.fallbacks, "fallback"))
            if c.fuzzyMatches > 0 { parts.append(RunSummary.count(c.fuzzyMatches, "fuzzy match", "fuzzy matches")) }
            if c.offlineLevels > 0 { parts.append(RunSummary.count(c.offlineLevels, "level") + " grouped offline") }
            parts.append("tokens \(v.tokensIn) in / \(v.tokensOut) out\(llm.costText(v))")
            parts.append(formatDuration(monotonicSeconds() - started))
            Diagnostics.note("model: " + parts.joined(separator: ", ") + " (\(llmRun.runtime.spec.name))")
        }
        reader.summary(written: result.clusters.count, writtenNoun: "cluster records")
            .print(details: [RunSummary.count(result.levelCount, "level"), "\(result.topLevelCount) at the top"])
    }

    /// The text guard's stderr line: "text guard (3 users): 3 names re-asked, 1 word removed".
    func textGuardSummary(_ c: LabelCounters.Values, withModel: Bool) -> String {
        var parts: [String] = []
        if withModel { parts.append(RunSummary.count(c.guardReasked, "name") + " re-asked") }
        parts.append(RunSummary.count(c.guardWordsRemoved, "word") + " removed")
        if !withModel { parts.append(RunSummary.count(c.guardPhrasesLeftOut, "key phrase") + " left out") }
        return "text guard (at least \(RunSummary.count(options.textGuardMinUsers, "user")) per identifying word): " + parts.joined(separator: ", ")
    }

    /// The model (cached unless --no-cache) and the name embedder of the LLM path.
    func makeLLMLabeler(offline: OfflineNamer) throws -> (labeler: LLMLabeler, runtime: LLMOptions.Runtime) {
        // Every answer is kept, usable or not: a rerun asks nothing and writes the same output.
        let runtime = try llm.runtime(base: chatModel, keepsUnusableAnswers: true)
        let spec = embedModel ?? (LocalModel.miniLM.locate(modelDir: nil) != nil ? .miniLM : .hash(dimension: HashedEmbedder.defaultDimension))
        let embedder = try Embedders.make(spec)
        return (LLMLabeler(asker: runtime.asker, embedder: embedder, llm: llmOptions, offline: offline), runtime)
    }

    /// The embedder of the records' own space (their `embedding_model`), which key phrases are
    /// compared in; nil, with one note saying why, when clio-label cannot run it.
    func phraseEmbedder(for input: LabelInput) -> PhraseEmbedder? {
        guard input.count > 0 else { return nil }
        let fallback = "key phrases are ranked by c-TF-IDF alone"
        guard let model = input.embeddingSpace else {
            Diagnostics.note("the records name no embedding_model; \(fallback)")
            return nil
        }
        let spec: EmbedderSpec
        switch model.name {
        case LocalModel.miniLM.name: spec = .miniLM
        case LocalModel.multilingual.name: spec = .multilingual
        case HashedEmbedder(dimension: 1).name: spec = .hash(dimension: model.dimension)
        default:
            Diagnostics.note("the records were embedded with \(model.name), which clio-label does not run; \(fallback)")
            return nil
        }
        do {
            let embedder = try Embedders.make(spec)
            guard embedder.dimension == input.dimension else {
                Diagnostics.note("\(model.name) gives \(embedder.dimension) dimensions but the records have \(input.dimension); \(fallback)")
                return nil
            }
            let cache = llm.noCache ? nil : try? ContentCache(directory: ContentCache.defaultDirectory("embeddings"))
            return PhraseEmbedder(embedder: embedder, cache: embedder.isWorthCaching ? cache : nil)
        } catch {
            Diagnostics.note("\((error as? ClioError)?.message ?? "\(error)"); \(fallback)")
            return nil
        }
    }
}
