#pragma once
// The contour plot: the objective over two chosen parameters.
// Threading: GUI thread only.

#include "widgets/plots/plot_panel.h"

#include <QPointF>
#include <QSize>
#include <QStringList>
#include <QVector>
#include <optional>
#include <vector>

class QCPColorScale;
class QCPGraph;
class QComboBox;

namespace tb::widgets {

class ColoredPoints; // pair_layers.h
class SurfaceMap;    // pair_layers.h
struct ParamScale;   // param_scale.h

// Completed trials (that pass the data's filter and have both parameters active) as
// points at (x, y) coloured by their objective, over a surface of the objective
// interpolated between them (inverse-distance weighting, distances measured in fractions of
// each axis, so that both parameters weigh alike whatever their units). Log parameters lie
// on log axes, categorical ones at evenly spaced levels. Both parameters are chosen in the
// panel's tool bar.
class ContourPlot : public PlotPanel {
    Q_OBJECT
public:
    explicit ContourPlot(ExperimentData* data, QWidget* parent = nullptr);
    ~ContourPlot() override;

    QStringList parameters() const; // offered on both axes: the space's, but fixed ones
    QString xParameter() const;
    QString yParameter() const;
    // Shows `x` across and `y` up; false (and no change) when either is not offered.
    bool setParameters(const QString& x, const QString& y);
    QComboBox* xChooser() const { return m_xChooser; }
    QComboBox* yChooser() const { return m_yChooser; }

    // The points' coordinates (a numeric value, or a categorical level) and trials.
    QVector<QPointF> points() const;
    QVector<qint64> pointTrials() const;
    // The interpolated objective at coordinates (x, y), as the surface shows it; nullopt
    // without points.
    std::optional<double> surfaceAt(double x, double y) const;
    // The surface's cells: how many, the centre of one in coordinates, and its value.
    QSize gridSize() const;
    QPointF cellCentre(int i, int j) const;
    double cellValue(int i, int j) const;

protected:
    void rebuild() override;
    void fitView(bool exact) override;
    std::optional<Hit> hitAt(const QPointF& pos) const override;

private:
    struct Point {
        qint64 trialId = 0;
        qint64 number = 0;
        double x = 0, y = 0, value = 0;
        double fx = 0, fy = 0; // fractions along the axes, where distances are measured
    };
    void fillChoosers();
    void chooserChanged();
    const ParamScale* scaleOf(const QComboBox* chooser) const;
    void rebuildSurface();

    QComboBox* m_xChooser;
    QComboBox* m_yChooser;
    SurfaceMap* m_surface;
    ColoredPoints* m_scatter;
    QCPGraph* m_selected;
    QCPColorScale* m_colorScale;
    std::vector<ParamScale> m_scales; // the parameters offered, in the space's order
    QString m_wantedX, m_wantedY;     // the user's choice, kept for later experiments that have it
    QVector<Point> m_points;
};

} // namespace tb::widgets
