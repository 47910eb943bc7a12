// The experiment spec: the documented example, and rejected specs with their messages.

#include "engine/core/errors.h"
#include "engine/core/spec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <cmath>
#include <functional>
#include <optional>

using namespace tb::engine;

namespace {

const char* const kIssueExample = R"({"name": "demo",
 "objective": {"metric": "loss", "direction": "minimize"},
 "space": [
   {"name": "lr", "type": "float", "low": 1e-5, "high": 1.0, "log": true},
   {"name": "layers", "type": "int", "low": 1, "high": 8},
   {"name": "optimizer", "type": "categorical", "choices": ["adam", "sgd"]},
   {"name": "momentum", "type": "float", "low": 0.5, "high": 0.99,
    "when": {"optimizer": ["sgd"]}}],
 "algorithm": {"name": "random", "seed": 7},
 "budget": {"max_trials": 30},
 "resources": {"parallel_trials": 4},
 "trial": {"argv": ["python3", "train.py", "--lr=${lr}", "--layers", "${layers}"],
           "timeout_s": 600}})";

QByteArray withBase(const QByteArray& patch)
{
    // A valid minimal spec with one top-level key replaced or added.
    QJsonObject base = QJsonDocument::fromJson(R"({"name": "x", "objective": {"metric": "loss"},
        "space": [{"name": "a", "type": "float", "low": 0, "high": 1}], "trial": {"argv": ["t"]}})").object();
    const QJsonObject p = QJsonDocument::fromJson(patch).object();
    for (auto it = p.begin(); it != p.end(); ++it)
        base[it.key()] = it.value();
    return QJsonDocument(base).toJson();
}

// A valid spec with `objectives` instead of objective, and `extra` top-level keys.
QByteArray multi(const char* objectives, const char* extra = "")
{
    return QByteArray(R"({"name": "x", )") + extra + R"( "objectives": )" + objectives
        + R"(, "space": [{"name": "a", "type": "float", "low": 0, "high": 1}], "trial": {"argv": ["t"]}})";
}

// The SpecError `parse` throws, or nothing when it accepts its input.
std::optional<SpecError> errorOf(const std::function<void()>& parse)
{
    try {
        parse();
    } catch (const SpecError& e) {
        return e;
    }
    return std::nullopt;
}

} // namespace

class TestSpec : public QObject {
    Q_OBJECT
private slots:
    void issueExampleIsAcceptedAsWritten()
    {
        ParseOptions options;
        options.baseDir = QStringLiteral("/work/specs");
        const ExperimentSpec spec = parseSpec(QByteArray(kIssueExample), options);
        QCOMPARE(spec.name, QStringLiteral("demo"));
        QCOMPARE(spec.objective.metric, QStringLiteral("loss"));
        QCOMPARE(spec.space.size(), std::size_t(4));
        QVERIFY(spec.space.params()[3].when.has_value());
        QCOMPARE(spec.algorithm.seed, std::uint64_t(7));
        QCOMPARE(*spec.budget.maxTrials, qint64(30));
        QCOMPARE(spec.resources.parallelTrials, 4);
        QCOMPARE(spec.trial->argv.size(), 5);
        QCOMPARE(*spec.trial->timeoutS, 600.0);
        QCOMPARE(spec.trial->workdir, QStringLiteral("/work/specs"));
        // The stored form makes defaults explicit and parses again to the same spec.
        const ExperimentSpec again = parseSpec(spec.json, options);
        QCOMPARE(again.algorithm.seed, spec.algorithm.seed);
        QCOMPARE(again.trial->workdir, spec.trial->workdir);
    }

    void storedSpecPinsEverySetting()
    {
        // Defaults are written out, so that a later version whose defaults differ resumes a
        // stored experiment with the settings it started with.
        const ExperimentSpec spec = parseSpec(withBase(R"({"algorithm": {"name": "tpe", "seed": 3,
            "settings": {"multivariate": false}}, "pruner": {"name": "median"}})"));
        const QJsonObject algorithm = spec.json.value(QStringLiteral("algorithm")).toObject();
        const QJsonObject settings = algorithm.value(QStringLiteral("settings")).toObject();
        QCOMPARE(settings.size(), qsizetype(spec.algorithm.settings.size()));
        QVERIFY(settings.size() > 5);
        QCOMPARE(settings.value(QStringLiteral("multivariate")).toBool(true), false);
        QCOMPARE(settings.value(QStringLiteral("n_ei_candidates")).toInt(), 24);
        QCOMPARE(settings.value(QStringLiteral("startup")).toString(), QStringLiteral("sobol"));
        const QJsonObject pruner = spec.json.value(QStringLiteral("pruner")).toObject();
        QCOMPARE(pruner.value(QStringLiteral("settings")).toObject().value(QStringLiteral("n_startup_trials")).toInt(), 5);

        const ExperimentSpec again = parseSpec(spec.json);
        QCOMPARE(again.algorithm.settings, spec.algorithm.settings);
        QCOMPARE(again.pruner.settings, spec.pruner.settings);
        QCOMPARE(again.json, spec.json);
    }

    void gpuResourcesAreParsed()
    {
        const ExperimentSpec none = parseSpec(withBase("{}"));
        QVERIFY(!none.resources.managesGpus());
        QCOMPARE(none.resources.telemetryHz, 2.0);
        QVERIFY(!none.resources.gpusPerTrial.has_value());

        const ExperimentSpec all = parseSpec(withBase(R"({"resources": {"gpus": "all"}})"));
        QVERIFY(all.resources.managesGpus());
        QVERIFY(all.resources.allGpus);
        QCOMPARE(all.resources.trialsPerGpu, 1);

        const ExperimentSpec some = parseSpec(withBase(R"({"resources": {"gpus": [2, 0], "gpus_per_trial": 2, "trials_per_gpu": 3,
            "min_free_memory_mb": 2000, "skip_busy_gpus": true, "telemetry_hz": 0.5, "parallel_trials": 2}})"));
        QCOMPARE(some.resources.gpus, (std::vector<int>{2, 0}));
        QCOMPARE(*some.resources.gpusPerTrial, 2);
        QCOMPARE(some.resources.trialsPerGpu, 3);
        QCOMPARE(some.resources.minFreeMemoryMb, qint64(2000));
        QVERIFY(some.resources.skipBusyGpus);
        QCOMPARE(some.resources.telemetryHz, 0.5);
        QVERIFY(some.resources.parallelTrialsGiven);

        // gpus_per_trial alone means "all GPUs"; 0 with a list hides the GPUs from trials.
        QVERIFY(parseSpec(withBase(R"({"resources": {"gpus_per_trial": 1}})")).resources.managesGpus());
        QVERIFY(parseSpec(withBase(R"({"resources": {"gpus": [0], "gpus_per_trial": 0}})")).resources.managesGpus());
    }

    void algorithmDefaultsToAuto()
    {
        // No algorithm.name: `auto` (issue 18), stored by name with its settings pinned, so
        // that later changes of auto's defaults leave a stored experiment as it ran.
        const ExperimentSpec spec = parseSpec(withBase("{}"));
        QCOMPARE(spec.algorithm.name, QStringLiteral("auto"));
        const QJsonObject algorithm = spec.json.value(QStringLiteral("algorithm")).toObject();
        QCOMPARE(algorithm.value(QStringLiteral("name")).toString(), QStringLiteral("auto"));
        const QJsonObject settings = algorithm.value(QStringLiteral("settings")).toObject();
        QCOMPARE(settings.value(QStringLiteral("n_startup_trials")).toInteger(), 10);
        QCOMPARE(settings.value(QStringLiteral("gp_max_trials")).toInteger(), 200);
        QCOMPARE(parseSpec(withBase(R"({"algorithm": {"seed": 4}})")).algorithm.name, QStringLiteral("auto"));
    }

    // Several objectives with their directions and reference, constraints with their bounds;
    // the single form is the first of `objectives`.
    void objectivesAndConstraintsAreParsed()
    {
        const ExperimentSpec spec = parseSpec(multi(R"([{"metric": "loss", "reference": 2.5},
            {"metric": "acc", "direction": "maximize", "use": "best", "reference": 0}])", R"("constraints": [{"metric": "mem", "max": 10}, {"metric": "acc", "min": 0.5, "max": 1}],)"));
        QVERIFY(spec.multiObjective());
        QCOMPARE(spec.objectiveMetrics(), (QStringList{QStringLiteral("loss"), QStringLiteral("acc")}));
        QCOMPARE(spec.objective.metric, QStringLiteral("loss"));
        QCOMPARE(spec.objectives[0].reference, std::optional<double>(2.5));
        QCOMPARE(spec.objectives[1].direction, tb::algorithms::Direction::Maximize);
        QCOMPARE(spec.objectives[1].use, ObjectiveSpec::Use::Best);
        QCOMPARE(spec.objectives[1].reference, std::optional<double>(0));
        QCOMPARE(spec.algorithm.name, QStringLiteral("auto")); // auto handles several
        QCOMPARE(spec.constraints.size(), std::size_t(2));
        QCOMPARE(spec.constraints[0].violation(9.5), 0.0);
        QCOMPARE(spec.constraints[0].violation(12.0), 2.0);
        QCOMPARE(spec.constraints[1].violation(0.25), 0.25);
        QVERIFY(std::isinf(spec.constraints[1].violation(std::nan(""))));
        // The stored spec reads back the same.
        const ExperimentSpec again = parseSpec(spec.json);
        QCOMPARE(again.objectiveMetrics(), spec.objectiveMetrics());
        QCOMPARE(again.constraints.size(), std::size_t(2));
        const ExperimentSpec single = parseSpec(withBase(R"({"constraints": [{"metric": "mem", "max": 10}]})"));
        QVERIFY(!single.multiObjective());
        QCOMPARE(single.objectives.size(), std::size_t(1));
    }

    void seedIsChosenOnceAndStored()
    {
        const ExperimentSpec spec = parseSpec(withBase("{}"));
        QVERIFY(spec.json.value(QStringLiteral("algorithm")).toObject().contains(QStringLiteral("seed")));
        QCOMPARE(parseSpec(spec.json).algorithm.seed, spec.algorithm.seed);
    }

    void rejected_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown top key") << withBase(R"({"budjet": {}})")
            << "budjet: unknown key; known keys: name, objective, objectives, constraints, space, algorithm, pruner, budget, resources, trial, description, executor";
        QTest::newRow("missing name") << QByteArray(R"({"objective": {"metric": "loss"}, "space": []})") << "name: missing; it is required";
        QTest::newRow("direction") << withBase(R"({"objective": {"metric": "loss", "direction": "down"}})")
                                   << "objective.direction: expected \"minimize\" or \"maximize\", got \"down\"";
        QTest::newRow("use") << withBase(R"({"objective": {"metric": "loss", "use": "first"}})") << "objective.use: expected \"last\" or \"best\", got \"first\"";
        // Several objectives and constraints (issue 17).
        QTest::newRow("objective and objectives") << withBase(R"({"objectives": [{"metric": "a"}, {"metric": "b"}]})")
                                                  << "objectives: give either \"objective\" (one) or \"objectives\" (a list), not both";
        QTest::newRow("no objectives") << multi(R"([])") << "objectives: expected 1 to 6 objectives, got 0";
        QTest::newRow("objective not an object") << multi(R"(["loss"])")
                                                 << "objectives[0]: expected an object like {\"metric\": \"loss\", \"direction\": \"minimize\"}, got \"loss\"";
        QTest::newRow("same metric twice") << multi(R"([{"metric": "loss"}, {"metric": "loss", "direction": "maximize"}])")
                                           << "objectives[1].metric: \"loss\" is objective 1's metric already; each objective needs a metric of its own";
        QTest::newRow("objective direction") << multi(R"([{"metric": "a"}, {"metric": "b", "direction": "up"}])")
                                             << "objectives[1].direction: expected \"minimize\" or \"maximize\", got \"up\"";
        QTest::newRow("reference") << multi(R"([{"metric": "a", "reference": "far"}, {"metric": "b"}])")
                                   << "objectives[0].reference: expected a number, got \"far\"";
        QTest::newRow("reference on some") << multi(R"([{"metric": "a", "reference": 1}, {"metric": "b"}])")
                                           << "objectives[1]: no \"reference\", while another objective has one; the reference point needs one "
                                              "value per objective, or none (then it is derived from the trials)";
        QTest::newRow("single-objective sampler") << multi(R"([{"metric": "a"}, {"metric": "b"}])", R"("algorithm": {"name": "cmaes"},)")
                                                  << "algorithm.name: 'cmaes' optimizes one objective and this spec has 2; use one of auto, "
                                                     "random, grid, sobol, tpe, gp, nsga2 (auto, the default, picks one)";
        QTest::newRow("pruner with several") << multi(R"([{"metric": "a"}, {"metric": "b"}])", R"("pruner": {"name": "median"},)")
                                             << "pruner.name: pruners stop a trial by one objective's curve, and this spec has 2 objectives; use \"none\"";
        QTest::newRow("constraints not a list") << withBase(R"({"constraints": {"metric": "mem", "max": 1}})")
                                                << "constraints: expected an array, got an object";
        QTest::newRow("constraint without bounds") << withBase(R"({"constraints": [{"metric": "mem"}]})")
                                                   << "constraints[0]: give \"min\", \"max\" or both: the bounds the metric must keep";
        QTest::newRow("constraint key") << withBase(R"({"constraints": [{"metric": "mem", "below": 3}]})")
                                        << "constraints[0].below: unknown key; known keys: metric, min, max";
        QTest::newRow("constraint bounds crossed") << withBase(R"({"constraints": [{"metric": "mem", "min": 3, "max": 1}]})")
                                                   << "constraints[0].max: 1 is below min 3; no value could keep both";
        QTest::newRow("constraint metric") << withBase(R"({"constraints": [{"max": 1}]})") << "constraints[0].metric: missing; it is required";
        QTest::newRow("space type") << withBase(R"({"space": [{"name": "a", "type": "double", "low": 0, "high": 1}]})")
                                    << "space[0].type: expected one of float, int, categorical, fixed, got \"double\"";
        QTest::newRow("param key") << withBase(R"({"space": [{"name": "a", "type": "int", "low": 0, "high": 1, "choices": [1]}]})")
                                   << "space[0].choices: unknown key; known keys: name, type, when, low, high, log, step";
        QTest::newRow("low type") << withBase(R"({"space": [{"name": "a", "type": "float", "low": "0", "high": 1}]})")
                                  << "space[0].low: expected a number, got \"0\"";
        QTest::newRow("log low") << withBase(R"({"space": [{"name": "lr", "type": "float", "low": 0, "high": 1, "log": true}]})")
                                 << "space[0] 'lr': log scale needs low > 0, got 0";
        QTest::newRow("when two parents") << withBase(R"({"space": [{"name": "a", "type": "float", "low": 0, "high": 1, "when": {"x": [1], "y": [2]}}]})")
                                          << "space[0] 'a': 'when' needs exactly one parent, like {\"optimizer\": [\"sgd\"]}";
        QTest::newRow("choice type") << withBase(R"({"space": [{"name": "c", "type": "categorical", "choices": [[1]]}]})")
                                     << "space[0].choices[0]: expected a string, number or boolean, got an array";
        QTest::newRow("algorithm") << withBase(R"({"algorithm": {"name": "magic"}})") << "algorithm.name: unknown algorithm 'magic'; known: auto, random, grid, sobol, tpe, gp, cmaes, nsga2, external";
        QTest::newRow("algorithm setting") << withBase(R"({"algorithm": {"name": "sobol", "settings": {"scramble": 1}}})")
                                           << "algorithm.settings.scramble: expected true or false, got 1";
        QTest::newRow("pruner") << withBase(R"({"pruner": {"name": "guillotine"}})") << "pruner.name: unknown pruner 'guillotine'; known: none, median, asha, hyperband, external";
        QTest::newRow("max_trials") << withBase(R"({"budget": {"max_trials": 0}})") << "budget.max_trials: expected an integer >= 1, got 0";
        QTest::newRow("max_seconds") << withBase(R"({"budget": {"max_seconds": -1}})") << "budget.max_seconds: expected a positive number of seconds, got -1";
        QTest::newRow("parallel") << withBase(R"({"resources": {"parallel_trials": 2.5}})") << "resources.parallel_trials: expected an integer >= 1, got 2.5";
        QTest::newRow("gpus word") << withBase(R"({"resources": {"gpus": "some"}})")
                                   << "resources.gpus: expected \"all\" or a non-empty list of GPU indices like [0, 1], got \"some\"";
        QTest::newRow("gpus empty") << withBase(R"({"resources": {"gpus": []}})")
                                    << "resources.gpus: expected \"all\" or a non-empty list of GPU indices like [0, 1], got an array";
        QTest::newRow("gpus index") << withBase(R"({"resources": {"gpus": [0, -1]}})")
                                    << "resources.gpus[1]: expected a GPU index (an integer 0..1023), got -1";
        QTest::newRow("gpus twice") << withBase(R"({"resources": {"gpus": [1, 1]}})") << "resources.gpus[1]: GPU 1 is listed twice";
        QTest::newRow("gpus_per_trial") << withBase(R"({"resources": {"gpus": "all", "gpus_per_trial": -1}})")
                                        << "resources.gpus_per_trial: expected an integer >= 0, got -1";
        QTest::newRow("gpus_per_trial > list") << withBase(R"({"resources": {"gpus": [0, 1], "gpus_per_trial": 3}})")
                                               << "resources.gpus_per_trial: 3 GPUs per trial, but resources.gpus lists only 2";
        QTest::newRow("trials_per_gpu") << withBase(R"({"resources": {"gpus": "all", "trials_per_gpu": 0}})")
                                        << "resources.trials_per_gpu: expected an integer >= 1, got 0";
        QTest::newRow("min_free_memory_mb") << withBase(R"({"resources": {"gpus": "all", "min_free_memory_mb": "2G"}})")
                                            << "resources.min_free_memory_mb: expected an integer >= 0, got \"2G\"";
        QTest::newRow("skip_busy_gpus") << withBase(R"({"resources": {"gpus": "all", "skip_busy_gpus": "yes"}})")
                                        << "resources.skip_busy_gpus: expected true or false, got \"yes\"";
        QTest::newRow("gpu key without gpus") << withBase(R"({"resources": {"trials_per_gpu": 2}})")
                                              << "resources.trials_per_gpu: only applies with resources.gpus (\"all\" or a list) or gpus_per_trial >= 1";
        QTest::newRow("telemetry_hz") << withBase(R"({"resources": {"telemetry_hz": 0}})")
                                      << "resources.telemetry_hz: expected a number of samples per second in (0, 20], got 0";
        QTest::newRow("argv type") << withBase(R"({"trial": {"argv": ["t", 3]}})") << "trial.argv[1]: expected a string, got 3";
        QTest::newRow("argv empty") << withBase(R"({"trial": {"argv": []}})") << "trial.argv: is empty; give at least the program to run";
        QTest::newRow("metrics format") << withBase(R"({"trial": {"argv": ["t"], "metrics": {"format": "tensorflow"}}})")
                                        << "trial.metrics.format: expected \"katib\", \"json_lines\" or \"regex\", got \"tensorflow\"";
        QTest::newRow("patterns without regex") << withBase(R"({"trial": {"argv": ["t"], "metrics": {"format": "json_lines", "patterns": ["x"]}}})")
                                                << "trial.metrics.patterns: only for \"format\": \"regex\"";
        QTest::newRow("regex without patterns") << withBase(R"({"trial": {"argv": ["t"], "metrics": {"format": "regex"}}})")
                                                << "trial.metrics.patterns: missing; give regular expressions with named groups, like "
                                                   "[\"(?<name>\\\\w+): (?<value>[-+.\\\\deE]+)\"]";
        // Built from plain literals: moc stops reading raw strings that hold a regex.
        const QByteArray twoPatterns = "{\"trial\": {\"argv\": [\"t\"], \"metrics\": {\"format\": \"regex\", \"patterns\": "
                                       "[\"(?<name>\\\\w+)=(?<value>\\\\S+)\", \"(?<name>x\"]}}}";
        QTest::newRow("pattern invalid") << withBase(twoPatterns)
                                         << "trial.metrics.patterns[1] \"(?<name>x\": not a valid regular expression: missing closing parenthesis at character 10";
        const QByteArray noValue = "{\"trial\": {\"argv\": [\"t\"], \"metrics\": {\"format\": \"regex\", \"patterns\": [\"(?<name>\\\\w+)=(\\\\S+)\"]}}}";
        QTest::newRow("pattern without value") << withBase(noValue)
                                               << "trial.metrics.patterns[0] \"(?<name>\\w+)=(\\S+)\": has no named group (?<value>...); each pattern needs "
                                                  "(?<name>...) and (?<value>...)";
        QTest::newRow("env type") << withBase(R"({"trial": {"argv": ["t"], "env": {"A": 1}}})") << "trial.env.A: expected a string, got 1";
        QTest::newRow("retries") << withBase(R"({"trial": {"argv": ["t"], "retries": -1}})") << "trial.retries: expected an integer >= 0, got -1";
        QTest::newRow("no trial") << QByteArray(R"({"name": "x", "objective": {"metric": "loss"}, "space": [{"name": "a", "type": "float", "low": 0, "high": 1}]})")
            << "trial: missing; give {\"argv\": [...]} (only `tunebench-cli create` experiments, driven by ask/tell, may omit it)";
        QTest::newRow("grid float") << withBase(R"({"algorithm": {"name": "grid"}})")
                                    << "space[0] 'a': grid search needs a finite set for a float: give it 'values' or a 'step', or set algorithm.settings.steps";
        QTest::newRow("not an object") << QByteArray("[1, 2]") << "the spec must be a JSON object";
        QTest::newRow("executor type") << withBase(R"({"executor": {"type": "k8s"}})") << QStringLiteral("executor.type: expected \"local\" or \"slurm\", got \"k8s\"");
        QTest::newRow("slurm key on local") << withBase(R"({"executor": {"partition": "gpu"}})")
                                            << QStringLiteral("executor.partition: only applies with \"type\": \"slurm\"");
        QTest::newRow("time limit") << withBase(R"({"executor": {"type": "slurm", "time_limit": "90 minutes"}})")
                                    << QStringLiteral("executor.time_limit: expected \"HH:MM:SS\" or \"D-HH:MM:SS\", got \"90 minutes\"");
        QTest::newRow("sbatch output owned") << withBase(R"({"executor": {"type": "slurm", "sbatch_args": ["--qos=low", "--output=x"]}})")
                                             << QStringLiteral("executor.sbatch_args[1]: --output=x is set by Tunebench (output files, job name); remove it");
        // Hostile text: every character a message names is shown, none interpreted.
        QTest::newRow("NUL in a key") << withBase(R"({"bud\u0000jet": {}})")
            << "bud\\x00jet: unknown key; known keys: name, objective, objectives, constraints, space, algorithm, pruner, budget, resources, trial, description, executor";
        QTest::newRow("escape in a key") << withBase("{\"\\u001b[31mred\": {}}")
            << "\\x1b[31mred: unknown key; known keys: name, objective, objectives, constraints, space, algorithm, pruner, budget, resources, trial, description, executor";
        QTest::newRow("escape in a value") << withBase("{\"objective\": {\"metric\": \"loss\", \"direction\": \"\\u001b[2J\"}}")
                                           << "objective.direction: expected \"minimize\" or \"maximize\", got \"\\x1b[2J\"";
        QTest::newRow("control in the name") << withBase(R"({"name": "x\u001b"})") << "name: \"x\\x1b\" holds control characters; use printable text";
        QTest::newRow("env placeholder") << withBase(R"({"trial": {"argv": ["t"], "env": {"A": "${nope}"}}})")
                                         << "trial.env.A: unknown placeholder ${nope}; known: a, trial.id, trial.dir, trial.rank";
        QTest::newRow("env name") << withBase(R"({"trial": {"argv": ["t"], "env": {"A=B": "1"}}})")
                                  << "trial.env.A=B: not a valid variable name (it must be non-empty, without '=' or NUL)";
        QTest::newRow("NUL in argv") << withBase(R"({"trial": {"argv": ["t", "x\u0000y"]}})")
                                     << "trial.argv[1]: contains a NUL character, which no program argument or environment value can carry";
        QTest::newRow("NUL in a choice") << withBase(R"({"space": [{"name": "c", "type": "categorical", "choices": ["a\u0000b"]}]})")
                                         << "space[0] 'c': choice a\\x00b contains a NUL character, which no program argument can carry";
        QTest::newRow("NUL in a fixed value") << withBase(R"({"space": [{"name": "c", "type": "fixed", "value": "\u0000"}]})")
                                              << "space[0] 'c': value \\x00 contains a NUL character, which no program argument can carry";
        QTest::newRow("escape in a parent") << withBase(R"({"space": [{"name": "a", "type": "float", "low": 0, "high": 1, "when": {"\u001b": [1]}}]})")
                                            << "space[0] 'a': condition names an unknown parent '\\x1b'";
        QTest::newRow("1 and 1.0 are one choice") << withBase(R"({"space": [{"name": "c", "type": "categorical", "choices": [1, 2, 1.0]}]})")
                                                  << "space[0] 'c': choice 1 is listed twice; choices must be distinct";
        QTest::newRow("cycle") << withBase("{\"space\": [{\"name\": \"a\", \"type\": \"categorical\", \"choices\": [1], \"when\": {\"b\": [1]}},"
                                           "{\"name\": \"b\", \"type\": \"categorical\", \"choices\": [1], \"when\": {\"a\": [1]}}]}")
                               << "space[0] 'a': conditions form a cycle; make one parameter unconditional";
    }

    // Sizes that used to crash or stall the validator (a recursion per condition, a
    // quadratic duplicate check): linear now, and answered with a message.
    void hugeSpacesAreValidatedWithoutRecursion()
    {
        const int n = 70000;
        auto chain = [&](bool cyclic) {
            QJsonArray space;
            for (int i = 0; i < n; ++i) {
                QJsonObject p{{QStringLiteral("name"), QStringLiteral("p%1").arg(i)}, {QStringLiteral("type"), QStringLiteral("categorical")},
                              {QStringLiteral("choices"), QJsonArray{1, 2}}};
                if (i > 0 || cyclic)
                    p[QStringLiteral("when")] = QJsonObject{{QStringLiteral("p%1").arg(i > 0 ? i - 1 : n - 1), QJsonArray{1}}};
                space.append(p);
            }
            return withBase(QJsonDocument(QJsonObject{{QStringLiteral("space"), space}}).toJson());
        };
        const ExperimentSpec ok = parseSpec(chain(false));
        const auto& order = ok.space.topologicalOrder();
        QCOMPARE(order.size(), std::size_t(n));
        QCOMPARE(order.front(), std::size_t(0)); // every parent before its child
        QCOMPARE(order.back(), std::size_t(n - 1));
        try {
            parseSpec(chain(true));
            QFAIL("accepted a cycle");
        } catch (const SpecError& e) {
            QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("space[0] 'p0': conditions form a cycle; make one parameter unconditional"));
        }
        QJsonArray choices;
        for (int i = 0; i < 60000; ++i)
            choices.append(QStringLiteral("c%1").arg(i));
        choices.append(QStringLiteral("c5"));
        try {
            parseSpec(withBase(QJsonDocument(QJsonObject{{QStringLiteral("space"), QJsonArray{QJsonObject{
                {QStringLiteral("name"), QStringLiteral("c")}, {QStringLiteral("type"), QStringLiteral("categorical")}, {QStringLiteral("choices"), choices}}}}}).toJson()));
            QFAIL("accepted a duplicate choice");
        } catch (const SpecError& e) {
            QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("space[0] 'c': choice c5 is listed twice; choices must be distinct"));
        }
    }

    void rejected()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        try {
            parseSpec(json);
            QFAIL("accepted an invalid spec");
        } catch (const SpecError& e) {
            QCOMPARE(QString::fromUtf8(e.what()), message);
        }
    }

    // Besides its message, every error says where it is as a SpecPath, which the editors
    // read instead of the message: the parameter's row, the key, the array item.
    void errorsCarryTheirPath_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("param");
        QTest::newRow("invalid JSON") << QByteArray("{") << "" << -1;
        QTest::newRow("unknown top key") << withBase(R"({"budjet": {}})") << "budjet" << -1;
        QTest::newRow("empty space") << withBase(R"({"space": []})") << "space" << -1;
        QTest::newRow("param type") << withBase(R"({"space": [{"name": "a", "type": "float", "low": 0, "high": 1}, {"name": "b", "type": "double"}]})")
                                    << "space[1].type" << 1;
        QTest::newRow("param key") << withBase(R"({"space": [{"name": "a", "type": "int", "low": 0, "high": 1, "choices": [1]}]})")
                                   << "space[0].choices" << 0;
        QTest::newRow("grid value") << withBase(R"({"space": [{"name": "a", "type": "float", "low": 0, "high": 1}, {"name": "b", "type": "float", "values": [1, "x"]}]})")
                                    << "space[1].values[1]" << 1;
        QTest::newRow("condition value") << withBase(R"({"space": [{"name": "a", "type": "float", "low": 0, "high": 1, "when": {"c": [[1]]}}]})")
                                         << "space[0].when.c[0]" << 0;
        // Checks of the space as a whole name the parameter they are about.
        QTest::newRow("log low") << withBase(R"({"space": [{"name": "a", "type": "float", "low": 0, "high": 1}, {"name": "lr", "type": "float", "low": 0, "high": 1, "log": true}]})")
                                 << "space[1]" << 1;
        QTest::newRow("condition on a later parameter")
            << withBase(R"({"space": [{"name": "m", "type": "float", "low": 0, "high": 1, "when": {"o": ["sgd"]}}, {"name": "o", "type": "categorical", "choices": ["adam"]}]})")
            << "space[0]" << 0;
        QTest::newRow("grid needs a finite set") << withBase(R"({"algorithm": {"name": "grid"}})") << "space[0]" << 0;
        QTest::newRow("algorithm setting") << withBase(R"({"algorithm": {"name": "sobol", "settings": {"scramble": 1}}})")
                                           << "algorithm.settings" << -1;
        QTest::newRow("algorithm name") << withBase(R"({"algorithm": {"name": "magic"}})") << "algorithm.name" << -1;
        QTest::newRow("argv item") << withBase(R"({"trial": {"argv": ["t", 3]}})") << "trial.argv[1]" << -1;
        QTest::newRow("env placeholder") << withBase(R"({"trial": {"argv": ["t"], "env": {"A": "${nope}"}}})") << "trial.env.A" << -1;
        QTest::newRow("workers and gpus_per_trial") << withBase(R"({"resources": {"gpus_per_trial": 1}, "trial": {"argv": ["t"], "workers": 2}})")
                                                    << "resources.gpus_per_trial" << -1;
        QTest::newRow("parallel at most") << withBase(R"({"resources": {"parallel_trials": 2000}})") << "resources.parallel_trials" << -1;
        QTest::newRow("sbatch arg") << withBase(R"({"executor": {"type": "slurm", "sbatch_args": ["--wrap=x"]}})") << "executor.sbatch_args[0]" << -1;
    }

    void errorsCarryTheirPath()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, path);
        QFETCH(int, param);
        const auto e = errorOf([&] { parseSpec(json); });
        QVERIFY2(e, "accepted an invalid spec");
        QCOMPARE(e->path().text(), path);
        QCOMPARE(paramIndexOf(e->path()), param);
        // Outside the space's own checks the message begins with the path (settings' checks,
        // made by the algorithms layer, go one key deeper than their path).
        if (param < 0)
            QVERIFY2(QString::fromUtf8(e->what()).startsWith(path), e->what());
    }

    void spaceAloneGivesTheSpecsMessages()
    {
        const QJsonArray space = QJsonDocument::fromJson(R"([{"name": "a", "type": "float", "low": 0, "high": 1},
            {"name": "a", "type": "int", "low": 0, "high": 3}])").array();
        const auto e = errorOf([&] { parseSpace(space); });
        QVERIFY2(e, "accepted a duplicate name");
        QCOMPARE(QString::fromUtf8(e->what()), QStringLiteral("space[1] 'a': duplicate name (also space[0]); names must be unique"));
        QCOMPARE(e->path(), (SpecPath{QStringLiteral("space"), 1}));
        QCOMPARE(parseSpace(QJsonArray{space[0]}).size(), std::size_t(1));
    }

    // Every key the parser accepts for a parameter is declared once, per type; the message
    // for an unknown key lists them in that order.
    void paramKeysAreTheParsersKeys_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("keys");
        QTest::newRow("float") << "float" << "name, type, when, low, high, log, step, values";
        QTest::newRow("int") << "int" << "name, type, when, low, high, log, step";
        QTest::newRow("categorical") << "categorical" << "name, type, when, choices";
        QTest::newRow("fixed") << "fixed" << "name, type, when, value";
    }

    void paramKeysAreTheParsersKeys()
    {
        QFETCH(QString, type);
        QFETCH(QString, keys);
        const auto paramType = paramTypeNamed(type);
        QVERIFY(paramType.has_value());
        QStringList declared;
        for (key::Name k : paramKeys(*paramType))
            declared << k;
        QCOMPARE(declared.join(QStringLiteral(", ")), keys);
        const QJsonObject p{{QStringLiteral("name"), QStringLiteral("p")}, {QStringLiteral("type"), type}, {QStringLiteral("bogus"), 1}};
        const auto e = errorOf([&] { parseSpace(QJsonArray{p}); });
        QVERIFY2(e, "accepted an unknown key");
        QCOMPARE(QString::fromUtf8(e->what()), QStringLiteral("space[0].bogus: unknown key; known keys: ") + keys);
        QVERIFY(!paramTypeNamed(QStringLiteral("double")).has_value());
    }

    void fileErrorsNameTheFile()
    {
        try {
            loadSpecFile(QStringLiteral("/nonexistent/spec.json"));
            QFAIL("read a missing file");
        } catch (const SpecError& e) {
            QVERIFY(QString::fromUtf8(e.what()).startsWith(QStringLiteral("/nonexistent/spec.json: cannot read")));
        }
    }
};

QTEST_GUILESS_MAIN(TestSpec)
#include "tst_spec.moc"
