#include "widgets/plots/plots.h"

#include "widgets/models/experiment_data.h"

#include <QFutureWatcher>
#include <QJsonValue>
#include <QPainter>
#include <QThread>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <qcustomplot.h>

namespace tb::widgets {

namespace {

const QColor kCompletedColor(31, 119, 180);
const QColor kPrunedColor(140, 140, 140);
const QColor kFailedColor(214, 39, 40);
const QColor kAccentColor(255, 127, 14); // the best trial
const QColor kSelectedColor(20, 20, 20);

constexpr double kHitRadius = 6; // pixels around the cursor that count as "on" an element

CurveRole roleFor(algorithms::TrialState state)
{
    switch (state) {
    case algorithms::TrialState::Completed: return CurveRole::Completed;
    case algorithms::TrialState::Pruned: return CurveRole::Pruned;
    case algorithms::TrialState::Failed: return CurveRole::Failed;
    case algorithms::TrialState::Queued:
    case algorithms::TrialState::Running: break;
    }
    return CurveRole::Running;
}

QString trialName(qint64 id, qint64 number)
{
    return PlotPanel::tr("trial %1 (#%2)").arg(id).arg(number);
}

QString objectiveLabel(const ExperimentData* data)
{
    const QString name = data ? data->objectiveName() : QString();
    return name.isEmpty() ? PlotPanel::tr("objective") : name;
}

QString formatNumber(double v)
{
    return QString::number(v, 'g', 4);
}

// Smallest "nice" number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten) >= x,
// so that a growing axis changes its range (and re-renders the cache) only now and then.
double niceCeil(double x)
{
    if (!(x > 0))
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(x)));
    for (double f : {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0})
        if (f * magnitude >= x * (1 - 1e-12))
            return f * magnitude;
    return 10 * magnitude;
}

// Pads a data range for display; a single value gets a range around it.
QCPRange padded(QCPRange r, double fraction = 0.05)
{
    double pad = (r.upper - r.lower) * fraction;
    if (!(pad > 0))
        pad = r.lower != 0 ? std::abs(r.lower) * 0.1 : 0.5;
    return QCPRange(r.lower - pad, r.upper + pad);
}

double distanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b)
{
    const QPointF ab = b - a;
    const double len2 = QPointF::dotProduct(ab, ab);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

// The points of `points` (sorted by key) that can touch [range.lower, range.upper]: the
// points inside plus one neighbour on each side, as [begin, end).
std::pair<int, int> visibleSpan(const QVector<QPointF>& points, const QCPRange& range)
{
    const auto less = [](const QPointF& p, double k) { return p.x() < k; };
    const auto greater = [](double k, const QPointF& p) { return k < p.x(); };
    int begin = static_cast<int>(std::lower_bound(points.begin(), points.end(), range.lower, less) - points.begin());
    int end = static_cast<int>(std::upper_bound(points.begin(), points.end(), range.upper, greater) - points.begin());
    if (begin > 0)
        --begin;
    if (end < points.size())
        ++end;
    return {begin, end};
}

QVector<QPointF> sortedByKey(const QVector<QPointF>& points)
{
    const auto byKey = [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); };
    if (std::is_sorted(points.begin(), points.end(), byKey))
        return points; // shares the data (implicit sharing), no copy
    QVector<QPointF> sorted = points;
    std::stable_sort(sorted.begin(), sorted.end(), byKey);
    return sorted;
}

// Data coordinate -> pixel, the same as QCPAxis::coordToPixel() but inlinable, relative
// to `origin` and scaled to device pixels (hot loops call it a million times).
struct AxisMap {
    double a = 0, b = 0;
    bool log = false;

    static AxisMap of(const QCPAxis* axis, double origin, double scale)
    {
        AxisMap m;
        const QCPRange r = axis->range();
        m.log = axis->scaleType() == QCPAxis::stLogarithmic;
        const double t0 = m.log ? std::log(r.lower) : r.lower;
        const double t1 = m.log ? std::log(r.upper) : r.upper;
        const double p0 = axis->coordToPixel(r.lower), p1 = axis->coordToPixel(r.upper);
        m.b = t1 != t0 ? (p1 - p0) / (t1 - t0) * scale : 0;
        m.a = (p0 - origin) * scale - m.b * t0;
        return m;
    }
    double operator()(double v) const { return a + b * (log ? std::log(v) : v); }
    double inverse(double pixel) const { return log ? std::exp((pixel - a) / b) : (pixel - a) / b; }
    AxisMap scaled(double f) const { return {a * f, b * f, log}; }
    bool operator==(const AxisMap& o) const { return a == o.a && b == o.b && log == o.log; }
};

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
    static constexpr int kNone = std::numeric_limits<int>::min();
    static constexpr int kDash = 5; // pixels on, then off, for dashed curves

    static int column(double x) { return static_cast<int>(x + 1e6) - 1000000; } // floor for x > -1e6

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
        const int c0 = column(x0), c1 = column(x1);
        if (c1 - c0 <= 1) {
            extend(c1, y0, y1);
            return;
        }
        const double slope = (y1 - y0) / (x1 - x0);
        double ya = y0, yb = y0 + slope * (c0 + 1 - x0);
        extend(c0, ya, yb);
        for (int c = c0 + 1; c < c1; ++c) {
            ya = yb;
            yb += slope;
            extend(c, ya, yb);
        }
        extend(c1, yb, y1);
    }

    void extend(int c, double a, double b)
    {
        if (a > b)
            std::swap(a, b);
        if (c != m_column) {
            flush();
            m_column = c;
            m_low = a;
            m_high = b;
        } else {
            m_low = std::min(m_low, a);
            m_high = std::max(m_high, b);
        }
    }

    void finish()
    {
        flush();
        m_column = kNone;
    }

    void flush()
    {
        const int c = m_column;
        if (c < m_begin || c >= m_end || m_high < 0 || m_low >= m_height)
            return;
        if (m_dashed && (c / kDash) % 2)
            return;
        const int y0 = m_low <= 0 ? 0 : static_cast<int>(m_low);
        const int y1 = m_high >= m_height ? m_height - 1 : static_cast<int>(m_high);
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
    int m_column = kNone;
    double m_low = 0, m_high = 0;
};

// Strokes one curve with the painter's pen, decimated to at most four points per pixel
// column (first, min, max, last) and clipped to the visible keys.
void strokeCurve(QPainter* painter, const QVector<QPointF>& points, const QCPRange& keys, const AxisMap& kx,
                 const AxisMap& vy, double left, double right)
{
    const auto [begin, end] = visibleSpan(points, keys);
    constexpr double kFar = 1e6; // keeps coordinates inside what the raster engine handles
    QPolygonF line;
    int column = std::numeric_limits<int>::min();
    QPointF first, last;
    double low = 0, high = 0;
    int inColumn = 0;
    auto emitColumn = [&] {
        if (inColumn == 0)
            return;
        line << first;
        if (inColumn > 2)
            line << QPointF(first.x(), low) << QPointF(first.x(), high);
        if (inColumn > 1)
            line << last;
        inColumn = 0;
    };
    auto clipEnd = [left, right](QPointF& outer, const QPointF& inner) {
        const double bound = outer.x() < left ? left - 1 : outer.x() > right ? right + 1 : outer.x();
        if (bound != outer.x() && inner.x() != outer.x()) {
            const double t = (bound - inner.x()) / (outer.x() - inner.x());
            outer = QPointF(bound, inner.y() + t * (outer.y() - inner.y()));
        }
    };
    auto stroke = [&] {
        emitColumn();
        if (line.size() >= 2) {
            clipEnd(line.first(), line[1]);
            clipEnd(line.last(), line[line.size() - 2]);
            painter->drawPolyline(line);
        } else if (line.size() == 1) {
            painter->drawPoint(line.first());
        }
        line.clear();
        column = std::numeric_limits<int>::min();
    };
    for (int i = begin; i < end; ++i) {
        const double x = kx(points[i].x()), y = vy(points[i].y());
        if (!std::isfinite(x) || !std::isfinite(y)) {
            stroke();
            continue;
        }
        const QPointF p(std::clamp(x, -kFar, kFar), std::clamp(y, -kFar, kFar));
        const int c = static_cast<int>(std::floor(p.x()));
        if (c != column) {
            emitColumn();
            column = c;
            first = last = p;
            low = high = p.y();
            inColumn = 1;
        } else {
            low = std::min(low, p.y());
            high = std::max(high, p.y());
            last = p;
            ++inColumn;
        }
    }
    stroke();
}

} // namespace

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
            SpanRaster raster(bits, stride, height, begin, end);
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
            strokeCurve(painter, curves[i].points, keys, kx, vy, left, right);
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

// ----------------------------------------------------------------------------------------
// LearningCurvesPlot

LearningCurvesPlot::LearningCurvesPlot(ExperimentData* data, QWidget* parent)
    : PlotPanel(data, parent), m_bulk(new CurveBundle(plot()->xAxis, plot()->yAxis, true)),
      m_live(new CurveBundle(plot()->xAxis, plot()->yAxis, false)),
      m_highlight(new CurveBundle(plot()->xAxis, plot()->yAxis, true))
{
    // Two curves at most, decimated to a few points per pixel column: always antialiased.
    m_highlight->setRasterAbove(std::numeric_limits<qsizetype>::max());
    setObjectName(QStringLiteral("learning-curves"));
    setWindowTitle(tr("Learning curves"));
    plot()->xAxis->setLabel(tr("step"));
    plot()->yAxis->setLabel(objectiveLabel(data));
    connect(data, &ExperimentData::experimentReset, this, [this] {
        m_reset = true;
        m_bulk->discardImage();
        m_highlight->discardImage();
        markDirty();
    });
    connect(data, &ExperimentData::curvesChanged, this, [this](const QSet<qint64>& ids) {
        m_changed.unite(ids);
        markDirty();
    });
    connect(data, &ExperimentData::trialsChanged, this, &LearningCurvesPlot::markDirty);
    connect(data, &ExperimentData::selectionChanged, this, &LearningCurvesPlot::markDirty);
    markDirty();
}

QVector<QPointF> LearningCurvesPlot::pointsOf(qint64 trialId) const
{
    const auto it = m_curves.constFind(trialId);
    return it == m_curves.constEnd() ? QVector<QPointF>() : it->points;
}

std::optional<CurveRole> LearningCurvesPlot::roleOf(qint64 trialId) const
{
    const auto it = m_curves.constFind(trialId);
    if (it == m_curves.constEnd())
        return std::nullopt;
    return it->role;
}

void LearningCurvesPlot::rebuild()
{
    const ExperimentData* d = data();
    bool full = false;
    if (m_reset) {
        m_reset = false;
        m_curves.clear();
        m_bulkOrder.clear();
        m_changed.clear();
        full = true;
        plot()->yAxis->setLabel(objectiveLabel(d));
    }
    const QSet<qint64> changed = std::exchange(m_changed, {});
    QVector<qint64> finished; // newly finished, in trial order
    qsizetype finishedCount = 0;
    for (const TrialView& t : d->trials()) {
        const qint64 id = t.row.id;
        auto it = m_curves.find(id);
        if (t.curve.isEmpty()) {
            if (it != m_curves.end()) {
                full = full || it->inBulk; // a restarted trial leaves the finished layer
                m_curves.erase(it);
            }
            continue;
        }
        if (it == m_curves.end())
            it = m_curves.insert(id, Curve());
        Curve& c = *it;
        const bool pointsChanged = changed.contains(id) || c.points.isEmpty();
        if (pointsChanged)
            c.points = sortedByKey(t.curve);
        c.number = t.row.number;
        const CurveRole role = roleFor(t.row.state);
        if (c.inBulk && (role != c.role || pointsChanged))
            full = true;
        c.role = role;
        if (role != CurveRole::Running) {
            ++finishedCount;
            if (!c.inBulk)
                finished << id;
        }
    }
    // Fewer curves are drawn more opaque; buckets keep the alpha (and the cache) stable
    // as trials finish.
    const int alpha = finishedCount <= 16 ? 220 : finishedCount <= 64 ? 140 : finishedCount <= 256 ? 80 : finishedCount <= 1024 ? 40 : 25;
    if (alpha != m_bulkAlpha) {
        m_bulkAlpha = alpha;
        full = true;
    }
    rebuildBulk(full, finished);
    rebuildLive(full ? QSet<qint64>(m_curves.keyBegin(), m_curves.keyEnd()) : changed);
}

void LearningCurvesPlot::rebuildBulk(bool full, const QVector<qint64>& added)
{
    auto curveOf = [this](qint64 id) {
        const Curve& c = m_curves[id];
        QColor color = c.role == CurveRole::Pruned ? kPrunedColor : c.role == CurveRole::Failed ? kFailedColor : kCompletedColor;
        color.setAlpha(c.role == CurveRole::Pruned ? m_bulkAlpha * 2 / 3 : m_bulkAlpha);
        QPen pen(color, c.role == CurveRole::Completed ? 1.2 : 1.0);
        if (c.role == CurveRole::Failed)
            pen.setStyle(Qt::DashLine);
        return CurveBundle::Curve{c.points, pen};
    };
    if (!full) {
        if (added.isEmpty())
            return;
        QVector<CurveBundle::Curve> curves;
        for (qint64 id : added) {
            m_curves[id].inBulk = true;
            m_bulkOrder << id;
            curves << curveOf(id);
        }
        m_bulk->appendCurves(curves);
        return;
    }
    // Keep the drawing order of what stays; newly finished trials go on top.
    QVector<qint64> order;
    QSet<qint64> placed;
    for (qint64 id : std::as_const(m_bulkOrder) + added) {
        const auto it = m_curves.constFind(id);
        if (it == m_curves.constEnd() || it->role == CurveRole::Running || placed.contains(id))
            continue;
        placed.insert(id);
        order << id;
    }
    for (auto it = m_curves.begin(); it != m_curves.end(); ++it)
        it->inBulk = placed.contains(it.key());
    m_bulkOrder = order;
    QVector<CurveBundle::Curve> curves;
    curves.reserve(order.size());
    for (qint64 id : std::as_const(order))
        curves << curveOf(id);
    m_bulk->setCurves(std::move(curves));
}

void LearningCurvesPlot::rebuildLive(const QSet<qint64>& changed)
{
    const ExperimentData* d = data();
    std::optional<qint64> best = d->bestTrial();
    if (best && !m_curves.contains(*best))
        best.reset();
    const qint64 selected = m_curves.contains(d->selectedTrial()) ? d->selectedTrial() : -1;

    // Running trials change every tick: thin pens, stroked live. (The selected one is
    // emphasised there too while it runs.)
    m_liveOrder.clear();
    QVector<CurveBundle::Curve> curves;
    for (const TrialView& t : d->trials()) {
        const auto it = m_curves.constFind(t.row.id);
        if (it != m_curves.constEnd() && it->role == CurveRole::Running && t.row.id != selected) {
            m_liveOrder << t.row.id;
            curves << CurveBundle::Curve{it->points, QPen(kCompletedColor, 1)};
        }
    }
    const bool selectedRuns = selected >= 0 && m_curves[selected].role == CurveRole::Running;
    if (selectedRuns) {
        m_liveOrder << selected;
        curves << CurveBundle::Curve{m_curves[selected].points, QPen(kSelectedColor, 2)};
    }
    m_live->setCurves(std::move(curves));
    if (best)
        m_liveOrder << *best;
    if (selected >= 0 && !selectedRuns)
        m_liveOrder << selected;

    // The highlights change when a better trial completes or the selection moves; their
    // cached image is kept otherwise.
    const qint64 selectedHighlight = selectedRuns ? -1 : selected;
    const bool same = best == m_best && selectedHighlight == m_selectedHighlight &&
                      !(best && changed.contains(*best)) && !changed.contains(selectedHighlight);
    m_best = best;
    m_selected = selected;
    m_selectedHighlight = selectedHighlight;
    if (same)
        return;
    QVector<CurveBundle::Curve> highlights;
    if (m_best)
        highlights << CurveBundle::Curve{m_curves[*m_best].points, QPen(kAccentColor, 3)};
    if (m_selectedHighlight >= 0)
        highlights << CurveBundle::Curve{m_curves[m_selectedHighlight].points, QPen(kSelectedColor, 2)};
    m_highlight->setCurves(std::move(highlights));
}

bool LearningCurvesPlot::isRendering() const
{
    return m_bulk->isRendering() || m_highlight->isRendering();
}

bool LearningCurvesPlot::finishRendering()
{
    const bool bulk = m_bulk->finishRendering();
    const bool highlight = m_highlight->finishRendering();
    return bulk || highlight;
}

void LearningCurvesPlot::fitView(bool exact)
{
    bool foundBulk = false, foundLive = false;
    QCPRange keys = m_bulk->getKeyRange(foundBulk);
    QCPRange values = m_bulk->getValueRange(foundBulk);
    const QCPRange liveKeys = m_live->getKeyRange(foundLive);
    const QCPRange liveValues = m_live->getValueRange(foundLive);
    if (!foundBulk && !foundLive) {
        plot()->xAxis->setRange(0, 10);
        plot()->yAxis->setRange(0, 1);
        return;
    }
    if (!foundBulk) {
        keys = liveKeys;
        values = liveValues;
    } else if (foundLive) {
        keys.expand(liveKeys);
        values.expand(liveValues);
    }
    plot()->xAxis->setRange(std::min(0.0, keys.lower), niceCeil(keys.upper));
    // Keep the value range while the data fits it well: every change of the view
    // re-renders the finished curves, and running trials nudge their extremes all the time.
    const QCPRange now = plot()->yAxis->range();
    const bool fits = now.lower <= values.lower && now.upper >= values.upper && now.size() <= 1.5 * padded(values).size();
    if (exact || !fits)
        plot()->yAxis->setRange(padded(values, exact ? 0.05 : 0.08));
}

std::optional<PlotPanel::Hit> LearningCurvesPlot::hitAt(const QPointF& pos) const
{
    const QCPAxis* xAxis = plot()->xAxis;
    const QCPAxis* yAxis = plot()->yAxis;
    if (!plot()->axisRect()->rect().contains(pos.toPoint()))
        return std::nullopt;
    double k0 = xAxis->pixelToCoord(pos.x() - kHitRadius), k1 = xAxis->pixelToCoord(pos.x() + kHitRadius);
    if (k0 > k1)
        std::swap(k0, k1);
    const QCPRange near(k0, k1);

    double bestDistance = kHitRadius;
    qint64 bestId = -1;
    QPointF bestPoint;
    auto consider = [&](qint64 id) {
        const Curve& c = m_curves[id];
        const auto [begin, end] = visibleSpan(c.points, near);
        QPointF previous;
        for (int i = begin; i < end; ++i) {
            const QPointF& p = c.points[i];
            const QPointF pixel(xAxis->coordToPixel(p.x()), yAxis->coordToPixel(p.y()));
            if (!std::isfinite(pixel.y()))
                continue;
            const double d = i > begin ? distanceToSegment(pos, previous, pixel) : std::hypot(pos.x() - pixel.x(), pos.y() - pixel.y());
            if (d < bestDistance) {
                bestDistance = d;
                bestId = id;
                // Name the data point nearest to the cursor on this segment.
                const bool nearer = i == begin || std::hypot(pos.x() - pixel.x(), pos.y() - pixel.y()) <
                                                      std::hypot(pos.x() - previous.x(), pos.y() - previous.y());
                bestPoint = nearer ? p : c.points[i - 1];
            }
            previous = pixel;
        }
    };
    // Top-most first: a tie goes to what is drawn on top.
    for (auto it = m_liveOrder.crbegin(); it != m_liveOrder.crend(); ++it)
        consider(*it);
    for (auto it = m_bulkOrder.crbegin(); it != m_bulkOrder.crend(); ++it)
        consider(*it);
    if (bestId < 0)
        return std::nullopt;
    const QString text = tr("%1: %2 %3 at step %4")
                             .arg(trialName(bestId, m_curves[bestId].number), objectiveLabel(data()),
                                  formatNumber(bestPoint.y()))
                             .arg(static_cast<qint64>(bestPoint.x()));
    return Hit{bestId, text};
}

// ----------------------------------------------------------------------------------------
// HistoryPlot

HistoryPlot::HistoryPlot(ExperimentData* data, QWidget* parent)
    : PlotPanel(data, parent), m_bestGraph(new QCPGraph(plot()->xAxis, plot()->yAxis)), m_selectedGraph(nullptr)
{
    setObjectName(QStringLiteral("history"));
    setWindowTitle(tr("Optimization history"));
    plot()->xAxis->setLabel(tr("trial number"));
    plot()->yAxis->setLabel(objectiveLabel(data));

    m_bestGraph->setLineStyle(QCPGraph::lsStepLeft);
    m_bestGraph->setPen(QPen(kAccentColor, 2));
    m_bestGraph->setName(tr("best so far"));
    const struct {
        CurveRole role;
        QColor color;
        QCPScatterStyle::ScatterShape shape;
    } styles[] = {
        {CurveRole::Pruned, kPrunedColor, QCPScatterStyle::ssDisc},
        {CurveRole::Failed, kFailedColor, QCPScatterStyle::ssCross},
        {CurveRole::Completed, kCompletedColor, QCPScatterStyle::ssDisc},
    };
    for (const auto& s : styles) {
        auto* graph = new QCPGraph(plot()->xAxis, plot()->yAxis);
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setScatterStyle(QCPScatterStyle(s.shape, s.color, s.color, 6));
        m_graphs[static_cast<int>(s.role)] = graph;
    }
    m_selectedGraph = new QCPGraph(plot()->xAxis, plot()->yAxis); // created last: drawn on top
    m_selectedGraph->setLineStyle(QCPGraph::lsNone);
    m_selectedGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(kSelectedColor, 2), Qt::NoBrush, 12));

    connect(data, &ExperimentData::experimentReset, this, [this] {
        plot()->yAxis->setLabel(objectiveLabel(this->data()));
        markDirty();
    });
    connect(data, &ExperimentData::trialsChanged, this, &HistoryPlot::markDirty);
    connect(data, &ExperimentData::selectionChanged, this, &HistoryPlot::markDirty);
    markDirty();
}

QVector<QPointF> HistoryPlot::values() const
{
    QVector<QPointF> out;
    out.reserve(m_points.size());
    for (const Point& p : m_points)
        out << QPointF(p.number, p.value);
    return out;
}

namespace {
constexpr qsizetype kDenseHistoryPoints = 2000;
}

void HistoryPlot::rebuild()
{
    const ExperimentData* d = data();
    m_points.clear();
    for (const TrialView& t : d->trials()) {
        const CurveRole role = roleFor(t.row.state);
        if (role == CurveRole::Running || !t.row.value || !std::isfinite(*t.row.value))
            continue;
        m_points.push_back(Point{t.row.id, t.row.number, *t.row.value, role});
    }
    std::sort(m_points.begin(), m_points.end(), [](const Point& a, const Point& b) { return a.number < b.number; });

    m_bestSoFar.clear();
    std::optional<double> best;
    QVector<double> keys[4], values[4];
    QVector<double> selectedKey, selectedValue;
    for (const Point& p : std::as_const(m_points)) {
        keys[static_cast<int>(p.role)] << p.number;
        values[static_cast<int>(p.role)] << p.value;
        if (p.trialId == d->selectedTrial()) {
            selectedKey << p.number;
            selectedValue << p.value;
        }
        if (p.role != CurveRole::Completed)
            continue;
        if (!best || d->oriented(p.value) < d->oriented(*best))
            best = p.value;
        m_bestSoFar << QPointF(p.number, *best);
    }
    for (int role = 0; role < 4; ++role)
        if (m_graphs[role])
            m_graphs[role]->setData(keys[role], values[role], true);
    QVector<double> bestKeys, bestValues;
    for (const QPointF& p : std::as_const(m_bestSoFar)) {
        bestKeys << p.x();
        bestValues << p.y();
    }
    m_bestGraph->setData(bestKeys, bestValues, true);
    m_selectedGraph->setData(selectedKey, selectedValue, true);
    // Thousands of antialiased discs cost ~100 ms a replot; small aliased ones read as well.
    const bool dense = m_points.size() > kDenseHistoryPoints;
    for (QCPGraph* graph : m_graphs)
        if (graph) {
            QCPScatterStyle style = graph->scatterStyle();
            style.setSize(dense ? 3 : 6);
            graph->setScatterStyle(style);
            graph->setAntialiasedScatters(!dense);
        }
}

void HistoryPlot::fitView(bool)
{
    if (m_points.isEmpty()) {
        plot()->xAxis->setRange(0, 10);
        plot()->yAxis->setRange(0, 1);
        return;
    }
    QCPRange keys(m_points.first().number, m_points.last().number);
    QCPRange values(m_points.first().value, m_points.first().value);
    for (const Point& p : m_points)
        values.expand(p.value);
    plot()->xAxis->setRange(padded(keys, 0.03));
    plot()->yAxis->setRange(padded(values));
}

std::optional<PlotPanel::Hit> HistoryPlot::hitAt(const QPointF& pos) const
{
    double bestDistance = kHitRadius;
    const Point* hit = nullptr;
    for (const Point& p : m_points) {
        const double d = std::hypot(plot()->xAxis->coordToPixel(p.number) - pos.x(), plot()->yAxis->coordToPixel(p.value) - pos.y());
        if (d < bestDistance) {
            bestDistance = d;
            hit = &p;
        }
    }
    if (!hit)
        return std::nullopt;
    QString text = tr("%1: %2 %3").arg(trialName(hit->trialId, hit->number), objectiveLabel(data()), formatNumber(hit->value));
    if (hit->role == CurveRole::Pruned)
        text = tr("%1 (pruned)").arg(text);
    else if (hit->role == CurveRole::Failed)
        text = tr("%1 (failed)").arg(text);
    return Hit{hit->trialId, text};
}

// ----------------------------------------------------------------------------------------
// ParallelCoordinatesPlot

namespace {

bool sameChoice(const algorithms::Value& choice, const QJsonValue& v)
{
    return std::visit(
        [&v](const auto& c) {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, std::string>)
                return v.isString() && v.toString() == QString::fromStdString(c);
            else if constexpr (std::is_same_v<T, bool>)
                return v.isBool() && v.toBool() == c;
            else
                return v.isDouble() && v.toDouble() == static_cast<double>(c);
        },
        choice);
}

QCPColorGradient objectiveGradient()
{
    // Warm and dark for low values, pale and cool for high ones (inverted when maximizing,
    // so the best trials always stand out).
    QCPColorGradient g;
    g.setColorStopAt(0.0, QColor(165, 0, 38));
    g.setColorStopAt(0.35, QColor(244, 109, 67));
    g.setColorStopAt(0.65, QColor(171, 217, 233));
    g.setColorStopAt(1.0, QColor(49, 54, 149));
    return g;
}

} // namespace

ParallelCoordinatesPlot::ParallelCoordinatesPlot(ExperimentData* data, QWidget* parent)
    : PlotPanel(data, parent), m_bulk(new CurveBundle(plot()->xAxis, plot()->yAxis, true)),
      m_live(new CurveBundle(plot()->xAxis, plot()->yAxis, false)), m_colorScale(new QCPColorScale(plot()))
{
    setObjectName(QStringLiteral("parallel-coordinates"));
    setWindowTitle(tr("Parallel coordinates"));
    for (QCPAxis* axis : {plot()->xAxis, plot()->yAxis}) {
        axis->setVisible(false);
        axis->grid()->setVisible(false);
    }
    plot()->plotLayout()->addElement(0, 1, m_colorScale);
    m_colorScale->setType(QCPAxis::atRight);
    m_colorScale->setBarWidth(10);

    connect(data, &ExperimentData::experimentReset, this, [this] {
        m_bulk->discardImage();
        m_linesDirty = true;
        markDirty();
    });
    connect(data, &ExperimentData::trialsChanged, this, [this] {
        m_linesDirty = true;
        markDirty();
    });
    connect(data, &ExperimentData::selectionChanged, this, &ParallelCoordinatesPlot::markDirty);
    markDirty();
}

QStringList ParallelCoordinatesPlot::axisTitles() const
{
    QStringList titles;
    for (const Axis& a : m_axes)
        titles << a.title;
    return titles;
}

QVector<QPointF> ParallelCoordinatesPlot::polylineOf(qint64 trialId) const
{
    const int i = m_lineIndex.value(trialId, -1);
    return i < 0 ? QVector<QPointF>() : m_lines[i].points;
}

void ParallelCoordinatesPlot::rebuild()
{
    const ExperimentData* d = data();
    if (std::exchange(m_linesDirty, false))
        rebuildLines();

    // The best and the selected trial, drawn on top.
    QVector<CurveBundle::Curve> live;
    const std::optional<qint64> best = d->bestTrial();
    if (best && m_lineIndex.contains(*best))
        live << CurveBundle::Curve{polylineOf(*best), QPen(kAccentColor, 3)};
    if (m_lineIndex.contains(d->selectedTrial()))
        live << CurveBundle::Curve{polylineOf(d->selectedTrial()), QPen(kSelectedColor, 2)};
    m_live->setCurves(std::move(live));
}

void ParallelCoordinatesPlot::rebuildLines()
{
    const ExperimentData* d = data();
    // Axes: the space's parameters, then the objective over the completed values.
    m_axes.clear();
    if (d->spec()) {
        for (const algorithms::Param& p : d->spec()->space.params()) {
            Axis a;
            a.title = QString::fromStdString(p.name);
            switch (p.type) {
            case algorithms::ParamType::Float:
            case algorithms::ParamType::Int:
                a.kind = p.log && p.low > 0 ? Axis::Kind::Log : Axis::Kind::Linear;
                a.low = p.low;
                a.high = p.high;
                a.integer = p.type == algorithms::ParamType::Int;
                break;
            case algorithms::ParamType::Categorical:
                a.kind = Axis::Kind::Categorical;
                a.choices = p.choices;
                break;
            case algorithms::ParamType::Fixed:
                a.kind = Axis::Kind::Categorical;
                if (p.fixed)
                    a.choices = {*p.fixed};
                break;
            }
            m_axes << a;
        }
    }
    std::optional<QCPRange> objective;
    for (const TrialView& t : d->trials()) {
        if (t.row.state != algorithms::TrialState::Completed || !t.row.value || !std::isfinite(*t.row.value))
            continue;
        if (objective)
            objective->expand(*t.row.value);
        else
            objective = QCPRange(*t.row.value, *t.row.value);
    }
    Axis objectiveAxis;
    objectiveAxis.title = objectiveLabel(d);
    if (objective) {
        objectiveAxis.low = objective->lower;
        objectiveAxis.high = objective->upper;
    }
    m_axes << objectiveAxis;

    auto position = [](const Axis& a, const QJsonValue& v) -> std::optional<double> {
        switch (a.kind) {
        case Axis::Kind::Categorical:
            for (std::size_t i = 0; i < a.choices.size(); ++i)
                if (sameChoice(a.choices[i], v))
                    return a.choices.size() == 1 ? 0.5 : static_cast<double>(i) / static_cast<double>(a.choices.size() - 1);
            return std::nullopt;
        case Axis::Kind::Log:
            if (!v.isDouble() || v.toDouble() <= 0)
                return std::nullopt;
            return (std::log(v.toDouble()) - std::log(a.low)) / (std::log(a.high) - std::log(a.low));
        case Axis::Kind::Linear:
            if (!v.isDouble())
                return std::nullopt;
            return a.high > a.low ? (v.toDouble() - a.low) / (a.high - a.low) : 0.5;
        }
        return std::nullopt;
    };

    // Polylines of completed trials, worst first so that the best are drawn on top.
    m_lines.clear();
    for (const TrialView& t : d->trials()) {
        if (t.row.state != algorithms::TrialState::Completed || !t.row.value || !std::isfinite(*t.row.value))
            continue;
        Line line{t.row.id, t.row.number, *t.row.value, {}};
        const int params = static_cast<int>(m_axes.size()) - 1;
        for (int i = 0; i < params; ++i)
            if (const auto y = position(m_axes[i], t.params.value(m_axes[i].title)))
                line.points << QPointF(i, *y); // inactive parameters are skipped
        line.points << QPointF(params, *position(objectiveAxis, QJsonValue(*t.row.value)));
        m_lines << line;
    }
    std::stable_sort(m_lines.begin(), m_lines.end(),
                     [d](const Line& a, const Line& b) { return d->oriented(a.value) > d->oriented(b.value); });
    m_lineIndex.clear();
    for (int i = 0; i < m_lines.size(); ++i)
        m_lineIndex.insert(m_lines[i].trialId, i);

    QCPColorGradient gradient = objectiveGradient();
    if (!d->minimize())
        gradient = gradient.inverted();
    const QCPRange colorRange = objective && objective->size() > 0 ? *objective : padded(objective.value_or(QCPRange(0, 1)));
    m_colorScale->setGradient(gradient);
    m_colorScale->setDataRange(colorRange);
    m_colorScale->setLabel(objectiveAxis.title);
    QVector<CurveBundle::Curve> curves;
    curves.reserve(m_lines.size());
    const int alpha = m_lines.size() <= 100 ? 200 : m_lines.size() <= 1000 ? 120 : 60;
    for (const Line& line : std::as_const(m_lines)) {
        QColor color = QColor::fromRgb(gradient.color(line.value, colorRange));
        color.setAlpha(alpha);
        curves << CurveBundle::Curve{line.points, QPen(color, 1.2)};
    }
    m_bulk->setCurves(std::move(curves));
    rebuildAxes();
}

void ParallelCoordinatesPlot::rebuildAxes()
{
    QCustomPlot* p = plot();
    p->clearItems();
    QFont tickFont = font();
    if (tickFont.pointSizeF() > 0)
        tickFont.setPointSizeF(tickFont.pointSizeF() * 0.85);
    QFont titleFont = font();
    titleFont.setBold(true);
    auto addText = [&](double x, double y, const QString& text, Qt::Alignment alignment, const QFont& f) {
        auto* item = new QCPItemText(p);
        item->setLayer(QStringLiteral("axes"));
        item->setClipToAxisRect(false);
        item->position->setCoords(x, y);
        item->setPositionAlignment(alignment);
        item->setFont(f);
        item->setText(text);
    };
    for (int i = 0; i < m_axes.size(); ++i) {
        const Axis& a = m_axes[i];
        auto* line = new QCPItemLine(p);
        line->setLayer(QStringLiteral("axes"));
        line->setPen(QPen(QColor(90, 90, 90), 1));
        line->start->setCoords(i, 0);
        line->end->setCoords(i, 1);
        addText(i, 1.03, a.title, Qt::AlignHCenter | Qt::AlignBottom, titleFont);
        if (a.kind == Axis::Kind::Categorical) {
            const int n = static_cast<int>(a.choices.size());
            const int every = std::max(1, (n + 11) / 12); // at most about 12 labels
            for (int c = 0; c < n; c += every)
                addText(i + 0.03, n == 1 ? 0.5 : static_cast<double>(c) / (n - 1),
                        QString::fromStdString(algorithms::formatValue(a.choices[c])), Qt::AlignLeft | Qt::AlignVCenter, tickFont);
            continue;
        }
        if (i == m_axes.size() - 1 && a.low == a.high && a.low == 0)
            continue; // no completed trial yet
        std::optional<double> previous;
        for (int t = 0; t <= 4; ++t) {
            const double f = t / 4.0;
            double v = a.kind == Axis::Kind::Log ? std::exp(std::log(a.low) + f * (std::log(a.high) - std::log(a.low)))
                                                 : a.low + f * (a.high - a.low);
            if (a.integer)
                v = std::round(v);
            if (previous == v)
                continue;
            previous = v;
            const double y = a.kind == Axis::Kind::Log ? (std::log(v) - std::log(a.low)) / (std::log(a.high) - std::log(a.low))
                             : a.high > a.low      ? (v - a.low) / (a.high - a.low)
                                                   : 0.5;
            addText(i + 0.03, y, formatNumber(v), Qt::AlignLeft | Qt::AlignVCenter, tickFont);
        }
    }
}

bool ParallelCoordinatesPlot::isRendering() const
{
    return m_bulk->isRendering();
}

bool ParallelCoordinatesPlot::finishRendering()
{
    return m_bulk->finishRendering();
}

void ParallelCoordinatesPlot::fitView(bool)
{
    const double last = std::max<qsizetype>(1, m_axes.size() - 1);
    plot()->xAxis->setRange(-0.25, last + 0.45);
    plot()->yAxis->setRange(-0.05, 1.12);
}

std::optional<PlotPanel::Hit> ParallelCoordinatesPlot::hitAt(const QPointF& pos) const
{
    double bestDistance = kHitRadius;
    const Line* hit = nullptr;
    auto pixel = [this](const QPointF& p) { return QPointF(plot()->xAxis->coordToPixel(p.x()), plot()->yAxis->coordToPixel(p.y())); };
    // The last drawn (best) lines are on top: search from the end, ties keep the first.
    for (auto it = m_lines.crbegin(); it != m_lines.crend(); ++it) {
        const QVector<QPointF>& points = it->points;
        for (int i = 1; i < points.size(); ++i) {
            const double d = distanceToSegment(pos, pixel(points[i - 1]), pixel(points[i]));
            if (d < bestDistance) {
                bestDistance = d;
                hit = &*it;
            }
        }
    }
    if (!hit)
        return std::nullopt;
    return Hit{hit->trialId, tr("%1: %2 %3").arg(trialName(hit->trialId, hit->number), objectiveLabel(data()), formatNumber(hit->value))};
}

// ----------------------------------------------------------------------------------------
// ImportancePlot

ImportancePlot::ImportancePlot(ExperimentData* data, QWidget* parent)
    : PlotPanel(data, parent), m_barsPlottable(new QCPBars(plot()->yAxis, plot()->xAxis))
{
    setObjectName(QStringLiteral("importance"));
    setWindowTitle(tr("Parameter importance"));
    plot()->xAxis->setLabel(tr("share of the objective's variance"));
    plot()->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    plot()->yAxis->grid()->setVisible(false);
    m_barsPlottable->setWidth(0.6);
    m_barsPlottable->setPen(Qt::NoPen);
    m_barsPlottable->setBrush(kCompletedColor);
    if (data) {
        connect(data, &ExperimentData::experimentReset, this, [this] {
            m_bars.clear(); // the shares belonged to the previous experiment
            markDirty();
        });
    }
    markDirty();
}

void ImportancePlot::setImportance(const QStringList& names, const QVector<double>& shares)
{
    m_bars.clear();
    const qsizetype n = std::min(names.size(), shares.size());
    for (qsizetype i = 0; i < n; ++i)
        m_bars.append({names[i], shares[i]});
    std::stable_sort(m_bars.begin(), m_bars.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    markDirty();
}

void ImportancePlot::rebuild()
{
    QVector<double> keys, values;
    QVector<QString> labels;
    const int n = static_cast<int>(m_bars.size());
    for (int rank = 0; rank < n; ++rank) {
        keys << n - rank; // the largest share on top
        values << m_bars[rank].second;
        labels << m_bars[rank].first;
    }
    m_barsPlottable->setData(keys, values);
    plot()->yAxis->ticker().staticCast<QCPAxisTickerText>()->setTicks(keys, labels);
}

void ImportancePlot::fitView(bool)
{
    double largest = 0;
    for (const auto& bar : std::as_const(m_bars))
        largest = std::max(largest, bar.second);
    plot()->xAxis->setRange(0, largest > 0 ? largest * 1.1 : 1);
    plot()->yAxis->setRange(0.4, std::max<qsizetype>(1, m_bars.size()) + 0.6);
}

std::optional<PlotPanel::Hit> ImportancePlot::hitAt(const QPointF& pos) const
{
    const int n = static_cast<int>(m_bars.size());
    const double key = plot()->yAxis->pixelToCoord(pos.y());
    const int k = static_cast<int>(std::lround(key));
    if (k < 1 || k > n || std::abs(key - k) > m_barsPlottable->width() / 2)
        return std::nullopt;
    const auto& bar = m_bars[n - k];
    if (pos.x() > plot()->xAxis->coordToPixel(bar.second) + kHitRadius || pos.x() < plot()->xAxis->coordToPixel(0) - kHitRadius)
        return std::nullopt;
    return Hit{-1, tr("%1: %2%").arg(bar.first).arg(bar.second * 100, 0, 'f', 1)};
}

} // namespace tb::widgets
