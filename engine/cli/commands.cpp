#include "commands.h"
#include "args.h"
#include "manage.h"
#include "results.h"
#include "output.h"
#include "serve_request.h"

#include "engine/core/engine.h"
#include "engine/core/errors.h"
#include "engine/core/exporters.h"
#include "engine/core/json.h"
#include "engine/core/katib.h"
#include "engine/core/lease.h"
#include "engine/core/pareto_set.h"
#include "engine/core/preflight.h"
#include "engine/core/spec.h"
#include "engine/core/store.h"
#include "engine/core/study.h"

#include "algorithms/importance.h"
#include "algorithms/schedules/schedule.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QThread>
#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

namespace tb::cli {

namespace {

using engine::BusyError;
using engine::RuntimeError;
using engine::SpecError;

QString formatValue(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', 6) : QStringLiteral("-");
}

// Ctrl-C and SIGTERM reach the event loop through a socket pair (a handler may only write).
int g_signalFd[2] = {-1, -1};
void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] auto n = ::write(g_signalFd[1], &c, 1);
}

int runEngine(const QString& db, const QString& experiment, bool quiet, const QString& command)
{
    engine::EngineOptions options;
    options.program = QStringLiteral("tunebench-cli ") + command;
    engine::Engine eng(db, experiment, options);
    eng.prepare();
    const engine::ExperimentSpec& spec = eng.spec();
    const auto direction = spec.objective.direction;
    const QString metric = spec.objective.metric;
    const qint64 maxTrials = spec.budget.maxTrials.value_or(0);

    std::optional<double> best;
    qint64 bestTrial = -1;
    qint64 finished = eng.counts().finished();
    int exitCode = kExitOk;

    // Several objectives or constraints: each line reads the trial's values and feasibility
    // from the store (the signal carries the first objective only).
    std::optional<engine::Store> reader;
    if (spec.multiObjective() || !spec.constraints.empty())
        reader.emplace(db, engine::Store::OpenMode::ExistingOnly);
    QObject::connect(&eng, &engine::Engine::trialFinished, [&](qint64 id, qint64 number, const QString& state, double value,
                                                             const QString& reason) {
        ++finished;
        const std::optional<engine::TrialRow> row = reader ? reader->trial(id) : std::nullopt;
        const bool feasible = !row || row->feasible();
        if (state == QLatin1String("completed") && feasible && !spec.multiObjective()
            && (!best || (direction == algorithms::Direction::Minimize ? value < *best : value > *best))) {
            best = value;
            bestTrial = id;
        }
        if (quiet)
            return;
        const QString progress = maxTrials ? QStringLiteral("[%1/%2]").arg(finished, QString::number(maxTrials).size()).arg(maxTrials)
                                           : QStringLiteral("[%1]").arg(finished);
        QString line = QStringLiteral("%1 trial %2 (#%3) %4").arg(progress).arg(id).arg(number).arg(state);
        if (row && spec.multiObjective() && row->values.size() == spec.objectives.size()) {
            for (std::size_t i = 0; i < row->values.size(); ++i)
                line += QStringLiteral(" %1=%2").arg(spec.objectives[i].metric, formatValue(row->values[i]));
        } else if (std::isfinite(value)) {
            line += QStringLiteral(" %1=%2").arg(metric, formatValue(value));
        }
        if (state == QLatin1String("completed") && !feasible)
            line += QStringLiteral(" infeasible (violation %1)").arg(formatValue(row->violation.value_or(0)));
        if (!reason.isEmpty())
            line += QStringLiteral(" - ") + reason;
        if (best)
            line += QStringLiteral("  | best %1=%2 (trial %3)").arg(metric, formatValue(*best)).arg(bestTrial);
        outLine(line);
    });
    QObject::connect(&eng, &engine::Engine::trialRequeued, [&](qint64 id, qint64, const QString& reason) {
        if (!quiet)
            outLine(QStringLiteral("       trial %1 queued again: %2").arg(id).arg(reason));
    });
    QObject::connect(&eng, &engine::Engine::trialWaiting, [&](qint64 id, const QString& reason) {
        if (!quiet && !reason.isEmpty())
            outLine(QStringLiteral("       trial %1 waits: %2").arg(id).arg(reason));
    });
    QObject::connect(&eng, &engine::Engine::finished, [&](engine::ExperimentState state, const QString& reason) {
        if (state == engine::ExperimentState::Stopped)
            exitCode = kExitInterrupted;
        else if (state == engine::ExperimentState::Failed)
            exitCode = kExitFailure;
        if (!quiet || exitCode != kExitOk)
            outLine(QStringLiteral("experiment '%1' %2: %3").arg(eng.experimentName(), engine::experimentStateName(state), reason));
        QCoreApplication::exit(exitCode);
    });

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFd) != 0)
        throw RuntimeError(QStringLiteral("cannot set up signal handling"));
    QSocketNotifier notifier(g_signalFd[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, [&] {
        char buf[16];
        [[maybe_unused]] auto n = ::read(g_signalFd[0], buf, sizeof buf);
        err(QStringLiteral("stopping: running trials end and are queued again (signal again to kill them now)"));
        eng.stop();
    });
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    struct sigaction oldInt {}, oldTerm {};
    ::sigaction(SIGINT, &action, &oldInt);
    ::sigaction(SIGTERM, &action, &oldTerm);

    if (!quiet) {
        const auto c = eng.counts();
        QString gpus;
        if (spec.resources.managesGpus()) {
            QStringList list;
            for (int g : eng.managedGpus())
                list << QString::number(g);
            gpus = QStringLiteral(" on GPUs %1 (%2 per GPU)").arg(list.isEmpty() ? QStringLiteral("none") : list.join(QLatin1Char(',')))
                       .arg(spec.resources.trialsPerGpu);
        }
        outLine(QStringLiteral("experiment '%1' in %2: %3 sampler, %4 in parallel%7%5%6")
                    .arg(eng.experimentName(), db, spec.algorithm.name)
                    .arg(eng.parallelTrials())
                    .arg(maxTrials ? QStringLiteral(", %1 trials").arg(maxTrials) : QString())
                    .arg(c.total() ? QStringLiteral(" (resuming: %1 finished, %2 to run again)").arg(c.finished()).arg(c.queued) : QString())
                    .arg(gpus));
    }
    QTimer::singleShot(0, &eng, &engine::Engine::start);
    QCoreApplication::exec();

    ::sigaction(SIGINT, &oldInt, nullptr);
    ::sigaction(SIGTERM, &oldTerm, nullptr);
    ::close(g_signalFd[0]);
    ::close(g_signalFd[1]);

    if (exitCode == kExitInterrupted)
        err(QStringLiteral("continue with: tunebench-cli resume --db %1 --experiment %2").arg(db, eng.experimentName()));
    engine::Store store(db, engine::Store::OpenMode::ExistingOnly);
    engine::Study study(store, engine::Study::find(store, eng.experimentName()));
    outLine(engine::statusText(study));
    const auto top = store.bestTrial(study.experiment().id, direction);
    if (exitCode == kExitOk && spec.multiObjective() && !engine::paretoSet(spec, store.trials(study.experiment().id)).trials.empty())
        outLine(QStringLiteral("the Pareto set's configs: tunebench-cli best --db %1 --experiment %2").arg(db, eng.experimentName()));
    else if (exitCode == kExitOk && top && top->feasible())
        out(QStringLiteral("best config:\n") + QString::fromUtf8(engine::bestConfig(study, engine::ConfigFormat::Json)));
    return exitCode;
}

QString demoDatabase()
{
    return engine::defaultStorePath();
}

int cmdRun(const QStringList& a, bool create)
{
    const QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("Print only the summary."));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("Experiment name (overrides the spec's)."), QStringLiteral("NAME"));
    const QString command = create ? QStringLiteral("create") : QStringLiteral("run");
    Args args(command, a, {dbOption(), quiet, name}, 1, command + QStringLiteral(" SPEC.json|- --db FILE [--name NAME]") + (create ? QString() : QStringLiteral(" [--quiet]")),
              create ? QStringLiteral("Creates an experiment driven by ask/tell or serve. SPEC.json - reads the spec from stdin.")
                     : QStringLiteral("Creates an experiment from the spec and runs it to the end of its budget. - reads the spec from "
                                      "stdin (relative paths from the current folder)."));
    if (args.help()) {
        outLine(args.helpText());
        return kExitOk;
    }
    const QString db = args.required(QStringLiteral("db"));
    engine::ParseOptions options;
    options.requireTrial = !create;
    const QString specPath = args.positional(0) == QLatin1String("-") ? QStringLiteral("-") : args.positional(0);
    const QString shownPath = specPath == QLatin1String("-") ? QStringLiteral("<stdin>") : specPath;
    engine::ExperimentSpec spec = engine::loadSpecFile(specPath, options);
    if (args.isSet(name)) {
        spec.name = args.value(name);
        spec.json.insert(QStringLiteral("name"), spec.name);
    }
    if (!create && !spec.budget.maxTrials && !spec.budget.maxSeconds && spec.algorithm.name != QLatin1String("grid"))
        err(QStringLiteral("%1: no budget.max_trials or budget.max_seconds: the experiment runs until you stop it (Ctrl-C)").arg(shownPath));
    try {
        if (!create)
            engine::checkRunnable(spec); // a spec this machine cannot run leaves no experiment (nor store) behind
        engine::Store store(db);
        store.createExperiment(spec.name, QJsonDocument(spec.json).toJson(QJsonDocument::Compact));
    } catch (const SpecError& e) {
        throw SpecError(shownPath + QStringLiteral(": ") + QString::fromUtf8(e.what()));
    }
    if (create) {
        outLine(QStringLiteral("created experiment '%1' in %2; drive it with tunebench-cli ask/tell/serve").arg(spec.name, db));
        return kExitOk;
    }
    return runEngine(db, spec.name, args.isSet(quiet), command);
}

int cmdResume(const QStringList& a)
{
    const QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("Print only the summary."));
    Args args(QStringLiteral("resume"), a, {dbOption(), experimentOption(), quiet}, 0, QStringLiteral("resume --db FILE [--experiment NAME] [--quiet]"),
              QStringLiteral("Finishes an interrupted experiment: trials that were running run again, queued ones run, the budget is what is left."));
    if (args.help()) {
        outLine(args.helpText());
        return kExitOk;
    }
    const QString db = args.required(QStringLiteral("db"));
    {
        engine::Store store(db, engine::Store::OpenMode::ExistingOnly);
        const auto row = engine::Study::find(store, args.value(experimentOption()));
        if (row.state == engine::ExperimentState::Completed) {
            engine::Study study(store, row);
            outLine(QStringLiteral("experiment '%1' is already completed; nothing to resume").arg(row.name));
            outLine(engine::statusText(study));
            return kExitOk;
        }
    }
    return runEngine(db, args.value(experimentOption()), args.isSet(quiet), QStringLiteral("resume"));
}

int cmdDemo(const QStringList& a)
{
    const QCommandLineOption dbOpt(QStringLiteral("db"), QStringLiteral("The SQLite store (default: tunebench.db in the user's data folder)."),
                                   QStringLiteral("FILE"));
    Args args(QStringLiteral("demo"), a, {dbOpt}, 0, QStringLiteral("demo [--db FILE]"),
              QStringLiteral("Runs the bundled demo experiment (a simulated training run) into the store."));
    if (args.help()) {
        outLine(args.helpText());
        return kExitOk;
    }
    QFile resource(QStringLiteral(":/examples/demo.json"));
    if (!resource.open(QIODevice::ReadOnly))
        throw RuntimeError(QStringLiteral("the embedded demo spec is missing from this build"));
    engine::ExperimentSpec spec = engine::parseSpec(resource.readAll());
    const QString db = args.isSet(dbOpt) ? args.value(dbOpt) : demoDatabase();
    spec.name += QDateTime::currentDateTime().toString(QStringLiteral("-yyyyMMdd-HHmmss"));
    spec.json.insert(QStringLiteral("name"), spec.name);
    engine::checkRunnable(spec); // the demo objective beside this program
    engine::Store store(db);
    store.createExperiment(spec.name, QJsonDocument(spec.json).toJson(QJsonDocument::Compact));
    outLine(QStringLiteral("demo: tuning a simulated training run (resources/examples/demo.json) into %1").arg(db));
    return runEngine(db, spec.name, false, QStringLiteral("demo"));
}

int cmdStop(const QStringList& a)
{
    const QCommandLineOption noWait(QStringLiteral("no-wait"), QStringLiteral("Ask and return at once."));
    Args args(QStringLiteral("stop"), a, {dbOption(), experimentOption(), noWait}, 0, QStringLiteral("stop --db FILE [--experiment NAME] [--no-wait]"),
              QStringLiteral("Asks the engine that runs the experiment, in whatever process, to stop; its running trials are queued again."));
    if (args.help()) {
        outLine(args.helpText());
        return kExitOk;
    }
    const QString db = args.required(QStringLiteral("db"));
    engine::Store store(db, engine::Store::OpenMode::ExistingOnly);
    const engine::ExperimentRow row = engine::Study::find(store, args.value(experimentOption()));
    const double now = engine::Store::now();
    if (!row.owner || !engine::Lease::isAlive(*row.owner, now)) {
        outLine(QStringLiteral("experiment '%1' is not running (%2)").arg(row.name, engine::experimentStateName(row.state)));
        return kExitOk;
    }
    store.requestStop(row.id);
    const QString owner = engine::Lease::describe(*row.owner, now);
    if (args.isSet(noWait)) {
        outLine(QStringLiteral("asked %1 to stop experiment '%2'").arg(owner, row.name));
        return kExitOk;
    }
    err(QStringLiteral("asked %1 to stop experiment '%2'; waiting for its trials to end...").arg(owner, row.name));
    // The owner sees the request at its next heartbeat; its trials then get the kill grace.
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        const auto now = engine::Store::now();
        const auto current = store.experiment(row.id);
        if (!current || !current->owner || current->owner->token != row.owner->token || !engine::Lease::isAlive(*current->owner, now))
            break;
        if (waited.elapsed() > 120000)
            throw RuntimeError(QStringLiteral("experiment '%1': %2 did not stop within 120 s").arg(row.name, owner));
        QThread::msleep(200);
    }
    const auto after = store.experiment(row.id);
    outLine(QStringLiteral("experiment '%1' %2; continue with: tunebench-cli resume --db %3 --experiment %1")
                .arg(row.name, after ? engine::experimentStateName(after->state) : QStringLiteral("stopped"), db));
    return kExitOk;
}

int cmdStatus(const QStringList& a)
{
    const QStringList formats = QStringList{QStringLiteral("text")} + kDataFormats;
    Args args(QStringLiteral("status"), a, {dbOption(), experimentOption(), formatOption(formats), jsonOption()}, 0,
              QStringLiteral("status --db FILE [--experiment NAME] [--format text|json|yaml|csv|table]"),
              QStringLiteral("The experiment's state, its trials' counts and the best trial so far."));
    if (args.help()) {
        outLine(args.helpText());
        return kExitOk;
    }
    const QString f = outputFormat(args, formats, QStringLiteral("text"));
    engine::Store store(args.required(QStringLiteral("db")), engine::Store::OpenMode::ExistingOnly);
    engine::Study study(store, engine::Study::find(store, args.value(experimentOption())));
    if (f == QLatin1String("text"))
        outLine(engine::statusText(study));
    else
        out(QString::fromUtf8(render(engine::statusJson(study), f, engine::floatKeys(study.spec()),
                                     {QStringLiteral("experiment"), QStringLiteral("state"), QStringLiteral("counts"), QStringLiteral("best")})));
    return kExitOk;
}

// export and telemetry: one experiment's data in a chosen format, to stdout or --output.
int exportCommand(const QString& name, const QStringList& a, const QStringList& formats,
                  const std::function<QByteArray(engine::Study&, const QString& format, const Args& args)>& make,
                  const QList<QCommandLineOption>& extra = {}, const QString& extraSynopsis = {})
{
    const QCommandLineOption format(QStringLiteral("format"), formats.join(QStringLiteral(", ")) + QLatin1Char('.'), QStringLiteral("FORMAT"));
    const QCommandLineOption output(QStringLiteral("output"), QStringLiteral("Write to FILE instead of stdout."), QStringLiteral("FILE"));
    Args args(name, a, QList<QCommandLineOption>{dbOption(), experimentOption(), format, output} + extra, 0,
              QStringLiteral("%1 --db FILE [--experiment NAME] --format %2 [--output FILE]%3").arg(name, formats.join(QLatin1Char('|')), extraSynopsis),
              name == QLatin1String("export") ? QStringLiteral("Every trial (csv, json, yaml, table), or every report of every metric (curves). "
                                                               "Numbers are written exactly as stored.")
                                              : QStringLiteral("The device samples the experiment recorded and the trials holding each device."));
    if (args.help()) {
        outLine(args.helpText());
        return kExitOk;
    }
    const QString f = args.choice(QStringLiteral("format"), formats, formats.first());
    engine::Store store(args.required(QStringLiteral("db")), engine::Store::OpenMode::ExistingOnly);
    engine::Study study(store, engine::Study::find(store, args.value(experimentOption())));
    writeOutput(args.isSet(output) ? args.value(output) : QString(), make(study, f, args));
    return kExitOk;
}

int cmdExport(const QStringList& a)
{
    const QCommandLineOption image(QStringLiteral("image"), QStringLiteral("katib: the container image that holds the trial's program."), QStringLiteral("IMAGE"));
    const QCommandLineOption ns(QStringLiteral("namespace"), QStringLiteral("katib: the Kubernetes namespace."), QStringLiteral("NS"));
    const QCommandLineOption lossy(QStringLiteral("allow-lossy"), QStringLiteral("katib: drop what does not map, with a warning each."));
    const QCommandLineOption katibName(QStringLiteral("name"), QStringLiteral("katib: the Experiment's name (default: the experiment's)."), QStringLiteral("NAME"));
    return exportCommand(QStringLiteral("export"), a,
                         {QStringLiteral("csv"), QStringLiteral("json"), QStringLiteral("yaml"), QStringLiteral("table"), QStringLiteral("curves"),
                          QStringLiteral("katib")},
                         [&](engine::Study& study, const QString& f, const Args& args) {
                             if (f == QLatin1String("katib")) {
                                 QStringList metrics = study.store().metricNames(study.experiment().id); // additionalMetricNames
                                 metrics.removeAll(QStringLiteral("step"));
                                 metrics.removeAll(QStringLiteral("epoch"));
                                 const engine::KatibExport k =
                                     engine::toKatib(study.spec(), {args.value(image), args.value(ns), args.value(katibName), args.isSet(lossy), metrics});
                                 for (const QString& w : k.warnings)
                                     err(QStringLiteral("tunebench-cli export: dropped: ") + w);
                                 return render(k.experiment, QStringLiteral("yaml"));
                             }
                             if (f == QLatin1String("curves"))
                                 return engine::exportCurves(study);
                             if (f == QLatin1String("csv"))
                                 return engine::exportTrials(study, engine::TrialsFormat::Csv);
                             const QByteArray json = engine::exportTrials(study, engine::TrialsFormat::Json);
                             return f == QLatin1String("json") ? json
                                                               : render(QJsonDocument::fromJson(json).object(), f, engine::floatKeys(study.spec()),
                                                                        {QStringLiteral("trial"), QStringLiteral("number"), QStringLiteral("state"),
                                                                         QStringLiteral("value"), QStringLiteral("params")});
                         },
                         {image, ns, lossy, katibName}, QStringLiteral(" [--image IMAGE] [--namespace NS] [--name NAME] [--allow-lossy]"));
}

int cmdTelemetry(const QStringList& a)
{
    return exportCommand(QStringLiteral("telemetry"), a, {QStringLiteral("csv"), QStringLiteral("json"), QStringLiteral("yaml"), QStringLiteral("table")},
                         [](engine::Study& study, const QString& f, const Args&) {
                             if (f == QLatin1String("csv"))
                                 return engine::exportTelemetry(study, engine::TrialsFormat::Csv);
                             const QByteArray json = engine::exportTelemetry(study, engine::TrialsFormat::Json);
                             return f == QLatin1String("json") ? json : render(QJsonDocument::fromJson(json).object(), f);
                         });
}

// ask/tell shared by the one-shot commands and serve.
class AskTell {
public:
    AskTell(const QString& db, const QString& experiment)
        : m_store(db, engine::Store::OpenMode::ExistingOnly), m_study(m_store, engine::Study::find(m_store, experiment))
    {
    }

    const engine::ExperimentSpec& spec() const { return m_study.spec(); }

    QJsonObject ask()
    {
        engine::Study::NoTrial why{};
        const auto row = m_study.ask(algorithms::TrialState::Running, &why);
        if (!row && why == engine::Study::NoTrial::Budget)
            throw RuntimeError(QStringLiteral("experiment '%1' has used its budget of %2 trials")
                                   .arg(m_study.experiment().name).arg(*m_study.spec().budget.maxTrials));
        if (!row) // not a failure: the search is done (docs/cli.md)
            return {{QStringLiteral("exhausted"), true},
                    {QStringLiteral("message"), QStringLiteral("the %1 sampler has no more points (%2 trials); the search is complete")
                                                    .arg(m_study.spec().algorithm.name)
                                                    .arg(m_study.store().trialCount(m_study.experiment().id))}};
        m_study.markRunning();
        if (row->state == algorithms::TrialState::Failed) // an external sampler's unusable answer
            throw RuntimeError(QStringLiteral("trial %1 failed before it started: %2").arg(row->id).arg(row->reason));
        return {{QStringLiteral("trial"), qint64(row->id)},
                {QStringLiteral("params"), QJsonDocument::fromJson(row->params).object()},
                {QStringLiteral("sampler"), row->sampler},
                {QStringLiteral("sampler_reason"), row->samplerReason}};
    }

    // `values`: the objectives' values, in the spec's order (one: `value` alike); none for
    // a failed trial.
    void tell(qint64 trialId, const QString& state, std::vector<double> values, std::vector<engine::MetricRow> metrics)
    {
        const auto row = m_store.trial(trialId);
        if (!row || row->experimentId != m_study.experiment().id)
            throw SpecError(QStringLiteral("trial: no trial %1 in experiment '%2'").arg(trialId).arg(m_study.experiment().name));
        if (row->state != algorithms::TrialState::Running && row->state != algorithms::TrialState::Queued)
            throw SpecError(QStringLiteral("trial: trial %1 is already %2").arg(trialId).arg(QString::fromLatin1(algorithms::trialStateName(row->state))));
        algorithms::TrialState s = algorithms::TrialState::Completed;
        QString reason;
        if (state == QLatin1String("failed"))
            s = algorithms::TrialState::Failed;
        else if (state == QLatin1String("pruned"))
            s = algorithms::TrialState::Pruned;
        else if (!state.isEmpty() && state != QLatin1String("completed"))
            throw SpecError(QStringLiteral("state: expected completed, failed or pruned, got '%1'").arg(state));
        const engine::ExperimentSpec& spec = m_study.spec();
        const QStringList objectives = spec.objectiveMetrics();
        if (!values.empty() && values.size() != static_cast<std::size_t>(objectives.size()))
            throw SpecError(objectives.size() == 1
                                ? QStringLiteral("values: experiment '%1' has one objective (%2); give one number").arg(m_study.experiment().name, objectives.first())
                                : QStringLiteral("values: experiment '%1' has %2 objectives (%3); give one number for each, in that order, not %4")
                                      .arg(m_study.experiment().name).arg(objectives.size()).arg(objectives.join(QStringLiteral(", "))).arg(values.size()));
        if (s == algorithms::TrialState::Completed && values.empty())
            throw SpecError(objectives.size() == 1 ? QStringLiteral("value: a completed trial needs its objective value")
                                                   : QStringLiteral("values: a completed trial needs its %1 objectives' values (%2)")
                                                         .arg(objectives.size()).arg(objectives.join(QStringLiteral(", "))));
        for (std::size_t i = 0; i < values.size() && reason.isEmpty(); ++i)
            if (!std::isfinite(values[i])) {
                s = algorithms::TrialState::Failed;
                reason = objectives.size() == 1 ? QStringLiteral("the objective is not finite")
                                                : QStringLiteral("the objective %1 is not finite").arg(objectives[static_cast<int>(i)]);
            }
        for (auto& m : metrics) {
            m.trialId = trialId;
            m.attempt = row->attempt;
        }
        if (s != algorithms::TrialState::Completed && s != algorithms::TrialState::Pruned)
            values.clear();
        engine::TrialScore score;
        if (!values.empty()) {
            if (spec.multiObjective())
                score.values = values;
            QString missing;
            score.violation = m_study.violationOf(metrics, &missing);
            if (!missing.isEmpty() && s == algorithms::TrialState::Completed) // a pruned trial may stop before it
                throw SpecError(QStringLiteral("metrics: the constraint on '%1' needs the trial's value of it; report it among the "
                                               "metrics (serve: {\"name\": \"%1\", \"value\": V}; tell: --metric %1=V)")
                                    .arg(missing));
        }
        const std::optional<double> value = values.empty() ? std::nullopt : std::optional(values.front());
        m_study.tell(*row, s, value, std::nullopt, reason.isEmpty() && s != algorithms::TrialState::Completed ? QStringLiteral("told %1").arg(state) : reason,
                     metrics, {}, nullptr, score);
        m_study.completeIfBudgetUsed();
    }

private:
    engine::Store m_store;
    engine::Study m_study;
};

engine::MetricRow parseMetricArg(const QString& text)
{
    // NAME=VALUE[@STEP]
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
    bool okValue = false, okStep = true;
    engine::MetricRow m;
    if (eq > 0) {
        m.name = text.left(eq);
        const QString valueText = at > eq ? text.mid(eq + 1, at - eq - 1) : text.mid(eq + 1);
        m.value = valueText.toDouble(&okValue);
        if (at > eq) {
            m.step = text.mid(at + 1).toLongLong(&okStep);
            okStep = okStep && m.step >= 0;
        }
    }
    if (!okValue || !okStep)
        throw Usage(QStringLiteral("--metric: expected NAME=VALUE[@STEP], got '%1'").arg(text));
    m.time = engine::Store::now();
    return m;
}

int cmdAsk(const QStringList& a)
{
    const QStringList formats{QStringLiteral("json"), QStringLiteral("yaml"), QStringLiteral("table")};
    Args args(QStringLiteral("ask"), a, {dbOption(), experimentOption(), formatOption(formats)}, 0,
              QStringLiteral("ask --db FILE --experiment NAME [--format json|yaml|table]"),
              QStringLiteral("The next trial to run: {\"trial\": ID, \"params\": {...}}; tell its result with tell. When the sampler has "
                             "nothing left (an exhausted grid) it says so and exits 0."));
    if (args.help()) {
        outLine(args.helpText());
        return kExitOk;
    }
    const QString f = args.choice(QStringLiteral("format"), formats, QStringLiteral("json"));
    AskTell session(args.required(QStringLiteral("db")), args.required(QStringLiteral("experiment")));
    const QJsonObject answer = session.ask();
    if (answer.contains(QStringLiteral("exhausted")))
        err(QStringLiteral("tunebench-cli ask: ") + answer.value(QStringLiteral("message")).toString());
    out(QString::fromUtf8(render(answer, f, engine::floatKeys(session.spec()))));
    return kExitOk;
}

int cmdTell(const QStringList& a)
{
    const QCommandLineOption trial(QStringLiteral("trial"), QStringLiteral("Trial id from ask."), QStringLiteral("ID"));
    const QCommandLineOption value(QStringLiteral("value"), QStringLiteral("Objective value."), QStringLiteral("V"));
    const QCommandLineOption values(QStringLiteral("values"), QStringLiteral("Every objective's value, in the spec's order (several objectives)."),
                                    QStringLiteral("V1,V2"));
    const QCommandLineOption state(QStringLiteral("state"), QStringLiteral("failed or pruned."), QStringLiteral("STATE"));
    const QCommandLineOption metric(QStringLiteral("metric"), QStringLiteral("NAME=VALUE@STEP (repeatable)."), QStringLiteral("M"));
    Args args(QStringLiteral("tell"), a, {dbOption(), experimentOption(), trial, value, values, state, metric}, 0,
              QStringLiteral("tell --db FILE --experiment NAME --trial ID (--value V | --values V1,V2 | --state failed|pruned) [--metric NAME=VALUE@STEP ...]"),
              QStringLiteral("Records the result of a trial from ask: its objective value (completed) or that it failed or was pruned, with "
                             "any intermediate reports."));
    if (args.help()) {
        outLine(args.helpText());
        return kExitOk;
    }
    bool ok = false;
    const qint64 id = args.required(QStringLiteral("trial")).toLongLong(&ok);
    if (!ok)
        throw Usage(QStringLiteral("--trial: expected a trial id, got '%1'").arg(args.value(trial)));
    std::vector<double> vs;
    if (args.isSet(value) && args.isSet(values))
        throw Usage(QStringLiteral("tell: give --value V or --values V1,V2,..., not both"));
    const QString given = args.isSet(value) ? args.value(value) : args.value(values);
    if (args.isSet(value) || args.isSet(values))
        for (const QString& part : given.split(QLatin1Char(','))) {
            const double v = part.trimmed().toDouble(&ok);
            if (!ok && part.trimmed().compare(QLatin1String("nan"), Qt::CaseInsensitive) != 0)
                throw Usage(QStringLiteral("--%1: expected %2, got '%3'")
                                .arg(args.isSet(value) ? QStringLiteral("value") : QStringLiteral("values"),
                                     args.isSet(value) ? QStringLiteral("a number") : QStringLiteral("numbers separated by commas"), given));
            vs.push_back(ok ? v : std::nan(""));
        }
    if (args.isSet(value) && vs.size() != 1)
        throw Usage(QStringLiteral("--value: expected a number, got '%1'; several objectives take --values V1,V2").arg(given));
    if (!args.isSet(value) && !args.isSet(values) && !args.isSet(state))
        throw Usage(QStringLiteral("tell: give --value V (--values V1,V2,... with several objectives) or --state failed|pruned\n") + args.usage());
    if (args.isSet(state))
        args.choice(QStringLiteral("state"), {QStringLiteral("failed"), QStringLiteral("pruned"), QStringLiteral("completed")}, QString());
    std::vector<engine::MetricRow> metrics;
    for (const QString& m : args.values(QStringLiteral("metric")))
        metrics.push_back(parseMetricArg(m));
    AskTell session(args.required(QStringLiteral("db")), args.required(QStringLiteral("experiment")));
    session.tell(id, args.value(state), std::move(vs), std::move(metrics));
    return kExitOk;
}

// One serve request line to its answer; bad requests throw SpecError with the fix.
QJsonObject serveRequest(AskTell& session, const QByteArray& line)
{
    ServeRequest req = parseServeRequest(line);
    if (req.op == ServeRequest::Op::Ask)
        return session.ask();
    for (engine::MetricRow& m : req.metrics)
        m.time = engine::Store::now();
    session.tell(req.trial, req.state, std::move(req.values), std::move(req.metrics));
    return {{QStringLiteral("ok"), true}};
}

int cmdServe(const QStringList& a)
{
    Args args(QStringLiteral("serve"), a, {dbOption(), experimentOption()}, 0, QStringLiteral("serve --db FILE --experiment NAME"),
              QStringLiteral("ask and tell as JSON lines: one request per line on stdin, one answer per line on stdout."));
    if (args.help()) {
        outLine(args.helpText() + QStringLiteral("\n\nstdin: {\"op\": \"ask\"} | {\"op\": \"tell\", \"trial\": ID, \"value\": V} (several objectives: \"values\": [V1, V2]) one per line"));
        return kExitOk;
    }
    AskTell session(args.required(QStringLiteral("db")), args.required(QStringLiteral("experiment")));
    std::string line;
    auto answer = [](const QJsonObject& o) {
        const QByteArray text = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
        std::fwrite(text.constData(), 1, static_cast<std::size_t>(text.size()), stdout);
        std::fflush(stdout);
    };
    while (std::getline(std::cin, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        try {
            answer(serveRequest(session, QByteArray::fromStdString(line)));
        } catch (const std::exception& e) {
            answer({{QStringLiteral("ok"), false}, {QStringLiteral("error"), QString::fromUtf8(e.what())}});
        }
    }
    return kExitOk;
}


int cmdSchedule(const QStringList& a)
{
    namespace sc = algorithms::schedules;
    const QCommandLineOption kind(QStringLiteral("schedule"), QStringLiteral("gpipe, 1f1b, interleaved or zb1."), QStringLiteral("KIND"));
    const QCommandLineOption stages(QStringLiteral("stages"), QStringLiteral("Pipeline stages (devices) P."), QStringLiteral("P"));
    const QCommandLineOption micro(QStringLiteral("microbatches"), QStringLiteral("Micro-batches M."), QStringLiteral("M"));
    const QCommandLineOption virt(QStringLiteral("virtual-stages"), QStringLiteral("Stages per device V (interleaved)."), QStringLiteral("V"));
    const QCommandLineOption durations(QStringLiteral("durations"), QStringLiteral("F,B,W op times (default 1,2,0; zb1 1,1,1)."), QStringLiteral("F,B,W"));
    const QCommandLineOption latency(QStringLiteral("latency"), QStringLiteral("Transfer latency between devices."), QStringLiteral("T"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("text (or table), csv, json, yaml or chrome (a Chrome trace)."),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption output(QStringLiteral("output"), QStringLiteral("Write to FILE instead of stdout."), QStringLiteral("FILE"));
    Args args(QStringLiteral("schedule"), a, {kind, stages, micro, virt, durations, latency, format, output}, 0,
              QStringLiteral("schedule --schedule gpipe|1f1b|interleaved|zb1 --stages P --microbatches M [--virtual-stages V] "
                             "[--durations F,B,W] [--latency T] [--format text|csv|json|yaml|chrome] [--output FILE]"),
              QStringLiteral("A pipeline schedule (per-device action lists) and its simulated bubble, memory and makespan."));
    if (args.help()) {
        outLine(args.helpText());
        return kExitOk;
    }
    auto positive = [&](const QCommandLineOption& o, const QString& fallback) {
        bool ok = false;
        const int v = (args.isSet(o) ? args.value(o) : fallback).toInt(&ok);
        if (!ok || v < 1)
            throw Usage(QStringLiteral("--%1: expected a positive integer, got '%2'").arg(o.names().first(), args.value(o)));
        return v;
    };
    const QString k = args.choice(QStringLiteral("schedule"), {QStringLiteral("gpipe"), QStringLiteral("1f1b"), QStringLiteral("interleaved"), QStringLiteral("zb1")}, QStringLiteral("1f1b"));
    const int p = positive(stages, QString());
    const int m = positive(micro, QString());
    const int v = positive(virt, k == QLatin1String("interleaved") ? QStringLiteral("2") : QStringLiteral("1"));
    const QString f = args.choice(QStringLiteral("format"),
                                  {QStringLiteral("text"), QStringLiteral("table"), QStringLiteral("csv"), QStringLiteral("json"), QStringLiteral("yaml"),
                                   QStringLiteral("chrome")},
                                  QStringLiteral("text"));
    std::vector<double> fbw = k == QLatin1String("zb1") ? std::vector<double>{1, 1, 1} : std::vector<double>{1, 2, 0};
    if (args.isSet(durations)) {
        const QStringList parts = args.value(durations).split(QLatin1Char(','));
        bool ok = parts.size() == 3;
        for (int i = 0; ok && i < 3; ++i) {
            fbw[static_cast<std::size_t>(i)] = parts[i].toDouble(&ok);
            ok = ok && fbw[static_cast<std::size_t>(i)] >= 0;
        }
        if (!ok)
            throw Usage(QStringLiteral("--durations: expected three non-negative numbers F,B,W, got '%1'").arg(args.value(durations)));
    }
    double lat = 0;
    if (args.isSet(latency)) {
        bool ok = false;
        lat = args.value(latency).toDouble(&ok);
        if (!ok || lat < 0)
            throw Usage(QStringLiteral("--latency: expected a non-negative number, got '%1'").arg(args.value(latency)));
    }
    sc::Schedule schedule;
    sc::SimResult sim;
    try {
        schedule = sc::makeSchedule(k.toStdString(), p, m, v);
        sim = sc::simulate(schedule, sc::Durations::uniform(fbw[0], fbw[1], fbw[2], lat));
    } catch (const sc::ScheduleError& e) {
        throw Usage(QString::fromUtf8(e.what()));
    }
    QString summary = QStringLiteral("bubble: simulated %1 (idle share of the step), formula %2; makespan %3\npeak activations per stage:")
                          .arg(sim.bubbleFraction, 0, 'f', 4)
                          .arg(sc::theoreticalBubble(k.toStdString(), p, m, v), 0, 'f', 4)
                          .arg(sim.makespan, 0, 'g', 6);
    for (int peak : sim.peakActivations)
        summary += QLatin1Char(' ') + QString::number(peak);
    QByteArray data;
    if (f == QLatin1String("text") || f == QLatin1String("table"))
        data = QByteArray::fromStdString(sc::toText(schedule)) + summary.toUtf8() + '\n';
    else if (f == QLatin1String("yaml"))
        data = render(QJsonDocument::fromJson(QByteArray::fromStdString(sc::toJson(schedule, &sim))).object(), f);
    else if (f == QLatin1String("csv"))
    {
        data = QByteArray::fromStdString(sc::toCsv(schedule));
        if (!data.endsWith('\n'))
            data += '\n';
    }
    else if (f == QLatin1String("json"))
        data = QByteArray::fromStdString(sc::toJson(schedule, &sim)) + '\n';
    else
        data = QByteArray::fromStdString(sc::toChromeTrace(schedule, sim)) + '\n';
    if (f == QLatin1String("csv") || f == QLatin1String("chrome"))
        err(summary); // keeps stdout a clean file
    writeOutput(args.isSet(output) ? args.value(output) : QString(), data);
    return kExitOk;
}

const char* const kHelp = R"(tunebench-cli: hyperparameter optimization from the command line

commands:
  run SPEC.json|- --db FILE [--name NAME] [--quiet]    create an experiment and run it
  resume --db FILE [--experiment NAME]                 finish an interrupted experiment
  stop --db FILE [--experiment NAME] [--no-wait]       stop the engine that runs it (any process)
  status --db FILE [--experiment NAME] [--format F]    counts and the best trial
  list --db FILE [--format F]                          the store's experiments
  delete --db FILE --experiment NAME [--yes]           delete an experiment and its trials' folders
  import optuna --storage FILE [--study NAME] --db STORE [--name NAME]
  import katib --experiment EXP.json --trials TRIALS.json --db STORE [--name NAME]
                                                       an Optuna study or Katib results as an experiment
  best --db FILE [--experiment NAME] [--format json|yaml|args|csv|table]
  export --db FILE [--experiment NAME] --format csv|json|yaml|table|curves|katib [--output FILE]
  telemetry --db FILE [--experiment NAME] --format csv|json|yaml|table [--output FILE]
                                                       GPU/CPU samples and the trials holding each device
  create SPEC.json|- --db FILE                         an experiment driven by ask/tell
  ask --db FILE --experiment NAME                      prints {"trial": ID, "params": {...}}
  tell --db FILE --experiment NAME --trial ID (--value V | --values V1,V2 | --state failed|pruned) [--metric NAME=VALUE@STEP ...]
  serve --db FILE --experiment NAME                    ask/tell as JSON lines on stdin/stdout
  importance --db FILE [--experiment NAME] [--format F]  fANOVA parameter importance
  demo [--db FILE]                                     run the bundled demo experiment
  schedule --schedule gpipe|1f1b|interleaved|zb1 --stages P --microbatches M [--virtual-stages V]
           [--durations F,B,W] [--latency T] [--format text|csv|json|yaml|chrome]
                                                       a pipeline schedule, simulated
  help [COMMAND]                                       this text, or a command's options

--format F: text (or table), json, yaml, csv; --json is --format json. --version: the version.
exit status: 0 success, 2 bad input, 1 failure while working, 3 another engine runs the
experiment, 130 stopped (resumable)
Run 'tunebench-cli help COMMAND' for a command's options. Spec format: docs/spec.md.
)";

using Command = std::function<int(const QStringList&)>;

const std::map<QString, Command>& commands()
{
    static const std::map<QString, Command> table = {
        {QStringLiteral("run"), [](const QStringList& a) { return cmdRun(a, false); }},
        {QStringLiteral("create"), [](const QStringList& a) { return cmdRun(a, true); }},
        {QStringLiteral("resume"), cmdResume},
        {QStringLiteral("stop"), cmdStop},
        {QStringLiteral("status"), cmdStatus},
        {QStringLiteral("best"), cmdBest},
        {QStringLiteral("export"), cmdExport},
        {QStringLiteral("telemetry"), cmdTelemetry},
        {QStringLiteral("ask"), cmdAsk},
        {QStringLiteral("tell"), cmdTell},
        {QStringLiteral("serve"), cmdServe},
        {QStringLiteral("demo"), cmdDemo},
        {QStringLiteral("schedule"), cmdSchedule},
        {QStringLiteral("importance"), cmdImportance},
        {QStringLiteral("list"), cmdList},
        {QStringLiteral("delete"), cmdDelete},
        {QStringLiteral("import"), cmdImport},
    };
    return table;
}

} // namespace

int runCommand(const QStringList& given)
{
    QStringList args = given;
    if (!args.isEmpty() && (args.first() == QLatin1String("--version") || args.first() == QLatin1String("-v"))) {
        outLine(QStringLiteral("tunebench-cli %1").arg(QCoreApplication::applicationVersion()));
        return kExitOk;
    }
    if (args.size() >= 2 && args.first() == QLatin1String("help")) // help COMMAND: that command's --help
        args = {args[1], QStringLiteral("--help")};
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")
        || args.first() == QLatin1String("help")) {
        std::fputs(kHelp, args.isEmpty() ? stderr : stdout);
        return args.isEmpty() ? kExitBadInput : kExitOk;
    }
    const auto it = commands().find(args.first());
    if (it == commands().end()) {
        err(QStringLiteral("tunebench-cli: unknown command '%1'; run 'tunebench-cli --help' for the list").arg(args.first()));
        return kExitBadInput;
    }
    try {
        return it->second(args.mid(1));
    } catch (const SpecError& e) {
        err(QStringLiteral("tunebench-cli %1: %2").arg(args.first(), QString::fromUtf8(e.what())));
        return kExitBadInput;
    } catch (const BusyError& e) {
        err(QStringLiteral("tunebench-cli %1: %2").arg(args.first(), QString::fromUtf8(e.what())));
        return kExitBusy;
    } catch (const std::exception& e) {
        err(QStringLiteral("tunebench-cli %1: %2").arg(args.first(), QString::fromUtf8(e.what())));
        return kExitFailure;
    }
}

} // namespace tb::cli
