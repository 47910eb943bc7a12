#pragma once
// Samplers and pruners that run as a process of their own (algorithm or pruner name
// "external", docs/spec.md "External samplers and pruners"): any optimizer, in any
// language, without rebuilding Tunebench.
//
// Protocol: the engine starts the command once per run (no shell, in its workdir) and
// writes one JSON request per line to its stdin; the process answers each with one JSON
// line on stdout. Its stderr goes to a log beside the trials' folders. The process may
// first print a greeting {"hello": NAME, "incremental": true}: later requests then carry
// only the trials that changed since the one before (with "incremental": true); the first
// request to every new process is always whole.
//
//   suggest: {"op": "suggest", "number": N, "seed": S, "space": [...], "settings": {...},
//             "direction": "minimize", "incremental": false, "trials": [TRIAL, ...]}
//            -> {"params": {...}} or {"error": "..."}
//   prune:   the same plus "trial": TRIAL (the running trial to decide on), "op": "prune"
//            -> {"prune": true|false, "reason": "..."}
//   TRIAL:   {"number": n, "params": {...}, "state": "completed|pruned|failed|running",
//             "value": v or null, "reports": [[step, value], ...]}
//
// A suggestion that the space does not allow (unknown name, out of range, wrong type, an
// inactive parameter given, an active one missing) or an {"error"} answer fails that one
// trial with the sampler's fault as its reason. A process that exits, closes its output or
// stays silent past timeout_s is started again once per run; the second time the
// experiment stops with SamplerStopped.
//
// Threading: like every Sampler, used by one thread at a time; it blocks that thread
// while it waits for an answer.

#include "errors.h"
#include "spec.h"

#include "algorithms/pruner.h"
#include "algorithms/sampler.h"

#include <memory>

namespace tb::engine {

// This answer cannot be used: the trial it was for fails; the experiment goes on.
class SamplerFault : public RuntimeError {
public:
    explicit SamplerFault(const QString& message) : RuntimeError(message) {}
};

// The process cannot go on (it died or went silent twice): the experiment stops.
class SamplerStopped : public RuntimeError {
public:
    explicit SamplerStopped(const QString& message) : RuntimeError(message) {}
};

std::unique_ptr<algorithms::Sampler> makeExternalSampler(const ExperimentSpec& spec, const QString& logPath);
std::unique_ptr<algorithms::Pruner> makeExternalPruner(const ExperimentSpec& spec, const QString& logPath);

// A suggestion checked against the space: every active parameter given and allowed, no
// inactive or unknown one; fixed parameters may be left out. Throws SamplerFault.
algorithms::Assignment checkedSuggestion(const algorithms::SearchSpace& space, const QJsonObject& params);

} // namespace tb::engine
