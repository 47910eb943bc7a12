#pragma once
// What a trial runs: its argv and the environment it adds, from the spec's templates and
// the trial's values. Pure: no process, no file, no clock; a data table tests it
// (tests/engine/tst_trial_command.cpp). Every executor (local, Slurm) runs what this says.
//
// Threading: pure functions, any thread.

#include "executor.h"
#include "spec.h"

#include <QMap>
#include <QStringList>
#include <optional>
#include <vector>

namespace tb::engine {

struct TrialContext {
    std::int64_t id = 0;
    std::int64_t number = 0;
    QString dir;                          // the trial's folder
    QString token;                        // TUNEBENCH_TRIAL_TOKEN of the attempt
    std::optional<std::vector<int>> gpus; // set when the engine assigns GPUs (may be empty)
    int rank = 0;                         // ${trial.rank}
    int port = 0;                         // MASTER_PORT of a multi-worker trial
};

struct TrialCommand {
    QStringList argv;           // [0] as the spec wrote it; the executor resolves it
    QMap<QString, QString> env; // added to the environment the trial inherits
};

// `${name}` becomes the parameter's value (shortest round-trip form), `${trial.id}` and
// `${trial.dir}` the trial's; the result is one argument, never split. A placeholder of an
// inactive parameter sets `*inactive` (when given) and becomes empty.
QString substitute(const QString& text, const algorithms::SearchSpace& space, const algorithms::Assignment& params,
                   const TrialContext& context, bool* inactive = nullptr);

// An argument that names an inactive parameter is left out. The environment holds
// trial.env, TUNEBENCH_TRIAL_ID/NUMBER/DIR/PARAMS/TOKEN and, when the engine assigns GPUs,
// CUDA_VISIBLE_DEVICES (exactly the trial's; "" hides every GPU) with CUDA_DEVICE_ORDER.
TrialCommand buildCommand(const TrialSpec& trial, const algorithms::SearchSpace& space, const algorithms::Assignment& params,
                          const TrialContext& context);

// trial.workers commands, one per rank, with torchrun's environment: RANK, LOCAL_RANK,
// WORLD_SIZE, LOCAL_WORLD_SIZE, MASTER_ADDR (this machine), MASTER_PORT (context.port);
// with GPUs, each worker's CUDA_VISIBLE_DEVICES is its own gpus_per_worker of the trial's.
std::vector<TrialCommand> buildWorkers(const TrialSpec& trial, const ResourcesSpec& resources, const algorithms::SearchSpace& space,
                                       const algorithms::Assignment& params, const TrialContext& context);

// Everything an executor needs to run the attempt: its command, or its workers' commands
// (trial.workers > 1, MASTER_PORT context.port), and the handle the store keeps before it
// starts ({"token", "host"[, "port"]}). The token, unique per attempt, is made here when the
// context has none; every process of the attempt inherits it (process_tree.h).
TrialLaunch launchOf(const ExperimentSpec& spec, const algorithms::Assignment& params, TrialContext context, int attempt);

// The trial's folder: <db name>.trials/<name>-<experiment id>/<number>/ beside the store,
// the name with characters other than letters, digits, '_', '.' and '-' as '_' (so "a/b",
// "a_b" and "a b" get folders of their own, and ".." stays inside).
QString trialFolder(const QString& dbPath, const QString& experiment, std::int64_t experimentId, std::int64_t number);

// The GPUs a trial asks for: resources.gpus_per_trial, else what its command says
// (tunebench-train's --stages x --replicas), else 1.
int gpusNeeded(const ExperimentSpec& spec, const algorithms::Assignment& params);

} // namespace tb::engine
