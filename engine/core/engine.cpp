#include "engine.h"

#include "cpu_source.h"
#include "errors.h"
#include "gpu_allocator.h"
#include "json.h"
#include "lease.h"
#include "process_tree.h"
#include "resources.h"
#include "study.h"
#include "telemetry_recorder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSysInfo>
#include <QStandardPaths>
#include <cmath>
#include <csignal>
#include <deque>
#include <set>
#include <stdexcept>
#include <sys/prctl.h>
#include <unistd.h>

namespace tb::engine {

using algorithms::TrialState;

namespace {

enum class Ending { None, Timeout, Pruned, Interrupted, Budget };

QString signalName(int sig)
{
    const char* name = sigabbrev_np(sig);
    return name ? QStringLiteral("SIG") + QString::fromLatin1(name) : QString::number(sig);
}

QString formatSeconds(double s)
{
    return QString::number(s, 'g', 6) + QStringLiteral(" s");
}

} // namespace

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

QString resolveProgram(const QString& name, const QString& path)
{
    // PATH first, then the folder of the running Tunebench executable, so that bundled
    // programs (tunebench-train, the demo objective) work from a build tree too.
    QString found = QStandardPaths::findExecutable(name, path.split(QLatin1Char(':'), Qt::SkipEmptyParts));
    if (found.isEmpty() && QCoreApplication::instance())
        found = QStandardPaths::findExecutable(name, {QCoreApplication::applicationDirPath()});
    return found;
}

struct Engine::Running {
    TrialRow row;
    algorithms::Assignment params;
    std::unique_ptr<QProcess> process;
    LineSplitter stdoutLines;
    LineSplitter stderrLines;
    QFile log;
    std::vector<MetricRow> unsaved;     // not yet in the store
    std::vector<EventRow> unsavedEvents;
    std::vector<MetricRow> reports;     // this attempt's objective reports (up to the row cap)
    std::optional<MetricRow> lastBeyondCap, bestBeyondCap; // the objective after the cap
    std::int64_t storedRows = 0;        // metric and event rows kept for the store
    std::int64_t droppedRows = 0;       // beyond trial.max_metric_rows
    qint64 logBytes = 0;
    algorithms::TrialRecord record;     // what the pruner sees
    std::int64_t nextStep = 0;          // for lines without step= or epoch=
    QTimer timeout;
    QTimer kill;
    std::vector<int> gpus;              // given by the allocator
    QString token;                      // TUNEBENCH_TRIAL_TOKEN of this attempt
    Ending ending = Ending::None;
    QString endReason;
};

Engine::Engine(QString dbPath, QString experiment, EngineOptions options, QObject* parent)
    : QObject(parent), m_dbPath(std::move(dbPath)), m_experimentName(std::move(experiment)), m_options(options),
      m_telemetryTimer(this), m_flushTimer(this), m_heartbeat(this), m_deadline(this) // children, so that moveToThread() takes them along
{
    if (m_options.program.isEmpty())
        m_options.program = QCoreApplication::applicationName();
    m_heartbeat.setInterval(Lease::kHeartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] { guarded([this] { renewLease(); }); });
    connect(&m_telemetryTimer, &QTimer::timeout, this, [this] { guarded([this] { sampleTelemetry(); }); });
    m_flushTimer.setInterval(m_options.metricFlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] { guarded([this] { flushMetrics(); }); });
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] { guarded([this] { budgetRanOut(); }); });
}

void Engine::budgetRanOut()
{
    if (m_stopping || m_done)
        return;
    m_stopping = true;
    m_stopState = QStringLiteral("completed");
    m_stopReason = QStringLiteral("the max_seconds budget (%1) ran out").arg(formatSeconds(*m_study->spec().budget.maxSeconds));
    for (auto& [id, run] : m_running) {
        run->ending = Ending::Budget;
        terminate(*run);
    }
    fillSlots();
}

void Engine::guarded(const std::function<void()>& work)
{
    try {
        work();
    } catch (const std::exception& e) {
        abandon(QString::fromUtf8(e.what()));
    }
}

void Engine::abandon(const QString& reason)
{
    // The store cannot be written: end every trial now and write nothing more. The store
    // still says they run, so a later resume runs them again.
    if (m_done)
        return;
    qWarning("tunebench: the engine stops: %s", qPrintable(reason));
    for (auto& [id, run] : m_running)
        killNow(*run);
    m_running.clear();
    m_done = true;
    m_flushTimer.stop();
    m_telemetryTimer.stop();
    m_heartbeat.stop();
    m_deadline.stop();
    try {
        if (m_lease)
            m_lease->release();
    } catch (const std::exception&) {
        // it goes stale and is taken over
    }
    emit finished(QStringLiteral("failed"), reason);
}

void Engine::renewLease()
{
    switch (m_lease->beat()) {
    case Store::Beat::Held:
        break;
    case Store::Beat::StopRequested:
        if (!m_stopping) {
            stop();
            m_stopReason = QStringLiteral("stopped on request (tunebench-cli stop, or Stop in a window); resume to finish it");
        }
        break;
    case Store::Beat::Lost:
        abandon(QStringLiteral("another engine took over this experiment (this one had not renewed its lease for %1 s)")
                    .arg(Lease::kStaleSeconds));
        break;
    }
}

Engine::~Engine()
{
    // Children must not outlive an engine that is torn down without stop().
    for (auto& [id, run] : m_running)
        killNow(*run);
}

void Engine::killNow(Running& run)
{
    run.process->disconnect(this);
    const auto pid = static_cast<pid_t>(run.process->processId());
    if (pid <= 0)
        return;
    ::kill(pid, SIGUSR1); // the supervisor kills the trial's processes at once, then ends
    if (!run.process->waitForFinished(3000)) {
        ::kill(-pid, SIGKILL);
        run.process->waitForFinished(1000);
    }
    proc::killAll({run.token.toStdString(), pid, 0, static_cast<int>(::getpid())}, 2000);
}

void Engine::prepare()
{
    m_store = std::make_unique<Store>(m_dbPath, Store::OpenMode::ExistingOnly);
    const ExperimentRow row = Study::find(*m_store, m_experimentName);
    m_experimentName = row.name;
    m_lease = std::make_unique<Lease>(*m_store, row, m_options.program); // before anything is changed
    if (const auto& dead = m_lease->previous())
        qInfo("tunebench: experiment '%s': took over from an engine that is gone: %s", qPrintable(row.name),
              qPrintable(Lease::describe(*dead, Store::now())));
    endLeftovers(row.id);
    const int requeued = m_store->requeueRunning(row.id, QStringLiteral("interrupted: the engine stopped while it ran"));
    m_study = std::make_unique<Study>(*m_store, row);
    if (!m_study->spec().trial)
        throw SpecError(QStringLiteral("experiment '%1' has no trial command (it was created for ask/tell); "
                                       "drive it with tunebench-cli ask/tell or serve").arg(row.name));
    Q_UNUSED(requeued);
    setupTelemetry();
    m_failed = 0;
    for (const TrialRow& t : m_store->trials(row.id)) {
        if (t.state == TrialState::Failed)
            ++m_failed;
        else if (t.state == TrialState::Queued)
            m_queued.push_back(t);
    }
}

void Engine::endLeftovers(std::int64_t experimentId)
{
    // A trial the dead engine left running may still have processes: its supervisor ends
    // them when the engine dies, but a supervisor killed too leaves them to us. They carry
    // the attempt's token; the group counts only while its leader is gone or is still the
    // supervisor (same start time), never a process that reused the pid.
    for (const TrialRow& t : m_store->trials(experimentId)) {
        if (t.state != TrialState::Running || t.handle.isEmpty())
            continue;
        const QJsonObject h = QJsonDocument::fromJson(t.handle).object();
        if (h.value(QStringLiteral("host")).toString() != QSysInfo::machineHostName())
            continue;
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
            continue;
        if (const int n = proc::killAll(m, 5000))
            qInfo("tunebench: trial %lld: ended %d process(es) left from attempt %d", static_cast<long long>(t.id), n, t.attempt);
    }
}

QString Engine::experimentName() const { return m_experimentName; }
std::int64_t Engine::experimentId() const { return m_study ? m_study->experiment().id : 0; }
const ExperimentSpec& Engine::spec() const { return m_study->spec(); }
StateCounts Engine::counts() const { return m_store ? m_store->counts(experimentId()) : StateCounts{}; }

void Engine::start()
{
    if (!m_study) {
        try {
            prepare();
        } catch (const std::exception& e) {
            // Started through a queued call (the GUI): report instead of throwing into Qt.
            m_done = true;
            emit finished(QStringLiteral("failed"), QString::fromUtf8(e.what()));
            return;
        }
    }
    m_started = true;
    m_clock.start();
    guarded([this] {
        m_store->setExperimentState(experimentId(), QStringLiteral("running"));
        if (const auto& s = m_study->spec().budget.maxSeconds)
            m_deadline.start(static_cast<int>(std::min(*s * 1000.0, 2.0e9)));
        m_flushTimer.start();
        m_heartbeat.start();
        // One sample before the first trial, so that the allocator sees the GPUs as they are.
        sampleTelemetry();
        m_telemetryTimer.start(std::max(1, static_cast<int>(std::lround(1000.0 / m_study->spec().resources.telemetryHz))));
        fillSlots();
    });
}

void Engine::stop()
{
    if (m_done || !m_started)
        return;
    if (m_stopping && m_stopState == QLatin1String("stopped")) {
        // A second request: do not wait for the grace period.
        for (auto& [id, run] : m_running)
            if (const auto pid = static_cast<pid_t>(run->process->processId()); pid > 0)
                ::kill(pid, SIGUSR1);
        return;
    }
    m_stopping = true;
    m_stopState = QStringLiteral("stopped");
    m_stopReason = QStringLiteral("stopped by request; resume to finish it");
    for (auto& [id, run] : m_running) {
        run->ending = Ending::Interrupted;
        terminate(*run);
    }
    guarded([this] { fillSlots(); });
}

QString Engine::trialDir(std::int64_t number) const
{
    // The name made safe for a folder, plus the experiment's id: "a/b", "a_b" and "a b"
    // get folders of their own, and ".." stays inside <db>.trials/.
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_.-]"));
    const QFileInfo db(m_dbPath);
    QString experiment = m_experimentName;
    experiment.replace(unsafe, QStringLiteral("_"));
    return db.absoluteDir().filePath(db.completeBaseName() + QStringLiteral(".trials/") + experiment + QLatin1Char('-')
                                     + QString::number(experimentId()) + QLatin1Char('/') + QString::number(number));
}

void Engine::fillSlots()
{
    if (m_done)
        return;
    const ExperimentSpec& spec = m_study->spec();
    while (!m_stopping && static_cast<int>(m_running.size()) < m_parallel) {
        // Queued trials first (retries, trials an earlier run left), oldest first.
        std::optional<TrialRow> next;
        if (!m_queued.empty()) {
            next = std::move(m_queued.front());
            m_queued.pop_front();
        } else if (!m_exhausted) {
            // A trial that may have to wait for GPUs stays queued in the store until it starts.
            Study::NoTrial why{};
            next = m_study->ask(m_allocator ? TrialState::Queued : TrialState::Running, &why);
            if (!next && why == Study::NoTrial::Budget)
                break;
            m_exhausted = !next;
        }
        if (!next)
            break;
        std::vector<int> gpus;
        if (m_allocator) {
            const GpuGrant grant = m_allocator->request(next->id, gpusNeeded(*next));
            if (grant.impossible) {
                const QString reason = QString::fromStdString(grant.waitReason);
                m_study->tell(*next, TrialState::Failed, std::nullopt, std::nullopt, reason);
                ++m_failed;
                emit trialFinished(next->id, next->number, QStringLiteral("failed"), std::nan(""), reason);
                continue;
            }
            if (!grant.granted()) {
                const std::int64_t id = next->id;
                m_queued.push_front(std::move(*next));
                setWaiting(id, QString::fromStdString(grant.waitReason));
                break;
            }
            gpus = grant.devices;
        }
        if (!m_waiting.isEmpty())
            setWaiting(next->id, QString());
        launch(*next, gpus);
    }
    if (!m_running.empty())
        return;
    if (m_stopping) {
        finishExperiment(m_stopState, m_stopReason);
        return;
    }
    if (!m_waiting.isEmpty())
        return; // each telemetry sample tries again
    const StateCounts c = m_store->counts(experimentId());
    if (m_exhausted)
        finishExperiment(QStringLiteral("completed"),
                         QStringLiteral("the %1 sampler has no more points (%2 trials)").arg(spec.algorithm.name).arg(c.total()));
    else
        finishExperiment(QStringLiteral("completed"), QStringLiteral("max_trials reached (%1 trials)").arg(c.finished()));
}

void Engine::setWaiting(std::int64_t trialId, const QString& reason)
{
    if (reason == m_waiting)
        return;
    m_waiting = reason;
    m_store->setWaiting(experimentId(), reason);
    emit trialWaiting(trialId, reason);
}

std::vector<int> Engine::managedGpus() const
{
    return m_allocator ? m_allocator->policy().devices : std::vector<int>{};
}

void Engine::setupTelemetry()
{
    m_cpuSource = std::make_unique<CpuSource>();
    try {
        m_gpuSource = makeGpuSource();
    } catch (const std::invalid_argument& e) {
        throw SpecError(QString::fromUtf8(e.what()));
    }
    m_recorder = std::make_unique<TelemetryRecorder>(*m_store, experimentId());
    ResourcePlan plan = planResources(m_study->spec().resources, m_gpuSource ? m_gpuSource->deviceCount() : 0);
    m_parallel = plan.parallelTrials;
    if (plan.gpus)
        m_allocator = std::make_unique<GpuAllocator>(std::move(*plan.gpus));
}

void Engine::sampleTelemetry()
{
    if (!m_cpuSource || m_done)
        return;
    std::vector<int> pids;
    std::map<int, std::int64_t> trialOfPid;
    for (const auto& [id, run] : m_running)
        if (const auto pid = static_cast<int>(run->process->processId()); pid > 0) {
            pids.push_back(pid);
            trialOfPid[pid] = id;
        }
    // A process on a GPU is ours when it is a trial or in a trial's process group (each
    // trial leads its own group, so its children count too).
    auto trialOf = [&](int pid) -> std::optional<std::int64_t> {
        if (auto it = trialOfPid.find(pid); it != trialOfPid.end())
            return it->second;
        const pid_t group = ::getpgid(pid);
        if (auto it = trialOfPid.find(static_cast<int>(group)); group > 0 && it != trialOfPid.end())
            return it->second;
        return std::nullopt;
    };
    m_cpuSource->watch(pids);
    std::vector<DeviceSample> samples = m_gpuSource ? m_gpuSource->sample() : std::vector<DeviceSample>{};
    for (DeviceSample& s : m_cpuSource->sample())
        samples.push_back(std::move(s));

    if (m_allocator) {
        std::vector<GpuState> view;
        for (const DeviceSample& s : samples) {
            if (s.kind != DeviceKind::Gpu)
                continue;
            GpuState g{s.index, s.memoryTotalBytes, s.memoryUsedBytes, {}};
            for (const DeviceProcess& p : s.processes)
                if (!trialOf(p.pid))
                    g.foreignPids.push_back(p.pid);
            view.push_back(std::move(g));
        }
        m_allocator->update(std::move(view));
    }
    try {
        m_recorder->record(samples, [&](const DeviceSample& s) {
            std::set<std::int64_t> ids;
            if (s.kind == DeviceKind::Cpu) {
                for (const auto& [id, run] : m_running)
                    ids.insert(id);
            } else if (m_allocator) {
                for (std::int64_t id : m_allocator->trialsOn(s.index))
                    ids.insert(id);
            } else {
                for (const DeviceProcess& p : s.processes)
                    if (auto id = trialOf(p.pid))
                        ids.insert(*id);
            }
            QStringList text;
            for (std::int64_t id : ids)
                text << QString::number(id);
            return text.join(QLatin1Char(','));
        });
        const double now = Store::now();
        if (now - m_lastDownsample >= m_options.downsampleIntervalS) {
            m_lastDownsample = now;
            m_recorder->downsample(now);
        }
    } catch (const std::exception& e) {
        // Telemetry must never end an experiment; say it once.
        if (!m_telemetryFailed)
            qWarning("tunebench: recording telemetry failed (the experiment goes on): %s", e.what());
        m_telemetryFailed = true;
    }
    if (!m_waiting.isEmpty() && !m_stopping)
        fillSlots();
}

int Engine::gpusNeeded(const TrialRow& row) const
{
    const ExperimentSpec& spec = m_study->spec();
    const algorithms::Assignment params = m_study->paramsOf(row);
    std::vector<std::string> argv;
    for (const QString& a : spec.trial->argv)
        argv.push_back(substitute(a, row, QString(), params, nullptr).toStdString());
    return gpusForCommand(argv, spec.resources.gpusPerTrial.value_or(-1));
}

QString Engine::substitute(const QString& text, const TrialRow& row, const QString& dir, const algorithms::Assignment& params,
                           bool* inactive) const
{
    // ${name} substitution inside one argument; the result is one argv element, never
    // re-split or interpreted.
    static const QRegularExpression placeholder(QStringLiteral(R"(\$\{([^}]*)\})"));
    const ExperimentSpec& spec = m_study->spec();
    QString out;
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        if (name == QLatin1String("trial.id"))
            out += QString::number(row.id);
        else if (name == QLatin1String("trial.dir"))
            out += dir;
        else if (const auto i = spec.space.indexOf(name.toStdString()); i && params[*i])
            out += QString::fromStdString(algorithms::formatValue(*params[*i]));
        else if (inactive)
            *inactive = true;
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

void Engine::launch(TrialRow row, const std::vector<int>& gpus)
{
    const ExperimentSpec& spec = m_study->spec();
    const TrialSpec& trialSpec = *spec.trial;
    auto run = std::make_unique<Running>();
    Running& r = *run;
    r.params = m_study->paramsOf(row);
    r.record.number = row.number;
    r.record.params = r.params;
    r.record.state = TrialState::Running;
    r.row = row;
    r.row.dir = trialDir(row.number);
    r.row.logPath = r.row.dir + QStringLiteral("/output.log");
    QDir().mkpath(r.row.dir);
    // Unique per attempt; every process of the attempt inherits it (process_tree.h).
    r.token = QStringLiteral("%1-%2-%3").arg(row.id).arg(row.attempt).arg(QRandomGenerator::system()->generate64(), 0, 16);
    QJsonObject handle{{QStringLiteral("token"), r.token}, {QStringLiteral("host"), QSysInfo::machineHostName()}};
    m_store->startTrial(row.id, row.attempt, r.row.dir, r.row.logPath, compactJson(handle).toUtf8());

    // An argument that names an inactive parameter is left out.
    const QJsonObject paramsJson = m_study->paramsJson(r.params);
    auto substitute = [&](const QString& text, bool* inactive) { return this->substitute(text, row, r.row.dir, r.params, inactive); };
    QStringList args;
    for (const QString& a : trialSpec.argv) {
        bool inactive = false;
        const QString value = substitute(a, &inactive);
        if (!inactive)
            args << value;
    }

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto it = trialSpec.env.begin(); it != trialSpec.env.end(); ++it)
        env.insert(it.key(), substitute(it.value(), nullptr));
    env.insert(QStringLiteral("TUNEBENCH_TRIAL_ID"), QString::number(row.id));
    env.insert(QStringLiteral("TUNEBENCH_TRIAL_NUMBER"), QString::number(row.number));
    env.insert(QStringLiteral("TUNEBENCH_TRIAL_DIR"), r.row.dir);
    env.insert(QStringLiteral("TUNEBENCH_PARAMS"), compactJson(paramsJson));
    env.insert(QStringLiteral("TUNEBENCH_TRIAL_TOKEN"), r.token);
    if (m_allocator) {
        // The trial sees exactly its GPUs ("" hides them all from a CPU-only trial), and
        // CUDA numbers them in PCI bus order, as NVML does.
        QStringList visible;
        for (int g : gpus)
            visible << QString::number(g);
        env.insert(QStringLiteral("CUDA_VISIBLE_DEVICES"), visible.join(QLatin1Char(',')));
        if (!trialSpec.env.contains(QStringLiteral("CUDA_DEVICE_ORDER")))
            env.insert(QStringLiteral("CUDA_DEVICE_ORDER"), QStringLiteral("PCI_BUS_ID"));
    }
    r.gpus = gpus;

    QString program = args.isEmpty() ? QString() : args.takeFirst();
    if (program.contains(QLatin1Char('/')))
        program = QDir(trialSpec.workdir).absoluteFilePath(program);
    else if (!program.isEmpty())
        program = resolveProgram(program, env.value(QStringLiteral("PATH")));

    r.log.setFileName(r.row.logPath);
    if (r.log.open(QIODevice::WriteOnly | QIODevice::Append))
        r.log.write(QStringLiteral("=== attempt %1: %2 %3%4\n")
                        .arg(row.attempt)
                        .arg(program, args.join(QLatin1Char(' ')),
                             m_allocator ? QStringLiteral(" (CUDA_VISIBLE_DEVICES=%1)").arg(env.value(QStringLiteral("CUDA_VISIBLE_DEVICES")))
                                         : QString())
                        .toUtf8());

    QString startError;
    if (!program.isEmpty() && !QFileInfo(program).isExecutable())
        startError = QStringLiteral("%1 is not an executable file").arg(program);
    const QString supervisor = supervisorProgram();
    if (supervisor.isEmpty())
        startError = QStringLiteral("tunebench-trial (the trial supervisor) is missing beside %1 and on PATH; reinstall Tunebench")
                         .arg(QCoreApplication::applicationDirPath());

    r.process = std::make_unique<QProcess>();
    QProcess* p = r.process.get();
    // The trial runs under tunebench-trial, which ends every process it starts with it.
    p->setProgram(supervisor);
    p->setArguments(QStringList{QStringLiteral("--grace"), QString::number(m_options.killGraceSeconds), QStringLiteral("--"), program} + args);
    p->setProcessEnvironment(env);
    p->setWorkingDirectory(trialSpec.workdir);
    p->setStandardInputFile(QProcess::nullDevice());
    p->setChildProcessModifier([] {
        // Own process group: a terminal's Ctrl-C reaches the engine only, which then ends
        // the whole group. SIGTERM when the engine dies: the supervisor then ends the trial.
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    });
    const std::int64_t id = row.id;
    connect(p, &QProcess::readyReadStandardOutput, this, [this, id] {
        if (auto it = m_running.find(id); it != m_running.end())
            onOutput(*it->second, true);
    });
    connect(p, &QProcess::readyReadStandardError, this, [this, id] {
        if (auto it = m_running.find(id); it != m_running.end())
            onOutput(*it->second, false);
    });
    connect(p, &QProcess::started, this, [this, id] {
        guarded([&] {
            // Now that the supervisor has a pid, the handle names it (and its start time,
            // so that a later resume never takes a reused pid for it).
            auto it = m_running.find(id);
            if (it == m_running.end())
                return;
            const int pid = static_cast<int>(it->second->process->processId());
            QJsonObject h = QJsonDocument::fromJson(m_store->trial(id)->handle).object();
            h.insert(QStringLiteral("pid"), pid);
            h.insert(QStringLiteral("start"), QString::fromStdString(proc::startTicks(pid)));
            m_store->setTrialHandle(id, compactJson(h).toUtf8());
        });
    });
    connect(p, &QProcess::finished, this, [this, id](int code, QProcess::ExitStatus status) {
        guarded([&] { onExited(id, code, status == QProcess::CrashExit, QString()); });
    });
    connect(p, &QProcess::errorOccurred, this, [this, id](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        auto it = m_running.find(id);
        const QString why = it != m_running.end() ? it->second->process->errorString() : QString();
        QMetaObject::invokeMethod(this, [this, id, why] { guarded([&] { onExited(id, -1, false, why); }); }, Qt::QueuedConnection);
    });
    r.timeout.setSingleShot(true);
    r.timeout.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% early (0.3 s of 6 s)
    r.kill.setSingleShot(true);
    if (trialSpec.timeoutS) {
        connect(&r.timeout, &QTimer::timeout, this, [this, id] {
            if (auto it = m_running.find(id); it != m_running.end() && it->second->ending == Ending::None) {
                it->second->ending = Ending::Timeout;
                terminate(*it->second);
            }
        });
        r.timeout.start(static_cast<int>(std::min(*trialSpec.timeoutS * 1000.0, 2.0e9)));
    }
    connect(&r.kill, &QTimer::timeout, this, [this, id] {
        // The supervisor did not end the trial within its grace period: end it from here.
        if (auto it = m_running.find(id); it != m_running.end()) {
            const auto pid = static_cast<pid_t>(it->second->process->processId());
            ::kill(-pid, SIGKILL);
            proc::killAll({it->second->token.toStdString(), pid, 0, static_cast<int>(::getpid())}, 2000);
        }
    });

    const QString paramsText = compactJson(paramsJson);
    m_running[id] = std::move(run);
    emit trialStarted(id, row.number, row.attempt, paramsText);
    if (program.isEmpty())
        startError = QStringLiteral("command not found: %1").arg(trialSpec.argv.first());
    if (!startError.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this, id, startError] { guarded([&] { onExited(id, -1, false, startError); }); }, Qt::QueuedConnection);
        return;
    }
    p->start();
}

void Engine::terminate(Running& run)
{
    const auto pid = static_cast<pid_t>(run.process->processId());
    if (pid > 0) {
        ::kill(-pid, SIGTERM);
        // The supervisor kills what is left after the grace period; this is the backstop.
        run.kill.start(static_cast<int>((m_options.killGraceSeconds + 2) * 1000));
    }
}

void Engine::onOutput(Running& run, bool isStdout)
{
    QProcess* p = run.process.get();
    const QByteArray chunk = isStdout ? p->readAllStandardOutput() : p->readAllStandardError();
    if (chunk.isEmpty())
        return;
    if (run.log.isOpen()) {
        const qint64 cap = m_study->spec().trial->maxLogBytes;
        const qint64 room = cap - run.logBytes;
        run.log.write(chunk.left(std::max<qint64>(0, room)));
        run.logBytes += chunk.size();
        if (room > 0 && run.logBytes > cap)
            run.log.write(QStringLiteral("\n=== tunebench: the log reached trial.max_log_mb (%1 MiB); the rest of this attempt's "
                                         "output is not kept (metrics are still read)\n")
                              .arg(cap >> 20)
                              .toUtf8());
    }
    if (!isStdout)
        return;
    const double now = Store::now();
    for (const std::string& line : run.stdoutLines.feed(chunk))
        recordLine(run, line, now, true);
}

bool Engine::keepRow(Running& run, double now)
{
    const qint64 cap = m_study->spec().trial->maxMetricRows;
    if (run.storedRows < cap) {
        ++run.storedRows;
        return true;
    }
    if (run.droppedRows++ == 0) {
        const QString text = QStringLiteral("this attempt reached trial.max_metric_rows (%1 rows); later metrics and events "
                                            "are not stored, the objective is still read")
                                 .arg(cap);
        run.unsavedEvents.push_back({run.row.id, run.row.attempt, now, QStringLiteral("notice"),
                                     compactJson(QJsonObject{{QStringLiteral("event"), QStringLiteral("notice")},
                                                             {QStringLiteral("text"), text}})
                                         .toUtf8()});
        if (run.log.isOpen())
            run.log.write(QStringLiteral("\n=== tunebench: %1\n").arg(text).toUtf8());
    }
    return false;
}

void Engine::recordLine(Running& run, const std::string& line, double now, bool mayPrune)
{
    ParsedLine parsed = parseMetricLine(line);
    if (parsed.event && keepRow(run, now)) {
        const QString kind = parsed.event->value(QStringLiteral("event")).toString();
        run.unsavedEvents.push_back(
            {run.row.id, run.row.attempt, now, kind, QJsonDocument(*parsed.event).toJson(QJsonDocument::Compact)});
    }
    if (parsed.metrics.empty())
        return;
    const std::int64_t step = parsed.step.value_or(run.nextStep);
    run.nextStep = step + 1;
    const ObjectiveSpec& objective = m_study->spec().objective;
    for (auto& [name, value] : parsed.metrics) {
        MetricRow m{run.row.id, run.row.attempt, step, QString::fromStdString(name), value, now};
        const bool kept = keepRow(run, now);
        if (m.name == objective.metric) {
            if (kept) {
                run.reports.push_back(m);
                run.record.intermediate.emplace_back(step, value);
                if (mayPrune)
                    checkPruning(run);
            } else {
                // Beyond the cap only what the objective needs: the last and the best report.
                const bool better = !run.bestBeyondCap || std::isnan(run.bestBeyondCap->value)
                    || (objective.direction == algorithms::Direction::Minimize ? value < run.bestBeyondCap->value
                                                                                : value > run.bestBeyondCap->value);
                if (better)
                    run.bestBeyondCap = m;
                run.lastBeyondCap = m;
            }
        }
        if (kept)
            run.unsaved.push_back(std::move(m));
    }
}

void Engine::checkPruning(Running& run)
{
    if (run.ending != Ending::None || m_stopping)
        return;
    std::vector<algorithms::TrialRecord> others;
    for (const auto& [id, other] : m_running)
        if (id != run.row.id)
            others.push_back(other->record);
    if (auto reason = m_study->pruner().shouldPrune(run.record, m_study->history(), others)) {
        run.ending = Ending::Pruned;
        run.endReason = QString::fromStdString(*reason);
        terminate(run);
    }
}

void Engine::flushMetrics()
{
    std::vector<MetricRow> metrics;
    std::vector<EventRow> events;
    std::vector<std::pair<std::int64_t, int>> counts;
    for (auto& [id, run] : m_running) {
        if (run->unsaved.empty() && run->unsavedEvents.empty())
            continue;
        counts.emplace_back(id, static_cast<int>(run->unsaved.size()));
        metrics.insert(metrics.end(), run->unsaved.begin(), run->unsaved.end());
        events.insert(events.end(), run->unsavedEvents.begin(), run->unsavedEvents.end());
        run->unsaved.clear();
        run->unsavedEvents.clear();
    }
    if (metrics.empty() && events.empty())
        return;
    m_store->addMetrics(metrics, events);
    for (auto [id, n] : counts)
        emit metricsRecorded(id, n);
}

void Engine::onExited(std::int64_t trialId, int exitCode, bool crashed, const QString& startError)
{
    auto it = m_running.find(trialId);
    if (it == m_running.end())
        return;
    Running& run = *it->second;
    onOutput(run, true);
    onOutput(run, false);
    if (auto last = run.stdoutLines.flush()) // an unterminated last line still counts
        recordLine(run, *last, Store::now(), false);
    run.timeout.stop();
    run.kill.stop();
    if (run.log.isOpen())
        run.log.close();

    std::unique_ptr<Running> owned = std::move(it->second);
    m_running.erase(it);
    if (m_allocator)
        m_allocator->release(trialId); // exit, crash or stop alike
    const ExperimentSpec& spec = m_study->spec();
    const TrialRow& row = owned->row;

    auto requeue = [&](const QString& reason) {
        m_store->transaction([&] {
            m_store->addMetrics(owned->unsaved, owned->unsavedEvents);
            m_store->requeueTrial(row.id, row.attempt + 1, reason);
        });
        TrialRow again = row;
        again.state = TrialState::Queued;
        again.attempt = row.attempt + 1;
        m_queued.push_back(std::move(again));
        emit trialRequeued(row.id, row.number, reason);
    };

    if (owned->ending == Ending::Interrupted) {
        requeue(QStringLiteral("interrupted: the engine was stopped"));
        fillSlots();
        return;
    }

    TrialState state = TrialState::Failed;
    std::optional<double> value;
    QString reason;
    std::vector<MetricRow>& reports = owned->reports;
    if (owned->bestBeyondCap)
        reports.push_back(*owned->bestBeyondCap);
    if (owned->lastBeyondCap)
        reports.push_back(*owned->lastBeyondCap); // last, so that "use": "last" finds it
    const std::optional<double> objective = m_study->objectiveFrom(reports);
    switch (owned->ending) {
    case Ending::Pruned:
        state = TrialState::Pruned;
        value = objective;
        reason = owned->endReason;
        break;
    case Ending::Timeout:
        reason = QStringLiteral("timed out after %1").arg(formatSeconds(*spec.trial->timeoutS));
        break;
    case Ending::Budget:
        reason = QStringLiteral("stopped: the experiment's max_seconds budget ran out");
        break;
    default:
        if (!startError.isEmpty())
            reason = QStringLiteral("could not start: ") + startError;
        else if (crashed)
            reason = QStringLiteral("killed by signal %1 (%2)").arg(exitCode).arg(signalName(exitCode));
        else if (exitCode != 0)
            reason = QStringLiteral("exit code %1").arg(exitCode);
        else if (!objective)
            reason = QStringLiteral("no objective: the trial never printed '%1=<number>'").arg(spec.objective.metric);
        else if (!std::isfinite(*objective))
            reason = QStringLiteral("the objective %1 is %2").arg(spec.objective.metric, std::isnan(*objective) ? QStringLiteral("NaN") : QStringLiteral("infinite"));
        else {
            state = TrialState::Completed;
            value = objective;
        }
    }
    const std::optional<int> code = startError.isEmpty() && !crashed ? std::optional<int>(exitCode) : std::nullopt;
    const bool retriable = owned->ending == Ending::None || owned->ending == Ending::Timeout;
    if (state == TrialState::Failed && retriable && row.attempt <= spec.trial->retries && !m_stopping) {
        requeue(reason + QStringLiteral(" (attempt %1 of %2)").arg(row.attempt).arg(spec.trial->retries + 1));
        fillSlots();
        return;
    }
    if (value && !std::isfinite(*value))
        value.reset();
    if (owned->droppedRows > 0) {
        const QString capped = QStringLiteral("metrics capped at trial.max_metric_rows = %1 (%2 more rows not stored)")
                                   .arg(spec.trial->maxMetricRows)
                                   .arg(owned->droppedRows);
        reason = reason.isEmpty() ? capped : reason + QStringLiteral("; ") + capped;
    }
    // The pruners of later trials need this trial's whole curve, flushed or not.
    m_study->tell(row, state, value, code, reason, owned->unsaved, owned->unsavedEvents, &owned->record.intermediate);
    emit trialFinished(row.id, row.number, QString::fromLatin1(algorithms::trialStateName(state)),
                       value.value_or(std::nan("")), reason);
    if (state == TrialState::Failed) {
        ++m_failed;
        if (spec.budget.maxFailed && m_failed > *spec.budget.maxFailed && !m_stopping) {
            m_stopping = true;
            m_stopState = QStringLiteral("failed");
            m_stopReason = QStringLiteral("%1 trials failed (max_failed %2); last: %3").arg(m_failed).arg(*spec.budget.maxFailed).arg(reason);
            for (auto& [id, other] : m_running) {
                other->ending = Ending::Interrupted;
                terminate(*other);
            }
        }
    }
    fillSlots();
}

void Engine::finishExperiment(const QString& state, const QString& reason)
{
    if (m_done)
        return;
    m_done = true;
    m_flushTimer.stop();
    m_telemetryTimer.stop();
    m_heartbeat.stop();
    m_waiting.clear(); // the store clears it with the state
    m_deadline.stop();
    m_store->transaction([&] {
        m_store->setExperimentState(experimentId(), state, reason);
        m_lease->release();
    });
    emit finished(state, reason);
}

} // namespace tb::engine
