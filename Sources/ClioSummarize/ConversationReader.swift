import ClioCore

/// Reads conversations from files or standard input in any supported format, one at a time,
/// and applies the shared bad-record policy: stop at the first bad record, or (with
/// `skipInvalid`) warn, count and go on.
///
/// Each input is detected on its own: a first non-space byte `[` means one JSON array (an
/// export), read element by element and converted by the adapter its first element fits;
/// anything else is JSON Lines, detected record by record.
public final class ConversationReader {
    public let paths: [String]
    /// The format forced by `--input-format`, or nil to detect it.
    public let format: InputFormat?
    private var policy: SkipPolicy
    public var skipInvalid: Bool { policy.skipInvalid }
    public var skipped: Int { policy.skipped }
    public private(set) var read = 0
    private var pathIndex = -1
    private var document: DocumentReader?
    /// The format of the current array document, fixed by its first element.
    private var arrayFormat: InputFormat?

    public init(paths: [String], format: InputFormat?, skipInvalid: Bool) {
        self.paths = paths.isEmpty ? ["-"] : paths
        self.format = format
        policy = SkipPolicy(skipInvalid: skipInvalid)
    }

    /// Opens every named file up front so a typo is reported before any output is written.
    public func checkReadable() throws(ClioError) {
        try LineReader(paths: paths).checkReadable()
    }

    /// The next good conversation with the format it was read as; nil at the end of all inputs.
    public func next() throws -> (conversation: Conversation, format: InputFormat)? {
        while true {
            if document == nil {
                pathIndex += 1
                guard pathIndex < paths.count else { return nil }
                let reader = DocumentReader(path: paths[pathIndex])
                try reader.openInput()
                document = reader
                arrayFormat = nil
            }
            guard let reader = document, let element = try reader.next() else {
                document = nil
                continue
            }
            let result = Result { () throws(ClioError) in try convert(element, isArray: reader.shape == .array) }
            switch result {
            case .success(let value): return value
            case .failure(var error):
                if let index = element.index { error.message += " (array element \(index))" }
                try handle(error.at(element.location))
            }
        }
    }

    private func convert(_ element: DocumentElement, isArray: Bool) throws(ClioError) -> (conversation: Conversation, format: InputFormat) {
        let value: JSON
        do {
            value = try JSONParser.parse(element.bytes)
        } catch {
            // In an array the element may span many lines; its first line is what we can name.
            let place = isArray ? "in the element starting on this line" : "at column \(error.offset + 1)"
            throw ClioError(.invalidJSON, "invalid JSON \(place): \(error.message)", at: element.location)
        }
        guard case .object(let record) = value else {
            throw ClioError(.invalidJSON, "expected a JSON object, got \(value.typeName)", at: element.location)
        }
        var chosen = format
        if chosen == nil {
            if isArray {
                if arrayFormat == nil { arrayFormat = InputFormat.detect(record) }
                chosen = arrayFormat
            } else {
                chosen = InputFormat.detect(record)
            }
        }
        guard let chosen else {
            throw ClioError(
                .invalidRecord,
                "cannot tell the conversation format: expected a \"messages\", \"conversations\", \"chat_messages\" or \"mapping\" field (or use --input-format)",
                at: element.location)
        }
        do {
            let conversation = try chosen.conversation(from: record, location: element.location)
            read += 1
            return (conversation, chosen)
        } catch {
            throw error.at(element.location)
        }
    }

    /// Applies the bad-record policy to an error about one record: skip and count, or rethrow.
    public func handle(_ error: ClioError) throws { try policy.handle(error) }

    /// Prints how many records were skipped as invalid, if any.
    public func finish() { policy.finish() }
}
