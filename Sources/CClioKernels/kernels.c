#include "CClioKernels.h"
int clio_kernels_version(void) { return 1; }
