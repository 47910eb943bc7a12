// The main window as a user meets it (issue 21, points 1 and 4, the Edit menu): the
// welcome page on an empty store and its examples, the last store and the set-up draft
// kept between runs, Edit as New Experiment, launching onto a name in use, New Store's
// suffix, the layout at 1280x720 (the Pipeline tab without sideways scrolling) and kept
// between runs, the dashboard following a launch, the menus' keys.
// Real widgets offscreen, real stores in temporary folders, real trial processes.

#include "plot_store.h"

#include "widgets/dashboard.h"
#include "widgets/experiment_list.h"
#include "widgets/main_window.h"
#include "widgets/models/engine_host.h"
#include "widgets/models/experiment_data.h"
#include "widgets/models/file_dialogs.h"
#include "widgets/models/store_session.h"
#include "widgets/plots/schedule_view.h"
#include "widgets/setup_panel.h"
#include "widgets/space_editor.h"
#include "widgets/welcome_page.h"

#include "engine/core/errors.h"
#include "engine/core/preflight.h"
#include "engine/core/spec.h"
#include "engine/core/store.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QScrollArea>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <functional>
#include <memory>

using namespace tb::widgets;

namespace {

QJsonObject testSpec(const QString& name, int trials = 2, int sleepMs = 0)
{
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("objective"), QJsonObject{{QStringLiteral("metric"), QStringLiteral("loss")}, {QStringLiteral("direction"), QStringLiteral("minimize")}}},
        {QStringLiteral("space"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("type"), QStringLiteral("float")},
                                                         {QStringLiteral("low"), 0.0}, {QStringLiteral("high"), 1.0}}}},
        {QStringLiteral("algorithm"), QJsonObject{{QStringLiteral("name"), QStringLiteral("random")}, {QStringLiteral("seed"), 5}}},
        {QStringLiteral("budget"), QJsonObject{{QStringLiteral("max_trials"), trials}}},
        {QStringLiteral("trial"), QJsonObject{{QStringLiteral("argv"), QJsonArray{qEnvironmentVariable("TB_TEST_TRIAL"), QStringLiteral("--value=${x}"),
                                                                               QStringLiteral("--steps=2"), QStringLiteral("--sleep-ms=%1").arg(sleepMs)}}}},
    };
}

// Answers the next modal widget of type T (a message box, a file dialog) that exec()
// opens, from the event loop that exec() runs. The returned flag says it happened.
template <typename T>
std::shared_ptr<bool> whenModal(std::function<void(T*)> answer)
{
    auto done = std::make_shared<bool>(false);
    auto* poll = new QTimer;
    auto* deadline = new QElapsedTimer;
    deadline->start();
    QObject::connect(poll, &QTimer::timeout, [poll, deadline, answer, done] {
        if (auto* widget = qobject_cast<T*>(QApplication::activeModalWidget())) {
            *done = true;
            answer(widget);
        }
        if (*done || deadline->elapsed() > 30000) {
            poll->deleteLater();
            delete deadline;
        }
    });
    poll->start(20);
    return done;
}

// Clicks the button named `name` of the next message box; its text goes to `text`.
std::shared_ptr<bool> clickInMessageBox(const QString& name, QString* text = nullptr)
{
    return whenModal<QMessageBox>([name, text](QMessageBox* box) {
        if (text)
            *text = box->text() + QLatin1Char('\n') + box->informativeText();
        if (name == QLatin1String("cancel")) {
            box->button(QMessageBox::Cancel)->click();
            return;
        }
        if (name == QLatin1String("yes")) {
            box->button(QMessageBox::Yes)->click();
            return;
        }
        box->findChild<QPushButton*>(name)->click();
    });
}

// The letter after a single '&' (the keyboard accelerator), or a null char.
QChar accelerator(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text[i + 1].toLower();
    }
    return {};
}

QAction* actionNamed(QMenu* menu, const QString& text)
{
    for (QAction* a : menu->actions())
        if (a->text() == text)
            return a;
    return nullptr;
}

QMenu* menuNamed(QMainWindow& window, const QString& title)
{
    for (QAction* a : window.menuBar()->actions())
        if (a->text() == title)
            return a->menu();
    return nullptr;
}

// A store holding experiment `name` with `spec` (nothing run).
void createExperiment(const QString& db, const QString& name, QJsonObject spec)
{
    spec.insert(QStringLiteral("name"), name);
    tb::engine::Store store(db);
    store.createExperiment(name, QJsonDocument(spec).toJson(QJsonDocument::Compact));
}

QString listedCurrent(MainWindow& window)
{
    const QListWidgetItem* item = window.experimentList()->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

} // namespace

class TestWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("tunebench-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_window"));
        QVERIFY(QFile::exists(qEnvironmentVariable("TB_TEST_TRIAL")));
        QVERIFY(QFile::exists(qEnvironmentVariable("TB_CLI")));
        // The engine finds bundled programs (tunebench-trial, the demo objective) on PATH
        // or beside itself; here, tunebench-cli's folder on PATH.
        const QString appDir = QFileInfo(qEnvironmentVariable("TB_CLI")).absolutePath();
        qputenv("PATH", (appDir + QLatin1Char(':') + qEnvironmentVariable("PATH")).toLocal8Bit());
    }

    void init()
    {
        QSettings().clear(); // each test starts as a first run
        QVERIFY(QSettings().allKeys().isEmpty());
    }

    void welcomePageOnAnEmptyStoreAndItsSteps()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("empty.db"));
        const QString earlier = dir.filePath(QStringLiteral("earlier.db"));
        MainWindow window;
        QVERIFY(window.isWelcomeShown()); // no store yet
        QVERIFY(window.openStore(earlier));
        QVERIFY(window.openStore(db));
        QVERIFY(window.isWelcomeShown());
        QVERIFY(window.welcome()->findChild<QLabel*>(QStringLiteral("welcomeStore"))->text().contains(QStringLiteral("no experiments")));
        // The stores opened before are listed (not the open one), and open from there.
        QListWidget* recent = window.welcome()->recentList();
        QCOMPARE(recent->count(), 1);
        QCOMPARE(recent->item(0)->data(Qt::UserRole).toString(), earlier);
        emit recent->itemActivated(recent->item(0));
        QCOMPARE(window.session()->path(), earlier);
        QCOMPARE(recent->item(0)->data(Qt::UserRole).toString(), db);

        // Set up an experiment: the Set-up tab.
        window.welcome()->findChild<QAbstractButton*>(QStringLiteral("setUp"))->click();
        QVERIFY(!window.isWelcomeShown());
        QCOMPARE(window.tabs()->currentIndex(), 0);

        // Start from an example: the bundled demo spec in the set-up.
        QVERIFY(WelcomePage::examples().contains(QStringLiteral(":/examples/demo.json")));
        MainWindow fresh;
        QVERIFY(fresh.openStore(db));
        QVERIFY(fresh.isWelcomeShown());
        fresh.welcome()->findChild<QAbstractButton*>(QStringLiteral("example:demo.json"))->click();
        QVERIFY(!fresh.isWelcomeShown());
        QCOMPARE(fresh.tabs()->currentIndex(), 0);
        QCOMPARE(fresh.setup()->spec().value(QStringLiteral("name")).toString(), QStringLiteral("demo"));
        QCOMPARE(fresh.setup()->spaceEditor()->paramNames(),
                 (QStringList{QStringLiteral("lr"), QStringLiteral("layers"), QStringLiteral("optimizer"), QStringLiteral("momentum")}));
        QVERIFY2(fresh.setup()->validate().isEmpty(), qPrintable(fresh.setup()->validate()));
        QVERIFY(!fresh.hasUnsentSetup()); // loaded, not edited

        // A store that has experiments opens on the dashboard, not on the welcome page.
        const QString full = dir.filePath(QStringLiteral("full.db"));
        createExperiment(full, QStringLiteral("old"), testSpec(QStringLiteral("old")));
        MainWindow other;
        other.startUp(full);
        QVERIFY(!other.isWelcomeShown());
        QCOMPARE(other.tabs()->currentWidget(), other.dashboard());
    }

    // Every example the welcome page offers starts a set-up that the parser accepts, shown
    // without a red error, whose program the engine finds (beside the window, or here on
    // PATH): the demo's objective and tunebench-train (where libtorch built it).
    void everyExampleStartsAValidSetUp()
    {
        QCOMPARE(WelcomePage::examples(), (QStringList{QStringLiteral(":/examples/demo.json"), QStringLiteral(":/examples/multi_objective.json"),
                                                 QStringLiteral(":/examples/pipeline_tuning.json")}));
        const QString appDir = QFileInfo(qEnvironmentVariable("TB_CLI")).absolutePath();
        QTemporaryDir dir;
        int checkedPrograms = 0;
        for (const QString& resource : WelcomePage::examples()) {
            MainWindow window;
            QVERIFY(window.openStore(dir.filePath(QStringLiteral("examples.db"))));
            QVERIFY(window.isWelcomeShown());
            auto* start = window.welcome()->findChild<QAbstractButton*>(QStringLiteral("example:") + QFileInfo(resource).fileName());
            QVERIFY2(start, qPrintable(resource));
            start->click();
            QVERIFY(!window.isWelcomeShown());
            QCOMPARE(window.tabs()->currentIndex(), 0);
            const QString problem = window.setup()->validate();
            QVERIFY2(problem.isEmpty(), qPrintable(resource + QStringLiteral(": ") + problem));
            auto* status = window.setup()->findChild<QLabel*>(QStringLiteral("specStatus"));
            QVERIFY(status);
            QVERIFY2(!status->styleSheet().contains(QStringLiteral("#c00000")), qPrintable(resource + QStringLiteral(": ") + status->text()));
            tb::engine::ParseOptions options;
            options.baseDir = window.specDir();
            const tb::engine::ExperimentSpec spec = tb::engine::parseSpec(window.setup()->spec(), options);
            // The example's files (the pipeline example's corpus) are where its trials start.
            for (const QString& arg : spec.trial->argv)
                if (arg.startsWith(QLatin1String("../")) || arg.startsWith(QLatin1String("./")))
                    QVERIFY2(QFileInfo::exists(QDir(spec.trial->workdir).filePath(arg)),
                             qPrintable(resource + QStringLiteral(": ") + arg + QStringLiteral(" not in ") + spec.trial->workdir));
            const QString program = spec.trial->argv.first();
            if (QFile::exists(appDir + QLatin1Char('/') + program)) {
                try {
                    tb::engine::checkRunnable(spec);
                } catch (const tb::engine::SpecError& e) {
                    QFAIL(qPrintable(resource + QStringLiteral(": ") + QString::fromUtf8(e.what())));
                }
                ++checkedPrograms;
            }
        }
        QVERIFY(checkedPrograms >= 1); // the demo objective, which tst_window depends on
    }

    void welcomeRunsTheDemo()
    {
        QVERIFY2(QFile::exists(QFileInfo(qEnvironmentVariable("TB_CLI")).absolutePath() + QStringLiteral("/tunebench-demo-objective")),
                 "build tunebench-demo-objective");
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openStore(dir.filePath(QStringLiteral("demo.db"))));
        window.setup()->setSpec(testSpec(QStringLiteral("mine")));
        const QJsonObject mine = window.setup()->spec();
        window.welcome()->findChild<QAbstractButton*>(QStringLiteral("runDemo"))->click();
        QVERIFY(window.host()->isRunning());
        QVERIFY(!window.isWelcomeShown());
        QCOMPARE(window.tabs()->currentWidget(), window.dashboard());
        QTRY_VERIFY_WITH_TIMEOUT(window.data().experiment().name.startsWith(QStringLiteral("demo-")), 10000);
        QCOMPARE(window.setup()->spec(), mine); // the demo leaves the set-up alone
        // The auto sampler (the default), and trials long enough to watch: running ones, and curves that grow.
        const QJsonObject stored = window.data().experiment().spec.isEmpty() ? QJsonObject()
                                                                              : QJsonDocument::fromJson(window.data().experiment().spec).object();
        QCOMPARE(stored.value(QStringLiteral("algorithm")).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("auto"));
        QCOMPARE(stored.value(QStringLiteral("resources")).toObject().value(QStringLiteral("parallel_trials")).toInt(), 4);
        QCOMPARE(stored.value(QStringLiteral("budget")).toObject().value(QStringLiteral("max_trials")).toInt(), 30);
        int epochs = 0, epochMs = 0;
        for (const QJsonValue& a : stored.value(QStringLiteral("trial")).toObject().value(QStringLiteral("argv")).toArray()) {
            if (a.toString().startsWith(QStringLiteral("--epochs=")))
                epochs = a.toString().mid(9).toInt();
            if (a.toString().startsWith(QStringLiteral("--epoch-ms=")))
                epochMs = a.toString().mid(11).toInt();
        }
        QVERIFY2(epochs * epochMs >= 3000, "a demo trial lasts a few seconds");
        auto running = [&] {
            int n = 0;
            for (const TrialView& t : window.data().trials())
                n += t.row.state == tb::algorithms::TrialState::Running;
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(running(), 4, 20000);
        QSignalSpy finished(window.host(), &EngineHost::finished);
        window.host()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    }

    void lastStoreReopenedUnlessOneIsGiven()
    {
        QTemporaryDir dir;
        const QString first = dir.filePath(QStringLiteral("first.db"));
        const QString last = dir.filePath(QStringLiteral("last.db"));
        const QString given = dir.filePath(QStringLiteral("given.db"));
        {
            MainWindow window;
            QVERIFY(window.openStore(first));
            QVERIFY(window.openStore(last));
        }
        {
            MainWindow window;
            window.startUp();
            QCOMPARE(window.session()->path(), last);
        }
        {
            MainWindow window;
            window.startUp(given);
            QCOMPARE(window.session()->path(), given);
        }
        // A recent store that is gone is passed over.
        QVERIFY(QFile::remove(given));
        MainWindow window;
        window.startUp();
        QCOMPARE(window.session()->path(), last);
    }

    void draftKeptBetweenRunsAndNeverLost()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("draft.db"));
        QJsonObject draft = testSpec(QStringLiteral("draft"));
        {
            MainWindow window;
            QVERIFY(window.openStore(db));
            window.setup()->setSpec(draft); // as typed: nothing launched or loaded
            draft = window.setup()->spec();
            QVERIFY(window.hasUnsentSetup());
            // Saved soon after the edit, without closing (a crash loses nothing).
            QTRY_COMPARE(QJsonDocument::fromJson(QSettings().value(QStringLiteral("setup/draft")).toByteArray()).object(), draft);
        }
        {
            MainWindow window;
            window.startUp();
            QCOMPARE(window.setup()->spec(), draft);
            QVERIFY(window.hasUnsentSetup());
            QVERIFY(!window.isWelcomeShown()); // back to the draft, though the store is empty
            QCOMPARE(window.tabs()->currentIndex(), 0);
            // Loading over unsent edits asks first; refused, the draft stays.
            QString asked;
            auto answered = clickInMessageBox(QStringLiteral("cancel"), &asked);
            QVERIFY(!window.loadExample(QStringLiteral(":/examples/demo.json")));
            QVERIFY(*answered);
            QVERIFY2(asked.contains(QStringLiteral("draft")), qPrintable(asked));
            QCOMPARE(window.setup()->spec(), draft);
            // An edit, then closing: the edited draft is what the next run gets.
            QJsonObject edited = draft;
            edited.insert(QStringLiteral("description"), QStringLiteral("edited"));
            window.setup()->setSpec(edited);
            edited = window.setup()->spec();
            draft = edited;
            QVERIFY(window.close());
        }
        {
            MainWindow window;
            window.startUp();
            QCOMPARE(window.setup()->spec(), draft);
            // Agreed, the example replaces it; a loaded spec is not unsent.
            auto answered = clickInMessageBox(QStringLiteral("yes"));
            QVERIFY(window.loadExample(QStringLiteral(":/examples/demo.json")));
            QVERIFY(*answered);
            QCOMPARE(window.setup()->spec().value(QStringLiteral("name")).toString(), QStringLiteral("demo"));
            QVERIFY(!window.hasUnsentSetup());
            QVERIFY(window.close());
        }
        MainWindow window;
        window.startUp();
        QCOMPARE(window.setup()->spec().value(QStringLiteral("name")).toString(), QStringLiteral("demo"));
        QVERIFY(!window.hasUnsentSetup());
    }

    void editAsNewClonesTheStoredSpecUnderAnUnusedName()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("clone.db"));
        QJsonObject spec = testSpec(QStringLiteral("exp"));
        spec.insert(QStringLiteral("description"), QStringLiteral("the original"));
        createExperiment(db, QStringLiteral("exp"), spec);
        createExperiment(db, QStringLiteral("exp-2"), testSpec(QStringLiteral("exp-2")));
        MainWindow window;
        QVERIFY(window.openStore(db));
        QTRY_COMPARE(window.experimentList()->count(), 2);

        // From the Experiments list's context menu.
        QListWidget* list = window.experimentList();
        const QRect row = list->visualItemRect(list->item(0));
        auto done = std::make_shared<bool>(false);
        auto* poll = new QTimer(&window);
        connect(poll, &QTimer::timeout, [poll, done] {
            if (auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget())) {
                poll->stop();
                *done = true;
                QAction* clone = menu->findChild<QAction*>(QStringLiteral("editAsNew"));
                menu->close();
                clone->trigger();
            }
        });
        poll->start(20);
        emit list->customContextMenuRequested(row.center());
        QVERIFY(*done);
        QCOMPARE(window.tabs()->currentIndex(), 0);
        QVERIFY(!window.isWelcomeShown());
        const QJsonObject cloned = window.setup()->spec();
        QCOMPARE(cloned.value(QStringLiteral("name")).toString(), QStringLiteral("exp-3")); // exp and exp-2 are taken
        QCOMPARE(cloned.value(QStringLiteral("description")).toString(), QStringLiteral("the original"));
        QCOMPARE(cloned.value(QStringLiteral("space")), spec.value(QStringLiteral("space")));
        QCOMPARE(cloned.value(QStringLiteral("trial")).toObject().value(QStringLiteral("argv")),
                 spec.value(QStringLiteral("trial")).toObject().value(QStringLiteral("argv")));
        QVERIFY2(window.setup()->validate().isEmpty(), qPrintable(window.setup()->validate()));

        // From the Experiment menu, for the experiment selected in the list.
        list->setCurrentRow(1);
        QMenu* menu = menuNamed(window, QStringLiteral("E&xperiment"));
        QVERIFY(menu);
        QAction* action = menu->findChild<QAction*>(QStringLiteral("editAsNew"));
        QVERIFY(action);
        action->trigger();
        QCOMPARE(window.setup()->spec().value(QStringLiteral("name")).toString(), QStringLiteral("exp-3"));
        QVERIFY(window.setup()->spec().value(QStringLiteral("description")).toString().isEmpty());
    }

    void unusedNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("taken");
        QTest::addColumn<QString>("expected");
        QTest::newRow("free") << "a" << QStringList{"b"} << "a";
        QTest::newRow("taken") << "a" << QStringList{"a"} << "a-2";
        QTest::newRow("next free counter") << "a" << QStringList{"a", "a-2", "a-3"} << "a-4";
        QTest::newRow("a counter counts on") << "a-2" << QStringList{"a", "a-2"} << "a-3";
        QTest::newRow("a time stamp is not a counter") << "demo-20260101-120000" << QStringList{"demo-20260101-120000"}
                                                       << "demo-20260101-120000-2";
    }
    void unusedNames()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, taken);
        QFETCH(QString, expected);
        QCOMPARE(unusedExperimentName(name, taken), expected);
    }

    void launchOntoANameInUseOffersResumeOrANewName()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("names.db"));
        MainWindow window;
        QVERIFY(window.openStore(db));
        QSignalSpy finished(window.host(), &EngineHost::finished);
        window.setup()->setSpec(testSpec(QStringLiteral("exp")));
        QCOMPARE(window.launch(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);

        // Cancelled: nothing starts, nothing changes.
        QString asked;
        auto answered = clickInMessageBox(QStringLiteral("cancel"), &asked);
        QCOMPARE(window.launch(), QString());
        QVERIFY(*answered);
        QVERIFY2(asked.contains(QStringLiteral("'exp'")) && asked.contains(QStringLiteral("'exp-2'")), qPrintable(asked));
        QVERIFY(!window.host()->isRunning());
        QCOMPARE(window.setup()->spec().value(QStringLiteral("name")).toString(), QStringLiteral("exp"));

        // A new name: launched under it, and the set-up says so.
        answered = clickInMessageBox(QStringLiteral("rename"));
        QCOMPARE(window.launch(), QString());
        QVERIFY(*answered);
        QCOMPARE(window.host()->experimentName(), QStringLiteral("exp-2"));
        QCOMPARE(window.setup()->spec().value(QStringLiteral("name")).toString(), QStringLiteral("exp-2"));
        QVERIFY(!window.hasUnsentSetup());
        QTRY_COMPARE_WITH_TIMEOUT(window.data().experiment().name, QStringLiteral("exp-2"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);

        // Resume: the existing experiment runs again (here it had finished: its engine ends it).
        window.setup()->setSpec(testSpec(QStringLiteral("exp")));
        answered = clickInMessageBox(QStringLiteral("resume"));
        QCOMPARE(window.launch(), QString());
        QVERIFY(*answered);
        QCOMPARE(window.host()->experimentName(), QStringLiteral("exp"));
        QTRY_COMPARE_WITH_TIMEOUT(window.data().experiment().name, QStringLiteral("exp"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 30000);
        QStringList names;
        tb::engine::Store store(db, tb::engine::Store::OpenMode::ExistingOnly);
        for (const auto& e : store.experiments())
            names << e.name;
        QCOMPARE(names, (QStringList{QStringLiteral("exp"), QStringLiteral("exp-2")}));
    }

    void newStoreSuffix_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bare name") << "study" << "study.db";
        QTest::newRow(".db") << "study.db" << "study.db";
        QTest::newRow(".DB") << "study.DB" << "study.DB";
        QTest::newRow(".sqlite") << "study.sqlite" << "study.sqlite";
        QTest::newRow("another suffix") << "study.v2" << "study.v2.db";
    }
    void newStoreSuffix()
    {
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QCOMPARE(files::withStoreSuffix(dir.filePath(typed)), dir.filePath(expected));
        // A file that exists is taken as it is named.
        QFile existing(dir.filePath(QStringLiteral("plain")));
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.close();
        QCOMPARE(files::withStoreSuffix(existing.fileName()), existing.fileName());
    }

    void newStoreDialogAddsTheSuffix()
    {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openStore(dir.filePath(QStringLiteral("first.db"))));
        QAction* create = actionNamed(menuNamed(window, QStringLiteral("&File")), QStringLiteral("&New Store..."));
        QVERIFY(create);
        const QString typed = dir.filePath(QStringLiteral("mystudy"));
        auto answered = whenModal<QFileDialog>([typed](QFileDialog* dialog) {
            dialog->setDirectory(QFileInfo(typed).absolutePath());
            // Typed in the name field (selectFile() leaves a focused field alone).
            dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"))->setText(QFileInfo(typed).fileName());
            QMetaObject::invokeMethod(dialog, "accept");      // the Save button
        });
        create->trigger();
        QVERIFY(*answered);
        QCOMPARE(window.session()->path(), typed + QStringLiteral(".db"));
        QVERIFY(QFile::exists(typed + QStringLiteral(".db")));
        QVERIFY(!QFile::exists(typed));
    }

    void fitsIn1280x720()
    {
        MainWindow window;
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Every page of the window (the welcome page, each tab) within the screen.
        const QSize hint = window.minimumSizeHint();
        QVERIFY2(hint.width() <= 1280 && hint.height() <= 720, qPrintable(QStringLiteral("%1x%2").arg(hint.width()).arg(hint.height())));
        QCOMPARE(window.size(), QSize(1280, 720));
        for (int tab = 0; tab < window.tabs()->count(); ++tab) {
            window.tabs()->setCurrentIndex(tab);
            window.showSetup(); // the tabs, not the welcome page
            window.tabs()->setCurrentIndex(tab);
            QCoreApplication::processEvents();
            QCOMPARE(window.size(), QSize(1280, 720));
        }
        // The set-up's form is not cut off at the right (it scrolls only vertically).
        window.showSetup();
        QCoreApplication::processEvents();
        for (QScrollArea* area : window.setup()->findChildren<QScrollArea*>())
            QVERIFY2(area->viewport()->width() >= area->widget()->minimumSizeHint().width(),
                     qPrintable(QStringLiteral("%1 < %2").arg(area->viewport()->width()).arg(area->widget()->minimumSizeHint().width())));
        // The Experiments list has room for a name with its state.
        QVERIFY2(window.experimentsDock()->width() >= 200, qPrintable(QString::number(window.experimentsDock()->width())));
    }

    // The Pipeline tab at 1280x720, beside the Experiments list of a store with an
    // experiment: its controls take two rows, so nothing scrolls sideways (issue 21).
    void pipelineFitsIn1280x720()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("plots.db"));
        plotstore::writeStore(db);
        MainWindow window;
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(plotstore::showIn(window, db, static_cast<int>(plotstore::trials().size())));
        window.showPipeline();
        QCoreApplication::processEvents();
        QCOMPARE(window.size(), QSize(1280, 720));
        QVERIFY(window.experimentsDock()->isVisible());
        ScheduleView* view = window.pipeline();
        QVERIFY(view->isVisible());
        const int needed = view->minimumSizeHint().width();
        QVERIFY2(needed <= view->width(), qPrintable(QStringLiteral("the view needs %1 px, has %2").arg(needed).arg(view->width())));
        int areas = 0;
        for (QWidget* w = view->parentWidget(); w; w = w->parentWidget())
            if (auto* area = qobject_cast<QScrollArea*>(w)) {
                ++areas;
                QVERIFY2(needed <= area->viewport()->width(),
                         qPrintable(QStringLiteral("the view needs %1 px, the tab shows %2").arg(needed).arg(area->viewport()->width())));
                QVERIFY(!area->horizontalScrollBar()->isVisible());
            }
        QVERIFY(areas <= 1);
    }

    void experimentsDockFromTheViewMenuAndLayoutKept()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("layout.db"));
        QAction* toggle = nullptr;
        {
            MainWindow window;
            window.startUp(db);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QMenu* view = menuNamed(window, QStringLiteral("&View"));
            QVERIFY(view);
            toggle = window.experimentsDock()->toggleViewAction();
            QVERIFY(view->actions().contains(toggle));
            toggle->trigger();
            QVERIFY(!window.experimentsDock()->isVisible());
            toggle->trigger();
            QVERIFY(window.experimentsDock()->isVisible());
            window.resize(1200, 700);
            window.resizeDocks({window.experimentsDock()}, {310}, Qt::Horizontal);
            QCoreApplication::processEvents();
            QCOMPARE(window.experimentsDock()->width(), 310);
            QVERIFY(window.close());
        }
        {
            MainWindow window;
            window.startUp(db);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QCOMPARE(window.size(), QSize(1200, 700));
            QCOMPARE(window.experimentsDock()->width(), 310);
            window.experimentsDock()->toggleViewAction()->trigger(); // hidden, then closed
            QVERIFY(window.close());
        }
        MainWindow window;
        window.startUp(db);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.experimentsDock()->isVisible());
        QVERIFY(!window.experimentsDock()->toggleViewAction()->isChecked());
    }

    void dashboardFollowsTheLaunchedExperiment()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("follow.db"));
        createExperiment(db, QStringLiteral("first"), testSpec(QStringLiteral("first")));
        createExperiment(db, QStringLiteral("second"), testSpec(QStringLiteral("second")));
        MainWindow window;
        QVERIFY(window.openStore(db));
        QTRY_COMPARE(window.experimentList()->count(), 2);
        // The user looks at the older one, in the Set-up tab.
        window.experimentList()->setCurrentRow(0);
        QTRY_COMPARE(window.data().experiment().name, QStringLiteral("first"));
        window.showSetup();

        window.setup()->setSpec(testSpec(QStringLiteral("third"), 2, 300));
        QSignalSpy finished(window.host(), &EngineHost::finished);
        QCOMPARE(window.launch(), QString());
        QCOMPARE(window.tabs()->currentWidget(), window.dashboard());
        QTRY_COMPARE_WITH_TIMEOUT(window.data().experiment().name, QStringLiteral("third"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(window.experimentList()->count(), 3, 10000);
        QTRY_COMPARE(listedCurrent(window), QStringLiteral("third"));
        // The list keeps it selected as the experiment's state changes.
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        window.session()->pollNow();
        QTRY_COMPARE_WITH_TIMEOUT(window.data().experiment().state, tb::engine::ExperimentState::Completed, 10000);
        QCOMPARE(listedCurrent(window), QStringLiteral("third"));
        QCOMPARE(window.data().experiment().name, QStringLiteral("third"));
    }

    void editMenuUndoesTheSetUp()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QMenu* edit = menuNamed(window, QStringLiteral("&Edit"));
        QVERIFY(edit);
        QAction* undo = edit->actions().value(0);
        QAction* redo = edit->actions().value(1);
        QVERIFY(undo && redo);
        QVERIFY(undo->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Z)));
        QVERIFY(redo->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
        // Only the window binds them: no other action answers the same keys.
        for (QAction* a : window.findChildren<QAction*>())
            if (a != undo && a != redo)
                for (const QKeySequence& key : a->shortcuts())
                    QVERIFY2(!undo->shortcuts().contains(key) && !redo->shortcuts().contains(key), qPrintable(a->text()));

        window.showSetup();
        SpaceEditor* space = window.setup()->spaceEditor();
        QVERIFY(space->paramNames().isEmpty());
        window.setup()->undoStack()->clear();
        QVERIFY(!undo->isEnabled());
        QAbstractButton* add = nullptr;
        for (QAbstractButton* b : space->findChildren<QAbstractButton*>())
            if (b->text() == QLatin1String("Add"))
                add = b;
        QVERIFY(add);
        add->click();
        QCOMPARE(space->paramNames().size(), 1);
        QVERIFY(undo->isEnabled());
        window.setFocus();
        window.activateWindow();
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(space->paramNames().size(), 0);
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(space->paramNames().size(), 1);
    }

    void menuAcceleratorsAreDistinct()
    {
        MainWindow window;
        QStringList titles;
        QSet<QChar> bar;
        for (QAction* a : window.menuBar()->actions()) {
            const QChar key = accelerator(a->text());
            QVERIFY2(!key.isNull(), qPrintable(a->text()));
            QVERIFY2(!bar.contains(key), qPrintable(QStringLiteral("menu bar: '%1' of %2 again").arg(key).arg(a->text())));
            bar.insert(key);
            titles << a->text();
        }
        QCOMPARE(titles, (QStringList{QStringLiteral("&File"), QStringLiteral("&Edit"), QStringLiteral("E&xperiment"),
                                      QStringLiteral("Ex&port"), QStringLiteral("&View"), QStringLiteral("&Help")}));
        std::function<void(QMenu*)> check = [&](QMenu* menu) {
            emit menu->aboutToShow(); // menus filled when shown
            QSet<QChar> seen;
            for (QAction* a : menu->actions()) {
                const QChar key = accelerator(a->text());
                if (!key.isNull()) {
                    QVERIFY2(!seen.contains(key), qPrintable(QStringLiteral("%1: '%2' of %3 again").arg(menu->title()).arg(key).arg(a->text())));
                    seen.insert(key);
                }
                if (a->menu())
                    check(a->menu());
            }
        };
        for (QAction* a : window.menuBar()->actions())
            check(a->menu());
    }
};

QTEST_MAIN(TestWindow)
#include "tst_window.moc"
