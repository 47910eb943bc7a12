#pragma once
// The two kinds of failure the front ends tell apart: bad input from the user (exit 2)
// and a failure while working (exit 1).

#include <QString>
#include <stdexcept>

namespace tb::engine {

class SpecError : public std::runtime_error {
public:
    explicit SpecError(const QString& message) : std::runtime_error(message.toStdString()) {}
};

class RuntimeError : public std::runtime_error {
public:
    explicit RuntimeError(const QString& message) : std::runtime_error(message.toStdString()) {}
};

} // namespace tb::engine
