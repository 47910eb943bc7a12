#include "widgets/plots/slice_plot.h"

#include "widgets/models/experiment_data.h"
#include "widgets/plots/pair_layers.h"
#include "widgets/plots/param_scale.h"

#include <QComboBox>
#include <QLabel>
#include <QToolBar>

#include <algorithm>
#include <cmath>

namespace tb::widgets {

SlicePlot::SlicePlot(ExperimentData* data, QWidget* parent)
    : PlotPanel(data, parent), m_chooser(new QComboBox(this)), m_scatter(new ColoredPoints(plot()->xAxis, plot()->yAxis)),
      m_selected(new QCPGraph(plot()->xAxis, plot()->yAxis)), m_colorScale(new QCPColorScale(plot()))
{
    setObjectName(QStringLiteral("slice"));
    setWindowTitle(tr("Slice"));
    toolBar()->addSeparator();
    toolBar()->addWidget(new QLabel(tr("Parameter:"), this));
    toolBar()->addWidget(m_chooser);
    m_chooser->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_chooser->setToolTip(tr("The parameter along the horizontal axis"));
    plot()->yAxis->setLabel(objectiveLabel(data));
    plot()->plotLayout()->addElement(0, 1, m_colorScale);
    m_colorScale->setType(QCPAxis::atRight);
    m_colorScale->setBarWidth(10);
    m_colorScale->setGradient(palette::trialOrderGradient());
    m_colorScale->setLabel(tr("trial number"));
    m_selected->setLineStyle(QCPGraph::lsNone);
    m_selected->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette::kSelected, 2), Qt::NoBrush, 14));

    connect(m_chooser, &QComboBox::currentTextChanged, this, [this](const QString& name) {
        if (name.isEmpty())
            return;
        m_wanted = name;
        if (const ParamScale* s = scale())
            s->applyTo(plot()->xAxis);
        resetView();
        markDirty();
    });
    connect(data, &ExperimentData::experimentReset, this, [this] {
        plot()->yAxis->setLabel(objectiveLabel(this->data()));
        fillChooser();
        markDirty();
    });
    connect(data, &ExperimentData::trialsChanged, this, &SlicePlot::markDirty);
    connect(data, &ExperimentData::filterChanged, this, &SlicePlot::markDirty);
    connect(data, &ExperimentData::selectionChanged, this, &SlicePlot::markDirty);
    fillChooser();
    markDirty();
}

SlicePlot::~SlicePlot() = default;

QStringList SlicePlot::parameters() const
{
    return ParamScale::names(m_scales);
}

QString SlicePlot::parameter() const
{
    return m_chooser->currentText();
}

bool SlicePlot::setParameter(const QString& name)
{
    const int i = m_chooser->findText(name);
    if (i < 0)
        return false;
    m_chooser->setCurrentIndex(i);
    return true;
}

const ParamScale* SlicePlot::scale() const
{
    const int i = m_chooser->currentIndex();
    return i >= 0 && i < static_cast<int>(m_scales.size()) ? &m_scales[i] : nullptr;
}

void SlicePlot::fillChooser()
{
    m_scales = ParamScale::ofSpace(*data(), false);
    const QString wanted = m_wanted;
    {
        const QSignalBlocker blocker(m_chooser);
        m_chooser->clear();
        m_chooser->addItems(parameters());
        m_chooser->setCurrentIndex(std::max(0, m_chooser->findText(wanted)));
    }
    m_wanted = wanted; // kept though this experiment lacks it
    if (const ParamScale* s = scale())
        s->applyTo(plot()->xAxis);
    else
        plot()->xAxis->setLabel(QString());
}

QVector<QPointF> SlicePlot::points() const
{
    QVector<QPointF> out;
    for (const Point& p : m_points)
        out << QPointF(p.x, p.value);
    return out;
}

QVector<qint64> SlicePlot::pointTrials() const
{
    QVector<qint64> out;
    for (const Point& p : m_points)
        out << p.trialId;
    return out;
}

void SlicePlot::rebuild()
{
    const ExperimentData* d = data();
    m_points.clear();
    const ParamScale* s = scale();
    if (s) {
        for (const TrialView& t : d->trials()) {
            if (t.row.state != algorithms::TrialState::Completed || !t.row.value || !std::isfinite(*t.row.value) ||
                !d->passesFilter(t.row.id))
                continue;
            if (const auto x = s->coordinate(t.params.value(s->name)))
                m_points << Point{t.row.id, t.row.number, *x, *t.row.value};
        }
    }
    std::sort(m_points.begin(), m_points.end(), [](const Point& a, const Point& b) { return a.number < b.number; });

    // Colours by trial number over every trial so far, so that a point keeps its colour
    // when the filter changes.
    std::optional<QCPRange> seen;
    for (const TrialView& t : d->trials()) {
        const auto n = static_cast<double>(t.row.number);
        if (seen)
            seen->expand(n);
        else
            seen = QCPRange(n, n);
    }
    QCPRange numbers = seen.value_or(QCPRange(0, 1));
    if (numbers.size() <= 0)
        numbers.upper = numbers.lower + 1;
    m_colorScale->setDataRange(numbers);
    QCPColorGradient gradient = palette::trialOrderGradient(); // color() is not const
    QVector<ColoredPoints::Point> drawn;
    QVector<double> selectedKey, selectedValue;
    for (const Point& p : std::as_const(m_points)) {
        drawn << ColoredPoints::Point{p.x, p.value, QColor::fromRgb(gradient.color(static_cast<double>(p.number), numbers))};
        if (p.trialId == d->selectedTrial()) {
            selectedKey << p.x;
            selectedValue << p.value;
        }
    }
    m_scatter->setDiameter(m_points.size() > 2000 ? 5 : 8);
    m_scatter->setPoints(std::move(drawn));
    m_selected->setData(selectedKey, selectedValue, true);
}

void SlicePlot::fitView(bool)
{
    if (const ParamScale* s = scale())
        plot()->xAxis->setRange(s->range());
    if (m_points.isEmpty()) {
        plot()->yAxis->setRange(0, 1);
        return;
    }
    QCPRange values(m_points.first().value, m_points.first().value);
    for (const Point& p : std::as_const(m_points))
        values.expand(p.value);
    plot()->yAxis->setRange(padded(values));
}

std::optional<PlotPanel::Hit> SlicePlot::hitAt(const QPointF& pos) const
{
    const ParamScale* s = scale();
    double bestDistance = kHitRadius;
    const Point* hit = nullptr;
    // The latest trials are drawn on top: search from the end.
    for (auto it = m_points.crbegin(); it != m_points.crend(); ++it) {
        const double d = std::hypot(plot()->xAxis->coordToPixel(it->x) - pos.x(), plot()->yAxis->coordToPixel(it->value) - pos.y());
        if (d < bestDistance) {
            bestDistance = d;
            hit = &*it;
        }
    }
    if (!hit || !s)
        return std::nullopt;
    return Hit{hit->trialId, tr("%1: %2 %3, %4 %5")
                                 .arg(trialName(hit->trialId, hit->number), s->name, s->text(hit->x), objectiveLabel(data()),
                                      formatNumber(hit->value))};
}

} // namespace tb::widgets
