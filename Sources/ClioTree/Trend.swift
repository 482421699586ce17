import ClioCore

/// The periods of `--trend`.
public enum TrendUnit: String, Sendable {
    case week, month
    /// A month of weeks, a quarter of months.
    var defaultLast: Int { self == .week ? 4 : 3 }
}

/// Conversations per week or month for the clusters of one long input (`clio-tree --trend`),
/// from the `stats.weeks` counts clio-label records, and which clusters grew fastest lately.
///
/// - Weeks are ISO weeks, as clio-label counts them. A month is made of whole ISO weeks: a week
///   counts in the month of its Thursday, which is the month holding four or more of its days
///   (the rule that gives an ISO week its year). So 2024-W05 (29 January to 4 February) counts
///   in February, and a month has four or five weeks.
/// - The periods run from the first with conversations to the last, empty ones included.
/// - Growth over the last N periods is the change in a cluster's share of all conversations from
///   the first of them to the last, in percentage points, with the 95% interval of
///   `ShareChange`. Shares rather than counts, so a week that is cut short or a busier month
///   does not make every cluster grow. Privacy buckets are shown as counts and not ranked.
struct ClusterTrend {
    typealias Unit = TrendUnit

    struct Series {
        /// Index in `forest`.
        var cluster: Int
        /// Conversations per period, in the order of `periods`.
        var counts: [Int]
    }

    var forest: ReportForest
    var unit: Unit
    /// `YYYY-Www` or `YYYY-MM`, first to last.
    var periods: [String]
    /// Conversations per period over the top level, which covers every conversation once.
    var totals: [Int]
    /// The clusters down to the requested depth, in the forest's display order.
    var series: [Series]
    /// The last N periods, over which growth is measured.
    var window: Range<Int>
    /// Named clusters of `series` (their index there) by growth over `window`, largest first.
    var growth: [(series: Int, change: ShareChange)]
    var notes: [String] = []

    init(forest: ReportForest, unit: Unit, last: Int, depth: Int) throws(ClioError) {
        self.forest = forest
        self.unit = unit

        // Each cluster's counts per period key, the weeks checked on the way.
        var keyed: [[String: Int]] = []
        var earliest: (year: Int, week: Int)?, latest: (year: Int, week: Int)?
        for c in forest.clusters {
            var counts: [String: Int] = [:]
            for (label, count) in c.weeks {
                guard let week = ISOWeek.parse(label) else {
                    throw ClioError(
                        .invalidRecord,
                        "cluster \(ReportForest.quoted(c.id)): stats.weeks has \(ReportForest.quoted(label)), "
                            + "which is not an ISO week (YYYY-Www)")
                }
                guard count > 0 else { continue }
                counts[Self.key(week, unit), default: 0] += count
                if earliest.map({ week < $0 }) ?? true { earliest = week }
                if latest.map({ week > $0 }) ?? true { latest = week }
            }
            keyed.append(counts)
        }
        guard let first = earliest, let final = latest else {
            throw ClioError(
                .invalidRecord,
                "no cluster has weeks in stats.weeks: --trend needs clio-label's counts of the conversations' created_at dates")
        }
        var periods: [String] = []
        var week = first
        while week <= final {
            let key = Self.key(week, unit)
            if periods.last != key { periods.append(key) }
            week = ISOWeek.following(year: week.year, week: week.week)
        }
        self.periods = periods
        let position = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1, $0) })
        func column(_ counts: [String: Int]) -> [Int] {
            var values = [Int](repeating: 0, count: periods.count)
            // safe: every key was made by Self.key from a week between first and final.
            for (key, n) in counts { values[position[key]!] += n }
            return values
        }
        totals = column(forest.weekTotals().reduce(into: [:]) { sums, pair in
            if let week = ISOWeek.parse(pair.key) { sums[Self.key(week, unit), default: 0] += pair.value }
        })
        series = forest.clusters.indices.filter { forest.depth[$0] <= depth }.map { Series(cluster: $0, counts: column(keyed[$0])) }

        window = max(0, periods.count - last)..<periods.count
        let (from, to) = (window.lowerBound, window.upperBound - 1)
        var growth: [(series: Int, change: ShareChange)] = []
        if from < to {
            for (k, s) in series.enumerated() where !forest.clusters[s.cluster].withheld {
                growth.append((k, ShareChange(before: s.counts[from], of: totals[from], after: s.counts[to], of: totals[to])))
            }
        }
        // Largest growth first; ties keep the display order.
        self.growth = growth.enumerated().sorted { a, b in
            a.element.change.difference != b.element.change.difference
                ? a.element.change.difference > b.element.change.difference : a.offset < b.offset
        }.map(\.element)
        if periods.count == 1 {
            notes.append("the records cover one \(unit.rawValue) only: there is no change to rank")
        } else if periods.count < last {
            notes.append("the records cover \(periods.count) \(unit.rawValue)s, fewer than --last \(last): growth is over all of them")
        }
    }

    /// The period a week counts in.
    static func key(_ week: (year: Int, week: Int), _ unit: Unit) -> String {
        unit == .week ? ISOWeek.label(year: week.year, week: week.week) : ISOWeek.month(year: week.year, week: week.week)
    }

    private var span: String {
        let count = "\(periods.count) \(unit.rawValue)\(periods.count == 1 ? "" : "s")"
        return periods.count == 1 ? "\(periods[0]) (\(count))" : "\(periods[0]) to \(periods.last!) (\(count))"
    }

    private var windowTitle: String {
        "Growth over the last \(window.count) \(unit.rawValue)s (\(periods[window.lowerBound]) to \(periods[window.upperBound - 1]))"
    }

    /// A sparkline per cluster, then the growth ranking.
    func text() -> String {
        let total = forest.total
        var lines = ["Conversations per \(unit.rawValue), \(span); \(total) conversation\(total == 1 ? "" : "s")"]
        lines += notes.map { "note: \($0)" }
        lines.append("")
        // The name goes last, so names of any width (CJK, emoji) cannot break the columns.
        let heading = "per \(unit.rawValue)"
        let column = max(periods.count, heading.count)
        func line(_ name: String, _ counts: [Int]) -> String {
            Figures.padRight(Self.sparkline(counts), column) + Figures.padLeft(String(counts.reduce(0, +)), 7) + "  " + name
        }
        lines.append(Figures.padRight(heading, column) + Figures.padLeft("total", 7) + "  cluster")
        lines.append(line("All conversations", totals))
        for s in series {
            lines.append(line(String(repeating: "  ", count: forest.depth[s.cluster] - 1) + forest.clusters[s.cluster].name, s.counts))
        }
        if !growth.isEmpty {
            lines.append("")
            lines.append(windowTitle + ", in share of all conversations (percentage points, 95% interval; * leaves out 0):")
            for (k, change) in growth {
                let c = forest.clusters[series[k].cluster]
                lines.append(
                    Figures.padLeft(Figures.points(change.difference), 7) + " "
                        + Figures.padRight(Figures.interval(change) + (change.isClear ? " *" : ""), 17)
                        + Figures.padLeft(Figures.percent(change.before), 6) + " → " + Figures.padRight(Figures.percent(change.after), 6)
                        + "  " + c.name)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One character per period, its height the count against the series' largest; a space
    /// for none.
    static func sparkline(_ counts: [Int]) -> String {
        let bars = Array("▁▂▃▄▅▆▇█")
        let top = counts.max() ?? 0
        return String(counts.map { n in
            guard n > 0, top > 0 else { return " " }
            return bars[min(bars.count - 1, (n * bars.count - 1) / top)]
        })
    }

    func markdown() -> String {
        let total = forest.total
        var out = "# Conversations per \(unit.rawValue)\n\n\(span), \(total) conversation\(total == 1 ? "" : "s").\n\n"
        for note in notes { out += "> \(MarkdownRenderer.escape(note))\n\n" }
        if !growth.isEmpty {
            let (from, to) = (periods[window.lowerBound], periods[window.upperBound - 1])
            out += "## \(windowTitle)\n\nChange in share of all conversations, percentage points with a 95% interval; "
            out += "**bold** where the interval leaves out 0.\n\n"
            out += "| Cluster | \(from) | \(to) | Change (pp) | 95% interval |\n|---|---:|---:|---:|---|\n"
            for (k, change) in growth {
                let points = Figures.points(change.difference)
                out += "| \(MarkdownRenderer.escape(forest.clusters[series[k].cluster].name)) "
                out += "| \(Figures.percent(change.before)) | \(Figures.percent(change.after)) "
                out += "| \(change.isClear ? "**\(points)**" : points) | \(Figures.points(change.low)) to \(Figures.points(change.high)) |\n"
            }
            out += "\n"
        }
        out += "## Conversations per \(unit.rawValue)\n\n| \(unit == .week ? "Week" : "Month") | All |"
        for s in series { out += " \(MarkdownRenderer.escape(forest.clusters[s.cluster].name)) |" }
        out += "\n|---|---:|" + String(repeating: "---:|", count: series.count) + "\n"
        for (p, period) in periods.enumerated() {
            out += "| \(period) | \(totals[p]) |"
            for s in series { out += " \(s.counts[p]) |" }
            out += "\n"
        }
        return out
    }

    func json() -> String {
        let clusters: [JSON] = series.map { s in
            let c = forest.clusters[s.cluster]
            var object: JSONObject = ["id": .string(c.id), "name": .string(c.name), "level": .number(Double(c.level))]
            object["parent"] = c.parentID.map { .string($0) } ?? .null
            if c.withheld { object["withheld"] = true }
            object["counts"] = .array(s.counts.map { .number(Double($0)) })
            return .object(object)
        }
        let ranked: [JSON] = growth.map { k, change in
            let c = forest.clusters[series[k].cluster]
            return [
                "id": .string(c.id), "name": .string(c.name),
                "from_share_pct": Figures.json(change.before), "to_share_pct": Figures.json(change.after),
                "change_pp": Figures.json(change.difference),
                "interval_pp": .array([Figures.json(change.low), Figures.json(change.high)]), "clear": .bool(change.isClear),
            ]
        }
        let document: JSON = [
            "unit": .string(unit.rawValue),
            "periods": .array(periods.map { .string($0) }),
            "totals": .array(totals.map { .number(Double($0)) }),
            "window": ["from": .string(periods[window.lowerBound]), "to": .string(periods[window.upperBound - 1])],
            "notes": .array(notes.map { .string($0) }),
            "clusters": .array(clusters),
            "growth": .array(ranked),
        ]
        return JSONSerializer.pretty(document) + "\n"
    }
}
