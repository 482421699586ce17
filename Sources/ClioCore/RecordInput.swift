/// The `--skip-invalid` policy every stage shares: without it the first bad record is thrown;
/// with it each one is reported on stderr and counted, and the count is printed at the end.
public struct SkipPolicy: Sendable {
    public let skipInvalid: Bool
    public private(set) var skipped = 0

    public init(skipInvalid: Bool) { self.skipInvalid = skipInvalid }

    /// Skip and count `error`, or rethrow it.
    public mutating func handle(_ error: ClioError) throws(ClioError) {
        guard skipInvalid else { throw error }
        skipped += 1
        Diagnostics.warning("\(error.description) (skipped, --skip-invalid)")
    }

    /// Prints how many records were skipped, if any.
    public func finish() {
        if skipped > 0 {
            Diagnostics.warning("skipped \(RunSummary.count(skipped, "invalid record"))")
        }
    }
}

/// Reads JSONL records from files or standard input, one at a time, and applies the shared
/// policy for bad lines: by default the first bad line stops the run (everything before it has
/// been written); with `skipInvalid` each bad line is reported on stderr and skipped, and the
/// count is printed at the end.
public final class RecordInput {
    public let paths: [String]
    private var policy: SkipPolicy
    public var skipInvalid: Bool { policy.skipInvalid }
    public var skipped: Int { policy.skipped }
    /// Records read so far: every line that is not blank, bad ones included.
    public private(set) var read = 0
    private let reader: LineReader

    public init(paths: [String], skipInvalid: Bool) {
        self.paths = paths
        policy = SkipPolicy(skipInvalid: skipInvalid)
        reader = LineReader(paths: paths)
    }

    /// Parses one line into a JSON object, or explains why it is not one.
    public static func parseObject(_ line: InputLine) throws(ClioError) -> JSONObject {
        let value: JSON
        do {
            value = try JSONParser.parse(line.bytes)
        } catch {
            throw ClioError(.invalidJSON, "invalid JSON at column \(error.offset + 1): \(error.message)", at: line.location)
        }
        guard case .object(let object) = value else {
            throw ClioError(.invalidJSON, "expected a JSON object, got \(value.typeName)", at: line.location)
        }
        return object
    }

    /// The next good record, skipping blank lines and (with `skipInvalid`) bad ones.
    public func next() throws -> (record: JSONObject, location: Location)? {
        while let line = reader.next() {
            if line.isBlank { continue }
            read += 1
            do {
                let object = try RecordInput.parseObject(line)
                return (object, line.location)
            } catch {
                try handle(error)
            }
        }
        if let failure = reader.failure { throw failure }
        return nil
    }

    /// Calls `body` for each good record. A `ClioError` of code `invalidRecord` or `invalidJSON`
    /// thrown by `body` is tied to the record's line and handled like a malformed line.
    public func forEach(_ body: (JSONObject, Location) throws -> Void) throws {
        try reader.checkReadable()
        while let (record, location) = try next() {
            do {
                try body(record, location)
            } catch let error as ClioError where error.code == .invalidRecord || error.code == .invalidJSON {
                try handle(error.at(location))
            }
        }
        finish()
    }

    /// Applies the bad-line policy to an error about one record: skip and count, or rethrow.
    public func handle(_ error: ClioError) throws { try policy.handle(error) }

    /// Prints how many records were skipped, if any.
    public func finish() { policy.finish() }

    /// The run's closing line so far: the records read, `written`, and those skipped as invalid.
    public func summary(written: Int, writtenNoun: String? = nil) -> RunSummary {
        var summary = RunSummary(read: read, written: written, writtenNoun: writtenNoun)
        summary.skip("invalid", count: skipped)
        return summary
    }
}

/// Typed access to the fields a stage owns, with errors that name the field.
extension JSONObject {
    /// The string at a dotted path; missing or of another type is an `invalidRecord` error.
    public func requireString(_ path: String) throws(ClioError) -> String {
        guard let value = JSON.object(self)[path: path] else {
            throw ClioError(.invalidRecord, "field \"\(path)\" is missing")
        }
        guard case .string(let s) = value else {
            throw ClioError(.invalidRecord, "field \"\(path)\" must be a string, got \(value.typeName)")
        }
        return s
    }

    /// The value at a dotted path, or nil.
    public func value(at path: String) -> JSON? { JSON.object(self)[path: path] }

    /// A record's `id` as text: strings as they are, numbers as written.
    public func idString() -> String? {
        switch self["id"] {
        case .string(let s)?: return s
        case .number(let d)?: return d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .rawNumber(let s)?: return s
        default: return nil
        }
    }
}
