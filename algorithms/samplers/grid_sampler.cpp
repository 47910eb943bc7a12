// `grid`: full factorial over a finite set per parameter, conditional parameters expanded
// only under the parent values that activate them. The points are visited in a seeded
// random order; once each has been tried, suggest() returns nullopt and the experiment ends.

#include "samplers.h"

#include "algorithms/text.h"

#include <algorithm>
#include <cmath>

namespace tb::algorithms {

namespace {

constexpr std::size_t kMaxGridPoints = 1'000'000;

std::vector<Value> axisOf(const SearchSpace& space, std::size_t index, std::int64_t steps)
{
    const Param& p = space.params()[index];
    const std::string at = "space[" + std::to_string(index) + "] '" + printable(p.name) + "': ";
    std::vector<Value> axis;
    switch (p.type) {
    case ParamType::Categorical:
        return p.choices;
    case ParamType::Fixed:
        return {*p.fixed};
    case ParamType::Int: {
        const auto step = static_cast<std::int64_t>(p.step.value_or(1.0));
        for (auto x = static_cast<std::int64_t>(p.low); x <= static_cast<std::int64_t>(p.high); x += step) {
            axis.emplace_back(x);
            if (axis.size() > kMaxGridPoints)
                throw SpaceError(index, at + "too many grid values; add a step");
        }
        return axis;
    }
    case ParamType::Float:
        if (!p.gridValues.empty()) {
            for (double v : p.gridValues)
                axis.emplace_back(v);
        } else if (p.step) {
            const auto k = std::llround((p.high - p.low) / *p.step);
            if (k + 1 > static_cast<long long>(kMaxGridPoints))
                throw SpaceError(index, at + "too many grid values; use a larger step");
            for (long long i = 0; i <= k; ++i)
                axis.emplace_back(space.quantize(index, p.low + static_cast<double>(i) * *p.step));
        } else if (steps > static_cast<std::int64_t>(kMaxGridPoints)) {
            throw SpaceError("algorithm.settings.steps: at most 1000000 values per axis");
        } else if (steps >= 2) {
            for (std::int64_t i = 0; i < steps; ++i) {
                const double t = static_cast<double>(i) / static_cast<double>(steps - 1);
                axis.emplace_back(p.log ? std::exp(std::log(p.low) + t * (std::log(p.high) - std::log(p.low)))
                                        : p.low + t * (p.high - p.low));
            }
        } else {
            throw SpaceError(index, at + "grid search needs a finite set for a float: give it 'values' or a 'step', "
                                  "or set algorithm.settings.steps");
        }
        return axis;
    }
    return axis;
}

class GridSampler final : public Sampler {
public:
    GridSampler(const SearchSpace& space, std::uint64_t seed, std::int64_t steps)
    {
        std::vector<std::vector<Value>> axes(space.size());
        for (std::size_t i = 0; i < space.size(); ++i)
            axes[i] = axisOf(space, i, steps);

        // Depth-first over the topological order: a parameter contributes its axis only
        // where it is active, so conditionals do not multiply the grid needlessly. An
        // odometer, not recursion: a space may chain conditions through every parameter.
        const auto& order = space.topologicalOrder();
        const std::size_t n = order.size();
        Assignment current(space.size());
        std::vector<std::size_t> next(n + 1, 0); // the choice to take next at each depth
        std::size_t depth = 0;
        for (;;) {
            if (depth == n) {
                m_points.push_back(current);
                // Points, and values held in all (a wide space holds a value per parameter).
                if (m_points.size() > kMaxGridPoints || m_points.size() * std::max<std::size_t>(1, n) > 50 * kMaxGridPoints)
                    throw SpaceError("space: the grid has more than 1000000 points (or 50000000 values); use fewer values");
                if (n == 0)
                    break;
                --depth;
                continue;
            }
            const std::size_t i = order[depth];
            const bool active = space.isActive(i, current);
            const std::size_t options = active ? axes[i].size() : 1;
            if (next[depth] >= options) { // this depth is done: back up
                current[i].reset();
                next[depth] = 0;
                if (depth == 0)
                    break;
                --depth;
                continue;
            }
            if (active)
                current[i] = axes[i][next[depth]];
            else
                current[i].reset();
            ++next[depth];
            ++depth;
        }
        auto rng = rngFor(seed, -1);
        std::shuffle(m_points.begin(), m_points.end(), rng);
    }

    std::optional<Assignment> suggest(const History& history, std::int64_t) override
    {
        const std::unordered_set<std::string> used = triedKeys(history);
        for (const Assignment& point : m_points)
            if (!used.count(assignmentKey(point)))
                return point;
        return std::nullopt;
    }

private:
    std::vector<Assignment> m_points;
};

} // namespace

std::unordered_set<std::string> triedKeys(const History& history)
{
    std::unordered_set<std::string> keys;
    for (const TrialRecord& t : history.finished)
        keys.insert(assignmentKey(t.params));
    for (const Assignment& a : history.pending)
        keys.insert(assignmentKey(a));
    return keys;
}

SamplerInfo gridSamplerInfo()
{
    return {"grid",
            "Every combination once, in a seeded order; the experiment ends when the grid is exhausted.",
            {intSetting("steps", 0, 0, 1'000'000,
                        "Points per float that has neither 'values' nor a 'step' (log-spaced on log scales); "
                        "0: required.")},
            [](const SearchSpace& space, std::uint64_t seed, const Settings& settings) {
                return std::make_unique<GridSampler>(space, seed, settingInt(settings, "steps"));
            },
            true}; // values play no part: any number of objectives, constraints ignored
}

} // namespace tb::algorithms
