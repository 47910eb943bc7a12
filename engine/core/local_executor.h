#pragma once
// The local process executor: each trial a child process under tunebench-trial (the
// supervisor that ends whatever the trial starts), in its own process group, never through
// a shell. Its handle in the store: {"token", "host", "pid", "start"}.
//
// Threading: as TrialExecutor.

#include "executor.h"

#include <memory>

namespace tb::engine {

// Where a trial's argv[0] (without a slash) is found: PATH, then beside the executable.
QString resolveProgram(const QString& name, const QString& path);
// Where a trial's argv[0] is, as LocalExecutor starts it: with a slash, against the
// trial's workdir (the file may not exist); without, resolveProgram() on `path` (the
// trial's PATH), empty when not found.
QString trialProgram(const QString& argv0, const QString& workdir, const QString& path);
// tunebench-trial: beside the running executable, the build tree's, then PATH.
QString supervisorProgram();
// A TCP port nobody listens on now (the kernel's choice), not one of `avoid`: the
// MASTER_PORT of a multi-worker trial.
int freeTcpPort(const std::vector<int>& avoid);

class LocalExecutor final : public TrialExecutor {
    Q_OBJECT
public:
    explicit LocalExecutor(double killGraceSeconds, QObject* parent = nullptr);
    ~LocalExecutor() override;

    void start(const TrialLaunch& launch) override;
    void terminate(std::int64_t trialId) override;
    void kill(std::int64_t trialId) override;
    void killAllAndWait() override;
    std::map<int, std::int64_t> processes() const override;
    bool reattach(const TrialRow& trial) override;

private:
    struct Child;
    void finish(std::int64_t trialId, const ProcessEnd& end);
    void killNow(Child& child);

    double m_grace;
    std::map<std::int64_t, std::unique_ptr<Child>> m_children; // by trial id
};

} // namespace tb::engine
