#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a circle sits on the report's map, in the map's own coordinates.
struct ReportPlacement: Equatable {
    var x: Double
    var y: Double
    var r: Double
}

/// Positions for the cluster map, computed here rather than in the browser so the page needs
/// no numeric code and the same input always draws the same picture.
///
/// The map shows one group of siblings at a time (the top level, or one cluster's children).
/// When every cluster in the group has a centroid of the same dimension, the centroids are
/// projected onto their first two principal components; otherwise they are laid out by size on
/// a spiral and the page says the positions carry no meaning. Either way, overlapping circles
/// are then pushed apart.
enum ReportLayout {
    static let width = 1000.0
    static let height = 640.0

    enum Method: String {
        case projection = "pca"
        case spiral = "spiral"
    }

    /// Places one group of siblings; `sizes` gives the circles' areas, `centroids` their
    /// positions when all are present.
    static func place(sizes: [Int], centroids: [[Double]?]) -> (placements: [ReportPlacement], method: Method) {
        let n = sizes.count
        guard n > 0 else { return ([], .spiral) }
        let radii = radii(for: sizes)
        var points: [(Double, Double)]
        var method = Method.spiral
        let vectors = centroids.compactMap { $0 }
        if vectors.count == n, n >= 2, let d = vectors.first?.count, d > 0, vectors.allSatisfy({ $0.count == d }) {
            points = project(vectors)
            method = .projection
        } else {
            points = spiral(n)
        }
        var placements = method == .projection ? fit(points, radii: radii) : packAround(points, radii: radii)
        if n <= 800 { relax(&placements) }
        for i in placements.indices {
            placements[i].x = (placements[i].x * 10).rounded() / 10
            placements[i].y = (placements[i].y * 10).rounded() / 10
            placements[i].r = (placements[i].r * 10).rounded() / 10
        }
        return (placements, method)
    }

    /// Circle areas proportional to size, together covering about a third of the map; a lone
    /// circle or a very large one is capped so it stays inside.
    static func radii(for sizes: [Int]) -> [Double] {
        let total = Double(sizes.reduce(0, +))
        let cap = min(width, height) * 0.32
        guard total > 0 else { return sizes.map { _ in 6 } }
        let area = width * height * 0.34
        return sizes.map { size in
            min(cap, max(3, (area * Double(size) / total / Double.pi).squareRoot()))
        }
    }

    /// The first two principal components of the vectors, by power iteration on the covariance
    /// (applied as Xᵀ(Xv) so the dimension can be large). The start vector is fixed and each
    /// axis's sign is chosen so its largest coordinate is positive, which makes the result
    /// deterministic.
    static func project(_ vectors: [[Double]], sampleLimit: Int = 1500) -> [(Double, Double)] {
        let n = vectors.count
        guard n > 0 else { return [] }
        let d = vectors[0].count
        var mean = [Double](repeating: 0, count: d)
        for v in vectors { for j in 0..<d { mean[j] += v[j] } }
        for j in 0..<d { mean[j] /= Double(n) }
        let centred = vectors.map { v in (0..<d).map { v[$0] - mean[$0] } }
        // The axes of a very large group are found from an evenly spaced sample of its rows,
        // which bounds the cost (rows × dimension × iterations) and stays deterministic.
        let stride = max(1, (n + sampleLimit - 1) / sampleLimit)
        let sample = Swift.stride(from: 0, to: n, by: stride).map { centred[$0] }

        func covarianceTimes(_ v: [Double]) -> [Double] {
            var out = [Double](repeating: 0, count: d)
            for row in sample {
                var dot = 0.0
                for j in 0..<d { dot += row[j] * v[j] }
                for j in 0..<d { out[j] += dot * row[j] }
            }
            return out
        }
        func normalize(_ v: inout [Double]) -> Double {
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 0 { for j in v.indices { v[j] /= norm } }
            return norm
        }
        func orthogonalize(_ v: inout [Double], against axes: [[Double]]) {
            for axis in axes {
                var dot = 0.0
                for j in 0..<d { dot += v[j] * axis[j] }
                for j in 0..<d { v[j] -= dot * axis[j] }
            }
        }

        var axes: [[Double]] = []
        for component in 0..<2 {
            // A fixed, irregular start vector: unlikely to be orthogonal to the answer.
            var v = (0..<d).map { j in sin(Double(j + 1) * 12.9898 + Double(component) * 78.233) + 0.5 }
            orthogonalize(&v, against: axes)
            var scale = normalize(&v)
            if scale == 0 { break }
            for _ in 0..<300 {
                var next = covarianceTimes(v)
                orthogonalize(&next, against: axes)
                scale = normalize(&next)
                if scale == 0 { break }
                var change = 0.0
                for j in 0..<d { change = max(change, abs(next[j] - v[j])) }
                v = next
                if change < 1e-10 { break }
            }
            if scale == 0 { break }
            // Fix the sign by the coordinate of largest magnitude (ties: the lowest index).
            var largest = 0
            for j in 1..<max(d, 1) where abs(v[j]) > abs(v[largest]) + 1e-12 { largest = j }
            if v[largest] < 0 { for j in 0..<d { v[j] = -v[j] } }
            axes.append(v)
        }
        return centred.map { row in
            let coordinates = axes.map { axis in zip(row, axis).reduce(0) { $0 + $1.0 * $1.1 } }
            return (coordinates.count > 0 ? coordinates[0] : 0, coordinates.count > 1 ? coordinates[1] : 0)
        }
    }

    /// Largest first at the centre, the rest outwards on a golden-angle spiral.
    static func spiral(_ n: Int) -> [(Double, Double)] {
        let golden = Double.pi * (3 - 5.0.squareRoot())
        return (0..<n).map { i in
            let distance = Double(i).squareRoot()
            return (distance * cos(Double(i) * golden), distance * sin(Double(i) * golden))
        }
    }

    /// Scales the points into the map so every circle is inside it. Each axis is scaled on its
    /// own: the map is wide and the second component usually spans less than the first.
    static func fit(_ points: [(Double, Double)], radii: [Double]) -> [ReportPlacement] {
        let margin = 8.0
        let largest = radii.max() ?? 0
        func scaled(_ values: [Double], extent: Double) -> [Double] {
            let low = values.min() ?? 0, high = values.max() ?? 0
            let inner = extent - 2 * (margin + largest)
            if high - low < 1e-12 || inner <= 0 { return values.map { _ in extent / 2 } }
            return values.map { margin + largest + ($0 - low) / (high - low) * inner }
        }
        let xs = scaled(points.map(\.0), extent: width)
        let ys = scaled(points.map(\.1), extent: height)
        return radii.indices.map { ReportPlacement(x: xs[$0], y: ys[$0], r: radii[$0]) }
    }

    /// Spiral points (unit area each) scaled so the circles sit about as densely as packed coins
    /// around the map's centre, a little wider than tall like the map; `relax` then settles them.
    static func packAround(_ points: [(Double, Double)], radii: [Double]) -> [ReportPlacement] {
        let meanSquare = radii.reduce(0) { $0 + $1 * $1 } / Double(max(radii.count, 1))
        let scale = (meanSquare / 0.62).squareRoot() * 1.05
        return radii.indices.map { i in
            ReportPlacement(
                x: width / 2 + points[i].0 * scale * 1.2, y: height / 2 + points[i].1 * scale, r: radii[i])
        }
    }

    /// Pushes overlapping circles apart a little at a time, keeping them inside the map. The
    /// larger circle moves less, so big clusters keep the place the projection gave them.
    static func relax(_ placements: inout [ReportPlacement], iterations: Int = 120) {
        let n = placements.count
        guard n > 1 else { return }
        let gap = 2.0
        for _ in 0..<iterations {
            var moved = false
            for i in 0..<n {
                for j in (i + 1)..<n {
                    var dx = placements[j].x - placements[i].x
                    var dy = placements[j].y - placements[i].y
                    let want = placements[i].r + placements[j].r + gap
                    var distance = (dx * dx + dy * dy).squareRoot()
                    guard distance < want else { continue }
                    if distance < 1e-9 {
                        // Same spot: separate along a direction fixed by the pair's indices.
                        let angle = Double(i * 31 + j * 17)
                        dx = cos(angle)
                        dy = sin(angle)
                        distance = 1
                    } else {
                        dx /= distance
                        dy /= distance
                    }
                    let overlap = want - distance
                    let ai = placements[i].r * placements[i].r, aj = placements[j].r * placements[j].r
                    let shareI = aj / (ai + aj), shareJ = ai / (ai + aj)
                    placements[i].x -= dx * overlap * shareI
                    placements[i].y -= dy * overlap * shareI
                    placements[j].x += dx * overlap * shareJ
                    placements[j].y += dy * overlap * shareJ
                    moved = true
                }
            }
            for i in 0..<n {
                let r = placements[i].r
                placements[i].x = min(max(placements[i].x, r + 1), width - r - 1)
                placements[i].y = min(max(placements[i].y, r + 1), height - r - 1)
            }
            if !moved { break }
        }
    }
}
