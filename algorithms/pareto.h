#pragma once
// Several objectives: dominance, Pareto fronts, crowding, hypervolume, and the view of a
// constrained history that single-objective samplers get. Every point is a vector of
// objective values oriented so that smaller is better (History::orientedValues()).
//
// Threading: pure functions, any thread.

#include "trial.h"

#include <cstddef>
#include <vector>

namespace tb::algorithms {

using Point = std::vector<double>;

// a is no worse than b in every objective and better in one.
bool dominates(const Point& a, const Point& b);

// Deb's constraint domination: a feasible point (violation 0) beats an infeasible one; of
// two infeasible ones the smaller violation wins; two feasible ones compare by dominates().
bool constrainedDominates(const Point& a, double violationA, const Point& b, double violationB);

// Indices of the points no other point dominates, in input order (duplicates all stay).
std::vector<std::size_t> paretoFront(const std::vector<Point>& points);

// Non-dominated sorting by constrainedDominates() (violations empty: all feasible): the
// fronts in order, each a list of indices in input order. Feasible points come first, by
// dominance; infeasible ones after them, one front per violation, smallest first. Sorting
// stops once the fronts returned hold at least `enough` points (selection seldom needs all).
std::vector<std::vector<std::size_t>> nondominatedSort(const std::vector<Point>& points,
                                                       const std::vector<double>& violations = {},
                                                       std::size_t enough = static_cast<std::size_t>(-1));

// NSGA-II's crowding distance of each member of `front` (indices into points), in the
// order of `front`; the extremes of each objective get infinity.
std::vector<double> crowdingDistance(const std::vector<Point>& points, const std::vector<std::size_t>& front);

// The volume dominated by `points` and bounded by `reference` (points not strictly better
// than the reference in every objective add nothing). Exact for any number of objectives.
double hypervolume(const std::vector<Point>& points, const Point& reference);

// Each point's exclusive contribution to the hypervolume of `points` (0 for a point that
// another one dominates or repeats).
std::vector<double> hypervolumeContributions(const std::vector<Point>& points, const Point& reference);

// Greedy hypervolume subset selection: `count` indices into points (at most points.size()),
// in the order picked, each adding the most hypervolume to those picked before it (ties:
// the lower index). MOTPE breaks its last front with it. Greedy is within 1 - 1/e of the best
// subset (the hypervolume is submodular); the exact problem is NP-hard beyond 2 objectives.
std::vector<std::size_t> hypervolumeSubset(const std::vector<Point>& points, std::size_t count, const Point& reference);

// The feasible Pareto set of a history: indices into history.finished of the completed,
// feasible trials with a value that no other such trial dominates, by number.
std::vector<std::size_t> paretoTrials(const History& history);

// The reference point when none is given: per objective (oriented), the worst value among
// the feasible Pareto set plus 10 % of its range on the set (1 when the range is 0).
Point defaultReference(const std::vector<Point>& front);

// What a single-objective sampler sees of a constrained history: each infeasible completed
// trial's value replaced by one worse than every feasible value, growing with its
// violation, so that any feasible trial ranks above any infeasible one and less
// infeasible ones above more. Without constraints, the history itself.
History constrainedView(const History& history);

} // namespace tb::algorithms
