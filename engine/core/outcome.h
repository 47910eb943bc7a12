#pragma once
// How a trial's attempt ended, in the store's terms: from what the engine asked of it (its
// ending) and how its process or job ended, the trial's state, value, exit code and reason,
// or "run it again". Pure: a data table tests it (tests/engine/tst_outcome.cpp).
//
// Threading: a pure function, any thread.

#include "algorithms/trial.h"

#include <QMetaType>
#include <QString>
#include <optional>

namespace tb::engine {

// Why the engine ended an attempt itself, if it did.
enum class Ending { None, Timeout, Pruned, Interrupted, Budget };

// How the process (or the cluster job) ended, as the executor saw it.
struct ProcessEnd {
    int exitCode = 0;      // the exit status, or the signal when `signalled`
    bool signalled = false;
    QString startError;    // non-empty: it never ran ("command not found: x", ...)
    QString lostReason;    // non-empty: not the trial's fault ("job 12 ended NODE_FAIL"): run again under retries
    QString failReason;    // non-empty: it ended for this reason, not by its own exit ("job 12 was cancelled ...")
};

struct OutcomeInput {
    Ending ending = Ending::None;
    ProcessEnd end;
    std::optional<double> objective; // from the attempt's reports ("last" or "best")
    QString objectiveMetric;
    bool constraint = false;         // `objective` is a constrained metric's value (missing or not finite)
    std::optional<double> timeoutS;
    QString pruneReason;
    int attempt = 1;
    int retries = 0;
    bool stopping = false;           // the experiment is ending: nothing runs again
};

struct Outcome {
    bool requeue = false;            // run again with attempt + 1
    algorithms::TrialState state = algorithms::TrialState::Failed;
    std::optional<double> value;     // finite, or none
    std::optional<int> exitCode;     // when the program exited by itself
    QString reason;
};

Outcome classify(const OutcomeInput& in);

QString signalName(int signal); // "SIGKILL"

} // namespace tb::engine

Q_DECLARE_METATYPE(tb::engine::ProcessEnd)
