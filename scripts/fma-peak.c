// One core's single-precision peak, measured: 24 independent FMA chains (enough to cover the FMA
// latency on every current x86 core), in AVX-512 and in AVX2, timed in thread CPU time so other
// processes do not count. scripts/bench-embed.sh builds and runs it to say how close clio-embed
// comes to the hardware.
//
//     cc -O2 scripts/fma-peak.c -o fma-peak && ./fma-peak      # prints JSON: GFLOP/s per ISA
#include <stdio.h>
#include <time.h>

#define CHAINS 24
#define STEPS 50000000L

static double cpu_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

// GFLOP/s of CHAINS chains c = a * c + b on vectors of LANES floats (compiled to FMAs of that
// width for TARGET); the sum of the results is checked so the loop cannot be dropped.
#define PEAK(NAME, TARGET, LANES)                                                                   \
    __attribute__((target(TARGET))) static double NAME(void) {                                     \
        typedef float vec __attribute__((vector_size(4 * LANES)));                                 \
        vec c[CHAINS], a = (vec){0} + 0.999f, b = (vec){0} + 0.001f;                               \
        for (int i = 0; i < CHAINS; i++) c[i] = (vec){0} + (float)i;                               \
        double t = cpu_seconds();                                                                  \
        for (long s = 0; s < STEPS; s++)                                                           \
            _Pragma("GCC unroll 24") for (int i = 0; i < CHAINS; i++) c[i] = a * c[i] + b;         \
        t = cpu_seconds() - t;                                                                     \
        float sink = 0;                                                                            \
        for (int i = 0; i < CHAINS; i++)                                                           \
            for (int l = 0; l < LANES; l++) sink += c[i][l];                                       \
        return sink == 12345.0f ? 0 : STEPS * CHAINS * 2.0 * LANES / t / 1e9;                      \
    }
PEAK(avx512, "avx512f,fma", 16)
PEAK(avx2, "avx2,fma", 8)

int main(void) {
    __builtin_cpu_init();
    int has512 = __builtin_cpu_supports("avx512f"), has2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    double best512 = 0, best2 = 0;
    // Best of three: the first run may meet a core still ramping up its clock.
    for (int r = 0; r < 3; r++) {
        double x = has512 ? avx512() : 0, y = has2 ? avx2() : 0;
        best512 = x > best512 ? x : best512;
        best2 = y > best2 ? y : best2;
    }
    printf("{\"avx512\": %.1f, \"avx2\": %.1f}\n", best512, best2);
    return 0;
}
