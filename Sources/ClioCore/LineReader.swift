#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line of input with its place, without the trailing newline (and without a `\r` before it).
public struct InputLine: Sendable {
    public var bytes: [UInt8]
    public var location: Location
    public init(bytes: [UInt8], location: Location) {
        self.bytes = bytes
        self.location = location
    }
    /// True when the line holds only whitespace; blank lines in JSONL are skipped, not errors.
    public var isBlank: Bool { bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
}

/// Reads lines from a list of files (`-` or an empty list means standard input), one line at a
/// time, on top of `LineBlockReader` (the one line reader: blocks read straight into place, a
/// `\r` before a newline dropped, line numbers per file), so memory stays flat whatever the
/// input size. Blank lines are kept. A line longer than `maxLineBytes` is an error rather than
/// an unbounded allocation.
public final class LineReader: Sequence, IteratorProtocol {
    public static let defaultMaxLineBytes = 256 << 20

    private let paths: [String]
    private let blocks: LineBlockReader
    private var block: LineBlock?
    private var position = 0
    /// An error met while reading (unreadable file, over-long line); iteration stops there.
    public private(set) var failure: ClioError?

    public init(paths: [String], maxLineBytes: Int = LineReader.defaultMaxLineBytes) {
        self.paths = paths.isEmpty ? ["-"] : paths
        // Small blocks: a record-at-a-time reader needs no more than a few lines in memory.
        blocks = LineBlockReader(paths: paths, blockBytes: 1 << 16, maxLineBytes: maxLineBytes, keepBlankLines: true)
    }

    /// Opens every named file up front so a typo is reported before any output is written.
    public func checkReadable() throws(ClioError) { try LineReader.checkReadable(paths) }

    static func checkReadable(_ paths: [String]) throws(ClioError) {
        for path in paths where path != "-" {
            let fd = open(path, O_RDONLY)
            if fd < 0 { throw ClioError(.io, "cannot open \(path): \(systemError())") }
            var st = stat()
            if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
                close(fd)
                throw ClioError(.io, "cannot read \(path): is a directory")
            }
            close(fd)
        }
    }

    public func next() -> InputLine? {
        if failure != nil { return nil }
        while true {
            if let block, position < block.count {
                defer { position += 1 }
                return InputLine(bytes: Array(block.line(position)), location: block.location(position))
            }
            do {
                block = try blocks.next()
            } catch {
                failure = error
                return nil
            }
            position = 0
            if block == nil { return nil }
        }
    }

    /// Opens `path` for reading (`-` is standard input); the descriptor and the name that
    /// error messages use for it.
    static func openInput(_ path: String) throws(ClioError) -> (fd: Int32, name: String) {
        if path == "-" { return (0, "<stdin>") }
        let fd = open(path, O_RDONLY)
        if fd < 0 { throw ClioError(.io, "cannot open \(path): \(systemError())") }
        return (fd, path)
    }

    /// The whole of one file (or standard input) as bytes; for formats that are one JSON
    /// document rather than JSON Lines.
    public static func readAll(path: String) throws(ClioError) -> [UInt8] {
        let fd = path == "-" ? 0 : open(path, O_RDONLY)
        if fd < 0 { throw ClioError(.io, "cannot open \(path): \(systemError())") }
        defer { if fd > 0 { close(fd) } }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBufferPointer { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ClioError(.io, "cannot read \(path == "-" ? "<stdin>" : path): \(systemError())")
            }
            if n == 0 { return result }
            result.append(contentsOf: chunk[0..<n])
        }
    }
}

/// The C library's message for `errno`, lowercased to match our style.
public func systemError(_ code: Int32 = errno) -> String {
    String(cString: strerror(code)).lowercased()
}
