#pragma once
// The learning curves: each trial's objective against its step.
// Threading: GUI thread only.

#include "widgets/plots/plot_panel.h"

#include <QHash>
#include <QPointF>
#include <QSet>
#include <QVector>
#include <optional>


namespace tb::widgets {

class CurveBundle; // curve_bundle.h: many polylines as one cached plottable

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

} // namespace tb::widgets
