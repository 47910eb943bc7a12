#include "exporters.h"

#include "errors.h"
#include "json.h"
#include "lease.h"
#include "pareto_set.h"
#include "study.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <cmath>
#include <yaml-cpp/yaml.h>

namespace tb::engine {

namespace {

QJsonValue number(std::optional<double> v)
{
    return v && std::isfinite(*v) ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QString isoTime(std::optional<double> t)
{
    return t ? QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(*t * 1000)).toUTC().toString(Qt::ISODateWithMs) : QString();
}

// RFC 4180: a field holding a comma, a quote or a line break (CR or LF) is quoted.
QString csvField(QString s)
{
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')) || s.contains(QLatin1Char('\r'))) {
        s.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + s + QLatin1Char('"');
    }
    return s;
}

bool isFloatParam(const algorithms::SearchSpace& space, const QString& name)
{
    const auto index = space.indexOf(name.toStdString());
    return index && space.params()[*index].type == algorithms::ParamType::Float;
}

// A parameter's value as the user gave it: the shortest text that reads back as the same
// number, a float parameter's integral value as 2.0, strings as they are.
QString paramText(const algorithms::SearchSpace& space, const QString& name, const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        const bool isFloat = isFloatParam(space, name);
        if (!isFloat && std::floor(d) == d && std::fabs(d) < 9e15)
            return QString::number(static_cast<qint64>(d));
        return numberText(d, isFloat);
    }
    case QJsonValue::String: return v.toString();
    default: return QString();
    }
}

std::optional<TrialRow> best(Study& study)
{
    return study.store().bestTrial(study.experiment().id, study.spec().objective.direction);
}

} // namespace

QJsonObject statusJson(Study& study)
{
    const ExperimentRow e = *study.store().experiment(study.experiment().id);
    const StateCounts c = study.store().counts(e.id);
    QJsonObject counts{{QStringLiteral("queued"), qint64(c.queued)},       {QStringLiteral("running"), qint64(c.running)},
                       {QStringLiteral("completed"), qint64(c.completed)}, {QStringLiteral("pruned"), qint64(c.pruned)},
                       {QStringLiteral("failed"), qint64(c.failed)}};
    QJsonObject out{{QStringLiteral("experiment"), e.name},
                    {QStringLiteral("state"), experimentStateName(e.state)},
                    {QStringLiteral("reason"), e.reason},
                    {QStringLiteral("counts"), counts}};
    if (const auto& max = study.spec().budget.maxTrials)
        out.insert(QStringLiteral("max_trials"), *max);
    if (study.spec().multiObjective()) {
        // No one best trial: the Pareto set, its size and hypervolume.
        out.insert(QStringLiteral("best"), QJsonValue::Null);
        out.insert(QStringLiteral("pareto"), paretoJson(study.spec(), paretoSet(study.spec(), study.store().trials(e.id))));
    } else if (const auto b = best(study); b && !b->feasible()) {
        out.insert(QStringLiteral("best"), QJsonValue::Null); // no trial keeps the constraints yet
    } else if (b)
        out.insert(QStringLiteral("best"), QJsonObject{{QStringLiteral("trial"), qint64(b->id)},
                                                       {QStringLiteral("number"), qint64(b->number)},
                                                       {QStringLiteral("value"), number(b->value)},
                                                       {QStringLiteral("params"), QJsonDocument::fromJson(b->params).object()}});
    else
        out.insert(QStringLiteral("best"), QJsonValue::Null);
    if (!e.waiting.isEmpty())
        out.insert(QStringLiteral("waiting"), e.waiting);
    QJsonArray jobs; // trials running as cluster jobs: their job ids and nodes
    for (const TrialRow& t : study.store().trials(e.id)) {
        const QJsonObject h = QJsonDocument::fromJson(t.handle).object();
        if (t.state == algorithms::TrialState::Running && h.contains(QStringLiteral("job")))
            jobs.append(QJsonObject{{QStringLiteral("trial"), qint64(t.id)}, {QStringLiteral("number"), qint64(t.number)},
                                    {QStringLiteral("job"), h.value(QStringLiteral("job"))}, {QStringLiteral("node"), h.value(QStringLiteral("node"))},
                                    {QStringLiteral("state"), h.value(QStringLiteral("state"))}});
    }
    if (!jobs.isEmpty())
        out.insert(QStringLiteral("jobs"), jobs);
    if (e.owner) {
        const double now = Store::now();
        out.insert(QStringLiteral("owner"), QJsonObject{{QStringLiteral("program"), e.owner->program},
                                                        {QStringLiteral("pid"), qint64(e.owner->pid)},
                                                        {QStringLiteral("host"), e.owner->host},
                                                        {QStringLiteral("since"), isoTime(e.owner->since)},
                                                        {QStringLiteral("heartbeat_age_s"), now - e.owner->heartbeat},
                                                        {QStringLiteral("alive"), Lease::isAlive(*e.owner, now)},
                                                        {QStringLiteral("text"), Lease::describe(*e.owner, now)}});
    }
    return out;
}

QString statusText(Study& study)
{
    const QJsonObject s = statusJson(study);
    const QJsonObject c = s.value(QStringLiteral("counts")).toObject();
    QString text = QStringLiteral("experiment %1: %2").arg(s.value(QStringLiteral("experiment")).toString(),
                                                           s.value(QStringLiteral("state")).toString());
    if (!s.value(QStringLiteral("reason")).toString().isEmpty())
        text += QStringLiteral(" (") + s.value(QStringLiteral("reason")).toString() + QLatin1Char(')');
    text += QStringLiteral("\ntrials: %1 completed, %2 pruned, %3 failed, %4 running, %5 queued")
                .arg(c.value(QStringLiteral("completed")).toInteger())
                .arg(c.value(QStringLiteral("pruned")).toInteger())
                .arg(c.value(QStringLiteral("failed")).toInteger())
                .arg(c.value(QStringLiteral("running")).toInteger())
                .arg(c.value(QStringLiteral("queued")).toInteger());
    if (s.contains(QStringLiteral("max_trials")))
        text += QStringLiteral(" (max_trials %1)").arg(s.value(QStringLiteral("max_trials")).toInteger());
    if (s.contains(QStringLiteral("owner"))) {
        const QJsonObject o = s.value(QStringLiteral("owner")).toObject();
        text += (o.value(QStringLiteral("alive")).toBool() ? QStringLiteral("\nrun by: ") : QStringLiteral("\nlast run by (gone): "))
            + o.value(QStringLiteral("text")).toString();
    }
    for (const QJsonValue& j : s.value(QStringLiteral("jobs")).toArray()) {
        const QJsonObject o = j.toObject();
        text += QStringLiteral("\ntrial %1 (#%2): Slurm job %3 %4%5")
                    .arg(o.value(QStringLiteral("trial")).toInteger())
                    .arg(o.value(QStringLiteral("number")).toInteger())
                    .arg(o.value(QStringLiteral("job")).toString(), o.value(QStringLiteral("state")).toString().toLower(),
                         o.value(QStringLiteral("node")).toString().isEmpty() ? QString() : QStringLiteral(" on ") + o.value(QStringLiteral("node")).toString());
    }
    if (s.contains(QStringLiteral("waiting")))
        text += QStringLiteral("\nwaiting: ") + s.value(QStringLiteral("waiting")).toString();
    const QJsonValue b = s.value(QStringLiteral("best"));
    if (s.contains(QStringLiteral("pareto"))) {
        const QJsonObject p = s.value(QStringLiteral("pareto")).toObject();
        QStringList reference;
        for (const QJsonValue& r : p.value(QStringLiteral("reference")).toArray())
            reference << QString::number(r.toDouble(), 'g', 6);
        if (p.value(QStringLiteral("size")).toInteger() == 0) {
            text += study.spec().constraints.empty() ? QStringLiteral("\nPareto set: none yet")
                                                     : QStringLiteral("\nPareto set: none yet (no completed trial within the constraints)");
        } else {
            text += QStringLiteral("\nPareto set: %1 trials, hypervolume %2 (reference point [%3], %4)")
                    .arg(p.value(QStringLiteral("size")).toInteger())
                    .arg(p.value(QStringLiteral("hypervolume")).toDouble(), 0, 'g', 6)
                    .arg(reference.join(QStringLiteral(", ")),
                         p.value(QStringLiteral("reference_from")).toString() == QLatin1String("spec") ? QStringLiteral("from the spec")
                                                                                                    : QStringLiteral("derived from the trials"));
        }
        if (!study.spec().constraints.empty())
            text += QStringLiteral("\nfeasible: %1 completed trials within the constraints, %2 beyond them")
                        .arg(p.value(QStringLiteral("feasible")).toInteger())
                        .arg(p.value(QStringLiteral("infeasible")).toInteger());
    } else if (b.isObject()) {
        const QJsonObject bo = b.toObject();
        text += QStringLiteral("\nbest: trial %1, %2 = %3, %4")
                    .arg(bo.value(QStringLiteral("trial")).toInteger())
                    .arg(study.spec().objective.metric)
                    .arg(bo.value(QStringLiteral("value")).toDouble(), 0, 'g', 8)
                    .arg(QString::fromUtf8(QJsonDocument(bo.value(QStringLiteral("params")).toObject()).toJson(QJsonDocument::Compact)));
    } else {
        text += QStringLiteral("\nbest: none yet");
    }
    return text;
}

QByteArray bestConfig(Study& study, ConfigFormat format)
{
    if (study.spec().multiObjective())
        throw RuntimeError(QStringLiteral("experiment '%1' has %2 objectives and no one best trial; its Pareto set: "
                                          "tunebench-cli best (json, csv or table)")
                               .arg(study.experiment().name)
                               .arg(study.spec().objectives.size()));
    const auto b = best(study);
    if (!b)
        throw RuntimeError(QStringLiteral("experiment '%1' has no completed trial yet").arg(study.experiment().name));
    if (!b->feasible())
        throw RuntimeError(QStringLiteral("experiment '%1' has no completed trial within its constraints yet; the closest, trial %2, "
                                          "misses them by %3")
                               .arg(study.experiment().name)
                               .arg(b->id)
                               .arg(b->violation.value_or(0), 0, 'g', 6));
    return configText(study.spec().space, QJsonDocument::fromJson(b->params).object(), format);
}

QByteArray configText(const algorithms::SearchSpace& space, const QJsonObject& params, ConfigFormat format)
{
    // Parameters in the order the space declares them, not alphabetical.
    QStringList order;
    for (const auto& p : space.params())
        if (params.contains(QString::fromStdString(p.name)))
            order << QString::fromStdString(p.name);
    switch (format) {
    case ConfigFormat::Json: {
        QByteArray out = "{";
        for (int i = 0; i < order.size(); ++i) {
            out += i ? ",\n  " : "\n  ";
            out += QJsonDocument(QJsonArray{order[i]}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
            out += ": ";
            const QJsonValue v = params.value(order[i]);
            out += v.isDouble() ? paramText(space, order[i], v).toUtf8() : QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
        }
        out += "\n}\n";
        return out;
    }
    case ConfigFormat::Yaml: {
        YAML::Emitter yaml;
        yaml << YAML::BeginMap;
        for (const QString& name : order) {
            const QJsonValue v = params.value(name);
            yaml << YAML::Key << name.toStdString() << YAML::Value;
            if (v.isString())
                yaml << YAML::DoubleQuoted << v.toString().toStdString(); // "yes", "1e-3" stay strings
            else
                yaml << paramText(space, name, v).toStdString();
        }
        yaml << YAML::EndMap;
        return QByteArray(yaml.c_str()) + '\n';
    }
    case ConfigFormat::Args: {
        QStringList args;
        for (const QString& name : order) {
            QString value = paramText(space, name, params.value(name));
            // Quoted for a POSIX shell, since people paste this line into one.
            static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_.,:+=/@%-]+$"));
            QString arg = QStringLiteral("--") + name + QLatin1Char('=') + value;
            if (!safe.match(arg).hasMatch())
                arg = QLatin1Char('\'') + arg.replace(QLatin1Char('\''), QStringLiteral("'\\''")) + QLatin1Char('\'');
            args << arg;
        }
        return args.join(QLatin1Char(' ')).toUtf8() + '\n';
    }
    }
    return {};
}

QByteArray exportTrials(Study& study, TrialsFormat format)
{
    const std::vector<TrialRow> trials = study.store().trials(study.experiment().id);
    const ExperimentSpec& spec = study.spec();
    const bool multi = spec.multiObjective(), constrained = !spec.constraints.empty();
    QStringList names;
    for (const auto& p : spec.space.params())
        names << QString::fromStdString(p.name);
    if (format == TrialsFormat::Json) {
        QJsonArray rows;
        for (const TrialRow& t : trials) {
            QJsonObject row{{QStringLiteral("trial"), qint64(t.id)},
                            {QStringLiteral("number"), qint64(t.number)},
                            {QStringLiteral("state"), QString::fromLatin1(algorithms::trialStateName(t.state))},
                            {QStringLiteral("value"), number(t.value)},
                            {QStringLiteral("params"), QJsonDocument::fromJson(t.params).object()},
                            {QStringLiteral("attempt"), t.attempt},
                            {QStringLiteral("exit_code"), t.exitCode ? QJsonValue(*t.exitCode) : QJsonValue(QJsonValue::Null)},
                            {QStringLiteral("reason"), t.reason},
                            {QStringLiteral("started_at"), isoTime(t.startedAt)},
                            {QStringLiteral("ended_at"), isoTime(t.endedAt)},
                            {QStringLiteral("duration_s"), t.startedAt && t.endedAt ? QJsonValue(*t.endedAt - *t.startedAt) : QJsonValue(QJsonValue::Null)},
                            {QStringLiteral("log"), t.logPath},
                            {QStringLiteral("sampler"), t.sampler},
                            {QStringLiteral("sampler_reason"), t.samplerReason}};
            if (multi) {
                QJsonObject values;
                for (std::size_t i = 0; i < t.values.size() && i < spec.objectives.size(); ++i)
                    values.insert(spec.objectives[i].metric, number(t.values[i]));
                row.insert(QStringLiteral("values"), t.values.empty() ? QJsonValue() : QJsonValue(values));
            }
            if (constrained) {
                row.insert(QStringLiteral("violation"), t.violation ? number(*t.violation) : QJsonValue());
                row.insert(QStringLiteral("feasible"), t.violation ? QJsonValue(t.feasible()) : QJsonValue());
            }
            const QJsonObject handle = QJsonDocument::fromJson(t.handle).object();
            if (handle.contains(QStringLiteral("job"))) {
                row.insert(QStringLiteral("job"), handle.value(QStringLiteral("job")));
                row.insert(QStringLiteral("node"), handle.value(QStringLiteral("node")));
            }
            rows.append(row);
        }
        QJsonObject doc{{QStringLiteral("experiment"), study.experiment().name},
                        {QStringLiteral("objective"), spec.objective.metric},
                        {QStringLiteral("trials"), rows}};
        if (multi)
            doc.insert(QStringLiteral("objectives"), QJsonArray::fromStringList(spec.objectiveMetrics()));
        return jsonText(doc, floatKeys(spec), true);
    }
    // Several objectives: value_<metric> per objective after "value" (the first objective's).
    QStringList header{QStringLiteral("trial"), QStringLiteral("number"), QStringLiteral("state"), QStringLiteral("value")};
    if (multi)
        for (const QString& metric : spec.objectiveMetrics())
            header << csvField(QStringLiteral("value_") + metric);
    if (constrained)
        header << QStringLiteral("feasible") << QStringLiteral("violation");
    for (const QString& n : names)
        header << QStringLiteral("param_") + n;
    header << QStringLiteral("attempt") << QStringLiteral("exit_code") << QStringLiteral("reason") << QStringLiteral("started_at")
           << QStringLiteral("ended_at") << QStringLiteral("duration_s") << QStringLiteral("sampler") << QStringLiteral("sampler_reason");
    QByteArray out = header.join(QLatin1Char(',')).toUtf8() + '\n';
    for (const TrialRow& t : trials) {
        const QJsonObject params = QJsonDocument::fromJson(t.params).object();
        QStringList cells{QString::number(t.id), QString::number(t.number), QString::fromLatin1(algorithms::trialStateName(t.state)),
                          t.value ? numberText(*t.value, true) : QString()};
        if (multi)
            for (std::size_t i = 0; i < spec.objectives.size(); ++i)
                cells << (i < t.values.size() && std::isfinite(t.values[i]) ? numberText(t.values[i], true) : QString());
        if (constrained)
            cells << (t.violation ? (t.feasible() ? QStringLiteral("true") : QStringLiteral("false")) : QString())
                  << (t.violation ? numberText(*t.violation, true) : QString());
        for (const QString& n : names)
            cells << csvField(paramText(study.spec().space, n, params.value(n)));
        cells << QString::number(t.attempt) << (t.exitCode ? QString::number(*t.exitCode) : QString()) << csvField(t.reason)
              << isoTime(t.startedAt) << isoTime(t.endedAt)
              << (t.startedAt && t.endedAt ? QString::number(*t.endedAt - *t.startedAt, 'f', 3) : QString())
              << csvField(t.sampler) << csvField(t.samplerReason);
        out += cells.join(QLatin1Char(',')).toUtf8() + '\n';
    }
    return out;
}

FloatKeys floatKeys(const ExperimentSpec& spec)
{
    return [space = spec.space](const QString& parent, const QString& key) {
        if (parent == QLatin1String("params"))
            return isFloatParam(space, key);
        if (parent == QLatin1String("values"))
            return true;
        return key == QLatin1String("value") || key == QLatin1String("duration_s") || key == QLatin1String("violation")
            || key == QLatin1String("hypervolume");
    };
}

QByteArray exportCurves(Study& study)
{
    QByteArray out = "trial,number,attempt,step,metric,value,time\n";
    for (const TrialRow& t : study.store().trials(study.experiment().id)) {
        std::vector<MetricRow> reports = study.store().metrics(t.id);
        std::stable_sort(reports.begin(), reports.end(), [](const MetricRow& a, const MetricRow& b) {
            return std::tie(a.attempt, a.step) < std::tie(b.attempt, b.step);
        });
        for (const MetricRow& m : reports)
            out += QStringList{QString::number(t.id), QString::number(t.number), QString::number(m.attempt), QString::number(m.step),
                               csvField(m.name), std::isnan(m.value) ? QString() : numberText(m.value, true), isoTime(m.time)}
                       .join(QLatin1Char(','))
                       .toUtf8()
                + '\n';
    }
    return out;
}

QByteArray exportTelemetry(Study& study, TrialsFormat format)
{
    const std::vector<TelemetryRow> rows = study.store().telemetry(study.experiment().id);
    auto num = [](double v) { return std::isnan(v) ? QString() : QString::number(v, 'g', 6); };
    auto mem = [](const std::optional<std::int64_t>& v) { return v ? QString::number(*v) : QString(); };
    if (format == TrialsFormat::Csv) {
        // trial_cpu (CPU rows, schema 6): each running trial's own CPU use, "trial:percent" joined by ';'.
        QByteArray out = "time,kind,device,name,utilization,memory_used_bytes,memory_total_bytes,power_w,temperature_c,trials,samples,"
                         "trial_cpu\n";
        for (const TelemetryRow& r : rows) {
            QStringList shares;
            for (const TrialShare& share : r.trialCpu)
                shares << QStringLiteral("%1:%2").arg(share.trial).arg(num(share.percent));
            const QStringList fields{isoTime(r.time), r.kind, QString::number(r.device), csvField(r.name), num(r.utilization),
                                     mem(r.memoryUsed), mem(r.memoryTotal), num(r.powerW), num(r.temperatureC),
                                     QString(r.trials).replace(QLatin1Char(','), QLatin1Char(';')), QString::number(r.samples),
                                     shares.join(QLatin1Char(';'))};
            out += fields.join(QLatin1Char(',')).toUtf8() + '\n';
        }
        return out;
    }
    auto jnum = [](double v) { return std::isnan(v) ? QJsonValue(QJsonValue::Null) : QJsonValue(v); };
    auto jmem = [](const std::optional<std::int64_t>& v) { return v ? QJsonValue(static_cast<qint64>(*v)) : QJsonValue(QJsonValue::Null); };
    QJsonArray samples;
    for (const TelemetryRow& r : rows) {
        QJsonArray trials;
        for (const QString& id : r.trials.split(QLatin1Char(','), Qt::SkipEmptyParts))
            trials.append(id.toLongLong());
        QJsonObject trialCpu; // trial id -> its own CPU use in % of the machine
        for (const TrialShare& share : r.trialCpu)
            trialCpu.insert(QString::number(share.trial), share.percent);
        samples.append(QJsonObject{{QStringLiteral("time"), isoTime(r.time)},
                                   {QStringLiteral("kind"), r.kind},
                                   {QStringLiteral("device"), r.device},
                                   {QStringLiteral("name"), r.name},
                                   {QStringLiteral("utilization"), jnum(r.utilization)},
                                   {QStringLiteral("memory_used_bytes"), jmem(r.memoryUsed)},
                                   {QStringLiteral("memory_total_bytes"), jmem(r.memoryTotal)},
                                   {QStringLiteral("power_w"), jnum(r.powerW)},
                                   {QStringLiteral("temperature_c"), jnum(r.temperatureC)},
                                   {QStringLiteral("trials"), trials},
                                   {QStringLiteral("samples"), r.samples},
                                   {QStringLiteral("trial_cpu"), trialCpu}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("experiment"), study.experiment().name}, {QStringLiteral("samples"), samples}})
               .toJson(QJsonDocument::Compact)
        + '\n';
}

} // namespace tb::engine
