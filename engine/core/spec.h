#pragma once
// The experiment spec: what to search, how, within which budget, and how to run a trial.
// Parsed from JSON (docs/spec.md); every error names the JSON path and the fix.

#include "algorithms/settings.h"
#include "algorithms/space.h"
#include "algorithms/trial.h"
#include "metric_parser.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace tb::engine {

struct ObjectiveSpec {
    QString metric;
    algorithms::Direction direction = algorithms::Direction::Minimize;
    enum class Use { Last, Best } use = Use::Last;
};

// A sampler or pruner that runs as a process of its own (name "external"): its command,
// the folder it starts in, its settings as free JSON and how long one answer may take.
struct ExternalSpec {
    QStringList command; // empty: not external
    QString workdir;     // absolute once parsed (default: the spec's folder)
    QJsonObject settings;
    double timeoutS = 120;
};

struct AlgorithmSpec {
    QString name = QStringLiteral("random");
    std::uint64_t seed = 0;
    algorithms::Settings settings;
    ExternalSpec external;
};

struct PrunerSpec {
    QString name = QStringLiteral("none");
    algorithms::Settings settings;
    ExternalSpec external;
};

struct BudgetSpec {
    std::optional<qint64> maxTrials;
    std::optional<qint64> maxFailed;
    std::optional<double> maxSeconds;
};

// resources: how many trials at once, on which GPUs (docs/gpus.md), telemetry rate.
struct ResourcesSpec {
    int parallelTrials = 1;
    bool parallelTrialsGiven = false; // without it and with GPUs, the GPUs' capacity decides
    double telemetryHz = 2;
    bool gpusGiven = false;            // resources.gpus present: the engine assigns GPUs
    bool allGpus = false;              // "all"
    std::vector<int> gpus;             // the listed indices (when not "all")
    std::optional<int> gpusPerTrial;   // unset: 1 with gpus (stages for tunebench-train), else 0
    int trialsPerGpu = 1;
    qint64 minFreeMemoryMb = 0;
    bool skipBusyGpus = false;
    std::optional<int> gpusPerWorker; // with trial.workers > 1: each worker's GPUs (default 1 with GPUs)
    int priority = 0;                 // who goes first when experiments wait for the same GPUs

    // Whether the engine assigns GPUs (and sets CUDA_VISIBLE_DEVICES) at all.
    bool managesGpus() const { return gpusGiven || gpusPerTrial.value_or(0) > 0 || gpusPerWorker.value_or(0) > 0; }
};

struct TrialSpec {
    QStringList argv;
    QString workdir; // absolute once parsed (relative paths resolve against the spec's folder)
    QMap<QString, QString> env;
    std::optional<double> timeoutS;
    int retries = 0;
    int workers = 1;     // processes per trial, started with torchrun's environment
    int metricsRank = 0; // the worker whose output carries the metrics
    // Bounds on what one attempt may store: metric and event rows, and log bytes. A trial
    // printing metrics at full speed would otherwise grow the store by megabytes a second.
    qint64 maxMetricRows = 1000000;
    qint64 maxLogBytes = qint64(1024) << 20;
    MetricFormat metrics; // how the trial prints its metrics (trial.metrics)
};

// Where trials run (docs/spec.md, "executor"): this machine, or one Slurm job per trial.
struct ExecutorSpec {
    enum class Type { Local, Slurm } type = Type::Local;
    QString partition;       // slurm: -p; empty: the cluster's default
    QString account;         // slurm: -A
    QString timeLimit;       // slurm: -t, "HH:MM:SS" (or D-HH:MM:SS)
    QStringList sbatchArgs;  // slurm: further sbatch options, each one argument
};

struct ExperimentSpec {
    QString name;
    ObjectiveSpec objective;
    algorithms::SearchSpace space;
    AlgorithmSpec algorithm;
    PrunerSpec pruner;
    BudgetSpec budget;
    ResourcesSpec resources;
    std::optional<TrialSpec> trial;
    ExecutorSpec executor;

    // The spec as stored: the input with defaults made explicit (seed, algorithm and pruner
    // settings, workdir), so that a resumed experiment behaves exactly as the original run.
    QJsonObject json;
};

struct ParseOptions {
    QString baseDir;          // where relative workdirs resolve; default: current directory
    bool requireTrial = true; // `create` (ask/tell) experiments may omit trial
};

// Throws SpecError("budget.max_trials: expected an integer >= 1, got \"30\"").
ExperimentSpec parseSpec(const QByteArray& json, const ParseOptions& options = {});
ExperimentSpec parseSpec(const QJsonObject& json, const ParseOptions& options = {});

// Reads and parses a file ("-": stdin, relative paths from the current folder); errors are
// prefixed with the file name (or <stdin>).
ExperimentSpec loadSpecFile(const QString& path, const ParseOptions& options = {});

} // namespace tb::engine
