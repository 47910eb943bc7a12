#pragma once
// Parallel coordinates: one axis per parameter and the objective, a polyline per trial.
// Threading: GUI thread only.

#include "widgets/plots/plot_panel.h"

#include "algorithms/space.h"

#include <QHash>
#include <QPointF>
#include <QStringList>
#include <QVector>
#include <optional>
#include <vector>

class QCPColorScale;

namespace tb::widgets {

class CurveBundle; // curve_bundle.h: many polylines as one cached plottable

// One vertical axis per parameter plus the objective; each completed trial a polyline
// coloured by its objective. Numeric axes span the parameter's bounds (log ones on a log
// scale); categorical ones place their choices at evenly spaced levels; a parameter that
// is inactive in a trial is skipped by its polyline.
class ParallelCoordinatesPlot : public PlotPanel {
    Q_OBJECT
public:
    explicit ParallelCoordinatesPlot(ExperimentData* data, QWidget* parent = nullptr);

    // Parameter names in the space's order, then the objective.
    QStringList axisTitles() const;
    int polylineCount() const { return static_cast<int>(m_lines.size()); }
    // (axis index, position in [0, 1] along the axis) of the axes the trial is active on.
    QVector<QPointF> polylineOf(qint64 trialId) const;
    bool isRendering() const override;

protected:
    void rebuild() override;
    void fitView(bool exact) override;
    std::optional<Hit> hitAt(const QPointF& pos) const override;
    bool finishRendering() override;

private:
    struct Axis {
        QString title;
        enum class Kind { Linear, Log, Categorical } kind = Kind::Linear;
        double low = 0, high = 1;
        bool integer = false;                   // ticks at whole numbers
        std::vector<algorithms::Value> choices; // categorical levels, bottom to top
    };
    struct Line {
        qint64 trialId = 0;
        qint64 number = 0;
        double value = 0;
        QVector<QPointF> points;
    };
    void rebuildLines();
    void rebuildAxes();

    CurveBundle* m_bulk; // all polylines, cached
    CurveBundle* m_live; // the best and the selected trial
    QCPColorScale* m_colorScale;
    bool m_linesDirty = true; // trials changed: polylines, colours and axes need a rebuild
    QVector<Axis> m_axes;
    QVector<Line> m_lines; // drawing order: worst first, so the best lie on top
    QHash<qint64, int> m_lineIndex;
};

} // namespace tb::widgets
