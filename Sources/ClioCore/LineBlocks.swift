#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole input lines stored together in one buffer, for a stage that keeps every line in memory
/// (clio-cluster): read straight into place, a block at a time, with no copy and no allocation
/// per line. Blank lines are left out; every line keeps its number for error messages.
public final class LineBlock: @unchecked Sendable {
    public let source: String
    private let storage: UnsafeMutableBufferPointer<UInt8>
    /// Byte offsets of each line's start and end (without the newline or a `\r` before it).
    public private(set) var starts: [Int] = []
    public private(set) var ends: [Int] = []
    public private(set) var lineNumbers: [Int] = []

    init(source: String, capacity: Int) {
        self.source = source
        storage = .allocate(capacity: max(capacity, 1))
    }

    deinit { storage.deallocate() }

    public var count: Int { starts.count }

    /// The bytes of line `q` of this block; valid while the block lives.
    public func line(_ q: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: UnsafeBufferPointer(storage)[starts[q]..<ends[q]])
    }

    public func location(_ q: Int) -> Location { Location(source: source, line: lineNumbers[q]) }

    var buffer: UnsafeMutableBufferPointer<UInt8> { storage }

    /// Bytes allocated for this block.
    public var capacity: Int { storage.count }

    /// Records the lines in `buffer[0..<end]` (which ends at a line end), numbering from
    /// `firstLine`; returns the number of the next line.
    func index(end: Int, firstLine: Int, keepBlank: Bool = false) -> Int {
        var line = firstLine
        var start = 0
        let base = UnsafeRawPointer(storage.baseAddress!)
        while start < end {
            let hit = memchr(base + start, 0x0A, end - start)
            let stop = hit.map { UnsafeRawPointer($0) - base } ?? end
            var e = stop
            if e > start && storage[e - 1] == 0x0D { e -= 1 }
            if keepBlank || !LineBlock.isBlank(storage, start, e) {
                starts.append(start)
                ends.append(e)
                lineNumbers.append(line)
            }
            line += 1
            start = stop + 1
        }
        return line
    }

    static func isBlank(_ p: UnsafeMutableBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end {
            let c = p[i]
            if c != 0x20 && c != 0x09 && c != 0x0D { return false }
            i += 1
        }
        return true
    }
}

/// The one line reader of the package: files (or standard input, `-`) as `LineBlock`s of about
/// `blockBytes` each. clio-cluster takes the blocks whole; every other tool reads lines from
/// them through `LineReader`. A line longer than `maxLineBytes` is an error.
public final class LineBlockReader {
    private let paths: [String]
    private let blockBytes: Int
    private let maxLineBytes: Int
    private var pathIndex = -1
    private var fd: Int32 = -1
    private var sourceName = ""
    private var nextLine = 1
    private var carry: [UInt8] = []
    private var eof = true
    private let keepBlankLines: Bool

    /// A descriptor opened by the caller, read before `paths` (see `init(descriptor:name:)`).
    private var opened: (fd: Int32, name: String, prefix: [UInt8], firstLine: Int, ended: Bool)?

    /// `keepBlankLines`: blank lines stay in the blocks (`LineReader` hands them on).
    public init(paths: [String], blockBytes: Int = 4 << 20, maxLineBytes: Int = LineReader.defaultMaxLineBytes,
                keepBlankLines: Bool = false) {
        self.paths = paths.isEmpty ? ["-"] : paths
        self.blockBytes = max(blockBytes, 64)
        self.maxLineBytes = maxLineBytes
        self.keepBlankLines = keepBlankLines
    }

    /// Reads an open descriptor from its current offset to its end, then closes it: for a file
    /// that has no name to open again (a spool file, unlinked as soon as it was created), or
    /// one a caller has begun to read. `prefix` holds bytes the caller already read from it,
    /// starting at line `firstLine`; `ended` says the caller met its end already.
    public init(descriptor: Int32, name: String, prefix: [UInt8] = [], firstLine: Int = 1, ended: Bool = false,
                blockBytes: Int = 4 << 20, maxLineBytes: Int = LineReader.defaultMaxLineBytes) {
        paths = []
        opened = (descriptor, name, prefix, firstLine, ended)
        self.blockBytes = max(blockBytes, 64)
        self.maxLineBytes = maxLineBytes
        keepBlankLines = false
    }

    deinit { if fd > 0 { close(fd) } }

    /// Opens every named file up front so a typo is reported before any output is written.
    public func checkReadable() throws(ClioError) {
        try LineReader.checkReadable(paths)
    }

    private func openNext() throws(ClioError) -> Bool {
        if fd > 0 { close(fd) }
        fd = -1
        pathIndex += 1
        nextLine = 1
        carry = []
        eof = false
        if let opened {
            self.opened = nil
            (fd, sourceName, carry, nextLine, eof) = opened
            return true
        }
        guard pathIndex < paths.count else { return false }
        (fd, sourceName) = try LineReader.openInput(paths[pathIndex])
        return true
    }

    /// The next block of lines, or nil after the last file.
    public func next() throws(ClioError) -> LineBlock? {
        if pathIndex < 0 {
            guard try openNext() else { return nil }
        }
        while true {
            if !eof || !carry.isEmpty, let block = try readBlock() { return block }
            guard try openNext() else { return nil }
        }
    }

    /// Fills a new block from the bytes carried over and the file; nil when the file is done.
    private func readBlock() throws(ClioError) -> LineBlock? {
        var capacity = min(max(blockBytes, carry.count * 2), maxLineBytes + 1)
        while true {
            let block = LineBlock(source: sourceName, capacity: capacity)
            let buffer = block.buffer
            var filled = carry.count
            carry.withUnsafeBufferPointer { c in
                if let base = c.baseAddress { buffer.baseAddress!.update(from: base, count: c.count) }
            }
            while filled < buffer.count && !eof {
                let n = read(fd, buffer.baseAddress! + filled, buffer.count - filled)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw ClioError(.io, "cannot read \(sourceName): \(systemError())")
                }
                if n == 0 { eof = true } else { filled += n }
            }
            if filled == 0 {
                carry = []
                return nil
            }
            // The block ends after its last newline; the rest starts the next block.
            var end = filled
            if !eof {
                guard let last = UnsafeBufferPointer(buffer)[0..<filled].lastIndex(of: 0x0A) else {
                    // No newline yet: one line longer than the block. Grow, up to the limit.
                    if filled > maxLineBytes {
                        throw ClioError(.invalidJSON, "line is longer than \(maxLineBytes >> 20) MiB",
                                        at: Location(source: sourceName, line: nextLine))
                    }
                    // A full buffer of maxLineBytes + 1 without a newline has failed above.
                    carry = Array(UnsafeBufferPointer(buffer)[0..<filled])
                    capacity = min(capacity * 2, maxLineBytes + 1)
                    continue
                }
                end = last + 1
            } else if filled > maxLineBytes {
                // Only the last line (no newline at the end) can be this long here.
                let lastStart = (UnsafeBufferPointer(buffer)[0..<filled].lastIndex(of: 0x0A) ?? -1) + 1
                if filled - lastStart > maxLineBytes {
                    throw ClioError(.invalidJSON, "line is longer than \(maxLineBytes >> 20) MiB",
                                    at: Location(source: sourceName, line: nextLine + buffer[0..<lastStart].filter { $0 == 0x0A }.count))
                }
            }
            carry = Array(UnsafeBufferPointer(buffer)[end..<filled])
            // A short file (or the end of one) fills little of the block: keep only what it
            // holds, so a thousand small files do not each pin a whole block.
            var kept = block
            if end < buffer.count / 2 {
                kept = LineBlock(source: sourceName, capacity: end)
                kept.buffer.baseAddress!.update(from: buffer.baseAddress!, count: end)
            }
            nextLine = kept.index(end: end, firstLine: nextLine, keepBlank: keepBlankLines)
            return kept
        }
    }
}
