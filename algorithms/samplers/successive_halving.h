#pragma once
// The successive-halving rule shared by the `asha` and `hyperband` pruners.
//
// Stateless: a trial's value at a rung is read from its curve (the value at its first
// reported step at or past the rung's step), so the decision depends only on the curves
// the engine passes in, and a resumed experiment judges exactly as before. Optuna instead
// records each value as the trial passes; the two agree except where a pruned trial's last
// report jumped past two rungs at once: it counts here at the first of them only, while
// Optuna also counts it at later ones it passed before failing (in a replay of 200 random
// asynchronous studies through Optuna 3.1, 9 of 25,706 decisions differed, all such jumps).
// NaN values never count at a rung: a trial that reports NaN there is stopped unrecorded.

#include "../pruner.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tb::algorithms {

struct HalvingRule {
    std::int64_t minResource = 1;
    std::int64_t reductionFactor = 3;
    std::int64_t minEarlyStoppingRate = 0; // rung k sits at minResource * reductionFactor^(k + rate)
    std::int64_t bootstrapCount = 0;       // a rung promotes nobody until more trials than this reached it
};

// The settings that `asha` and `hyperband` share, declared once for both: the help texts of
// min_resource and bootstrap_count tell where each pruner's rungs are.
SettingSpec minResourceSetting(std::string help);
SettingSpec reductionFactorSetting();
SettingSpec bootstrapCountSetting(std::string help);

// min_resource, reduction_factor and bootstrap_count, read into a rule (rate 0).
HalvingRule halvingRuleFrom(const Settings& settings);

// Judges `trial` at each rung that its newest report reached for the first time. Other
// trials compete when `competes` accepts them: finished ones of any state and running
// ones alike, as soon as their curve reached the rung (asynchronous halving). Returns the
// reason, without a pruner name, when the trial is not promotable.
std::optional<std::string> halvingVerdict(const HalvingRule& rule, const TrialRecord& trial, const History& history,
                                          const std::vector<TrialRecord>& running,
                                          const std::function<bool(const TrialRecord&)>& competes);

} // namespace tb::algorithms
