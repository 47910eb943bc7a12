#pragma once
// Registry entries of the built-in samplers and pruners (one per file in this folder).

#include "../pruner.h"
#include "../sampler.h"

#include <cstdio>
#include <cstdint>
#include <string>
#include <vector>

namespace tb::algorithms {

// Four significant digits, for the numbers in pruning reasons.
inline std::string shortNumber(double x)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", x);
    return buf;
}

// Point `number` of a Sobol sequence in [0, 1)^dims (Boost's, Joe-Kuo direction numbers),
// scrambled by a digital shift (XOR per dimension) drawn from the seed, which keeps its low
// discrepancy, mapped through the space. Shared by `sobol` and the startup trials of `tpe`.
class ScrambledSobol {
public:
    ScrambledSobol(const SearchSpace& space, std::uint64_t seed, bool scramble = true);
    Assignment point(std::int64_t number) const;

private:
    SearchSpace m_space;
    std::vector<std::uint64_t> m_shift; // one per dimension, at least one
};

SamplerInfo randomSamplerInfo();
SamplerInfo gridSamplerInfo();
SamplerInfo sobolSamplerInfo();
SamplerInfo tpeSamplerInfo();
SamplerInfo gpSamplerInfo();
SamplerInfo cmaesSamplerInfo();

PrunerInfo nonePrunerInfo();
PrunerInfo medianPrunerInfo();
PrunerInfo ashaPrunerInfo();
PrunerInfo hyperbandPrunerInfo();

} // namespace tb::algorithms
