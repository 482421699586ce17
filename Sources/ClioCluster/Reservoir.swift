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
    /// The slots held; `vectors` stores slot `s` at `s * dimension`.
    private var heap: BottomK<Int>
    private var vectors: [Float] = []
    /// A small number kept with each slot's vector (clio-cluster: the record's language).
    private var tags: [Int32] = []
    /// Records offered so far.
    public private(set) var seen = 0

    public init(capacity: Int, dimension: Int, seed: UInt64) {
        precondition(capacity > 0 && dimension > 0)
        self.capacity = capacity
        self.dimension = dimension
        self.seed = seed
        keys = SampleKey(seed: seed)
        heap = BottomK(capacity: capacity)
    }

    /// Offers the record at position `index` (increasing from call to call; positions of
    /// records that are not offered, such as skipped bad ones, are simply absent).
    public mutating func offer<C: Collection>(index: Int, vector: C, tag: Int32 = 0) where C.Element == Float {
        precondition(vector.count == dimension && index >= seen)
        seen = index + 1
        let next = heap.count
        // A new record takes the slot of the one it evicts.
        switch heap.offer(key: keys.key(index: UInt64(index)), index: index, { $0 ?? next }) {
        case .added:
            vectors.append(contentsOf: vector)
            tags.append(tag)
        case .replaced(let slot):
            vectors.replaceSubrange((slot * dimension)..<((slot + 1) * dimension), with: vector)
            tags[slot] = tag
        case .rejected: break
        }
    }

    /// The positions held, in stream order.
    public var indices: [Int] { heap.entries.map(\.index).sorted() }

    /// The sampled vectors in stream order (`count × dimension`, row-major), so that a fit on
    /// them does not depend on the order records entered the heap.
    public func sample() -> (indices: [Int], vectors: [Float], tags: [Int32]) {
        let order = heap.entries.sorted { $0.index < $1.index }
        var out = [Float]()
        out.reserveCapacity(order.count * dimension)
        for e in order { out.append(contentsOf: vectors[(e.element * dimension)..<((e.element + 1) * dimension)]) }
        return (order.map(\.index), out, order.map { tags[$0.element] })
    }

    public var count: Int { heap.count }
}

/// The `capacity` elements with the smallest (key, index) of a stream: a max-heap on
/// (key, index), so that a new element replaces the largest held when it is smaller. The one
/// heap of bottom-k sampling, for the fit sample (`SampleReservoir`) and clio-label's
/// per-cluster reservoirs.
public struct BottomK<Element> {
    public struct Entry {
        public var key: UInt64
        public var index: Int
        public var element: Element
        func precedes(_ other: Entry) -> Bool { key != other.key ? key < other.key : index < other.index }
    }

    /// What `offer` did with an element.
    public enum Outcome {
        case added
        /// The element evicted to make room; the new one holds its place at the top of the heap.
        case replaced(Element)
        case rejected
    }

    /// Elements held at most; `shrink(to:)` lowers it.
    public private(set) var capacity: Int
    /// In heap order (the largest first).
    public private(set) var entries: [Entry] = []

    public init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    public var count: Int { entries.count }

    /// Offers the element at stream position `index` with sampling key `key`; `make` builds
    /// the element only when it is kept, given the one it evicts (nil while there is room).
    public mutating func offer(key: UInt64, index: Int, _ make: (_ evicted: Element?) -> Element) -> Outcome {
        if entries.count < capacity {
            entries.append(Entry(key: key, index: index, element: make(nil)))
            siftUp(entries.count - 1)
            return .added
        }
        guard key < entries[0].key || (key == entries[0].key && index < entries[0].index) else { return .rejected }
        let evicted = entries[0].element
        entries[0] = Entry(key: key, index: index, element: make(evicted))
        siftDown(0)
        return .replaced(evicted)
    }

    /// Lowers the capacity to `capacity`, dropping the largest entries past it; calls `evicted`
    /// with each dropped element. What stays is what a heap of that capacity from the start
    /// would hold: the smallest (key, index) of everything offered.
    public mutating func shrink(to capacity: Int, _ evicted: (Element) -> Void) {
        precondition(capacity > 0)
        guard capacity < self.capacity else { return }
        self.capacity = capacity
        while entries.count > capacity {
            evicted(entries[0].element)
            entries[0] = entries[entries.count - 1]
            entries.removeLast()
            if !entries.isEmpty { siftDown(0) }
        }
    }

    /// Takes the entries out, in stream order, leaving the heap empty.
    public mutating func drain() -> [Entry] {
        let out = entries.sorted { $0.index < $1.index }
        entries = []
        return out
    }

    private mutating func siftUp(_ i: Int) {
        var i = i
        while i > 0 {
            let parent = (i - 1) / 2
            guard entries[parent].precedes(entries[i]) else { return }
            entries.swapAt(parent, i)
            i = parent
        }
    }

    private mutating func siftDown(_ i: Int) {
        var i = i
        while true {
            let l = 2 * i + 1, r = l + 1
            var largest = i
            if l < entries.count && entries[largest].precedes(entries[l]) { largest = l }
            if r < entries.count && entries[largest].precedes(entries[r]) { largest = r }
            if largest == i { return }
            entries.swapAt(i, largest)
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
