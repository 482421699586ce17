#ifndef CLIO_GEMM_H
#define CLIO_GEMM_H
// Kernels for the MiniLM encoder: a packed single-precision GEMM and the row-wise steps around
// it (LayerNorm, GELU, attention). AVX2/FMA paths are chosen at run time; every function has a
// portable scalar path with the same results up to rounding.
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Width of one packed panel of B (columns per panel).
#define CLIO_GEMM_NR 16

/// Floats needed to pack a k-by-n B: n rounded up to CLIO_GEMM_NR, times k.
size_t clio_gemm_packed_size(size_t k, size_t n);

/// Packs B for clio_gemm when B is given transposed: `bt` holds n rows of k floats (row stride
/// `ldb`), the layout of a PyTorch Linear weight, so C = A * bt^T.
void clio_gemm_pack_bt(const float *bt, size_t ldb, size_t n, size_t k, float *packed);

/// Packs B given as k rows of n floats (row stride `ldb`), so C = A * B.
void clio_gemm_pack_b(const float *b, size_t ldb, size_t k, size_t n, float *packed);

/// C[m x n] = A[m x k] * B + bias (bias may be NULL; it has n entries), with B packed by one
/// of the functions above. Rows of A and C have strides lda and ldc.
void clio_gemm(size_t m, size_t n, size_t k, const float *a, size_t lda, const float *packed,
               const float *bias, float *c, size_t ldc);

/// clio_gemm on the portable path only, whatever the CPU; for tests of that path.
void clio_gemm_scalar(size_t m, size_t n, size_t k, const float *a, size_t lda, const float *packed,
                      const float *bias, float *c, size_t ldc);

/// x[i] = LayerNorm(x[i] + residual[i]) * gamma + beta for each of `rows` rows of `n` floats
/// (residual may be NULL). Statistics are accumulated in double.
void clio_layernorm(float *x, const float *residual, size_t rows, size_t n, const float *gamma,
                    const float *beta, float eps);

/// x = 0.5 x (1 + erf(x / sqrt 2)), in place (the exact GELU of BERT).
void clio_gelu(float *x, size_t count);

/// Self-attention of one sequence and one head. q, k, v: `len` rows of `dim` floats with row
/// stride `ld` (q already scaled by 1/sqrt(dim)); out: same layout. `scratch` holds at least
/// clio_attention_scratch(len, dim) floats.
size_t clio_attention_scratch(size_t len, size_t dim);
void clio_attention(size_t len, size_t dim, const float *q, const float *k, const float *v, size_t ld,
                    float *out, size_t ldo, float *scratch);

/// 1 when the AVX2/FMA paths are in use.
int clio_gemm_uses_avx2(void);

#ifdef __cplusplus
}
#endif
#endif
