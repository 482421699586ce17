import ClioCore
import Foundation
import Testing

@testable import ClioLLM

/// Counts transforms in flight and done, and lets a transform wait for a count: the test, not a
/// sleep, decides when work goes on. The wait's time limit only turns a broken run's hang into a
/// failure; a correct run never reaches it.
private final class Counter: @unchecked Sendable {
    let condition = NSCondition()
    var current = 0
    var peak = 0
    var entered = 0
    var finished = 0
    func enter() {
        condition.withLock {
            current += 1
            entered += 1
            peak = max(peak, current)
            condition.broadcast()
        }
    }
    func leave() {
        condition.withLock {
            current -= 1
            finished += 1
            condition.broadcast()
        }
    }
    /// Waits until `ready()` holds; false if it did not within a minute.
    @discardableResult
    func wait(until ready: () -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: 60)
        return condition.withLock {
            while !ready() { if !condition.wait(until: deadline) { return false } }
            return true
        }
    }
}

@Suite struct OrderedConcurrentMapTests {
    @Test func resultsComeOutInInputOrder() throws {
        var input = (0..<200).makeIterator()
        var out: [Int] = []
        try OrderedConcurrentMap.run(
            next: { input.next() }, concurrency: 8,
            transform: { (n: Int) -> Int in
                Thread.sleep(forTimeInterval: Double.random(in: 0...0.004))
                return n * n
            },
            emit: { out.append($0) })
        #expect(out == (0..<200).map { $0 * $0 })
    }

    @Test func concurrencyReachesJButNeverMore() throws {
        let counter = Counter()
        var input = (0..<64).makeIterator()
        try OrderedConcurrentMap.run(
            next: { input.next() }, concurrency: 12,
            transform: { (n: Int) -> Int in
                counter.enter()
                // The first twelve hold until twelve are in flight at once.
                if n < 12 { counter.wait { counter.entered >= 12 } }
                counter.leave()
                return n
            },
            emit: { _ in })
        #expect(counter.peak == 12)
    }

    @Test func readingStaysWithinTheWindowOfUnemittedItems() throws {
        let counter = Counter()
        var read = 0
        var emitted = 0
        var widest = 0
        try OrderedConcurrentMap.run(
            next: { () -> Int? in
                guard read < 300 else { return nil }
                read += 1
                widest = max(widest, read - emitted)
                return read
            },
            concurrency: 4, window: 10,
            transform: { (n: Int) -> Int in
                // The first item holds until the nine behind it in the window are done: nothing
                // more may be read before it is emitted.
                if n == 1 { counter.wait { counter.finished >= 9 } }
                counter.enter()
                counter.leave()
                return n
            },
            emit: { _ in emitted += 1 })
        #expect(emitted == 300)
        #expect(widest <= 10)
    }

    @Test func inputErrorComesAfterEverythingReadBeforeIt() throws {
        struct Broken: Error {}
        var n = 0
        var out: [Int] = []
        #expect(throws: Broken.self) {
            try OrderedConcurrentMap.run(
                next: { () throws -> Int? in
                    n += 1
                    if n == 6 { throw Broken() }
                    return n
                },
                concurrency: 3, transform: { $0 }, emit: { out.append($0) })
        }
        #expect(out == [1, 2, 3, 4, 5])
    }

    @Test func emitErrorStopsTheRun() throws {
        struct Closed: Error {}
        var input = (0..<10_000).makeIterator()
        var emitted = 0
        #expect(throws: Closed.self) {
            try OrderedConcurrentMap.run(
                next: { input.next() }, concurrency: 4, transform: { $0 },
                emit: { _ in
                    emitted += 1
                    if emitted == 3 { throw Closed() }
                })
        }
        #expect(emitted == 3)
    }
}
