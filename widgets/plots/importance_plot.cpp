#include "widgets/plots/importance_plot.h"

#include "widgets/models/experiment_data.h"
#include "widgets/plots/curve_bundle.h"

#include <QComboBox>
#include <QLabel>
#include <QToolBar>
#include <algorithm>
#include <cmath>
#include <limits>

namespace tb::widgets {

ImportancePlot::ImportancePlot(ExperimentData* data, QWidget* parent)
    : PlotPanel(data, parent), m_barsPlottable(new QCPBars(plot()->yAxis, plot()->xAxis)), m_objectiveChooser(new QComboBox(this))
{
    m_objectiveChooser->setObjectName(QStringLiteral("importanceObjective"));
    m_objectiveChooser->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    toolBar()->addSeparator();
    m_chooserActions << toolBar()->addWidget(new QLabel(tr("Objective:"), this)) << toolBar()->addWidget(m_objectiveChooser);
    connect(m_objectiveChooser, &QComboBox::activated, this, [this](int index) {
        plot()->xAxis->setLabel(tr("share of %1's variance").arg(m_objectiveChooser->currentText()));
        emit objectiveChanged(index);
    });
    setObjectName(QStringLiteral("importance"));
    setWindowTitle(tr("Parameter importance"));
    plot()->xAxis->setLabel(tr("share of the objective's variance"));
    plot()->yAxis->setLabel(tr("parameter"));
    m_barsPlottable->removeFromLegend(); // one colour for all bars: nothing to explain
    plot()->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    plot()->yAxis->grid()->setVisible(false);
    m_barsPlottable->setWidth(0.6);
    m_barsPlottable->setPen(Qt::NoPen);
    m_barsPlottable->setBrush(palette::kUtilization);
    if (data) {
        connect(data, &ExperimentData::experimentReset, this, [this] {
            m_bars.clear(); // the shares belonged to the previous experiment
            updateChooser();
            markDirty();
        });
    }
    updateChooser();
    markDirty();
}

void ImportancePlot::updateChooser()
{
    const QStringList names = data() ? data()->objectiveNames() : QStringList();
    m_objectiveChooser->clear();
    m_objectiveChooser->addItems(names);
    for (QAction* action : std::as_const(m_chooserActions))
        action->setVisible(names.size() > 1);
    plot()->xAxis->setLabel(names.size() > 1 ? tr("share of %1's variance").arg(names.first()) : tr("share of the objective's variance"));
}

int ImportancePlot::objective() const
{
    return std::max(0, m_objectiveChooser->currentIndex());
}

void ImportancePlot::setObjective(int index)
{
    if (index == objective() || index < 0 || index >= m_objectiveChooser->count())
        return;
    m_objectiveChooser->setCurrentIndex(index);
    plot()->xAxis->setLabel(tr("share of %1's variance").arg(m_objectiveChooser->currentText()));
    emit objectiveChanged(index);
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
