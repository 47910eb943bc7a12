#include "space.h"

#include "text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>
#include <unordered_map>

namespace tb::algorithms {

namespace {

std::string formatDouble(double x)
{
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, x);
    return std::string(buf, res.ptr);
}

std::string where(std::size_t index, const std::string& name)
{
    return "space[" + std::to_string(index) + "] '" + printable(name) + "': ";
}

// A value as a message shows it.
std::string shown(const Value& v)
{
    return printable(formatValue(v));
}

// Equal keys for values that sameValue() calls equal (1 and 1.0), distinct otherwise.
std::string valueKey(const Value& v)
{
    if (const auto n = numericValue(v))
        return "n" + formatValue(Value(*n == 0 ? 0.0 : *n)); // shortest round-trip text: one per double
    if (const auto* b = std::get_if<bool>(&v))
        return *b ? "bt" : "bf";
    return "s" + std::get<std::string>(v);
}

void rejectNul(const Value& v, std::size_t index, const std::string& at, const char* what)
{
    if (const auto* s = std::get_if<std::string>(&v); s && s->find('\0') != std::string::npos)
        throw SpaceError(index, at + what + " " + shown(v) + " contains a NUL character, which no program argument can carry");
}

bool isInteger(double x) { return std::isfinite(x) && std::floor(x) == x; }

bool validName(const std::string& name)
{
    if (name.empty())
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
    });
}

// Number of cells an int (or stepped float) range splits into.
std::int64_t cellCount(double low, double high, double step)
{
    return static_cast<std::int64_t>(std::llround((high - low) / step)) + 1;
}

} // namespace

const char* paramTypeName(ParamType type)
{
    switch (type) {
    case ParamType::Float: return "float";
    case ParamType::Int: return "int";
    case ParamType::Categorical: return "categorical";
    case ParamType::Fixed: return "fixed";
    }
    return "?";
}

std::string formatValue(const Value& value)
{
    return std::visit(
        [](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::int64_t>)
                return std::to_string(v);
            else if constexpr (std::is_same_v<T, double>)
                return formatDouble(v);
            else if constexpr (std::is_same_v<T, bool>)
                return v ? "true" : "false";
            else
                return v;
        },
        value);
}

std::string assignmentKey(const Assignment& assignment)
{
    std::string key;
    for (const auto& v : assignment) {
        key += v ? formatValue(*v) : std::string("\x01");
        key += '\x1f';
    }
    return key;
}

std::optional<double> numericValue(const Value& value)
{
    if (const auto* i = std::get_if<std::int64_t>(&value))
        return static_cast<double>(*i);
    if (const auto* d = std::get_if<double>(&value))
        return *d;
    return std::nullopt;
}

bool sameValue(const Value& a, const Value& b)
{
    const auto na = numericValue(a);
    const auto nb = numericValue(b);
    if (na && nb)
        return *na == *nb;
    return a == b;
}

SearchSpace::SearchSpace(std::vector<Param> params) : m_params(std::move(params))
{
    m_index.reserve(m_params.size());
    for (std::size_t i = 0; i < m_params.size(); ++i) {
        Param& p = m_params[i];
        const std::string at = where(i, p.name);
        if (!validName(p.name))
            throw SpaceError(i, "space[" + std::to_string(i) + "]: name '" + printable(p.name)
                             + "' must be non-empty and use only letters, digits, '_', '-' and '.'");
        if (p.name.rfind("trial.", 0) == 0)
            throw SpaceError(i, at + "names starting with 'trial.' are reserved; rename the parameter");
        if (const auto [it, added] = m_index.emplace(p.name, i); !added)
            throw SpaceError(i, at + "duplicate name (also space[" + std::to_string(it->second) + "]); names must be unique");

        switch (p.type) {
        case ParamType::Float:
        case ParamType::Int: {
            if (!std::isfinite(p.low) || !std::isfinite(p.high))
                throw SpaceError(i, at + "low and high must be finite numbers");
            if (p.type == ParamType::Int) {
                constexpr double limit = 9007199254740992.0; // 2^53: what a double and JSON hold exactly
                if (std::fabs(p.low) > limit || std::fabs(p.high) > limit)
                    throw SpaceError(i, at + "int parameter bounds must lie within -2^53..2^53");
                if (!isInteger(p.low))
                    throw SpaceError(i, at + "int parameter needs an integer low, got " + formatDouble(p.low));
                if (!isInteger(p.high))
                    throw SpaceError(i, at + "int parameter needs an integer high, got " + formatDouble(p.high));
                if (p.low > p.high)
                    throw SpaceError(i, at + "low must not exceed high, got low " + formatDouble(p.low) + " > high "
                                     + formatDouble(p.high));
            } else if (!(p.low < p.high)) {
                throw SpaceError(i, at + "high must be greater than low, got low " + formatDouble(p.low) + ", high "
                                 + formatDouble(p.high) + " (use type 'fixed' for a constant)");
            }
            if (p.log) {
                const double minLow = p.type == ParamType::Int ? 1.0 : 0.0;
                if (p.type == ParamType::Int ? p.low < minLow : p.low <= minLow)
                    throw SpaceError(i, at + "log scale needs low " + (p.type == ParamType::Int ? ">= 1" : "> 0")
                                     + ", got " + formatDouble(p.low));
                if (p.step)
                    throw SpaceError(i, at + "step and log cannot be combined; drop one of them");
            }
            if (p.step) {
                if (!(*p.step > 0) || !std::isfinite(*p.step))
                    throw SpaceError(i, at + "step must be positive, got " + formatDouble(*p.step));
                if (p.type == ParamType::Int && !isInteger(*p.step))
                    throw SpaceError(i, at + "int parameter needs an integer step, got " + formatDouble(*p.step));
                const double cells = (p.high - p.low) / *p.step;
                if (!(cells <= 9007199254740992.0))
                    throw SpaceError(i, at + "step " + formatDouble(*p.step) + " splits the range into more than 2^53 values; use a larger step");
                if (std::fabs(cells - std::round(cells)) > 1e-9 * std::max(1.0, cells)) {
                    const double fitted = p.low + std::floor(cells) * *p.step;
                    throw SpaceError(i, at + "the range " + formatDouble(p.low) + ".." + formatDouble(p.high)
                                     + " is not a whole number of steps of " + formatDouble(*p.step)
                                     + "; use high " + formatDouble(fitted));
                }
            }
            for (double v : p.gridValues)
                if (!(v >= p.low && v <= p.high))
                    throw SpaceError(i, at + "grid value " + formatDouble(v) + " lies outside " + formatDouble(p.low)
                                     + ".." + formatDouble(p.high));
            break;
        }
        case ParamType::Categorical: {
            if (p.choices.empty())
                throw SpaceError(i, at + "categorical parameter needs at least one choice");
            std::unordered_map<std::string, std::size_t> seen;
            seen.reserve(p.choices.size());
            for (const Value& c : p.choices) {
                rejectNul(c, i, at, "choice");
                if (!seen.emplace(valueKey(c), 0).second)
                    throw SpaceError(i, at + "choice " + shown(c) + " is listed twice; choices must be distinct");
            }
            break;
        }
        case ParamType::Fixed:
            if (!p.fixed)
                throw SpaceError(i, at + "fixed parameter needs a value");
            rejectNul(*p.fixed, i, at, "value");
            break;
        }
    }

    // Conditions: parent exists, is categorical or fixed, values are among its choices.
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    m_parent.assign(m_params.size(), none);
    std::unordered_map<std::size_t, std::unordered_map<std::string, std::size_t>> choicesOf; // parents' choice keys
    for (std::size_t i = 0; i < m_params.size(); ++i) {
        const Param& p = m_params[i];
        if (!p.when)
            continue;
        const std::string at = where(i, p.name);
        const auto parent = indexOf(p.when->parent);
        if (!parent)
            throw SpaceError(i, at + "condition names an unknown parent '" + printable(p.when->parent) + "'");
        if (*parent == i)
            throw SpaceError(i, at + "a parameter cannot be conditional on itself");
        const Param& pp = m_params[*parent];
        if (pp.type != ParamType::Categorical && pp.type != ParamType::Fixed)
            throw SpaceError(i, at + "condition parent '" + printable(pp.name) + "' must be categorical, not "
                             + paramTypeName(pp.type));
        if (p.when->values.empty())
            throw SpaceError(i, at + "condition on '" + printable(pp.name) + "' needs at least one value");
        auto [known, first] = choicesOf.try_emplace(*parent);
        if (first) {
            if (pp.type == ParamType::Fixed)
                known->second.emplace(valueKey(*pp.fixed), 0);
            for (const Value& c : pp.choices)
                known->second.emplace(valueKey(c), 0);
        }
        for (const Value& v : p.when->values)
            if (!known->second.count(valueKey(v)))
                throw SpaceError(i, at + "condition value " + shown(v) + " is not a choice of '" + printable(pp.name) + "'");
        m_parent[i] = *parent;
    }

    // Topological order (parents first), by walking up each parent chain without
    // recursion; a walk that meets its own path is a cycle.
    enum : char { Unseen, OnPath, Done };
    std::vector<char> mark(m_params.size(), Unseen);
    std::vector<std::size_t> path;
    m_order.reserve(m_params.size());
    for (std::size_t start = 0; start < m_params.size(); ++start) {
        path.clear();
        for (std::size_t i = start; i != none && mark[i] != Done; i = m_parent[i]) {
            if (mark[i] == OnPath)
                throw SpaceError(i, where(i, m_params[i].name) + "conditions form a cycle; make one parameter unconditional");
            mark[i] = OnPath;
            path.push_back(i);
        }
        for (auto it = path.rbegin(); it != path.rend(); ++it) {
            mark[*it] = Done;
            m_order.push_back(*it);
        }
    }
}

std::optional<std::size_t> SearchSpace::indexOf(const std::string& name) const
{
    if (const auto it = m_index.find(name); it != m_index.end())
        return it->second;
    return std::nullopt;
}

bool SearchSpace::isActive(std::size_t index, const Assignment& assignment) const
{
    const Param& p = m_params[index];
    if (!p.when)
        return true;
    const std::size_t parent = m_parent[index];
    if (parent >= assignment.size() || !assignment[parent])
        return false;
    const Value& v = *assignment[parent];
    return std::any_of(p.when->values.begin(), p.when->values.end(), [&](const Value& w) { return sameValue(v, w); });
}

double SearchSpace::quantize(std::size_t index, double x) const
{
    const Param& p = m_params[index];
    if (p.step)
        x = p.low + std::round((x - p.low) / *p.step) * *p.step;
    else if (p.type == ParamType::Int)
        x = std::round(x);
    return std::clamp(x, p.low, p.high);
}

Value SearchSpace::fromUnit(std::size_t index, double u) const
{
    const Param& p = m_params[index];
    u = std::clamp(u, 0.0, 1.0);
    switch (p.type) {
    case ParamType::Float: {
        double x;
        if (p.log)
            x = std::exp(std::log(p.low) + u * (std::log(p.high) - std::log(p.low)));
        else if (p.step) {
            const auto k = cellCount(p.low, p.high, *p.step);
            x = p.low + static_cast<double>(std::min<std::int64_t>(static_cast<std::int64_t>(u * k), k - 1)) * *p.step;
        } else
            x = p.low + u * (p.high - p.low);
        return quantize(index, x);
    }
    case ParamType::Int: {
        if (p.log) {
            const double lo = std::log(p.low - 0.5), hi = std::log(p.high + 0.5);
            return static_cast<std::int64_t>(quantize(index, std::exp(lo + u * (hi - lo))));
        }
        const double step = p.step.value_or(1.0);
        const auto k = cellCount(p.low, p.high, step);
        const auto cell = std::min<std::int64_t>(static_cast<std::int64_t>(u * k), k - 1);
        return static_cast<std::int64_t>(std::llround(p.low + cell * step));
    }
    case ParamType::Categorical: {
        const auto k = static_cast<std::int64_t>(p.choices.size());
        return p.choices[std::min<std::int64_t>(static_cast<std::int64_t>(u * k), k - 1)];
    }
    case ParamType::Fixed:
        return *p.fixed;
    }
    return 0.0;
}

double SearchSpace::toUnit(std::size_t index, const Value& value) const
{
    const Param& p = m_params[index];
    switch (p.type) {
    case ParamType::Float:
    case ParamType::Int: {
        const double x = numericValue(value).value_or(p.low);
        if (p.log) {
            const double lo = p.type == ParamType::Int ? std::log(p.low - 0.5) : std::log(p.low);
            const double hi = p.type == ParamType::Int ? std::log(p.high + 0.5) : std::log(p.high);
            return std::clamp((std::log(x) - lo) / (hi - lo), 0.0, 1.0);
        }
        if (p.step || p.type == ParamType::Int) {
            const double step = p.step.value_or(1.0);
            const auto k = cellCount(p.low, p.high, step);
            return std::clamp((std::round((x - p.low) / step) + 0.5) / static_cast<double>(k), 0.0, 1.0);
        }
        return std::clamp((x - p.low) / (p.high - p.low), 0.0, 1.0);
    }
    case ParamType::Categorical: {
        for (std::size_t c = 0; c < p.choices.size(); ++c)
            if (sameValue(p.choices[c], value))
                return (static_cast<double>(c) + 0.5) / static_cast<double>(p.choices.size());
        return 0.5;
    }
    case ParamType::Fixed:
        return 0.5;
    }
    return 0.5;
}

Assignment SearchSpace::fromUnitVector(const std::vector<double>& u) const
{
    Assignment out(m_params.size());
    for (std::size_t i : m_order)
        if (isActive(i, out))
            out[i] = fromUnit(i, i < u.size() ? u[i] : 0.5);
    return out;
}

std::optional<std::string> SearchSpace::checkValue(std::size_t index, const Value& value) const
{
    const Param& p = m_params[index];
    const std::string at = "'" + printable(p.name) + "': ";
    switch (p.type) {
    case ParamType::Float:
    case ParamType::Int: {
        const auto x = numericValue(value);
        if (!x)
            return at + "expected a number, got " + shown(value);
        if (p.type == ParamType::Int && !isInteger(*x))
            return at + "expected an integer, got " + shown(value);
        if (*x < p.low || *x > p.high)
            return at + shown(value) + " lies outside " + formatDouble(p.low) + ".." + formatDouble(p.high);
        return std::nullopt;
    }
    case ParamType::Categorical:
        if (std::none_of(p.choices.begin(), p.choices.end(), [&](const Value& c) { return sameValue(c, value); }))
            return at + shown(value) + " is not one of its choices";
        return std::nullopt;
    case ParamType::Fixed:
        if (!sameValue(*p.fixed, value))
            return at + "is fixed to " + shown(*p.fixed);
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace tb::algorithms
