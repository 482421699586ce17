#ifndef CCLIO_KERNELS_H
#define CCLIO_KERNELS_H
#include <stddef.h>
/// Returns 1: a placeholder so the target builds until the kernels land.
int clio_kernels_version(void);
#endif
