import ClioCore
import Foundation

/// Maps a stream through a slow function on `concurrency` threads and hands the results back
/// in input order, from synchronous code.
///
/// Input is pulled only as the window allows: at most `window` items are read but not yet
/// emitted, so memory stays bounded however long the input is and however slow one item is
/// (a stuck item holds back emission, never reading past the window). `emit` runs on the
/// calling thread, so it may write to an `OutputWriter` without locking.
///
///     try OrderedConcurrentMap.run(next: { try input.next() }, concurrency: 16,
///                                  transform: { summarize($0) }, emit: { try output.write(record: $0) })
public enum OrderedConcurrentMap {
    /// - Parameters:
    ///   - next: the next input item, nil at the end. Called on the calling thread only. When it
    ///     throws, the items already read are finished and emitted, then the error is rethrown.
    ///   - concurrency: worker threads (≥ 1).
    ///   - window: items read but not yet emitted; at least `concurrency`, default four times
    ///     it, so one slow item does not leave the other workers idle for long.
    ///   - transform: runs on a worker; must not throw (turn failures into values).
    ///   - emit: receives results in input order on the calling thread; when it throws, workers
    ///     stop taking new items and the error is rethrown at once.
    public static func run<Input, Output>(
        next: () throws -> Input?,
        concurrency: Int,
        window: Int? = nil,
        transform: @escaping @Sendable (Input) -> Output,
        emit: (Output) throws -> Void
    ) throws {
        let workers = max(1, concurrency)
        let limit = max(workers, window ?? workers * 4)
        let state = SharedState<Input, Output>()

        for _ in 0..<workers {
            let thread = Thread {
                while let (index, item) = state.take() {
                    let result = transform(item)
                    state.finish(index, result)
                }
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        defer { state.shutDown() }

        var nextIndex = 0
        var emitIndex = 0
        var inputDone = false
        var inputError: (any Error)?
        while true {
            if let result = state.result(for: emitIndex) {
                emitIndex += 1
                try emit(result)
                continue
            }
            if !inputDone && nextIndex - emitIndex < limit {
                do {
                    if let item = try next() {
                        state.submit(nextIndex, item)
                        nextIndex += 1
                    } else {
                        inputDone = true
                    }
                } catch {
                    inputError = error
                    inputDone = true
                }
                continue
            }
            if inputDone && emitIndex == nextIndex { break }
            state.waitForResult(emitIndex)
        }
        if let inputError { throw inputError }
    }
}

/// The queue of work and the finished results, under one condition variable.
private final class SharedState<Input, Output>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [(Int, Input)] = []
    private var queueHead = 0
    private var results: [Int: Output] = [:]
    private var stopped = false

    func submit(_ index: Int, _ item: Input) {
        condition.lock()
        queue.append((index, item))
        condition.broadcast()
        condition.unlock()
    }

    /// The next item for a worker, or nil when the run is over.
    func take() -> (Int, Input)? {
        condition.lock()
        defer { condition.unlock() }
        while queueHead == queue.count && !stopped { condition.wait() }
        if stopped { return nil }
        let item = queue[queueHead]
        queueHead += 1
        if queueHead > 1024 && queueHead * 2 > queue.count {
            queue.removeFirst(queueHead)
            queueHead = 0
        }
        return item
    }

    func finish(_ index: Int, _ result: Output) {
        condition.lock()
        results[index] = result
        condition.broadcast()
        condition.unlock()
    }

    func result(for index: Int) -> Output? {
        condition.lock()
        defer { condition.unlock() }
        return results.removeValue(forKey: index)
    }

    func waitForResult(_ index: Int) {
        condition.lock()
        while results[index] == nil { condition.wait() }
        condition.unlock()
    }

    func shutDown() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
