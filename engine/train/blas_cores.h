#pragma once
// OpenBLAS picks its kernels for the CPU it finds when it loads. A release older than the
// CPU (Debian 12's OpenBLAS 0.3.21 on a 2023 Xeon, CPU model 207) does not recognise it and
// falls back to its Prescott kernels (SSE3): matrix products then run 3-5x slower than
// with the AVX-512 or AVX2 kernels the same library has. OPENBLAS_CORETYPE chooses the
// kernels, but only before the library loads, so tunebench-train checks at start and, when
// OpenBLAS fell back although the CPU has AVX2, starts itself again with the variable set.
// Plain C++ (no libtorch).

#include <optional>
#include <string>

namespace tb::train {

// The kernels the loaded OpenBLAS uses ("Prescott", "SkylakeX", ...), or nothing when the
// BLAS in this process is not OpenBLAS.
std::optional<std::string> openblasCore();

// When OpenBLAS runs on a fallback core it does not need ("Prescott" on a CPU with AVX-512
// or AVX2 and FMA) and the user did not set OPENBLAS_CORETYPE: sets it ("SkylakeX" or
// "Haswell") and replaces this process by a fresh start of the same program with the same
// arguments (returns only if that fails, with the environment as it was).
void restartWithBetterBlas(char** argv);

} // namespace tb::train
