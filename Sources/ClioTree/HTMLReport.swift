import ClioCore

/// clio-tree's `--format html`: one self-contained page (inline CSS, JavaScript and data, no
/// network) with a collapsible tree, a 2-D map of the clusters, a detail panel and overview charts.
///
/// Every string from the records is untrusted. The data goes into the page once, as JSON in a
/// `<script type="application/json">` element with `<`, `>`, `&`, U+2028 and U+2029 written as
/// `\u` escapes, so no name can close the element or start markup; the page's script builds
/// the DOM with `textContent` only.
public enum HTMLReport {
    /// The whole HTML document for `records`, cluster records as docs/FORMAT.md describes them
    /// (any order). Throws for records that do not form a forest: a missing or ill-typed field,
    /// a duplicate id, a parent or child that is not among the records, or a cycle.
    /// The same records give the same bytes.
    public static func render(records: [JSONObject], title: String) throws(ClioError) -> String {
        render(forest: try ReportForest(records: records), title: title)
    }

    /// The report of `forest`; with `comparison` (whose later period is `forest`) it has a
    /// "What changed" view, with `trend` (of `forest`) a trends view.
    static func render(
        forest: ReportForest, title: String, comparison: ClusterComparison? = nil, trend: ClusterTrend? = nil
    ) -> String {
        let data = payload(forest, title: title, comparison: comparison, trend: trend)
        var page = ""
        page.reserveCapacity(data.count + HTMLReportAssets.style.utf8.count + HTMLReportAssets.script.utf8.count + 4096)
        page += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += "<meta name=\"generator\" content=\"clio-tree \(clioVersion)\">\n"
        page += "<title>\(escapeHTML(title))</title>\n<style>\n\(HTMLReportAssets.style)</style>\n</head>\n"
        page += HTMLReportAssets.body(title: escapeHTML(title))
        page += "<script type=\"application/json\" id=\"clio-data\">"
        page += data
        page += "</script>\n<script>\n\(HTMLReportAssets.script)</script>\n</body>\n</html>\n"
        return page
    }

    /// The page's data as JSON that is safe inside a `<script>` element.
    static func payload(
        _ forest: ReportForest, title: String, comparison: ClusterComparison? = nil, trend: ClusterTrend? = nil
    ) -> String {
        let clusters = forest.clusters
        let total = forest.total

        // Languages and weeks over the top level, which covers every conversation once.
        var languageTotals: [String: Int] = [:]
        let weekTotals = forest.weekTotals()
        var allWeeks = Set<String>()
        for root in forest.roots {
            for (name, count) in clusters[root].languages { languageTotals[name, default: 0] += count }
        }
        for cluster in clusters { for (week, _) in cluster.weeks { allWeeks.insert(week) } }
        for cluster in clusters { for (name, _) in cluster.languages where languageTotals[name] == nil { languageTotals[name] = 0 } }
        let languages = languageTotals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        let languageIndex = Dictionary(uniqueKeysWithValues: languages.enumerated().map { ($1, $0) })
        let weeks = allWeeks.sorted()
        let weekIndex = Dictionary(uniqueKeysWithValues: weeks.enumerated().map { ($1, $0) })

        // One map view per group of siblings: the top level, and each cluster's children.
        var placement = [ReportPlacement](repeating: ReportPlacement(x: 0, y: 0, r: 0), count: clusters.count)
        var methods = [ReportLayout.Method?](repeating: nil, count: clusters.count)
        func placeGroup(_ group: [Int]) -> ReportLayout.Method {
            let (placed, method) = ReportLayout.place(
                sizes: group.map { clusters[$0].size }, centroids: group.map { clusters[$0].centroid })
            for (k, i) in group.enumerated() { placement[i] = placed[k] }
            return method
        }
        let rootMethod = placeGroup(forest.roots)
        for i in clusters.indices where !forest.children[i].isEmpty { methods[i] = placeGroup(forest.children[i]) }

        func number(_ d: Double) -> JSON { .number(d) }
        var nodes: [JSON] = []
        nodes.reserveCapacity(clusters.count)
        for (i, cluster) in clusters.enumerated() {
            var node: JSONObject = [
                "id": .string(cluster.id),
                "name": .string(cluster.name),
                "desc": .string(cluster.description),
                "level": .number(Double(cluster.level)),
                "parent": forest.parent[i].map { .number(Double($0)) } ?? .null,
                "size": .number(Double(cluster.size)),
                "users": cluster.users.map { .number(Double($0)) } ?? .null,
            ]
            if cluster.usersEstimated { node["usersEst"] = .bool(true) }
            if cluster.withheld { node["withheld"] = .bool(true) }
            if let since = cluster.newSince { node["since"] = .string(since) }
            node["kids"] = .array(forest.children[i].map { .number(Double($0)) })
            node["top"] = .number(Double(forest.top[i]))
            let sortedLanguages = cluster.languages.sorted {
                $0.count != $1.count ? $0.count > $1.count : languageIndex[$0.name]! < languageIndex[$1.name]!
            }
            node["langs"] = .array(
                sortedLanguages.map { .array([.number(Double(languageIndex[$0.name]!)), .number(Double($0.count))]) })
            node["conc"] = cluster.concerning.map { .array($0.map { .number(Double($0)) }) } ?? .null
            node["turns"] = cluster.meanTurns.map { number(($0 * 100).rounded() / 100) } ?? .null
            let sortedWeeks = cluster.weeks.sorted { weekIndex[$0.week]! < weekIndex[$1.week]! }
            node["weeks"] = .array(
                sortedWeeks.map { .array([.number(Double(weekIndex[$0.week]!)), .number(Double($0.count))]) })
            node["x"] = number(placement[i].x)
            node["y"] = number(placement[i].y)
            node["r"] = number(placement[i].r)
            if let method = methods[i] { node["map"] = .string(method.rawValue) }
            nodes.append(.object(node))
        }

        var document: JSONObject = [
            "title": .string(title),
            "total": .number(Double(total)),
            "levels": .number(Double((clusters.map(\.level).max() ?? 0) + 1)),
            "width": number(ReportLayout.width),
            "height": number(ReportLayout.height),
            "languages": .array(languages.map { .string($0) }),
            "weeks": .array(weeks.map { .string($0) }),
            "weekTotals": .array(weeks.map { .number(Double(weekTotals[$0] ?? 0)) }),
            "roots": .array(forest.roots.map { .number(Double($0)) }),
            "rootMap": .string(rootMethod.rawValue),
            "nodes": .array(nodes),
        ]
        if let comparison { document["compare"] = changes(comparison) }
        if let trend { document["trend"] = series(trend) }
        return escapeForScript(JSONSerializer.bytes(.object(document)))
    }

    /// The "What changed" view's rows, in the comparison's order. `node` is the cluster in this
    /// report (the later period); a vanished cluster has none and carries its own name and
    /// description. Shares and changes are fractions.
    static func changes(_ comparison: ClusterComparison) -> JSON {
        func number(_ d: Double) -> JSON { .number((d * 1_000_000).rounded() / 1_000_000) }
        let rows: [JSON] = comparison.rows.map { row in
            let c = comparison.cluster(row)
            var object: JSONObject = ["status": .string(row.status.rawValue), "before": .number(Double(row.sizeBefore))]
            object["depth"] = .number(Double(comparison.depth(row)))
            object["after"] = .number(Double(row.sizeAfter))
            if let i = row.after {
                object["node"] = .number(Double(i))
            } else {
                object["node"] = .null
                object["name"] = .string(c.name)
                object["desc"] = .string(c.description)
                object["id"] = .string(c.id)
                object["parent"] = comparison.parentName(row).map { .string($0) } ?? .null
            }
            if c.withheld { object["withheld"] = true }
            if let since = c.newSince { object["since"] = .string(since) }
            if let former = comparison.formerName(row) { object["was"] = .string(former) }
            if let change = row.change {
                object["from"] = number(change.before)
                object["to"] = number(change.after)
                object["low"] = number(change.low)
                object["high"] = number(change.high)
            }
            return .object(object)
        }
        func period(_ p: ReportPeriod) -> JSON {
            ["source": .string(p.source), "total": .number(Double(p.forest.total)), "line": .string(Figures.periodLine(p))]
        }
        return [
            "before": period(comparison.before), "after": period(comparison.after),
            "matching": .string(comparison.matching.rawValue), "notes": .array(comparison.notes.map { .string($0) }),
            "rows": .array(rows),
        ]
    }

    /// The trends view: periods, totals, each series by its node, and the growth ranking.
    static func series(_ trend: ClusterTrend) -> JSON {
        func number(_ d: Double) -> JSON { .number((d * 1_000_000).rounded() / 1_000_000) }
        return [
            "unit": .string(trend.unit.rawValue),
            "periods": .array(trend.periods.map { .string($0) }),
            "totals": .array(trend.totals.map { .number(Double($0)) }),
            "window": .array([.number(Double(trend.window.lowerBound)), .number(Double(trend.window.upperBound - 1))]),
            "notes": .array(trend.notes.map { .string($0) }),
            "series": .array(trend.series.map { s in
                ["node": .number(Double(s.cluster)), "counts": .array(s.counts.map { .number(Double($0)) })]
            }),
            "growth": .array(trend.growth.map { k, change in
                [
                    "node": .number(Double(trend.series[k].cluster)), "from": number(change.before), "to": number(change.after),
                    "low": number(change.low), "high": number(change.high),
                ]
            }),
        ]
    }

    /// JSON made safe inside `<script>`: `<`, `>` and `&` can only occur in strings, where
    /// `\u003c` etc. mean the same; U+2028 and U+2029 are escaped for older JavaScript parsers.
    static func escapeForScript(_ json: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(json.count + json.count / 16)
        var i = 0
        while i < json.count {
            let b = json[i]
            switch b {
            case UInt8(ascii: "<"): out.append(contentsOf: Array("\\u003c".utf8))
            case UInt8(ascii: ">"): out.append(contentsOf: Array("\\u003e".utf8))
            case UInt8(ascii: "&"): out.append(contentsOf: Array("\\u0026".utf8))
            case 0xE2 where i + 2 < json.count && json[i + 1] == 0x80 && (json[i + 2] == 0xA8 || json[i + 2] == 0xA9):
                out.append(contentsOf: Array((json[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8))
                i += 2
            default: out.append(b)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Text for HTML element content and attribute values.
    static func escapeHTML(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
