#include "widgets/plots/schedule_view.h"

#include "engine/core/metric_parser.h"
#include "widgets/models/store_session.h"
#include "widgets/plots/render.h"
#include "widgets/models/file_dialogs.h"

#include "engine/core/store.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMap>
#include <QMenu>
#include <QMessageBox>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <qcustomplot.h>
#include <stdexcept>

namespace tb::widgets {

namespace sc = algorithms::schedules;

namespace {

constexpr double kBoxHeight = 0.72; // of a row
constexpr int kFadedAlpha = 90;
const QString kMeasuredKind = QStringLiteral("measured"); // the schedule box's entry for a measured order of no generator
const QStringList kGenerators{QStringLiteral("naive"), QStringLiteral("gpipe"), QStringLiteral("1f1b"), QStringLiteral("interleaved"),
                              QStringLiteral("zb1")};

QString actionText(const sc::Action& a)
{
    return QString::fromStdString(sc::toString(a));
}

QString percent(double share)
{
    return QString::number(100.0 * share, 'f', 1) + QLatin1Char('%');
}

QString bytesText(double bytes)
{
    return QLocale().formattedDataSize(static_cast<qint64>(bytes), 1, QLocale::DataSizeTraditionalFormat);
}

// theoreticalBubble() as an idle share of the step (interleaved's formula is relative to
// the ideal compute time; see schedule.h), or nothing for kinds without a formula.
std::optional<double> formulaShare(const sc::Schedule& s)
{
    if (s.kind == "custom")
        return std::nullopt;
    try {
        const int m = s.kind == "naive" ? 1 : s.microbatches;
        if (s.kind == "interleaved")
            return double(s.devices - 1) / (s.virtualStages * m + s.devices - 1);
        return sc::theoreticalBubble(s.kind, s.devices, m, s.virtualStages);
    } catch (const sc::ScheduleError&) {
        return std::nullopt;
    }
}

// "s0: 4" for a device with one stage, "s0: 4  s4: 3" for several.
QString stageNote(const sc::Schedule& s, int device, const std::vector<double>& values, const std::function<QString(double)>& format)
{
    QStringList parts;
    for (int stage = 0; stage < s.stages; ++stage)
        if (s.stageDevice[stage] == device && stage < int(values.size()) && values[stage] >= 0)
            parts << QStringLiteral("s%1: %2").arg(stage).arg(format(values[stage]));
    return parts.join(QStringLiteral("  "));
}

} // namespace

// ---- GanttBoxes ------------------------------------------------------------------------

// Every box of the chart as one plottable: rectangles are collected per fill colour and
// drawn with one drawRects() call each, and a label is drawn only where it fits. Thousands
// of QCPItemRects would each lay out, clip and draw on their own.
class GanttBoxes : public QCPAbstractPlottable {
public:
    GanttBoxes(QCPAxis* keyAxis, QCPAxis* valueAxis) : QCPAbstractPlottable(keyAxis, valueAxis)
    {
        setSelectable(QCP::stNone);
        setAntialiased(false); // crisp edges, and much faster than antialiased fills
    }

    void setBoxes(const QVector<GanttBox>* boxes, int rows)
    {
        m_boxes = boxes;
        m_rows = rows;
    }

    double selectTest(const QPointF&, bool, QVariant*) const override { return -1; }

    QCPRange getKeyRange(bool& foundRange, QCP::SignDomain = QCP::sdBoth) const override
    {
        foundRange = m_boxes && !m_boxes->isEmpty();
        if (!foundRange)
            return {};
        QCPRange range(m_boxes->front().start, m_boxes->front().end);
        for (const GanttBox& b : *m_boxes) {
            range.lower = std::min(range.lower, b.start);
            range.upper = std::max(range.upper, b.end);
        }
        return range;
    }

    QCPRange getValueRange(bool& foundRange, QCP::SignDomain = QCP::sdBoth, const QCPRange& = QCPRange()) const override
    {
        foundRange = m_rows > 0;
        return QCPRange(-0.5, m_rows - 0.5);
    }

    void draw(QCPPainter* painter) override
    {
        if (!m_boxes || m_boxes->isEmpty())
            return;
        QCPAxis* keyAxis = mKeyAxis.data();
        QCPAxis* valueAxis = mValueAxis.data();
        const QRect clip = clipRect();
        // One list per (op, faded) style; outlines of deviating boxes on top.
        std::array<QVector<QRectF>, 6> fills;
        QVector<QRectF> outlines;
        struct Label {
            QRectF rect;
            const GanttBox* box;
        };
        QVector<Label> labels;
        const QFontMetrics metrics(mParentPlot->font());
        const double labelWidth = metrics.horizontalAdvance(QStringLiteral("00F00")) + 4;
        const double rowPixels = std::abs(valueAxis->coordToPixel(1) - valueAxis->coordToPixel(0));
        const bool labelsFit = rowPixels * kBoxHeight >= metrics.height();
        for (const GanttBox& b : *m_boxes) {
            double x0 = keyAxis->coordToPixel(b.start);
            double x1 = keyAxis->coordToPixel(b.end);
            if (x1 < clip.left() || x0 > clip.right())
                continue;
            const double y0 = valueAxis->coordToPixel(b.row - kBoxHeight / 2);
            const double y1 = valueAxis->coordToPixel(b.row + kBoxHeight / 2);
            if (x1 - x0 > 3) // a gap between neighbours, so that adjacent boxes stay apart
                x1 -= 1;
            const QRectF rect = QRectF(QPointF(x0, std::min(y0, y1)), QPointF(std::max(x1, x0 + 1), std::max(y0, y1)));
            fills[static_cast<int>(b.action.op) * 2 + (b.faded ? 1 : 0)].append(rect);
            if (b.deviates)
                outlines.append(rect.adjusted(0.5, 0.5, -0.5, -0.5));
            if (labelsFit && rect.width() >= labelWidth)
                labels.append({rect, &b});
        }
        painter->setPen(Qt::NoPen);
        for (int style = 0; style < 6; ++style) {
            if (fills[style].isEmpty())
                continue;
            QColor color = palette::op(static_cast<sc::Op>(style / 2));
            if (style % 2)
                color.setAlpha(kFadedAlpha);
            painter->setBrush(color);
            painter->drawRects(fills[style].constData(), int(fills[style].size()));
        }
        if (!outlines.isEmpty()) {
            painter->setBrush(Qt::NoBrush);
            painter->setPen(QPen(palette::state(algorithms::TrialState::Failed), 2));
            painter->drawRects(outlines.constData(), int(outlines.size()));
        }
        painter->setPen(Qt::white);
        for (const Label& l : std::as_const(labels)) {
            painter->setPen(l.box->faded ? QColor(40, 40, 40) : QColor(Qt::white));
            painter->drawText(l.rect, Qt::AlignCenter, actionText(l.box->action));
        }
    }

    void drawLegendIcon(QCPPainter*, const QRectF&) const override {}

private:
    const QVector<GanttBox>* m_boxes = nullptr;
    int m_rows = 0;
};

// ---- GanttChart ------------------------------------------------------------------------

GanttChart::GanttChart(QWidget* parent) : PlotPanel(nullptr, parent), m_boxes(new GanttBoxes(plot()->xAxis, plot()->yAxis))
{
    setObjectName(QStringLiteral("pipeline"));
    QCustomPlot* p = plot();
    p->axisRect()->setRangeZoom(Qt::Horizontal);
    p->axisRect()->setRangeDrag(Qt::Horizontal);
    p->yAxis->setRangeReversed(true);
    p->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    p->yAxis->grid()->setVisible(false);
    p->yAxis2->setVisible(true);
    p->yAxis2->setRangeReversed(true);
    p->yAxis2->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    p->yAxis2->grid()->setVisible(false);
    connect(p->yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), p->yAxis2, qOverload<const QCPRange&>(&QCPAxis::setRange));
    m_boxes->setBoxes(&m_content.boxes, 0);

    // The legend: one entry per kind of box, drawn by bars without data (their icon is a box).
    auto key = [p](const QString& name, const QBrush& brush, const QPen& pen) {
        auto* bars = new QCPBars(p->xAxis, p->yAxis);
        bars->setName(name);
        bars->setBrush(brush);
        bars->setPen(pen);
        return bars;
    };
    key(tr("forward (F)"), palette::op(sc::Op::F), Qt::NoPen);
    key(tr("backward (B)"), palette::op(sc::Op::B), Qt::NoPen);
    key(tr("weight gradient (W)"), palette::op(sc::Op::W), Qt::NoPen);
    key(tr("idle (bubble)"), Qt::white, QPen(palette::kAxisLine, 0));
    QColor faded = palette::op(sc::Op::F);
    faded.setAlpha(kFadedAlpha);
    m_fadedKey = key(tr("faded: simulated from the trial's mean op durations"), faded, Qt::NoPen);
    m_outlinedKey = key(tr("outlined: measured, more than %1% off the simulation").arg(int(ScheduleView::kDeviation * 100)),
                        Qt::NoBrush, QPen(palette::state(algorithms::TrialState::Failed), 2));
    m_boxes->removeFromLegend();
    placeLegendAbove(p);
}

GanttChart::~GanttChart() = default;

void GanttChart::setContent(Content content)
{
    m_content = std::move(content);
    markDirty();
}

void GanttChart::rebuild()
{
    QCustomPlot* p = plot();
    const int rows = int(m_content.rowLabels.size());
    m_boxes->setBoxes(&m_content.boxes, rows);
    QVector<double> ticks;
    for (int r = 0; r < rows; ++r)
        ticks << r;
    p->yAxis->ticker().staticCast<QCPAxisTickerText>()->setTicks(ticks, m_content.rowLabels.toVector());
    p->yAxis2->ticker().staticCast<QCPAxisTickerText>()->setTicks(ticks, m_content.rowNotes.toVector());
    p->xAxis->setLabel(m_content.timeLabel);
    bool faded = false;
    bool measured = false;
    for (const GanttBox& b : std::as_const(m_content.boxes)) {
        faded = faded || b.faded;
        measured = measured || b.measured;
    }
    m_fadedKey->removeFromLegend(); // then added back in order
    m_outlinedKey->removeFromLegend();
    if (faded)
        m_fadedKey->addToLegend();
    if (measured)
        m_outlinedKey->addToLegend();
    for (QCPItemText* t : std::as_const(m_titles))
        p->removeItem(t);
    m_titles.clear();
    for (const auto& [row, text] : std::as_const(m_content.titles)) {
        auto* item = new QCPItemText(p);
        item->setClipToAxisRect(true);
        item->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
        item->position->setTypeY(QCPItemPosition::ptPlotCoords);
        item->position->setCoords(0.005, row);
        item->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        QFont bold = p->font();
        bold.setBold(true);
        item->setFont(bold);
        item->setText(text);
        m_titles.append(item);
    }
}

void GanttChart::fitView(bool)
{
    bool found = false;
    const QCPRange keys = m_boxes->getKeyRange(found);
    plot()->xAxis->setRange(found ? QCPRange(std::min(0.0, keys.lower), std::max(keys.upper, 1e-9) * 1.01) : QCPRange(0, 1));
    plot()->yAxis->setRange(-0.6, std::max<qsizetype>(m_content.rowLabels.size(), 1) - 0.4);
}

std::optional<PlotPanel::Hit> GanttChart::hitAt(const QPointF& pos) const
{
    const double x = plot()->xAxis->pixelToCoord(pos.x());
    const double y = plot()->yAxis->pixelToCoord(pos.y());
    const int row = int(std::lround(y));
    if (std::abs(y - row) > kBoxHeight / 2)
        return std::nullopt;
    for (const GanttBox& b : m_content.boxes)
        if (b.row == row && x >= b.start && x <= b.end) {
            Hit hit;
            hit.text = (b.measured ? tr("%1 measured: %2 to %3 (%4)") : tr("%1 simulated: %2 to %3 (%4)"))
                           .arg(actionText(b.action))
                           .arg(b.start, 0, 'g', 6)
                           .arg(b.end, 0, 'g', 6)
                           .arg(b.end - b.start, 0, 'g', 6);
            if (b.deviates)
                hit.text += QLatin1Char('\n') + tr("More than %1% off the simulation").arg(int(ScheduleView::kDeviation * 100));
            return hit;
        }
    return std::nullopt;
}


// ---- ScheduleView ----------------------------------------------------------------------

ScheduleView::ScheduleView(QWidget* parent)
    : QWidget(parent), m_chart(new GanttChart(this)), m_kind(new QComboBox(this)), m_stages(new QSpinBox(this)),
      m_microbatches(new QSpinBox(this)), m_virtual(new QSpinBox(this)), m_forward(new QDoubleSpinBox(this)),
      m_backward(new QDoubleSpinBox(this)), m_weight(new QDoubleSpinBox(this)), m_latency(new QDoubleSpinBox(this)),
      m_compareMenu(new QMenu(this)), m_summary(new QLabel(this))
{
    buildControls();
    recompute();
}

ScheduleView::~ScheduleView() = default;

void ScheduleView::buildControls()
{
    m_kind->addItem(tr("Naive model parallelism (m = 1)"), QStringLiteral("naive"));
    m_kind->addItem(tr("GPipe (fill-drain)"), QStringLiteral("gpipe"));
    m_kind->addItem(tr("1F1B"), QStringLiteral("1f1b"));
    m_kind->addItem(tr("Interleaved 1F1B"), QStringLiteral("interleaved"));
    m_kind->addItem(tr("ZB-H1 (zero bubble)"), QStringLiteral("zb1"));
    m_kind->setCurrentIndex(m_kind->findData(QStringLiteral("1f1b")));
    m_kind->setToolTip(tr("The schedule generator; an imported CSV shows as \"Imported CSV\""));
    m_stages->setRange(1, 64);
    m_stages->setValue(4);
    m_stages->setToolTip(tr("Pipeline devices (ranks), p"));
    m_microbatches->setRange(1, 1024);
    m_microbatches->setValue(8);
    m_microbatches->setToolTip(tr("Micro-batches per mini-batch, m"));
    m_virtual->setRange(1, 16);
    m_virtual->setValue(2);
    m_virtual->setToolTip(tr("Stages per device for interleaved 1F1B, v"));
    for (QDoubleSpinBox* box : {m_forward, m_backward, m_weight, m_latency}) {
        box->setRange(0.0, 1e9);
        box->setDecimals(2);
        box->setSingleStep(0.25);
    }
    m_forward->setValue(1.0);
    m_backward->setValue(1.0);
    m_weight->setValue(1.0);
    m_latency->setValue(0.0);
    m_forward->setToolTip(tr("Forward time of one micro-batch on one device (interleaved: split over its v stages)"));
    m_backward->setToolTip(tr("Backward time (input gradient when W is split)"));
    m_weight->setToolTip(tr("Weight-gradient time: a separate action for ZB-H1, added to B otherwise"));
    m_latency->setToolTip(tr("Added when an action waits for another device"));

    for (const auto& [kind, label] : {std::pair{QStringLiteral("naive"), tr("Naive (m = 1)")}, std::pair{QStringLiteral("gpipe"), tr("GPipe")},
                                      std::pair{QStringLiteral("1f1b"), tr("1F1B")}, std::pair{QStringLiteral("interleaved"), tr("Interleaved 1F1B")},
                                      std::pair{QStringLiteral("zb1"), tr("ZB-H1")}}) {
        QAction* a = m_compareMenu->addAction(label);
        a->setCheckable(true);
        a->setData(kind);
        connect(a, &QAction::toggled, this, &ScheduleView::onControlsEdited);
    }
    auto* compare = new QToolButton(this);
    compare->setText(tr("Compare"));
    compare->setToolTip(tr("Draw more schedules below this one, on the same time axis"));
    compare->setMenu(m_compareMenu);
    compare->setPopupMode(QToolButton::InstantPopup);

    auto* fileMenu = new QMenu(this);
    connect(fileMenu->addAction(tr("Import PyTorch CSV...")), &QAction::triggered, this, &ScheduleView::importWithDialog);
    connect(fileMenu->addAction(tr("Export PyTorch CSV...")), &QAction::triggered, this, [this] { exportWithDialog(QStringLiteral("csv")); });
    connect(fileMenu->addAction(tr("Export Chrome trace...")), &QAction::triggered, this, [this] { exportWithDialog(QStringLiteral("json")); });
    auto* file = new QToolButton(this);
    file->setText(tr("Schedule file"));
    file->setToolTip(tr("Exchange schedules with torch.distributed.pipelining and Perfetto"));
    file->setMenu(fileMenu);
    file->setPopupMode(QToolButton::InstantPopup);

    // Two rows: the schedule and its shape, then the op costs. In one row the controls
    // need about 1320 px, more than the tab has beside the Experiments list at 1280x720.
    auto* shape = new QHBoxLayout;
    auto* costs = new QHBoxLayout;
    auto add = [this](QHBoxLayout* row, const QString& label, QWidget* w) {
        auto* l = new QLabel(label, this);
        l->setBuddy(w);
        row->addWidget(l);
        row->addWidget(w);
    };
    add(shape, tr("Schedule:"), m_kind);
    add(shape, tr("p:"), m_stages);
    add(shape, tr("m:"), m_microbatches);
    add(shape, tr("v:"), m_virtual);
    shape->addWidget(compare);
    shape->addWidget(file);
    shape->addStretch(1);
    add(costs, tr("F:"), m_forward);
    add(costs, tr("B:"), m_backward);
    add(costs, tr("W:"), m_weight);
    add(costs, tr("Latency:"), m_latency);
    costs->addStretch(1);

    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(shape);
    layout->addLayout(costs);
    layout->addWidget(m_summary);
    layout->addWidget(m_chart, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ScheduleView::onControlsEdited);
    for (QSpinBox* box : {m_stages, m_microbatches, m_virtual})
        connect(box, &QSpinBox::valueChanged, this, &ScheduleView::onControlsEdited);
    for (QDoubleSpinBox* box : {m_forward, m_backward, m_weight, m_latency})
        connect(box, &QDoubleSpinBox::valueChanged, this, &ScheduleView::onControlsEdited);
}

void ScheduleView::onControlsEdited()
{
    if (m_updating)
        return;
    m_measured.reset(); // an edit leaves measured mode
    if (m_kind->currentData().toString() != QLatin1String("custom"))
        m_imported.reset();
    recompute();
}

ScheduleView::Settings ScheduleView::settings() const
{
    Settings s;
    s.kind = m_kind->currentData().toString();
    s.stages = m_stages->value();
    s.microbatches = m_microbatches->value();
    s.virtualStages = m_virtual->value();
    s.forward = m_forward->value();
    s.backward = m_backward->value();
    s.weight = m_weight->value();
    s.latency = m_latency->value();
    return s;
}

void ScheduleView::setSettings(const Settings& s)
{
    m_updating = true;
    int index = m_kind->findData(s.kind);
    if (index < 0 && s.kind != QLatin1String("custom"))
        index = m_kind->findData(QStringLiteral("1f1b"));
    if (index >= 0)
        m_kind->setCurrentIndex(index);
    m_stages->setValue(s.stages);
    m_microbatches->setValue(s.microbatches);
    m_virtual->setValue(s.virtualStages);
    m_forward->setValue(s.forward);
    m_backward->setValue(s.backward);
    m_weight->setValue(s.weight);
    m_latency->setValue(s.latency);
    m_updating = false;
    m_measured.reset();
    if (s.kind != QLatin1String("custom"))
        m_imported.reset();
    recompute();
}

QStringList ScheduleView::compareKinds() const
{
    QStringList kinds;
    for (QAction* a : m_compareMenu->actions())
        if (a->isChecked())
            kinds << a->data().toString();
    return kinds;
}

void ScheduleView::setCompareKinds(const QStringList& kinds)
{
    m_updating = true;
    for (QAction* a : m_compareMenu->actions())
        a->setChecked(kinds.contains(a->data().toString()));
    m_updating = false;
    m_measured.reset();
    recompute();
}

ScheduleView::Mode ScheduleView::mode() const
{
    if (m_measured)
        return Mode::Measured;
    return m_groups.size() > 1 ? Mode::Compare : Mode::Simulated;
}

void ScheduleView::recompute()
{
    m_groups.clear();
    m_error.clear();
    if (m_measured) {
        showRunInControls(*m_measured);
        computeMeasured();
    } else {
        dropMeasuredKind();
        computeSimulated();
    }
    syncControls();
    publish();
}

// The controls show the trial's own schedule, not what the simulator held before: its
// kind (or "as measured" for an order of no generator), p, m and v, and the mean op
// durations per device (the simulator divides them over an interleaved device's v stages).
void ScheduleView::showRunInControls(const sc::MeasuredRun& run)
{
    const sc::Schedule& s = run.schedule;
    const QString kind = QString::fromStdString(s.kind == "custom" || s.kind.empty() ? run.kind : s.kind);
    m_updating = true;
    int index = kGenerators.contains(kind) ? m_kind->findData(kind) : -1;
    if (index < 0) {
        index = m_kind->findData(kMeasuredKind);
        if (index < 0) {
            m_kind->addItem(tr("As measured"), kMeasuredKind);
            index = m_kind->count() - 1;
        }
    }
    m_kind->setCurrentIndex(index);
    m_stages->setMaximum(std::max(m_stages->maximum(), s.devices));
    m_stages->setValue(s.devices);
    m_microbatches->setMaximum(std::max(m_microbatches->maximum(), s.microbatches));
    m_microbatches->setValue(s.microbatches);
    m_virtual->setMaximum(std::max(m_virtual->maximum(), s.virtualStages));
    m_virtual->setValue(s.virtualStages);
    const sc::Durations d = run.meanDurations();
    auto perDevice = [&](const std::vector<double>& perStage) {
        if (perStage.empty())
            return 0.0;
        double sum = 0;
        for (double v : perStage)
            sum += v;
        return sum / double(perStage.size()) * std::max(1, s.virtualStages);
    };
    m_forward->setValue(perDevice(d.forward));
    m_backward->setValue(perDevice(d.backward));
    m_weight->setValue(perDevice(d.weight));
    m_latency->setValue(d.latency);
    m_updating = false;
}

// Out of measured mode, the "as measured" kind has nothing to simulate: 1F1B takes its place.
void ScheduleView::dropMeasuredKind()
{
    const int index = m_kind->findData(kMeasuredKind);
    if (index < 0)
        return;
    m_updating = true;
    if (m_kind->currentIndex() == index)
        m_kind->setCurrentIndex(m_kind->findData(QStringLiteral("1f1b")));
    m_kind->removeItem(index);
    m_updating = false;
}

void ScheduleView::syncControls()
{
    const bool measured = m_measured.has_value();
    const QString kind = m_kind->currentData().toString();
    const bool imported = kind == QLatin1String("custom");
    m_stages->setEnabled(!measured && !imported);
    m_microbatches->setEnabled(!measured && !imported && kind != QLatin1String("naive"));
    m_virtual->setEnabled(!measured && !imported && kind == QLatin1String("interleaved"));
    for (QDoubleSpinBox* box : {m_forward, m_backward, m_weight, m_latency})
        box->setEnabled(!measured);
}

void ScheduleView::computeSimulated()
{
    const Settings s = settings();
    QStringList kinds{s.kind};
    for (const QString& k : compareKinds())
        if (!kinds.contains(k))
            kinds << k;
    QStringList errors;
    for (const QString& kind : kinds) {
        Group g;
        try {
            if (kind == QLatin1String("custom")) {
                if (!m_imported)
                    continue;
                g.schedule = *m_imported;
                g.title = tr("Imported CSV");
            } else if (kind == QLatin1String("naive")) {
                g.schedule = sc::naive(s.stages);
                g.title = m_kind->itemText(m_kind->findData(kind));
            } else {
                g.schedule = sc::makeSchedule(kind.toStdString(), s.stages, s.microbatches, kind == QLatin1String("interleaved") ? s.virtualStages : 1);
                g.title = m_kind->itemText(m_kind->findData(kind));
            }
            // The op times are for a device's whole share of the model; interleaving cuts
            // that share into v stages, each 1/v as long, so that schedules compare fairly.
            const double share = 1.0 / std::max(1, g.schedule.virtualStages);
            g.result = sc::simulate(g.schedule, sc::Durations::uniform(s.forward * share, s.backward * share, s.weight * share, s.latency));
        } catch (const sc::ScheduleError& e) {
            errors << tr("%1: %2").arg(kind, QString::fromStdString(e.what()));
            continue;
        }
        g.formulaBubble = formulaShare(g.schedule);
        m_groups.push_back(std::move(g));
    }
    m_error = errors.join(QLatin1Char('\n'));
}

void ScheduleView::computeMeasured()
{
    const sc::MeasuredRun& run = *m_measured;
    Group g;
    g.schedule = run.schedule;
    g.measured = run.spans;
    g.title = tr("Trial %1, step %2 (%3)").arg(m_measuredTrial).arg(run.step).arg(QString::fromStdString(run.kind));
    const std::vector<std::string> problems = sc::validate(run.schedule);
    if (problems.empty()) {
        g.result = sc::simulate(run.schedule, run.meanDurations());
    } else {
        // Show what was measured, even when it is not a complete schedule.
        m_error = tr("The measured order is not a complete schedule, so it is not simulated: %1")
                      .arg(QString::fromStdString(problems.front()));
        g.result.spans.assign(run.schedule.perDevice.size(), {});
        for (std::size_t d = 0; d < run.schedule.perDevice.size(); ++d)
            g.result.spans[d].assign(run.schedule.perDevice[d].size(), sc::Span{});
        g.result.peakActivations = sc::peakActivations(run.schedule);
    }
    if (run.schedule.kind != "custom")
        g.formulaBubble = formulaShare(run.schedule);
    double makespan = 0;
    double busy = 0;
    for (const auto& spans : run.spans)
        for (const sc::Span& span : spans) {
            makespan = std::max(makespan, span.end);
            busy += span.end - span.start;
        }
    g.measuredIdle = makespan > 0 ? 1.0 - busy / (makespan * std::max(1, run.schedule.devices)) : 0.0;
    m_groups.push_back(std::move(g));
}

void ScheduleView::publish()
{
    GanttChart::Content c;
    QStringList summary;
    const bool measured = m_measured.has_value();
    c.timeLabel = measured ? tr("time (µs from the start of the step)") : tr("time (units of the op durations)");
    for (Group& g : m_groups) {
        const sc::Schedule& s = g.schedule;
        const int titleRow = int(c.rowLabels.size());
        c.rowLabels << QString();
        c.rowNotes << QString();
        g.firstRow = titleRow + 1;
        const int rowsPerDevice = measured ? 2 : 1;
        if (measured)
            g.measuredFirstRow = g.firstRow + 1;
        std::vector<double> peaks(g.result.peakActivations.begin(), g.result.peakActivations.end());
        for (int d = 0; d < s.devices; ++d) {
            c.rowLabels << (measured ? tr("device %1 simulated").arg(d) : tr("device %1").arg(d));
            c.rowNotes << tr("peak activations %1").arg(stageNote(s, d, peaks, [](double v) { return QString::number(v); }));
            if (measured) {
                c.rowLabels << tr("device %1 measured").arg(d);
                c.rowNotes << tr("peak memory %1").arg(stageNote(s, d, m_measured->peakBytes, bytesText));
            }
        }
        // Boxes: the simulation, and in measured mode the spans with deviations marked.
        for (int d = 0; d < s.devices; ++d) {
            const auto& actions = s.perDevice[d];
            for (std::size_t i = 0; i < actions.size(); ++i) {
                const sc::Span& sim = g.result.spans[d][i];
                const bool simulated = !measured || m_error.isEmpty();
                if (simulated)
                    c.boxes.append({g.firstRow + d * rowsPerDevice, actions[i], sim.start, sim.end, false, measured, false});
                if (measured) {
                    const sc::Span& real = g.measured[d][i];
                    const double tolerance = kDeviation * (sim.end - sim.start);
                    const bool off = simulated && std::max(std::abs(real.start - sim.start), std::abs(real.end - sim.end)) > tolerance;
                    c.boxes.append({g.measuredFirstRow + d * rowsPerDevice, actions[i], real.start, real.end, true, false, off});
                }
            }
        }
        QString line = tr("<b>%1</b>: p = %2, m = %3, v = %4").arg(g.title.toHtmlEscaped()).arg(s.devices).arg(s.microbatches).arg(s.virtualStages);
        if (!measured || m_error.isEmpty())
            line += tr(", makespan %1, simulated idle share %2").arg(g.result.makespan, 0, 'g', 6).arg(percent(g.result.bubbleFraction));
        if (g.formulaBubble)
            line += tr(", formula %1").arg(percent(*g.formulaBubble));
        if (measured)
            line += tr(", measured idle share %1").arg(percent(g.measuredIdle));
        summary << line;
        QString title = g.title;
        if (!measured || m_error.isEmpty())
            title += tr("  bubble %1").arg(percent(g.result.bubbleFraction));
        if (g.formulaBubble)
            title += tr(" (formula %1)").arg(percent(*g.formulaBubble));
        if (!measured || m_error.isEmpty())
            title += tr(", makespan %1").arg(g.result.makespan, 0, 'g', 6);
        c.titles.append({titleRow, title});
    }
    if (measured)
        summary << tr("Faded rows: the simulation from the trial's mean op durations per stage. Outlined: measured boxes more than "
                      "%1% of the op off the simulation.")
                       .arg(int(kDeviation * 100));
    if (!m_error.isEmpty())
        summary << QStringLiteral("<span style='color:#c0392b'>%1</span>").arg(m_error.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    m_summary->setText(summary.join(QStringLiteral("<br>")));
    m_chart->setContent(std::move(c));
    m_chart->resetView();
}

QString ScheduleView::summaryText() const
{
    return m_summary->text();
}

void ScheduleView::refreshNow()
{
    m_chart->refreshNow();
}

bool ScheduleView::importCsv(const QString& path, QString* error)
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    sc::Schedule schedule;
    try {
        schedule = sc::fromCsv(file.readAll().toStdString());
    } catch (const sc::ScheduleError& e) {
        return fail(tr("%1: %2").arg(QDir::toNativeSeparators(path), QString::fromStdString(e.what())));
    }
    const std::vector<std::string> problems = sc::validate(schedule);
    if (!problems.empty())
        return fail(tr("%1 is not a valid schedule: %2").arg(QDir::toNativeSeparators(path), QString::fromStdString(problems.front())));
    m_imported = std::move(schedule);
    m_measured.reset();
    m_updating = true;
    if (m_kind->findData(QStringLiteral("custom")) < 0)
        m_kind->addItem(tr("Imported CSV"), QStringLiteral("custom"));
    m_kind->setCurrentIndex(m_kind->findData(QStringLiteral("custom")));
    m_stages->setValue(m_imported->devices);
    m_microbatches->setValue(m_imported->microbatches);
    m_virtual->setValue(m_imported->virtualStages);
    m_updating = false;
    recompute();
    return true;
}

bool ScheduleView::writeFile(const QString& path, const QByteArray& data, QString* error) const
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size())
        return true;
    if (error)
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return false;
}

bool ScheduleView::exportCsv(const QString& path, QString* error) const
{
    if (m_groups.empty()) {
        if (error)
            *error = tr("There is no schedule to export.");
        return false;
    }
    return writeFile(path, QByteArray::fromStdString(sc::toCsv(m_groups.front().schedule)), error);
}

bool ScheduleView::exportChromeTrace(const QString& path, QString* error) const
{
    if (m_groups.empty()) {
        if (error)
            *error = tr("There is no schedule to export.");
        return false;
    }
    const Group& g = m_groups.front();
    if (!m_measured)
        return writeFile(path, QByteArray::fromStdString(sc::toChromeTrace(g.schedule, g.result)), error);
    sc::SimResult measured = g.result; // the trace writer reads spans and makespan
    measured.spans = g.measured;
    measured.makespan = 0;
    for (const auto& spans : g.measured)
        for (const sc::Span& span : spans)
            measured.makespan = std::max(measured.makespan, span.end);
    return writeFile(path, QByteArray::fromStdString(sc::toChromeTrace(g.schedule, measured)), error);
}

bool ScheduleView::exportImage(const QString& path, QString* error, QSize size)
{
    return m_chart->exportTo(path, error, size);
}

bool ScheduleView::showTrial(const QString& dbPath, qint64 trialId, QString* error)
{
    try {
        const auto run = StoreSession::useAt(dbPath, [trialId](engine::Store& store) { return sc::MeasuredRun::fromEvents(engine::readEvents(store.events(trialId))); });
        if (!run) {
            if (error)
                *error = tr("This trial recorded no pipeline spans; run it with tunebench-train.");
            return false;
        }
        showMeasured(*run, trialId);
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
}

void ScheduleView::showMeasured(const sc::MeasuredRun& run, qint64 trialId)
{
    m_measured = run;
    m_measuredTrial = trialId;
    recompute();
}

void ScheduleView::importWithDialog()
{
    const QString path = files::openFileName(this, tr("Import PyTorch CSV"), QString(), tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!importCsv(path, &error))
        QMessageBox::warning(this, tr("Cannot import"), error);
}

void ScheduleView::exportWithDialog(const QString& what)
{
    const bool csv = what == QLatin1String("csv");
    QString path = files::saveFileName(this, csv ? tr("Export PyTorch CSV") : tr("Export Chrome trace"),
                                                csv ? QStringLiteral("schedule.csv") : QStringLiteral("schedule.json"),
                                                csv ? tr("CSV files (*.csv)") : tr("Chrome traces (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!(csv ? exportCsv(path, &error) : exportChromeTrace(path, &error)))
        QMessageBox::warning(this, tr("Cannot export"), error);
}

} // namespace tb::widgets
