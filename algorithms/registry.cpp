#include "samplers/samplers.h"

namespace tb::algorithms {

namespace {

// The entry of `registry` called `name`, or nullptr.
template <typename Info>
const Info* findByName(const std::vector<Info>& registry, const std::string& name)
{
    for (const Info& info : registry)
        if (info.name == name)
            return &info;
    return nullptr;
}

} // namespace

const std::vector<SamplerInfo>& samplerRegistry()
{
    static const std::vector<SamplerInfo> registry = {
        autoSamplerInfo(), // the default (an unnamed algorithm), so the GUI lists it first
        randomSamplerInfo(),
        gridSamplerInfo(),
        sobolSamplerInfo(),
        tpeSamplerInfo(),
        gpSamplerInfo(),
        cmaesSamplerInfo(),
        nsga2SamplerInfo(),
    };
    return registry;
}

const std::vector<PrunerInfo>& prunerRegistry()
{
    static const std::vector<PrunerInfo> registry = {
        nonePrunerInfo(),
        medianPrunerInfo(),
        ashaPrunerInfo(),
        hyperbandPrunerInfo(),
    };
    return registry;
}

const SamplerInfo* findSampler(const std::string& name) { return findByName(samplerRegistry(), name); }

const PrunerInfo* findPruner(const std::string& name) { return findByName(prunerRegistry(), name); }

std::mt19937_64 rngFor(std::uint64_t seed, std::int64_t number, std::uint64_t stream)
{
    // splitmix64 over the three inputs: nearby seeds and numbers give unrelated streams.
    auto mix = [](std::uint64_t z) {
        z += 0x9e3779b97f4a7c15ULL;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    };
    const std::uint64_t s = mix(mix(mix(seed) ^ static_cast<std::uint64_t>(number)) ^ stream);
    std::seed_seq seq{static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(s >> 32)};
    return std::mt19937_64(seq);
}

} // namespace tb::algorithms
