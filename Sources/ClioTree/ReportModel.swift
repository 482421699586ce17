import ClioCore

/// One cluster record, decoded and checked: the fields the HTML report shows.
struct ReportCluster {
    var id: String
    var level: Int
    var parentID: String?
    var name: String
    var description: String
    var size: Int
    var users: Int?
    /// `users_estimated`: `users` is an estimate (clio-label counts exactly only up to a cap).
    var usersEstimated = false
    var withheld: Bool
    var listedChildren: [String]
    /// Conversations per language, in the order the record lists them.
    var languages: [(name: String, count: Int)]
    /// Conversations with concerning score 1 … 5.
    var concerning: [Int]?
    var meanTurns: Double?
    /// Conversations per ISO week (`YYYY-Www`), in the order the record lists them.
    var weeks: [(week: String, count: Int)]
    var centroid: [Double]?
    /// `new_since`: set by a run that placed new conversations into an earlier tree on the
    /// clusters that tree did not have (docs/FORMAT.md).
    var newSince: String?
}

/// The clusters decoded for the HTML report, --compare and --trend, on the one `ClusterForest`.
/// Siblings (and the top level) are ordered by size, largest first, with ties broken by id
/// (numbers compared as numbers), and withheld buckets last, so the same records in any order
/// give the same report.
struct ReportForest {
    /// In depth-first order: a cluster comes before its children, siblings in display order.
    var clusters: [ReportCluster]
    /// The links, indexed like `clusters`.
    var links: ClusterForest
    var parent: [Int?] { links.parent }
    var children: [[Int]] { links.children }
    var roots: [Int] { links.roots }
    /// The position in `roots` of each cluster's top-level ancestor (its own when it is one).
    var top: [Int] { links.top }
    /// Each cluster's depth: 1 at the top level, 2 for their children, and so on.
    var depth: [Int] { links.depth }

    /// Decodes and validates cluster records: every field's type, unique ids, parents that
    /// exist, no cycles, and children lists that agree with the parents. With `locations` (the
    /// records as read from files, already checked for duplicate ids) a missing parent or a
    /// cycle is reported at its file and line.
    init(records: [JSONObject], locations: [Location?]? = nil) throws(ClioError) {
        guard !records.isEmpty else { throw ClioError(.invalidRecord, "no cluster records to report") }
        var decoded: [ReportCluster] = []
        decoded.reserveCapacity(records.count)
        var indexByID: [String: Int] = [:]
        for (offset, record) in records.enumerated() {
            let cluster = try ReportForest.decode(record, number: offset + 1)
            if let earlier = indexByID[cluster.id] {
                throw ClioError(
                    .invalidRecord,
                    "duplicate cluster id \(Self.quoted(cluster.id)) (records \(earlier + 1) and \(offset + 1))")
            }
            indexByID[cluster.id] = decoded.count
            decoded.append(cluster)
        }
        let ids = decoded.map(\.id)
        links = try ClusterForest(
            ids: ids, parentIDs: decoded.map(\.parentID),
            wording: locations.map { .located(ids: ids, locations: $0) } ?? .byCluster(ids: ids),
            before: { ReportForest.displayOrder(decoded[$0], decoded[$1]) })
        for cluster in decoded {
            for childID in cluster.listedChildren {
                guard let c = indexByID[childID] else {
                    throw ClioError(
                        .invalidRecord, "cluster \(Self.quoted(cluster.id)): child \(Self.quoted(childID)) is not among the records")
                }
                if decoded[c].parentID != cluster.id {
                    let actual = decoded[c].parentID.map(Self.quoted) ?? "null"
                    throw ClioError(
                        .invalidRecord,
                        "cluster \(Self.quoted(cluster.id)) lists child \(Self.quoted(childID)), whose parent is \(actual)")
                }
            }
        }
        clusters = links.source.map { decoded[$0] }
    }

    /// Conversations in all: the top level covers every conversation once.
    var total: Int { roots.reduce(0) { $0 + clusters[$1].size } }

    /// Conversations per ISO week over the top level, which covers every conversation once.
    func weekTotals() -> [String: Int] {
        var totals: [String: Int] = [:]
        for root in roots { for (week, count) in clusters[root].weeks { totals[week, default: 0] += count } }
        return totals
    }

    /// Larger first; withheld buckets after the named clusters; then by id, numbers compared
    /// as numbers so `L0-9` comes before `L0-10`.
    static func displayOrder(_ a: ReportCluster, _ b: ReportCluster) -> Bool {
        if a.withheld != b.withheld { return !a.withheld }
        if a.size != b.size { return a.size > b.size }
        return naturalLess(a.id, b.id)
    }

    private static func decode(_ record: JSONObject, number: Int) throws(ClioError) -> ReportCluster {
        var place = "record \(number)"
        func fail(_ message: String) -> ClioError { ClioError(.invalidRecord, "\(place): \(message)") }
        func count(_ value: JSON?, _ field: String) throws(ClioError) -> Int {
            guard let value else { throw fail("field \"\(field)\" is missing") }
            // Bounded (JSON.largestCount) so that sums over clusters and weeks cannot overflow.
            guard let n = value.countValue else {
                throw fail("field \"\(field)\" must be a whole number from 0 to \(JSON.largestCount), got \(describe(value))")
            }
            return n
        }
        func string(_ value: JSON?, _ field: String) throws(ClioError) -> String {
            guard let value else { throw fail("field \"\(field)\" is missing") }
            guard let s = value.stringValue else { throw fail("field \"\(field)\" must be a string, got \(value.typeName)") }
            return s
        }

        guard let kind = record["kind"] else { throw fail("field \"kind\" is missing (expected a cluster record)") }
        guard kind.stringValue == "cluster" else { throw fail("field \"kind\" must be \"cluster\", got \(describe(kind))") }
        let id = try string(record["id"], "id")
        guard !id.isEmpty else { throw fail("field \"id\" is empty") }
        place = "cluster \(quoted(id))"
        let level = try count(record["level"], "level")
        var parentID: String?
        switch record["parent"] {
        case nil, .null?: parentID = nil
        case .string(let s)?: parentID = s
        case let other?: throw fail("field \"parent\" must be a string or null, got \(other.typeName)")
        }
        let name = try string(record["name"], "name")
        let description = record["description"] == nil ? "" : try string(record["description"], "description")
        let size = try count(record["size"], "size")
        let users: Int? = record["users"] == nil ? nil : try count(record["users"], "users")
        var withheld = false
        if let value = record["withheld"] {
            guard let b = value.boolValue else { throw fail("field \"withheld\" must be a boolean, got \(value.typeName)") }
            withheld = b
        }
        var listedChildren: [String] = []
        if let value = record["children"], !value.isNull {
            guard let elements = value.arrayValue else {
                throw fail("field \"children\" must be an array of ids, got \(value.typeName)")
            }
            for element in elements {
                guard let s = element.stringValue else {
                    throw fail("field \"children\" must be an array of ids, found \(element.typeName)")
                }
                listedChildren.append(s)
            }
        }

        var languages: [(name: String, count: Int)] = []
        var concerning: [Int]?
        var meanTurns: Double?
        var weeks: [(week: String, count: Int)] = []
        if let statsValue = record["stats"], !statsValue.isNull {
            guard let stats = statsValue.objectValue else {
                throw fail("field \"stats\" must be an object, got \(statsValue.typeName)")
            }
            if let value = stats["languages"] {
                guard let object = value.objectValue else {
                    throw fail("field \"stats.languages\" must be an object, got \(value.typeName)")
                }
                for member in object {
                    languages.append((member.key, try count(member.value, "stats.languages.\(member.key)")))
                }
            }
            if let value = stats["concerning"] {
                guard let elements = value.arrayValue, elements.count == 5 else {
                    throw fail("field \"stats.concerning\" must be an array of 5 counts (scores 1 to 5)")
                }
                var histogram: [Int] = []
                for (i, element) in elements.enumerated() {
                    histogram.append(try count(element, "stats.concerning.\(i)"))
                }
                concerning = histogram
            }
            if let value = stats["mean_turns"], !value.isNull {
                guard let d = value.doubleValue, d.isFinite else {
                    throw fail("field \"stats.mean_turns\" must be a number, got \(value.typeName)")
                }
                meanTurns = d
            }
            if let value = stats["weeks"] {
                guard let object = value.objectValue else {
                    throw fail("field \"stats.weeks\" must be an object, got \(value.typeName)")
                }
                for member in object {
                    weeks.append((member.key, try count(member.value, "stats.weeks.\(member.key)")))
                }
            }
        }
        var centroid: [Double]?
        if let value = record["centroid"], !value.isNull {
            do {
                centroid = try VectorCodec.decode(value, field: "centroid").map(Double.init)
            } catch {
                throw fail(error.message)
            }
            if centroid?.isEmpty == true { centroid = nil }
        }
        var newSince: String?
        switch record["new_since"] {
        case nil, .null?: newSince = nil
        case .string(let s)?: newSince = s
        case let other?: throw fail("field \"new_since\" must be a string or null, got \(other.typeName)")
        }
        return ReportCluster(
            id: id, level: level, parentID: parentID, name: name, description: description, size: size, users: users,
            usersEstimated: record["users_estimated"]?.boolValue == true, withheld: withheld, listedChildren: listedChildren, languages: languages, concerning: concerning,
            meanTurns: meanTurns, weeks: weeks, centroid: centroid, newSince: newSince)
    }
}

extension ReportForest {
    /// An id as it appears in a message: in double quotes, with control characters made visible.
    static func quoted(_ s: String) -> String { JSONSerializer.string(.string(s)) }

    fileprivate static func describe(_ value: JSON) -> String {
        switch value {
        case .number, .rawNumber, .string: return JSONSerializer.string(value)
        default: return value.typeName
        }
}

    /// Orders strings with digit runs compared by value: `L0-9` < `L0-10`.
    static func naturalLess(_ a: String, _ b: String) -> Bool {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        var i = 0, j = 0
        while i < x.count && j < y.count {
            let dx = ("0"..."9").contains(x[i])
            let dy = ("0"..."9").contains(y[j])
            if dx && dy {
                var ei = i, ej = j
                while ei < x.count && ("0"..."9").contains(x[ei]) { ei += 1 }
                while ej < y.count && ("0"..."9").contains(y[ej]) { ej += 1 }
                // Compare digit runs by value without overflow: drop leading zeros, then length, then digits.
                let rx = x[i..<ei].drop { $0 == "0" }, ry = y[j..<ej].drop { $0 == "0" }
                if rx.count != ry.count { return rx.count < ry.count }
                for (p, q) in zip(rx, ry) where p != q { return p.value < q.value }
                if ei - i != ej - j { return ei - i < ej - j }
                i = ei
                j = ej
            } else {
                if x[i] != y[j] { return x[i].value < y[j].value }
                i += 1
                j += 1
            }
        }
        return x.count - i < y.count - j
    }
}

