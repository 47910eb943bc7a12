#pragma once
// The main window lays out the panels and wires the actions; each panel is its own class.

#include "engine/core/store.h"

#include <QMainWindow>
#include <memory>
#include <optional>

class QLabel;
class QListWidget;
class QMenu;
class QTabWidget;

namespace tb::widgets {

class Dashboard;
class EngineHost;
class ExperimentData;
class ScheduleView;
class SetupPanel;
class SpaceEditor;
class StoreSession;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    static QString defaultStorePath();
    static QString experimentStateLabel(engine::ExperimentState state); // translated

    // Opens (creating if needed) a store and follows it live. Returns false with a message
    // box when the file cannot be used.
    bool openStore(const QString& path);
    // Puts the bundled demo spec in the set-up panel and launches it.
    void runDemo();
    // Validates the set-up and starts it in the open store; returns the error or empty.
    QString launch();
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

    // Shows the Pipeline tab on a PyTorch per-rank CSV; false with a message box when it
    // cannot be read.
    bool openScheduleFile(const QString& path);
    // Shows the Pipeline tab on a trial's measured schedule (from the open store).
    bool showTrialSchedule(qint64 trialId);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildActions();
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
    QTabWidget* m_tabs;
    SpaceEditor* m_space;
    SetupPanel* m_setup;
    Dashboard* m_dashboard;
    ScheduleView* m_pipeline;
    QListWidget* m_experiments;
    QLabel* m_storeLabel;
    QLabel* m_countsLabel;
    QMenu* m_recentMenu = nullptr;
    QString m_specDir; // where relative paths of the current spec resolve
};

} // namespace tb::widgets
