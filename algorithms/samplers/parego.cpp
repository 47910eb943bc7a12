// Several objectives for a sampler of one (ParEGO, Knowles 2006): each suggestion draws a
// weight vector and optimizes the augmented Chebyshev scalarization
//     s(f) = max_i w_i f'_i + 0.05 sum_i w_i f'_i
// of the objectives f' normalized to [0, 1] over the trials so far (oriented, smaller
// better). Different trials pull towards different parts of the front, so the one-objective
// model (gp) covers it. The weights come from rngFor(seed, number, kWeightStream), uniform
// on the simplex, so the sampler stays deterministic. Constraints: the scalarized history
// goes through constrainedView() like any one-objective history.

#include "samplers.h"
#include "../pareto.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tb::algorithms {

namespace {

constexpr std::uint64_t kWeightStream = 0x9a7e60; // apart from the inner sampler's streams
constexpr double kAugmentation = 0.05;

class Scalarized final : public Sampler {
public:
    Scalarized(std::unique_ptr<Sampler> inner, std::uint64_t seed) : m_inner(std::move(inner)), m_seed(seed) {}

    std::optional<Assignment> suggest(const History& history, std::int64_t number) override
    {
        if (!history.multiObjective())
            return m_inner->suggest(history.constrained ? constrainedView(history) : history, number);
        const std::size_t m = history.objectiveCount();
        // Normalization over the trials with every value.
        std::vector<double> lo(m, std::numeric_limits<double>::infinity()), hi(m, -std::numeric_limits<double>::infinity());
        for (const TrialRecord& t : history.finished)
            for (std::size_t i = 0; const double v : history.orientedValues(t)) {
                lo[i] = std::min(lo[i], v);
                hi[i] = std::max(hi[i], v);
                ++i;
            }
        auto rng = rngFor(m_seed, number, kWeightStream);
        std::exponential_distribution<double> exponential(1.0);
        std::vector<double> w(m);
        double sum = 0;
        for (double& x : w)
            sum += x = exponential(rng);
        for (double& x : w)
            x /= sum;

        History one = history;
        one.directions.clear();
        one.direction = Direction::Minimize;
        for (TrialRecord& t : one.finished) {
            const std::vector<double> f = history.orientedValues(t);
            t.values.clear();
            if (f.size() != m) {
                t.value.reset();
                continue;
            }
            double worst = -std::numeric_limits<double>::infinity(), total = 0;
            for (std::size_t i = 0; i < m; ++i) {
                const double span = hi[i] > lo[i] ? hi[i] - lo[i] : 1.0;
                const double g = w[i] * (f[i] - lo[i]) / span;
                worst = std::max(worst, g);
                total += g;
            }
            t.value = worst + kAugmentation * total;
            t.intermediate.clear(); // a curve of the first objective says nothing about s
        }
        return m_inner->suggest(one.constrained ? constrainedView(one) : one, number);
    }

    SuggestionSource lastSource() const override { return m_inner->lastSource(); }

private:
    std::unique_ptr<Sampler> m_inner;
    std::uint64_t m_seed;
};

} // namespace

std::unique_ptr<Sampler> scalarized(std::unique_ptr<Sampler> inner, std::uint64_t seed)
{
    return std::make_unique<Scalarized>(std::move(inner), seed);
}

} // namespace tb::algorithms
