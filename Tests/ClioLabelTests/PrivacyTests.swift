import Testing
import ClioCore
@testable import ClioLabel

@Suite struct PrivacyTests {
    /// Two base clusters of 4 conversations and one of 2, far apart, grouped under one top.
    func records() -> [JSONObject] {
        var out: [JSONObject] = []
        for i in 0..<4 { out.append(clustered(id: "a\(i)", cluster: 0, embedding: [0, Float(i) * 0.01], user: "u\(i)", request: "The task is to bake bread.")) }
        for i in 0..<4 { out.append(clustered(id: "b\(i)", cluster: 1, embedding: [1, Float(i) * 0.01], user: "u\(i)", request: "The task is to cook soup.")) }
        for i in 0..<2 { out.append(clustered(id: "s\(i)", cluster: 2, embedding: [0.5, 0.5], user: "secret", request: "The task is to hide secretword secretword secretword secretword.")) }
        return out
    }

    @Test func smallClustersAreFoldedIntoAnUnnamedBucket() throws {
        var options = LabelOptions()
        options.hierarchy.top = 1
        options.minConversations = 3
        let result = try Labeler.label(try labelInput(records()), options: options)
        checkInvariants(result.clusters, assignments: result.assignments, input: records(), options: options)
        let bucket = result.clusters.first { $0["withheld"] == true }
        #expect(bucket?["size"]?.intValue == 2)
        #expect(bucket?["users"]?.intValue == 1)
        #expect(bucket?["withheld_clusters"]?.intValue == 1)
        #expect(result.withheldClusters == 1 && result.withheldConversations == 2)
        // Nothing from the withheld cluster is named anywhere.
        let text = lines(result.clusters)
        #expect(!text.contains("secretword") && !text.contains("\"s0\"") && !text.contains("L0-2"))
        // Its conversations are assigned to the bucket.
        let s0 = result.assignments.first { $0["id"] == "s0" }
        #expect(s0?["cluster"] == bucket?["id"])
    }

    @Test func minUsersCountsDistinctUsers() throws {
        var options = LabelOptions()
        options.hierarchy.top = 1
        options.minUsers = 2
        let result = try Labeler.label(try labelInput(records()), options: options)
        // Cluster 2 has two conversations but one user.
        #expect(result.withheldConversations == 2)
        #expect(!lines(result.clusters).contains("secretword"))
    }

    @Test func aTooSmallTopLevelGoesToARootBucket() throws {
        var options = LabelOptions()
        options.hierarchy.top = 5
        options.minConversations = 3
        let result = try Labeler.label(try labelInput(records()), options: options)
        let bucket = result.clusters.first { $0["withheld"] == true }
        #expect(bucket?["parent"] == .null)
        #expect(bucket?["id"] == "other")
        checkInvariants(result.clusters, assignments: result.assignments, input: records(), options: options)
    }
}
