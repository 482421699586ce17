import ClioCore
import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `clio-cluster`: k-means over the records' vectors; each record passes through with
/// `cluster` and `cluster_distance` added. Three ways to run: k-means on every record (the
/// default), k-means on a seeded sample then every record assigned (`--fit-sample`), or no
/// fitting, each record assigned to given centres as it streams past (`--assign`).
public struct ClusterCommand: Command {
    public static let name = "clio-cluster"
    public static let help = """
        usage: clio-cluster [options] [file ...]
               clio-cluster --fit-sample N [--centroids FILE] [options] [file ...]
               clio-cluster --assign FILE [options] [file ...]

        Groups embedded records with k-means (greedy k-means++ seeding, then Lloyd iterations
        with Elkan/Yinyang distance bounds, or mini-batch k-means for large inputs). Every record is written
        back unchanged with "cluster" (0 … k-1) and "cluster_distance" (Euclidean distance to
        its centre) added. Reads files or standard input ("-").

        Before the fit each language's conversations (facets.language, the first language named)
        are centred at their mean and scaled back to unit length, so that clusters follow topics
        rather than languages: languages with at least \(LanguageCentring.minimumConversations) conversations at their own mean,
        smaller ones and records without a language at the largest language's; with no language of
        \(LanguageCentring.minimumConversations) the vectors are used as given. Distances and centres are in that space; the
        means go to the --centroids file, so that --assign centres the same way.

        options:
          -k N                 number of clusters (default: n/20 up to \(linearKLimit) records, then
                               \(linearKLimit / defaultPerCluster) × √(n/\(linearKLimit)); see docs/cluster.md); clamped to 1 … n
          --per-cluster N      aim for N records per cluster: k = ceil(n / N)
          --fit-sample N       fit k-means on a seeded uniform sample of N records (one pass,
                               N vectors in memory), then assign every record to its nearest
                               centre; memory is the sample's, not the input's. Standard input
                               is spooled to a temporary file ($TMPDIR) for the second pass;
                               files are read twice. The default k is still from n (the whole
                               input), but at most N/\(defaultPerCluster): a sample of √(n × \(linearKLimit))
                               records allows the full default k
          --assign FILE        no fitting: assign each record to the nearest of the centres in
                               FILE (as --centroids writes it), streaming, in flat memory; the
                               output of any split of the input (GNU parallel --pipe
                               --keep-order, Spark rdd.pipe) joined in order is byte-identical
                               to one process's
          --population N       the input is a sample of N records: the default k is chosen for
                               N (for a sample drawn elsewhere, e.g. by scripts/spark_pipeline.py)
          --field NAME         the vector field, a JSON array or "f32le:<base64>" (default embedding)
          --seed N             random seed of k-means and of the sample; the same input, seed
                               and thread count give the same output (default 0)
          --max-iter N         Lloyd iterations at most, or passes over the data for mini-batch
                               (default 300)
          --tol X              stop when the centres' total squared shift is at most X times the
                               mean per-dimension variance of the data (default 1e-4)
          --raw-vectors        cluster the vectors as given: no centring by language
          --cosine             spherical k-means: vectors and centres are L2-normalised and
                               distances are between the normalised vectors (give it with
                               --assign too when the centres were fitted with it)
          --mini-batch         mini-batch k-means (default: automatic above \(KMeansOptions.miniBatchThreshold) records fitted)
          --no-mini-batch      always full Lloyd iterations
          --batch-size N       records per mini-batch step (default 4096)
          --no-bounds          plain Lloyd without distance bounds (same result, for measuring)
          --bound-group N      centres per group of distance bounds: 1 is Elkan's algorithm, k
                               Hamerly's (default 2, more when the bounds would pass 64 MiB)
          --centroids FILE     also write {"cluster":i,"size":n,"centroid":[…]} lines to FILE
                               (with --fit-sample, size counts the sample's records), then one
                               {"language":…,"conversations":n,"mean":[…]} line per centred language
          --threads N          threads for parsing and distances (default: all cores)
          --skip-invalid       report and skip bad records instead of stopping
          --verbose            timings (parse, seeding, iterations, write), iterations and inertia
          -q, --quiet          no warnings or notes
          -h, --help           this text
          --version            the version

        Records without the vector field, with a vector of another dimension than the first
        record's (or the centres'), or with non-finite values are errors that name their line
        (or, with --skip-invalid, are skipped). Empty input gives empty output. When there are
        fewer distinct vectors than k, the clusters that stay empty are dropped, so k can be
        smaller. With --fit-sample every record is checked in the first pass, before any output.

        examples:
          clio-summarize chats.jsonl | clio-embed | clio-cluster --per-cluster 30 --centroids centres.jsonl | clio-label
          clio-cluster --fit-sample 200000 --centroids centres.jsonl embedded.jsonl > clustered.jsonl
          parallel --pipe --keep-order --block 64M clio-cluster --assign centres.jsonl < more.jsonl > more-clustered.jsonl
        """

    /// Up to this many records the default k is one cluster per `defaultPerCluster` records;
    /// past it k grows as the square root of n (docs/cluster.md gives the measurements).
    public static let linearKLimit = 100_000
    public static let defaultPerCluster = 20

    public var k: Int?
    public var perCluster: Int?
    public var fitSample: Int?
    public var assignPath: String?
    public var population: Int?
    public var field = "embedding"
    /// The fit's options as given (seed, iterations, tolerance, cosine, threads, mini-batch,
    /// bounds); `k` is decided per run by `options(count:fitted:)`.
    public var fit = KMeansOptions(k: 0)
    public var centroidsPath: String?
    /// `--raw-vectors`: no `LanguageCentring` before the fit.
    public var rawVectors = false
    public var skipInvalid = false
    public var verbose = false
    public var files: [String] = []

    public init(arguments: [String]) throws(UsageError) {
        var scanner = ArgumentScanner(arguments)
        // Options that shape a fit, which --assign does not do.
        var fitOptions: [String] = []
        while let option = try scanner.nextOption() {
            switch option {
            case "-k", "--per-cluster", "--fit-sample", "--population", "--seed", "--max-iter", "--tol", "--mini-batch",
                "--no-mini-batch", "--batch-size", "--no-bounds", "--bound-group", "--centroids", "--raw-vectors":
                fitOptions.append(option)
            default: break
            }
            switch option {
            case "-k": k = try scanner.int(for: option, min: 1)
            case "--per-cluster": perCluster = try scanner.int(for: option, min: 1)
            case "--fit-sample": fitSample = try scanner.int(for: option, min: 1)
            case "--assign":
                assignPath = try scanner.value(for: option)
                if assignPath!.isEmpty { throw UsageError("option --assign needs a file name") }
            case "--population": population = try scanner.int(for: option, min: 1)
            case "--field":
                field = try scanner.value(for: option)
                if field.isEmpty { throw UsageError("option --field needs a field name") }
            case "--seed":
                let text = try scanner.value(for: option)
                guard let v = UInt64(text) else { throw UsageError("option --seed needs a whole number ≥ 0, got '\(text)'") }
                fit.seed = v
            case "--max-iter": fit.maxIterations = try scanner.int(for: option, min: 1)
            case "--tol": fit.tolerance = try scanner.double(for: option, min: 0)
            case "--cosine": fit.cosine = try scanner.flag(option)
            case "--mini-batch": fit.miniBatch = try scanner.flag(option)
            case "--no-mini-batch": fit.miniBatch = !(try scanner.flag(option))
            case "--batch-size": fit.batchSize = try scanner.int(for: option, min: 1)
            case "--no-bounds": fit.useBounds = !(try scanner.flag(option))
            case "--bound-group": fit.boundGroupSize = try scanner.int(for: option, min: 1)
            case "--centroids": centroidsPath = try scanner.value(for: option)
            case "--raw-vectors": rawVectors = try scanner.flag(option)
            case "--threads": fit.threads = try scanner.int(for: option, min: 1, max: 1024)
            case "--skip-invalid": skipInvalid = try scanner.flag(option)
            case "--verbose": verbose = try scanner.flag(option)
            case "-q", "--quiet": _ = try scanner.flag(option)
            default: throw scanner.unknown(option)
            }
        }
        files = scanner.positionals
        if assignPath != nil, let first = fitOptions.first {
            throw UsageError("option \(first) does not go with --assign, which fits nothing (the centres come from its file)")
        }
        if k != nil && perCluster != nil { throw UsageError("options -k and --per-cluster both set the number of clusters; give one") }
        if fitSample != nil && population != nil {
            throw UsageError("option --population does not go with --fit-sample, which counts the records itself")
        }
    }

    /// The default number of clusters for `n` records: one per 20 records up to 100,000
    /// records, then 5,000 × √(n / 100,000), so that the fit's cost (n × k per k-means++ step
    /// and per iteration) stops growing as n² (docs/cluster.md, "k for large inputs").
    public static func defaultK(records n: Int) -> Int {
        if n <= linearKLimit { return (n + defaultPerCluster - 1) / defaultPerCluster }
        let k = Double(linearKLimit / defaultPerCluster) * (Double(n) / Double(linearKLimit)).squareRoot()
        return Int(k.rounded(.up))
    }

    /// The number of clusters asked for `n` records when k-means is fitted on `m` of them (a
    /// sample; `m == n` otherwise), and a note when the default had to be lowered because the
    /// sample would leave fewer than `defaultPerCluster` records per cluster.
    public func clusterCount(records n: Int, fitted m: Int) -> (k: Int, note: String?) {
        var note: String?
        let asked: Int
        if let k {
            asked = k
        } else if let perCluster {
            asked = (n + perCluster - 1) / perCluster
        } else {
            let rule = ClusterCommand.defaultK(records: n)
            let cap = (m + ClusterCommand.defaultPerCluster - 1) / ClusterCommand.defaultPerCluster
            if m < n && rule > cap {
                note = "the default k for \(n) records is \(rule), but a sample of \(m) holds fewer than "
                    + "\(ClusterCommand.defaultPerCluster) records per cluster for it: using k \(cap) "
                    + "(a sample of \(rule * ClusterCommand.defaultPerCluster) records would allow \(rule); or give -k)"
            }
            asked = min(rule, cap)
        }
        return (max(1, min(asked, m)), note)
    }

    /// The options handed to `kmeans` for `n` records, fitted on `m` of them (default all).
    public func options(count n: Int, fitted m: Int? = nil) -> KMeansOptions {
        var o = fit
        o.k = clusterCount(records: n, fitted: m ?? n).k
        return o
    }

    public func run(output: OutputWriter) throws {
        if let assignPath {
            try runAssign(centresPath: assignPath, output: output)
        } else if let fitSample {
            try runFitSample(size: fitSample, output: output)
        } else {
            try runFull(output: output)
        }
    }

    /// Threads for parsing and distances.
    var threadCount: Int { fit.threads > 0 ? fit.threads : Parallel.cores }

    /// Opens the --centroids file (before any work, so a bad path fails fast).
    func openCentroidsFile() throws -> CentroidsFile? {
        guard let centroidsPath else { return nil }
        return try CentroidsFile(path: centroidsPath)
    }

    /// Every record in memory, k-means on all of them, every record written with its cluster.
    func runFull(output: OutputWriter) throws {
        let t0 = monotonicSeconds()
        let cpu0 = processCPUSeconds()
        let reader = LineBlockReader(paths: files)
        try reader.checkReadable()
        let centroidsFile = try openCentroidsFile()

        var input = try readRecords(reader)
        let t1 = monotonicSeconds()
        let cpu1 = processCPUSeconds()
        let n = input.kept.count
        if n == 0 {
            if !Diagnostics.quiet { Diagnostics.note("no records in the input; nothing to cluster") }
            try centroidsFile?.finish()
            return
        }
        if let population, population < n {
            throw ClioError(.other, "--population \(population) is smaller than the \(n) records read")
        }
        let d = input.dimension
        if let population, let note = clusterCount(records: population, fitted: n).note, !Diagnostics.quiet {
            Diagnostics.note(note)
        }
        let opts = options(count: population ?? n, fitted: n)
        let centring = rawVectors ? nil : LanguageCentring.estimate(vectors: input.vectors, dimension: d, languages: input.languages)
        if let centring {
            centring.centre(&input.vectors, languages: input.languages)
            noteCentring(centring)
        }
        let result = kmeans(points: input.vectors, count: n, dimension: d, options: opts)
        let t2 = monotonicSeconds()
        let cpu2 = processCPUSeconds()

        for i in 0..<n {
            let (b, q) = input.kept[i]
            try output.writeLine { out in
                ClusterCommand.annotate(input.blocks[Int(b)].line(Int(q)), fullSerialisation: input.needsFullSerialisation[i],
                                        cluster: Int(result.assignments[i]), distance: result.distances[i], into: &out)
                out.append(0x0A)
            }
        }
        try output.flush()
        try centroidsFile?.write(result, centring: centring)
        let t3 = monotonicSeconds()
        if verbose {
            Diagnostics.note(
                "\(n) records, dimension \(d), k \(result.k)\(result.k < opts.k ? " (asked \(opts.k))" : "")"
                    + "; parse \(seconds(t1 - t0)), seeding \(seconds(result.seedingSeconds)), "
                    + "iterations \(seconds(result.iterationSeconds)), write \(seconds(t3 - t2)), total \(seconds(t3 - t0))")
            noteIterations(result)
            // CPU seconds too: on a busy machine wall time says more about the neighbours.
            Diagnostics.note("cpu: parse \(seconds(cpu1 - cpu0)), k-means \(seconds(cpu2 - cpu1)), total \(seconds(processCPUSeconds() - cpu0))")
        }
        RunSummary(written: n, skippedInvalid: input.skipped).print(details: [RunSummary.count(result.k, "cluster")])
    }

    /// Says once which languages were centred, unless quiet.
    func noteCentring(_ centring: LanguageCentring) {
        if !Diagnostics.quiet { Diagnostics.note(centring.summary(flag: "--raw-vectors")) }
    }

    func noteIterations(_ result: KMeansResult) {
        let method = result.usedMiniBatch ? "mini-batch steps" : "lloyd iterations"
        Diagnostics.note("\(result.iterations) \(method), inertia \(String(format: "%.6g", result.inertia))")
    }

    struct Input {
        /// The input's lines, and which of them were kept (block, line in block), in order.
        var blocks: [LineBlock] = []
        var kept: [(Int32, Int32)] = []
        var needsFullSerialisation: [Bool] = []
        var vectors: [Float] = []
        /// Per kept record, its language (without --raw-vectors).
        var languages: [String] = []
        var dimension = 0
        /// Bad records skipped under --skip-invalid.
        var skipped = 0
    }

    /// Reads every record, keeping its raw bytes and its vector; bad records follow the
    /// --skip-invalid policy. Each block's parse buffers are freed once merged.
    func readRecords(_ reader: LineBlockReader) throws -> Input {
        var input = Input()
        var policy = SkipPolicy(skipInvalid: skipInvalid)
        var lastBlock: LineBlock?
        let dimension = try forEachGoodRecord(reader, languages: !rawVectors, problem: { try policy.handle($0) }) {
            block, parsed, q, _ in
            if lastBlock !== block {
                input.blocks.append(block)
                lastBlock = block
            }
            input.vectors.append(contentsOf: parsed.vector(q))
            input.kept.append((Int32(input.blocks.count - 1), Int32(q)))
            input.needsFullSerialisation.append(parsed.needsFull[q])
            if !rawVectors { input.languages.append(parsed.languages[q]) }
        }
        input.dimension = dimension ?? 0
        input.skipped = policy.skipped
        policy.finish()
        return input
    }

    /// Calls `body` with every good record of `reader`, in input order: its block, the block's
    /// parse, its line in the block, and its position among the input's records (bad ones
    /// included); with `languages` (or centres that centre by language) the parse holds each
    /// record's language. Blocks are parsed (and, given `centres`, assigned) on the other cores while
    /// the next ones are read; `progress` counts the records. A bad record goes to `problem` (which throws to stop): one that
    /// did not parse, an empty vector, or one whose length differs from the centres' or, without
    /// centres, from the first good record's. Returns that dimension (nil: no good record).
    func forEachGoodRecord(_ reader: LineBlockReader, assigning centres: Centres? = nil, languages: Bool = false,
                           progress: Progress? = nil, problem: (ClioError) throws -> Void,
                           body: (LineBlock, ParsedBlock, Int, Int) throws -> Void) throws -> Int? {
        let parser = VectorFieldParser(field: field, languages: languages || centres?.centring != nil)
        let cosine = fit.cosine
        var dimension = centres?.dimension
        var dimensionLine = 0
        var position = 0
        try forEachBlock(reader, threads: threadCount, work: { block in
            let parsed = parser.parse(block)
            centres?.assign(parsed, cosine: cosine)
            return parsed
        }) { block, parsed in
            for q in 0..<block.count {
                // Every record has a position, good or bad, so skipping one moves no other.
                defer { position += 1 }
                let first = dimension == nil
                let expected = { centres.map { "as the centres in \($0.source)" } ?? "as on line \(dimensionLine)" }
                if let error = parser.problem(parsed, q, in: block, dimension: &dimension, expected: expected) {
                    try problem(error)
                    continue
                }
                if first { dimensionLine = block.location(q).line }
                try body(block, parsed, q, position)
            }
            progress?.advance(by: block.count)
        }
        return dimension
    }

    /// The record's line with `"cluster"` and `"cluster_distance"` added: spliced before the
    /// closing brace, or (when the record already has either key) by re-serialising it.
    public static func annotate(_ bytes: [UInt8], fullSerialisation: Bool, cluster: Int, distance: Float,
                                into out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer {
            annotate($0, fullSerialisation: fullSerialisation, cluster: cluster, distance: distance, into: &out)
        }
    }

    public static func annotate(_ bytes: UnsafeBufferPointer<UInt8>, fullSerialisation: Bool, cluster: Int, distance: Float,
                                into out: inout [UInt8]) {
        var number: [UInt8] = []
        JSONSerializer.writeNumber(distance, to: &number)
        if fullSerialisation, var record = try? JSONParser.parse(Array(bytes)).objectValue {
            record["cluster"] = .number(Double(cluster))
            record["cluster_distance"] = .rawNumber(String(decoding: number, as: UTF8.self))
            JSONSerializer.write(.object(record), to: &out)
            return
        }
        var end = bytes.count - 1
        while end >= 0 && bytes[end] != UInt8(ascii: "}") { end -= 1 }
        var before = end - 1
        while before >= 0 && (bytes[before] == 0x20 || bytes[before] == 0x09 || bytes[before] == 0x0D || bytes[before] == 0x0A) {
            before -= 1
        }
        let empty = before >= 0 && bytes[before] == UInt8(ascii: "{")
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<end]))
        out.append(contentsOf: (empty ? "\"cluster\":" : ",\"cluster\":").utf8)
        out.append(contentsOf: String(cluster).utf8)
        out.append(contentsOf: ",\"cluster_distance\":".utf8)
        out.append(contentsOf: number)
        out.append(UInt8(ascii: "}"))
    }
}

/// The --centroids file: opened before the work, written after the fit.
final class CentroidsFile {
    let path: String
    private let writer: OutputWriter

    init(path: String) throws {
        self.path = path
        writer = try OutputWriter(creating: path)
    }

    /// One `{"cluster":i,"size":n,"centroid":[…]}` line per cluster of the fit, then the
    /// language means the vectors were centred at.
    func write(_ result: KMeansResult, centring: LanguageCentring?) throws {
        let d = result.dimension
        for j in 0..<result.k {
            let row = Array(result.centroids[(j * d)..<((j + 1) * d)])
            let record: JSONObject = ["cluster": .number(Double(j)), "size": .number(Double(result.sizes[j])),
                                      "centroid": VectorCodec.encode(row)]
            try writer.write(record: record)
        }
        for record in centring?.records() ?? [] { try writer.write(record: record) }
        try finish()
    }

    func finish() throws {
        do {
            try writer.flush()
        } catch let error as ClioError {
            throw ClioError(.io, "cannot write \(path): \(writeFailureReason(error))")
        }
    }
}

/// The reason in an `OutputWriter` failure, for a message that names the file instead.
func writeFailureReason(_ error: ClioError) -> String {
    let prefix = "cannot write output: "
    return error.message.hasPrefix(prefix) ? String(error.message.dropFirst(prefix.count)) : error.message
}

func seconds(_ x: Double) -> String { String(format: "%.3fs", x) }

/// CPU seconds used by this process, all threads.
func processCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
