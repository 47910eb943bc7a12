#pragma once
// The algorithm registry's summaries and setting help texts come from plain C++ (no Qt);
// this is where the window translates them. registry_text.cpp lists every one for lupdate,
// and a test checks that each registry text has a translation.

#include <QString>
#include <string>

namespace tb::widgets {

QString registryText(const std::string& english);

} // namespace tb::widgets
