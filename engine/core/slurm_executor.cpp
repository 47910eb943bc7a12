#include "slurm_executor.h"

#include "errors.h"
#include "json.h"
#include "local_executor.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <csignal>

namespace tb::engine {

struct SlurmExecutor::Job {
    std::int64_t trialId = 0;
    QString token;
    QString dir;
    QString out, err, end, file; // paths: stdout, stderr, end record, job file
    QString jobId;
    QString node;
    QString state;               // as squeue last said
    double submittedMs = 0;
    qint64 outOffset = 0, errOffset = 0;
    bool cancelledByUs = false;
    QElapsedTimer missing;       // since squeue stopped listing it without an end record
    QByteArray handle;           // the store's, extended with job, node, times
};

namespace {

QString jobName(const QString& token)
{
    return QStringLiteral("tb-") + token;
}

// "JobState=NODE_FAIL Reason=... ExitCode=0:9 NodeList=n1" -> the value of `key`.
QString field(const QString& line, const QString& key)
{
    const QRegularExpression re(QStringLiteral("(?:^|\\s)") + key + QStringLiteral("=(\\S*)"));
    const auto m = re.match(line);
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace

SlurmExecutor::SlurmExecutor(ExecutorSpec spec, int gpusPerTrial, int gpusPerWorker, double killGraceSeconds, QObject* parent)
    : TrialExecutor(parent), m_spec(std::move(spec)), m_gpusPerTrial(gpusPerTrial), m_gpusPerWorker(gpusPerWorker), m_grace(killGraceSeconds),
      m_watcher(this),
      m_followTimer(this), m_pollTimer(this)
{
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this](const QString& dir) {
        for (auto it = m_jobs.begin(); it != m_jobs.end();) {
            Job& job = *it->second;
            ++it; // follow() may end (and erase) the job
            if (job.dir == dir)
                follow(job);
        }
    });
    m_followTimer.setInterval(200);
    connect(&m_followTimer, &QTimer::timeout, this, [this] {
        for (auto it = m_jobs.begin(); it != m_jobs.end();) {
            Job& job = *it->second;
            ++it;
            follow(job);
        }
    });
    m_pollTimer.setInterval(1000);
    connect(&m_pollTimer, &QTimer::timeout, this, &SlurmExecutor::poll);
}

SlurmExecutor::~SlurmExecutor() = default; // jobs outlive the engine on purpose: a resume re-attaches

SlurmExecutor::Result SlurmExecutor::slurm(const QString& program, const QStringList& args) const
{
    Result r;
    const QString path = resolveProgram(program, qEnvironmentVariable("PATH"));
    if (path.isEmpty()) {
        r.error = QStringLiteral("%1 is not installed here (Slurm's client commands: sbatch, squeue, scancel, scontrol); "
                                 "install them or use \"executor\": {\"type\": \"local\"}")
                      .arg(program);
        return r;
    }
    QProcess p;
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(path, args);
    if (!p.waitForFinished(kCommandTimeoutMs)) {
        p.kill();
        p.waitForFinished(1000);
        r.error = QStringLiteral("%1 did not answer within %2 s: is the Slurm controller (slurmctld) reachable?")
                      .arg(program)
                      .arg(kCommandTimeoutMs / 1000);
        return r;
    }
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        r.error = QStringLiteral("%1 failed: %2").arg(program, QString::fromUtf8(p.readAllStandardError()).trimmed());
        return r;
    }
    r.ok = true;
    return r;
}

void SlurmExecutor::check()
{
    const Result r = slurm(QStringLiteral("squeue"), {QStringLiteral("-h"), QStringLiteral("-o"), QStringLiteral("%i"), QStringLiteral("--me")});
    if (!r.ok)
        throw RuntimeError(QStringLiteral("executor.type slurm: the cluster cannot be used: %1").arg(r.error));
    if (supervisorProgram().isEmpty())
        throw RuntimeError(QStringLiteral("executor.type slurm: tunebench-trial (the trial supervisor jobs run) is missing"));
}

QByteArray SlurmExecutor::handleOf(const Job& job) const
{
    QJsonObject h = QJsonDocument::fromJson(job.handle).object();
    h.insert(QStringLiteral("executor"), QStringLiteral("slurm"));
    h.insert(QStringLiteral("job"), job.jobId);
    h.insert(QStringLiteral("node"), job.node);
    h.insert(QStringLiteral("state"), job.state);
    h.insert(QStringLiteral("submitted_ms"), job.submittedMs);
    return compactJson(h).toUtf8();
}

void SlurmExecutor::watch(Job& job)
{
    if (!m_watcher.directories().contains(job.dir))
        m_watcher.addPath(job.dir);
    if (!m_followTimer.isActive())
        m_followTimer.start();
    if (!m_pollTimer.isActive())
        m_pollTimer.start();
}

void SlurmExecutor::start(const TrialLaunch& launch)
{
    const std::int64_t id = launch.trialId;
    auto owned = std::make_unique<Job>();
    Job& job = *owned;
    job.trialId = id;
    job.token = launch.token;
    job.dir = launch.dir;
    job.handle = launch.handle;
    const QString base = QDir(launch.dir).filePath(QStringLiteral("slurm-") + launch.token);
    job.out = base + QStringLiteral(".out");
    job.err = base + QStringLiteral(".err");
    job.end = base + QStringLiteral(".end.json");
    job.file = base + QStringLiteral(".job");
    m_jobs[id] = std::move(owned);

    auto fail = [this, id](const QString& why) {
        QMetaObject::invokeMethod(this, [this, id, why] { end(id, {-1, false, why, {}, {}}); }, Qt::QueuedConnection);
    };
    // The program as this machine finds it (the nodes share its file system), else as written.
    auto command = [&](QStringList argv, const QMap<QString, QString>& vars) {
        if (!argv.isEmpty() && !argv.first().contains(QLatin1Char('/'))) {
            const QString found = resolveProgram(argv.first(), vars.value(QStringLiteral("PATH"), qEnvironmentVariable("PATH")));
            if (!found.isEmpty())
                argv.first() = found;
        } else if (!argv.isEmpty()) {
            argv.first() = QDir(launch.workdir).absoluteFilePath(argv.first());
        }
        QJsonObject env;
        for (auto it = vars.begin(); it != vars.end(); ++it)
            env.insert(it.key(), it.value());
        return QJsonObject{{QStringLiteral("argv"), QJsonArray::fromStringList(argv)}, {QStringLiteral("env"), env}};
    };
    QJsonObject spec = command(launch.argv, launch.env);
    if (launch.workers.size() > 1) { // one job of N tasks (srun), a rank each
        QJsonArray workers;
        for (const WorkerLaunch& w : launch.workers)
            workers.append(command(w.argv, w.env));
        spec = {{QStringLiteral("workers"), workers}, {QStringLiteral("metrics_rank"), launch.metricsRank}, {QStringLiteral("dir"), launch.dir}};
    }
    spec.insert(QStringLiteral("workdir"), launch.workdir);
    spec.insert(QStringLiteral("grace"), m_grace);
    spec.insert(QStringLiteral("end"), job.end);
    QFile file(job.file);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        fail(QStringLiteral("cannot write the job file %1: %2").arg(job.file, file.errorString()));
        return;
    }
    // No shell reads this file: the kernel runs the supervisor on it, which reads line 3.
    file.write("#!" + QFile::encodeName(supervisorProgram()) + "\n# Tunebench job file: tunebench-trial reads the JSON line below; no shell reads this file.\n"
               + compactJson(spec).toUtf8() + "\n");
    file.close();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                        | QFileDevice::ExeGroup);

    QStringList args{QStringLiteral("--parsable"), QStringLiteral("--job-name=") + jobName(job.token),
                     QStringLiteral("--output=") + job.out, QStringLiteral("--error=") + job.err,
                     QStringLiteral("--chdir=") + launch.workdir};
    if (!m_spec.partition.isEmpty())
        args << QStringLiteral("--partition=") + m_spec.partition;
    if (!m_spec.account.isEmpty())
        args << QStringLiteral("--account=") + m_spec.account;
    if (!m_spec.timeLimit.isEmpty())
        args << QStringLiteral("--time=") + m_spec.timeLimit;
    if (launch.workers.size() > 1) {
        args << QStringLiteral("--ntasks=%1").arg(launch.workers.size());
        if (m_gpusPerWorker > 0)
            args << QStringLiteral("--gpus-per-task=%1").arg(m_gpusPerWorker);
    } else if (m_gpusPerTrial > 0) {
        args << QStringLiteral("--gpus=%1").arg(m_gpusPerTrial);
    }
    args << m_spec.sbatchArgs << job.file;
    job.submittedMs = static_cast<double>(QDateTime::currentMSecsSinceEpoch());
    const Result r = slurm(QStringLiteral("sbatch"), args);
    if (!r.ok) {
        fail(r.error);
        return;
    }
    job.jobId = r.out.trimmed().section(QLatin1Char(';'), 0, 0);
    job.state = QStringLiteral("PENDING");
    emit handleChanged(id, handleOf(job));
    watch(job);
}

void SlurmExecutor::follow(Job& job)
{
    auto readNew = [](const QString& path, qint64& offset) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly) || f.size() <= offset)
            return QByteArray();
        f.seek(offset);
        const QByteArray chunk = f.readAll();
        offset += chunk.size();
        return chunk;
    };
    const std::int64_t id = job.trialId;
    const QString endPath = job.end;
    const bool ended = QFileInfo::exists(endPath); // before the last read: nothing is written after it
    if (const QByteArray out = readNew(job.out, job.outOffset); !out.isEmpty())
        emit output(id, out, true);
    if (auto it = m_jobs.find(id); it == m_jobs.end())
        return;
    if (const QByteArray err = readNew(job.err, job.errOffset); !err.isEmpty())
        emit output(id, err, false);
    if (!ended || m_jobs.find(id) == m_jobs.end())
        return;
    QFile f(endPath);
    const QJsonObject record = f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
    ProcessEnd e;
    e.failReason = record.value(QStringLiteral("reason")).toString(); // a group: the rank that failed
    if (record.contains(QStringLiteral("signal"))) {
        e.signalled = true;
        e.exitCode = record.value(QStringLiteral("signal")).toInt();
    } else {
        e.exitCode = record.value(QStringLiteral("exit")).toInt(-1);
    }
    end(id, e);
}

void SlurmExecutor::end(std::int64_t trialId, const ProcessEnd& e)
{
    auto it = m_jobs.find(trialId);
    if (it == m_jobs.end())
        return;
    std::unique_ptr<Job> job = std::move(it->second);
    m_jobs.erase(it);
    if (!m_watcher.directories().isEmpty() && !job->dir.isEmpty())
        m_watcher.removePath(job->dir);
    if (m_jobs.empty()) {
        m_followTimer.stop();
        m_pollTimer.stop();
        emit waiting(trialId, QString()); // no job of ours waits any more
    }
    emit ended(trialId, e);
}

void SlurmExecutor::poll()
{
    if (m_jobs.empty())
        return;
    QStringList names;
    for (const auto& [id, job] : m_jobs)
        names << jobName(job->token);
    const Result r = slurm(QStringLiteral("squeue"), {QStringLiteral("-h"), QStringLiteral("-o"), QStringLiteral("%j|%i|%T|%r|%N"),
                                                      QStringLiteral("--name=") + names.join(QLatin1Char(','))});
    if (!r.ok) {
        if (!m_warned)
            qWarning("tunebench: %s (trials keep running; Tunebench tries again every second)", qPrintable(r.error));
        m_warned = true;
        return;
    }
    m_warned = false;
    std::map<QString, QStringList> listed; // job name -> fields
    for (const QString& line : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        listed[line.section(QLatin1Char('|'), 0, 0)] = line.split(QLatin1Char('|'));
    std::vector<std::int64_t> gone;
    std::int64_t pendingId = 0;
    QString pending; // the first pending job's reason: the experiment's waiting reason
    for (auto& [id, job] : m_jobs) {
        const auto it = listed.find(jobName(job->token));
        if (it == listed.end()) {
            if (!job->missing.isValid())
                job->missing.start();
            if (job->missing.elapsed() > 2000) // time for the end record to arrive on a shared file system
                gone.push_back(id);
            continue;
        }
        const QStringList& f = it->second;
        const QString state = f.value(2), reason = f.value(3), node = f.value(4);
        job->missing.invalidate();
        if (job->jobId.isEmpty())
            job->jobId = f.value(1);
        if (state != job->state || node != job->node) {
            job->state = state;
            job->node = node;
            emit handleChanged(id, handleOf(*job));
        }
        if (state == QLatin1String("PENDING") && pending.isEmpty()) {
            pendingId = id;
            pending = QStringLiteral("Slurm job %1 pending: %2").arg(job->jobId, reason);
        }
    }
    emit waiting(pendingId, pending);
    for (std::int64_t id : gone) {
        auto it = m_jobs.find(id);
        if (it == m_jobs.end())
            continue;
        Job& job = *it->second;
        follow(job); // the end record may have come meanwhile
        if (m_jobs.find(id) == m_jobs.end())
            continue;
        // No end record: Slurm ended the job before the program did (or the supervisor died).
        const Result s = slurm(QStringLiteral("scontrol"), {QStringLiteral("show"), QStringLiteral("job"), QStringLiteral("-o"), job.jobId});
        const QString state = s.ok ? field(s.out, QStringLiteral("JobState")) : QString();
        ProcessEnd e;
        if (state == QLatin1String("NODE_FAIL") || state == QLatin1String("PREEMPTED") || state == QLatin1String("BOOT_FAIL"))
            e.lostReason = QStringLiteral("Slurm job %1 ended %2 (node %3)").arg(job.jobId, state, field(s.out, QStringLiteral("NodeList")));
        else if (state == QLatin1String("CANCELLED") && job.cancelledByUs)
            e = {SIGTERM, true, {}, {}, {}};
        else if (state == QLatin1String("CANCELLED"))
            e.failReason = QStringLiteral("Slurm job %1 was cancelled outside Tunebench (scancel)").arg(job.jobId);
        else if (state == QLatin1String("TIMEOUT"))
            e.failReason = QStringLiteral("Slurm job %1 reached its time limit (%2)").arg(job.jobId, field(s.out, QStringLiteral("TimeLimit")));
        else if (state == QLatin1String("OUT_OF_MEMORY"))
            e.failReason = QStringLiteral("Slurm job %1 ran out of memory").arg(job.jobId);
        else if (state.isEmpty())
            e.lostReason = QStringLiteral("Slurm job %1 is gone from the cluster and left no end record").arg(job.jobId);
        else
            e.failReason = QStringLiteral("Slurm job %1 ended %2 (exit %3) without an end record").arg(job.jobId, state, field(s.out, QStringLiteral("ExitCode")));
        end(id, e);
    }
}

void SlurmExecutor::terminate(std::int64_t trialId)
{
    auto it = m_jobs.find(trialId);
    if (it == m_jobs.end() || it->second->jobId.isEmpty())
        return;
    it->second->cancelledByUs = true;
    // SIGTERM to the job's processes: the supervisor ends the program, SIGKILL after the grace.
    slurm(QStringLiteral("scancel"), {QStringLiteral("--signal=TERM"), QStringLiteral("--full"), it->second->jobId});
    const QString jobId = it->second->jobId;
    QTimer::singleShot(static_cast<int>((m_grace + 2) * 1000), this, [this, trialId, jobId] {
        if (m_jobs.count(trialId))
            slurm(QStringLiteral("scancel"), {jobId}); // still there: Slurm ends it
    });
}

void SlurmExecutor::kill(std::int64_t trialId)
{
    auto it = m_jobs.find(trialId);
    if (it == m_jobs.end() || it->second->jobId.isEmpty())
        return;
    it->second->cancelledByUs = true;
    slurm(QStringLiteral("scancel"), {it->second->jobId});
}

void SlurmExecutor::killAllAndWait()
{
    // The engine goes away for good (abandoned, or its last trial killed): cancel the jobs;
    // a later resume runs the trials again.
    QStringList ids;
    for (auto& [id, job] : m_jobs)
        if (!job->jobId.isEmpty())
            ids << job->jobId;
    if (!ids.isEmpty())
        slurm(QStringLiteral("scancel"), ids);
    m_jobs.clear();
}

bool SlurmExecutor::reattach(const TrialRow& trial)
{
    const QJsonObject h = QJsonDocument::fromJson(trial.handle).object();
    const QString token = h.value(QStringLiteral("token")).toString();
    if (token.isEmpty() || trial.dir.isEmpty())
        return false;
    auto owned = std::make_unique<Job>();
    Job& job = *owned;
    job.trialId = trial.id;
    job.token = token;
    job.dir = trial.dir;
    job.handle = trial.handle;
    const QString base = QDir(trial.dir).filePath(QStringLiteral("slurm-") + token);
    job.out = base + QStringLiteral(".out");
    job.err = base + QStringLiteral(".err");
    job.end = base + QStringLiteral(".end.json");
    job.file = base + QStringLiteral(".job");
    job.submittedMs = h.value(QStringLiteral("submitted_ms")).toDouble();
    job.jobId = h.value(QStringLiteral("job")).toString();
    // By name: also finds a job whose id the dead engine never stored.
    const Result r = slurm(QStringLiteral("squeue"), {QStringLiteral("-h"), QStringLiteral("-o"), QStringLiteral("%i|%T|%N"),
                                                      QStringLiteral("--name=") + jobName(token)});
    if (r.ok && !r.out.trimmed().isEmpty()) {
        const QStringList f = r.out.trimmed().section(QLatin1Char('\n'), 0, 0).split(QLatin1Char('|'));
        job.jobId = f.value(0);
        job.state = f.value(1);
        job.node = f.value(2);
    } else if (!QFileInfo::exists(job.end)) {
        return false; // neither running nor finished: the trial runs again
    }
    m_jobs[trial.id] = std::move(owned);
    emit handleChanged(trial.id, handleOf(job));
    watch(job);
    return true;
}

} // namespace tb::engine
