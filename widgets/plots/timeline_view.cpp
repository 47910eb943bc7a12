#include "widgets/plots/timeline_view.h"

#include "widgets/models/experiment_data.h"
#include "widgets/plots/render.h"

#include <QDateTime>
#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <qcustomplot.h>

namespace tb::widgets {

namespace {

constexpr int kBandAlpha = 70;
constexpr int kSelectedBandAlpha = 170;

// Within a lane of height 1: the lines keep kLinePad from its edges, bands kBandPad.
constexpr double kLinePad = 0.08;
constexpr double kBandPad = 0.03;

const double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

QVector<qint64> parseTrials(const QString& trials)
{
    QVector<qint64> out;
    for (const QStringView part : QStringView(trials).split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 id = part.trimmed().toLongLong(&ok);
        if (ok)
            out.append(id);
    }
    return out;
}

// Lane `lane` of `lanes` (0 at the top) spans [lanes-1-lane, lanes-lane] on the value axis.
double laneBase(int lane, int lanes)
{
    return double(lanes - 1 - lane);
}

// A band's slice for the j-th of k holders, top to bottom, in value coordinates.
QCPRange holderRange(int lane, int lanes, int j, int k)
{
    const double top = laneBase(lane, lanes) + 1 - kBandPad;
    const double h = (1 - 2 * kBandPad) / k;
    return QCPRange(top - (j + 1) * h, top - j * h);
}

// Where `percent` of a device lies on lane `lane`: the lines' 0-100 % scale.
double percentCoord(int lane, int lanes, double percent)
{
    return laneBase(lane, lanes) + kLinePad + percent / 100.0 * (1 - 2 * kLinePad);
}

// A trial's own CPU line: darker than its band, so that it shows over it.
QPen trialCpuPen(qint64 trialId, bool selected)
{
    return QPen(palette::trial(trialId, 255).darker(150), selected ? 3 : 2);
}

// Unix times as local clock times, one tick per round step (a tenth of a second to weeks)
// chosen from the visible span, labelled at the precision of the step so that neighbouring
// labels differ at every zoom; the date goes under the first label and under each label
// whose day differs from its left neighbour's. The number of ticks follows the plot's width.
class TimeTicker : public QCPAxisTicker {
public:
    explicit TimeTicker(const QCustomPlot* plot) : m_plot(plot) {}

protected:
    double getTickStep(const QCPRange& range) override
    {
        struct Rung {
            double seconds;
            int subTicks;
        };
        static constexpr Rung kLadder[] = {
            {0.001, 4}, {0.002, 1},  {0.005, 4}, {0.01, 4},  {0.02, 1},       {0.05, 4},      {0.1, 4},  {0.2, 1},
            {0.5, 4},   {1, 4},      {2, 1},     {5, 4},     {10, 1},         {15, 2},        {30, 2},   {60, 3},
            {120, 1},   {300, 4},    {600, 1},   {900, 2},   {1800, 2},       {3600, 3},      {7200, 1}, {10800, 2},
            {21600, 1}, {43200, 3},  {86400, 3}, {172800, 1}, {7 * 86400, 6}, {14 * 86400, 1}, {28 * 86400, 3}};
        // About one label per 75 pixels at most; the step is the next rung up, so there are
        // at least half as many.
        setTickCount(std::clamp((m_plot->viewport().width() - 160) / 75, 3, 16));
        const double wanted = range.size() / tickCount();
        m_step = 0;
        for (const Rung& rung : kLadder)
            if (rung.seconds >= wanted) {
                m_step = rung.seconds;
                m_subTicks = rung.subTicks;
                break;
            }
        if (m_step == 0) { // months and beyond: whole days
            m_step = niceCeil(wanted / 86400) * 86400;
            m_subTicks = 1;
        }
        // Whole minutes, hours and days of the local clock, not of UTC.
        setTickOrigin(-QDateTime::fromMSecsSinceEpoch(qint64(range.center() * 1000)).offsetFromUtc());
        return m_step;
    }

    int getSubTickCount(double) override { return m_subTicks; }

    QVector<QString> createLabelVector(const QVector<double>& ticks, const QLocale& locale, QChar, int) override
    {
        QVector<QString> labels;
        labels.reserve(ticks.size());
        QDate previous;
        // Digits after the seconds: one for steps of 0.1-0.5 s, two for 0.01-0.05 s, ...
        const int digits = m_step < 1 ? std::clamp(int(std::ceil(-std::log10(m_step) - 1e-9)), 1, 3) : 0;
        for (const double tick : ticks) {
            const QDateTime at = QDateTime::fromMSecsSinceEpoch(std::llround(tick * 1000));
            QString label;
            if (m_step >= 86400) {
                label = locale.toString(at, QStringLiteral("MMM d"));
                if (!previous.isValid() || previous.year() != at.date().year())
                    label += QLatin1Char('\n') + QString::number(at.date().year());
            } else {
                label = locale.toString(at, m_step < 60 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
                if (digits > 0)
                    label += locale.decimalPoint() + QString::number(at.time().msec()).rightJustified(3, QLatin1Char('0')).left(digits);
                if (previous != at.date())
                    label += QLatin1Char('\n') + locale.toString(at, QStringLiteral("MMM d"));
            }
            previous = at.date();
            labels << label;
        }
        return labels;
    }

private:
    const QCustomPlot* m_plot;
    double m_step = 1;
    int m_subTicks = 4;
};

} // namespace

// Every lane as one plottable: bands, then memory, then utilization, each line decimated to
// the first, lowest, highest and last sample of each pixel column.
class DeviceLanes : public QCPAbstractPlottable {
public:
    DeviceLanes(QCPAxis* keyAxis, QCPAxis* valueAxis) : QCPAbstractPlottable(keyAxis, valueAxis)
    {
        setSelectable(QCP::stNone);
        setAntialiased(false); // crisp, and much faster than antialiased lines and fills
    }

    void setLanes(const QVector<TimelineView::Lane>* lanes, int shown)
    {
        m_lanes = lanes;
        m_shown = shown;
    }
    void setSelected(qint64 trialId) { m_selected = trialId; }

    double selectTest(const QPointF&, bool, QVariant*) const override { return -1; }

    QCPRange getKeyRange(bool& foundRange, QCP::SignDomain = QCP::sdBoth) const override
    {
        // Not a QCPRange while empty: its constructor would swap the bounds.
        double lower = std::numeric_limits<double>::max();
        double upper = std::numeric_limits<double>::lowest();
        for (int i = 0; i < m_shown; ++i) {
            const TimelineView::Lane& lane = (*m_lanes)[i];
            if (lane.time.isEmpty())
                continue;
            lower = std::min(lower, lane.time.front());
            upper = std::max(upper, lane.time.back());
        }
        foundRange = lower <= upper;
        return foundRange ? QCPRange(lower, upper) : QCPRange();
    }

    QCPRange getValueRange(bool& foundRange, QCP::SignDomain = QCP::sdBoth, const QCPRange& = QCPRange()) const override
    {
        foundRange = m_shown > 0;
        return QCPRange(0, std::max(m_shown, 1));
    }

    void draw(QCPPainter* painter) override
    {
        if (!m_lanes || m_shown == 0)
            return;
        QCPAxis* keyAxis = mKeyAxis.data();
        QCPAxis* valueAxis = mValueAxis.data();
        const QRect clip = clipRect();
        const QCPRange keys = keyAxis->range();
        // The key axis is linear: one multiplication per sample instead of a call.
        const AxisMap toPixel = AxisMap::of(keyAxis, 0, 1);

        painter->setPen(QPen(palette::kSeparator, 0));
        for (int i = 1; i < m_shown; ++i) {
            const double y = valueAxis->coordToPixel(i);
            painter->drawLine(QLineF(clip.left(), y, clip.right(), y));
        }

        for (int i = 0; i < m_shown; ++i) {
            const TimelineView::Lane& lane = (*m_lanes)[i];
            if (lane.time.isEmpty())
                continue;
            drawBands(painter, lane, i, keys, toPixel);
            const double y0 = valueAxis->coordToPixel(laneBase(i, m_shown) + kLinePad);
            const double y1 = valueAxis->coordToPixel(laneBase(i, m_shown) + 1 - kLinePad);
            const qsizetype lo = std::max<qsizetype>(
                0, std::lower_bound(lane.time.cbegin(), lane.time.cend(), keys.lower) - lane.time.cbegin() - 1);
            const qsizetype hi = std::min<qsizetype>(
                lane.time.size(), std::upper_bound(lane.time.cbegin(), lane.time.cend(), keys.upper) - lane.time.cbegin() + 1);
            if (lane.memoryTotal > 0) {
                painter->setPen(QPen(palette::kMemory, 0));
                drawDecimated(painter, lane.time, lane.memoryUsed, lo, hi, toPixel, y0, (y1 - y0) / lane.memoryTotal);
            }
            painter->setPen(QPen(palette::kUtilization, 0));
            drawDecimated(painter, lane.time, lane.utilization, lo, hi, toPixel, y0, (y1 - y0) / 100.0);
            drawTrialCpu(painter, lane, keys, toPixel, y0, (y1 - y0) / 100.0);
        }
    }

    void drawLegendIcon(QCPPainter*, const QRectF&) const override {}

private:
    void drawBands(QCPPainter* painter, const TimelineView::Lane& lane, int i, const QCPRange& keys, const AxisMap& toPixel) const
    {
        QCPAxis* valueAxis = mValueAxis.data();
        painter->setPen(Qt::NoPen);
        QVector<QRectF> selected;
        // Bands are sorted by start and do not overlap: start at the first one still visible.
        auto first = std::upper_bound(lane.bands.cbegin(), lane.bands.cend(), keys.lower,
                                      [](double t, const TimelineView::Band& band) { return t < band.start; });
        if (first != lane.bands.cbegin())
            --first;
        double lastPixel = -1e9; // bands within one pixel column draw once
        for (auto it = first; it != lane.bands.cend() && it->start <= keys.upper; ++it) {
            const double x0 = toPixel(it->start);
            const double x1 = std::max(toPixel(it->end), x0 + 1);
            if (x1 < lastPixel + 1 && it->holders() == 1 && it->trials.size() == 1 && it->trials.front() != m_selected)
                continue;
            lastPixel = x1;
            const int k = it->holders();
            for (int j = 0; j < k; ++j) {
                const QCPRange r = holderRange(i, m_shown, j, k);
                const double top = valueAxis->coordToPixel(r.upper);
                const double bottom = valueAxis->coordToPixel(r.lower);
                const QRectF rect(QPointF(x0, top), QPointF(x1, bottom));
                if (j >= it->trials.size()) {
                    // Another experiment's trial: a hatched band in that experiment's colour.
                    const QString other = it->others[j - int(it->trials.size())];
                    const QColor c = palette::experiment(other.section(QLatin1Char('\t'), 0, 1));
                    painter->setBrush(QBrush(c, Qt::BDiagPattern));
                    painter->drawRect(rect);
                    continue;
                }
                const bool isSelected = it->trials[j] == m_selected;
                painter->setBrush(palette::trial(it->trials[j], isSelected ? kSelectedBandAlpha : kBandAlpha));
                painter->drawRect(rect);
                if (isSelected)
                    selected.append(rect);
            }
        }
        if (!selected.isEmpty()) {
            painter->setBrush(Qt::NoBrush);
            painter->setPen(QPen(palette::kSelected, 0));
            painter->drawRects(selected.constData(), int(selected.size()));
        }
    }

    // Each trial's own CPU use (the CPU lane), the selected trial's last so that it is on top.
    void drawTrialCpu(QCPPainter* painter, const TimelineView::Lane& lane, const QCPRange& keys, const AxisMap& toPixel,
                      double y0, double yScale) const
    {
        auto draw = [&](qint64 trial, const TimelineView::Lane::Usage& usage) {
            if (usage.time.isEmpty() || usage.time.back() < keys.lower || usage.time.front() > keys.upper)
                return;
            const qsizetype lo = std::max<qsizetype>(
                0, std::lower_bound(usage.time.cbegin(), usage.time.cend(), keys.lower) - usage.time.cbegin() - 1);
            const qsizetype hi = std::min<qsizetype>(
                usage.time.size(), std::upper_bound(usage.time.cbegin(), usage.time.cend(), keys.upper) - usage.time.cbegin() + 1);
            painter->setPen(trialCpuPen(trial, trial == m_selected));
            drawDecimated(painter, usage.time, usage.percent, lo, hi, toPixel, y0, yScale);
        };
        for (auto it = lane.trialCpu.cbegin(); it != lane.trialCpu.cend(); ++it)
            if (it.key() != m_selected)
                draw(it.key(), it.value());
        if (const auto it = lane.trialCpu.constFind(m_selected); it != lane.trialCpu.cend())
            draw(it.key(), it.value());
    }

    // One polyline per stretch without gaps, decimated per pixel column.
    static void drawDecimated(QCPPainter* painter, const QVector<double>& time, const QVector<double>& values, qsizetype lo,
                              qsizetype hi, const AxisMap& toPixel, double y0, double yScale)
    {
        DecimatedLine line(painter);
        for (qsizetype k = lo; k < hi; ++k) {
            const double v = values[k];
            if (std::isnan(v) || (k > lo && time[k] - time[k - 1] > TimelineView::kGapSeconds)) {
                line.breakLine();
                if (std::isnan(v))
                    continue;
            }
            line.add(QPointF(toPixel(time[k]), y0 + v * yScale));
        }
    }

    const QVector<TimelineView::Lane>* m_lanes = nullptr;
    int m_shown = 0;
    qint64 m_selected = -1;
};

// ---- TimelineView ----------------------------------------------------------------------

TimelineView::TimelineView(ExperimentData* data, QWidget* parent)
    : PlotPanel(data, parent), m_plottable(new DeviceLanes(plot()->xAxis, plot()->yAxis)), m_empty(new QCPItemText(plot()))
{
    setObjectName(QStringLiteral("devices"));
    QCustomPlot* p = plot();
    p->axisRect()->setRangeZoom(Qt::Horizontal);
    p->axisRect()->setRangeDrag(Qt::Horizontal);
    p->xAxis->setTicker(QSharedPointer<TimeTicker>::create(p));
    p->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    p->yAxis->grid()->setVisible(false);
    p->yAxis->setSubTicks(false);
    p->yAxis->setRange(0, 1);
    // The lines' scale, per lane on the right: 0, 50 and 100 % of the device.
    p->yAxis2->setVisible(true);
    p->yAxis2->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    p->yAxis2->grid()->setVisible(false);
    p->yAxis2->setSubTicks(false);
    p->yAxis2->setLabel(tr("% of the device"));
    p->yAxis2->setRange(0, 1);
    connect(p->yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), p->yAxis2, qOverload<const QCPRange&>(&QCPAxis::setRange));
    m_plottable->setLanes(&m_lanes, 0);

    // Legend entries for the two lines (graphs without data: the plottable draws them).
    auto* utilization = p->addGraph();
    utilization->setName(tr("utilization (% of the device)"));
    utilization->setPen(QPen(palette::kUtilization, 2));
    auto* memory = p->addGraph();
    memory->setName(tr("memory (share of the device's total)"));
    memory->setPen(QPen(palette::kMemory, 2));
    m_trialCpuKey = p->addGraph();
    m_trialCpuKey->setName(tr("a trial's own CPU use (its processes, in the trial's colour)"));
    m_trialCpuKey->setPen(QPen(palette::kAxisLine, 2)); // neutral: each trial's line has its own colour
    m_trialCpuKey->removeFromLegend(); // until a lane has such lines
    placeLegendAbove(p);
    m_plottable->removeFromLegend();

    m_empty->setClipToAxisRect(true);
    m_empty->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_empty->position->setCoords(0.5, 0.5);
    m_empty->setText(tr("No device samples recorded for this experiment yet"));

    if (data) {
        connect(data, &ExperimentData::experimentReset, this, [this] { m_replaced = true; });
        connect(data, &ExperimentData::telemetryChanged, this, [this](bool replaced) {
            m_replaced = m_replaced || replaced;
            markDirty();
        });
        connect(data, &ExperimentData::selectionChanged, this, [this](qint64 trialId) {
            m_plottable->setSelected(trialId);
            plot()->replot(QCustomPlot::rpQueuedReplot);
        });
    }
}

TimelineView::~TimelineView() = default;

double TimelineView::Lane::trialCpuAt(qint64 trial, double t) const
{
    const auto it = trialCpu.constFind(trial);
    if (it == trialCpu.cend())
        return kNaN;
    const auto at = std::lower_bound(it->time.cbegin(), it->time.cend(), t);
    return at != it->time.cend() && *at == t ? it->percent[at - it->time.cbegin()] : kNaN;
}

double TimelineView::scaleCoord(int lane, double percent) const
{
    return percentCoord(lane, m_shown, percent);
}

QString TimelineView::deviceLabel(const QString& kind, int device)
{
    return kind == QLatin1String("cpu") ? tr("CPU") : tr("GPU %1").arg(device);
}

bool TimelineView::addRow(const engine::TelemetryRow& row)
{
    const bool gpu = row.kind != QLatin1String("cpu");
    // Lanes are few (one per device): a linear search costs less than keeping an index.
    auto it = std::find_if(m_lanes.begin(), m_lanes.end(), [&](const Lane& l) { return l.kind == row.kind && l.device == row.device; });
    if (it == m_lanes.end()) {
        Lane lane;
        lane.kind = row.kind;
        lane.device = row.device;
        auto before = [](const Lane& l, bool isGpu, int device) {
            const bool lGpu = l.kind != QLatin1String("cpu");
            return lGpu != isGpu ? lGpu : l.device < device;
        };
        it = m_lanes.insert(std::find_if(m_lanes.begin(), m_lanes.end(),
                                         [&](const Lane& l) { return !before(l, gpu, row.device); }),
                            std::move(lane));
    }
    Lane& lane = *it;
    const double t = row.time;
    if (!lane.time.isEmpty() && t < lane.time.back())
        return false;
    const bool gap = !lane.time.isEmpty() && t - lane.time.back() > kGapSeconds;
    lane.name = row.name;
    lane.time.append(t);
    lane.utilization.append(row.utilization);
    lane.memoryUsed.append(row.memoryUsed ? double(*row.memoryUsed) : kNaN);
    if (row.memoryTotal)
        lane.memoryTotal = std::max(lane.memoryTotal, double(*row.memoryTotal));
    if (!row.trialCpu.empty() || !lane.usageOpen.isEmpty()) {
        QVector<qint64> open;
        for (const engine::TrialShare& share : row.trialCpu) {
            Lane::Usage& usage = lane.trialCpu[share.trial];
            usage.time.append(t);
            usage.percent.append(share.percent);
            open.append(share.trial);
        }
        for (const qint64 trial : std::as_const(lane.usageOpen))
            if (!open.contains(trial)) { // its line ends here
                Lane::Usage& usage = lane.trialCpu[trial];
                usage.time.append(t);
                usage.percent.append(kNaN);
            }
        lane.usageOpen = std::move(open);
    }
    if (lane.bandOpen && !gap)
        lane.bands.back().end = t;
    const QString holders = row.trials + QLatin1Char('|') + row.others;
    if (gap || holders != lane.currentTrials) {
        lane.bandOpen = false;
        const QVector<qint64> trials = parseTrials(row.trials);
        const QStringList others = row.others.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (!trials.isEmpty() || !others.isEmpty()) {
            lane.bands.append({t, t, trials, others});
            lane.bandOpen = true;
        }
        lane.currentTrials = holders;
    }
    return true;
}

void TimelineView::rebuildAll()
{
    m_lanes.clear();
    const QVector<engine::TelemetryRow>& rows = data()->telemetry();
    // The store sends rows by time after a replace, by rowid otherwise: order each device's
    // rows by time so that a late merged row lands in its place.
    QVector<qsizetype> order(rows.size());
    std::iota(order.begin(), order.end(), qsizetype(0));
    std::stable_sort(order.begin(), order.end(), [&](qsizetype x, qsizetype y) { return rows[x].time < rows[y].time; });
    for (qsizetype k : std::as_const(order))
        addRow(rows[k]);
    m_consumed = rows.size();
}

void TimelineView::rebuild()
{
    static const QVector<engine::TelemetryRow> none;
    const QVector<engine::TelemetryRow>& rows = data() ? data()->telemetry() : none;
    bool full = m_replaced || rows.size() < m_consumed;
    for (qsizetype k = m_consumed; !full && k < rows.size(); ++k)
        full = !addRow(rows[k]);
    if (full && data())
        rebuildAll();
    m_replaced = false;
    m_consumed = rows.size();

    // Memory without a known total is drawn against the lane's peak.
    for (Lane& lane : m_lanes)
        if (!(lane.memoryTotal > 0))
            for (double used : std::as_const(lane.memoryUsed))
                if (!std::isnan(used))
                    lane.memoryTotal = std::max(lane.memoryTotal, used);

    m_shown = 0;
    while (m_shown < m_lanes.size() && m_lanes[m_shown].kind != QLatin1String("cpu"))
        ++m_shown;
    if (m_shown == 0)
        m_shown = int(m_lanes.size()); // no GPU: the CPU
    m_plottable->setLanes(&m_lanes, m_shown);
    m_plottable->setSelected(data() ? data()->selectedTrial() : -1);

    QVector<double> ticks;
    QVector<QString> labels;
    for (int i = 0; i < m_shown; ++i) {
        ticks << laneBase(i, m_shown) + 0.5;
        QString label = deviceLabel(m_lanes[i].kind, m_lanes[i].device);
        if (!m_lanes[i].name.isEmpty())
            label += QLatin1Char('\n') + QFontMetrics(plot()->yAxis->tickLabelFont()).elidedText(m_lanes[i].name, Qt::ElideRight, 120);
        labels << label;
    }
    plot()->yAxis->ticker().staticCast<QCPAxisTickerText>()->setTicks(ticks, labels);
    QVector<double> scaleTicks;
    QVector<QString> scaleLabels;
    bool trialCpu = false;
    for (int i = 0; i < m_shown; ++i) {
        for (const int percent : {0, 50, 100}) {
            scaleTicks << percentCoord(i, m_shown, percent);
            scaleLabels << QString::number(percent);
        }
        trialCpu = trialCpu || !m_lanes[i].trialCpu.isEmpty();
    }
    plot()->yAxis2->ticker().staticCast<QCPAxisTickerText>()->setTicks(scaleTicks, scaleLabels);
    if (trialCpu)
        m_trialCpuKey->addToLegend();
    else
        m_trialCpuKey->removeFromLegend();
    m_empty->setVisible(m_shown == 0);
}

void TimelineView::fitView(bool)
{
    bool found = false;
    const QCPRange keys = m_plottable->getKeyRange(found);
    if (found) {
        // A little room at both ends; a single sample gets a second on each side.
        const double span = keys.upper - keys.lower;
        const double pad = span > 0 ? std::max(span * 0.02, 0.05) : 1.0;
        plot()->xAxis->setRange(keys.lower - pad, keys.upper + pad);
    }
    plot()->yAxis->setRange(0, std::max(m_shown, 1)); // yAxis2 follows
}

QPointF TimelineView::pixelOf(int lane, double time, double share) const
{
    const double y = laneBase(lane, m_shown) + kLinePad + share * (1 - 2 * kLinePad);
    return QPointF(plot()->xAxis->coordToPixel(time), plot()->yAxis->coordToPixel(y));
}

std::optional<PlotPanel::Hit> TimelineView::hitAt(const QPointF& pos) const
{
    if (m_shown == 0)
        return std::nullopt;
    const double y = plot()->yAxis->pixelToCoord(pos.y());
    const double t = plot()->xAxis->pixelToCoord(pos.x());
    if (y < 0 || y >= m_shown)
        return std::nullopt;
    const int i = m_shown - 1 - int(std::floor(y));
    const Lane& lane = m_lanes[i];
    const double slack = std::abs(plot()->xAxis->pixelToCoord(pos.x() + kHitRadius) - t);
    if (lane.time.isEmpty() || t < lane.time.front() - slack || t > lane.time.back() + slack)
        return std::nullopt;

    // The sample nearest in time.
    qsizetype k = std::lower_bound(lane.time.cbegin(), lane.time.cend(), t) - lane.time.cbegin();
    if (k == lane.time.size() || (k > 0 && t - lane.time[k - 1] < lane.time[k] - t))
        k = std::max<qsizetype>(k - 1, 0);
    if (std::abs(lane.time[k] - t) > std::max(slack, kGapSeconds / 2))
        return std::nullopt; // in a gap

    const QString util = std::isnan(lane.utilization[k]) ? tr("?") : QString::number(qRound(lane.utilization[k]));
    const QString memory = std::isnan(lane.memoryUsed[k]) ? tr("?") : QString::number(lane.memoryUsed[k] / kGiB, 'f', 1);
    const QString device = deviceLabel(lane.kind, lane.device);
    const QString at = QDateTime::fromMSecsSinceEpoch(qint64(lane.time[k] * 1000)).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));

    Hit hit;
    // The band under the cursor, and the holder whose slice the cursor is in.
    auto band = std::upper_bound(lane.bands.cbegin(), lane.bands.cend(), t,
                                 [](double x, const Band& b) { return x < b.start; });
    if (band != lane.bands.cbegin() && t <= std::prev(band)->end + slack) {
        const Band& b = *std::prev(band);
        const int holders = b.holders();
        for (int j = 0; j < holders; ++j) {
            const QCPRange r = holderRange(i, m_shown, j, holders);
            if (y >= r.lower && y <= r.upper) {
                if (j < b.trials.size()) {
                    hit.trialId = b.trials[j];
                } else {
                    const QStringList parts = b.others[j - int(b.trials.size())].split(QLatin1Char('\t'));
                    hit.text = tr("another experiment on %1: '%2' in %3, trial %4")
                                   .arg(device, parts.value(0), QFileInfo(parts.value(1)).fileName(), parts.value(2));
                }
                break;
            }
        }
    }
    if (!hit.text.isEmpty()) {
        hit.text += QStringLiteral(" (%1% util, %2 GiB)").arg(util, memory);
    } else if (hit.trialId >= 0) {
        const TrialView* trial = data() ? data()->trial(hit.trialId) : nullptr;
        const QString name = trial ? tr("trial %1 (#%2)").arg(hit.trialId).arg(trial->row.number) : tr("trial %1").arg(hit.trialId);
        const double own = lane.trialCpuAt(hit.trialId, lane.time[k]);
        if (std::isnan(own))
            hit.text = tr("%1 on %2: %3% util, %4 GiB").arg(name, device, util, memory);
        else
            hit.text = tr("%1 on %2: its processes %3% (all: %4% util, %5 GiB)")
                           .arg(name, device, QString::number(own, 'f', own < 10 ? 1 : 0), util, memory);
    } else {
        hit.text = tr("%1: %2% util, %3 GiB").arg(device, util, memory);
    }
    hit.text += QLatin1Char('\n') + at;
    return hit;
}

} // namespace tb::widgets
