// `median`: the median stopping rule with Optuna 3.1's MedianPruner semantics. At the
// trial's latest step, its best intermediate value so far is compared with the median of
// the completed trials' values reported at that same step; worse than the median stops it.
// Only completed trials count: pruned ones would drag the median towards bad curves.

#include "samplers.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace tb::algorithms {

namespace {

// numpy.nanpercentile(values, 50) with linear interpolation; NaN when no value is a number.
double nanMedian(std::vector<double> values)
{
    std::erase_if(values, [](double v) { return std::isnan(v); });
    if (values.empty())
        return std::numeric_limits<double>::quiet_NaN();
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

class MedianPruner final : public Pruner {
public:
    MedianPruner(std::int64_t startupTrials, std::int64_t warmupSteps, std::int64_t intervalSteps, std::int64_t minTrials)
        : m_startupTrials(startupTrials), m_warmupSteps(warmupSteps), m_intervalSteps(intervalSteps), m_minTrials(minTrials)
    {
    }

    std::optional<std::string> shouldPrune(const TrialRecord& trial, const History& history,
                                           const std::vector<TrialRecord>&) override
    {
        std::vector<const TrialRecord*> completed;
        for (const TrialRecord& t : history.finished)
            if (t.state == TrialState::Completed)
                completed.push_back(&t);
        if (completed.empty() || static_cast<std::int64_t>(completed.size()) < m_startupTrials)
            return std::nullopt;
        if (trial.intermediate.empty())
            return std::nullopt;

        // Like Optuna, the trial's step is the largest it reported, and a check happens only
        // at the first report at or past each pruning step warm-up + k * interval.
        std::int64_t step = std::numeric_limits<std::int64_t>::min();
        for (const auto& [s, v] : trial.intermediate)
            step = std::max(step, s);
        if (step < m_warmupSteps)
            return std::nullopt;
        const std::int64_t pruningStep = (step - m_warmupSteps) / m_intervalSteps * m_intervalSteps + m_warmupSteps;
        std::int64_t previous = -1;
        for (const auto& [s, v] : trial.intermediate)
            if (s != step)
                previous = std::max(previous, s);
        if (previous >= pruningStep)
            return std::nullopt;

        double best = std::numeric_limits<double>::quiet_NaN();
        for (const auto& [s, v] : trial.intermediate)
            if (!std::isnan(v) && (std::isnan(best) || history.oriented(v) < history.oriented(best)))
                best = v;
        if (std::isnan(best))
            return "median rule: every value up to step " + std::to_string(step) + " is NaN";

        // A completed trial's value at `step`: the last one it reported there.
        std::vector<double> atStep;
        for (const TrialRecord* t : completed) {
            std::optional<double> value;
            for (const auto& [s, v] : t->intermediate)
                if (s == step)
                    value = v;
            if (value)
                atStep.push_back(history.oriented(*value));
        }
        if (static_cast<std::int64_t>(atStep.size()) < m_minTrials)
            return std::nullopt;
        const double median = nanMedian(atStep);
        if (std::isnan(median) || !(history.oriented(best) > median))
            return std::nullopt;
        const double shown = history.direction == Direction::Minimize ? median : -median;
        return "median rule: best value " + shortNumber(best) + " by step " + std::to_string(step)
            + " is worse than the median " + shortNumber(shown) + " of " + std::to_string(atStep.size())
            + " completed trials at that step";
    }

private:
    std::int64_t m_startupTrials;
    std::int64_t m_warmupSteps;
    std::int64_t m_intervalSteps;
    std::int64_t m_minTrials;
};

} // namespace

PrunerInfo medianPrunerInfo()
{
    return {"median",
            "Median stopping rule: stops a trial whose best value so far is worse than the median of completed "
            "trials at the same step.",
            {
                intSetting("n_startup_trials", 5, 0, {}, "No pruning until this many trials have completed."),
                intSetting("n_warmup_steps", 0, 0, {},
                           "No pruning before a trial reaches this step (steps count from 0)."),
                intSetting("interval_steps", 1, 1, {}, "Steps between checks, counted from n_warmup_steps."),
                intSetting("n_min_trials", 1, 1, {},
                           "No pruning at a step where fewer completed trials reported a value."),
            },
            [](const Settings& s) {
                return std::make_unique<MedianPruner>(settingInt(s, "n_startup_trials"),
                                                      settingInt(s, "n_warmup_steps"),
                                                      settingInt(s, "interval_steps"),
                                                      settingInt(s, "n_min_trials"));
            }};
}

} // namespace tb::algorithms
