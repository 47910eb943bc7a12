#pragma once
// Hyperparameter importance by fANOVA (Hutter, Hoos & Leyton-Brown 2014), as Optuna 3.1's
// FanovaImportanceEvaluator computes it: a random forest regressor is fitted to the
// completed trials, and each tree's prediction is split into the variance that each
// parameter explains on its own (its marginal), as a fraction of the tree's total
// variance, averaged over the trees and normalised to shares.
//
// Encoding (where it differs from Optuna, the reason is given):
// - numbers in the unit cube of SearchSpace::toUnit, so log-scaled parameters are measured
//   on the log scale they were sampled on (Optuna fits raw values, where a log-scaled
//   range is dominated by its top decade);
// - categoricals one-hot, one column per choice, their share taken jointly over the
//   columns (as Optuna);
// - an inactive conditional parameter gets a stand-in value drawn uniformly (seeded by
//   the seed and the trial's number). Where it is inactive its value cannot matter, and a
//   random value tells the forest exactly that: the parent explains the difference between
//   active and inactive, and the child's share is the variance it causes where it is
//   active. A fixed stand-in (say 0.5) lets the trees tell inactive trials apart by the
//   child's column and credits the parent's effect to the child; in the test with sgd's
//   momentum, it gave the optimizer 0.07% instead of about 25%. (Optuna leaves conditional
//   parameters out altogether.)
// - fixed parameters, categoricals with one choice and int ranges of one value are not
//   fitted and get share 0.
//
// Deterministic for a seed, whatever the thread count: tree t draws its bootstrap sample
// and feature orders from rngFor(seed, t), the stand-ins from rngFor(seed, number, 1).

#include "space.h"
#include "trial.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tb::algorithms {

struct ImportanceResult {
    std::vector<std::string> names; // the space's parameters, in its order
    std::vector<double> importance; // shares summing to 1; all 0 when nothing varies
    std::size_t trialsUsed = 0;     // completed trials with a finite value
};

struct FanovaOptions {
    int trees = 64;
    int maxDepth = -1; // -1: grow until leaves are pure (Optuna passes 64, which 1000s of trials never reach)
    int minSamplesSplit = 2;
    int minSamplesLeaf = 1;
    std::uint64_t seed = 0;
    int threads = 0; // 0: std::thread::hardware_concurrency()
};

// Uses the completed trials with a finite value; others are skipped. The decomposition
// is of the objective's variance, so it does not depend on the direction of optimisation.
ImportanceResult fanovaImportance(const SearchSpace& space, const std::vector<TrialRecord>& trials,
                                  const FanovaOptions& options = {});

} // namespace tb::algorithms
