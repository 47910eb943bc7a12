#pragma once
// The dashboard's plots of one experiment, each a PlotPanel fed by an ExperimentData:
// learning curves, optimization history, parallel coordinates and parameter importance.
// qcustomplot.h stays out of this header (it is heavy); plots.cpp holds all of it.
//
// Threading: GUI thread only.

#include "algorithms/space.h"
#include "widgets/plots/plot_panel.h"

#include <QHash>
#include <QPair>
#include <QPointF>
#include <QSet>
#include <QStringList>
#include <QVector>
#include <array>
#include <optional>
#include <vector>

class QCPBars;
class QCPColorScale;
class QCPGraph;

namespace tb::widgets {

class CurveBundle; // plots.cpp: many polylines as one cached plottable

// How a trial's curve is drawn, from its state.
enum class CurveRole { Running, Completed, Pruned, Failed };

// Objective vs step for every trial. Finished trials are drawn translucent (pruned: grey,
// failed: dashed) in one cached layer, running trials on top of them, and over all the
// best trial (thick, accent colour) and the selected one (dark), cached too.
class LearningCurvesPlot : public PlotPanel {
    Q_OBJECT
public:
    explicit LearningCurvesPlot(ExperimentData* data, QWidget* parent = nullptr);

    int curveCount() const { return static_cast<int>(m_curves.size()); }
    // The (step, objective) points drawn for a trial, by step; empty when it has no curve.
    QVector<QPointF> pointsOf(qint64 trialId) const;
    std::optional<CurveRole> roleOf(qint64 trialId) const;
    // The trial drawn highlighted as the best one, if any.
    std::optional<qint64> highlightedTrial() const { return m_best; }
    // The selected trial drawn emphasised, or -1.
    qint64 emphasisedTrial() const { return m_selected; }
    bool isRendering() const override;

protected:
    void rebuild() override;
    void fitView(bool exact) override;
    std::optional<Hit> hitAt(const QPointF& pos) const override;
    bool finishRendering() override;

private:
    struct Curve {
        qint64 number = 0;
        QVector<QPointF> points; // sorted by step
        CurveRole role = CurveRole::Running;
        bool inBulk = false; // drawn in the cached layer of finished trials
    };
    void rebuildBulk(bool full, const QVector<qint64>& added);
    void rebuildLive(const QSet<qint64>& changed);

    CurveBundle* m_bulk;      // finished trials
    CurveBundle* m_live;      // running trials
    CurveBundle* m_highlight; // the best and the selected trial
    QHash<qint64, Curve> m_curves;
    QVector<qint64> m_bulkOrder; // trials in the cached layer, in drawing order
    QVector<qint64> m_liveOrder; // trials drawn over the finished ones, bottom to top
    QSet<qint64> m_changed;      // curves that got points since the last rebuild
    bool m_reset = true;
    int m_bulkAlpha = -1;
    std::optional<qint64> m_best;
    qint64 m_selected = -1;
    qint64 m_selectedHighlight = -1; // the selected trial when in m_highlight (not running)
};

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
};

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

// Horizontal bars of per-parameter importance shares, largest on top.
class ImportancePlot : public PlotPanel {
    Q_OBJECT
public:
    explicit ImportancePlot(ExperimentData* data, QWidget* parent = nullptr);

    // (name, share) as drawn, top to bottom.
    QVector<QPair<QString, double>> bars() const { return m_bars; }

public slots:
    // Shares as computed (fANOVA); names and shares align. Empty lists clear the plot.
    void setImportance(const QStringList& names, const QVector<double>& shares);

protected:
    void rebuild() override;
    void fitView(bool exact) override;
    std::optional<Hit> hitAt(const QPointF& pos) const override;

private:
    QVector<QPair<QString, double>> m_bars;
    QCPBars* m_barsPlottable;
};

} // namespace tb::widgets
