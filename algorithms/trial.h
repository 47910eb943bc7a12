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
    std::optional<double> value;                              // the (first) objective, once known
    std::vector<std::pair<std::int64_t, double>> intermediate; // (step, objective) as reported
    // Several objectives: every objective's value, in the spec's order (values[0] == value);
    // empty with one objective.
    std::vector<double> values;
    // How far the trial breaks the spec's constraints: the sum over constraints of the
    // distance to the bound, in the metrics' units. 0: feasible (or no constraints).
    double violation = 0;

    bool feasible() const { return violation <= 0; }
};

struct History {
    Direction direction = Direction::Minimize; // the (first) objective's
    // Several objectives: each one's direction, in the spec's order (directions[0] ==
    // direction); empty with one objective.
    std::vector<Direction> directions;
    bool constrained = false; // the spec has constraints: TrialRecord::violation means something
    std::vector<TrialRecord> finished; // completed, pruned and failed trials, by number
    std::vector<Assignment> pending;   // trials queued or running, values not yet known
    std::vector<std::int64_t> pendingNumbers; // their numbers, in the same order

    // Objective values oriented so that smaller is better.
    double oriented(double value) const { return direction == Direction::Minimize ? value : -value; }

    bool multiObjective() const { return directions.size() > 1; }
    std::size_t objectiveCount() const { return directions.empty() ? 1 : directions.size(); }
    // A completed trial's objectives oriented so that smaller is better (objectiveCount()
    // of them); empty when it has no value, one is NaN, or values has the wrong length.
    std::vector<double> orientedValues(const TrialRecord& trial) const;
};

} // namespace tb::algorithms
