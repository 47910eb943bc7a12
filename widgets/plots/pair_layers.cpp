#include "widgets/plots/pair_layers.h"

#include <cmath>

namespace tb::widgets {

ColoredPoints::ColoredPoints(QCPAxis* keyAxis, QCPAxis* valueAxis) : QCPAbstractPlottable(keyAxis, valueAxis)
{
    setSelectable(QCP::stNone);
    setAntialiasedScatters(true);
    setPen(QPen(QColor(40, 40, 40), 1));
}

void ColoredPoints::setPoints(QVector<Point> points)
{
    m_points = std::move(points);
}

namespace {

bool inDomain(double v, QCP::SignDomain domain)
{
    return std::isfinite(v) && (domain == QCP::sdBoth || (domain == QCP::sdPositive ? v > 0 : v < 0));
}

} // namespace

QCPRange ColoredPoints::getKeyRange(bool& foundRange, QCP::SignDomain inSignDomain) const
{
    QCPRange range;
    foundRange = false;
    for (const Point& p : m_points) {
        if (!inDomain(p.key, inSignDomain))
            continue;
        if (foundRange)
            range.expand(p.key);
        else
            range = QCPRange(p.key, p.key);
        foundRange = true;
    }
    return range;
}

QCPRange ColoredPoints::getValueRange(bool& foundRange, QCP::SignDomain inSignDomain, const QCPRange& inKeyRange) const
{
    const bool anyKey = inKeyRange == QCPRange();
    QCPRange range;
    foundRange = false;
    for (const Point& p : m_points) {
        if (!inDomain(p.value, inSignDomain) || (!anyKey && !inKeyRange.contains(p.key)))
            continue;
        if (foundRange)
            range.expand(p.value);
        else
            range = QCPRange(p.value, p.value);
        foundRange = true;
    }
    return range;
}

void ColoredPoints::draw(QCPPainter* painter)
{
    if (!mKeyAxis || !mValueAxis)
        return;
    applyScattersAntialiasingHint(painter);
    painter->setPen(mPen);
    const double r = m_diameter / 2;
    const QRectF clip = clipRect().adjusted(-r, -r, r, r);
    for (const Point& p : std::as_const(m_points)) {
        const QPointF centre = coordsToPixels(p.key, p.value);
        if (!std::isfinite(centre.x()) || !std::isfinite(centre.y()) || !clip.contains(centre))
            continue;
        painter->setBrush(p.color);
        painter->drawEllipse(centre, r, r);
    }
}

void SurfaceMap::setSpan(const QCPRange& keySpan, const QCPRange& valueSpan)
{
    m_keySpan = keySpan;
    m_valueSpan = valueSpan;
}

double SurfaceMap::cellCentre(const QCPRange& span, bool log, int i, int n)
{
    const double f = (i + 0.5) / n;
    if (log)
        return std::exp(std::log(span.lower) + f * (std::log(span.upper) - std::log(span.lower)));
    return span.lower + f * span.size();
}

void SurfaceMap::draw(QCPPainter* painter)
{
    if (!mKeyAxis || !mValueAxis || mMapData->isEmpty())
        return;
    if (mMapImageInvalidated || mMapImage.isNull())
        updateMapImage();
    // The image's columns are the key cells, its top row the highest value cells.
    const QRectF rect = QRectF(coordsToPixels(m_keySpan.lower, m_valueSpan.upper), coordsToPixels(m_keySpan.upper, m_valueSpan.lower))
                            .normalized();
    if (!rect.isValid())
        return;
    const bool smooth = painter->testRenderHint(QPainter::SmoothPixmapTransform);
    painter->setRenderHint(QPainter::SmoothPixmapTransform, mInterpolate);
    painter->drawImage(rect, mMapImage.mirrored(mKeyAxis->rangeReversed(), mValueAxis->rangeReversed()));
    painter->setRenderHint(QPainter::SmoothPixmapTransform, smooth);
}

} // namespace tb::widgets
