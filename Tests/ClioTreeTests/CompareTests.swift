import Testing
import ClioCore
import ClioTestSupport
@testable import ClioTree

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The earlier period: 53 conversations.
private let before = lines([
    clusterRecord("L1-0", level: 1, parent: nil, name: "Cooking", size: 30, children: ["L0-0", "L0-1"]),
    clusterRecord("L0-0", level: 0, parent: "L1-0", name: "Bread", size: 20),
    clusterRecord("L0-1", level: 0, parent: "L1-0", name: "Soup", size: 10),
    clusterRecord("L0-2", level: 0, parent: nil, name: "Python", size: 12),
    clusterRecord("L0-4", level: 0, parent: nil, name: "Poetry", size: 8),
    clusterRecord("other", level: 0, parent: nil, name: "Other (below privacy threshold)", size: 3, withheld: true),
])

/// The later period, as a run that keeps the earlier tree would write it: 82 conversations, soup
/// grown, poetry gone, Wi-Fi new.
private let after = lines([
    clusterRecord("L1-0", level: 1, parent: nil, name: "Cooking", size: 50, children: ["L0-0", "L0-1"]),
    clusterRecord("L0-0", level: 0, parent: "L1-0", name: "Bread", size: 20),
    clusterRecord("L0-1", level: 0, parent: "L1-0", name: "Soup", size: 30),
    clusterRecord("L0-2", level: 0, parent: nil, name: "Python", size: 12),
    clusterRecord("L0-3", level: 0, parent: nil, name: "Wi-Fi", size: 15, newSince: "2024-07-08"),
    clusterRecord("other", level: 0, parent: nil, name: "Other (below privacy threshold)", size: 5, withheld: true),
])

private func compareJSON(_ arguments: [String] = [], _ earlier: String = before, _ later: String = after) throws -> [JSON] {
    let text = try runTree(["--compare", "--format", "json"] + arguments, inputs: [earlier, later])
    return try #require(JSONParser.parse(text)[path: "clusters"]?.arrayValue)
}

@Suite struct CompareTests {
    @Test func shareChangeIsTheUnpooledTwoProportionInterval() {
        // 40 of 400, then 80 of 480. By hand, in Python:
        //   from math import sqrt; p1, p2 = 40/400, 80/480
        //   se = sqrt(p1*(1-p1)/400 + p2*(1-p2)/480); print(p2-p1, p2-p1-1.959964*se, p2-p1+1.959964*se)
        //   → 0.0666667 0.0222160 0.1111173
        let change = ShareChange(before: 40, of: 400, after: 80, of: 480)
        #expect(abs(change.difference - 0.0666667) < 1e-6)
        #expect(abs(change.low - 0.0222160) < 1e-6)
        #expect(abs(change.high - 0.1111173) < 1e-6)
        #expect(change.isClear)
        // A share that did not move: an interval around 0, not clear.
        let same = ShareChange(before: 10, of: 100, after: 20, of: 200)
        #expect(same.difference == 0 && same.low < 0 && same.high > 0 && !same.isClear)
    }

    @Test func clustersAreSortedByTheSizeOfTheirChangeWithBucketsLast() throws {
        let rows = try compareJSON()
        #expect(rows.map { $0[path: "name"]?.stringValue } == [
            "Wi-Fi", "Soup", "Poetry", "Bread", "Python", "Cooking", "Other (below privacy threshold)",
        ])
        #expect(rows.map { $0[path: "status"]?.stringValue } == ["new", "matched", "vanished", "matched", "matched", "matched", "matched"])
        #expect(rows[0][path: "new_since"]?.stringValue == "2024-07-08")
        #expect(rows[0][path: "before"] == .null && rows[2][path: "after"] == .null)
        #expect(rows[1][path: "parent"]?.stringValue == "L1-0")
    }

    @Test func changesAndIntervalsMatchAHandCalculation() throws {
        // Python, for each (x1 of 53, x2 of 82): p1, p2 = x1/53, x2/82;
        // se = sqrt(p1*(1-p1)/53 + p2*(1-p2)/82); 100*(p2-p1), 100*(p2-p1 ∓ 1.959964*se)
        let expected: [String: (Double, Double, Double)] = [
            "Wi-Fi": (18.293, 9.925, 26.660), "Soup": (17.717, 2.897, 32.538), "Poetry": (-15.094, -24.732, -5.456),
            "Bread": (-13.346, -29.367, 2.676), "Python": (-8.007, -21.626, 5.612), "Cooking": (4.372, -12.643, 21.387),
        ]
        for row in try compareJSON() {
            guard let name = row[path: "name"]?.stringValue, let want = expected[name] else { continue }
            let interval = row[path: "interval_pp"]?.arrayValue?.compactMap(\.doubleValue) ?? []
            #expect(abs((row[path: "change_pp"]?.doubleValue ?? .nan) - want.0) < 0.002, "\(name)")
            #expect(interval.count == 2 && abs(interval[0] - want.1) < 0.002 && abs(interval[1] - want.2) < 0.002, "\(name)")
            #expect(row[path: "clear"]?.boolValue == (want.1 > 0 || want.2 < 0), "\(name)")
        }
        let soup = try #require(try compareJSON().first { $0[path: "name"]?.stringValue == "Soup" })
        #expect(soup[path: "before.share_pct"]?.doubleValue == 18.868)  // 10/53
        #expect(soup[path: "after.share_pct"]?.doubleValue == 36.585)  // 30/82
    }

    @Test func privacyBucketsAreComparedAsCountsOnly() throws {
        let bucket = try #require(try compareJSON().last)
        #expect(bucket[path: "withheld"]?.boolValue == true)
        #expect(bucket[path: "change_count"]?.intValue == 2)
        #expect(bucket[path: "change_pp"] == nil && bucket[path: "before.share_pct"] == nil)
        let text = try runTree(["--compare"], inputs: [before, after])
        #expect(text.contains("Below the privacy threshold (counts only):\n  3 → 5 (+2) at the top level\n"))
    }

    @Test func textShowsTheChangeIntervalSizesAndSharesOnOneLine() throws {
        let text = try runTree(["--compare"], inputs: [before, after])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("53 conversations") } && lines.contains { $0.contains("82 conversations") })
        #expect(text.contains("7 clusters matched by id and name: 5 in both periods, 1 new, 1 vanished."))
        let wifi = try #require(lines.first { $0.hasSuffix("NEW Wi-Fi (new since 2024-07-08)") })
        #expect(wifi.split(separator: " ").prefix(8).joined(separator: " ") == "+18.3 [+9.9, +26.7] * 0 0.0% 15 18.3%")
        let soup = try #require(lines.first { $0.hasSuffix("Soup — in Cooking") })
        #expect(soup.split(separator: " ").prefix(8).joined(separator: " ") == "+17.7 [+2.9, +32.5] * 10 18.9% 30 36.6%")
        let bread = try #require(lines.first { $0.hasSuffix("Bread — in Cooking") })
        #expect(!bread.contains("*"))  // its interval includes 0
        #expect(lines.contains { $0.hasSuffix("GONE Poetry") })
    }

    @Test func markdownIsATableWithBothPeriodsAndClearChangesInBold() throws {
        let text = try runTree(["--compare", "--format", "markdown"], inputs: [before, after])
        #expect(text.contains("| Wi-Fi (new since 2024-07-08) | new | 0 (0.0%) | 15 (18.3%) | **+18.3** | +9.9 to +26.7 |\n"))
        #expect(text.contains("| Bread <br>in Cooking |  | 20 (37.7%) | 20 (24.4%) | -13.3 | -29.4 to +2.7 |\n"))
        #expect(text.contains("| *Other (below privacy threshold)* |  | 3 | 5 | counts only: +2 | |\n"))
    }

    @Test func depthOneKeepsOnlyTheTopLevel() throws {
        let rows = try compareJSON(["--depth", "1"])
        #expect(rows.map { $0[path: "name"]?.stringValue } == ["Wi-Fi", "Poetry", "Python", "Cooking", "Other (below privacy threshold)"])
    }

    @Test func aReusedIdUnderAnotherNameIsNotTheSameCluster() throws {
        // Two independent runs both have an L0-0, about different things.
        let earlier = lines([clusterRecord("L0-0", level: 0, parent: nil, name: "Python", size: 10)])
        let later = lines([clusterRecord("L0-0", level: 0, parent: nil, name: "Gardening", size: 10)])
        let text = try runTree(["--compare", "--format", "json"], inputs: [earlier, later])
        let document = try JSONParser.parse(text)
        #expect(document[path: "clusters"]?.arrayValue?.map { $0[path: "status"]?.stringValue } == ["new", "vanished"])
        let notes = document[path: "notes"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(notes.count == 1 && notes[0].contains("--match centroid"))
    }

    @Test func centroidMatchingPairsMutualNearestClustersAtTheSameDepth() throws {
        let earlier = lines([
            clusterRecord("L0-0", level: 0, parent: nil, name: "Python", size: 10, centroid: [1, 0]),
            clusterRecord("L0-1", level: 0, parent: nil, name: "Gardening", size: 10, centroid: [0, 1]),
        ])
        // B's nearest earlier cluster is Python, but Python's nearest is A: B is new.
        let later = lines([
            clusterRecord("L0-0", level: 0, parent: nil, name: "Plants", size: 12, centroid: [0.1, 0.9]),
            clusterRecord("L0-1", level: 0, parent: nil, name: "A", size: 10, centroid: [0.9, 0.1]),
            clusterRecord("L0-2", level: 0, parent: nil, name: "B", size: 5, centroid: [0.6, -0.8]),
        ])
        let text = try runTree(["--compare", "--match", "centroid", "--format", "json"], inputs: [earlier, later])
        let rows = try #require(JSONParser.parse(text)[path: "clusters"]?.arrayValue)
        let pairs = rows.map { [$0[path: "before.name"]?.stringValue ?? "-", $0[path: "after.name"]?.stringValue ?? "-"] }
        #expect(Set(pairs) == [["Gardening", "Plants"], ["Python", "A"], ["-", "B"]])
        // cos([0,1], [0.1,0.9]) = 0.9 / √0.82 = 0.994
        let plants = try #require(rows.first { $0[path: "after.name"]?.stringValue == "Plants" })
        #expect(plants[path: "similarity"]?.doubleValue == 0.994)
        let plain = try runTree(["--compare", "--match", "centroid"], inputs: [earlier, later])
        #expect(plain.contains("Plants (was: Gardening)"))
        #expect(plain.contains("note: clusters paired by nearest centroid"))
    }

    @Test func centroidMatchingWithoutCentroidsNamesTheFile() throws {
        let withCentroid = lines([clusterRecord("L0-0", level: 0, parent: nil, name: "Python", size: 10, centroid: [1, 0])])
        let without = lines([clusterRecord("L0-0", level: 0, parent: nil, name: "Python", size: 10)])
        let first = temporaryFile(withCentroid), second = temporaryFile(without)
        defer { unlink(first); unlink(second) }
        let command = try TreeCommand(arguments: ["--compare", "--match", "centroid", first, second])
        #expect(throws: ClioError(
            .invalidRecord,
            "\(second): cluster \"L0-0\" has no centroid, which --match centroid needs (clio-label --centroids writes them)"
        )) {
            try command.run(output: OutputWriter(fd: open("/dev/null", O_WRONLY)))
        }
    }

    @Test func anInvalidRecordInOnePeriodNamesItsFile() throws {
        let broken = lines([["kind": "cluster", "id": "L0-0", "parent": .null, "name": "x", "size": 1]])  // no level
        let first = temporaryFile(before), second = temporaryFile(broken)
        defer { unlink(first); unlink(second) }
        let command = try TreeCommand(arguments: ["--compare", first, second])
        #expect(throws: ClioError(.invalidRecord, "\(second): cluster \"L0-0\": field \"level\" is missing")) {
            try command.run(output: OutputWriter(fd: open("/dev/null", O_WRONLY)))
        }
    }

    @Test func compareNeedsTwoFilesAndItsOptionsTheirModes() {
        #expect(throws: UsageError("--compare needs two files, the earlier period's and the later one's, got 1")) {
            try TreeCommand(arguments: ["--compare", "a.jsonl"])
        }
        #expect(throws: UsageError("--compare can read only one of its two files from standard input")) {
            try TreeCommand(arguments: ["--compare", "-", "-"])
        }
        #expect(throws: UsageError("--match applies only with --compare")) {
            try TreeCommand(arguments: ["--match", "centroid", "a.jsonl"])
        }
        #expect(throws: UsageError("--compare and --trend cannot be used together")) {
            try TreeCommand(arguments: ["--compare", "--trend", "week", "a", "b"])
        }
    }
}
