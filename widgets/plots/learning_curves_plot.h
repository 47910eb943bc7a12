#pragma once
// The learning curves: each trial's objective, or any other metric it reported, against
// its step or the time of the report.
// Threading: GUI thread only.

#include "widgets/plots/plot_panel.h"

#include <QHash>
#include <QPointF>
#include <QStringList>
#include <QSet>
#include <QVector>
#include <optional>

class QAction;
class QCPGraph;
class QComboBox;
class QDoubleSpinBox;

namespace tb::widgets {

class CurveBundle; // curve_bundle.h: many polylines as one cached plottable
struct TrialView;

// A metric (the objective unless another is chosen) vs step for every trial. Finished
// trials are drawn translucent (pruned: grey, failed: dashed) in one cached layer, running
// trials on top of them, and over all the best trial (thick, accent colour) and the
// selected one (dark), cached too. A trial with a single report is drawn as a marker.
//
// The toolbar chooses the metric (every name the trials reported), the smoothing (an
// exponential moving average, debiased as TensorBoard's: 0 is off), a log value axis, and
// what the x axis measures: steps, time since the trial started, or wall-clock time.
class LearningCurvesPlot : public PlotPanel {
    Q_OBJECT
public:
    enum class XMode { Step, RelativeTime, WallTime };

    explicit LearningCurvesPlot(ExperimentData* data, QWidget* parent = nullptr);

    // The metric drawn, by its index in ExperimentData::metricNames() (0: the objective).
    int metric() const { return m_metric; }
    QString metricName() const;
    void setMetric(int index);
    bool setMetric(const QString& name); // false when no trial reported it
    // The smoothing weight in [0, 0.999]: 0 is off.
    double smoothing() const { return m_smoothing; }
    void setSmoothing(double weight);
    bool logY() const { return m_logY; }
    void setLogY(bool on);
    XMode xMode() const { return m_xMode; }
    void setXMode(XMode mode);

    // Debiased exponential moving average of the values, in the order given (TensorBoard's
    // smoothing): s_n = (w * m_(n-1) + (1 - w) * y_n) / (1 - w^n) over the finite values,
    // where m is the running average; other values pass unchanged.
    static QVector<QPointF> smoothed(const QVector<QPointF>& points, double weight);

    int curveCount() const { return static_cast<int>(m_curves.size()); }
    // The points drawn for a trial (x as chosen, the chosen metric, smoothed as chosen), by
    // x; empty when it has no curve.
    QVector<QPointF> pointsOf(qint64 trialId) const;
    // Trials drawn as a marker: those with a single point.
    QVector<qint64> markedTrials() const;
    std::optional<CurveRole> roleOf(qint64 trialId) const;
    // The trial drawn highlighted as the best one, if any.
    std::optional<qint64> highlightedTrial() const { return m_best; }
    // The selected trial drawn emphasised, or -1.
    qint64 emphasisedTrial() const { return m_selected; }
    bool isRendering() const override;
    bool hasLegend() const override;

protected:
    void rebuild() override;
    void fitView(bool exact) override;
    std::optional<Hit> hitAt(const QPointF& pos) const override;
    bool finishRendering() override;

private:
    struct Curve {
        qint64 number = 0;
        QVector<QPointF> points; // sorted by x
        CurveRole role = CurveRole::Running;
        bool inBulk = false; // drawn in the cached layer of finished trials
        // The positive values' range (for a log axis), computed when first asked; NaN: none.
        bool positiveKnown = false;
        double positiveLow = 0, positiveHigh = 0;
    };
    // The curve of a trial as drawn: metric, x and smoothing as chosen.
    QVector<QPointF> curvePoints(const TrialView& trial) const;
    void rebuildBulk(bool full, const QVector<qint64>& added);
    void rebuildLive(const QSet<qint64>& changed);
    void rebuildMarkers();
    void rebuildLegend();
    // Redraws every curve from scratch (another metric, x or smoothing) and refits.
    void restartCurves();
    void fillMetricChooser();
    void updateAxes();
    QString metricLabel() const;
    QString xLabel(double x) const;

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
    QComboBox* m_metricChooser;
    QComboBox* m_xChooser;
    QDoubleSpinBox* m_smoothingBox;
    QAction* m_logAction;
    int m_metric = 0;
    double m_smoothing = 0;
    bool m_logY = false;
    XMode m_xMode = XMode::Step;
    QVector<QCPGraph*> m_markers; // single-point curves: one scatter per CurveRole, then best and selected
    QString m_legendKey;           // what the legend shows now
};

} // namespace tb::widgets
