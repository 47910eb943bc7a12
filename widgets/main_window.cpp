#include "main_window.h"

#include "engine/core/errors.h"
#include "engine/core/optuna_import.h"

#include "dashboard.h"
#include "widgets/plots/export_dialog.h"
#include "widgets/plots/plot_panel.h"
#include "widgets/plots/timeline_view.h"
#include "widgets/plots/plots.h"
#include "widgets/models/engine_host.h"
#include "widgets/models/engine_text.h"
#include "widgets/models/experiment_data.h"
#include "widgets/plots/schedule_view.h"
#include "setup_panel.h"
#include "space_editor.h"
#include "widgets/models/store_session.h"
#include "widgets/models/file_dialogs.h"
#include "experiment_list.h"
#include "welcome_page.h"

#include "engine/core/exporters.h"
#include "engine/core/lease.h"
#include "engine/core/spec.h"
#include "engine/core/study.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QMenuBar>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QUndoStack>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QDockWidget>

namespace tb::widgets {

namespace {
constexpr int kMaxRecent = 8;
const char* const kRecentKey = "recentStores";
const char* const kGeometryKey = "window/geometry";
const char* const kStateKey = "window/state";
// The set-up as the user left it: its spec, where its relative paths resolve, and
// whether it held edits that were never launched.
const char* const kDraftKey = "setup/draft";
const char* const kDraftDirKey = "setup/draftDir";
const char* const kDraftUnsentKey = "setup/draftUnsent";
constexpr int kExperimentsDockWidth = 240; // room for "demo-20260101-120000 (completed)"
// An engine error as the window shows it: its English in the window's language.
QString shown(const std::exception& e) { return engineText(QString::fromUtf8(e.what())); }
} // namespace

QString MainWindow::experimentStateLabel(engine::ExperimentState state)
{
    switch (state) {
    case engine::ExperimentState::Created: return tr("created");
    case engine::ExperimentState::Running: return tr("running");
    case engine::ExperimentState::Stopped: return tr("stopped");
    case engine::ExperimentState::Completed: return tr("completed");
    case engine::ExperimentState::Failed: return tr("failed");
    }
    return tr("failed");
}

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_data(std::make_unique<ExperimentData>()), m_host(new EngineHost(this)), m_central(new QStackedWidget(this)),
      m_welcome(new WelcomePage(this)), m_tabs(new QTabWidget(this)), m_setupPage(new QSplitter(Qt::Horizontal, this)), m_pipelinePage(new QScrollArea(this)), m_space(new SpaceEditor(this)),
      m_setup(new SetupPanel(m_space, this)), m_dashboard(new Dashboard(*m_data, QString(), this)), m_pipeline(new ScheduleView(this)),
      m_experiments(new ExperimentList(&MainWindow::experimentStateLabel, this)), m_experimentsDock(new QDockWidget(tr("Experiments"), this)), m_storeLabel(new QLabel(this)),
      m_countsLabel(new QLabel(this))
{
    setWindowTitle(tr("Tunebench"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tunebench.svg")));
    // On a small screen, within it (the saved geometry, if any, comes later in startUp()).
    const QSize available = screen() ? screen()->availableSize() : QSize(1400, 900);
    resize(QSize(1400, 900).boundedTo(available));

    m_setupPage->addWidget(m_space);
    m_setupPage->addWidget(m_setup);
    m_setupPage->setStretchFactor(0, 1); // a wider window widens the space editor
    m_setupPage->setStretchFactor(1, 0);
    m_tabs->addTab(m_setupPage, tr("Set-up"));
    m_setupPage->installEventFilter(this);
    connect(m_setupPage, &QSplitter::splitterMoved, this, [this] { m_setupSplitMoved = true; });
    m_tabs->addTab(m_dashboard, tr("Dashboard"));
    // On a screen smaller than the Pipeline view needs (it fits 1280x720), the view
    // scrolls instead of widening the window.
    m_pipelinePage->setWidgetResizable(true);
    m_pipelinePage->setFrameShape(QFrame::NoFrame);
    m_pipelinePage->setWidget(m_pipeline);
    m_tabs->addTab(m_pipelinePage, tr("Pipeline"));
    connect(m_dashboard, &Dashboard::scheduleRequested, this, &MainWindow::showTrialSchedule);
    m_central->addWidget(m_welcome);
    m_central->addWidget(m_tabs);
    setCentralWidget(m_central);

    m_experimentsDock->setObjectName(QStringLiteral("experiments"));
    m_experimentsDock->setWidget(m_experiments);
    addDockWidget(Qt::LeftDockWidgetArea, m_experimentsDock);
    resizeDocks({m_experimentsDock}, {kExperimentsDockWidth}, Qt::Horizontal);
    connect(m_experiments, &ExperimentList::showRequested, this, &MainWindow::showExperiment);
    connect(m_experiments, &ExperimentList::editAsNewRequested, this, &MainWindow::editAsNew);
    connect(m_experiments, &ExperimentList::resumeRequested, this, [this](const QString& name) {
        const QString error = resumeNamed(name);
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Cannot resume"), error);
    });
    buildWelcome();

    // The draft is saved shortly after each edit, so that a crash loses at most that.
    m_setupBaseline = m_setup->spec();
    m_draftSave.setSingleShot(true);
    m_draftSave.setInterval(500);
    connect(&m_draftSave, &QTimer::timeout, this, &MainWindow::saveDraft);
    connect(m_setup, &SetupPanel::specChanged, &m_draftSave, qOverload<>(&QTimer::start));

    statusBar()->addWidget(m_storeLabel, 1);
    statusBar()->addPermanentWidget(m_countsLabel);
    buildActions();

    connect(m_data.get(), &ExperimentData::trialsChanged, this, &MainWindow::refreshStatus);
    connect(m_data.get(), &ExperimentData::experimentChanged, this, &MainWindow::refreshStatus);
    connect(m_data.get(), &ExperimentData::experimentReset, this, &MainWindow::refreshStatus);
    connect(m_data.get(), &ExperimentData::experimentReset, this, [this] { m_experiments->setShown(m_data->experiment().name); });
    connect(m_host, &EngineHost::finished, this, [this](engine::ExperimentState state, const QString& reason) {
        // The engine's English decides what happened; the user reads it in the window's language.
        statusBar()->showMessage(tr("Experiment %1: %2").arg(experimentStateLabel(state), engineText(reason)), 10000);
        if (state == engine::ExperimentState::Failed && reason.contains(QStringLiteral("already being run by")))
            QMessageBox::information(this, tr("Experiment runs elsewhere"), engineText(reason));
        if (m_session)
            m_session->pollNow();
    });
}

MainWindow::~MainWindow()
{
    if (m_draftSave.isActive())
        saveDraft();
    // The panels read m_data while they hide and go; members go only after this body, so
    // the panels go first (ASan found a header repaint reading freed experiment data).
    delete m_tabs;
}

QString MainWindow::defaultStorePath()
{
    return engine::defaultStorePath();
}

void MainWindow::buildActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newStore = file->addAction(tr("&New Store..."), this, &MainWindow::newStore);
    newStore->setShortcut(QKeySequence::New);
    QAction* open = file->addAction(tr("&Open Store..."), this, &MainWindow::openStoreDialog);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Import Spec..."), this, &MainWindow::importSpec);
    file->addAction(tr("Import O&ptuna Study..."), this, [this] { importOptuna(); });
    file->addAction(tr("&Export Spec..."), this, &MainWindow::exportSpec);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    // The one undo history of the set-up; a focused text field undoes its own typing first.
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_setup->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcuts(QKeySequence::Undo);
    QAction* redo = m_setup->undoStack()->createRedoAction(this, tr("&Redo"));
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    if (!redoKeys.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)))
        redoKeys.prepend(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    redo->setShortcuts(redoKeys);
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu* experiment = menuBar()->addMenu(tr("E&xperiment"));
    QAction* launchAction = experiment->addAction(tr("&Launch"), this, [this] {
        const QString error = launch();
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Cannot launch"), error);
    });
    launchAction->setShortcut(QKeySequence(Qt::Key_F5));
    QAction* stop = experiment->addAction(tr("&Stop"), this, &MainWindow::stopExperiment);
    experiment->addAction(tr("&Resume"), this, &MainWindow::resumeExperiment);
    experiment->addSeparator();
    QAction* editAsNewAction = experiment->addAction(tr("Edit as &New Experiment"), this, [this] {
        const QString selected = m_experiments->currentName();
        editAsNew(selected.isEmpty() ? m_data->experiment().name : selected);
    });
    editAsNewAction->setObjectName(QStringLiteral("editAsNew"));
    connect(experiment, &QMenu::aboutToShow, this, [this, editAsNewAction] { editAsNewAction->setEnabled(m_session && !m_session->experiments().isEmpty()); });

    QMenu* exportMenu = menuBar()->addMenu(tr("Ex&port"));
    QMenu* best = exportMenu->addMenu(tr("&Best Config"));
    const QList<QPair<QString, QString>> formats{{QStringLiteral("json"), tr("JSON")}, {QStringLiteral("yaml"), tr("YAML")},
                                                 {QStringLiteral("args"), tr("Command-line arguments")}};
    for (const auto& [format, label] : formats) {
        best->addAction(tr("Copy as %1").arg(label), this, [this, format = format] { exportBest(format, true); });
        best->addAction(tr("Save as %1...").arg(label), this, [this, format = format] { exportBest(format, false); });
    }
    exportMenu->addAction(tr("All &Trials as CSV..."), this, &MainWindow::exportTrials);
    exportMenu->addSeparator();
    // The plot of the tab shown (a chooser when it shows several), at a chosen size and DPI.
    exportMenu->addAction(tr("Export &Plot..."), this, [this] { PlotExportDialog::exportShown(m_tabs->currentWidget(), this); });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* showExperiments = m_experimentsDock->toggleViewAction();
    showExperiments->setText(tr("&Experiments List"));
    view->addAction(showExperiments);
    QMenu* language = view->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(this);
    const QString current = QSettings().value(QStringLiteral("language")).toString();
    const QList<QPair<QString, QString>> choices{{QString(), tr("System default")}, {QStringLiteral("en"), QStringLiteral("English")},
                                                 {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
    for (const auto& [code, label] : choices) {
        QAction* a = language->addAction(label, this, [this, code = code] { setLanguage(code); });
        a->setCheckable(true);
        a->setChecked(code == current);
        languages->addAction(a);
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Tunebench"), this, [this] {
        QMessageBox::about(this, tr("About Tunebench"),
                           tr("<b>Tunebench %1</b><p>Hyperparameter optimization for deep-learning training on one "
                              "workstation. Every trial, metric and log is kept in one SQLite file.</p>")
                               .arg(QApplication::applicationVersion()));
    });

    QToolBar* tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("main toolbar"));
    QAction* showTools = tools->toggleViewAction();
    showTools->setText(tr("&Toolbar"));
    view->insertAction(language->menuAction(), showTools);
    view->insertSeparator(language->menuAction());
    tools->addAction(newStore);
    tools->addAction(open);
    tools->addSeparator();
    tools->addAction(launchAction);
    tools->addAction(stop);
}

bool MainWindow::openStore(const QString& path)
{
    try {
        StoreSession::prepare(path); // creates and migrates, or says why it cannot
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Cannot open store"), shown(e));
        return false;
    }
    m_session.reset(); // before the new one: both feed the same ExperimentData
    m_session = std::make_unique<StoreSession>(path, *m_data);
    connect(m_session.get(), &StoreSession::experimentsChanged, this, &MainWindow::refreshExperimentList);
    connect(m_session.get(), &StoreSession::failed, this, [this](const QString& message) { statusBar()->showMessage(engineText(message), 10000); });
    m_dashboard->setDbPath(path);
    m_storeLabel->setText(tr("Store: %1").arg(QDir::toNativeSeparators(path)));
    // Known now, so that a store with experiments never flashes the welcome page.
    try {
        m_storeHasExperiments = m_session->use([](engine::Store& store) { return store.experiment(QString()).has_value(); });
    } catch (const std::exception&) {
        m_storeHasExperiments = false;
    }
    m_welcomeDismissed = false;
    m_welcome->setStore(path);
    updateWelcome();
    setWindowTitle(tr("%1 - Tunebench").arg(QFileInfo(path).fileName()));

    QSettings settings;
    QStringList recent = settings.value(QLatin1String(kRecentKey)).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(QLatin1String(kRecentKey), recent.mid(0, kMaxRecent));
    updateRecentMenu();
    return true;
}

void MainWindow::runDemo()
{
    QFile resource(QStringLiteral(":/examples/demo.json"));
    if (!resource.open(QIODevice::ReadOnly))
        return;
    QJsonObject spec = QJsonDocument::fromJson(resource.readAll()).object();
    spec.insert(engine::key::name,
                spec.value(engine::key::name).toString() + QDateTime::currentDateTime().toString(QStringLiteral("-yyyyMMdd-HHmmss")));
    QString error = !m_session && !openStore(defaultStorePath()) ? tr("No store is open.") : QString();
    if (error.isEmpty())
        error = startExperiment(spec, QDir::currentPath());
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Cannot launch the demo"), error);
}

QString MainWindow::launch()
{
    if (!m_session && !openStore(defaultStorePath()))
        return tr("No store is open.");
    const QString problem = m_setup->problem(); // in the set-up's words, as its status line says it
    if (!problem.isEmpty()) {
        showSetup();
        return problem;
    }
    QJsonObject spec = m_setup->spec();
    const QString name = spec.value(engine::key::name).toString();
    const QStringList taken = experimentNames();
    if (taken.contains(name)) {
        const QString unused = unusedExperimentName(name, taken);
        QMessageBox box(QMessageBox::Question, tr("Experiment name in use"),
                        tr("This store already has an experiment named '%1'.").arg(name), QMessageBox::NoButton, this);
        box.setInformativeText(tr("Resume it to continue its trials with the set-up it was launched with, or launch this "
                                  "set-up as a new experiment named '%1'.")
                                   .arg(unused));
        QPushButton* resume = box.addButton(tr("Resume '%1'").arg(name), QMessageBox::AcceptRole);
        resume->setObjectName(QStringLiteral("resume"));
        QPushButton* rename = box.addButton(tr("Launch as '%1'").arg(unused), QMessageBox::AcceptRole);
        rename->setObjectName(QStringLiteral("rename"));
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(rename);
        box.exec();
        if (box.clickedButton() == resume)
            return resumeNamed(name);
        if (box.clickedButton() != rename)
            return {};
        spec.insert(engine::key::name, unused);
        m_setup->setSpec(spec); // the set-up says what was launched
        spec = m_setup->spec();
    }
    const QString error = startExperiment(spec, m_specDir.isEmpty() ? QDir::homePath() : m_specDir);
    if (error.isEmpty()) {
        m_setupBaseline = spec; // sent: nothing unsent is left
        saveDraft();
    }
    return error;
}

QString MainWindow::startExperiment(const QJsonObject& spec, const QString& specDir)
{
    const QString error = m_host->launch(m_session->path(), spec, specDir);
    if (error.isEmpty())
        follow(spec.value(engine::key::name).toString());
    return engineText(error);
}

QString MainWindow::resumeNamed(const QString& name)
{
    try {
        const auto row = m_session->use([&](engine::Store& store) { return store.experiment(name); });
        if (row && row->owner && engine::Lease::isAlive(*row->owner, engine::Store::now()))
            return tr("%1 is being run by %2; stop it there before resuming it here.")
                .arg(name, engineText(engine::Lease::describe(*row->owner, engine::Store::now())));
    } catch (const std::exception& e) {
        return shown(e);
    }
    const QString error = m_host->resume(m_session->path(), name);
    if (error.isEmpty())
        follow(name);
    return error;
}

void MainWindow::follow(const QString& experiment)
{
    m_storeHasExperiments = true;
    m_session->showExperiment(experiment);
    m_session->pollNow();
    showDashboard();
}

QStringList MainWindow::experimentNames() const
{
    QStringList names;
    if (!m_session)
        return names;
    try {
        m_session->use([&](engine::Store& store) {
            for (const engine::ExperimentRow& e : store.experiments())
                names << e.name;
        });
    } catch (const std::exception&) {
        for (const engine::ExperimentRow& e : m_session->experiments()) // as last read
            names << e.name;
    }
    return names;
}

bool MainWindow::hasUnsentSetup() const
{
    return !m_setupBaseline || m_setup->spec() != *m_setupBaseline;
}

bool MainWindow::replaceSetup(const QJsonObject& spec, const QString& dir)
{
    if (hasUnsentSetup()) {
        const QString name = m_setup->spec().value(engine::key::name).toString();
        const QString text = name.isEmpty() ? tr("The set-up has changes that were never launched. Replace them? (File > Export Spec "
                                                 "keeps them in a file.)")
                                              : tr("The set-up '%1' has changes that were never launched. Replace them? (File > Export "
                                                   "Spec keeps them in a file.)")
                                                    .arg(name);
        const auto answer = QMessageBox::question(this, tr("Replace the set-up?"), text, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return false;
    }
    m_setup->setSpec(spec);
    m_specDir = dir;
    m_setupBaseline = m_setup->spec();
    saveDraft();
    showSetup();
    return true;
}

bool MainWindow::loadExample(const QString& resource)
{
    QFile file(resource);
    QJsonObject spec = file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
    if (spec.isEmpty())
        return false;
    spec.insert(engine::key::name, unusedExperimentName(spec.value(engine::key::name).toString(), experimentNames()));
    // Its programs are found beside Tunebench's; its files (the pipeline example's corpus)
    // relative to the installed copy of the examples.
    const QString folder = files::shippedFolder(QStringLiteral("examples"), "TUNEBENCH_EXAMPLES_DIR");
    return replaceSetup(spec, folder.isEmpty() ? QDir::currentPath() : folder);
}

bool MainWindow::editAsNew(const QString& experiment)
{
    const engine::ExperimentRow* row = m_session ? m_session->experiment(experiment) : nullptr;
    QJsonObject spec = row ? QJsonDocument::fromJson(row->spec).object() : QJsonObject();
    if (spec.isEmpty())
        return false;
    // The stored spec: every default explicit, the trial's folder absolute.
    spec.insert(engine::key::name, unusedExperimentName(experiment, experimentNames()));
    return replaceSetup(spec, m_specDir.isEmpty() ? QDir::homePath() : m_specDir);
}

void MainWindow::startUp(const QString& store)
{
    QSettings settings;
    restoreGeometry(settings.value(QLatin1String(kGeometryKey)).toByteArray());
    restoreState(settings.value(QLatin1String(kStateKey)).toByteArray());
    restoreDraft();
    QString path = store;
    if (path.isEmpty())
        for (const QString& recent : settings.value(QLatin1String(kRecentKey)).toStringList())
            if (QFileInfo(recent).isFile()) {
                path = recent;
                break;
            }
    if (path.isEmpty() || (!openStore(path) && store.isEmpty() && path != defaultStorePath()))
        openStore(defaultStorePath());
    // Back to the work left: a set-up never launched, else the experiments.
    if (hasUnsentSetup())
        showSetup();
    else if (m_storeHasExperiments)
        showDashboard();
}

void MainWindow::saveDraft()
{
    m_draftSave.stop();
    QSettings settings;
    settings.setValue(QLatin1String(kDraftKey), QJsonDocument(m_setup->spec()).toJson(QJsonDocument::Compact));
    settings.setValue(QLatin1String(kDraftDirKey), m_specDir);
    settings.setValue(QLatin1String(kDraftUnsentKey), hasUnsentSetup());
}

void MainWindow::restoreDraft()
{
    QSettings settings;
    const QJsonObject draft = QJsonDocument::fromJson(settings.value(QLatin1String(kDraftKey)).toByteArray()).object();
    if (draft.isEmpty())
        return;
    const bool unsent = settings.value(QLatin1String(kDraftUnsentKey)).toBool();
    m_setup->setSpec(draft);
    m_specDir = settings.value(QLatin1String(kDraftDirKey)).toString();
    m_setupBaseline = unsent ? std::nullopt : std::optional(m_setup->spec());
}

void MainWindow::rememberSession()
{
    QSettings settings;
    settings.setValue(QLatin1String(kGeometryKey), saveGeometry());
    settings.setValue(QLatin1String(kStateKey), saveState());
    saveDraft();
}

void MainWindow::buildWelcome()
{
    connect(m_welcome, &WelcomePage::demoRequested, this, &MainWindow::runDemo);
    connect(m_welcome, &WelcomePage::exampleRequested, this, &MainWindow::loadExample);
    connect(m_welcome, &WelcomePage::setupRequested, this, &MainWindow::showSetup);
    connect(m_welcome, &WelcomePage::pipelineRequested, this, &MainWindow::showPipeline);
    connect(m_welcome, &WelcomePage::newStoreRequested, this, &MainWindow::newStore);
    connect(m_welcome, &WelcomePage::openStoreRequested, this, &MainWindow::openStoreDialog);
    connect(m_welcome, &WelcomePage::recentRequested, this, &MainWindow::openStore);
    updateWelcome();
}

bool MainWindow::isWelcomeShown() const
{
    return m_central->currentWidget() == m_welcome;
}

void MainWindow::updateWelcome()
{
    const bool welcome = !m_welcomeDismissed && (!m_session || !m_storeHasExperiments);
    m_central->setCurrentWidget(welcome ? static_cast<QWidget*>(m_welcome) : m_tabs);
}

void MainWindow::showSetup()
{
    m_welcomeDismissed = true;
    updateWelcome();
    m_tabs->setCurrentIndex(0);
}

void MainWindow::showDashboard()
{
    m_welcomeDismissed = true;
    updateWelcome();
    m_tabs->setCurrentWidget(m_dashboard);
}

void MainWindow::showPipeline()
{
    m_welcomeDismissed = true;
    updateWelcome();
    m_tabs->setCurrentWidget(m_pipelinePage);
}

bool MainWindow::openScheduleFile(const QString& path)
{
    QString error;
    if (!m_pipeline->importCsv(path, &error)) {
        QMessageBox::warning(this, tr("Cannot open schedule"), error);
        return false;
    }
    showPipeline();
    return true;
}

bool MainWindow::showTrialSchedule(qint64 trialId)
{
    QString error;
    if (!m_session || !m_pipeline->showTrial(m_session->path(), trialId, &error)) {
        QMessageBox::information(this, tr("No pipeline schedule"), error.isEmpty() ? tr("No store is open.") : error);
        return false;
    }
    showPipeline();
    return true;
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    // Until the user drags the handle, the set-up's form is as wide as it asks and the
    // space editor takes the rest (a plain splitter shrinks both alike, and at 1280 pixels
    // the form was cut off at the right).
    if (watched == m_setupPage && (event->type() == QEvent::Show || event->type() == QEvent::Resize) && m_setupPage->isVisible()
        && !m_setupSplitMoved) {
        const int form = m_setup->sizeHint().width();
        m_setupPage->setSizes({std::max(1, m_setupPage->width() - m_setupPage->handleWidth() - form), form});
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_host->isRunning()) {
        rememberSession();
        event->accept();
        return;
    }
    QMessageBox box(QMessageBox::Question, tr("Trials are running"),
                    tr("Experiment '%1' is still running. Stop its trials (they are queued again and can be resumed), or "
                       "keep it running in the background without this window?")
                        .arg(m_host->experimentName()),
                    QMessageBox::NoButton, this);
    QPushButton* stop = box.addButton(tr("Stop Trials"), QMessageBox::DestructiveRole);
    QPushButton* keep = box.addButton(tr("Keep Running"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == keep) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const qint64 pid = m_host->continueHeadless();
        QApplication::restoreOverrideCursor();
        if (!pid)
            QMessageBox::warning(this, tr("Could not continue in the background"),
                                 tr("tunebench-cli was not found. The experiment was stopped and can be resumed."));
        rememberSession();
        event->accept();
    } else if (box.clickedButton() == stop) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        delete m_host; // stops the engine and waits for its trials
        m_host = new EngineHost(this);
        QApplication::restoreOverrideCursor();
        rememberSession();
        event->accept();
    } else {
        event->ignore();
    }
}

QString MainWindow::dialogFolder() const
{
    return m_session ? QFileInfo(m_session->path()).absolutePath() : QDir::homePath();
}

void MainWindow::newStore()
{
    const QString path = files::storeFileName(this, tr("New Store"), dialogFolder(), true);
    if (!path.isEmpty())
        openStore(path);
}

void MainWindow::openStoreDialog()
{
    const QString path = files::storeFileName(this, tr("Open Store"), dialogFolder(), false);
    if (!path.isEmpty())
        openStore(path);
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QLatin1String(kRecentKey)).toStringList();
    for (const QString& path : recent) // '&' in a path is a letter, not an accelerator
        m_recentMenu->addAction(QDir::toNativeSeparators(path).replace(QLatin1Char('&'), QStringLiteral("&&")), this,
                                [this, path] { openStore(path); });
    m_recentMenu->setEnabled(!recent.isEmpty());
    QStringList others = recent; // the open store is named above them
    if (m_session)
        others.removeAll(m_session->path());
    m_welcome->setRecent(others);
}

void MainWindow::importSpec()
{
    const QString path = files::openFileName(this, tr("Import Spec"), dialogFolder(), tr("Experiment specs (*.json)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    QJsonParseError error;
    const QJsonDocument doc = file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll(), &error) : QJsonDocument();
    if (!doc.isObject()) {
        QMessageBox::warning(this, tr("Cannot import"), tr("%1: not a JSON object (%2)").arg(path, error.errorString()));
        return;
    }
    replaceSetup(doc.object(), QFileInfo(path).absolutePath());
}

QString MainWindow::importOptuna(const QString& storage, const QString& study)
{
    QString path = storage;
    if (path.isEmpty())
        path = files::openFileName(this, tr("Import Optuna Study"), dialogFolder(), tr("Optuna storages (*.db *.sqlite *.sqlite3);;All files (*)"));
    if (path.isEmpty())
        return {};
    if (!m_session && !openStore(defaultStorePath()))
        return tr("no store is open");
    QString chosen = study;
    QString error;
    try {
        const std::optional<engine::OptunaImport> imported = m_session->use([&](engine::Store& store) -> std::optional<engine::OptunaImport> {
            try {
                return engine::importOptunaStudy(path, chosen, store);
            } catch (const engine::SpecError& e) {
                // Several studies: let the user choose one (the names are in the message).
                const QString text = QString::fromUtf8(e.what());
                const qsizetype at = text.indexOf(QStringLiteral("choose one with --study ("));
                if (at < 0 || !study.isEmpty())
                    throw;
                const QStringList names = text.mid(at + 25).chopped(1).split(QStringLiteral(", "));
                bool ok = false;
                chosen = QInputDialog::getItem(this, tr("Import Optuna Study"), tr("Study:"), names, 0, false, &ok);
                if (!ok)
                    return std::nullopt;
                return engine::importOptunaStudy(path, chosen, store);
            }
        });
        if (!imported)
            return {};
        const engine::OptunaImport& result = *imported;
        statusBar()->showMessage(tr("Imported Optuna study '%1': %2 trials").arg(result.experiment).arg(result.trials), 10000);
        follow(result.experiment);
    } catch (const std::exception& e) {
        error = shown(e);
        if (storage.isEmpty())
            QMessageBox::warning(this, tr("Cannot import"), error);
    }
    return error;
}

QString MainWindow::renderView(const QString& view, const QString& experiment, qint64 trial, const QString& output, QSize size,
                               const QStringList& parameters)
{
    static const QStringList views{QStringLiteral("curves"), QStringLiteral("history"), QStringLiteral("parallel"), QStringLiteral("importance"),
                                   QStringLiteral("devices"), QStringLiteral("pipeline"), QStringLiteral("slice"), QStringLiteral("contour"),
                                   QStringLiteral("pareto")};
    if (!views.contains(view))
        return tr("--render: unknown view '%1'; one of %2").arg(view, views.join(QStringLiteral(", ")));
    if (!QStringList{QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf")}.contains(QFileInfo(output).suffix().toLower()))
        return tr("--output: '%1' needs the suffix .png, .svg or .pdf").arg(output);
    if (!m_session)
        return tr("--db: no store is open");
    qint64 experimentId = 0;
    qint64 trials = 0;
    try {
        const QString refused = m_session->use([&](engine::Store& store) -> QString {
            const auto row = experiment.isEmpty() ? std::optional(engine::Study::find(store, {})) : store.experiment(experiment);
            if (!row)
                return tr("--experiment: no experiment named '%1' in %2").arg(experiment, m_session->path());
            experimentId = row->id;
            trials = store.counts(row->id).total();
            if (view == QLatin1String("pipeline")) {
                const auto t = store.trial(trial);
                if (trial <= 0 || !t || t->experimentId != row->id)
                    return tr("--trial: give the id of a trial of '%1' with a measured pipeline schedule").arg(row->name);
            }
            m_session->showExperiment(row->name);
            return {};
        });
        if (!refused.isEmpty())
            return refused;
    } catch (const std::exception& e) {
        return tr("--db: %1").arg(QString::fromUtf8(e.what()));
    }
    // The store is read by the follower thread: wait until the window's data holds it all.
    QElapsedTimer clock;
    clock.start();
    m_session->pollNow();
    while (clock.elapsed() < 30000 && (m_data->experiment().id != experimentId || m_data->trials().size() < trials))
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    QEventLoop settle; // metrics and telemetry follow the trials
    QTimer::singleShot(500, &settle, &QEventLoop::quit);
    settle.exec();
    if (view != QLatin1String("pipeline"))
        return m_dashboard->renderView(view, output, size, parameters);
    QString error;
    if (!m_pipeline->showTrial(m_session->path(), trial, &error))
        return tr("--trial: %1").arg(error);
    m_pipeline->refreshNow();
    return m_pipeline->exportImage(output, &error, size) ? QString() : tr("--output: %1").arg(error);
}

void MainWindow::exportSpec()
{
    const QString path = files::saveFileName(this, tr("Export Spec"), dialogFolder(), tr("Experiment specs (*.json)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(QJsonDocument(m_setup->spec()).toJson()) < 0)
        QMessageBox::warning(this, tr("Cannot export"), file.errorString());
}

void MainWindow::exportBest(const QString& format, bool toClipboard)
{
    if (!m_session || m_data->isEmpty())
        return;
    QByteArray text;
    try {
        const auto kind = format == QLatin1String("yaml") ? engine::ConfigFormat::Yaml
            : format == QLatin1String("args")             ? engine::ConfigFormat::Args
                                                          : engine::ConfigFormat::Json;
        text = m_session->use([&](engine::Store& store) {
            engine::Study study(store, engine::Study::find(store, m_data->experiment().name));
            return engine::bestConfig(study, kind);
        });
    } catch (const std::exception& e) {
        QMessageBox::information(this, tr("No best config"), shown(e));
        return;
    }
    if (toClipboard) {
        QApplication::clipboard()->setText(QString::fromUtf8(text));
        statusBar()->showMessage(tr("Best config copied to the clipboard"), 5000);
        return;
    }
    const QString suffix = format == QLatin1String("args") ? QStringLiteral("txt") : format;
    const QString path = files::saveFileName(this, tr("Save Best Config"), QDir(dialogFolder()).filePath(QStringLiteral("best.") + suffix));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size())
        QMessageBox::warning(this, tr("Cannot save"), file.errorString());
}

void MainWindow::exportTrials()
{
    if (!m_session || m_data->isEmpty())
        return;
    const QString path = files::saveFileName(this, tr("Export Trials"), QDir(dialogFolder()).filePath(m_data->experiment().name + QStringLiteral(".csv")),
                                             tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    try {
        const QByteArray csv = m_session->use([&](engine::Store& store) {
            engine::Study study(store, engine::Study::find(store, m_data->experiment().name));
            return engine::exportTrials(study, engine::TrialsFormat::Csv);
        });
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(csv) != csv.size())
            throw std::runtime_error(file.errorString().toStdString());
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Cannot export"), shown(e));
    }
}

std::optional<engine::Owner> MainWindow::otherOwner() const
{
    if (m_data->isEmpty() || (m_host->isRunning() && m_host->experimentName() == m_data->experiment().name))
        return std::nullopt;
    const auto& owner = m_data->experiment().owner;
    if (!owner || !engine::Lease::isAlive(*owner, engine::Store::now()))
        return std::nullopt;
    return owner;
}

void MainWindow::stopExperiment()
{
    if (m_host->isRunning()) {
        m_host->stop();
        return;
    }
    // Another process runs the shown experiment: ask it through the store.
    if (const auto owner = otherOwner()) {
        try {
            m_session->use([&](engine::Store& store) { store.requestStop(m_data->experiment().id); });
            statusBar()->showMessage(tr("Asked %1 to stop; its trials end and are queued again").arg(owner->program), 10000);
        } catch (const std::exception& e) {
            QMessageBox::warning(this, tr("Cannot stop"), shown(e));
        }
    }
}

void MainWindow::resumeExperiment()
{
    if (!m_session || m_data->isEmpty() || m_host->isRunning())
        return;
    if (const auto owner = otherOwner()) {
        const auto answer = QMessageBox::question(
            this, tr("Experiment runs elsewhere"),
            tr("%1 is being run by %2.\n\nStop it there? Its running trials end and are queued again; resume it here "
               "once it has stopped.")
                .arg(m_data->experiment().name, engineText(engine::Lease::describe(*owner, engine::Store::now()))),
            QMessageBox::Yes | QMessageBox::No);
        if (answer == QMessageBox::Yes)
            stopExperiment();
        return;
    }
    const QString error = m_host->resume(m_session->path(), m_data->experiment().name);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Cannot resume"), error);
    showDashboard();
}

void MainWindow::showExperiment(const QString& name)
{
    if (m_session)
        m_session->showExperiment(name);
}

void MainWindow::refreshExperimentList()
{
    m_experiments->setExperiments(m_session->experiments(), m_data->experiment().name);
    if (!m_session->experiments().isEmpty() && !m_storeHasExperiments) {
        m_storeHasExperiments = true; // written by another process meanwhile
        updateWelcome();
    }
    refreshStatus();
}

void MainWindow::refreshStatus()
{
    if (m_data->isEmpty()) {
        m_countsLabel->clear();
        return;
    }
    int counts[5] = {};
    for (const TrialView& t : m_data->trials())
        ++counts[static_cast<int>(t.row.state)];
    m_countsLabel->setText(tr("%1: %2 - %3 completed, %4 running, %5 queued, %6 pruned, %7 failed")
                               .arg(m_data->experiment().name, experimentStateLabel(m_data->experiment().state))
                               .arg(counts[static_cast<int>(algorithms::TrialState::Completed)])
                               .arg(counts[static_cast<int>(algorithms::TrialState::Running)])
                               .arg(counts[static_cast<int>(algorithms::TrialState::Queued)])
                               .arg(counts[static_cast<int>(algorithms::TrialState::Pruned)])
                               .arg(counts[static_cast<int>(algorithms::TrialState::Failed)]));
    if (const auto owner = otherOwner())
        m_countsLabel->setText(m_countsLabel->text() + QStringLiteral(" | ")
                               + tr("run by %1 (pid %2 on %3)").arg(owner->program).arg(owner->pid).arg(owner->host));
    // Why the next trial has not started (GPUs busy or full), as the engine stored it.
    const QString waiting = engineText(m_data->experiment().waiting);
    m_countsLabel->setToolTip(waiting);
    if (!waiting.isEmpty() && m_data->experiment().state == engine::ExperimentState::Running)
        m_countsLabel->setText(m_countsLabel->text() + QStringLiteral(" | ") + tr("waiting: %1").arg(waiting));
}

void MainWindow::setLanguage(const QString& code)
{
    QSettings().setValue(QStringLiteral("language"), code);
    QMessageBox::information(this, tr("Language"), tr("The new language applies the next time Tunebench starts."));
}

} // namespace tb::widgets
