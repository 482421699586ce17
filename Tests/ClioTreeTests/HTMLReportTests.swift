import Foundation
import Testing

import ClioCore
@testable import ClioTree

// MARK: - Fixtures made here

/// Two top-level clusters with three and two children; centroids far apart between the two.
private func smallForest(centroids: Bool = true, hostile: Bool = false) -> [JSONObject] {
    func c(_ x: Double, _ y: Double) -> [Double]? { centroids ? [x, y, 0.5, -0.25] : nil }
    return [
        clusterRecord("L0-0", level: 0, parent: "L1-0", name: hostile ? "<img src=x onerror=alert(1)>" : "Fix Python", size: 40, centroid: c(10, 1)),
        clusterRecord("L0-1", level: 0, parent: "L1-0", name: "Debug SQL", size: 25, centroid: c(11, 2)),
        clusterRecord("L0-2", level: 0, parent: "L1-0", name: "Write tests", size: 30,
                description: hostile ? "</script><script>alert(1)</script> & \u{2028}\u{2029} end" : "Tests.", centroid: c(9, 0)),
        clusterRecord("L0-3", level: 0, parent: "L1-1", name: "Write poems", size: 12, centroid: c(-10, 5),
                languages: [("Spanish", 7), ("English", 5)], weeks: [("2024-W10", 7), ("2024-W08", 5)]),
        clusterRecord("L0-4", level: 0, parent: "L1-1", name: hostile ? "</script><script>alert(2)</script>" : "Write songs", size: 8, centroid: c(-11, 4)),
        clusterRecord("L1-0", level: 1, parent: nil, name: "Programming", size: 95, children: ["L0-0", "L0-1", "L0-2"], centroid: c(10, 1)),
        clusterRecord("L1-1", level: 1, parent: nil, name: "Creative writing", size: 20, children: ["L0-3", "L0-4"], centroid: c(-10.5, 4.5)),
    ]
}

private let dataOpening = "<script type=\"application/json\" id=\"clio-data\">"

/// The JSON between the data element's tags, parsed with ClioCore's parser.
private func embeddedData(_ page: String) throws -> JSONObject {
    let afterOpening = try #require(page.range(of: dataOpening)).upperBound
    let closing = try #require(page.range(of: "</script>", range: afterOpening..<page.endIndex)).lowerBound
    let value = try JSONParser.parse(String(page[afterOpening..<closing]))
    return try #require(value.objectValue)
}

private func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

private func renderError(_ records: [JSONObject]) -> ClioError? {
    do {
        _ = try HTMLReport.render(records: records, title: "t")
        return nil
    } catch {
        return error
    }
}

// MARK: - Escaping

@Test func hostileNamesAppearOnlyInEscapedForm() throws {
    let page = try HTMLReport.render(records: smallForest(hostile: true), title: "Report")
    #expect(!page.contains("<img"))
    #expect(!page.contains("onerror=alert(1)>"))
    // The data element and the page's own script are the only two to close.
    #expect(occurrences(of: "</script>", in: page) == 2)
    #expect(occurrences(of: "<script", in: page) == 2)
    #expect(page.contains("\\u003cimg src=x onerror=alert(1)\\u003e"))
    #expect(page.contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(2)\\u003c/script\\u003e"))
    #expect(page.contains("\\u0026 \\u2028\\u2029 end"))
    #expect(!page.unicodeScalars.contains("\u{2028}") && !page.unicodeScalars.contains("\u{2029}"))
}

@Test func hostileTitleIsEscapedAsHTMLText() throws {
    let page = try HTMLReport.render(records: smallForest(), title: "<b onmouseover=x>\"Q&A\"</b>")
    #expect(!page.contains("<b onmouseover"))
    #expect(page.contains("<title>&lt;b onmouseover=x&gt;&quot;Q&amp;A&quot;&lt;/b&gt;</title>"))
    let data = try embeddedData(page)
    #expect(data["title"]?.stringValue == "<b onmouseover=x>\"Q&A\"</b>")
}

@Test func pageScriptNeverAssignsMarkupFromData() throws {
    let page = try HTMLReport.render(records: smallForest(), title: "t")
    #expect(!page.contains("innerHTML"))
    #expect(!page.contains("outerHTML"))
    #expect(!page.contains("insertAdjacentHTML"))
    #expect(!page.contains("document.write"))
}

// MARK: - Determinism and self-containment

@Test func sameRecordsInAnyOrderGiveIdenticalBytes() throws {
    let records = smallForest(hostile: true)
    let first = try HTMLReport.render(records: records, title: "Report")
    let again = try HTMLReport.render(records: records, title: "Report")
    let reversed = try HTMLReport.render(records: records.reversed(), title: "Report")
    #expect(first == again)
    #expect(first == reversed)
}

@Test func documentLoadsNothingFromTheNetwork() throws {
    let page = try HTMLReport.render(records: smallForest(), title: "t")
    // The only URL in the page is the SVG namespace name, which is never fetched.
    let urls = occurrences(of: "http://", in: page) + occurrences(of: "https://", in: page)
    #expect(urls == occurrences(of: "\"http://www.w3.org/2000/svg\"", in: page))
    #expect(occurrences(of: "http://www.w3.org/2000/svg", in: page) == 1)
    for attribute in ["src=", "href=", "<link", "@import", "url("] {
        #expect(!page.contains(attribute), "found \(attribute)")
    }
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    #expect(page.hasSuffix("</html>\n"))
}

// MARK: - The embedded data

@Test func embeddedDataHasEveryClusterWithItsSizeNameAndParent() throws {
    let records = smallForest(hostile: true)
    let data = try embeddedData(try HTMLReport.render(records: records, title: "t"))
    let nodes = try #require(data["nodes"]?.arrayValue).compactMap(\.objectValue)
    #expect(nodes.count == records.count)
    let ids = nodes.map { $0["id"]?.stringValue ?? "" }
    for record in records {
        let id = record["id"]!.stringValue!
        let node = try #require(nodes.first { $0["id"]?.stringValue == id })
        #expect(node["size"]?.intValue == record["size"]?.intValue, "size of \(id)")
        #expect(node["name"] == record["name"], "name of \(id)")
        #expect(node["desc"] == record["description"], "description of \(id)")
        let parentID = node["parent"]?.intValue.map { ids[$0] }
        #expect(parentID == record["parent"]?.stringValue, "parent of \(id)")
    }
    #expect(data["total"]?.intValue == 115)
}

@Test func siblingsAreOrderedLargestFirst() throws {
    let data = try embeddedData(try HTMLReport.render(records: smallForest(), title: "t"))
    let nodes = try #require(data["nodes"]?.arrayValue).compactMap(\.objectValue)
    func sizes(_ indices: [JSON]) -> [Int] { indices.map { nodes[$0.intValue!]["size"]!.intValue! } }
    let rootSizes = sizes(try #require(data["roots"]?.arrayValue))
    #expect(rootSizes == [95, 20])
    let programming = try #require(nodes.first { $0["id"]?.stringValue == "L1-0" })
    #expect(sizes(try #require(programming["kids"]?.arrayValue)) == [40, 30, 25])
}

@Test func weeksAndLanguagesAreIndexedIntoSharedLists() throws {
    let data = try embeddedData(try HTMLReport.render(records: smallForest(), title: "t"))
    let weeks = try #require(data["weeks"]?.arrayValue).compactMap(\.stringValue)
    #expect(weeks == ["2024-W08", "2024-W09", "2024-W10"])
    let languages = try #require(data["languages"]?.arrayValue).compactMap(\.stringValue)
    #expect(Set(languages) == ["English", "Spanish"])
    let nodes = try #require(data["nodes"]?.arrayValue).compactMap(\.objectValue)
    let poems = try #require(nodes.first { $0["id"]?.stringValue == "L0-3" })
    let pairs = try #require(poems["weeks"]?.arrayValue).map { $0.arrayValue!.map { $0.intValue! } }
    #expect(pairs.map { weeks[$0[0]] } == ["2024-W08", "2024-W10"])
    #expect(pairs.map { $0[1] } == [5, 7])
    let spanish = try #require(poems["langs"]?.arrayValue?.first?.arrayValue)
    #expect(languages[spanish[0].intValue!] == "Spanish")
    #expect(spanish[1].intValue == 7)
}

// MARK: - Validation

@Test func danglingParentIsReportedByName() {
    var records = smallForest()
    records[0]["parent"] = "L1-9"
    records[5]["children"] = ["L0-1", "L0-2"]
    let error = renderError(records)
    #expect(error?.code == .invalidRecord)
    #expect(error?.message == "cluster \"L0-0\": parent \"L1-9\" is not among the records")
}

@Test func parentCycleIsReportedWithItsMembers() {
    var records = smallForest()
    records[5]["parent"] = "L1-1"  // L1-0 under L1-1 ...
    records[6]["parent"] = "L1-0"  // ... and L1-1 under L1-0
    let error = renderError(records)
    #expect(error?.code == .invalidRecord)
    #expect(error?.message.hasPrefix("cluster parents form a cycle: ") == true)
    #expect(error?.message.contains("\"L1-0\"") == true && error?.message.contains("\"L1-1\"") == true)
}

@Test func selfParentIsACycle() {
    var records = smallForest()
    records[6]["parent"] = "L1-1"
    #expect(renderError(records)?.message == "cluster parents form a cycle: \"L1-1\" → \"L1-1\"")
}

@Test func childListNamingAMissingClusterIsRejected() {
    var records = smallForest()
    records[6]["children"] = ["L0-3", "L0-4", "L0-99"]
    #expect(renderError(records)?.message == "cluster \"L1-1\": child \"L0-99\" is not among the records")
}

@Test func childListDisagreeingWithParentIsRejected() {
    var records = smallForest()
    records[6]["children"] = ["L0-3", "L0-4", "L0-0"]
    #expect(renderError(records)?.message == "cluster \"L1-1\" lists child \"L0-0\", whose parent is \"L1-0\"")
}

@Test func duplicateIdsAndBadFieldsAreRejected() {
    var duplicate = smallForest()
    duplicate[1]["id"] = "L0-0"
    #expect(renderError(duplicate)?.message == "duplicate cluster id \"L0-0\" (records 1 and 2)")

    var noKind = smallForest()
    noKind[2]["kind"] = nil
    #expect(renderError(noKind)?.message == "record 3: field \"kind\" is missing (expected a cluster record)")

    var badSize = smallForest()
    badSize[3]["size"] = "twelve"
    #expect(renderError(badSize)?.message == "cluster \"L0-3\": field \"size\" must be a whole number from 0 to 1099511627776, got \"twelve\"")

    // Numbers at the edges (issue 16): a thousand roots of 9e15 each overflowed the total.
    var hugeSize = smallForest()
    hugeSize[3]["size"] = .number(9e15)
    #expect(renderError(hugeSize)?.message == "cluster \"L0-3\": field \"size\" must be a whole number from 0 to 1099511627776, got 9000000000000000.0")

    var badHistogram = smallForest()
    badHistogram[3].members[badHistogram[3].members.firstIndex { $0.key == "stats" }!].value = ["concerning": [1, 2]]
    #expect(renderError(badHistogram)?.message.hasPrefix("cluster \"L0-3\": field \"stats.concerning\" must be") == true)

    #expect(renderError([])?.message == "no cluster records to report")
}

@Test func compactCentroidStringsAreAccepted() throws {
    var records = smallForest()
    for i in records.indices {
        let centroid = try VectorCodec.decode(records[i]["centroid"]!, field: "centroid")
        records[i]["centroid"] = VectorCodec.encode(centroid, compact: true)
    }
    let data = try embeddedData(try HTMLReport.render(records: records, title: "t"))
    #expect(data["rootMap"]?.stringValue == "pca")
}

// MARK: - Map layout

/// Eigenvectors of a symmetric matrix by cyclic Jacobi rotations: an independent reference for
/// the power iteration. Returns (eigenvalue, eigenvector) pairs, largest eigenvalue first.
private func jacobiEigen(_ matrix: [[Double]]) -> [(Double, [Double])] {
    let n = matrix.count
    var a = matrix
    var v = (0..<n).map { i in (0..<n).map { j in i == j ? 1.0 : 0.0 } }
    for _ in 0..<100 {
        var off = 0.0
        for i in 0..<n { for j in 0..<n where i != j { off += a[i][j] * a[i][j] } }
        if off < 1e-22 { break }
        for p in 0..<n {
            for q in (p + 1)..<n where abs(a[p][q]) > 1e-300 {
                let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                let c = 1 / (t * t + 1).squareRoot(), s = t * c
                for k in 0..<n {
                    let akp = a[k][p], akq = a[k][q]
                    a[k][p] = c * akp - s * akq
                    a[k][q] = s * akp + c * akq
                }
                for k in 0..<n {
                    let apk = a[p][k], aqk = a[q][k]
                    a[p][k] = c * apk - s * aqk
                    a[q][k] = s * apk + c * aqk
                }
                for k in 0..<n {
                    let vkp = v[k][p], vkq = v[k][q]
                    v[k][p] = c * vkp - s * vkq
                    v[k][q] = s * vkp + c * vkq
                }
            }
        }
    }
    return (0..<n).map { j in (a[j][j], (0..<n).map { v[$0][j] }) }.sorted { $0.0 > $1.0 }
}

/// Deterministic pseudo-random numbers in [-1, 1) (a 64-bit LCG), so the test needs no seed API.
private struct TestNoise {
    var state: UInt64
    mutating func next() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 52) - 1
    }
}

private func separatedGroups(dimension: Int = 16, perGroup: Int = 12) -> [[Double]] {
    var noise = TestNoise(state: 42)
    var vectors: [[Double]] = []
    for group in 0..<2 {
        for _ in 0..<perGroup {
            vectors.append((0..<dimension).map { j in (j == 3 ? (group == 0 ? 8.0 : -8.0) : 0) + 0.5 * noise.next() })
        }
    }
    return vectors
}

@Test func projectionMatchesPrincipalAxesFromJacobi() {
    var noise = TestNoise(state: 7)
    // Anisotropic data so the first two axes are well defined.
    let scales = (0..<16).map { 4.0 / Double($0 + 1) }
    let vectors = (0..<40).map { _ in scales.map { $0 * noise.next() } }
    let projected = ReportLayout.project(vectors)

    let n = Double(vectors.count)
    let mean = (0..<16).map { j in vectors.reduce(0) { $0 + $1[j] } / n }
    let centred = vectors.map { v in (0..<16).map { v[$0] - mean[$0] } }
    let covariance = (0..<16).map { i in (0..<16).map { j in centred.reduce(0) { $0 + $1[i] * $1[j] } } }
    let axes = jacobiEigen(covariance).prefix(2).map(\.1)
    for (k, axis) in axes.enumerated() {
        let reference = centred.map { row in zip(row, axis).reduce(0) { $0 + $1.0 * $1.1 } }
        let ours = projected.map { k == 0 ? $0.0 : $0.1 }
        // Same axis up to sign.
        let sign = zip(reference, ours).reduce(0) { $0 + $1.0 * $1.1 } < 0 ? -1.0 : 1.0
        let worst = zip(reference, ours).map { abs($0 * sign - $1) }.max()!
        #expect(worst < 1e-6, "component \(k) differs by \(worst)")
    }
}

@Test func projectionOfALargeGroupFromASampleStillSeparatesIt() {
    let vectors = separatedGroups(perGroup: 60)
    let projected = ReportLayout.project(vectors, sampleLimit: 25)
    let a = projected.prefix(60).map(\.0), b = projected.suffix(60).map(\.0)
    #expect(a.max()! < b.min()! || b.max()! < a.min()!)
}

@Test func projectionIsDeterministicAndSeparatesSeparatedCentroids() {
    let vectors = separatedGroups()
    let first = ReportLayout.project(vectors)
    let second = ReportLayout.project(vectors)
    #expect(first.map(\.0) == second.map(\.0) && first.map(\.1) == second.map(\.1))
    let a = first.prefix(12).map(\.0), b = first.suffix(12).map(\.0)
    #expect(a.max()! < b.min()! || b.max()! < a.min()!)
    // The gap between the groups dwarfs the spread inside them.
    let gap = max(b.min()! - a.max()!, a.min()! - b.max()!)
    #expect(gap > 10)
}

@Test func mapPlacementKeepsSeparatedGroupsApartWithoutOverlap() {
    let vectors = separatedGroups()
    let sizes = (0..<vectors.count).map { 10 + ($0 * 7) % 30 }
    let (placements, method) = ReportLayout.place(sizes: sizes, centroids: vectors)
    #expect(method == .projection)
    let a = placements.prefix(12).map(\.x), b = placements.suffix(12).map(\.x)
    #expect(a.max()! < b.min()! || b.max()! < a.min()!)
    for (i, p) in placements.enumerated() {
        #expect(p.x - p.r >= 0 && p.x + p.r <= ReportLayout.width && p.y - p.r >= 0 && p.y + p.r <= ReportLayout.height)
        for q in placements[(i + 1)...] {
            let distance = ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)).squareRoot()
            #expect(distance >= p.r + q.r - 0.5, "circles overlap")
        }
    }
}

@Test func circleAreasAreProportionalToSize() {
    // Enough clusters that none reaches the cap on a single circle's radius.
    let radii = ReportLayout.radii(for: [100, 25, 4] + Array(repeating: 100, count: 20))
    #expect(abs(radii[0] * radii[0] / (radii[1] * radii[1]) - 4) < 1e-9)
    #expect(abs(radii[0] * radii[0] / (radii[2] * radii[2]) - 25) < 1e-9)
    let covered = radii.reduce(0) { $0 + Double.pi * $1 * $1 } / (ReportLayout.width * ReportLayout.height)
    #expect(abs(covered - 0.34) < 1e-9)
}

@Test func aLoneClusterStaysInsideTheMap() {
    let (placements, _) = ReportLayout.place(sizes: [500], centroids: [nil])
    let p = placements[0]
    #expect(p.x - p.r >= 0 && p.x + p.r <= ReportLayout.width && p.y - p.r >= 0 && p.y + p.r <= ReportLayout.height)
}

@Test func aThousandSiblingsAllFitInsideTheMap() throws {
    var noise = TestNoise(state: 3)
    var records: [JSONObject] = []
    for i in 0..<1000 {
        let centroid = (0..<16).map { _ in noise.next() }
        records.append(clusterRecord("L0-\(i)", level: 0, parent: nil, name: "c\(i)", size: 1 + i % 37, centroid: centroid))
    }
    let data = try embeddedData(try HTMLReport.render(records: records, title: "t"))
    let nodes = try #require(data["nodes"]?.arrayValue).compactMap(\.objectValue)
    #expect(nodes.count == 1000)
    for node in nodes {
        let x = node["x"]!.doubleValue!, y = node["y"]!.doubleValue!, r = node["r"]!.doubleValue!
        #expect(x - r >= 0 && x + r <= ReportLayout.width && y - r >= 0 && y + r <= ReportLayout.height)
    }
}

@Test func recordsWithoutCentroidsFallBackToSpiralAndSayWhich() throws {
    let plain = try embeddedData(try HTMLReport.render(records: smallForest(centroids: false), title: "t"))
    #expect(plain["rootMap"]?.stringValue == "spiral")
    let nodes = try #require(plain["nodes"]?.arrayValue).compactMap(\.objectValue)
    #expect(nodes.filter { $0["map"] != nil }.allSatisfy { $0["map"]?.stringValue == "spiral" })
    let mapped = try embeddedData(try HTMLReport.render(records: smallForest(), title: "t"))
    #expect(mapped["rootMap"]?.stringValue == "pca")
    let page = try HTMLReport.render(records: smallForest(centroids: false), title: "t")
    #expect(page.contains("No centroids for these clusters"))
}

// MARK: - The monitoring views

@Test func compareReportCarriesEveryChangeWithTheLaterPeriodsClusters() throws {
    let earlier = smallForest()
    var later = smallForest().filter { $0["id"]?.stringValue != "L0-4" }
    later.append(clusterRecord("L0-5", level: 0, parent: "L1-1", name: "Write essays", size: 10))
    for k in later.indices where later[k]["id"]?.stringValue == "L1-1" {
        later[k]["size"] = 22
        later[k]["children"] = ["L0-3", "L0-5"]
    }
    let page = try runTree(["--compare", "--format", "html"], inputs: [lines(earlier), lines(later)])
    let data = try embeddedData(page)
    let nodes = try #require(data["nodes"]?.arrayValue).compactMap(\.objectValue)
    let rows = try #require(JSON.object(data)[path: "compare.rows"]?.arrayValue).compactMap(\.objectValue)
    // The same rows, in the same order, as the JSON view of the same comparison.
    let listed = try #require(JSONParser.parse(
        try runTree(["--compare", "--format", "json"], inputs: [lines(earlier), lines(later)]))[path: "clusters"]?.arrayValue)
    func name(_ row: JSONObject) -> String? { row["node"]?.intValue.map { nodes[$0]["name"]!.stringValue! } ?? row["name"]?.stringValue }
    #expect(rows.map(name) == listed.map { $0[path: "name"]?.stringValue })
    let songs = try #require(rows.first { $0["status"]?.stringValue == "vanished" })
    #expect(songs["node"] == .null && songs["name"]?.stringValue == "Write songs" && songs["parent"]?.stringValue == "Creative writing")
    let essays = try #require(rows.first { $0["status"]?.stringValue == "new" })
    #expect(essays["node"]?.intValue.map { nodes[$0]["id"]?.stringValue } == "L0-5")
    #expect(essays["from"]?.doubleValue == 0 && abs((essays["to"]?.doubleValue ?? 0) - 10.0 / 117) < 1e-6)  // of 95 + 22
    for row in rows {
        let topLevel = row["node"]?.intValue.map { nodes[$0]["parent"] == .null } ?? false
        #expect(row["depth"]?.intValue == (topLevel ? 1 : 2))
    }
    #expect(page.contains("id=\"changes\""))
}

@Test func trendReportCarriesTheTopLevelSeriesAndTheRanking() throws {
    let records = smallForest()
    let page = try runTree(["--trend", "week", "--format", "html"], input: lines(records))
    let data = JSON.object(try embeddedData(page))
    let nodes = try #require(data[path: "nodes"]?.arrayValue).compactMap(\.objectValue)
    let series = try #require(data[path: "trend.series"]?.arrayValue)
    #expect(series.map { nodes[$0[path: "node"]!.intValue!]["id"]?.stringValue } == ["L1-0", "L1-1"])
    let listed = try JSONParser.parse(try runTree(["--trend", "week", "--format", "json"], input: lines(records)))
    #expect(series.map { $0[path: "counts"] } == listed[path: "clusters"]?.arrayValue?.map { $0[path: "counts"] })
    #expect(data[path: "trend.periods"] == listed[path: "periods"])
    let ranked = try #require(data[path: "trend.growth"]?.arrayValue)
    #expect(ranked.map { nodes[$0[path: "node"]!.intValue!]["name"]?.stringValue }
        == listed[path: "growth"]?.arrayValue?.map { $0[path: "name"]?.stringValue })
}
