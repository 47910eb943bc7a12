#pragma once
// Runs an experiment: asks the sampler for trials, starts each as a child process (never
// through a shell), reads its metrics, feeds the pruner, records everything in the store.
//
// Threading: an Engine lives in one thread with a Qt event loop (the CLI's main thread, or
// a worker thread in the GUI) and does all its work there; it opens its own Store in
// prepare(). Other threads talk to it only through queued signals and slots.

#include "metric_parser.h"
#include "store.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <deque>
#include <functional>
#include <map>
#include <memory>

class QProcess;

namespace tb::engine {

class CpuSource;
class GpuAllocator;
class Lease;
class Study;
class TelemetryRecorder;
class TelemetrySource;
struct ExperimentSpec;

struct EngineOptions {
    double killGraceSeconds = 3.0;      // SIGTERM, then SIGKILL after this long
    int metricFlushIntervalMs = 250;    // how often live metrics reach the store
    double downsampleIntervalS = 60;    // how often old telemetry is merged (docs/gpus.md)
    QString program;                    // who runs it, shown to a second engine ("tunebench-cli run")
};

// Where a trial's argv[0] (without a slash) is found: PATH, then beside the executable.
QString resolveProgram(const QString& name, const QString& path);

class Engine : public QObject {
    Q_OBJECT
public:
    Engine(QString dbPath, QString experiment, EngineOptions options = {}, QObject* parent = nullptr);
    ~Engine() override;

    // Opens the store and the experiment, takes its lease (BusyError when another engine
    // runs it), re-queues trials a dead engine left running. Throws SpecError /
    // RuntimeError; call before start().
    void prepare();

    QString experimentName() const;
    std::int64_t experimentId() const;
    StateCounts counts() const;
    const ExperimentSpec& spec() const; // valid after prepare()
    bool isRunning() const { return m_started && !m_done; }
    // Trials at once: resources.parallel_trials, or the GPUs' capacity when that is unset.
    int parallelTrials() const { return m_parallel; }
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
    void metricsRecorded(qint64 trialId, int count);
    // The next trial waits for GPUs, and why ("GPU 0 busy with foreign processes (pid
    // 1234), ..."); emitted when the reason changes, with an empty reason once it starts.
    void trialWaiting(qint64 trialId, const QString& reason);
    void finished(const QString& state, const QString& reason);

private:
    struct Running;
    // Runs a slot's work; a failure of the store (it cannot be written) ends the engine
    // through abandon() instead of escaping into Qt's event loop.
    void guarded(const std::function<void()>& work);
    void abandon(const QString& reason);
    void killNow(Running& run);
    void endLeftovers(std::int64_t experimentId);
    void budgetRanOut();
    void renewLease();
    void fillSlots();
    void launch(TrialRow row, const std::vector<int>& gpus);
    QString substitute(const QString& text, const TrialRow& row, const QString& dir, const algorithms::Assignment& params,
                       bool* inactive) const;
    int gpusNeeded(const TrialRow& row) const;
    void setupTelemetry();
    void sampleTelemetry();
    void setWaiting(std::int64_t trialId, const QString& reason);
    void onOutput(Running& run, bool isStdout);
    void recordLine(Running& run, const std::string& line, double now, bool mayPrune);
    bool keepRow(Running& run, double now); // false beyond trial.max_metric_rows
    void onExited(std::int64_t trialId, int exitCode, bool crashed, const QString& startError);
    void terminate(Running& run);
    void flushMetrics();
    void finishExperiment(const QString& state, const QString& reason);
    void checkPruning(Running& run);
    QString trialDir(std::int64_t number) const;

    QString m_dbPath;
    QString m_experimentName;
    EngineOptions m_options;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Lease> m_lease;
    std::unique_ptr<Study> m_study;
    std::map<std::int64_t, std::unique_ptr<Running>> m_running; // by trial id
    std::deque<TrialRow> m_queued;                              // waiting for a slot, oldest first
    std::unique_ptr<CpuSource> m_cpuSource;
    std::unique_ptr<TelemetrySource> m_gpuSource;     // null without GPUs
    std::unique_ptr<GpuAllocator> m_allocator;        // null when the engine does not assign GPUs
    std::unique_ptr<TelemetryRecorder> m_recorder;
    QTimer m_telemetryTimer;
    double m_lastDownsample = 0;
    bool m_telemetryFailed = false;                   // warned once; the experiment goes on
    QString m_waiting;                                // why the next trial waits for GPUs
    int m_parallel = 1;
    QTimer m_flushTimer;
    QTimer m_heartbeat;
    QTimer m_deadline;
    QElapsedTimer m_clock;
    bool m_started = false;
    bool m_stopping = false;
    bool m_exhausted = false;
    bool m_done = false;
    QString m_stopState;  // what the experiment becomes once running trials have ended
    QString m_stopReason;
    std::int64_t m_failed = 0;
};

} // namespace tb::engine
