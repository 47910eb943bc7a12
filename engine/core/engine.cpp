#include "engine.h"

#include "attempt.h"
#include "errors.h"
#include "external_sampler.h"
#include "executor.h"
#include "json.h"
#include "local_executor.h"
#include "lease.h"
#include "resources.h"
#include "study.h"
#include "trial_command.h"

#include <QCoreApplication>
#include <QDir>
#include <cmath>

namespace tb::engine {

using algorithms::TrialState;

struct Engine::Running : Attempt {
    using Attempt::Attempt;
    int port = 0; // MASTER_PORT of a group of workers
    Ending ending = Ending::None;
    QString endReason;
};

Engine::Engine(QString dbPath, QString experiment, EngineOptions options, QObject* parent)
    : QObject(parent), m_dbPath(std::move(dbPath)), m_experimentName(std::move(experiment)), m_options(std::move(options)),
      m_telemetryTimer(this), m_flushTimer(this), m_heartbeat(this), m_deadline(this) // children: moveToThread() takes them along
{
    qRegisterMetaType<tb::engine::ExperimentState>();
    qRegisterMetaType<tb::engine::ProcessEnd>();
    if (m_options.program.isEmpty())
        m_options.program = QCoreApplication::applicationName();
    connect(&m_telemetryTimer, &QTimer::timeout, this, [this] {
        guarded([this] {
            m_resources->sample(m_executor->processes());
            if (!m_waiting.isEmpty() && !m_stopping)
                fillSlots(); // a trial waits for GPUs: try again with the new view
        });
    });
    m_flushTimer.setInterval(m_options.metricFlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] { guarded([this] { flushMetrics(); }); });
    m_heartbeat.setInterval(Lease::kHeartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] { guarded([this] { renewLease(); }); });
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        const QString why = QStringLiteral("the max_seconds budget (%1 s) ran out").arg(*m_study->spec().budget.maxSeconds);
        guarded([&] { endRunning(Ending::Budget, ExperimentState::Completed, why); });
    });
}

Engine::~Engine() // children must not outlive an engine torn down without stop()
{
    if (m_executor)
        m_executor->killAllAndWait();
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
    m_study = std::make_unique<Study>(*m_store, row);
    const ExperimentSpec& spec = m_study->spec();
    if (!spec.trial)
        throw SpecError(QStringLiteral("experiment '%1' has no trial command (it was created for ask/tell); "
                                       "drive it with tunebench-cli ask/tell or serve").arg(row.name));
    const bool slurm = spec.executor.type == ExecutorSpec::Type::Slurm;
    m_resources = std::make_unique<ResourceMonitor>(*m_store, row.id, spec.resources, m_options.downsampleIntervalS, !slurm, row.name.toStdString());
    m_executor = makeExecutor(spec, m_options.killGraceSeconds);
    connect(m_executor.get(), &TrialExecutor::output, this,
            [this](qint64 id, const QByteArray& chunk, bool isStdout) { guarded([&] { onOutput(id, chunk, isStdout); }); });
    connect(m_executor.get(), &TrialExecutor::handleChanged, this,
            [this](qint64 id, const QByteArray& handle) { guarded([&] { m_store->setTrialHandle(id, handle); }); });
    connect(m_executor.get(), &TrialExecutor::ended, this, [this](qint64 id, const ProcessEnd& end) { guarded([&] { onEnded(id, end); }); });
    connect(m_executor.get(), &TrialExecutor::waiting, this, [this](qint64 id, const QString& why) { guarded([&] { setWaiting(id, why); }); });

    // What a dead engine left running: the executor re-attaches to it (a cluster job, read
    // again from its output), or ends what is left of it and it is queued again.
    for (TrialRow t : m_store->trials(row.id)) {
        if (t.state == TrialState::Running && m_executor->reattach(t)) {
            m_store->clearAttempt(t.id, t.attempt);
            follow(t, QStringLiteral("=== attempt %1 re-attached after the engine was restarted\n").arg(t.attempt));
        } else if (t.state == TrialState::Running || t.state == TrialState::Queued) {
            if (t.state == TrialState::Running) // queued again, as a new attempt
                m_store->requeueTrial(t.id, ++t.attempt, QStringLiteral("interrupted: the engine stopped while it ran"));
            t.state = TrialState::Queued;
            m_queued.push_back(t);
        }
    }
}

QString Engine::experimentName() const { return m_experimentName; }
std::int64_t Engine::experimentId() const { return m_study ? m_study->experiment().id : 0; }
const ExperimentSpec& Engine::spec() const { return m_study->spec(); }
StateCounts Engine::counts() const { return m_store ? m_store->counts(experimentId()) : StateCounts{}; }
int Engine::parallelTrials() const { return m_resources ? m_resources->parallelTrials() : 1; }
std::vector<int> Engine::managedGpus() const { return m_resources ? m_resources->managedGpus() : std::vector<int>{}; }

void Engine::stopTimers()
{
    for (QTimer* t : {&m_flushTimer, &m_telemetryTimer, &m_heartbeat, &m_deadline})
        t->stop();
}

void Engine::guarded(const std::function<void()>& work)
{
    try {
        work();
    } catch (const SamplerStopped& e) { // the store is fine: stop as on a request, resumable
        endRunning(Ending::Interrupted, ExperimentState::Failed, QString::fromUtf8(e.what()));
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
    if (m_executor)
        m_executor->killAllAndWait();
    m_running.clear();
    m_done = true;
    stopTimers();
    m_lease.reset(); // released if the store lets it; else it goes stale and is taken over
    emit finished(ExperimentState::Failed, reason);
}

void Engine::start()
{
    if (!m_study) {
        try {
            prepare();
        } catch (const std::exception& e) {
            // Started through a queued call (the GUI): report instead of throwing into Qt.
            m_done = true;
            emit finished(ExperimentState::Failed, QString::fromUtf8(e.what()));
            return;
        }
    }
    m_started = true;
    guarded([this] {
        m_store->setExperimentState(experimentId(), ExperimentState::Running);
        if (const auto& s = m_study->spec().budget.maxSeconds)
            m_deadline.start(static_cast<int>(std::min(*s * 1000.0, 2.0e9)));
        m_flushTimer.start();
        m_heartbeat.start();
        // One sample before the first trial, so that the allocator sees the GPUs as they are.
        m_resources->sample(m_executor->processes());
        m_telemetryTimer.start(std::max(1, static_cast<int>(std::lround(1000.0 / m_study->spec().resources.telemetryHz))));
        fillSlots();
    });
}

void Engine::stop()
{
    if (m_done || !m_started)
        return;
    if (m_stopping && m_stopState == ExperimentState::Stopped) {
        for (auto& [id, run] : m_running) // a second request: do not wait for the grace period
            m_executor->kill(id);
        return;
    }
    guarded([this] { endRunning(Ending::Interrupted, ExperimentState::Stopped, QStringLiteral("stopped by request; resume to finish it")); });
}

void Engine::endRunning(Ending why, ExperimentState state, const QString& reason)
{
    if (m_stopping || m_done)
        return;
    m_stopping = true;
    m_stopState = state;
    m_stopReason = reason;
    for (auto& [id, run] : m_running) {
        run->ending = Ending::None; // the experiment's ending wins over a trial's own
        end(*run, why);
    }
    fillSlots();
}

void Engine::end(Running& run, Ending why, const QString& reason)
{
    if (run.ending != Ending::None)
        return;
    run.ending = why;
    run.endReason = reason;
    m_executor->terminate(run.row().id);
}

void Engine::renewLease()
{
    switch (m_lease->beat()) {
    case Store::Beat::Held:
        break;
    case Store::Beat::StopRequested:
        endRunning(Ending::Interrupted, ExperimentState::Stopped,
                   QStringLiteral("stopped on request (tunebench-cli stop, or Stop in a window); resume to finish it"));
        break;
    case Store::Beat::Lost:
        abandon(QStringLiteral("another engine took over this experiment (this one had not renewed its lease for %1 s)")
                    .arg(Lease::kStaleSeconds));
        break;
    }
}

void Engine::fillSlots()
{
    if (m_done)
        return;
    const ExperimentSpec& spec = m_study->spec();
    while (!m_stopping && static_cast<int>(m_running.size()) < m_resources->parallelTrials()) {
        // Queued trials first (retries, trials an earlier run left), oldest first.
        std::optional<TrialRow> next;
        if (!m_queued.empty()) {
            next = std::move(m_queued.front());
            m_queued.pop_front();
        } else if (!m_exhausted) {
            // A trial that may have to wait for GPUs stays queued in the store until it starts.
            Study::NoTrial why{};
            next = m_study->ask(m_resources->allocator() ? TrialState::Queued : TrialState::Running, &why);
            m_exhausted = !next && why == Study::NoTrial::Exhausted;
        }
        if (!next)
            break;
        QString failure = next->state == TrialState::Failed ? next->reason : QString(); // an unusable suggestion
        std::vector<int> gpus;
        if (m_resources->allocator() && failure.isEmpty()) {
            const GpuGrant grant = m_resources->admit(next->id, gpusNeeded(spec, m_study->paramsOf(*next)));
            if (grant.impossible) {
                failure = QString::fromStdString(grant.waitReason);
                m_study->tell(*next, TrialState::Failed, std::nullopt, std::nullopt, failure);
            } else if (!grant.granted()) {
                setWaiting(next->id, QString::fromStdString(grant.waitReason));
                m_queued.push_front(std::move(*next));
                break;
            }
            gpus = grant.devices;
        }
        if (!failure.isEmpty()) {
            emit trialFinished(next->id, next->number, QStringLiteral("failed"), std::nan(""), failure);
            if (auto why = m_study->overFailureBudget(failure))
                endRunning(Ending::Interrupted, ExperimentState::Failed, *why);
            continue;
        }
        if (!m_waiting.isEmpty())
            setWaiting(next->id, QString());
        launch(*next, gpus);
    }
    if (!m_running.empty() || (!m_stopping && !m_waiting.isEmpty()))
        return; // trials run, or the next waits for GPUs (each telemetry sample tries again)
    if (m_stopping)
        return finishExperiment(m_stopState, m_stopReason);
    const StateCounts c = m_store->counts(experimentId());
    finishExperiment(ExperimentState::Completed, m_exhausted ? QStringLiteral("the %1 sampler has no more points (%2 trials)").arg(spec.algorithm.name).arg(c.total())
                                                             : QStringLiteral("max_trials reached (%1 trials)").arg(c.finished()));
}

void Engine::setWaiting(std::int64_t trialId, const QString& reason)
{
    if (reason != std::exchange(m_waiting, reason)) {
        m_store->setWaiting(experimentId(), reason);
        emit trialWaiting(trialId, reason);
    }
}

void Engine::launch(TrialRow row, const std::vector<int>& gpus)
{
    const ExperimentSpec& spec = m_study->spec();
    row.dir = trialFolder(m_dbPath, m_experimentName, experimentId(), row.number);
    row.logPath = row.dir + QStringLiteral("/output.log");
    QDir().mkpath(row.dir);
    TrialContext context{row.id, row.number, row.dir, {}, m_resources->allocator() ? std::optional(gpus) : std::nullopt};
    const algorithms::Assignment params = m_study->paramsOf(row);
    if (spec.trial->workers > 1) { // a port of its own, never one another running trial uses
        std::vector<int> taken;
        for (const auto& [id, run] : m_running)
            taken.push_back(run->port);
        context.port = freeTcpPort(taken);
    }
    const TrialLaunch launch = launchOf(spec, params, context, row.attempt);
    m_store->startTrial(row.id, row.attempt, row.dir, row.logPath, launch.handle); // before it starts
    const QString gpuNote = context.gpus ? QStringLiteral(" (CUDA_VISIBLE_DEVICES=%1)").arg(launch.env.value(QStringLiteral("CUDA_VISIBLE_DEVICES"))) : QString();
    follow(row, QStringLiteral("=== attempt %1: %2%3\n").arg(row.attempt).arg(launch.argv.join(QLatin1Char(' ')), gpuNote));
    m_running[row.id]->port = context.port;
    emit trialStarted(row.id, row.number, row.attempt, compactJson(m_study->paramsJson(params)));
    m_executor->start(launch);
}

void Engine::follow(const TrialRow& row, const QString& logHeader)
{
    const ExperimentSpec& spec = m_study->spec();
    const std::int64_t id = row.id;
    m_running[id] = std::make_unique<Running>(row, m_study->paramsOf(row), spec);
    m_running[id]->openLog(logHeader);
    if (const auto& limit = spec.trial->timeoutS) // precise: a coarse timer may fire 5% early (0.3 s of 6 s)
        QTimer::singleShot(static_cast<int>(std::min(*limit * 1000.0, 2.0e9)), Qt::PreciseTimer, this, [this, id, attempt = row.attempt] {
            if (auto it = m_running.find(id); it != m_running.end() && it->second->row().attempt == attempt)
                end(*it->second, Ending::Timeout);
        });
}

void Engine::onOutput(std::int64_t trialId, const QByteArray& chunk, bool isStdout)
{
    auto it = m_running.find(trialId);
    if (it != m_running.end() && it->second->feed(chunk, isStdout, Store::now()))
        checkPruning(*it->second);
}

void Engine::checkPruning(Running& run)
{
    if (run.ending != Ending::None || m_stopping)
        return;
    const std::int64_t id = run.row().id;
    std::vector<algorithms::TrialRecord> others;
    for (const auto& [otherId, other] : m_running)
        if (otherId != id)
            others.push_back(other->record());
    if (auto reason = m_study->pruner().shouldPrune(run.record(), m_study->history(), others))
        end(run, Ending::Pruned, QString::fromStdString(*reason));
}

void Engine::flushMetrics()
{
    std::vector<MetricRow> metrics;
    std::vector<EventRow> events;
    for (auto& [id, run] : m_running) {
        if (run->pollTensorboard(Store::now())) // scalars from event files feed the pruner too
            checkPruning(*run);
        run->moveUnsavedTo(metrics, events);
    }
    m_store->addMetrics(metrics, events); // nothing to write: no transaction
}

void Engine::onEnded(std::int64_t trialId, const ProcessEnd& end)
{
    auto it = m_running.find(trialId);
    if (it == m_running.end())
        return;
    std::unique_ptr<Running> owned = std::move(it->second);
    m_running.erase(it);
    Attempt& attempt = *owned;
    attempt.close(Store::now());
    m_resources->release(trialId); // exit, crash or stop alike
    const ExperimentSpec& spec = m_study->spec();
    const TrialRow& row = attempt.row();
    const Study::Reading result = m_study->read(attempt.reports());
    Outcome outcome = classify({owned->ending, end, result.judged, result.judgedMetric, result.judgedConstraint,
                                spec.trial->timeoutS, owned->endReason, row.attempt, spec.trial->retries, m_stopping});
    if (outcome.requeue) {
        m_store->transaction([&] {
            m_store->addMetrics(attempt.takeMetrics(), attempt.takeEvents());
            m_store->requeueTrial(row.id, row.attempt + 1, outcome.reason);
        });
        TrialRow again = row;
        again.state = TrialState::Queued;
        again.attempt = row.attempt + 1;
        m_queued.push_back(std::move(again));
        emit trialRequeued(row.id, row.number, outcome.reason);
        fillSlots();
        return;
    }
    if (const QString note = attempt.capNote(); !note.isEmpty())
        outcome.reason = outcome.reason.isEmpty() ? note : outcome.reason + QStringLiteral("; ") + note;
    // The pruners of later trials need this trial's whole curve, flushed or not.
    if (outcome.state == TrialState::Pruned)
        outcome.value = result.first; // where it stopped, whether or not a constrained metric came yet
    const bool scored = outcome.state == TrialState::Completed || (outcome.state == TrialState::Pruned && outcome.value);
    m_study->tell(row, outcome.state, outcome.value, outcome.exitCode, outcome.reason, attempt.takeMetrics(), attempt.takeEvents(),
                  &attempt.record().intermediate, scored ? result.score : TrialScore{});
    emit trialFinished(row.id, row.number, QString::fromLatin1(algorithms::trialStateName(outcome.state)),
                       outcome.value.value_or(std::nan("")), outcome.reason);
    if (auto why = outcome.state == TrialState::Failed ? m_study->overFailureBudget(outcome.reason) : std::nullopt)
        endRunning(Ending::Interrupted, ExperimentState::Failed, *why);
    fillSlots();
}

void Engine::finishExperiment(ExperimentState state, const QString& reason)
{
    if (m_done)
        return;
    m_done = true;
    stopTimers();
    m_waiting.clear(); // the store clears it with the state
    const ExperimentEnd end = state == ExperimentState::Completed ? m_study->endOfBudget(reason) : ExperimentEnd{state, reason};
    m_store->transaction([&] {
        m_store->setExperimentState(experimentId(), end.state, end.reason);
        m_lease->release();
    });
    emit finished(end.state, end.reason);
}

} // namespace tb::engine
