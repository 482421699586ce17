import ClioCore
import Testing
@testable import ClioCluster

@Suite struct NearestTests {
    /// The nearest centre and its distance by the definition, one pair at a time in double.
    func bruteForce(_ points: [Float], _ n: Int, _ centres: [Float], _ k: Int, _ d: Int) -> [(Int, Double)] {
        (0..<n).map { i in
            var best = (0, Double.infinity)
            for j in 0..<k {
                var s = 0.0
                for t in 0..<d {
                    let x = Double(points[i * d + t]) - Double(centres[j * d + t])
                    s += x * x
                }
                if s < best.1 { best = (j, s) }
            }
            return (best.0, best.1.squareRoot())
        }
    }

    @Test func eachPointGetsTheCentreABruteForceSearchFinds() {
        // Points spread widely around random centres, so many are between two of them.
        let data = Blobs(n: 3000, d: 24, centres: 40, spread: 6, seed: 5)
        let centres = Blobs(n: 37, d: 24, centres: 37, spread: 1, seed: 6).points
        let (labels, distances) = nearestCentres(points: data.points, count: data.n, centres: centres, k: 37, dimension: 24)
        let expected = bruteForce(data.points, data.n, centres, 37, 24)
        var sameLabel = 0
        for i in 0..<data.n {
            // A near tie may go either way in float; the distance must be the minimum either way.
            #expect(abs(Double(distances[i]) - expected[i].1) <= 1e-4 * max(1, expected[i].1))
            if Int(labels[i]) == expected[i].0 { sameLabel += 1 }
        }
        #expect(sameLabel >= data.n - 3)
    }

    @Test func theResultDoesNotDependOnTheThreadCount() {
        let data = Blobs(n: 5000, d: 16, centres: 20, spread: 5, seed: 7)
        let centres = Array(data.points.prefix(20 * 16))
        let one = nearestCentres(points: data.points, count: data.n, centres: centres, k: 20, dimension: 16, threads: 1)
        let four = nearestCentres(points: data.points, count: data.n, centres: centres, k: 20, dimension: 16, threads: 4)
        #expect(one.assignments == four.assignments)
        #expect(one.distances == four.distances)
    }

    @Test func aPointOnACentreIsAtDistanceZeroAndTiesGoToTheFirstCentre() {
        let centres: [Float] = [0, 0, 2, 0, 2, 0]
        let (labels, distances) = nearestCentres(points: [2, 0, 1, 0], count: 2, centres: centres, k: 3, dimension: 2)
        #expect(labels == [1, 0])
        #expect(distances == [0, 1])
    }
}
