#include "settings.h"

#include <cmath>

namespace tb::algorithms {

namespace {

const char* kindName(SettingSpec::Kind kind)
{
    switch (kind) {
    case SettingSpec::Kind::Int: return "an integer";
    case SettingSpec::Kind::Float: return "a number";
    case SettingSpec::Kind::Bool: return "true or false";
    case SettingSpec::Kind::String: return "a string";
    }
    return "?";
}

Value coerce(const SettingSpec& spec, const Value& given, const std::string& at)
{
    const auto number = numericValue(given);
    switch (spec.kind) {
    case SettingSpec::Kind::Int:
        if (number && std::floor(*number) == *number && std::fabs(*number) <= 9007199254740992.0) // 2^53
            return static_cast<std::int64_t>(*number);
        break;
    case SettingSpec::Kind::Float:
        if (number)
            return *number;
        break;
    case SettingSpec::Kind::Bool:
        if (std::holds_alternative<bool>(given))
            return given;
        break;
    case SettingSpec::Kind::String:
        if (std::holds_alternative<std::string>(given))
            return given;
        break;
    }
    throw SpaceError(at + ": expected " + kindName(spec.kind) + ", got " + formatValue(given));
}

} // namespace

SettingSpec intSetting(std::string name, std::int64_t defaultValue, std::int64_t min, std::optional<std::int64_t> max,
                       std::string help)
{
    SettingSpec spec{std::move(name), SettingSpec::Kind::Int, defaultValue, static_cast<double>(min), {}, {},
                     std::move(help)};
    if (max)
        spec.max = static_cast<double>(*max);
    return spec;
}

Settings resolveSettings(const std::vector<SettingSpec>& specs, const Settings& given, const std::string& where)
{
    for (const auto& [name, value] : given) {
        bool known = false;
        for (const SettingSpec& s : specs)
            known = known || s.name == name;
        if (!known) {
            std::string list;
            for (const SettingSpec& s : specs)
                list += (list.empty() ? "" : ", ") + s.name;
            throw SpaceError(where + "." + name + ": unknown setting; "
                             + (list.empty() ? std::string("this one takes no settings") : "known: " + list));
        }
    }
    Settings out;
    for (const SettingSpec& s : specs) {
        const std::string at = where + "." + s.name;
        auto it = given.find(s.name);
        Value v = it == given.end() ? s.defaultValue : coerce(s, it->second, at);
        if (const auto x = numericValue(v)) {
            if (s.min && *x < *s.min)
                throw SpaceError(at + ": must be at least " + formatValue(*s.min) + ", got " + formatValue(v));
            if (s.max && *x > *s.max)
                throw SpaceError(at + ": must be at most " + formatValue(*s.max) + ", got " + formatValue(v));
        }
        if (const auto* str = std::get_if<std::string>(&v); str && !s.choices.empty()) {
            bool ok = false;
            std::string list;
            for (const std::string& c : s.choices) {
                ok = ok || c == *str;
                list += (list.empty() ? "" : ", ") + c;
            }
            if (!ok)
                throw SpaceError(at + ": '" + *str + "' is not one of " + list);
        }
        out[s.name] = v;
    }
    return out;
}

double settingNumber(const Settings& settings, const std::string& name)
{
    return numericValue(settings.at(name)).value_or(0.0);
}

std::int64_t settingInt(const Settings& settings, const std::string& name)
{
    return static_cast<std::int64_t>(settingNumber(settings, name));
}

bool settingBool(const Settings& settings, const std::string& name)
{
    return std::get<bool>(settings.at(name));
}

std::string settingString(const Settings& settings, const std::string& name)
{
    return std::get<std::string>(settings.at(name));
}

} // namespace tb::algorithms
