// End-to-end: samplers and pruners that run as processes of their own (algorithm / pruner
// "external"), driven by the real tunebench-cli with real trial processes and a real store.

#include "cli_support.h"
#include "engine/core/store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace tb::test;

namespace {

// A sampler (or pruner) whose behaviour the test chooses with its arguments:
//   record FILE [hello]          answers x = number / 10, appends each request to FILE;
//                                 "hello" asks for incremental requests
//   answer JSON                  answers JSON to every request
//   die-after N COUNTER THEN     the first process answers N requests, then exits 3; later
//                                 ones exit 4 at once (THEN = die) or answer (THEN = ok)
//   silent                       reads requests and never answers
//   prune-odd                    a pruner: prunes the trials with an odd number
const char* kScript = R"PY(
import json, sys
mode, args = sys.argv[1], sys.argv[2:]
if mode == "record" and "hello" in args:
    print(json.dumps({"hello": "test", "incremental": True}), flush=True)
first = True
if mode == "die-after":
    counter = args[1]
    try:
        starts = int(open(counter).read())
    except OSError:
        starts = 0
    open(counter, "w").write(str(starts + 1))
    first = starts == 0
    if not first and args[2] == "die":
        print("sampler: still broken", file=sys.stderr, flush=True)
        sys.exit(4)
answered = 0
for line in sys.stdin:
    request = json.loads(line)
    if mode == "record":
        open(args[0], "a").write(line)
        print(json.dumps({"params": {"x": request["number"] / 10}}), flush=True)
    elif mode == "answer":
        print(args[0], flush=True)
    elif mode == "die-after":
        if first and answered == int(args[0]):
            print("sampler: giving up", file=sys.stderr, flush=True)
            sys.exit(3)
        print(json.dumps({"params": {"x": 0.5}}), flush=True)
    elif mode == "prune-odd":
        odd = request["trial"]["number"] % 2 == 1
        print(json.dumps({"prune": odd, "reason": "odd trial %d" % request["trial"]["number"]}), flush=True)
    answered += 1
)PY";

QString writeScript(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("scripted.py"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write the test sampler");
    f.write(kScript);
    return path;
}

// An external algorithm (seeded) or, with `pruner`, an external pruner (pruners have no seed).
QJsonObject external(const QStringList& command, const QJsonObject& extra = {}, bool pruner = false)
{
    QJsonObject o{{QStringLiteral("name"), QStringLiteral("external")}, {QStringLiteral("command"), QJsonArray::fromStringList(command)}};
    if (!pruner)
        o.insert(QStringLiteral("seed"), 5);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QJsonObject experimentState(const QString& db, const QString& name)
{
    return statusOf(db, name); // "state" and "reason" among the rest
}

QList<QJsonObject> trials(const QString& db, const QString& name)
{
    QList<QJsonObject> out;
    for (const QJsonValue& v : trialsOf(db, name))
        out << v.toObject();
    return out;
}

QString sampleLog(const QString& db, const QString& name, const QString& file = QStringLiteral("sampler.log"))
{
    QFile f(QFileInfo(db).absolutePath() + QLatin1Char('/') + QFileInfo(db).completeBaseName() + QStringLiteral(".trials/") + name
            + QStringLiteral("-1/") + file);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QJsonArray conditionalSpace()
{
    return QJsonArray{
        QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("type"), QStringLiteral("float")}, {QStringLiteral("low"), 0.0}, {QStringLiteral("high"), 1.0}},
        QJsonObject{{QStringLiteral("name"), QStringLiteral("c")}, {QStringLiteral("type"), QStringLiteral("categorical")},
                    {QStringLiteral("choices"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")}}},
        QJsonObject{{QStringLiteral("name"), QStringLiteral("y")}, {QStringLiteral("type"), QStringLiteral("float")}, {QStringLiteral("low"), 0.0},
                    {QStringLiteral("high"), 1.0}, {QStringLiteral("when"), QJsonObject{{QStringLiteral("c"), QJsonArray{QStringLiteral("b")}}}}},
    };
}

QList<qint64> processesWithArg(const QString& arg)
{
    QList<qint64> out;
    for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().split('\0').contains(arg.toUtf8()))
            out << entry.toLongLong();
    }
    return out;
}

bool hasOptuna()
{
    return QProcess::execute(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import optuna")}) == 0;
}

} // namespace

class TestExternalSampler : public QObject {
    Q_OBJECT

private slots:
    // The shipped example runs a whole experiment; the stored spec pins its command,
    // folder and settings; its log lies beside the trials' folders.
    void shippedRandomExampleRunsAnExperiment()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("r.db"));
        QJsonObject spec = specWith(QStringLiteral("ext"), conditionalSpace(), {QStringLiteral("--value=${x}")}, 8, 2);
        spec[QStringLiteral("algorithm")] = external({QStringLiteral("python3"), QStringLiteral("random_sampler.py")},
                                                     {{QStringLiteral("workdir"), QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/samplers")},
                                                      {QStringLiteral("settings"), QJsonObject{{QStringLiteral("any"), QJsonArray{1, 2}}}}});
        const Result r = runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("r.json"), spec), QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QVERIFY2(r.exitCode == 0, r.err);
        const QList<QJsonObject> ts = trials(db, QStringLiteral("ext"));
        QCOMPARE(ts.size(), 8);
        QSet<double> xs;
        for (const QJsonObject& t : ts) {
            QCOMPARE(t.value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
            const QJsonObject p = t.value(QStringLiteral("params")).toObject();
            const double x = p.value(QStringLiteral("x")).toDouble();
            QVERIFY(x >= 0 && x <= 1);
            QCOMPARE(p.contains(QStringLiteral("y")), p.value(QStringLiteral("c")).toString() == QLatin1String("b"));
            xs.insert(x);
        }
        QCOMPARE(xs.size(), 8); // seeded per trial number: no two alike
        tb::engine::Store store(db, tb::engine::Store::OpenMode::ExistingOnly);
        const QJsonObject algorithm = QJsonDocument::fromJson(store.experiment(QStringLiteral("ext"))->spec).object().value(QStringLiteral("algorithm")).toObject();
        QCOMPARE(algorithm.value(QStringLiteral("command")).toArray(), QJsonArray({QStringLiteral("python3"), QStringLiteral("random_sampler.py")}));
        QCOMPARE(algorithm.value(QStringLiteral("workdir")).toString(), QDir::cleanPath(QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/samplers")));
        QCOMPARE(algorithm.value(QStringLiteral("settings")).toObject().value(QStringLiteral("any")).toArray(), QJsonArray({1, 2}));
        QVERIFY(sampleLog(db, QStringLiteral("ext")).contains(QStringLiteral("starting the sampler: python3 random_sampler.py")));
    }

    // The first request is whole; after a greeting asking for it, later requests carry only
    // what changed. Without the greeting every request is whole.
    void requestsAreWholeThenIncremental_data()
    {
        QTest::addColumn<bool>("hello");
        QTest::newRow("incremental") << true;
        QTest::newRow("whole") << false;
    }

    void requestsAreWholeThenIncremental()
    {
        QFETCH(bool, hello);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("i.db"));
        const QString requests = dir.filePath(QStringLiteral("requests.jsonl"));
        QStringList command{QStringLiteral("python3"), writeScript(dir), QStringLiteral("record"), requests};
        if (hello)
            command << QStringLiteral("hello");
        QJsonObject spec = specWith(QStringLiteral("inc"), floatX(), {QStringLiteral("--value=${x}")}, 4, 1);
        spec[QStringLiteral("algorithm")] = external(command, {{QStringLiteral("settings"), QJsonObject{{QStringLiteral("k"), 1}}}});
        QCOMPARE(runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("i.json"), spec), QStringLiteral("--db"), db, QStringLiteral("--quiet")}).exitCode, 0);
        QList<QJsonObject> sent;
        for (const QString& line : readLines(requests))
            sent << QJsonDocument::fromJson(line.toUtf8()).object();
        QCOMPARE(sent.size(), 4);
        const QJsonObject first = sent[0];
        QCOMPARE(first.value(QStringLiteral("op")).toString(), QStringLiteral("suggest"));
        QCOMPARE(first.value(QStringLiteral("number")).toInt(), 0);
        QCOMPARE(first.value(QStringLiteral("seed")).toInt(), 5);
        QCOMPARE(first.value(QStringLiteral("incremental")).toBool(), false);
        QCOMPARE(first.value(QStringLiteral("space")).toArray(), floatX());
        QCOMPARE(first.value(QStringLiteral("settings")).toObject(), QJsonObject({{QStringLiteral("k"), 1}}));
        QCOMPARE(first.value(QStringLiteral("direction")).toString(), QStringLiteral("minimize"));
        QVERIFY(first.value(QStringLiteral("trials")).toArray().isEmpty());
        for (int n = 1; n < 4; ++n) {
            const QJsonObject req = sent[n];
            QCOMPARE(req.value(QStringLiteral("number")).toInt(), n);
            QCOMPARE(req.value(QStringLiteral("incremental")).toBool(), hello);
            QCOMPARE(req.contains(QStringLiteral("space")), !hello);
            const QJsonArray ts = req.value(QStringLiteral("trials")).toArray();
            // One trial at a time: the one before has completed, with its value and reports.
            QCOMPARE(ts.size(), hello ? 1 : n);
            const QJsonObject last = ts.last().toObject();
            QCOMPARE(last.value(QStringLiteral("number")).toInt(), n - 1);
            QCOMPARE(last.value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
            QCOMPARE(last.value(QStringLiteral("value")).toDouble(), (n - 1) / 10.0);
            QCOMPARE(last.value(QStringLiteral("params")).toObject().value(QStringLiteral("x")).toDouble(), (n - 1) / 10.0);
            QCOMPARE(last.value(QStringLiteral("reports")).toArray().size(), 1);
        }
    }

    // Several objectives and a constraint reach the process: "directions" and "constraints"
    // in the request, each finished trial's "values" and "violation" (docs/spec.md).
    void severalObjectivesReachTheProcess()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("m.db"));
        const QString requests = dir.filePath(QStringLiteral("requests.jsonl"));
        // loss = x, acc = x (maximized), mem = x at most 0.15: x = 0.2 and 0.3 break it.
        QJsonObject spec = specWith(QStringLiteral("multi"), floatX(),
                                    {QStringLiteral("--value=${x}"), QStringLiteral("--print=acc=${x}"), QStringLiteral("--print=mem=${x}")}, 4, 1);
        spec.remove(QStringLiteral("objective"));
        spec.insert(QStringLiteral("objectives"),
                    QJsonArray{QJsonObject{{QStringLiteral("metric"), QStringLiteral("loss")}},
                               QJsonObject{{QStringLiteral("metric"), QStringLiteral("acc")}, {QStringLiteral("direction"), QStringLiteral("maximize")}}});
        const QJsonArray constraints{QJsonObject{{QStringLiteral("metric"), QStringLiteral("mem")}, {QStringLiteral("max"), 0.15}}};
        spec.insert(QStringLiteral("constraints"), constraints);
        spec[QStringLiteral("algorithm")] = external({QStringLiteral("python3"), writeScript(dir), QStringLiteral("record"), requests});
        const Result run = runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("m.json"), spec), QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QList<QJsonObject> sent;
        for (const QString& line : readLines(requests))
            sent << QJsonDocument::fromJson(line.toUtf8()).object();
        QCOMPARE(sent.size(), 4);
        QCOMPARE(sent[0].value(QStringLiteral("directions")).toArray(), (QJsonArray{QStringLiteral("minimize"), QStringLiteral("maximize")}));
        QCOMPARE(sent[0].value(QStringLiteral("constraints")).toArray(), constraints);
        const QJsonArray trials = sent[3].value(QStringLiteral("trials")).toArray();
        QCOMPARE(trials.size(), 3);
        for (int n = 0; n < 3; ++n) {
            const QJsonObject t = trials[n].toObject();
            QCOMPARE(t.value(QStringLiteral("values")).toArray(), (QJsonArray{n / 10.0, n / 10.0}));
            QCOMPARE(t.value(QStringLiteral("violation")).toDouble(), std::max(0.0, n / 10.0 - 0.15));
        }
    }

    // An answer the space does not allow fails that trial, naming the fault; the
    // experiment goes on (both trials are asked for), and with every trial failed it ends
    // failed, naming the first fault.
    void unusableAnswersFailTheirTrial_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("fault");
        QTest::newRow("unknown name") << R"({"params": {"x": 0.5, "c": "a", "z": 1}})" << "z: not a parameter of this experiment";
        QTest::newRow("out of range") << R"({"params": {"x": 2, "c": "a"}})" << "'x': 2 lies outside 0..1";
        QTest::newRow("wrong type") << R"({"params": {"x": "big", "c": "a"}})" << "'x': expected a number";
        QTest::newRow("not a choice") << R"({"params": {"x": 0.5, "c": "q"}})" << "is not one of its choices";
        QTest::newRow("inactive given") << R"({"params": {"x": 0.5, "c": "a", "y": 0.1}})" << "'y' is given but inactive";
        QTest::newRow("active missing") << R"({"params": {"x": 0.5, "c": "b"}})" << "'y' is missing";
        QTest::newRow("error answer") << R"({"error": "no idea"})" << "is an error: no idea";
        QTest::newRow("no params") << R"({"suggestion": 1})" << "has no \"params\" object";
    }

    void unusableAnswersFailTheirTrial()
    {
        QFETCH(QString, answer);
        QFETCH(QString, fault);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("b.db"));
        QJsonObject spec = specWith(QStringLiteral("bad"), conditionalSpace(), {QStringLiteral("--value=${x}")}, 2, 1);
        spec[QStringLiteral("algorithm")] = external({QStringLiteral("python3"), writeScript(dir), QStringLiteral("answer"), answer});
        spec[QStringLiteral("budget")] = QJsonObject{{QStringLiteral("max_trials"), 2}, {QStringLiteral("max_failed"), 5}};
        const Result r = runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("b.json"), spec), QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QVERIFY2(r.exitCode == 1, r.err);
        const QList<QJsonObject> ts = trials(db, QStringLiteral("bad"));
        QCOMPARE(ts.size(), 2);
        for (const QJsonObject& t : ts) {
            QCOMPARE(t.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
            const QString reason = t.value(QStringLiteral("reason")).toString();
            QVERIFY2(reason.contains(QStringLiteral("the external sampler's answer for trial")) && reason.contains(fault), qPrintable(reason));
            QVERIFY(t.value(QStringLiteral("params")).toObject().isEmpty());
        }
        const QJsonObject e = experimentState(db, QStringLiteral("bad"));
        QCOMPARE(e.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        const QString reason = e.value(QStringLiteral("reason")).toString();
        QVERIFY2(reason.startsWith(QStringLiteral("all 2 trials failed; the first: the external sampler's answer for trial")) && reason.contains(fault),
                 qPrintable(reason));
    }

    void unusableAnswersCountTowardsMaxFailed()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("m.db"));
        QJsonObject spec = specWith(QStringLiteral("maxf"), floatX(), {QStringLiteral("--value=${x}")}, 10, 1);
        spec[QStringLiteral("algorithm")] = external({QStringLiteral("python3"), writeScript(dir), QStringLiteral("answer"), QStringLiteral(R"({"params": {"x": 7}})")});
        spec[QStringLiteral("budget")] = QJsonObject{{QStringLiteral("max_trials"), 10}, {QStringLiteral("max_failed"), 1}};
        runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("m.json"), spec), QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        const QJsonObject e = experimentState(db, QStringLiteral("maxf"));
        QCOMPARE(e.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        QVERIFY2(e.value(QStringLiteral("reason")).toString().contains(QStringLiteral("2 trials failed (max_failed 1)")), qPrintable(e.value(QStringLiteral("reason")).toString()));
        QCOMPARE(trials(db, QStringLiteral("maxf")).size(), 2);
    }

    // A sampler that dies is started again once (whole request first); the experiment goes on.
    void samplerThatDiesOnceIsStartedAgain()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("d.db"));
        QJsonObject spec = specWith(QStringLiteral("dies"), floatX(), {QStringLiteral("--value=${x}")}, 5, 1);
        spec[QStringLiteral("algorithm")] = external({QStringLiteral("python3"), writeScript(dir), QStringLiteral("die-after"), QStringLiteral("2"),
                                                      dir.filePath(QStringLiteral("starts")), QStringLiteral("ok")});
        QCOMPARE(runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("d.json"), spec), QStringLiteral("--db"), db, QStringLiteral("--quiet")}).exitCode, 0);
        const QList<QJsonObject> ts = trials(db, QStringLiteral("dies"));
        QCOMPARE(ts.size(), 5);
        for (const QJsonObject& t : ts)
            QCOMPARE(t.value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
        const QString log = sampleLog(db, QStringLiteral("dies"));
        QVERIFY2(log.contains(QStringLiteral("sampler: giving up")) && log.contains(QStringLiteral("exited with code 3; starting it again")), qPrintable(log));
    }

    // Dead again after the one restart, or silent past timeout_s: the experiment stops,
    // saying why and where the log is, and no sampler process is left.
    void samplerThatCannotGoOnStopsTheExperiment_data()
    {
        QTest::addColumn<QStringList>("mode");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("dies again") << QStringList{QStringLiteral("die-after"), QStringLiteral("1"), QStringLiteral("COUNTER"), QStringLiteral("die")}
                                    << QStringList{QStringLiteral("exited with code 4, after it had been started again once"),
                                                   QStringLiteral("it last wrote: sampler: still broken"), QStringLiteral("sampler.log")};
        QTest::newRow("silent") << QStringList{QStringLiteral("silent")}
                                << QStringList{QStringLiteral("gave no answer within 1 s (algorithm.timeout_s)"), QStringLiteral("sampler.log")};
    }

    void samplerThatCannotGoOnStopsTheExperiment()
    {
        QFETCH(QStringList, mode);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("s.db"));
        const QString script = writeScript(dir);
        mode.replaceInStrings(QStringLiteral("COUNTER"), dir.filePath(QStringLiteral("starts")));
        QJsonObject spec = specWith(QStringLiteral("stops"), floatX(), {QStringLiteral("--value=${x}")}, 5, 1);
        spec[QStringLiteral("algorithm")] = external(QStringList{QStringLiteral("python3"), script} + mode, {{QStringLiteral("timeout_s"), 1}});
        QElapsedTimer clock;
        clock.start();
        const Result r = runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("s.json"), spec), QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(clock.elapsed() < 30000, qPrintable(QString::number(clock.elapsed())));
        const QJsonObject e = experimentState(db, QStringLiteral("stops"));
        QCOMPARE(e.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        const QString reason = e.value(QStringLiteral("reason")).toString();
        for (const QString& part : expected)
            QVERIFY2(reason.contains(part), qPrintable(reason));
        QVERIFY2(processesWithArg(script).isEmpty(), "a sampler process outlived the engine");
    }

    // An external pruner decides on each report of a running trial.
    void externalPrunerStopsTheTrialsItChooses()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("p.db"));
        QJsonObject spec = specWith(QStringLiteral("prune"), floatX(), {QStringLiteral("--value=${x}"), QStringLiteral("--steps=20"), QStringLiteral("--sleep-ms=50")}, 4, 1);
        spec[QStringLiteral("pruner")] = external({QStringLiteral("python3"), writeScript(dir), QStringLiteral("prune-odd")}, {}, true);
        QCOMPARE(runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("p.json"), spec), QStringLiteral("--db"), db, QStringLiteral("--quiet")}).exitCode, 0);
        const QList<QJsonObject> ts = trials(db, QStringLiteral("prune"));
        QCOMPARE(ts.size(), 4);
        for (const QJsonObject& t : ts) {
            const int number = t.value(QStringLiteral("number")).toInt();
            QCOMPARE(t.value(QStringLiteral("state")).toString(), number % 2 ? QStringLiteral("pruned") : QStringLiteral("completed"));
            if (number % 2)
                QCOMPARE(t.value(QStringLiteral("reason")).toString(), QStringLiteral("odd trial %1").arg(number));
        }
        QVERIFY(sampleLog(db, QStringLiteral("prune"), QStringLiteral("pruner.log")).contains(QStringLiteral("starting the pruner")));
    }

    void badExternalSpecsExitTwoNamingTheField_data()
    {
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("no command") << "algorithm" << R"({"name": "external"})" << "algorithm.command: missing";
        QTest::newRow("empty command") << "algorithm" << R"({"name": "external", "command": []})" << "algorithm.command: is empty";
        QTest::newRow("number in command") << "algorithm" << R"({"name": "external", "command": [1]})" << "algorithm.command[0]: expected a non-empty string, got 1";
        QTest::newRow("bad timeout") << "algorithm" << R"({"name": "external", "command": ["x"], "timeout_s": 0})" << "algorithm.timeout_s: expected seconds";
        QTest::newRow("settings not object") << "algorithm" << R"({"name": "external", "command": ["x"], "settings": 3})" << "algorithm.settings: expected an object";
        QTest::newRow("command for random") << "algorithm" << R"({"name": "random", "command": ["x"]})" << "algorithm.command: unknown key";
        QTest::newRow("pruner without command") << "pruner" << R"({"name": "external"})" << "pruner.command: missing";
    }

    void badExternalSpecsExitTwoNamingTheField()
    {
        QFETCH(QString, section);
        QFETCH(QString, json);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QJsonObject spec = specWith(QStringLiteral("bad"), floatX(), {QStringLiteral("--value=${x}")}, 2, 1);
        spec[section] = QJsonDocument::fromJson(json.toUtf8()).object();
        const QString path = writeSpec(dir, QStringLiteral("bad.json"), spec);
        const Result r = runCli({QStringLiteral("run"), path, QStringLiteral("--db"), dir.filePath(QStringLiteral("x.db"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message.toUtf8()) && r.err.contains(path.toUtf8()), r.err);
    }

    // The Optuna adapter suggests exactly what Optuna itself suggests for the same history
    // and seed (Debian's python3-optuna): the history is told through ask/tell, and
    // tests/e2e/optuna_reference.py builds it again in Optuna from the values alone.
    void optunaAdapterSuggestsWhatOptunaSuggests_data()
    {
        QTest::addColumn<QJsonObject>("settings");
        QTest::newRow("tpe") << QJsonObject{{QStringLiteral("sampler"), QStringLiteral("tpe")}, {QStringLiteral("n_startup_trials"), 4}};
        QTest::newRow("cmaes") << QJsonObject{{QStringLiteral("sampler"), QStringLiteral("cmaes")}, {QStringLiteral("n_startup_trials"), 3}};
    }

    void optunaAdapterSuggestsWhatOptunaSuggests()
    {
        if (!hasOptuna())
            QSKIP("Debian's python3-optuna is not installed (scripts/setup.sh installs it)");
        QFETCH(QJsonObject, settings);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("o.db"));
        QJsonObject spec = specWith(QStringLiteral("opt"), conditionalSpace(), {}, 20, 1);
        spec.remove(QStringLiteral("trial"));
        spec[QStringLiteral("algorithm")] = external({QStringLiteral("/usr/bin/python3"), QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/samplers/optuna_sampler.py")},
                                                     {{QStringLiteral("settings"), settings}});
        QCOMPARE(runCli({QStringLiteral("create"), writeSpec(dir, QStringLiteral("o.json"), spec), QStringLiteral("--db"), db}).exitCode, 0);
        auto ask = [&] {
            const Result r = runCli({QStringLiteral("ask"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("opt")});
            if (r.exitCode != 0)
                qWarning("%s", r.err.constData());
            return QJsonDocument::fromJson(r.out).object();
        };
        QJsonArray history;
        for (int n = 0; n < 8; ++n) {
            const QJsonObject a = ask();
            const QJsonObject p = a.value(QStringLiteral("params")).toObject();
            QVERIFY(!p.isEmpty());
            // A made-up objective; a failed trial among them (no value) as Optuna has them too.
            const double x = p.value(QStringLiteral("x")).toDouble();
            const double value = (x - 0.3) * (x - 0.3) + (p.value(QStringLiteral("c")).toString() == QLatin1String("b") ? p.value(QStringLiteral("y")).toDouble() : 0.2);
            QStringList tell{QStringLiteral("tell"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("opt"), QStringLiteral("--trial"),
                             QString::number(a.value(QStringLiteral("trial")).toInteger())};
            tell << (n == 5 ? QStringList{QStringLiteral("--state"), QStringLiteral("failed")} : QStringList{QStringLiteral("--value"), QString::number(value, 'g', 17)});
            QCOMPARE(runCli(tell).exitCode, 0);
            history.append(QJsonObject{{QStringLiteral("params"), p}, {QStringLiteral("value"), n == 5 ? QJsonValue() : QJsonValue(value)}});
        }
        const QJsonObject next = ask().value(QStringLiteral("params")).toObject();
        QVERIFY(!next.isEmpty());
        const QString historyFile = dir.filePath(QStringLiteral("history.json"));
        QFile f(historyFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(QJsonObject{{QStringLiteral("settings"), settings}, {QStringLiteral("seed"), 5}, {QStringLiteral("number"), 8},
                                          {QStringLiteral("history"), history}})
                    .toJson());
        f.close();
        QProcess reference;
        reference.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral(TUNEBENCH_SOURCE_DIR "/tests/e2e/optuna_reference.py"), historyFile});
        QVERIFY(reference.waitForFinished(120000));
        QVERIFY2(reference.exitCode() == 0, reference.readAllStandardError().constData());
        const QJsonObject expected = QJsonDocument::fromJson(reference.readAllStandardOutput()).object();
        QVERIFY(!expected.isEmpty());
        QCOMPARE(next, expected);
    }
};

QTEST_GUILESS_MAIN(TestExternalSampler)
#include "tst_external_sampler.moc"
