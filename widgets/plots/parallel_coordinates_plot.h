#pragma once
// Parallel coordinates: one axis per parameter and the objective, a polyline per trial,
// and brushes on the axes that filter the trials every view shows.
// Threading: GUI thread only.

#include "widgets/plots/plot_panel.h"

#include <QHash>
#include <QMap>
#include <QPointF>
#include <QPointer>
#include <QStringList>
#include <QVector>
#include <optional>
#include <utility>
#include <vector>

class QCPColorScale;
class QMouseEvent;

namespace tb::widgets {

class CurveBundle; // curve_bundle.h: many polylines as one cached plottable
struct ParamScale; // param_scale.h

// One vertical axis per parameter plus the objective; each completed trial a polyline
// coloured by its objective. Numeric axes span the parameter's bounds (log ones on a log
// scale); categorical ones place their choices at evenly spaced levels. A conditional
// parameter's axis has an "inactive" slot below its range, where the polylines of trials
// without it meet the axis.
//
// Brushing: dragging along an axis selects a range on it (drawn as a band; the inactive
// slot can be part of it); a click on the axis clears it. The brushes of several axes
// combine with AND into one filter of the ExperimentData (source filterSource()), so the
// table and the other plots show only the trials inside; here the others are drawn faded.
class ParallelCoordinatesPlot : public PlotPanel {
    Q_OBJECT
public:
    // Where a trial whose parameter is inactive meets a conditional parameter's axis,
    // below the range [0, 1] of the axis.
    static constexpr double kInactivePosition = -0.12;

    explicit ParallelCoordinatesPlot(ExperimentData* data, QWidget* parent = nullptr);
    ~ParallelCoordinatesPlot() override;

    static QString filterSource();

    // Parameter names in the space's order, then the objective.
    QStringList axisTitles() const;
    int polylineCount() const { return static_cast<int>(m_lines.size()); }
    // (axis index, position along the axis: [0, 1], or kInactivePosition) of the trial.
    QVector<QPointF> polylineOf(qint64 trialId) const;
    // Whether the trial's polyline is drawn faded (outside the data's filter).
    bool isFaded(qint64 trialId) const;
    bool isRendering() const override;

    // Brushes the span between two positions of axis `axis` (as a drag would), replacing
    // the axis' brush. Positions as in polylineOf(); below 0 reaches the inactive slot.
    void setBrush(int axis, double from, double to);
    void clearBrush(int axis);
    void clearBrushes();
    // The brushed span of an axis, as positions (low, high), if the axis has a brush.
    std::optional<std::pair<double, double>> brushOf(int axis) const;

protected:
    void rebuild() override;
    void fitView(bool exact) override;
    std::optional<Hit> hitAt(const QPointF& pos) const override;
    bool finishRendering() override;

private:
    // A brush in the axis' own units, so that it keeps its values when the objective's
    // axis grows.
    struct Brush {
        bool values = false;   // takes coordinates in [low, high]
        double low = 0, high = 0;
        bool inactive = false; // takes trials where the parameter is inactive
    };
    struct Line {
        qint64 trialId = 0;
        qint64 number = 0;
        double value = 0;
        bool faded = false;
        QVector<QPointF> points;
    };
    void rebuildLines();
    void rebuildAxes();
    void applyBrushes();
    std::optional<int> axisAt(const QPointF& pos) const;
    double positionAt(double pixelY) const;
    void onPress(QMouseEvent* event);
    void onMove(QMouseEvent* event);
    void onRelease(QMouseEvent* event);

    CurveBundle* m_bulk; // all polylines, cached
    CurveBundle* m_live; // the best and the selected trial
    QCPColorScale* m_colorScale;
    bool m_linesDirty = true; // trials changed: polylines, colours and axes need a rebuild
    std::vector<ParamScale> m_axes; // the parameters, then the objective
    QVector<Line> m_lines; // drawing order: faded first, then worst first, so the best lie on top
    QHash<qint64, int> m_lineIndex;
    QMap<int, Brush> m_brushes; // by axis index
    struct Drag {
        int axis = 0;
        double from = 0;
        QPoint pressed;
        bool moved = false;
    };
    std::optional<Drag> m_drag; // a press on an axis, not yet released
    QPointer<ExperimentData> m_filterOwner; // to take the brushes' filter away when this plot goes
};

} // namespace tb::widgets
