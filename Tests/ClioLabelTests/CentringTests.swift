import ClioTestSupport
import ClioCore
import Foundation
import Testing
@testable import ClioLabel

/// Base clusters of two topics in two languages, the language's offset three times what
/// separates the topics (as an English model places Spanish text): four base clusters per
/// topic and language, so that the top level has something to group.
func bilingualRecords(perCluster: Int = 20, seed: UInt64 = 9) -> [JSONObject] {
    var rng = SplitMix(seed: seed)
    var records: [JSONObject] = []
    let topics = ["garden", "taxes"], languages = ["English", "Spanish"]
    for cluster in 0..<8 {
        let topic = cluster % 2, language = (cluster / 2) % 2
        for i in 0..<perCluster {
            var v = [Float](repeating: 0, count: 8)
            v[topic] = 1
            v[2 + language] = 3
            v[4 + cluster / 4] = 0.3
            for j in 0..<8 { v[j] += (rng.unit() - 0.5) * 0.2 }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            records.append(clustered(id: "c\(cluster)-\(i)", cluster: cluster, embedding: v.map { $0 / norm },
                                     user: "u\(cluster)-\(i)", request: "The user asks about \(topics[topic]) things.",
                                     language: languages[language]))
        }
    }
    return records
}

@Suite struct LabelCentringTests {
    /// The top-level parent of each base cluster, from the cluster records.
    func parents(_ output: String) throws -> [Int: String] {
        var out: [Int: String] = [:]
        for record in try PipelineRecords.parse(output) where record["level"]?.intValue == 0 {
            let id = record["id"]!.stringValue!
            out[Int(id.dropFirst(3))!] = record["parent"]?.stringValue
        }
        return out
    }

    @Test func theTopLevelGroupsTopicsWhenCentredAndLanguagesWhenRaw() throws {
        let input = lines(bilingualRecords())
        let centred = try parents(try runLabel(["--top", "2", "--embed-model", "hash"], input: input).output)
        #expect(centred.count == 8)
        // Same topic (cluster % 2) ⇔ same parent.
        for a in 0..<8 { for b in 0..<8 { #expect((centred[a] == centred[b]) == (a % 2 == b % 2)) } }
        let raw = try parents(try runLabel(["--top", "2", "--embed-model", "hash", "--raw-vectors"], input: input).output)
        for a in 0..<8 { for b in 0..<8 { #expect((raw[a] == raw[b]) == ((a / 2) % 2 == (b / 2) % 2)) } }
    }

    @Test func aCentroidIsTheMeanOfItsMembersCentredVectorsAndSampledOnesComeClose() throws {
        let records = bilingualRecords(perCluster: 40)
        let vectors = records.flatMap { try! VectorCodec.decode($0["embedding"]!, field: "embedding") }
        let languages = records.map { LanguageCentring.primary($0["facets"]?[path: "language"]?.stringValue) }
        let centring = try #require(LanguageCentring.estimate(vectors: vectors, dimension: 8, languages: languages))
        var centred = vectors
        centring.centre(&centred, languages: languages)
        func centroids(_ extra: [String]) throws -> [Int: [Float]] {
            var out: [Int: [Float]] = [:]
            let output = try runLabel(["--centroids", "--embed-model", "hash"] + extra, input: lines(records)).output
            for record in try PipelineRecords.parse(output) where record["level"]?.intValue == 0 {
                out[Int(record["id"]!.stringValue!.dropFirst(3))!] = try VectorCodec.decode(record["centroid"]!, field: "centroid")
            }
            return out
        }
        func expected(_ cluster: Int) -> [Float] {
            let rows = (0..<records.count).filter { records[$0]["cluster"]?.intValue == cluster }
            return (0..<8).map { t in rows.reduce(Float(0)) { $0 + centred[$1 * 8 + t] } / Float(rows.count) }
        }
        func cosine(_ a: [Float], _ b: [Float]) -> Float {
            let dot = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
            return dot / (a.reduce(0) { $0 + $1 * $1 } * b.reduce(0) { $0 + $1 * $1 }).squareRoot()
        }
        let whole = try centroids([])
        for c in 0..<8 { for t in 0..<8 { #expect(abs(whole[c]![t] - expected(c)[t]) < 1e-5) } }
        // Ten kept of forty: the sum less the languages' means, scaled by the kept lengths.
        let sampled = try centroids(["--reservoir", "10"])
        for c in 0..<8 {
            #expect(cosine(sampled[c]!, expected(c)) > 0.999)
            let ratio = (sampled[c]!.reduce(0) { $0 + $1 * $1 } / expected(c).reduce(0) { $0 + $1 * $1 }).squareRoot()
            #expect(abs(ratio - 1) < 0.05)
        }
    }

    @Test func aTreeCarriesTheMeansAndPlacesTheSameConversationsWhereTheyWere() throws {
        let records = bilingualRecords()
        let first = try runLabel(["--centroids", "--top", "2", "--embed-model", "hash"], input: lines(records)).output
        let tree = try PipelineRecords.parse(first)
        let top = tree.filter { $0["parent"] == .null }
        #expect(top.count == 2 && top.allSatisfy { $0["language_means"]?.arrayValue?.count == 2 })
        #expect(tree.filter { $0["parent"] != .null }.allSatisfy { $0["language_means"] == nil })
        #expect(tree.allSatisfy { $0["centroid_space"]?.stringValue == "language-centred" })
        let treePath = temporaryFile(first)
        defer { unlink(treePath) }
        let again = try PipelineRecords.parse(try runLabel(["--tree", treePath, "--centroids", "--embed-model", "hash"],
                                                           input: lines(records)).output)
        #expect(again.filter { $0["new_since"] != nil }.isEmpty)
        #expect(Set(again.compactMap { $0["id"]?.stringValue }) == Set(tree.compactMap { $0["id"]?.stringValue }))
        // A tree cut down to its base clusters has lost the means.
        let cut = temporaryFile(lines(tree.filter { $0["parent"] != .null }.map { r in
            var r = r
            r["parent"] = .null
            return r
        }))
        defer { unlink(cut) }
        #expect(throws: ClioError.self) { try LabelTree(path: cut) }
    }
}
