#include "CClioKernels.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define CLIO_X86 1
#endif

// Point block and centre block of clio_nearest: 48 × 256 dot products (48 KiB) on the stack,
// so a block of centres stays in L2 while the points of the block stream past it.
#define NEAR_ROWS 48
#define NEAR_COLS 256

// Per thread, so a test that forces the portable kernels on its own thread neither races with
// nor changes the kernels of tests running at the same time.
static _Thread_local int forced_scalar = 0;

#ifdef CLIO_X86
static int cpu_has_avx2(void) {
    static int cached = -1;
    int v = __atomic_load_n(&cached, __ATOMIC_RELAXED);
    if (v < 0) {
        v = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
        __atomic_store_n(&cached, v, __ATOMIC_RELAXED);
    }
    return v;
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

// One point against four centres given by pointer: 5 loads per 4 FMAs.
__attribute__((target("avx2,fma"))) static void dot4_avx2(const float *x, const float *c0, const float *c1,
                                                          const float *c2, const float *c3, size_t d, float *out) {
    const size_t d8 = d & ~(size_t)7;
    __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps(), a2 = _mm256_setzero_ps(), a3 = _mm256_setzero_ps();
    for (size_t t = 0; t < d8; t += 8) {
        __m256 p = _mm256_loadu_ps(x + t);
        a0 = _mm256_fmadd_ps(p, _mm256_loadu_ps(c0 + t), a0);
        a1 = _mm256_fmadd_ps(p, _mm256_loadu_ps(c1 + t), a1);
        a2 = _mm256_fmadd_ps(p, _mm256_loadu_ps(c2 + t), a2);
        a3 = _mm256_fmadd_ps(p, _mm256_loadu_ps(c3 + t), a3);
    }
    float r[4] = {hsum8(a0), hsum8(a1), hsum8(a2), hsum8(a3)};
    for (size_t t = d8; t < d; t++) {
        r[0] += x[t] * c0[t];
        r[1] += x[t] * c1[t];
        r[2] += x[t] * c2[t];
        r[3] += x[t] * c3[t];
    }
    memcpy(out, r, sizeof r);
}

// 3 points × 4 centres per inner loop: 12 accumulators + 3 point rows + 1 centre row = 16 ymm,
// 7 loads per 12 FMAs. The leftover points (m mod 3) take a 1 × 4 kernel and the leftover
// centres (k mod 4) single dots.
__attribute__((target("avx2,fma"))) static void dots_avx2(const float *const *xr, size_t m, const float *c,
                                                          size_t k, size_t d, float *out, size_t ldo) {
    const size_t d8 = d & ~(size_t)7;
    const size_t k4 = k & ~(size_t)3;
    size_t i = 0;
    for (; i + 3 <= m; i += 3) {
        const float *x0 = xr[i], *x1 = xr[i + 1], *x2 = xr[i + 2];
        for (size_t j = 0; j < k4; j += 4) {
            const float *c0 = c + j * d, *c1 = c0 + d, *c2 = c1 + d, *c3 = c2 + d;
            __m256 a00 = _mm256_setzero_ps(), a01 = _mm256_setzero_ps(), a02 = _mm256_setzero_ps(), a03 = _mm256_setzero_ps();
            __m256 a10 = _mm256_setzero_ps(), a11 = _mm256_setzero_ps(), a12 = _mm256_setzero_ps(), a13 = _mm256_setzero_ps();
            __m256 a20 = _mm256_setzero_ps(), a21 = _mm256_setzero_ps(), a22 = _mm256_setzero_ps(), a23 = _mm256_setzero_ps();
            for (size_t t = 0; t < d8; t += 8) {
                __m256 p0 = _mm256_loadu_ps(x0 + t), p1 = _mm256_loadu_ps(x1 + t), p2 = _mm256_loadu_ps(x2 + t);
                __m256 v = _mm256_loadu_ps(c0 + t);
                a00 = _mm256_fmadd_ps(p0, v, a00); a10 = _mm256_fmadd_ps(p1, v, a10); a20 = _mm256_fmadd_ps(p2, v, a20);
                v = _mm256_loadu_ps(c1 + t);
                a01 = _mm256_fmadd_ps(p0, v, a01); a11 = _mm256_fmadd_ps(p1, v, a11); a21 = _mm256_fmadd_ps(p2, v, a21);
                v = _mm256_loadu_ps(c2 + t);
                a02 = _mm256_fmadd_ps(p0, v, a02); a12 = _mm256_fmadd_ps(p1, v, a12); a22 = _mm256_fmadd_ps(p2, v, a22);
                v = _mm256_loadu_ps(c3 + t);
                a03 = _mm256_fmadd_ps(p0, v, a03); a13 = _mm256_fmadd_ps(p1, v, a13); a23 = _mm256_fmadd_ps(p2, v, a23);
            }
            float r[12] = {hsum8(a00), hsum8(a01), hsum8(a02), hsum8(a03), hsum8(a10), hsum8(a11),
                           hsum8(a12), hsum8(a13), hsum8(a20), hsum8(a21), hsum8(a22), hsum8(a23)};
            const float *xs[3] = {x0, x1, x2};
            const float *cs[4] = {c0, c1, c2, c3};
            for (size_t t = d8; t < d; t++)
                for (int u = 0; u < 3; u++)
                    for (int v = 0; v < 4; v++) r[u * 4 + v] += xs[u][t] * cs[v][t];
            for (int u = 0; u < 3; u++)
                for (int v = 0; v < 4; v++) out[(i + u) * ldo + j + v] = r[u * 4 + v];
        }
        for (size_t j = k4; j < k; j++) {
            const float *c0 = c + j * d;
            out[(i + 0) * ldo + j] = dot_avx2(x0, c0, d);
            out[(i + 1) * ldo + j] = dot_avx2(x1, c0, d);
            out[(i + 2) * ldo + j] = dot_avx2(x2, c0, d);
        }
    }
    for (; i < m; i++) {
        const float *x0 = xr[i];
        for (size_t j = 0; j < k4; j += 4) {
            const float *c0 = c + j * d;
            dot4_avx2(x0, c0, c0 + d, c0 + 2 * d, c0 + 3 * d, d, out + i * ldo + j);
        }
        for (size_t j = k4; j < k; j++) out[i * ldo + j] = dot_avx2(x0, c + j * d, d);
    }
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

void clio_dots(const float *x, size_t m, const float *c, size_t k, size_t d, float *out, size_t ldo) {
    const float *xr[NEAR_ROWS];
    for (size_t i0 = 0; i0 < m; i0 += NEAR_ROWS) {
        size_t mb = m - i0 < NEAR_ROWS ? m - i0 : NEAR_ROWS;
        for (size_t u = 0; u < mb; u++) xr[u] = x + (i0 + u) * d;
        dots(xr, mb, c, k, d, out + i0 * ldo, ldo);
    }
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

// k-means++ candidate scoring, shared by the float32 and half-precision versions.
//
// The points of rows [i0, i1) for which some candidate might be nearer than their current
// centre: the triangle inequality rules a candidate out when ‖c_t − c_o‖ ≥ 2‖x − c_o‖ (`margin`
// keeps rounding from deciding a near-tie). Ruled-out points get infinite distances; the
// survivors' indices go to `idx`, and their count is returned.
static size_t seed_survivors(size_t i0, size_t i1, size_t L, const int32_t *owner, const float *closest,
                             const float *cc, size_t ldcc, float margin, float *d2out, size_t *idx) {
    size_t m = 0;
    for (size_t i = i0; i < i1; i++) {
        float cl = closest[i];
        size_t o = (size_t)owner[i];
        int any = 0;
        for (size_t t = 0; t < L; t++) {
            if (cc[t * ldcc + o] <= 4.0f * cl * margin + 1e-30f) {
                any = 1;
                break;
            }
        }
        if (any) {
            idx[m++] = i;
        } else {
            for (size_t t = 0; t < L; t++) d2out[i * L + t] = INFINITY;
        }
    }
    return m;
}

// Asks for the rows of the next block of points, [i1, i1 + NEAR_ROWS), while this block is
// scored: each step of k-means++ streams every point through, and fetching ahead cut the
// seeding time by a quarter (k = 100 and 1000, 384-d).
static void prefetch_next_block(const void *rows, size_t elementSize, size_t i1, size_t end, size_t d) {
    if (i1 >= end) return;
    const char *next = (const char *)rows + i1 * d * elementSize;
    size_t bytes = (end - i1 < NEAR_ROWS ? end - i1 : NEAR_ROWS) * d * elementSize;
    for (size_t b = 0; b < bytes; b += 64) __builtin_prefetch(next + b);
}

// Turns the survivors' dot products (`block`, 64 columns) into squared distances and adds
// each candidate's gain (how much it would lower the potential).
static void seed_gains(const size_t *idx, size_t m, size_t L, const float *xnorm, const float *closest,
                       const float *block, const float *cand_norm, float *d2out, double *g) {
    for (size_t u = 0; u < m; u++) {
        size_t i = idx[u];
        float cl = closest[i];
        for (size_t t = 0; t < L; t++) {
            float dd = xnorm[i] - 2.0f * block[u * 64 + t] + cand_norm[t];
            if (dd < 0) dd = 0;
            d2out[i * L + t] = dd;
            if (dd < cl) g[t] += (double)cl - (double)dd;
        }
    }
}

// Dot products of the rows `xr[0..m)` (float32 or half, as the kernel reads them) with the
// candidates, into `out` with row stride `ldo`.
typedef void (*candidate_kernel)(const void *const *xr, size_t m, const float *cand, size_t L, size_t d, float *out,
                                 size_t ldo);

// The scoring loop both versions share: per block of points, the survivors of the triangle
// test (with `margin`), their dot products with every candidate, and the gains.
static void seed_candidates(const char *rows, size_t element_size, candidate_kernel kernel, float margin,
                            const float *xnorm, size_t begin, size_t end, size_t d, const float *cand,
                            const float *cand_norm, size_t L, const int32_t *owner, const float *closest,
                            const float *cc, size_t ldcc, float *d2out, double *gain) {
    double g[64];
    float block[NEAR_ROWS * 64];
    const void *xr[NEAR_ROWS];
    size_t idx[NEAR_ROWS];
    if (L > 64) L = 64;
    for (size_t t = 0; t < L; t++) g[t] = 0;
    for (size_t i0 = begin; i0 < end; i0 += NEAR_ROWS) {
        size_t i1 = end - i0 < NEAR_ROWS ? end : i0 + NEAR_ROWS;
        prefetch_next_block(rows, element_size, i1, end, d);
        size_t m = seed_survivors(i0, i1, L, owner, closest, cc, ldcc, margin, d2out, idx);
        if (m == 0) continue;
        // All candidates for the remaining points at once, as a small blocked product.
        for (size_t u = 0; u < m; u++) xr[u] = rows + idx[u] * d * element_size;
        kernel(xr, m, cand, L, d, block, 64);
        seed_gains(idx, m, L, xnorm, closest, block, cand_norm, d2out, g);
    }
    for (size_t t = 0; t < L; t++) gain[t] += g[t];
}

static void dots_rows(const void *const *xr, size_t m, const float *cand, size_t L, size_t d, float *out, size_t ldo) {
    dots((const float *const *)xr, m, cand, L, d, out, ldo);
}

void clio_seed_candidates(const float *x, const float *xnorm, size_t begin, size_t end, size_t d,
                          const float *cand, const float *cand_norm, size_t L,
                          const int32_t *owner, const float *closest,
                          const float *cc, size_t ldcc, float *d2out, double *gain) {
    seed_candidates((const char *)x, sizeof(float), dots_rows, 1.0001f, xnorm, begin, end, d, cand, cand_norm, L,
                    owner, closest, cc, ldcc, d2out, gain);
}

#ifdef CLIO_X86
__attribute__((target("avx2,fma,f16c"))) static inline __m256 load_h(const uint16_t *p) {
    return _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)p));
}

// 3 points (half) × 4 candidates (float), as dots_avx2; d must be a multiple of 8.
__attribute__((target("avx2,fma,f16c"))) static void dots_h_avx2(const uint16_t *const *xr, size_t m, const float *c,
                                                                 size_t k, size_t d, float *out, size_t ldo) {
    const size_t k4 = k & ~(size_t)3;
    size_t i = 0;
    for (; i < m; i += 3) {
        size_t rows = m - i < 3 ? m - i : 3;
        const uint16_t *x0 = xr[i], *x1 = xr[i + (rows > 1)], *x2 = xr[i + (rows > 2 ? 2 : 0)];
        for (size_t j = 0; j < k; j += 4) {
            size_t cols = k - j < 4 ? k - j : 4;
            const float *c0 = c + j * d, *c1 = c + (j + (cols > 1)) * d, *c2 = c + (j + (cols > 2 ? 2 : 0)) * d,
                        *c3 = c + (j + (cols > 3 ? 3 : 0)) * d;
            __m256 a00 = _mm256_setzero_ps(), a01 = _mm256_setzero_ps(), a02 = _mm256_setzero_ps(), a03 = _mm256_setzero_ps();
            __m256 a10 = _mm256_setzero_ps(), a11 = _mm256_setzero_ps(), a12 = _mm256_setzero_ps(), a13 = _mm256_setzero_ps();
            __m256 a20 = _mm256_setzero_ps(), a21 = _mm256_setzero_ps(), a22 = _mm256_setzero_ps(), a23 = _mm256_setzero_ps();
            for (size_t t = 0; t < d; t += 8) {
                __m256 p0 = load_h(x0 + t), p1 = load_h(x1 + t), p2 = load_h(x2 + t);
                __m256 v = _mm256_loadu_ps(c0 + t);
                a00 = _mm256_fmadd_ps(p0, v, a00); a10 = _mm256_fmadd_ps(p1, v, a10); a20 = _mm256_fmadd_ps(p2, v, a20);
                v = _mm256_loadu_ps(c1 + t);
                a01 = _mm256_fmadd_ps(p0, v, a01); a11 = _mm256_fmadd_ps(p1, v, a11); a21 = _mm256_fmadd_ps(p2, v, a21);
                v = _mm256_loadu_ps(c2 + t);
                a02 = _mm256_fmadd_ps(p0, v, a02); a12 = _mm256_fmadd_ps(p1, v, a12); a22 = _mm256_fmadd_ps(p2, v, a22);
                v = _mm256_loadu_ps(c3 + t);
                a03 = _mm256_fmadd_ps(p0, v, a03); a13 = _mm256_fmadd_ps(p1, v, a13); a23 = _mm256_fmadd_ps(p2, v, a23);
            }
            float r[12] = {hsum8(a00), hsum8(a01), hsum8(a02), hsum8(a03), hsum8(a10), hsum8(a11),
                           hsum8(a12), hsum8(a13), hsum8(a20), hsum8(a21), hsum8(a22), hsum8(a23)};
            for (size_t u = 0; u < rows; u++)
                for (size_t v = 0; v < cols; v++) out[(i + u) * ldo + j + v] = r[u * 4 + v];
        }
    }
    (void)k4;
}

__attribute__((target("avx2,f16c"))) static void to_f16_avx2(const float *x, size_t count, uint16_t *out) {
    size_t i = 0;
    for (; i + 8 <= count; i += 8)
        _mm_storeu_si128((__m128i *)(out + i), _mm256_cvtps_ph(_mm256_loadu_ps(x + i), _MM_FROUND_TO_NEAREST_INT));
    for (; i < count; i++) out[i] = _cvtss_sh(x[i], _MM_FROUND_TO_NEAREST_INT);
}
#endif

int clio_kmeans_has_f16(void) {
#ifdef CLIO_X86
    return clio_kmeans_simd_level() && __builtin_cpu_supports("f16c");
#else
    return 0;
#endif
}

void clio_to_f16(const float *x, size_t count, uint16_t *out) {
#ifdef CLIO_X86
    to_f16_avx2(x, count, out);
#else
    (void)x; (void)count; (void)out;
#endif
}

#ifdef CLIO_X86
static void dots_h_rows(const void *const *xr, size_t m, const float *cand, size_t L, size_t d, float *out,
                        size_t ldo) {
    dots_h_avx2((const uint16_t *const *)xr, m, cand, L, d, out, ldo);
}
#endif

void clio_seed_candidates_f16(const uint16_t *xh, const float *xnorm, size_t begin, size_t end, size_t d,
                              const float *cand, const float *cand_norm, size_t L,
                              const int32_t *owner, const float *closest,
                              const float *cc, size_t ldcc, float *d2out, double *gain) {
#ifdef CLIO_X86
    // A wider margin than the float32 version: half-precision distances are rougher.
    seed_candidates((const char *)xh, sizeof(uint16_t), dots_h_rows, 1.01f, xnorm, begin, end, d, cand, cand_norm, L,
                    owner, closest, cc, ldcc, d2out, gain);
#else
    (void)xh; (void)xnorm; (void)begin; (void)end; (void)d; (void)cand; (void)cand_norm; (void)L;
    (void)owner; (void)closest; (void)cc; (void)ldcc; (void)d2out; (void)gain;
#endif
}

void clio_accumulate(const float *x, size_t d, const int32_t *members, size_t count, double *sum) {
    for (size_t j = 0; j < count; j++) {
        const float *xi = x + (size_t)members[j] * d;
        for (size_t t = 0; t < d; t++) sum[t] += (double)xi[t];
    }
}

void clio_move_point(const float *xi, size_t d, double *from, double *to) {
    for (size_t t = 0; t < d; t++) {
        double v = (double)xi[t];
        from[t] -= v;
        to[t] += v;
    }
}

// ---------------------------------------------------------------------------------------------
// Lloyd's assignment step with group bounds (Yinyang k-means, Ding et al. 2015; Elkan's bounds
// when every group is one centre, Hamerly's when one group holds them all).
//
// Centre j belongs to group j / gs. Per point: `upper` ≥ the distance to its centre, and
// lower[g] ≤ the distance to every other centre of group g. A group is searched only when its
// lower bound is below the point's (tightened) upper bound; `BOUND_SLACK` keeps rounding from
// deciding a near-tie, and the tests are strict so that exact ties (identical points, at
// distance 0) are searched and go to the lowest index, as in a full search.

#define BOUND_SLACK 1.0001f

static inline float sq_to_dist(float dd) { return dd > 0 ? sqrtf(dd) : 0; }

// The full search for the points `rows[0..m)` (or begin + 0..m when rows is NULL): blocked dot
// products against every centre, each point's nearest centre, and per group the nearest other
// centre for the lower bounds. Changed labels are appended to `moved` after `count` pairs.
static size_t assign_rows(const float *x, const float *xnorm, const int32_t *rows, size_t begin, size_t m, size_t d,
                          const float *c, const float *cnorm, size_t k, size_t gs, size_t groups,
                          int32_t *label, float *upper, float *lower, int32_t *moved, size_t count) {
    float block[NEAR_ROWS * NEAR_COLS];
    const float *xr[NEAR_ROWS];
    size_t ir[NEAR_ROWS];
    float b1[NEAR_ROWS];
    int32_t bi[NEAR_ROWS];
    // Per row and group: the nearest and second nearest squared distance and the nearest's index.
    float *g1 = malloc(sizeof(float) * NEAR_ROWS * groups * 2);
    int32_t *gi = malloc(sizeof(int32_t) * NEAR_ROWS * groups);
    float *g2 = g1 + NEAR_ROWS * groups;
    for (size_t i0 = 0; i0 < m; i0 += NEAR_ROWS) {
        size_t mb = m - i0 < NEAR_ROWS ? m - i0 : NEAR_ROWS;
        for (size_t u = 0; u < mb; u++) {
            ir[u] = rows ? (size_t)rows[i0 + u] : begin + i0 + u;
            xr[u] = x + ir[u] * d;
            b1[u] = INFINITY;
            bi[u] = 0;
        }
        for (size_t q = 0; q < mb * groups; q++) {
            g1[q] = g2[q] = INFINITY;
            gi[q] = -1;
        }
        for (size_t j0 = 0; j0 < k; j0 += NEAR_COLS) {
            size_t kb = k - j0 < NEAR_COLS ? k - j0 : NEAR_COLS;
            dots(xr, mb, c + j0 * d, kb, d, block, NEAR_COLS);
            for (size_t u = 0; u < mb; u++) {
                float xn = xnorm[ir[u]];
                const float *dr = block + u * NEAR_COLS;
                float *r1 = g1 + u * groups, *r2 = g2 + u * groups;
                int32_t *ri = gi + u * groups;
                // The group is tracked by its end rather than divided out per centre.
                size_t g = j0 / gs, gend = (g + 1) * gs;
                for (size_t v = 0; v < kb; v++) {
                    size_t j = j0 + v;
                    if (j == gend) {
                        g++;
                        gend += gs;
                    }
                    float dd = xn - 2.0f * dr[v] + cnorm[j];
                    if (dd < 0) dd = 0;
                    if (dd < b1[u]) {
                        b1[u] = dd;
                        bi[u] = (int32_t)j;
                    }
                    if (dd < r1[g]) {
                        r2[g] = r1[g];
                        r1[g] = dd;
                        ri[g] = (int32_t)j;
                    } else if (dd < r2[g]) {
                        r2[g] = dd;
                    }
                }
            }
        }
        for (size_t u = 0; u < mb; u++) {
            size_t i = ir[u];
            const float *r1 = g1 + u * groups, *r2 = g2 + u * groups;
            const int32_t *ri = gi + u * groups;
            float *lb = lower + i * groups;
            for (size_t g = 0; g < groups; g++) lb[g] = sq_to_dist(ri[g] == bi[u] ? r2[g] : r1[g]);
            upper[i] = sq_to_dist(b1[u]);
            if (label[i] != bi[u]) {
                moved[2 * count] = (int32_t)i;
                moved[2 * count + 1] = label[i];
                count++;
                label[i] = bi[u];
            }
        }
    }
    free(g1);
    free(gi);
    return count;
}

size_t clio_assign_full(const float *x, const float *xnorm, size_t begin, size_t end, size_t d,
                        const float *c, const float *cnorm, size_t k, size_t gs, size_t groups,
                        int32_t *label, float *upper, float *lower, int32_t *moved) {
    return assign_rows(x, xnorm, NULL, begin, end - begin, d, c, cnorm, k, gs, groups, label, upper, lower, moved, 0);
}

#ifdef CLIO_X86
// The smallest of `count` floats.
__attribute__((target("avx2"))) static float min_avx2(const float *v, size_t count) {
    __m256 m = _mm256_set1_ps(INFINITY);
    size_t g = 0;
    for (; g + 8 <= count; g += 8) m = _mm256_min_ps(m, _mm256_loadu_ps(v + g));
    __m128 h = _mm_min_ps(_mm256_castps256_ps128(m), _mm256_extractf128_ps(m, 1));
    h = _mm_min_ps(h, _mm_movehl_ps(h, h));
    h = _mm_min_ss(h, _mm_movehdup_ps(h));
    float low = _mm_cvtss_f32(h);
    for (; g < count; g++) low = v[g] < low ? v[g] : low;
    return low;
}
#endif

static float min_of(const float *v, size_t count) {
#ifdef CLIO_X86
    if (clio_kmeans_simd_level()) return min_avx2(v, count);
#endif
    float low = INFINITY;
    for (size_t g = 0; g < count; g++) low = v[g] < low ? v[g] : low;
    return low;
}

// Dot products of one point with the centres listed in `idx`.
static void dots_listed(const float *x, const float *c, const int32_t *idx, size_t count, size_t d, float *out) {
    size_t q = 0;
#ifdef CLIO_X86
    if (clio_kmeans_simd_level()) {
        for (; q + 4 <= count; q += 4)
            dot4_avx2(x, c + (size_t)idx[q] * d, c + (size_t)idx[q + 1] * d, c + (size_t)idx[q + 2] * d,
                      c + (size_t)idx[q + 3] * d, d, out + q);
    }
#endif
    for (; q < count; q++) out[q] = clio_dot(x, c + (size_t)idx[q] * d, d);
}

size_t clio_assign_bounded(const float *x, const float *xnorm, size_t begin, size_t end, size_t d,
                           const float *c, const float *cnorm, size_t k, size_t gs, size_t groups,
                           int32_t *label, float *upper, float *lower, int32_t *moved) {
    // The centres to search for one point (grouped, in index order), their dot products, and
    // the searched groups.
    int32_t *cand = malloc(sizeof(int32_t) * (k + 2 * groups));
    int32_t *searched = cand + k, *searchedEnd = searched + groups;
    float *dot = malloc(sizeof(float) * k);
    // Points whose bounds leave most centres in play: searched in full afterwards, where the
    // blocked kernel does a dot product for less than half what one at a time costs.
    int32_t *heavy = malloc(sizeof(int32_t) * (end - begin));
    size_t nheavy = 0;
    size_t count = 0;
    for (size_t i = begin; i < end; i++) {
        float *lb = lower + i * groups;
        const float low = min_of(lb, groups);
        if (upper[i] * BOUND_SLACK < low) continue;
        // The point after next is fetched while this one is worked on: most points that get
        // here need their row for the tightening dot product (measured: 10% of the iterations'
        // time at k = 100).
        if (i + 2 < end) {
            const char *next = (const char *)(x + (i + 2) * d);
            for (size_t b = 0; b < d * sizeof(float); b += 64) __builtin_prefetch(next + b);
        }
        const float *xi = x + i * d;
        const int32_t a = label[i];
        const float xn = xnorm[i];
        float da = xn - 2.0f * clio_dot(xi, c + (size_t)a * d, d) + cnorm[a];
        if (da < 0) da = 0;
        const float u = sqrtf(da);
        upper[i] = u;
        if (u * BOUND_SLACK < low) continue;
        size_t nc = 0, ns = 0;
        for (size_t g = 0; g < groups; g++) {
            if (u * BOUND_SLACK < lb[g]) continue;
            size_t j1 = (g + 1) * gs < k ? (g + 1) * gs : k;
            for (size_t j = g * gs; j < j1; j++)
                if ((int32_t)j != a) cand[nc++] = (int32_t)j;
            searched[ns] = (int32_t)g;
            searchedEnd[ns++] = (int32_t)nc;
        }
        if (2 * nc > k && k >= 16) {
            heavy[nheavy++] = (int32_t)i;
            continue;
        }
        dots_listed(xi, c, cand, nc, d, dot);
        float best = da;
        int32_t besti = a;
        for (size_t q = 0; q < nc; q++) {
            int32_t j = cand[q];
            float dd = xn - 2.0f * dot[q] + cnorm[j];
            if (dd < 0) dd = 0;
            dot[q] = dd;
            // Lowest index on an exact tie, as a full search.
            if (dd < best || (dd == best && j < besti)) {
                best = dd;
                besti = j;
            }
        }
        // New lower bounds of the searched groups: their nearest centre other than the point's.
        size_t q = 0;
        for (size_t s = 0; s < ns; s++) {
            float m = INFINITY;
            for (; q < (size_t)searchedEnd[s]; q++)
                if (cand[q] != besti && dot[q] < m) m = dot[q];
            lb[searched[s]] = sq_to_dist(m);
        }
        if (besti != a) {
            // The old centre is now one of the others of its group.
            size_t ga = (size_t)a / gs;
            if (u < lb[ga]) lb[ga] = u;
            upper[i] = sq_to_dist(best);
            moved[2 * count] = (int32_t)i;
            moved[2 * count + 1] = a;
            count++;
            label[i] = besti;
        }
    }
    count = assign_rows(x, xnorm, heavy, 0, nheavy, d, c, cnorm, k, gs, groups, label, upper, lower, moved, count);
    free(cand);
    free(dot);
    free(heavy);
    return count;
}

void clio_bounds_shift(size_t begin, size_t end, const int32_t *label, float *upper, float *lower, size_t groups,
                       const float *shift, const float *group_shift) {
    for (size_t i = begin; i < end; i++) {
        upper[i] += shift[label[i]];
        float *lb = lower + i * groups;
        for (size_t g = 0; g < groups; g++) {
            float v = lb[g] - group_shift[g];
            lb[g] = v > 0 ? v : 0;
        }
    }
}
