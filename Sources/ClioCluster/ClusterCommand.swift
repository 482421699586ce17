import ClioCore
import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `clio-cluster`: k-means over the records' vectors; each record passes through with
/// `cluster` and `cluster_distance` added.
public struct ClusterCommand: Command {
    public static let name = "clio-cluster"
    public static let help = """
        usage: clio-cluster [options] [file ...]

        Groups embedded records with k-means (greedy k-means++ seeding, then Lloyd iterations
        with Elkan/Yinyang distance bounds, or mini-batch k-means for large inputs). Every record is written
        back unchanged with "cluster" (0 … k-1) and "cluster_distance" (Euclidean distance to
        its centre) added. Reads files or standard input ("-").

        options:
          -k N                 number of clusters (default: from --per-cluster); clamped to 1 … n
          --per-cluster N      aim for N records per cluster: k = ceil(n / N) (default 20)
          --field NAME         the vector field, a JSON array or "f32le:<base64>" (default embedding)
          --seed N             random seed; the same input, seed and thread count give the same
                               output (default 0)
          --max-iter N         Lloyd iterations at most, or passes over the data for mini-batch
                               (default 300)
          --tol X              stop when the centres' total squared shift is at most X times the
                               mean per-dimension variance of the data (default 1e-4)
          --cosine             spherical k-means: vectors and centres are L2-normalised and
                               distances are between the normalised vectors
          --mini-batch         mini-batch k-means (default: automatic above \(KMeansOptions.miniBatchThreshold) records)
          --no-mini-batch      always full Lloyd iterations
          --batch-size N       records per mini-batch step (default 4096)
          --no-bounds          plain Lloyd without distance bounds (same result, for measuring)
          --bound-group N      centres per group of distance bounds: 1 is Elkan's algorithm, k
                               Hamerly's (default 2, more when the bounds would pass 64 MiB)
          --centroids FILE     also write {"cluster":i,"size":n,"centroid":[…]} lines to FILE
          --threads N          threads for the distance computations (default: all cores)
          --skip-invalid       report and skip bad records instead of stopping
          --verbose            timings (parse, seeding, iterations, write), iterations and inertia
          -q, --quiet          no warnings or notes
          -h, --help           this text
          --version            the version

        Records without the vector field, with a vector of another dimension than the first
        record's, or with non-finite values are errors that name their line (or, with
        --skip-invalid, are skipped). Empty input gives empty output. When there are fewer
        distinct vectors than k, the clusters that stay empty are dropped, so k can be smaller.

        example:
          clio-summarize chats.jsonl | clio-embed | clio-cluster --per-cluster 30 --centroids centres.jsonl | clio-label
        """

    public var k: Int?
    public var perCluster = 20
    public var field = "embedding"
    public var seed: UInt64 = 0
    public var maxIterations = 300
    public var tolerance = 1e-4
    public var cosine = false
    public var miniBatch: Bool?
    public var batchSize = 4096
    public var useBounds = true
    public var boundGroupSize: Int?
    public var centroidsPath: String?
    public var threads = 0
    public var skipInvalid = false
    public var verbose = false
    public var files: [String] = []

    public init(arguments: [String]) throws(UsageError) {
        var scanner = ArgumentScanner(arguments)
        while let option = try scanner.nextOption() {
            switch option {
            case "-k": k = try scanner.int(for: option, min: 1)
            case "--per-cluster": perCluster = try scanner.int(for: option, min: 1)
            case "--field":
                field = try scanner.value(for: option)
                if field.isEmpty { throw UsageError("option --field needs a field name") }
            case "--seed":
                let text = try scanner.value(for: option)
                guard let v = UInt64(text) else { throw UsageError("option --seed needs a whole number ≥ 0, got '\(text)'") }
                seed = v
            case "--max-iter": maxIterations = try scanner.int(for: option, min: 1)
            case "--tol": tolerance = try scanner.double(for: option, min: 0)
            case "--cosine": cosine = try scanner.flag(option)
            case "--mini-batch": miniBatch = try scanner.flag(option)
            case "--no-mini-batch": miniBatch = !(try scanner.flag(option))
            case "--batch-size": batchSize = try scanner.int(for: option, min: 1)
            case "--no-bounds": useBounds = !(try scanner.flag(option))
            case "--bound-group": boundGroupSize = try scanner.int(for: option, min: 1)
            case "--centroids": centroidsPath = try scanner.value(for: option)
            case "--threads": threads = try scanner.int(for: option, min: 1, max: 1024)
            case "--skip-invalid": skipInvalid = try scanner.flag(option)
            case "--verbose": verbose = try scanner.flag(option)
            case "-q", "--quiet": _ = try scanner.flag(option)
            default: throw scanner.unknown(option)
            }
        }
        files = scanner.positionals
    }

    /// The options handed to `kmeans` for `n` records.
    public func options(count n: Int) -> KMeansOptions {
        let asked = k ?? (n + perCluster - 1) / perCluster
        var o = KMeansOptions(k: max(1, min(asked, n)))
        o.seed = seed
        o.maxIterations = maxIterations
        o.tolerance = tolerance
        o.cosine = cosine
        o.threads = threads
        o.miniBatch = miniBatch
        o.batchSize = batchSize
        o.useBounds = useBounds
        o.boundGroupSize = boundGroupSize
        return o
    }

    public func run(output: OutputWriter) throws {
        let t0 = monotonicSeconds()
        let cpu0 = processCPUSeconds()
        let reader = LineBlockReader(paths: files)
        try reader.checkReadable()
        var centroidsFile: OutputWriter?
        var centroidsFD: Int32 = -1
        if let centroidsPath {
            centroidsFD = open(centroidsPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            if centroidsFD < 0 { throw ClioError(.io, "cannot write \(centroidsPath): \(systemError())") }
            centroidsFile = OutputWriter(fd: centroidsFD)
        }
        defer { if centroidsFD >= 0 { close(centroidsFD) } }

        let input = try readRecords(reader)
        let t1 = monotonicSeconds()
        let cpu1 = processCPUSeconds()
        let n = input.kept.count
        if n == 0 {
            if !Diagnostics.quiet { Diagnostics.note("no records in the input; nothing to cluster") }
            try centroidsFile?.flush()
            return
        }
        let d = input.dimension
        let opts = options(count: n)
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
        if let centroidsFile {
            for j in 0..<result.k {
                let row = Array(result.centroids[(j * d)..<((j + 1) * d)])
                let record: JSONObject = ["cluster": .number(Double(j)), "size": .number(Double(result.sizes[j])),
                                          "centroid": VectorCodec.encode(row)]
                try centroidsFile.write(record: record)
            }
            try centroidsFile.flush()
        }
        let t3 = monotonicSeconds()
        if verbose {
            func s(_ x: Double) -> String { String(format: "%.3fs", x) }
            let method = result.usedMiniBatch ? "mini-batch steps" : "lloyd iterations"
            Diagnostics.note(
                "\(n) records, dimension \(d), k \(result.k)\(result.k < opts.k ? " (asked \(opts.k))" : "")"
                    + "; parse \(s(t1 - t0)), seeding \(s(result.seedingSeconds)), iterations \(s(result.iterationSeconds)), "
                    + "write \(s(t3 - t2)), total \(s(t3 - t0))")
            Diagnostics.note("\(result.iterations) \(method), inertia \(String(format: "%.6g", result.inertia))")
            // CPU seconds too: on a busy machine wall time says more about the neighbours.
            Diagnostics.note("cpu: parse \(s(cpu1 - cpu0)), k-means \(s(cpu2 - cpu1)), total \(s(processCPUSeconds() - cpu0))")
        }
    }

    struct Input {
        /// The input's lines, and which of them were kept (block, line in block), in order.
        var blocks: [LineBlock] = []
        var kept: [(Int32, Int32)] = []
        var needsFullSerialisation: [Bool] = []
        var vectors: [Float] = []
        var dimension = 0
        var dimensionLine: Location?
    }

    private static let watchKeys = [Array("cluster".utf8), Array("cluster_distance".utf8)]

    /// What parsing one block of lines gave: the vectors one after another, and per line the
    /// vector's length (or the error) and whether the record already has the output keys.
    final class ParsedBlock: @unchecked Sendable {
        var vectors: [Float] = []
        var lengths: [Int] = []
        var errors: [Int: ClioError] = [:]
        var needsFull: [Bool] = []
    }

    /// Reads every record, keeping its raw bytes and its vector; bad records follow the
    /// --skip-invalid policy. Blocks of lines are parsed on the other cores while the next block
    /// is read, then merged in line order, so errors and warnings come out in order.
    func readRecords(_ reader: LineBlockReader) throws -> Input {
        let threadCount = threads > 0 ? threads : ProcessInfoCores.count
        let fieldBytes = Array(field.utf8)
        let fastField = !field.contains(".")
        let field = self.field
        var blocks: [LineBlock] = []
        var parsed: [ParsedBlock] = []
        let group = DispatchGroup()
        // At most one block per thread waits or is parsed at a time, so reading stays ahead
        // without holding parse results for blocks nobody works on.
        let slots = DispatchSemaphore(value: threadCount)
        do {
            defer { group.wait() }
            while let block = try reader.next() {
                let result = ParsedBlock()
                blocks.append(block)
                parsed.append(result)
                let work = {
                    for q in 0..<block.count {
                        let line = InputLineView(bytes: block.line(q), location: { block.location(q) })
                        let before = result.vectors.count
                        do throws(ClioError) {
                            result.needsFull.append(
                                try ClusterCommand.parse(line, field: field, fieldBytes: fieldBytes, fast: fastField,
                                                         into: &result.vectors))
                            result.lengths.append(result.vectors.count - before)
                        } catch {
                            result.vectors.removeSubrange(before...)
                            result.errors[q] = error
                            result.needsFull.append(false)
                            result.lengths.append(-1)
                        }
                    }
                }
                if threadCount <= 1 {
                    work()
                } else {
                    slots.wait()
                    DispatchQueue.global().async(group: group) {
                        work()
                        slots.signal()
                    }
                }
            }
        }
        var input = Input()
        input.blocks = blocks
        let total = blocks.reduce(0) { $0 + $1.count }
        input.kept.reserveCapacity(total)
        input.needsFullSerialisation.reserveCapacity(total)
        var policy = SkipPolicy(skipInvalid: skipInvalid)
        for (b, block) in blocks.enumerated() {
            let chunk = parsed[b]
            parsed[b] = ParsedBlock()
            var offset = 0
            for (q, count) in chunk.lengths.enumerated() {
                do {
                    if let error = chunk.errors[q] { throw error }
                    if count == 0 {
                        throw ClioError(.invalidRecord, "field \"\(field)\" is an empty vector", at: block.location(q))
                    }
                    if let first = input.dimensionLine {
                        if count != input.dimension {
                            throw ClioError(.invalidRecord,
                                            "field \"\(field)\" has \(count) numbers, expected \(input.dimension) as on line \(first.line)",
                                            at: block.location(q))
                        }
                    } else {
                        input.dimension = count
                        input.dimensionLine = block.location(q)
                        input.vectors.reserveCapacity(count * total)
                    }
                    input.vectors.append(contentsOf: chunk.vectors[offset..<(offset + count)])
                    input.kept.append((Int32(b), Int32(q)))
                    input.needsFullSerialisation.append(chunk.needsFull[q])
                } catch let error as ClioError {
                    try policy.handle(error)
                }
                if count > 0 { offset += count }
            }
        }
        policy.finish()
        return input
    }

    /// One line to parse: its bytes, and its place (made only when an error needs it).
    struct InputLineView {
        var bytes: UnsafeBufferPointer<UInt8>
        var location: () -> Location
    }

    /// Appends one line's vector to `vectors`; returns whether the record already has
    /// `cluster` or `cluster_distance`.
    static func parse(_ line: InputLineView, field: String, fieldBytes: [UInt8], fast: Bool,
                      into vectors: inout [Float]) throws(ClioError) -> Bool {
        if fast, let scan = FastVector.scan(line.bytes, field: fieldBytes, watchKeys: watchKeys, into: &vectors) {
            guard scan.found else { throw ClioError(.invalidRecord, "field \"\(field)\" is missing", at: line.location()) }
            return scan.hasWatchedKey
        }
        let record = try RecordInput.parseObject(InputLine(bytes: Array(line.bytes), location: line.location()))
        guard let value = record.value(at: field) else {
            throw ClioError(.invalidRecord, "field \"\(field)\" is missing", at: line.location())
        }
        do {
            vectors.append(contentsOf: try VectorCodec.decode(value, field: field))
        } catch {
            throw error.at(line.location())
        }
        return record["cluster"] != nil || record["cluster_distance"] != nil
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

/// CPU seconds used by this process, all threads.
func processCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
