#include "widgets/plots/learning_curves_plot.h"

#include "widgets/models/experiment_data.h"
#include "widgets/plots/curve_bundle.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tb::widgets {

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
    connect(data, &ExperimentData::filterChanged, this, &LearningCurvesPlot::markDirty);
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
        if (t.curve.isEmpty() || !d->passesFilter(id)) { // the data's filter hides it too
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
        QColor color = palette::role(c.role);
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
            curves << CurveBundle::Curve{it->points, QPen(palette::role(CurveRole::Running), 1)};
        }
    }
    const bool selectedRuns = selected >= 0 && m_curves[selected].role == CurveRole::Running;
    if (selectedRuns) {
        m_liveOrder << selected;
        curves << CurveBundle::Curve{m_curves[selected].points, QPen(palette::kSelected, 2)};
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
        highlights << CurveBundle::Curve{m_curves[*m_best].points, QPen(palette::kBest, 3)};
    if (m_selectedHighlight >= 0)
        highlights << CurveBundle::Curve{m_curves[m_selectedHighlight].points, QPen(palette::kSelected, 2)};
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

} // namespace tb::widgets
