#include "blas_cores.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <strings.h>

namespace tb::train {

std::optional<std::string> openblasCore()
{
    using CoreName = char* (*)();
    auto name = reinterpret_cast<CoreName>(dlsym(RTLD_DEFAULT, "openblas_get_corename"));
    if (!name)
        return std::nullopt;
    const char* core = name();
    return std::string(core ? core : "");
}

namespace {

// The OPENBLAS_CORETYPE to ask for on this CPU when OpenBLAS runs on a fallback core it
// does not need: "SkylakeX" with AVX-512, "Haswell" with AVX2 and FMA; nothing when the
// current choice is fine, the user set OPENBLAS_CORETYPE, or the BLAS is not OpenBLAS.
std::optional<std::string> betterOpenblasCore()
{
    if (std::getenv("OPENBLAS_CORETYPE"))
        return std::nullopt; // the user's choice
    const auto core = openblasCore();
    if (!core || strcasecmp(core->c_str(), "prescott") != 0)
        return std::nullopt;
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq")
        && __builtin_cpu_supports("avx512vl"))
        return std::string("SkylakeX");
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return std::string("Haswell");
#endif
    return std::nullopt;
}

} // namespace

void restartWithBetterBlas(char** argv)
{
    const auto better = betterOpenblasCore();
    if (!better)
        return;
    setenv("OPENBLAS_CORETYPE", better->c_str(), 1);
    setenv("TUNEBENCH_BLAS_RESTARTED", "Prescott", 1);
    execv("/proc/self/exe", argv);
    // Could not start again: carry on with the slow kernels rather than fail.
    std::cerr << "tunebench-train: OpenBLAS runs its Prescott kernels on this CPU and a restart with "
                 "OPENBLAS_CORETYPE="
              << *better << " failed; continuing (set it yourself for 3-5x faster matrix products)\n";
    unsetenv("OPENBLAS_CORETYPE");
    unsetenv("TUNEBENCH_BLAS_RESTARTED");
}

} // namespace tb::train
