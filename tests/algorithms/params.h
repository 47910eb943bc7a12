#pragma once
// Search-space parameters for the sampler tests, built in one line each.

#include "algorithms/space.h"

#include <string>
#include <utility>
#include <vector>

namespace tb::algorithms::testing {

inline Param floatParam(const std::string& name, double low, double high, bool log = false)
{
    Param p;
    p.name = name;
    p.low = low;
    p.high = high;
    p.log = log;
    return p;
}

inline Param intParam(const std::string& name, double low, double high)
{
    Param p = floatParam(name, low, high);
    p.type = ParamType::Int;
    return p;
}

inline Param categoricalParam(const std::string& name, std::vector<Value> choices)
{
    Param p;
    p.name = name;
    p.type = ParamType::Categorical;
    p.choices = std::move(choices);
    return p;
}

} // namespace tb::algorithms::testing
