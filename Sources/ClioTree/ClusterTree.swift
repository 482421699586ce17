import ClioCore

/// One cluster of the tree, with its children in display order.
public struct TreeNode: Equatable, Sendable {
    public var id: String
    public var name: String
    public var description: String
    public var size: Int
    public var withheld: Bool
    /// The record as read, for renderers that show more fields.
    public var record: JSONObject
    /// Largest first, ties by name; withheld buckets last.
    public var children: [TreeNode]
}

/// The clusters of a `clio-label` run as a forest under one root.
public struct ClusterTree: Equatable, Sendable {
    /// Top-level clusters in display order.
    public var roots: [TreeNode]
    /// Conversations in the whole tree: the sum of the top-level sizes.
    public var total: Int { roots.reduce(0) { $0 + $1.size } }

    public init(roots: [TreeNode]) { self.roots = roots }

    /// Display order of siblings: largest first, ties by name then id; withheld buckets last.
    static func ordered(_ a: TreeNode, _ b: TreeNode) -> Bool {
        if a.withheld != b.withheld { return !a.withheld }
        if a.size != b.size { return a.size > b.size }
        if a.name != b.name { return a.name < b.name }
        return a.id < b.id
    }
}

/// Collects cluster records, checking each one's fields as it comes, and links them into a
/// tree by their `parent` fields (through `ClusterForest`).
public struct ClusterTreeBuilder {
    struct Entry {
        var id: String
        var parent: String?
        var node: TreeNode
        var location: Location?
    }
    private var entries: [Entry] = []
    private var index: [String: Int] = [:]

    public init() {}

    /// Takes one record; records whose `kind` is not `cluster` are ignored (returns false).
    @discardableResult
    public mutating func add(_ record: JSONObject, at location: Location? = nil) throws(ClioError) -> Bool {
        guard case .string("cluster")? = record["kind"] else { return false }
        let id = try record.requireString("id")
        if let first = index[id] {
            let place = entries[first].location.map { " (first at \($0))" } ?? ""
            throw ClioError(.invalidRecord, "duplicate cluster id \"\(id)\"\(place)")
        }
        var parent: String?
        switch record["parent"] {
        case nil, .null?: parent = nil
        case .string(let p)?: parent = p
        case let other?: throw ClioError(.invalidRecord, "field \"parent\" must be a string or null, got \(other.typeName)")
        }
        guard let sizeValue = record["size"] else { throw ClioError(.invalidRecord, "field \"size\" is missing") }
        // Bounded (JSON.largestCount) so that summing the sizes of many clusters cannot overflow.
        guard let size = sizeValue.countValue else {
            throw ClioError(
                .invalidRecord,
                "field \"size\" must be a whole number from 0 to \(JSON.largestCount), got \(JSONSerializer.string(sizeValue))")
        }
        let withheld = record["withheld"]?.boolValue ?? false
        let name = record["name"]?.stringValue ?? (withheld ? "Other (below privacy threshold)" : id)
        let description = record["description"]?.stringValue ?? ""
        index[id] = entries.count
        entries.append(Entry(
            id: id, parent: parent,
            node: TreeNode(id: id, name: name, description: description, size: size, withheld: withheld, record: record, children: []),
            location: location))
        return true
    }

    /// The records taken, in input order, and where each was read.
    public var records: [JSONObject] { entries.map(\.node.record) }
    public var locations: [Location?] { entries.map(\.location) }

    /// Links the records; a parent that does not exist or a cycle is an error naming the record.
    public func build() throws(ClioError) -> ClusterTree {
        let ids = entries.map(\.id)
        let forest = try ClusterForest(
            ids: ids, parentIDs: entries.map(\.parent), wording: .located(ids: ids, locations: entries.map(\.location)),
            before: { ClusterTree.ordered(entries[$0].node, entries[$1].node) })
        func node(_ i: Int) -> TreeNode {
            var n = entries[forest.source[i]].node
            n.children = forest.children[i].map(node)
            return n
        }
        return ClusterTree(roots: forest.roots.map(node))
    }
}
