#ifndef CCLIO_KERNELS_H
#define CCLIO_KERNELS_H
// Hot numeric kernels, compiled with AVX2/FMA (and AVX-512 for the encoder) where the CPU has
// them (runtime dispatch).
// Each area owns its header: clio_kmeans.h (clustering), clio_gemm.h (the MiniLM encoder).
#include "clio_kmeans.h"
#include "clio_gemm.h"
#endif
