// `random`: independent uniform draws in the unit cube, mapped through the space (log
// scales, steps and categoricals are handled by SearchSpace::fromUnit).

#include "samplers.h"

namespace tb::algorithms {

namespace {

class RandomSampler final : public Sampler {
public:
    RandomSampler(const SearchSpace& space, std::uint64_t seed) : m_space(space), m_seed(seed) {}

    std::optional<Assignment> suggest(const History&, std::int64_t number) override
    {
        auto rng = rngFor(m_seed, number);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        std::vector<double> u(m_space.size());
        for (double& x : u)
            x = unit(rng);
        return m_space.fromUnitVector(u);
    }

private:
    SearchSpace m_space;
    std::uint64_t m_seed;
};

} // namespace

SamplerInfo randomSamplerInfo()
{
    return {"random", "Independent uniform draws (log scales respected). A robust baseline for any budget.", {},
            [](const SearchSpace& space, std::uint64_t seed, const Settings&) {
                return std::make_unique<RandomSampler>(space, seed);
            }};
}

} // namespace tb::algorithms
