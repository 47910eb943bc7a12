#include "widgets/plots/parallel_coordinates_plot.h"

#include "widgets/models/experiment_data.h"
#include "widgets/plots/curve_bundle.h"
#include "widgets/plots/param_scale.h"

#include <QJsonValue>
#include <QLabel>
#include <QMouseEvent>
#include <QToolBar>

#include <algorithm>
#include <cmath>
#include <limits>

namespace tb::widgets {

namespace {

constexpr double kSlotHalf = 0.035;       // the inactive slot spans kInactivePosition +- this
constexpr double kInactiveReach = ParallelCoordinatesPlot::kInactivePosition / 2; // a brush below this takes the slot
constexpr double kAxisGrab = 10;          // pixels either side of an axis where a press brushes it
constexpr int kClickSlop = 4;             // a press and release closer than this (pixels) is a click
constexpr double kBandHalfWidth = 0.06;   // of a brush band, in axis spacings
const QColor kBrushColor(31, 119, 180);
const QColor kFaded(160, 160, 160);

// One axis' brush, as the filter reads it.
struct BrushRule {
    ParamScale scale;
    bool objective = false;
    bool values = false;
    double low = 0, high = 0;
    bool inactive = false;

    bool accepts(const TrialView& t) const
    {
        std::optional<double> c;
        bool inactiveHere = false;
        if (objective) {
            // Only completed trials have a place on the objective's axis.
            if (t.row.state == algorithms::TrialState::Completed && t.row.value && std::isfinite(*t.row.value))
                c = *t.row.value;
        } else {
            const QJsonValue v = t.params.value(scale.name);
            if (v.isUndefined())
                inactiveHere = scale.conditional;
            else
                c = scale.coordinate(v);
        }
        if (!c)
            return inactiveHere && inactive;
        const double tolerance = 1e-9 * std::max({std::abs(low), std::abs(high), std::numeric_limits<double>::min()});
        return values && *c >= low - tolerance && *c <= high + tolerance;
    }
};

} // namespace

ParallelCoordinatesPlot::ParallelCoordinatesPlot(ExperimentData* data, QWidget* parent)
    : PlotPanel(data, parent), m_bulk(new CurveBundle(plot()->xAxis, plot()->yAxis, true)),
      m_live(new CurveBundle(plot()->xAxis, plot()->yAxis, false)), m_colorScale(new QCPColorScale(plot())), m_filterOwner(data)
{
    setObjectName(QStringLiteral("parallel-coordinates"));
    setWindowTitle(tr("Parallel coordinates"));
    toolBar()->addSeparator();
    auto* hint = new QLabel(tr("Drag along an axis to filter the trials; click the axis to clear it"), this);
    hint->setEnabled(false); // greyed: a hint, not a control
    toolBar()->addWidget(hint);
    for (QCPAxis* axis : {plot()->xAxis, plot()->yAxis}) {
        axis->setVisible(false);
        axis->grid()->setVisible(false);
    }
    plot()->plotLayout()->addElement(0, 1, m_colorScale);
    m_colorScale->setType(QCPAxis::atRight);
    m_colorScale->setBarWidth(10);

    // Connected after PlotPanel's own handlers: a release on an axis is not a click on a line.
    connect(plot(), &QCustomPlot::mousePress, this, &ParallelCoordinatesPlot::onPress);
    connect(plot(), &QCustomPlot::mouseMove, this, &ParallelCoordinatesPlot::onMove);
    connect(plot(), &QCustomPlot::mouseRelease, this, &ParallelCoordinatesPlot::onRelease);

    connect(data, &ExperimentData::experimentReset, this, [this] {
        m_bulk->discardImage();
        clearBrushes(); // the axes are another experiment's now
        m_linesDirty = true;
        markDirty();
    });
    connect(data, &ExperimentData::trialsChanged, this, [this] {
        m_linesDirty = true;
        markDirty();
    });
    connect(data, &ExperimentData::filterChanged, this, [this] {
        if (!this->data()->hasFilter(filterSource()))
            m_brushes.clear(); // another view cleared the filter (the table's "show all")
        m_linesDirty = true;
        markDirty();
    });
    connect(data, &ExperimentData::selectionChanged, this, &ParallelCoordinatesPlot::markDirty);
    markDirty();
}

ParallelCoordinatesPlot::~ParallelCoordinatesPlot()
{
    if (m_filterOwner)
        m_filterOwner->setFilter(filterSource(), {});
}

QString ParallelCoordinatesPlot::filterSource()
{
    return QStringLiteral("parallel-coordinates");
}

QStringList ParallelCoordinatesPlot::axisTitles() const
{
    QStringList titles;
    for (const ParamScale& a : m_axes)
        titles << a.name;
    return titles;
}

QVector<QPointF> ParallelCoordinatesPlot::polylineOf(qint64 trialId) const
{
    const int i = m_lineIndex.value(trialId, -1);
    return i < 0 ? QVector<QPointF>() : m_lines[i].points;
}

bool ParallelCoordinatesPlot::isFaded(qint64 trialId) const
{
    const int i = m_lineIndex.value(trialId, -1);
    return i >= 0 && m_lines[i].faded;
}

void ParallelCoordinatesPlot::setBrush(int axis, double from, double to)
{
    if (axis < 0 || axis >= static_cast<int>(m_axes.size()))
        return;
    const ParamScale& scale = m_axes[axis];
    double low = std::min(from, to), high = std::max(from, to);
    const double bottom = scale.conditional ? kInactivePosition - kSlotHalf : 0.0;
    low = std::clamp(low, bottom, 1.0);
    high = std::clamp(high, bottom, 1.0);
    Brush b;
    b.inactive = scale.conditional && low < kInactiveReach;
    b.values = high >= kInactiveReach;
    if (b.values) {
        b.low = scale.coordinateAt(std::max(low, 0.0));
        b.high = scale.coordinateAt(std::max(high, 0.0));
    }
    m_brushes.insert(axis, b);
    applyBrushes();
}

void ParallelCoordinatesPlot::clearBrush(int axis)
{
    if (m_brushes.remove(axis))
        applyBrushes();
}

void ParallelCoordinatesPlot::clearBrushes()
{
    m_brushes.clear();
    applyBrushes();
}

std::optional<std::pair<double, double>> ParallelCoordinatesPlot::brushOf(int axis) const
{
    const auto it = m_brushes.constFind(axis);
    if (it == m_brushes.constEnd() || axis >= static_cast<int>(m_axes.size()))
        return std::nullopt;
    const ParamScale& scale = m_axes[axis];
    double low = kInactivePosition - kSlotHalf, high = kInactivePosition + kSlotHalf;
    if (it->values) {
        high = std::clamp(scale.fraction(it->high), 0.0, 1.0);
        if (!it->inactive)
            low = std::clamp(scale.fraction(it->low), 0.0, 1.0);
    }
    return std::pair(low, high);
}

void ParallelCoordinatesPlot::applyBrushes()
{
    ExperimentData* d = data();
    if (!d)
        return;
    std::vector<BrushRule> rules;
    for (auto it = m_brushes.constBegin(); it != m_brushes.constEnd(); ++it) {
        if (it.key() >= static_cast<int>(m_axes.size()))
            continue;
        rules.push_back(BrushRule{m_axes[it.key()], it.key() == static_cast<int>(m_axes.size()) - 1, it->values, it->low,
                                  it->high, it->inactive});
    }
    if (rules.empty()) {
        d->setFilter(filterSource(), {});
        return;
    }
    d->setFilter(filterSource(), [rules = std::move(rules)](const TrialView& t) {
        return std::all_of(rules.begin(), rules.end(), [&t](const BrushRule& r) { return r.accepts(t); });
    });
}

void ParallelCoordinatesPlot::rebuild()
{
    const ExperimentData* d = data();
    if (std::exchange(m_linesDirty, false))
        rebuildLines();

    // The best (when it passes the filter) and the selected trial, drawn on top.
    QVector<CurveBundle::Curve> live;
    const std::optional<qint64> best = d->bestTrial();
    if (best && m_lineIndex.contains(*best) && !isFaded(*best))
        live << CurveBundle::Curve{polylineOf(*best), QPen(palette::kBest, 3)};
    if (m_lineIndex.contains(d->selectedTrial()))
        live << CurveBundle::Curve{polylineOf(d->selectedTrial()), QPen(palette::kSelected, 2)};
    m_live->setCurves(std::move(live));
}

void ParallelCoordinatesPlot::rebuildLines()
{
    const ExperimentData* d = data();
    // Axes: the space's parameters, then the objective over the completed values (all of
    // them, so that the axis stays put while brushing).
    m_axes = ParamScale::ofSpace(*d);
    const int params = static_cast<int>(m_axes.size());
    std::optional<QCPRange> objective;
    for (const TrialView& t : d->trials()) {
        if (t.row.state != algorithms::TrialState::Completed || !t.row.value || !std::isfinite(*t.row.value))
            continue;
        if (objective)
            objective->expand(*t.row.value);
        else
            objective = QCPRange(*t.row.value, *t.row.value);
    }
    ParamScale objectiveAxis;
    objectiveAxis.name = objectiveLabel(d);
    if (objective) {
        objectiveAxis.low = objective->lower;
        objectiveAxis.high = objective->upper;
    } else {
        objectiveAxis.low = objectiveAxis.high = 0;
    }
    m_axes.push_back(objectiveAxis);

    // Polylines of completed trials: outside the filter faded and first, then worst first
    // so that the best are drawn on top.
    m_lines.clear();
    for (const TrialView& t : d->trials()) {
        if (t.row.state != algorithms::TrialState::Completed || !t.row.value || !std::isfinite(*t.row.value))
            continue;
        Line line{t.row.id, t.row.number, *t.row.value, !d->passesFilter(t.row.id), {}};
        for (int i = 0; i < params; ++i) {
            const ParamScale& a = m_axes[i];
            const QJsonValue v = t.params.value(a.name);
            if (const auto c = a.coordinate(v))
                line.points << QPointF(i, a.fraction(*c));
            else if (v.isUndefined() && a.conditional)
                line.points << QPointF(i, kInactivePosition);
            // A value the parameter cannot take (an edited spec) is skipped.
        }
        line.points << QPointF(params, objectiveAxis.fraction(*t.row.value));
        m_lines << line;
    }
    std::stable_sort(m_lines.begin(), m_lines.end(), [d](const Line& a, const Line& b) {
        if (a.faded != b.faded)
            return a.faded;
        return d->oriented(a.value) > d->oriented(b.value);
    });
    m_lineIndex.clear();
    for (int i = 0; i < m_lines.size(); ++i)
        m_lineIndex.insert(m_lines[i].trialId, i);

    QCPColorGradient gradient = palette::objectiveGradient();
    if (!d->minimize())
        gradient = gradient.inverted();
    const QCPRange colorRange = objective && objective->size() > 0 ? *objective : padded(objective.value_or(QCPRange(0, 1)));
    m_colorScale->setGradient(gradient);
    m_colorScale->setDataRange(colorRange);
    m_colorScale->setLabel(objectiveAxis.name);
    QVector<CurveBundle::Curve> curves;
    curves.reserve(m_lines.size());
    const int alpha = m_lines.size() <= 100 ? 200 : m_lines.size() <= 1000 ? 120 : 60;
    for (const Line& line : std::as_const(m_lines)) {
        QColor color = line.faded ? kFaded : QColor::fromRgb(gradient.color(line.value, colorRange));
        color.setAlpha(line.faded ? alpha / 3 : alpha);
        curves << CurveBundle::Curve{line.points, QPen(color, line.faded ? 1.0 : 1.2)};
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
    QFont slotFont = tickFont;
    slotFont.setItalic(true);
    auto addText = [&](double x, double y, const QString& text, Qt::Alignment alignment, const QFont& f) {
        auto* item = new QCPItemText(p);
        item->setLayer(QStringLiteral("axes"));
        item->setClipToAxisRect(false);
        item->position->setCoords(x, y);
        item->setPositionAlignment(alignment);
        item->setFont(f);
        item->setText(text);
        return item;
    };
    auto addLine = [&](double x0, double y0, double x1, double y1, const QPen& pen) {
        auto* line = new QCPItemLine(p);
        line->setLayer(QStringLiteral("axes"));
        line->setPen(pen);
        line->start->setCoords(x0, y0);
        line->end->setCoords(x1, y1);
    };
    const int last = static_cast<int>(m_axes.size()) - 1;
    for (int i = 0; i <= last; ++i) {
        const ParamScale& a = m_axes[i];
        // The brush first, on the layer below the polylines.
        if (const auto span = brushOf(i)) {
            auto* band = new QCPItemRect(p);
            band->setLayer(QStringLiteral("grid"));
            band->topLeft->setCoords(i - kBandHalfWidth, span->second);
            band->bottomRight->setCoords(i + kBandHalfWidth, span->first);
            QColor fill = kBrushColor;
            fill.setAlpha(60);
            band->setBrush(fill);
            band->setPen(QPen(kBrushColor, 1));
        }
        addLine(i, 0, i, 1, QPen(palette::kAxisLine, 1));
        addText(i, 1.03, a.name, Qt::AlignHCenter | Qt::AlignBottom, titleFont);
        if (a.conditional) {
            // The inactive slot: a dotted stretch down to a mark below the range.
            addLine(i, 0, i, kInactivePosition, QPen(palette::kAxisLine, 1, Qt::DotLine));
            addLine(i - 0.025, kInactivePosition, i + 0.025, kInactivePosition, QPen(palette::kAxisLine, 2));
            addText(i, kInactivePosition - 0.02, tr("inactive"), Qt::AlignHCenter | Qt::AlignTop, slotFont)->setColor(palette::kAxisLine);
        }
        if (a.kind == ParamScale::Kind::Categorical) {
            const int n = static_cast<int>(a.choices.size());
            const int every = std::max(1, (n + 11) / 12); // at most about 12 labels
            for (int c = 0; c < n; c += every)
                addText(i + 0.03, a.fraction(c), a.text(c), Qt::AlignLeft | Qt::AlignVCenter, tickFont);
            continue;
        }
        if (i == last && a.low == a.high && a.low == 0)
            continue; // no completed trial yet
        std::optional<double> previous;
        for (int t = 0; t <= 4; ++t) {
            double v = a.coordinateAt(t / 4.0);
            if (a.integer)
                v = std::round(v);
            if (previous == v)
                continue;
            previous = v;
            addText(i + 0.03, a.fraction(v), formatNumber(v), Qt::AlignLeft | Qt::AlignVCenter, tickFont);
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
    const double last = std::max<double>(1, static_cast<double>(m_axes.size()) - 1);
    const bool withSlot = std::any_of(m_axes.begin(), m_axes.end(), [](const ParamScale& a) { return a.conditional; });
    plot()->xAxis->setRange(-0.25, last + 0.45);
    plot()->yAxis->setRange(withSlot ? kInactivePosition - 0.09 : -0.05, 1.12);
}

std::optional<int> ParallelCoordinatesPlot::axisAt(const QPointF& pos) const
{
    const double y = plot()->yAxis->pixelToCoord(pos.y());
    for (int i = 0; i < static_cast<int>(m_axes.size()); ++i) {
        if (std::abs(plot()->xAxis->coordToPixel(i) - pos.x()) > kAxisGrab)
            continue;
        const double bottom = m_axes[i].conditional ? kInactivePosition - kSlotHalf - 0.02 : -0.03;
        if (y >= bottom && y <= 1.03)
            return i;
    }
    return std::nullopt;
}

double ParallelCoordinatesPlot::positionAt(double pixelY) const
{
    return plot()->yAxis->pixelToCoord(pixelY);
}

void ParallelCoordinatesPlot::onPress(QMouseEvent* event)
{
    const std::optional<int> axis = event->button() == Qt::LeftButton ? axisAt(event->position()) : std::nullopt;
    // A press on an axis brushes it instead of panning the view.
    plot()->axisRect()->setRangeDrag(axis ? Qt::Orientations() : Qt::Horizontal | Qt::Vertical);
    if (axis)
        m_drag = Drag{*axis, positionAt(event->position().y()), event->pos(), false};
    else
        m_drag.reset();
}

void ParallelCoordinatesPlot::onMove(QMouseEvent* event)
{
    if (!m_drag)
        return;
    if (!(event->buttons() & Qt::LeftButton)) {
        m_drag.reset(); // the release went elsewhere
        return;
    }
    if (!m_drag->moved && (event->pos() - m_drag->pressed).manhattanLength() <= kClickSlop)
        return;
    m_drag->moved = true;
    setBrush(m_drag->axis, m_drag->from, positionAt(event->position().y()));
}

void ParallelCoordinatesPlot::onRelease(QMouseEvent* event)
{
    if (!m_drag || event->button() != Qt::LeftButton)
        return;
    const Drag drag = *std::exchange(m_drag, std::nullopt);
    plot()->axisRect()->setRangeDrag(Qt::Horizontal | Qt::Vertical);
    if (drag.moved)
        setBrush(drag.axis, drag.from, positionAt(event->position().y()));
    else
        clearBrush(drag.axis);
}

std::optional<PlotPanel::Hit> ParallelCoordinatesPlot::hitAt(const QPointF& pos) const
{
    if (m_drag)
        return std::nullopt; // brushing, not pointing at a line
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

} // namespace tb::widgets
