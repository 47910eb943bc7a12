// The split of `tpe` (see tpe_split.h).

#include "tpe_split.h"
#include "../pareto.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

namespace tb::algorithms {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::size_t kFlatRecent = 25; // most recent observations that keep full weight

// Ranking keys, compared as pairs: (-inf, value) for completed trials, (-step, value) or
// (1, 0) for pruned ones, (kInfeasible, violation) for trials that break a constraint.
constexpr double kInfeasible = 2.0;

// Positions, best first, of the completed feasible trials with several objectives: by
// front; the front that straddles the good set's edge (`good` trials) in greedy
// hypervolume-subset order up to that edge, against the reference of that front
// (defaultReference()); the rest of each front chronologically.
std::vector<double> paretoPositions(const std::vector<Point>& points, std::size_t good)
{
    std::vector<double> position(points.size(), 0.0);
    double next = 0.0;
    std::size_t placed = 0;
    for (const std::vector<std::size_t>& front : nondominatedSort(points)) {
        std::vector<std::size_t> order = front;
        if (placed < good && placed + front.size() > good) {
            std::vector<Point> members;
            for (std::size_t i : front)
                members.push_back(points[i]);
            const Point reference = defaultReference(members);
            // An infinite value leaves no finite reference: chronological order then.
            if (std::all_of(reference.begin(), reference.end(), [](double r) { return std::isfinite(r); })) {
                order.clear();
                std::vector<bool> taken(front.size(), false);
                for (std::size_t k : hypervolumeSubset(members, good - placed, reference)) {
                    order.push_back(front[k]);
                    taken[k] = true;
                }
                for (std::size_t k = 0; k < front.size(); ++k)
                    if (!taken[k])
                        order.push_back(front[k]);
            }
        }
        for (std::size_t i : order)
            position[i] = next++;
        placed += front.size();
    }
    return position;
}

} // namespace

std::size_t tpeBelowCount(std::size_t n, std::int64_t gammaMax)
{
    const auto g = static_cast<std::size_t>(std::ceil(0.1 * static_cast<double>(n)));
    return std::min(g, static_cast<std::size_t>(gammaMax));
}

void TpeWeights::fill(std::size_t count)
{
    n = count;
    flat = false;
    weight.assign(n, 1.0);
    logWeight.assign(n, 0.0);
    if (n <= kFlatRecent)
        return;
    const std::size_t ramp = n - kFlatRecent;
    const double start = 1.0 / static_cast<double>(n);
    const double slope = ramp == 1 ? 0.0 : (1.0 - start) / static_cast<double>(ramp - 1);
    for (std::size_t i = 0; i < ramp; ++i) {
        weight[i] = start + slope * static_cast<double>(i);
        logWeight[i] = std::log(weight[i]);
    }
}

void TpeWeights::fillFlat(std::size_t count)
{
    n = count;
    flat = true;
    weight.assign(n, 1.0);
    logWeight.assign(n, 0.0);
}

void rankForTpe(const History& history, std::int64_t gammaMax, TpeRanking& out)
{
    const bool multi = history.multiObjective();
    out.trials.clear();
    std::vector<std::pair<double, double>> keys;
    std::vector<std::size_t> paretoRows; // with several objectives: completed feasible trials
    std::vector<Point> paretoPoints;
    for (const TrialRecord& t : history.finished) {
        std::pair<double, double> key;
        if (t.violation > 0 && t.state != TrialState::Failed) {
            key = {kInfeasible, t.violation};
        } else if (t.state == TrialState::Completed) {
            if (multi) {
                Point p = history.orientedValues(t);
                if (p.empty())
                    continue;
                paretoRows.push_back(out.trials.size());
                paretoPoints.push_back(std::move(p));
                key = {-kInf, 0.0}; // the position, below
            } else {
                if (!t.value || std::isnan(*t.value))
                    continue;
                key = {-kInf, history.oriented(*t.value)};
            }
        } else if (t.state == TrialState::Pruned) {
            if (t.intermediate.empty()) {
                key = {1.0, 0.0};
            } else {
                auto last = t.intermediate.front();
                for (const auto& report : t.intermediate)
                    if (report.first >= last.first)
                        last = report;
                key = {-static_cast<double>(last.first), std::isnan(last.second) ? kInf : history.oriented(last.second)};
            }
        } else {
            continue; // failed: no information about the objective
        }
        out.trials.push_back(&t);
        keys.push_back(key);
    }
    if (!paretoRows.empty()) {
        const std::vector<double> position = paretoPositions(paretoPoints, tpeBelowCount(out.trials.size(), gammaMax));
        for (std::size_t k = 0; k < paretoRows.size(); ++k)
            keys[paretoRows[k]].second = position[k];
    }
    out.best.resize(out.trials.size());
    std::iota(out.best.begin(), out.best.end(), std::size_t{0});
    std::stable_sort(out.best.begin(), out.best.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
}

} // namespace tb::algorithms
