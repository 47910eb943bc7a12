#pragma once
// Registry entries of the built-in samplers and pruners (one per file in this folder).

#include "../pruner.h"
#include "../sampler.h"

namespace tb::algorithms {

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
