#include "local_executor.h"

#include "json.h"
#include "engine/process/process_tree.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTimer>
#include <algorithm>
#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace tb::engine {

QString resolveProgram(const QString& name, const QString& path)
{
    // PATH first, then the folder of the running Tunebench executable, so that bundled
    // programs (tunebench-train, the demo objective) work from a build tree too.
    QString found = QStandardPaths::findExecutable(name, path.split(QLatin1Char(':'), Qt::SkipEmptyParts));
    if (found.isEmpty() && QCoreApplication::instance())
        found = QStandardPaths::findExecutable(name, {QCoreApplication::applicationDirPath()});
    return found;
}

QString trialProgram(const QString& argv0, const QString& workdir, const QString& path)
{
    if (argv0.isEmpty())
        return {};
    if (argv0.contains(QLatin1Char('/'))) // ./train.sh, bin/train, /opt/x/train: never searched
        return QDir(workdir).absoluteFilePath(argv0);
    return resolveProgram(argv0, path);
}

QString supervisorProgram()
{
    // Beside the running executable (an installed or bundled Tunebench, a build tree's
    // app/), then the build tree's copy (programs that run from elsewhere, such as tests).
    if (QCoreApplication::instance()) {
        const QString beside = QStandardPaths::findExecutable(QStringLiteral("tunebench-trial"), {QCoreApplication::applicationDirPath()});
        if (!beside.isEmpty())
            return beside;
    }
#ifdef TUNEBENCH_TRIAL_SUPERVISOR_BUILD
    if (QFileInfo(QStringLiteral(TUNEBENCH_TRIAL_SUPERVISOR_BUILD)).isExecutable())
        return QStringLiteral(TUNEBENCH_TRIAL_SUPERVISOR_BUILD);
#endif
    return QStandardPaths::findExecutable(QStringLiteral("tunebench-trial"));
}

int freeTcpPort(const std::vector<int>& avoid)
{
    for (int tries = 0; tries < 64; ++tries) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0)
            return 0;
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        int port = 0;
        if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0
            && ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
            port = ntohs(address.sin_port);
        ::close(fd);
        if (port > 0 && std::find(avoid.begin(), avoid.end(), port) == avoid.end())
            return port;
    }
    return 0;
}

struct LocalExecutor::Child {
    QProcess process;
    QTimer kill; // the backstop after the supervisor's grace period
    QString token;
    QString groupEnd; // a group's end record: which rank failed, and how
    bool ended = false;
};

LocalExecutor::LocalExecutor(double killGraceSeconds, QObject* parent) : TrialExecutor(parent), m_grace(killGraceSeconds) {}

LocalExecutor::~LocalExecutor()
{
    killAllAndWait(); // children must not outlive it
}

void LocalExecutor::start(const TrialLaunch& launch)
{
    const std::int64_t id = launch.trialId;
    auto owned = std::make_unique<Child>();
    Child& c = *owned;
    c.token = launch.token;
    m_children[id] = std::move(owned);

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto it = launch.env.begin(); it != launch.env.end(); ++it)
        env.insert(it.key(), it.value());
    QStringList args = launch.argv;
    const QString program = trialProgram(args.isEmpty() ? QString() : args.takeFirst(), launch.workdir, env.value(QStringLiteral("PATH")));
    QString startError;
    if (program.isEmpty())
        startError = QStringLiteral("command not found: %1").arg(launch.argv.value(0));
    else if (!QFileInfo(program).isExecutable())
        startError = QStringLiteral("%1 is not an executable file").arg(program);
    const QString supervisor = supervisorProgram();
    if (startError.isEmpty() && supervisor.isEmpty())
        startError = QStringLiteral("tunebench-trial (the trial supervisor) is missing beside %1 and on PATH; reinstall Tunebench")
                         .arg(QCoreApplication::applicationDirPath());
    if (!startError.isEmpty()) {
        QMetaObject::invokeMethod(this, [this, id, startError] { finish(id, {-1, false, startError, {}}); }, Qt::QueuedConnection);
        return;
    }

    QProcess& p = c.process;
    // The trial runs under tunebench-trial, which ends every process it starts with it.
    p.setProgram(supervisor);
    QStringList supervisorArgs{QStringLiteral("--grace"), QString::number(m_grace)};
    if (launch.workers.size() > 1) {
        // A group: the supervisor starts every rank from a job description beside the log.
        QJsonArray workers;
        for (const WorkerLaunch& w : launch.workers) {
            QJsonObject env;
            for (auto it = w.env.begin(); it != w.env.end(); ++it)
                env.insert(it.key(), it.value());
            QStringList argv = w.argv;
            argv.first() = program;
            workers.append(QJsonObject{{QStringLiteral("argv"), QJsonArray::fromStringList(argv)}, {QStringLiteral("env"), env}});
        }
        const QString base = QDir(launch.dir).filePath(QStringLiteral("group-") + launch.token);
        c.groupEnd = base + QStringLiteral(".end.json");
        QFile description(base + QStringLiteral(".json"));
        if (!description.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || description.write(compactJson(QJsonObject{{QStringLiteral("workers"), workers},
                                                         {QStringLiteral("metrics_rank"), launch.metricsRank},
                                                         {QStringLiteral("dir"), launch.dir},
                                                         {QStringLiteral("end"), c.groupEnd}})
                                     .toUtf8())
                < 0) {
            const QString why = QStringLiteral("cannot write %1: %2").arg(description.fileName(), description.errorString());
            QMetaObject::invokeMethod(this, [this, id, why] { finish(id, {-1, false, why, {}}); }, Qt::QueuedConnection);
            return;
        }
        supervisorArgs << QStringLiteral("--job") << description.fileName();
    } else {
        supervisorArgs << QStringLiteral("--") << program << args;
    }
    p.setArguments(supervisorArgs);
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(launch.workdir);
    p.setStandardInputFile(QProcess::nullDevice());
    p.setChildProcessModifier([] {
        // Own process group: a terminal's Ctrl-C reaches the engine only, which then ends
        // the whole group. SIGTERM when the engine dies: the supervisor then ends the trial.
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    });
    connect(&p, &QProcess::readyReadStandardOutput, this, [this, id] {
        if (auto it = m_children.find(id); it != m_children.end())
            emit output(id, it->second->process.readAllStandardOutput(), true);
    });
    connect(&p, &QProcess::readyReadStandardError, this, [this, id] {
        if (auto it = m_children.find(id); it != m_children.end())
            emit output(id, it->second->process.readAllStandardError(), false);
    });
    const QByteArray handle = launch.handle;
    connect(&p, &QProcess::started, this, [this, id, handle] {
        // The supervisor's pid and start time: a later resume finds its group by them and
        // never takes a reused pid for it.
        auto it = m_children.find(id);
        if (it == m_children.end())
            return;
        const int pid = static_cast<int>(it->second->process.processId());
        QJsonObject h = QJsonDocument::fromJson(handle).object();
        h.insert(QStringLiteral("pid"), pid);
        h.insert(QStringLiteral("start"), QString::fromStdString(proc::startTicks(pid)));
        emit handleChanged(id, compactJson(h).toUtf8());
    });
    connect(&p, &QProcess::finished, this, [this, id](int code, QProcess::ExitStatus status) {
        finish(id, {code, status == QProcess::CrashExit, {}, {}});
    });
    connect(&p, &QProcess::errorOccurred, this, [this, id](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        auto it = m_children.find(id);
        const QString why = it != m_children.end() ? it->second->process.errorString() : QString();
        QMetaObject::invokeMethod(this, [this, id, why] { finish(id, {-1, false, why, {}}); }, Qt::QueuedConnection);
    });
    c.kill.setSingleShot(true);
    connect(&c.kill, &QTimer::timeout, this, [this, id] {
        // The supervisor did not end the trial within its grace period: end it from here.
        if (auto it = m_children.find(id); it != m_children.end()) {
            const auto pid = static_cast<pid_t>(it->second->process.processId());
            ::kill(-pid, SIGKILL);
            proc::killAll({it->second->token.toStdString(), pid, 0, static_cast<int>(::getpid())}, 2000);
        }
    });
    p.start();
}

void LocalExecutor::finish(std::int64_t trialId, const ProcessEnd& end)
{
    auto it = m_children.find(trialId);
    if (it == m_children.end() || it->second->ended)
        return;
    Child& c = *it->second;
    c.ended = true;
    c.kill.stop();
    c.process.disconnect(this);
    const QByteArray out = c.process.readAllStandardOutput();
    const QByteArray err = c.process.readAllStandardError();
    if (!out.isEmpty())
        emit output(trialId, out, true);
    if (!err.isEmpty())
        emit output(trialId, err, false);
    ProcessEnd e = end;
    if (!c.groupEnd.isEmpty()) { // a group: the end record names the rank that failed
        QFile record(c.groupEnd);
        if (record.open(QIODevice::ReadOnly))
            e.failReason = QJsonDocument::fromJson(record.readAll()).object().value(QStringLiteral("reason")).toString();
    }
    if (end.signalled && end.exitCode == SIGKILL) // the supervisor itself was killed: nobody cleaned up
        proc::killAll({c.token.toStdString(), static_cast<int>(c.process.processId()), 0, static_cast<int>(::getpid())}, 2000);
    // Deleted later: this may run inside the process's own finished signal.
    std::shared_ptr<Child> owned(std::move(it->second));
    m_children.erase(it);
    QMetaObject::invokeMethod(this, [owned] {}, Qt::QueuedConnection);
    emit ended(trialId, e);
}

void LocalExecutor::terminate(std::int64_t trialId)
{
    auto it = m_children.find(trialId);
    if (it == m_children.end())
        return;
    const auto pid = static_cast<pid_t>(it->second->process.processId());
    if (pid <= 0)
        return;
    ::kill(-pid, SIGTERM); // the program directly; the supervisor kills what is left after the grace
    it->second->kill.start(static_cast<int>((m_grace + 2) * 1000));
}

void LocalExecutor::kill(std::int64_t trialId)
{
    if (auto it = m_children.find(trialId); it != m_children.end())
        if (const auto pid = static_cast<pid_t>(it->second->process.processId()); pid > 0)
            ::kill(pid, SIGUSR1); // the supervisor kills the trial's processes at once
}

void LocalExecutor::killNow(Child& c)
{
    c.process.disconnect(this);
    const auto pid = static_cast<pid_t>(c.process.processId());
    if (pid <= 0)
        return;
    ::kill(pid, SIGUSR1);
    if (!c.process.waitForFinished(3000)) {
        ::kill(-pid, SIGKILL);
        c.process.waitForFinished(1000);
    }
    proc::killAll({c.token.toStdString(), pid, 0, static_cast<int>(::getpid())}, 2000);
}

void LocalExecutor::killAllAndWait()
{
    for (auto& [id, c] : m_children)
        killNow(*c);
    m_children.clear();
}

std::map<int, std::int64_t> LocalExecutor::processes() const
{
    std::map<int, std::int64_t> out;
    for (const auto& [id, c] : m_children)
        if (const auto pid = static_cast<int>(c->process.processId()); pid > 0)
            out[pid] = id;
    return out;
}

bool LocalExecutor::reattach(const TrialRow& t)
{
    // A local attempt cannot be re-attached (its pipes died with the engine): end what it
    // left. Its supervisor does so when the engine dies; one killed too leaves them here.
    // They carry the attempt's token; the group counts only while its leader is gone or is
    // still the supervisor (same start time), never a process that reused the pid.
    if (t.handle.isEmpty())
        return false;
    const QJsonObject h = QJsonDocument::fromJson(t.handle).object();
    if (h.value(QStringLiteral("host")).toString() != QSysInfo::machineHostName())
        return false;
    proc::Match m;
    m.token = h.value(QStringLiteral("token")).toString().toStdString();
    m.exclude = static_cast<int>(::getpid());
    const int pid = h.value(QStringLiteral("pid")).toInt();
    if (pid > 0) {
        const std::string start = proc::startTicks(pid);
        if (start.empty() || start == h.value(QStringLiteral("start")).toString().toStdString())
            m.group = pid;
    }
    if (m.token.empty() && m.group == 0)
        return false;
    if (const int n = proc::killAll(m, 5000))
        qInfo("tunebench: trial %lld: ended %d process(es) left from attempt %d", static_cast<long long>(t.id), n, t.attempt);
    return false;
}

} // namespace tb::engine
