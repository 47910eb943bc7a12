#pragma once
// The live dashboard of one experiment: trial table and detail on the left, plots on the
// right. Parameter importance is recomputed in the background as trials finish.

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

class QTabWidget;

namespace tb::widgets {

class ExperimentData;
class HistoryPlot;
class ImportancePlot;
class LearningCurvesPlot;
class ParallelCoordinatesPlot;
class ParetoPlot;
class SlicePlot;
class ContourPlot;
class SamplerLogView;
class TimelineView;
class TrialDetail;
class TrialTable;

struct ImportanceShares {
    qint64 experimentId = 0;
    int objective = 0; // whose variance (several objectives)
    QStringList names;
    QVector<double> shares;
    int trials = 0;
};

class Dashboard : public QWidget {
    Q_OBJECT
public:
    Dashboard(ExperimentData& data, QString dbPath, QWidget* parent = nullptr);

    void setDbPath(const QString& path);
    TrialTable* table() const { return m_table; }
    TrialDetail* detail() const { return m_detail; }
    LearningCurvesPlot* curves() const { return m_curves; }
    HistoryPlot* history() const { return m_history; }
    ParallelCoordinatesPlot* parallel() const { return m_parallel; }
    ImportancePlot* importance() const { return m_importance; }
    TimelineView* timeline() const { return m_timeline; }
    SamplerLogView* samplerLog() const { return m_samplerLog; }
    SlicePlot* slice() const { return m_slice; }
    ContourPlot* contour() const { return m_contour; }
    ParetoPlot* pareto() const { return m_pareto; }
    // 0: parallel coordinates, 1: importance, 2: devices, 3: sampler log (external samplers
    // only), 4: slice, 5: contour, 6: Pareto front (several objectives only; shown first
    // when such an experiment is)
    enum BottomTab { ParallelTab, ImportanceTab, DevicesTab, SamplerLogTab, SliceTab, ContourTab, ParetoTab };
    void showBottomTab(int index);
    bool isBottomTabShown(int index) const;
    // Computes the importance on this thread and shows it (tunebench --render: no waiting).
    void showImportanceNow();
    // tunebench --render of one of the dashboard's views (curves, history, parallel,
    // importance, devices, slice, contour: `parameters` the one across and the one up;
    // pareto: the objectives across and up) to `output`, drawn now. Returns the error,
    // naming the flag, or empty.
    QString renderView(const QString& view, const QString& output, QSize size, const QStringList& parameters);

    // fANOVA over the completed trials (runs on a worker thread).
    static ImportanceShares computeImportance(const QByteArray& spec, qint64 experimentId, const QVector<QByteArray>& params,
                                              const QVector<double>& values, int objective = 0);

signals:
    void importanceUpdated(int trials);
    // The user asked for a trial's measured pipeline schedule (the detail's button).
    void scheduleRequested(qint64 trialId);

private:
    void scheduleImportance();
    void completedTrials(QVector<QByteArray>& params, QVector<double>& values) const;
    void startImportance();

    ExperimentData& m_data;
    TrialTable* m_table;
    TrialDetail* m_detail;
    LearningCurvesPlot* m_curves;
    HistoryPlot* m_history;
    ParallelCoordinatesPlot* m_parallel;
    ImportancePlot* m_importance;
    TimelineView* m_timeline;
    SamplerLogView* m_samplerLog;
    SlicePlot* m_slice;
    ContourPlot* m_contour;
    ParetoPlot* m_pareto;
    QTabWidget* m_bottomTabs;
    QTimer m_importanceDelay;
    QFutureWatcher<ImportanceShares> m_importanceJob;
    int m_importanceTrials = -1; // completed trials behind the shown importance
};

} // namespace tb::widgets
