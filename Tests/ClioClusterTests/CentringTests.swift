import ClioTestSupport
import ClioCore
import Foundation
import Testing
@testable import ClioCluster

/// Two topics written in two languages, the language's offset three times as large as what
/// separates the topics: k-means on the raw vectors splits by language, on the centred ones by
/// topic.
struct TwoLanguages {
    static let d = 6
    var lines: [String] = []
    var topic: [Int] = []
    var language: [Int] = []

    init(perGroup: Int = 60, seed: UInt64 = 3, escapedLanguage: Bool = false) {
        var rng = SeededGenerator(seed: seed)
        func noise() -> Float { Float(Double(rng.next() >> 11) / Double(1 << 53)) * 0.2 - 0.1 }
        let names = ["English", "Spanish"]
        for i in 0..<(4 * perGroup) {
            let t = i % 2, l = (i / 2) % 2
            var v = [Float](repeating: 0, count: Self.d)
            v[t] = 1
            v[2 + l] = 3
            for j in 0..<Self.d { v[j] += noise() }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let vector = VectorCodec.encode(v.map { $0 / norm })
            // A \u escape sends the line to the full parser, which must read the same language.
            let name = escapedLanguage && i % 3 == 0 ? names[l].replacingOccurrences(of: "h", with: "\\u0068") : names[l]
            let facets = #"{"request":"r","language":"\#(name); English"}"#
            lines.append(#"{"id":"r\#(i)","facets":\#(facets),"embedding":\#(JSONSerializer.string(vector))}"#)
            topic.append(t)
            language.append(l)
        }
    }

    var input: String { lines.joined(separator: "\n") + "\n" }
}

@Suite struct CentringTests {
    func clusters(_ stdout: String) throws -> [Int] { try parseLines(stdout).map { $0["cluster"]!.intValue! } }

    @Test func centredVectorsClusterByTopicAndRawOnesByLanguage() throws {
        let data = TwoLanguages()
        let centred = try runCluster(["-k", "2"], input: data.input)
        #expect(centred.error == nil)
        #expect(samePartition(try clusters(centred.stdout), data.topic))
        let raw = try runCluster(["-k", "2", "--raw-vectors"], input: data.input)
        #expect(samePartition(try clusters(raw.stdout), data.language))
        // The records pass through unchanged apart from the two fields.
        let first = try parseLines(centred.stdout)[0]
        #expect(first["embedding"] == (try JSONParser.parse(data.lines[0]).objectValue!["embedding"]))
    }

    @Test func theCentroidsFileCarriesTheMeansAndAssignCentresWithThem() throws {
        let data = TwoLanguages()
        let fitted = try runCluster(["-k", "2"], input: data.input)
        let lines = try parseLines(fitted.centroids)
        #expect(lines.count == 4)
        #expect(lines.compactMap { $0["language"]?.stringValue } == ["English", "Spanish"])
        #expect(lines.filter { $0["reference"]?.boolValue == true }.count == 1)
        let path = temporaryPath("centres.jsonl")
        defer { unlink(path) }
        try fitted.centroids.write(toFile: path, atomically: true, encoding: .utf8)
        let assigned = try runCluster(["--assign", path], input: data.input, centroids: false)
        #expect(assigned.error == nil)
        #expect(assigned.stdout == fitted.stdout)
        // Without the means the same centres meet raw vectors: other distances.
        let bare = temporaryPath("bare.jsonl")
        defer { unlink(bare) }
        try lines.filter { $0["cluster"] != nil }.map { JSONSerializer.string(.object($0)) }.joined(separator: "\n")
            .write(toFile: bare, atomically: true, encoding: .utf8)
        let unmatched = try runCluster(["--assign", bare], input: data.input, centroids: false)
        #expect(unmatched.error == nil)
        #expect(unmatched.stdout != fitted.stdout)
    }

    @Test func fitSampleCentresAtTheSamplesMeansAsAFitOfTheSampleAloneDoes() throws {
        let data = TwoLanguages(perGroup: 100)
        let sampled = try runCluster(["-k", "2", "--fit-sample", "300", "--seed", "4"], input: data.input)
        #expect(sampled.error == nil)
        #expect(samePartition(try clusters(sampled.stdout), data.topic))
        let keys = SampleKey(seed: 4)
        let chosen = Set((0..<400).sorted { keys.key(index: UInt64($0)) < keys.key(index: UInt64($1)) }.prefix(300))
        let sample = data.lines.enumerated().filter { chosen.contains($0.offset) }.map(\.element).joined(separator: "\n") + "\n"
        let alone = try runCluster(["-k", "2", "--seed", "4"], input: sample)
        #expect(alone.centroids == sampled.centroids)
    }

    @Test func theFullParserReadsTheLanguageTheFastScannerReads() throws {
        let plain = try runCluster(["-k", "2"], input: TwoLanguages().input)
        let escaped = try runCluster(["-k", "2"], input: TwoLanguages(escapedLanguage: true).input)
        #expect(escaped.centroids == plain.centroids)
        #expect(try clusters(escaped.stdout) == (try clusters(plain.stdout)))
    }

    @Test func fewRecordsPerLanguageLeaveTheVectorsAsGiven() throws {
        // Four records of each language, fewer than LanguageCentring.minimumConversations.
        let data = TwoLanguages(perGroup: 2)
        let small = try runCluster(["-k", "2"], input: data.input)
        let raw = try runCluster(["-k", "2", "--raw-vectors"], input: data.input)
        #expect(small.stdout == raw.stdout)
        #expect(!small.centroids.contains("\"language\""))
    }

    @Test func rawVectorsIsAFitOptionThatAssignRefuses() {
        #expect(throws: UsageError.self) { try ClusterCommand(arguments: ["--assign", "c.jsonl", "--raw-vectors"]) }
    }

    @Test func aCentroidsFileWithBadMeansIsRejected() throws {
        let path = temporaryPath("centres.jsonl")
        defer { unlink(path) }
        try #"{"cluster":0,"centroid":[0,0]}"# .appending("\n" + #"{"language":"English","mean":[1,2,3],"reference":true}"#)
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ClioError.self) { try Centres.load(path: path) }
    }
}
