#pragma once
// The main window lays out the panels and wires the actions; each panel is its own class.

#include "engine/core/store.h"

#include <QJsonObject>
#include <QMainWindow>
#include <QTimer>
#include <memory>
#include <optional>

class QDockWidget;
class QLabel;
class QMenu;
class QScrollArea;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace tb::widgets {

class Dashboard;
class EngineHost;
class ExperimentList;
class ExperimentData;
class ScheduleView;
class SetupPanel;
class SpaceEditor;
class StoreSession;
class WelcomePage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    static QString defaultStorePath();
    static QString experimentStateLabel(engine::ExperimentState state); // translated

    // The start of a session as the user left the last one: window geometry and docks, the
    // set-up draft, and a store: `store` (given on the command line) when not empty, else
    // the last one opened that still exists, else the default.
    void startUp(const QString& store = {});

    // Opens (creating if needed) a store and follows it live. Returns false with a message
    // box when the file cannot be used.
    bool openStore(const QString& path);
    // Launches the bundled demo spec (under a time-stamped name) without touching the set-up.
    void runDemo();
    // Validates the set-up and starts it in the open store; returns the error as the window
    // shows it (a set-up problem in the set-up's words, an engine error in the window's
    // language), or empty.
    // When the store has an experiment of that name, asks whether to resume it or to launch
    // under an unused name (the set-up takes it); cancelled, nothing starts and it returns empty.
    QString launch();
    // The set-up panel takes a bundled example (":/examples/...") or a clone of an
    // experiment of the open store (its stored spec), under a name no experiment has, and
    // is shown. Unsent edits in the set-up are replaced only if the user agrees. False when
    // nothing was loaded.
    bool loadExample(const QString& resource);
    bool editAsNew(const QString& experiment);
    // Whether the set-up holds edits that were neither launched nor loaded from somewhere.
    bool hasUnsentSetup() const;
    // File > Import Optuna Study: the study of `storage` (empty: asks for the file, and
    // for the study when there are several) into the open store, then shown. Returns
    // the error, or empty; with a storage given no dialog is shown.
    QString importOptuna(const QString& storage = {}, const QString& study = {});

    // tunebench --render: one view of an experiment of the open store written to a file
    // (png, svg, pdf) exactly as the window draws it, without showing anything. `view`:
    // curves, history, parallel, importance, devices, pipeline (needs `trial`), slice and
    // contour (`parameters`: the one across and the one up; empty ones keep the first
    // parameters). Returns the error, naming the flag, or empty.
    QString renderView(const QString& view, const QString& experiment, qint64 trial, const QString& output, QSize size,
                       const QStringList& parameters = {});

    ExperimentData& data() { return *m_data; }
    SetupPanel* setup() const { return m_setup; }
    Dashboard* dashboard() const { return m_dashboard; }
    EngineHost* host() const { return m_host; }
    StoreSession* session() const { return m_session.get(); }
    QTabWidget* tabs() const { return m_tabs; }
    ScheduleView* pipeline() const { return m_pipeline; }
    WelcomePage* welcome() const { return m_welcome; }
    bool isWelcomeShown() const;
    // Where the set-up's relative paths (the trial's folder) resolve when it is launched.
    const QString& specDir() const { return m_specDir; }
    QDockWidget* experimentsDock() const { return m_experimentsDock; }
    ExperimentList* experimentList() const { return m_experiments; }
    void showSetup();
    void showDashboard();
    void showPipeline();

    // Shows the Pipeline tab on a PyTorch per-rank CSV; false with a message box when it
    // cannot be read.
    bool openScheduleFile(const QString& path);
    // Shows the Pipeline tab on a trial's measured schedule (from the open store).
    bool showTrialSchedule(qint64 trialId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void buildActions();
    void buildWelcome();
    void saveDraft();
    void restoreDraft();
    void rememberSession(); // the layout and the draft, for the next start
    // The set-up takes `spec` (relative paths resolve from `dir`) unless the user keeps
    // unsent edits; then the Set-up tab is shown.
    bool replaceSetup(const QJsonObject& spec, const QString& dir);
    // Starts `spec` as a new experiment of the open store and shows it.
    QString startExperiment(const QJsonObject& spec, const QString& specDir);
    QString resumeNamed(const QString& name);
    void follow(const QString& experiment); // the dashboard and the list show it
    QStringList experimentNames() const;    // of the open store, read now
    void updateWelcome();
    QString dialogFolder() const; // the open store's folder, else home
    void newStore();
    void openStoreDialog();
    void importSpec();
    void exportSpec();
    void exportBest(const QString& format, bool toClipboard);
    void exportTrials();
    // The live engine of another process (or of no window) that runs the shown experiment.
    std::optional<engine::Owner> otherOwner() const;
    void stopExperiment();
    void resumeExperiment();
    void showExperiment(const QString& name);
    void refreshExperimentList();
    void refreshStatus();
    void updateRecentMenu();
    void setLanguage(const QString& code);

    std::unique_ptr<ExperimentData> m_data;
    std::unique_ptr<StoreSession> m_session;
    EngineHost* m_host;
    QStackedWidget* m_central;
    WelcomePage* m_welcome;
    QTabWidget* m_tabs;
    QSplitter* m_setupPage;
    QScrollArea* m_pipelinePage;
    SpaceEditor* m_space;
    SetupPanel* m_setup;
    Dashboard* m_dashboard;
    ScheduleView* m_pipeline;
    ExperimentList* m_experiments;
    QDockWidget* m_experimentsDock;
    QLabel* m_storeLabel;
    QLabel* m_countsLabel;
    QMenu* m_recentMenu = nullptr;
    QString m_specDir; // where relative paths of the current spec resolve
    // The set-up as last loaded or launched; nullopt: edits never launched (a draft so
    // restored). hasUnsentSetup() compares against it.
    std::optional<QJsonObject> m_setupBaseline;
    QTimer m_draftSave; // saves the draft shortly after an edit
    bool m_storeHasExperiments = false;
    bool m_welcomeDismissed = false; // the user went on to the set-up, dashboard or pipeline
    bool m_setupSplitMoved = false;  // the user placed the set-up's splitter handle
};

} // namespace tb::widgets
