import CClioKernels
import Foundation
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

/// Every instruction set this CPU runs: the portable path, AVX2, AVX-512 (as available).
let kernelISAs: [Int32] = [CLIO_ISA_SCALAR, CLIO_ISA_AVX2, CLIO_ISA_AVX512].map(Int32.init).filter { $0 <= clio_kernels_isa() }

/// C = A * B^T + bias in double, the plain triple loop.
func referenceProduct(_ a: [Float], _ bt: [Float], bias: [Float], m: Int, n: Int, k: Int) -> [Double] {
    var c = [Double](repeating: 0, count: m * n)
    for i in 0..<m {
        for j in 0..<n {
            var s = Double(bias[j])
            for kk in 0..<k { s += Double(a[i * k + kk]) * Double(bt[j * k + kk]) }
            c[i * n + j] = s
        }
    }
    return c
}

/// C = A * B^T + bias on instruction set `isa`, optionally with an epilogue.
func product(_ a: [Float], _ bt: [Float], bias: [Float], m: Int, n: Int, k: Int, isa: Int32,
             epilogue: clio_epilogue? = nil) -> [Float] {
    var packed = [Float](repeating: .nan, count: clio_gemm_packed_size(k, n))
    clio_gemm_pack_bt(bt, k, n, k, &packed)
    var c = [Float](repeating: .nan, count: m * n)
    if var e = epilogue {
        clio_gemm_fused(isa, m, n, k, a, k, packed, bias, &c, n, &e)
    } else {
        clio_gemm_fused(isa, m, n, k, a, k, packed, bias, &c, n, nil)
    }
    return c
}

// Shapes around the tiles' edges (6x16 and 12x32, fewer than 12 rows, an odd last panel) and the
// encoder's own.
@Test(arguments: [(1, 1, 1), (6, 16, 8), (7, 17, 5), (11, 31, 3), (12, 32, 7), (13, 33, 384), (25, 48, 9),
                  (50, 1152, 384), (5, 3, 1536), (64, 200, 32), (200, 384, 1536)])
func gemmMatchesATripleLoopInDoubleOnEveryInstructionSet(shape: (m: Int, n: Int, k: Int)) {
    let (m, n, k) = shape
    let a = randomFloats(m * k, seed: 1), bt = randomFloats(n * k, seed: 2), bias = randomFloats(n, seed: 3)
    let want = referenceProduct(a, bt, bias: bias, m: m, n: n, k: k)
    for isa in kernelISAs {
        let c = product(a, bt, bias: bias, m: m, n: n, k: k, isa: isa)
        let worst = zip(want, c).map { abs($0 - Double($1)) }.max() ?? 0
        #expect(worst < 1e-4 * Double(k).squareRoot(), "isa \(isa), m \(m) n \(n) k \(k): max error \(worst)")
    }
}

@Test func theDefaultInstructionSetIsTheBestTheCPUHas() {
    let cpu = clio_kernels_isa()
    #expect(kernelISAs.last == cpu)
    #expect(clio_gemm_row_tile(Int32(CLIO_ISA_AUTO)) == (cpu >= Int32(CLIO_ISA_AVX512) ? 12 : 6))
    // /proc/cpuinfo is the independent word on what this CPU has (Linux; elsewhere no check).
    if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8), ProcessInfo.processInfo.environment["CLIO_KERNEL_ISA"] == nil {
        let flags = Set(info.split(whereSeparator: \.isWhitespace).map(String.init))
        let expected = flags.contains("avx512f") ? CLIO_ISA_AVX512 : flags.contains("avx2") && flags.contains("fma") ? CLIO_ISA_AVX2 : CLIO_ISA_SCALAR
        #expect(cpu == Int32(expected))
    }
}

@Test(arguments: [(30, 1536, 384), (11, 40, 20), (37, 100, 16)])
func geluEpilogueMatchesGELUOfTheProduct(shape: (m: Int, n: Int, k: Int)) {
    let (m, n, k) = shape
    let a = randomFloats(m * k, seed: 21), bt = randomFloats(n * k, seed: 22), bias = randomFloats(n, seed: 23)
    let want = referenceProduct(a, bt, bias: bias, m: m, n: n, k: k).map { 0.5 * $0 * (1 + Foundation.erf($0 / 2.0.squareRoot())) }
    for isa in kernelISAs {
        let c = product(a, bt, bias: bias, m: m, n: n, k: k, isa: isa, epilogue: clio_epilogue(kind: CLIO_EPILOGUE_GELU, residual: nil, ldr: 0, gamma: nil, beta: nil, eps: 0))
        let worst = zip(want, c).map { abs($0 - Double($1)) }.max() ?? 0
        #expect(worst < 1e-4 * Double(k).squareRoot(), "isa \(isa), m \(m) n \(n) k \(k): max error \(worst)")
    }
}

// 200 rows: several row blocks and a moved-up last tile on AVX-512, whose rows must be
// normalised once, after they were last written.
@Test(arguments: [(200, 384, 384), (37, 384, 1536), (11, 40, 20)])
func residualLayerNormEpilogueMatchesItsDefinition(shape: (m: Int, n: Int, k: Int)) {
    let (m, n, k) = shape
    let a = randomFloats(m * k, seed: 31), bt = randomFloats(n * k, seed: 32), bias = randomFloats(n, seed: 33)
    let residual = randomFloats(m * n, seed: 34), gamma = randomFloats(n, seed: 35), beta = randomFloats(n, seed: 36)
    let raw = referenceProduct(a, bt, bias: bias, m: m, n: n, k: k)
    var want = [Double](repeating: 0, count: m * n)
    for i in 0..<m {
        let row = (0..<n).map { raw[i * n + $0] + Double(residual[i * n + $0]) }
        let mean = row.reduce(0, +) / Double(n)
        let variance = row.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)
        for j in 0..<n { want[i * n + j] = (row[j] - mean) / (variance + 1e-12).squareRoot() * Double(gamma[j]) + Double(beta[j]) }
    }
    for isa in kernelISAs {
        let c = residual.withUnsafeBufferPointer { r in gamma.withUnsafeBufferPointer { g in beta.withUnsafeBufferPointer { b in
            product(a, bt, bias: bias, m: m, n: n, k: k, isa: isa,
                    epilogue: clio_epilogue(kind: CLIO_EPILOGUE_RESIDUAL_LAYERNORM, residual: r.baseAddress, ldr: n,
                                            gamma: g.baseAddress, beta: b.baseAddress, eps: 1e-12))
        } } }
        let worst = zip(want, c).map { abs($0 - Double($1)) }.max() ?? 0
        #expect(worst < 1e-4, "isa \(isa), m \(m) n \(n) k \(k): max error \(worst)")
    }
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

// Lengths around the 12-query blocks and 32-key pairs of the AVX-512 path.
@Test(arguments: [1, 2, 7, 11, 12, 13, 31, 33, 130, 256])
func attentionMatchesSoftmaxOfScaledScoresOnEveryInstructionSet(len: Int) {
    for isa in kernelISAs { checkAttention(len: len, dim: 32, isa: isa) }
}

// Heads of 16 and 48 floats leave the AVX-512 path half a pair of V columns.
@Test(arguments: [16, 48, 64])
func attentionHandlesOtherHeadSizes(dim: Int) {
    for isa in kernelISAs {
        for len in [5, 40] { checkAttention(len: len, dim: dim, isa: isa) }
    }
}

func checkAttention(len: Int, dim: Int, isa: Int32) {
    let ld = 3 * 384
    let qkv = randomFloats(len * ld, seed: UInt64(len))
    var out = [Float](repeating: .nan, count: len * 384)
    var scratch = [Float](repeating: .nan, count: clio_attention_scratch(len, dim))
    qkv.withUnsafeBufferPointer { p in
        let base = p.baseAddress! + 64  // some head in the middle of the row
        clio_attention(isa, len, dim, base, base + 384, base + 768, ld, &out, 384, &scratch)
    }
    // Outside this head's columns nothing is written.
    #expect(out[dim].isNaN && out[(len - 1) * 384 + dim].isNaN, "isa \(isa), len \(len), dim \(dim)")
    for i in 0..<len {
        var scores = (0..<len).map { j in (0..<dim).reduce(0.0) { $0 + Double(qkv[i * ld + 64 + $1]) * Double(qkv[j * ld + 64 + 384 + $1]) } }
        let top = scores.max()!
        scores = scores.map { Foundation.exp($0 - top) }
        let total = scores.reduce(0, +)
        for d in 0..<dim {
            let want = (0..<len).reduce(0.0) { $0 + scores[$1] / total * Double(qkv[$1 * ld + 64 + 768 + d]) }
            #expect(abs(want - Double(out[i * 384 + d])) < 1e-5, "isa \(isa), len \(len), dim \(dim), query \(i)")
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
