#include "trial.h"

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

} // namespace tb::algorithms
