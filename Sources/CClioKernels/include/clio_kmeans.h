#ifndef CLIO_KMEANS_H
#define CLIO_KMEANS_H
#include <stddef.h>
#endif
