#pragma once
// How `tpe` splits the finished trials into the good ("below") and the rest ("above"): the
// order it ranks them in, how many go below, and the weights of each set's kernels.
//
// One objective: completed trials by value, then pruned ones, those that got further first
// (by their last reported value), as Optuna 3.1 ranks them. Several objectives (MOTPE,
// Ozaki et al., GECCO 2020 and JAIR 2022): completed trials by non-dominated rank; the front
// that does not fit whole into the good set is broken by greedy hypervolume subset
// selection, as Optuna's TPESampler does. Constraints, either way: a trial that breaks one
// ranks after every feasible and pruned trial, less infeasible first (Optuna's constrained
// TPE), so it enters the good set only while too few others exist.

#include "../trial.h"

#include <cstdint>
#include <vector>

namespace tb::algorithms {

// Optuna's gamma: the good set holds ceil(0.1 n) trials, at most gammaMax. Computed in
// floating point like Optuna (0.1 * 30 rounds up to 4), so that splits match.
std::size_t tpeBelowCount(std::size_t n, std::int64_t gammaMax);

// Kernel weights of n observations in chronological order. Optuna's default_weights: the 25
// most recent weigh 1, older ones ramp linearly from 1/n, so that the model follows the
// search as it moves. flat(): every one weighs 1 (the good set with several objectives,
// where an old trial on the front is as good as a new one).
struct TpeWeights {
    std::size_t n = 0;
    bool flat = false;
    std::vector<double> weight, logWeight;

    void fill(std::size_t count);
    void fillFlat(std::size_t count);
};

// The finished trials a model learns from (completed ones with a value, pruned ones; never
// failed ones), in chronological order, with their ranking, best first. With several
// objectives the hypervolume tie-break settles the good set of all of them,
// tpeBelowCount(trials, gammaMax); a group of conditional parameters takes the best of the
// trials it is active in by the same order.
struct TpeRanking {
    std::vector<const TrialRecord*> trials;
    std::vector<std::size_t> best; // indices into trials
};
void rankForTpe(const History& history, std::int64_t gammaMax, TpeRanking& out);

} // namespace tb::algorithms
