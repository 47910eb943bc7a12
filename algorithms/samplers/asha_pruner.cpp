// `asha`: asynchronous successive halving (Li et al. 2018), with Optuna 3.1's promotion
// rule. Rung k sits at step min_resource * reduction_factor^(k + min_early_stopping_rate);
// a trial reaching a rung goes on only if its value is among the best 1/reduction_factor
// of the values recorded there so far, by finished and running trials alike. While a rung
// holds fewer than reduction_factor values, only a value at least as good as all of them
// goes on: a trial cannot wait for later ones, so the first arrivals are judged leniently.

#include "samplers.h"
#include "successive_halving.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace tb::algorithms {

namespace {

// min_resource * reduction_factor^(rung + rate), or nullopt once it would pass `limit`
// (which also keeps the product from overflowing).
std::optional<std::int64_t> rungStep(const HalvingRule& rule, std::int64_t rung, std::int64_t limit)
{
    std::int64_t step = rule.minResource;
    for (std::int64_t k = 0; k < rung + rule.minEarlyStoppingRate; ++k) {
        if (step > limit / rule.reductionFactor)
            return std::nullopt;
        step *= rule.reductionFactor;
    }
    if (step > limit)
        return std::nullopt;
    return step;
}

// The largest step a trial had reported before its newest report.
std::int64_t reachedBeforeLast(const TrialRecord& trial)
{
    std::int64_t reached = std::numeric_limits<std::int64_t>::min();
    for (std::size_t i = 0; i + 1 < trial.intermediate.size(); ++i)
        reached = std::max(reached, trial.intermediate[i].first);
    return reached;
}

// What `other` recorded at the rung at `step`: the value at its first reported step at or
// past it, if the curve got there. A pruned trial stopped at the first rung that its last
// report reached, so that report counts there and at no later rung it skipped over.
std::optional<double> rungValue(const HalvingRule& rule, const TrialRecord& other, std::int64_t step)
{
    if (other.intermediate.empty())
        return std::nullopt;
    if (other.state == TrialState::Pruned) {
        const std::int64_t before = reachedBeforeLast(other);
        if (step > before) {
            std::optional<std::int64_t> stoppedAt;
            for (std::int64_t rung = 0;; ++rung) {
                const auto at = rungStep(rule, rung, other.intermediate.back().first);
                if (!at)
                    break;
                if (*at > before) {
                    stoppedAt = at;
                    break;
                }
            }
            if (step != stoppedAt)
                return std::nullopt;
        }
    }
    for (const auto& [s, v] : other.intermediate)
        if (s >= step)
            return v;
    return std::nullopt;
}

class AshaPruner final : public Pruner {
public:
    explicit AshaPruner(HalvingRule rule) : m_rule(rule) {}

    std::optional<std::string> shouldPrune(const TrialRecord& trial, const History& history,
                                           const std::vector<TrialRecord>& running) override
    {
        if (auto reason = halvingVerdict(m_rule, trial, history, running, [](const TrialRecord&) { return true; }))
            return "asha: " + *reason;
        return std::nullopt;
    }

private:
    HalvingRule m_rule;
};

} // namespace

std::optional<std::string> halvingVerdict(const HalvingRule& rule, const TrialRecord& trial, const History& history,
                                          const std::vector<TrialRecord>& running,
                                          const std::function<bool(const TrialRecord&)>& competes)
{
    if (trial.intermediate.empty())
        return std::nullopt;
    const auto [step, value] = trial.intermediate.back();
    const std::int64_t reachedBefore = reachedBeforeLast(trial);

    for (std::int64_t rung = 0;; ++rung) {
        const auto at = rungStep(rule, rung, step);
        if (!at)
            break;
        if (*at <= reachedBefore)
            continue; // judged when the curve first got there
        const std::string where = "rung " + std::to_string(rung) + " (step " + std::to_string(*at) + ")";
        if (std::isnan(value))
            return "NaN at step " + std::to_string(step) + " reached " + where;

        std::vector<double> values{history.oriented(value)};
        auto collect = [&](const TrialRecord& other) {
            if (other.number == trial.number || !competes(other))
                return;
            // A NaN at a rung stops the trial there without a record, as here below.
            if (const auto v = rungValue(rule, other, *at); v && !std::isnan(*v))
                values.push_back(history.oriented(*v));
        };
        for (const TrialRecord& other : history.finished)
            collect(other);
        for (const TrialRecord& other : running)
            collect(other);

        const auto n = static_cast<std::int64_t>(values.size());
        if (n <= rule.bootstrapCount)
            return where + " holds " + std::to_string(n) + " values, and bootstrap_count "
                + std::to_string(rule.bootstrapCount) + " promotes nobody until more trials reach it";
        const std::int64_t kept = std::max<std::int64_t>(n / rule.reductionFactor, 1);
        std::nth_element(values.begin(), values.begin() + (kept - 1), values.end());
        const double cutoff = values[static_cast<std::size_t>(kept - 1)];
        if (history.oriented(value) > cutoff) {
            const double shown = history.direction == Direction::Minimize ? cutoff : -cutoff;
            return shortNumber(value) + " at step " + std::to_string(step) + " is not among the best " + std::to_string(kept)
                + " of " + std::to_string(n) + " values at " + where + " (cut-off " + shortNumber(shown) + ")";
        }
    }
    return std::nullopt;
}

SettingSpec minResourceSetting(std::string help) { return intSetting("min_resource", 1, 1, {}, std::move(help)); }

SettingSpec reductionFactorSetting()
{
    return intSetting("reduction_factor", 3, 2, {},
                      "Each rung keeps the best 1/reduction_factor; rungs are this factor apart in steps.");
}

SettingSpec bootstrapCountSetting(std::string help) { return intSetting("bootstrap_count", 0, 0, {}, std::move(help)); }

HalvingRule halvingRuleFrom(const Settings& settings)
{
    HalvingRule rule;
    rule.minResource = settingInt(settings, "min_resource");
    rule.reductionFactor = settingInt(settings, "reduction_factor");
    rule.bootstrapCount = settingInt(settings, "bootstrap_count");
    return rule;
}

PrunerInfo ashaPrunerInfo()
{
    return {"asha",
            "Asynchronous successive halving: at steps min_resource * reduction_factor^k a trial goes on only if it is "
            "among the best 1/reduction_factor of all trials that reached that step.",
            {
                minResourceSetting("Step of the first rung."),
                reductionFactorSetting(),
                intSetting("min_early_stopping_rate", 0, 0, {},
                           "Skips the first rungs: the first rung sits at min_resource * reduction_factor^rate."),
                bootstrapCountSetting("Trials that reach a rung before more than this many have are stopped there."),
            },
            [](const Settings& s) {
                HalvingRule rule = halvingRuleFrom(s);
                rule.minEarlyStoppingRate = settingInt(s, "min_early_stopping_rate");
                return std::make_unique<AshaPruner>(rule);
            }};
}

} // namespace tb::algorithms
