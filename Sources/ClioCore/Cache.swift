#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A persistent content-addressed store for expensive results (LLM answers, embeddings).
///
/// The key is a SHA-256 of everything that determines the answer (see `key(_:)`); each entry is
/// one file `<dir>/<first two hex digits>/<hash>`, written to a temporary name and renamed into
/// place, so a run killed at any moment leaves either the whole entry or none, and several
/// processes can fill the same cache at once (rename is atomic; a duplicate write is the same
/// bytes). Every entry starts with a magic and its length, so a torn file from a power loss is
/// detected and treated as missing.
public final class ContentCache: @unchecked Sendable {
    public let directory: String
    private let lock = Mutex()
    private var counters = (hits: 0, misses: 0, writes: 0)
    private var warnedWriteFailure = false
    private static let magic: [UInt8] = Array("CLIO1\n".utf8)

    public var hits: Int { lock.withLock { counters.hits } }
    public var misses: Int { lock.withLock { counters.misses } }
    public var writes: Int { lock.withLock { counters.writes } }

    /// Opens (creating if needed) a cache directory; fails with a clear message when it cannot
    /// be created or written.
    public init(directory: String) throws(ClioError) {
        self.directory = directory
        try ContentCache.makeDirectories(directory)
        guard access(directory, W_OK | X_OK) == 0 else {
            throw ClioError(.cache, "cache directory \(directory) is not writable: \(systemError())")
        }
        removeStaleTemporaries()
    }

    /// Deletes temporary files left by runs killed mid-write. Only files older than an hour are
    /// touched, so a write in progress in another process is never pulled from under it.
    public func removeStaleTemporaries(olderThan seconds: Double = 3600) {
        guard let top = opendir(directory) else { return }
        defer { closedir(top) }
        let now = Double(time(nil))
        while let entry = readdir(top) {
            let name = ContentCache.entryName(entry)
            guard name.count == 2 else { continue }
            let sub = directory + "/" + name
            guard let dir = opendir(sub) else { continue }
            while let file = readdir(dir) {
                let fileName = ContentCache.entryName(file)
                guard fileName.hasPrefix(".tmp-") else { continue }
                var st = stat()
                let path = sub + "/" + fileName
                if stat(path, &st) == 0 && now - Double(Platform.modificationSeconds(st)) > seconds { unlink(path) }
            }
            closedir(dir)
        }
    }

    /// The name in a directory entry. `readdir` returns records only as long as their name
    /// (`d_reclen`), so copying the whole fixed-size `d_name` field can read past the end of the
    /// kernel's buffer into an unmapped page; read the C string in place instead.
    static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        let name = UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: CChar.self)
        return String(cString: name)
    }

    /// `$CLIO_CACHE_DIR/<name>`, else `$XDG_CACHE_HOME/clio/<name>`, else `~/.cache/clio/<name>`.
    public static func defaultDirectory(_ name: String) -> String {
        let env = { (key: String) -> String? in
            guard let v = getenv(key) else { return nil }
            let s = String(cString: v)
            return s.isEmpty ? nil : s
        }
        if let dir = env("CLIO_CACHE_DIR") { return dir + "/" + name }
        if let dir = env("XDG_CACHE_HOME") { return dir + "/clio/" + name }
        let home = env("HOME") ?? "/tmp"
        return home + "/.cache/clio/" + name
    }

    /// The key for a list of parts. Each part is length-prefixed so that ("ab","c") and ("a","bc")
    /// differ.
    public static func key(_ parts: [String]) -> String {
        var bytes: [UInt8] = []
        for part in parts {
            let utf8 = Array(part.utf8)
            bytes.append(contentsOf: String(utf8.count).utf8)
            bytes.append(0x3A)
            bytes.append(contentsOf: utf8)
        }
        return SHA256.hex(bytes)
    }

    private func path(for key: String) -> (dir: String, file: String) {
        let dir = directory + "/" + String(key.prefix(2))
        return (dir, dir + "/" + key)
    }

    /// The stored value, or nil when absent or damaged.
    public func get(_ key: String) -> [UInt8]? {
        let file = path(for: key).file
        let fd = open(file, O_RDONLY)
        guard fd >= 0 else {
            lock.withLock { counters.misses += 1 }
            return nil
        }
        defer { close(fd) }
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 15)
        while true {
            let n = chunk.withUnsafeMutableBufferPointer { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            data.append(contentsOf: chunk[0..<n])
        }
        let headerCount = ContentCache.magic.count + 8
        guard data.count >= headerCount, Array(data[0..<ContentCache.magic.count]) == ContentCache.magic else {
            lock.withLock { counters.misses += 1 }
            return nil
        }
        var length: UInt64 = 0
        for i in 0..<8 { length |= UInt64(data[ContentCache.magic.count + i]) << UInt64(8 * i) }
        guard UInt64(data.count - headerCount) == length else {
            lock.withLock { counters.misses += 1 }
            return nil
        }
        lock.withLock { counters.hits += 1 }
        return Array(data[headerCount...])
    }

    public func getString(_ key: String) -> String? {
        get(key).flatMap { String(validating: $0, as: UTF8.self) }
    }

    /// Stores a value atomically. Throws a `.cache` error (disk full, permissions) that callers
    /// usually report once and then carry on without caching.
    public func put(_ key: String, _ value: [UInt8]) throws(ClioError) {
        let (dir, file) = path(for: key)
        try ContentCache.makeDirectories(dir)
        var bytes = ContentCache.magic
        let length = UInt64(value.count)
        for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: length >> UInt64(8 * i))) }
        bytes.append(contentsOf: value)
        let temp = "\(dir)/.tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw ClioError(.cache, "cannot write cache entry in \(dir): \(systemError())") }
        var offset = 0
        var failure: Int32 = 0
        bytes.withUnsafeBufferPointer { p in
            while offset < p.count {
                let n = write(fd, p.baseAddress! + offset, p.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        close(fd)
        if failure != 0 {
            unlink(temp)
            throw ClioError(.cache, "cannot write cache entry in \(dir): \(systemError(failure))")
        }
        if rename(temp, file) != 0 {
            let code = errno
            unlink(temp)
            throw ClioError(.cache, "cannot write cache entry in \(dir): \(systemError(code))")
        }
        lock.withLock { counters.writes += 1 }
    }

    public func putString(_ key: String, _ value: String) throws(ClioError) { try put(key, Array(value.utf8)) }

    /// Stores a value; on failure warns once on stderr and goes on without caching, since a
    /// cache that cannot be written must not stop the work.
    public func putOrWarn(_ key: String, _ value: [UInt8]) {
        do {
            try put(key, value)
        } catch {
            let first = lock.withLock { () -> Bool in
                defer { warnedWriteFailure = true }
                return !warnedWriteFailure
            }
            if first { Diagnostics.warning("\(error.message); continuing without caching") }
        }
    }

    static func makeDirectories(_ path: String) throws(ClioError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw ClioError(.cache, "cannot create cache directory \(current): \(systemError())")
            }
        }
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
            throw ClioError(.cache, "cache path \(path) is not a directory")
        }
    }
}
