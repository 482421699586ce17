import Testing
import ClioCore
@testable import ClioLabel

@Suite struct StatsTests {
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
