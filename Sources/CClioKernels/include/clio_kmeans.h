#ifndef CLIO_KMEANS_H
#define CLIO_KMEANS_H
// Kernels for k-means: squared norms, blocked dot products, nearest centres, k-means++ candidate
// evaluation and centre sums. All arrays are float32, row-major, rows of `d` floats. Each call
// works on one range of points, so the caller can split points across threads; the result for a
// point never depends on how the points were split (same arithmetic order per point).
#include <stddef.h>
#include <stdint.h>

/// 1 when the AVX2/FMA versions are in use, 0 for the portable ones.
int clio_kmeans_simd_level(void);
/// Forces the portable versions on the calling thread only (for tests that call the kernels
/// directly to compare the two); 0 restores detection.
void clio_kmeans_force_scalar(int on);

/// out[i] = ‖x_i‖² for n rows.
void clio_row_sqnorms(const float *x, size_t n, size_t d, float *out);

/// a · b over d floats.
float clio_dot(const float *a, const float *b, size_t d);

/// out[i*ldo + j] = x_i · c_j for m contiguous rows of x and k rows of c (blocked, SIMD).
void clio_dots(const float *x, size_t m, const float *c, size_t k, size_t d, float *out, size_t ldo);

/// ‖a − b‖² over d floats, summed directly (no cancellation), for reported distances.
float clio_sqdist(const float *a, const float *b, size_t d);

/// For m points (rows `rows[i]` of x, or rows 0..m-1 when rows is NULL), the nearest of k centres
/// by ‖x‖² − 2x·c + ‖c‖² (clamped at 0), computed as blocked dot products. best[i] is the centre
/// (lowest index on ties), best_d2[i] its squared distance; second_d2[i], when not NULL, the
/// squared distance to the second nearest (infinity when k = 1).
void clio_nearest(const float *x, const float *xnorm, const int32_t *rows, size_t m, size_t d,
                  const float *c, const float *cnorm, size_t k,
                  int32_t *best, float *best_d2, float *second_d2);

/// One greedy k-means++ step over points [begin, end): for each of L candidates, the squared
/// distance of every point to it (written to d2out[i*L + t]; +inf when the triangle inequality
/// shows the candidate cannot be nearer than the point's current centre), and gain[t] += the
/// sum over points of closest[i] − min(closest[i], d2). cc[t*ldcc + owner[i]] is the squared
/// distance from candidate t to the point's current centre.
void clio_seed_candidates(const float *x, const float *xnorm, size_t begin, size_t end, size_t d,
                          const float *cand, const float *cand_norm, size_t L,
                          const int32_t *owner, const float *closest,
                          const float *cc, size_t ldcc, float *d2out, double *gain);

/// 1 when the CPU converts half floats (F16C) and the AVX2 kernels are in use.
int clio_kmeans_has_f16(void);
/// out[i] = x[i] rounded to IEEE half precision (needs clio_kmeans_has_f16()).
void clio_to_f16(const float *x, size_t count, uint16_t *out);
/// clio_seed_candidates over a half-precision copy of the points: k-means++ seeding streams all
/// points once per step and is limited by memory bandwidth, which halves; its distances are
/// then good to about 1e-3 relative, plenty to sample and rank candidates (the centres chosen
/// are still the float32 points).
void clio_seed_candidates_f16(const uint16_t *xh, const float *xnorm, size_t begin, size_t end, size_t d,
                              const float *cand, const float *cand_norm, size_t L,
                              const int32_t *owner, const float *closest,
                              const float *cc, size_t ldcc, float *d2out, double *gain);

/// sum[t] += Σ x[members[j]][t] in double, for `count` members.
void clio_accumulate(const float *x, size_t d, const int32_t *members, size_t count, double *sum);

/// Moves one point's contribution between two clusters' running sums: from -= x, to += x.
void clio_move_point(const float *xi, size_t d, double *from, double *to);

/// Lloyd's assignment step with group bounds (Yinyang k-means; Elkan's bounds when gs = 1,
/// Hamerly's when gs = k) for points [begin, end). Centre j is in group j / gs of `groups`.
/// `upper[i]` bounds the distance from point i to its centre from above and
/// `lower[i * groups + g]` the distances to the other centres of group g from below.
/// clio_assign_full searches every centre and sets the bounds; clio_assign_bounded searches
/// only groups whose lower bound is below the upper bound. Both give the labels of a full
/// search; each changed point i is written to `moved` as the pair (i, old label), and the
/// number of pairs is returned (`moved` has room for 2 × (end − begin) entries).
size_t clio_assign_full(const float *x, const float *xnorm, size_t begin, size_t end, size_t d,
                        const float *c, const float *cnorm, size_t k, size_t gs, size_t groups,
                        int32_t *label, float *upper, float *lower, int32_t *moved);
size_t clio_assign_bounded(const float *x, const float *xnorm, size_t begin, size_t end, size_t d,
                           const float *c, const float *cnorm, size_t k, size_t gs, size_t groups,
                           int32_t *label, float *upper, float *lower, int32_t *moved);

/// After the centres moved: upper[i] += shift[label[i]], lower[i][g] −= group_shift[g] (at least 0).
void clio_bounds_shift(size_t begin, size_t end, const int32_t *label, float *upper, float *lower, size_t groups,
                       const float *shift, const float *group_shift);

#endif
