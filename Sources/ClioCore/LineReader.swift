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

/// Reads lines from a list of files (`-` or an empty list means standard input) in fixed-size
/// chunks, so memory stays flat whatever the input size. A line longer than `maxLineBytes`
/// is an error rather than an unbounded allocation.
public final class LineReader: Sequence, IteratorProtocol {
    public static let defaultMaxLineBytes = 256 << 20

    private let paths: [String]
    private var pathIndex = -1
    private var fd: Int32 = -1
    private var sourceName = ""
    private var lineNumber = 0
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var bufferStart = 0
    private var bufferEnd = 0
    private var eof = true
    private let maxLineBytes: Int
    /// An error met while reading (unreadable file, over-long line); iteration stops there.
    public private(set) var failure: ClioError?

    public init(paths: [String], maxLineBytes: Int = LineReader.defaultMaxLineBytes) {
        self.paths = paths.isEmpty ? ["-"] : paths
        self.maxLineBytes = maxLineBytes
    }

    deinit { closeCurrent() }

    /// Opens every named file up front so a typo is reported before any output is written.
    public func checkReadable() throws(ClioError) {
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

    private func closeCurrent() {
        if fd > 0 { close(fd) }
        fd = -1
    }

    private func openNext() -> Bool {
        closeCurrent()
        pathIndex += 1
        guard pathIndex < paths.count else { return false }
        let path = paths[pathIndex]
        lineNumber = 0
        bufferStart = 0
        bufferEnd = 0
        eof = false
        do {
            (fd, sourceName) = try LineReader.openInput(path)
        } catch {
            failure = error
            return false
        }
        return true
    }

    /// Opens `path` for reading (`-` is standard input); the descriptor and the name that
    /// error messages use for it.
    static func openInput(_ path: String) throws(ClioError) -> (fd: Int32, name: String) {
        if path == "-" { return (0, "<stdin>") }
        let fd = open(path, O_RDONLY)
        if fd < 0 { throw ClioError(.io, "cannot open \(path): \(systemError())") }
        return (fd, path)
    }

    /// Reads more bytes into the buffer; returns false at end of file.
    private func fill() -> Bool {
        if bufferStart > 0 {
            let remaining = bufferEnd - bufferStart
            if remaining > 0 {
                buffer.withUnsafeMutableBufferPointer { p in
                    _ = memmove(p.baseAddress!, p.baseAddress! + bufferStart, remaining)
                }
            }
            bufferEnd = remaining
            bufferStart = 0
        }
        if bufferEnd == buffer.count {
            buffer.append(contentsOf: repeatElement(0, count: buffer.count))
        }
        while true {
            let n = buffer.withUnsafeMutableBufferPointer { p in
                read(fd == 0 ? 0 : fd, p.baseAddress! + bufferEnd, p.count - bufferEnd)
            }
            if n < 0 {
                if errno == EINTR { continue }
                failure = ClioError(.io, "cannot read \(sourceName): \(systemError())")
                eof = true
                return false
            }
            if n == 0 {
                eof = true
                return false
            }
            bufferEnd += n
            return true
        }
    }

    public func next() -> InputLine? {
        if failure != nil { return nil }
        if pathIndex < 0 && !openNext() { return nil }
        while true {
            // Look for a newline in what is buffered.
            let found: Int? = buffer.withUnsafeBufferPointer { p in
                guard bufferEnd > bufferStart else { return nil }
                let start = p.baseAddress! + bufferStart
                guard let hit = memchr(start, 0x0A, bufferEnd - bufferStart) else { return nil }
                return bufferStart + (UnsafeRawPointer(hit) - UnsafeRawPointer(start))
            }
            if let newline = found {
                lineNumber += 1
                var stop = newline
                if stop > bufferStart && buffer[stop - 1] == 0x0D { stop -= 1 }
                let line = Array(buffer[bufferStart..<stop])
                bufferStart = newline + 1
                return InputLine(bytes: line, location: Location(source: sourceName, line: lineNumber))
            }
            if bufferEnd - bufferStart > maxLineBytes {
                failure = ClioError(
                    .invalidJSON, "line is longer than \(maxLineBytes >> 20) MiB",
                    at: Location(source: sourceName, line: lineNumber + 1))
                return nil
            }
            if !eof && fill() { continue }
            if failure != nil { return nil }
            if bufferEnd > bufferStart {
                // A last line without a newline.
                lineNumber += 1
                var stop = bufferEnd
                if buffer[stop - 1] == 0x0D { stop -= 1 }
                let line = Array(buffer[bufferStart..<stop])
                bufferStart = bufferEnd
                return InputLine(bytes: line, location: Location(source: sourceName, line: lineNumber))
            }
            if !openNext() { return nil }
        }
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
