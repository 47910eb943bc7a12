#pragma once
// The extension point for early stopping.
//
// Threading: like Sampler, one thread at a time, deterministic, no hidden state beyond
// what History carries. The engine calls shouldPrune() each time a running trial reports
// a new intermediate objective value; a reason string means "stop this trial now".

#include "settings.h"
#include "trial.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tb::algorithms {

class Pruner {
public:
    virtual ~Pruner() = default;

    // `trial` is running and holds its intermediate values so far; `history` holds the
    // finished trials and, for asynchronous algorithms, the other running ones' values.
    virtual std::optional<std::string> shouldPrune(const TrialRecord& trial, const History& history,
                                                   const std::vector<TrialRecord>& running) = 0;
};

struct PrunerInfo {
    std::string name;
    std::string summary;
    std::vector<SettingSpec> settings;
    std::function<std::unique_ptr<Pruner>(const Settings&)> create;
};

const std::vector<PrunerInfo>& prunerRegistry();
const PrunerInfo* findPruner(const std::string& name);

} // namespace tb::algorithms
