#pragma once
// What every plot and view of widgets/plots draws with: one palette (a trial's state has
// the same colour in the table, the plots and the timeline), the data-to-pixel map that hot
// loops inline, and the per-pixel-column decimation of lines (first, lowest, highest and
// last value of each column, so spikes survive however many points share a column).
// Private to the plot sources: it includes qcustomplot.h, which is heavy.
//
// Threading: the maps and the decimation are values and may run on any thread (curve
// images render on the thread pool); the rest is GUI thread only.

#include "algorithms/schedules/schedule.h"
#include "algorithms/trial.h"
#include "widgets/plots/plot_panel.h"

#include <QColor>
#include <QPointF>
#include <QPolygonF>
#include <QString>
#include <QVector>
#include <limits>
#include <qcustomplot.h>
#include <utility>

namespace tb::widgets {

namespace palette {

// Trial states, by the names the store uses ("completed", "pruned", ...).
QColor state(const QString& state);
QColor state(algorithms::TrialState state);
QColor role(CurveRole role);
inline const QColor kBest(255, 127, 14);   // the best trial, drawn over the others
inline const QColor kSelected(20, 20, 20); // the selected trial's outline or curve
inline const QColor kUtilization(31, 119, 180);
inline const QColor kMemory(255, 127, 14);
inline const QColor kSeparator(200, 200, 200);
inline const QColor kAxisLine(90, 90, 90);
// A colour per trial that neighbours rarely share (golden-ratio hues).
QColor trial(qint64 trialId, int alpha);
// One colour per other experiment ("name\tstore"), steady across redraws.
QColor experiment(const QString& key);
// A pipeline action: forward, backward, weight gradient.
QColor op(algorithms::schedules::Op op);
// Trial numbers, early (dark, violet) to late (light, yellow).
QCPColorGradient trialOrderGradient();
// Objective values from best to worst (warm and dark to pale and cool).
QCPColorGradient objectiveGradient();

} // namespace palette

inline constexpr double kHitRadius = 6; // pixels around the cursor that count as "on" an element

// Data coordinate -> pixel, the same as QCPAxis::coordToPixel() but inlinable, relative to
// a pixel origin and scaled to device pixels (hot loops call it a million times). Keys
// like Unix times (about 1.7e9) are measured from `origin`, so no pixel is lost to
// rounding.
struct AxisMap {
    double a = 0, b = 0;
    bool log = false;
    double origin = 0; // in data units (log units on a log axis)

    // The axis as it is now, with pixels counted from `pixelOrigin` and multiplied by `scale`.
    static AxisMap of(const QCPAxis* axis, double pixelOrigin, double scale);
    double operator()(double v) const { return a + b * ((log ? std::log(v) : v) - origin); }
    double inverse(double pixel) const
    {
        const double t = (pixel - a) / b + origin;
        return log ? std::exp(t) : t;
    }
    AxisMap scaled(double f) const { return {a * f, b * f, log, origin}; }
    bool operator==(const AxisMap& o) const = default;
};

// One pixel column of a decimated line: the first, lowest, highest and last y of what fell
// into it, and the x of the first and last point.
struct PixelColumn {
    static constexpr long kNone = std::numeric_limits<long>::min();
    long index = kNone;
    double firstX = 0, first = 0, low = 0, high = 0, lastX = 0, last = 0;
    int count = 0;

    static long of(double x) { return static_cast<long>(std::floor(x)); }
    bool open() const { return index != kNone; }
    // Starts the column at index with [a, b] (a point: a == b).
    void start(long column, double x, double a, double b)
    {
        index = column;
        firstX = lastX = x;
        first = a;
        last = b;
        low = std::min(a, b);
        high = std::max(a, b);
        count = 1;
    }
    void widen(double x, double a, double b)
    {
        low = std::min({low, a, b});
        high = std::max({high, a, b});
        lastX = x;
        last = b;
        ++count;
    }
};

// A line through many points whose x grows, stroked with the painter's pen one stretch
// at a time, decimated to at most four points per pixel column. Points are in pixels.
// With `left`/`right`, a stretch's ends are clipped to one pixel beyond them.
class DecimatedLine {
public:
    explicit DecimatedLine(QPainter* painter, double left = -std::numeric_limits<double>::infinity(),
                           double right = std::numeric_limits<double>::infinity());
    ~DecimatedLine() { breakLine(); }

    void add(QPointF pixel);
    // Strokes what was added; the next point starts a new stretch (a gap in the data).
    void breakLine();
    // The polyline a stretch became (tests, exports).
    const QPolygonF& pending() const { return m_line; }

private:
    void closeColumn();

    QPainter* m_painter;
    double m_left, m_right;
    QPolygonF m_line;
    PixelColumn m_column;
};

// Plot texts and ranges.
QString trialName(qint64 id, qint64 number);
QString objectiveLabel(const ExperimentData* data);
QString formatNumber(double v);
CurveRole roleFor(algorithms::TrialState state);
// Smallest "nice" number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten) >= x,
// so that a growing axis changes its range (and re-renders a cache) only now and then.
double niceCeil(double x);
// Pads a data range for display; a single value gets a range around it.
QCPRange padded(QCPRange r, double fraction = 0.05);
// Moves the plot's legend out of the axis rect into a row of its own above it, items side
// by side, so that it never covers data.
void placeLegendAbove(QCustomPlot* plot);
double distanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b);
// The points of `points` (sorted by key) that can touch [range.lower, range.upper]: the
// points inside plus one neighbour on each side, as [begin, end).
std::pair<int, int> visibleSpan(const QVector<QPointF>& points, const QCPRange& range);
QVector<QPointF> sortedByKey(const QVector<QPointF>& points);

} // namespace tb::widgets
