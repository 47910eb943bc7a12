#pragma once
// CurveBundle: many polylines as one QCustomPlot plottable, cached as an image and rendered
// off the GUI thread (the learning curves and the parallel coordinates draw with it).
// Private to widgets/plots: it includes qcustomplot.h.
//
// Threading: the plottable lives in the GUI thread; full renders run on the thread pool
// from an implicitly shared snapshot of the curves.

#include "widgets/plots/render.h"

#include <QFutureWatcher>
#include <QImage>
#include <QPainter>
#include <QThread>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

namespace tb::widgets {

namespace detail {

// Premultiplied source-over of a constant colour: dst = color + dst * (255 - alpha) / 255.
inline quint32 byteMul(quint32 x, quint32 a)
{
    quint32 t = (x & 0xff00ff) * a;
    t = ((t + ((t >> 8) & 0xff00ff) + 0x800080) >> 8) & 0xff00ff;
    x = ((x >> 8) & 0xff00ff) * a;
    x = (x + ((x >> 8) & 0xff00ff) + 0x800080) & 0xff00ff00;
    return x | t;
}

// Rasterizes polylines whose x grows along the points as vertical spans, one per pixel
// column per curve: within a column only the min and max of the line matter (the
// per-pixel decimation), each pixel of a curve is blended once, and there is no per-
// segment setup as in QPainter's stroker (which takes ~10x longer for 1M short segments).
// Lines are 1 device pixel, aliased; a jump between neighbouring columns is drawn in the
// right one (at most one pixel off the exact line). Draws only into columns [begin, end),
// so that bands of one image can be rendered in parallel.
class SpanRaster {
public:
    SpanRaster(quint32* bits, qsizetype stride, int height, int begin, int end)
        : m_bits(bits), m_stride(stride), m_height(height), m_begin(begin), m_end(end)
    {
    }

    void setColor(const QColor& color, bool dashed)
    {
        const QRgb rgba = qPremultiply(color.rgba());
        m_color = rgba;
        m_inverseAlpha = 255 - qAlpha(rgba);
        m_dashed = dashed;
    }

    // `points` sorted by key; [begin, end) is drawn, in the order that makes x grow.
    void curve(const QVector<QPointF>& points, int begin, int end, const AxisMap& kx, const AxisMap& vy)
    {
        const bool forward = kx.b >= 0;
        bool havePrevious = false;
        double px = 0, py = 0;
        for (int n = begin; n < end; ++n) {
            const QPointF& p = points[forward ? n : begin + end - 1 - n];
            const double x = kx(p.x()), y = vy(p.y());
            if (!std::isfinite(x) || !std::isfinite(y)) {
                finish();
                havePrevious = false;
                continue;
            }
            if (havePrevious)
                segment(px, py, x, y);
            else if (x >= m_begin - 1 && x <= m_end + 1)
                extend(column(x), y, y);
            px = x;
            py = y;
            havePrevious = true;
        }
        finish();
    }

private:
    static constexpr int kDash = 5; // pixels on, then off, for dashed curves

    static long column(double x) { return static_cast<long>(x + 1e6) - 1000000; } // floor for x > -1e6

    void segment(double x0, double y0, double x1, double y1)
    {
        const double left = m_begin - 1, right = m_end + 1;
        if (x1 < left || x0 > right) {
            finish();
            return;
        }
        if (x0 < left) {
            y0 += (y1 - y0) * (left - x0) / (x1 - x0);
            x0 = left;
        }
        if (x1 > right) {
            y1 = y0 + (y1 - y0) * (right - x0) / (x1 - x0);
            x1 = right;
        }
        const long c0 = column(x0), c1 = column(x1);
        if (c1 - c0 <= 1) {
            extend(c1, y0, y1);
            return;
        }
        const double slope = (y1 - y0) / (x1 - x0);
        double ya = y0, yb = y0 + slope * (c0 + 1 - x0);
        extend(c0, ya, yb);
        for (long c = c0 + 1; c < c1; ++c) {
            ya = yb;
            yb += slope;
            extend(c, ya, yb);
        }
        extend(c1, yb, y1);
    }

    void extend(long c, double a, double b)
    {
        if (c != m_column.index) {
            flush();
            m_column.start(c, c, a, b);
        } else {
            m_column.widen(c, a, b);
        }
    }

    void finish()
    {
        flush();
        m_column = {};
    }

    void flush()
    {
        const long c = m_column.index;
        if (!m_column.open() || c < m_begin || c >= m_end || m_column.high < 0 || m_column.low >= m_height)
            return;
        if (m_dashed && (c / kDash) % 2)
            return;
        const int y0 = m_column.low <= 0 ? 0 : static_cast<int>(m_column.low);
        const int y1 = m_column.high >= m_height ? m_height - 1 : static_cast<int>(m_column.high);
        quint32* p = m_bits + y0 * m_stride + c;
        for (int y = y0; y <= y1; ++y, p += m_stride)
            *p = m_color + byteMul(*p, m_inverseAlpha);
    }

    quint32* m_bits;
    qsizetype m_stride;
    int m_height;
    int m_begin, m_end;
    quint32 m_color = 0, m_inverseAlpha = 255;
    bool m_dashed = false;
    PixelColumn m_column; // the column being collected
};

// Strokes one curve with the painter's pen, decimated per pixel column and clipped to the
// visible keys.
inline void strokeCurve(QPainter* painter, const QVector<QPointF>& points, const QCPRange& keys, const AxisMap& kx,
                        const AxisMap& vy, double left, double right)
{
    const auto [begin, end] = visibleSpan(points, keys);
    constexpr double kFar = 1e6; // keeps coordinates inside what the raster engine handles
    DecimatedLine line(painter, left, right);
    for (int i = begin; i < end; ++i) {
        const double x = kx(points[i].x()), y = vy(points[i].y());
        if (!std::isfinite(x) || !std::isfinite(y))
            line.breakLine();
        else
            line.add(QPointF(std::clamp(x, -kFar, kFar), std::clamp(y, -kFar, kFar)));
    }
}

} // namespace detail

// Many polylines (sorted by key) as one plottable. Two uses:
// - cached: curves that change rarely (finished trials; the highlighted best and selected
//   ones). They are rendered into an image of the axis rect that every replot blits until
//   the view, the size or the curves change. Curves appended since (trials that finished)
//   are drawn onto it right away, one curve at a time. A full render (zoom, pan, resize, a
//   new set of curves) runs on the thread pool from a snapshot of the curves (implicitly
//   shared, so no copy), while replots show the previous image moved and scaled to the
//   new view; the new image replaces it when ready and asks for a replot. So the GUI thread
//   never waits for a render. Sets of more than rasterAbove() points render through
//   SpanRaster, in bands of columns in parallel; smaller ones through an antialiased
//   QPainter with the curves' pens, which looks better and is fast enough there.
// - live: the few curves that change all the time (running trials), stroked with their
//   pens on every replot; thin pens keep that on QPainter's fast path (a 1000-point
//   polyline costs about 0.1 ms at width 1 and 3-4 ms at width 1.5 or more).
// Exports do not use the cache: raster exports render at their own scale, vector exports
// (PDF, SVG) get lines when the set is small and an embedded image at 2x otherwise.
//
// Why this design (measured with bench/bench_plots.cpp, 1000 curves x 1000 points, on the
// 2-core development VM): one QCPGraph per trial strokes 1M segments with QPainter on
// every replot, 130-220 ms of CPU each. A QCPLayer in lmBuffered mode only helps
// QCPLayer::replot(), while every QCustomPlot::replot() (axes, the 30 Hz refresh) redraws
// all layers. Caching inside the plottable makes the common replot (a running trial got a
// point) about 3 ms, 1-2 ms over an empty plot; SpanRaster renders the 1M points several
// times faster than QPainter, and rendering off the GUI thread keeps a zoom or a pan at
// about 5 ms of GUI-thread time while the new image takes 50-100 ms in the background.
class CurveBundle : public QCPAbstractPlottable {
public:
    struct Curve {
        QVector<QPointF> points; // sorted by key
        QPen pen;
    };
    static constexpr qsizetype kVectorPointLimit = 50000;

    CurveBundle(QCPAxis* keyAxis, QCPAxis* valueAxis, bool cached) : QCPAbstractPlottable(keyAxis, valueAxis), m_cached(cached)
    {
        setSelectable(QCP::stNone);
        setAntialiased(true);
        QObject::connect(&m_job, &QFutureWatcher<QImage>::finished, this, [this] {
            if (!m_jobRunning)
                return; // finishRendering() took the result already
            adoptJob();
            if (mParentPlot)
                mParentPlot->replot(QCustomPlot::rpQueuedReplot);
        });
    }

    // Above this many points a cached bundle renders with SpanRaster (1-pixel lines).
    void setRasterAbove(qsizetype points)
    {
        m_rasterAbove = points;
        ++m_generation;
    }

    void setCurves(QVector<Curve> curves)
    {
        m_curves = std::move(curves);
        m_pointCount = 0;
        m_hasRange = false;
        for (const Curve& c : std::as_const(m_curves))
            addBounds(c);
        ++m_generation;
    }

    // Adds curves on top; a cached image gets just these drawn onto it.
    void appendCurves(const QVector<Curve>& curves)
    {
        for (const Curve& c : curves) {
            m_curves.append(c);
            addBounds(c);
        }
    }

    // Forgets the cached image, so that replots show nothing (rather than a preview of
    // unrelated curves) until the next render is ready: a new experiment.
    void discardImage()
    {
        m_cache = QImage();
        m_rendered = 0;
    }

    bool isRendering() const { return m_jobRunning; }

    // Waits for a pending render, or renders now, so that the next replot shows the final
    // image. Returns whether the image changed (tests, benchmarks, refreshNow()).
    bool finishRendering()
    {
        if (!m_cached || !m_wanted)
            return false;
        bool changed = false;
        if (m_jobRunning) {
            m_job.waitForFinished();
            adoptJob();
            changed = true;
        }
        if (m_cache.isNull() || !(m_cacheKey == *m_wanted)) {
            m_cache = renderImage(m_curves, 0, static_cast<int>(m_curves.size()), *m_wanted, QImage());
            m_cacheKey = *m_wanted;
            m_rendered = m_curves.size();
            changed = true;
        }
        return changed;
    }

    double selectTest(const QPointF&, bool, QVariant*) const override { return -1; }

    QCPRange getKeyRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth) const override
    {
        if (inSignDomain == QCP::sdBoth) {
            foundRange = m_hasRange;
            return m_keyRange;
        }
        return scanRange(foundRange, inSignDomain, true);
    }

    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange& = QCPRange()) const override
    {
        if (inSignDomain == QCP::sdBoth) {
            foundRange = m_hasRange;
            return m_valueRange;
        }
        return scanRange(foundRange, inSignDomain, false);
    }

protected:
    void draw(QCPPainter* painter) override
    {
        if (!mKeyAxis || !mValueAxis)
            return;
        const QRect rect = clipRect();
        if (rect.isEmpty())
            return;
        const bool vectorized = painter->modes().testFlag(QCPPainter::pmVectorized);
        if (!m_cached || (vectorized && m_pointCount <= kVectorPointLimit)) {
            applyDefaultAntialiasingHint(painter);
            const AxisMap kx = AxisMap::of(mKeyAxis, 0, 1), vy = AxisMap::of(mValueAxis, 0, 1);
            strokeCurves(painter, m_curves, 0, static_cast<int>(m_curves.size()), kx, vy, rect.left(), rect.right() + 1);
            return;
        }
        if (m_curves.isEmpty())
            return;
        const double deviceRatio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        const bool onScreen = !painter->modes().testFlag(QCPPainter::pmNoCaching) &&
                              painter->transform().type() <= QTransform::TxTranslate;
        if (!onScreen) { // an export: render at its scale, synchronously
            const double scale = vectorized ? 2.0 : deviceRatio * std::max(1.0, painter->transform().m11());
            const QImage image = renderImage(m_curves, 0, static_cast<int>(m_curves.size()), keyFor(rect, scale), QImage());
            painter->drawImage(QRectF(rect), image);
            return;
        }
        const RenderKey key = keyFor(rect, deviceRatio);
        m_wanted = key;
        if (!m_cache.isNull() && m_cacheKey == key) {
            if (m_rendered < m_curves.size()) {
                m_cache = renderImage(m_curves, static_cast<int>(m_rendered), static_cast<int>(m_curves.size()), key, std::move(m_cache));
                m_rendered = m_curves.size();
            }
            painter->drawImage(QRectF(rect), m_cache);
            return;
        }
        if (!m_jobRunning)
            startJob(key);
        drawPreview(painter, key);
    }

    void drawLegendIcon(QCPPainter*, const QRectF&) const override {}

private:
    // What a cached image shows: the view (axis maps in device pixels relative to the
    // axis rect), its size and the set of curves.
    struct RenderKey {
        AxisMap kx, vy;
        QRect rect; // the axis rect, widget pixels
        double ratio = 1;
        quint64 generation = 0;
        bool raster = false;
        bool operator==(const RenderKey& o) const
        {
            return kx == o.kx && vy == o.vy && rect.size() == o.rect.size() && ratio == o.ratio &&
                   generation == o.generation && raster == o.raster;
        }
    };

    RenderKey keyFor(const QRect& rect, double ratio) const
    {
        RenderKey key;
        key.kx = AxisMap::of(mKeyAxis, rect.left(), ratio);
        key.vy = AxisMap::of(mValueAxis, rect.top(), ratio);
        key.rect = rect;
        key.ratio = ratio;
        key.generation = m_generation;
        key.raster = m_pointCount > m_rasterAbove;
        return key;
    }

    void startJob(const RenderKey& key)
    {
        m_jobKey = key;
        m_jobCount = m_curves.size();
        m_jobRunning = true;
        // The job holds copies only (the curves are implicitly shared): if the plot goes
        // away first, the job just finishes unobserved.
        m_job.setFuture(QtConcurrent::run([curves = m_curves, key] {
            return renderImage(curves, 0, static_cast<int>(curves.size()), key, QImage());
        }));
    }

    // Takes the finished job's image as the cache, even when the view moved on meanwhile:
    // it is then the closest preview, and the next replot starts the next job.
    void adoptJob()
    {
        m_jobRunning = false;
        m_cache = m_job.result();
        m_cacheKey = m_jobKey;
        m_rendered = m_jobCount;
    }

    // Shows the cached image mapped onto the current view until the new one is ready.
    void drawPreview(QCPPainter* painter, const RenderKey& key) const
    {
        if (m_cache.isNull() || key.kx.log != m_cacheKey.kx.log || key.vy.log != m_cacheKey.vy.log)
            return;
        // Both maps are affine in (log) data coordinates: new pixel = s * old pixel + t.
        const double sx = key.kx.b / m_cacheKey.kx.b, sy = key.vy.b / m_cacheKey.vy.b;
        if (!(sx > 0) || !(sy > 0) || !std::isfinite(sx) || !std::isfinite(sy))
            return;
        const double tx = key.kx.a - sx * m_cacheKey.kx.a, ty = key.vy.a - sy * m_cacheKey.vy.a;
        const double r = key.ratio;
        const QRectF target(key.rect.left() + tx / r, key.rect.top() + ty / r, m_cache.width() * sx / r, m_cache.height() * sy / r);
        painter->drawImage(target, m_cache);
    }

    // Draws curves [from, to) onto `image` (a new transparent one when null) for `key`.
    // Runs on any thread: it reads only its arguments.
    static QImage renderImage(const QVector<Curve>& curves, int from, int to, const RenderKey& key, QImage image)
    {
        const QSize pixels = key.rect.size() * key.ratio;
        if (image.isNull()) {
            image = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
        }
        if (!key.raster) {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.scale(key.ratio, key.ratio);
            const double toLogical = 1 / key.ratio;
            strokeCurves(&painter, curves, from, to, key.kx.scaled(toLogical), key.vy.scaled(toLogical), 0, key.rect.width());
            return image;
        }
        quint32* bits = reinterpret_cast<quint32*>(image.bits());
        const qsizetype stride = image.bytesPerLine() / 4;
        const int width = image.width(), height = image.height();
        qsizetype points = 0;
        for (int i = from; i < to; ++i)
            points += curves[i].points.size();
        // Bands of columns are independent: each one reads every curve but writes only its
        // own pixels. One core stays for the GUI thread, which keeps replotting previews.
        // The calling thread takes part, so a busy pool only costs speed.
        const int bands = points < 100000 ? 1 : std::clamp(QThread::idealThreadCount() - 1, 1, 8);
        auto renderBand = [&](int band) {
            const int begin = width * band / bands, end = width * (band + 1) / bands;
            double k0 = key.kx.inverse(begin - 1), k1 = key.kx.inverse(end + 1);
            if (k0 > k1)
                std::swap(k0, k1);
            const QCPRange keys(k0, k1);
            detail::SpanRaster raster(bits, stride, height, begin, end);
            for (int i = from; i < to; ++i) {
                const Curve& c = curves[i];
                raster.setColor(c.pen.color(), c.pen.style() != Qt::SolidLine);
                const auto [first, last] = visibleSpan(c.points, keys);
                raster.curve(c.points, first, last, key.kx, key.vy);
            }
        };
        if (bands == 1) {
            renderBand(0);
        } else {
            QVector<int> indices(bands);
            std::iota(indices.begin(), indices.end(), 0);
            QtConcurrent::blockingMap(indices, [&renderBand](int band) { renderBand(band); });
        }
        return image;
    }

    // Strokes curves [from, to) with their pens; columns outside [left, right) are clipped.
    static void strokeCurves(QPainter* painter, const QVector<Curve>& curves, int from, int to, const AxisMap& kx,
                             const AxisMap& vy, double left, double right)
    {
        double k0 = kx.inverse(left - 1), k1 = kx.inverse(right + 1);
        if (k0 > k1)
            std::swap(k0, k1);
        const QCPRange keys(k0, k1);
        for (int i = from; i < to; ++i) {
            painter->setPen(curves[i].pen);
            detail::strokeCurve(painter, curves[i].points, keys, kx, vy, left, right);
        }
    }

    void addBounds(const Curve& c)
    {
        m_pointCount += c.points.size();
        if (c.points.isEmpty())
            return;
        if (!m_hasRange) {
            m_keyRange = QCPRange(c.points.first().x(), c.points.first().x());
            m_valueRange = QCPRange(qQNaN(), qQNaN());
        }
        m_keyRange.expand(QCPRange(c.points.first().x(), c.points.last().x()));
        for (const QPointF& p : c.points) {
            if (!std::isfinite(p.y()))
                continue;
            if (std::isnan(m_valueRange.lower)) {
                m_valueRange = QCPRange(p.y(), p.y());
            } else {
                m_valueRange.lower = std::min(m_valueRange.lower, p.y());
                m_valueRange.upper = std::max(m_valueRange.upper, p.y());
            }
        }
        m_hasRange = !std::isnan(m_valueRange.lower);
    }

    QCPRange scanRange(bool& found, QCP::SignDomain domain, bool keys) const
    {
        QCPRange range;
        found = false;
        for (const Curve& c : m_curves) {
            for (const QPointF& p : c.points) {
                const double v = keys ? p.x() : p.y();
                if (!std::isfinite(v) || (domain == QCP::sdPositive && v <= 0) || (domain == QCP::sdNegative && v >= 0))
                    continue;
                if (!found)
                    range = QCPRange(v, v);
                range.expand(v);
                found = true;
            }
        }
        return range;
    }

    QVector<Curve> m_curves;
    const bool m_cached;
    qsizetype m_rasterAbove = 20000;
    qsizetype m_pointCount = 0;
    quint64 m_generation = 0; // bumped whenever the curves are replaced
    bool m_hasRange = false;
    QCPRange m_keyRange, m_valueRange;

    // Cached mode: the image, what it shows, and the render in flight.
    QImage m_cache;
    RenderKey m_cacheKey;
    qsizetype m_rendered = 0; // curves [0, m_rendered) are in m_cache
    std::optional<RenderKey> m_wanted; // what the last replot asked for
    QFutureWatcher<QImage> m_job;
    RenderKey m_jobKey;
    qsizetype m_jobCount = 0;
    bool m_jobRunning = false;
};

} // namespace tb::widgets
