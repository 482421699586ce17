import Testing
import ClioCore
@testable import ClioTree

/// `clio-tree --trend` over `records`, as parsed JSON.
private func trendJSON(_ arguments: [String], _ records: [JSONObject]) throws -> JSON {
    try JSONParser.parse(try runTree(["--format", "json"] + arguments, input: lines(records)))
}

/// Two top-level clusters over four weeks of 2024: A steady then falling, B rising; and a bucket.
private let rising = [
    clusterRecord("L0-0", level: 0, parent: nil, name: "A", size: 35,
                  weeks: [("2024-W01", 10), ("2024-W02", 10), ("2024-W03", 10), ("2024-W04", 5)]),
    clusterRecord("L0-1", level: 0, parent: nil, name: "B", size: 30,
                  weeks: [("2024-W02", 5), ("2024-W03", 10), ("2024-W04", 15)]),
    clusterRecord("other", level: 0, parent: nil, name: "Other (below privacy threshold)", size: 2,
                  weeks: [("2024-W01", 2)], withheld: true),
]

@Suite struct TrendTests {
    @Test func monthsCountEachWeekInTheMonthOfItsThursday() throws {
        // 2024-W04 is 22–28 January; W05 29 January – 4 February (Thursday 1 February);
        // W09 26 February – 3 March (Thursday 29 February); W10 4–10 March.
        let records = [clusterRecord("L0-0", level: 0, parent: nil, name: "A", size: 15,
                                     weeks: [("2024-W04", 1), ("2024-W05", 2), ("2024-W09", 4), ("2024-W10", 8)])]
        let document = try trendJSON(["--trend", "month"], records)
        #expect(document[path: "periods"] == ["2024-01", "2024-02", "2024-03"])
        #expect(document[path: "clusters"]?.arrayValue?.first?[path: "counts"] == [1, 6, 8])
        #expect(document[path: "totals"] == [1, 6, 8])
    }

    @Test func weeksRunFromTheFirstToTheLastWithTheEmptyOnesBetween() throws {
        // 2020 has 53 ISO weeks.
        let records = [clusterRecord("L0-0", level: 0, parent: nil, name: "A", size: 3, weeks: [("2021-W02", 2), ("2020-W52", 1)])]
        let document = try trendJSON(["--trend", "week"], records)
        #expect(document[path: "periods"] == ["2020-W52", "2020-W53", "2021-W01", "2021-W02"])
        #expect(document[path: "clusters"]?.arrayValue?.first?[path: "counts"] == [1, 0, 0, 2])
    }

    @Test func growthIsTheChangeInShareFromTheFirstToTheLastPeriodOfTheWindow() throws {
        // Last 3 weeks: W02 has 15 conversations, W04 20. A: 10/15 → 5/20, B: 5/15 → 15/20.
        // Python: p1, p2 = 5/15, 15/20; se = sqrt(p1*(1-p1)/15 + p2*(1-p2)/20)
        //   100*(p2-p1), 100*(p2-p1-1.959964*se), 100*(p2-p1+1.959964*se) → 41.667 11.183 72.150
        let document = try trendJSON(["--trend", "week", "--last", "3"], rising)
        #expect(document[path: "window"] == ["from": "2024-W02", "to": "2024-W04"])
        let growth = try #require(document[path: "growth"]?.arrayValue)
        #expect(growth.map { $0[path: "name"]?.stringValue } == ["B", "A"])  // the bucket is not ranked
        #expect(growth[0][path: "from_share_pct"]?.doubleValue == 33.333)
        #expect(growth[0][path: "to_share_pct"]?.doubleValue == 75)
        #expect(abs((growth[0][path: "change_pp"]?.doubleValue ?? 0) - 41.667) < 0.002)
        let interval = growth[0][path: "interval_pp"]?.arrayValue?.compactMap(\.doubleValue) ?? []
        #expect(interval.count == 2 && abs(interval[0] - 11.183) < 0.002 && abs(interval[1] - 72.150) < 0.002)
        #expect(abs((growth[1][path: "change_pp"]?.doubleValue ?? 0) + 41.667) < 0.002)
    }

    @Test func theDefaultWindowIsFourWeeks() throws {
        // W01 has 12 conversations (10 A, 2 in the bucket): A 10/12 → 5/20, B 0/12 → 15/20.
        let document = try trendJSON(["--trend", "week"], rising)
        #expect(document[path: "window"] == ["from": "2024-W01", "to": "2024-W04"])
        let growth = try #require(document[path: "growth"]?.arrayValue)
        #expect(growth.map { $0[path: "change_pp"]?.doubleValue } == [75, -58.333])
    }

    @Test func bucketsAreSeriesButNotRanked() throws {
        let document = try trendJSON(["--trend", "week"], rising)
        let clusters = try #require(document[path: "clusters"]?.arrayValue)
        #expect(clusters.map { $0[path: "name"]?.stringValue } == ["A", "B", "Other (below privacy threshold)"])
        #expect(clusters[2][path: "withheld"]?.boolValue == true)
        #expect(clusters[2][path: "counts"] == [2, 0, 0, 0])
        #expect(document[path: "totals"] == [12, 15, 20, 20])
    }

    @Test func depthTwoAddsTheChildrenAfterTheirParent() throws {
        let records = [
            clusterRecord("L1-0", level: 1, parent: nil, name: "P", size: 3, children: ["L0-0", "L0-1"], weeks: [("2024-W01", 3)]),
            clusterRecord("L0-0", level: 0, parent: "L1-0", name: "C1", size: 2, weeks: [("2024-W01", 2)]),
            clusterRecord("L0-1", level: 0, parent: "L1-0", name: "C2", size: 1, weeks: [("2024-W01", 1)]),
        ]
        let top = try trendJSON(["--trend", "week"], records)
        #expect(top[path: "clusters"]?.arrayValue?.map { $0[path: "name"]?.stringValue } == ["P"])
        let deeper = try trendJSON(["--trend", "week", "--depth", "2"], records)
        #expect(deeper[path: "clusters"]?.arrayValue?.map { $0[path: "name"]?.stringValue } == ["P", "C1", "C2"])
        let notes = deeper[path: "notes"]?.arrayValue?.compactMap(\.stringValue)
        #expect(notes == ["the records cover one week only: there is no change to rank"])
    }

    @Test func textHasASparklinePerClusterAndTheRanking() throws {
        let text = try runTree(["--trend", "week"], input: lines(rising))
        let lines = text.split(separator: "\n").map(String.init)
        // Eight heights, ▁ … █ for 1/8 … 8/8 of the series' largest count (rounded up). A: 10, 10,
        // 10, 5 of 10; B: 0, 5, 10, 15 of 15 (5/15 is in the third eighth, 10/15 in the sixth).
        #expect(lines.contains("███▄         35  A"))
        #expect(lines.contains(" ▃▆█         30  B"))
        #expect(lines.contains("▅▆██         67  All conversations"))
        #expect(lines.contains { $0.hasPrefix("  +75.0 ") && $0.hasSuffix("0.0% → 75.0%   B") })
    }

    @Test func sparklineHeightsFollowTheCounts() {
        #expect(ClusterTrend.sparkline([0, 1, 4, 8]) == " ▁▄█")
        #expect(ClusterTrend.sparkline([0, 0]) == "  ")
    }

    @Test func markdownHasTheRankingAndATableOfPeriods() throws {
        let text = try runTree(["--trend", "week", "--format", "markdown"], input: lines(rising))
        #expect(text.contains("| Week | All | A | B | Other (below privacy threshold) |\n"))
        #expect(text.contains("| 2024-W03 | 20 | 10 | 10 | 0 |\n"))
        #expect(text.contains("| B | 0.0% | 75.0% | **+75.0** |"))
    }

    @Test func aWeekThatIsNotAnISOWeekIsAnError() throws {
        let records = [clusterRecord("L0-0", level: 0, parent: nil, name: "A", size: 1, weeks: [("2024-13", 1)])]
        #expect(throws: ClioError(.invalidRecord, "cluster \"L0-0\": stats.weeks has \"2024-13\", which is not an ISO week (YYYY-Www)")) {
            _ = try runTree(["--trend", "month"], input: lines(records))
        }
        let undated = [clusterRecord("L0-0", level: 0, parent: nil, name: "A", size: 1, weeks: [])]
        #expect(throws: ClioError.self) { _ = try runTree(["--trend", "week"], input: lines(undated)) }
    }

    @Test func lastNeedsTrend() {
        #expect(throws: UsageError("--last applies only with --trend")) { try TreeCommand(arguments: ["--last", "3"]) }
        #expect(throws: UsageError("option --last must be at least 2, got 1")) { try TreeCommand(arguments: ["--trend", "week", "--last", "1"]) }
    }
}
