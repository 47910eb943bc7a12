#pragma once
// Text that users typed, made safe to show in a message. Plain C++.

#include <string>
#include <string_view>

namespace tb::algorithms {

// Control characters (C0, DEL, C1, and so NUL and terminal escapes) as \xNN or \u00NN, so
// that a message shows every character it names and a terminal never interprets them.
std::string printable(std::string_view text);

} // namespace tb::algorithms
