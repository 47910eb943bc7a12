// The window's models against real engines: an experiment launched through the GUI's
// models, follow mode on a store another process writes, the dashboard's panels fed from
// the store, handing a running experiment to a headless process, the zh_CN catalogue.

#include "widgets/dashboard.h"
#include "widgets/models/engine_host.h"
#include "widgets/models/experiment_data.h"
#include "widgets/external_form.h"
#include "widgets/main_window.h"
#include "widgets/plots/plots.h"
#include "widgets/sampler_log_view.h"
#include "widgets/plots/schedule_view.h"
#include "widgets/setup_panel.h"
#include "widgets/models/store_session.h"
#include "widgets/trial_detail.h"
#include "widgets/trial_table.h"

#include "engine/core/metric_parser.h"
#include "engine/core/store.h"

#include "algorithms/pruner.h"
#include "algorithms/sampler.h"

#include <QDomDocument>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QComboBox>
#include <QFileSystemModel>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QLineEdit>
#include <QToolButton>
#include <QStatusBar>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>
#include <sys/stat.h>

using namespace tb::widgets;

namespace {

QJsonObject testSpec(const QString& name, int trials, int parallel, int sleepMs)
{
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("objective"), QJsonObject{{QStringLiteral("metric"), QStringLiteral("loss")}, {QStringLiteral("direction"), QStringLiteral("minimize")}}},
        {QStringLiteral("space"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("type"), QStringLiteral("float")},
                                                         {QStringLiteral("low"), 0.0}, {QStringLiteral("high"), 1.0}},
                                             QJsonObject{{QStringLiteral("name"), QStringLiteral("k")}, {QStringLiteral("type"), QStringLiteral("int")},
                                                         {QStringLiteral("low"), 1}, {QStringLiteral("high"), 4}}}},
        {QStringLiteral("algorithm"), QJsonObject{{QStringLiteral("name"), QStringLiteral("random")}, {QStringLiteral("seed"), 5}}},
        {QStringLiteral("budget"), QJsonObject{{QStringLiteral("max_trials"), trials}}},
        {QStringLiteral("resources"), QJsonObject{{QStringLiteral("parallel_trials"), parallel}}},
        {QStringLiteral("trial"), QJsonObject{{QStringLiteral("argv"), QJsonArray{qEnvironmentVariable("TB_TEST_TRIAL"), QStringLiteral("--value=${x}"),
                                                                               QStringLiteral("--steps=4"), QStringLiteral("--sleep-ms=%1").arg(sleepMs)}}}},
    };
}

// Whether this process holds a POSIX lock on the file (SQLite's, while a connection is open).
bool holdsPosixLock(const QString& path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    const QString inode = QStringLiteral(":%1 ").arg(st.st_ino);
    const QString pid = QStringLiteral(" %1 ").arg(QCoreApplication::applicationPid());
    QFile locks(QStringLiteral("/proc/locks"));
    if (!locks.open(QIODevice::ReadOnly))
        return false;
    for (const QString& line : QString::fromLatin1(locks.readAll()).split(QLatin1Char('\n')))
        if (line.contains(QStringLiteral("POSIX")) && line.contains(inode) && line.contains(pid))
            return true;
    return false;
}

// Closes the next modal file dialog once it has listed `folder` and had time to fetch
// icons and types; `closed` tells that it happened.
void closeDialogOnceListed(const QString& folder, bool* closed)
{
    auto* poll = new QTimer;
    auto* clock = new QElapsedTimer;
    clock->start();
    QObject::connect(poll, &QTimer::timeout, [poll, clock, folder, closed] {
        auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        auto* model = dialog ? dialog->findChild<QFileSystemModel*>() : nullptr;
        static qint64 listedAt = -1;
        if (model && model->rowCount(model->index(folder)) > 0 && listedAt < 0)
            listedAt = clock->elapsed();
        if (listedAt >= 0 && clock->elapsed() - listedAt > 1500) {
            dialog->reject();
            *closed = true;
            listedAt = -1;
        }
        if (*closed || clock->elapsed() > 30000) {
            poll->deleteLater();
            delete clock;
        }
    });
    poll->start(50);
}

int completedIn(const ExperimentData& data)
{
    int n = 0;
    for (const TrialView& t : data.trials())
        n += t.row.state == tb::algorithms::TrialState::Completed;
    return n;
}

} // namespace

class TestWorkbench : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(QFile::exists(qEnvironmentVariable("TB_TEST_TRIAL")));
        QVERIFY(QFile::exists(qEnvironmentVariable("TB_CLI")));
        // The window finds tunebench-cli on PATH or beside itself; here, on PATH.
        const QString cliDir = QFileInfo(qEnvironmentVariable("TB_CLI")).absolutePath();
        qputenv("PATH", (cliDir + QLatin1Char(':') + qEnvironmentVariable("PATH")).toLocal8Bit());
    }

    void experimentLaunchedThroughTheWindowRunsToCompletion()
    {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openStore(dir.filePath(QStringLiteral("gui.db"))));
        window.setup()->setSpec(testSpec(QStringLiteral("from-gui"), 12, 3, 20));
        QCOMPARE(window.setup()->validate(), QString());

        QSignalSpy finishedTrials(window.host(), &EngineHost::trialFinished);
        QSignalSpy finished(window.host(), &EngineHost::finished);
        QSignalSpy trialsChanged(&window.data(), &ExperimentData::trialsChanged);
        QSignalSpy importance(window.dashboard(), &Dashboard::importanceUpdated);
        QCOMPARE(window.launch(), QString());
        QVERIFY(window.host()->isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(finished.first().at(0).value<tb::engine::ExperimentState>(), tb::engine::ExperimentState::Completed);
        QCOMPARE(finishedTrials.count(), 12);

        // The models follow the store: every trial, its curve, the table, the plots.
        QTRY_COMPARE_WITH_TIMEOUT(completedIn(window.data()), 12, 10000);
        QVERIFY(trialsChanged.count() >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(window.data().trials().begin(), window.data().trials().end(),
                                             [](const TrialView& t) { return t.curve.size() == 5; }),
                                 10000);
        QCOMPARE(window.dashboard()->table()->model()->rowCount(), 12);
        window.dashboard()->curves()->refreshNow();
        QCOMPARE(window.dashboard()->curves()->curveCount(), 12);
        for (const TrialView& t : window.data().trials()) {
            QCOMPARE(window.dashboard()->curves()->pointsOf(t.row.id), t.curve);
            // The last report is the objective (`loss=x` after four steps).
            QCOMPARE(t.curve.last().y(), *t.row.value);
        }

        // Importance is recomputed in the background once trials have finished.
        QTRY_VERIFY_WITH_TIMEOUT(importance.count() >= 1, 20000);
        const auto bars = window.dashboard()->importance()->bars();
        QCOMPARE(bars.size(), 2);
        QCOMPARE(bars.first().first, QStringLiteral("x")); // the objective is x itself

        // Selecting a trial shows its details, read from the store and its log.
        const qint64 id = window.data().trials().first().row.id;
        window.data().select(id);
        QVERIFY(window.dashboard()->detail()->summaryText().contains(QStringLiteral("Trial %1").arg(id)));
        QTRY_VERIFY_WITH_TIMEOUT(window.dashboard()->detail()->logText().contains(QStringLiteral("some log text")), 10000);
        QCOMPARE(window.dashboard()->table()->view()->currentIndex().data(TrialTableModel::TrialIdRole).toLongLong(), id);
    }

    // An external sampler set up in the form (a shipped one, settings typed as JSON and
    // checked as typed), launched, its log in the dashboard; a loaded spec comes back unchanged.
    void externalSamplerFromTheSetUpForm()
    {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openStore(dir.filePath(QStringLiteral("ext.db"))));
        window.setup()->setSpec(testSpec(QStringLiteral("ext"), 4, 2, 10));
        auto* algorithm = window.setup()->findChild<QComboBox*>(QStringLiteral("algorithm"));
        algorithm->setCurrentIndex(algorithm->findData(QStringLiteral("external")));
        auto* form = window.setup()->findChild<ExternalForm*>(QStringLiteral("externalSampler"));
        QVERIFY(form && form->isVisibleTo(window.setup()));
        QVERIFY(!form->problem().isEmpty()); // no command yet
        QMenu* shipped = form->findChild<QToolButton*>(QStringLiteral("externalShipped"))->menu();
        QStringList names;
        for (QAction* a : shipped->actions())
            names << a->text();
        QCOMPARE(names, QStringList({QStringLiteral("optuna_sampler.py"), QStringLiteral("random_sampler.py")}));
        shipped->actions().at(1)->trigger();
        const QString script = QDir(ExternalForm::shippedFolder()).absoluteFilePath(QStringLiteral("random_sampler.py"));
        QCOMPARE(form->commandEdit()->text(), QStringLiteral("python3 ") + script);

        form->settingsEdit()->setPlainText(QStringLiteral("{\"k\": "));
        QVERIFY(form->problem().startsWith(QStringLiteral("Settings:")));
        QVERIFY(window.setup()->validate().contains(QStringLiteral("algorithm.settings")));
        form->settingsEdit()->setPlainText(QStringLiteral("{\"k\": [1, 2]}"));
        QCOMPARE(form->problem(), QString());
        QCOMPARE(window.setup()->validate(), QString());
        const QJsonObject chosen = window.setup()->spec().value(QStringLiteral("algorithm")).toObject();
        QCOMPARE(chosen.value(QStringLiteral("command")).toArray(), QJsonArray({QStringLiteral("python3"), script}));
        QCOMPARE(chosen.value(QStringLiteral("settings")).toObject(), QJsonObject({{QStringLiteral("k"), QJsonArray{1, 2}}}));

        QSignalSpy finished(window.host(), &EngineHost::finished);
        QCOMPARE(window.launch(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(finished.first().at(0).value<tb::engine::ExperimentState>(), tb::engine::ExperimentState::Completed);
        QTRY_COMPARE_WITH_TIMEOUT(completedIn(window.data()), 4, 10000);
        SamplerLogView* log = window.dashboard()->samplerLog();
        QVERIFY(log->applies());
        log->refresh();
        QVERIFY2(log->text()->toPlainText().contains(QStringLiteral("starting the sampler: python3 ") + script), qPrintable(log->text()->toPlainText()));

        // Import -> export keeps every key of an external sampler and pruner.
        QJsonObject spec = testSpec(QStringLiteral("kept"), 4, 1, 10);
        const QJsonObject ext{{QStringLiteral("name"), QStringLiteral("external")}, {QStringLiteral("seed"), 3},
                              {QStringLiteral("command"), QJsonArray{QStringLiteral("python3"), QStringLiteral("my sampler.py"), QStringLiteral("--x=\"q\"")}},
                              {QStringLiteral("workdir"), dir.path()}, {QStringLiteral("timeout_s"), 30},
                              {QStringLiteral("settings"), QJsonObject{{QStringLiteral("sampler"), QStringLiteral("tpe")}}}};
        spec[QStringLiteral("algorithm")] = ext;
        QJsonObject prune = ext;
        prune.remove(QStringLiteral("seed"));
        spec[QStringLiteral("pruner")] = prune;
        window.setup()->setSpec(spec);
        QCOMPARE(window.setup()->spec().value(QStringLiteral("algorithm")).toObject(), ext);
        QCOMPARE(window.setup()->spec().value(QStringLiteral("pruner")).toObject(), prune);
    }

    // tunebench --render: every view in every format without a display, as the window draws it.
    static QPair<int, QByteArray> renderCommand(const QStringList& args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // --render picks offscreen itself
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("TB_GUI"), QStringList{QStringLiteral("--render")} + args);
        if (!p.waitForFinished(120000))
            return {-1, "timed out"};
        return {p.exitCode(), p.readAllStandardError()};
    }

    static void checkPicture(const QString& path, QSize size)
    {
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly) && f.size() > 1000, qPrintable(path));
        const QByteArray head = f.read(64);
        if (path.endsWith(QLatin1String(".png"))) {
            const QImage image(path);
            QCOMPARE(image.size(), size);
        } else if (path.endsWith(QLatin1String(".svg"))) {
            QVERIFY(head.contains("<?xml") || head.contains("<svg"));
        } else {
            QVERIFY(head.startsWith("%PDF"));
        }
    }

    void everyViewRendersWithoutADisplay()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("r.db"));
        EngineHost host;
        QSignalSpy finished(&host, &EngineHost::finished);
        QCOMPARE(host.launch(db, testSpec(QStringLiteral("render"), 8, 4, 5), dir.path()), QString());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        for (const QString& view : {QStringLiteral("curves"), QStringLiteral("history"), QStringLiteral("parallel"), QStringLiteral("importance"),
                                    QStringLiteral("devices")})
            for (const QString& format : {QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf")}) {
                const QString out = dir.filePath(view + QLatin1Char('.') + format);
                const auto [rc, err] = renderCommand({view, QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("render"),
                                                      QStringLiteral("--output"), out, QStringLiteral("--size"), QStringLiteral("640x480")});
                QVERIFY2(rc == 0, err.constData());
                checkPicture(out, QSize(640, 480));
            }
        // Errors name the flag.
        const QStringList base{QStringLiteral("--db"), db, QStringLiteral("--output"), dir.filePath(QStringLiteral("x.png"))};
        QVERIFY(renderCommand(QStringList{QStringLiteral("pie")} + base).second.contains("--render: unknown view 'pie'"));
        QVERIFY(renderCommand(QStringList{QStringLiteral("curves"), QStringLiteral("--size"), QStringLiteral("big")} + base).second.contains("--size: expected WxH"));
        QVERIFY(renderCommand({QStringLiteral("curves"), QStringLiteral("--db"), dir.filePath(QStringLiteral("none.db")), QStringLiteral("--output"), QStringLiteral("x.png")})
                    .second.contains("--db: no such store"));
        QVERIFY(renderCommand(QStringList{QStringLiteral("curves"), QStringLiteral("--experiment"), QStringLiteral("nope")} + base).second.contains("--experiment: no experiment named 'nope'"));
        QVERIFY(renderCommand(QStringList{QStringLiteral("pipeline")} + base).second.contains("--trial:"));
        const auto [rc, err] = renderCommand({QStringLiteral("curves"), QStringLiteral("--db"), db, QStringLiteral("--output"), dir.filePath(QStringLiteral("x.bmp"))});
        QVERIFY(rc == 2 && err.contains("--output: "));
    }

    // File > Import Optuna Study: the study's trials in every view, continued from the window.
    void optunaStudyImportedThroughTheWindow()
    {
        if (QProcess::execute(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import optuna")}) != 0)
            QSKIP("Debian's python3-optuna is not installed (scripts/setup.sh installs it)");
        QTemporaryDir dir;
        const QString storage = dir.filePath(QStringLiteral("optuna.db"));
        QCOMPARE(QProcess::execute(QStringLiteral("/usr/bin/python3"), {QStringLiteral(TUNEBENCH_SOURCE_DIR "/tests/fixtures/make_optuna_study.py"), storage}), 0);
        MainWindow window;
        QVERIFY(window.openStore(dir.filePath(QStringLiteral("w.db"))));
        QCOMPARE(window.importOptuna(storage, QStringLiteral("so")), QString());
        QTRY_COMPARE_WITH_TIMEOUT(window.data().trials().size(), 7, 10000);
        QCOMPARE(window.data().experiment().name, QStringLiteral("so"));
        QTRY_COMPARE_WITH_TIMEOUT(completedIn(window.data()), 4, 10000);
        window.dashboard()->curves()->refreshNow();
        QVERIFY(window.dashboard()->curves()->curveCount() >= 5); // the reported trials, pruned one included
        QVERIFY(window.importOptuna(storage, QStringLiteral("so")).contains(QStringLiteral("already holds an experiment named 'so'")));
    }

    // Every file dialog of the window opened on the store's folder while its engine runs
    // and a CLI reader opens and closes the store beside it: no trial is lost, and the
    // dialogs leave the process's SQLite locks alone.
    void fileDialogsOnTheStoreFolderLoseNoTrial()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("dialogs.db"));
        MainWindow window;
        window.show();
        QVERIFY(window.openStore(db));
        window.setup()->setSpec(testSpec(QStringLiteral("dialogs"), 24, 2, 100));
        QSignalSpy finished(window.host(), &EngineHost::finished);
        QCOMPARE(window.launch(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(completedIn(window.data()) >= 1, 30000); // so that Save Best has a trial

        QProcess reader; // tunebench-cli status in a loop: each run is the "last" connection it may think it is
        int reads = 0;
        connect(&reader, &QProcess::finished, this, [&] {
            ++reads;
            if (finished.isEmpty())
                reader.start(qEnvironmentVariable("TB_CLI"), {QStringLiteral("status"), QStringLiteral("--db"), db});
        });
        reader.start(qEnvironmentVariable("TB_CLI"), {QStringLiteral("status"), QStringLiteral("--db"), db});

        const QStringList dialogs{QStringLiteral("&Open Store..."), QStringLiteral("&New Store..."), QStringLiteral("&Import Spec..."),
                                  QStringLiteral("&Export Spec..."), QStringLiteral("Save as JSON..."), QStringLiteral("All &Trials as CSV...")};
        for (const QString& text : dialogs) {
            QAction* action = nullptr;
            for (QAction* a : window.findChildren<QAction*>())
                if (a->text() == text)
                    action = a;
            QVERIFY2(action, qPrintable(text));
            bool closed = false;
            closeDialogOnceListed(dir.path(), &closed);
            action->trigger(); // modal until closed
            QVERIFY2(closed, qPrintable(text + QStringLiteral(": no file dialog came up")));
            QVERIFY2(holdsPosixLock(db), qPrintable(text + QStringLiteral(": the dialog dropped this process's lock on the store")));
        }
        QVERIFY2(!finished.count() || finished.count() == 1, "the engine ended early");
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(finished.first().at(0).value<tb::engine::ExperimentState>(), tb::engine::ExperimentState::Completed);
        if (reader.state() != QProcess::NotRunning)
            reader.waitForFinished(30000);
        QVERIFY(reads >= 3);

        // Another process sees every trial the window's engine finished.
        QProcess status;
        status.start(qEnvironmentVariable("TB_CLI"), {QStringLiteral("status"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        QVERIFY(status.waitForFinished(30000));
        const QJsonObject counts = QJsonDocument::fromJson(status.readAllStandardOutput()).object().value(QStringLiteral("counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("completed")).toInt(), 24);
        QTRY_COMPARE_WITH_TIMEOUT(completedIn(window.data()), 24, 10000);
    }

    // A group of workers: the trial's log view chooses a rank's output.
    void workerLogsHaveARankSelector()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("workers.db"));
        QJsonObject spec = testSpec(QStringLiteral("group"), 1, 1, 0);
        spec[QStringLiteral("trial")] = QJsonObject{{QStringLiteral("argv"), QJsonArray{QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                                                                      QStringLiteral("echo output of rank $RANK; echo loss=${x}")}},
                                                    {QStringLiteral("workers"), 2}};
        QFile f(dir.filePath(QStringLiteral("spec.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(spec).toJson());
        f.close();
        QCOMPARE(QProcess::execute(qEnvironmentVariable("TB_CLI"), {QStringLiteral("run"), f.fileName(), QStringLiteral("--db"), db, QStringLiteral("--quiet")}), 0);

        MainWindow window;
        QVERIFY(window.openStore(db));
        QTRY_VERIFY_WITH_TIMEOUT(!window.data().trials().isEmpty(), 10000);
        window.data().select(window.data().trials().first().row.id);
        TrialDetail* detail = window.dashboard()->detail();
        QTRY_VERIFY_WITH_TIMEOUT(detail->logText().contains(QStringLiteral("output of rank 0")), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(detail->logChoice()->count(), 2, 10000);
        detail->logChoice()->setCurrentIndex(1);
        emit detail->logChoice()->activated(1);
        QTRY_VERIFY_WITH_TIMEOUT(detail->logText().contains(QStringLiteral("output of rank 1")), 10000);
        QVERIFY(!detail->logText().contains(QStringLiteral("output of rank 0")));
    }

    void badSpecIsRejectedBeforeLaunch()
    {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openStore(dir.filePath(QStringLiteral("bad.db"))));
        QJsonObject spec = testSpec(QStringLiteral("bad"), 3, 1, 0);
        QJsonObject trial = spec.value(QStringLiteral("trial")).toObject();
        trial[QStringLiteral("argv")] = QJsonArray{QStringLiteral("prog"), QStringLiteral("--y=${y}")};
        spec[QStringLiteral("trial")] = trial;
        window.setup()->setSpec(spec);
        const QString error = window.launch();
        // In the set-up's words, as its status line says it: the argument as the command table shows it.
        QCOMPARE(error, QStringLiteral("Trial, argument 2 (--y=${y}): unknown placeholder ${y}; known: x, k, trial.id, trial.dir, trial.rank"));
        QCOMPARE(error, window.setup()->problem());
        QVERIFY(!window.host()->isRunning());
        tb::engine::Store store(dir.filePath(QStringLiteral("bad.db")));
        QVERIFY(store.experiments().empty()); // nothing written
    }

    void followModePicksUpAnotherProcess()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("follow.db"));
        const QString specPath = dir.filePath(QStringLiteral("spec.json"));
        QFile f(specPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(testSpec(QStringLiteral("headless"), 10, 2, 60)).toJson());
        f.close();
        { tb::engine::Store create(db); } // the window opens the file before the run starts

        ExperimentData data;
        StoreSession session(db, data, 100);
        QSignalSpy experiments(&session, &StoreSession::experimentsChanged);
        QProcess run;
        run.start(qEnvironmentVariable("TB_CLI"), {QStringLiteral("run"), specPath, QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QVERIFY(run.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(!data.isEmpty(), 20000);
        QCOMPARE(data.experiment().name, QStringLiteral("headless"));
        // Trials appear while the other process is still running them.
        QTRY_VERIFY_WITH_TIMEOUT(!data.trials().isEmpty() && run.state() == QProcess::Running, 20000);
        QVERIFY(run.waitForFinished(60000));
        QCOMPARE(run.exitCode(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(completedIn(data), 10, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(data.experiment().state, tb::engine::ExperimentState::Completed, 10000);
        QVERIFY(experiments.count() >= 1);
        tb::engine::Store store(db);
        for (const TrialView& t : data.trials()) {
            QCOMPARE(t.row.value, store.trial(t.row.id)->value);
            QTRY_COMPARE_WITH_TIMEOUT(t.curve.size(), 5, 5000);
        }
    }

    // An experiment another process runs: the window names the owner and its Stop action
    // stops that process through the store; the window's Resume then owns it.
    void windowShowsAndStopsAnotherProcessesEngine()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("owner.db"));
        const QString specPath = dir.filePath(QStringLiteral("spec.json"));
        QFile f(specPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(testSpec(QStringLiteral("elsewhere"), 40, 2, 100)).toJson());
        f.close();
        { tb::engine::Store create(db); }
        QProcess run;
        run.start(qEnvironmentVariable("TB_CLI"), {QStringLiteral("run"), specPath, QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QVERIFY(run.waitForStarted());

        MainWindow window;
        QVERIFY(window.openStore(db));
        QTRY_VERIFY_WITH_TIMEOUT(!window.data().trials().isEmpty(), 20000);
        auto statusText = [&] {
            QString text;
            for (QLabel* label : window.statusBar()->findChildren<QLabel*>())
                text += label->text();
            return text;
        };
        const QString owner = QStringLiteral("run by tunebench-cli run (pid %1 on ").arg(run.processId());
        QTRY_VERIFY2_WITH_TIMEOUT(statusText().contains(owner), qPrintable(statusText()), 10000);

        QAction* stop = nullptr;
        for (QAction* a : window.findChildren<QAction*>())
            if (a->text() == QLatin1String("&Stop"))
                stop = a;
        QVERIFY(stop);
        stop->trigger();
        QVERIFY(run.waitForFinished(30000));
        QCOMPARE(run.exitCode(), 130); // stopped, resumable
        QTRY_COMPARE_WITH_TIMEOUT(window.data().experiment().state, tb::engine::ExperimentState::Stopped, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!statusText().contains(owner), 10000);
    }

    void runningExperimentContinuesHeadless()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("keep.db"));
        EngineHost host;
        QCOMPARE(host.launch(db, testSpec(QStringLiteral("keep"), 8, 2, 150), dir.path()), QString());
        QSignalSpy trials(&host, &EngineHost::trialFinished);
        QTRY_VERIFY_WITH_TIMEOUT(trials.count() >= 2, 30000);
        const qint64 pid = host.continueHeadless();
        QVERIFY(pid > 0);
        QVERIFY(!host.isRunning());
        // The detached tunebench-cli finishes the experiment: every trial exactly once.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                tb::engine::Store store(db);
                const auto row = store.experiment(QStringLiteral("keep"));
                return row && row->state == tb::engine::ExperimentState::Completed;
            }(),
            60000);
        tb::engine::Store store(db);
        const auto row = store.experiment(QStringLiteral("keep"));
        const auto counts = store.counts(row->id);
        QCOMPARE(counts.completed, qint64(8));
        QCOMPARE(counts.total(), qint64(8));
    }

    void trainerSpansOpenInTheMeasuredView()
    {
        // The real trainer, run by the engine: its span events reach the store and the
        // pipeline view reads them back as a schedule on the right devices.
        const QString trainer = qEnvironmentVariable("TB_TRAIN");
        if (trainer.isEmpty())
            QSKIP("tunebench-train is not built here (no libtorch)");
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("train.db"));
        QJsonObject spec = testSpec(QStringLiteral("pipeline"), 1, 1, 0);
        spec[QStringLiteral("objective")] = QJsonObject{{QStringLiteral("metric"), QStringLiteral("loss")}};
        spec[QStringLiteral("space")] = QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("lr")}, {QStringLiteral("type"), QStringLiteral("float")},
                                                               {QStringLiteral("low"), 1e-3}, {QStringLiteral("high"), 1e-2}, {QStringLiteral("log"), true}}};
        spec[QStringLiteral("trial")] = QJsonObject{{QStringLiteral("argv"), QJsonArray{trainer, QStringLiteral("--task"), QStringLiteral("spirals"), QStringLiteral("--model"), QStringLiteral("mlp"),
                                                                                    QStringLiteral("--stages"), QStringLiteral("2"), QStringLiteral("--devices"), QStringLiteral("cpu,cpu"),
                                                                                    QStringLiteral("--microbatches"), QStringLiteral("4"), QStringLiteral("--schedule"), QStringLiteral("1f1b"),
                                                                                    QStringLiteral("--steps"), QStringLiteral("3"), QStringLiteral("--threads"), QStringLiteral("1"),
                                                                                    QStringLiteral("--lr=${lr}"), QStringLiteral("--out"), QStringLiteral("${trial.dir}/ckpt")}},
                                                    {QStringLiteral("timeout_s"), 120}};
        EngineHost host;
        QSignalSpy finished(&host, &EngineHost::finished);
        QCOMPARE(host.launch(db, spec, dir.path()), QString());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        tb::engine::Store store(db);
        const auto trials = store.trials(store.experiment(QStringLiteral("pipeline"))->id);
        QCOMPARE(trials.size(), std::size_t(1));
        QVERIFY2(trials[0].state == tb::algorithms::TrialState::Completed, qPrintable(trials[0].reason));
        for (const QString& format : {QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf")}) { // the measured schedule, rendered
            const QString out = dir.filePath(QStringLiteral("pipeline.") + format);
            const auto [rc, err] = renderCommand({QStringLiteral("pipeline"), QStringLiteral("--db"), db, QStringLiteral("--trial"), QString::number(trials[0].id),
                                                  QStringLiteral("--output"), out, QStringLiteral("--size"), QStringLiteral("800x400")});
            QVERIFY2(rc == 0, err.constData());
            checkPicture(out, QSize(800, 400));
        }
        const auto run = *tb::widgets::StoreSession::useAt(db, [&](tb::engine::Store& store) {
            return tb::algorithms::schedules::MeasuredRun::fromEvents(tb::engine::readEvents(store.events(trials[0].id)));
        });
        QCOMPARE(run.schedule.devices, 2);
        QCOMPARE(run.schedule.microbatches, 4);
        QCOMPARE(run.spans.size(), std::size_t(2));
        for (std::size_t d = 0; d < run.spans.size(); ++d) {
            QCOMPARE(run.spans[d].size(), std::size_t(8)); // 4 forwards and 4 backwards per device
            for (const auto& span : run.spans[d])
                QVERIFY(span.end >= span.start);
        }
        ScheduleView view;
        QString error;
        QVERIFY2(view.showTrial(db, trials[0].id, &error), qPrintable(error));
        QCOMPARE(view.mode(), ScheduleView::Mode::Measured);
        view.refreshNow();
    }

    void chineseCatalogueIsComplete()
    {
        QFile ts(QStringLiteral(TUNEBENCH_SOURCE_DIR "/translations/tunebench_zh_CN.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        QDomDocument doc;
        QVERIFY(doc.setContent(&ts));
        const QDomNodeList translations = doc.elementsByTagName(QStringLiteral("translation"));
        QVERIFY(translations.size() > 100);
        int unfinished = 0;
        QStringList examples;
        for (int i = 0; i < translations.size(); ++i) {
            const QDomElement t = translations.at(i).toElement();
            const QString type = t.attribute(QStringLiteral("type"));
            if (type == QLatin1String("obsolete") || type == QLatin1String("vanished"))
                continue;
            const bool plural = !t.elementsByTagName(QStringLiteral("numerusform")).isEmpty();
            if (type == QLatin1String("unfinished") || (!plural && t.text().isEmpty())) {
                ++unfinished;
                if (examples.size() < 5)
                    examples << t.parentNode().firstChildElement(QStringLiteral("source")).text();
            }
        }
        QVERIFY2(unfinished == 0, qPrintable(QStringLiteral("%1 unfinished, e.g. %2").arg(unfinished).arg(examples.join(QStringLiteral(" | ")))));
        // The built catalogue is embedded and translates the window.
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/tunebench_zh_CN.qm")));
        QVERIFY(!translator.translate("tb::widgets::MainWindow", "Dashboard").isEmpty());
        // The registry's texts (plain C++) are translated too: a new algorithm needs its line.
        auto translated = [&](const std::string& text) {
            return !translator.translate("tb::algorithms::registry", text.c_str()).isEmpty();
        };
        for (const auto& info : tb::algorithms::samplerRegistry()) {
            QVERIFY2(translated(info.summary), info.summary.c_str());
            for (const auto& setting : info.settings)
                QVERIFY2(translated(setting.help), setting.help.c_str());
        }
        for (const auto& info : tb::algorithms::prunerRegistry()) {
            QVERIFY2(translated(info.summary), info.summary.c_str());
            for (const auto& setting : info.settings)
                QVERIFY2(translated(setting.help), setting.help.c_str());
        }
    }
};

QTEST_MAIN(TestWorkbench)
#include "tst_workbench.moc"
