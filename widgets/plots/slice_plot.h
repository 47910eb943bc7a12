#pragma once
// The slice plot: the objective against one chosen parameter.
// Threading: GUI thread only.

#include "widgets/plots/plot_panel.h"

#include <QPointF>
#include <QStringList>
#include <QVector>
#include <optional>
#include <vector>

class QCPColorScale;
class QCPGraph;
class QComboBox;

namespace tb::widgets {

class ColoredPoints; // pair_layers.h
struct ParamScale;   // param_scale.h

// Each completed trial (that passes the data's filter and has the parameter active) as a
// point at (parameter value, objective), coloured by its trial number so that the
// sampler's drift shows. Log parameters lie on a log axis, categorical ones at evenly
// spaced levels. The parameter is chosen in the panel's tool bar.
class SlicePlot : public PlotPanel {
    Q_OBJECT
public:
    explicit SlicePlot(ExperimentData* data, QWidget* parent = nullptr);
    ~SlicePlot() override;

    // The parameters offered (the space's, but fixed ones) and the one shown.
    QStringList parameters() const;
    QString parameter() const;
    // Shows `name`; false (and no change) when the space has no such parameter.
    bool setParameter(const QString& name);
    QComboBox* chooser() const { return m_chooser; }

    // (coordinate, objective) per point, by trial number: the value of a numeric
    // parameter, the level (index of the choice) of a categorical one.
    QVector<QPointF> points() const;
    QVector<qint64> pointTrials() const;

protected:
    void rebuild() override;
    void fitView(bool exact) override;
    std::optional<Hit> hitAt(const QPointF& pos) const override;

private:
    struct Point {
        qint64 trialId = 0;
        qint64 number = 0;
        double x = 0, value = 0;
    };
    void fillChooser();
    const ParamScale* scale() const;

    QComboBox* m_chooser;
    ColoredPoints* m_scatter;
    QCPGraph* m_selected;
    QCPColorScale* m_colorScale;
    std::vector<ParamScale> m_scales; // the parameters offered, in the space's order
    QString m_wanted;                 // the user's choice, kept for later experiments that have it
    QVector<Point> m_points;
};

} // namespace tb::widgets
