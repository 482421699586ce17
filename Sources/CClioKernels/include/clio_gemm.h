#ifndef CLIO_GEMM_H
#define CLIO_GEMM_H
#include <stddef.h>
#endif
