#pragma once
// Several objectives, as people read them: the feasible Pareto set of an experiment and its
// hypervolume against a stated reference point (the spec's, or one derived from the trials).
//
// Threading: pure functions, any thread.

#include "spec.h"
#include "store.h"

#include <QJsonObject>
#include <vector>

namespace tb::engine {

struct ParetoSet {
    std::vector<TrialRow> trials;     // completed, feasible, not dominated; by number
    std::vector<double> reference;    // per objective, in its own direction (as the spec gives it)
    bool referenceFromSpec = false;   // every objective gives "reference"; else derived (pareto.h defaultReference)
    double hypervolume = 0;           // of `trials` against `reference`
    std::int64_t feasible = 0;        // completed trials within the constraints
    std::int64_t infeasible = 0;      // completed trials beyond them
};

// From an experiment's trials (any order). With one objective: the best feasible trial(s).
ParetoSet paretoSet(const ExperimentSpec& spec, const std::vector<TrialRow>& trials);

// The hypervolume of the feasible trials among the first n completed ones, for n = 1, 2, ...
// in trial-number order, against `reference` (the history plot's line).
std::vector<std::pair<std::int64_t, double>> hypervolumeHistory(const ExperimentSpec& spec, const std::vector<TrialRow>& trials,
                                                                const std::vector<double>& reference);

// A completed trial's objective values in the spec's order (one objective: its value).
std::vector<double> objectiveValues(const ExperimentSpec& spec, const TrialRow& trial);

// {"size", "hypervolume", "reference", "reference_from": "spec"|"trials", "feasible", "infeasible",
//  "trials": [{"trial", "number", "values": {metric: value}, "params"}]}
QJsonObject paretoJson(const ExperimentSpec& spec, const ParetoSet& set);

} // namespace tb::engine
