// `sobol`: scrambled quasi-Monte Carlo. Points come from Boost's Sobol sequence (Joe-Kuo
// direction numbers); a seeded random digital shift (XOR per dimension) scrambles them
// while keeping their low discrepancy. Point n of the sequence goes to trial n.

#include "samplers.h"

#include <boost/random/sobol.hpp>

namespace tb::algorithms {

ScrambledSobol::ScrambledSobol(const SearchSpace& space, std::uint64_t seed, bool scramble) : m_space(space)
{
    std::mt19937_64 rng = rngFor(seed, -1);
    m_shift.resize(std::max<std::size_t>(space.size(), 1));
    for (auto& s : m_shift)
        s = scramble ? rng() : 0;
}

Assignment ScrambledSobol::point(std::int64_t number) const
{
    // Boost's sequence starts at the second Sobol point; point 0 is the origin. With it, the
    // first 2^k points form a complete (t, k, s)-net.
    boost::random::sobol engine(m_shift.size());
    if (number > 0)
        engine.seed(static_cast<std::size_t>(number - 1));
    std::vector<double> u(m_shift.size());
    for (std::size_t d = 0; d < m_shift.size(); ++d) {
        const std::uint64_t bits = (number > 0 ? engine() : 0) ^ m_shift[d];
        u[d] = (static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-53;
    }
    u.resize(m_space.size());
    return m_space.fromUnitVector(u);
}

namespace {

class SobolSampler final : public Sampler {
public:
    SobolSampler(const SearchSpace& space, std::uint64_t seed, bool scramble) : m_sequence(space, seed, scramble) {}

    std::optional<Assignment> suggest(const History&, std::int64_t number) override { return m_sequence.point(number); }

private:
    ScrambledSobol m_sequence;
};

} // namespace

SamplerInfo sobolSamplerInfo()
{
    return {"sobol",
            "Scrambled Sobol quasi-random points: even coverage of the space; good for a first sweep.",
            {{"scramble", SettingSpec::Kind::Bool, true, {}, {}, {}, "Randomise the sequence by the seed (digital shift)."}},
            [](const SearchSpace& space, std::uint64_t seed, const Settings& settings) {
                return std::make_unique<SobolSampler>(space, seed, settingBool(settings, "scramble"));
            },
            true}; // values play no part: any number of objectives, constraints ignored
}

} // namespace tb::algorithms
