#pragma once
// Registry entries of the built-in samplers and pruners (one per file in this folder).

#include "../pruner.h"
#include "../sampler.h"

#include <cstdio>
#include <string>

namespace tb::algorithms {

// Four significant digits, for the numbers in pruning reasons.
inline std::string shortNumber(double x)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", x);
    return buf;
}

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
