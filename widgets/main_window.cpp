#include "main_window.h"

#include "engine/core/errors.h"
#include "engine/core/optuna_import.h"

#include "dashboard.h"
#include "widgets/plots/export_dialog.h"
#include "widgets/plots/plot_panel.h"
#include "widgets/plots/timeline_view.h"
#include "widgets/plots/plots.h"
#include "widgets/models/engine_host.h"
#include "widgets/models/experiment_data.h"
#include "widgets/plots/schedule_view.h"
#include "setup_panel.h"
#include "space_editor.h"
#include "widgets/models/store_session.h"
#include "widgets/models/file_dialogs.h"

#include "engine/core/exporters.h"
#include "engine/core/lease.h"
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
#include <QListWidget>
#include <QMenuBar>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QDockWidget>

namespace tb::widgets {

namespace {
constexpr int kMaxRecent = 8;
const char* const kRecentKey = "recentStores";
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
    : QMainWindow(parent), m_data(std::make_unique<ExperimentData>()), m_host(new EngineHost(this)), m_tabs(new QTabWidget(this)),
      m_space(new SpaceEditor(this)), m_setup(new SetupPanel(m_space, this)), m_dashboard(new Dashboard(*m_data, QString(), this)),
      m_pipeline(new ScheduleView(this)),
      m_experiments(new QListWidget(this)), m_storeLabel(new QLabel(this)), m_countsLabel(new QLabel(this))
{
    setWindowTitle(tr("Tunebench"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tunebench.svg")));
    resize(1400, 900);

    auto* setupPage = new QSplitter(Qt::Horizontal, this);
    setupPage->addWidget(m_space);
    setupPage->addWidget(m_setup);
    setupPage->setStretchFactor(0, 3);
    setupPage->setStretchFactor(1, 2);
    m_tabs->addTab(setupPage, tr("Set-up"));
    m_tabs->addTab(m_dashboard, tr("Dashboard"));
    m_tabs->addTab(m_pipeline, tr("Pipeline"));
    connect(m_dashboard, &Dashboard::scheduleRequested, this, &MainWindow::showTrialSchedule);
    setCentralWidget(m_tabs);

    auto* dock = new QDockWidget(tr("Experiments"), this);
    dock->setObjectName(QStringLiteral("experiments"));
    dock->setWidget(m_experiments);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    connect(m_experiments, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showExperiment(m_experiments->item(row)->data(Qt::UserRole).toString());
    });

    statusBar()->addWidget(m_storeLabel, 1);
    statusBar()->addPermanentWidget(m_countsLabel);
    buildActions();

    connect(m_data.get(), &ExperimentData::trialsChanged, this, &MainWindow::refreshStatus);
    connect(m_data.get(), &ExperimentData::experimentChanged, this, &MainWindow::refreshStatus);
    connect(m_data.get(), &ExperimentData::experimentReset, this, &MainWindow::refreshStatus);
    connect(m_host, &EngineHost::finished, this, [this](engine::ExperimentState state, const QString& reason) {
        statusBar()->showMessage(tr("Experiment %1: %2").arg(experimentStateLabel(state), reason), 10000);
        if (state == engine::ExperimentState::Failed && reason.contains(QStringLiteral("already being run by")))
            QMessageBox::information(this, tr("Experiment runs elsewhere"), reason);
        if (m_session)
            m_session->pollNow();
    });
}

MainWindow::~MainWindow()
{
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
    file->addAction(tr("Import &Optuna Study..."), this, [this] { importOptuna(); });
    file->addAction(tr("&Export Spec..."), this, &MainWindow::exportSpec);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* experiment = menuBar()->addMenu(tr("E&xperiment"));
    QAction* launchAction = experiment->addAction(tr("&Launch"), this, [this] {
        const QString error = launch();
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Cannot launch"), error);
    });
    launchAction->setShortcut(QKeySequence(Qt::Key_F5));
    QAction* stop = experiment->addAction(tr("&Stop"), this, &MainWindow::stopExperiment);
    experiment->addAction(tr("&Resume"), this, &MainWindow::resumeExperiment);

    QMenu* exportMenu = menuBar()->addMenu(tr("E&xport"));
    QMenu* best = exportMenu->addMenu(tr("Best Config"));
    const QList<QPair<QString, QString>> formats{{QStringLiteral("json"), tr("JSON")}, {QStringLiteral("yaml"), tr("YAML")},
                                                 {QStringLiteral("args"), tr("Command-line arguments")}};
    for (const auto& [format, label] : formats) {
        best->addAction(tr("Copy as %1").arg(label), this, [this, format = format] { exportBest(format, true); });
        best->addAction(tr("Save as %1...").arg(label), this, [this, format = format] { exportBest(format, false); });
    }
    exportMenu->addAction(tr("All Trials as CSV..."), this, &MainWindow::exportTrials);
    exportMenu->addSeparator();
    // The plot of the tab shown (a chooser when it shows several), at a chosen size and DPI.
    exportMenu->addAction(tr("Export &Plot..."), this, [this] { PlotExportDialog::exportShown(m_tabs->currentWidget(), this); });

    QMenu* view = menuBar()->addMenu(tr("&View"));
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
        QMessageBox::warning(this, tr("Cannot open store"), QString::fromUtf8(e.what()));
        return false;
    }
    m_session.reset(); // before the new one: both feed the same ExperimentData
    m_session = std::make_unique<StoreSession>(path, *m_data);
    connect(m_session.get(), &StoreSession::experimentsChanged, this, &MainWindow::refreshExperimentList);
    connect(m_session.get(), &StoreSession::failed, this, [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    m_dashboard->setDbPath(path);
    m_storeLabel->setText(tr("Store: %1").arg(QDir::toNativeSeparators(path)));
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
    spec.insert(QStringLiteral("name"), spec.value(QStringLiteral("name")).toString()
                                            + QDateTime::currentDateTime().toString(QStringLiteral("-yyyyMMdd-HHmmss")));
    m_setup->setSpec(spec);
    m_specDir = QDir::currentPath();
    const QString error = launch();
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Cannot launch the demo"), error);
}

QString MainWindow::launch()
{
    if (!m_session && !openStore(defaultStorePath()))
        return tr("No store is open.");
    const QString problem = m_setup->validate();
    if (!problem.isEmpty()) {
        m_tabs->setCurrentIndex(0);
        return problem;
    }
    const QJsonObject spec = m_setup->spec();
    const QString error = m_host->launch(m_session->path(), spec, m_specDir.isEmpty() ? QDir::homePath() : m_specDir);
    if (!error.isEmpty())
        return error;
    m_session->showExperiment(spec.value(QStringLiteral("name")).toString());
    m_session->pollNow();
    m_tabs->setCurrentWidget(m_dashboard);
    return {};
}

bool MainWindow::openScheduleFile(const QString& path)
{
    QString error;
    if (!m_pipeline->importCsv(path, &error)) {
        QMessageBox::warning(this, tr("Cannot open schedule"), error);
        return false;
    }
    m_tabs->setCurrentWidget(m_pipeline);
    return true;
}

bool MainWindow::showTrialSchedule(qint64 trialId)
{
    QString error;
    if (!m_session || !m_pipeline->showTrial(m_session->path(), trialId, &error)) {
        QMessageBox::information(this, tr("No pipeline schedule"), error.isEmpty() ? tr("No store is open.") : error);
        return false;
    }
    m_tabs->setCurrentWidget(m_pipeline);
    return true;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_host->isRunning()) {
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
        event->accept();
    } else if (box.clickedButton() == stop) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        delete m_host; // stops the engine and waits for its trials
        m_host = new EngineHost(this);
        QApplication::restoreOverrideCursor();
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
    for (const QString& path : recent)
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] { openStore(path); });
    m_recentMenu->setEnabled(!recent.isEmpty());
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
    m_setup->setSpec(doc.object());
    m_specDir = QFileInfo(path).absolutePath();
    m_tabs->setCurrentIndex(0);
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
        m_session->showExperiment(result.experiment);
        m_session->pollNow();
        m_tabs->setCurrentIndex(1);
    } catch (const std::exception& e) {
        error = QString::fromUtf8(e.what());
        if (storage.isEmpty())
            QMessageBox::warning(this, tr("Cannot import"), error);
    }
    return error;
}

QString MainWindow::renderView(const QString& view, const QString& experiment, qint64 trial, const QString& output, QSize size,
                               const QStringList& parameters)
{
    static const QStringList views{QStringLiteral("curves"), QStringLiteral("history"), QStringLiteral("parallel"), QStringLiteral("importance"),
                                   QStringLiteral("devices"), QStringLiteral("pipeline"), QStringLiteral("slice"), QStringLiteral("contour")};
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
    QString error;
    bool ok = false;
    if (view == QLatin1String("pipeline")) {
        if (!m_pipeline->showTrial(m_session->path(), trial, &error))
            return tr("--trial: %1").arg(error);
        m_pipeline->refreshNow();
        ok = m_pipeline->exportImage(output, &error, size);
    } else if (view == QLatin1String("importance")) {
        m_dashboard->showImportanceNow();
        ok = m_dashboard->importance()->exportTo(output, &error, size);
    } else if (view == QLatin1String("slice") || view == QLatin1String("contour")) {
        const bool slice = view == QLatin1String("slice");
        const QStringList offered = slice ? m_dashboard->slice()->parameters() : m_dashboard->contour()->parameters();
        const QString x = parameters.value(0).isEmpty() ? (slice ? m_dashboard->slice()->parameter() : m_dashboard->contour()->xParameter())
                                                        : parameters.value(0);
        const QString y = parameters.value(1).isEmpty() ? m_dashboard->contour()->yParameter() : parameters.value(1);
        for (const auto& [flag, name] : {std::pair(QStringLiteral("--x"), x), std::pair(QStringLiteral("--y"), y)})
            if ((flag == QLatin1String("--x") || !slice) && !offered.contains(name))
                return tr("%1: no parameter named '%2'; one of %3").arg(flag, name, offered.join(QStringLiteral(", ")));
        PlotPanel* panel = slice ? static_cast<PlotPanel*>(m_dashboard->slice()) : static_cast<PlotPanel*>(m_dashboard->contour());
        if (slice)
            m_dashboard->slice()->setParameter(x);
        else
            m_dashboard->contour()->setParameters(x, y);
        panel->refreshNow();
        ok = panel->exportTo(output, &error, size);
    } else {
        PlotPanel* panel = view == QLatin1String("curves") ? static_cast<PlotPanel*>(m_dashboard->curves())
            : view == QLatin1String("history")             ? static_cast<PlotPanel*>(m_dashboard->history())
            : view == QLatin1String("parallel")            ? static_cast<PlotPanel*>(m_dashboard->parallel())
                                                           : static_cast<PlotPanel*>(m_dashboard->timeline());
        panel->refreshNow();
        ok = panel->exportTo(output, &error, size);
    }
    return ok ? QString() : tr("--output: %1").arg(error);
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
        QMessageBox::information(this, tr("No best config"), QString::fromUtf8(e.what()));
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
        QMessageBox::warning(this, tr("Cannot export"), QString::fromUtf8(e.what()));
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
            QMessageBox::warning(this, tr("Cannot stop"), QString::fromUtf8(e.what()));
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
                .arg(m_data->experiment().name, engine::Lease::describe(*owner, engine::Store::now())),
            QMessageBox::Yes | QMessageBox::No);
        if (answer == QMessageBox::Yes)
            stopExperiment();
        return;
    }
    const QString error = m_host->resume(m_session->path(), m_data->experiment().name);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Cannot resume"), error);
    m_tabs->setCurrentWidget(m_dashboard);
}

void MainWindow::showExperiment(const QString& name)
{
    if (m_session)
        m_session->showExperiment(name);
}

void MainWindow::refreshExperimentList()
{
    const QString shown = m_data->experiment().name;
    QSignalBlocker block(m_experiments);
    m_experiments->clear();
    for (const engine::ExperimentRow& e : m_session->experiments()) {
        auto* item = new QListWidgetItem(tr("%1 (%2)").arg(e.name, experimentStateLabel(e.state)), m_experiments);
        item->setData(Qt::UserRole, e.name);
        item->setToolTip(e.reason);
        if (e.name == shown)
            m_experiments->setCurrentItem(item);
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
    const QString waiting = m_data->experiment().waiting;
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
