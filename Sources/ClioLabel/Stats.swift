import ClioCore

/// The per-cluster statistics of the cluster record (`stats` in docs/FORMAT.md).
public struct ClusterStats: Equatable, Sendable {
    public var languages: [String: Int] = [:]
    /// Counts of concerning scores 1…5.
    public var concerning = [Int](repeating: 0, count: 5)
    public var turnsTotal = 0
    public var turnsCount = 0
    public var weeks: [String: Int] = [:]
    /// The 95th-percentile distance of the members to the written `centroid` (with --centroids
    /// only): how far a cluster reaches, which a later run into this tree compares new
    /// conversations with.
    public var distanceP95: Float?
    /// What the text guard did to the cluster's name and description (clusters named in this run).
    public var textGuard: TextGuardNote?

    public init() {}

    /// Counts one conversation.
    mutating func add(_ record: LabelRecord) {
        for language in record.languages { languages[language, default: 0] += 1 }
        if record.concerning > 0 { concerning[Int(record.concerning) - 1] += 1 }
        if record.turns >= 0 {
            turnsTotal += Int(record.turns)
            turnsCount += 1
        }
        if let week = record.week { weeks[week, default: 0] += 1 }
    }

    /// Adds another cluster's counts (its conversations are not among these): the statistics of
    /// a parent or a privacy bucket are its parts' counts added up, exactly.
    mutating func add(_ other: ClusterStats) {
        languages.merge(other.languages, uniquingKeysWith: +)
        for i in concerning.indices { concerning[i] += other.concerning[i] }
        turnsTotal += other.turnsTotal
        turnsCount += other.turnsCount
        weeks.merge(other.weeks, uniquingKeysWith: +)
    }

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
        if let distanceP95 {
            var text: [UInt8] = []
            JSONSerializer.writeNumber(distanceP95, to: &text)
            object["distance_p95"] = .rawNumber(String(decoding: text, as: UTF8.self))
        }
        if let textGuard { object["text_guard"] = textGuard.json }
        return .object(object)
    }
}
