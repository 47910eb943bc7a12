#pragma once
// The kinds of failure the front ends tell apart: bad input from the user (exit 2), a
// failure while working (exit 1), and an experiment another engine runs (exit 3).

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

// Another engine runs the experiment (exit 3): not bad input, and nothing failed.
class BusyError : public RuntimeError {
public:
    explicit BusyError(const QString& message) : RuntimeError(message) {}
};

} // namespace tb::engine
