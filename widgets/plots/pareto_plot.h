#pragma once
// The Pareto front of a multi-objective experiment: the completed trials in the plane of
// two objectives.
// Threading: GUI thread only.

#include "widgets/plots/plot_panel.h"

#include <QPointF>
#include <QStringList>
#include <QVector>
#include <optional>
#include <vector>

class QAction;
class QCPGraph;
class QComboBox;
class QLabel;

namespace tb::widgets {

// Each completed trial that passes the data's filter, at (objective x, objective y):
// feasible trials as discs, those of the feasible Pareto set (non-dominated in every
// objective, engine::paretoSet) larger and orange, infeasible ones as hollow grey crosses.
// With two objectives the front is drawn as a staircase through the set, bounding the
// region it dominates; with more, the pair shown is chosen in the tool bar and the set's
// members are marked (a front in all objectives is not one in a projection). A click
// selects the trial everywhere; the context menu and the tool bar open the selected (or
// clicked) trial's pipeline schedule for experiments run by tunebench-train.
class ParetoPlot : public PlotPanel {
    Q_OBJECT
public:
    explicit ParetoPlot(ExperimentData* data, QWidget* parent = nullptr);
    ~ParetoPlot() override;

    // Whether the experiment has several objectives (the dashboard shows the plot then).
    bool applies() const;
    // The objectives offered and the pair shown (indices into them).
    QStringList objectives() const;
    int xObjective() const { return m_x; }
    int yObjective() const { return m_y; }
    // Shows the pair `x` across, `y` up; false (and no change) when either is not an
    // objective or both are the same.
    bool setObjectives(const QString& x, const QString& y);
    QComboBox* xChooser() const { return m_xChooser; }
    QComboBox* yChooser() const { return m_yChooser; }
    QAction* scheduleAction() const { return m_scheduleAction; }

    // What is drawn, by trial number (tests): the trials of the Pareto set, the other
    // feasible ones, the infeasible ones, and the corners of the front's staircase (two
    // objectives only) in the plot's coordinates.
    QVector<qint64> paretoTrials() const;
    QVector<qint64> feasibleTrials() const;
    QVector<qint64> infeasibleTrials() const;
    QVector<QPointF> frontLine() const { return m_frontLine; }
    // Where a trial's point is drawn, in the plot widget's pixels (none: not drawn).
    std::optional<QPointF> pixelOf(qint64 trialId) const;

signals:
    // The user asked for a trial's measured pipeline schedule.
    void scheduleRequested(qint64 trialId);

protected:
    void rebuild() override;
    void fitView(bool exact) override;
    std::optional<Hit> hitAt(const QPointF& pos) const override;
    void addContextActions(QMenu* menu, const QPointF& pos) override;

private:
    enum class Kind { Pareto, Feasible, Infeasible };
    struct Point {
        qint64 trialId = 0;
        qint64 number = 0;
        std::vector<double> values; // every objective, in the spec's order
        Kind kind = Kind::Feasible;
    };
    void fillChoosers();
    void choose(int x, int y);
    const Point* pointAt(const QPointF& pos) const;
    bool runsTrainer() const;
    QString axisLabel(int objective) const;

    QComboBox* m_xChooser;
    QComboBox* m_yChooser;
    QList<QAction*> m_pairActions; // the choosers and their labels: shown with 3+ objectives
    QAction* m_scheduleAction;
    QCPGraph* m_front;
    QCPGraph* m_pareto;
    QCPGraph* m_feasible;
    QCPGraph* m_infeasible;
    QCPGraph* m_selected;
    int m_x = 0, m_y = 1;
    QVector<Point> m_points; // by number
    QVector<QPointF> m_frontLine;
    int m_legendMask = -1;
};

} // namespace tb::widgets
