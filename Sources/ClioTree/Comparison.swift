import ClioCore

/// A change in one cluster's share of the conversations between two periods, with its 95%
/// interval.
///
/// The shares are proportions in two independent samples, p₁ = x₁/n₁ and p₂ = x₂/n₂. The change
/// is d = p₂ − p₁, and its interval the Wald interval for a difference of two proportions with
/// the unpooled standard error:
///
///     SE = √(p₁(1 − p₁)/n₁ + p₂(1 − p₂)/n₂),    d ± 1.959964 · SE
///
/// A period without conversations has share 0 and adds nothing to SE. The interval is the
/// usual approximation: too narrow for counts near 0 (a cluster new in the second period has
/// p₁ = 0, so only the second count's spread is in it).
struct ShareChange: Equatable {
    /// Shares of all conversations in each period, 0…1.
    var before: Double
    var after: Double
    /// The ends of the 95% interval of `difference`.
    var low: Double
    var high: Double

    var difference: Double { after - before }
    /// The interval leaves out zero: the change is larger than chance would make it.
    var isClear: Bool { low > 0 || high < 0 }

    /// The 97.5th percentile of the standard normal distribution.
    static let z95 = 1.959963984540054

    init(before x1: Int, of n1: Int, after x2: Int, of n2: Int) {
        func share(_ x: Int, _ n: Int) -> Double { n > 0 ? Double(x) / Double(n) : 0 }
        func variance(_ p: Double, _ n: Int) -> Double { n > 0 ? p * (1 - p) / Double(n) : 0 }
        before = share(x1, n1)
        after = share(x2, n2)
        let margin = Self.z95 * (variance(before, n1) + variance(after, n2)).squareRoot()
        low = after - before - margin
        high = after - before + margin
    }
}

/// One period's cluster records, read and checked, for `--compare`.
struct ReportPeriod {
    /// Where the records came from, as the user named it.
    var source: String
    var forest: ReportForest
    /// The first and last ISO week with conversations, when the records count weeks.
    var weeks: (first: String, last: String)? {
        let labels = forest.weekTotals().filter { $0.value > 0 }.keys.sorted()
        guard let first = labels.first, let last = labels.last else { return nil }
        return (first, last)
    }
}

/// How `--compare` pairs the clusters of two periods (see `ClusterComparison`).
public enum ComparisonMatching: String, Sendable { case idAndName = "id", centroid }

/// Two periods' clusters side by side (`clio-tree --compare OLD NEW`): every cluster's size and
/// share in each period and the change of its share, largest change first.
///
/// A cluster of the earlier period is the same as one of the later when
/// - `.idAndName` (the default): both its id and its name are the same. A run that places new
///   conversations into an earlier tree keeps both; two independent runs reuse the ids
///   `L0-0`, `L1-0`, … for unrelated clusters, and the names keep those apart.
/// - `.centroid` (for two independent runs): the two are each other's nearest centroid (cosine)
///   among the named clusters at the same depth of their trees. An approximation, labelled as such.
///
/// A cluster without a partner is new (only in the later period) or vanished (only in the
/// earlier one). Privacy buckets pair when their parents pair (or both are at the top) and are
/// compared as counts only: what they fold together differs from period to period.
struct ClusterComparison {
    typealias Matching = ComparisonMatching
    enum Status: String {
        case matched, new, vanished
        var order: Int { self == .matched ? 0 : self == .new ? 1 : 2 }
    }

    struct Row {
        var status: Status
        /// The cluster's index in each period's forest; nil where it is not in that period.
        var before: Int?
        var after: Int?
        var sizeBefore: Int
        var sizeAfter: Int
        /// Nil on a privacy bucket, which is compared as counts only.
        var change: ShareChange?
        /// Cosine similarity of the paired centroids (`.centroid` matching only).
        var similarity: Double?
    }

    var before: ReportPeriod
    var after: ReportPeriod
    var matching: Matching
    /// Named clusters by the size of their change (absolute, in percentage points), then the
    /// privacy buckets by the size of their change in conversations.
    var rows: [Row]
    /// Things a reader should know about the pairing, said in every format.
    var notes: [String] = []

    /// Pairs the clusters and orders the rows; `depth` keeps the rows of the top `depth` levels.
    init(before: ReportPeriod, after: ReportPeriod, matching: Matching, depth: Int? = nil) throws(ClioError) {
        self.before = before
        self.after = after
        self.matching = matching
        let old = before.forest, new = after.forest

        // partner[i]: the earlier period's cluster paired with the later period's cluster i.
        var partner = [Int?](repeating: nil, count: new.clusters.count)
        var similarity = [Double?](repeating: nil, count: new.clusters.count)
        switch matching {
        case .idAndName:
            var byKey: [String: Int] = [:]
            for (j, c) in old.clusters.enumerated() where !c.withheld { byKey[c.id + "\u{0}" + c.name] = j }
            for (i, c) in new.clusters.enumerated() where !c.withheld { partner[i] = byKey[c.id + "\u{0}" + c.name] }
        case .centroid:
            (partner, similarity) = try Self.pairByCentroid(before, after)
        }
        // Buckets: the one under the partner of this bucket's parent, or the top-level one.
        for (i, c) in new.clusters.enumerated() where c.withheld {
            let siblings: [Int]
            if let p = new.parent[i] {
                guard let q = partner[p] else { continue }
                siblings = old.children[q]
            } else {
                siblings = old.roots
            }
            partner[i] = siblings.first { old.clusters[$0].withheld }
        }

        var rows: [Row] = []
        var paired = Set<Int>()
        for i in new.clusters.indices {
            let j = partner[i]
            if let j { paired.insert(j) }
            rows.append(Row(
                status: j == nil ? .new : .matched, before: j, after: i,
                sizeBefore: j.map { old.clusters[$0].size } ?? 0, sizeAfter: new.clusters[i].size,
                change: nil, similarity: similarity[i]))
        }
        for j in old.clusters.indices where !paired.contains(j) {
            rows.append(Row(status: .vanished, before: j, after: nil, sizeBefore: old.clusters[j].size, sizeAfter: 0))
        }
        for k in rows.indices where !Self.shown(rows[k], old, new).withheld {
            rows[k].change = ShareChange(before: rows[k].sizeBefore, of: old.total, after: rows[k].sizeAfter, of: new.total)
        }
        func id(_ row: Row) -> String { Self.shown(row, old, new).id }
        self.rows = rows.sorted { a, b in
            switch (a.change, b.change) {
            case (nil, .some): return false
            case (.some, nil): return true
            case let (x?, y?) where abs(x.difference) != abs(y.difference): return abs(x.difference) > abs(y.difference)
            case (nil, nil) where abs(a.sizeAfter - a.sizeBefore) != abs(b.sizeAfter - b.sizeBefore):
                return abs(a.sizeAfter - a.sizeBefore) > abs(b.sizeAfter - b.sizeBefore)
            default:
                if max(a.sizeBefore, a.sizeAfter) != max(b.sizeBefore, b.sizeAfter) {
                    return max(a.sizeBefore, a.sizeAfter) > max(b.sizeBefore, b.sizeAfter)
                }
                if id(a) != id(b) { return ReportForest.naturalLess(id(a), id(b)) }
                return a.status.order < b.status.order
            }
        }

        if let depth {
            let shallow = self.rows.filter { self.depth($0) <= depth }
            self.rows = shallow
        }
        let named = self.rows.filter { $0.change != nil }
        if matching == .idAndName, !named.isEmpty, !named.contains(where: { $0.status == .matched }) {
            notes.append(
                "no cluster is in both periods: ids and names differ, as they do between two independent runs; "
                    + "--match centroid pairs clusters by their nearest centroid instead")
        }
        if matching == .centroid {
            notes.append(
                "clusters paired by nearest centroid (two independent runs): a pair is two clusters at the same depth "
                    + "that are each other's most similar; names may differ, and the pairing is approximate")
        }
    }

    /// The record a row shows: the later period's, or the earlier one's for a vanished cluster.
    private static func shown(_ row: Row, _ before: ReportForest, _ after: ReportForest) -> ReportCluster {
        row.after.map { after.clusters[$0] } ?? before.clusters[row.before!]
    }

    func cluster(_ row: Row) -> ReportCluster { Self.shown(row, before.forest, after.forest) }

    /// The row's parent in the period the row shows, nil at the top level.
    private func parent(_ row: Row) -> ReportCluster? {
        if let i = row.after { return after.forest.parent[i].map { after.forest.clusters[$0] } }
        return before.forest.parent[row.before!].map { before.forest.clusters[$0] }
    }

    func parentName(_ row: Row) -> String? { parent(row)?.name }
    func parentID(_ row: Row) -> String? { parent(row)?.id }

    /// The row's depth in the period it shows: 1 at the top level.
    func depth(_ row: Row) -> Int { row.after.map { after.forest.depth[$0] } ?? before.forest.depth[row.before!] }

    /// The earlier name of a cluster paired by centroid under another name.
    func formerName(_ row: Row) -> String? {
        guard let i = row.after, let j = row.before else { return nil }
        let old = before.forest.clusters[j].name
        return old == after.forest.clusters[i].name ? nil : old
    }

    var counts: (matched: Int, new: Int, vanished: Int) {
        rows.reduce(into: (0, 0, 0)) { sum, row in
            switch row.status {
            case .matched: sum.0 += 1
            case .new: sum.1 += 1
            case .vanished: sum.2 += 1
            }
        }
    }

    /// Mutual nearest centroids (cosine), depth by depth, among the named clusters.
    private static func pairByCentroid(_ before: ReportPeriod, _ after: ReportPeriod) throws(ClioError)
        -> (partner: [Int?], similarity: [Double?])
    {
        func unitCentroids(_ period: ReportPeriod) throws(ClioError) -> [[Double]?] {
            try period.forest.clusters.map { c throws(ClioError) -> [Double]? in
                guard !c.withheld else { return nil }
                guard let v = c.centroid else {
                    throw ClioError(
                        .invalidRecord,
                        "\(period.source): cluster \(ReportForest.quoted(c.id)) has no centroid, which --match centroid needs "
                            + "(clio-label --centroids writes them)")
                }
                let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
                return norm > 0 ? v.map { $0 / norm } : v
            }
        }
        let old = try unitCentroids(before), new = try unitCentroids(after)
        let dimensions = Set((old + new).compactMap { $0?.count })
        guard dimensions.count <= 1 else {
            throw ClioError(
                .invalidRecord,
                "the centroids have different dimensions (\(dimensions.sorted().map(String.init).joined(separator: ", "))): "
                    + "the two runs used different embedding models, so their clusters cannot be paired by centroid")
        }
        func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }

        var partner = [Int?](repeating: nil, count: new.count)
        var similarity = [Double?](repeating: nil, count: new.count)
        let depths = Set(after.forest.depth)
        for depth in depths.sorted() {
            let a = new.indices.filter { new[$0] != nil && after.forest.depth[$0] == depth }
            let b = old.indices.filter { old[$0] != nil && before.forest.depth[$0] == depth }
            guard !a.isEmpty, !b.isEmpty else { continue }
            // safe: a and b hold only indices whose vectors are present (filtered just above).
            let s = a.map { i in b.map { j in dot(new[i]!, old[j]!) } }
            // Ties go to the earlier index (the larger cluster: forests are in display order).
            func argmax(_ values: [Double]) -> Int { values.indices.max { values[$0] < values[$1] || (values[$0] == values[$1] && $0 > $1) }! }
            let bestForB = b.indices.map { y in argmax(a.indices.map { s[$0][y] }) }
            for x in a.indices {
                let y = argmax(s[x])
                if bestForB[y] == x {
                    partner[a[x]] = b[y]
                    similarity[a[x]] = s[x][y]
                }
            }
        }
        return (partner, similarity)
    }
}

// MARK: - Views

/// Numbers as the compare and trend views write them.
enum Figures {
    /// `+8.3` or `-1.7` (or `0.0`): a change in percentage points, one decimal, half away from zero.
    static func points(_ fraction: Double) -> String {
        let tenths = Int((abs(fraction) * 1000).rounded())
        let sign = tenths == 0 ? "" : fraction < 0 ? "-" : "+"
        return "\(sign)\(tenths / 10).\(tenths % 10)"
    }

    /// `8.3%`: a share, one decimal.
    static func percent(_ fraction: Double) -> String {
        let tenths = Int((fraction * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// `[+5.8, +10.8]`
    static func interval(_ change: ShareChange) -> String {
        "[\(points(change.low)), \(points(change.high))]"
    }

    /// A fraction as percent for JSON, three decimals.
    static func json(_ fraction: Double) -> JSON { .number((fraction * 100_000).rounded() / 1000) }

    static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    static func padRight(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    static func periodLine(_ period: ReportPeriod) -> String {
        let n = period.forest.total
        var line = "\(period.source) — \(n) conversation\(n == 1 ? "" : "s")"
        if let weeks = period.weeks { line += weeks.first == weeks.last ? ", \(weeks.first)" : ", \(weeks.first) to \(weeks.last)" }
        return line
    }
}

extension ClusterComparison {
    private var summary: String {
        let (matched, new, vanished) = counts
        let how = matching == .idAndName ? "matched by id and name" : "matched by nearest centroid"
        return "\(rows.count) cluster\(rows.count == 1 ? "" : "s") \(how): \(matched) in both periods, \(new) new, \(vanished) vanished."
    }

    private func status(_ row: Row) -> String {
        switch row.status {
        case .matched: return ""
        case .new: return "NEW"
        case .vanished: return "GONE"
        }
    }

    /// An aligned table: change, interval, sizes and shares before and after, then the name.
    func text() -> String {
        var lines = [
            "What changed",
            "  before: " + Figures.periodLine(before),
            "  after:  " + Figures.periodLine(after),
            summary,
        ]
        lines += notes.map { "note: \($0)" }
        lines.append("Shares are of all conversations in a period; changes in percentage points with a 95% interval (* leaves out 0).")
        lines.append("")
        let named = rows.filter { $0.change != nil }
        let withheld = rows.filter { $0.change == nil }
        func count(_ n: Int) -> String { Figures.padLeft(String(n), 6) }
        if !named.isEmpty {
            lines.append(
                Figures.padLeft("change", 8) + " " + Figures.padRight("95% interval", 16) + Figures.padLeft("before", 13)
                    + Figures.padLeft("after", 13) + "  cluster")
            for row in named {
                let change = row.change!
                var name = cluster(row).name
                if let since = cluster(row).newSince { name += " (new since \(since))" }
                if let former = formerName(row) { name += " (was: \(former))" }
                if let parent = parentName(row) { name += " — in \(parent)" }
                let label = status(row)
                lines.append(
                    Figures.padLeft(Figures.points(change.difference), 8) + " "
                        + Figures.padRight(Figures.interval(change) + (change.isClear ? " *" : ""), 16)
                        + count(row.sizeBefore) + Figures.padLeft(Figures.percent(change.before), 7)
                        + count(row.sizeAfter) + Figures.padLeft(Figures.percent(change.after), 7) + "  "
                        + (label.isEmpty ? "" : label + " ") + name)
            }
        }
        if !withheld.isEmpty {
            if !named.isEmpty { lines.append("") }
            lines.append("Below the privacy threshold (counts only):")
            for row in withheld {
                let where_ = parentName(row).map { "under \($0)" } ?? "at the top level"
                let delta = row.sizeAfter - row.sizeBefore
                lines.append(
                    "  \(row.sizeBefore) → \(row.sizeAfter) (\(delta > 0 ? "+" : "")\(delta)) \(where_)"
                        + (row.status == .matched ? "" : " (\(row.status.rawValue))"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func markdown() -> String {
        func item(_ label: String, _ period: ReportPeriod) -> String {
            "- **\(label):** \(MarkdownRenderer.escape(Figures.periodLine(period)))\n"
        }
        var out = "# What changed\n\n" + item("Before", before) + item("After", after) + "\n" + summary + "\n\n"
        for note in notes { out += "> \(MarkdownRenderer.escape(note))\n\n" }
        out += "Shares are of all conversations in a period; changes are in percentage points with a 95% interval; "
        out += "**bold** changes have an interval that leaves out 0.\n\n"
        out += "| Cluster | Status | Before | After | Change (pp) | 95% interval |\n"
        out += "|---|---|---:|---:|---:|---|\n"
        for row in rows {
            let c = cluster(row)
            var name = MarkdownRenderer.escape(c.name)
            if c.withheld { name = "*\(name)*" }
            if let since = c.newSince { name += " (new since \(MarkdownRenderer.escape(since)))" }
            if let former = formerName(row) { name += " (was: \(MarkdownRenderer.escape(former)))" }
            if let parent = parentName(row) { name += " <br>in \(MarkdownRenderer.escape(parent))" }
            let statusText = row.status == .matched ? "" : row.status.rawValue
            if let change = row.change {
                let points = Figures.points(change.difference)
                out += "| \(name) | \(statusText) | \(row.sizeBefore) (\(Figures.percent(change.before))) "
                out += "| \(row.sizeAfter) (\(Figures.percent(change.after))) | \(change.isClear ? "**\(points)**" : points) "
                out += "| \(Figures.points(change.low)) to \(Figures.points(change.high)) |\n"
            } else {
                let delta = row.sizeAfter - row.sizeBefore
                out += "| \(name) | \(statusText) | \(row.sizeBefore) | \(row.sizeAfter) | counts only: \(delta > 0 ? "+" : "")\(delta) | |\n"
            }
        }
        return out
    }

    func json() -> String {
        func period(_ p: ReportPeriod) -> JSON {
            var object: JSONObject = ["source": .string(p.source), "total": .number(Double(p.forest.total))]
            object["first_week"] = p.weeks.map { .string($0.first) } ?? .null
            object["last_week"] = p.weeks.map { .string($0.last) } ?? .null
            return .object(object)
        }
        func side(_ index: Int?, _ p: ReportPeriod, share: Double?) -> JSON {
            guard let index else { return .null }
            let c = p.forest.clusters[index]
            var object: JSONObject = ["id": .string(c.id), "name": .string(c.name), "size": .number(Double(c.size))]
            if let share { object["share_pct"] = Figures.json(share) }
            return .object(object)
        }
        let clusters: [JSON] = rows.map { row in
            let c = cluster(row)
            var object: JSONObject = ["status": .string(row.status.rawValue), "name": .string(c.name), "level": .number(Double(c.level))]
            object["parent"] = parentID(row).map { .string($0) } ?? .null
            object["parent_name"] = parentName(row).map { .string($0) } ?? .null
            if c.withheld { object["withheld"] = true }
            if let since = c.newSince { object["new_since"] = .string(since) }
            object["before"] = side(row.before, before, share: row.change?.before)
            object["after"] = side(row.after, after, share: row.change?.after)
            if let change = row.change {
                object["change_pp"] = Figures.json(change.difference)
                object["interval_pp"] = .array([Figures.json(change.low), Figures.json(change.high)])
                object["clear"] = .bool(change.isClear)
            } else {
                object["change_count"] = .number(Double(row.sizeAfter - row.sizeBefore))
            }
            if let s = row.similarity { object["similarity"] = .number((s * 1000).rounded() / 1000) }
            return .object(object)
        }
        let document: JSON = [
            "before": period(before), "after": period(after), "matching": .string(matching.rawValue),
            "notes": .array(notes.map { .string($0) }), "clusters": .array(clusters),
        ]
        return JSONSerializer.pretty(document) + "\n"
    }
}
