#pragma once
// What the slice and contour plots draw with: discs coloured one by one (QCPGraph gives all
// its points one style), and a colour map whose cells lie right on log axes too.
// Private to widgets/plots: it includes qcustomplot.h.
//
// Threading: GUI thread only, like the plots that own them.

#include "widgets/plots/render.h"

#include <QColor>
#include <QVector>

namespace tb::widgets {

class ColoredPoints : public QCPAbstractPlottable {
public:
    struct Point {
        double key = 0, value = 0;
        QColor color;
    };

    ColoredPoints(QCPAxis* keyAxis, QCPAxis* valueAxis);

    void setPoints(QVector<Point> points);
    const QVector<Point>& points() const { return m_points; }
    void setDiameter(double pixels) { m_diameter = pixels; }

    double selectTest(const QPointF&, bool, QVariant* = nullptr) const override { return -1; }
    QCPRange getKeyRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange& inKeyRange = QCPRange()) const override;

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter*, const QRectF&) const override {}

private:
    QVector<Point> m_points;
    double m_diameter = 8;
};

// A QCPColorMap whose keySize x valueSize cells split `keySpan` and `valueSpan` evenly in
// the axes' own scale: in log units on a log axis. (QCPColorMap itself spaces cells
// linearly and reaches half a cell beyond its range, which lands off a log axis.) Cell
// (i, j) covers the i-th of keySize equal parts of keySpan and the j-th of valueSpan.
class SurfaceMap : public QCPColorMap {
public:
    using QCPColorMap::QCPColorMap;

    void setSpan(const QCPRange& keySpan, const QCPRange& valueSpan);
    const QCPRange& keySpan() const { return m_keySpan; }
    const QCPRange& valueSpan() const { return m_valueSpan; }
    // Call after changing cells through data(): the image is made again at the next draw.
    void cellsChanged() { mMapImageInvalidated = true; }
    // The centre of cell i of n along a span, in the axis' scale.
    static double cellCentre(const QCPRange& span, bool log, int i, int n);

protected:
    void draw(QCPPainter* painter) override;

private:
    QCPRange m_keySpan, m_valueSpan;
};

} // namespace tb::widgets
