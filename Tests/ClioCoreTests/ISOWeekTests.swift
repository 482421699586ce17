import Testing
@testable import ClioCore

@Suite struct ISOWeekTests {
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

    /// Every day from 1990 to 2030 as a civil date in order, by a plain month-length walk.
    static let days: [(year: Int, month: Int, day: Int)] = {
        var out: [(year: Int, month: Int, day: Int)] = []
        for year in 1990...2030 {
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            for (m, length) in [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31].enumerated() {
                for d in 1...length { out.append((year, m + 1, d)) }
            }
        }
        return out
    }()

    /// The weeks of `days` in order, each with the months of its days (only whole weeks).
    static func weeksWithTheirDays() -> [(label: String, months: [String])] {
        var weeks: [(label: String, months: [String])] = []
        for date in days {
            let text = "\(date.year)-\(date.month < 10 ? "0" : "")\(date.month)-\(date.day < 10 ? "0" : "")\(date.day)"
            let week = ISOWeek.label(text)!
            if weeks.last?.label != week { weeks.append((week, [])) }
            weeks[weeks.count - 1].months.append(String(text.prefix(7)))
        }
        return weeks.filter { $0.months.count == 7 }
    }

    @Test func aWeekCountsInTheMonthThatHoldsMostOfItsDays() {
        // Reference: the month with four or more of the week's seven days, counted day by day
        // (not the code's rule of the Thursday). E.g. 2024-W05 (29 Jan – 4 Feb) is February's,
        // 2024-W09 (26 Feb – 3 Mar) February's, 2020-W53 (28 Dec – 3 Jan) December 2020's.
        var checked = 0
        for week in Self.weeksWithTheirDays() {
            let counts = Dictionary(week.months.map { ($0, 1) }, uniquingKeysWith: +)
            let majority = counts.first { $0.value >= 4 }!.key
            let (year, number) = ISOWeek.parse(week.label)!
            #expect(ISOWeek.month(year: year, week: number) == majority, "\(week.label)")
            checked += 1
        }
        #expect(checked > 2000)
        #expect(ISOWeek.month(year: 2024, week: 5) == "2024-02")
        #expect(ISOWeek.month(year: 2024, week: 9) == "2024-02")
        #expect(ISOWeek.month(year: 2020, week: 53) == "2020-12")
    }

    @Test func followingGivesTheNextWeekAcrossYearEnds() {
        let weeks = Self.weeksWithTheirDays().map(\.label)
        for (this, next) in zip(weeks, weeks.dropFirst()) {
            let (year, week) = ISOWeek.parse(this)!
            let following = ISOWeek.following(year: year, week: week)
            #expect(ISOWeek.label(year: following.year, week: following.week) == next, "\(this)")
        }
    }

    @Test func parseReadsLabelsAndRejectsWeeksThatDoNotExist() {
        #expect(ISOWeek.parse("2024-W01").map { [$0.year, $0.week] } == [2024, 1])
        #expect(ISOWeek.parse("2020-W53").map { [$0.year, $0.week] } == [2020, 53])  // 2020 has 53 weeks
        for text in ["2024-W53", "2024-W00", "2024-W1", "2024W01", "2024-w01", "20x4-W01", "2024-W01 ", ""] {
            #expect(ISOWeek.parse(text) == nil, "\(text)")
        }
    }

    @Test func unixTimesMatchKnownDates() {
        // References from `date -u -d @N +%Y-%m-%dT%H:%M:%SZ`.
        #expect(CivilDate.timestamp(unixSeconds: 0) == "1970-01-01T00:00:00Z")
        #expect(CivilDate.timestamp(unixSeconds: 951_782_400) == "2000-02-29T00:00:00Z")
        #expect(CivilDate.timestamp(unixSeconds: 1_735_689_599.9) == "2024-12-31T23:59:59Z")
        #expect(CivilDate.timestamp(unixSeconds: -1) == "1969-12-31T23:59:59Z")
        #expect(CivilDate.timestamp(unixSeconds: -0.5) == "1969-12-31T23:59:59Z")
    }

    @Test func unixTimesAtTheEdgesOfFourDigitYears() {
        // Python: datetime(1, 1, 1, tzinfo=timezone.utc).timestamp() and datetime.max in UTC.
        #expect(CivilDate.timestamp(unixSeconds: -62_135_596_800) == "0001-01-01T00:00:00Z")
        #expect(CivilDate.timestamp(unixSeconds: 253_402_300_799) == "9999-12-31T23:59:59Z")
        #expect(CivilDate.timestamp(unixSeconds: -62_135_596_801) == nil)
        #expect(CivilDate.timestamp(unixSeconds: 253_402_300_800) == nil)
    }

    @Test func nonFiniteAndHugeUnixTimesAreNil() {
        for value in [Double.nan, .infinity, -.infinity, 1e300, -1e300, Double(Int64.max), Double(Int64.min)] {
            #expect(CivilDate.timestamp(unixSeconds: value) == nil, "\(value)")
            #expect(CivilDate.timestamp(unixTime: value) == nil, "\(value)")
        }
    }

    @Test func largeUnixTimesAreReadAsMilliseconds() {
        #expect(CivilDate.timestamp(unixTime: 1_709_374_500_250) == "2024-03-02T10:15:00Z")
        #expect(CivilDate.timestamp(unixTime: 1_709_374_500) == "2024-03-02T10:15:00Z")
        #expect(CivilDate.timestamp(unixTime: 1e11) == "1973-03-03T09:46:40Z")
        #expect(CivilDate.timestamp(unixTime: 99_999_999_999) == "5138-11-16T09:46:39Z")
    }

    @Test func datesWithAnyOffsetKeepTheDateAsWritten() {
        #expect(ISOWeek.label("2024-03-02T23:30:00+05:00") == "2024-W09")
        #expect(ISOWeek.label("2024-03-03T00:30:00.123-08:00") == "2024-W09")
        #expect(ISOWeek.label("2024-03-04 00:00:00+14:00") == "2024-W10")
    }

    @Test func impossibleDatesHaveNoWeek() {
        for text in ["2024-13-01", "2024-02-30", "2023-02-29", "2024-00-10", "2024-01-00", "2024-1-01", "+2024-01-01", "2024-01-01X", ""] {
            #expect(ISOWeek.label(text) == nil, "\(text)")
        }
        #expect(ISOWeek.following(year: 9999, week: 52) == (10000, 1))
    }
}
