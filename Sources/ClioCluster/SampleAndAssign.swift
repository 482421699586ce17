import ClioCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The two modes whose memory does not grow with the input: `--assign` (a map stage) and
/// `--fit-sample` (a sample pass, a fit on the sample, then the `--assign` pass over everything).
extension ClusterCommand {
    /// `--assign FILE`: each record gets the nearest of the file's centres, block by block.
    func runAssign(centresPath: String, output: OutputWriter) throws {
        let t0 = monotonicSeconds()
        let cpu0 = processCPUSeconds()
        let reader = LineBlockReader(paths: files)
        try reader.checkReadable()
        let centres = try Centres.load(path: centresPath)
        var policy = SkipPolicy(skipInvalid: skipInvalid)
        let written = try writeAssignments(reader, centres: centres, output: output, progress: Progress(label: "assigned")) {
            try policy.handle($0)
        }
        policy.finish()
        if verbose {
            Diagnostics.note("\(written) records assigned to \(centres.count) centres of dimension \(centres.dimension) in "
                             + "\(seconds(monotonicSeconds() - t0)) (cpu \(seconds(processCPUSeconds() - cpu0)))")
        }
        RunSummary(written: written, skippedInvalid: policy.skipped).print(details: ["\(centres.count) centres"])
    }

    /// Streams `reader`'s records to `output`, each with its nearest centre; a record whose
    /// vector is missing, bad or of another dimension goes to `problem` (which throws to stop).
    /// Returns the number of records written.
    func writeAssignments(_ reader: LineBlockReader, centres: Centres, output: OutputWriter, progress: Progress,
                          problem: (ClioError) throws -> Void) throws -> Int {
        var written = 0
        _ = try forEachGoodRecord(reader, assigning: centres, progress: progress, problem: problem) { block, parsed, q, _ in
            try output.writeLine { out in
                ClusterCommand.annotate(block.line(q), fullSerialisation: parsed.needsFull[q],
                                        cluster: centres.ids[Int(parsed.labels[q])], distance: parsed.distances[q], into: &out)
                out.append(0x0A)
            }
            written += 1
        }
        try output.flush()
        return written
    }

    /// `--fit-sample N`: pass 1 checks every record and keeps a seeded sample of N vectors
    /// (spooling standard input for pass 2); k-means runs on the sample, in input order; pass 2
    /// assigns every record as `--assign` would, with the same code, so a Spark job that fits
    /// on the same sample and assigns with `--assign` writes the same bytes.
    func runFitSample(size: Int, output: OutputWriter) throws {
        let t0 = monotonicSeconds()
        let cpu0 = processCPUSeconds()
        let reader = LineBlockReader(paths: files)
        try reader.checkReadable()
        let centroidsFile = try openCentroidsFile()
        let spool = try ClusterCommand.needsSpool(files) ? try Spool() : nil

        var policy = SkipPolicy(skipInvalid: skipInvalid)
        var reservoir: SampleReservoir?
        var valid = 0
        // Languages by number, so that the sample keeps a small tag per record.
        var languageNames = StringNumbers()
        let dimension = try forEachGoodRecord(reader, languages: !rawVectors, progress: Progress(label: "read (sampling)"),
                                              problem: { try policy.handle($0) }) { block, parsed, q, position in
            if reservoir == nil { reservoir = SampleReservoir(capacity: size, dimension: parsed.lengths[q], seed: fit.seed) }
            let tag = rawVectors ? 0 : languageNames.number(parsed.languages[q])
            reservoir!.offer(index: position, vector: parsed.vector(q), tag: tag)
            valid += 1
            try spool?.write(block.line(q))
        }
        policy.finish()
        let t1 = monotonicSeconds()
        let cpu1 = processCPUSeconds()
        guard let reservoir, let d = dimension else {
            if !Diagnostics.quiet { Diagnostics.note("no records in the input; nothing to cluster") }
            try centroidsFile?.finish()
            return
        }

        var sample = reservoir.sample()
        let m = sample.indices.count
        let (_, note) = clusterCount(records: valid, fitted: m)
        if let note, !Diagnostics.quiet { Diagnostics.note(note) }
        let opts = options(count: valid, fitted: m)
        // The means are the sample's, as a fit of the sample alone (scripts/spark_pipeline.py) finds them.
        let sampleLanguages = sample.tags.map { languageNames.count == 0 ? "" : languageNames[$0] }
        let centring = rawVectors ? nil : LanguageCentring.estimate(vectors: sample.vectors, dimension: d, languages: sampleLanguages)
        if let centring {
            centring.centre(&sample.vectors, languages: sampleLanguages)
            noteCentring(centring)
        }
        let result = kmeans(points: sample.vectors, count: m, dimension: d, options: opts)
        try centroidsFile?.write(result, centring: centring)
        let centres = Centres(vectors: result.centroids, dimension: d, ids: Array(0..<result.k), source: "the fit",
                              centring: centring)
        let t2 = monotonicSeconds()
        let cpu2 = processCPUSeconds()

        // Pass 2. Bad records were reported (or stopped the run) in pass 1; here they are
        // passed over again without a second warning.
        let again = try spool.map { try $0.reader() } ?? LineBlockReader(paths: files)
        let written = try writeAssignments(again, centres: centres, output: output,
                                           progress: Progress(label: "assigned", total: valid)) { _ in }
        if written != valid {
            throw ClioError(.io, "the input changed between the two passes of --fit-sample (\(valid) good records "
                                 + "the first time, \(written) the second); do not change the files while it runs")
        }
        let t3 = monotonicSeconds()
        if verbose {
            Diagnostics.note(
                "\(valid) records, dimension \(d), sample \(m), k \(result.k)\(result.k < opts.k ? " (asked \(opts.k))" : "")"
                    + "; read and sample \(seconds(t1 - t0))\(spool == nil ? "" : " (standard input spooled)"), "
                    + "seeding \(seconds(result.seedingSeconds)), iterations \(seconds(result.iterationSeconds)), "
                    + "assign and write \(seconds(t3 - t2)), total \(seconds(t3 - t0))")
            noteIterations(result)
            Diagnostics.note("cpu: read and sample \(seconds(cpu1 - cpu0)), k-means \(seconds(cpu2 - cpu1)), "
                             + "assign \(seconds(processCPUSeconds() - cpu2)), total \(seconds(processCPUSeconds() - cpu0))")
        }
        RunSummary(written: written, skippedInvalid: policy.skipped)
            .print(details: [RunSummary.count(result.k, "cluster"), "fitted on a sample of \(m)"])
    }

    /// Whether the input can only be read once (standard input, a pipe, a FIFO), so that
    /// `--fit-sample` must keep a copy for its second pass; regular files are read again.
    static func needsSpool(_ files: [String]) throws -> Bool {
        if files.isEmpty { return true }
        for path in files {
            if path == "-" { return true }
            var st = stat()
            if stat(path, &st) != 0 { throw ClioError(.io, "cannot open \(path): \(systemError())") }
            if (st.st_mode & S_IFMT) != S_IFREG { return true }
        }
        return false
    }
}

/// A copy of the good input lines for `--fit-sample`'s second pass over standard input: a
/// temporary file in $TMPDIR (else /tmp), unlinked as soon as it is created, so that it is gone
/// when the process ends however it ends.
final class Spool {
    private let fd: Int32
    private let writer: OutputWriter
    private let directory: String
    private var handedOver = false

    init() throws {
        var dir = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        if dir.isEmpty { dir = "/tmp" }
        directory = dir
        var template = Array("\(dir)/clio-cluster-spool-XXXXXX".utf8CString)
        fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 { throw ClioError(.io, "cannot create a spool file in \(dir) (--fit-sample over standard input): \(systemError())") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        writer = OutputWriter(fd: fd, capacity: 1 << 20)
    }

    deinit { if !handedOver { close(fd) } }

    func write(_ line: UnsafeBufferPointer<UInt8>) throws {
        do {
            try writer.writeLine { out in
                out.append(contentsOf: line)
                out.append(0x0A)
            }
        } catch let error as ClioError {
            throw failure(error)
        }
    }

    private func failure(_ error: ClioError) -> ClioError {
        ClioError(.io, "cannot write the spool file in \(directory) (--fit-sample over standard input; "
                       + "TMPDIR can name a larger disk): \(writeFailureReason(error))")
    }

    /// A reader over what was written (which then owns the descriptor).
    func reader() throws -> LineBlockReader {
        do {
            try writer.flush()
        } catch let error as ClioError {
            throw failure(error)
        }
        if lseek(fd, 0, SEEK_SET) < 0 { throw ClioError(.io, "cannot read the spool file back: \(systemError())") }
        handedOver = true
        return LineBlockReader(descriptor: fd, name: "<spool of standard input>")
    }
}
