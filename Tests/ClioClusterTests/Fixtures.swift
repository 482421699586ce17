import ClioTestSupport
import ClioCore
import Foundation
@testable import ClioCluster

/// Points around well-separated centres, made from a seed so every run sees the same data.
struct Blobs {
    var points: [Float]
    var truth: [Int]
    var n: Int
    var d: Int

    init(n: Int, d: Int, centres k: Int, spread: Float = 0.1, separation: Float = 10, seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        func uniform() -> Float { Float(Double(rng.next() >> 11) / Double(1 << 53)) }
        func normal() -> Float {
            // Box–Muller; the test data only needs to be roughly normal.
            let u = max(uniform(), 1e-7)
            return (-2 * log(u)).squareRoot() * cos(2 * Float.pi * uniform())
        }
        var centres = [Float]()
        for _ in 0..<(k * d) { centres.append((uniform() - 0.5) * separation * 4) }
        self.n = n
        self.d = d
        points = []
        truth = []
        for i in 0..<n {
            let c = i % k
            truth.append(c)
            for t in 0..<d { points.append(centres[c * d + t] + spread * normal()) }
        }
    }
}

/// True when two labelings are the same partition (equal up to renaming the clusters).
func samePartition(_ a: [Int], _ b: [Int]) -> Bool {
    guard a.count == b.count else { return false }
    var ab = [Int: Int]()
    var ba = [Int: Int]()
    for (x, y) in zip(a, b) {
        if let m = ab[x], m != y { return false }
        if let m = ba[y], m != x { return false }
        ab[x] = y
        ba[y] = x
    }
    return true
}

/// Sum of squared distances in double precision, centres recomputed as the means of the labels.
func bruteInertia(_ points: [Float], d: Int, labels: [Int]) -> Double {
    var sums = [Int: [Double]]()
    var counts = [Int: Int]()
    for (i, l) in labels.enumerated() {
        var s = sums[l] ?? [Double](repeating: 0, count: d)
        for t in 0..<d { s[t] += Double(points[i * d + t]) }
        sums[l] = s
        counts[l, default: 0] += 1
    }
    var total = 0.0
    for (i, l) in labels.enumerated() {
        for t in 0..<d {
            let v = Double(points[i * d + t]) - sums[l]![t] / Double(counts[l]!)
            total += v * v
        }
    }
    return total
}

/// One embedded record per vector, as clio-embed writes them (JSON array or f32le form).
func records(_ points: [Float], d: Int, compact: Bool = false) -> String {
    let n = points.count / d
    return (0..<n).map { i in
        let v = VectorCodec.encode(Array(points[(i * d)..<((i + 1) * d)]), compact: compact)
        return JSONSerializer.string(["id": .string("r\(i)"), "embedding": v])
    }.joined(separator: "\n") + "\n"
}

/// Runs clio-cluster's command on `input` (a temporary file) and returns stdout and the error.
/// With `centroids` false no --centroids file is asked for (--assign takes none).
func runCluster(_ arguments: [String], input: String, centroids: Bool = true) throws
    -> (stdout: String, centroids: String, error: ClioError?)
{
    let dir = URL(fileURLWithPath: temporaryDirectory("cluster"))
    defer { try? FileManager.default.removeItem(at: dir) }
    let inPath = dir.appendingPathComponent("in.jsonl").path
    let outPath = dir.appendingPathComponent("out.jsonl").path
    let centroidsPath = dir.appendingPathComponent("centroids.jsonl").path
    try input.write(toFile: inPath, atomically: true, encoding: .utf8)
    let command = try ClusterCommand(arguments: arguments + (centroids ? ["--centroids", centroidsPath] : []) + [inPath])
    let fd = open(outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let writer = OutputWriter(fd: fd)
    var failure: ClioError?
    do {
        try command.run(output: writer)
        try writer.flush()
    } catch let e as ClioError {
        failure = e
        try? writer.flush()
    }
    close(fd)
    let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    let centroids = (try? String(contentsOfFile: centroidsPath, encoding: .utf8)) ?? ""
    // Error locations name the temporary file; tests compare them against "in.jsonl:LINE".
    if var f = failure, let loc = f.location {
        f.location = Location(source: "in.jsonl", line: loc.line)
        failure = f
    }
    return (out, centroids, failure)
}

func parseLines(_ text: String) throws -> [JSONObject] {
    try text.split(separator: "\n").map { try JSONParser.parse(String($0)).objectValue! }
}
