import ClioCore

/// The one linked and checked forest of cluster records that every view of clio-tree reads:
/// each cluster's parent, its children in display order, the top level, and each cluster's depth
/// and top-level ancestor. Building it checks that every parent exists and that no chain of
/// parents comes back on itself.
///
/// Clusters are renumbered depth-first (a cluster before its children, siblings in display
/// order), so the same records in any order give the same forest. The display order of siblings
/// is the caller's: the text, Markdown and JSON views order by size, then name, then id; the HTML
/// report, --compare and --trend by size, then id with numbers compared as numbers. The two
/// orders differ on the example data (ties in size between differently named clusters), and
/// each view's output stays as it was.
struct ClusterForest {
    /// `source[i]`: the position, in the input, of the cluster at depth-first index `i`.
    var source: [Int]
    var parent: [Int?]
    var children: [[Int]]
    var roots: [Int]
    /// The position in `roots` of each cluster's top-level ancestor (its own when it is one).
    var top: [Int]
    /// Each cluster's depth: 1 at the top level, 2 for their children, and so on.
    var depth: [Int]

    /// How the two callers word a broken forest: with the file and line where the records came
    /// from a file, by record otherwise.
    struct Wording {
        /// The cluster at input position `child` names `parentID`, which is not among the records.
        var missingParent: (_ child: Int, _ parentID: String) -> ClioError
        /// Input positions on a cycle, the first one repeated at the end.
        var cycle: (_ loop: [Int]) -> ClioError
    }

    /// Links clusters given by their ids and parent ids (in input order; the ids are unique),
    /// with `before` ordering siblings by input position.
    init(ids: [String], parentIDs: [String?], wording: Wording, before: (Int, Int) -> Bool) throws(ClioError) {
        let n = ids.count
        var indexByID: [String: Int] = [:]
        indexByID.reserveCapacity(n)
        for (i, id) in ids.enumerated() { indexByID[id] = i }
        var parentOf = [Int?](repeating: nil, count: n)
        for (i, parentID) in parentIDs.enumerated() {
            guard let parentID else { continue }
            guard let p = indexByID[parentID] else { throw wording.missingParent(i, parentID) }
            parentOf[i] = p
        }
        // Every chain of parents must reach the top level; one that comes back to a cluster on
        // the current path is a cycle. 0: not seen, 1: on the current path, 2: reaches the top.
        var state = [UInt8](repeating: 0, count: n)
        for start in 0..<n where state[start] == 0 {
            var path: [Int] = []
            var current: Int? = start
            while let i = current, state[i] != 2 {
                if state[i] == 1 { throw wording.cycle(Array(path[path.firstIndex(of: i)!...]) + [i]) }
                state[i] = 1
                path.append(i)
                current = parentOf[i]
            }
            for i in path { state[i] = 2 }
        }

        var childrenOf = [[Int]](repeating: [], count: n)
        var rootList: [Int] = []
        for i in 0..<n {
            if let p = parentOf[i] { childrenOf[p].append(i) } else { rootList.append(i) }
        }
        rootList.sort(by: before)
        for i in childrenOf.indices { childrenOf[i].sort(by: before) }

        var newIndex = [Int](repeating: -1, count: n)
        var sequence: [Int] = []
        sequence.reserveCapacity(n)
        var stack = Array(rootList.reversed())
        while let i = stack.popLast() {
            newIndex[i] = sequence.count
            sequence.append(i)
            stack.append(contentsOf: childrenOf[i].reversed())
        }
        source = sequence
        parent = sequence.map { parentOf[$0].map { newIndex[$0] } }
        children = sequence.map { childrenOf[$0].map { newIndex[$0] } }
        roots = rootList.map { newIndex[$0] }
        var topOf = [Int](repeating: 0, count: n)
        var depthOf = [Int](repeating: 1, count: n)
        for (position, root) in roots.enumerated() { topOf[root] = position }
        for i in 0..<n {  // parents precede children in depth-first order
            if let p = parent[i] {
                topOf[i] = topOf[p]
                depthOf[i] = depthOf[p] + 1
            }
        }
        top = topOf
        depth = depthOf
    }

    var count: Int { source.count }
}

extension ClusterForest.Wording {
    /// For records read from files: the place is the file and line, ids are shown as written.
    static func located(ids: [String], locations: [Location?]) -> Self {
        Self(
            missingParent: { child, parentID in
                ClioError(.invalidRecord, "parent \"\(parentID)\" of cluster \"\(ids[child])\" does not exist", at: locations[child])
            },
            cycle: { loop in
                ClioError(.invalidRecord, "clusters form a cycle: \(loop.map { ids[$0] }.joined(separator: " → "))",
                          at: locations[loop[loop.count - 1]])
            })
    }

    /// For records handed over in memory: the place is the cluster, ids are quoted.
    static func byCluster(ids: [String]) -> Self {
        Self(
            missingParent: { child, parentID in
                ClioError(.invalidRecord,
                          "cluster \(ReportForest.quoted(ids[child])): parent \(ReportForest.quoted(parentID)) is not among the records")
            },
            cycle: { loop in
                ClioError(.invalidRecord,
                          "cluster parents form a cycle: \(loop.map { ReportForest.quoted(ids[$0]) }.joined(separator: " → "))")
            })
    }
}
