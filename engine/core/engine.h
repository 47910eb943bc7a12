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
#include <map>
#include <memory>

class QProcess;

namespace tb::engine {

class Study;
struct ExperimentSpec;

struct EngineOptions {
    double killGraceSeconds = 3.0;      // SIGTERM, then SIGKILL after this long
    int metricFlushIntervalMs = 250;    // how often live metrics reach the store
};

// Where a trial's argv[0] (without a slash) is found: PATH, then beside the executable.
QString resolveProgram(const QString& name, const QString& path);

class Engine : public QObject {
    Q_OBJECT
public:
    Engine(QString dbPath, QString experiment, EngineOptions options = {}, QObject* parent = nullptr);
    ~Engine() override;

    // Opens the store and the experiment, re-queues trials a dead engine left running.
    // Throws SpecError / RuntimeError; call before start().
    void prepare();

    QString experimentName() const;
    std::int64_t experimentId() const;
    StateCounts counts() const;
    const ExperimentSpec& spec() const; // valid after prepare()
    bool isRunning() const { return m_started && !m_done; }

public slots:
    void start();
    // Ends running trials (SIGTERM, then SIGKILL) and queues them again; emits finished.
    void stop();

signals:
    void trialStarted(qint64 trialId, qint64 number, int attempt, const QString& params);
    void trialFinished(qint64 trialId, qint64 number, const QString& state, double value, const QString& reason);
    void trialRequeued(qint64 trialId, qint64 number, const QString& reason);
    void metricsRecorded(qint64 trialId, int count);
    void finished(const QString& state, const QString& reason);

private:
    struct Running;
    void fillSlots();
    void launch(TrialRow row);
    void onOutput(Running& run, bool isStdout);
    void recordLine(Running& run, const std::string& line, double now, bool mayPrune);
    void onExited(std::int64_t trialId, int exitCode, bool crashed, const QString& startError);
    void terminate(Running& run);
    void flushMetrics();
    void finishExperiment(const QString& state, const QString& reason);
    void checkPruning(Running& run, std::int64_t step, double value);
    QString trialDir(std::int64_t number) const;

    QString m_dbPath;
    QString m_experimentName;
    EngineOptions m_options;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Study> m_study;
    std::map<std::int64_t, std::unique_ptr<Running>> m_running; // by trial id
    std::deque<TrialRow> m_queued;                              // waiting for a slot, oldest first
    std::int64_t m_created = 0;                                 // trials of the experiment so far
    QTimer m_flushTimer;
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
