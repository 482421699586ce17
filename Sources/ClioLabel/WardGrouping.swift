/// Ward's agglomerative grouping of weighted points, cut at `k` groups.
///
/// The hierarchy groups a level's cluster centres. k-means on a few dozen centres seeds on the
/// outliers (k-means++ favours far points) and leaves one giant group beside many singletons;
/// Ward merges, at each step, the two groups whose union adds the least within-group variance,
/// so the groups come out even and each is compact. It uses the nearest-neighbour chain, which
/// needs O(n) memory and O(n² d) time: a few seconds for 4,000 centres of 384 dimensions.
///
/// - Returns: a group label `0 ..< k` per point; labels are numbered by first appearance.
public func wardGroups(points: [Float], weights: [Int], dimension d: Int, k: Int) -> [Int32] {
    let n = weights.count
    precondition(points.count == n * d && k >= 1)
    if n <= k { return (0..<n).map(Int32.init) }
    // Active clusters: centre, weight, and the id they have in the merge list.
    var centres = points.map(Double.init)
    var weight = weights.map { Double(max($0, 1)) }
    var active = [Bool](repeating: true, count: n)
    var merges: [(a: Int, b: Int, height: Double)] = []
    merges.reserveCapacity(n - 1)

    func cost(_ i: Int, _ j: Int) -> Double {
        var s = 0.0
        let bi = i * d, bj = j * d
        for t in 0..<d {
            let x = centres[bi + t] - centres[bj + t]
            s += x * x
        }
        return weight[i] * weight[j] / (weight[i] + weight[j]) * s
    }

    var chain: [Int] = []
    var remaining = n
    while remaining > 1 {
        if chain.isEmpty { chain.append(active.firstIndex(of: true)!) }
        let a = chain[chain.count - 1]
        let previous = chain.count >= 2 ? chain[chain.count - 2] : -1
        // The nearest active neighbour; on a tie keep the previous link so the chain terminates.
        var best = previous
        var bestCost = previous >= 0 ? cost(a, previous) : Double.infinity
        for j in 0..<n where active[j] && j != a && j != previous {
            let c = cost(a, j)
            if c < bestCost || (c == bestCost && j < best && best != previous) {
                best = j
                bestCost = c
            }
        }
        if best == previous {
            chain.removeLast(2)
            // Merge `previous` into `a`'s slot: the new centre is the weighted mean.
            let wa = weight[a], wb = weight[previous]
            for t in 0..<d {
                centres[a * d + t] = (wa * centres[a * d + t] + wb * centres[previous * d + t]) / (wa + wb)
            }
            weight[a] = wa + wb
            active[previous] = false
            merges.append((a, previous, bestCost))
            remaining -= 1
        } else {
            chain.append(best)
        }
    }

    // Ward's heights are monotone, so replaying the merges from the lowest is the dendrogram;
    // the first n - k merges leave k groups. A merge's slot `a` names the merged group, so a
    // stable sort keeps every merge after the ones that built its operands.
    let order = merges.indices.sorted { merges[$0].height < merges[$1].height || (merges[$0].height == merges[$1].height && $0 < $1) }
    var parent = Array(0..<n)
    func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }
    for index in order.prefix(n - k) {
        let ra = find(merges[index].a), rb = find(merges[index].b)
        if ra != rb { parent[rb] = ra }
    }
    var label: [Int: Int32] = [:]
    return (0..<n).map { i in
        let root = find(i)
        if let l = label[root] { return l }
        let l = Int32(label.count)
        label[root] = l
        return l
    }
}
