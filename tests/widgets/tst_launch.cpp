// The window's Launch on a real store: a trial program that cannot be found is refused
// before the experiment exists (EngineHost::launch, and MainWindow::launch through it),
// with the field, the program and the fix; an experiment whose every trial failed ends
// failed, in the host's signal and in the store.

#include "engine/core/store.h"
#include "widgets/main_window.h"
#include "widgets/models/engine_host.h"
#include "widgets/setup_panel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb::widgets;
using tb::engine::ExperimentState;
using tb::engine::Store;


namespace {

QJsonObject specRunning(const QString& name, const QJsonArray& argv, int trials)
{
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("objective"), QJsonObject{{QStringLiteral("metric"), QStringLiteral("loss")}, {QStringLiteral("direction"), QStringLiteral("minimize")}}},
        {QStringLiteral("space"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("type"), QStringLiteral("float")},
                                                         {QStringLiteral("low"), 0.0}, {QStringLiteral("high"), 1.0}}}},
        {QStringLiteral("algorithm"), QJsonObject{{QStringLiteral("name"), QStringLiteral("random")}, {QStringLiteral("seed"), 3}}},
        {QStringLiteral("budget"), QJsonObject{{QStringLiteral("max_trials"), trials}}},
        {QStringLiteral("resources"), QJsonObject{{QStringLiteral("parallel_trials"), 1}}},
        {QStringLiteral("trial"), QJsonObject{{QStringLiteral("argv"), argv}, {QStringLiteral("timeout_s"), 60}}},
    };
}

// A store holding one experiment, "kept", so that a refused launch can be seen to add none.
void storeWithOneExperiment(const QString& db)
{
    Store store(db);
    const QJsonObject spec = specRunning(QStringLiteral("kept"), QJsonArray{qEnvironmentVariable("TB_TEST_TRIAL")}, 1);
    store.createExperiment(QStringLiteral("kept"), QJsonDocument(spec).toJson(QJsonDocument::Compact));
}

QStringList experimentNames(const QString& db)
{
    QStringList names;
    Store store(db, Store::OpenMode::ExistingOnly);
    for (const auto& row : store.experiments())
        names << row.name;
    return names;
}

const QString kNotFound = QStringLiteral("trial.argv[0]: program \"tunebench-no-such-program\" not found: it is neither on PATH nor in %1 "
                                         "(beside this program). Install it, give its full path in trial.argv[0], or add its folder to PATH");

} // namespace

class TestLaunch : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<tb::engine::ExperimentState>();
        QVERIFY2(QFile::exists(qEnvironmentVariable("TB_TEST_TRIAL")), "TB_TEST_TRIAL must point at tb-test-trial");
    }

    void hostRefusesAProgramItCannotFind_data()
    {
        QTest::addColumn<QString>("argv0");
        QTest::addColumn<bool>("makeFile"); // ./train.sh exists without the executable bit
        QTest::addColumn<QString>("message"); // %D: the spec's folder
        QTest::newRow("not on PATH") << "tunebench-no-such-program" << false << kNotFound.arg(QCoreApplication::applicationDirPath());
        QTest::newRow("relative path, no file") << "./train.sh" << false
                                                << "trial.argv[0]: program \"./train.sh\" not found: there is no %D/train.sh (relative "
                                                   "paths start from trial.workdir, %D). Give the right path, or set trial.workdir";
        QTest::newRow("not executable") << "./train.sh" << true
                                        << "trial.argv[0]: %D/train.sh is not an executable file. Make it executable (chmod +x), or run "
                                           "it through its interpreter, like [\"python3\", \"train.py\", ...]";
    }

    void hostRefusesAProgramItCannotFind()
    {
        QFETCH(QString, argv0);
        QFETCH(bool, makeFile);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("s.db"));
        storeWithOneExperiment(db);
        if (makeFile) {
            QFile script(dir.filePath(QStringLiteral("train.sh")));
            QVERIFY(script.open(QIODevice::WriteOnly));
            script.write("#!/bin/sh\nexit 0\n");
        }

        EngineHost host;
        QSignalSpy started(&host, &EngineHost::started);
        const QString error = host.launch(db, specRunning(QStringLiteral("bad"), QJsonArray{argv0, QStringLiteral("--value=${x}")}, 2), dir.path());
        QCOMPARE(error, QString(message).replace(QStringLiteral("%D"), QDir::cleanPath(dir.path())));
        QVERIFY(!host.isRunning());
        QCOMPARE(started.count(), 0);
        QCOMPARE(experimentNames(db), QStringList{QStringLiteral("kept")});
    }

    // Through the window as a user launches: the set-up panel's spec, Launch, the message.
    void windowRefusesAProgramItCannotFind()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("w.db"));
        storeWithOneExperiment(db);
        MainWindow window;
        QVERIFY(window.openStore(db));
        window.setup()->setSpec(specRunning(QStringLiteral("bad"), QJsonArray{QStringLiteral("tunebench-no-such-program"), QStringLiteral("--value=${x}")}, 2));
        QCOMPARE(window.launch(), kNotFound.arg(QCoreApplication::applicationDirPath()));
        QVERIFY(!window.host()->isRunning());
        QCOMPARE(experimentNames(db), QStringList{QStringLiteral("kept")});
    }

    // Every trial failed: finished says failed, with the first failure and its log, and the
    // store keeps that state.
    void everyTrialFailedEndsFailed()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("f.db"));
        EngineHost host;
        QSignalSpy finished(&host, &EngineHost::finished);
        const QJsonArray argv{qEnvironmentVariable("TB_TEST_TRIAL"), QStringLiteral("--value=${x}"), QStringLiteral("--exit=1")};
        QCOMPARE(host.launch(db, specRunning(QStringLiteral("broken"), argv, 2), dir.path()), QString());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished[0][0].value<ExperimentState>(), ExperimentState::Failed);

        Store store(db, Store::OpenMode::ExistingOnly);
        const auto row = store.experiment(QStringLiteral("broken"));
        QVERIFY(row);
        QCOMPARE(row->state, ExperimentState::Failed);
        const auto trials = store.trials(row->id);
        QCOMPARE(trials.size(), std::size_t(2));
        const QString reason = QStringLiteral("all 2 trials failed; the first: exit code 1; see the trial logs, such as ") + trials[0].logPath;
        QCOMPARE(finished[0][1].toString(), reason);
        QCOMPARE(row->reason, reason);
    }
};

QTEST_MAIN(TestLaunch)
#include "tst_launch.moc"
