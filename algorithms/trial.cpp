#include "trial.h"

#include <cmath>

namespace tb::algorithms {

const char* trialStateName(TrialState state)
{
    switch (state) {
    case TrialState::Queued: return "queued";
    case TrialState::Running: return "running";
    case TrialState::Completed: return "completed";
    case TrialState::Pruned: return "pruned";
    case TrialState::Failed: return "failed";
    }
    return "?";
}

std::optional<TrialState> trialStateFromName(const std::string& name)
{
    for (auto s : {TrialState::Queued, TrialState::Running, TrialState::Completed, TrialState::Pruned,
                   TrialState::Failed})
        if (name == trialStateName(s))
            return s;
    return std::nullopt;
}

std::vector<double> History::orientedValues(const TrialRecord& trial) const
{
    // A NaN compares false both ways, so it would sit on every Pareto front: no value.
    if (!multiObjective()) {
        if (!trial.value || std::isnan(*trial.value))
            return {};
        return {oriented(*trial.value)};
    }
    if (trial.values.size() != directions.size())
        return {};
    std::vector<double> out(directions.size());
    for (std::size_t k = 0; k < out.size(); ++k) {
        if (std::isnan(trial.values[k]))
            return {};
        out[k] = directions[k] == Direction::Minimize ? trial.values[k] : -trial.values[k];
    }
    return out;
}

} // namespace tb::algorithms
