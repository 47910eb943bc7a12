// `none`: never prunes; every trial runs to its end.

#include "samplers.h"

namespace tb::algorithms {

namespace {

class NonePruner final : public Pruner {
public:
    std::optional<std::string> shouldPrune(const TrialRecord&, const History&, const std::vector<TrialRecord>&) override
    {
        return std::nullopt;
    }
};

} // namespace

PrunerInfo nonePrunerInfo()
{
    return {"none", "Never stops a trial early.", {}, [](const Settings&) { return std::make_unique<NonePruner>(); }};
}

} // namespace tb::algorithms
