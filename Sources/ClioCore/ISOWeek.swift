/// ISO 8601 week-numbering, done with civil-date arithmetic so it needs no calendar or time zone.
/// clio-label writes `stats.weeks` with it; clio-tree reads the labels back for trends.
public enum ISOWeek {
    /// `YYYY-Www` for the date at the start of `text` (`2024-03-02` or `2024-03-02T10:15:00Z`),
    /// or nil when it does not start with a valid date. The date is taken as written: a time-zone
    /// offset does not move it to another day.
    public static func label(_ text: String) -> String? {
        let b = Array(text.utf8.prefix(11))
        guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        if b.count == 11, !(b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " ")) {
            return nil
        }
        guard let y = digits(b, 0..<4), let m = digits(b, 5..<7), let d = digits(b, 8..<10),
              (1...12).contains(m), d >= 1, d <= CivilDate.daysInMonth(y, m) else { return nil }
        let (isoYear, week) = week(year: y, month: m, day: d)
        return label(year: isoYear, week: week)
    }

    /// `YYYY-Www`, the week zero-padded to two digits.
    public static func label(year: Int, week: Int) -> String {
        "\(year)-W\(week < 10 ? "0" : "")\(week)"
    }

    /// The ISO year and week of a valid civil date.
    public static func week(year: Int, month: Int, day: Int) -> (year: Int, week: Int) {
        let days = CivilDate.days(year, month, day)
        let weekday = ((days % 7) + 7 + 3) % 7 + 1  // 1970-01-01 was a Thursday; Monday is 1
        // The ISO year is the year of the week's Thursday.
        let thursday = days - (weekday - 1) + 3
        let isoYear = CivilDate.date(thursday).year
        return (isoYear, (thursday - CivilDate.days(isoYear, 1, 1)) / 7 + 1)
    }

    /// The year and week of a `YYYY-Www` label, or nil when it is not one (or names a week 53
    /// in a year that has 52).
    public static func parse(_ label: String) -> (year: Int, week: Int)? {
        let b = Array(label.utf8)
        guard b.count == 8, b[4] == UInt8(ascii: "-"), b[5] == UInt8(ascii: "W"),
              let year = digits(b, 0..<4), let week = digits(b, 6..<8), week >= 1 else { return nil }
        guard week <= 52 || self.week(year: year, month: 12, day: 28).week == 53 else { return nil }
        return (year, week)
    }

    /// The Thursday of an ISO week, in days since 1970-01-01. Week 1 is the week of 4 January.
    static func thursday(year: Int, week: Int) -> Int {
        let january4 = CivilDate.days(year, 1, 4)
        let weekday = ((january4 % 7) + 7 + 3) % 7  // Monday is 0
        return january4 - weekday + 3 + (week - 1) * 7
    }

    /// The week after `year`-W`week`.
    public static func following(year: Int, week: Int) -> (year: Int, week: Int) {
        let next = CivilDate.date(thursday(year: year, week: week) + 7)
        return self.week(year: next.year, month: next.month, day: next.day)
    }

    /// The calendar month (`YYYY-MM`) an ISO week is counted in: the month of its Thursday, so
    /// a week that straddles two months goes to the one holding four or more of its days, the
    /// same rule that gives a week its ISO year.
    public static func month(year: Int, week: Int) -> String {
        let date = CivilDate.date(thursday(year: year, week: week))
        return "\(date.year)-\(date.month < 10 ? "0" : "")\(date.month)"
    }

    static func digits(_ b: [UInt8], _ range: Range<Int>) -> Int? {
        var v = 0
        for i in range {
            guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
            v = v * 10 + Int(b[i] - 0x30)
        }
        return v
    }
}

/// Proleptic Gregorian dates as day counts and back, with H. Hinnant's algorithms: no calendar
/// object and no time zone.
public enum CivilDate {
    public static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01.
    public static func days(_ year: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The Unix times `timestamp(unixSeconds:)` writes: 0001-01-01T00:00:00Z to
    /// 9999-12-31T23:59:59Z, the years a four-digit ISO 8601 date can name.
    public static let unixSecondsRange: ClosedRange<Double> = -62_135_596_800...253_402_300_799

    /// Numbers whose magnitude is at least this are read as milliseconds by
    /// `timestamp(unixTime:)`: 1e11 seconds is the year 5138, which no export holds, while
    /// every millisecond time after 1973 is above it.
    public static let millisecondsThreshold = 1e11

    /// `2024-03-02T10:15:00Z` for a Unix time in seconds (fractions dropped), or nil when it is
    /// not finite or falls outside `unixSecondsRange`.
    public static func timestamp(unixSeconds: Double) -> String? {
        guard unixSeconds.isFinite, unixSecondsRange.contains(unixSeconds.rounded(.down)) else { return nil }
        // safe: the range check above keeps the value well inside Int.
        let total = Int(unixSeconds.rounded(.down))
        var days = total / 86_400
        var seconds = total % 86_400
        if seconds < 0 {
            seconds += 86_400
            days -= 1
        }
        let (y, m, d) = date(days)
        func pad(_ v: Int, _ width: Int) -> String {
            let text = String(v)
            return text.count < width ? String(repeating: "0", count: width - text.count) + text : text
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(seconds / 3600, 2)):\(pad(seconds % 3600 / 60, 2)):\(pad(seconds % 60, 2))Z"
    }

    /// `timestamp(unixSeconds:)` for a number that is Unix seconds or, from
    /// `millisecondsThreshold` on, Unix milliseconds (exports differ).
    public static func timestamp(unixTime: Double) -> String? {
        timestamp(unixSeconds: abs(unixTime) >= millisecondsThreshold ? unixTime / 1000 : unixTime)
    }

    /// The date `days` after 1970-01-01 (the inverse of `days`).
    public static func date(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
