#include "widgets/plots/learning_curves_plot.h"

#include "widgets/models/experiment_data.h"
#include "widgets/plots/curve_bundle.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QToolBar>
#include <algorithm>
#include <cmath>
#include <limits>

namespace tb::widgets {

namespace {

// A legend entry drawn from a pen (and a marker), for plottables that hold many trials.
class LegendSwatch : public QCPAbstractLegendItem {
public:
    LegendSwatch(QCPLegend* legend, QString text, QPen pen, bool marker)
        : QCPAbstractLegendItem(legend), m_text(std::move(text)), m_pen(std::move(pen)), m_marker(marker)
    {
    }
    QString text() const { return m_text; }

protected:
    void draw(QCPPainter* painter) override
    {
        if (!mParentLegend)
            return;
        const QSize icon = mParentLegend->iconSize();
        painter->setFont(mFont);
        painter->setPen(QPen(mTextColor));
        const QRect textRect = painter->fontMetrics().boundingRect(0, 0, 0, icon.height(), Qt::TextDontClip, m_text);
        const int height = std::max(textRect.height(), icon.height());
        painter->drawText(mRect.x() + icon.width() + mParentLegend->iconTextPadding(), mRect.y(), textRect.width(), height,
                          Qt::TextDontClip, m_text);
        const QRect iconRect(mRect.topLeft() + QPoint(0, (height - icon.height()) / 2), icon);
        painter->save();
        painter->setAntialiasing(true);
        painter->setPen(m_pen);
        if (m_marker) {
            painter->setBrush(m_pen.color());
            painter->drawEllipse(QPointF(iconRect.center()), 3, 3);
        } else {
            painter->drawLine(QPointF(iconRect.left(), iconRect.center().y()), QPointF(iconRect.right(), iconRect.center().y()));
        }
        painter->restore();
    }
    QSize minimumOuterSizeHint() const override
    {
        if (!mParentLegend)
            return {};
        const QSize icon = mParentLegend->iconSize();
        const QRect textRect = QFontMetrics(mFont).boundingRect(0, 0, 0, icon.height(), Qt::TextDontClip, m_text);
        return QSize(icon.width() + mParentLegend->iconTextPadding() + textRect.width() + mMargins.left() + mMargins.right(),
                     std::max(textRect.height(), icon.height()) + mMargins.top() + mMargins.bottom());
    }

private:
    QString m_text;
    QPen m_pen;
    bool m_marker;
};

constexpr double kMaxSmoothing = 0.999;
constexpr int kMarkerSize = 7;

QString formatDuration(double seconds)
{
    const bool negative = seconds < 0;
    const qint64 s = std::llround(std::abs(seconds));
    const QString text = s >= 3600 ? QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'))
                                   : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return negative ? QLatin1Char('-') + text : text;
}

// Pads a range of positive values on a log axis (a factor each side).
QCPRange paddedLog(QCPRange r, double fraction)
{
    const double ratio = r.upper / r.lower;
    const double factor = ratio > 1 ? std::pow(ratio, fraction) : 1.5;
    return QCPRange(r.lower / factor, r.upper * factor);
}

} // namespace

LearningCurvesPlot::LearningCurvesPlot(ExperimentData* data, QWidget* parent)
    : PlotPanel(data, parent), m_bulk(new CurveBundle(plot()->xAxis, plot()->yAxis, true)),
      m_live(new CurveBundle(plot()->xAxis, plot()->yAxis, false)),
      m_highlight(new CurveBundle(plot()->xAxis, plot()->yAxis, true)), m_metricChooser(new QComboBox(this)),
      m_xChooser(new QComboBox(this)), m_smoothingBox(new QDoubleSpinBox(this)), m_logAction(nullptr)
{
    // Two curves at most, decimated to a few points per pixel column: always antialiased.
    m_highlight->setRasterAbove(std::numeric_limits<qsizetype>::max());
    setObjectName(QStringLiteral("learning-curves"));
    setWindowTitle(tr("Learning curves"));

    // Single-point curves as markers, over the curves: per role, then the best and the
    // selected trial.
    for (CurveRole role : {CurveRole::Running, CurveRole::Completed, CurveRole::Pruned, CurveRole::Failed}) {
        auto* graph = new QCPGraph(plot()->xAxis, plot()->yAxis);
        graph->setLineStyle(QCPGraph::lsNone);
        const QColor color = palette::role(role);
        graph->setScatterStyle(QCPScatterStyle(role == CurveRole::Failed ? QCPScatterStyle::ssCross : QCPScatterStyle::ssDisc,
                                               color, color, kMarkerSize));
        m_markers << graph;
    }
    auto* best = new QCPGraph(plot()->xAxis, plot()->yAxis);
    best->setLineStyle(QCPGraph::lsNone);
    best->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, palette::kBest, palette::kBest, kMarkerSize + 3));
    auto* selected = new QCPGraph(plot()->xAxis, plot()->yAxis);
    selected->setLineStyle(QCPGraph::lsNone);
    selected->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette::kSelected, 2), Qt::NoBrush, kMarkerSize + 7));
    m_markers << best << selected;
    plot()->legend->clearItems(); // the plottables hold many trials: rebuildLegend() names what the colours mean

    QToolBar* bar = toolBar();
    bar->addSeparator();
    m_metricChooser->setObjectName(QStringLiteral("metric"));
    m_metricChooser->setToolTip(tr("The metric drawn: any the trials reported"));
    m_metricChooser->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    bar->addWidget(m_metricChooser);
    m_smoothingBox->setObjectName(QStringLiteral("smoothing"));
    m_smoothingBox->setRange(0, kMaxSmoothing);
    m_smoothingBox->setDecimals(3);
    m_smoothingBox->setSingleStep(0.05);
    m_smoothingBox->setPrefix(tr("smoothing "));
    m_smoothingBox->setSpecialValueText(tr("no smoothing"));
    m_smoothingBox->setToolTip(tr("Exponential moving average of each curve, as in TensorBoard: 0 is off, 0.9 smooths strongly"));
    bar->addWidget(m_smoothingBox);
    m_logAction = bar->addAction(tr("Log y"));
    m_logAction->setObjectName(QStringLiteral("logY"));
    m_logAction->setCheckable(true);
    m_logAction->setToolTip(tr("A logarithmic value axis (values at or below zero are not drawn)"));
    m_xChooser->setObjectName(QStringLiteral("x"));
    m_xChooser->addItem(tr("x: step"), static_cast<int>(XMode::Step));
    m_xChooser->addItem(tr("x: time since start"), static_cast<int>(XMode::RelativeTime));
    m_xChooser->addItem(tr("x: wall time"), static_cast<int>(XMode::WallTime));
    m_xChooser->setToolTip(tr("What the x axis measures: the reported step, or when the point was reported"));
    bar->addWidget(m_xChooser);
    connect(m_metricChooser, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0)
            setMetric(m_metricChooser->itemData(i).toInt());
    });
    connect(m_smoothingBox, &QDoubleSpinBox::valueChanged, this, &LearningCurvesPlot::setSmoothing);
    connect(m_logAction, &QAction::toggled, this, &LearningCurvesPlot::setLogY);
    connect(m_xChooser, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0)
            setXMode(static_cast<XMode>(m_xChooser->itemData(i).toInt()));
    });
    fillMetricChooser();
    updateAxes();

    connect(data, &ExperimentData::experimentReset, this, [this] {
        m_metric = 0; // the objective of the new experiment
        fillMetricChooser();
        updateAxes();
        m_reset = true;
        m_bulk->discardImage();
        m_highlight->discardImage();
        markDirty();
    });
    connect(data, &ExperimentData::metricNamesChanged, this, &LearningCurvesPlot::fillMetricChooser);
    connect(data, &ExperimentData::metricPointsChanged, this, [this](int metric, const QSet<qint64>& ids) {
        if (metric != m_metric && metric >= 0)
            return;
        m_changed.unite(ids);
        markDirty();
    });
    connect(data, &ExperimentData::trialsChanged, this, &LearningCurvesPlot::markDirty);
    connect(data, &ExperimentData::filterChanged, this, &LearningCurvesPlot::markDirty);
    connect(data, &ExperimentData::selectionChanged, this, &LearningCurvesPlot::markDirty);
    markDirty();
}

QString LearningCurvesPlot::metricName() const
{
    const QStringList names = data()->metricNames();
    return m_metric < names.size() ? names[m_metric] : QString();
}

void LearningCurvesPlot::setMetric(int index)
{
    if (index < 0 || index >= data()->metricNames().size() || index == m_metric)
        return;
    m_metric = index;
    {
        const QSignalBlocker block(m_metricChooser);
        m_metricChooser->setCurrentIndex(m_metricChooser->findData(index));
    }
    restartCurves();
}

bool LearningCurvesPlot::setMetric(const QString& name)
{
    const int index = data()->metricIndex(name);
    if (index < 0)
        return false;
    setMetric(index);
    return true;
}

void LearningCurvesPlot::setSmoothing(double weight)
{
    weight = std::isfinite(weight) ? std::clamp(weight, 0.0, kMaxSmoothing) : 0.0;
    if (weight == m_smoothing)
        return;
    m_smoothing = weight;
    {
        const QSignalBlocker block(m_smoothingBox);
        m_smoothingBox->setValue(weight);
    }
    restartCurves();
}

void LearningCurvesPlot::setLogY(bool on)
{
    if (on == m_logY)
        return;
    m_logY = on;
    {
        const QSignalBlocker block(m_logAction);
        m_logAction->setChecked(on);
    }
    updateAxes();
    // The curves stay; their cached images render for the new axis. The view refits.
    requestExactFit();
}

void LearningCurvesPlot::setXMode(XMode mode)
{
    if (mode == m_xMode)
        return;
    m_xMode = mode;
    {
        const QSignalBlocker block(m_xChooser);
        m_xChooser->setCurrentIndex(m_xChooser->findData(static_cast<int>(mode)));
    }
    updateAxes();
    restartCurves();
}

void LearningCurvesPlot::restartCurves()
{
    m_reset = true;
    m_bulk->discardImage(); // the old image would be a misleading preview
    m_highlight->discardImage();
    requestExactFit();
}

void LearningCurvesPlot::fillMetricChooser()
{
    const QSignalBlocker block(m_metricChooser);
    m_metricChooser->clear();
    const QStringList names = data() ? data()->metricNames() : QStringList();
    for (int i = 0; i < names.size(); ++i) {
        if (i == 0)
            m_metricChooser->addItem(tr("%1 (objective)").arg(objectiveLabel(data())), 0);
        else
            m_metricChooser->addItem(names[i], i);
    }
    m_metricChooser->setCurrentIndex(m_metricChooser->findData(m_metric));
    m_metricChooser->setEnabled(names.size() > 1);
}

QString LearningCurvesPlot::metricLabel() const
{
    return m_metric == 0 ? objectiveLabel(data()) : metricName();
}

void LearningCurvesPlot::updateAxes()
{
    QCPAxis* x = plot()->xAxis;
    QCPAxis* y = plot()->yAxis;
    switch (m_xMode) {
    case XMode::Step:
        x->setLabel(tr("step"));
        x->setTicker(QSharedPointer<QCPAxisTicker>::create());
        break;
    case XMode::RelativeTime: {
        x->setLabel(tr("time since the trial started (h:mm:ss)"));
        auto ticker = QSharedPointer<QCPAxisTickerTime>::create();
        ticker->setTimeFormat(QStringLiteral("%h:%m:%s"));
        x->setTicker(ticker);
        break;
    }
    case XMode::WallTime: {
        x->setLabel(tr("wall time"));
        auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
        ticker->setDateTimeFormat(QStringLiteral("hh:mm:ss\nd MMM"));
        x->setTicker(ticker);
        break;
    }
    }
    y->setLabel(metricLabel());
    if (m_logY) {
        y->setScaleType(QCPAxis::stLogarithmic);
        y->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    } else {
        y->setScaleType(QCPAxis::stLinear);
        y->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
}

QVector<QPointF> LearningCurvesPlot::smoothed(const QVector<QPointF>& points, double weight)
{
    if (!(weight > 0))
        return points;
    QVector<QPointF> out = points;
    double average = 0, decay = 1; // decay: weight^n
    for (QPointF& p : out) {
        if (!std::isfinite(p.y()))
            continue;
        average = average * weight + (1 - weight) * p.y();
        decay *= weight;
        p.setY(average / (1 - decay));
    }
    return out;
}

QVector<QPointF> LearningCurvesPlot::curvePoints(const TrialView& t) const
{
    const QVector<QPointF>& raw = t.points(m_metric);
    if (m_xMode == XMode::Step && !(m_smoothing > 0))
        return sortedByKey(raw); // shares the data when in order (the common case)
    QVector<QPointF> out;
    if (m_xMode == XMode::Step) {
        out = sortedByKey(raw);
    } else {
        const QVector<double>& times = t.times(m_metric);
        const qsizetype n = std::min(raw.size(), times.size());
        double origin = 0;
        if (m_xMode == XMode::RelativeTime && n > 0) {
            origin = *std::min_element(times.begin(), times.begin() + n);
            if (t.row.startedAt && *t.row.startedAt <= origin)
                origin = *t.row.startedAt; // the time before the first report counts
        }
        out.reserve(n);
        for (qsizetype i = 0; i < n; ++i)
            out << QPointF(times[i] - origin, raw[i].y());
        out = sortedByKey(out);
    }
    return smoothed(out, m_smoothing);
}

QVector<qint64> LearningCurvesPlot::markedTrials() const
{
    QVector<qint64> out;
    for (auto it = m_curves.cbegin(); it != m_curves.cend(); ++it)
        if (it->points.size() == 1)
            out << it.key();
    std::sort(out.begin(), out.end());
    return out;
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
        plot()->yAxis->setLabel(metricLabel());
    }
    const QSet<qint64> changed = std::exchange(m_changed, {});
    QVector<qint64> finished; // newly finished, in trial order
    qsizetype finishedCount = 0;
    for (const TrialView& t : d->trials()) {
        const qint64 id = t.row.id;
        auto it = m_curves.find(id);
        if (t.points(m_metric).isEmpty() || !d->passesFilter(id)) { // the data's filter hides it too
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
        if (pointsChanged) {
            c.points = curvePoints(t);
            c.positiveKnown = false;
        }
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
    rebuildMarkers();
    rebuildLegend();
}

void LearningCurvesPlot::rebuildMarkers()
{
    QVector<double> keys[6], values[6];
    for (auto it = m_curves.cbegin(); it != m_curves.cend(); ++it) {
        if (it->points.size() != 1)
            continue;
        const QPointF p = it->points.first();
        const int role = static_cast<int>(it->role);
        keys[role] << p.x();
        values[role] << p.y();
        if (m_best == it.key()) {
            keys[4] << p.x();
            values[4] << p.y();
        }
        if (m_selected == it.key()) {
            keys[5] << p.x();
            values[5] << p.y();
        }
    }
    for (int i = 0; i < 6; ++i)
        m_markers[i]->setData(keys[i], values[i]); // sorts by key
}

void LearningCurvesPlot::rebuildLegend()
{
    // What the colours mean, for the roles drawn now: rebuilt only when that changes.
    bool present[4] = {false, false, false, false};
    bool markers = false;
    for (const Curve& c : std::as_const(m_curves)) {
        present[static_cast<int>(c.role)] = true;
        markers = markers || c.points.size() == 1;
    }
    QString key;
    for (bool p : present)
        key += p ? QLatin1Char('1') : QLatin1Char('0');
    key += markers ? QLatin1Char('m') : QLatin1Char('-');
    if (m_best)
        key += QStringLiteral("b%1").arg(*m_best);
    if (m_selected >= 0)
        key += QStringLiteral("s%1").arg(m_selected);
    if (key == m_legendKey)
        return;
    m_legendKey = key;
    QCPLegend* legend = plot()->legend;
    legend->clearItems();
    auto add = [legend](const QString& text, const QPen& pen, bool marker = false) {
        legend->addItem(new LegendSwatch(legend, text, pen, marker));
    };
    const struct {
        CurveRole role;
        QString name;
    } roles[] = {{CurveRole::Completed, tr("completed")},
                 {CurveRole::Running, tr("running")},
                 {CurveRole::Pruned, tr("pruned")},
                 {CurveRole::Failed, tr("failed")}};
    for (const auto& r : roles) {
        if (!present[static_cast<int>(r.role)])
            continue;
        QPen pen(palette::role(r.role), 1.5);
        if (r.role == CurveRole::Failed)
            pen.setStyle(Qt::DashLine);
        add(r.name, pen);
    }
    if (markers)
        add(tr("single report"), QPen(palette::role(CurveRole::Completed)), true);
    if (m_best)
        add(tr("best: %1").arg(trialName(*m_best, m_curves[*m_best].number)), QPen(palette::kBest, 3));
    if (m_selected >= 0)
        add(tr("selected: %1").arg(trialName(m_selected, m_curves[m_selected].number)), QPen(palette::kSelected, 2));
}

bool LearningCurvesPlot::hasLegend() const
{
    return plot()->legend->itemCount() > 0;
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
        if (m_xMode == XMode::WallTime) {
            const double now = static_cast<double>(QDateTime::currentSecsSinceEpoch());
            plot()->xAxis->setRange(now - 600, now);
        } else {
            plot()->xAxis->setRange(0, 10);
        }
        plot()->yAxis->setRange(m_logY ? QCPRange(0.1, 10) : QCPRange(0, 1));
        return;
    }
    if (!foundBulk) {
        keys = liveKeys;
        values = liveValues;
    } else if (foundLive) {
        keys.expand(liveKeys);
        values.expand(liveValues);
    }
    // The key range grows in nice steps, so that a running trial's next point re-renders
    // the finished curves only now and then.
    QCPRange x = m_xMode == XMode::WallTime ? QCPRange(keys.lower, keys.lower + niceCeil(keys.upper - keys.lower))
                                            : QCPRange(std::min(0.0, keys.lower), niceCeil(keys.upper));
    // Markers at the ends would be cut in half by the axis rect: room for them.
    const bool markers = std::any_of(m_markers.cbegin(), m_markers.cend(), [](const QCPGraph* g) { return g->dataCount() > 0; });
    if (markers) {
        const double margin = x.size() * 0.02;
        x = QCPRange(x.lower - margin, x.upper + margin);
    }
    plot()->xAxis->setRange(x);
    if (m_logY) {
        // Only positive values show on a log axis.
        bool found = false;
        for (auto it = m_curves.begin(); it != m_curves.end(); ++it) {
            Curve& c = *it;
            if (!c.positiveKnown) {
                c.positiveKnown = true;
                c.positiveLow = c.positiveHigh = qQNaN();
                for (const QPointF& p : std::as_const(c.points))
                    if (p.y() > 0 && std::isfinite(p.y())) {
                        c.positiveLow = std::isnan(c.positiveLow) ? p.y() : std::min(c.positiveLow, p.y());
                        c.positiveHigh = std::isnan(c.positiveHigh) ? p.y() : std::max(c.positiveHigh, p.y());
                    }
            }
            if (std::isnan(c.positiveLow))
                continue;
            if (!found)
                values = QCPRange(c.positiveLow, c.positiveHigh);
            values.expand(QCPRange(c.positiveLow, c.positiveHigh));
            found = true;
        }
        if (!found) {
            plot()->yAxis->setRange(0.1, 10);
            return;
        }
    }
    auto pad = [this](const QCPRange& r, double fraction) { return m_logY ? paddedLog(r, fraction) : padded(r, fraction); };
    // Keep the value range while the data fits it well: every change of the view
    // re-renders the finished curves, and running trials nudge their extremes all the time.
    const QCPRange now = plot()->yAxis->range();
    const QCPRange loose = pad(values, 0.05);
    const bool fits = now.lower <= values.lower && now.upper >= values.upper &&
                      (m_logY ? now.upper / now.lower <= std::pow(loose.upper / loose.lower, 1.5) : now.size() <= 1.5 * loose.size());
    if (exact || !fits)
        plot()->yAxis->setRange(pad(values, exact ? 0.05 : 0.08));
}

QString LearningCurvesPlot::xLabel(double x) const
{
    switch (m_xMode) {
    case XMode::Step: break;
    case XMode::RelativeTime: return tr("%1 after the start").arg(formatDuration(x));
    case XMode::WallTime:
        return tr("at %1").arg(QDateTime::fromMSecsSinceEpoch(std::llround(x * 1000)).toString(QStringLiteral("yyyy-MM-dd hh:mm:ss")));
    }
    return tr("at step %1").arg(static_cast<qint64>(x));
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
    QString text = tr("%1: %2 %3 %4")
                       .arg(trialName(bestId, m_curves[bestId].number), metricLabel(), formatNumber(bestPoint.y()), xLabel(bestPoint.x()));
    if (m_smoothing > 0)
        text = tr("%1 (smoothed)").arg(text);
    return Hit{bestId, text};
}

} // namespace tb::widgets
