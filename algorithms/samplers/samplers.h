#pragma once
// Registry entries of the built-in samplers and pruners (one per file in this folder).

#include "../pruner.h"
#include "../sampler.h"

#include <cstdio>
#include <cstdint>
#include <random>
#include <string>
#include <unordered_set>
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
// discrepancy, mapped through the space. Shared by `sobol`, `auto` and the startup trials of `tpe`.
class ScrambledSobol {
public:
    ScrambledSobol(const SearchSpace& space, std::uint64_t seed, bool scramble = true);
    Assignment point(std::int64_t number) const;

private:
    SearchSpace m_space;
    std::vector<std::uint64_t> m_shift; // one per dimension, at least one
};

// `dims` independent uniform draws in [0, 1) from `rng`, in order.
std::vector<double> uniformUnitPoint(std::size_t dims, std::mt19937_64& rng);

// The `random` sampler's suggestion for trial `number`: a uniform point of the unit cube
// drawn from rngFor(seed, number, stream), mapped through the space. The model-based
// samplers draw their start-up trials with it (`gp` on a stream of its own).
Assignment uniformDraw(const SearchSpace& space, std::uint64_t seed, std::int64_t number, std::uint64_t stream = 0);

// assignmentKey() of every finished and pending trial: the points that `grid` and `gp`
// never suggest again.
std::unordered_set<std::string> triedKeys(const History& history);

// A one-objective sampler given several objectives through ParEGO's scalarization (a new
// weight vector per trial) and constraints through constrainedView() (parego.cpp).
std::unique_ptr<Sampler> scalarized(std::unique_ptr<Sampler> inner, std::uint64_t seed);

// What `auto` will do with this space and its settings (given, defaults filled in), once
// trials report values: each sampler it switches to, from the trial number (0-based) on,
// with the reason that trial would store. The window shows it before a launch.
struct AutoStep {
    std::int64_t firstTrial = 0;
    SuggestionSource source;
};
std::vector<AutoStep> autoPlan(const SearchSpace& space, const Settings& given, std::size_t objectives = 1, bool constrained = false);

SamplerInfo autoSamplerInfo();
SamplerInfo randomSamplerInfo();
SamplerInfo gridSamplerInfo();
SamplerInfo sobolSamplerInfo();
SamplerInfo tpeSamplerInfo();
SamplerInfo gpSamplerInfo();
SamplerInfo cmaesSamplerInfo();
SamplerInfo nsga2SamplerInfo();

PrunerInfo nonePrunerInfo();
PrunerInfo medianPrunerInfo();
PrunerInfo ashaPrunerInfo();
PrunerInfo hyperbandPrunerInfo();

} // namespace tb::algorithms
