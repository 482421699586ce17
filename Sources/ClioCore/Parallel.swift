import Dispatch
import Foundation

/// The one parallel-for of the package: a number of work items run on a few threads, and the two
/// ways the hot loops cut a range into them. clio-cluster's k-means cuts fixed-size chunks (so
/// per-chunk sums, added in chunk order, do not depend on the thread count); MiniLM cuts a few
/// contiguous pieces per core, aligned to its GEMM row tile.
public enum Parallel {
    /// Cores this process may run on (the affinity mask and CPU quota, where the system says).
    public static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Runs `body(item)` once for every item in `0..<items`, on up to `threads` threads; items
    /// are handed out in order, one at a time, to whichever thread is free.
    public static func forEach(_ items: Int, threads: Int = cores, _ body: (Int) -> Void) {
        if items <= 0 { return }
        if threads <= 1 || items == 1 {
            for item in 0..<items { body(item) }
            return
        }
        if threads >= items {
            DispatchQueue.concurrentPerform(iterations: items, execute: body)
            return
        }
        let lock = Mutex()
        var next = 0
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
                let item: Int = lock.withLock {
                    defer { next += 1 }
                    return next
                }
                if item >= items { return }
                body(item)
            }
        }
    }

    /// Runs `body(chunk, range)` over `0..<n` cut into chunks of `size` (the last one shorter),
    /// on up to `threads` threads. The chunks do not depend on the thread count.
    public static func chunks(_ n: Int, size: Int, threads: Int, _ body: (Int, Range<Int>) -> Void) {
        let count = (n + size - 1) / size
        forEach(count, threads: threads) { c in body(c, c * size..<min(n, (c + 1) * size)) }
    }

    /// Runs `body(range)` over `0..<n` cut into up to `pieces` contiguous ranges of about equal
    /// length whose bounds are multiples of `granule`, on every core.
    public static func split(_ n: Int, pieces: Int = cores * 4, granule: Int = 1, _ body: (Range<Int>) -> Void) {
        let units = (n + granule - 1) / granule
        let count = min(units, pieces)
        if count <= 1 {
            if n > 0 { body(0..<n) }
            return
        }
        forEach(count, threads: count) { c in
            let lo = units * c / count * granule
            let hi = min(n, units * (c + 1) / count * granule)
            if lo < hi { body(lo..<hi) }
        }
    }
}
