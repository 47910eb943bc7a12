#include "results.h"

#include "args.h"
#include "commands.h"
#include "output.h"

#include "engine/core/errors.h"
#include "engine/core/exporters.h"
#include "engine/core/pareto_set.h"
#include "engine/core/store.h"
#include "engine/core/study.h"

#include "algorithms/importance.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>

namespace tb::cli {

using engine::RuntimeError;

namespace {

// `best` of an experiment with several objectives: its feasible Pareto set. json: paretoJson()
// (with hypervolume and reference point); csv and table: a row per trial; yaml and args:
// each trial's config behind a comment line naming it and its values.
int printParetoSet(engine::Study& study, const QString& format)
{
    const engine::ParetoSet set = engine::paretoSet(study.spec(), study.store().trials(study.experiment().id));
    if (set.trials.empty())
        throw RuntimeError(QStringLiteral("experiment '%1' has no completed trial%2 yet")
                               .arg(study.experiment().name, study.spec().constraints.empty() ? QString() : QStringLiteral(" within its constraints")));
    const QJsonObject json = engine::paretoJson(study.spec(), set);
    if (format == QLatin1String("json")) {
        out(QString::fromUtf8(render(json, format, engine::floatKeys(study.spec()))));
        return kExitOk;
    }
    const QJsonArray trials = json.value(QStringLiteral("trials")).toArray();
    if (format == QLatin1String("csv") || format == QLatin1String("table")) {
        QStringList first{QStringLiteral("trial"), QStringLiteral("number")};
        for (const QString& m : study.spec().objectiveMetrics())
            first << QStringLiteral("values.") + m;
        out(QString::fromUtf8(render(trials, format, engine::floatKeys(study.spec()), first)));
        return kExitOk;
    }
    const auto kind = format == QLatin1String("yaml") ? engine::ConfigFormat::Yaml : engine::ConfigFormat::Args;
    QString text;
    for (const QJsonValue& v : trials) {
        const QJsonObject t = v.toObject();
        QStringList values;
        const QJsonObject vs = t.value(QStringLiteral("values")).toObject();
        for (const QString& m : study.spec().objectiveMetrics())
            values << QStringLiteral("%1=%2").arg(m).arg(vs.value(m).toDouble(), 0, 'g', 8);
        text += QStringLiteral("# trial %1 (#%2): %3\n").arg(t.value(QStringLiteral("trial")).toInteger()).arg(t.value(QStringLiteral("number")).toInteger()).arg(values.join(QLatin1Char(' ')));
        text += QString::fromUtf8(engine::configText(study.spec().space, t.value(QStringLiteral("params")).toObject(), kind));
    }
    out(text);
    return kExitOk;
}

// The completed trials as fANOVA sees them for objective `index`: its value as the value.
std::vector<algorithms::TrialRecord> recordsFor(engine::Study& study, std::size_t index)
{
    std::vector<algorithms::TrialRecord> records;
    for (const engine::TrialRow& t : study.store().trials(study.experiment().id)) {
        if (t.state != algorithms::TrialState::Completed)
            continue;
        const std::vector<double> values = engine::objectiveValues(study.spec(), t);
        if (index >= values.size())
            continue;
        algorithms::TrialRecord r;
        r.number = t.number;
        r.params = study.paramsOf(t);
        r.state = t.state;
        r.value = values[index];
        records.push_back(std::move(r));
    }
    return records;
}

} // namespace

int cmdBest(const QStringList& a)
{
    const QStringList formats{QStringLiteral("json"), QStringLiteral("yaml"), QStringLiteral("args"), QStringLiteral("csv"), QStringLiteral("table")};
    Args args(QStringLiteral("best"), a, {dbOption(), experimentOption(), formatOption(formats)}, 0,
              QStringLiteral("best --db FILE [--experiment NAME] [--format json|yaml|args|csv|table]"),
              QStringLiteral("The best trial's parameters, numbers exactly as stored: a config file (json, yaml), command-line "
                             "arguments (args) or one row (csv, table). With several objectives: the Pareto set, every trial "
                             "within the constraints that no other one beats in all objectives, with its values."));
    if (args.help()) {
        outLine(args.helpText());
        return kExitOk;
    }
    const QString f = args.choice(QStringLiteral("format"), formats, QStringLiteral("json"));
    engine::Store store(args.required(QStringLiteral("db")), engine::Store::OpenMode::ExistingOnly);
    engine::Study study(store, engine::Study::find(store, args.value(experimentOption())));
    if (study.spec().multiObjective())
        return printParetoSet(study, f);
    if (f == QLatin1String("csv") || f == QLatin1String("table")) {
        const QJsonObject params = QJsonDocument::fromJson(engine::bestConfig(study, engine::ConfigFormat::Json)).object();
        out(QString::fromUtf8(render(QJsonObject{{QStringLiteral("params"), params}}, f, engine::floatKeys(study.spec()))));
        return kExitOk;
    }
    const auto kind = f == QLatin1String("yaml") ? engine::ConfigFormat::Yaml
        : f == QLatin1String("args")             ? engine::ConfigFormat::Args
                                                 : engine::ConfigFormat::Json;
    out(QString::fromUtf8(engine::bestConfig(study, kind)));
    return kExitOk;
}

int cmdImportance(const QStringList& a)
{
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random forest seed (default 0)."), QStringLiteral("S"));
    const QCommandLineOption objective(QStringLiteral("objective"),
                                       QStringLiteral("With several objectives: only this one's (a metric name; default: each in turn)."),
                                       QStringLiteral("METRIC"));
    const QStringList formats = QStringList{QStringLiteral("text")} + kDataFormats;
    Args args(QStringLiteral("importance"), a, {dbOption(), experimentOption(), formatOption(formats), jsonOption(), seed, objective}, 0,
              QStringLiteral("importance --db FILE [--experiment NAME] [--objective METRIC] [--format text|json|yaml|csv|table] [--seed S]"),
              QStringLiteral("How much of the objective's variance each parameter explains (fANOVA over the completed trials); with "
                             "several objectives, of each objective's."));
    if (args.help()) {
        outLine(args.helpText());
        return kExitOk;
    }
    engine::Store store(args.required(QStringLiteral("db")), engine::Store::OpenMode::ExistingOnly);
    engine::Study study(store, engine::Study::find(store, args.value(experimentOption())));
    algorithms::FanovaOptions options;
    if (args.isSet(seed)) {
        bool ok = false;
        options.seed = args.value(seed).toULongLong(&ok);
        if (!ok)
            throw Usage(QStringLiteral("--seed: expected a non-negative integer, got '%1'").arg(args.value(seed)));
    }
    const QStringList metrics = study.spec().objectiveMetrics();
    QList<int> chosen;
    for (int i = 0; i < metrics.size(); ++i)
        if (!args.isSet(objective) || metrics[i] == args.value(objective))
            chosen << i;
    if (chosen.isEmpty())
        throw Usage(QStringLiteral("--objective: experiment '%1' has no objective '%2'; its objectives: %3")
                        .arg(study.experiment().name, args.value(objective), metrics.join(QStringLiteral(", "))));
    const QString f = outputFormat(args, formats, QStringLiteral("text"));
    QJsonObject byObjective; // json/yaml with several objectives: metric -> shares
    QJsonArray rows;         // csv/table: one row per parameter (and objective)
    for (int index : chosen) {
        const algorithms::ImportanceResult result = algorithms::fanovaImportance(study.spec().space, recordsFor(study, static_cast<std::size_t>(index)), options);
        std::vector<std::size_t> order(result.names.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return result.importance[x] > result.importance[y]; });
        if (f == QLatin1String("json") || f == QLatin1String("yaml")) {
            QJsonObject shares;
            for (std::size_t i : order)
                shares.insert(QString::fromStdString(result.names[i]), result.importance[i]);
            byObjective.insert(metrics[index], shares);
            if (chosen.size() == 1 && !study.spec().multiObjective())
                out(QString::fromUtf8(render(QJsonObject{{QStringLiteral("experiment"), study.experiment().name},
                                                         {QStringLiteral("trials"), static_cast<qint64>(result.trialsUsed)},
                                                         {QStringLiteral("method"), QStringLiteral("fanova")},
                                                         {QStringLiteral("importance"), shares}},
                                             f, [](const QString& parent, const QString&) { return parent == QLatin1String("importance"); })));
            continue;
        }
        if (f != QLatin1String("text")) { // one row per parameter, most important first
            for (std::size_t i : order) {
                QJsonObject row{{QStringLiteral("parameter"), QString::fromStdString(result.names[i])}, {QStringLiteral("importance"), result.importance[i]}};
                if (study.spec().multiObjective())
                    row.insert(QStringLiteral("objective"), metrics[index]);
                rows.append(row);
            }
            continue;
        }
        outLine(QStringLiteral("parameter importance (fANOVA, %1 completed trials) of '%2'%3:")
                    .arg(result.trialsUsed)
                    .arg(study.experiment().name, study.spec().multiObjective() ? QStringLiteral(" for %1").arg(metrics[index]) : QString()));
        if (result.trialsUsed < 2)
            outLine(QStringLiteral("  (needs at least 2 completed trials)"));
        for (std::size_t i : order)
            outLine(QStringLiteral("  %1 %2  %3")
                        .arg(QString::fromStdString(result.names[i]), -20)
                        .arg(result.importance[i], 6, 'f', 4)
                        .arg(QString(static_cast<int>(std::lround(result.importance[i] * 40)), QLatin1Char('#'))));
    }
    if ((f == QLatin1String("json") || f == QLatin1String("yaml")) && study.spec().multiObjective())
        out(QString::fromUtf8(render(QJsonObject{{QStringLiteral("experiment"), study.experiment().name},
                                                 {QStringLiteral("method"), QStringLiteral("fanova")},
                                                 {QStringLiteral("importance"), byObjective}},
                                     f, [](const QString& parent, const QString&) { return parent != QLatin1String("experiment"); })));
    else if (f != QLatin1String("text") && f != QLatin1String("json") && f != QLatin1String("yaml"))
        out(QString::fromUtf8(render(rows, f, [](const QString&, const QString& key) { return key == QLatin1String("importance"); },
                                     study.spec().multiObjective()
                                         ? QStringList{QStringLiteral("objective"), QStringLiteral("parameter"), QStringLiteral("importance")}
                                         : QStringList{QStringLiteral("parameter"), QStringLiteral("importance")})));
    return kExitOk;
}

} // namespace tb::cli
