// The device timeline shows the telemetry the store holds: one lane per GPU (the CPU when no
// GPU was sampled), bands for the trials holding each device, a hover that names the trial
// under the cursor, a click that selects it, and PNG/PDF/SVG export. The rows go into a
// temporary store through TelemetryRecorder and reach the view through a StoreSession.

#include "widgets/models/experiment_data.h"
#include "widgets/models/store_session.h"
#include "widgets/plots/timeline_view.h"

#include "engine/core/store.h"
#include "engine/core/telemetry_recorder.h"

#include "widgets/plots/render.h"

#include <QFileInfo>
#include <QImage>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolTip>
#include <QtTest>
#include <cmath>
#include <map>
#include <memory>
#include <qcustomplot.h>

using tb::engine::DeviceKind;
using tb::engine::DeviceSample;
using tb::engine::Store;
using tb::engine::TelemetryRecorder;
using tb::widgets::ExperimentData;
using tb::widgets::StoreSession;
using tb::widgets::TimelineView;

namespace {

const char* const kSpec = R"({"name": "t", "objective": {"metric": "loss"},
  "space": [{"name": "x", "type": "float", "low": 0, "high": 1}], "algorithm": {"name": "random", "seed": 1},
  "trial": {"argv": ["true"], "workdir": "/tmp"}})";

constexpr double kT0 = 1700000000;
constexpr double kStep = 2; // seconds between samples
constexpr int kSamples = 20;
const std::uint64_t kUsed = std::uint64_t(10.2 * 1024 * 1024 * 1024); // shown as 10.2 GiB
constexpr int kPidA = 1001; // the trials' process group leaders
constexpr int kPidB = 1002;
constexpr double kBusyShare = 35;
constexpr double kIdleShare = 0.5;

DeviceSample sample(DeviceKind kind, int index, double time, double utilization)
{
    DeviceSample s;
    s.kind = kind;
    s.index = index;
    s.time = time;
    s.name = kind == DeviceKind::Cpu ? "cpu" : "Fake GPU";
    s.utilizationPercent = utilization;
    s.memoryUsedBytes = kUsed;
    s.memoryTotalBytes = std::uint64_t(16) << 30;
    return s;
}

double timeOf(int k)
{
    return kT0 + k * kStep;
}

// A store with one experiment and two trials, A and B.
struct Fixture {
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("t.db"));
    Store store{path};
    std::int64_t experiment = store.createExperiment(QStringLiteral("t"), kSpec);
    tb::engine::TrialRow a = store.createTrial(experiment, "{\"x\": 0.1}", tb::algorithms::TrialState::Completed);
    tb::engine::TrialRow b = store.createTrial(experiment, "{\"x\": 0.2}", tb::algorithms::TrialState::Running);

    // GPU 0: A for the first half, then B. GPU 1: idle, shared by A and B in the middle.
    // The CPU: both, always. With `gpus` false, only the CPU is sampled.
    // With `others`, another experiment's trial holds GPU 1 from sample 16 on.
    // With `ownCpu`, the CPU sample has each trial's process tree: A busy (kBusyShare of
    // the machine), B idle (kIdleShare), B's from sample 5 on only.
    void record(bool gpus, bool others = false, bool ownCpu = false)
    {
        TelemetryRecorder recorder(store, experiment);
        const QString ids[] = {QString::number(a.id), QString::number(b.id)};
        const std::map<int, std::int64_t> leaders{{kPidA, a.id}, {kPidB, b.id}};
        for (int k = 0; k < kSamples; ++k) {
            std::vector<DeviceSample> samples{sample(DeviceKind::Cpu, 0, timeOf(k), 40)};
            if (ownCpu) {
                samples[0].processes.push_back({kPidA, 1 << 20, kBusyShare});
                samples[0].processes.push_back({kPidB, 1 << 20, k < 5 ? -1 : kIdleShare});
            }
            if (gpus) {
                samples.push_back(sample(DeviceKind::Gpu, 0, timeOf(k), 87));
                samples.push_back(sample(DeviceKind::Gpu, 1, timeOf(k), 30));
            }
            recorder.record(samples, [&](const DeviceSample& s) {
                if (s.kind == DeviceKind::Cpu)
                    return ids[0] + ',' + ids[1];
                if (s.index == 0)
                    return k < kSamples / 2 ? ids[0] : ids[1];
                return k >= 5 && k < 15 ? ids[0] + ',' + ids[1] : QString();
            }, [&](const DeviceSample& s) {
                return others && s.kind == DeviceKind::Gpu && s.index == 1 && k >= 16 ? QStringLiteral("theirs\t/home/u/other.db\t12") : QString();
            }, [&](int pid) -> std::optional<std::int64_t> {
                const auto it = leaders.find(pid);
                return it == leaders.end() ? std::nullopt : std::optional(it->second);
            });
        }
    }
};

// Waits until the session delivered everything the store holds.
bool waitForRows(ExperimentData& data, Store& store, std::int64_t experiment)
{
    return QTest::qWaitFor([&] { return !data.isEmpty() && data.telemetry().size() == store.telemetryCount(experiment); }, 10000);
}

// The fixture's store opened in a session and shown in a timeline view.
struct Shown {
    Fixture f;
    ExperimentData data;
    std::unique_ptr<StoreSession> session;
    std::unique_ptr<TimelineView> view;

    // Records the samples (GPUs too, or only the CPU), opens the store and shows the view
    // once every row and both trials arrived. False when that takes over 10 s or the window
    // never appears.
    bool open(bool gpus, bool others = false, bool ownCpu = false)
    {
        f.record(gpus, others, ownCpu);
        session = std::make_unique<StoreSession>(f.path, data, 50);
        view = std::make_unique<TimelineView>(&data);
        if (!waitForRows(data, f.store, f.experiment) || !QTest::qWaitFor([&] { return data.trials().size() == 2; }, 10000))
            return false;
        view->resize(1000, 600);
        view->show();
        if (!QTest::qWaitForWindowExposed(view.get()))
            return false;
        view->refreshNow();
        return true;
    }
};

QString tooltipAt(TimelineView& view, const QPointF& pos)
{
    QToolTip::hideText();
    QTest::mouseMove(view.plot(), pos.toPoint());
    if (!QTest::qWaitFor([] { return !QToolTip::text().isEmpty(); }, 3000))
        return {};
    return QToolTip::text().section(QLatin1Char('\n'), 0, 0);
}

} // namespace

class TestTimeline : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void showsTheStoredRows();
    void bandsMatchTheHolders();
    void hoverNamesTheTrial();
    void otherExperimentsShowOnTheirGpus();
    void clickSelectsTheTrial();
    void cpuWithoutGpus();
    void cpuShowsEachTrialsOwnUse();
    void timeTicksDifferAtEveryZoom_data();
    void timeTicksDifferAtEveryZoom();
    void utilizationScaleIsZeroToHundred();
    void legendStaysOffTheLanes();
    void followsDownsampling();
    void exports_data();
    void exports();
};

void TestTimeline::showsTheStoredRows()
{
    Shown shown;
    QVERIFY(shown.open(true));
    Fixture& f = shown.f;
    ExperimentData& data = shown.data;
    TimelineView& view = *shown.view;

    // The GPUs, by index; the CPU is not drawn when GPUs were sampled.
    QCOMPARE(view.laneCount(), 2);
    for (int i = 0; i < 2; ++i) {
        const TimelineView::Lane& lane = view.lane(i);
        QCOMPARE(lane.kind, QStringLiteral("gpu"));
        QCOMPARE(lane.device, i);
        QCOMPARE(lane.name, QStringLiteral("Fake GPU"));
        QCOMPARE(lane.time.size(), qsizetype(kSamples));
        for (int k = 0; k < kSamples; ++k) {
            QCOMPARE(lane.time[k], timeOf(k));
            QCOMPARE(lane.utilization[k], i == 0 ? 87.0 : 30.0);
            QCOMPARE(lane.memoryUsed[k], double(kUsed));
        }
        QCOMPARE(lane.memoryTotal, double(std::uint64_t(16) << 30));
    }
    // The time axis shows all samples.
    QVERIFY(view.plot()->xAxis->range().contains(timeOf(0)));
    QVERIFY(view.plot()->xAxis->range().contains(timeOf(kSamples - 1)));

    // New samples arrive while the experiment runs.
    TelemetryRecorder(f.store, f.experiment).record({sample(DeviceKind::Gpu, 0, timeOf(kSamples), 50)}, {});
    QVERIFY(waitForRows(data, f.store, f.experiment));
    view.refreshNow();
    QCOMPARE(view.lane(0).time.size(), qsizetype(kSamples + 1));
    QCOMPARE(view.lane(0).utilization.back(), 50.0);
}

void TestTimeline::bandsMatchTheHolders()
{
    Shown shown;
    QVERIFY(shown.open(true));
    Fixture& f = shown.f;
    TimelineView& view = *shown.view;

    // GPU 0: A until B takes over at sample 10, B to the last sample.
    const QVector<TimelineView::Band>& gpu0 = view.lane(0).bands;
    QCOMPARE(gpu0.size(), qsizetype(2));
    QCOMPARE(gpu0[0].start, timeOf(0));
    QCOMPARE(gpu0[0].end, timeOf(10));
    QCOMPARE(gpu0[0].trials, QVector<qint64>{f.a.id});
    QCOMPARE(gpu0[1].start, timeOf(10));
    QCOMPARE(gpu0[1].end, timeOf(kSamples - 1));
    QCOMPARE(gpu0[1].trials, QVector<qint64>{f.b.id});
    // GPU 1: both, from sample 5 until it is free at sample 15.
    const QVector<TimelineView::Band>& gpu1 = view.lane(1).bands;
    QCOMPARE(gpu1.size(), qsizetype(1));
    QCOMPARE(gpu1[0].start, timeOf(5));
    QCOMPARE(gpu1[0].end, timeOf(15));
    QCOMPARE(gpu1[0].trials, (QVector<qint64>{f.a.id, f.b.id}));

    // Drawn where the axes say: above GPU 1's lines, the band is coloured from sample 5 to
    // 15 and the lane white outside it.
    const QImage image = view.plot()->toPixmap().toImage();
    auto isWhite = [&](double time) { return image.pixelColor(view.pixelOf(1, time, 1.05).toPoint()) == QColor(Qt::white); };
    QVERIFY(isWhite(timeOf(2)));
    QVERIFY(!isWhite(timeOf(6)));
    QVERIFY(!isWhite(timeOf(14)));
    QVERIFY(isWhite(timeOf(17)));
}

void TestTimeline::hoverNamesTheTrial()
{
    Shown shown;
    QVERIFY(shown.open(true));
    Fixture& f = shown.f;
    TimelineView& view = *shown.view;

    const QString a = QStringLiteral("trial %1 (#%2)").arg(f.a.id).arg(f.a.number);
    const QString b = QStringLiteral("trial %1 (#%2)").arg(f.b.id).arg(f.b.number);
    QCOMPARE(tooltipAt(view, view.pixelOf(0, timeOf(3))), a + QStringLiteral(" on GPU 0: 87% util, 10.2 GiB"));
    QCOMPARE(tooltipAt(view, view.pixelOf(0, timeOf(14))), b + QStringLiteral(" on GPU 0: 87% util, 10.2 GiB"));
    // A shared GPU: each holder has its slice of the lane, A on top.
    QCOMPARE(tooltipAt(view, view.pixelOf(1, timeOf(8), 0.75)), a + QStringLiteral(" on GPU 1: 30% util, 10.2 GiB"));
    QCOMPARE(tooltipAt(view, view.pixelOf(1, timeOf(8), 0.25)), b + QStringLiteral(" on GPU 1: 30% util, 10.2 GiB"));
    // No trial holds GPU 1 at the start: the sample alone.
    QCOMPARE(tooltipAt(view, view.pixelOf(1, timeOf(1))), QStringLiteral("GPU 1: 30% util, 10.2 GiB"));
}

// Machine-wide GPU slots: another experiment's trial on a GPU is a hatched band of its own,
// named on hover (its store is not opened).
void TestTimeline::otherExperimentsShowOnTheirGpus()
{
    Shown shown;
    QVERIFY(shown.open(true, true));
    TimelineView& view = *shown.view;
    const QVector<TimelineView::Band>& gpu1 = view.lane(1).bands;
    QCOMPARE(gpu1.size(), qsizetype(2));
    QCOMPARE(gpu1[1].start, timeOf(16));
    QVERIFY(gpu1[1].trials.isEmpty());
    QCOMPARE(gpu1[1].others, QStringList{QStringLiteral("theirs\t/home/u/other.db\t12")});
    QCOMPARE(tooltipAt(view, view.pixelOf(1, timeOf(17))),
             QStringLiteral("another experiment on GPU 1: 'theirs' in other.db, trial 12 (30% util, 10.2 GiB)"));
    const QImage image = view.plot()->toPixmap().toImage();
    bool drawn = false; // the hatched band puts colour in the lane above the lines
    for (int dy = -6; dy <= 6 && !drawn; ++dy)
        drawn = image.pixelColor((view.pixelOf(1, timeOf(18), 1.05) + QPointF(0, dy)).toPoint()) != QColor(Qt::white);
    QVERIFY(drawn);
}

void TestTimeline::clickSelectsTheTrial()
{
    Shown shown;
    QVERIFY(shown.open(true));
    Fixture& f = shown.f;
    ExperimentData& data = shown.data;
    TimelineView& view = *shown.view;

    QSignalSpy selected(&data, &ExperimentData::selectionChanged);
    QTest::mouseClick(view.plot(), Qt::LeftButton, {}, view.pixelOf(0, timeOf(15)).toPoint());
    QCOMPARE(selected.size(), 1);
    QCOMPARE(data.selectedTrial(), f.b.id);
    QTest::mouseClick(view.plot(), Qt::LeftButton, {}, view.pixelOf(1, timeOf(8), 0.75).toPoint());
    QCOMPARE(data.selectedTrial(), f.a.id);
    // Outside every band: the selection stays.
    QTest::mouseClick(view.plot(), Qt::LeftButton, {}, view.pixelOf(1, timeOf(1)).toPoint());
    QCOMPARE(data.selectedTrial(), f.a.id);
}

void TestTimeline::cpuWithoutGpus()
{
    Shown shown;
    QVERIFY(shown.open(false));
    Fixture& f = shown.f;
    TimelineView& view = *shown.view;

    QCOMPARE(view.laneCount(), 1);
    QCOMPARE(view.lane(0).kind, QStringLiteral("cpu"));
    QCOMPARE(view.lane(0).time.size(), qsizetype(kSamples));
    QCOMPARE(view.lane(0).bands.size(), qsizetype(1));
    QCOMPARE(view.lane(0).bands[0].trials, (QVector<qint64>{f.a.id, f.b.id}));
    const QString a = QStringLiteral("trial %1 (#%2)").arg(f.a.id).arg(f.a.number);
    QCOMPARE(tooltipAt(view, view.pixelOf(0, timeOf(4), 0.75)), a + QStringLiteral(" on CPU: 40% util, 10.2 GiB"));
}

// On the CPU lane, a trial's line is its own processes' CPU use, not the machine's: a busy
// and an idle trial of the same run get their own values, drawn and named on hover.
void TestTimeline::cpuShowsEachTrialsOwnUse()
{
    Shown shown;
    QVERIFY(shown.open(false, false, true));
    Fixture& f = shown.f;
    TimelineView& view = *shown.view;

    const TimelineView::Lane& cpu = view.lane(0);
    QCOMPARE(cpu.kind, QStringLiteral("cpu"));
    QCOMPARE(cpu.trialCpu.size(), 2);
    QCOMPARE(cpu.trialCpu[f.a.id].time.size(), qsizetype(kSamples));
    for (int k = 0; k < kSamples; ++k) {
        QCOMPARE(cpu.trialCpuAt(f.a.id, timeOf(k)), kBusyShare);
        if (k < 5)
            QVERIFY(std::isnan(cpu.trialCpuAt(f.b.id, timeOf(k)))); // not known yet
        else
            QCOMPARE(cpu.trialCpuAt(f.b.id, timeOf(k)), kIdleShare);
        QCOMPARE(cpu.utilization[k], 40.0); // the machine's, unchanged
    }

    const QString a = QStringLiteral("trial %1 (#%2)").arg(f.a.id).arg(f.a.number);
    const QString b = QStringLiteral("trial %1 (#%2)").arg(f.b.id).arg(f.b.number);
    QCOMPARE(tooltipAt(view, view.pixelOf(0, timeOf(8), 0.75)), a + QStringLiteral(" on CPU: its processes 35% (all: 40% util, 10.2 GiB)"));
    QCOMPARE(tooltipAt(view, view.pixelOf(0, timeOf(8), 0.25)), b + QStringLiteral(" on CPU: its processes 0.5% (all: 40% util, 10.2 GiB)"));
    QCOMPARE(tooltipAt(view, view.pixelOf(0, timeOf(2), 0.25)), b + QStringLiteral(" on CPU: 40% util, 10.2 GiB"));

    // A's line at 35 % of the lane's scale, in A's hue (B's band lies under it there).
    const QImage image = view.plot()->toPixmap().toImage();
    const int hueA = tb::widgets::palette::trial(f.a.id, 255).hsvHue();
    auto hasHueOfA = [&](double share) {
        const QPoint at = view.pixelOf(0, timeOf(10), share).toPoint();
        for (int dy = -2; dy <= 2; ++dy) {
            const QColor c = image.pixelColor(at + QPoint(0, dy));
            if (c.hsvSaturation() > 100 && std::abs(c.hsvHue() - hueA) <= 3)
                return true;
        }
        return false;
    };
    QVERIFY(hasHueOfA(kBusyShare / 100));
    QVERIFY(!hasHueOfA(0.2));
    // The legend says what the trials' lines are.
    bool named = false;
    for (int i = 0; i < view.plot()->legend->itemCount(); ++i)
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(view.plot()->legend->item(i)))
            named = named || item->plottable()->name().contains(QStringLiteral("own CPU"));
    QVERIFY(named);
}

void TestTimeline::timeTicksDifferAtEveryZoom_data()
{
    QTest::addColumn<double>("span");       // seconds shown
    QTest::addColumn<QString>("timeFormat"); // of a label's first line: what the step needs
    QTest::newRow("two seconds (a demo)") << 2.4 << QStringLiteral("^\\d\\d:\\d\\d:\\d\\d\\.\\d$");
    QTest::newRow("two minutes") << 120.0 << QStringLiteral("^\\d\\d:\\d\\d:\\d\\d$");
    QTest::newRow("an hour") << 3600.0 << QStringLiteral("^\\d\\d:\\d\\d$");
    QTest::newRow("a day") << 86400.0 << QStringLiteral("^\\d\\d:\\d\\d$");
    QTest::newRow("three weeks") << 21 * 86400.0 << QStringLiteral("^[A-Za-z]+ \\d+$");
}

// Each zoom gets ticks at a step its labels can tell apart: neighbouring labels differ,
// and the date is under the first one.
void TestTimeline::timeTicksDifferAtEveryZoom()
{
    QFETCH(double, span);
    QFETCH(QString, timeFormat);
    Shown shown;
    QVERIFY(shown.open(true));
    QCustomPlot* plot = shown.view->plot();
    plot->xAxis->setRange(kT0, kT0 + span);
    plot->replot();
    const QVector<QString> labels = plot->xAxis->tickVectorLabels();
    QVERIFY2(labels.size() >= 3, qPrintable(QStringList(labels.cbegin(), labels.cend()).join(QLatin1Char('|'))));
    const QRegularExpression format(timeFormat);
    for (qsizetype i = 0; i < labels.size(); ++i) {
        QVERIFY2(format.match(labels[i].section(QLatin1Char('\n'), 0, 0)).hasMatch(), qPrintable(labels[i]));
        if (i > 0)
            QVERIFY2(labels[i] != labels[i - 1], qPrintable(labels[i]));
    }
    QVERIFY2(labels.front().contains(QLatin1Char('\n')), qPrintable(labels.front())); // the date (or year) under the first
}

// The lines' scale on the right: 0, 50 and 100 per lane, where the lines put those values.
void TestTimeline::utilizationScaleIsZeroToHundred()
{
    Shown shown;
    QVERIFY(shown.open(true));
    TimelineView& view = *shown.view;
    QCPAxis* scale = view.plot()->yAxis2;
    QVERIFY(scale->visible());
    QVERIFY(scale->label().contains(QLatin1Char('%')));
    const auto ticker = scale->ticker().dynamicCast<QCPAxisTickerText>();
    QVERIFY(ticker);
    const QMap<double, QString> ticks = ticker->ticks();
    QCOMPARE(ticks.size(), 3 * view.laneCount());
    for (int lane = 0; lane < view.laneCount(); ++lane) {
        QCOMPARE(ticks.value(view.scaleCoord(lane, 0)), QStringLiteral("0"));
        QCOMPARE(ticks.value(view.scaleCoord(lane, 50)), QStringLiteral("50"));
        QCOMPARE(ticks.value(view.scaleCoord(lane, 100)), QStringLiteral("100"));
        // The scale's 0 and 100 are where the lines' 0 and 100 % are drawn.
        QCOMPARE(scale->coordToPixel(view.scaleCoord(lane, 0)), view.pixelOf(lane, kT0, 0).y());
        QCOMPARE(scale->coordToPixel(view.scaleCoord(lane, 100)), view.pixelOf(lane, kT0, 1).y());
    }
    // GPU 0's utilization (87 %) is drawn at 87 on that scale.
    const QImage image = view.plot()->toPixmap().toImage();
    const QPoint at(int(view.pixelOf(0, timeOf(12)).x()), int(std::lround(scale->coordToPixel(view.scaleCoord(0, 87)))));
    bool line = false;
    for (int dy = -1; dy <= 1; ++dy)
        line = line || image.pixelColor(at + QPoint(0, dy)) == QColor(31, 119, 180);
    QVERIFY(line);
}

void TestTimeline::legendStaysOffTheLanes()
{
    for (const bool gpus : {true, false}) {
        Shown shown;
        QVERIFY(shown.open(gpus, false, !gpus));
        QCustomPlot* plot = shown.view->plot();
        plot->replot();
        QCPLegend* legend = plot->legend;
        QVERIFY(legend->visible());
        QCOMPARE(legend->itemCount(), gpus ? 2 : 3); // utilization, memory (and the trials' own CPU)
        const QRect lanes = plot->axisRect()->rect();
        QVERIFY(!legend->outerRect().intersects(lanes));
        QVERIFY(legend->outerRect().bottom() <= lanes.top()); // above them
        QVERIFY(plot->rect().contains(legend->outerRect()));
    }
}

void TestTimeline::followsDownsampling()
{
    // Merged rows replace the ones the view holds: it starts over and keeps every device's
    // samples in time order, with its bands.
    Shown shown;
    QVERIFY(shown.open(true));
    Fixture& f = shown.f;
    ExperimentData& data = shown.data;
    TimelineView& view = *shown.view;
    QCOMPARE(view.lane(0).time.size(), qsizetype(kSamples));

    // Rows older than 10 s merge into 10 s buckets (5 samples each).
    TelemetryRecorder recorder(f.store, f.experiment, {{10, 10}});
    QVERIFY(recorder.downsample(timeOf(kSamples - 1) + 10) > 0);
    const std::int64_t count = f.store.telemetryCount(f.experiment);
    QVERIFY(waitForRows(data, f.store, f.experiment)); // the rows it held were more than `count`
    view.refreshNow();
    const TimelineView::Lane& gpu0 = view.lane(0);
    QCOMPARE(gpu0.time.size() * 3, qsizetype(count)); // three devices, as many rows each
    QVERIFY(std::is_sorted(gpu0.time.cbegin(), gpu0.time.cend()));
    QCOMPARE(gpu0.time.front(), timeOf(0));
    QCOMPARE(gpu0.bands.size(), qsizetype(2));
    QCOMPARE(gpu0.bands[0].trials, QVector<qint64>{f.a.id});
    QCOMPARE(gpu0.bands[1].trials, QVector<qint64>{f.b.id});
}

void TestTimeline::exports_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::newRow("png") << QStringLiteral("png");
    QTest::newRow("pdf") << QStringLiteral("pdf");
    QTest::newRow("svg") << QStringLiteral("svg");
}

void TestTimeline::exports()
{
    QFETCH(QString, suffix);
    Shown shown;
    QVERIFY(shown.open(true));
    Fixture& f = shown.f;
    TimelineView& view = *shown.view;

    const QString path = f.dir.filePath(QStringLiteral("devices.") + suffix);
    QString error;
    QVERIFY2(view.exportTo(path, &error), qPrintable(error));
    QVERIFY(QFileInfo(path).size() > 0);
    if (suffix == QLatin1String("png")) {
        const QImage image(path);
        QCOMPARE(image.size(), view.plot()->size());
    } else if (suffix == QLatin1String("svg")) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("<svg"));
    } else {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
    }
}

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
