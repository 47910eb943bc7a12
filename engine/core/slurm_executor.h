#pragma once
// The Slurm executor: each trial attempt is one batch job. A shared file system between this
// machine and the nodes is assumed (docs/slurm.md): the job file, the job's output and its
// end record live in the trial's folder.
//
// The job file starts with `#!<tunebench-trial>`, so the node runs the supervisor on it with
// no shell in between; the command travels as JSON and every value reaches the program as
// one argument. The job is named tb-<token>, the token being stored before submission, so a
// resumed engine finds a job whose id it never stored: a trial is never submitted twice.
// Output is followed from the job's files as a local trial's pipes are; the end record
// (written by the supervisor) says how the program ended; squeue and scontrol say why a job
// waits or how Slurm ended it (NODE_FAIL, PREEMPTED, BOOT_FAIL: run again; CANCELLED from
// outside, TIMEOUT, OUT_OF_MEMORY: failed with that reason).
//
// Threading: as TrialExecutor. Slurm's commands run synchronously with a timeout.

#include "executor.h"
#include "spec.h"

#include <QElapsedTimer>
#include <QFileSystemWatcher>
#include <QTimer>
#include <memory>

namespace tb::engine {

class SlurmExecutor final : public TrialExecutor {
    Q_OBJECT
public:
    // A group of workers (trial.workers) is one job of that many tasks, started by srun.
    SlurmExecutor(ExecutorSpec spec, int gpusPerTrial, int gpusPerWorker, double killGraceSeconds, QObject* parent = nullptr);
    ~SlurmExecutor() override;

    // Throws RuntimeError with the fix when sbatch is missing or the cluster does not answer.
    void check();

    void start(const TrialLaunch& launch) override;
    void terminate(std::int64_t trialId) override;
    void kill(std::int64_t trialId) override;
    void killAllAndWait() override;
    std::map<int, std::int64_t> processes() const override { return {}; }
    bool reattach(const TrialRow& trial) override;

    // How long one Slurm command may take before it counts as "the cluster does not answer".
    static constexpr int kCommandTimeoutMs = 30000;

private:
    struct Job;
    struct Result {
        bool ok = false;
        QString out;
        QString error; // what to tell the user when !ok
    };
    Result slurm(const QString& program, const QStringList& args) const;
    void poll();           // squeue/scontrol: states, reasons, nodes, jobs that left
    void follow(Job& job); // new output, then the end record
    void end(std::int64_t trialId, const ProcessEnd& end);
    void watch(Job& job);
    QByteArray handleOf(const Job& job) const;

    ExecutorSpec m_spec;
    int m_gpusPerTrial;
    int m_gpusPerWorker;
    double m_grace;
    std::map<std::int64_t, std::unique_ptr<Job>> m_jobs; // by trial id
    QFileSystemWatcher m_watcher; // trial folders: output and end records appear at once
    QTimer m_followTimer;         // the same by polling (network file systems send no events)
    QTimer m_pollTimer;
    bool m_warned = false;        // squeue failing: said once
};

} // namespace tb::engine
