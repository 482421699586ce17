#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thrown when the reader of our output has gone away (`| head -1`); `Tool.main` turns it into
/// a quiet exit 0, as Unix filters do.
public struct BrokenPipe: Error {}

/// Buffered writer to a file descriptor (standard output by default).
///
/// Output is flushed when the buffer fills, at the end, and — when `lineFlush` is set — after
/// every record, which keeps a slow stage's output visible to the next stage as it is made.
public final class OutputWriter: @unchecked Sendable {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int
    public var lineFlush: Bool

    /// Closed with the writer: set for the files `create(path:)` opens.
    private let ownsDescriptor: Bool

    public init(fd: Int32 = 1, capacity: Int = 1 << 16, lineFlush: Bool = false) {
        self.fd = fd
        self.capacity = capacity
        self.lineFlush = lineFlush
        ownsDescriptor = false
        buffer.reserveCapacity(capacity)
    }

    /// The one way a tool opens an output file (--centroids, --assignments, --errors): created
    /// or truncated, mode 0644, closed when the writer goes away. Unflushed bytes are not written
    /// then; the caller flushes where it can report a failure.
    public init(creating path: String, capacity: Int = 1 << 16, lineFlush: Bool = false) throws(ClioError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 { throw ClioError(.io, "cannot write \(path): \(systemError())") }
        self.fd = fd
        self.capacity = capacity
        self.lineFlush = lineFlush
        ownsDescriptor = true
        buffer.reserveCapacity(capacity)
    }

    deinit { if ownsDescriptor { close(fd) } }

    /// Standard output, flushed per record when it is a terminal.
    public static func standardOutput() -> OutputWriter {
        OutputWriter(fd: 1, lineFlush: isatty(1) != 0)
    }

    /// Writes one record as one line of JSON.
    public func write(record: JSON) throws {
        JSONSerializer.write(record, to: &buffer)
        buffer.append(0x0A)
        try afterWrite()
    }

    public func write(record: JSONObject) throws { try write(record: .object(record)) }

    /// Writes bytes that already form whole lines (for example a line passed through untouched).
    public func write(bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        try afterWrite()
    }

    /// Writes one line that `body` appends straight into the buffer (ending with a newline),
    /// with no copy of its own.
    public func writeLine(_ body: (inout [UInt8]) -> Void) throws {
        body(&buffer)
        try afterWrite()
    }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        try afterWrite()
    }

    private func afterWrite() throws {
        if lineFlush || buffer.count >= capacity { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        try buffer.withUnsafeBufferPointer { p in
            var offset = 0
            while offset < p.count {
                let n = Glibc_write(fd, p.baseAddress! + offset, p.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE { throw BrokenPipe() }
                    throw ClioError(.io, "cannot write output: \(systemError())")
                }
                offset += n
            }
        }
    }
}

@inline(__always)
private func Glibc_write(_ fd: Int32, _ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
    write(fd, p, n)
}
