#include "widgets/plots/history_plot.h"

#include "widgets/models/experiment_data.h"
#include "widgets/plots/curve_bundle.h"

#include "engine/core/pareto_set.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tb::widgets {

HistoryPlot::HistoryPlot(ExperimentData* data, QWidget* parent)
    : PlotPanel(data, parent), m_bestGraph(new QCPGraph(plot()->xAxis, plot()->yAxis)), m_selectedGraph(nullptr),
      m_reference(new QCPItemText(plot()))
{
    setObjectName(QStringLiteral("history"));
    plot()->xAxis->setLabel(tr("trial number"));
    m_reference->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    m_reference->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_reference->position->setCoords(0.98, 0.97); // the lower right stays clear: the line only rises
    m_reference->setColor(QColor(90, 90, 90));
    m_reference->setTextAlignment(Qt::AlignRight);
    QFont small = plot()->font();
    if (small.pointSizeF() > 0)
        small.setPointSizeF(small.pointSizeF() * 0.9);
    m_reference->setFont(small);
    m_reference->setBrush(QColor(255, 255, 255, 210)); // readable over the points it may cover
    m_reference->setPadding(QMargins(3, 1, 3, 1));
    m_reference->setClipToAxisRect(true);
    updateLabels();

    m_bestGraph->setLineStyle(QCPGraph::lsStepLeft);
    m_bestGraph->setPen(QPen(palette::kBest, 2));
    const struct {
        CurveRole role;
        QColor color;
        QCPScatterStyle::ScatterShape shape;
        QString name; // in the legend
    } styles[] = {
        {CurveRole::Pruned, palette::role(CurveRole::Pruned), QCPScatterStyle::ssDisc, tr("pruned")},
        {CurveRole::Failed, palette::role(CurveRole::Failed), QCPScatterStyle::ssCross, tr("failed")},
        {CurveRole::Completed, palette::role(CurveRole::Completed), QCPScatterStyle::ssDisc, tr("completed")},
    };
    for (const auto& s : styles) {
        auto* graph = new QCPGraph(plot()->xAxis, plot()->yAxis);
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setScatterStyle(QCPScatterStyle(s.shape, s.color, s.color, 6));
        graph->setName(s.name);
        m_graphs[static_cast<int>(s.role)] = graph;
    }
    m_selectedGraph = new QCPGraph(plot()->xAxis, plot()->yAxis); // created last: drawn on top
    m_selectedGraph->setName(tr("selected"));
    m_selectedGraph->setLineStyle(QCPGraph::lsNone);
    m_selectedGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette::kSelected, 2), Qt::NoBrush, 12));

    connect(data, &ExperimentData::experimentReset, this, [this] {
        updateLabels();
        markDirty();
    });
    connect(data, &ExperimentData::trialsChanged, this, &HistoryPlot::markDirty);
    connect(data, &ExperimentData::filterChanged, this, &HistoryPlot::markDirty);
    connect(data, &ExperimentData::selectionChanged, this, &HistoryPlot::markDirty);
    markDirty();
}

void HistoryPlot::updateLabels()
{
    const bool multi = data()->multiObjective();
    setWindowTitle(multi ? tr("Hypervolume history") : tr("Optimization history"));
    plot()->yAxis->setLabel(multi ? tr("hypervolume") : objectiveLabel(data()));
    m_bestGraph->setName(multi ? tr("hypervolume") : tr("best so far"));
    m_reference->setVisible(multi);
    m_reference->setText(QString());
    m_referenceLine.clear();
    m_legendMask = -1;
}

QVector<QPointF> HistoryPlot::hypervolume() const
{
    return data()->multiObjective() ? m_bestSoFar : QVector<QPointF>();
}

QString HistoryPlot::referenceText() const
{
    return data()->multiObjective() ? m_referenceLine : QString();
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
    if (d->multiObjective()) {
        rebuildHypervolume();
        return;
    }
    m_points.clear();
    for (const TrialView& t : d->trials()) {
        const CurveRole role = roleFor(t.row.state);
        if (role == CurveRole::Running || !t.row.value || !std::isfinite(*t.row.value) || !d->passesFilter(t.row.id))
            continue;
        m_points.push_back(Point{t.row.id, t.row.number, *t.row.value, role, t.row.feasible()});
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
        if (p.role != CurveRole::Completed || !p.feasible)
            continue; // the best so far is the best feasible trial's, as `best` says
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

    // The legend lists what is drawn, in a steady order.
    QCPGraph* order[] = {m_bestGraph, m_graphs[static_cast<int>(CurveRole::Completed)], m_graphs[static_cast<int>(CurveRole::Pruned)],
                               m_graphs[static_cast<int>(CurveRole::Failed)], m_selectedGraph};
    int mask = 0;
    for (int i = 0; i < 5; ++i)
        mask |= order[i]->dataCount() > 0 ? 1 << i : 0;
    if (mask != m_legendMask) {
        m_legendMask = mask;
        plot()->legend->clearItems();
        for (int i = 0; i < 5; ++i)
            if (mask & (1 << i))
                order[i]->addToLegend();
    }
}

void HistoryPlot::rebuildHypervolume()
{
    const ExperimentData* d = data();
    const engine::ParetoSet& set = d->paretoSet();
    m_points.clear();
    m_bestSoFar.clear();
    QStringList reference;
    const QStringList names = d->objectiveNames();
    for (std::size_t i = 0; i < set.reference.size(); ++i)
        reference << tr("%1 %2").arg(names.value(static_cast<int>(i)), formatNumber(set.reference[i]));
    const QString point = reference.join(QStringLiteral(", "));
    m_referenceLine = reference.isEmpty()     ? QString()
        : set.referenceFromSpec               ? tr("reference: %1 (from the spec)").arg(point)
                                              : tr("reference: %1 (from the trials)").arg(point);
    // Short lines, the values wrapped to the axis rect's width: the history panel is narrow.
    QStringList lines;
    if (!reference.isEmpty()) {
        lines << (set.referenceFromSpec ? tr("reference point (the spec's)") : tr("reference point (from the trials)"));
        const QFontMetrics metrics(m_reference->font());
        const int width = plot()->axisRect()->width() * 9 / 10;
        QString line;
        for (const QString& value : std::as_const(reference)) {
            const QString longer = line.isEmpty() ? value : line + QStringLiteral(", ") + value;
            if (!line.isEmpty() && width > 0 && metrics.horizontalAdvance(longer) > width) {
                lines << line + QLatin1Char(',');
                line = value;
            } else {
                line = longer;
            }
        }
        lines << line;
    }
    m_reference->setText(lines.join(QLatin1Char('\n')));
    QVector<double> keys, values, selectedKey, selectedValue;
    if (!set.reference.empty()) {
        QHash<qint64, qint64> idOf; // by number
        for (const TrialView& t : d->trials())
            idOf.insert(t.row.number, t.row.id);
        for (const auto& [number, hv] : engine::hypervolumeHistory(*d->spec(), d->rows(true), set.reference)) {
            const qint64 id = idOf.value(number, -1);
            m_points.push_back(Point{id, number, hv, CurveRole::Completed});
            m_bestSoFar << QPointF(static_cast<double>(number), hv);
            keys << static_cast<double>(number);
            values << hv;
            if (id == d->selectedTrial()) {
                selectedKey << static_cast<double>(number);
                selectedValue << hv;
            }
        }
    }
    for (QCPGraph* graph : m_graphs)
        if (graph)
            graph->setData({}, {});
    m_graphs[static_cast<int>(CurveRole::Completed)]->setData(keys, values, true);
    m_bestGraph->setData(keys, values, true);
    m_selectedGraph->setData(selectedKey, selectedValue, true);
    const int mask = (keys.isEmpty() ? 0 : 1) | (selectedKey.isEmpty() ? 0 : 2);
    if (mask != m_legendMask) {
        m_legendMask = mask;
        plot()->legend->clearItems();
        if (mask & 1)
            m_bestGraph->addToLegend();
        if (mask & 2)
            m_selectedGraph->addToLegend();
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
    if (data()->multiObjective())
        return Hit{hit->trialId, tr("%1: hypervolume %2 (%3)").arg(trialName(hit->trialId, hit->number), formatNumber(hit->value), referenceText())};
    QString text = tr("%1: %2 %3").arg(trialName(hit->trialId, hit->number), objectiveLabel(data()), formatNumber(hit->value));
    if (hit->role == CurveRole::Pruned)
        text = tr("%1 (pruned)").arg(text);
    else if (hit->role == CurveRole::Failed)
        text = tr("%1 (failed)").arg(text);
    return Hit{hit->trialId, text};
}

} // namespace tb::widgets
