#pragma once
// The experiment spec: what to search, how, within which budget, and how to run a trial.
// Parsed from JSON (docs/spec.md); every error names the JSON path and the fix, in its
// message for people and as a SpecPath for editors.

#include "algorithms/settings.h"
#include "algorithms/space.h"
#include "algorithms/trial.h"
#include "errors.h"
#include "metric_parser.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <array>
#include <optional>
#include <vector>

namespace tb::engine {

// ---- The spec's schema: every key, word and bound, named once ---------------------------
// The parser reads the spec through these names and accepts exactly the keys it lists for
// each object (an unknown key's message names them); the set-up editors read and write the
// spec through the same names and take their choices and bounds from here, so that no
// widget spells a key of its own.
namespace key {
using Name = QLatin1StringView;
// The top level.
inline constexpr Name name{"name"}, description{"description"}, objective{"objective"}, objectives{"objectives"},
    constraints{"constraints"}, space{"space"},
    algorithm{"algorithm"}, pruner{"pruner"}, budget{"budget"}, resources{"resources"}, trial{"trial"}, executor{"executor"};
// objective (and each of objectives, which may also give a hypervolume reference), constraints
inline constexpr Name metric{"metric"}, direction{"direction"}, use{"use"}, reference{"reference"}, min{"min"}, max{"max"};
// A parameter of the space: name, type and when, and its type's keys (paramKeys()).
inline constexpr Name type{"type"}, when{"when"}, low{"low"}, high{"high"}, log{"log"}, step{"step"}, values{"values"},
    choices{"choices"}, value{"value"};
// algorithm and pruner: name, seed (algorithm only), settings; an external one's command,
// workdir and timeout_s instead of settings' typed form.
inline constexpr Name seed{"seed"}, settings{"settings"}, command{"command"}, workdir{"workdir"}, timeoutS{"timeout_s"};
// budget
inline constexpr Name maxTrials{"max_trials"}, maxFailed{"max_failed"}, maxSeconds{"max_seconds"};
// resources
inline constexpr Name parallelTrials{"parallel_trials"}, telemetryHz{"telemetry_hz"}, gpus{"gpus"},
    gpusPerTrial{"gpus_per_trial"}, gpusPerWorker{"gpus_per_worker"}, trialsPerGpu{"trials_per_gpu"},
    minFreeMemoryMb{"min_free_memory_mb"}, skipBusyGpus{"skip_busy_gpus"}, priority{"priority"};
// trial (with workdir and timeout_s) and trial.metrics
inline constexpr Name argv{"argv"}, env{"env"}, retries{"retries"}, maxMetricRows{"max_metric_rows"}, maxLogMb{"max_log_mb"},
    workers{"workers"}, metricsRank{"metrics_rank"}, metrics{"metrics"}, format{"format"}, patterns{"patterns"},
    tensorboard{"tensorboard"};
// executor (with type)
inline constexpr Name partition{"partition"}, account{"account"}, timeLimit{"time_limit"}, sbatchArgs{"sbatch_args"};
} // namespace key

// The words keys take. Of each pair or list the first is the default.
namespace choice {
inline constexpr key::Name minimize{"minimize"}, maximize{"maximize"}; // objective.direction
inline constexpr key::Name last{"last"}, best{"best"};                 // objective.use
inline constexpr key::Name katib{"katib"}, jsonLines{"json_lines"}, regex{"regex"}; // trial.metrics.format
inline constexpr key::Name local{"local"}, slurm{"slurm"};             // executor.type
inline constexpr key::Name all{"all"};                                 // resources.gpus: every GPU
inline constexpr key::Name external{"external"}; // algorithm.name, pruner.name: a process of the user's own
} // namespace choice

// The parameter types, in the order messages and the editor list them; a parameter's
// "type" is algorithms::paramTypeName() of one of them.
inline constexpr std::array kParamTypes{algorithms::ParamType::Float, algorithms::ParamType::Int,
                                        algorithms::ParamType::Categorical, algorithms::ParamType::Fixed};
std::optional<algorithms::ParamType> paramTypeNamed(const QString& name);

// The keys a parameter of `type` may have, in the order an unknown key's message lists them.
QList<key::Name> paramKeys(algorithms::ParamType type);

// What a trial's argv and env may name besides its parameters' ${name}.
inline constexpr std::array kTrialPlaceholders{key::Name("trial.id"), key::Name("trial.dir"), key::Name("trial.rank")};

// An integer key's accepted range: not an integer or below min is "expected an integer >=
// min", above max "at most max". kMaxInteger (9e15, below 2^53, so exact in JSON's doubles)
// bounds every integer. The editors' spin boxes take their bounds from here.
inline constexpr qint64 kMaxInteger = 9'000'000'000'000'000;
struct IntRange {
    qint64 min;
    qint64 max = kMaxInteger;
};
namespace range {
inline constexpr IntRange seed{0}, maxTrials{1}, maxFailed{0};
inline constexpr IntRange parallelTrials{1, 1024}, gpusPerTrial{0, 64}, gpusPerWorker{0, 64}, trialsPerGpu{1, 64},
    minFreeMemoryMb{0}, priority{-1000, 1000};
inline constexpr IntRange retries{0}, maxMetricRows{1}, maxLogMb{1, qint64(1) << 30}, workers{1, 1024}, metricsRank{0};
} // namespace range

// The search-space parameter an error is about (its path begins space[N]), or -1.
int paramIndexOf(const SpecPath& path);

// ---- The parsed spec ---------------------------------------------------------------------

struct ObjectiveSpec {
    QString metric;
    algorithms::Direction direction = algorithms::Direction::Minimize;
    enum class Use { Last, Best } use = Use::Last;
    std::optional<double> reference; // the hypervolume reference point's coordinate (several objectives)
};

// A bound on a metric the trial reports (its last report): a trial beyond it is completed
// but infeasible.
struct ConstraintSpec {
    QString metric;
    std::optional<double> min, max; // at least one

    // How far `value` lies beyond the bounds (0 inside them).
    double violation(double value) const;
};

// At most this many objectives: the exact hypervolume grows exponentially with them.
inline constexpr int kMaxObjectives = 6;

// A sampler or pruner that runs as a process of its own (name "external"): its command,
// the folder it starts in, its settings as free JSON and how long one answer may take.
struct ExternalSpec {
    QStringList command; // empty: not external
    QString workdir;     // absolute once parsed (default: the spec's folder)
    QJsonObject settings;
    double timeoutS = 120;
};

struct AlgorithmSpec {
    QString name = QStringLiteral("auto"); // no algorithm.name: `auto` picks per trial (issue 18)
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
    ObjectiveSpec objective;              // the first of `objectives`
    std::vector<ObjectiveSpec> objectives; // "objective" or "objectives": at least one
    std::vector<ConstraintSpec> constraints;
    algorithms::SearchSpace space;
    AlgorithmSpec algorithm;
    PrunerSpec pruner;
    BudgetSpec budget;
    ResourcesSpec resources;
    std::optional<TrialSpec> trial;
    ExecutorSpec executor;

    bool multiObjective() const { return objectives.size() > 1; }
    // The objectives' metric names, in order.
    QStringList objectiveMetrics() const;

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

// A spec's `space` on its own, with parseSpec's messages and paths (the space editor checks
// its parameters without the rest of a spec). Throws SpecError.
algorithms::SearchSpace parseSpace(const QJsonArray& space);

// Reads and parses a file ("-": stdin, relative paths from the current folder); errors are
// prefixed with the file name (or <stdin>).
ExperimentSpec loadSpecFile(const QString& path, const ParseOptions& options = {});

} // namespace tb::engine
