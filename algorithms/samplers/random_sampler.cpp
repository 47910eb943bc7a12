// `random`: independent uniform draws in the unit cube, mapped through the space (log
// scales, steps and categoricals are handled by SearchSpace::fromUnit).

#include "samplers.h"

namespace tb::algorithms {

std::vector<double> uniformUnitPoint(std::size_t dims, std::mt19937_64& rng)
{
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<double> u(dims);
    for (double& x : u)
        x = unit(rng);
    return u;
}

Assignment uniformDraw(const SearchSpace& space, std::uint64_t seed, std::int64_t number, std::uint64_t stream)
{
    auto rng = rngFor(seed, number, stream);
    return space.fromUnitVector(uniformUnitPoint(space.size(), rng));
}

namespace {

class RandomSampler final : public Sampler {
public:
    RandomSampler(const SearchSpace& space, std::uint64_t seed) : m_space(space), m_seed(seed) {}

    std::optional<Assignment> suggest(const History&, std::int64_t number) override
    {
        return uniformDraw(m_space, m_seed, number);
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
            },
            true}; // values play no part: any number of objectives, constraints ignored
}

} // namespace tb::algorithms
