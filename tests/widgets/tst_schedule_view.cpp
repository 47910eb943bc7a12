// The pipeline view draws exactly what the simulator computes, reads and writes PyTorch's
// per-rank CSV, puts a trial's measured spans on the right rows, and compares schedules
// on one time axis.

#include "widgets/plots/schedule_view.h"

#include "engine/core/store.h"

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <qcustomplot.h>

namespace sc = tb::algorithms::schedules;
using tb::widgets::GanttBox;
using tb::widgets::ScheduleView;

namespace {

QString text(const sc::Action& a)
{
    return QString::fromStdString(sc::toString(a));
}

sc::Schedule generate(const QString& kind, int p, int m, int v)
{
    if (kind == QLatin1String("naive"))
        return sc::naive(p);
    return sc::makeSchedule(kind.toStdString(), p, m, v);
}

// The boxes drawn on `row`, in drawing order.
QVector<GanttBox> boxesOnRow(const ScheduleView& view, int row)
{
    QVector<GanttBox> out;
    for (const GanttBox& b : view.chart()->content().boxes)
        if (b.row == row)
            out.append(b);
    return out;
}

// Compares the simulated boxes of a group with the simulation of `expected`.
void checkGroup(const ScheduleView& view, const ScheduleView::Group& group, const sc::Schedule& expected, const sc::SimResult& sim)
{
    QCOMPARE(group.schedule.devices, expected.devices);
    for (int d = 0; d < expected.devices; ++d) {
        const QVector<GanttBox> row = boxesOnRow(view, group.firstRow + d);
        QCOMPARE(row.size(), qsizetype(expected.perDevice[d].size()));
        for (qsizetype i = 0; i < row.size(); ++i) {
            QCOMPARE(text(row[i].action), text(expected.perDevice[d][i]));
            QCOMPARE(row[i].start, sim.spans[d][i].start);
            QCOMPARE(row[i].end, sim.spans[d][i].end);
            QVERIFY(!row[i].measured);
        }
    }
}

// A trial that ran `schedule` (its partition event names `kind`) for steps 1 (warm-up,
// three times slower) and 50, with F = 100 us, B = 200 us and `late` started 60 us late in
// step 50, plus memory peaks of 4 KiB (stage 0) and 2 KiB (stage 1). Returns its id.
qint64 writeMeasuredTrial(const QString& db, const sc::Schedule& schedule, const QString& kind, const sc::Action& late)
{
    const sc::SimResult ideal = sc::simulate(schedule, sc::Durations::uniform(100, 200, 0));
    tb::engine::Store store(db);
    const auto experiment = store.createExperiment(QStringLiteral("pipe"), "{}");
    const qint64 trialId = store.createTrial(experiment, "{}", tb::algorithms::TrialState::Running).id;
    std::vector<tb::engine::EventRow> events;
    auto add = [&](const QString& type, const QJsonObject& body) {
        events.push_back({trialId, 1, 0.0, type, QJsonDocument(body).toJson(QJsonDocument::Compact)});
    };
    add(QStringLiteral("partition"), {{"event", "partition"}, {"schedule", kind}, {"ranks", schedule.devices}, {"microbatches", schedule.microbatches}});
    for (int step : {1, 50})
        for (int d = 0; d < schedule.devices; ++d)
            for (std::size_t i = 0; i < schedule.perDevice[d].size(); ++i) {
                const sc::Action& a = schedule.perDevice[d][i];
                const double shift = step == 50 && a == late ? 60 : 0;
                const double slow = step == 1 ? 3 : 1; // the first step is slower everywhere
                add(QStringLiteral("span"), {{"event", "span"}, {"step", step}, {"device", d}, {"stage", a.stage},
                                             {"op", QString(QChar(sc::opLetter(a.op)))}, {"mb", a.microbatch},
                                             {"start_us", ideal.spans[d][i].start * slow + shift},
                                             {"end_us", ideal.spans[d][i].end * slow + shift}});
            }
    add(QStringLiteral("memory"), {{"event", "memory"}, {"stage", 0}, {"device", "cpu"}, {"peak_bytes", 4096}, {"peak_microbatches", 2}});
    add(QStringLiteral("memory"), {{"event", "memory"}, {"stage", 1}, {"device", "cpu"}, {"peak_bytes", 2048}, {"peak_microbatches", 1}});
    store.addMetrics({}, events);
    return trialId;
}

// The names in the chart's legend, in order.
QStringList legendNames(const ScheduleView& view)
{
    QStringList names;
    QCPLegend* legend = view.chart()->plot()->legend;
    for (int i = 0; i < legend->itemCount(); ++i)
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(legend->item(i)))
            names << item->plottable()->name();
    return names;
}

} // namespace

class TestScheduleView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void simulatedMatchesSimulator_data();
    void simulatedMatchesSimulator();
    void rejectedSettings_data();
    void rejectedSettings();
    void csvRoundTrip_data();
    void csvRoundTrip();
    void badCsvIsRejected();
    void compareSharesTheTimeAxis();
    void measuredSpansOnTheirRows();
    void trialWithoutSpans();
    void measuredRunFillsTheControls();
    void measuredOrderOfNoGenerator();
    void legendNamesTheBoxes();
    void exports_data();
    void exports();
};

void TestScheduleView::simulatedMatchesSimulator_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("p");
    QTest::addColumn<int>("m");
    QTest::addColumn<int>("v");
    QTest::addColumn<double>("latency");
    QTest::newRow("naive p4") << "naive" << 4 << 1 << 1 << 0.0;
    QTest::newRow("gpipe p4 m8") << "gpipe" << 4 << 8 << 1 << 0.0;
    QTest::newRow("1f1b p4 m8") << "1f1b" << 4 << 8 << 1 << 0.0;
    QTest::newRow("1f1b p3 m5 latency") << "1f1b" << 3 << 5 << 1 << 0.25;
    QTest::newRow("interleaved p4 m8 v2") << "interleaved" << 4 << 8 << 2 << 0.0;
    QTest::newRow("interleaved p2 m4 v3") << "interleaved" << 2 << 4 << 3 << 0.5;
    QTest::newRow("zb1 p4 m8") << "zb1" << 4 << 8 << 1 << 0.0;
}

void TestScheduleView::simulatedMatchesSimulator()
{
    QFETCH(QString, kind);
    QFETCH(int, p);
    QFETCH(int, m);
    QFETCH(int, v);
    QFETCH(double, latency);
    ScheduleView view;
    ScheduleView::Settings s;
    s.kind = kind;
    s.stages = p;
    s.microbatches = m;
    s.virtualStages = v;
    s.forward = 1.0;
    s.backward = 1.5;
    s.weight = 0.5;
    s.latency = latency;
    view.setSettings(s);
    view.refreshNow();

    QCOMPARE(view.errorText(), QString());
    QCOMPARE(view.mode(), ScheduleView::Mode::Simulated);
    QCOMPARE(view.groups().size(), std::size_t(1));
    const sc::Schedule expected = generate(kind, p, m, v);
    // The durations are a device's share of the model, split over its v stages.
    const double share = 1.0 / expected.virtualStages;
    const sc::SimResult sim = sc::simulate(expected, sc::Durations::uniform(share, 1.5 * share, 0.5 * share, latency));
    const ScheduleView::Group& g = view.groups().front();
    checkGroup(view, g, expected, sim);
    QCOMPARE(g.result.makespan, sim.makespan);
    QVERIFY(g.result.peakActivations == sim.peakActivations);
    std::size_t actions = 0;
    for (const auto& list : expected.perDevice)
        actions += list.size();
    QCOMPARE(std::size_t(view.chart()->content().boxes.size()), actions);
    // Bubble, makespan and peak activations are on show.
    QVERIFY2(view.summaryText().contains(QString::number(100.0 * sim.bubbleFraction, 'f', 1) + QLatin1Char('%')), qPrintable(view.summaryText()));
    const QStringList notes = view.chart()->content().rowNotes;
    QVERIFY(notes[g.firstRow].contains(QStringLiteral("s0: %1").arg(sim.peakActivations[0])));
    // Time to scale: the axis spans the makespan.
    QVERIFY(view.chart()->plot()->xAxis->range().upper >= sim.makespan);
    QVERIFY(view.chart()->plot()->xAxis->range().upper <= sim.makespan * 1.05);
}

void TestScheduleView::rejectedSettings_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("p");
    QTest::addColumn<int>("m");
    QTest::addColumn<QString>("error");
    QTest::newRow("1f1b m < p") << "1f1b" << 4 << 2 << "1f1b: ";
    QTest::newRow("interleaved m not multiple") << "interleaved" << 4 << 6 << "interleaved: ";
}

void TestScheduleView::rejectedSettings()
{
    QFETCH(QString, kind);
    QFETCH(int, p);
    QFETCH(int, m);
    QFETCH(QString, error);
    ScheduleView view;
    ScheduleView::Settings s;
    s.kind = kind;
    s.stages = p;
    s.microbatches = m;
    view.setSettings(s);
    QVERIFY(view.groups().empty());
    QVERIFY2(view.errorText().startsWith(error), qPrintable(view.errorText()));
    QVERIFY(view.summaryText().contains(QStringLiteral("color:")));
}

void TestScheduleView::csvRoundTrip_data()
{
    QTest::addColumn<QString>("pytorch"); // as torch.distributed.pipelining's _dump_csv writes it
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("p");
    QTest::addColumn<int>("m");
    QTest::addColumn<int>("v");
    // Idle time steps are empty cells in PyTorch's compute-only dump.
    QTest::newRow("1f1b p2 m4") << "0F0,0F1,,0B0,0F2,0B1,0F3,0B2,,0B3\n,1F0,1B0,1F1,1B1,1F2,1B2,1F3,1B3\n"
                                << "1f1b" << 2 << 4 << 1;
    QTest::newRow("gpipe p2 m2") << "0F0,0F1,,,0B0,0B1\n,1F0,1F1,1B0,1B1\n"
                                 << "gpipe" << 2 << 2 << 1;
    QTest::newRow("interleaved p2 m2 v2 (ours)") << QString::fromStdString(sc::toCsv(sc::interleaved(2, 2, 2)))
                                                 << "interleaved" << 2 << 2 << 2;
}

void TestScheduleView::csvRoundTrip()
{
    QFETCH(QString, pytorch);
    QFETCH(QString, kind);
    QFETCH(int, p);
    QFETCH(int, m);
    QFETCH(int, v);
    QTemporaryDir dir;
    const QString in = dir.filePath(QStringLiteral("in.csv"));
    const QString out = dir.filePath(QStringLiteral("out.csv"));
    {
        QFile f(in);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(pytorch.toUtf8());
    }
    ScheduleView view;
    QString error;
    QVERIFY2(view.importCsv(in, &error), qPrintable(error));
    QCOMPARE(view.settings().kind, QStringLiteral("custom"));
    QCOMPARE(view.groups().size(), std::size_t(1));
    const sc::Schedule expected = sc::makeSchedule(kind.toStdString(), p, m, v);
    QVERIFY(view.groups().front().schedule.perDevice == expected.perDevice);
    QVERIFY(view.groups().front().schedule.stageDevice == expected.stageDevice);
    // Drawn with the durations of the controls, like any generated schedule.
    const ScheduleView::Settings s = view.settings();
    const double share = 1.0 / expected.virtualStages;
    checkGroup(view, view.groups().front(), expected,
               sc::simulate(expected, sc::Durations::uniform(s.forward * share, s.backward * share, s.weight * share, s.latency)));

    QVERIFY2(view.exportCsv(out, &error), qPrintable(error));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray written = f.readAll();
    QCOMPARE(written.toStdString(), sc::toCsv(expected));
    // PyTorch reads one row per rank, one action per cell.
    QCOMPARE(written.count('\n'), p);
    QVERIFY(sc::fromCsv(written.toStdString()).perDevice == expected.perDevice);
}

void TestScheduleView::badCsvIsRejected()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("0F0,0B0\n1B0,1F0\n"); // device 1 runs B before its F
    f.close();
    ScheduleView view;
    const auto before = view.groups().front().schedule.perDevice;
    QString error;
    QVERIFY(!view.importCsv(path, &error));
    QVERIFY2(error.contains(QStringLiteral("not a valid schedule")), qPrintable(error));
    QVERIFY(view.groups().front().schedule.perDevice == before); // the view is unchanged
    QVERIFY(!view.importCsv(dir.filePath(QStringLiteral("missing.csv")), &error));
    QVERIFY(error.contains(QStringLiteral("missing.csv")));
}

void TestScheduleView::compareSharesTheTimeAxis()
{
    ScheduleView view;
    ScheduleView::Settings s;
    s.kind = QStringLiteral("gpipe");
    s.stages = 4;
    s.microbatches = 8;
    s.virtualStages = 2;
    view.setSettings(s);
    view.setCompareKinds({QStringLiteral("1f1b"), QStringLiteral("interleaved")});
    view.refreshNow();
    QCOMPARE(view.mode(), ScheduleView::Mode::Compare);
    QCOMPARE(view.groups().size(), std::size_t(3));
    double longest = 0;
    int lastRow = -1;
    for (std::size_t i = 0; i < 3; ++i) {
        const ScheduleView::Group& g = view.groups()[i];
        const sc::Schedule expected = generate(QStringList{"gpipe", "1f1b", "interleaved"}[int(i)], 4, 8, i == 2 ? 2 : 1);
        const double share = 1.0 / expected.virtualStages;
        const sc::SimResult sim = sc::simulate(expected, sc::Durations::uniform(s.forward * share, s.backward * share, s.weight * share, s.latency));
        checkGroup(view, g, expected, sim);
        QVERIFY(g.firstRow > lastRow); // stacked, not overlapping
        lastRow = g.firstRow + g.schedule.devices - 1;
        longest = std::max(longest, sim.makespan);
    }
    // One axis for all: every group starts at 0 and the range shows the longest one.
    const QCPRange range = view.chart()->plot()->xAxis->range();
    QVERIFY(range.lower <= 0 && range.upper >= longest);
    QCOMPARE(view.chart()->content().titles.size(), qsizetype(3));
    QVERIFY(view.groups()[2].result.makespan < view.groups()[0].result.makespan); // interleaving shrinks the bubble
}

void TestScheduleView::measuredSpansOnTheirRows()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("store.db"));
    // A 1F1B run on 2 ranks, 4 micro-batches: step 1 (warm-up, ignored) and step 50, with
    // F = 100 us, B = 200 us, and one span of step 50 started 60 us late.
    const sc::Schedule schedule = sc::oneFOneB(2, 4);
    const sc::SimResult ideal = sc::simulate(schedule, sc::Durations::uniform(100, 200, 0));
    const sc::Action late{1, sc::Op::F, 2};
    const qint64 trialId = writeMeasuredTrial(db, schedule, QStringLiteral("1f1b"), late);
    ScheduleView view;
    QString error;
    QVERIFY2(view.showTrial(db, trialId, &error), qPrintable(error));
    view.refreshNow();
    QCOMPARE(view.mode(), ScheduleView::Mode::Measured);
    QCOMPARE(view.errorText(), QString());
    const ScheduleView::Group& g = view.groups().front();
    QVERIFY(g.schedule.perDevice == schedule.perDevice); // the order the ranks ran
    QCOMPARE(g.result.makespan, ideal.makespan);          // simulated from the measured means
    for (int d = 0; d < 2; ++d) {
        const QVector<GanttBox> measured = boxesOnRow(view, g.measuredFirstRow + 2 * d);
        const QVector<GanttBox> simulated = boxesOnRow(view, g.firstRow + 2 * d);
        QCOMPARE(measured.size(), qsizetype(schedule.perDevice[d].size()));
        QCOMPARE(simulated.size(), measured.size());
        for (qsizetype i = 0; i < measured.size(); ++i) {
            const bool isLate = measured[i].action == late;
            QVERIFY(measured[i].measured);
            QVERIFY(simulated[i].faded && !simulated[i].measured);
            QCOMPARE(text(measured[i].action), text(schedule.perDevice[d][i]));
            QCOMPARE(measured[i].start, ideal.spans[d][i].start + (isLate ? 60 : 0));
            QCOMPARE(measured[i].end, ideal.spans[d][i].end + (isLate ? 60 : 0));
            QCOMPARE(simulated[i].start, ideal.spans[d][i].start);
            QCOMPARE(measured[i].deviates, isLate);
        }
    }
    const QStringList notes = view.chart()->content().rowNotes;
    QVERIFY2(notes[g.measuredFirstRow].contains(QStringLiteral("s0: 4")), qPrintable(notes[g.measuredFirstRow])); // 4.0 KiB
    QVERIFY2(notes[g.measuredFirstRow + 2].contains(QStringLiteral("s1: 2")), qPrintable(notes[g.measuredFirstRow + 2]));
    QVERIFY(view.summaryText().contains(QStringLiteral("step 50")));

    // Exported as a Chrome trace, the measured spans come out.
    const QString trace = dir.filePath(QStringLiteral("trace.json"));
    QVERIFY2(view.exportChromeTrace(trace, &error), qPrintable(error));
    QFile f(trace);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray json = f.readAll();
    QVERIFY(!QJsonDocument::fromJson(json).isNull());

    // Editing a control goes back to the simulation.
    ScheduleView::Settings s = view.settings();
    s.kind = QStringLiteral("gpipe");
    view.setSettings(s);
    QCOMPARE(view.mode(), ScheduleView::Mode::Simulated);
}

// Showing a trial puts its own schedule in the controls, not what the simulator held.
void TestScheduleView::measuredRunFillsTheControls()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("store.db"));
    const qint64 trialId = writeMeasuredTrial(db, sc::oneFOneB(2, 4), QStringLiteral("1f1b"), sc::Action{1, sc::Op::F, 2});
    ScheduleView view;
    ScheduleView::Settings before;
    before.kind = QStringLiteral("gpipe");
    before.stages = 6;
    before.microbatches = 12;
    before.virtualStages = 3;
    view.setSettings(before);
    QCOMPARE(view.settings().stages, 6);

    QString error;
    QVERIFY2(view.showTrial(db, trialId, &error), qPrintable(error));
    QCOMPARE(view.mode(), ScheduleView::Mode::Measured);
    const ScheduleView::Settings shown = view.settings();
    QCOMPARE(shown.kind, QStringLiteral("1f1b"));
    QCOMPARE(shown.stages, 2);
    QCOMPARE(shown.microbatches, 4);
    QCOMPARE(shown.virtualStages, 1);
    QCOMPARE(shown.forward, 100.0); // the mean measured durations, in microseconds
    QCOMPARE(shown.backward, 200.0);
    QCOMPARE(shown.weight, 0.0);

    // Compared with another schedule, the simulation starts from the trial's p and m.
    view.setCompareKinds({QStringLiteral("gpipe")});
    QCOMPARE(view.mode(), ScheduleView::Mode::Compare);
    QCOMPARE(view.groups().front().schedule.devices, 2);
    QCOMPARE(view.groups().front().schedule.microbatches, 4);
    QCOMPARE(view.groups().front().schedule.kind, std::string("1f1b"));
}

// An order no generator makes (no schedule named): the schedule box says "as measured",
// and that entry goes when the view goes back to simulating.
void TestScheduleView::measuredOrderOfNoGenerator()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("store.db"));
    const qint64 trialId = writeMeasuredTrial(db, sc::gpipe(2, 3), QString(), sc::Action{1, sc::Op::F, 2});
    ScheduleView view;
    QString error;
    QVERIFY2(view.showTrial(db, trialId, &error), qPrintable(error));
    QCOMPARE(view.settings().kind, QStringLiteral("measured"));
    QCOMPARE(view.settings().stages, 2);
    QCOMPARE(view.settings().microbatches, 3);
    auto* kind = view.findChild<QComboBox*>();
    QVERIFY(kind);
    QCOMPARE(kind->currentText(), QStringLiteral("As measured"));

    view.setCompareKinds({QStringLiteral("zb1")});
    QCOMPARE(view.errorText(), QString());
    QCOMPARE(view.settings().kind, QStringLiteral("1f1b"));
    QCOMPARE(kind->findData(QStringLiteral("measured")), -1);
    QCOMPARE(view.groups().front().schedule.devices, 2);
}

// The legend names every kind of box, and in measured mode the faded and outlined ones;
// it sits above the rows, not over them.
void TestScheduleView::legendNamesTheBoxes()
{
    ScheduleView view;
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.refreshNow();
    QStringList names = legendNames(view);
    QCOMPARE(names.size(), 4);
    QVERIFY(names[0].startsWith(QStringLiteral("forward")));
    QVERIFY(names[1].startsWith(QStringLiteral("backward")));
    QVERIFY(names[2].startsWith(QStringLiteral("weight")));
    QVERIFY(names[3].startsWith(QStringLiteral("idle")));
    QCustomPlot* plot = view.chart()->plot();
    QVERIFY(plot->legend->visible());
    QVERIFY(!plot->legend->outerRect().intersects(plot->axisRect()->rect()));
    QVERIFY(plot->legend->outerRect().bottom() <= plot->axisRect()->rect().top());

    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("store.db"));
    const qint64 trialId = writeMeasuredTrial(db, sc::oneFOneB(2, 4), QStringLiteral("1f1b"), sc::Action{1, sc::Op::F, 2});
    QString error;
    QVERIFY2(view.showTrial(db, trialId, &error), qPrintable(error));
    view.refreshNow();
    names = legendNames(view);
    QCOMPARE(names.size(), 6);
    QVERIFY(names[4].startsWith(QStringLiteral("faded")));
    QVERIFY(names[5].startsWith(QStringLiteral("outlined")));
    QVERIFY(!plot->legend->outerRect().intersects(plot->axisRect()->rect()));

    // Back to a simulation: no faded or measured boxes, no entries for them.
    view.setCompareKinds({});
    view.refreshNow();
    QCOMPARE(legendNames(view).size(), 4);
}

void TestScheduleView::trialWithoutSpans()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("store.db"));
    qint64 trialId = 0;
    {
        tb::engine::Store store(db);
        trialId = store.createTrial(store.createExperiment(QStringLiteral("e"), "{}"), "{}", tb::algorithms::TrialState::Running).id;
    }
    ScheduleView view;
    QString error;
    QVERIFY(!view.showTrial(db, trialId, &error));
    QVERIFY2(error.contains(QStringLiteral("no pipeline spans")), qPrintable(error));
    QCOMPARE(view.mode(), ScheduleView::Mode::Simulated);
}

void TestScheduleView::exports_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("ok");
    QTest::newRow("png") << "s.png" << true;
    QTest::newRow("pdf") << "s.pdf" << true;
    QTest::newRow("svg") << "s.svg" << true;
    QTest::newRow("chrome") << "s.json" << true;
    QTest::newRow("unknown image") << "s.bmp" << false;
}

void TestScheduleView::exports()
{
    QFETCH(QString, file);
    QFETCH(bool, ok);
    QTemporaryDir dir;
    const QString path = dir.filePath(file);
    ScheduleView view;
    view.resize(900, 500);
    QString error;
    const bool written = file.endsWith(QLatin1String(".json")) ? view.exportChromeTrace(path, &error) : view.exportImage(path, &error);
    QCOMPARE(written, ok);
    if (!ok) {
        QVERIFY(error.contains(QStringLiteral("bmp")));
        return;
    }
    QVERIFY(QFileInfo(path).size() > 0);
    if (file.endsWith(QLatin1String(".json"))) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
        const QJsonArray events = doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("traceEvents")).toArray();
        int complete = 0;
        for (const QJsonValue& e : events)
            complete += e.toObject().value(QStringLiteral("ph")).toString() == QLatin1String("X");
        QCOMPARE(complete, 4 * 8 * 2); // 1f1b p4 m8: F and B of each micro-batch on each stage
    }
}

QTEST_MAIN(TestScheduleView)
#include "tst_schedule_view.moc"
