// Kernels for the MiniLM encoder. See clio_gemm.h.
//
// The GEMM packs B into panels of CLIO_GEMM_NR (16) columns, each panel k rows deep and
// contiguous, and computes C in 6x16 tiles held in twelve AVX registers; A is read in place,
// one broadcast per row and k. Weights are packed once at load time, so the packing cost only
// matters for attention, where the panels are small.
#include "clio_gemm.h"
#include <math.h>
#include <string.h>
#include <stdint.h>

#if defined(__x86_64__) || defined(__i386__)
#define CLIO_X86 1
#include <immintrin.h>
#endif

#define NR CLIO_GEMM_NR
#define MR 6

size_t clio_gemm_packed_size(size_t k, size_t n) { return ((n + NR - 1) / NR) * NR * k; }

void clio_gemm_pack_bt(const float *bt, size_t ldb, size_t n, size_t k, float *packed) {
    size_t panels = (n + NR - 1) / NR;
    for (size_t p = 0; p < panels; p++) {
        float *dst = packed + p * NR * k;
        for (size_t kk = 0; kk < k; kk++) {
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
#endif

static int avx2_state = -1;

int clio_gemm_uses_avx2(void) {
#ifdef CLIO_X86
    // Threads may race to fill it in; they all write the same value, atomically.
    int state = __atomic_load_n(&avx2_state, __ATOMIC_RELAXED);
    if (state < 0) {
        __builtin_cpu_init();
        state = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? 1 : 0;
        __atomic_store_n(&avx2_state, state, __ATOMIC_RELAXED);
    }
    return state;
#else
    return 0;
#endif
}

static void gemm(int fast, size_t m, size_t n, size_t k, const float *a, size_t lda, const float *packed,
                 const float *bias, float *c, size_t ldc);

void clio_gemm(size_t m, size_t n, size_t k, const float *a, size_t lda, const float *packed,
               const float *bias, float *c, size_t ldc) {
    gemm(clio_gemm_uses_avx2(), m, n, k, a, lda, packed, bias, c, ldc);
}

void clio_gemm_scalar(size_t m, size_t n, size_t k, const float *a, size_t lda, const float *packed,
                      const float *bias, float *c, size_t ldc) {
    gemm(0, m, n, k, a, lda, packed, bias, c, ldc);
}

static void gemm(int fast, size_t m, size_t n, size_t k, const float *a, size_t lda, const float *packed,
                 const float *bias, float *c, size_t ldc) {
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
                if (fast && mr == MR && nr == NR) {
                    tile_avx2_6x16(k, a + i * lda, lda, panel, pb, c + i * ldc + p * NR, ldc);
                    continue;
                }
                if (fast) {
                    avx2_tiles[mr](nr, k, a + i * lda, lda, panel, pb, c + i * ldc + p * NR, ldc);
                    continue;
                }
#endif
                (void)fast;
                tile_scalar(mr, nr, k, a + i * lda, lda, panel, pb, c + i * ldc + p * NR, ldc);
            }
        }
    }
}

void clio_layernorm(float *x, const float *residual, size_t rows, size_t n, const float *gamma,
                    const float *beta, float eps) {
    for (size_t r = 0; r < rows; r++) {
        float *row = x + r * n;
        if (residual) {
            const float *res = residual + r * n;
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
// erf as x * P(x^2) / Q(x^2) on [-4, 4] (erf is +-1 to float precision beyond): the rational
// approximation used by Eigen and XLA for float, within 1e-7 of erf. libm's erff is a call per
// element and took an eighth of the encoder's time.
__attribute__((target("avx2,fma"))) static void gelu_avx2(float *x, size_t count) {
    const __m256 lo = _mm256_set1_ps(-4.0f), hi = _mm256_set1_ps(4.0f);
    const __m256 a0 = _mm256_set1_ps(-2.72614225801306e-10f), a1 = _mm256_set1_ps(2.77068142495902e-08f),
                 a2 = _mm256_set1_ps(-2.10102402082508e-06f), a3 = _mm256_set1_ps(-5.69250639462346e-05f),
                 a4 = _mm256_set1_ps(-7.34990630326855e-04f), a5 = _mm256_set1_ps(-2.95459980854025e-03f),
                 a6 = _mm256_set1_ps(-1.60960333262415e-02f);
    const __m256 b0 = _mm256_set1_ps(-1.45660718464996e-05f), b1 = _mm256_set1_ps(-2.13374055278905e-04f),
                 b2 = _mm256_set1_ps(-1.68282697438203e-03f), b3 = _mm256_set1_ps(-7.37332916720468e-03f),
                 b4 = _mm256_set1_ps(-1.42647390514189e-02f);
    const __m256 scale = _mm256_set1_ps(0.70710678118654752440f), half = _mm256_set1_ps(0.5f),
                 one = _mm256_set1_ps(1.0f);
    size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        __m256 v = _mm256_loadu_ps(x + i);
        __m256 z = _mm256_min_ps(_mm256_max_ps(_mm256_mul_ps(v, scale), lo), hi);
        __m256 z2 = _mm256_mul_ps(z, z);
        __m256 p = _mm256_fmadd_ps(a0, z2, a1);
        p = _mm256_fmadd_ps(p, z2, a2);
        p = _mm256_fmadd_ps(p, z2, a3);
        p = _mm256_fmadd_ps(p, z2, a4);
        p = _mm256_fmadd_ps(p, z2, a5);
        p = _mm256_fmadd_ps(p, z2, a6);
        p = _mm256_mul_ps(p, z);
        __m256 q = _mm256_fmadd_ps(b0, z2, b1);
        q = _mm256_fmadd_ps(q, z2, b2);
        q = _mm256_fmadd_ps(q, z2, b3);
        q = _mm256_fmadd_ps(q, z2, b4);
        __m256 erf = _mm256_div_ps(p, q);
        _mm256_storeu_ps(x + i, _mm256_mul_ps(_mm256_mul_ps(half, v), _mm256_add_ps(one, erf)));
    }
    for (; i < count; i++) x[i] = 0.5f * x[i] * (1.0f + erff(x[i] * 0.70710678118654752440f));
}
#endif

void clio_gelu(float *x, size_t count) {
#ifdef CLIO_X86
    if (clio_gemm_uses_avx2()) {
        gelu_avx2(x, count);
        return;
    }
#endif
    const float s = 0.70710678118654752440f;
    for (size_t i = 0; i < count; i++) x[i] = 0.5f * x[i] * (1.0f + erff(x[i] * s));
}

#ifdef CLIO_X86
// exp for x <= 0 (softmax after subtracting the maximum): 2^n * e^r with n = round(x log2 e),
// r = x - n ln 2 in two parts, e^r by the Cephes polynomial; within 2 ulp of expf.
__attribute__((target("avx2,fma"))) static inline __m256 exp_avx2(__m256 x) {
    x = _mm256_max_ps(x, _mm256_set1_ps(-87.0f));
    __m256 n = _mm256_round_ps(_mm256_mul_ps(x, _mm256_set1_ps(1.44269504088896341f)),
                               _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), x);
    r = _mm256_fnmadd_ps(n, _mm256_set1_ps(-2.12194440e-4f), r);
    __m256 y = _mm256_set1_ps(1.9875691500e-4f);
    y = _mm256_fmadd_ps(y, r, _mm256_set1_ps(1.3981999507e-3f));
    y = _mm256_fmadd_ps(y, r, _mm256_set1_ps(8.3334519073e-3f));
    y = _mm256_fmadd_ps(y, r, _mm256_set1_ps(4.1665795894e-2f));
    y = _mm256_fmadd_ps(y, r, _mm256_set1_ps(1.6666665459e-1f));
    y = _mm256_fmadd_ps(y, r, _mm256_set1_ps(5.0000001201e-1f));
    y = _mm256_fmadd_ps(y, _mm256_mul_ps(r, r), _mm256_add_ps(r, _mm256_set1_ps(1.0f)));
    __m256i bits = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
    return _mm256_mul_ps(y, _mm256_castsi256_ps(bits));
}

__attribute__((target("avx2,fma"))) static void softmax_avx2(float *row, size_t len) {
    float mx = row[0];
    for (size_t j = 1; j < len; j++) mx = row[j] > mx ? row[j] : mx;
    __m256 vmax = _mm256_set1_ps(mx), vsum = _mm256_setzero_ps();
    size_t j = 0;
    for (; j + 8 <= len; j += 8) {
        __m256 e = exp_avx2(_mm256_sub_ps(_mm256_loadu_ps(row + j), vmax));
        _mm256_storeu_ps(row + j, e);
        vsum = _mm256_add_ps(vsum, e);
    }
    float lanes[8];
    _mm256_storeu_ps(lanes, vsum);
    float sum = 0;
    for (int l = 0; l < 8; l++) sum += lanes[l];
    for (; j < len; j++) {
        row[j] = expf(row[j] - mx);
        sum += row[j];
    }
    __m256 inv = _mm256_set1_ps(1.0f / sum);
    j = 0;
    for (; j + 8 <= len; j += 8) _mm256_storeu_ps(row + j, _mm256_mul_ps(_mm256_loadu_ps(row + j), inv));
    for (; j < len; j++) row[j] *= 1.0f / sum;
}
#endif

size_t clio_attention_scratch(size_t len, size_t dim) {
    // Packed K^T (dim x len), packed V (len x dim), one row of scores per query.
    return clio_gemm_packed_size(dim, len) + clio_gemm_packed_size(len, dim) + len * len;
}

void clio_attention(size_t len, size_t dim, const float *q, const float *k, const float *v, size_t ld,
                    float *out, size_t ldo, float *scratch) {
    float *pk = scratch;
    float *pv = pk + clio_gemm_packed_size(dim, len);
    float *scores = pv + clio_gemm_packed_size(len, dim);
    clio_gemm_pack_bt(k, ld, len, dim, pk);
    clio_gemm_pack_b(v, ld, len, dim, pv);
    clio_gemm(len, len, dim, q, ld, pk, NULL, scores, len);
    for (size_t i = 0; i < len; i++) {
        float *row = scores + i * len;
#ifdef CLIO_X86
        if (clio_gemm_uses_avx2()) {
            softmax_avx2(row, len);
            continue;
        }
#endif
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
    clio_gemm(len, dim, len, scores, len, pv, NULL, out, ldo);
}
