#include "widgets/plots/render.h"

#include "widgets/models/experiment_data.h"
#include "widgets/plots/plot_panel.h"

#include <algorithm>
#include <cmath>

namespace tb::widgets {

namespace palette {

QColor state(const QString& state)
{
    return state == QLatin1String("completed") ? QColor(31, 119, 180)
        : state == QLatin1String("running")    ? QColor(44, 160, 44)
        : state == QLatin1String("queued")     ? QColor(117, 117, 117)
        : state == QLatin1String("pruned")     ? QColor(140, 140, 140)
                                               : QColor(214, 39, 40);
}

QColor state(algorithms::TrialState s)
{
    return state(QString::fromLatin1(algorithms::trialStateName(s)));
}

QColor role(CurveRole role)
{
    switch (role) {
    case CurveRole::Running: return state(algorithms::TrialState::Running);
    case CurveRole::Completed: return state(algorithms::TrialState::Completed);
    case CurveRole::Pruned: return state(algorithms::TrialState::Pruned);
    case CurveRole::Failed: break;
    }
    return state(algorithms::TrialState::Failed);
}

QColor trial(qint64 trialId, int alpha)
{
    const double hue = std::fmod(double(trialId) * 0.6180339887, 1.0);
    QColor c = QColor::fromHsvF(float(hue), 0.6f, 0.9f);
    c.setAlpha(alpha);
    return c;
}

QColor experiment(const QString& key)
{
    return QColor::fromHsv(int(qHash(key) % 360), 160, 150);
}

QColor op(algorithms::schedules::Op op)
{
    switch (op) {
    case algorithms::schedules::Op::F: return QColor(0x4c, 0x78, 0xa8);
    case algorithms::schedules::Op::B: return QColor(0xf5, 0x85, 0x18);
    case algorithms::schedules::Op::W: return QColor(0x54, 0xa2, 0x4b);
    }
    return Qt::gray;
}

QCPColorGradient trialOrderGradient()
{
    QCPColorGradient g;
    g.setColorStopAt(0.0, QColor(68, 1, 84));
    g.setColorStopAt(0.35, QColor(49, 104, 142));
    g.setColorStopAt(0.65, QColor(53, 183, 121));
    g.setColorStopAt(1.0, QColor(253, 231, 37));
    return g;
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

} // namespace palette

AxisMap AxisMap::of(const QCPAxis* axis, double pixelOrigin, double scale)
{
    AxisMap m;
    const QCPRange r = axis->range();
    m.log = axis->scaleType() == QCPAxis::stLogarithmic;
    const double t0 = m.log ? std::log(r.lower) : r.lower;
    const double t1 = m.log ? std::log(r.upper) : r.upper;
    const double p0 = axis->coordToPixel(r.lower), p1 = axis->coordToPixel(r.upper);
    m.origin = t0;
    m.b = t1 != t0 ? (p1 - p0) / (t1 - t0) * scale : 0;
    m.a = (p0 - pixelOrigin) * scale;
    return m;
}

DecimatedLine::DecimatedLine(QPainter* painter, double left, double right)
    : m_painter(painter), m_left(left), m_right(right)
{
    m_line.reserve(4 * 1024);
}

void DecimatedLine::add(QPointF p)
{
    const long c = PixelColumn::of(p.x());
    if (c == m_column.index) {
        m_column.widen(p.x(), p.y(), p.y());
        return;
    }
    closeColumn();
    m_column.start(c, p.x(), p.y(), p.y());
}

void DecimatedLine::closeColumn()
{
    if (!m_column.open())
        return;
    const PixelColumn& c = m_column;
    m_line << QPointF(c.firstX, c.first);
    if (c.count > 2) {
        if (c.low != c.first)
            m_line << QPointF(c.firstX, c.low);
        if (c.high != c.low)
            m_line << QPointF(c.firstX, c.high);
    }
    if (c.count > 1)
        m_line << QPointF(c.lastX, c.last);
    m_column = {};
}

void DecimatedLine::breakLine()
{
    closeColumn();
    // A stretch's outer points may lie far outside: clip them to a pixel beyond the edges.
    auto clipEnd = [this](QPointF& outer, const QPointF& inner) {
        const double bound = outer.x() < m_left ? m_left - 1 : outer.x() > m_right ? m_right + 1 : outer.x();
        if (bound != outer.x() && inner.x() != outer.x()) {
            const double t = (bound - inner.x()) / (outer.x() - inner.x());
            outer = QPointF(bound, inner.y() + t * (outer.y() - inner.y()));
        }
    };
    if (m_line.size() >= 2) {
        clipEnd(m_line.first(), m_line[1]);
        clipEnd(m_line.last(), m_line[m_line.size() - 2]);
        m_painter->drawPolyline(m_line);
    } else if (m_line.size() == 1) {
        m_painter->drawPoint(m_line.first());
    }
    m_line.clear();
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

QCPRange padded(QCPRange r, double fraction)
{
    double pad = (r.upper - r.lower) * fraction;
    if (!(pad > 0))
        pad = r.lower != 0 ? std::abs(r.lower) * 0.1 : 0.5;
    return QCPRange(r.lower - pad, r.upper + pad);
}

namespace {

// The row above the axis rect that holds the legend, centred between two empty cells that
// take the spare width (a grid stretches its items over all of it). As many entries go
// side by side as the plot's width holds, the rest wrap: the layout asks this row for its
// size before it places anything, so that is when the wrap is chosen; the plot's viewport
// is the size being laid out, on screen or in an export.
class LegendRow : public QCPLayoutGrid {
public:
    explicit LegendRow(QCustomPlot* plot) : m_plot(plot) {}

    QSize minimumOuterSizeHint() const override
    {
        fit();
        return QCPLayoutGrid::minimumOuterSizeHint();
    }

private:
    void fit() const
    {
        QCPLegend* legend = m_plot->legend;
        if (!legend->visible())
            return;
        // Cells of a wrapped grid may be empty (an entry was removed): count entries only.
        QVector<int> widths;
        bool holes = false; // an empty cell before an entry
        for (int i = 0; i < legend->itemCount(); ++i) {
            if (const QCPLayoutElement* item = legend->item(i)) {
                holes = holes || widths.size() < i;
                widths << item->minimumOuterSizeHint().width();
            }
        }
        const int n = int(widths.size());
        if (n == 0)
            return;
        const int room = m_plot->viewport().width() - margins().left() - margins().right() - legend->margins().left()
            - legend->margins().right();
        int perRow = 1;
        for (int k = n; k > 1; --k) {
            int total = (k - 1) * legend->columnSpacing();
            for (int column = 0; column < k; ++column) {
                int widest = 0;
                for (int i = column; i < n; i += k)
                    widest = std::max(widest, widths[i]);
                total += widest;
            }
            if (total <= room) {
                perRow = k;
                break;
            }
        }
        if (perRow != legend->wrap() || legend->columnCount() > perRow || holes) {
            legend->setWrap(perRow);
            legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
        }
    }

    QCustomPlot* m_plot;
};

} // namespace

void placeLegendAbove(QCustomPlot* plot)
{
    QCPLegend* legend = plot->legend;
    legend->setVisible(true);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setBorderPen(Qt::NoPen);
    if (QCPLayoutInset* inset = plot->axisRect()->insetLayout(); inset->take(legend))
        inset->simplify();
    auto* row = new LegendRow(plot);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, row);
    plot->plotLayout()->setRowStretchFactor(0, 0.001);
    row->setMargins(QMargins(4, 4, 4, 0));
    row->addElement(0, 0, new QCPLayoutElement(plot));
    row->addElement(0, 1, legend);
    row->addElement(0, 2, new QCPLayoutElement(plot));
    row->setColumnStretchFactor(1, 0.001);
}

double distanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b)
{
    const QPointF ab = b - a;
    const double len2 = QPointF::dotProduct(ab, ab);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

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

} // namespace tb::widgets
