#include "manage.h"

#include "args.h"
#include "commands.h"
#include "output.h"

#include "engine/core/katib.h"
#include "engine/core/lease.h"
#include "engine/core/optuna_import.h"
#include "engine/core/spec.h"
#include "engine/core/store.h"
#include "engine/core/study.h"
#include "engine/core/trial_command.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>
#include <iostream>
#include <string>
#include <unistd.h>

namespace tb::cli {

int cmdList(const QStringList& a)
{
    const QStringList formats = QStringList{QStringLiteral("table")} + QStringList{QStringLiteral("json"), QStringLiteral("yaml"), QStringLiteral("csv")};
    Args args(QStringLiteral("list"), a, {dbOption(), formatOption(formats), jsonOption()}, 0,
              QStringLiteral("list --db FILE [--format table|json|yaml|csv]"),
              QStringLiteral("The store's experiments, oldest first: state, trials by state, the best value and when each was created."));
    if (args.help()) {
        outLine(args.helpText());
        return kExitOk;
    }
    const QString f = outputFormat(args, formats, QStringLiteral("table"));
    engine::Store store(args.required(QStringLiteral("db")), engine::Store::OpenMode::ExistingOnly);
    QJsonArray rows;
    for (const engine::ExperimentRow& e : store.experiments()) {
        const engine::StateCounts c = store.counts(e.id);
        // The spec only: a Study would read every trial's reports for its pruner.
        engine::ParseOptions options;
        options.requireTrial = false;
        const engine::ExperimentSpec spec = engine::parseSpec(e.spec, options);
        const auto best = store.bestTrial(e.id, spec.objective.direction);
        rows.append(QJsonObject{{QStringLiteral("experiment"), e.name},
                                {QStringLiteral("state"), engine::experimentStateName(e.state)},
                                {QStringLiteral("trials"), qint64(c.total())},
                                {QStringLiteral("completed"), qint64(c.completed)},
                                {QStringLiteral("pruned"), qint64(c.pruned)},
                                {QStringLiteral("failed"), qint64(c.failed)},
                                {QStringLiteral("running"), qint64(c.running + c.queued)},
                                {QStringLiteral("objective"), spec.objective.metric},
                                {QStringLiteral("best"), best && best->value ? QJsonValue(*best->value) : QJsonValue()},
                                {QStringLiteral("created"), QDateTime::fromMSecsSinceEpoch(qint64(e.createdAt * 1000)).toString(Qt::ISODate)}});
    }
    if (rows.isEmpty() && f == QLatin1String("table")) {
        outLine(QStringLiteral("no experiments in %1 yet; start one with tunebench-cli run SPEC.json --db %1").arg(args.value(dbOption())));
        return kExitOk;
    }
    out(QString::fromUtf8(render(QJsonObject{{QStringLiteral("experiments"), rows}}, f,
                                 [](const QString&, const QString& key) { return key == QLatin1String("best"); },
                                 {QStringLiteral("experiment"), QStringLiteral("state"), QStringLiteral("trials"), QStringLiteral("completed"),
                                  QStringLiteral("pruned"), QStringLiteral("failed"), QStringLiteral("running"), QStringLiteral("objective"),
                                  QStringLiteral("best")})));
    return kExitOk;
}

int cmdDelete(const QStringList& a)
{
    const QCommandLineOption yes(QStringLiteral("yes"), QStringLiteral("Do not ask."));
    Args args(QStringLiteral("delete"), a, {dbOption(), experimentOption(), yes}, 0,
              QStringLiteral("delete --db FILE --experiment NAME [--yes]"),
              QStringLiteral("Deletes the experiment from the store with its trials, metrics and telemetry, and its trials' folders. "
                             "Asks first unless --yes; refuses while an engine runs it (stop it first)."));
    if (args.help()) {
        outLine(args.helpText());
        return kExitOk;
    }
    const QString db = args.required(QStringLiteral("db"));
    const QString name = args.required(QStringLiteral("experiment"));
    engine::Store store(db, engine::Store::OpenMode::ExistingOnly);
    const engine::ExperimentRow row = engine::Study::find(store, name);
    if (row.owner && engine::Lease::isAlive(*row.owner, engine::Store::now()))
        throw engine::BusyError(QStringLiteral("experiment '%1' is being run by %2; stop it first (tunebench-cli stop --db %3 --experiment %1)")
                                    .arg(row.name, engine::Lease::describe(*row.owner, engine::Store::now()), db));
    const QString folder = QFileInfo(engine::trialFolder(db, row.name, row.id, 0)).path();
    const qint64 trials = store.counts(row.id).total();
    if (!args.isSet(yes)) {
        std::fprintf(stderr, "delete experiment '%s' (%lld trials) from %s, and %s? [y/N] ", qPrintable(row.name), static_cast<long long>(trials),
                     qPrintable(db), qPrintable(folder));
        std::fflush(stderr);
        std::string answer;
        if (!std::getline(std::cin, answer) || (answer != "y" && answer != "Y" && answer != "yes")) {
            err(QStringLiteral("nothing deleted"));
            return kExitFailure;
        }
    }
    if (!store.deleteExperiment(row.id, row.owner ? row.owner->token : QString()))
        throw engine::BusyError(QStringLiteral("experiment '%1' was taken by an engine meanwhile; nothing deleted").arg(row.name));
    QDir(folder).removeRecursively();
    outLine(QStringLiteral("deleted experiment '%1' (%2 trials) and %3").arg(row.name).arg(trials).arg(folder));
    return kExitOk;
}

QJsonObject readJsonFile(const QString& path, const QString& option)
{
    if (path.isEmpty())
        throw Usage(QStringLiteral("import katib: --%1 FILE is required").arg(option));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw engine::SpecError(path + QStringLiteral(": cannot read: ") + f.errorString());
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (!doc.isObject())
        throw engine::SpecError(path + QStringLiteral(": not a JSON object (%1 at character %2); give kubectl's -o json output").arg(error.errorString()).arg(error.offset + 1));
    return doc.object();
}

int cmdImport(const QStringList& a)
{
    const QCommandLineOption storage(QStringLiteral("storage"), QStringLiteral("optuna: the storage's SQLite file (sqlite:///FILE)."), QStringLiteral("FILE"));
    const QCommandLineOption study(QStringLiteral("study"), QStringLiteral("optuna: the study to import (default: the only one)."), QStringLiteral("NAME"));
    const QCommandLineOption experiment(QStringLiteral("experiment"), QStringLiteral("katib: `kubectl get experiment NAME -o json`, saved."), QStringLiteral("FILE"));
    const QCommandLineOption trials(QStringLiteral("trials"), QStringLiteral("katib: `kubectl get trials -l katib.kubeflow.org/experiment=NAME -o json`, saved."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("The experiment's name in the store (default: the study's or Katib's)."), QStringLiteral("NAME"));
    Args args(QStringLiteral("import"), a, {dbOption(), storage, study, experiment, trials, name}, 1,
              QStringLiteral("import optuna --storage FILE [--study NAME] --db STORE [--name NAME] | "
                             "import katib --experiment EXP.json --trials TRIALS.json --db STORE [--name NAME]"),
              QStringLiteral("Opens an Optuna study (an RDB storage in SQLite, Optuna 3.x to 5.x; only read) or the results of a Katib "
                             "experiment (kubectl's JSON) as an experiment: trials with their states, parameters, values and metrics. "
                             "Continue it with ask/tell, or give it a trial command in the window."));
    if (args.help()) {
        outLine(args.helpText());
        return kExitOk;
    }
    const QString source = args.positional(0);
    if (source == QLatin1String("katib")) {
        const QJsonObject exp = readJsonFile(args.value(experiment), QStringLiteral("experiment"));
        const QJsonObject list = readJsonFile(args.value(trials), QStringLiteral("trials"));
        engine::Store store(args.required(QStringLiteral("db")));
        const engine::KatibImport result = engine::importKatib(exp, list, store, args.value(name), args.value(experiment));
        outLine(QStringLiteral("imported Katib experiment as '%1': %2 trials").arg(result.experiment).arg(result.trials));
        for (const QString& note : result.notes)
            outLine(QStringLiteral("  note: ") + note);
        return kExitOk;
    }
    if (source != QLatin1String("optuna"))
        throw Usage(QStringLiteral("import: unknown source '%1'; known: optuna, katib\n%2").arg(source, args.usage()));
    engine::Store store(args.required(QStringLiteral("db")));
    const engine::OptunaImport result = engine::importOptunaStudy(args.required(QStringLiteral("storage")), args.value(study), store, args.value(name));
    outLine(QStringLiteral("imported Optuna study as experiment '%1': %2 trials, %3 objective(s) (written by Optuna %4)")
                .arg(result.experiment)
                .arg(result.trials)
                .arg(result.objectives)
                .arg(result.optunaVersion));
    for (const QString& note : result.notes)
        outLine(QStringLiteral("  note: ") + note);
    return kExitOk;
}

} // namespace tb::cli
