#pragma once
// Search spaces: typed parameters, conditions, validation and the unit-cube mapping that
// model-based samplers work in. Plain C++ (no Qt) so the trainer and benchmarks can use it.

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

namespace tb::algorithms {

// One parameter value. Categorical choices may be strings, numbers or booleans.
using Value = std::variant<std::int64_t, double, bool, std::string>;

std::string formatValue(const Value& value);   // shortest form that round-trips
bool sameValue(const Value& a, const Value& b); // 1 == 1.0; "1" != 1
std::optional<double> numericValue(const Value& value);

enum class ParamType { Float, Int, Categorical, Fixed };

struct Condition {
    std::string parent;        // name of a categorical (or fixed) parameter
    std::vector<Value> values; // active when the parent takes one of these
};

struct Param {
    std::string name;
    ParamType type = ParamType::Float;
    double low = 0.0;
    double high = 1.0;
    bool log = false;
    std::optional<double> step;     // float or int quantization
    std::vector<Value> choices;     // categorical
    std::optional<Value> fixed;     // fixed
    std::vector<double> gridValues; // float: explicit points for grid search
    std::optional<Condition> when;
};

// Values of one trial, aligned with SearchSpace::params(); nullopt marks an inactive
// (conditional) parameter.
using Assignment = std::vector<std::optional<Value>>;

// Equal texts for assignments whose values print alike (formatValue) parameter by
// parameter, inactive ones included: the key of a set of points already tried. The
// separators are control characters, which no formatted number or usual choice holds.
std::string assignmentKey(const Assignment& assignment);

class SearchSpace {
public:
    SearchSpace() = default;

    // Builds and validates; throws SpaceError naming the parameter and the fix. Linear in
    // the size of the space and free of recursion, whatever the input (conditions may
    // chain through every parameter).
    explicit SearchSpace(std::vector<Param> params);

    const std::vector<Param>& params() const { return m_params; }
    std::size_t size() const { return m_params.size(); }
    std::optional<std::size_t> indexOf(const std::string& name) const;

    // Parents come before children in this order, so one pass decides activity.
    const std::vector<std::size_t>& topologicalOrder() const { return m_order; }

    bool isActive(std::size_t index, const Assignment& assignment) const;

    // Unit-cube mapping. fromUnit() quantizes (steps, ints, categoricals) and clamps;
    // toUnit() gives the centre of the value's cell so that fromUnit(toUnit(v)) == v.
    Value fromUnit(std::size_t index, double u) const;
    double toUnit(std::size_t index, const Value& value) const;

    // Whole trials: activity resolved from the parents, inactive entries nullopt.
    Assignment fromUnitVector(const std::vector<double>& u) const;

    // Rounds to the step/int grid and clamps into [low, high]; used by every sampler.
    double quantize(std::size_t index, double x) const;

    // Checks a value against a parameter (used when a user tells a trial by hand).
    std::optional<std::string> checkValue(std::size_t index, const Value& value) const;

private:
    std::vector<Param> m_params;
    std::vector<std::size_t> m_order;
    std::unordered_map<std::string, std::size_t> m_index; // name -> position
    std::vector<std::size_t> m_parent;                     // condition parent, or npos
};

class SpaceError : public std::exception {
public:
    explicit SpaceError(std::string message) : m_message(std::move(message)) {}
    // An error of one parameter: `param` is its position in the space as given.
    SpaceError(std::size_t param, std::string message) : m_message(std::move(message)), m_param(param) {}
    const char* what() const noexcept override { return m_message.c_str(); }
    std::optional<std::size_t> param() const { return m_param; }

private:
    std::string m_message;
    std::optional<std::size_t> m_param;
};

const char* paramTypeName(ParamType type);

} // namespace tb::algorithms
