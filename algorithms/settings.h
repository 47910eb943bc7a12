#pragma once
// Typed settings of an algorithm or pruner, declared once in its registry entry so that the
// spec parser validates them and the GUI builds its form from the same declaration.

#include "space.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tb::algorithms {

struct SettingSpec {
    enum class Kind { Int, Float, Bool, String };
    std::string name;
    Kind kind = Kind::Float;
    Value defaultValue;
    std::optional<double> min; // numbers: inclusive bounds
    std::optional<double> max;
    std::vector<std::string> choices; // strings: allowed values (empty: any)
    std::string help;
};

// An integer setting of at least `min` and, when given, at most `max`: the commonest kind.
SettingSpec intSetting(std::string name, std::int64_t defaultValue, std::int64_t min, std::optional<std::int64_t> max,
                       std::string help);

using Settings = std::map<std::string, Value>;

// Checks given settings against their specs and fills in defaults. Throws SpaceError with
// `where` (for example "algorithm.settings") and the setting's name in the message.
Settings resolveSettings(const std::vector<SettingSpec>& specs, const Settings& given, const std::string& where);

double settingNumber(const Settings& settings, const std::string& name);
std::int64_t settingInt(const Settings& settings, const std::string& name);
bool settingBool(const Settings& settings, const std::string& name);
std::string settingString(const Settings& settings, const std::string& name);

} // namespace tb::algorithms
