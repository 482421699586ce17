import ClioCore

/// A seeded uniform sample of at most `capacity` vectors, taken in one pass over a stream of
/// unknown length ("bottom-k" reservoir sampling): record `i` (its position in the stream,
/// counting from 0) gets the key `SampleKey(seed:).key(index:)`, and the sample is the
/// `capacity` records with the smallest (key, index). The keys are a pseudo-random
/// permutation's outputs, so every subset of that size is equally likely.
///
/// Unlike Algorithm R, whose choices depend on the order of its random draws, the sample is a
/// function of the seed, the stream's length and nothing else: a Spark job that knows the
/// records' positions can pick the same records without a sequential pass
/// (scripts/spark_pipeline.py does), so a fit on the same sample gives the same centres.
public struct SampleReservoir {
    public let capacity: Int
    public let dimension: Int
    public let seed: UInt64
    private let keys: SampleKey
    /// A max-heap on (key, index) of the slots held; `vectors` stores slot `s` at `s * dimension`.
    private var heap: [Entry] = []
    private var vectors: [Float] = []
    /// Records offered so far.
    public private(set) var seen = 0

    struct Entry {
        var key: UInt64
        var index: Int
        var slot: Int
        static func < (a: Entry, b: Entry) -> Bool { a.key != b.key ? a.key < b.key : a.index < b.index }
    }

    public init(capacity: Int, dimension: Int, seed: UInt64) {
        precondition(capacity > 0 && dimension > 0)
        self.capacity = capacity
        self.dimension = dimension
        self.seed = seed
        keys = SampleKey(seed: seed)
    }

    /// Offers the record at position `index` (increasing from call to call; positions of
    /// records that are not offered, such as skipped bad ones, are simply absent).
    public mutating func offer<C: Collection>(index: Int, vector: C) where C.Element == Float {
        precondition(vector.count == dimension && index >= seen)
        seen = index + 1
        let entry = Entry(key: keys.key(index: UInt64(index)), index: index, slot: heap.count)
        if heap.count < capacity {
            vectors.append(contentsOf: vector)
            heap.append(entry)
            siftUp(heap.count - 1)
            return
        }
        guard entry < heap[0] else { return }
        let slot = heap[0].slot
        vectors.replaceSubrange((slot * dimension)..<((slot + 1) * dimension), with: vector)
        heap[0] = Entry(key: entry.key, index: entry.index, slot: slot)
        siftDown(0)
    }

    /// The positions held, in stream order.
    public var indices: [Int] { heap.map(\.index).sorted() }

    /// The sampled vectors in stream order (`count × dimension`, row-major), so that a fit on
    /// them does not depend on the order records entered the heap.
    public func sample() -> (indices: [Int], vectors: [Float]) {
        let order = heap.sorted { $0.index < $1.index }
        var out = [Float]()
        out.reserveCapacity(order.count * dimension)
        for e in order { out.append(contentsOf: vectors[(e.slot * dimension)..<((e.slot + 1) * dimension)]) }
        return (order.map(\.index), out)
    }

    public var count: Int { heap.count }

    private mutating func siftUp(_ i: Int) {
        var i = i
        while i > 0 {
            let parent = (i - 1) / 2
            guard heap[parent] < heap[i] else { return }
            heap.swapAt(parent, i)
            i = parent
        }
    }

    private mutating func siftDown(_ i: Int) {
        var i = i
        while true {
            let l = 2 * i + 1, r = l + 1
            var largest = i
            if l < heap.count && heap[largest] < heap[l] { largest = l }
            if r < heap.count && heap[largest] < heap[r] { largest = r }
            if largest == i { return }
            heap.swapAt(i, largest)
            i = largest
        }
    }
}

/// The sampling keys of a stream's records: for position `index`, SplitMix64's output for
/// that position of a stream whose start is itself drawn from `seed` (so that seeds next to each
/// other give unrelated samples, and the sample is unrelated to the k-means draws of the same
/// seed). scripts/spark_pipeline.py computes the same function; change both or neither.
public struct SampleKey: Sendable {
    /// SplitMix64's increment.
    static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15
    /// "clio-sam": keeps the sample's stream apart from the k-means stream of the same seed.
    static let salt: UInt64 = 0x636C_696F_2D73_616D
    private let base: UInt64

    public init(seed: UInt64) {
        var start = SeededGenerator(seed: seed ^ SampleKey.salt)
        base = start.next()
    }

    public func key(index: UInt64) -> UInt64 {
        var generator = SeededGenerator(seed: base &+ index &* SampleKey.gamma)
        return generator.next()
    }
}
