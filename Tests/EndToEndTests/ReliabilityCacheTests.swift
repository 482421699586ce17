import ClioTestSupport
import Foundation
import Testing

/// The embedding cache under concurrent writers and under SIGKILL: no damaged entry, no lost
/// entry, and output identical to a run without a cache.
@Suite(.serialized, TestResource.miniLM.enabled)
struct ReliabilityCacheTests {
    init() { _ = Reliability.pipeSignalIgnored }

    /// The reference: each id's output line from one run without a cache.
    static func reference(_ ids: Range<Int>) throws -> [String: String] {
        let run = try Clio.run("clio-embed", ["--model", "minilm", "--no-cache"], stdin: Reliability.summaries(ids))
        try #require(run.exitCode == 0, "\(run.stderr)")
        var byID: [String: String] = [:]
        for line in run.lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            byID[object?["id"] as? String ?? ""] = line
        }
        return byID
    }

    @Test func fourProcessesFillingOneCacheAtOnceLoseAndDamageNothing() throws {
        let cache = try Reliability.scratch("shared-cache") + "/embeddings"
        // Windows of 24 records that overlap by 12: 60 distinct texts, most written by two processes.
        let windows = (0..<4).map { p in (p * 12)..<(p * 12 + 24) }
        let expected = try Self.reference(0..<60)
        // Each result is stored under the lock: concurrent writes to one Swift array race even at
        // distinct indices.
        nonisolated(unsafe) var runs = [Clio.Result?](repeating: nil, count: 4)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 4) { p in
            let run = try? Clio.run("clio-embed", ["--model", "minilm", "--cache", cache], stdin: Reliability.summaries(windows[p]))
            lock.withLock { runs[p] = run }
        }
        for (p, run) in runs.enumerated() {
            let run = try #require(run)
            #expect(run.exitCode == 0, "\(run.stderr)")
            #expect(run.lines == windows[p].map { expected["c-\($0)"] ?? "" }, "process \(p)")
        }
        let entries = Reliability.cacheEntries(cache)
        #expect(entries.damaged.isEmpty)
        #expect(entries.whole == 60)
        // Every text is now cached: a rerun computes nothing and writes the same records.
        let rerun = try Clio.run("clio-embed", ["--model", "minilm", "--cache", cache], stdin: Reliability.summaries(0..<60))
        #expect(rerun.stderr.contains("skipped 0; 60 from cache,"), "\(rerun.stderr)")
        #expect(rerun.lines == (0..<60).map { expected["c-\($0)"] ?? "" })
    }

    @Test func aRunKilledMidwayResumesFromTheCacheWithIdenticalOutput() throws {
        let dir = try Reliability.scratch("killed")
        let cache = dir + "/embeddings"
        let count = 120
        let input = Reliability.summaries(0..<count)
        try input.write(toFile: dir + "/in.jsonl", atomically: true, encoding: .utf8)
        let expected = try Self.reference(0..<count)
        // Kill once a few entries are cached (or after 20 s), so some but not all are.
        let killed = try Clio.shell(
            """
            clio-embed --model minilm --batch 8 --cache '\(cache)' '\(dir)/in.jsonl' > '\(dir)/killed.jsonl' 2>/dev/null &
            pid=$!
            for i in $(seq 400); do [ "$(find '\(cache)' -type f 2>/dev/null | wc -l)" -ge 8 ] && break; sleep 0.05; done
            kill -9 $pid; wait $pid; echo "status $?"
            """)
        #expect(killed.stdout.contains("status 137"), "\(killed.stdout) \(killed.stderr)")
        let partial = try String(contentsOfFile: dir + "/killed.jsonl", encoding: .utf8).split(separator: "\n").dropLast()
        #expect(partial.count < count)
        for (i, line) in partial.enumerated() { #expect(String(line) == expected["c-\(i)"], "line \(i + 1) of the killed run") }
        let before = Reliability.cacheEntries(cache)
        #expect(before.damaged.isEmpty)
        let rerun = try Clio.run("clio-embed", ["--model", "minilm", "--cache", cache, dir + "/in.jsonl"])
        #expect(rerun.exitCode == 0)
        #expect(rerun.lines == (0..<count).map { expected["c-\($0)"] ?? "" })
        #expect(rerun.stderr.contains("skipped 0; \(before.whole) from cache,"), "\(rerun.stderr), \(before.whole) entries before")
        let after = Reliability.cacheEntries(cache)
        #expect(after.damaged.isEmpty)
        #expect(after.whole == count)
    }
}
