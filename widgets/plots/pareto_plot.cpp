#include "widgets/plots/pareto_plot.h"

#include "widgets/models/experiment_data.h"
#include "widgets/plots/render.h"

#include "engine/core/pareto_set.h"

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QSet>
#include <QToolBar>

#include <algorithm>
#include <cmath>

namespace tb::widgets {

namespace {

constexpr double kPointSize = 7;
const QColor kInfeasible(150, 150, 150);

bool minimizes(const ExperimentData* data, int objective)
{
    const auto& spec = data->spec();
    return !spec || objective < 0 || objective >= static_cast<int>(spec->objectives.size())
        || spec->objectives[static_cast<std::size_t>(objective)].direction == algorithms::Direction::Minimize;
}

} // namespace

ParetoPlot::ParetoPlot(ExperimentData* data, QWidget* parent)
    : PlotPanel(data, parent), m_xChooser(new QComboBox(this)), m_yChooser(new QComboBox(this)),
      m_front(new QCPGraph(plot()->xAxis, plot()->yAxis)), m_pareto(nullptr), m_feasible(nullptr), m_infeasible(nullptr),
      m_selected(nullptr)
{
    setObjectName(QStringLiteral("pareto"));
    setWindowTitle(tr("Pareto front"));
    toolBar()->addSeparator();
    m_pairActions << toolBar()->addWidget(new QLabel(tr("Across:"), this)) << toolBar()->addWidget(m_xChooser)
                  << toolBar()->addWidget(new QLabel(tr("Up:"), this)) << toolBar()->addWidget(m_yChooser);
    m_xChooser->setToolTip(tr("The objective along the horizontal axis"));
    m_yChooser->setToolTip(tr("The objective along the vertical axis"));
    for (QComboBox* chooser : {m_xChooser, m_yChooser})
        chooser->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_scheduleAction = toolBar()->addAction(tr("Pipeline schedule"));
    m_scheduleAction->setObjectName(QStringLiteral("pipelineSchedule"));
    m_scheduleAction->setToolTip(tr("Open the selected trial's measured pipeline schedule in the Pipeline view"));
    connect(m_scheduleAction, &QAction::triggered, this, [this] {
        if (this->data()->selectedTrial() >= 0)
            emit scheduleRequested(this->data()->selectedTrial());
    });

    // The front under the points; the selected trial's ring over everything.
    m_front->setLineStyle(QCPGraph::lsLine);
    m_front->setPen(QPen(palette::kBest, 2));
    auto scatter = [this](QCPScatterStyle style, const QString& name) {
        auto* graph = new QCPGraph(plot()->xAxis, plot()->yAxis);
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setScatterStyle(style);
        graph->setName(name);
        return graph;
    };
    const QColor feasible = palette::role(CurveRole::Completed);
    m_infeasible = scatter(QCPScatterStyle(QCPScatterStyle::ssCross, QPen(kInfeasible, 1.5), Qt::NoBrush, kPointSize + 1), tr("infeasible"));
    m_feasible = scatter(QCPScatterStyle(QCPScatterStyle::ssDisc, feasible, feasible, kPointSize), tr("dominated"));
    m_pareto = scatter(QCPScatterStyle(QCPScatterStyle::ssDisc, QPen(palette::kBest.darker(130), 1), palette::kBest, kPointSize + 2),
                       tr("Pareto front"));
    m_selected = scatter(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette::kSelected, 2), Qt::NoBrush, 14), tr("selected"));
    placeLegendAbove(plot());

    auto chosen = [this](bool across) {
        int x = m_xChooser->currentIndex(), y = m_yChooser->currentIndex();
        if (x == y) // the other one takes the pair's old place
            (across ? y : x) = across ? m_x : m_y;
        choose(x, y);
    };
    connect(m_xChooser, &QComboBox::activated, this, [chosen] { chosen(true); });
    connect(m_yChooser, &QComboBox::activated, this, [chosen] { chosen(false); });
    connect(data, &ExperimentData::experimentReset, this, [this] {
        fillChoosers();
        markDirty();
    });
    connect(data, &ExperimentData::trialsChanged, this, &ParetoPlot::markDirty);
    connect(data, &ExperimentData::filterChanged, this, &ParetoPlot::markDirty);
    connect(data, &ExperimentData::selectionChanged, this, &ParetoPlot::markDirty);
    fillChoosers();
    markDirty();
}

ParetoPlot::~ParetoPlot() = default;

bool ParetoPlot::applies() const
{
    return data()->multiObjective();
}

QStringList ParetoPlot::objectives() const
{
    return data()->objectiveNames();
}

bool ParetoPlot::setObjectives(const QString& x, const QString& y)
{
    const QStringList names = objectives();
    const auto i = names.indexOf(x), j = names.indexOf(y);
    if (i < 0 || j < 0 || i == j)
        return false;
    choose(static_cast<int>(i), static_cast<int>(j));
    return true;
}

void ParetoPlot::choose(int x, int y)
{
    const QSignalBlocker bx(m_xChooser), by(m_yChooser);
    m_x = x;
    m_y = y;
    m_xChooser->setCurrentIndex(x);
    m_yChooser->setCurrentIndex(y);
    plot()->xAxis->setLabel(axisLabel(x));
    plot()->yAxis->setLabel(axisLabel(y));
    requestExactFit();
}

QString ParetoPlot::axisLabel(int objective) const
{
    const QString name = objectives().value(objective);
    if (name.isEmpty())
        return {};
    return minimizes(data(), objective) ? tr("%1 (minimize)").arg(name) : tr("%1 (maximize)").arg(name);
}

void ParetoPlot::fillChoosers()
{
    const QStringList names = objectives();
    for (QComboBox* chooser : {m_xChooser, m_yChooser}) {
        const QSignalBlocker blocker(chooser);
        chooser->clear();
        chooser->addItems(names);
    }
    for (QAction* action : std::as_const(m_pairActions))
        action->setVisible(names.size() > 2);
    m_scheduleAction->setVisible(runsTrainer());
    choose(0, names.size() > 1 ? 1 : 0);
}

bool ParetoPlot::runsTrainer() const
{
    const auto& spec = data()->spec();
    return spec && spec->trial && !spec->trial->argv.isEmpty()
        && QFileInfo(spec->trial->argv.first()).fileName() == QLatin1String("tunebench-train");
}

QVector<qint64> ParetoPlot::paretoTrials() const
{
    QVector<qint64> out;
    for (const Point& p : m_points)
        if (p.kind == Kind::Pareto)
            out << p.number;
    return out;
}

QVector<qint64> ParetoPlot::feasibleTrials() const
{
    QVector<qint64> out;
    for (const Point& p : m_points)
        if (p.kind == Kind::Feasible)
            out << p.number;
    return out;
}

QVector<qint64> ParetoPlot::infeasibleTrials() const
{
    QVector<qint64> out;
    for (const Point& p : m_points)
        if (p.kind == Kind::Infeasible)
            out << p.number;
    return out;
}

std::optional<QPointF> ParetoPlot::pixelOf(qint64 trialId) const
{
    for (const Point& p : m_points)
        if (p.trialId == trialId)
            return QPointF(plot()->xAxis->coordToPixel(p.values[static_cast<std::size_t>(m_x)]),
                           plot()->yAxis->coordToPixel(p.values[static_cast<std::size_t>(m_y)]));
    return std::nullopt;
}

void ParetoPlot::rebuild()
{
    const ExperimentData* d = data();
    m_points.clear();
    m_frontLine.clear();
    const int count = static_cast<int>(objectives().size());
    if (d->spec() && count > std::max(m_x, m_y)) {
        const engine::ExperimentSpec& spec = *d->spec();
        // The set among the trials shown: a filter asks "what if only these".
        const engine::ParetoSet filtered = d->isFiltered() ? engine::paretoSet(spec, d->rows(true)) : engine::ParetoSet{};
        const engine::ParetoSet& set = d->isFiltered() ? filtered : d->paretoSet();
        QSet<qint64> inSet;
        for (const engine::TrialRow& t : set.trials)
            inSet.insert(t.id);
        for (const TrialView& t : d->trials()) {
            if (t.row.state != algorithms::TrialState::Completed || !d->passesFilter(t.row.id))
                continue;
            std::vector<double> values = engine::objectiveValues(spec, t.row);
            if (static_cast<int>(values.size()) != count || !std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); }))
                continue;
            const Kind kind = !t.row.feasible() ? Kind::Infeasible : inSet.contains(t.row.id) ? Kind::Pareto : Kind::Feasible;
            m_points.push_back(Point{t.row.id, t.row.number, std::move(values), kind});
        }
    }
    std::sort(m_points.begin(), m_points.end(), [](const Point& a, const Point& b) { return a.number < b.number; });

    const auto x = static_cast<std::size_t>(m_x), y = static_cast<std::size_t>(m_y);
    QVector<double> keys[3], values[3];
    QVector<double> selectedKey, selectedValue;
    QVector<QPointF> front;
    for (const Point& p : std::as_const(m_points)) {
        keys[static_cast<int>(p.kind)] << p.values[x];
        values[static_cast<int>(p.kind)] << p.values[y];
        if (p.kind == Kind::Pareto)
            front << QPointF(p.values[x], p.values[y]);
        if (p.trialId == data()->selectedTrial()) {
            selectedKey << p.values[x];
            selectedValue << p.values[y];
        }
    }
    m_pareto->setData(keys[static_cast<int>(Kind::Pareto)], values[static_cast<int>(Kind::Pareto)]);
    m_feasible->setData(keys[static_cast<int>(Kind::Feasible)], values[static_cast<int>(Kind::Feasible)]);
    m_infeasible->setData(keys[static_cast<int>(Kind::Infeasible)], values[static_cast<int>(Kind::Infeasible)]);
    m_selected->setData(selectedKey, selectedValue);

    // Two objectives: the staircase that bounds what the front dominates. Between two
    // neighbours it turns at the corner both dominate (the worse of each coordinate).
    if (count == 2 && !front.isEmpty()) {
        std::sort(front.begin(), front.end(), [](const QPointF& a, const QPointF& b) { return a.x() < b.x() || (a.x() == b.x() && a.y() < b.y()); });
        const bool minX = minimizes(d, m_x), minY = minimizes(d, m_y);
        m_frontLine << front.first();
        for (qsizetype i = 1; i < front.size(); ++i) {
            const QPointF& a = front[i - 1];
            const QPointF& b = front[i];
            const double cx = minX ? std::max(a.x(), b.x()) : std::min(a.x(), b.x());
            const double cy = minY ? std::max(a.y(), b.y()) : std::min(a.y(), b.y());
            m_frontLine << QPointF(cx, cy) << b;
        }
    }
    // Its x never decreases along the path, so the graph keeps the path's order.
    QVector<double> lineKeys, lineValues;
    for (const QPointF& p : std::as_const(m_frontLine)) {
        lineKeys << p.x();
        lineValues << p.y();
    }
    m_front->setData(lineKeys, lineValues, true);

    m_pareto->setName(count > 2 ? tr("Pareto set (all %n objectives)", nullptr, count) : tr("Pareto front"));
    QCPGraph* legendOrder[] = {m_pareto, m_feasible, m_infeasible, m_selected};
    int mask = 0;
    for (int i = 0; i < 4; ++i)
        mask |= legendOrder[i]->dataCount() > 0 ? 1 << i : 0;
    mask |= count > 2 ? 1 << 4 : 0; // the set's name changes with the count
    if (mask != m_legendMask) {
        m_legendMask = mask;
        plot()->legend->clearItems();
        for (int i = 0; i < 4; ++i)
            if (mask & (1 << i))
                legendOrder[i]->addToLegend();
    }
}

void ParetoPlot::fitView(bool)
{
    if (m_points.isEmpty()) {
        plot()->xAxis->setRange(0, 1);
        plot()->yAxis->setRange(0, 1);
        return;
    }
    const auto x = static_cast<std::size_t>(m_x), y = static_cast<std::size_t>(m_y);
    QCPRange keys(m_points.first().values[x], m_points.first().values[x]);
    QCPRange values(m_points.first().values[y], m_points.first().values[y]);
    for (const Point& p : std::as_const(m_points)) {
        keys.expand(p.values[x]);
        values.expand(p.values[y]);
    }
    plot()->xAxis->setRange(padded(keys));
    plot()->yAxis->setRange(padded(values));
}

const ParetoPlot::Point* ParetoPlot::pointAt(const QPointF& pos) const
{
    double bestDistance = kHitRadius;
    const Point* hit = nullptr;
    const auto x = static_cast<std::size_t>(m_x), y = static_cast<std::size_t>(m_y);
    for (auto it = m_points.crbegin(); it != m_points.crend(); ++it) { // the latest on top
        const double d = std::hypot(plot()->xAxis->coordToPixel(it->values[x]) - pos.x(), plot()->yAxis->coordToPixel(it->values[y]) - pos.y());
        if (d < bestDistance) {
            bestDistance = d;
            hit = &*it;
        }
    }
    return hit;
}

std::optional<PlotPanel::Hit> ParetoPlot::hitAt(const QPointF& pos) const
{
    const Point* hit = pointAt(pos);
    if (!hit)
        return std::nullopt;
    const QStringList names = objectives();
    QStringList values;
    for (std::size_t i = 0; i < hit->values.size(); ++i)
        values << tr("%1 %2").arg(names.value(static_cast<int>(i)), formatNumber(hit->values[i]));
    QString text = tr("%1: %2").arg(trialName(hit->trialId, hit->number), values.join(QStringLiteral(", ")));
    if (hit->kind == Kind::Pareto) {
        text = tr("%1 (in the Pareto set)").arg(text);
    } else if (hit->kind == Kind::Infeasible) {
        const TrialView* t = data()->trial(hit->trialId);
        const QStringList broken = t ? data()->brokenConstraints(*t) : QStringList();
        text = broken.isEmpty() ? tr("%1 (infeasible)").arg(text) : tr("%1 (infeasible: %2)").arg(text, broken.join(QStringLiteral("; ")));
    }
    return Hit{hit->trialId, text};
}

void ParetoPlot::addContextActions(QMenu* menu, const QPointF& pos)
{
    const Point* hit = pointAt(pos);
    const qint64 trialId = hit ? hit->trialId : data()->selectedTrial();
    const TrialView* t = data()->trial(trialId);
    if (!t)
        return;
    const QString name = trialName(t->row.id, t->row.number);
    if (hit && trialId != data()->selectedTrial())
        menu->addAction(tr("Select %1").arg(name), this, [this, trialId] { data()->select(trialId); });
    if (runsTrainer())
        menu->addAction(tr("Show pipeline schedule of %1").arg(name), this, [this, trialId] {
            data()->select(trialId);
            emit scheduleRequested(trialId);
        });
}

} // namespace tb::widgets
