#pragma once
// Where trials run. The engine decides what runs (sampler, budget, pruning, resources); an
// executor starts it, streams its output, stops it and says how it ended. One interface for
// the local process executor (local_executor.h) and a cluster's (slurm_executor.h).
//
// Threading: an executor lives in its engine's thread and emits its signals there. start()
// never reports synchronously: every outcome, a failure to start included, arrives later
// through ended(), exactly once per start().

#include "outcome.h"
#include "store.h"

#include <QMap>
#include <QObject>
#include <QStringList>
#include <map>
#include <memory>
#include <vector>

namespace tb::engine {

struct WorkerLaunch {
    QStringList argv;
    QMap<QString, QString> env;
};

struct TrialLaunch {
    std::int64_t trialId = 0;
    QStringList argv;               // argv[0] as the spec wrote it: the executor resolves it
    QMap<QString, QString> env;     // added to the inherited environment (TrialCommand::env)
    // More than one: a group of workers (trial.workers) that lives and dies as one, whose
    // metrics rank's output is the trial's; argv and env above are that rank's.
    std::vector<WorkerLaunch> workers;
    int metricsRank = 0;
    QString workdir;
    QString dir;                    // the trial's folder (exists)
    QString token;                  // TUNEBENCH_TRIAL_TOKEN of the attempt
    QByteArray handle;              // what the store holds for it (JSON object), to extend
};

class TrialExecutor : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void start(const TrialLaunch& launch) = 0;
    // Asks the trial to end (SIGTERM, scancel): after the grace period it is killed.
    virtual void terminate(std::int64_t trialId) = 0;
    // Ends it now, without the grace period.
    virtual void kill(std::int64_t trialId) = 0;
    // Ends every trial now and waits for them: the engine is going away.
    virtual void killAllAndWait() = 0;
    // Processes on this machine that belong to running trials, pid -> trial id (telemetry
    // attributes GPU memory through it); empty for trials that run elsewhere.
    virtual std::map<int, std::int64_t> processes() const = 0;
    // Resume: ends whatever an attempt the dead engine left running still has alive (or, for
    // a cluster, re-attaches to it and returns true: the attempt goes on).
    virtual bool reattach(const TrialRow& trial) = 0;

signals:
    void output(qint64 trialId, const QByteArray& chunk, bool isStdout);
    // A new handle for the store (pid, job id): what finds the attempt after a crash.
    void handleChanged(qint64 trialId, const QByteArray& handle);
    void ended(qint64 trialId, const tb::engine::ProcessEnd& end);
    // Why a started trial has not begun yet ("Slurm job 12 pending: Resources"); empty once it runs.
    void waiting(qint64 trialId, const QString& reason);
};

struct ExperimentSpec;

// The executor the spec asks for (executor.type); throws RuntimeError when it cannot be used
// here (a Slurm cluster that does not answer).
std::unique_ptr<TrialExecutor> makeExecutor(const ExperimentSpec& spec, double killGraceSeconds);

} // namespace tb::engine
