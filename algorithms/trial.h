#pragma once
// What samplers and pruners see of an experiment: finished trials, pending ones, direction.

#include "space.h"

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace tb::algorithms {

enum class TrialState { Queued, Running, Completed, Pruned, Failed };
enum class Direction { Minimize, Maximize };

const char* trialStateName(TrialState state);
std::optional<TrialState> trialStateFromName(const std::string& name);

struct TrialRecord {
    std::int64_t number = 0; // 0-based position in the experiment
    Assignment params;
    TrialState state = TrialState::Queued;
    std::optional<double> value;                              // the objective, once known
    std::vector<std::pair<std::int64_t, double>> intermediate; // (step, objective) as reported
};

struct History {
    Direction direction = Direction::Minimize;
    std::vector<TrialRecord> finished; // completed, pruned and failed trials, by number
    std::vector<Assignment> pending;   // trials queued or running, values not yet known
    std::vector<std::int64_t> pendingNumbers; // their numbers, in the same order

    // Objective values oriented so that smaller is better.
    double oriented(double value) const { return direction == Direction::Minimize ? value : -value; }
};

} // namespace tb::algorithms
