#include "spec.h"

#include "errors.h"
#include "json.h"

#include "algorithms/pruner.h"
#include "algorithms/sampler.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>
#include <limits>

namespace tb::engine {

namespace {

using algorithms::Param;
using algorithms::ParamType;

QString describe(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::String: return QLatin1Char('"') + printable(v.toString()) + QLatin1Char('"');
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    default: return QStringLiteral("nothing");
    }
}

// Reads one JSON object, remembering its path for messages and rejecting unknown keys.
class Reader {
public:
    Reader(QJsonObject object, QString path, const QStringList& known) : m_object(std::move(object)), m_path(std::move(path))
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it)
            if (!known.contains(it.key()))
                fail(it.key(), QStringLiteral("unknown key; known keys: %1").arg(known.join(QStringLiteral(", "))));
    }

    QString at(const QString& key) const { return m_path.isEmpty() ? printable(key) : m_path + QLatin1Char('.') + printable(key); }
    [[noreturn]] void fail(const QString& key, const QString& what) const { throw SpecError(at(key) + QStringLiteral(": ") + what); }
    [[noreturn]] void expected(const QString& key, const QString& what) const
    {
        fail(key, QStringLiteral("expected %1, got %2").arg(what, describe(m_object.value(key))));
    }

    bool has(const QString& key) const { return m_object.contains(key); }
    QJsonValue value(const QString& key) const { return m_object.value(key); }

    QString string(const QString& key, const std::optional<QString>& fallback = std::nullopt) const
    {
        if (!has(key)) {
            if (fallback)
                return *fallback;
            fail(key, QStringLiteral("missing; it is required"));
        }
        const QJsonValue v = value(key);
        if (!v.isString() || v.toString().isEmpty())
            expected(key, QStringLiteral("a non-empty string"));
        return v.toString();
    }

    std::optional<double> number(const QString& key) const
    {
        if (!has(key))
            return std::nullopt;
        if (!value(key).isDouble())
            expected(key, QStringLiteral("a number"));
        return value(key).toDouble();
    }

    double requiredNumber(const QString& key) const
    {
        if (!has(key))
            fail(key, QStringLiteral("missing; it is required"));
        return *number(key);
    }

    std::optional<qint64> integer(const QString& key, qint64 min) const
    {
        if (!has(key))
            return std::nullopt;
        const QJsonValue v = value(key);
        const double d = v.toDouble();
        if (!v.isDouble() || std::floor(d) != d || d < static_cast<double>(min) || d > 9.0e15)
            expected(key, QStringLiteral("an integer >= %1").arg(min));
        return static_cast<qint64>(d);
    }

    bool boolean(const QString& key, bool fallback) const
    {
        if (!has(key))
            return fallback;
        if (!value(key).isBool())
            expected(key, QStringLiteral("true or false"));
        return value(key).toBool();
    }

    QJsonObject object(const QString& key) const
    {
        if (!value(key).isObject())
            expected(key, QStringLiteral("an object"));
        return value(key).toObject();
    }

    QJsonArray array(const QString& key) const
    {
        if (!value(key).isArray())
            expected(key, QStringLiteral("an array"));
        return value(key).toArray();
    }

private:
    QJsonObject m_object;
    QString m_path;
};

algorithms::Value scalar(const QJsonValue& v, const QString& at)
{
    auto value = valueFromJson(v);
    if (!value)
        throw SpecError(at + QStringLiteral(": expected a string, number or boolean, got ") + describe(v));
    return *value;
}

Param parseParam(const QJsonValue& json, int index)
{
    const QString at = QStringLiteral("space[%1]").arg(index);
    if (!json.isObject())
        throw SpecError(at + QStringLiteral(": expected an object, got ") + describe(json));
    const QJsonObject o = json.toObject();
    const QString type = o.value(QStringLiteral("type")).toString();

    QStringList known{QStringLiteral("name"), QStringLiteral("type"), QStringLiteral("when")};
    Param p;
    if (type == QLatin1String("float") || type == QLatin1String("int")) {
        known << QStringLiteral("low") << QStringLiteral("high") << QStringLiteral("log") << QStringLiteral("step");
        if (type == QLatin1String("float"))
            known << QStringLiteral("values");
        p.type = type == QLatin1String("float") ? ParamType::Float : ParamType::Int;
    } else if (type == QLatin1String("categorical")) {
        known << QStringLiteral("choices");
        p.type = ParamType::Categorical;
    } else if (type == QLatin1String("fixed")) {
        known << QStringLiteral("value");
        p.type = ParamType::Fixed;
    } else {
        throw SpecError(at + QStringLiteral(".type: expected one of float, int, categorical, fixed, got ")
                        + describe(o.value(QStringLiteral("type"))));
    }
    const Reader r(o, at, known);
    p.name = r.string(QStringLiteral("name")).toStdString();
    const QString named = at + QStringLiteral(" '") + printable(QString::fromStdString(p.name)) + QStringLiteral("'");

    switch (p.type) {
    case ParamType::Float:
    case ParamType::Int: {
        if (r.has(QStringLiteral("values"))) {
            const QJsonArray values = r.array(QStringLiteral("values"));
            if (values.isEmpty())
                r.fail(QStringLiteral("values"), QStringLiteral("give at least one value"));
            for (int i = 0; i < values.size(); ++i) {
                if (!values[i].isDouble())
                    throw SpecError(r.at(QStringLiteral("values[%1]").arg(i)) + QStringLiteral(": expected a number, got ")
                                    + describe(values[i]));
                p.gridValues.push_back(values[i].toDouble());
            }
        }
        const bool hasValues = !p.gridValues.empty();
        p.low = hasValues && !r.has(QStringLiteral("low")) ? *std::min_element(p.gridValues.begin(), p.gridValues.end())
                                                           : r.requiredNumber(QStringLiteral("low"));
        p.high = hasValues && !r.has(QStringLiteral("high")) ? *std::max_element(p.gridValues.begin(), p.gridValues.end())
                                                             : r.requiredNumber(QStringLiteral("high"));
        p.log = r.boolean(QStringLiteral("log"), false);
        p.step = r.number(QStringLiteral("step"));
        break;
    }
    case ParamType::Categorical: {
        const QJsonArray choices = r.array(QStringLiteral("choices"));
        for (int i = 0; i < choices.size(); ++i)
            p.choices.push_back(scalar(choices[i], r.at(QStringLiteral("choices[%1]").arg(i))));
        break;
    }
    case ParamType::Fixed:
        if (!r.has(QStringLiteral("value")))
            r.fail(QStringLiteral("value"), QStringLiteral("missing; a fixed parameter needs its value"));
        p.fixed = scalar(r.value(QStringLiteral("value")), r.at(QStringLiteral("value")));
        break;
    }

    if (r.has(QStringLiteral("when"))) {
        const QJsonObject when = r.object(QStringLiteral("when"));
        if (when.size() != 1)
            throw SpecError(named + QStringLiteral(": 'when' needs exactly one parent, like {\"optimizer\": [\"sgd\"]}"));
        algorithms::Condition c;
        c.parent = when.begin().key().toStdString();
        const QJsonValue values = when.begin().value();
        const QString whenAt = r.at(QStringLiteral("when.")) + printable(when.begin().key());
        if (values.isArray()) {
            const QJsonArray arr = values.toArray();
            for (int i = 0; i < arr.size(); ++i)
                c.values.push_back(scalar(arr[i], whenAt + QStringLiteral("[%1]").arg(i)));
        } else {
            c.values.push_back(scalar(values, whenAt));
        }
        p.when = std::move(c);
    }
    return p;
}

algorithms::Settings parseSettings(const Reader& r, const QString& key)
{
    algorithms::Settings given;
    if (!r.has(key))
        return given;
    const QJsonObject o = r.object(key);
    for (auto it = o.begin(); it != o.end(); ++it)
        given[it.key().toStdString()] = scalar(it.value(), r.at(key + QLatin1Char('.') + it.key()));
    return given;
}

// Checks `${...}` placeholders: each must name a parameter, trial.id or trial.dir. The
// text becomes one argument or environment value, so it cannot hold a NUL.
void checkPlaceholders(const QString& arg, const QString& at, const algorithms::SearchSpace& space)
{
    if (arg.contains(QChar(0)))
        throw SpecError(at + QStringLiteral(": contains a NUL character, which no program argument or environment value can carry"));
    static const QRegularExpression placeholder(QStringLiteral(R"(\$\{([^}]*)\})"));
    for (auto it = placeholder.globalMatch(arg); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (name == QLatin1String("trial.id") || name == QLatin1String("trial.dir") || name == QLatin1String("trial.rank"))
            continue;
        if (!space.indexOf(name.toStdString())) {
            QStringList names;
            for (const auto& p : space.params())
                names << QString::fromStdString(p.name);
            names << QStringLiteral("trial.id") << QStringLiteral("trial.dir") << QStringLiteral("trial.rank");
            throw SpecError(at + QStringLiteral(": unknown placeholder ${%1}; known: %2").arg(printable(name), names.join(QStringLiteral(", "))));
        }
    }
}

// algorithm or pruner {"name": "external", "command": [...], "workdir", "settings", "timeout_s"}.
ExternalSpec parseExternal(const Reader& r, const QString& baseDir)
{
    ExternalSpec e;
    if (!r.has(QStringLiteral("command")))
        r.fail(QStringLiteral("command"), QStringLiteral("missing; an external one needs its command as a list, like [\"python3\", \"my_sampler.py\"]"));
    const QJsonArray command = r.array(QStringLiteral("command"));
    if (command.isEmpty())
        r.fail(QStringLiteral("command"), QStringLiteral("is empty; give at least the program to run"));
    for (int i = 0; i < command.size(); ++i) {
        const QString at = r.at(QStringLiteral("command")) + QStringLiteral("[%1]: ").arg(i);
        if (!command[i].isString() || command[i].toString().isEmpty())
            throw SpecError(at + QStringLiteral("expected a non-empty string, got ") + describe(command[i]));
        if (command[i].toString().contains(QChar(0)))
            throw SpecError(at + QStringLiteral("contains a NUL character, which no program argument can carry"));
        e.command << command[i].toString();
    }
    const QDir base(baseDir.isEmpty() ? QDir::currentPath() : baseDir);
    e.workdir = QDir::cleanPath(base.absoluteFilePath(r.string(QStringLiteral("workdir"), QStringLiteral("."))));
    if (r.has(QStringLiteral("settings")))
        e.settings = r.object(QStringLiteral("settings"));
    if (auto t = r.number(QStringLiteral("timeout_s"))) {
        if (!(*t > 0 && *t <= 86400))
            r.expected(QStringLiteral("timeout_s"), QStringLiteral("seconds one answer may take, in (0, 86400]"));
        e.timeoutS = *t;
    }
    return e;
}

// trial.metrics: {"format": "katib" | "json_lines" | "regex", "patterns": [...]}.
MetricFormat parseMetricFormat(const Reader& r)
{
    MetricFormat f;
    const QString format = r.string(QStringLiteral("format"), QStringLiteral("katib"));
    if (format == QLatin1String("json_lines"))
        f.kind = MetricFormat::Kind::JsonLines;
    else if (format == QLatin1String("regex"))
        f.kind = MetricFormat::Kind::Regex;
    else if (format != QLatin1String("katib"))
        r.expected(QStringLiteral("format"), QStringLiteral("\"katib\", \"json_lines\" or \"regex\""));
    f.tensorboard = r.boolean(QStringLiteral("tensorboard"), false);
    if (f.kind != MetricFormat::Kind::Regex) {
        if (r.has(QStringLiteral("patterns")))
            r.fail(QStringLiteral("patterns"), QStringLiteral("only for \"format\": \"regex\""));
        return f;
    }
    if (!r.has(QStringLiteral("patterns")))
        r.fail(QStringLiteral("patterns"), QStringLiteral("missing; give regular expressions with named groups, like "
                                                           "[\"(?<name>\\\\w+): (?<value>[-+.\\\\deE]+)\"]"));
    const QJsonArray patterns = r.array(QStringLiteral("patterns"));
    if (patterns.isEmpty())
        r.fail(QStringLiteral("patterns"), QStringLiteral("is empty; give at least one pattern"));
    for (int i = 0; i < patterns.size(); ++i) {
        const QString at = r.at(QStringLiteral("patterns")) + QStringLiteral("[%1]").arg(i);
        if (!patterns[i].isString() || patterns[i].toString().isEmpty())
            throw SpecError(at + QStringLiteral(": expected a non-empty string, got ") + describe(patterns[i]));
        QRegularExpression re(patterns[i].toString());
        if (const QString problem = checkMetricPattern(re); !problem.isEmpty())
            throw SpecError(at + QStringLiteral(" \"%1\": %2").arg(printable(patterns[i].toString()), problem));
        re.optimize();
        f.patterns.push_back(std::move(re));
    }
    return f;
}

// The keys an algorithm or pruner object may have: the external ones only with "external".
QStringList algorithmKeys(const QJsonObject& o, QStringList known)
{
    if (o.value(QStringLiteral("name")).toString() == QLatin1String("external"))
        known << QStringLiteral("command") << QStringLiteral("workdir") << QStringLiteral("timeout_s");
    return known;
}

QJsonObject externalJson(QJsonObject stored, const ExternalSpec& e)
{
    stored.insert(QStringLiteral("workdir"), e.workdir);
    stored.insert(QStringLiteral("timeout_s"), e.timeoutS);
    stored.insert(QStringLiteral("settings"), e.settings);
    return stored;
}

} // namespace

ExperimentSpec parseSpec(const QJsonObject& root, const ParseOptions& options)
{
    ExperimentSpec spec;
    spec.json = root;
    const Reader r(root, QString(),
                   {QStringLiteral("name"), QStringLiteral("objective"), QStringLiteral("space"), QStringLiteral("algorithm"),
                    QStringLiteral("pruner"), QStringLiteral("budget"), QStringLiteral("resources"), QStringLiteral("trial"),
                    QStringLiteral("description"), QStringLiteral("executor")});
    spec.name = r.string(QStringLiteral("name"));
    if (std::any_of(spec.name.begin(), spec.name.end(), [](QChar c) { return c.category() == QChar::Other_Control; }))
        r.fail(QStringLiteral("name"), QStringLiteral("\"%1\" holds control characters; use printable text").arg(printable(spec.name)));
    if (r.has(QStringLiteral("description")))
        r.string(QStringLiteral("description"));

    if (!r.has(QStringLiteral("objective")))
        r.fail(QStringLiteral("objective"), QStringLiteral("missing; give {\"metric\": \"loss\", \"direction\": \"minimize\"}"));
    {
        const Reader o(r.object(QStringLiteral("objective")), QStringLiteral("objective"),
                       {QStringLiteral("metric"), QStringLiteral("direction"), QStringLiteral("use")});
        spec.objective.metric = o.string(QStringLiteral("metric"));
        const QString direction = o.string(QStringLiteral("direction"), QStringLiteral("minimize"));
        if (direction == QLatin1String("minimize"))
            spec.objective.direction = algorithms::Direction::Minimize;
        else if (direction == QLatin1String("maximize"))
            spec.objective.direction = algorithms::Direction::Maximize;
        else
            o.expected(QStringLiteral("direction"), QStringLiteral("\"minimize\" or \"maximize\""));
        const QString use = o.string(QStringLiteral("use"), QStringLiteral("last"));
        if (use == QLatin1String("last"))
            spec.objective.use = ObjectiveSpec::Use::Last;
        else if (use == QLatin1String("best"))
            spec.objective.use = ObjectiveSpec::Use::Best;
        else
            o.expected(QStringLiteral("use"), QStringLiteral("\"last\" or \"best\""));
    }

    if (!r.has(QStringLiteral("space")))
        r.fail(QStringLiteral("space"), QStringLiteral("missing; give a list of parameters"));
    const QJsonArray spaceJson = r.array(QStringLiteral("space"));
    if (spaceJson.isEmpty())
        r.fail(QStringLiteral("space"), QStringLiteral("is empty; give at least one parameter"));
    std::vector<Param> params;
    for (int i = 0; i < spaceJson.size(); ++i)
        params.push_back(parseParam(spaceJson[i], i));
    try {
        spec.space = algorithms::SearchSpace(std::move(params));
    } catch (const algorithms::SpaceError& e) {
        throw SpecError(QString::fromStdString(e.what()));
    }

    if (r.has(QStringLiteral("algorithm"))) {
        const QJsonObject o = r.object(QStringLiteral("algorithm"));
        const Reader a(o, QStringLiteral("algorithm"),
                       algorithmKeys(o, {QStringLiteral("name"), QStringLiteral("seed"), QStringLiteral("settings")}));
        spec.algorithm.name = a.string(QStringLiteral("name"), QStringLiteral("random"));
        if (auto seed = a.integer(QStringLiteral("seed"), 0))
            spec.algorithm.seed = static_cast<std::uint64_t>(*seed);
        else
            spec.algorithm.seed = QRandomGenerator::global()->bounded(1u << 30);
        if (spec.algorithm.name == QLatin1String("external"))
            spec.algorithm.external = parseExternal(a, options.baseDir);
        else
            spec.algorithm.settings = parseSettings(a, QStringLiteral("settings"));
    } else {
        spec.algorithm.seed = QRandomGenerator::global()->bounded(1u << 30);
    }
    const bool externalSampler = !spec.algorithm.external.command.isEmpty();
    const auto* sampler = externalSampler ? nullptr : algorithms::findSampler(spec.algorithm.name.toStdString());
    if (!sampler && !externalSampler) {
        QStringList names;
        for (const auto& info : algorithms::samplerRegistry())
            names << QString::fromStdString(info.name);
        names << QStringLiteral("external");
        throw SpecError(QStringLiteral("algorithm.name: unknown algorithm '%1'; known: %2")
                            .arg(spec.algorithm.name, names.join(QStringLiteral(", "))));
    }

    if (r.has(QStringLiteral("pruner"))) {
        const QJsonObject o = r.object(QStringLiteral("pruner"));
        const Reader p(o, QStringLiteral("pruner"), algorithmKeys(o, {QStringLiteral("name"), QStringLiteral("settings")}));
        spec.pruner.name = p.string(QStringLiteral("name"), QStringLiteral("none"));
        if (spec.pruner.name == QLatin1String("external"))
            spec.pruner.external = parseExternal(p, options.baseDir);
        else
            spec.pruner.settings = parseSettings(p, QStringLiteral("settings"));
    }
    const bool externalPruner = !spec.pruner.external.command.isEmpty();
    const auto* pruner = externalPruner ? nullptr : algorithms::findPruner(spec.pruner.name.toStdString());
    if (!pruner && !externalPruner) {
        QStringList names;
        for (const auto& info : algorithms::prunerRegistry())
            names << QString::fromStdString(info.name);
        names << QStringLiteral("external");
        throw SpecError(QStringLiteral("pruner.name: unknown pruner '%1'; known: %2")
                            .arg(spec.pruner.name, names.join(QStringLiteral(", "))));
    }
    try {
        if (sampler) {
            spec.algorithm.settings = algorithms::resolveSettings(sampler->settings, spec.algorithm.settings, "algorithm.settings");
            sampler->create(spec.space, spec.algorithm.seed, spec.algorithm.settings); // grid checks its axes here
        }
        if (pruner) {
            spec.pruner.settings = algorithms::resolveSettings(pruner->settings, spec.pruner.settings, "pruner.settings");
            pruner->create(spec.pruner.settings); // hyperband checks its range
        }
    } catch (const algorithms::SpaceError& e) {
        throw SpecError(QString::fromStdString(e.what()));
    }

    if (r.has(QStringLiteral("budget"))) {
        const Reader b(r.object(QStringLiteral("budget")), QStringLiteral("budget"),
                       {QStringLiteral("max_trials"), QStringLiteral("max_failed"), QStringLiteral("max_seconds")});
        spec.budget.maxTrials = b.integer(QStringLiteral("max_trials"), 1);
        spec.budget.maxFailed = b.integer(QStringLiteral("max_failed"), 0);
        spec.budget.maxSeconds = b.number(QStringLiteral("max_seconds"));
        if (spec.budget.maxSeconds && !(*spec.budget.maxSeconds > 0))
            b.expected(QStringLiteral("max_seconds"), QStringLiteral("a positive number of seconds"));
    }

    if (r.has(QStringLiteral("resources"))) {
        const Reader res(r.object(QStringLiteral("resources")), QStringLiteral("resources"),
                         {QStringLiteral("parallel_trials"), QStringLiteral("telemetry_hz"), QStringLiteral("gpus"),
                          QStringLiteral("gpus_per_trial"), QStringLiteral("gpus_per_worker"), QStringLiteral("trials_per_gpu"),
                          QStringLiteral("min_free_memory_mb"), QStringLiteral("skip_busy_gpus"), QStringLiteral("priority")});
        ResourcesSpec& rs = spec.resources;
        if (auto n = res.integer(QStringLiteral("parallel_trials"), 1)) {
            if (*n > 1024)
                res.fail(QStringLiteral("parallel_trials"), QStringLiteral("at most 1024"));
            rs.parallelTrials = static_cast<int>(*n);
            rs.parallelTrialsGiven = true;
        }
        if (auto hz = res.number(QStringLiteral("telemetry_hz"))) {
            if (!(*hz > 0 && *hz <= 20))
                res.expected(QStringLiteral("telemetry_hz"), QStringLiteral("a number of samples per second in (0, 20]"));
            rs.telemetryHz = *hz;
        }
        if (res.has(QStringLiteral("gpus"))) {
            const QJsonValue g = res.value(QStringLiteral("gpus"));
            rs.gpusGiven = true;
            if (g.isString() && g.toString() == QLatin1String("all")) {
                rs.allGpus = true;
            } else if (g.isArray() && !g.toArray().isEmpty()) {
                const QJsonArray list = g.toArray();
                for (int i = 0; i < list.size(); ++i) {
                    const QString at = res.at(QStringLiteral("gpus[%1]").arg(i));
                    const double d = list[i].toDouble(-1);
                    if (!list[i].isDouble() || std::floor(d) != d || d < 0 || d > 1023)
                        throw SpecError(at + QStringLiteral(": expected a GPU index (an integer 0..1023), got ") + describe(list[i]));
                    if (std::find(rs.gpus.begin(), rs.gpus.end(), static_cast<int>(d)) != rs.gpus.end())
                        throw SpecError(at + QStringLiteral(": GPU %1 is listed twice").arg(static_cast<int>(d)));
                    rs.gpus.push_back(static_cast<int>(d));
                }
            } else {
                res.expected(QStringLiteral("gpus"), QStringLiteral("\"all\" or a non-empty list of GPU indices like [0, 1]"));
            }
        }
        if (auto n = res.integer(QStringLiteral("gpus_per_trial"), 0)) {
            if (*n > 64)
                res.fail(QStringLiteral("gpus_per_trial"), QStringLiteral("at most 64"));
            if (!rs.allGpus && rs.gpusGiven && *n > static_cast<qint64>(rs.gpus.size()))
                res.fail(QStringLiteral("gpus_per_trial"), QStringLiteral("%1 GPUs per trial, but resources.gpus lists only %2")
                                                               .arg(*n)
                                                               .arg(rs.gpus.size()));
            rs.gpusPerTrial = static_cast<int>(*n);
        }
        if (auto n = res.integer(QStringLiteral("trials_per_gpu"), 1)) {
            if (*n > 64)
                res.fail(QStringLiteral("trials_per_gpu"), QStringLiteral("at most 64"));
            rs.trialsPerGpu = static_cast<int>(*n);
        }
        if (auto n = res.integer(QStringLiteral("gpus_per_worker"), 0)) {
            if (*n > 64)
                res.fail(QStringLiteral("gpus_per_worker"), QStringLiteral("at most 64"));
            rs.gpusPerWorker = static_cast<int>(*n);
        }
        rs.minFreeMemoryMb = res.integer(QStringLiteral("min_free_memory_mb"), 0).value_or(0);
        rs.skipBusyGpus = res.boolean(QStringLiteral("skip_busy_gpus"), false);
        if (res.has(QStringLiteral("priority"))) {
            const QJsonValue p = res.value(QStringLiteral("priority"));
            const double d = p.toDouble();
            if (!p.isDouble() || std::floor(d) != d || d < -1000 || d > 1000)
                res.expected(QStringLiteral("priority"), QStringLiteral("an integer from -1000 to 1000 (higher goes first)"));
            rs.priority = static_cast<int>(d);
        }
        if (!rs.managesGpus()) {
            // GPU settings without GPUs would be silently ignored: say so instead.
            for (const char* key : {"trials_per_gpu", "min_free_memory_mb", "skip_busy_gpus", "priority"})
                if (res.has(QLatin1String(key)))
                    res.fail(QLatin1String(key), QStringLiteral("only applies with resources.gpus (\"all\" or a list) or gpus_per_trial >= 1"));
        }
    }

    // Every setting is stored with its value, defaults included, so that an experiment
    // resumed by a later version whose defaults differ goes on with the ones it started with.
    const auto settingsJson = [](const algorithms::Settings& settings) {
        QJsonObject o;
        for (const auto& [name, value] : settings)
            o.insert(QString::fromStdString(name), toJson(value));
        return o;
    };
    QJsonObject stored = root;
    QJsonObject algorithmJson = root.value(QStringLiteral("algorithm")).toObject();
    algorithmJson.insert(QStringLiteral("name"), spec.algorithm.name);
    algorithmJson.insert(QStringLiteral("seed"), static_cast<qint64>(spec.algorithm.seed));
    if (!spec.algorithm.settings.empty())
        algorithmJson.insert(QStringLiteral("settings"), settingsJson(spec.algorithm.settings));
    if (externalSampler)
        algorithmJson = externalJson(algorithmJson, spec.algorithm.external);
    stored.insert(QStringLiteral("algorithm"), algorithmJson);
    if (!spec.pruner.settings.empty() || r.has(QStringLiteral("pruner"))) {
        QJsonObject prunerJson = root.value(QStringLiteral("pruner")).toObject();
        prunerJson.insert(QStringLiteral("name"), spec.pruner.name);
        if (!spec.pruner.settings.empty())
            prunerJson.insert(QStringLiteral("settings"), settingsJson(spec.pruner.settings));
        if (externalPruner)
            prunerJson = externalJson(prunerJson, spec.pruner.external);
        stored.insert(QStringLiteral("pruner"), prunerJson);
    }

    if (r.has(QStringLiteral("trial"))) {
        const Reader t(r.object(QStringLiteral("trial")), QStringLiteral("trial"),
                       {QStringLiteral("argv"), QStringLiteral("workdir"), QStringLiteral("env"), QStringLiteral("timeout_s"),
                        QStringLiteral("retries"), QStringLiteral("max_metric_rows"), QStringLiteral("max_log_mb"),
                        QStringLiteral("workers"), QStringLiteral("metrics_rank"), QStringLiteral("metrics")});
        TrialSpec trial;
        if (!t.has(QStringLiteral("argv")))
            t.fail(QStringLiteral("argv"), QStringLiteral("missing; give the command as a list, like [\"python3\", \"train.py\", \"--lr=${lr}\"]"));
        const QJsonArray argv = t.array(QStringLiteral("argv"));
        if (argv.isEmpty())
            t.fail(QStringLiteral("argv"), QStringLiteral("is empty; give at least the program to run"));
        for (int i = 0; i < argv.size(); ++i) {
            const QString at = QStringLiteral("trial.argv[%1]").arg(i);
            if (!argv[i].isString())
                throw SpecError(at + QStringLiteral(": expected a string, got ") + describe(argv[i]));
            checkPlaceholders(argv[i].toString(), at, spec.space);
            trial.argv << argv[i].toString();
        }
        if (trial.argv.first().isEmpty())
            throw SpecError(QStringLiteral("trial.argv[0]: the program name is empty"));
        const QString base = options.baseDir.isEmpty() ? QDir::currentPath() : options.baseDir;
        trial.workdir = QDir(base).absoluteFilePath(t.string(QStringLiteral("workdir"), QStringLiteral(".")));
        trial.workdir = QDir::cleanPath(trial.workdir);
        if (t.has(QStringLiteral("env"))) {
            const QJsonObject env = t.object(QStringLiteral("env"));
            for (auto it = env.begin(); it != env.end(); ++it) {
                const QString at = QStringLiteral("trial.env.") + printable(it.key());
                if (it.key().isEmpty() || it.key().contains(QLatin1Char('=')) || it.key().contains(QChar(0)))
                    throw SpecError(at + QStringLiteral(": not a valid variable name (it must be non-empty, without '=' or NUL)"));
                if (!it.value().isString())
                    throw SpecError(at + QStringLiteral(": expected a string, got %1").arg(describe(it.value())));
                checkPlaceholders(it.value().toString(), at, spec.space);
                trial.env.insert(it.key(), it.value().toString());
            }
        }
        trial.timeoutS = t.number(QStringLiteral("timeout_s"));
        if (trial.timeoutS && !(*trial.timeoutS > 0))
            t.expected(QStringLiteral("timeout_s"), QStringLiteral("a positive number of seconds"));
        trial.retries = static_cast<int>(t.integer(QStringLiteral("retries"), 0).value_or(0));
        trial.maxMetricRows = t.integer(QStringLiteral("max_metric_rows"), 1).value_or(trial.maxMetricRows);
        if (auto n = t.integer(QStringLiteral("workers"), 1)) {
            if (*n > 1024)
                t.fail(QStringLiteral("workers"), QStringLiteral("at most 1024"));
            trial.workers = static_cast<int>(*n);
        }
        if (auto r = t.integer(QStringLiteral("metrics_rank"), 0)) {
            if (*r >= trial.workers)
                t.fail(QStringLiteral("metrics_rank"), QStringLiteral("rank %1, but trial.workers is %2 (ranks 0..%3)").arg(*r).arg(trial.workers).arg(trial.workers - 1));
            trial.metricsRank = static_cast<int>(*r);
        }
        if (trial.workers > 1 && spec.resources.gpusPerTrial)
            throw SpecError(QStringLiteral("resources.gpus_per_trial: with trial.workers > 1 give resources.gpus_per_worker instead "
                                           "(a trial gets workers x gpus_per_worker GPUs)"));
        if (trial.workers == 1 && spec.resources.gpusPerWorker)
            throw SpecError(QStringLiteral("resources.gpus_per_worker: only applies with trial.workers > 1; use gpus_per_trial"));
        if (t.has(QStringLiteral("metrics")))
            trial.metrics = parseMetricFormat(Reader(t.object(QStringLiteral("metrics")), QStringLiteral("trial.metrics"),
                                                     {QStringLiteral("format"), QStringLiteral("patterns"), QStringLiteral("tensorboard")}));
        if (const auto mb = t.integer(QStringLiteral("max_log_mb"), 1)) {
            if (*mb > (qint64(1) << 30))
                t.fail(QStringLiteral("max_log_mb"), QStringLiteral("at most 1073741824"));
            trial.maxLogBytes = *mb << 20;
        }
        QJsonObject trialJson = root.value(QStringLiteral("trial")).toObject();
        trialJson.insert(QStringLiteral("workdir"), trial.workdir);
        stored.insert(QStringLiteral("trial"), trialJson);
        spec.trial = std::move(trial);
    } else if (options.requireTrial) {
        r.fail(QStringLiteral("trial"), QStringLiteral("missing; give {\"argv\": [...]} (only `tunebench-cli create` experiments, driven by ask/tell, may omit it)"));
    }
    if (r.has(QStringLiteral("executor"))) {
        const Reader e(r.object(QStringLiteral("executor")), QStringLiteral("executor"),
                       {QStringLiteral("type"), QStringLiteral("partition"), QStringLiteral("account"), QStringLiteral("time_limit"),
                        QStringLiteral("sbatch_args")});
        ExecutorSpec& x = spec.executor;
        const QString type = e.string(QStringLiteral("type"), QStringLiteral("local"));
        if (type == QLatin1String("slurm"))
            x.type = ExecutorSpec::Type::Slurm;
        else if (type != QLatin1String("local"))
            e.expected(QStringLiteral("type"), QStringLiteral("\"local\" or \"slurm\""));
        if (x.type == ExecutorSpec::Type::Local)
            for (const char* key : {"partition", "account", "time_limit", "sbatch_args"})
                if (e.has(QLatin1String(key)))
                    e.fail(QLatin1String(key), QStringLiteral("only applies with \"type\": \"slurm\""));
        x.partition = e.string(QStringLiteral("partition"), QString());
        x.account = e.string(QStringLiteral("account"), QString());
        x.timeLimit = e.string(QStringLiteral("time_limit"), QString());
        static const QRegularExpression time(QStringLiteral(R"(^(\d+-)?\d{1,2}:\d{2}:\d{2}$)"));
        if (!x.timeLimit.isEmpty() && !time.match(x.timeLimit).hasMatch())
            e.expected(QStringLiteral("time_limit"), QStringLiteral("\"HH:MM:SS\" or \"D-HH:MM:SS\""));
        if (e.has(QStringLiteral("sbatch_args"))) {
            const QJsonArray args = e.array(QStringLiteral("sbatch_args"));
            for (int i = 0; i < args.size(); ++i) {
                const QString at = e.at(QStringLiteral("sbatch_args[%1]").arg(i));
                if (!args[i].isString() || args[i].toString().contains(QChar(0)))
                    throw SpecError(at + QStringLiteral(": expected a string without NUL, got ") + describe(args[i]));
                static const QRegularExpression owned(QStringLiteral("^(--?)(o|e|J|output|error|job-name|parsable|hold|wrap)(=|$)"));
                if (owned.match(args[i].toString()).hasMatch())
                    throw SpecError(at + QStringLiteral(": %1 is set by Tunebench (output files, job name); remove it").arg(printable(args[i].toString())));
                x.sbatchArgs << args[i].toString();
            }
        }
    }
    spec.json = stored;
    return spec;
}

ExperimentSpec parseSpec(const QByteArray& json, const ParseOptions& options)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        const int line = static_cast<int>(json.left(error.offset).count('\n')) + 1;
        throw SpecError(QStringLiteral("line %1: invalid JSON: %2").arg(line).arg(error.errorString()));
    }
    if (!doc.isObject())
        throw SpecError(QStringLiteral("the spec must be a JSON object"));
    return parseSpec(doc.object(), options);
}

ExperimentSpec loadSpecFile(const QString& path, const ParseOptions& options)
{
    // "-": the spec from stdin, its relative paths taken from the current folder.
    const bool stdinSpec = path == QLatin1String("-");
    const QString shown = stdinSpec ? QStringLiteral("<stdin>") : path;
    QFile file;
    const bool opened = stdinSpec ? file.open(stdin, QIODevice::ReadOnly) : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened)
        throw SpecError(shown + QStringLiteral(": cannot read: ") + file.errorString());
    ParseOptions withBase = options;
    if (withBase.baseDir.isEmpty())
        withBase.baseDir = stdinSpec ? QDir::currentPath() : QFileInfo(path).absolutePath();
    try {
        return parseSpec(file.readAll(), withBase);
    } catch (const SpecError& e) {
        throw SpecError(shown + QStringLiteral(": ") + QString::fromStdString(e.what()));
    }
}

} // namespace tb::engine
