#pragma once
// The kinds of failure the front ends tell apart: bad input from the user (exit 2), a
// failure while working (exit 1), and an experiment another engine runs (exit 3).

#include "algorithms/text.h"

#include <QString>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

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

// Where in a spec a problem is, from the top: keys and array indices, like {"space", 3,
// "low"} for space[3].low. An editor finds the place from it (the space editor marks the
// parameter's row); the message's wording is for people and may change.
class SpecPath {
public:
    using Part = std::variant<QString, int>; // a key, or an index into an array

    SpecPath() = default; // the spec as a whole
    SpecPath(std::initializer_list<Part> parts) : m_parts(parts) {}

    SpecPath operator/(Part part) const
    {
        SpecPath out = *this;
        out.m_parts.push_back(std::move(part));
        return out;
    }
    const std::vector<Part>& parts() const { return m_parts; }
    bool isEmpty() const { return m_parts.empty(); }
    bool operator==(const SpecPath&) const = default;

    // As messages begin: space[3].low, with the control characters of keys escaped.
    QString text() const
    {
        std::string out;
        for (const Part& part : m_parts) {
            if (const auto* index = std::get_if<int>(&part)) {
                out += '[' + std::to_string(*index) + ']';
            } else {
                if (!out.empty())
                    out += '.';
                out += algorithms::printable(std::get<QString>(part).toStdString());
            }
        }
        return QString::fromStdString(out);
    }

private:
    std::vector<Part> m_parts;
};

class SpecError : public std::runtime_error {
public:
    explicit SpecError(const QString& message, SpecPath path = {}) : std::runtime_error(messageText(message)), m_path(std::move(path)) {}

    // What the message is about; empty for the spec as a whole (invalid JSON, not an object).
    const SpecPath& path() const { return m_path; }

private:
    SpecPath m_path;
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
