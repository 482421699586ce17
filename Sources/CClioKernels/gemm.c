#include "CClioKernels.h"
