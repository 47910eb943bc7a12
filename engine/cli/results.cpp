#include "results.h"

#include "args.h"
#include "commands.h"
#include "output.h"

#include "engine/core/errors.h"
#include "engine/core/exporters.h"
#include "engine/core/pareto_set.h"
#include "engine/core/store.h"
#include "engine/core/study.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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

} // namespace tb::cli
