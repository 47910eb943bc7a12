#pragma once
// The training loop behind tunebench-train: data, model, pipeline, optimizer, metrics on
// stdout (the engine's `name=value` lines and `@tunebench {json}` events), checkpoints.
// No libtorch types here, so main.cpp and tests that only drive runs stay cheap to build.

#include "options.h"

#include <cstdint>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

namespace tb::train {

// A flag combination that cannot run (more stages than layers, a missing CUDA device...):
// the CLI prints the message and exits 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct RunSummary {
    int exitCode = 0;             // 0, or 143 when stopped by requestStop() after saving
    std::int64_t lastStep = 0;
    std::vector<double> losses;   // training loss of each step run by this call
    double valLoss = 0.0;
    double valAccuracy = 0.0;
};

// Runs the whole training. Throws UsageError for impossible combinations, other
// exceptions for failures (unreadable data, libtorch errors).
RunSummary train(const Options& options, std::ostream& out);

// Async-signal-safe: asks a running train() to save a checkpoint and return after the
// current step (the SIGTERM handler calls it).
void requestStop();

// main(): parse, run, map errors to exit codes (0, 1, 2, 143).
int runCli(int argc, char** argv);

} // namespace tb::train
