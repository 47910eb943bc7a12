#pragma once
// The optimization history: each finished trial's value against its number; with several
// objectives, the hypervolume of the feasible Pareto set over the trials.
// Threading: GUI thread only.

#include "widgets/plots/plot_panel.h"

#include <QPointF>
#include <QVector>
#include <array>
#include <optional>

class QCPGraph;
class QCPItemText;

namespace tb::widgets {

// Each finished trial's value against its number (coloured by state) and the
// best-so-far step line over completed trials. With several objectives: the hypervolume
// of the feasible Pareto set of the completed trials up to each one (engine::
// hypervolumeHistory), against the reference point of the experiment's whole set
// (engine::paretoSet: the spec's, or one derived from the trials), which the plot names.
class HistoryPlot : public PlotPanel {
    Q_OBJECT
public:
    explicit HistoryPlot(ExperimentData* data, QWidget* parent = nullptr);

    // (number, value) of every finished trial with a value, by number; with several
    // objectives (number, hypervolume) of every completed trial.
    QVector<QPointF> values() const;
    // The best completed value up to each completed trial: (number, best so far); with
    // several objectives, the hypervolume line.
    QVector<QPointF> bestSoFar() const { return m_bestSoFar; }
    // The hypervolume line (several objectives; else empty) and the text that names its
    // reference point ("reference: loss 1.2, epoch 13 (from the trials)").
    QVector<QPointF> hypervolume() const;
    QString referenceText() const;

protected:
    void rebuild() override;
    void fitView(bool exact) override;
    std::optional<Hit> hitAt(const QPointF& pos) const override;

private:
    void updateLabels();
    void rebuildHypervolume();

    struct Point {
        qint64 trialId = 0;
        qint64 number = 0;
        double value = 0;
        CurveRole role = CurveRole::Completed;
        bool feasible = true; // within the constraints
    };
    QVector<Point> m_points; // by number
    QVector<QPointF> m_bestSoFar;
    std::array<QCPGraph*, 4> m_graphs{}; // scatter per CurveRole
    QCPGraph* m_bestGraph;
    QCPGraph* m_selectedGraph;
    QCPItemText* m_reference; // several objectives: the reference point, at the lower right
    QString m_referenceLine;  // the same in one line (referenceText())
    int m_legendMask = -1; // which graphs the legend lists (those with data)
};

} // namespace tb::widgets
