#pragma once
// Runs an experiment along each trial's life: asks the study for a trial, waits for its
// resources, builds its command (trial_command.h), hands it to an executor (executor.h),
// reads what it prints (metric_parser.h), feeds the pruner, and records how it ended
// (outcome.h) in the store through the study. The engine holds the experiment's lease
// (lease.h) while it runs.
//
// Threading: an Engine lives in one thread with a Qt event loop (the CLI's main thread, or
// a worker thread in the GUI) and does all its work there; it opens its own Store in
// prepare(). Other threads talk to it only through queued signals and slots.

#include "outcome.h"
#include "store.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <deque>
#include <functional>
#include <map>
#include <memory>

namespace tb::engine {

class Lease;
class ResourceMonitor;
class Study;
class TrialExecutor;
struct ExperimentSpec;

struct EngineOptions {
    double killGraceSeconds = 3.0;      // SIGTERM, then SIGKILL after this long
    int metricFlushIntervalMs = 250;    // how often live metrics reach the store
    double downsampleIntervalS = 60;    // how often old telemetry is merged (docs/gpus.md)
    QString program;                    // who runs it, shown to a second engine ("tunebench-cli run")
};

class Engine : public QObject {
    Q_OBJECT
public:
    Engine(QString dbPath, QString experiment, EngineOptions options = {}, QObject* parent = nullptr);
    ~Engine() override;

    // Opens the store and the experiment, takes its lease (BusyError when another engine
    // runs it), ends or re-attaches what a dead engine left running. Throws SpecError /
    // RuntimeError; call before start().
    void prepare();

    QString experimentName() const;
    std::int64_t experimentId() const;
    StateCounts counts() const;
    const ExperimentSpec& spec() const; // valid after prepare()
    bool isRunning() const { return m_started && !m_done; }
    // Trials at once: resources.parallel_trials, or the GPUs' capacity when that is unset.
    int parallelTrials() const;
    // The GPUs trials may use (empty when the engine does not assign GPUs); after prepare().
    std::vector<int> managedGpus() const;

public slots:
    void start();
    // Ends running trials (SIGTERM, then SIGKILL) and queues them again; emits finished.
    void stop();

signals:
    void trialStarted(qint64 trialId, qint64 number, int attempt, const QString& params);
    void trialFinished(qint64 trialId, qint64 number, const QString& state, double value, const QString& reason);
    void trialRequeued(qint64 trialId, qint64 number, const QString& reason);
    // The next trial waits for GPUs, and why ("GPU 0 busy with foreign processes (pid
    // 1234), ..."); emitted when the reason changes, with an empty reason once it starts.
    void trialWaiting(qint64 trialId, const QString& reason);
    void finished(tb::engine::ExperimentState state, const QString& reason);

private:
    struct Running;
    // Runs a slot's work; a failure of the store (it cannot be written) ends the engine
    // through abandon() instead of escaping into Qt's event loop.
    void guarded(const std::function<void()>& work);
    void abandon(const QString& reason);
    void stopTimers();
    void fillSlots();
    void launch(TrialRow row, const std::vector<int>& gpus);
    // Follows a started (or re-attached) attempt: its record, log and timeout.
    void follow(const TrialRow& row, const QString& logHeader = {});
    void setWaiting(std::int64_t trialId, const QString& reason);
    void onOutput(std::int64_t trialId, const QByteArray& chunk, bool isStdout);
    void checkPruning(Running& run);
    // Ends a running attempt for a reason of the engine's (the first reason counts).
    void end(Running& run, Ending why, const QString& reason = {});
    void onEnded(std::int64_t trialId, const ProcessEnd& end);
    void flushMetrics();
    void renewLease();
    void endRunning(Ending why, ExperimentState state, const QString& reason);
    // Completed (the budget or the sampler ran out) becomes failed when every trial failed.
    void finishExperiment(ExperimentState state, const QString& reason);

    QString m_dbPath;
    QString m_experimentName;
    EngineOptions m_options;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Lease> m_lease;
    std::unique_ptr<Study> m_study;
    std::unique_ptr<ResourceMonitor> m_resources;
    std::unique_ptr<TrialExecutor> m_executor;
    std::map<std::int64_t, std::unique_ptr<Running>> m_running; // by trial id
    std::deque<TrialRow> m_queued;                              // waiting for a slot, oldest first
    QString m_waiting;                                          // why the next trial waits for GPUs
    QTimer m_telemetryTimer;
    QTimer m_flushTimer;
    QTimer m_heartbeat;
    QTimer m_deadline;
    bool m_started = false;
    bool m_stopping = false;
    bool m_exhausted = false;
    bool m_done = false;
    ExperimentState m_stopState = ExperimentState::Stopped; // once running trials have ended
    QString m_stopReason;
};

} // namespace tb::engine
