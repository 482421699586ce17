import ClioCore

/// ISO 8601 week-numbering, done with civil-date arithmetic so it needs no calendar or time zone.
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
        func number(_ range: Range<Int>) -> Int? {
            var v = 0
            for i in range {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                v = v * 10 + Int(b[i] - 0x30)
            }
            return v
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10),
              (1...12).contains(m), d >= 1, d <= daysInMonth(y, m) else { return nil }
        let (isoYear, week) = week(year: y, month: m, day: d)
        return "\(isoYear)-W\(week < 10 ? "0" : "")\(week)"
    }

    /// The ISO year and week of a valid civil date.
    public static func week(year: Int, month: Int, day: Int) -> (year: Int, week: Int) {
        let days = daysFromCivil(year, month, day)
        let weekday = ((days % 7) + 7 + 3) % 7 + 1  // 1970-01-01 was a Thursday; Monday is 1
        // The ISO year is the year of the week's Thursday.
        let thursday = days - (weekday - 1) + 3
        let isoYear = civilYear(thursday)
        return (isoYear, (thursday - daysFromCivil(isoYear, 1, 1)) / 7 + 1)
    }

    static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilYear(_ days: Int) -> Int {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let m = mp < 10 ? mp + 3 : mp - 9
        return yoe + era * 400 + (m <= 2 ? 1 : 0)
    }
}

/// The per-cluster statistics of the cluster record (`stats` in docs/FORMAT.md).
public struct ClusterStats: Equatable, Sendable {
    public var languages: [String: Int] = [:]
    /// Counts of concerning scores 1…5.
    public var concerning = [Int](repeating: 0, count: 5)
    public var turnsTotal = 0
    public var turnsCount = 0
    public var weeks: [String: Int] = [:]

    public init() {}

    /// Mean of `facets.turns` over the conversations that have it; nil when none do.
    public var meanTurns: Double? { turnsCount == 0 ? nil : Double(turnsTotal) / Double(turnsCount) }

    public var json: JSON {
        // Languages by count, largest first, so the record reads like a ranking; weeks in time order.
        let languageList = languages.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        var object = JSONObject()
        object["languages"] = .object(JSONObject(languageList.map { (key: $0.key, value: JSON.number(Double($0.value))) }))
        object["concerning"] = .array(concerning.map { .number(Double($0)) })
        if let mean = meanTurns {
            object["mean_turns"] = .number((mean * 100).rounded() / 100)
        } else {
            object["mean_turns"] = .null
        }
        object["weeks"] = .object(JSONObject(weeks.sorted { $0.key < $1.key }.map { (key: $0.key, value: JSON.number(Double($0.value))) }))
        return .object(object)
    }
}
