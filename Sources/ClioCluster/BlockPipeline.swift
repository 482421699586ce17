import ClioCore
import Dispatch

/// What parsing one block of lines gave: the vectors one after another, and per line where its
/// vector starts and how long it is (or the error), and whether the record already has the
/// output keys. A stage that assigns centres on the worker thread fills `labels` and `distances`
/// (per line; -1 where the line has no usable vector).
final class ParsedBlock: @unchecked Sendable {
    var vectors: [Float] = []
    var offsets: [Int] = []
    var lengths: [Int] = []
    var errors: [Int: ClioError] = [:]
    var needsFull: [Bool] = []
    /// Per line, the first language of `facets.language` ("" without one), when the parser
    /// reads languages.
    var languages: [String] = []
    var labels: [Int32] = []
    var distances: [Float] = []

    /// The vector of line `q`, which must have parsed.
    func vector(_ q: Int) -> ArraySlice<Float> { vectors[offsets[q]..<(offsets[q] + lengths[q])] }
}

/// How the lines of a block are read: the vector field, and the keys whose presence means the
/// record must be re-serialised rather than spliced.
struct VectorFieldParser: Sendable {
    let field: String
    let fieldBytes: [UInt8]
    /// A top-level field can go through `FastVector`; a dotted path needs the full parser.
    let fast: Bool
    /// Whether each line's `facets.language` is read too (for `LanguageCentring`).
    let languages: Bool

    init(field: String, languages: Bool = false) {
        self.field = field
        fieldBytes = Array(field.utf8)
        fast = !field.contains(".")
        self.languages = languages
    }

    private static let watchKeys = [Array("cluster".utf8), Array("cluster_distance".utf8)]

    /// Parses every line of `block`; a bad line keeps its error and parsing goes on.
    func parse(_ block: LineBlock) -> ParsedBlock {
        let result = ParsedBlock()
        var names: [[UInt8]: String] = [:]
        for q in 0..<block.count {
            let before = result.vectors.count
            result.offsets.append(before)
            do throws(ClioError) {
                let (needsFull, language) = try parse(block.line(q), location: { block.location(q) }, into: &result.vectors,
                                                      names: &names)
                result.needsFull.append(needsFull)
                if languages { result.languages.append(language) }
                result.lengths.append(result.vectors.count - before)
            } catch {
                result.vectors.removeSubrange(before...)
                result.errors[q] = error
                result.needsFull.append(false)
                if languages { result.languages.append("") }
                result.lengths.append(-1)
            }
        }
        return result
    }

    /// Appends one line's vector to `vectors`; returns whether the record already has
    /// `cluster` or `cluster_distance`, and its language when the parser reads languages ("" otherwise).
    func parse(_ bytes: UnsafeBufferPointer<UInt8>, location: () -> Location, into vectors: inout [Float],
               names: inout [[UInt8]: String]) throws(ClioError) -> (needsFull: Bool, language: String)
    {
        if fast, let scan = FastVector.scan(bytes, field: fieldBytes, watchKeys: Self.watchKeys, language: languages,
                                            into: &vectors) {
            guard scan.found else { throw ClioError(.invalidRecord, "field \"\(field)\" is missing", at: location()) }
            var language = ""
            if let range = scan.language {
                // A corpus spells its languages a few dozen ways: each is read once per block.
                let raw = Array(bytes[range])
                if let known = names[raw] {
                    language = known
                } else {
                    language = LanguageCentring.primary(String(decoding: raw, as: UTF8.self))
                    names[raw] = language
                }
            }
            return (scan.hasWatchedKey, language)
        }
        let record = try RecordInput.parseObject(InputLine(bytes: Array(bytes), location: location()))
        guard let value = record.value(at: field) else {
            throw ClioError(.invalidRecord, "field \"\(field)\" is missing", at: location())
        }
        do {
            vectors.append(contentsOf: try VectorCodec.decode(value, field: field))
        } catch {
            throw error.at(location())
        }
        let language = languages ? LanguageCentring.primary(record.value(at: LanguageCentring.field)?.stringValue) : ""
        return (record["cluster"] != nil || record["cluster_distance"] != nil, language)
    }

    /// The error for line `q` of a parsed block, if its vector cannot be used: it did not
    /// parse, is empty, or has another length than `dimension` (which the first good vector
    /// sets when nil; `expected` says where the dimension came from).
    func problem(_ parsed: ParsedBlock, _ q: Int, in block: LineBlock, dimension: inout Int?,
                 expected: () -> String) -> ClioError? {
        if let error = parsed.errors[q] { return error }
        let count = parsed.lengths[q]
        if count == 0 { return ClioError(.invalidRecord, "field \"\(field)\" is an empty vector", at: block.location(q)) }
        guard let d = dimension else {
            dimension = count
            return nil
        }
        if count != d {
            return ClioError(.invalidRecord, "field \"\(field)\" has \(count) numbers, expected \(d) \(expected())",
                             at: block.location(q))
        }
        return nil
    }
}

/// Reads `reader`'s blocks and runs `work` on each on up to `threads` worker threads while the
/// next blocks are read, then hands every block with its result to `deliver` on the calling
/// thread, in input order. At most `threads + 1` blocks are held at once, so memory does not
/// grow with the input unless `deliver` keeps the blocks. Work still running when `deliver` or
/// the reader throws is waited for before the error propagates.
func forEachBlock<R>(_ reader: LineBlockReader, threads: Int, work: @escaping @Sendable (LineBlock) -> R,
                     deliver: (LineBlock, R) throws -> Void) throws {
    if threads <= 1 {
        while let block = try reader.next() { try deliver(block, work(block)) }
        return
    }
    let group = DispatchGroup()
    defer { group.wait() }
    var pending: [PendingBlock<R>] = []
    func deliverOldest() throws {
        let oldest = pending.removeFirst()
        oldest.done.wait()
        try deliver(oldest.block, oldest.result!)
    }
    while let block = try reader.next() {
        let job = PendingBlock<R>(block)
        pending.append(job)
        DispatchQueue.global().async(group: group) {
            job.result = work(job.block)
            job.done.signal()
        }
        if pending.count > threads { try deliverOldest() }
    }
    while !pending.isEmpty { try deliverOldest() }
}

/// A block being worked on, and its result once `done` is signalled.
private final class PendingBlock<R>: @unchecked Sendable {
    let block: LineBlock
    var result: R?
    let done = DispatchSemaphore(value: 0)
    init(_ block: LineBlock) { self.block = block }
}
