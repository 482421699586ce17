import CClioKernels
import ClioCore

/// The nearest of `k` centres for each of `n` points (both row-major, `d` floats a row) and
/// the Euclidean distance to it: k-means' assignment step on its own, for placing new points
/// among centres found earlier (clio-label --tree).
///
/// The search uses the blocked ‖x‖² − 2x·c + ‖c‖² kernel (lowest centre index on ties); the
/// distance reported is then summed directly, so it is exact to float rounding and the same
/// as `cluster_distance` and the member distances an earlier run recorded.
public func nearestCentres(points: [Float], count n: Int, centres: [Float], k: Int, dimension d: Int, threads: Int = 0)
    -> (assignments: [Int32], distances: [Float])
{
    precondition(points.count == n * d && centres.count == k * d && k > 0 && d > 0)
    guard n > 0 else { return ([], []) }
    let threads = threads > 0 ? threads : Parallel.cores
    let labels = Buffer<Int32>(n, 0)
    let distances = Buffer<Float>(n, 0)
    let cnorm = Buffer<Float>(k, 0)
    points.withUnsafeBufferPointer { xp in
        centres.withUnsafeBufferPointer { cp in
            let x = xp.baseAddress!, c = cp.baseAddress!
            clio_row_sqnorms(c, k, d, cnorm.p)
            Parallel.chunks(n, size: 1024, threads: threads) { _, r in
                var xnorm = [Float](repeating: 0, count: r.count)
                var best2 = [Float](repeating: 0, count: r.count)
                clio_row_sqnorms(x + r.lowerBound * d, r.count, d, &xnorm)
                clio_nearest(x + r.lowerBound * d, xnorm, nil, r.count, d, c, cnorm.p, k, labels.p + r.lowerBound, &best2, nil)
                for i in r {
                    distances[i] = clio_sqdist(x + i * d, c + Int(labels[i]) * d, d).squareRoot()
                }
            }
        }
    }
    return (labels.array, distances.array)
}
