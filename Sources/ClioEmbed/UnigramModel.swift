/// A byte trie over the pieces of a vocabulary, in flat arrays: node `n`'s children are the nodes
/// `firstChild[n] ..< firstChild[n] + childCount[n]`, sorted by their byte. Built once; a walk
/// from the root along a text's bytes meets every piece that is a prefix of it, shortest first.
struct PieceTrie: Sendable {
    private var labels: [UInt8] = [0]
    private var firstChild: [Int32] = [0]
    private var childCount: [UInt16] = [0]
    /// The id ending at each node, or -1.
    private(set) var values: [Int32] = [-1]

    /// `keys[i]` gets the id `i`; of repeated keys the last one wins, as in the reference.
    init(keys: [[UInt8]]) {
        let order = keys.indices.sorted { a, b in
            keys[a].lexicographicallyPrecedes(keys[b]) || (keys[a] == keys[b] && a < b)
        }
        // Breadth first, so that the children of a node are created together and stay adjacent.
        var queue: [(node: Int, range: Range<Int>, depth: Int)] = [(0, 0..<order.count, 0)]
        var head = 0
        while head < queue.count {
            let (node, range, depth) = queue[head]
            head += 1
            var i = range.lowerBound
            while i < range.upperBound && keys[order[i]].count == depth {
                values[node] = Int32(order[i])
                i += 1
            }
            firstChild[node] = Int32(labels.count)
            while i < range.upperBound {
                let byte = keys[order[i]][depth]
                var j = i + 1
                while j < range.upperBound && keys[order[j]][depth] == byte { j += 1 }
                let child = labels.count
                labels.append(byte)
                firstChild.append(0)
                childCount.append(0)
                values.append(-1)
                childCount[node] += 1
                queue.append((child, i..<j, depth + 1))
                i = j
            }
        }
    }

    @inline(__always) func child(of node: Int, _ byte: UInt8) -> Int? {
        var lo = Int(firstChild[node]), hi = lo + Int(childCount[node])
        while lo < hi {
            let mid = (lo + hi) / 2
            if labels[mid] < byte { lo = mid + 1 } else { hi = mid }
        }
        return lo < labels.count && lo < Int(firstChild[node]) + Int(childCount[node]) && labels[lo] == byte ? lo : nil
    }

    /// The id of exactly `bytes`, or nil.
    func lookup<C: Collection>(_ bytes: C) -> Int32? where C.Element == UInt8 {
        var node = 0
        for byte in bytes {
            guard let next = child(of: node, byte) else { return nil }
            node = next
        }
        return values[node] >= 0 ? values[node] : nil
    }
}

/// The Unigram model of a SentencePiece tokenizer: each piece has a log-probability score, and a
/// word is cut into the pieces whose scores sum highest (Viterbi over its UTF-8 bytes).
///
/// As Hugging Face tokenizers does it: positions advance one character at a time; a character
/// that no single piece covers may also be taken as unknown, at the lowest score of the
/// vocabulary minus 10; ties keep the path found first (shorter pieces are tried first, the
/// unknown last); a run of unknown characters becomes one unknown id.
struct UnigramModel: Sendable {
    let trie: PieceTrie
    let scores: [Double]
    let unknown: Int32
    let unknownScore: Double

    static let unknownPenalty = 10.0

    init(pieces: [String], scores: [Double], unknown: Int32) {
        trie = PieceTrie(keys: pieces.map { Array($0.utf8) })
        self.scores = scores
        self.unknown = unknown
        unknownScore = (scores.min() ?? 0) - Self.unknownPenalty
    }

    /// Appends the ids of `word` to `ids`.
    func encode(_ word: String, into ids: inout [Int32]) {
        var word = word
        word.withUTF8 { encode($0, into: &ids) }
    }

    func encode(_ bytes: UnsafeBufferPointer<UInt8>, into ids: inout [Int32]) {
        let n = bytes.count
        guard n > 0 else { return }
        // best[e]: score of the best path ending at byte e, starting at from[e] with piece id[e].
        var best = [Double](repeating: 0, count: n + 1)
        var from = [Int](repeating: -1, count: n + 1)
        var id = [Int32](repeating: 0, count: n + 1)
        var start = 0
        while start < n {
            let base = best[start]
            let characterLength = Self.utf8Length(lead: bytes[start])
            var coversCharacter = false
            var node = 0
            var end = start
            while end < n, let next = trie.child(of: node, bytes[end]) {
                node = next
                end += 1
                let piece = trie.values[node]
                guard piece >= 0 else { continue }
                let score = scores[Int(piece)] + base
                if from[end] < 0 || score > best[end] {
                    best[end] = score
                    from[end] = start
                    id[end] = piece
                }
                if end - start == characterLength { coversCharacter = true }
            }
            if !coversCharacter {
                let end = min(n, start + characterLength)
                let score = unknownScore + base
                if from[end] < 0 || score > best[end] {
                    best[end] = score
                    from[end] = start
                    id[end] = unknown
                }
            }
            start += characterLength
        }
        // Walk back from the end; runs of unknowns are looked up whole (they are never a piece,
        // but the reference looks, so this does too).
        var reversed: [Int32] = []
        var end = n
        var unknownRunEnd: Int?
        func closeUnknownRun(at runStart: Int) {
            if let runEnd = unknownRunEnd {
                reversed.append(trie.lookup(UnsafeBufferPointer(rebasing: bytes[runStart..<runEnd])) ?? unknown)
                unknownRunEnd = nil
            }
        }
        while end > 0 {
            let start = from[end]
            if id[end] == unknown {
                if unknownRunEnd == nil { unknownRunEnd = end }
            } else {
                closeUnknownRun(at: end)
                reversed.append(id[end])
            }
            end = start
        }
        closeUnknownRun(at: 0)
        ids.append(contentsOf: reversed.reversed())
    }

    @inline(__always) static func utf8Length(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}
