#pragma once
// Clears the upper halves of the AVX registers (vzeroupper) when the CPU has AVX.
//
// Why: if anything earlier in the process left that state dirty, every call from our
// SSE2-compiled loops into glibc's AVX/FMA exp() and log() pays an SSE<->AVX transition
// penalty. Measured in `tunebench-cli serve` (docs/performance.md, "Search algorithms"):
// TPE asks cost 20 ms of CPU instead of 4 ms. The samplers call this at the start of each
// suggestion; it costs a few cycles and changes no result.

namespace tb::algorithms {

void clearUpperVectorState();

} // namespace tb::algorithms
