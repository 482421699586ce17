import ClioCore
import Testing
@testable import ClioCluster

@Suite struct ReservoirTests {
    /// Record i's vector is [i], so the sample's vectors name the records it holds.
    func sample(n: Int, capacity: Int, seed: UInt64) -> SampleReservoir {
        var reservoir = SampleReservoir(capacity: capacity, dimension: 1, seed: seed)
        for i in 0..<n { reservoir.offer(index: i, vector: [Float(i)]) }
        return reservoir
    }

    @Test func theSampleIsTheRecordsWithTheSmallestKeysInStreamOrder() {
        let keys = SampleKey(seed: 7)
        let expected = (0..<1000).sorted { keys.key(index: UInt64($0)) < keys.key(index: UInt64($1)) }.prefix(37).sorted()
        let taken = sample(n: 1000, capacity: 37, seed: 7).sample()
        #expect(taken.indices == Array(expected))
        #expect(taken.vectors == expected.map(Float.init))
    }

    @Test func everyRecordIsEquallyLikelyToBeSampled() {
        // 40 records, samples of 8, over 4,000 seeds: each record is expected 800 times.
        let n = 40, capacity = 8, seeds = 4000
        var hits = [Int](repeating: 0, count: n)
        for seed in 0..<seeds {
            for i in sample(n: n, capacity: capacity, seed: UInt64(seed)).indices { hits[i] += 1 }
        }
        let expected = Double(seeds * capacity) / Double(n)
        let chiSquare = hits.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        // The 0.1% critical value of χ² with 39 degrees of freedom is 72.1.
        #expect(chiSquare < 72.1, "hits per record: \(hits)")
        // Early and late records alike: a biased reservoir favours one end of the stream.
        let firstHalf = hits[0..<(n / 2)].reduce(0, +), secondHalf = hits[(n / 2)...].reduce(0, +)
        #expect(abs(firstHalf - secondHalf) < seeds * capacity / 20)
    }

    @Test func fewerRecordsThanTheCapacityAreAllKept() {
        let taken = sample(n: 5, capacity: 10, seed: 3).sample()
        #expect(taken.indices == [0, 1, 2, 3, 4])
        #expect(taken.vectors == [0, 1, 2, 3, 4])
    }

    @Test func theSeedChoosesTheSampleAndTheSameSeedChoosesItAgain() {
        let a = sample(n: 500, capacity: 20, seed: 1).indices
        #expect(sample(n: 500, capacity: 20, seed: 1).indices == a)
        #expect(sample(n: 500, capacity: 20, seed: 2).indices != a)
    }

    @Test func positionsThatAreNotOfferedAreSimplyAbsent() {
        // Skipped bad records keep their positions: the rest of the sample does not move.
        var reservoir = SampleReservoir(capacity: 30, dimension: 1, seed: 9)
        for i in 0..<300 where i % 7 != 3 { reservoir.offer(index: i, vector: [Float(i)]) }
        let all = sample(n: 300, capacity: 300, seed: 9)
        let keys = SampleKey(seed: 9)
        let expected = all.indices.filter { $0 % 7 != 3 }.sorted { keys.key(index: UInt64($0)) < keys.key(index: UInt64($1)) }
            .prefix(30).sorted()
        #expect(reservoir.indices == Array(expected))
    }

    @Test func keysAreSplitMix64OfTheRecordsPosition() {
        // SplitMix64 written out from its definition (Steele, Lea and Flood 2014), not through
        // SeededGenerator: the Spark driver computes these keys in Python.
        func mix(_ x: UInt64) -> UInt64 {
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1330_11EB
            return z ^ (z >> 31)
        }
        let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15
        for seed: UInt64 in [0, 1, 12345] {
            let base = mix((seed ^ 0x636C_696F_2D73_616D) &+ gamma)
            for index: UInt64 in [0, 1, 2, 999_999] {
                #expect(SampleKey(seed: seed).key(index: index) == mix(base &+ (index &+ 1) &* gamma))
            }
        }
    }
}
