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
using Keys = QList<key::Name>;

// The keys of each object, in the order an unknown key's message lists them (parameters:
// paramKeys(); algorithm and pruner: algorithmKeys()).
const Keys kRootKeys{key::name, key::objective, key::objectives, key::constraints, key::space, key::algorithm, key::pruner, key::budget, key::resources,
                     key::trial, key::description, key::executor};
const Keys kObjectiveKeys{key::metric, key::direction, key::use, key::reference};
const Keys kConstraintKeys{key::metric, key::min, key::max};
const Keys kBudgetKeys{key::maxTrials, key::maxFailed, key::maxSeconds};
const Keys kResourcesKeys{key::parallelTrials, key::telemetryHz, key::gpus, key::gpusPerTrial, key::gpusPerWorker,
                          key::trialsPerGpu, key::minFreeMemoryMb, key::skipBusyGpus, key::priority};
const Keys kTrialKeys{key::argv, key::workdir, key::env, key::timeoutS, key::retries, key::maxMetricRows,
                      key::maxLogMb, key::workers, key::metricsRank, key::metrics};
const Keys kMetricsKeys{key::format, key::patterns, key::tensorboard};
const Keys kExecutorKeys{key::type, key::partition, key::account, key::timeLimit, key::sbatchArgs};
// Keys that mean something only with GPUs, and only with Slurm.
const Keys kGpuOnlyKeys{key::trialsPerGpu, key::minFreeMemoryMb, key::skipBusyGpus, key::priority};
const Keys kSlurmOnlyKeys{key::partition, key::account, key::timeLimit, key::sbatchArgs};

QString joined(const Keys& keys, const QString& separator)
{
    QStringList names;
    for (key::Name k : keys)
        names << k;
    return names.join(separator);
}

// "\"a\", \"b\" or \"c\"": the words a key takes, as its message lists them.
QString alternatives(const Keys& words)
{
    QStringList quoted;
    for (key::Name w : words)
        quoted << QLatin1Char('"') + QString(w) + QLatin1Char('"');
    const QString last = quoted.takeLast();
    return quoted.isEmpty() ? last : quoted.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

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

// Most messages are "<path>: <what is wrong and the fix>".
[[noreturn]] void fail(const SpecPath& at, const QString& what)
{
    throw SpecError(at.text() + QStringLiteral(": ") + what, at);
}

// An error of one parameter (SearchSpace's checks, the grid's axes) marks that parameter's
// row; any other message is about `section`.
SpecError specError(const algorithms::SpaceError& e, SpecPath section)
{
    const QString message = QString::fromStdString(e.what());
    if (const auto param = e.param())
        return SpecError(message, SpecPath{key::space, static_cast<int>(*param)});
    return SpecError(message, std::move(section));
}

// Reads one JSON object, remembering its path for messages and rejecting unknown keys.
class Reader {
public:
    Reader(QJsonObject object, SpecPath path, const Keys& known) : m_object(std::move(object)), m_path(std::move(path))
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it)
            if (!known.contains(it.key()))
                fail(it.key(), QStringLiteral("unknown key; known keys: %1").arg(joined(known, QStringLiteral(", "))));
    }

    SpecPath at(const QString& key) const { return m_path / key; }
    [[noreturn]] void fail(const QString& key, const QString& what) const { engine::fail(at(key), what); }
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

    // One of `words` (the first when the key is missing).
    QString word(const QString& key, const Keys& words) const
    {
        const QString given = string(key, QString(words.first()));
        if (!words.contains(given))
            expected(key, alternatives(words));
        return given;
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

    std::optional<qint64> integer(const QString& key, IntRange range) const
    {
        if (!has(key))
            return std::nullopt;
        const QJsonValue v = value(key);
        const double d = v.toDouble();
        if (!v.isDouble() || std::floor(d) != d || d < static_cast<double>(range.min) || d > static_cast<double>(kMaxInteger))
            expected(key, QStringLiteral("an integer >= %1").arg(range.min));
        if (d > static_cast<double>(range.max))
            fail(key, QStringLiteral("at most %1").arg(range.max));
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
    SpecPath m_path;
};

algorithms::Value scalar(const QJsonValue& v, const SpecPath& at)
{
    auto value = valueFromJson(v);
    if (!value)
        fail(at, QStringLiteral("expected a string, number or boolean, got ") + describe(v));
    return *value;
}

Param parseParam(const QJsonValue& json, int index)
{
    const SpecPath at{key::space, index};
    if (!json.isObject())
        fail(at, QStringLiteral("expected an object, got ") + describe(json));
    const QJsonObject o = json.toObject();
    const auto type = paramTypeNamed(o.value(key::type).toString());
    if (!type) {
        QStringList names;
        for (ParamType t : kParamTypes)
            names << QLatin1StringView(algorithms::paramTypeName(t));
        fail(at / key::type, QStringLiteral("expected one of %1, got %2").arg(names.join(QStringLiteral(", ")), describe(o.value(key::type))));
    }
    const Reader r(o, at, paramKeys(*type));
    Param p;
    p.type = *type;
    p.name = r.string(key::name).toStdString();
    const QString named = at.text() + QStringLiteral(" '") + printable(QString::fromStdString(p.name)) + QStringLiteral("'");

    switch (p.type) {
    case ParamType::Float:
    case ParamType::Int: {
        if (r.has(key::values)) {
            const QJsonArray values = r.array(key::values);
            if (values.isEmpty())
                r.fail(key::values, QStringLiteral("give at least one value"));
            for (int i = 0; i < values.size(); ++i) {
                if (!values[i].isDouble())
                    fail(r.at(key::values) / i, QStringLiteral("expected a number, got ") + describe(values[i]));
                p.gridValues.push_back(values[i].toDouble());
            }
        }
        const bool hasValues = !p.gridValues.empty();
        p.low = hasValues && !r.has(key::low) ? *std::min_element(p.gridValues.begin(), p.gridValues.end())
                                              : r.requiredNumber(key::low);
        p.high = hasValues && !r.has(key::high) ? *std::max_element(p.gridValues.begin(), p.gridValues.end())
                                                : r.requiredNumber(key::high);
        p.log = r.boolean(key::log, false);
        p.step = r.number(key::step);
        break;
    }
    case ParamType::Categorical: {
        const QJsonArray choices = r.array(key::choices);
        for (int i = 0; i < choices.size(); ++i)
            p.choices.push_back(scalar(choices[i], r.at(key::choices) / i));
        break;
    }
    case ParamType::Fixed:
        if (!r.has(key::value))
            r.fail(key::value, QStringLiteral("missing; a fixed parameter needs its value"));
        p.fixed = scalar(r.value(key::value), r.at(key::value));
        break;
    }

    if (r.has(key::when)) {
        const QJsonObject when = r.object(key::when);
        if (when.size() != 1)
            throw SpecError(named + QStringLiteral(": 'when' needs exactly one parent, like {\"optimizer\": [\"sgd\"]}"), r.at(key::when));
        algorithms::Condition c;
        c.parent = when.begin().key().toStdString();
        const QJsonValue values = when.begin().value();
        const SpecPath whenAt = r.at(key::when) / when.begin().key();
        if (values.isArray()) {
            const QJsonArray arr = values.toArray();
            for (int i = 0; i < arr.size(); ++i)
                c.values.push_back(scalar(arr[i], whenAt / i));
        } else {
            c.values.push_back(scalar(values, whenAt));
        }
        p.when = std::move(c);
    }
    return p;
}

algorithms::Settings parseSettings(const Reader& r)
{
    algorithms::Settings given;
    if (!r.has(key::settings))
        return given;
    const QJsonObject o = r.object(key::settings);
    for (auto it = o.begin(); it != o.end(); ++it)
        given[it.key().toStdString()] = scalar(it.value(), r.at(key::settings) / it.key());
    return given;
}

// Checks `${...}` placeholders: each must name a parameter or be one of kTrialPlaceholders.
// The text becomes one argument or environment value, so it cannot hold a NUL.
void checkPlaceholders(const QString& arg, const SpecPath& at, const algorithms::SearchSpace& space)
{
    if (arg.contains(QChar(0)))
        fail(at, QStringLiteral("contains a NUL character, which no program argument or environment value can carry"));
    static const QRegularExpression placeholder(QStringLiteral(R"(\$\{([^}]*)\})"));
    for (auto it = placeholder.globalMatch(arg); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (std::find(kTrialPlaceholders.begin(), kTrialPlaceholders.end(), name) != kTrialPlaceholders.end())
            continue;
        if (!space.indexOf(name.toStdString())) {
            QStringList names;
            for (const auto& p : space.params())
                names << QString::fromStdString(p.name);
            for (key::Name trialName : kTrialPlaceholders)
                names << trialName;
            fail(at, QStringLiteral("unknown placeholder ${%1}; known: %2").arg(printable(name), names.join(QStringLiteral(", "))));
        }
    }
}

// The list a program starts from (trial.argv, an external one's command): given, and not empty.
QJsonArray commandList(const Reader& r, key::Name list, const QString& missing)
{
    if (!r.has(list))
        r.fail(list, missing);
    const QJsonArray command = r.array(list);
    if (command.isEmpty())
        r.fail(list, QStringLiteral("is empty; give at least the program to run"));
    return command;
}

// algorithm or pruner {"name": "external", "command": [...], "workdir", "settings", "timeout_s"}.
ExternalSpec parseExternal(const Reader& r, const QString& baseDir)
{
    ExternalSpec e;
    const QJsonArray command = commandList(
        r, key::command, QStringLiteral("missing; an external one needs its command as a list, like [\"python3\", \"my_sampler.py\"]"));
    for (int i = 0; i < command.size(); ++i) {
        const SpecPath at = r.at(key::command) / i;
        if (!command[i].isString() || command[i].toString().isEmpty())
            fail(at, QStringLiteral("expected a non-empty string, got ") + describe(command[i]));
        if (command[i].toString().contains(QChar(0)))
            fail(at, QStringLiteral("contains a NUL character, which no program argument can carry"));
        e.command << command[i].toString();
    }
    const QDir base(baseDir.isEmpty() ? QDir::currentPath() : baseDir);
    e.workdir = QDir::cleanPath(base.absoluteFilePath(r.string(key::workdir, QStringLiteral("."))));
    if (r.has(key::settings))
        e.settings = r.object(key::settings);
    if (auto t = r.number(key::timeoutS)) {
        if (!(*t > 0 && *t <= 86400))
            r.expected(key::timeoutS, QStringLiteral("seconds one answer may take, in (0, 86400]"));
        e.timeoutS = *t;
    }
    return e;
}

// trial.metrics: {"format": "katib" | "json_lines" | "regex", "patterns": [...]}.
MetricFormat parseMetricFormat(const Reader& r)
{
    MetricFormat f;
    const QString format = r.word(key::format, {choice::katib, choice::jsonLines, choice::regex});
    if (format == choice::jsonLines)
        f.kind = MetricFormat::Kind::JsonLines;
    else if (format == choice::regex)
        f.kind = MetricFormat::Kind::Regex;
    f.tensorboard = r.boolean(key::tensorboard, false);
    if (f.kind != MetricFormat::Kind::Regex) {
        if (r.has(key::patterns))
            r.fail(key::patterns, QStringLiteral("only for \"format\": \"regex\""));
        return f;
    }
    if (!r.has(key::patterns))
        r.fail(key::patterns, QStringLiteral("missing; give regular expressions with named groups, like "
                                             "[\"(?<name>\\\\w+): (?<value>[-+.\\\\deE]+)\"]"));
    const QJsonArray patterns = r.array(key::patterns);
    if (patterns.isEmpty())
        r.fail(key::patterns, QStringLiteral("is empty; give at least one pattern"));
    for (int i = 0; i < patterns.size(); ++i) {
        const SpecPath at = r.at(key::patterns) / i;
        if (!patterns[i].isString() || patterns[i].toString().isEmpty())
            fail(at, QStringLiteral("expected a non-empty string, got ") + describe(patterns[i]));
        QRegularExpression re(patterns[i].toString());
        if (const QString problem = checkMetricPattern(re); !problem.isEmpty())
            throw SpecError(at.text() + QStringLiteral(" \"%1\": %2").arg(printable(patterns[i].toString()), problem), at);
        re.optimize();
        f.patterns.push_back(std::move(re));
    }
    return f;
}

// The keys an algorithm or pruner object may have: the external ones only with "external".
Keys algorithmKeys(const QJsonObject& o, Keys known)
{
    if (o.value(key::name).toString() == choice::external)
        known << key::command << key::workdir << key::timeoutS;
    return known;
}

QJsonObject externalJson(QJsonObject stored, const ExternalSpec& e)
{
    stored.insert(key::workdir, e.workdir);
    stored.insert(key::timeoutS, e.timeoutS);
    stored.insert(key::settings, e.settings);
    return stored;
}

// "unknown algorithm 'x'; known: random, ..., external": the registry's names and external.
template <typename Registry>
[[noreturn]] void unknownName(const SpecPath& at, const char* what, const QString& name, const Registry& registry)
{
    QStringList names;
    for (const auto& info : registry)
        names << QString::fromStdString(info.name);
    names << choice::external;
    fail(at, QStringLiteral("unknown %1 '%2'; known: %3").arg(QLatin1StringView(what), name, names.join(QStringLiteral(", "))));
}

ObjectiveSpec parseOneObjective(const Reader& o)
{
    ObjectiveSpec objective;
    objective.metric = o.string(key::metric);
    objective.direction = o.word(key::direction, {choice::minimize, choice::maximize}) == choice::maximize
                              ? algorithms::Direction::Maximize
                              : algorithms::Direction::Minimize;
    objective.use = o.word(key::use, {choice::last, choice::best}) == choice::best ? ObjectiveSpec::Use::Best
                                                                                    : ObjectiveSpec::Use::Last;
    objective.reference = o.number(key::reference);
    if (objective.reference && !std::isfinite(*objective.reference))
        o.expected(key::reference, QStringLiteral("a finite number"));
    return objective;
}

// "objective": {...} or "objectives": [{...}, ...], not both.
void parseObjectives(const Reader& r, ExperimentSpec& spec)
{
    if (r.has(key::objective) && r.has(key::objectives))
        r.fail(key::objectives, QStringLiteral("give either \"objective\" (one) or \"objectives\" (a list), not both"));
    if (r.has(key::objective)) {
        spec.objectives = {parseOneObjective(Reader(r.object(key::objective), r.at(key::objective), kObjectiveKeys))};
    } else if (r.has(key::objectives)) {
        const QJsonArray list = r.array(key::objectives);
        if (list.isEmpty() || list.size() > kMaxObjectives)
            r.fail(key::objectives, QStringLiteral("expected 1 to %1 objectives, got %2").arg(kMaxObjectives).arg(list.size()));
        for (int i = 0; i < list.size(); ++i) {
            const SpecPath at = r.at(key::objectives) / i;
            if (!list[i].isObject())
                fail(at, QStringLiteral("expected an object like {\"metric\": \"loss\", \"direction\": \"minimize\"}, got ")
                             + describe(list[i]));
            spec.objectives.push_back(parseOneObjective(Reader(list[i].toObject(), at, kObjectiveKeys)));
            for (int j = 0; j < i; ++j)
                if (spec.objectives[j].metric == spec.objectives.back().metric)
                    fail(at / QString(key::metric), QStringLiteral("\"%1\" is objective %2's metric already; each objective needs a metric of its own")
                                                        .arg(printable(spec.objectives.back().metric)).arg(j + 1));
        }
    } else {
        r.fail(key::objective, QStringLiteral("missing; give {\"metric\": \"loss\", \"direction\": \"minimize\"}, or \"objectives\": [...] for several"));
    }
    // A reference point has a coordinate for every objective, or none is given.
    const auto given = std::count_if(spec.objectives.begin(), spec.objectives.end(), [](const ObjectiveSpec& o) { return o.reference.has_value(); });
    if (given > 0 && given < static_cast<qsizetype>(spec.objectives.size())) {
        const auto without = std::find_if(spec.objectives.begin(), spec.objectives.end(), [](const ObjectiveSpec& o) { return !o.reference; });
        fail(r.at(key::objectives) / static_cast<int>(without - spec.objectives.begin()),
             QStringLiteral("no \"reference\", while another objective has one; the reference point needs one value per objective, or none "
                            "(then it is derived from the trials)"));
    }
    spec.objective = spec.objectives.front();
}

void parseConstraints(const Reader& r, ExperimentSpec& spec)
{
    if (!r.has(key::constraints))
        return;
    const QJsonArray list = r.array(key::constraints);
    for (int i = 0; i < list.size(); ++i) {
        const SpecPath at = r.at(key::constraints) / i;
        if (!list[i].isObject())
            fail(at, QStringLiteral("expected an object like {\"metric\": \"peak_mem_gb\", \"max\": 10}, got ") + describe(list[i]));
        const Reader c(list[i].toObject(), at, kConstraintKeys);
        ConstraintSpec constraint;
        constraint.metric = c.string(key::metric);
        constraint.min = c.number(key::min);
        constraint.max = c.number(key::max);
        if (!constraint.min && !constraint.max)
            fail(at, QStringLiteral("give \"min\", \"max\" or both: the bounds the metric must keep"));
        if (constraint.min && !std::isfinite(*constraint.min))
            c.expected(key::min, QStringLiteral("a finite number"));
        if (constraint.max && !std::isfinite(*constraint.max))
            c.expected(key::max, QStringLiteral("a finite number"));
        if (constraint.min && constraint.max && *constraint.min > *constraint.max)
            c.fail(key::max, QStringLiteral("%1 is below min %2; no value could keep both").arg(*constraint.max).arg(*constraint.min));
        spec.constraints.push_back(constraint);
    }
}

void parseBudget(const Reader& r, BudgetSpec& budget)
{
    const Reader b(r.object(key::budget), r.at(key::budget), kBudgetKeys);
    budget.maxTrials = b.integer(key::maxTrials, range::maxTrials);
    budget.maxFailed = b.integer(key::maxFailed, range::maxFailed);
    budget.maxSeconds = b.number(key::maxSeconds);
    if (budget.maxSeconds && !(*budget.maxSeconds > 0))
        b.expected(key::maxSeconds, QStringLiteral("a positive number of seconds"));
}

void parseResources(const Reader& r, ResourcesSpec& rs)
{
    const Reader res(r.object(key::resources), r.at(key::resources), kResourcesKeys);
    if (auto n = res.integer(key::parallelTrials, range::parallelTrials)) {
        rs.parallelTrials = static_cast<int>(*n);
        rs.parallelTrialsGiven = true;
    }
    if (auto hz = res.number(key::telemetryHz)) {
        if (!(*hz > 0 && *hz <= 20))
            res.expected(key::telemetryHz, QStringLiteral("a number of samples per second in (0, 20]"));
        rs.telemetryHz = *hz;
    }
    if (res.has(key::gpus)) {
        const QJsonValue g = res.value(key::gpus);
        rs.gpusGiven = true;
        if (g.isString() && g.toString() == choice::all) {
            rs.allGpus = true;
        } else if (g.isArray() && !g.toArray().isEmpty()) {
            const QJsonArray list = g.toArray();
            for (int i = 0; i < list.size(); ++i) {
                const SpecPath at = res.at(key::gpus) / i;
                const double d = list[i].toDouble(-1);
                if (!list[i].isDouble() || std::floor(d) != d || d < 0 || d > 1023)
                    fail(at, QStringLiteral("expected a GPU index (an integer 0..1023), got ") + describe(list[i]));
                if (std::find(rs.gpus.begin(), rs.gpus.end(), static_cast<int>(d)) != rs.gpus.end())
                    fail(at, QStringLiteral("GPU %1 is listed twice").arg(static_cast<int>(d)));
                rs.gpus.push_back(static_cast<int>(d));
            }
        } else {
            res.expected(key::gpus, QStringLiteral("\"all\" or a non-empty list of GPU indices like [0, 1]"));
        }
    }
    if (auto n = res.integer(key::gpusPerTrial, range::gpusPerTrial)) {
        if (!rs.allGpus && rs.gpusGiven && *n > static_cast<qint64>(rs.gpus.size()))
            res.fail(key::gpusPerTrial, QStringLiteral("%1 GPUs per trial, but resources.gpus lists only %2").arg(*n).arg(rs.gpus.size()));
        rs.gpusPerTrial = static_cast<int>(*n);
    }
    if (auto n = res.integer(key::trialsPerGpu, range::trialsPerGpu))
        rs.trialsPerGpu = static_cast<int>(*n);
    if (auto n = res.integer(key::gpusPerWorker, range::gpusPerWorker))
        rs.gpusPerWorker = static_cast<int>(*n);
    rs.minFreeMemoryMb = res.integer(key::minFreeMemoryMb, range::minFreeMemoryMb).value_or(0);
    rs.skipBusyGpus = res.boolean(key::skipBusyGpus, false);
    if (res.has(key::priority)) {
        const QJsonValue p = res.value(key::priority);
        const double d = p.toDouble();
        if (!p.isDouble() || std::floor(d) != d || d < range::priority.min || d > range::priority.max)
            res.expected(key::priority, QStringLiteral("an integer from %1 to %2 (higher goes first)").arg(range::priority.min).arg(range::priority.max));
        rs.priority = static_cast<int>(d);
    }
    if (!rs.managesGpus()) {
        // GPU settings without GPUs would be silently ignored: say so instead.
        for (key::Name k : kGpuOnlyKeys)
            if (res.has(k))
                res.fail(k, QStringLiteral("only applies with resources.gpus (\"all\" or a list) or gpus_per_trial >= 1"));
    }
}

TrialSpec parseTrial(const Reader& r, const ExperimentSpec& spec, const ParseOptions& options)
{
    const Reader t(r.object(key::trial), r.at(key::trial), kTrialKeys);
    TrialSpec trial;
    const QJsonArray argv =
        commandList(t, key::argv, QStringLiteral("missing; give the command as a list, like [\"python3\", \"train.py\", \"--lr=${lr}\"]"));
    for (int i = 0; i < argv.size(); ++i) {
        const SpecPath at = t.at(key::argv) / i;
        if (!argv[i].isString())
            fail(at, QStringLiteral("expected a string, got ") + describe(argv[i]));
        checkPlaceholders(argv[i].toString(), at, spec.space);
        trial.argv << argv[i].toString();
    }
    if (trial.argv.first().isEmpty())
        fail(t.at(key::argv) / 0, QStringLiteral("the program name is empty"));
    const QString base = options.baseDir.isEmpty() ? QDir::currentPath() : options.baseDir;
    trial.workdir = QDir::cleanPath(QDir(base).absoluteFilePath(t.string(key::workdir, QStringLiteral("."))));
    if (t.has(key::env)) {
        const QJsonObject env = t.object(key::env);
        for (auto it = env.begin(); it != env.end(); ++it) {
            const SpecPath at = t.at(key::env) / it.key();
            if (it.key().isEmpty() || it.key().contains(QLatin1Char('=')) || it.key().contains(QChar(0)))
                fail(at, QStringLiteral("not a valid variable name (it must be non-empty, without '=' or NUL)"));
            if (!it.value().isString())
                fail(at, QStringLiteral("expected a string, got %1").arg(describe(it.value())));
            checkPlaceholders(it.value().toString(), at, spec.space);
            trial.env.insert(it.key(), it.value().toString());
        }
    }
    trial.timeoutS = t.number(key::timeoutS);
    if (trial.timeoutS && !(*trial.timeoutS > 0))
        t.expected(key::timeoutS, QStringLiteral("a positive number of seconds"));
    trial.retries = static_cast<int>(t.integer(key::retries, range::retries).value_or(trial.retries));
    trial.maxMetricRows = t.integer(key::maxMetricRows, range::maxMetricRows).value_or(trial.maxMetricRows);
    if (auto n = t.integer(key::workers, range::workers))
        trial.workers = static_cast<int>(*n);
    if (auto rank = t.integer(key::metricsRank, range::metricsRank)) {
        if (*rank >= trial.workers)
            t.fail(key::metricsRank, QStringLiteral("rank %1, but trial.workers is %2 (ranks 0..%3)").arg(*rank).arg(trial.workers).arg(trial.workers - 1));
        trial.metricsRank = static_cast<int>(*rank);
    }
    if (trial.workers > 1 && spec.resources.gpusPerTrial)
        fail(r.at(key::resources) / key::gpusPerTrial, QStringLiteral("with trial.workers > 1 give resources.gpus_per_worker instead "
                                                                      "(a trial gets workers x gpus_per_worker GPUs)"));
    if (trial.workers == 1 && spec.resources.gpusPerWorker)
        fail(r.at(key::resources) / key::gpusPerWorker, QStringLiteral("only applies with trial.workers > 1; use gpus_per_trial"));
    if (t.has(key::metrics))
        trial.metrics = parseMetricFormat(Reader(t.object(key::metrics), t.at(key::metrics), kMetricsKeys));
    if (const auto mb = t.integer(key::maxLogMb, range::maxLogMb))
        trial.maxLogBytes = *mb << 20;
    return trial;
}

void parseExecutor(const Reader& r, ExecutorSpec& x)
{
    const Reader e(r.object(key::executor), r.at(key::executor), kExecutorKeys);
    if (e.word(key::type, {choice::local, choice::slurm}) == choice::slurm)
        x.type = ExecutorSpec::Type::Slurm;
    if (x.type == ExecutorSpec::Type::Local)
        for (key::Name k : kSlurmOnlyKeys)
            if (e.has(k))
                e.fail(k, QStringLiteral("only applies with \"type\": \"slurm\""));
    x.partition = e.string(key::partition, QString());
    x.account = e.string(key::account, QString());
    x.timeLimit = e.string(key::timeLimit, QString());
    static const QRegularExpression time(QStringLiteral(R"(^(\d+-)?\d{1,2}:\d{2}:\d{2}$)"));
    if (!x.timeLimit.isEmpty() && !time.match(x.timeLimit).hasMatch())
        e.expected(key::timeLimit, QStringLiteral("\"HH:MM:SS\" or \"D-HH:MM:SS\""));
    if (e.has(key::sbatchArgs)) {
        const QJsonArray args = e.array(key::sbatchArgs);
        for (int i = 0; i < args.size(); ++i) {
            const SpecPath at = e.at(key::sbatchArgs) / i;
            if (!args[i].isString() || args[i].toString().contains(QChar(0)))
                fail(at, QStringLiteral("expected a string without NUL, got ") + describe(args[i]));
            static const QRegularExpression owned(QStringLiteral("^(--?)(o|e|J|output|error|job-name|parsable|hold|wrap)(=|$)"));
            if (owned.match(args[i].toString()).hasMatch())
                fail(at, QStringLiteral("%1 is set by Tunebench (output files, job name); remove it").arg(printable(args[i].toString())));
            x.sbatchArgs << args[i].toString();
        }
    }
}

// The spec as stored: every setting with its value, defaults included, so that an
// experiment resumed by a later version whose defaults differ goes on with the ones it
// started with; and the trial's workdir made absolute.
QJsonObject storedJson(const QJsonObject& root, const ExperimentSpec& spec)
{
    const auto settingsJson = [](const algorithms::Settings& settings) {
        QJsonObject o;
        for (const auto& [name, value] : settings)
            o.insert(QString::fromStdString(name), toJson(value));
        return o;
    };
    QJsonObject stored = root;
    QJsonObject algorithmJson = root.value(key::algorithm).toObject();
    algorithmJson.insert(key::name, spec.algorithm.name);
    algorithmJson.insert(key::seed, static_cast<qint64>(spec.algorithm.seed));
    if (!spec.algorithm.settings.empty())
        algorithmJson.insert(key::settings, settingsJson(spec.algorithm.settings));
    if (!spec.algorithm.external.command.isEmpty())
        algorithmJson = externalJson(algorithmJson, spec.algorithm.external);
    stored.insert(key::algorithm, algorithmJson);
    if (!spec.pruner.settings.empty() || root.contains(key::pruner)) {
        QJsonObject prunerJson = root.value(key::pruner).toObject();
        prunerJson.insert(key::name, spec.pruner.name);
        if (!spec.pruner.settings.empty())
            prunerJson.insert(key::settings, settingsJson(spec.pruner.settings));
        if (!spec.pruner.external.command.isEmpty())
            prunerJson = externalJson(prunerJson, spec.pruner.external);
        stored.insert(key::pruner, prunerJson);
    }
    if (spec.trial) {
        QJsonObject trialJson = root.value(key::trial).toObject();
        trialJson.insert(key::workdir, spec.trial->workdir);
        stored.insert(key::trial, trialJson);
    }
    return stored;
}

} // namespace

std::optional<ParamType> paramTypeNamed(const QString& name)
{
    for (ParamType type : kParamTypes)
        if (name == QLatin1StringView(algorithms::paramTypeName(type)))
            return type;
    return std::nullopt;
}

QList<key::Name> paramKeys(ParamType type)
{
    Keys keys{key::name, key::type, key::when};
    switch (type) {
    case ParamType::Float: keys << key::low << key::high << key::log << key::step << key::values; break;
    case ParamType::Int: keys << key::low << key::high << key::log << key::step; break;
    case ParamType::Categorical: keys << key::choices; break;
    case ParamType::Fixed: keys << key::value; break;
    }
    return keys;
}

int paramIndexOf(const SpecPath& path)
{
    const auto& parts = path.parts();
    if (parts.size() < 2 || parts[0] != SpecPath::Part(QString(key::space)))
        return -1;
    const auto* index = std::get_if<int>(&parts[1]);
    return index ? *index : -1;
}

algorithms::SearchSpace parseSpace(const QJsonArray& space)
{
    const SpecPath at{key::space};
    if (space.isEmpty())
        fail(at, QStringLiteral("is empty; give at least one parameter"));
    std::vector<Param> params;
    params.reserve(static_cast<std::size_t>(space.size()));
    for (int i = 0; i < space.size(); ++i)
        params.push_back(parseParam(space[i], i));
    try {
        return algorithms::SearchSpace(std::move(params));
    } catch (const algorithms::SpaceError& e) {
        throw specError(e, at);
    }
}

ExperimentSpec parseSpec(const QJsonObject& root, const ParseOptions& options)
{
    ExperimentSpec spec;
    spec.json = root;
    const Reader r(root, SpecPath(), kRootKeys);
    spec.name = r.string(key::name);
    if (std::any_of(spec.name.begin(), spec.name.end(), [](QChar c) { return c.category() == QChar::Other_Control; }))
        r.fail(key::name, QStringLiteral("\"%1\" holds control characters; use printable text").arg(printable(spec.name)));
    if (r.has(key::description))
        r.string(key::description);
    parseObjectives(r, spec);
    parseConstraints(r, spec);

    if (!r.has(key::space))
        r.fail(key::space, QStringLiteral("missing; give a list of parameters"));
    spec.space = parseSpace(r.array(key::space));

    // An unset seed is drawn here, once, and stored with the experiment.
    if (r.has(key::algorithm)) {
        const QJsonObject o = r.object(key::algorithm);
        const Reader a(o, r.at(key::algorithm), algorithmKeys(o, {key::name, key::seed, key::settings}));
        spec.algorithm.name = a.string(key::name, spec.algorithm.name);
        if (auto seed = a.integer(key::seed, range::seed))
            spec.algorithm.seed = static_cast<std::uint64_t>(*seed);
        else
            spec.algorithm.seed = QRandomGenerator::global()->bounded(1u << 30);
        if (spec.algorithm.name == choice::external)
            spec.algorithm.external = parseExternal(a, options.baseDir);
        else
            spec.algorithm.settings = parseSettings(a);
    } else {
        spec.algorithm.seed = QRandomGenerator::global()->bounded(1u << 30);
    }
    const bool externalSampler = !spec.algorithm.external.command.isEmpty();
    const auto* sampler = externalSampler ? nullptr : algorithms::findSampler(spec.algorithm.name.toStdString());
    if (!sampler && !externalSampler)
        unknownName(SpecPath{key::algorithm, key::name}, "algorithm", spec.algorithm.name, algorithms::samplerRegistry());

    if (r.has(key::pruner)) {
        const QJsonObject o = r.object(key::pruner);
        const Reader p(o, r.at(key::pruner), algorithmKeys(o, {key::name, key::settings}));
        spec.pruner.name = p.string(key::name, spec.pruner.name);
        if (spec.pruner.name == choice::external)
            spec.pruner.external = parseExternal(p, options.baseDir);
        else
            spec.pruner.settings = parseSettings(p);
    }
    const bool externalPruner = !spec.pruner.external.command.isEmpty();
    const auto* pruner = externalPruner ? nullptr : algorithms::findPruner(spec.pruner.name.toStdString());
    if (!pruner && !externalPruner)
        unknownName(SpecPath{key::pruner, key::name}, "pruner", spec.pruner.name, algorithms::prunerRegistry());
    if (spec.multiObjective()) {
        if (sampler && !sampler->multiObjective) {
            QStringList able;
            for (const auto& info : algorithms::samplerRegistry())
                if (info.multiObjective)
                    able << QString::fromStdString(info.name);
            fail(SpecPath{key::algorithm, key::name},
                 QStringLiteral("'%1' optimizes one objective and this spec has %2; use one of %3 (auto, the default, picks one)")
                     .arg(spec.algorithm.name)
                     .arg(spec.objectives.size())
                     .arg(able.join(QStringLiteral(", "))));
        }
        if (spec.pruner.name != QLatin1String("none"))
            fail(SpecPath{key::pruner, key::name},
                 QStringLiteral("pruners stop a trial by one objective's curve, and this spec has %1 objectives; use \"none\"")
                     .arg(spec.objectives.size()));
    }
    if (sampler) {
        const SpecPath at{key::algorithm, key::settings};
        try {
            spec.algorithm.settings = algorithms::resolveSettings(sampler->settings, spec.algorithm.settings, at.text().toStdString());
            sampler->create(spec.space, spec.algorithm.seed, spec.algorithm.settings); // grid checks its axes here
        } catch (const algorithms::SpaceError& e) {
            throw specError(e, at);
        }
    }
    if (pruner) {
        const SpecPath at{key::pruner, key::settings};
        try {
            spec.pruner.settings = algorithms::resolveSettings(pruner->settings, spec.pruner.settings, at.text().toStdString());
            pruner->create(spec.pruner.settings); // hyperband checks its range
        } catch (const algorithms::SpaceError& e) {
            throw specError(e, at);
        }
    }

    if (r.has(key::budget))
        parseBudget(r, spec.budget);
    if (r.has(key::resources))
        parseResources(r, spec.resources);
    if (r.has(key::trial))
        spec.trial = parseTrial(r, spec, options);
    else if (options.requireTrial)
        r.fail(key::trial, QStringLiteral("missing; give {\"argv\": [...]} (only `tunebench-cli create` experiments, driven by ask/tell, may omit it)"));
    if (r.has(key::executor))
        parseExecutor(r, spec.executor);
    spec.json = storedJson(root, spec);
    return spec;
}

double ConstraintSpec::violation(double value) const
{
    if (std::isnan(value))
        return std::numeric_limits<double>::infinity();
    return std::max(min ? *min - value : 0.0, 0.0) + std::max(max ? value - *max : 0.0, 0.0);
}

QStringList ExperimentSpec::objectiveMetrics() const
{
    QStringList metrics;
    for (const ObjectiveSpec& o : objectives)
        metrics << o.metric;
    return metrics;
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
        throw SpecError(shown + QStringLiteral(": ") + QString::fromStdString(e.what()), e.path());
    }
}

} // namespace tb::engine
