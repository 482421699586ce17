import CClioKernels
import Testing

/// Deterministic pseudo-random floats in [-1, 1).
func randomFloats(_ count: Int, seed: UInt64) -> [Float] {
    var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    return (0..<count).map { _ in
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Float(state >> 40) / Float(1 << 23) - 1
    }
}

@Test(arguments: [(1, 1, 1), (6, 16, 8), (7, 17, 5), (13, 33, 384), (50, 1152, 384), (5, 3, 1536), (64, 200, 32)])
func gemmMatchesATripleLoopInDouble(shape: (m: Int, n: Int, k: Int)) {
    let (m, n, k) = shape
    let a = randomFloats(m * k, seed: 1), bt = randomFloats(n * k, seed: 2), bias = randomFloats(n, seed: 3)
    var packed = [Float](repeating: .nan, count: clio_gemm_packed_size(k, n))
    clio_gemm_pack_bt(bt, k, n, k, &packed)
    // Both the dispatched (AVX2/FMA where available) and the portable path.
    var c = [Float](repeating: .nan, count: m * n)
    var portable = [Float](repeating: .nan, count: m * n)
    clio_gemm(m, n, k, a, k, packed, bias, &c, n)
    clio_gemm_scalar(m, n, k, a, k, packed, bias, &portable, n)
    var worst = 0.0
    for i in 0..<m {
        for j in 0..<n {
            var s = Double(bias[j])
            for kk in 0..<k { s += Double(a[i * k + kk]) * Double(bt[j * k + kk]) }
            worst = max(worst, abs(s - Double(c[i * n + j])), abs(s - Double(portable[i * n + j])))
        }
    }
    #expect(worst < 1e-4 * Double(k).squareRoot(), "m \(m) n \(n) k \(k): max error \(worst)")
}

@Test func packingAnUntransposedMatrixGivesTheSameProduct() {
    let (m, n, k) = (9, 21, 10)
    let a = randomFloats(m * k, seed: 4), b = randomFloats(k * n, seed: 5)
    var packed = [Float](repeating: 0, count: clio_gemm_packed_size(k, n))
    clio_gemm_pack_b(b, n, k, n, &packed)
    var c = [Float](repeating: 0, count: m * n)
    clio_gemm(m, n, k, a, k, packed, nil, &c, n)
    for i in 0..<m {
        for j in 0..<n {
            var s = 0.0
            for kk in 0..<k { s += Double(a[i * k + kk]) * Double(b[kk * n + j]) }
            #expect(abs(s - Double(c[i * n + j])) < 1e-4)
        }
    }
}

@Test(arguments: [1, 2, 7, 31, 130])
func attentionMatchesSoftmaxOfScaledScores(len: Int) {
    let dim = 32, ld = 3 * 384
    let qkv = randomFloats(len * ld, seed: UInt64(len))
    var out = [Float](repeating: .nan, count: len * 384)
    var scratch = [Float](repeating: 0, count: clio_attention_scratch(len, dim))
    qkv.withUnsafeBufferPointer { p in
        let base = p.baseAddress! + 64  // some head in the middle of the row
        clio_attention(len, dim, base, base + 384, base + 768, ld, &out, 384, &scratch)
    }
    for i in 0..<len {
        var scores = (0..<len).map { j in (0..<dim).reduce(0.0) { $0 + Double(qkv[i * ld + 64 + $1]) * Double(qkv[j * ld + 64 + 384 + $1]) } }
        let top = scores.max()!
        scores = scores.map { Foundation.exp($0 - top) }
        let total = scores.reduce(0, +)
        for d in 0..<dim {
            let want = (0..<len).reduce(0.0) { $0 + scores[$1] / total * Double(qkv[$1 * ld + 64 + 768 + d]) }
            #expect(abs(want - Double(out[i * 384 + d])) < 1e-5)
        }
    }
}

@Test func layerNormAndGELUMatchTheirDefinitions() {
    let n = 384
    var x = randomFloats(2 * n, seed: 9).map { $0 * 3 + 0.5 }
    let residual = randomFloats(2 * n, seed: 10)
    let gamma = randomFloats(n, seed: 11), beta = randomFloats(n, seed: 12)
    let original = x
    clio_layernorm(&x, residual, 2, n, gamma, beta, 1e-12)
    for r in 0..<2 {
        let row = (0..<n).map { Double(original[r * n + $0]) + Double(residual[r * n + $0]) }
        let mean = row.reduce(0, +) / Double(n)
        let variance = row.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)
        for j in 0..<n {
            let want = (row[j] - mean) / (variance + 1e-12).squareRoot() * Double(gamma[j]) + Double(beta[j])
            #expect(abs(want - Double(x[r * n + j])) < 1e-5)
        }
    }
    // Every point from -8 to 8 in steps of 1/64, so the vector path and its scalar tail both run.
    var g: [Float] = (-512...512).map { Float($0) / 64 }
    let input = g
    clio_gelu(&g, g.count)
    for (v, out) in zip(input, g) {
        let want = 0.5 * Double(v) * (1 + Foundation.erf(Double(v) / 2.0.squareRoot()))
        #expect(abs(want - Double(out)) < 1e-6)
    }
}

import Foundation
