#ifndef CLIO_GEMM_H
#define CLIO_GEMM_H
// Kernels for the MiniLM encoder: a packed single-precision GEMM and the row-wise steps around
// it (LayerNorm, GELU, attention). AVX-512 and AVX2/FMA paths are chosen at run time; every
// function has a portable scalar path with the same results up to rounding.
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Width of one packed panel of B (columns per panel).
#define CLIO_GEMM_NR 16

/// Instruction sets of the kernels. A request above what the CPU has runs the best it has.
enum {
    CLIO_ISA_AUTO = -1,  ///< the best the CPU has (less if CLIO_KERNEL_ISA says so)
    CLIO_ISA_SCALAR = 0,
    CLIO_ISA_AVX2 = 1,   ///< AVX2 + FMA: 6x16 tiles
    CLIO_ISA_AVX512 = 2, ///< AVX-512F: 12x32 tiles, fused attention
};

/// The instruction set the kernels use for CLIO_ISA_AUTO: the best this CPU supports, lowered
/// by the environment variable CLIO_KERNEL_ISA=scalar|avx2|avx512 (read once) when it is set.
int clio_kernels_isa(void);

/// Rows per register tile of the GEMM on `isa` (12 on AVX-512, else 6): callers that split rows
/// across threads split them in multiples of this.
size_t clio_gemm_row_tile(int isa);

/// Floats needed to pack a k-by-n B: n rounded up to CLIO_GEMM_NR, times k.
size_t clio_gemm_packed_size(size_t k, size_t n);

/// Packs B for clio_gemm when B is given transposed: `bt` holds n rows of k floats (row stride
/// `ldb`), the layout of a PyTorch Linear weight, so C = A * bt^T.
void clio_gemm_pack_bt(const float *bt, size_t ldb, size_t n, size_t k, float *packed);

/// Packs B given as k rows of n floats (row stride `ldb`), so C = A * B.
void clio_gemm_pack_b(const float *b, size_t ldb, size_t k, size_t n, float *packed);

/// What clio_gemm_fused does to C after the product, while the rows are still in cache.
typedef enum {
    CLIO_EPILOGUE_NONE = 0,
    /// C = GELU(C), the exact (erf) GELU of BERT.
    CLIO_EPILOGUE_GELU = 1,
    /// Each row of C = LayerNorm(C + residual) * gamma + beta; needs all n columns in one call.
    CLIO_EPILOGUE_RESIDUAL_LAYERNORM = 2,
} clio_epilogue_kind;

typedef struct {
    clio_epilogue_kind kind;
    const float *residual; ///< m rows of n floats, row stride `ldr` (LayerNorm only)
    size_t ldr;
    const float *gamma, *beta; ///< n floats each (LayerNorm only)
    float eps;
} clio_epilogue;

/// C[m x n] = A[m x k] * B + bias (bias may be NULL; it has n entries), with B packed by one
/// of the functions above. Rows of A and C have strides lda and ldc.
void clio_gemm(size_t m, size_t n, size_t k, const float *a, size_t lda, const float *packed,
               const float *bias, float *c, size_t ldc);

/// clio_gemm on a chosen instruction set, followed by `epilogue` (NULL: none).
void clio_gemm_fused(int isa, size_t m, size_t n, size_t k, const float *a, size_t lda, const float *packed,
                     const float *bias, float *c, size_t ldc, const clio_epilogue *epilogue);

/// x[i] = LayerNorm(x[i] + residual[i]) * gamma + beta for each of `rows` rows of `n` floats
/// (residual may be NULL).
void clio_layernorm(float *x, const float *residual, size_t rows, size_t n, const float *gamma,
                    const float *beta, float eps);

/// x = 0.5 x (1 + erf(x / sqrt 2)), in place (the exact GELU of BERT).
void clio_gelu(float *x, size_t count);

/// Self-attention of one sequence and one head, on instruction set `isa`. q, k, v: `len` rows of
/// `dim` floats with row stride `ld` (q already scaled by 1/sqrt(dim)); out: same layout, stride
/// `ldo`. `scratch` holds at least clio_attention_scratch(len, dim) floats.
size_t clio_attention_scratch(size_t len, size_t dim);
void clio_attention(int isa, size_t len, size_t dim, const float *q, const float *k, const float *v, size_t ld,
                    float *out, size_t ldo, float *scratch);

#ifdef __cplusplus
}
#endif
#endif
