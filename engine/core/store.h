#pragma once
// The experiment store: one SQLite file, any number of experiments.
//
// Threading: a Store is one SQLite connection, used by one thread at a time. Every thread
// or process that needs the file opens its own Store; WAL mode lets readers work while a
// writer commits, and a busy timeout absorbs the short write locks, so "database is
// locked" never reaches a user. Every write is one transaction with bound parameters.
//
// Files: store.cpp opens the file (schema, migrations, locks, transactions); the queries
// are in store_experiments.cpp, store_trials.cpp (with metrics and events) and
// store_telemetry.cpp, each written with the statement wrapper of store_sql.h.

#include "algorithms/trial.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace tb::engine {

// What an experiment is doing; stored as its name.
enum class ExperimentState { Created, Running, Stopped, Completed, Failed };
QString experimentStateName(ExperimentState state); // "running"
// Unknown text (a newer version's state) reads as Failed.
ExperimentState experimentStateFromName(const QString& name);

// The engine that runs an experiment (schema 4): one at a time, by a lease in the store.
struct Owner {
    QString token;   // one per engine instance
    std::int64_t pid = 0;
    QString host;    // machine host name
    QString process; // "<boot id>:<start ticks>" of the pid, so that a reused pid is not taken for it
    QString program; // what runs it, for people: "tunebench-cli run", "tunebench (window)"
    double since = 0;
    double heartbeat = 0; // renewed every second or so while it runs
};

struct ExperimentRow {
    std::int64_t id = 0;
    QString name;
    QByteArray spec; // stored spec JSON (defaults made explicit)
    ExperimentState state = ExperimentState::Created;
    QString reason;
    double createdAt = 0;
    std::optional<double> startedAt, endedAt;
    QString waiting; // why the next trial waits for GPUs (schema 3); empty when it does not
    std::optional<Owner> owner; // the engine holding the lease, alive or not (schema 4)
    bool stopRequested = false;
};

struct TrialRow {
    std::int64_t id = 0;
    std::int64_t experimentId = 0;
    std::int64_t number = 0;
    QByteArray params; // JSON object of the active parameters
    algorithms::TrialState state = algorithms::TrialState::Queued;
    std::optional<double> value;
    int attempt = 1;
    std::optional<int> exitCode;
    QString reason;
    double createdAt = 0;
    std::optional<double> startedAt, endedAt;
    QString dir;
    QString logPath;
    QByteArray handle; // what finds the attempt's processes again (schema 4), JSON; see Engine
    // Which sampler suggested the values, and why (schema 7): the one `auto` chose with its
    // reason, else the experiment's algorithm with no reason. Empty: not recorded (trials
    // from before schema 7, imported ones).
    QString sampler;
    QString samplerReason;
    // Schema 8: with several objectives, every objective's value in the spec's order
    // (values[0] == value); empty with one. With constraints, how far the trial breaks
    // them (0: feasible); none without constraints.
    std::vector<double> values;
    std::optional<double> violation;

    bool feasible() const { return violation.value_or(0) <= 0; }
};

// What a finished trial gives beyond its (first) objective value (TrialRow::values and
// violation).
struct TrialScore {
    std::vector<double> values;
    std::optional<double> violation;
};

struct MetricRow {
    std::int64_t trialId = 0;
    int attempt = 1;
    std::int64_t step = 0;
    QString name;
    double value = 0; // NaN is stored as NULL and read back as NaN
    double time = 0;
};

struct EventRow {
    std::int64_t trialId = 0;
    int attempt = 1;
    double time = 0;
    QString kind;
    QByteArray body; // the event's JSON object
};

// One trial's own use of a device (schema 6): on the CPU, the CPU time of the trial's
// processes in percent of the machine's.
struct TrialShare {
    std::int64_t trial = 0;
    double percent = 0;
    bool operator==(const TrialShare&) const = default;
};

// One device at one time (schema 3). A row merged by downsampleTelemetry() stands for
// `samples` raw samples: utilization, power and each trial's share are their mean (a
// share over the samples that had it), memory and temperature their maximum, time the
// first one's, trials and processes the last one's.
struct TelemetryRow {
    std::int64_t experimentId = 0;
    double time = 0;
    QString kind; // gpu | cpu
    int device = 0;
    QString name;
    double utilization = 0;                  // percent; NaN: not known
    std::optional<std::int64_t> memoryUsed;  // bytes
    std::optional<std::int64_t> memoryTotal; // bytes
    double powerW = 0;                       // NaN: not known
    double temperatureC = 0;                 // NaN: not known
    QString trials;                          // ids of the trials holding the device, "12,14"
    QByteArray processes;                    // JSON [[pid, bytes], ...]
    QString others;                          // other experiments' trials on it (schema 5): "experiment\tstore\ttrial" lines
    std::vector<TrialShare> trialCpu;        // CPU rows (schema 6): each trial's own CPU use, by trial; empty: not recorded
    int samples = 1;
};

struct StateCounts {
    std::int64_t queued = 0, running = 0, completed = 0, pruned = 0, failed = 0;
    std::int64_t total() const { return queued + running + completed + pruned + failed; }
    std::int64_t finished() const { return completed + pruned + failed; }
};

// True when `path` is a file of a store this process has open: the database, its -wal or
// its -shm. Nothing but SQLite may open those (see Store::Keeper); file dialogs and
// "save as" paths are checked against this.
bool isOpenStoreFile(const QString& path);

// The store the window and `tunebench-cli demo` use without --db:
// $XDG_DATA_HOME/tunebench/tunebench.db (~/.local/share/tunebench/tunebench.db). A store an
// earlier version kept one folder deeper (.../tunebench/tunebench/tunebench.db) is copied
// here first (SQLite's VACUUM INTO: consistent even while open) and the old file renamed
// to tunebench.db.moved; its trials' folders stay where they are and keep working.
QString defaultStorePath();

class Store {
public:
    enum class OpenMode { CreateIfMissing, ExistingOnly };
    static constexpr int kSchemaVersion = 8;
    // SQLite's application_id of every store (bytes 68-71 of the file: "TBST"), so that
    // a store is told from any other SQLite file without opening it (docs/store.md).
    static constexpr int kApplicationId = 0x54425354;

    // Opens (and migrates forward) the file. Throws SpecError when the file is missing in
    // ExistingOnly mode or is not a Tunebench store, RuntimeError on I/O failures.
    explicit Store(const QString& path, OpenMode mode = OpenMode::CreateIfMissing);
    // Opens a file and migrates it only up to `schemaVersion` (tests of migrations).
    Store(const QString& path, int schemaVersion);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    const QString& path() const { return m_path; }
    int schemaVersion();

    // Experiments
    std::int64_t createExperiment(const QString& name, const QByteArray& spec);
    std::optional<ExperimentRow> experiment(const QString& name); // empty name: the newest one
    std::optional<ExperimentRow> experiment(std::int64_t id);
    std::vector<ExperimentRow> experiments();
    void setExperimentState(std::int64_t id, ExperimentState state, const QString& reason = {});
    // Deletes the experiment with its trials, metrics, events and telemetry, unless its
    // owner changed from `ownerToken` meanwhile (an engine took it): false then.
    bool deleteExperiment(std::int64_t id, const QString& ownerToken);
    // When a trial was created, started and ended elsewhere (an imported study).
    void setTrialTimes(std::int64_t trialId, double created, std::optional<double> started, std::optional<double> ended);

    // The lease (engine/core/lease.h decides who is alive). Claims the experiment for `me`
    // unless another owner is alive by `ownerAlive`; `current` gets the owner found (the
    // live one that refused, or the dead one taken over).
    bool claimExperiment(std::int64_t id, const Owner& me, const std::function<bool(const Owner&)>& ownerAlive,
                         std::optional<Owner>* current);
    enum class Beat { Held, StopRequested, Lost };
    Beat heartbeat(std::int64_t id, const QString& token);
    void releaseExperiment(std::int64_t id, const QString& token);
    // Asks the owner to stop (it sees it at its next heartbeat); false when none holds it.
    bool requestStop(std::int64_t id);

    // Trials
    // Inserts trial number max+1 (atomically with respect to other writers).
    TrialRow createTrial(std::int64_t experimentId, const QByteArray& params, algorithms::TrialState state);
    // The same, unless the experiment already has `limit` trials (checked in the same
    // transaction, so that max_trials holds whoever creates trials); with the sampler that
    // suggested `params` and its reason (TrialRow::sampler).
    std::optional<TrialRow> createTrialWithin(std::int64_t experimentId, const QByteArray& params, algorithms::TrialState state,
                                              std::optional<std::int64_t> limit, const QString& sampler = {},
                                              const QString& samplerReason = {});
    // `handle` is stored before the trial starts, so that a crash at any point after it
    // leaves what is needed to find the attempt's processes; setTrialHandle() adds to it.
    void startTrial(std::int64_t trialId, int attempt, const QString& dir, const QString& logPath, const QByteArray& handle = {});
    void setTrialHandle(std::int64_t trialId, const QByteArray& handle);
    // Forgets what an attempt printed (metrics and events), so that it can be read again from
    // its output when an engine re-attaches to it.
    void clearAttempt(std::int64_t trialId, int attempt);
    // Marks a trial finished, together with the metrics and events not yet written.
    void finishTrial(std::int64_t trialId, algorithms::TrialState state, std::optional<double> value,
                     std::optional<int> exitCode, const QString& reason, const std::vector<MetricRow>& metrics = {},
                     const std::vector<EventRow>& events = {}, const TrialScore& score = {});
    // Back to queued for another attempt (retry, or the engine stopped or died).
    void requeueTrial(std::int64_t trialId, int nextAttempt, const QString& reason);
    // Resume: every running trial of the experiment becomes queued with attempt+1.
    int requeueRunning(std::int64_t experimentId, const QString& reason);

    std::optional<TrialRow> trial(std::int64_t trialId);
    std::vector<TrialRow> trials(std::int64_t experimentId);
    StateCounts counts(std::int64_t experimentId);
    // Cheap forms for hot paths (index look-ups, no scan).
    std::int64_t trialCount(std::int64_t experimentId);
    bool hasUnfinished(std::int64_t experimentId);
    // The completed trial with the best (first) objective value; feasible ones first, then
    // the least infeasible.
    std::optional<TrialRow> bestTrial(std::int64_t experimentId, algorithms::Direction direction);

    // Metrics and events
    void addMetrics(const std::vector<MetricRow>& metrics, const std::vector<EventRow>& events = {});
    std::vector<MetricRow> metrics(std::int64_t trialId);
    std::vector<MetricRow> experimentMetrics(std::int64_t experimentId, const QString& name);
    std::vector<EventRow> events(std::int64_t trialId);
    // Every metric name the experiment's trials reported, in the order first seen.
    QStringList metricNames(std::int64_t experimentId);
    // Metrics of the experiment's current attempts stored after rowid `after`, oldest
    // first, at most `limit`; `lastRowid` gets the rowid of the last one returned.
    // With a name, only that metric (the rows share the one QString).
    std::vector<MetricRow> metricsSince(std::int64_t experimentId, std::int64_t after, int limit, std::int64_t* lastRowid,
                                        const QString& name = {});
    // Changes whenever any trial of the experiment is added or changes state.
    QByteArray trialsSignature(std::int64_t experimentId);

    // Telemetry (schema 3)
    void addTelemetry(const std::vector<TelemetryRow>& rows);
    // Oldest first; `to` excluded.
    std::vector<TelemetryRow> telemetry(std::int64_t experimentId, double from = 0, double to = 1e300);
    std::int64_t telemetryCount(std::int64_t experimentId);
    // What a follower has not seen yet: rows stored after rowid `after`, in rowid order, at
    // most `limit`; `lastRowid` gets the last one's rowid (`after` when none).
    std::vector<TelemetryRow> telemetrySince(std::int64_t experimentId, std::int64_t after, int limit, std::int64_t* lastRowid);
    // Rows with rowid <= `upTo`. Fewer than a follower has received means that rows it
    // holds were merged (downsampleTelemetry() deletes them and adds new ones), so it must
    // read everything again.
    std::int64_t telemetryCountUpTo(std::int64_t experimentId, std::int64_t upTo);
    // Merges the experiment's rows with time in [from, to) into one row per device and
    // `bucketSeconds`-wide bucket (aligned to multiples of it; `to` is rounded down to one,
    // so a later call never splits a bucket). Returns how many rows it removed.
    std::int64_t downsampleTelemetry(std::int64_t experimentId, double from, double to, double bucketSeconds);
    // Why the experiment's next trial waits (empty: it does not).
    void setWaiting(std::int64_t experimentId, const QString& reason);

    // Runs `work` inside BEGIN IMMEDIATE ... COMMIT (rolled back if it throws).
    template <class F> void transaction(F&& work)
    {
        begin();
        try {
            work();
        } catch (...) {
            rollback();
            throw;
        }
        commit();
    }

    static double now();

    class Keeper;

private:
    class Statement;
    Store(const QString& path, OpenMode mode, int schemaVersion); // what both constructors do
    void open(OpenMode mode);
    void close();
    void migrate(int target);
    void refuseForeign(); // before anything is written: another application's file stays as it was
    int pragma(const char* name);
    void exec(const char* sql);
    Statement prepare(const char* sql);
    void begin();
    void commit();
    void rollback();
    void insertMetrics(const std::vector<MetricRow>& metrics, const std::vector<EventRow>& events);
    [[noreturn]] void fail(const QString& what);

    QString m_path;
    sqlite3* m_db = nullptr;
    std::shared_ptr<Keeper> m_keeper; // null when the file cannot be identified
    int m_depth = 0; // nested transaction() calls join the outer one
};

} // namespace tb::engine

Q_DECLARE_METATYPE(tb::engine::ExperimentState)
