// Kernels for the MiniLM encoder. See clio_gemm.h.
//
// B is packed once into panels of CLIO_GEMM_NR (16) columns, each panel k rows deep and
// contiguous; A is read in place, one broadcast per row and k. Weights are packed at load time,
// so packing costs only matter for attention, where the panels are small. Three paths, chosen
// at run time (clio_kernels_isa):
//
// - AVX-512: 12x32 tiles (two panels side by side) in 24 zmm accumulators, twice the
//   floating-point width of AVX2 on cores with 512-bit FMA units. GELU is applied to each tile
//   and residual + LayerNorm to each block of rows as soon as they are computed, while they are
//   in L1/L2, instead of in later passes over the whole activation. Attention is fused per
//   12 queries, so their scores stay in L1.
// - AVX2/FMA: 6x16 tiles in twelve ymm registers; the same epilogues, per block of rows.
// - portable scalar code, the reference for the other two.
//
// The full tiles' k loops are inline assembly: debug builds compile C at -O0, where intrinsics
// become calls that spill every register; the assembly runs at the same speed at any
// optimisation level, so tests and release builds share one fast path.
#include "clio_gemm.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

#if defined(__x86_64__) || defined(__i386__)
#define CLIO_X86 1
#include <immintrin.h>
#endif

#define NR CLIO_GEMM_NR
#define MR 6

static int cpu_isa(void);

size_t clio_gemm_packed_size(size_t k, size_t n) { return ((n + NR - 1) / NR) * NR * k; }

#ifdef CLIO_X86
// dst[i][j] = src[j][i] for a 16x16 block (row strides lds, ldd): four rounds of swapping the
// off-diagonal halves of ever smaller blocks, 64 two-register permutes instead of 256 scalar
// loads and stores. Packs the keys of attention and, at load time, the weights.
__attribute__((target("avx512f"))) static void transpose_16x16(const float *src, size_t lds, float *dst, size_t ldd) {
    __m512 r[16];
    for (int i = 0; i < 16; i++) r[i] = _mm512_loadu_ps(src + i * lds);
    for (int d = 8; d >= 1; d /= 2) {
        int lo[16], hi[16];
        for (int l = 0; l < 16; l++) {
            lo[l] = (l & d) ? 16 + l - d : l;
            hi[l] = (l & d) ? 16 + l : l + d;
        }
        __m512i ilo = _mm512_loadu_si512(lo), ihi = _mm512_loadu_si512(hi);
        for (int i = 0; i < 16; i++) {
            if (i & d) continue;
            __m512 a = r[i], b = r[i + d];
            r[i] = _mm512_permutex2var_ps(a, ilo, b);
            r[i + d] = _mm512_permutex2var_ps(a, ihi, b);
        }
    }
    for (int i = 0; i < 16; i++) _mm512_storeu_ps(dst + i * ldd, r[i]);
}
#endif

void clio_gemm_pack_bt(const float *bt, size_t ldb, size_t n, size_t k, float *packed) {
    size_t panels = (n + NR - 1) / NR;
    for (size_t p = 0; p < panels; p++) {
        float *dst = packed + p * NR * k;
        size_t kk = 0;
#ifdef CLIO_X86
        if (p * NR + NR <= n && cpu_isa() >= CLIO_ISA_AVX512)
            for (; kk + 16 <= k; kk += 16) transpose_16x16(bt + p * NR * ldb + kk, ldb, dst + kk * NR, NR);
#endif
        for (; kk < k; kk++) {
            for (size_t j = 0; j < NR; j++) {
                size_t col = p * NR + j;
                dst[kk * NR + j] = col < n ? bt[col * ldb + kk] : 0.0f;
            }
        }
    }
}

void clio_gemm_pack_b(const float *b, size_t ldb, size_t k, size_t n, float *packed) {
    size_t panels = (n + NR - 1) / NR;
    for (size_t p = 0; p < panels; p++) {
        float *dst = packed + p * NR * k;
        size_t width = n - p * NR < NR ? n - p * NR : NR;
        for (size_t kk = 0; kk < k; kk++) {
            const float *src = b + kk * ldb + p * NR;
            size_t j = 0;
            for (; j < width; j++) dst[kk * NR + j] = src[j];
            for (; j < NR; j++) dst[kk * NR + j] = 0.0f;
        }
    }
}

// ---- scalar path ----

static void tile_scalar(size_t mr, size_t nr, size_t k, const float *a, size_t lda, const float *panel,
                        const float *bias, float *c, size_t ldc) {
    float acc[MR][NR];
    for (size_t i = 0; i < mr; i++)
        for (size_t j = 0; j < NR; j++) acc[i][j] = bias && j < nr ? bias[j] : 0.0f;
    for (size_t kk = 0; kk < k; kk++) {
        const float *brow = panel + kk * NR;
        for (size_t i = 0; i < mr; i++) {
            float av = a[i * lda + kk];
            for (size_t j = 0; j < NR; j++) acc[i][j] += av * brow[j];
        }
    }
    for (size_t i = 0; i < mr; i++)
        for (size_t j = 0; j < nr; j++) c[i * ldc + j] = acc[i][j];
}

#ifdef CLIO_X86
// ---- AVX2/FMA path ----

__attribute__((target("avx2,fma"), always_inline)) static inline void
tile_avx2_rows(const size_t rows, size_t nr, size_t k, const float *a, size_t lda, const float *panel,
               const float *bias, float *c, size_t ldc) {
    __m256 c0[MR], c1[MR];
    __m256 b0 = _mm256_setzero_ps(), b1 = _mm256_setzero_ps();
    if (bias) {
        if (nr == NR) {
            b0 = _mm256_loadu_ps(bias);
            b1 = _mm256_loadu_ps(bias + 8);
        } else {
            float tmp[NR] = {0};
            for (size_t j = 0; j < nr; j++) tmp[j] = bias[j];
            b0 = _mm256_loadu_ps(tmp);
            b1 = _mm256_loadu_ps(tmp + 8);
        }
    }
    for (size_t i = 0; i < rows; i++) {
        c0[i] = b0;
        c1[i] = b1;
    }
    for (size_t kk = 0; kk < k; kk++) {
        __m256 p0 = _mm256_loadu_ps(panel + kk * NR);
        __m256 p1 = _mm256_loadu_ps(panel + kk * NR + 8);
        for (size_t i = 0; i < rows; i++) {
            __m256 av = _mm256_broadcast_ss(a + i * lda + kk);
            c0[i] = _mm256_fmadd_ps(av, p0, c0[i]);
            c1[i] = _mm256_fmadd_ps(av, p1, c1[i]);
        }
    }
    if (nr == NR) {
        for (size_t i = 0; i < rows; i++) {
            _mm256_storeu_ps(c + i * ldc, c0[i]);
            _mm256_storeu_ps(c + i * ldc + 8, c1[i]);
        }
    } else {
        float tmp[NR];
        for (size_t i = 0; i < rows; i++) {
            _mm256_storeu_ps(tmp, c0[i]);
            _mm256_storeu_ps(tmp + 8, c1[i]);
            for (size_t j = 0; j < nr; j++) c[i * ldc + j] = tmp[j];
        }
    }
}

// One function per row count, so each unrolls with its accumulators in registers.
#define TILE_FN(R)                                                                                   \
    __attribute__((target("avx2,fma"))) static void tile_avx2_##R(size_t nr, size_t k, const float *a, \
        size_t lda, const float *panel, const float *bias, float *c, size_t ldc) {                      \
        tile_avx2_rows(R, nr, k, a, lda, panel, bias, c, ldc);                                          \
    }
TILE_FN(1)
TILE_FN(2)
TILE_FN(3)
TILE_FN(4)
TILE_FN(5)
TILE_FN(6)

typedef void (*tile_fn)(size_t, size_t, const float *, size_t, const float *, const float *, float *, size_t);
static const tile_fn avx2_tiles[MR + 1] = {0, tile_avx2_1, tile_avx2_2, tile_avx2_3, tile_avx2_4, tile_avx2_5, tile_avx2_6};

// The full 6x16 tile's k loop in inline assembly. Debug builds compile C at -O0, where
// intrinsics become calls that spill every register; the assembly runs at the same speed at any
// optimisation level, so tests and release builds share one fast path.
__attribute__((target("avx2,fma"))) static void tile_avx2_6x16(size_t k, const float *a, size_t lda,
                                                               const float *panel, const float *bias,
                                                               float *c, size_t ldc) {
    __m256 b0 = bias ? _mm256_loadu_ps(bias) : _mm256_setzero_ps();
    __m256 b1 = bias ? _mm256_loadu_ps(bias + 8) : _mm256_setzero_ps();
    __m256 c00 = b0, c01 = b1, c10 = b0, c11 = b1, c20 = b0, c21 = b1;
    __m256 c30 = b0, c31 = b1, c40 = b0, c41 = b1, c50 = b0, c51 = b1;
    const float *a0 = a, *a3 = a + 3 * lda;
    const float *p = panel;
    size_t stride = lda * sizeof(float);
    size_t n = k;
    if (n > 0) {
        __asm__ volatile(
            "1:\n\t"
            "vmovups (%[p]), %%ymm12\n\t"
            "vmovups 32(%[p]), %%ymm13\n\t"
            "vbroadcastss (%[a0]), %%ymm14\n\t"
            "vfmadd231ps %%ymm12, %%ymm14, %[c00]\n\t"
            "vfmadd231ps %%ymm13, %%ymm14, %[c01]\n\t"
            "vbroadcastss (%[a0],%[s],1), %%ymm14\n\t"
            "vfmadd231ps %%ymm12, %%ymm14, %[c10]\n\t"
            "vfmadd231ps %%ymm13, %%ymm14, %[c11]\n\t"
            "vbroadcastss (%[a0],%[s],2), %%ymm14\n\t"
            "vfmadd231ps %%ymm12, %%ymm14, %[c20]\n\t"
            "vfmadd231ps %%ymm13, %%ymm14, %[c21]\n\t"
            "vbroadcastss (%[a3]), %%ymm14\n\t"
            "vfmadd231ps %%ymm12, %%ymm14, %[c30]\n\t"
            "vfmadd231ps %%ymm13, %%ymm14, %[c31]\n\t"
            "vbroadcastss (%[a3],%[s],1), %%ymm14\n\t"
            "vfmadd231ps %%ymm12, %%ymm14, %[c40]\n\t"
            "vfmadd231ps %%ymm13, %%ymm14, %[c41]\n\t"
            "vbroadcastss (%[a3],%[s],2), %%ymm14\n\t"
            "vfmadd231ps %%ymm12, %%ymm14, %[c50]\n\t"
            "vfmadd231ps %%ymm13, %%ymm14, %[c51]\n\t"
            "addq $4, %[a0]\n\t"
            "addq $4, %[a3]\n\t"
            "addq $64, %[p]\n\t"
            "decq %[n]\n\t"
            "jnz 1b\n\t"
            : [c00] "+x"(c00), [c01] "+x"(c01), [c10] "+x"(c10), [c11] "+x"(c11), [c20] "+x"(c20),
              [c21] "+x"(c21), [c30] "+x"(c30), [c31] "+x"(c31), [c40] "+x"(c40), [c41] "+x"(c41),
              [c50] "+x"(c50), [c51] "+x"(c51), [a0] "+r"(a0), [a3] "+r"(a3), [p] "+r"(p), [n] "+r"(n)
            : [s] "r"(stride)
            : "xmm12", "xmm13", "xmm14", "memory", "cc");
    }
    _mm256_storeu_ps(c, c00);
    _mm256_storeu_ps(c + 8, c01);
    _mm256_storeu_ps(c + ldc, c10);
    _mm256_storeu_ps(c + ldc + 8, c11);
    _mm256_storeu_ps(c + 2 * ldc, c20);
    _mm256_storeu_ps(c + 2 * ldc + 8, c21);
    _mm256_storeu_ps(c + 3 * ldc, c30);
    _mm256_storeu_ps(c + 3 * ldc + 8, c31);
    _mm256_storeu_ps(c + 4 * ldc, c40);
    _mm256_storeu_ps(c + 4 * ldc + 8, c41);
    _mm256_storeu_ps(c + 5 * ldc, c50);
    _mm256_storeu_ps(c + 5 * ldc + 8, c51);
}

// ---- AVX-512 path ----

#define MR5 12
#define NR5 (2 * NR)
#define PANEL_STEP (NR * sizeof(float))  // bytes from one k to the next in a packed panel

// Rows r, r+1, r+2 of the tile from base register B (row stride in %[ars]): one broadcast each,
// two FMAs each (one per panel) into accumulators 2r .. 2r+5.
#define ROWS3(B, r0, r1, r2, r3, r4, r5)                                                            \
    "vbroadcastss (%[" B "]), %%zmm26\n\t"                                                         \
    "vfmadd231ps %%zmm24, %%zmm26, %%zmm" #r0 "\n\t"                                               \
    "vfmadd231ps %%zmm25, %%zmm26, %%zmm" #r1 "\n\t"                                               \
    "vbroadcastss (%[" B "],%[ars],1), %%zmm27\n\t"                                                \
    "vfmadd231ps %%zmm24, %%zmm27, %%zmm" #r2 "\n\t"                                               \
    "vfmadd231ps %%zmm25, %%zmm27, %%zmm" #r3 "\n\t"                                               \
    "vbroadcastss (%[" B "],%[ars],2), %%zmm28\n\t"                                                \
    "vfmadd231ps %%zmm24, %%zmm28, %%zmm" #r4 "\n\t"                                               \
    "vfmadd231ps %%zmm25, %%zmm28, %%zmm" #r5 "\n\t"
#define STORE_ROW(r0, r1)                                                                          \
    "vmovups %%zmm" #r0 ", (%[c])\n\t"                                                             \
    "vmovups %%zmm" #r1 ", 64(%[c])\n\t"                                                           \
    "addq %[ldc], %[c]\n\t"
#define START_ROW(r0, r1) "vmovaps %%zmm24, %%zmm" #r0 "\n\t" "vmovaps %%zmm25, %%zmm" #r1 "\n\t"

// One 12x32 tile, all in assembly: C[i][0..31] = start[0..31] + sum over kk of A(i, kk) * B(kk),
// with A(i, kk) at byte offset i * ars + kk * aks from `a` (so A may be row-major, ars = lda * 4
// and aks = 4, or anything else); B(kk)'s 32 columns are 16 floats at p0 and 16 at p1, both
// advancing `bks` bytes per kk (64 in a packed panel; p1 may repeat p0 where the last panel has
// no partner, those columns are then thrown away); C's rows are `ldc` bytes apart.
__attribute__((target("avx512f"))) static void tile_avx512_12x32(size_t k, const float *a, size_t ars, size_t aks,
                                                                 const float *p0, const float *p1, size_t bks,
                                                                 const float *start, float *c, size_t ldc) {
    const char *a0 = (const char *)a, *a3 = a0 + 3 * ars, *a6 = a0 + 6 * ars, *a9 = a0 + 9 * ars;
    size_t n = k;
    __asm__ volatile(
        "vmovups (%[start]), %%zmm24\n\t"
        "vmovups 64(%[start]), %%zmm25\n\t"
        START_ROW(0, 1) START_ROW(2, 3) START_ROW(4, 5) START_ROW(6, 7) START_ROW(8, 9) START_ROW(10, 11)
        START_ROW(12, 13) START_ROW(14, 15) START_ROW(16, 17) START_ROW(18, 19) START_ROW(20, 21) START_ROW(22, 23)
        "testq %[n], %[n]\n\t"
        "jz 2f\n\t"
        "1:\n\t"
        "vmovups (%[p0]), %%zmm24\n\t"
        "vmovups (%[p1]), %%zmm25\n\t"
        ROWS3("a0", 0, 1, 2, 3, 4, 5)
        ROWS3("a3", 6, 7, 8, 9, 10, 11)
        ROWS3("a6", 12, 13, 14, 15, 16, 17)
        ROWS3("a9", 18, 19, 20, 21, 22, 23)
        "addq %[aks], %[a0]\n\t"
        "addq %[aks], %[a3]\n\t"
        "addq %[aks], %[a6]\n\t"
        "addq %[aks], %[a9]\n\t"
        "addq %[bks], %[p0]\n\t"
        "addq %[bks], %[p1]\n\t"
        "decq %[n]\n\t"
        "jnz 1b\n\t"
        "2:\n\t"
        STORE_ROW(0, 1) STORE_ROW(2, 3) STORE_ROW(4, 5) STORE_ROW(6, 7) STORE_ROW(8, 9) STORE_ROW(10, 11)
        STORE_ROW(12, 13) STORE_ROW(14, 15) STORE_ROW(16, 17) STORE_ROW(18, 19) STORE_ROW(20, 21) STORE_ROW(22, 23)
        : [a0] "+r"(a0), [a3] "+r"(a3), [a6] "+r"(a6), [a9] "+r"(a9), [p0] "+r"(p0), [p1] "+r"(p1), [n] "+r"(n),
          [c] "+r"(c)
        : [ars] "r"(ars), [aks] "r"(aks), [bks] "r"(bks), [start] "r"(start), [ldc] "r"(ldc)
        : "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11",
          "xmm12", "xmm13", "xmm14", "xmm15", "xmm16", "xmm17", "xmm18", "xmm19", "xmm20", "xmm21", "xmm22",
          "xmm23", "xmm24", "xmm25", "xmm26", "xmm27", "xmm28", "memory", "cc");
}
#endif

// ---- row-wise steps, written once over 16-float vectors ----
//
// GCC/Clang vector extensions: compiled inside an AVX-512 function a v16f is one zmm register,
// inside an AVX2 one a pair of ymm registers. The bodies are always_inline so each
// instantiation below gets its caller's instruction set, at -O0 too. (Clang warns that passing a
// 64-byte vector without AVX-512 changes the calling convention; no call remains once inlined.)
#pragma clang diagnostic ignored "-Wpsabi"

typedef float v16f __attribute__((vector_size(64), aligned(4), may_alias));
typedef int v16i __attribute__((vector_size(64), aligned(4), may_alias));
#define VINLINE static inline __attribute__((always_inline))

VINLINE v16f vsplat(float x) { return (v16f){0} + x; }
VINLINE v16f vfma(v16f a, v16f b, v16f c) { return __builtin_elementwise_fma(a, b, c); }
VINLINE float vsum(v16f v) {
    float s = 0;
    for (int l = 0; l < 16; l++) s += v[l];
    return s;
}
// The first `count` lanes of p, the others `fill`; and the reverse.
VINLINE v16f vload_part(const float *p, size_t count, float fill) {
    v16f v = vsplat(fill);
    for (size_t l = 0; l < count; l++) v[l] = p[l];
    return v;
}
VINLINE void vstore_part(float *p, size_t count, v16f v) {
    for (size_t l = 0; l < count; l++) p[l] = v[l];
}

// erf(z) as z * P(z^2) / Q(z^2) on [-4, 4] (erf is +-1 to float precision beyond): the rational
// approximation used by Eigen and XLA for float, within 1e-7 of erf. libm's erff is a call per
// element and took an eighth of the encoder's time.
VINLINE v16f gelu_v(v16f v) {
    v16f z = __builtin_elementwise_min(__builtin_elementwise_max(v * 0.70710678118654752440f, vsplat(-4.0f)),
                                       vsplat(4.0f));
    v16f z2 = z * z;
    v16f p = vfma(vsplat(-2.72614225801306e-10f), z2, vsplat(2.77068142495902e-08f));
    p = vfma(p, z2, vsplat(-2.10102402082508e-06f));
    p = vfma(p, z2, vsplat(-5.69250639462346e-05f));
    p = vfma(p, z2, vsplat(-7.34990630326855e-04f));
    p = vfma(p, z2, vsplat(-2.95459980854025e-03f));
    p = vfma(p, z2, vsplat(-1.60960333262415e-02f));
    p = p * z;
    v16f q = vfma(vsplat(-1.45660718464996e-05f), z2, vsplat(-2.13374055278905e-04f));
    q = vfma(q, z2, vsplat(-1.68282697438203e-03f));
    q = vfma(q, z2, vsplat(-7.37332916720468e-03f));
    q = vfma(q, z2, vsplat(-1.42647390514189e-02f));
    return 0.5f * v * (1.0f + p / q);
}

// exp for x <= 0 (softmax after subtracting the maximum): 2^n * e^r with n = round(x log2 e),
// r = x - n ln 2 in two parts, e^r by the Cephes polynomial; within 2 ulp of expf.
VINLINE v16f exp_v(v16f x) {
    x = __builtin_elementwise_max(x, vsplat(-87.0f));
    v16f n = __builtin_elementwise_roundeven(x * 1.44269504088896341f);
    v16f r = vfma(-n, vsplat(0.693359375f), x);
    r = vfma(n, vsplat(2.12194440e-4f), r);
    v16f y = vsplat(1.9875691500e-4f);
    y = vfma(y, r, vsplat(1.3981999507e-3f));
    y = vfma(y, r, vsplat(8.3334519073e-3f));
    y = vfma(y, r, vsplat(4.1665795894e-2f));
    y = vfma(y, r, vsplat(1.6666665459e-1f));
    y = vfma(y, r, vsplat(5.0000001201e-1f));
    y = vfma(y, r * r, r + 1.0f);
    v16i bits = (__builtin_convertvector(n, v16i) + 127) << 23;
    return y * (v16f)bits;
}

VINLINE void gelu_rows_v(float *x, size_t ldx, size_t rows, size_t n) {
    for (size_t r = 0; r < rows; r++) {
        float *row = x + r * ldx;
        size_t j = 0;
        for (; j + 16 <= n; j += 16) *(v16f *)(row + j) = gelu_v(*(v16f *)(row + j));
        if (j < n) vstore_part(row + j, n - j, gelu_v(vload_part(row + j, n - j, 0)));
    }
}

// row = exp(row - max(row)), returning the sum: softmax but for the division, which attention
// applies to its 32-column outputs instead of to every score.
VINLINE float exp_row_v(float *row, size_t len) {
    v16f vmax = vsplat(-INFINITY);
    size_t j = 0;
    for (; j + 16 <= len; j += 16) vmax = __builtin_elementwise_max(vmax, *(v16f *)(row + j));
    size_t tail = len - j;
    if (tail) vmax = __builtin_elementwise_max(vmax, vload_part(row + j, tail, -INFINITY));
    float mx = __builtin_reduce_max(vmax);
    v16f acc = vsplat(0);
    for (j = 0; j + 16 <= len; j += 16) {
        v16f e = exp_v(*(v16f *)(row + j) - mx);
        *(v16f *)(row + j) = e;
        acc += e;
    }
    float sum = vsum(acc);
    if (tail) {
        // Padding lanes hold the maximum, so exp gives 1 there; only the real lanes are summed.
        v16f e = exp_v(vload_part(row + j, tail, mx) - mx);
        vstore_part(row + j, tail, e);
        for (size_t l = 0; l < tail; l++) sum += e[l];
    }
    return sum;
}

VINLINE void scale_rows_v(float *x, size_t ldx, size_t rows, size_t n, const float *factors) {
    for (size_t r = 0; r < rows; r++) {
        float *row = x + r * ldx;
        size_t j = 0;
        for (; j + 16 <= n; j += 16) *(v16f *)(row + j) *= factors[r];
        for (; j < n; j++) row[j] *= factors[r];
    }
}

VINLINE void softmax_row_v(float *row, size_t len) {
    float inv = 1.0f / exp_row_v(row, len);
    scale_rows_v(row, len, 1, len, &inv);
}

VINLINE void layernorm_rows_v(float *x, size_t ldx, const float *residual, size_t ldr, size_t rows, size_t n,
                              const float *gamma, const float *beta, float eps) {
    for (size_t r = 0; r < rows; r++) {
        float *row = x + r * ldx;
        size_t j;
        if (residual) {
            const float *res = residual + r * ldr;
            for (j = 0; j + 16 <= n; j += 16) *(v16f *)(row + j) += *(const v16f *)(res + j);
            for (; j < n; j++) row[j] += res[j];
        }
        v16f s = vsplat(0);
        for (j = 0; j + 16 <= n; j += 16) s += *(v16f *)(row + j);
        double sum = vsum(s);
        for (; j < n; j++) sum += row[j];
        float mean = (float)(sum / (double)n);
        v16f q = vsplat(0);
        for (j = 0; j + 16 <= n; j += 16) {
            v16f d = *(v16f *)(row + j) - mean;
            q = vfma(d, d, q);
        }
        double var = vsum(q);
        for (; j < n; j++) var += (double)(row[j] - mean) * (row[j] - mean);
        float inv = (float)(1.0 / sqrt(var / (double)n + (double)eps));
        for (j = 0; j + 16 <= n; j += 16) {
            v16f y = (*(v16f *)(row + j) - mean) * inv;
            *(v16f *)(row + j) = vfma(y, *(const v16f *)(gamma + j), *(const v16f *)(beta + j));
        }
        for (; j < n; j++) row[j] = (row[j] - mean) * inv * gamma[j] + beta[j];
    }
}

// ---- portable versions of the same steps ----

static void gelu_rows_scalar(float *x, size_t ldx, size_t rows, size_t n) {
    const float s = 0.70710678118654752440f;
    for (size_t r = 0; r < rows; r++)
        for (size_t j = 0; j < n; j++) x[r * ldx + j] = 0.5f * x[r * ldx + j] * (1.0f + erff(x[r * ldx + j] * s));
}

static void softmax_row_scalar(float *row, size_t len) {
    float mx = row[0];
    for (size_t j = 1; j < len; j++) mx = row[j] > mx ? row[j] : mx;
    float sum = 0;
    for (size_t j = 0; j < len; j++) {
        row[j] = expf(row[j] - mx);
        sum += row[j];
    }
    float inv = 1.0f / sum;
    for (size_t j = 0; j < len; j++) row[j] *= inv;
}

// Statistics in double.
static void layernorm_rows_scalar(float *x, size_t ldx, const float *residual, size_t ldr, size_t rows, size_t n,
                                  const float *gamma, const float *beta, float eps) {
    for (size_t r = 0; r < rows; r++) {
        float *row = x + r * ldx;
        if (residual) {
            const float *res = residual + r * ldr;
            for (size_t j = 0; j < n; j++) row[j] += res[j];
        }
        double sum = 0;
        for (size_t j = 0; j < n; j++) sum += row[j];
        double mean = sum / (double)n;
        double var = 0;
        for (size_t j = 0; j < n; j++) {
            double d = row[j] - mean;
            var += d * d;
        }
        var /= (double)n;
        float inv = (float)(1.0 / sqrt(var + (double)eps));
        float fm = (float)mean;
        for (size_t j = 0; j < n; j++) row[j] = (row[j] - fm) * inv * gamma[j] + beta[j];
    }
}

#ifdef CLIO_X86
#define ROW_STEPS(ISA, TARGET)                                                                      \
    __attribute__((target(TARGET), unused)) static void gelu_rows_##ISA(float *x, size_t ldx, size_t rows, size_t n) { \
        gelu_rows_v(x, ldx, rows, n);                                                               \
    }                                                                                               \
    __attribute__((target(TARGET), unused)) static void softmax_row_##ISA(float *row, size_t len) {         \
        softmax_row_v(row, len);                                                                    \
    }                                                                                               \
    __attribute__((target(TARGET), unused)) static float exp_row_##ISA(float *row, size_t len) {            \
        return exp_row_v(row, len);                                                                 \
    }                                                                                               \
    __attribute__((target(TARGET), unused)) static void scale_rows_##ISA(float *x, size_t ldx, size_t rows, size_t n, \
                                                                 const float *factors) {            \
        scale_rows_v(x, ldx, rows, n, factors);                                                     \
    }                                                                                               \
    __attribute__((target(TARGET), unused)) static void layernorm_rows_##ISA(                               \
        float *x, size_t ldx, const float *residual, size_t ldr, size_t rows, size_t n, const float *gamma, \
        const float *beta, float eps) {                                                             \
        layernorm_rows_v(x, ldx, residual, ldr, rows, n, gamma, beta, eps);                         \
    }
ROW_STEPS(avx2, "avx2,fma")
ROW_STEPS(avx512, "avx512f,fma")
#endif

static void gelu_rows(int isa, float *x, size_t ldx, size_t rows, size_t n) {
#ifdef CLIO_X86
    if (isa >= CLIO_ISA_AVX512) return gelu_rows_avx512(x, ldx, rows, n);
    if (isa >= CLIO_ISA_AVX2) return gelu_rows_avx2(x, ldx, rows, n);
#endif
    gelu_rows_scalar(x, ldx, rows, n);
}

static void softmax_row(int isa, float *row, size_t len) {
#ifdef CLIO_X86
    if (isa >= CLIO_ISA_AVX512) return softmax_row_avx512(row, len);
    if (isa >= CLIO_ISA_AVX2) return softmax_row_avx2(row, len);
#endif
    softmax_row_scalar(row, len);
}

static void layernorm_rows(int isa, float *x, size_t ldx, const float *residual, size_t ldr, size_t rows, size_t n,
                           const float *gamma, const float *beta, float eps) {
#ifdef CLIO_X86
    if (isa >= CLIO_ISA_AVX512) return layernorm_rows_avx512(x, ldx, residual, ldr, rows, n, gamma, beta, eps);
    if (isa >= CLIO_ISA_AVX2) return layernorm_rows_avx2(x, ldx, residual, ldr, rows, n, gamma, beta, eps);
#endif
    layernorm_rows_scalar(x, ldx, residual, ldr, rows, n, gamma, beta, eps);
}

// ---- dispatch ----

static int cpu_isa_state = -1;

static int cpu_isa(void) {
#ifdef CLIO_X86
    // Threads may race to fill it in; they all write the same value, atomically.
    int state = __atomic_load_n(&cpu_isa_state, __ATOMIC_RELAXED);
    if (state < 0) {
        __builtin_cpu_init();
        state = CLIO_ISA_SCALAR;
        if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) state = CLIO_ISA_AVX2;
        if (state == CLIO_ISA_AVX2 && __builtin_cpu_supports("avx512f")) state = CLIO_ISA_AVX512;
        const char *want = getenv("CLIO_KERNEL_ISA");
        if (want && strcmp(want, "scalar") == 0) state = CLIO_ISA_SCALAR;
        if (want && strcmp(want, "avx2") == 0 && state > CLIO_ISA_AVX2) state = CLIO_ISA_AVX2;
        __atomic_store_n(&cpu_isa_state, state, __ATOMIC_RELAXED);
    }
    return state;
#else
    return CLIO_ISA_SCALAR;
#endif
}

int clio_kernels_isa(void) { return cpu_isa(); }

// The instruction set a call runs: the one asked for, never more than the CPU has.
static int effective_isa(int isa) {
    int best = cpu_isa();
    return isa < 0 || isa > best ? best : isa;
}

size_t clio_gemm_row_tile(int isa) { return effective_isa(isa) >= CLIO_ISA_AVX512 ? MR5 : MR; }

// ---- GEMM drivers ----

static void apply_epilogue(int isa, const clio_epilogue *ep, float *c, size_t ldc, size_t row0, size_t rows,
                           size_t n) {
    if (!ep || rows == 0) return;
    if (ep->kind == CLIO_EPILOGUE_GELU) gelu_rows(isa, c + row0 * ldc, ldc, rows, n);
    if (ep->kind == CLIO_EPILOGUE_RESIDUAL_LAYERNORM)
        layernorm_rows(isa, c + row0 * ldc, ldc, ep->residual + row0 * ep->ldr, ep->ldr, rows, n, ep->gamma,
                       ep->beta, ep->eps);
}

// Scalar and AVX2: 6x16 tiles, epilogue per block of rows.
static void gemm_6x16(int isa, size_t m, size_t n, size_t k, const float *a, size_t lda, const float *packed,
                      const float *bias, float *c, size_t ldc, const clio_epilogue *ep) {
    size_t panels = (n + NR - 1) / NR;
    // Rows in blocks that keep the A rows of one block in L2 while every panel passes over them.
    const size_t block = 48;
    for (size_t r0 = 0; r0 < m; r0 += block) {
        size_t r1 = r0 + block < m ? r0 + block : m;
        for (size_t p = 0; p < panels; p++) {
            size_t nr = n - p * NR < NR ? n - p * NR : NR;
            const float *panel = packed + p * NR * k;
            const float *pb = bias ? bias + p * NR : NULL;
            for (size_t i = r0; i < r1; i += MR) {
                size_t mr = r1 - i < MR ? r1 - i : MR;
#ifdef CLIO_X86
                if (isa >= CLIO_ISA_AVX2 && mr == MR && nr == NR) {
                    tile_avx2_6x16(k, a + i * lda, lda, panel, pb, c + i * ldc + p * NR, ldc);
                    continue;
                }
                if (isa >= CLIO_ISA_AVX2) {
                    avx2_tiles[mr](nr, k, a + i * lda, lda, panel, pb, c + i * ldc + p * NR, ldc);
                    continue;
                }
#endif
                tile_scalar(mr, nr, k, a + i * lda, lda, panel, pb, c + i * ldc + p * NR, ldc);
            }
        }
        apply_epilogue(isa, ep, c, ldc, r0, r1 - r0, n);
    }
}

#ifdef CLIO_X86
// AVX-512: 12x32 tiles. A call of fewer than 12 rows copies them into a zero-padded block;
// otherwise a last partial tile is moved up to end at row m, recomputing (identically) a few
// rows of the tile before it, so every tile reads 12 real rows of A.
static void gemm_12x32(size_t m, size_t n, size_t k, const float *a, size_t lda, const float *packed,
                       const float *bias, float *c, size_t ldc, const clio_epilogue *ep) {
    size_t panels = (n + NR - 1) / NR, pairs = (panels + 1) / 2;
    float *padded = NULL;
    if (m < MR5) {
        padded = calloc(MR5 * (k ? k : 1), sizeof(float));
        for (size_t i = 0; i < m; i++) memcpy(padded + i * k, a + i * lda, k * sizeof(float));
        a = padded;
        lda = k;
    }
    const size_t ars = lda * sizeof(float);
    // Row blocks sized so a block's A rows (and one pair of panels) stay in L2.
    size_t block = (192 * 1024 / ((k ? k : 1) * sizeof(float))) / MR5 * MR5;
    block = block < MR5 ? MR5 : block > 16 * MR5 ? 16 * MR5 : block;
    float zeros[NR5] = {0}, start[NR5], tile[MR5 * NR5];
    for (size_t r0 = 0; r0 < m; r0 += block) {
        size_t r1 = r0 + block < m ? r0 + block : m;
        size_t written = r0;  // first row this block writes (the moved-up last tile may start earlier)
        for (size_t q = 0; q < pairs; q++) {
            const float *p0 = packed + 2 * q * NR * k;
            const float *p1 = 2 * q + 1 < panels ? p0 + NR * k : p0;
            size_t cols = n - q * NR5 < NR5 ? n - q * NR5 : NR5;
            const float *s = zeros;
            if (bias && cols == NR5) {
                s = bias + q * NR5;
            } else if (bias) {
                memset(start, 0, sizeof start);
                memcpy(start, bias + q * NR5, cols * sizeof(float));
                s = start;
            }
            for (size_t i = r0; i < r1; i += MR5) {
                size_t top = m < MR5 ? 0 : i + MR5 <= m ? i : m - MR5;
                size_t rows = m - top < MR5 ? m - top : MR5;
                if (top < written) written = top;
                float *out = c + top * ldc + q * NR5;
                if (rows == MR5 && cols == NR5) {
                    tile_avx512_12x32(k, a + top * lda, ars, sizeof(float), p0, p1, PANEL_STEP, s, out, ldc * sizeof(float));
                } else {
                    tile_avx512_12x32(k, a + top * lda, ars, sizeof(float), p0, p1, PANEL_STEP, s, tile, sizeof(float) * NR5);
                    for (size_t r = 0; r < rows; r++) memcpy(out + r * ldc, tile + r * NR5, cols * sizeof(float));
                }
                if (ep && ep->kind == CLIO_EPILOGUE_GELU) gelu_rows_avx512(out, ldc, rows, cols);
            }
        }
        if (ep && ep->kind == CLIO_EPILOGUE_RESIDUAL_LAYERNORM) apply_epilogue(CLIO_ISA_AVX512, ep, c, ldc, written, r1 - written, n);
    }
    free(padded);
}
#endif

void clio_gemm_fused(int isa, size_t m, size_t n, size_t k, const float *a, size_t lda, const float *packed,
                     const float *bias, float *c, size_t ldc, const clio_epilogue *epilogue) {
    if (m == 0 || n == 0) return;
    isa = effective_isa(isa);
#ifdef CLIO_X86
    if (isa >= CLIO_ISA_AVX512) return gemm_12x32(m, n, k, a, lda, packed, bias, c, ldc, epilogue);
#endif
    gemm_6x16(isa, m, n, k, a, lda, packed, bias, c, ldc, epilogue);
}

void clio_gemm(size_t m, size_t n, size_t k, const float *a, size_t lda, const float *packed,
               const float *bias, float *c, size_t ldc) {
    clio_gemm_fused(CLIO_ISA_AUTO, m, n, k, a, lda, packed, bias, c, ldc, NULL);
}

void clio_layernorm(float *x, const float *residual, size_t rows, size_t n, const float *gamma,
                    const float *beta, float eps) {
    layernorm_rows(cpu_isa(), x, n, residual, n, rows, n, gamma, beta, eps);
}

void clio_gelu(float *x, size_t count) { gelu_rows(cpu_isa(), x, count, 1, count); }

// ---- attention ----

// Key panels of the score product, rounded up to whole pairs (AVX-512 computes 32 keys at once).
static size_t score_width(size_t len) { return (((len + NR - 1) / NR + 1) / 2) * NR5; }

size_t clio_attention_scratch(size_t len, size_t dim) {
    size_t packed = clio_gemm_packed_size(dim, len) + clio_gemm_packed_size(len, dim);
    // 6x16 paths: every row of scores. AVX-512: 12 rows of scores, a 12-row block of queries, a
    // tile and 12 row sums.
    size_t rows = len * len, fused = MR5 * score_width(len) + MR5 * dim + MR5 * NR5 + MR5;
    return packed + (rows > fused ? rows : fused);
}

#ifdef CLIO_X86
// For each block of 12 queries: their scores against every key (12 x len, in L1), exp, times V,
// each output row divided by its sum of exps. V is read in place when its rows are whole panels
// wide, else packed (`pv`). A block of fewer than 12 queries is copied into zero-padded rows; a
// last partial block is moved up to end at the last query, as in gemm_12x32.
static void attention_12x32(size_t len, size_t dim, const float *q, const float *v, size_t ld, const float *pk,
                            const float *pv, float *out, size_t ldo, float *scratch) {
    size_t kpanels = (len + NR - 1) / NR, vpanels = (dim + NR - 1) / NR;
    size_t width = score_width(len);
    float *scores = scratch, *padded = scores + MR5 * width, *tile = padded + MR5 * dim, *inv = tile + MR5 * NR5;
    const float zeros[NR5] = {0};
    int in_place = dim % NR == 0;
    size_t vstep = in_place ? ld * sizeof(float) : PANEL_STEP;
    size_t ldq = ld;
    if (len < MR5) {
        memset(padded, 0, MR5 * dim * sizeof(float));
        for (size_t i = 0; i < len; i++) memcpy(padded + i * dim, q + i * ld, dim * sizeof(float));
        q = padded;
        ldq = dim;
    }
    for (size_t i = 0; i < len; i += MR5) {
        size_t top = len < MR5 ? 0 : i + MR5 <= len ? i : len - MR5;
        size_t rows = len - top < MR5 ? len - top : MR5;
        for (size_t p = 0; p < kpanels; p += 2) {
            const float *p0 = pk + p * NR * dim, *p1 = p + 1 < kpanels ? p0 + NR * dim : p0;
            tile_avx512_12x32(dim, q + top * ldq, ldq * sizeof(float), sizeof(float), p0, p1, PANEL_STEP, zeros,
                              scores + p * NR, width * sizeof(float));
        }
        // All 12 rows, so the padding rows of a short sequence hold numbers too (they are dropped).
        for (size_t r = 0; r < MR5; r++) inv[r] = 1.0f / exp_row_avx512(scores + r * width, len);
        for (size_t p = 0; p < vpanels; p += 2) {
            const float *p0 = in_place ? v + p * NR : pv + p * NR * len;
            const float *p1 = p + 1 < vpanels ? p0 + (in_place ? NR : NR * len) : p0;
            size_t cols = dim - p * NR < NR5 ? dim - p * NR : NR5;
            float *dst = out + top * ldo + p * NR;
            if (rows == MR5 && cols == NR5) {
                tile_avx512_12x32(len, scores, width * sizeof(float), sizeof(float), p0, p1, vstep, zeros, dst,
                                  ldo * sizeof(float));
                scale_rows_avx512(dst, ldo, MR5, NR5, inv);
            } else {
                tile_avx512_12x32(len, scores, width * sizeof(float), sizeof(float), p0, p1, vstep, zeros, tile,
                                  NR5 * sizeof(float));
                scale_rows_avx512(tile, NR5, rows, cols, inv);
                for (size_t r = 0; r < rows; r++) memcpy(dst + r * ldo, tile + r * NR5, cols * sizeof(float));
            }
        }
    }
}
#endif

void clio_attention(int isa, size_t len, size_t dim, const float *q, const float *k, const float *v, size_t ld,
                    float *out, size_t ldo, float *scratch) {
    if (len == 0) return;
    isa = effective_isa(isa);
    float *pk = scratch;
    float *pv = pk + clio_gemm_packed_size(dim, len);
    float *rest = pv + clio_gemm_packed_size(len, dim);
    clio_gemm_pack_bt(k, ld, len, dim, pk);
#ifdef CLIO_X86
    if (isa >= CLIO_ISA_AVX512) {
        if (dim % NR) clio_gemm_pack_b(v, ld, len, dim, pv);
        return attention_12x32(len, dim, q, v, ld, pk, pv, out, ldo, rest);
    }
#endif
    clio_gemm_pack_b(v, ld, len, dim, pv);
    clio_gemm_fused(isa, len, len, dim, q, ld, pk, NULL, rest, len, NULL);
    for (size_t i = 0; i < len; i++) softmax_row(isa, rest + i * len, len);
    clio_gemm_fused(isa, len, dim, len, rest, len, pv, NULL, out, ldo, NULL);
}
