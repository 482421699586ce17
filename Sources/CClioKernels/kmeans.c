#include "CClioKernels.h"
#include <math.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define CLIO_X86 1
#endif

// Point block and centre block of clio_nearest: 32 × 256 dot products (32 KiB) on the stack,
// so a block of centres stays in L2 while the points of the block stream past it.
#define NEAR_ROWS 32
#define NEAR_COLS 256

static int forced_scalar = 0;

#ifdef CLIO_X86
static int cpu_has_avx2(void) {
    static int cached = -1;
    if (cached < 0) cached = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    return cached;
}
#else
static int cpu_has_avx2(void) { return 0; }
#endif

int clio_kmeans_simd_level(void) { return !forced_scalar && cpu_has_avx2(); }
void clio_kmeans_force_scalar(int on) { forced_scalar = on; }

// ---------------------------------------------------------------------------------------------
// Portable versions. Each dot sums in 8 lanes, like the AVX2 version, so results agree closely.

static float dot_scalar(const float *a, const float *b, size_t d) {
    float acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    size_t t = 0;
    for (; t + 8 <= d; t += 8)
        for (int l = 0; l < 8; l++) acc[l] += a[t + l] * b[t + l];
    float s = ((acc[0] + acc[4]) + (acc[2] + acc[6])) + ((acc[1] + acc[5]) + (acc[3] + acc[7]));
    for (; t < d; t++) s += a[t] * b[t];
    return s;
}

static void dots_scalar(const float *const *xr, size_t m, const float *c, size_t k, size_t d,
                        float *out, size_t ldo) {
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < k; j++) out[i * ldo + j] = dot_scalar(xr[i], c + j * d, d);
}

// ---------------------------------------------------------------------------------------------
// AVX2/FMA versions.

#ifdef CLIO_X86
__attribute__((target("avx2,fma"))) static inline float hsum8(__m256 v) {
    __m128 lo = _mm256_castps256_ps128(v);
    __m128 hi = _mm256_extractf128_ps(v, 1);
    lo = _mm_add_ps(lo, hi);
    __m128 sh = _mm_movehdup_ps(lo);
    lo = _mm_add_ps(lo, sh);
    sh = _mm_movehl_ps(sh, lo);
    lo = _mm_add_ss(lo, sh);
    return _mm_cvtss_f32(lo);
}

__attribute__((target("avx2,fma"))) static float dot_avx2(const float *a, const float *b, size_t d) {
    __m256 s0 = _mm256_setzero_ps(), s1 = _mm256_setzero_ps();
    size_t t = 0;
    for (; t + 16 <= d; t += 16) {
        s0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + t), _mm256_loadu_ps(b + t), s0);
        s1 = _mm256_fmadd_ps(_mm256_loadu_ps(a + t + 8), _mm256_loadu_ps(b + t + 8), s1);
    }
    if (t + 8 <= d) {
        s0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + t), _mm256_loadu_ps(b + t), s0);
        t += 8;
    }
    float s = hsum8(_mm256_add_ps(s0, s1));
    for (; t < d; t++) s += a[t] * b[t];
    return s;
}

// 4 points × 3 centres per inner loop: 12 accumulators + 3 centre rows + 1 point row = 16 ymm.
__attribute__((target("avx2,fma"))) static void dots_avx2(const float *const *xr, size_t m, const float *c,
                                                          size_t k, size_t d, float *out, size_t ldo) {
    const size_t d8 = d & ~(size_t)7;
    size_t i = 0;
    for (; i + 4 <= m; i += 4) {
        const float *x0 = xr[i], *x1 = xr[i + 1], *x2 = xr[i + 2], *x3 = xr[i + 3];
        size_t j = 0;
        for (; j + 3 <= k; j += 3) {
            const float *c0 = c + j * d, *c1 = c0 + d, *c2 = c1 + d;
            __m256 a00 = _mm256_setzero_ps(), a01 = _mm256_setzero_ps(), a02 = _mm256_setzero_ps();
            __m256 a10 = _mm256_setzero_ps(), a11 = _mm256_setzero_ps(), a12 = _mm256_setzero_ps();
            __m256 a20 = _mm256_setzero_ps(), a21 = _mm256_setzero_ps(), a22 = _mm256_setzero_ps();
            __m256 a30 = _mm256_setzero_ps(), a31 = _mm256_setzero_ps(), a32 = _mm256_setzero_ps();
            for (size_t t = 0; t < d8; t += 8) {
                __m256 v0 = _mm256_loadu_ps(c0 + t), v1 = _mm256_loadu_ps(c1 + t), v2 = _mm256_loadu_ps(c2 + t);
                __m256 p = _mm256_loadu_ps(x0 + t);
                a00 = _mm256_fmadd_ps(p, v0, a00); a01 = _mm256_fmadd_ps(p, v1, a01); a02 = _mm256_fmadd_ps(p, v2, a02);
                p = _mm256_loadu_ps(x1 + t);
                a10 = _mm256_fmadd_ps(p, v0, a10); a11 = _mm256_fmadd_ps(p, v1, a11); a12 = _mm256_fmadd_ps(p, v2, a12);
                p = _mm256_loadu_ps(x2 + t);
                a20 = _mm256_fmadd_ps(p, v0, a20); a21 = _mm256_fmadd_ps(p, v1, a21); a22 = _mm256_fmadd_ps(p, v2, a22);
                p = _mm256_loadu_ps(x3 + t);
                a30 = _mm256_fmadd_ps(p, v0, a30); a31 = _mm256_fmadd_ps(p, v1, a31); a32 = _mm256_fmadd_ps(p, v2, a32);
            }
            float r[12] = {hsum8(a00), hsum8(a01), hsum8(a02), hsum8(a10), hsum8(a11), hsum8(a12),
                           hsum8(a20), hsum8(a21), hsum8(a22), hsum8(a30), hsum8(a31), hsum8(a32)};
            for (size_t t = d8; t < d; t++) {
                const float *xs[4] = {x0, x1, x2, x3};
                for (int u = 0; u < 4; u++) {
                    r[u * 3 + 0] += xs[u][t] * c0[t];
                    r[u * 3 + 1] += xs[u][t] * c1[t];
                    r[u * 3 + 2] += xs[u][t] * c2[t];
                }
            }
            for (int u = 0; u < 4; u++)
                for (int v = 0; v < 3; v++) out[(i + u) * ldo + j + v] = r[u * 3 + v];
        }
        for (; j < k; j++) {
            const float *c0 = c + j * d;
            out[(i + 0) * ldo + j] = dot_avx2(x0, c0, d);
            out[(i + 1) * ldo + j] = dot_avx2(x1, c0, d);
            out[(i + 2) * ldo + j] = dot_avx2(x2, c0, d);
            out[(i + 3) * ldo + j] = dot_avx2(x3, c0, d);
        }
    }
    for (; i < m; i++)
        for (size_t j = 0; j < k; j++) out[i * ldo + j] = dot_avx2(xr[i], c + j * d, d);
}
#endif

// ---------------------------------------------------------------------------------------------
// Dispatch.

float clio_dot(const float *a, const float *b, size_t d) {
#ifdef CLIO_X86
    if (clio_kmeans_simd_level()) return dot_avx2(a, b, d);
#endif
    return dot_scalar(a, b, d);
}

static void dots(const float *const *xr, size_t m, const float *c, size_t k, size_t d, float *out, size_t ldo) {
#ifdef CLIO_X86
    if (clio_kmeans_simd_level()) {
        dots_avx2(xr, m, c, k, d, out, ldo);
        return;
    }
#endif
    dots_scalar(xr, m, c, k, d, out, ldo);
}

float clio_sqdist(const float *a, const float *b, size_t d) {
    double s = 0;
    for (size_t t = 0; t < d; t++) {
        double v = (double)a[t] - (double)b[t];
        s += v * v;
    }
    return (float)s;
}

void clio_row_sqnorms(const float *x, size_t n, size_t d, float *out) {
    for (size_t i = 0; i < n; i++) out[i] = clio_dot(x + i * d, x + i * d, d);
}

void clio_nearest(const float *x, const float *xnorm, const int32_t *rows, size_t m, size_t d,
                  const float *c, const float *cnorm, size_t k,
                  int32_t *best, float *best_d2, float *second_d2) {
    float block[NEAR_ROWS * NEAR_COLS];
    const float *xr[NEAR_ROWS];
    for (size_t i0 = 0; i0 < m; i0 += NEAR_ROWS) {
        size_t mb = m - i0 < NEAR_ROWS ? m - i0 : NEAR_ROWS;
        for (size_t u = 0; u < mb; u++) {
            size_t row = rows ? (size_t)rows[i0 + u] : i0 + u;
            xr[u] = x + row * d;
            best[i0 + u] = 0;
            best_d2[i0 + u] = INFINITY;
            if (second_d2) second_d2[i0 + u] = INFINITY;
        }
        for (size_t j0 = 0; j0 < k; j0 += NEAR_COLS) {
            size_t kb = k - j0 < NEAR_COLS ? k - j0 : NEAR_COLS;
            dots(xr, mb, c + j0 * d, kb, d, block, NEAR_COLS);
            for (size_t u = 0; u < mb; u++) {
                size_t row = rows ? (size_t)rows[i0 + u] : i0 + u;
                float xn = xnorm[row];
                float b1 = best_d2[i0 + u];
                float b2 = second_d2 ? second_d2[i0 + u] : INFINITY;
                int32_t bi = best[i0 + u];
                const float *dr = block + u * NEAR_COLS;
                for (size_t v = 0; v < kb; v++) {
                    float dd = xn - 2.0f * dr[v] + cnorm[j0 + v];
                    if (dd < 0) dd = 0;
                    if (dd < b1) {
                        b2 = b1;
                        b1 = dd;
                        bi = (int32_t)(j0 + v);
                    } else if (dd < b2) {
                        b2 = dd;
                    }
                }
                best[i0 + u] = bi;
                best_d2[i0 + u] = b1;
                if (second_d2) second_d2[i0 + u] = b2;
            }
        }
    }
}

void clio_seed_candidates(const float *x, const float *xnorm, size_t begin, size_t end, size_t d,
                          const float *cand, const float *cand_norm, size_t L,
                          const int32_t *owner, const float *closest,
                          const float *cc, size_t ldcc, float *d2out, double *gain) {
    double g[64];
    if (L > 64) L = 64;
    for (size_t t = 0; t < L; t++) g[t] = 0;
    for (size_t i = begin; i < end; i++) {
        const float *xi = x + i * d;
        float cl = closest[i];
        size_t o = (size_t)owner[i];
        for (size_t t = 0; t < L; t++) {
            // ‖c_t − c_o‖ ≥ 2‖x − c_o‖ means c_t is no nearer to x than c_o (triangle inequality);
            // the margin keeps rounding in the norm form from deciding a near-tie.
            if (cc[t * ldcc + o] > 4.0f * cl * 1.0001f + 1e-30f) {
                d2out[i * L + t] = INFINITY;
                continue;
            }
            float dd = xnorm[i] - 2.0f * clio_dot(xi, cand + t * d, d) + cand_norm[t];
            if (dd < 0) dd = 0;
            d2out[i * L + t] = dd;
            if (dd < cl) g[t] += (double)cl - (double)dd;
        }
    }
    for (size_t t = 0; t < L; t++) gain[t] += g[t];
}

void clio_accumulate(const float *x, size_t d, const int32_t *members, size_t count, double *sum) {
    for (size_t j = 0; j < count; j++) {
        const float *xi = x + (size_t)members[j] * d;
        for (size_t t = 0; t < d; t++) sum[t] += (double)xi[t];
    }
}
