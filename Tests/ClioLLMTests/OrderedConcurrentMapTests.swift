import ClioCore
import Foundation
import Testing

@testable import ClioLLM

private final class Counter: @unchecked Sendable {
    let lock = NSLock()
    var current = 0
    var peak = 0
    func enter() {
        lock.lock()
        current += 1
        peak = max(peak, current)
        lock.unlock()
    }
    func leave() {
        lock.lock()
        current -= 1
        lock.unlock()
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
                Thread.sleep(forTimeInterval: 0.05)
                counter.leave()
                return n
            },
            emit: { _ in })
        #expect(counter.peak == 12)
    }

    @Test func readingStaysWithinTheWindowOfUnemittedItems() throws {
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
                // The first item is slow: everything behind it must wait, not pile up.
                if n == 1 { Thread.sleep(forTimeInterval: 0.2) }
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
