import Testing
import ClioCore
@testable import ClioLabel

@Suite struct StatsTests {
    @Test func isoWeeksMatchPythonsIsocalendar() {
        // From Python: datetime.date.fromisoformat(s).isocalendar()
        let expected = [
            "2024-01-01": "2024-W01", "2023-01-01": "2022-W52", "2021-01-03": "2020-W53", "2020-12-31": "2020-W53",
            "2026-12-31": "2026-W53", "2027-01-01": "2026-W53", "2024-12-30": "2025-W01", "2015-12-31": "2015-W53",
            "2016-01-03": "2015-W53", "2000-02-29": "2000-W09", "1999-12-31": "1999-W52", "2024-03-02": "2024-W09",
        ]
        for (date, week) in expected {
            #expect(ISOWeek.label(date) == week, "\(date)")
            #expect(ISOWeek.label(date + "T23:59:59Z") == week, "\(date)")
        }
    }

    @Test func isoWeeksAgreeWithTheOrdinalDayFormulaForThirtyYears() {
        // Reference: week = ⌊(ordinal − weekday + 10) / 7⌋, rolled into the neighbouring year
        // when it is 0 or past the year's last week (the textbook method, not the code's).
        func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
        func weeksIn(_ y: Int, jan1Weekday: Int) -> Int {
            jan1Weekday == 4 || (isLeap(y) && jan1Weekday == 3) ? 53 : 52
        }
        var weekday = 1  // 1990-01-01 was a Monday
        for year in 1990...2020 {
            let jan1 = weekday
            let days = isLeap(year) ? 366 : 365
            let monthLengths = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            var ordinal = 0
            for (m, length) in monthLengths.enumerated() {
                for d in 1...length {
                    ordinal += 1
                    let wd = (jan1 - 1 + ordinal - 1) % 7 + 1
                    var y = year
                    var w = (ordinal - wd + 10) / 7
                    if w == 0 {
                        y = year - 1
                        let prevJan1 = ((jan1 - 1 - (isLeap(y) ? 366 : 365)) % 7 + 7) % 7 + 1
                        w = weeksIn(y, jan1Weekday: prevJan1)
                    } else if w > weeksIn(year, jan1Weekday: jan1) {
                        y = year + 1
                        w = 1
                    }
                    let text = "\(year)-\(m + 1 < 10 ? "0" : "")\(m + 1)-\(d < 10 ? "0" : "")\(d)"
                    #expect(ISOWeek.label(text) == "\(y)-W\(w < 10 ? "0" : "")\(w)", "\(text)")
                }
            }
            weekday = (jan1 - 1 + days) % 7 + 1
        }
    }

    @Test func unparseableDatesHaveNoWeek() {
        for text in ["", "2024", "2024-13-01", "2023-02-29", "2024-02-30", "24-01-01", "2024/01/01", "yesterday", "2024-01-01X"] {
            #expect(ISOWeek.label(text) == nil, "\(text)")
        }
        #expect(ISOWeek.label("2024-02-29") == "2024-W09")
    }

    @Test func clusterStatsCountLanguagesConcerningTurnsWeeksAndUsers() throws {
        let records = [
            clustered(id: "a", cluster: 0, embedding: [0, 0], user: "u1", createdAt: "2024-01-01", language: "Spanish; English", concerning: 1, turns: 1),
            clustered(id: "b", cluster: 0, embedding: [0, 1], user: "u1", createdAt: "2023-01-01T05:00:00Z", language: "English", concerning: 5, turns: 2),
            clustered(id: "c", cluster: 0, embedding: [1, 0], createdAt: "garbage", language: nil, concerning: 5, turns: nil),
            clustered(id: "d", cluster: 0, embedding: [1, 1], language: "English;", concerning: nil, turns: nil),
        ]
        let result = try Labeler.label(try labelInput(records), options: LabelOptions())
        #expect(result.clusters.count == 1)
        let record = JSON.object(result.clusters[0])
        // Hand count: u1 twice plus two records without a user.
        #expect(record[path: "users"]?.intValue == 3)
        #expect(record[path: "stats.languages"] == .object(["English": 3, "Spanish": 1]))
        #expect(record[path: "stats.concerning"] == [1, 0, 0, 0, 2])
        #expect(record[path: "stats.mean_turns"]?.doubleValue == 1.5)
        #expect(record[path: "stats.weeks"] == .object(["2022-W52": 1, "2024-W01": 1]))
        #expect(record[path: "members"] == ["a", "b", "c", "d"])
        #expect(record[path: "parent"] == .null)
    }
}
