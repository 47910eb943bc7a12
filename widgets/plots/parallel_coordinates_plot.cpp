#include "widgets/plots/parallel_coordinates_plot.h"

#include "widgets/models/experiment_data.h"
#include "widgets/plots/curve_bundle.h"

#include <QJsonValue>

#include <algorithm>
#include <cmath>
#include <limits>

namespace tb::widgets {

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
        live << CurveBundle::Curve{polylineOf(*best), QPen(palette::kBest, 3)};
    if (m_lineIndex.contains(d->selectedTrial()))
        live << CurveBundle::Curve{polylineOf(d->selectedTrial()), QPen(palette::kSelected, 2)};
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

    QCPColorGradient gradient = palette::objectiveGradient();
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
        line->setPen(QPen(palette::kAxisLine, 1));
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

} // namespace tb::widgets
