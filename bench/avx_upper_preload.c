/* Diagnostic for docs/performance.md ("Search algorithms"): an LD_PRELOAD shim that wraps libm's
 * exp(), clears the upper halves of the YMM registers once (vzeroupper) on the first call, and
 * counts the later calls made while the AVX upper state (XINUSE bit 2) is dirty again.
 * In tunebench-cli something at start-up leaves that state dirty and nothing clears it, so every
 * SSE <-> AVX switch (our SSE2 code calling glibc's FMA/AVX exp) pays a penalty: the TPE and GP
 * samplers cost ~6x more CPU inside `serve` than in tb-bench-samplers.
 *   gcc -O2 -shared -fPIC bench/avx_upper_preload.c -o /tmp/avx_upper_preload.so -ldl
 *   LD_PRELOAD=/tmp/avx_upper_preload.so build/app/tunebench-cli serve ...   (prints counts at exit) */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>

static unsigned long calls, dirty;

__attribute__((destructor)) static void report(void)
{
    fprintf(stderr, "avx_upper_preload: %lu exp calls, %lu with the upper state dirty after the first\n", calls, dirty);
}

double exp(double x)
{
    static double (*real)(double);
    if (!real) {
        real = (double (*)(double))dlvsym(RTLD_NEXT, "exp", "GLIBC_2.29");
        __asm__ volatile("vzeroupper");
    }
    uint32_t lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(1));
    ++calls;
    dirty += (lo & 4) != 0;
    return real(x);
}
