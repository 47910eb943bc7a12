#pragma once
// The extension point for search algorithms.
//
// Threading: a Sampler is created and used by one thread at a time (the engine's, or a
// CLI command's); it is not thread-safe and holds no locks. It must be deterministic:
// the same space, seed, settings, history and number give the same suggestion. Randomness
// therefore comes from rngFor(seed, number), never from state carried between calls, so
// a resumed experiment rebuilds the sampler from the store and goes on as if never stopped.
// What a sampler may keep from a call: what lastSource() reports about it, and a memo of
// work whose result depends only on the call's inputs (cmaes keeps its last replay), used
// only where it gives exactly what the work would.

#include "settings.h"
#include "space.h"
#include "trial.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace tb::algorithms {

// Which sampler made a suggestion and why. A sampler that delegates (`auto`) names the one
// it chose; the engine stores both with the trial and the window shows them.
struct SuggestionSource {
    std::string sampler; // a registry name; empty: the sampler that was asked
    std::string reason;  // short English, for people (may be empty)
};

class Sampler {
public:
    virtual ~Sampler() = default;

    // Values for trial `number`, or nullopt when the algorithm has nothing left to try
    // (a grid that is exhausted): the engine then ends the experiment.
    virtual std::optional<Assignment> suggest(const History& history, std::int64_t number) = 0;

    // Where the last suggest() came from; asked right after it. Default: this sampler, no
    // reason. It never influences a later suggestion.
    virtual SuggestionSource lastSource() const { return {}; }
};

struct SamplerInfo {
    std::string name;
    std::string summary;
    std::vector<SettingSpec> settings;
    std::function<std::unique_ptr<Sampler>(const SearchSpace&, std::uint64_t seed, const Settings&)> create;
    // It models several objectives (History::directions) and constraint violations itself.
    // A single-objective sampler is refused for a spec with several objectives; with
    // constraints it sees constrainedView()'s history instead.
    bool multiObjective = false;
};

// Every algorithm, in the order the GUI lists them. Adding one: a new file that defines
// its SamplerInfo, plus one line in registry.cpp.
const std::vector<SamplerInfo>& samplerRegistry();
const SamplerInfo* findSampler(const std::string& name);

// A generator seeded from (seed, number, stream): independent streams per trial.
std::mt19937_64 rngFor(std::uint64_t seed, std::int64_t number, std::uint64_t stream = 0);

} // namespace tb::algorithms
