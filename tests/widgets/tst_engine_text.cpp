// The engine's messages in the window's language (widgets/models/engine_text.h).
//
// Drift: real messages, made by the spec parser, the search space, the settings, the grid,
// the pruners, the outcome rules, the GPU allocator, the launch checks, the store, the
// lease and the engine, must each match a template, or the window would show them in
// English. Then: a translation puts the variable parts back and keeps paths as they are,
// text no template matches comes back unchanged, and without a translation every message
// comes back exactly as given.

#include "widgets/models/engine_text.h"

#include "algorithms/pruner.h"
#include "algorithms/settings.h"
#include "algorithms/samplers/samplers.h"
#include "algorithms/space.h"
#include "engine/core/engine.h"
#include "engine/core/errors.h"
#include "engine/core/external_sampler.h"
#include "engine/core/lease.h"
#include "engine/core/outcome.h"
#include "engine/core/preflight.h"
#include "engine/core/resources.h"
#include "engine/core/spec.h"
#include "engine/core/store.h"
#include "engine/core/study.h"
#include "engine/telemetry/gpu_allocator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>
#include <cmath>
#include <csignal>
#include <limits>

using namespace tb;

namespace {

constexpr char kContext[] = "tb::widgets::engineText";

// Marks what it translates, so that a test sees which parts went through a template.
class MarkingTranslator : public QTranslator {
public:
    bool isEmpty() const override { return false; }
    QString translate(const char* context, const char* source, const char* = nullptr, int = -1) const override
    {
        if (qstrcmp(context, kContext) != 0)
            return {};
        return QStringLiteral("ZH[") + QString::fromUtf8(source) + QLatin1Char(']');
    }
};

// engineText() with the marking translator installed.
QString marked(const QString& english)
{
    MarkingTranslator translator;
    QCoreApplication::installTranslator(&translator);
    const QString out = tb::widgets::engineText(english);
    QCoreApplication::removeTranslator(&translator);
    return out;
}

// JSON written with single quotes, for readable specs.
QJsonObject object(const char* text)
{
    QByteArray json(text);
    json.replace('\'', '"');
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        qFatal("bad test JSON %s: %s", text, qPrintable(error.errorString()));
    return doc.object();
}

// A valid spec with the top-level keys of `changes` put in ("<drop>" removes the key).
QJsonObject spec(const QJsonObject& changes)
{
    QJsonObject out = object("{'name': 't', 'objective': {'metric': 'loss', 'direction': 'minimize'},"
                             " 'space': [{'name': 'lr', 'type': 'float', 'low': 0.001, 'high': 1},"
                             "           {'name': 'opt', 'type': 'categorical', 'choices': ['sgd', 'adam']}],"
                             " 'trial': {'argv': ['prog', '--lr=${lr}']}}");
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it.value() == QJsonValue(QStringLiteral("<drop>")))
            out.remove(it.key());
        else
            out.insert(it.key(), it.value());
    }
    return out;
}
QJsonObject spec(const char* changes) { return spec(object(changes)); }

// A spec whose space is `params` (a JSON array in single quotes).
QJsonObject spaceSpec(const char* params)
{
    const QByteArray wrapped = QByteArray("{'space': ") + params + "}";
    return spec(wrapped.constData());
}

// Every check a real message gets: a template covers it and what it holds; with no
// translation it comes back exactly; translated, no placeholder is left, and `keep` (its
// path, its file names) is still there as written.
void checkMessage(const QString& message, const QStringList& keep = {})
{
    QVERIFY2(!message.isEmpty(), "no message");
    QVERIFY2(tb::widgets::hasTemplate(message), qPrintable(QStringLiteral("no template for: ") + message));
    QCOMPARE(tb::widgets::engineText(message), message);
    const QString out = marked(message);
    QVERIFY2(out.startsWith(QLatin1String("ZH[")), qPrintable(out));
    static const QRegularExpression placeholder(QStringLiteral("%[1-9]"));
    QVERIFY2(!out.contains(placeholder), qPrintable(out));
    for (const QString& part : keep)
        QVERIFY2(out.contains(part), qPrintable(QStringLiteral("'%1' lost in %2").arg(part, out)));
}

algorithms::Param param(const char* name, algorithms::ParamType type)
{
    algorithms::Param p;
    p.name = name;
    p.type = type;
    return p;
}

algorithms::TrialRecord record(std::int64_t number, algorithms::TrialState state, std::vector<std::pair<std::int64_t, double>> curve)
{
    algorithms::TrialRecord r;
    r.number = number;
    r.state = state;
    r.intermediate = std::move(curve);
    if (!r.intermediate.empty())
        r.value = r.intermediate.back().second;
    return r;
}

// Why `pruner` (with `settings`) stops a trial at `curve`, among finished trials `others`.
QString pruneReason(const char* pruner, const algorithms::Settings& settings, const std::vector<algorithms::TrialRecord>& others,
                    std::vector<std::pair<std::int64_t, double>> curve)
{
    const algorithms::PrunerInfo* info = algorithms::findPruner(pruner);
    if (!info)
        return {};
    auto p = info->create(algorithms::resolveSettings(info->settings, settings, "pruner.settings"));
    algorithms::History history;
    history.finished = others;
    const auto reason = p->shouldPrune(record(static_cast<std::int64_t>(others.size()), algorithms::TrialState::Running, std::move(curve)),
                                       history, {});
    return reason ? QString::fromStdString(*reason) : QString();
}

} // namespace

class TestEngineText : public QObject {
    Q_OBJECT
private slots:
    // ---- Drift: every message the spec parser writes has a template -----------------------
    void specMessages_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("rule"); // a piece of the message, so that the row tests what it names
        auto row = [](const char* name, const QJsonObject& json, const char* rule) {
            QTest::newRow(name) << json << QString::fromUtf8(rule);
        };
        // The spec as a whole, names and objective.
        row("unknown key", spec("{'bogus': 1}"), "unknown key; known keys:");
        row("unknown key holding ': '", spec("{'a: b': 1}"), "unknown key; known keys:");
        row("name missing", spec("{'name': '<drop>'}"), "name: missing; it is required");
        row("name a number", spec("{'name': 3}"), "expected a non-empty string, got 3");
        row("name empty", spec("{'name': ''}"), "got \"\"");
        row("name null", spec("{'name': null}"), "got null");
        row("name control characters", spec("{'name': 'a\\u0001b'}"), "holds control characters");
        row("description an array", spec("{'description': [1]}"), "got an array");
        row("objective missing", spec("{'objective': '<drop>'}"), "objective: missing; give");
        row("objective a number", spec("{'objective': 1}"), "expected an object, got 1");
        row("direction unknown", spec("{'objective': {'metric': 'loss', 'direction': 'up'}}"), "expected \"minimize\" or \"maximize\"");
        row("use unknown", spec("{'objective': {'metric': 'loss', 'use': 'x'}}"), "\"last\" or \"best\"");
        row("metric missing", spec("{'objective': {'direction': 'minimize'}}"), "objective.metric: missing");
        row("objective unknown key", spec("{'objective': {'metric': 'loss', 'goal': 1}}"), "objective.goal: unknown key");
        // The space: entries.
        row("space missing", spec("{'space': '<drop>'}"), "space: missing; give a list");
        row("space empty", spec("{'space': []}"), "is empty; give at least one parameter");
        row("space a string", spec("{'space': 'x'}"), "expected an array, got \"x\"");
        row("parameter not an object", spaceSpec("[1]"), "space[0]: expected an object, got 1");
        row("type unknown", spaceSpec("[{'name': 'a', 'type': 'complex'}]"), "expected one of float, int, categorical, fixed");
        row("type missing", spaceSpec("[{'name': 'a', 'low': 0, 'high': 1}]"), "got nothing");
        row("parameter name missing", spaceSpec("[{'type': 'float', 'low': 0, 'high': 1}]"), "space[0].name: missing");
        row("low missing", spaceSpec("[{'name': 'a', 'type': 'float', 'high': 1}]"), "space[0].low: missing");
        row("low a string", spaceSpec("[{'name': 'a', 'type': 'float', 'low': 'x', 'high': 1}]"), "expected a number, got \"x\"");
        row("log a number", spaceSpec("[{'name': 'a', 'type': 'float', 'low': 1, 'high': 2, 'log': 1}]"), "expected true or false");
        row("values empty", spaceSpec("[{'name': 'a', 'type': 'float', 'values': []}]"), "give at least one value");
        row("values a string", spaceSpec("[{'name': 'a', 'type': 'float', 'values': 'x'}]"), "expected an array");
        row("value not a number", spaceSpec("[{'name': 'a', 'type': 'float', 'values': ['x']}]"), "space[0].values[0]: expected a number");
        row("int with values", spaceSpec("[{'name': 'a', 'type': 'int', 'values': [1]}]"), "space[0].values: unknown key");
        row("choices missing", spaceSpec("[{'name': 'a', 'type': 'categorical'}]"), "expected an array, got nothing");
        row("choice an array", spaceSpec("[{'name': 'a', 'type': 'categorical', 'choices': [[1]]}]"), "expected a string, number or boolean, got an array");
        row("choice an object", spaceSpec("[{'name': 'a', 'type': 'categorical', 'choices': [{}]}]"), "got an object");
        row("fixed without value", spaceSpec("[{'name': 'a', 'type': 'fixed'}]"), "missing; a fixed parameter needs its value");
        row("when a string", spaceSpec("[{'name': 'a', 'type': 'fixed', 'value': 1, 'when': 'x'}]"), "space[0].when: expected an object");
        row("when two parents", spaceSpec("[{'name': 'a', 'type': 'fixed', 'value': 1, 'when': {}}]"), "'when' needs exactly one parent");
        row("when value an array", spaceSpec("[{'name': 'a', 'type': 'fixed', 'value': 1, 'when': {'b': [[1]]}}]"), "space[0].when.b[0]: expected a string");
        // The space: SearchSpace's rules.
        row("bad name", spaceSpec("[{'name': 'a b', 'type': 'float', 'low': 0, 'high': 1}]"), "must be non-empty and use only letters");
        row("reserved name", spaceSpec("[{'name': 'trial.x', 'type': 'float', 'low': 0, 'high': 1}]"), "are reserved");
        row("duplicate name", spaceSpec("[{'name': 'a', 'type': 'float', 'low': 0, 'high': 1}, {'name': 'a', 'type': 'fixed', 'value': 1}]"),
            "duplicate name (also space[0])");
        row("int bounds", spaceSpec("[{'name': 'a', 'type': 'int', 'low': -1e17, 'high': 1}]"), "within -2^53..2^53");
        row("int low", spaceSpec("[{'name': 'a', 'type': 'int', 'low': 0.5, 'high': 1}]"), "needs an integer low, got 0.5");
        row("int high", spaceSpec("[{'name': 'a', 'type': 'int', 'low': 0, 'high': 1.5}]"), "needs an integer high, got 1.5");
        row("int reversed", spaceSpec("[{'name': 'a', 'type': 'int', 'low': 3, 'high': 1}]"), "low must not exceed high, got low 3 > high 1");
        row("float empty range", spaceSpec("[{'name': 'a', 'type': 'float', 'low': 1, 'high': 1}]"), "high must be greater than low");
        row("int log low", spaceSpec("[{'name': 'a', 'type': 'int', 'low': 0, 'high': 4, 'log': true}]"), "log scale needs low >= 1, got 0");
        row("float log low", spaceSpec("[{'name': 'a', 'type': 'float', 'low': -1, 'high': 4, 'log': true}]"), "log scale needs low > 0, got -1");
        row("step and log", spaceSpec("[{'name': 'a', 'type': 'float', 'low': 1, 'high': 4, 'log': true, 'step': 1}]"), "step and log cannot be combined");
        row("step negative", spaceSpec("[{'name': 'a', 'type': 'float', 'low': 0, 'high': 4, 'step': -1}]"), "step must be positive, got -1");
        row("int step", spaceSpec("[{'name': 'a', 'type': 'int', 'low': 0, 'high': 4, 'step': 0.5}]"), "needs an integer step, got 0.5");
        row("tiny step", spaceSpec("[{'name': 'a', 'type': 'float', 'low': 0, 'high': 1, 'step': 1e-17}]"), "more than 2^53 values");
        row("uneven step", spaceSpec("[{'name': 'a', 'type': 'float', 'low': 0, 'high': 1, 'step': 0.3}]"), "is not a whole number of steps of 0.3");
        row("grid value outside", spaceSpec("[{'name': 'a', 'type': 'float', 'low': 0, 'high': 1, 'values': [0.5, 2]}]"), "grid value 2 lies outside 0..1");
        row("no choices", spaceSpec("[{'name': 'a', 'type': 'categorical', 'choices': []}]"), "needs at least one choice");
        row("choice with NUL", spaceSpec("[{'name': 'a', 'type': 'categorical', 'choices': ['x\\u0000']}]"), "choice x\\x00 contains a NUL");
        row("value with NUL", spaceSpec("[{'name': 'a', 'type': 'fixed', 'value': 'x\\u0000'}]"), "value x\\x00 contains a NUL");
        row("choice twice", spaceSpec("[{'name': 'a', 'type': 'categorical', 'choices': [1, 1.0]}]"), "choice 1 is listed twice");
        row("unknown parent", spaceSpec("[{'name': 'a', 'type': 'fixed', 'value': 1, 'when': {'zz': 1}}]"), "condition names an unknown parent 'zz'");
        row("own parent", spaceSpec("[{'name': 'a', 'type': 'categorical', 'choices': [1], 'when': {'a': 1}}]"), "conditional on itself");
        row("float parent", spaceSpec("[{'name': 'f', 'type': 'float', 'low': 0, 'high': 1}, {'name': 'a', 'type': 'fixed', 'value': 1, 'when': {'f': 1}}]"),
            "must be categorical, not float");
        row("no parent value", spaceSpec("[{'name': 'c', 'type': 'categorical', 'choices': [1]}, {'name': 'a', 'type': 'fixed', 'value': 1, 'when': {'c': []}}]"),
            "condition on 'c' needs at least one value");
        row("parent value unknown", spaceSpec("[{'name': 'c', 'type': 'categorical', 'choices': [1]}, {'name': 'a', 'type': 'fixed', 'value': 1, 'when': {'c': 'x'}}]"),
            "condition value x is not a choice of 'c'");
        row("cycle", spaceSpec("[{'name': 'a', 'type': 'categorical', 'choices': [1], 'when': {'b': 1}}, {'name': 'b', 'type': 'categorical', 'choices': [1], 'when': {'a': 1}}]"),
            "conditions form a cycle");
        // Algorithm, settings and grid.
        row("algorithm a string", spec("{'algorithm': 'tpe'}"), "algorithm: expected an object");
        row("algorithm unknown", spec("{'algorithm': {'name': 'nope'}}"), "unknown algorithm 'nope'; known:");
        row("seed negative", spec("{'algorithm': {'name': 'random', 'seed': -1}}"), "expected an integer >= 0, got -1");
        row("seed huge", spec("{'algorithm': {'name': 'random', 'seed': 1e16}}"), "expected an integer >= 0");
        row("settings a number", spec("{'algorithm': {'name': 'tpe', 'settings': 1}}"), "algorithm.settings: expected an object");
        row("setting an array", spec("{'algorithm': {'name': 'tpe', 'settings': {'x': [1]}}}"), "algorithm.settings.x: expected a string, number or boolean");
        row("setting unknown", spec("{'algorithm': {'name': 'tpe', 'settings': {'bogus': 1}}}"), "unknown setting; known:");
        row("no settings at all", spec("{'algorithm': {'name': 'random', 'settings': {'bogus': 1}}}"), "this one takes no settings");
        row("int setting", spec("{'algorithm': {'name': 'tpe', 'settings': {'n_startup_trials': 'x'}}}"), "expected an integer, got x");
        row("float setting", spec("{'algorithm': {'name': 'cmaes', 'settings': {'sigma0': true}}}"), "expected a number, got true");
        row("bool setting", spec("{'algorithm': {'name': 'sobol', 'settings': {'scramble': 1}}}"), "expected true or false, got 1");
        row("string setting", spec("{'algorithm': {'name': 'cmaes', 'settings': {'restart_strategy': 1}}}"), "expected a string, got 1");
        row("setting choice", spec("{'algorithm': {'name': 'cmaes', 'settings': {'restart_strategy': 'bipop'}}}"), "'bipop' is not one of ipop, none");
        row("setting below", spec("{'algorithm': {'name': 'cmaes', 'settings': {'sigma0': 0}}}"), "must be at least");
        row("setting above", spec("{'algorithm': {'name': 'grid', 'settings': {'steps': 2000000}}}"), "must be at most 1e+06, got 2000000");
        row("grid float", spec("{'algorithm': {'name': 'grid'}}"), "grid search needs a finite set for a float");
        row("grid int range", spec("{'algorithm': {'name': 'grid'}, 'space': [{'name': 'n', 'type': 'int', 'low': 0, 'high': 2000000}]}"),
            "too many grid values; add a step");
        row("grid float step", spec("{'algorithm': {'name': 'grid'}, 'space': [{'name': 'x', 'type': 'float', 'low': 0, 'high': 1, 'step': 1e-7}]}"),
            "too many grid values; use a larger step");
        row("grid too big", spec("{'algorithm': {'name': 'grid'}, 'space': [{'name': 'a', 'type': 'int', 'low': 0, 'high': 999},"
                                 " {'name': 'b', 'type': 'int', 'low': 0, 'high': 999}, {'name': 'c', 'type': 'int', 'low': 0, 'high': 2}]}"),
            "space: the grid has more than 1000000 points");
        // External samplers and pruners.
        row("external without command", spec("{'algorithm': {'name': 'external'}}"), "missing; an external one needs its command");
        row("external command empty", spec("{'algorithm': {'name': 'external', 'command': []}}"), "is empty; give at least the program");
        row("external command item", spec("{'algorithm': {'name': 'external', 'command': [1]}}"), "algorithm.command[0]: expected a non-empty string, got 1");
        row("external command NUL", spec("{'algorithm': {'name': 'external', 'command': ['a\\u0000']}}"), "which no program argument can carry");
        row("external timeout", spec("{'algorithm': {'name': 'external', 'command': ['s'], 'timeout_s': 0}}"), "seconds one answer may take");
        row("command without external", spec("{'algorithm': {'name': 'tpe', 'command': ['s']}}"), "algorithm.command: unknown key");
        row("pruner unknown", spec("{'pruner': {'name': 'nope'}}"), "unknown pruner 'nope'; known:");
        row("hyperband range", spec("{'pruner': {'name': 'hyperband', 'settings': {'min_resource': 10, 'max_resource': 5}}}"),
            "must be at least min_resource (10), got 5");
        // Budget and resources.
        row("budget a number", spec("{'budget': 1}"), "budget: expected an object");
        row("max_trials zero", spec("{'budget': {'max_trials': 0}}"), "expected an integer >= 1, got 0");
        row("max_seconds zero", spec("{'budget': {'max_seconds': 0}}"), "a positive number of seconds");
        row("parallel_trials above", spec("{'resources': {'parallel_trials': 5000}}"), "at most 1024");
        row("telemetry_hz", spec("{'resources': {'telemetry_hz': 50}}"), "samples per second in (0, 20]");
        row("gpus a word", spec("{'resources': {'gpus': 'some'}}"), "\"all\" or a non-empty list of GPU indices");
        row("gpu index", spec("{'resources': {'gpus': [-1]}}"), "expected a GPU index (an integer 0..1023), got -1");
        row("gpu twice", spec("{'resources': {'gpus': [0, 0]}}"), "GPU 0 is listed twice");
        row("gpus per trial", spec("{'resources': {'gpus': [0], 'gpus_per_trial': 3}}"), "3 GPUs per trial, but resources.gpus lists only 1");
        row("priority", spec("{'resources': {'gpus': 'all', 'priority': 1.5}}"), "an integer from -1000 to 1000");
        row("GPU key without GPUs", spec("{'resources': {'min_free_memory_mb': 100}}"), "only applies with resources.gpus");
        row("skip_busy_gpus a number", spec("{'resources': {'skip_busy_gpus': 1}}"), "expected true or false, got 1");
        // Trial.
        row("trial missing", spec("{'trial': '<drop>'}"), "missing; give {\"argv\": [...]}");
        row("trial a number", spec("{'trial': 1}"), "trial: expected an object");
        row("argv missing", spec("{'trial': {}}"), "missing; give the command as a list");
        row("argv empty", spec("{'trial': {'argv': []}}"), "is empty; give at least the program to run");
        row("argv item", spec("{'trial': {'argv': [1]}}"), "trial.argv[0]: expected a string, got 1");
        row("program empty", spec("{'trial': {'argv': ['']}}"), "the program name is empty");
        row("placeholder unknown", spec("{'trial': {'argv': ['p', '${nope}']}}"), "unknown placeholder ${nope}; known: lr, opt, trial.id");
        row("argument with NUL", spec("{'trial': {'argv': ['p\\u0000']}}"), "no program argument or environment value can carry");
        row("env name", spec("{'trial': {'argv': ['p'], 'env': {'A=B': 'x'}}}"), "not a valid variable name");
        row("env value", spec("{'trial': {'argv': ['p'], 'env': {'A: B': 1}}}"), "trial.env.A: B: expected a string, got 1");
        row("timeout_s", spec("{'trial': {'argv': ['p'], 'timeout_s': -1}}"), "a positive number of seconds");
        row("metrics_rank", spec("{'trial': {'argv': ['p'], 'workers': 2, 'metrics_rank': 5}}"), "rank 5, but trial.workers is 2 (ranks 0..1)");
        row("gpus_per_trial with workers", spec("{'trial': {'argv': ['p'], 'workers': 2}, 'resources': {'gpus_per_trial': 1}}"),
            "give resources.gpus_per_worker instead");
        row("gpus_per_worker alone", spec("{'resources': {'gpus_per_worker': 1}}"), "only applies with trial.workers > 1");
        row("metrics format", spec("{'trial': {'argv': ['p'], 'metrics': {'format': 'xml'}}}"), "expected \"katib\", \"json_lines\" or \"regex\"");
        row("patterns without regex", spec("{'trial': {'argv': ['p'], 'metrics': {'patterns': []}}}"), "only for \"format\": \"regex\"");
        row("patterns missing", spec("{'trial': {'argv': ['p'], 'metrics': {'format': 'regex'}}}"), "missing; give regular expressions");
        row("patterns empty", spec("{'trial': {'argv': ['p'], 'metrics': {'format': 'regex', 'patterns': []}}}"), "is empty; give at least one pattern");
        row("pattern a number", spec("{'trial': {'argv': ['p'], 'metrics': {'format': 'regex', 'patterns': [1]}}}"), "expected a non-empty string, got 1");
        row("pattern invalid", spec("{'trial': {'argv': ['p'], 'metrics': {'format': 'regex', 'patterns': ['a: (']}}}"), "not a valid regular expression");
        row("pattern without value", spec("{'trial': {'argv': ['p'], 'metrics': {'format': 'regex', 'patterns': ['(?<name>a)']}}}"),
            "has no named group (?<value>...)");
        row("max_log_mb", spec("{'trial': {'argv': ['p'], 'max_log_mb': 0}}"), "expected an integer >= 1, got 0");
        // Executor.
        row("executor a number", spec("{'executor': 1}"), "executor: expected an object");
        row("executor type", spec("{'executor': {'type': 'k8s'}}"), "expected \"local\" or \"slurm\"");
        row("slurm key on local", spec("{'executor': {'partition': 'gpu'}}"), "only applies with \"type\": \"slurm\"");
        row("time_limit", spec("{'executor': {'type': 'slurm', 'time_limit': '1h'}}"), "expected \"HH:MM:SS\" or \"D-HH:MM:SS\"");
        row("sbatch_args item", spec("{'executor': {'type': 'slurm', 'sbatch_args': [1]}}"), "expected a string without NUL");
        row("sbatch_args owned", spec("{'executor': {'type': 'slurm', 'sbatch_args': ['--output=x']}}"), "--output=x is set by Tunebench");
    }

    void specMessages()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, rule);
        engine::SpecPath path;
        QString message;
        try {
            engine::parseSpec(json);
        } catch (const engine::SpecError& e) {
            message = QString::fromUtf8(e.what());
            path = e.path();
        }
        QVERIFY2(message.contains(rule), qPrintable(QStringLiteral("'%1' does not name '%2'").arg(message, rule)));
        // The place the message begins with (its path, or "space[0] 'a'" for a parameter's rule).
        const QString place = message.startsWith(path.text() + QLatin1String(": ")) ? path.text() : message.left(message.indexOf(QLatin1String(": ")));
        checkMessage(message, {place});
    }

    // Messages about the spec text and file, around the parser's own.
    void specFileMessages()
    {
        for (const QByteArray& text : {QByteArray("{\n  \"name\": "), QByteArray("[1]")}) {
            try {
                engine::parseSpec(text);
                QFAIL("accepted");
            } catch (const engine::SpecError& e) {
                checkMessage(QString::fromUtf8(e.what()));
            }
        }
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("missing: spec.json"));
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(spec("{'space': [{'name': 'a', 'type': 'float', 'high': 1}]}")).toJson());
        file.close();
        for (const QString& path : {missing, bad}) {
            try {
                engine::loadSpecFile(path);
                QFAIL("accepted");
            } catch (const engine::SpecError& e) {
                checkMessage(QString::fromUtf8(e.what()), {path});
            }
        }
        QCOMPARE(marked(QString::fromUtf8("%1: space[0].low: missing; it is required").arg(bad)),
                 QStringLiteral("ZH[%1: space[0].low: ZH[missing; it is required]]").arg(bad));
    }

    // ---- SearchSpace on its own, and suggestions checked against it -----------------------
    void spaceMessages()
    {
        using algorithms::ParamType;
        auto message = [](std::vector<algorithms::Param> params) {
            try {
                algorithms::SearchSpace space(std::move(params));
            } catch (const algorithms::SpaceError& e) {
                return QString::fromUtf8(e.what());
            }
            return QString();
        };
        algorithms::Param infinite = param("lr", ParamType::Float);
        infinite.high = std::numeric_limits<double>::infinity();
        checkMessage(message({infinite}), {QStringLiteral("space[0] 'lr'")});
        checkMessage(message({param("c", ParamType::Fixed)}), {QStringLiteral("space[0] 'c'")}); // the parser asks for a value first
        algorithms::Param noValues = param("a.b", ParamType::Fixed);
        noValues.fixed = algorithms::Value(1.0);
        noValues.when = algorithms::Condition{"c", {}};
        algorithms::Param parent = param("c", ParamType::Categorical);
        parent.choices = {algorithms::Value(std::string("x"))};
        const QString conditional = message({parent, noValues});
        QVERIFY2(conditional.contains(QLatin1String("needs at least one value")), qPrintable(conditional));
        checkMessage(conditional, {QStringLiteral("space[1] 'a.b'")});
    }

    void suggestionMessages()
    {
        const algorithms::SearchSpace space = engine::parseSpace(QJsonArray{
            object("{'name': 'opt', 'type': 'categorical', 'choices': ['sgd', 'adam']}"),
            object("{'name': 'momentum', 'type': 'float', 'low': 0, 'high': 1, 'when': {'opt': 'sgd'}}"),
            object("{'name': 'layers', 'type': 'int', 'low': 1, 'high': 8}"),
            object("{'name': 'seed', 'type': 'fixed', 'value': 3}"),
        });
        const char* const answers[] = {
            "{'opt': 'adam', 'momentum': 0.5, 'layers': 2}", // inactive given
            "{'opt': 'sgd', 'layers': 2}",                   // active missing
            "{'opt': 'rmsprop', 'layers': 2}",               // not a choice
            "{'opt': 'adam', 'layers': 9}",                  // outside
            "{'opt': 'adam', 'layers': 2.5}",                // not an integer
            "{'opt': 'adam', 'layers': 'x'}",                // not a number
            "{'opt': 'adam', 'layers': 2, 'seed': 4}",       // fixed to another value
            "{'opt': 'adam', 'layers': 2, 'zz': 1}",         // unknown
            "{'opt': [1], 'layers': 2}",                     // not a scalar
        };
        for (const char* answer : answers) {
            QString fault;
            try {
                engine::checkedSuggestion(space, object(answer));
            } catch (const engine::SamplerFault& e) {
                fault = QString::fromUtf8(e.what());
            }
            checkMessage(fault);
            // As a trial's reason: inside the external sampler's message.
            checkMessage(QStringLiteral("the external sampler's answer for trial 4: %1 (answer: {\"opt\": 1})").arg(fault));
        }
    }

    // Every reason `auto` stores with a trial, as its plans show them for spaces of each
    // kind (one and several objectives, with and without constraints, small and large).
    void autoReasons()
    {
        QStringList small, large;
        small << QStringLiteral("{'name': 'lr', 'type': 'float', 'low': 1e-5, 'high': 1, 'log': true}")
              << QStringLiteral("{'name': 'layers', 'type': 'int', 'low': 1, 'high': 8}");
        for (int i = 0; i < 20; ++i)
            large << QStringLiteral("{'name': 'x%1', 'type': 'float', 'low': 0, 'high': 1}").arg(i);
        const QString categorical = QStringLiteral("{'name': 'opt', 'type': 'categorical', 'choices': ['sgd', 'adam']}");
        const QString conditional = QStringLiteral("{'name': 'momentum', 'type': 'float', 'low': 0, 'high': 1, 'when': {'opt': 'sgd'}}");
        const QList<QStringList> spaces{small, large, small + QStringList{categorical}, small + QStringList{categorical, conditional},
                                        large + QStringList{categorical}, large + QStringList{categorical, conditional},
                                        {QStringLiteral("{'name': 'seed', 'type': 'fixed', 'value': 3}")}};
        const algorithms::Settings tpeForBoth{{"tpe_for_categorical", true}, {"tpe_for_conditional", true}};
        int reasons = 0;
        for (const QStringList& params : spaces) {
            QJsonArray array;
            for (const QString& p : params)
                array.append(object(p.toUtf8().constData()));
            const algorithms::SearchSpace space = engine::parseSpace(array);
            for (const algorithms::Settings& settings : {algorithms::Settings{}, tpeForBoth})
                for (const auto& [objectives, constrained] : {std::pair{1, false}, std::pair{2, false}, std::pair{2, true}})
                    for (const algorithms::AutoStep& step : algorithms::autoPlan(space, settings, objectives, constrained)) {
                        checkMessage(QString::fromStdString(step.source.reason));
                        ++reasons;
                    }
        }
        QVERIFY(reasons > 50);
        checkMessage(QStringLiteral("tpe gave no new point; a Sobol point instead"));
        checkMessage(QStringLiteral("gp gave no new point; a random point instead"));
    }

    // ---- Outcomes, pruning, budgets --------------------------------------------------------
    void outcomeReasons()
    {
        using engine::Ending;
        auto reason = [](Ending ending, engine::ProcessEnd end, std::optional<double> objective = 0.5, int attempt = 1, int retries = 0) {
            engine::OutcomeInput in;
            in.ending = ending;
            in.end = std::move(end);
            in.objective = objective;
            in.objectiveMetric = QStringLiteral("val loss");
            in.timeoutS = 2.5;
            in.attempt = attempt;
            in.retries = retries;
            return engine::classify(in).reason;
        };
        const QString reasons[] = {
            reason(Ending::Interrupted, {}),
            reason(Ending::Timeout, {SIGTERM, true, {}, {}, {}}),
            reason(Ending::Budget, {SIGTERM, true, {}, {}, {}}),
            reason(Ending::None, {-1, false, QStringLiteral("command not found: my prog"), {}, {}}),
            reason(Ending::None, {-1, false, QStringLiteral("/opt/x: y is not an executable file"), {}, {}}),
            reason(Ending::None, {SIGSEGV, true, {}, {}, {}}),
            reason(Ending::None, {3, false, {}, {}, {}}),
            reason(Ending::None, {0, false, {}, {}, {}}, std::nullopt),
            reason(Ending::None, {0, false, {}, {}, {}}, std::nan("")),
            reason(Ending::None, {0, false, {}, {}, {}}, std::numeric_limits<double>::infinity()),
            reason(Ending::None, {1, false, {}, {}, {}}, 0.5, 1, 2),
            reason(Ending::Timeout, {SIGTERM, true, {}, {}, {}}, 0.5, 2, 3),
            // What the executors pass on (written as they write them).
            reason(Ending::None, {0, false, {}, QStringLiteral("Slurm job 12 ended NODE_FAIL (node n1)"), {}}, 0.5, 1, 1),
            reason(Ending::None, {0, false, {}, {}, QStringLiteral("Slurm job 12 reached its time limit (01:00:00)")}),
            reason(Ending::None, {0, false, {}, {}, QStringLiteral("rank 1 was killed by signal 9")}),
        };
        for (const QString& r : reasons)
            checkMessage(r);
        QCOMPARE(marked(reasons[10]), QStringLiteral("ZH[ZH[exit code 1] (attempt 1 of 3)]"));
        QCOMPARE(marked(reasons[7]), QStringLiteral("ZH[no objective: the trial never printed 'val loss=<number>']"));
    }

    void pruneReasons()
    {
        using algorithms::TrialState;
        const std::vector<algorithms::TrialRecord> three{record(0, TrialState::Completed, {{1, 0.1}}), record(1, TrialState::Completed, {{1, 0.2}}),
                                                         record(2, TrialState::Completed, {{1, 0.3}})};
        std::vector<algorithms::TrialRecord> many;
        for (std::int64_t n = 0; n < 30; ++n)
            many.push_back(record(n, TrialState::Completed, {{1, 0.1}, {3, 0.1}, {9, 0.1}, {27, 0.1}, {81, 0.1}}));
        const QString reasons[] = {
            pruneReason("asha", {}, three, {{1, 0.9}}),
            pruneReason("asha", {}, three, {{1, std::nan("")}}),
            pruneReason("asha", {{"bootstrap_count", algorithms::Value(std::int64_t(5))}}, three, {{1, 0.9}}),
            pruneReason("hyperband", {}, many, {{81, 0.9}}), // whichever bracket trial 30 falls in, its rung holds good values
            pruneReason("median", {{"n_startup_trials", algorithms::Value(std::int64_t(1))}}, three, {{1, 0.9}}),
            pruneReason("median", {{"n_startup_trials", algorithms::Value(std::int64_t(1))}}, three, {{1, std::nan("")}}),
        };
        for (const QString& r : reasons)
            checkMessage(r);
        QVERIFY2(reasons[0].startsWith(QLatin1String("asha: ")), qPrintable(reasons[0]));
        QVERIFY2(marked(reasons[0]).startsWith(QLatin1String("ZH[asha: ZH[")), qPrintable(marked(reasons[0])));
    }

    void experimentEnds()
    {
        engine::StateCounts one;
        one.failed = 1;
        engine::StateCounts all;
        all.failed = 4;
        const QString log = QStringLiteral("/data/s.trials/t-1/trial-0/output.log");
        const QString reasons[] = {
            engine::budgetEnd(one, QStringLiteral("max_trials reached (1 trials)"), QStringLiteral("exit code 2"), log).reason,
            engine::budgetEnd(one, QStringLiteral("max_trials reached (1 trials)"), {}, {}).reason,
            engine::budgetEnd(all, QStringLiteral("max_trials reached (4 trials)"), QStringLiteral("could not start: command not found: p"), log).reason,
            engine::budgetEnd(all, QStringLiteral("the random sampler has no more points (4 trials)"), QStringLiteral("exit code 1 (attempt 2 of 2)"), {}).reason,
        };
        checkMessage(reasons[0], {log});
        checkMessage(reasons[1]);
        checkMessage(reasons[2], {log});
        checkMessage(reasons[3]);
        QCOMPARE(marked(reasons[0]), QStringLiteral("ZH[its only trial failed: ZH[exit code 2]; see its log %1]").arg(log));
    }

    // The engine's own end, with a real store: an ask/tell experiment has no trial to run.
    void engineEnds()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("s.db"));
        {
            engine::Store store(db);
            engine::ParseOptions options;
            options.requireTrial = false;
            store.createExperiment(QStringLiteral("asked"),
                                   QJsonDocument(engine::parseSpec(spec("{'name': 'asked', 'trial': '<drop>'}"), options).json).toJson());
        }
        engine::Engine engine(db, QStringLiteral("asked"));
        QSignalSpy finished(&engine, &engine::Engine::finished);
        engine.start();
        QTRY_COMPARE(finished.count(), 1);
        checkMessage(finished.first().at(1).toString());
    }

    // ---- Launch: the store, the lease, resources, the trial program -----------------------
    void storeAndLeaseMessages()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("s.db"));
        auto caught = [](const std::function<void()>& work) {
            try {
                work();
            } catch (const std::exception& e) {
                return QString::fromUtf8(e.what());
            }
            return QString();
        };
        checkMessage(caught([&] { engine::Store(dir.filePath(QStringLiteral("none.db")), engine::Store::OpenMode::ExistingOnly); }));
        QFile text(dir.filePath(QStringLiteral("text.db")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write(QByteArray(4096, 'x'));
        text.close();
        checkMessage(caught([&] { engine::Store store(text.fileName()); }), {text.fileName()});

        engine::Store store(db);
        checkMessage(caught([&] { engine::Study::find(store, QStringLiteral("x")); }), {db});
        const QByteArray json = QJsonDocument(engine::parseSpec(spec("{'name': 'e'}")).json).toJson();
        store.createExperiment(QStringLiteral("e"), json);
        checkMessage(caught([&] { store.createExperiment(QStringLiteral("e"), json); }), {db});
        checkMessage(caught([&] { engine::Study::find(store, QStringLiteral("x")); }), {db});
        const engine::ExperimentRow row = engine::Study::find(store, QStringLiteral("e"));
        engine::Lease first(store, row, QStringLiteral("tunebench (window)"));
        const QString busy = caught([&] { engine::Lease second(store, row, QStringLiteral("tunebench-cli run")); });
        QVERIFY2(busy.contains(QLatin1String("already being run by tunebench (window) (pid")), qPrintable(busy));
        checkMessage(busy, {db, QStringLiteral("--experiment e ")});
    }

    void launchChecks()
    {
        auto planned = [](const char* resources, int visible) {
            try {
                engine::planResources(engine::parseSpec(spec(object((QByteArray("{'resources': ") + resources + "}").constData()))).resources, visible);
            } catch (const engine::SpecError& e) {
                return QString::fromUtf8(e.what());
            }
            return QString();
        };
        checkMessage(planned("{'gpus': [3]}", 2), {QStringLiteral("resources.gpus[0]")});
        checkMessage(planned("{'gpus': [3]}", 0));
        checkMessage(planned("{'gpus_per_trial': 1}", 0));
        checkMessage(planned("{'gpus': 'all'}", 0));
        checkMessage(planned("{'gpus': 'all', 'gpus_per_trial': 3}", 2));

        QTemporaryDir dir;
        QFile plain(dir.filePath(QStringLiteral("train.py")));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        auto program = [&](const char* trial, const QString& path) {
            engine::ParseOptions options;
            options.baseDir = dir.path();
            try {
                engine::checkTrialProgram(engine::parseSpec(spec(object((QByteArray("{'trial': ") + trial + "}").constData())), options), path);
            } catch (const engine::SpecError& e) {
                return QString::fromUtf8(e.what());
            }
            return QString();
        };
        const QString notFound = program("{'argv': ['no-such-program-tb']}", QStringLiteral("/nonexistent"));
        checkMessage(notFound, {QStringLiteral("trial.argv[0]"), QStringLiteral("no-such-program-tb")});
        QVERIFY2(!marked(notFound).contains(QLatin1String("ZH[PATH]")), qPrintable(marked(notFound))); // a name, not a message
        checkMessage(program("{'argv': ['no-such-program-tb'], 'env': {'PATH': '/nonexistent'}}", {}));
        checkMessage(program("{'argv': ['/nonexistent/prog']}", {}));
        checkMessage(program("{'argv': ['./nowhere/prog']}", {}));
        checkMessage(program("{'argv': ['./train.py']}", {}), {QDir::cleanPath(plain.fileName())});
    }

    void gpuWaitReasons()
    {
        engine::GpuPolicy policy;
        policy.devices = {0, 1, 2, 3};
        policy.minFreeMemoryBytes = std::uint64_t(1000) << 20;
        policy.skipBusyGpus = true;
        engine::GpuAllocator allocator(policy);
        engine::GpuState busy{0, std::uint64_t(8) << 30, 0, {11, 12, 13, 14}, 0, 1 << 30, {}};
        engine::GpuState full{1, std::uint64_t(2) << 30, std::uint64_t(1536) << 20, {}, 0, 1 << 30, {}};
        engine::GpuState held{2, std::uint64_t(8) << 30, 0, {}, 1, 1, "experiment 'x, y' in /data/s.db, trial 3"};
        allocator.update({busy, full, held});
        const QString reasons[] = {
            QString::fromStdString(allocator.request(1, 5).waitReason),
            QString::fromStdString(allocator.request(1, 2).waitReason),
            QString::fromStdString(allocator.request(1, 1).waitReason),
        };
        checkMessage(reasons[0]);
        checkMessage(reasons[1], {QStringLiteral("experiment 'x, y' in /data/s.db, trial 3")});
        checkMessage(reasons[2], {QStringLiteral("experiment 'x, y' in /data/s.db, trial 3")});
        QVERIFY2(reasons[2].startsWith(QLatin1String("GPU 0 busy with foreign processes (pid 11, 12, 13, ...), GPU 1 has")), qPrintable(reasons[2]));
        QVERIFY2(marked(reasons[2]).startsWith(QLatin1String("ZH[ZH[GPU 0 busy with foreign processes (pid 11, 12, 13, ...)], ZH[")),
                 qPrintable(marked(reasons[2])));
        engine::GpuAllocator shared(engine::GpuPolicy{{0}, 1, 0, false});
        shared.update({engine::GpuState{0, std::uint64_t(8) << 30, 0, {}, 0, 1 << 30, {}}});
        QVERIFY(shared.request(1, 1).granted());
        checkMessage(QString::fromStdString(shared.request(2, 1).waitReason));
    }

    // ---- Translation -----------------------------------------------------------------------
    void translatesTemplatesAndKeepsParts_data()
    {
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("expected");
        QTest::newRow("path and what") << QStringLiteral("space[2].low: expected a number, got \"x\"")
                                       << QStringLiteral("ZH[space[2].low: ZH[expected ZH[a number], got \"x\"]]");
        QTest::newRow("described value") << QStringLiteral("trial: expected an object, got an array")
                                         << QStringLiteral("ZH[trial: ZH[expected ZH[an object], got ZH[an array]]]");
        QTest::newRow("named parameter") << QStringLiteral("space[0] 'lr': low and high must be finite numbers")
                                         << QStringLiteral("ZH[space[0] 'lr': ZH[low and high must be finite numbers]]");
        QTest::newRow("key holding ': '") << QStringLiteral("trial.env.A: B: expected a string, got 1")
                                          << QStringLiteral("ZH[trial.env.A: B: ZH[expected ZH[a string], got 1]]");
        QTest::newRow("path before free text") << QStringLiteral("executor.sbatch_args[0]: --output=x is set by Tunebench (output files, job name); remove it")
                                               << QStringLiteral("ZH[executor.sbatch_args[0]: ZH[--output=x is set by Tunebench (output files, job name); remove it]]");
        QTest::newRow("key holding %1") << QStringLiteral("space[0] '%1x': low and high must be finite numbers")
                                        << QStringLiteral("ZH[space[0] '%1x': ZH[low and high must be finite numbers]]");
        QTest::newRow("value holding %2") << QStringLiteral("command not found: a%2b")
                                          << QStringLiteral("ZH[command not found: a%2b]");
        QTest::newRow("nested reasons") << QStringLiteral("its only trial failed: could not start: command not found: p q; see its log /t/a b.log")
                                        << QStringLiteral("ZH[its only trial failed: ZH[could not start: ZH[command not found: p q]]; see its log /t/a b.log]");
        QTest::newRow("part used twice") << QStringLiteral("name: an experiment named 'e' already exists in /d/s.db; resume it "
                                                           "(tunebench-cli resume --db /d/s.db --experiment e) or choose another name")
                                         << QStringLiteral("ZH[name: ZH[an experiment named 'e' already exists in /d/s.db; resume it "
                                                           "(tunebench-cli resume --db /d/s.db --experiment e) or choose another name]]");
        QTest::newRow("alternatives") << QStringLiteral("objective.direction: expected \"minimize\" or \"maximize\", got \"up\"")
                                      << QStringLiteral("ZH[objective.direction: ZH[expected ZH[\"minimize\" or \"maximize\"], got \"up\"]]");
        QTest::newRow("failure budget") << QStringLiteral("3 trials failed (max_failed 2); last: exit code 1; metrics capped at trial.max_metric_rows = 10 (5 more rows not stored)")
                                        << QStringLiteral("ZH[ZH[3 trials failed (max_failed 2); last: ZH[exit code 1]]; metrics capped at trial.max_metric_rows = 10 (5 more rows not stored)]");
        QTest::newRow("external sampler stopped") << QStringLiteral("the external sampler (python3 s.py) exited with code 1, after it had been started "
                                                                    "again once; its log: /d/sampler.log; it last wrote: boom")
                                                  << QStringLiteral("ZH[the external sampler (python3 s.py) ZH[exited with code 1], after it had been started "
                                                                    "again once; its log: /d/sampler.log; it last wrote: boom]");
    }

    void translatesTemplatesAndKeepsParts()
    {
        QFETCH(QString, english);
        QFETCH(QString, expected);
        // Beside the real catalogue, as in the window: other contexts come from it.
        QTranslator catalogue;
        QVERIFY(catalogue.load(QStringLiteral(":/i18n/tunebench_zh_CN.qm")));
        QCoreApplication::installTranslator(&catalogue);
        QCOMPARE(marked(english), expected);
        QCoreApplication::removeTranslator(&catalogue);
        QVERIFY(tb::widgets::hasTemplate(english));
    }

    void engineWhatTranslatesOnlyWholeMessages()
    {
        MarkingTranslator translator;
        QCoreApplication::installTranslator(&translator);
        QCOMPARE(tb::widgets::engineWhat(QStringLiteral("expected a number, got 1")), QStringLiteral("ZH[expected ZH[a number], got 1]"));
        QCOMPARE(tb::widgets::engineWhat(QStringLiteral("space[0].low: expected a number, got 1")), QStringLiteral("space[0].low: expected a number, got 1"));
        QCoreApplication::removeTranslator(&translator);
    }

    // The real catalogue once lupdate has taken in the templates (the lead's step).
    void realCatalogue()
    {
        QTranslator catalogue;
        QVERIFY(catalogue.load(QStringLiteral(":/i18n/tunebench_zh_CN.qm")));
        if (catalogue.translate(kContext, "exit code %1").isEmpty())
            QSKIP("the zh_CN catalogue has no engine texts yet (update_translations)");
        QCoreApplication::installTranslator(&catalogue);
        const QString out = tb::widgets::engineText(QStringLiteral("space[1].high: expected a number, got \"x\""));
        const QString reason = tb::widgets::engineText(QStringLiteral("exit code 3 (attempt 1 of 2)"));
        QCoreApplication::removeTranslator(&catalogue);
        QVERIFY2(out.startsWith(QLatin1String("space[1].high")) && !out.contains(QLatin1String("expected")) && out.contains(QLatin1String("\"x\"")),
                 qPrintable(out));
        QVERIFY2(!reason.contains(QLatin1String("exit code")) && reason.contains(QLatin1Char('3')), qPrintable(reason));
    }

    void unmatchedComesBackUnchanged_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("free text") << QStringLiteral("the trial's own words");
        QTest::newRow("near a template") << QStringLiteral("exit code x");
        QTest::newRow("longer than a template") << QStringLiteral("exit code 3 and more");
        QTest::newRow("a path before unknown text") << QStringLiteral("space[0].low: something else");
        QTest::newRow("a list with one unknown piece") << QStringLiteral("GPU 0 is not visible, GPU 1 is on fire");
        QTest::newRow("words joined by or") << QStringLiteral("stop or go");
        QTest::newRow("not text") << QStringLiteral("\u4e2d\u6587: \x01%1%2");
    }

    void unmatchedComesBackUnchanged()
    {
        QFETCH(QString, text);
        QCOMPARE(marked(text), text);
        QVERIFY(!tb::widgets::hasTemplate(text));
    }

    // A template that matches, around a message that none does: what can be translated is,
    // the rest stays as written, and hasTemplate() says it is not all covered.
    void partlyKnownMessages()
    {
        const QString english = QStringLiteral("its only trial failed: the trial's own words; see its log /t/o.log");
        QCOMPARE(marked(english), QStringLiteral("ZH[its only trial failed: the trial's own words; see its log /t/o.log]"));
        QVERIFY(!tb::widgets::hasTemplate(english));
    }
};

QTEST_MAIN(TestEngineText)
#include "tst_engine_text.moc"
