// End-to-end: the real tunebench-cli, real trial processes, a real SQLite file.

#include "cli_support.h"
#include "engine/core/json.h"
#include "engine/core/store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <csignal>
#include <map>
#include <set>

namespace {

using namespace tb::test;

// Pids of the processes that have `arg` as one of their arguments (a marker such as an
// unusual sleep time), except zombies.
QList<qint64> processesWithArg(const QString& arg)
{
    QList<qint64> out;
    for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool number = false;
        const qint64 pid = entry.toLongLong(&number);
        if (!number)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!cmdline.open(QIODevice::ReadOnly) || !stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray st = stat.readAll();
        const qsizetype close = st.lastIndexOf(')');
        if (close < 0 || st.mid(close + 2, 1) == "Z")
            continue;
        if (cmdline.readAll().split('\0').contains(arg.toUtf8()))
            out << pid;
    }
    return out;
}

QJsonObject shellSpec(const QString& name, const QString& script, int trials = 1)
{
    QJsonObject spec = specWith(name, floatX(), {}, trials, 1);
    QJsonObject trial = spec.value(QStringLiteral("trial")).toObject();
    trial[QStringLiteral("argv")] = QJsonArray{QStringLiteral("/bin/sh"), QStringLiteral("-c"), script};
    spec[QStringLiteral("trial")] = trial;
    return spec;
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(cli()), "TB_CLI must point at tunebench-cli");
        QVERIFY2(QFile::exists(trialProgram()), "TB_TEST_TRIAL must point at tb-test-trial");
    }

    void twentyTrialsFourInParallel()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("s.db"));
        const QString spec = writeSpec(dir, QStringLiteral("spec.json"),
                                       specWith(QStringLiteral("e2e"), floatX(), {QStringLiteral("--value=${x}"), QStringLiteral("--steps=3"), QStringLiteral("--sleep-ms=30")}, 20, 4));
        const Result r = runCli({QStringLiteral("run"), spec, QStringLiteral("--db"), db});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("best config:"));

        const QJsonObject status = statusOf(db, QStringLiteral("e2e"));
        QCOMPARE(status.value(QStringLiteral("counts")).toObject().value(QStringLiteral("completed")).toInt(), 20);
        QCOMPARE(status.value(QStringLiteral("counts")).toObject().value(QStringLiteral("failed")).toInt(), 0);

        const QJsonArray trials = trialsOf(db, QStringLiteral("e2e"));
        QCOMPARE(trials.size(), 20);
        double best = 1e9;
        qint64 bestId = -1;
        std::vector<std::pair<QString, int>> edges; // ISO times sort as text
        for (const QJsonValue& v : trials) {
            const QJsonObject t = v.toObject();
            // The objective is the trial's own x, as printed last.
            QCOMPARE(t.value(QStringLiteral("value")).toDouble(), t.value(QStringLiteral("params")).toObject().value(QStringLiteral("x")).toDouble());
            if (t.value(QStringLiteral("value")).toDouble() < best) {
                best = t.value(QStringLiteral("value")).toDouble();
                bestId = t.value(QStringLiteral("trial")).toInteger();
            }
            edges.emplace_back(t.value(QStringLiteral("started_at")).toString(), +1);
            edges.emplace_back(t.value(QStringLiteral("ended_at")).toString(), -1);
            QVERIFY(QFile::exists(t.value(QStringLiteral("log")).toString()));
        }
        std::sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) { return a.first < b.first || (a.first == b.first && a.second < b.second); });
        int running = 0, peak = 0;
        for (const auto& [time, delta] : edges)
            peak = std::max(peak, running += delta);
        QVERIFY2(peak <= 4, qPrintable(QStringLiteral("peak concurrency %1").arg(peak)));
        QCOMPARE(peak, 4);
        const QJsonObject bestJson = status.value(QStringLiteral("best")).toObject();
        QCOMPARE(bestJson.value(QStringLiteral("trial")).toInteger(), bestId);
        QCOMPARE(bestJson.value(QStringLiteral("value")).toDouble(), best);

        // Intermediate steps are stored with their step numbers.
        const Result yaml = runCli({QStringLiteral("best"), QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("yaml")});
        QCOMPARE(yaml.exitCode, 0);
        QCOMPARE(yaml.out.trimmed(), QByteArray("x: ") + tb::engine::numberText(best, true).toLatin1()); // as exact as stored, no longer
        const Result args = runCli({QStringLiteral("best"), QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("args")});
        QCOMPARE(args.out.trimmed(), QByteArray("--x=") + tb::engine::numberText(best, true).toLatin1());
        const Result csv = runCli({QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(csv.out.count('\n'), 21);
        QVERIFY(csv.out.startsWith("trial,number,state,value,param_x,"));
    }

    void failuresAreRecordedWithReasons()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("f.db"));
        QJsonObject spec = specWith(QStringLiteral("failures"),
                                    QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("mode")},
                                                           {QStringLiteral("type"), QStringLiteral("categorical")},
                                                           {QStringLiteral("choices"), QJsonArray{QStringLiteral("ok"), QStringLiteral("timeout"), QStringLiteral("crash"),
                                                                                                  QStringLiteral("silent"), QStringLiteral("exit3"), QStringLiteral("nan")}}}},
                                    {QStringLiteral("--value=0.25"), QStringLiteral("--mode=${mode}")}, 6, 6);
        spec[QStringLiteral("algorithm")] = QJsonObject{{QStringLiteral("name"), QStringLiteral("grid")}, {QStringLiteral("seed"), 1}};
        QJsonObject trial = spec.value(QStringLiteral("trial")).toObject();
        trial[QStringLiteral("timeout_s")] = 1;
        trial[QStringLiteral("retries")] = 1;
        spec[QStringLiteral("trial")] = trial;
        const Result r = runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("f.json"), spec), QStringLiteral("--db"), db});
        QCOMPARE(r.exitCode, 0);

        const std::map<QString, QString> expected = {
            {QStringLiteral("ok"), QStringLiteral("")},
            {QStringLiteral("timeout"), QStringLiteral("timed out after 1 s")},
            {QStringLiteral("crash"), QStringLiteral("killed by signal 6 (SIGABRT)")},
            {QStringLiteral("silent"), QStringLiteral("no objective: the trial never printed 'loss=<number>'")},
            {QStringLiteral("exit3"), QStringLiteral("exit code 3")},
            {QStringLiteral("nan"), QStringLiteral("the objective loss is NaN")},
        };
        const QJsonArray trials = trialsOf(db, QStringLiteral("failures"));
        QCOMPARE(trials.size(), 6);
        for (const QJsonValue& v : trials) {
            const QJsonObject t = v.toObject();
            const QString mode = t.value(QStringLiteral("params")).toObject().value(QStringLiteral("mode")).toString();
            QCOMPARE(t.value(QStringLiteral("reason")).toString(), expected.at(mode));
            QCOMPARE(t.value(QStringLiteral("state")).toString(), mode == QLatin1String("ok") ? QStringLiteral("completed") : QStringLiteral("failed"));
            // Failed trials were retried once (retries: 1); the good one ran once.
            QCOMPARE(t.value(QStringLiteral("attempt")).toInt(), mode == QLatin1String("ok") ? 1 : 2);
        }
    }

    void maxFailedStopsTheExperiment()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("m.db"));
        QJsonObject spec = specWith(QStringLiteral("broken"), floatX(), {QStringLiteral("--exit=1")}, 20, 1);
        spec[QStringLiteral("budget")] = QJsonObject{{QStringLiteral("max_trials"), 20}, {QStringLiteral("max_failed"), 2}};
        const Result r = runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("m.json"), spec), QStringLiteral("--db"), db});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject status = statusOf(db, QStringLiteral("broken"));
        QCOMPARE(status.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        QCOMPARE(status.value(QStringLiteral("counts")).toObject().value(QStringLiteral("failed")).toInt(), 3);
        QVERIFY(status.value(QStringLiteral("reason")).toString().startsWith(QStringLiteral("3 trials failed (max_failed 2); last: exit code 1")));
    }

    void maxSecondsEndsTheExperiment()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("t.db"));
        QJsonObject spec = specWith(QStringLiteral("timed"), floatX(), {QStringLiteral("--value=${x}"), QStringLiteral("--sleep-ms=300")}, 100, 2);
        spec[QStringLiteral("budget")] = QJsonObject{{QStringLiteral("max_trials"), 100}, {QStringLiteral("max_seconds"), 1}};
        QElapsedTimer clock;
        clock.start();
        const Result r = runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("t.json"), spec), QStringLiteral("--db"), db});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(clock.elapsed() < 20000);
        const QJsonObject status = statusOf(db, QStringLiteral("timed"));
        QCOMPARE(status.value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
        QCOMPARE(status.value(QStringLiteral("reason")).toString(), QStringLiteral("the max_seconds budget (1 s) ran out"));
        const QJsonObject c = status.value(QStringLiteral("counts")).toObject();
        QVERIFY(c.value(QStringLiteral("completed")).toInt() >= 2);
        QVERIFY(c.value(QStringLiteral("completed")).toInt() < 100);
        QCOMPARE(c.value(QStringLiteral("running")).toInt() + c.value(QStringLiteral("queued")).toInt(), 0);
        for (const QJsonValue& v : trialsOf(db, QStringLiteral("timed")))
            if (v.toObject().value(QStringLiteral("state")).toString() == QLatin1String("failed"))
                QCOMPARE(v.toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("stopped: the experiment's max_seconds budget ran out"));
    }

    void pruningEndsBadTrialsEarly()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("p.db"));
        // Each trial prints 10 steps of loss = x + (10 - step): a higher x is worse at every step.
        QJsonObject spec = specWith(QStringLiteral("prune"), floatX(),
                                    {QStringLiteral("--value=${x}"), QStringLiteral("--steps=10"), QStringLiteral("--sleep-ms=30")}, 12, 1);
        spec[QStringLiteral("pruner")] = QJsonObject{{QStringLiteral("name"), QStringLiteral("median")},
                                                     {QStringLiteral("settings"), QJsonObject{{QStringLiteral("n_startup_trials"), 2}, {QStringLiteral("n_warmup_steps"), 2}}}};
        const Result r = runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("p.json"), spec), QStringLiteral("--db"), db});
        QCOMPARE(r.exitCode, 0);
        int pruned = 0;
        for (const QJsonValue& v : trialsOf(db, QStringLiteral("prune"))) {
            const QJsonObject t = v.toObject();
            if (t.value(QStringLiteral("state")).toString() != QLatin1String("pruned"))
                continue;
            ++pruned;
            QVERIFY2(t.value(QStringLiteral("reason")).toString().startsWith(QStringLiteral("median")), qPrintable(t.value(QStringLiteral("reason")).toString()));
            // It was stopped before its last step, and its value is the last one it reported.
            QVERIFY(t.value(QStringLiteral("value")).toDouble() > t.value(QStringLiteral("params")).toObject().value(QStringLiteral("x")).toDouble());
        }
        QVERIFY(pruned >= 1);
        const QString importance = QString::fromUtf8(runCli({QStringLiteral("importance"), QStringLiteral("--db"), db, QStringLiteral("--json")}).out);
        QVERIFY(importance.contains(QStringLiteral("\"importance\":{\"x\":")));
    }

    void pruningStopsABadTrialWithinAFewSteps_data()
    {
        QTest::addColumn<QJsonObject>("pruner");
        const QString name = QStringLiteral("name"), settings = QStringLiteral("settings");
        QTest::newRow("median") << QJsonObject{{name, QStringLiteral("median")},
                                               {settings, QJsonObject{{QStringLiteral("n_startup_trials"), 2}}}};
        QTest::newRow("asha") << QJsonObject{{name, QStringLiteral("asha")},
                                             {settings, QJsonObject{{QStringLiteral("min_resource"), 1}}}};
        QTest::newRow("hyperband") << QJsonObject{{name, QStringLiteral("hyperband")},
                                                  {settings, QJsonObject{{QStringLiteral("min_resource"), 1}, {QStringLiteral("max_resource"), 3}}}};
    }

    // Six good trials, then three that are 100 worse at every one of their 20 steps: each
    // bad one must end within a few steps, whatever part of the good curves is flushed.
    void pruningStopsABadTrialWithinAFewSteps()
    {
        QFETCH(QJsonObject, pruner);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("p.db"));
        QJsonObject spec = specWith(QStringLiteral("prune"), floatX(),
                                    {QStringLiteral("--value=${x}"), QStringLiteral("--steps=20"), QStringLiteral("--sleep-ms=40"),
                                     QStringLiteral("--bad-from=6")}, 9, 1);
        spec[QStringLiteral("pruner")] = pruner;
        const Result r = runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("p.json"), spec), QStringLiteral("--db"), db});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray trials = trialsOf(db, QStringLiteral("prune"));
        QCOMPARE(trials.size(), 9);
        for (const QJsonValue& v : trials) {
            const QJsonObject t = v.toObject();
            const int number = t.value(QStringLiteral("number")).toInt();
            const QString state = t.value(QStringLiteral("state")).toString();
            if (number < 6)
                continue; // good trials may or may not be pruned by each other
            QVERIFY2(state == QLatin1String("pruned"), qPrintable(QStringLiteral("trial %1 is %2").arg(number).arg(state)));
            const int steps = static_cast<int>(readLines(t.value(QStringLiteral("log")).toString()).filter(QRegularExpression(QStringLiteral("^step="))).size());
            QVERIFY2(steps >= 1 && steps <= 6, qPrintable(QStringLiteral("trial %1 printed %2 of 20 steps before it was pruned").arg(number).arg(steps)));
        }
    }

    void gridExhaustsAndEnds()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("g.db"));
        QJsonObject spec = specWith(QStringLiteral("grid"),
                                    QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("type"), QStringLiteral("float")},
                                                           {QStringLiteral("values"), QJsonArray{0.1, 0.2, 0.3}}},
                                               QJsonObject{{QStringLiteral("name"), QStringLiteral("k")}, {QStringLiteral("type"), QStringLiteral("int")},
                                                           {QStringLiteral("low"), 1}, {QStringLiteral("high"), 2}}},
                                    {QStringLiteral("--value=${x}")}, 100, 3);
        spec[QStringLiteral("algorithm")] = QJsonObject{{QStringLiteral("name"), QStringLiteral("grid")}};
        const Result r = runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("g.json"), spec), QStringLiteral("--db"), db});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray trials = trialsOf(db, QStringLiteral("grid"));
        QCOMPARE(trials.size(), 6);
        std::set<QString> seen;
        for (const QJsonValue& v : trials)
            seen.insert(QString::fromUtf8(QJsonDocument(v.toObject().value(QStringLiteral("params")).toObject()).toJson(QJsonDocument::Compact)));
        QCOMPARE(seen.size(), std::size_t(6));
        QVERIFY(statusOf(db, QStringLiteral("grid")).value(QStringLiteral("reason")).toString().contains(QStringLiteral("no more points")));
    }

    void shellMetacharactersReachTheTrialUnchanged()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("sh.db"));
        const QStringList nasty{QStringLiteral("$(touch PWNED1)"), QStringLiteral("; touch PWNED2"), QStringLiteral("`touch PWNED3`"),
                                QStringLiteral("a b  \"c\" 'd'"), QStringLiteral("*"), QStringLiteral("$HOME ${x} \\n | > out.txt"),
                                QStringLiteral("--value=99")};
        QJsonArray choices;
        for (const QString& s : nasty)
            choices.append(s);
        QJsonObject spec = specWith(QStringLiteral("shell"),
                                    QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("s")}, {QStringLiteral("type"), QStringLiteral("categorical")},
                                                           {QStringLiteral("choices"), choices}}},
                                    {QStringLiteral("--value=0.5"), QStringLiteral("--p=${s}"), QStringLiteral("${s}"),
                                     QStringLiteral("--argv-to=${trial.dir}/argv.txt")},
                                    static_cast<int>(nasty.size()), 2);
        spec[QStringLiteral("algorithm")] = QJsonObject{{QStringLiteral("name"), QStringLiteral("grid")}};
        QJsonObject trial = spec.value(QStringLiteral("trial")).toObject();
        trial[QStringLiteral("workdir")] = dir.path();
        spec[QStringLiteral("trial")] = trial;
        const Result r = runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("sh.json"), spec), QStringLiteral("--db"), db});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray trials = trialsOf(db, QStringLiteral("shell"));
        QCOMPARE(trials.size(), nasty.size());
        for (const QJsonValue& v : trials) {
            const QJsonObject t = v.toObject();
            const QString s = t.value(QStringLiteral("params")).toObject().value(QStringLiteral("s")).toString();
            const QString argvFile = QFileInfo(t.value(QStringLiteral("log")).toString()).dir().filePath(QStringLiteral("argv.txt"));
            const QStringList lines = readLines(argvFile);
            QCOMPARE(lines.size(), 6); // 4 arguments, PARAMS, CUDA
            QCOMPARE(lines[1], QStringLiteral("--p=") + s);
            QCOMPARE(lines[2], s);
            const QJsonObject params = QJsonDocument::fromJson(lines[4].mid(7).toUtf8()).object();
            QCOMPARE(params.value(QStringLiteral("s")).toString(), s);
            // Without resources.gpus the engine leaves CUDA_VISIBLE_DEVICES alone.
            QCOMPARE(lines[5], QStringLiteral("CUDA ") + qEnvironmentVariable("CUDA_VISIBLE_DEVICES", QStringLiteral("UNSET")));
            // "--value=99" as a value is a value: the objective is still the literal 0.5.
            QCOMPARE(t.value(QStringLiteral("value")).toDouble(), s == QLatin1String("--value=99") ? 99.0 : 0.5);
        }
        for (const char* f : {"PWNED1", "PWNED2", "PWNED3", "out.txt"})
            QVERIFY2(!QFile::exists(dir.filePath(QString::fromLatin1(f))), f);
    }

    void killedEngineResumesWithNothingLostOrTwice()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("k.db"));
        const QString starts = dir.filePath(QStringLiteral("starts.log"));
        const QString spec = writeSpec(dir, QStringLiteral("k.json"),
                                       specWith(QStringLiteral("kill"), floatX(),
                                                {QStringLiteral("--value=${x}"), QStringLiteral("--steps=2"), QStringLiteral("--sleep-ms=40"),
                                                 QStringLiteral("--record=") + starts},
                                                24, 3));
        std::map<qint64, double> completedBefore;
        std::vector<std::pair<int, std::set<QString>>> snapshots; // starts so far, completed ids
        QStringList args{QStringLiteral("run"), spec, QStringLiteral("--db"), db, QStringLiteral("--quiet")};
        // Kill the engine at three different points, resuming in between.
        for (int killAfter : {2, 9, 17}) {
            QProcess p;
            p.start(cli(), args);
            QVERIFY(p.waitForStarted());
            QElapsedTimer clock;
            clock.start();
            while (clock.elapsed() < 60000) {
                QThread::msleep(20);
                const QJsonObject s = statusOf(db, QStringLiteral("kill"));
                if (s.value(QStringLiteral("counts")).toObject().value(QStringLiteral("completed")).toInt() >= killAfter)
                    break;
            }
            ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
            QVERIFY(p.waitForFinished());
            QThread::msleep(100); // the trials die with their parent (PR_SET_PDEATHSIG)
            std::set<QString> completedNow;
            for (const QJsonValue& v : trialsOf(db, QStringLiteral("kill"))) {
                const QJsonObject t = v.toObject();
                if (t.value(QStringLiteral("state")).toString() == QLatin1String("completed")) {
                    const qint64 id = t.value(QStringLiteral("trial")).toInteger();
                    const double value = t.value(QStringLiteral("value")).toDouble();
                    if (completedBefore.count(id))
                        QCOMPARE(completedBefore[id], value); // kept exactly
                    completedBefore[id] = value;
                    completedNow.insert(QString::number(id));
                }
            }
            snapshots.emplace_back(static_cast<int>(readLines(starts).size()), completedNow);
            args = QStringList{QStringLiteral("resume"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("kill"), QStringLiteral("--quiet")};
        }
        const Result r = runCli(args);
        QCOMPARE(r.exitCode, 0);
        const QJsonArray trials = trialsOf(db, QStringLiteral("kill"));
        QCOMPARE(trials.size(), 24);
        std::set<qint64> numbers;
        int retried = 0;
        for (const QJsonValue& v : trials) {
            const QJsonObject t = v.toObject();
            QCOMPARE(t.value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
            numbers.insert(t.value(QStringLiteral("number")).toInteger());
            const qint64 id = t.value(QStringLiteral("trial")).toInteger();
            if (completedBefore.count(id))
                QCOMPARE(t.value(QStringLiteral("value")).toDouble(), completedBefore[id]);
            retried += t.value(QStringLiteral("attempt")).toInt() > 1;
        }
        QCOMPARE(numbers.size(), std::size_t(24));
        QCOMPARE(*numbers.rbegin(), qint64(23));
        QVERIFY(retried >= 1);
        // A trial that had completed never started again.
        const QStringList started = readLines(starts);
        for (const auto& [before, completed] : snapshots)
            for (qsizetype i = before; i < started.size(); ++i)
                QVERIFY2(!completed.count(started[i]), qPrintable(QStringLiteral("trial %1 ran again").arg(started[i])));
        QCOMPARE(statusOf(db, QStringLiteral("kill")).value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
    }

    // One engine per experiment: a second resume refuses and names the owner, ask/tell
    // beside the engine cannot push the experiment past max_trials, `stop` from another
    // process ends the owner (resumable), and the resumed run ends with exactly max_trials.
    void secondEngineRefusesAndStopReachesTheOwner()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("o.db"));
        const QString starts = dir.filePath(QStringLiteral("starts.log"));
        const QString spec = writeSpec(dir, QStringLiteral("o.json"),
                                       specWith(QStringLiteral("owned"), floatX(),
                                                {QStringLiteral("--value=${x}"), QStringLiteral("--sleep-ms=150"), QStringLiteral("--record=") + starts},
                                                40, 4));
        QProcess first;
        first.start(cli(), {QStringLiteral("run"), spec, QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QVERIFY(first.waitForStarted());
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 30000 && statusOf(db, QStringLiteral("owned")).value(QStringLiteral("counts")).toObject().value(QStringLiteral("completed")).toInt() < 4)
            QThread::msleep(20);

        const QStringList at{QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("owned")};
        const Result second = runCli(QStringList{QStringLiteral("resume")} + at);
        QCOMPARE(second.exitCode, 3);
        QVERIFY2(second.err.contains(QStringLiteral("is already being run by tunebench-cli run (pid %1 on host").arg(first.processId()).toUtf8())
                     && second.err.contains("tunebench-cli stop --db"),
                 second.err.constData());
        const QJsonObject owner = statusOf(db, QStringLiteral("owned")).value(QStringLiteral("owner")).toObject();
        QCOMPARE(owner.value(QStringLiteral("pid")).toInteger(), first.processId());
        QVERIFY(owner.value(QStringLiteral("alive")).toBool());
        for (int i = 0; i < 3; ++i) // trials asked by hand count against the same budget
            QCOMPARE(runCli(QStringList{QStringLiteral("ask")} + at).exitCode, 0);

        const Result stop = runCli(QStringList{QStringLiteral("stop")} + at);
        QVERIFY2(stop.exitCode == 0 && stop.out.contains("stopped"), stop.out + stop.err);
        QVERIFY(first.waitForFinished(30000));
        QCOMPARE(first.exitCode(), 130);
        QVERIFY(!statusOf(db, QStringLiteral("owned")).contains(QStringLiteral("owner")));

        const Result resumed = runCli(QStringList{QStringLiteral("resume")} + at + QStringList{QStringLiteral("--quiet")});
        QCOMPARE(resumed.exitCode, 0);
        const QJsonArray trials = trialsOf(db, QStringLiteral("owned"));
        QCOMPARE(trials.size(), 40);
        std::map<QString, int> runs;
        for (const QString& id : readLines(starts))
            ++runs[id];
        int completed = 0;
        for (const QJsonValue& v : trials) {
            const QJsonObject t = v.toObject();
            const QString id = QString::number(t.value(QStringLiteral("trial")).toInteger());
            completed += t.value(QStringLiteral("state")).toString() == QLatin1String("completed");
            // An attempt per start: nothing ran twice at once or after it had finished.
            QVERIFY2(runs[id] <= t.value(QStringLiteral("attempt")).toInt(), qPrintable(QStringLiteral("trial %1 started %2 times").arg(id).arg(runs[id])));
        }
        QCOMPARE(completed, 40); // the three asked by hand and never told ran on resume, as interrupted trials do
    }

    void noProcessOutlivesItsTrial_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("marker");
        QTest::newRow("background child") << QStringLiteral("sleep 61.7 & echo loss=1") << QStringLiteral("61.7");
        QTest::newRow("own session") << QStringLiteral("setsid sleep 61.8 & echo loss=1") << QStringLiteral("61.8");
        QTest::newRow("double fork") << QStringLiteral("(sleep 61.9 &); echo loss=1") << QStringLiteral("61.9");
    }

    // A trial that exits normally takes whatever it started in the background with it.
    void noProcessOutlivesItsTrial()
    {
        QFETCH(QString, script);
        QFETCH(QString, marker);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("o.db"));
        const Result r = runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("o.json"), shellSpec(QStringLiteral("bg"), script)),
                                 QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(statusOf(db, QStringLiteral("bg")).value(QStringLiteral("counts")).toObject().value(QStringLiteral("completed")).toInt(), 1);
        QVERIFY2(processesWithArg(marker).isEmpty(), qPrintable(marker + QStringLiteral(" still runs")));
    }

    // SIGKILL of the engine: every process of every running trial ends (the supervisor
    // gives them the grace period), in its group or not.
    void killedEngineTakesEveryTrialProcessAlong()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("k.db"));
        const QString spec = writeSpec(dir, QStringLiteral("k.json"),
                                       shellSpec(QStringLiteral("orphans"), QStringLiteral("sleep 62.1 & setsid sleep 62.2 & sleep 62.3; echo loss=1")));
        QProcess engine;
        engine.start(cli(), {QStringLiteral("run"), spec, QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QVERIFY(engine.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(!processesWithArg(QStringLiteral("62.1")).isEmpty() && !processesWithArg(QStringLiteral("62.2")).isEmpty()
                                     && !processesWithArg(QStringLiteral("62.3")).isEmpty(),
                                 20000);
        ::kill(static_cast<pid_t>(engine.processId()), SIGKILL);
        QVERIFY(engine.waitForFinished());
        for (const QString& marker : {QStringLiteral("62.1"), QStringLiteral("62.2"), QStringLiteral("62.3")})
            QTRY_VERIFY2_WITH_TIMEOUT(processesWithArg(marker).isEmpty(), qPrintable(marker + QStringLiteral(" outlived the engine")), 10000);
    }

    // Engine and supervisor both killed: what the trial left (here in its own session) is
    // ended by `resume` before the trial runs again, and an unrelated process that looks
    // the same (no token) is left alone.
    void resumeEndsWhatADeadAttemptLeft()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("r.db"));
        const QString flag = dir.filePath(QStringLiteral("second-attempt"));
        const QString script = QStringLiteral("if [ -e '%1' ]; then echo loss=1; else touch '%1'; setsid sleep 63.1 & sleep 63.2; fi").arg(flag);
        const QString spec = writeSpec(dir, QStringLiteral("r.json"), shellSpec(QStringLiteral("leftover"), script));
        QProcess decoy;
        decoy.start(QStringLiteral("sleep"), {QStringLiteral("63.1")});
        QVERIFY(decoy.waitForStarted());

        QProcess engine;
        engine.start(cli(), {QStringLiteral("run"), spec, QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QVERIFY(engine.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(processesWithArg(QStringLiteral("63.1")).size() == 2 && !processesWithArg(QStringLiteral("63.2")).isEmpty(), 20000);
        QList<qint64> leftover = processesWithArg(QStringLiteral("63.1"));
        leftover.removeAll(decoy.processId());
        QCOMPARE(leftover.size(), 1);
        // The supervisor dies with the engine, before it can clean up.
        QList<qint64> supervisors;
        for (qint64 pid : processesWithArg(QStringLiteral("--grace"))) {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
            if (stat.open(QIODevice::ReadOnly)) {
                const QByteArray st = stat.readAll();
                if (st.mid(st.lastIndexOf(')') + 2).split(' ').value(1).toLongLong() == engine.processId())
                    supervisors << pid; // this engine's, not another test's
            }
        }
        QCOMPARE(supervisors.size(), 1);
        ::kill(static_cast<pid_t>(engine.processId()), SIGKILL);
        for (qint64 pid : supervisors)
            ::kill(-static_cast<pid_t>(pid), SIGKILL);
        QVERIFY(engine.waitForFinished());
        QThread::msleep(200);
        QVERIFY2(QFile::exists(QStringLiteral("/proc/%1").arg(leftover.first())), "the test needs a leftover process");

        const Result r = runCli({QStringLiteral("resume"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("leftover")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(processesWithArg(QStringLiteral("63.1")) == QList<qint64>{decoy.processId()}, "the leftover still runs, or the decoy was killed");
        QCOMPARE(statusOf(db, QStringLiteral("leftover")).value(QStringLiteral("counts")).toObject().value(QStringLiteral("completed")).toInt(), 1);
        decoy.kill();
        decoy.waitForFinished();
    }

    // trial.workers: each trial is a group of processes with torchrun's environment. The
    // DDP example (gloo, CPUs) trains with 2 workers: both ranks report the same losses,
    // the metrics come from rank 0 only, two trials at once get different ports.
    void distributedTrialsRunAsAGroup()
    {
        if (!QFile::exists(QStringLiteral("/usr/bin/python3"))
            || QProcess::execute(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import torch.distributed")}) != 0)
            QSKIP("Debian's python3-torch is not installed (scripts/setup.sh installs it)");
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("d.db"));
        QFile example(QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/examples/ddp/ddp.json"));
        QVERIFY(example.open(QIODevice::ReadOnly));
        QJsonObject spec = QJsonDocument::fromJson(example.readAll()).object();
        QJsonObject trial = spec.value(QStringLiteral("trial")).toObject();
        trial[QStringLiteral("workdir")] = QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/examples/ddp");
        QJsonArray argv = trial.value(QStringLiteral("argv")).toArray();
        argv.replace(5, QStringLiteral("6")); // --steps 6
        trial[QStringLiteral("argv")] = argv;
        spec[QStringLiteral("trial")] = trial;
        spec[QStringLiteral("budget")] = QJsonObject{{QStringLiteral("max_trials"), 2}};
        const Result r = runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("d.json"), spec), QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QVERIFY2(r.exitCode == 0, r.out + r.err);
        tb::engine::Store store(db, tb::engine::Store::OpenMode::ExistingOnly);
        QSet<int> ports;
        for (const QJsonValue& v : trialsOf(db, QStringLiteral("ddp"))) {
            const QJsonObject t = v.toObject();
            QVERIFY2(t.value(QStringLiteral("state")).toString() == QLatin1String("completed"), qPrintable(t.value(QStringLiteral("reason")).toString()));
            const QString folder = QFileInfo(t.value(QStringLiteral("log")).toString()).absolutePath();
            auto losses = [](const QString& path) {
                return readLines(path).filter(QRegularExpression(QStringLiteral("^step=\\d+ loss=")));
            };
            const QStringList rank0 = losses(t.value(QStringLiteral("log")).toString()), rank1 = losses(folder + QStringLiteral("/rank-1.log"));
            QCOMPARE(rank0.size(), 6);
            QCOMPARE(rank1, rank0); // DDP keeps the ranks in step
            const qint64 id = t.value(QStringLiteral("trial")).toInteger();
            QCOMPARE(store.metrics(id).size(), std::size_t(6 * 2 + 1)); // rank 0's lines only
            ports.insert(QJsonDocument::fromJson(store.trial(id)->handle).object().value(QStringLiteral("port")).toInt());
        }
        QCOMPARE(ports.size(), 2);
        QVERIFY(!ports.contains(0));
    }

    void aFailingWorkerEndsItsGroup_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("reason");
        QTest::newRow("exits early") << QStringList{QStringLiteral("--fail-rank"), QStringLiteral("1"), QStringLiteral("--fail-step"), QStringLiteral("2")}
                                     << QStringLiteral("rank 1 exited with code 3");
        QTest::newRow("hangs") << QStringList{QStringLiteral("--hang-rank"), QStringLiteral("1")}
                               << QStringLiteral("rank 1 did not exit within 30 s after the others finished");
    }

    // The group lives and dies as one, and leaves no process behind.
    void aFailingWorkerEndsItsGroup()
    {
        if (QProcess::execute(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import torch.distributed")}) != 0)
            QSKIP("Debian's python3-torch is not installed (scripts/setup.sh installs it)");
        QFETCH(QStringList, extra);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("f.db"));
        // A copy of the script of our own: tst_slurm runs the example too, maybe at this moment.
        const QString script = dir.filePath(QStringLiteral("train_ddp.py"));
        QVERIFY(QFile::copy(QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/examples/ddp/train_ddp.py"), script));
        QJsonArray argv{QStringLiteral("/usr/bin/python3"), script, QStringLiteral("--lr"), QStringLiteral("${x}"), QStringLiteral("--steps"), QStringLiteral("6")};
        for (const QString& a : extra)
            argv.append(a);
        QJsonObject spec = specWith(QStringLiteral("group"), floatX(), {}, 1, 1);
        spec[QStringLiteral("trial")] = QJsonObject{{QStringLiteral("argv"), argv}, {QStringLiteral("workers"), 2}, {QStringLiteral("timeout_s"), 120}};
        QElapsedTimer clock;
        clock.start();
        runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("f.json"), spec), QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        const QJsonObject t = trialsOf(db, QStringLiteral("group")).first().toObject();
        QCOMPARE(t.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        QCOMPARE(t.value(QStringLiteral("reason")).toString(), reason);
        // Ended soon after the failure (at once for an exit, 30 s after the others for a hang):
        // the whole run, with Python's start-up and six steps, stays far below the 120 s time-out.
        QVERIFY2(clock.elapsed() < 75000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(processesWithArg(script).isEmpty(), "a worker outlived its group");
    }

    // trial.metrics: a trial that prints as Hugging Face's Trainer or Keras does is read.
    void metricFormatsReadWhatLibrariesPrint_data()
    {
        QTest::addColumn<QJsonObject>("metrics");
        QTest::addColumn<QString>("script");
        QTest::newRow("hf json_lines") << QJsonObject{{QStringLiteral("format"), QStringLiteral("json_lines")}}
                                       << QStringLiteral("echo \"{'loss': 0.9, 'learning_rate': 5e-05, 'epoch': 1.0}\"; "
                                                         "echo \"{'eval_loss': 0.51, 'eval_runtime': 1.2, 'epoch': 1.0}\"; "
                                                         "echo \"{'eval_loss': 0.42, 'eval_runtime': 1.1, 'epoch': 2.0}\"");
        QTest::newRow("keras regex") << QJsonObject{{QStringLiteral("format"), QStringLiteral("regex")},
                                                    {QStringLiteral("patterns"), QJsonArray{QStringLiteral("(?<name>\\w+): (?<value>[-+]?[0-9.]+(e[-+]?[0-9]+)?)")}}}
                                     << QStringLiteral("echo 'Epoch 1/2'; echo '10/10 [====] - 1s 5ms/step - loss: 0.9 - eval_loss: 0.51'; "
                                                       "echo 'Epoch 2/2'; echo '10/10 [====] - 1s 5ms/step - loss: 0.6 - eval_loss: 0.42'");
    }

    void metricFormatsReadWhatLibrariesPrint()
    {
        QFETCH(QJsonObject, metrics);
        QFETCH(QString, script);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("m.db"));
        QJsonObject spec = shellSpec(QStringLiteral("formats"), script);
        spec[QStringLiteral("objective")] = QJsonObject{{QStringLiteral("metric"), QStringLiteral("eval_loss")}};
        QJsonObject trial = spec.value(QStringLiteral("trial")).toObject();
        trial[QStringLiteral("metrics")] = metrics;
        spec[QStringLiteral("trial")] = trial;
        const Result r = runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("m.json"), spec), QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QVERIFY2(r.exitCode == 0, r.err);
        const QJsonObject t = trialsOf(db, QStringLiteral("formats")).first().toObject();
        QCOMPARE(t.value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
        QCOMPARE(t.value(QStringLiteral("value")).toDouble(), 0.42);
        const Result curves = runCli({QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("curves")});
        QVERIFY(curves.out.contains(",eval_loss,0.51,") && curves.out.contains(",eval_loss,0.42,"));
    }

    // trial.metrics.tensorboard: scalars a trial writes with PyTorch's SummaryWriter under
    // ${trial.dir} are its metrics (the fixture: loss = 1 / (step + 1), steps 0..4).
    void tensorboardScalarsAreMetrics()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("tb.db"));
        const QString fixture = QDir(QStringLiteral(TUNEBENCH_SOURCE_DIR "/tests/fixtures/tensorboard/old"))
                                    .entryInfoList({QStringLiteral("events.out.tfevents.*")}).first().absoluteFilePath();
        QJsonObject spec = shellSpec(QStringLiteral("tb"), QStringLiteral("mkdir -p \"$TUNEBENCH_TRIAL_DIR/runs\" && cp '%1' \"$TUNEBENCH_TRIAL_DIR/runs/\"; "
                                                                          "echo training done").arg(fixture));
        QJsonObject trial = spec.value(QStringLiteral("trial")).toObject();
        trial[QStringLiteral("metrics")] = QJsonObject{{QStringLiteral("tensorboard"), true}};
        spec[QStringLiteral("trial")] = trial;
        const Result r = runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("tb.json"), spec), QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QVERIFY2(r.exitCode == 0, r.out + r.err);
        const QJsonObject t = trialsOf(db, QStringLiteral("tb")).first().toObject();
        QCOMPARE(t.value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
        QCOMPARE(t.value(QStringLiteral("value")).toDouble(), double(0.2f));
        const Result curves = runCli({QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("curves")});
        QCOMPARE(curves.out.count(",loss,"), 5);
        QCOMPARE(curves.out.count(",acc,"), 5);
        QVERIFY2(curves.out.contains(",0,loss,1.0,2025-12-05T07:00:00.000Z"), curves.out); // step, value and the writer's time
    }

    void sigintQueuesRunningTrialsAgain()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("i.db"));
        const QString spec = writeSpec(dir, QStringLiteral("i.json"),
                                       specWith(QStringLiteral("interrupt"), floatX(), {QStringLiteral("--value=${x}"), QStringLiteral("--sleep-ms=400")}, 6, 2));
        QProcess p;
        p.start(cli(), {QStringLiteral("run"), spec, QStringLiteral("--db"), db});
        QVERIFY(p.waitForStarted());
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 30000 && statusOf(db, QStringLiteral("interrupt")).value(QStringLiteral("counts")).toObject().value(QStringLiteral("running")).toInt() < 2)
            QThread::msleep(20);
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 130);
        const QJsonObject s = statusOf(db, QStringLiteral("interrupt"));
        QCOMPARE(s.value(QStringLiteral("state")).toString(), QStringLiteral("stopped"));
        const QJsonObject c = s.value(QStringLiteral("counts")).toObject();
        QCOMPARE(c.value(QStringLiteral("running")).toInt(), 0);
        QCOMPARE(c.value(QStringLiteral("queued")).toInt(), 2);
        QCOMPARE(c.value(QStringLiteral("failed")).toInt(), 0);

        const Result r = runCli({QStringLiteral("resume"), QStringLiteral("--db"), db});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject done = statusOf(db, QStringLiteral("interrupt")).value(QStringLiteral("counts")).toObject();
        QCOMPARE(done.value(QStringLiteral("completed")).toInt(), 6);
    }

    void askTellAndServe()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("a.db"));
        QJsonObject spec = specWith(QStringLiteral("manual"), floatX(), {}, 50, 1);
        spec.remove(QStringLiteral("trial"));
        QCOMPARE(runCli({QStringLiteral("create"), writeSpec(dir, QStringLiteral("a.json"), spec), QStringLiteral("--db"), db}).exitCode, 0);

        const Result asked = runCli({QStringLiteral("ask"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("manual")});
        QCOMPARE(asked.exitCode, 0);
        const QJsonObject a = QJsonDocument::fromJson(asked.out).object();
        const qint64 id = a.value(QStringLiteral("trial")).toInteger();
        const double x = a.value(QStringLiteral("params")).toObject().value(QStringLiteral("x")).toDouble();
        QVERIFY(x >= 0 && x <= 1);
        QCOMPARE(runCli({QStringLiteral("tell"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("manual"), QStringLiteral("--trial"),
                         QString::number(id), QStringLiteral("--value"), QStringLiteral("0.125"), QStringLiteral("--metric"), QStringLiteral("loss=0.5@1"),
                         QStringLiteral("--metric"), QStringLiteral("loss=0.125@2")})
                     .exitCode,
                 0);
        // Telling the same trial twice is bad input.
        const Result twice = runCli({QStringLiteral("tell"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("manual"),
                                     QStringLiteral("--trial"), QString::number(id), QStringLiteral("--value"), QStringLiteral("1")});
        QCOMPARE(twice.exitCode, 2);
        QVERIFY(twice.err.contains("is already completed"));

        // serve: one answer line per request, errors answered and serving goes on.
        QByteArray input;
        for (int i = 0; i < 10; ++i)
            input += "{\"op\": \"ask\"}\n";
        input += "not json\n{\"op\": \"dance\"}\n{\"op\": \"tell\", \"trial\": 999999, \"value\": 1}\n";
        const Result served = runCli({QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("manual")}, input);
        QCOMPARE(served.exitCode, 0);
        QList<QByteArray> answers = served.out.split('\n');
        answers.removeAll(QByteArray());
        QCOMPARE(answers.size(), 13);
        QByteArray tells;
        for (int i = 0; i < 10; ++i) {
            const QJsonObject o = QJsonDocument::fromJson(answers[i]).object();
            QVERIFY(o.contains(QStringLiteral("params")));
            tells += "{\"op\": \"tell\", \"trial\": " + QByteArray::number(o.value(QStringLiteral("trial")).toInteger())
                + ", \"value\": " + QByteArray::number(i) + ", \"metrics\": [{\"name\": \"loss\", \"step\": 0, \"value\": 5}]}\n";
        }
        for (int i = 10; i < 13; ++i)
            QCOMPARE(QJsonDocument::fromJson(answers[i]).object().value(QStringLiteral("ok")).toBool(true), false);
        const Result told = runCli({QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("manual")}, tells);
        QCOMPARE(told.out.count("{\"ok\":true}"), 10);
        const QJsonObject s = statusOf(db, QStringLiteral("manual"));
        QCOMPARE(s.value(QStringLiteral("counts")).toObject().value(QStringLiteral("completed")).toInt(), 11);
        QCOMPARE(s.value(QStringLiteral("best")).toObject().value(QStringLiteral("value")).toDouble(), 0.0);
    }

    // Without algorithm.name the experiment runs `auto`: each ask answer says which sampler
    // made the point and why, and the trial export keeps it (issue 18).
    void serveSaysWhichSamplerAsked()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("a.db"));
        QJsonObject spec = specWith(QStringLiteral("auto"), floatX(), {}, 50, 1);
        spec.remove(QStringLiteral("trial"));
        spec.insert(QStringLiteral("algorithm"), QJsonObject{{QStringLiteral("seed"), 3}});
        QCOMPARE(runCli({QStringLiteral("create"), writeSpec(dir, QStringLiteral("a.json"), spec), QStringLiteral("--db"), db}).exitCode, 0);
        QByteArray input;
        for (int i = 1; i <= 12; ++i) // trial ids count from 1 in a new store
            input += "{\"op\": \"ask\"}\n{\"op\": \"tell\", \"trial\": " + QByteArray::number(i) + ", \"value\": " + QByteArray::number(0.5 / i) + "}\n";
        const Result served = runCli({QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("auto")}, input);
        QCOMPARE(served.exitCode, 0);
        const QList<QByteArray> answers = served.out.split('\n');
        const QJsonObject first = QJsonDocument::fromJson(answers[0]).object();
        QCOMPARE(first.value(QStringLiteral("trial")).toInteger(), 1);
        QCOMPARE(first.value(QStringLiteral("sampler")).toString(), QStringLiteral("sobol"));
        QCOMPARE(first.value(QStringLiteral("sampler_reason")).toString(), QStringLiteral("Sobol start: point 1 of 10"));
        const QJsonObject eleventh = QJsonDocument::fromJson(answers[20]).object();
        QCOMPARE(eleventh.value(QStringLiteral("trial")).toInteger(), 11);
        QCOMPARE(eleventh.value(QStringLiteral("sampler")).toString(), QStringLiteral("gp"));
        QCOMPARE(eleventh.value(QStringLiteral("sampler_reason")).toString(),
                 QStringLiteral("1-dimensional continuous space, 10 trials so far; GP until 200 trials, then CMA-ES"));
        const Result exported = runCli({QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("auto"),
                                        QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(exported.exitCode, 0);
        const QJsonArray trials = QJsonDocument::fromJson(exported.out).object().value(QStringLiteral("trials")).toArray();
        QCOMPARE(trials.size(), 12);
        QCOMPARE(trials[10].toObject().value(QStringLiteral("sampler")).toString(), QStringLiteral("gp"));
        QCOMPARE(trials[10].toObject().value(QStringLiteral("sampler_reason")).toString(), eleventh.value(QStringLiteral("sampler_reason")).toString());
    }

    void serveRejectsMalformedRequests_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QString>("error");
        QTest::newRow("array") << QByteArray("[]") << "expected one JSON object per line, like {\"op\": \"ask\"}, got an array";
        QTest::newRow("not json") << QByteArray("{op: ask}") << "invalid JSON at character 2: unterminated object";
        QTest::newRow("metrics not a list") << QByteArray(R"({"op": "tell", "trial": 1, "value": 1, "metrics": "x"})")
                                            << "tell: \"metrics\" must be a list of {\"name\": ..., \"value\": ..., \"step\": ...}";
        QTest::newRow("trial beyond int64") << QByteArray(R"({"op": "tell", "trial": 1e19, "value": 1})")
                                            << "tell: \"trial\" must be the integer id that ask returned";
        QTest::newRow("fractional trial") << QByteArray(R"({"op": "tell", "trial": 1.5, "value": 1})")
                                          << "tell: \"trial\" must be the integer id that ask returned";
        QTest::newRow("step beyond int64") << QByteArray(R"({"op": "tell", "trial": 1, "value": 1, "metrics": [{"name": "loss", "value": 1, "step": 1e19}]})")
                                           << "tell: metrics[0].step must be an integer from 0 to 2^53";
        QTest::newRow("metric without a name") << QByteArray(R"({"op": "tell", "trial": 1, "value": 1, "metrics": [{"value": 1}]})")
                                               << "tell: metrics[0] needs a \"name\" and a numeric \"value\"";
        QTest::newRow("escape in op") << QByteArray("{\"op\": \"\\u001b[2J\"}") << "op: unknown op '\\x1b[2J'; use \"ask\" or \"tell\"";
    }

    // A bad request gets an error answer that says what to fix, and changes nothing.
    void serveRejectsMalformedRequests()
    {
        QFETCH(QByteArray, request);
        QFETCH(QString, error);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("s.db"));
        QJsonObject spec = specWith(QStringLiteral("served"), floatX(), {}, 5, 1);
        spec.remove(QStringLiteral("trial"));
        QCOMPARE(runCli({QStringLiteral("create"), writeSpec(dir, QStringLiteral("s.json"), spec), QStringLiteral("--db"), db}).exitCode, 0);
        const Result r = runCli({QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("served")},
                                "{\"op\": \"ask\"}\n" + request + '\n');
        const QList<QByteArray> answers = r.out.trimmed().split('\n');
        QCOMPARE(answers.size(), 2);
        const QJsonObject answer = QJsonDocument::fromJson(answers[1]).object();
        QCOMPARE(answer.value(QStringLiteral("ok")).toBool(true), false);
        QCOMPARE(answer.value(QStringLiteral("error")).toString(), error);
        const QJsonObject counts = statusOf(db, QStringLiteral("served")).value(QStringLiteral("counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("running")).toInt(), 1); // the asked trial, untouched
        QCOMPARE(counts.value(QStringLiteral("completed")).toInt(), 0);
    }

    // Names that are not folder names: each experiment gets a folder of its own inside
    // <db>.trials/, whatever its name.
    void experimentNamesNeverShareOrEscapeTrialFolders()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("n.db"));
        QSet<QString> folders;
        for (const QString& name : {QStringLiteral(".."), QStringLiteral("a/b"), QStringLiteral("a_b"), QStringLiteral("a b")}) {
            const QString spec = writeSpec(dir, QStringLiteral("n.json"), specWith(name, floatX(), {QStringLiteral("--value=${x}")}, 1, 1));
            QCOMPARE(runCli({QStringLiteral("run"), spec, QStringLiteral("--db"), db, QStringLiteral("--quiet")}).exitCode, 0);
            const QString log = trialsOf(db, name).first().toObject().value(QStringLiteral("log")).toString();
            const QString folder = QFileInfo(QFileInfo(log).absolutePath()).absolutePath();
            QVERIFY2(QFileInfo(folder).absolutePath() == dir.filePath(QStringLiteral("n.trials")), qPrintable(folder));
            folders.insert(folder);
        }
        QCOMPARE(folders.size(), 4);
    }

    // A timeout never fires early (a coarse timer may fire 5% early).
    void timeoutIsNeverEarly()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("t.db"));
        QJsonObject spec = specWith(QStringLiteral("slow"), floatX(), {QStringLiteral("--mode=timeout")}, 3, 3);
        QJsonObject trial = spec.value(QStringLiteral("trial")).toObject();
        trial[QStringLiteral("timeout_s")] = 1.5;
        spec[QStringLiteral("trial")] = trial;
        runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("t.json"), spec), QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        const QJsonArray trials = trialsOf(db, QStringLiteral("slow"));
        QCOMPARE(trials.size(), 3);
        for (const QJsonValue& v : trials) {
            QCOMPARE(v.toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("timed out after 1.5 s"));
            QVERIFY2(v.toObject().value(QStringLiteral("duration_s")).toDouble() >= 1.5,
                     qPrintable(QString::number(v.toObject().value(QStringLiteral("duration_s")).toDouble())));
        }
    }

    // A trial printing metrics at full speed: the store keeps at most max_metric_rows of
    // them, says so in the trial's reason, and the objective is still the last one printed.
    void metricFloodIsBounded()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("f.db"));
        QJsonObject spec = shellSpec(QStringLiteral("flood"),
                                     QStringLiteral("i=0; while [ $i -lt 3000 ]; do echo \"step=$i loss=$i acc=1\"; i=$((i+1)); done"));
        QJsonObject trial = spec.value(QStringLiteral("trial")).toObject();
        trial[QStringLiteral("max_metric_rows")] = 1000;
        spec[QStringLiteral("trial")] = trial;
        QCOMPARE(runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("f.json"), spec), QStringLiteral("--db"), db, QStringLiteral("--quiet")}).exitCode, 0);
        const QJsonObject t = trialsOf(db, QStringLiteral("flood")).first().toObject();
        QCOMPARE(t.value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
        QCOMPARE(t.value(QStringLiteral("value")).toDouble(), 2999.0);
        QCOMPARE(t.value(QStringLiteral("reason")).toString(), QStringLiteral("metrics capped at trial.max_metric_rows = 1000 (8000 more rows not stored)"));
        tb::engine::Store store(db, tb::engine::Store::OpenMode::ExistingOnly);
        const qint64 id = t.value(QStringLiteral("trial")).toInteger();
        QCOMPARE(store.metrics(id).size() + store.events(id).size(), std::size_t(1000) + 1); // + the notice
        QCOMPARE(store.events(id).back().kind, QStringLiteral("notice"));
    }

    void badInputExitsTwoNamingFileAndField_data()
    {
        QTest::addColumn<QByteArray>("spec");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown key") << QByteArray(R"({"name": "x", "objective": {"metric": "loss"}, "space": [{"name": "a", "type": "float", "low": 0, "high": 1}], "trial": {"argv": ["t"], "timout_s": 3}})")
                                     << QStringLiteral("bad.json: trial.timout_s: unknown key; known keys: argv, workdir, env, timeout_s, retries");
        QTest::newRow("wrong type") << QByteArray(R"({"name": "x", "objective": {"metric": "loss"}, "space": [{"name": "a", "type": "float", "low": 0, "high": 1}], "budget": {"max_trials": "30"}, "trial": {"argv": ["t"]}})")
                                    << QStringLiteral("bad.json: budget.max_trials: expected an integer >= 1, got \"30\"");
        QTest::newRow("log low") << QByteArray(R"({"name": "x", "objective": {"metric": "loss"}, "space": [{"name": "a", "type": "int", "low": 1, "high": 3}, {"name": "b", "type": "int", "low": 1, "high": 3}, {"name": "lr", "type": "float", "low": 0, "high": 1, "log": true}], "trial": {"argv": ["t"]}})")
                                 << QStringLiteral("bad.json: space[2] 'lr': log scale needs low > 0, got 0");
        QTest::newRow("placeholder") << QByteArray(R"({"name": "x", "objective": {"metric": "loss"}, "space": [{"name": "lr", "type": "float", "low": 0, "high": 1}], "trial": {"argv": ["t", "--lr=${lrr}"]}})")
                                     << QStringLiteral("bad.json: trial.argv[1]: unknown placeholder ${lrr}; known: lr, trial.id, trial.dir, trial.rank");
        QTest::newRow("json syntax") << QByteArray("{\"name\": \"x\",\n \"objective\": }") << QStringLiteral("bad.json: line 2: invalid JSON");
    }

    void badInputExitsTwoNamingFileAndField()
    {
        QFETCH(QByteArray, spec);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("bad.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(spec);
        f.close();
        const QString db = dir.filePath(QStringLiteral("b.db"));
        const Result r = runCli({QStringLiteral("run"), f.fileName(), QStringLiteral("--db"), db});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        // Nothing was written for a rejected spec.
        if (QFile::exists(db)) {
            const Result s = runCli({QStringLiteral("status"), QStringLiteral("--db"), db});
            QCOMPARE(s.exitCode, 2);
            QVERIFY(s.err.contains("holds no experiment"));
        }
    }

    void scheduleCommand()
    {
        Result r = runCli({QStringLiteral("schedule"), QStringLiteral("--schedule"), QStringLiteral("1f1b"), QStringLiteral("--stages"),
                           QStringLiteral("4"), QStringLiteral("--microbatches"), QStringLiteral("8")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("rank 0: 0F0 0F1 0F2 0F3 0B0 0F4"));
        // (p-1)/(m+p-1) = 3/11 and min(m, p-s) activations per stage.
        QVERIFY(r.out.contains("bubble: simulated 0.2727"));
        QVERIFY(r.out.contains("peak activations per stage: 4 3 2 1"));
        r = runCli({QStringLiteral("schedule"), QStringLiteral("--schedule"), QStringLiteral("gpipe"), QStringLiteral("--stages"), QStringLiteral("3"),
                    QStringLiteral("--microbatches"), QStringLiteral("4"), QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count('\n'), 3);
        QVERIFY(r.out.startsWith("0F0,0F1,0F2,0F3,0B0,0B1,0B2,0B3\n"));
        r = runCli({QStringLiteral("schedule"), QStringLiteral("--schedule"), QStringLiteral("interleaved"), QStringLiteral("--stages"), QStringLiteral("2"),
                    QStringLiteral("--microbatches"), QStringLiteral("4"), QStringLiteral("--virtual-stages"), QStringLiteral("2"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(r.out).isObject());
        r = runCli({QStringLiteral("schedule"), QStringLiteral("--schedule"), QStringLiteral("1f1b"), QStringLiteral("--stages"), QStringLiteral("4"),
                    QStringLiteral("--microbatches"), QStringLiteral("2")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("1f1b needs at least as many micro-batches as stages (m=2 < p=4)"));
    }

    // Two fake GPUs, two trials per GPU: every trial gets one device, and no device ever
    // holds more than two trials at once, although nothing else limits the parallelism.
    void fakeGpusAreSharedUpToTrialsPerGpu()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("s.db"));
        QJsonObject spec = specWith(QStringLiteral("gpus"), floatX(),
                                    {QStringLiteral("--value=${x}"), QStringLiteral("--sleep-ms=400"),
                                     QStringLiteral("--argv-to=${trial.dir}/argv.txt")},
                                    12, 1);
        spec.insert(QStringLiteral("resources"), QJsonObject{{QStringLiteral("gpus"), QStringLiteral("all")},
                                                             {QStringLiteral("trials_per_gpu"), 2},
                                                             {QStringLiteral("telemetry_hz"), 10}});
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TUNEBENCH_FAKE_GPUS"), QStringLiteral("2"));
        const Result r = runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("spec.json"), spec), QStringLiteral("--db"), db},
                                {}, 120000, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("4 in parallel on GPUs 0,1 (2 per GPU)"), r.out.constData());

        const QJsonArray trials = trialsOf(db, QStringLiteral("gpus"));
        QCOMPARE(trials.size(), 12);
        std::map<QString, std::vector<std::pair<QString, int>>> edges; // device -> (ISO time, +1/-1)
        std::vector<std::pair<QString, int>> all;
        for (const QJsonValue& v : trials) {
            const QJsonObject t = v.toObject();
            QCOMPARE(t.value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
            const QString dirOf = QFileInfo(t.value(QStringLiteral("log")).toString()).absolutePath();
            const QStringList lines = readLines(dirOf + QStringLiteral("/argv.txt"));
            QVERIFY(!lines.isEmpty());
            const QString cuda = lines.last();
            QVERIFY2(cuda == QLatin1String("CUDA 0") || cuda == QLatin1String("CUDA 1"), qPrintable(cuda));
            const QString device = cuda.mid(5);
            edges[device].emplace_back(t.value(QStringLiteral("started_at")).toString(), +1);
            edges[device].emplace_back(t.value(QStringLiteral("ended_at")).toString(), -1);
            all.emplace_back(t.value(QStringLiteral("started_at")).toString(), +1);
            all.emplace_back(t.value(QStringLiteral("ended_at")).toString(), -1);
        }
        auto peakOf = [](std::vector<std::pair<QString, int>> e) {
            std::sort(e.begin(), e.end(), [](const auto& a, const auto& b) { return a.first < b.first || (a.first == b.first && a.second < b.second); });
            int running = 0, peak = 0;
            for (const auto& [time, delta] : e)
                peak = std::max(peak, running += delta);
            return peak;
        };
        QCOMPARE(edges.size(), std::size_t(2)); // both GPUs were used
        for (const auto& [device, e] : edges)
            QVERIFY2(peakOf(e) <= 2, qPrintable(QStringLiteral("GPU %1 held %2 trials at once").arg(device).arg(peakOf(e))));
        QVERIFY(peakOf(all) <= 4);
        QVERIFY(peakOf(all) >= 2);

        // The telemetry names the trials holding each GPU.
        const Result csv = runCli({QStringLiteral("telemetry"), QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(csv.exitCode, 0);
        const QList<QByteArray> rows = csv.out.trimmed().split('\n');
        QVERIFY(rows.size() > 4);
        QVERIFY(rows[0].startsWith("time,kind,device,name,utilization,memory_used_bytes"));
        std::set<QByteArray> devicesSeen;
        bool attributed = false;
        for (const QByteArray& row : rows.mid(1)) {
            const QList<QByteArray> f = row.split(',');
            devicesSeen.insert(f[1] + f[2]);
            attributed = attributed || (f[1] == "gpu" && !f[9].isEmpty());
        }
        QCOMPARE(devicesSeen, (std::set<QByteArray>{"cpu0", "gpu0", "gpu1"}));
        QVERIFY(attributed);
        const Result json = runCli({QStringLiteral("telemetry"), QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(QJsonDocument::fromJson(json.out).object().value(QStringLiteral("samples")).toArray().size(), rows.size() - 1);
    }

    void gpuTrialsWithoutGpusFailFast()
    {
        QTemporaryDir dir;
        QJsonObject spec = specWith(QStringLiteral("nogpu"), floatX(), {QStringLiteral("--value=${x}")}, 2, 1);
        spec.insert(QStringLiteral("resources"), QJsonObject{{QStringLiteral("gpus_per_trial"), 1}});
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TUNEBENCH_FAKE_GPUS"), QStringLiteral("0"));
        const Result r = runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("spec.json"), spec), QStringLiteral("--db"),
                                 dir.filePath(QStringLiteral("s.db"))},
                                {}, 120000, env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("spec.json: resources.gpus_per_trial: trials need 1 GPU(s) (gpus_per_trial), but no GPU is visible"), r.err.constData());
        // Nothing was created: the fixed spec runs under the same name.
        spec.insert(QStringLiteral("resources"), QJsonObject{{QStringLiteral("parallel_trials"), 1}});
        QCOMPARE(runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("spec.json"), spec), QStringLiteral("--db"),
                         dir.filePath(QStringLiteral("s.db")), QStringLiteral("--quiet")},
                        {}, 120000, env)
                     .exitCode,
                 0);
    }

    // A foreign process on the only GPU and skip_busy_gpus: the trial waits, and status says why.
    void waitingReasonIsVisibleInStatus()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("s.db"));
        QJsonObject spec = specWith(QStringLiteral("busy"), floatX(), {QStringLiteral("--value=${x}")}, 2, 1);
        spec.insert(QStringLiteral("resources"), QJsonObject{{QStringLiteral("gpus"), QJsonArray{0}},
                                                             {QStringLiteral("skip_busy_gpus"), true}});
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TUNEBENCH_FAKE_GPUS"), QStringLiteral("1,busy=0:4242"));
        QProcess engine;
        engine.setProcessEnvironment(env);
        engine.start(cli(), {QStringLiteral("run"), writeSpec(dir, QStringLiteral("spec.json"), spec), QStringLiteral("--db"), db});
        QVERIFY(engine.waitForStarted());
        QString text;
        for (int i = 0; i < 100 && !text.contains(QStringLiteral("waiting:")); ++i) {
            QThread::msleep(100);
            if (QFile::exists(db))
                text = QString::fromUtf8(runCli({QStringLiteral("status"), QStringLiteral("--db"), db}).out);
        }
        QVERIFY2(text.contains(QStringLiteral("\nwaiting: GPU 0 busy with foreign processes (pid 4242)")), qPrintable(text));
        QCOMPARE(statusOf(db, QStringLiteral("busy")).value(QStringLiteral("waiting")).toString(),
                 QStringLiteral("GPU 0 busy with foreign processes (pid 4242)"));
        ::kill(static_cast<pid_t>(engine.processId()), SIGINT);
        QVERIFY(engine.waitForFinished(30000));
        QCOMPARE(engine.exitCode(), 130);
        QVERIFY(engine.readAllStandardOutput().contains("trial 1 waits: GPU 0 busy with foreign processes (pid 4242)"));
        QVERIFY(!statusOf(db, QStringLiteral("busy")).contains(QStringLiteral("waiting")));
    }

    void badCommandLines()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("missing.db"));
        Result r = runCli({QStringLiteral("status"), QStringLiteral("--db"), missing});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("no such store"));
        QVERIFY(!QFile::exists(missing));
        r = runCli({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        r = runCli({QStringLiteral("best"), QStringLiteral("--db"), missing, QStringLiteral("--format"), QStringLiteral("toml")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--format: expected one of json|yaml|args"));
        r = runCli({QStringLiteral("run"), QStringLiteral("--db"), missing});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
