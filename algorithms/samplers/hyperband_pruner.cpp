// `hyperband`: several successive-halving brackets side by side (Li et al. 2018, in the
// asynchronous form of Optuna 3.1's HyperbandPruner). Bracket b is ASHA with
// min_early_stopping_rate b, so bracket 0 judges trials at min_resource already and the
// last bracket only near max_resource. Each trial belongs to one bracket and competes only
// with trials of that bracket.
//
// Optuna picks the bracket from a CRC32 of the study name and trial number; here it comes
// from the trial number alone, by Fibonacci hashing, so that the assignment is
// reproducible and consecutive trials spread over the brackets in proportion to their
// budgets ceil(n_brackets * eta^s / (s + 1)), s = n_brackets - 1 - b.

#include "samplers.h"
#include "successive_halving.h"

namespace tb::algorithms {

namespace {

class HyperbandPruner final : public Pruner {
public:
    // `rule` without its early-stopping rate, which each bracket sets.
    HyperbandPruner(HalvingRule rule, std::int64_t maxResource) : m_rule(rule)
    {
        // floor(log_eta(max / min)) + 1 brackets, counted in integers so that exact powers
        // are not lost to rounding.
        std::int64_t brackets = 1;
        for (std::int64_t r = rule.minResource; r <= maxResource / rule.reductionFactor; r *= rule.reductionFactor)
            ++brackets;
        for (std::int64_t b = 0; b < brackets; ++b) {
            const std::int64_t s = brackets - 1 - b;
            std::int64_t power = 1;
            for (std::int64_t k = 0; k < s; ++k)
                power *= rule.reductionFactor;
            m_budgets.push_back((brackets * power + s) / (s + 1));
            m_totalBudget += m_budgets.back();
        }
    }

    std::size_t bracketOf(std::int64_t number) const
    {
        // Multiplicative hashing by 2^64 / golden ratio: a low-discrepancy walk over [0, 1).
        const std::uint64_t h = static_cast<std::uint64_t>(number) * 0x9e3779b97f4a7c15ULL;
        const double u = static_cast<double>(h >> 11) * 0x1.0p-53; // exact: 53 bits
        auto slot = static_cast<std::int64_t>(u * static_cast<double>(m_totalBudget));
        for (std::size_t b = 0; b < m_budgets.size(); ++b) {
            slot -= m_budgets[b];
            if (slot < 0)
                return b;
        }
        return m_budgets.size() - 1;
    }

    std::optional<std::string> shouldPrune(const TrialRecord& trial, const History& history,
                                           const std::vector<TrialRecord>& running) override
    {
        const std::size_t bracket = bracketOf(trial.number);
        HalvingRule rule = m_rule;
        rule.minEarlyStoppingRate = static_cast<std::int64_t>(bracket);
        auto sameBracket = [&](const TrialRecord& other) { return bracketOf(other.number) == bracket; };
        if (auto reason = halvingVerdict(rule, trial, history, running, sameBracket))
            return "hyperband bracket " + std::to_string(bracket) + " of " + std::to_string(m_budgets.size()) + ": "
                + *reason;
        return std::nullopt;
    }

private:
    HalvingRule m_rule;
    std::vector<std::int64_t> m_budgets; // trial allocation weight per bracket
    std::int64_t m_totalBudget = 0;
};

} // namespace

PrunerInfo hyperbandPrunerInfo()
{
    return {"hyperband",
            "Hyperband: trials are spread over successive-halving brackets that stop trials early to different "
            "degrees, hedging against rankings that change late in training.",
            {
                minResourceSetting("Step of the first rung of the first bracket."),
                intSetting("max_resource", 100, 1, {},
                           "Steps of a full trial; with min_resource it sets the number of brackets, "
                           "floor(log_reduction_factor(max_resource / min_resource)) + 1."),
                reductionFactorSetting(),
                bootstrapCountSetting(
                    "Trials that reach a rung before more than this many of their bracket have are stopped there."),
            },
            [](const Settings& s) {
                const HalvingRule rule = halvingRuleFrom(s);
                const std::int64_t maxResource = settingInt(s, "max_resource");
                if (maxResource < rule.minResource)
                    throw SpaceError("pruner.settings.max_resource: must be at least min_resource ("
                                     + std::to_string(rule.minResource) + "), got " + std::to_string(maxResource));
                return std::make_unique<HyperbandPruner>(rule, maxResource);
            }};
}

} // namespace tb::algorithms
