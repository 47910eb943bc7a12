#pragma once
// The kinds of failure the front ends tell apart: bad input from the user (exit 2), a
// failure while working (exit 1), and an experiment another engine runs (exit 3).

#include <QString>
#include <stdexcept>
#include <string>

namespace tb::engine {

// Every message shows user text as escapes where it holds control characters (a NUL would
// end it early, a terminal escape would garble it); line breaks and tabs stay.
inline std::string messageText(const QString& message)
{
    std::string out;
    const QByteArray utf8 = message.toUtf8();
    out.reserve(static_cast<std::size_t>(utf8.size()));
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
            static const char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += ch;
        }
    }
    return out;
}

class SpecError : public std::runtime_error {
public:
    explicit SpecError(const QString& message) : std::runtime_error(messageText(message)) {}
};

class RuntimeError : public std::runtime_error {
public:
    explicit RuntimeError(const QString& message) : std::runtime_error(messageText(message)) {}
};

// Another engine runs the experiment (exit 3): not bad input, and nothing failed.
class BusyError : public RuntimeError {
public:
    explicit BusyError(const QString& message) : RuntimeError(message) {}
};

} // namespace tb::engine
