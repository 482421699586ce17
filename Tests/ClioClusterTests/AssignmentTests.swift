import ClioTestSupport
import ClioCore
import Foundation
import Testing
@testable import ClioCluster

@Suite struct AssignmentTests {
    /// Random centres and points (not blobs: many points nearly as close to two centres).
    func uniform(_ count: Int, seed: UInt64) -> [Float] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { _ in Float(Double(rng.next() >> 11) / Double(1 << 53) * 2 - 1) }
    }

    /// Parses `points` as one block of records and assigns them.
    func assigned(_ points: [Float], d: Int, to centres: Centres, cosine: Bool = false) throws -> ParsedBlock {
        let path = temporaryPath("centres.jsonl")
        defer { unlink(path) }
        try records(points, d: d).write(toFile: path, atomically: true, encoding: .utf8)
        let reader = LineBlockReader(paths: [path], blockBytes: 64 << 20)
        let block = try #require(try reader.next())
        let parsed = VectorFieldParser(field: "embedding").parse(block)
        centres.assign(parsed, cosine: cosine)
        return parsed
    }

    @Test func eachRecordGetsTheNearestCentreByBruteForce() throws {
        let d = 24, k = 37, n = 500
        let c = uniform(k * d, seed: 1)
        let x = uniform(n * d, seed: 2)
        let parsed = try assigned(x, d: d, to: Centres(vectors: c, dimension: d, ids: Array(0..<k), source: "test"))
        for i in 0..<n {
            // Exact squared distances in double precision.
            let exact = (0..<k).map { j in (0..<d).reduce(0.0) { s, t in
                let v = Double(x[i * d + t]) - Double(c[j * d + t])
                return s + v * v
            } }
            let best = exact.min()!
            let chosen = Int(parsed.labels[i])
            // The kernel's rounding may decide a near-tie, never a real difference.
            #expect(exact[chosen] <= best * (1 + 1e-5))
            #expect(abs(Double(parsed.distances[i]) - exact[chosen].squareRoot()) <= 1e-6 * exact[chosen].squareRoot())
        }
    }

    @Test func theClusterNumbersAreTheFilesNotThePositions() throws {
        let centres = Centres(vectors: [0, 0, 10, 10], dimension: 2, ids: [7, 3], source: "test")
        let parsed = try assigned([9, 9, 1, 0], d: 2, to: centres)
        #expect(parsed.labels.map { centres.ids[Int($0)] } == [3, 7])
    }

    @Test func howTheRecordsAreSplitChangesNoBit() throws {
        let d = 32, k = 50, n = 301
        let centres = Centres(vectors: uniform(k * d, seed: 3), dimension: d, ids: Array(0..<k), source: "test")
        let x = uniform(n * d, seed: 4)
        let whole = try assigned(x, d: d, to: centres)
        // Pieces of 1, 2, 3, 7 and the rest records: every leftover path of the blocked kernel.
        var start = 0
        for size in [1, 2, 3, 7, 288] {
            let piece = try assigned(Array(x[(start * d)..<((start + size) * d)]), d: d, to: centres)
            #expect(piece.labels == Array(whole.labels[start..<(start + size)]))
            #expect(piece.distances.map(\.bitPattern) == whole.distances[start..<(start + size)].map(\.bitPattern))
            start += size
        }
    }

    @Test func cosineAssignsTheNormalisedVector() throws {
        let centres = Centres(vectors: [1, 0, 0, 1], dimension: 2, ids: [0, 1], source: "test")
        let parsed = try assigned([3, 4, 10, 1], d: 2, to: centres, cosine: true)
        #expect(parsed.labels == [1, 0])
        // (0.6, 0.8) to (0, 1): √(0.36 + 0.04).
        #expect(abs(parsed.distances[0] - Float(0.4).squareRoot()) < 1e-6)
    }

    @Test func aCentroidsFileReadsBackBitForBit() throws {
        let data = Blobs(n: 300, d: 16, centres: 6, spread: 1, seed: 21)
        let run = try runCluster(["-k", "6"], input: records(data.points, d: 16))
        let path = temporaryPath("centres.jsonl")
        defer { unlink(path) }
        try run.centroids.write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try Centres.load(path: path)
        let written = try parseLines(run.centroids).flatMap { try VectorCodec.decode($0["centroid"]!, field: "centroid") }
        #expect(loaded.ids == [0, 1, 2, 3, 4, 5])
        #expect(loaded.dimension == 16)
        // The same floats as the fit's: each number's shortest form parses back to itself.
        let fit = kmeans(points: data.points, count: 300, dimension: 16, options: KMeansOptions(k: 6))
        #expect(loaded.vectors.map(\.bitPattern) == fit.centroids.map(\.bitPattern))
        #expect(written == loaded.vectors)
    }

    @Test func aBadCentroidsFileNamesItsLine() throws {
        let cases: [(String, String)] = [
            (#"{"cluster":0,"centroid":[1,2]}"# + "\n" + #"{"cluster":0,"centroid":[3,4]}"#, ":2: cluster 0 appears twice"),
            (#"{"cluster":0,"centroid":[1,2]}"# + "\n\n" + #"{"cluster":1,"centroid":[3]}"#,
             #":3: field "centroid" has 1 numbers, expected 2 as on line 1"#),
            (#"{"cluster":-1,"centroid":[1]}"#, #":1: field "cluster" must be a whole number ≥ 0, got -1"#),
            (#"{"cluster":0}"#, #":1: field "centroid" is missing"#),
        ]
        for (text, message) in cases {
            let path = temporaryPath("centres.jsonl")
            defer { unlink(path) }
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let error = #expect(throws: ClioError.self) { try Centres.load(path: path) }
            #expect(error?.description == path + message)
        }
        let empty = temporaryPath("centres.jsonl")
        defer { unlink(empty) }
        try "\n".write(toFile: empty, atomically: true, encoding: .utf8)
        let error = #expect(throws: ClioError.self) { try Centres.load(path: empty) }
        #expect(error?.message == "no centres in \(empty)")
    }
}

