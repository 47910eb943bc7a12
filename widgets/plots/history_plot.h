#pragma once
// The optimization history: each finished trial's value against its number.
// Threading: GUI thread only.

#include "widgets/plots/plot_panel.h"

#include <QPointF>
#include <QVector>
#include <array>
#include <optional>

class QCPGraph;

namespace tb::widgets {

// Each finished trial's value against its number (coloured by state) and the
// best-so-far step line over completed trials.
class HistoryPlot : public PlotPanel {
    Q_OBJECT
public:
    explicit HistoryPlot(ExperimentData* data, QWidget* parent = nullptr);

    // (number, value) of every finished trial with a value, by number.
    QVector<QPointF> values() const;
    // The best completed value up to each completed trial: (number, best so far).
    QVector<QPointF> bestSoFar() const { return m_bestSoFar; }

protected:
    void rebuild() override;
    void fitView(bool exact) override;
    std::optional<Hit> hitAt(const QPointF& pos) const override;

private:
    struct Point {
        qint64 trialId = 0;
        qint64 number = 0;
        double value = 0;
        CurveRole role = CurveRole::Completed;
    };
    QVector<Point> m_points; // by number
    QVector<QPointF> m_bestSoFar;
    std::array<QCPGraph*, 4> m_graphs{}; // scatter per CurveRole
    QCPGraph* m_bestGraph;
    QCPGraph* m_selectedGraph;
    int m_legendMask = -1; // which graphs the legend lists (those with data)
};

} // namespace tb::widgets
