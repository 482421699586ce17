import ClioTestSupport
import Foundation
import Testing
@testable import ClioCore

@Suite struct SHA256Tests {
    @Test func digestsMatchPublishedTestVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex(String(repeating: "a", count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite struct CacheTests {
    /// Not created: the cache makes its own directory.
    func temporaryDirectory() -> String { temporaryPath("cache") }

    @Test func aStoredValueReadsBack() throws {
        let cache = try ContentCache(directory: temporaryDirectory())
        let key = ContentCache.key(["model", "text"])
        #expect(cache.get(key) == nil)
        try cache.put(key, Array("hello".utf8))
        #expect(cache.getString(key) == "hello")
        #expect(cache.hits == 1 && cache.misses == 1 && cache.writes == 1)
    }

    @Test func keysSeparateTheirParts() {
        #expect(ContentCache.key(["ab", "c"]) != ContentCache.key(["a", "bc"]))
        #expect(ContentCache.key(["a", "b"]) == ContentCache.key(["a", "b"]))
    }

    @Test func aTornEntryCountsAsMissing() throws {
        let dir = temporaryDirectory()
        let cache = try ContentCache(directory: dir)
        let key = ContentCache.key(["x"])
        try cache.put(key, Array(repeating: 7, count: 100))
        let file = "\(dir)/\(key.prefix(2))/\(key)"
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        try data.prefix(50).write(to: URL(fileURLWithPath: file))
        #expect(cache.get(key) == nil)
    }

    @Test func concurrentWritersLoseNothing() throws {
        let dir = temporaryDirectory()
        let cache = try ContentCache(directory: dir)
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for i in 0..<200 {
                // Every worker writes every key: same key, same bytes, racing renames.
                _ = worker
                cache.putOrWarn(ContentCache.key(["k", String(i)]), Array("value \(i)".utf8))
            }
        }
        for i in 0..<200 {
            #expect(cache.getString(ContentCache.key(["k", String(i)])) == "value \(i)")
        }
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func staleTemporariesFromAKilledRunAreRemovedButFreshOnesKept() throws {
        let dir = temporaryDirectory()
        let cache = try ContentCache(directory: dir)
        try cache.put(ContentCache.key(["a"]), [1])
        let sub = "\(dir)/\(ContentCache.key(["a"]).prefix(2))"
        let stale = "\(sub)/.tmp-1-1", fresh = "\(sub)/.tmp-1-2"
        FileManager.default.createFile(atPath: stale, contents: Data([1]))
        FileManager.default.createFile(atPath: fresh, contents: Data([1]))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: stale)
        _ = try ContentCache(directory: dir)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: fresh))
        #expect(cache.get(ContentCache.key(["a"])) == [1])
    }

    /// A full directory is read in several kernel buffers whose last record ends flush with the
    /// buffer; reading a fixed 256-byte name there once ran past the end (a crash in CI).
    @Test func sweepingALargeCacheReadsEveryNameExactly() throws {
        let dir = temporaryDirectory()
        let cache = try ContentCache(directory: dir)
        var kept: [String] = [], stale: [String] = []
        for i in 0..<1500 {
            let key = ContentCache.key([String(i)])
            try cache.put(key, [UInt8(i & 0xFF)])
            let sub = "\(dir)/\(key.prefix(2))"
            let old = "\(sub)/.tmp-\(i)-\(String(repeating: "x", count: i % 40))"
            let young = "\(sub)/.tmp-\(i)-young"
            FileManager.default.createFile(atPath: old, contents: Data([1]))
            FileManager.default.createFile(atPath: young, contents: Data([1]))
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: old)
            stale.append(old); kept.append(young)
        }
        cache.removeStaleTemporaries()
        #expect(stale.filter { FileManager.default.fileExists(atPath: $0) }.isEmpty)
        #expect(kept.allSatisfy { FileManager.default.fileExists(atPath: $0) })
        #expect((0..<1500).allSatisfy { cache.get(ContentCache.key([String($0)])) == [UInt8($0 & 0xFF)] })
    }

    @Test func anUnwritableDirectoryIsAClearError() {
        #expect(throws: ClioError.self) { try ContentCache(directory: "/proc/clio-cannot-exist") }
    }
}
