// End-to-end, the real tunebench-cli: what `run` refuses before an experiment exists (a
// trial program it cannot find), how an experiment whose every trial failed ends (failed,
// exit 1), and the built-in trainer found beside tunebench-cli as a spec names it.

#include "cli_support.h"
#include "engine/core/store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

namespace {

using namespace tb::test;

QJsonObject withArgv0(QJsonObject spec, const QString& argv0)
{
    QJsonObject trial = spec.value(QStringLiteral("trial")).toObject();
    QJsonArray argv = trial.value(QStringLiteral("argv")).toArray();
    argv[0] = argv0;
    trial[QStringLiteral("argv")] = argv;
    spec[QStringLiteral("trial")] = trial;
    return spec;
}

QStringList experimentNames(const QString& db)
{
    QStringList names;
    tb::engine::Store store(db, tb::engine::Store::OpenMode::ExistingOnly);
    for (const auto& row : store.experiments())
        names << row.name;
    return names;
}

// The environment with PATH reduced to the system's folders: nothing of the build tree.
QProcessEnvironment systemPathOnly()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    return env;
}

} // namespace

class TestCliLaunch : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(cli()), "TB_CLI must point at tunebench-cli");
        QVERIFY2(QFile::exists(trialProgram()), "TB_TEST_TRIAL must point at tb-test-trial");
    }

    // A program that cannot be found is refused with the field, the program and the fix,
    // before anything is stored: the store keeps only what it had, and the fixed spec then
    // runs under the same name.
    void unfoundProgramIsRefusedUpFront_data()
    {
        QTest::addColumn<QString>("argv0");
        QTest::addColumn<bool>("makeFile"); // a file ./train.sh without the executable bit
        QTest::addColumn<QString>("message"); // %D: the spec's folder, %A: tunebench-cli's
        QTest::newRow("not on PATH") << "tunebench-no-such-program" << false
                                     << "trial.argv[0]: program \"tunebench-no-such-program\" not found: it is neither on PATH nor in "
                                        "%A (beside this program). Install it, give its full path in trial.argv[0], or add its folder to PATH";
        QTest::newRow("relative path, no file") << "./train.sh" << false
                                                << "trial.argv[0]: program \"./train.sh\" not found: there is no %D/train.sh (relative "
                                                   "paths start from trial.workdir, %D). Give the right path, or set trial.workdir";
        QTest::newRow("not executable") << "./train.sh" << true
                                        << "trial.argv[0]: %D/train.sh is not an executable file. Make it executable (chmod +x), or run "
                                           "it through its interpreter, like [\"python3\", \"train.py\", ...]";
    }

    void unfoundProgramIsRefusedUpFront()
    {
        QFETCH(QString, argv0);
        QFETCH(bool, makeFile);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("s.db"));
        const QString specDir = QDir::cleanPath(dir.path());
        QCOMPARE(runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("kept.json"), specWith(QStringLiteral("kept"), floatX(), {QStringLiteral("--value=${x}")}, 1, 1)),
                         QStringLiteral("--db"), db, QStringLiteral("--quiet")})
                     .exitCode,
                 0);
        if (makeFile) {
            QFile script(dir.filePath(QStringLiteral("train.sh")));
            QVERIFY(script.open(QIODevice::WriteOnly));
            script.write("#!/bin/sh\nexit 0\n");
        }

        const QJsonObject good = specWith(QStringLiteral("bad"), floatX(), {QStringLiteral("--value=${x}")}, 2, 1);
        const QString spec = writeSpec(dir, QStringLiteral("bad.json"), withArgv0(good, argv0));
        const Result r = runCli({QStringLiteral("run"), spec, QStringLiteral("--db"), db}, {}, 120000, systemPathOnly());
        QCOMPARE(r.exitCode, 2);
        QString expected = QStringLiteral("tunebench-cli run: %1: %2\n").arg(spec, message);
        expected.replace(QStringLiteral("%D"), specDir).replace(QStringLiteral("%A"), QFileInfo(cli()).absolutePath());
        QCOMPARE(QString::fromUtf8(r.err), expected);
        QVERIFY2(r.out.isEmpty(), r.out.constData()); // nothing ran
        QCOMPARE(experimentNames(db), QStringList{QStringLiteral("kept")});

        // With the program found, the same name is free and the experiment runs.
        QCOMPARE(runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("bad.json"), good), QStringLiteral("--db"), db, QStringLiteral("--quiet")}).exitCode, 0);
        QCOMPARE(statusOf(db, QStringLiteral("bad")).value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
    }

    // Refused into a store that does not exist yet: not even the file is made.
    void refusedRunLeavesNoStore()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("new.db"));
        const QJsonObject spec = withArgv0(specWith(QStringLiteral("x"), floatX(), {}, 1, 1), QStringLiteral("tunebench-no-such-program"));
        QCOMPARE(runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("x.json"), spec), QStringLiteral("--db"), db}).exitCode, 2);
        QVERIFY(!QFile::exists(db));
    }

    // Every trial failed: the experiment failed, the exit status says so, and the summary
    // points at the first failure and its log; no best config is printed.
    void everyTrialFailedEndsFailed()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("f.db"));
        const QJsonObject spec = specWith(QStringLiteral("broken"), floatX(), {QStringLiteral("--exit=1")}, 3, 1);
        const Result r = runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("f.json"), spec), QStringLiteral("--db"), db});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(!r.out.contains("best config:"), r.out.constData());

        const QJsonObject status = statusOf(db, QStringLiteral("broken"));
        QCOMPARE(status.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        QCOMPARE(status.value(QStringLiteral("counts")).toObject().value(QStringLiteral("failed")).toInt(), 3);
        const QJsonArray trials = trialsOf(db, QStringLiteral("broken"));
        QCOMPARE(trials.size(), 3);
        const QString firstLog = trials[0].toObject().value(QStringLiteral("log")).toString();
        QVERIFY(QFile::exists(firstLog));
        const QString reason = QStringLiteral("all 3 trials failed; the first: exit code 1; see the trial logs, such as ") + firstLog;
        QCOMPARE(status.value(QStringLiteral("reason")).toString(), reason);
        QVERIFY2(r.out.contains((QStringLiteral("experiment 'broken' failed: ") + reason + QLatin1Char('\n')).toUtf8()), r.out.constData());
        QVERIFY2(r.out.contains("trials: 0 completed, 0 pruned, 3 failed, 0 running, 0 queued"), r.out.constData());
    }

    // One good trial among failures is a result: completed, exit 0.
    void oneGoodTrialCompletes()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("g.db"));
        QJsonObject spec = specWith(QStringLiteral("mixed"),
                                    QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("code")}, {QStringLiteral("type"), QStringLiteral("categorical")},
                                                           {QStringLiteral("choices"), QJsonArray{QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("2")}}}},
                                    {QStringLiteral("--value=0.5"), QStringLiteral("--exit=${code}")}, 3, 1);
        spec[QStringLiteral("algorithm")] = QJsonObject{{QStringLiteral("name"), QStringLiteral("grid")}, {QStringLiteral("seed"), 1}};
        const Result r = runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("g.json"), spec), QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject status = statusOf(db, QStringLiteral("mixed"));
        QCOMPARE(status.value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
        QCOMPARE(status.value(QStringLiteral("counts")).toObject().value(QStringLiteral("failed")).toInt(), 2);
    }

    // argv[0] from a parameter is not checked up front (only a trial knows it); trials that
    // cannot start fail, and with all of them failed so does the experiment.
    void placeholderProgramIsCheckedByItsTrials()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("p.db"));
        QJsonObject spec = specWith(QStringLiteral("chosen"),
                                    QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("prog")}, {QStringLiteral("type"), QStringLiteral("categorical")},
                                                           {QStringLiteral("choices"), QJsonArray{QStringLiteral("tunebench-no-such-program")}}}},
                                    {}, 2, 1);
        spec = withArgv0(spec, QStringLiteral("${prog}"));
        const Result r = runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("p.json"), spec), QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject status = statusOf(db, QStringLiteral("chosen"));
        QCOMPARE(status.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        QVERIFY2(status.value(QStringLiteral("reason")).toString().startsWith(
                     QStringLiteral("all 2 trials failed; the first: could not start: command not found: tunebench-no-such-program")),
                 qPrintable(status.value(QStringLiteral("reason")).toString()));
    }

    // ask/tell follows the same rule once its budget is used.
    void askTellWithEveryTrialFailedEndsFailed()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("a.db"));
        QJsonObject spec = specWith(QStringLiteral("told"), floatX(), {}, 2, 1);
        spec.remove(QStringLiteral("trial"));
        QCOMPARE(runCli({QStringLiteral("create"), writeSpec(dir, QStringLiteral("a.json"), spec), QStringLiteral("--db"), db}).exitCode, 0);
        for (int i = 0; i < 2; ++i) {
            const Result asked = runCli({QStringLiteral("ask"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("told")});
            QCOMPARE(asked.exitCode, 0);
            const qint64 id = QJsonDocument::fromJson(asked.out).object().value(QStringLiteral("trial")).toInteger();
            QCOMPARE(runCli({QStringLiteral("tell"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("told"), QStringLiteral("--trial"),
                             QString::number(id), QStringLiteral("--state"), QStringLiteral("failed")})
                         .exitCode,
                     0);
        }
        const QJsonObject status = statusOf(db, QStringLiteral("told"));
        QCOMPARE(status.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        QCOMPARE(status.value(QStringLiteral("reason")).toString(), QStringLiteral("all 2 trials failed; the first: told failed"));
    }

    // The built-in trainer sits beside tunebench-cli and the window's program in the build
    // tree (where both look beside themselves), and a spec that names it as
    // "tunebench-train" runs it with nothing of the build tree on PATH.
    void trainerIsFoundBesideTheCli()
    {
        const QString trainer = qEnvironmentVariable("TB_TRAIN");
        if (trainer.isEmpty())
            QSKIP("tunebench-train is not built here (no libtorch)");
        QCOMPARE(QFileInfo(trainer).absolutePath(), QFileInfo(cli()).absolutePath());
        QCOMPARE(QFileInfo(trainer).absolutePath(), QFileInfo(qEnvironmentVariable("TB_GUI")).absolutePath());
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("t.db"));
        QJsonObject spec = specWith(QStringLiteral("trainer"),
                                    QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("lr")}, {QStringLiteral("type"), QStringLiteral("float")},
                                                           {QStringLiteral("low"), 1e-3}, {QStringLiteral("high"), 1e-2}, {QStringLiteral("log"), true}}},
                                    {QStringLiteral("--task"), QStringLiteral("spirals"), QStringLiteral("--model"), QStringLiteral("mlp"), QStringLiteral("--steps"),
                                     QStringLiteral("2"), QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--lr=${lr}")},
                                    1, 1);
        spec = withArgv0(spec, QStringLiteral("tunebench-train"));
        const Result r = runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("t.json"), spec), QStringLiteral("--db"), db}, {}, 120000, systemPathOnly());
        QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
        const QJsonArray trials = trialsOf(db, QStringLiteral("trainer"));
        QCOMPARE(trials.size(), 1);
        QCOMPARE(trials[0].toObject().value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
        QVERIFY(std::isfinite(trials[0].toObject().value(QStringLiteral("value")).toDouble()));
    }
};

QTEST_GUILESS_MAIN(TestCliLaunch)
#include "tst_cli_launch.moc"
