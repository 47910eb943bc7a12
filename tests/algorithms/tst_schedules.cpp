// Pipeline schedules: generators produce valid schedules with the textbook bubbles and
// memory, bad parameters get actionable errors, and the PyTorch text forms round-trip.

#include "algorithms/schedules/schedule.h"

#include <QTest>

#include <functional>
#include <string>

using namespace tb::algorithms::schedules;

Q_DECLARE_METATYPE(std::string)

namespace {

// The message of the ScheduleError that `call` throws, empty when it throws none.
QString errorOf(const std::function<void()>& call)
{
    try {
        call();
    } catch (const ScheduleError& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

QStringList toQStringList(const std::vector<std::string>& strings)
{
    QStringList list;
    for (const auto& s : strings)
        list << QString::fromStdString(s);
    return list;
}

bool isValidCombination(const std::string& kind, int p, int m)
{
    if (kind == "1f1b" || kind == "zb1")
        return m >= p;
    if (kind == "interleaved")
        return m >= p && m % p == 0;
    return true;
}

// Every kind for p in {1..4}, m in {1,2,4,8} where the kind allows it; interleaved also with v=2.
void addValidSchedules()
{
    QTest::addColumn<std::string>("kind");
    QTest::addColumn<int>("p");
    QTest::addColumn<int>("m");
    QTest::addColumn<int>("v");
    for (const std::string& kind : scheduleKinds())
        for (int p : {1, 2, 3, 4})
            for (int m : {1, 2, 4, 8})
                for (int v : {1, 2}) {
                    if ((v != 1 && kind != "interleaved") || !isValidCombination(kind, p, m))
                        continue;
                    QTest::addRow("%s p=%d m=%d v=%d", kind.c_str(), p, m, v) << kind << p << m << v;
                }
}

// Equal per-stage times: F=1, full backward 2; zb1 splits it into B=1 and W=1.
Durations unitDurations(const std::string& kind)
{
    return kind == "zb1" ? Durations::uniform(1, 1, 1) : Durations::uniform(1, 2, 0);
}

} // namespace

class TestSchedules : public QObject {
    Q_OBJECT

private slots:
    void generatorsAreValid_data() { addValidSchedules(); }
    void generatorsAreValid();
    void bubbleMatchesTheory_data() { addValidSchedules(); }
    void bubbleMatchesTheory();
    void peakActivationsPerStage_data();
    void peakActivationsPerStage();
    void rejectedInputs_data();
    void rejectedInputs();
    void textForm();
    void actionStrings_data();
    void actionStrings();
    void csvRoundTrip_data() { addValidSchedules(); }
    void csvRoundTrip();
    void fromPyTorchCsv();
    void rejectedCsv_data();
    void rejectedCsv();
    void validatorCatchesDeadlock();
    void validatorCatchesBrokenActions_data();
    void validatorCatchesBrokenActions();
    void latencyDelaysCrossDeviceDependencies();
    void rejectedDurations();
    void jsonAndChromeTrace();
};

void TestSchedules::generatorsAreValid()
{
    QFETCH(std::string, kind);
    QFETCH(int, p);
    QFETCH(int, m);
    QFETCH(int, v);

    const Schedule s = makeSchedule(kind, p, m, v);
    QCOMPARE(toQStringList(validate(s)), QStringList());
    QCOMPARE(s.kind, kind);
    QCOMPARE(s.devices, p);
    QCOMPARE(s.stages, p * v);
    QCOMPARE(s.microbatches, m);
    QCOMPARE(s.virtualStages, v);
    QCOMPARE(s.splitW, kind == "zb1");
    QCOMPARE(int(s.stageDevice.size()), p * v);
    for (int stage = 0; stage < p * v; ++stage)
        QCOMPARE(s.stageDevice[stage], stage % p);

    // Each device runs F and B (and W) once per micro-batch for each of its v stages.
    QCOMPARE(int(s.perDevice.size()), p);
    for (int d = 0; d < p; ++d) {
        int counts[3] = {0, 0, 0};
        for (const Action& a : s.perDevice[d])
            ++counts[int(a.op)];
        QCOMPARE(counts[int(Op::F)], v * m);
        QCOMPARE(counts[int(Op::B)], v * m);
        QCOMPARE(counts[int(Op::W)], s.splitW ? v * m : 0);
    }
}

void TestSchedules::bubbleMatchesTheory()
{
    QFETCH(std::string, kind);
    QFETCH(int, p);
    QFETCH(int, m);
    QFETCH(int, v);

    const SimResult r = simulate(makeSchedule(kind, p, m, v), unitDurations(kind));
    const double theory = theoreticalBubble(kind, p, m, v);
    QCOMPARE(int(r.idleFraction.size()), p);

    if (kind == "gpipe" || kind == "1f1b") {
        QVERIFY(qAbs(r.bubbleFraction - double(p - 1) / (m + p - 1)) < 1e-9);
        QVERIFY(qAbs(r.bubbleFraction - theory) < 1e-9);
        return;
    }

    // Interleaved's formula is bubble time over ideal compute time, not over the step.
    const double measured = kind == "interleaved" ? r.bubbleFraction / (1 - r.bubbleFraction) : r.bubbleFraction;
    QVERIFY2(qAbs(measured - theory) < 1e-9, qPrintable(QStringLiteral("measured %1, theory %2").arg(measured).arg(theory)));

    const double oneFOneB = simulate(makeSchedule("1f1b", p, m, 1), Durations::uniform(1, 2, 0)).bubbleFraction;
    if (p == 1 || (kind == "interleaved" && v == 1))
        QVERIFY(qAbs(r.bubbleFraction - oneFOneB) < 1e-9);
    else
        QVERIFY2(r.bubbleFraction < oneFOneB,
                 qPrintable(QStringLiteral("%1 vs 1f1b %2").arg(r.bubbleFraction).arg(oneFOneB)));
}

void TestSchedules::peakActivationsPerStage_data()
{
    QTest::addColumn<std::string>("kind");
    QTest::addColumn<int>("p");
    QTest::addColumn<int>("m");
    for (const std::string kind : {"gpipe", "1f1b", "zb1"})
        for (int p : {1, 2, 3, 4})
            for (int m : {1, 2, 4, 8})
                if (isValidCombination(kind, p, m))
                    QTest::addRow("%s p=%d m=%d", kind.c_str(), p, m) << kind << p << m;
}

void TestSchedules::peakActivationsPerStage()
{
    QFETCH(std::string, kind);
    QFETCH(int, p);
    QFETCH(int, m);

    const Schedule s = makeSchedule(kind, p, m, 1);
    const std::vector<int> peak = simulate(s, unitDurations(kind)).peakActivations;
    QCOMPARE(peak, peakActivations(s));
    QCOMPARE(int(peak.size()), p);
    for (int stage = 0; stage < p; ++stage) {
        // ZB-H1 keeps 1F1B's warm-up, so its B-released activations match 1F1B's.
        const int expected = kind == "gpipe" ? m : std::min(m, p - stage);
        QCOMPARE(peak[stage], expected);
    }
}

void TestSchedules::rejectedInputs_data()
{
    QTest::addColumn<std::string>("kind");
    QTest::addColumn<int>("p");
    QTest::addColumn<int>("m");
    QTest::addColumn<int>("v");
    QTest::addColumn<QString>("message");

    QTest::newRow("no devices") << std::string("gpipe") << 0 << 4 << 1
                                << "gpipe needs at least one device (p=0); use p >= 1";
    QTest::newRow("negative devices") << std::string("interleaved") << -2 << 4 << 2
                                      << "interleaved needs at least one device (p=-2); use p >= 1";
    QTest::newRow("no micro-batches") << std::string("1f1b") << 2 << 0 << 1
                                      << "1f1b needs at least one micro-batch (m=0); raise --microbatches to 1 or more";
    QTest::newRow("no virtual stages") << std::string("interleaved") << 2 << 4 << 0
                                       << "interleaved needs at least one stage per device (v=0); use v >= 1";
    QTest::newRow("1f1b m < p") << std::string("1f1b") << 4 << 2 << 1
                                << "1f1b needs at least as many micro-batches as stages (m=2 < p=4); "
                                   "use gpipe or raise --microbatches";
    QTest::newRow("zb1 m < p") << std::string("zb1") << 3 << 2 << 1
                               << "zb1 needs at least as many micro-batches as stages (m=2 < p=3); "
                                  "use gpipe or raise --microbatches";
    QTest::newRow("interleaved m < p") << std::string("interleaved") << 4 << 2 << 2
                                       << "interleaved needs at least as many micro-batches as devices (m=2 < p=4); "
                                          "use gpipe or raise --microbatches";
    QTest::newRow("interleaved m % p") << std::string("interleaved") << 4 << 6 << 2
                                       << "interleaved needs the micro-batches to be a multiple of the devices "
                                          "(m=6, p=4); use --microbatches 4 or 8";
    QTest::newRow("v on gpipe") << std::string("gpipe") << 2 << 4 << 2
                                << "gpipe runs one stage per device (v=2); use v=1, or interleaved for virtual stages";
    QTest::newRow("unknown kind") << std::string("pipedream") << 2 << 4 << 1
                                  << "unknown schedule 'pipedream'; known schedules: gpipe, 1f1b, interleaved, zb1";
    QTest::newRow("kind is case sensitive") << std::string("GPipe") << 2 << 4 << 1
                                            << "unknown schedule 'GPipe'; known schedules: gpipe, 1f1b, interleaved, zb1";
    QTest::newRow("too large") << std::string("gpipe") << 1000 << 2000 << 1
                               << "gpipe with p=1000, v=1, m=2000 has 2000000 stage micro-batches; "
                                  "keep p*v*m at or below 1000000";
}

void TestSchedules::rejectedInputs()
{
    QFETCH(std::string, kind);
    QFETCH(int, p);
    QFETCH(int, m);
    QFETCH(int, v);
    QFETCH(QString, message);

    QCOMPARE(errorOf([&] { makeSchedule(kind, p, m, v); }), message);
}

void TestSchedules::textForm()
{
    QCOMPARE(toText(makeSchedule("1f1b", 2, 3, 1)), std::string("rank 0: 0F0 0F1 0B0 0F2 0B1 0B2\n"
                                                                "rank 1: 1F0 1B0 1F1 1B1 1F2 1B2\n"));
    QCOMPARE(toText(makeSchedule("gpipe", 2, 2, 1)), std::string("rank 0: 0F0 0F1 0B0 0B1\n"
                                                                 "rank 1: 1F0 1F1 1B0 1B1\n"));
    // Rank 1 of 2 defers one W to the end.
    QCOMPARE(toText(makeSchedule("zb1", 2, 3, 1)), std::string("rank 0: 0F0 0F1 0B0 0W0 0F2 0B1 0W1 0B2 0W2\n"
                                                               "rank 1: 1F0 1B0 1F1 1B1 1W0 1F2 1B2 1W1 1W2\n"));
    // Megatron order: a round of p micro-batches per local stage.
    QCOMPARE(toText(makeSchedule("interleaved", 2, 2, 2)), std::string("rank 0: 0F0 0F1 2F0 2F1 2B0 2B1 0B0 0B1\n"
                                                                       "rank 1: 1F0 1F1 3F0 3B0 3F1 3B1 1B0 1B1\n"));
    const Schedule model = naive(3);
    QCOMPARE(model.kind, std::string("naive"));
    QCOMPARE(toText(model), std::string("rank 0: 0F0 0B0\nrank 1: 1F0 1B0\nrank 2: 2F0 2B0\n"));
    QVERIFY(qAbs(theoreticalBubble("naive", 3, 1) - 2.0 / 3) < 1e-12);
}

void TestSchedules::actionStrings_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("stage");
    QTest::addColumn<int>("op");
    QTest::addColumn<int>("microbatch");

    QTest::newRow("forward") << std::string("2F0") << true << 2 << int(Op::F) << 0;
    QTest::newRow("backward") << std::string("1B3") << true << 1 << int(Op::B) << 3;
    QTest::newRow("weight") << std::string("0W1") << true << 0 << int(Op::W) << 1;
    QTest::newRow("pytorch input grad") << std::string("12I34") << true << 12 << int(Op::B) << 34;
    QTest::newRow("no microbatch") << std::string("1F") << false << 0 << 0 << 0;
    QTest::newRow("no stage") << std::string("F1") << false << 0 << 0 << 0;
    QTest::newRow("unknown op") << std::string("1X1") << false << 0 << 0 << 0;
    QTest::newRow("full backward name") << std::string("1BW1") << false << 0 << 0 << 0;
    QTest::newRow("communication") << std::string("1SEND_F0") << false << 0 << 0 << 0;
    QTest::newRow("sign") << std::string("-1F0") << false << 0 << 0 << 0;
    QTest::newRow("spaces") << std::string(" 1F0") << false << 0 << 0 << 0;
    QTest::newRow("too long") << std::string("1F12345678901") << false << 0 << 0 << 0;
}

void TestSchedules::actionStrings()
{
    QFETCH(std::string, text);
    QFETCH(bool, ok);
    QFETCH(int, stage);
    QFETCH(int, op);
    QFETCH(int, microbatch);

    const auto action = parseAction(text);
    QCOMPARE(action.has_value(), ok);
    if (ok) {
        QVERIFY(*action == (Action{stage, Op(op), microbatch}));
        if (text.find('I') == std::string::npos)
            QCOMPARE(toString(*action), text);
    }
}

void TestSchedules::csvRoundTrip()
{
    QFETCH(std::string, kind);
    QFETCH(int, p);
    QFETCH(int, m);
    QFETCH(int, v);

    const Schedule original = makeSchedule(kind, p, m, v);
    const Schedule read = fromCsv(toCsv(original));
    QCOMPARE(read.kind, std::string("custom"));
    QCOMPARE(read.devices, original.devices);
    QCOMPARE(read.stages, original.stages);
    QCOMPARE(read.microbatches, original.microbatches);
    QCOMPARE(read.virtualStages, original.virtualStages);
    QCOMPARE(read.splitW, original.splitW);
    QCOMPARE(read.stageDevice, original.stageDevice);
    QVERIFY(read.perDevice == original.perDevice);
    QCOMPARE(toQStringList(validate(read)), QStringList());
}

void TestSchedules::fromPyTorchCsv()
{
    // As torch's _dump_csv writes a compute-only zero-bubble order: idle steps as empty
    // cells, CRLF line ends, "I" for the input-gradient backward. A communication action
    // and a "None" cell are mixed in, as hand-edited files have them.
    const std::string csv = "0F0,0F1,,0I0,0W0,0F2,0I1,0W1,0I2,0W2\r\n"
                            ",1F0,1I0,1F1,1I1,1W0,None,1F2,1SEND_B2,1I2,1W1,1W2\r\n";
    const Schedule s = fromCsv(csv);
    QCOMPARE(toQStringList(validate(s)), QStringList());
    QCOMPARE(s.devices, 2);
    QCOMPARE(s.stages, 2);
    QCOMPARE(s.microbatches, 3);
    QCOMPARE(s.virtualStages, 1);
    QVERIFY(s.splitW);
    QCOMPARE(s.stageDevice, (std::vector<int>{0, 1}));
    QCOMPARE(toText(s), toText(makeSchedule("zb1", 2, 3, 1)));

    // A V-shaped placement (stages 0 and 3 on rank 0) is read from where stages appear.
    const Schedule v = fromCsv("0F0,3F0,3B0,0B0\n1F0,2F0,2B0,1B0\n");
    QCOMPARE(toQStringList(validate(v)), QStringList());
    QCOMPARE(v.stageDevice, (std::vector<int>{0, 1, 1, 0}));
    QCOMPARE(v.virtualStages, 2);
    QVERIFY(!v.splitW);

    // A hint sets m when the file leaves micro-batches out; validate() then names them.
    const Schedule hinted = fromCsv("0F0,0B0\n", 2);
    QCOMPARE(hinted.microbatches, 2);
    QCOMPARE(toQStringList(validate(hinted)),
             QStringList({"0F1 is missing: stage 0 never runs F for micro-batch 1",
                          "0B1 is missing: stage 0 never runs B for micro-batch 1"}));
}

void TestSchedules::rejectedCsv_data()
{
    QTest::addColumn<std::string>("csv");
    QTest::addColumn<int>("hint");
    QTest::addColumn<QString>("message");

    QTest::newRow("bad cell") << std::string("0F0,0B0\n1F0,1X0,1B0\n") << -1
                              << "row 2 (rank 1), column 2: cannot read '1X0' as an action; "
                                 "expected {stage}{F|B|I|W}{microbatch} such as 2F0";
    QTest::newRow("missing microbatch") << std::string("0F0,0B\n") << -1
                                        << "row 1 (rank 0), column 2: cannot read '0B' as an action; "
                                           "expected {stage}{F|B|I|W}{microbatch} such as 2F0";
    QTest::newRow("stage on two ranks") << std::string("0F0,1F0\n1B0,0B0\n") << -1
                                        << "row 2 (rank 1), column 1: stage 1 in '1B0' already runs on rank 0 "
                                           "(row 1 (rank 0), column 2); each stage must stay on one rank";
    QTest::newRow("empty") << std::string("\n\n") << -1
                           << "the schedule CSV is empty; expected one row of actions per rank, such as 0F0,0F1,0B0,0B1";
    QTest::newRow("only idle cells") << std::string(",None,\n") << -1
                                     << "the schedule CSV holds no compute actions (F, B, I or W); "
                                        "expected cells such as 0F0,0B0";
    QTest::newRow("stage gap") << std::string("0F0,0B0\n2F0,2B0\n") << -1
                               << "stage 1 has no actions in the CSV but stage 2 does; number the stages from 0 without gaps";
    QTest::newRow("stages not a multiple") << std::string("0F0,1F0\n2F0\n") << -1
                                           << "the CSV has 3 stages on 2 ranks; the stage count must be a multiple "
                                              "of the rank count";
    QTest::newRow("beyond hint") << std::string("0F0,0F1,0B0,0B1\n") << 1
                                 << "row 1 (rank 0), column 2: micro-batch 1 in '0F1' but the schedule has only "
                                    "1 micro-batches; raise the micro-batch count or fix the cell";
}

void TestSchedules::rejectedCsv()
{
    QFETCH(std::string, csv);
    QFETCH(int, hint);
    QFETCH(QString, message);

    QCOMPARE(errorOf([&] { fromCsv(csv, hint); }), message);
}

void TestSchedules::validatorCatchesDeadlock()
{
    // GPipe with device 0 running its first backward before its second forward: device 1
    // needs that forward before it can produce the gradient device 0 waits for.
    Schedule s = makeSchedule("gpipe", 2, 2, 1);
    std::swap(s.perDevice[0][1], s.perDevice[0][2]);
    QCOMPARE(toQStringList(validate(s)), QStringList({"device 0 action 1 (0B0): waits for 1B0 which never runs before it",
                                                      "device 1 action 1 (1F1): waits for 0F1 which never runs before it"}));
    QCOMPARE(errorOf([&] { simulate(s, Durations()); }),
             "cannot simulate an invalid schedule: device 0 action 1 (0B0): waits for 1B0 which never runs "
             "before it (and 1 more problems)");

    // A backward before its own forward on the same device.
    Schedule t = makeSchedule("1f1b", 2, 2, 1);
    std::swap(t.perDevice[1][0], t.perDevice[1][1]);
    QCOMPARE(toQStringList(validate(t)),
             QStringList({"device 0 action 2 (0B0): waits for 1B0 which never runs before it",
                          "device 1 action 0 (1B0): waits for 1F0 which comes after it on the same device (action 1)"}));

    // W before its B.
    Schedule w = makeSchedule("zb1", 2, 2, 1);
    std::swap(w.perDevice[0][2], w.perDevice[0][3]); // 0B0 0W0 -> 0W0 0B0
    QCOMPARE(toQStringList(validate(w)),
             QStringList({"device 0 action 2 (0W0): waits for 0B0 which comes after it on the same device (action 3)"}));
}

void TestSchedules::validatorCatchesBrokenActions_data()
{
    QTest::addColumn<int>("device");
    QTest::addColumn<int>("index");
    QTest::addColumn<std::string>("replacement");
    QTest::addColumn<QStringList>("messages");

    // Starting from 1F1B p=2, m=2: rank 0: 0F0 0F1 0B0 0B1, rank 1: 1F0 1B0 1F1 1B1.
    QTest::newRow("duplicate") << 0 << 3 << std::string("0B0")
                               << QStringList({"device 0 action 3 (0B0): repeats device 0 action 2",
                                               "0B1 is missing: stage 0 never runs B for micro-batch 1"});
    QTest::newRow("wrong device") << 1 << 0 << std::string("0F0")
                                  << QStringList({"device 1 action 0 (0F0): stage 0 runs on device 0",
                                                  "device 1 action 0 (0F0): repeats device 0 action 0",
                                                  "1F0 is missing: stage 1 never runs F for micro-batch 0"});
    QTest::newRow("stage out of range") << 1 << 3 << std::string("5B1")
                                        << QStringList({"device 1 action 3 (5B1): stage 5 does not exist (the schedule has 2)",
                                                        "1B1 is missing: stage 1 never runs B for micro-batch 1"});
    QTest::newRow("microbatch out of range") << 0 << 1 << std::string("0F7")
                                             << QStringList({"device 0 action 1 (0F7): micro-batch 7 does not exist "
                                                             "(the schedule has 2)",
                                                             "0F1 is missing: stage 0 never runs F for micro-batch 1"});
    QTest::newRow("W without split") << 0 << 3 << std::string("0W1")
                                     << QStringList({"device 0 action 3 (0W1): W in a schedule whose B already computes "
                                                     "weight gradients",
                                                     "0B1 is missing: stage 0 never runs B for micro-batch 1"});
}

void TestSchedules::validatorCatchesBrokenActions()
{
    QFETCH(int, device);
    QFETCH(int, index);
    QFETCH(std::string, replacement);
    QFETCH(QStringList, messages);

    Schedule s = makeSchedule("1f1b", 2, 2, 1);
    s.perDevice[device][index] = *parseAction(replacement);
    QCOMPARE(toQStringList(validate(s)), messages);

    Schedule shapeless = s;
    shapeless.perDevice.pop_back();
    QCOMPARE(toQStringList(validate(shapeless)), QStringList({"schedule has 2 devices but action lists for 1"}));
}

void TestSchedules::latencyDelaysCrossDeviceDependencies()
{
    const Schedule s = makeSchedule("1f1b", 2, 2, 1);
    const SimResult r = simulate(s, Durations::uniform(1, 2, 0, 0.5));
    // rank 0: 0F0 [0,1] 0F1 [1,2] 0B0 [5,7] 0B1 [8,10]; rank 1: 1F0 [1.5,2.5] 1B0 [2.5,4.5] ...
    QCOMPARE(r.spans[1][0].start, 1.5);
    QCOMPARE(r.spans[0][1].start, 1.0); // same-device order costs no latency
    QCOMPARE(r.spans[0][2].start, 5.0);
    QCOMPARE(r.makespan, 10.0);
    QCOMPARE(r.busy, (std::vector<double>{6, 6}));
    QCOMPARE(r.bubbleFraction, 0.4);

    // Per-stage durations: a slow last stage stretches every micro-batch's round trip.
    Durations uneven;
    uneven.forward = {1, 3};
    uneven.backward = {2, 2};
    uneven.weight = {0};
    const SimResult slow = simulate(makeSchedule("gpipe", 2, 1, 1), uneven);
    QCOMPARE(slow.makespan, 1.0 + 3 + 2 + 2);
    QCOMPARE(slow.busy, (std::vector<double>{3, 5}));
}

void TestSchedules::rejectedDurations()
{
    const Schedule s = makeSchedule("gpipe", 4, 4, 1);
    Durations wrongCount;
    wrongCount.forward = {1, 2, 3};
    QCOMPARE(errorOf([&] { simulate(s, wrongCount); }),
             "forward durations have 3 values; give one per stage (4) or a single value");
    QCOMPARE(errorOf([&] { simulate(s, Durations::uniform(1, -2, 0)); }),
             "backward duration -2 is not a time; durations must be finite and >= 0");
    QCOMPARE(errorOf([&] { simulate(s, Durations::uniform(1, 2, 0, -1)); }),
             "latency -1 is not a time; it must be finite and >= 0");
    QCOMPARE(errorOf([&] { theoreticalBubble("pipedream", 2, 2); }),
             "no bubble formula for schedule 'pipedream'; known schedules: gpipe, 1f1b, interleaved, zb1, naive");
}

void TestSchedules::jsonAndChromeTrace()
{
    const Schedule s = makeSchedule("1f1b", 2, 2, 1);
    const SimResult r = simulate(s, Durations::uniform(1, 2, 0));
    const QString json = QString::fromStdString(toJson(s, &r));
    for (const char* expected :
         {"\"kind\": \"1f1b\"", "\"devices\": 2", "\"stages\": 2", "\"microbatches\": 2", "\"virtual_stages\": 1",
          "{\"name\":\"1B0\",\"stage\":1,\"op\":\"B\",\"microbatch\":0,\"start\":2,\"end\":4}", "\"makespan\": 9",
          "\"idle_fraction\": [0.33333333333333337,0.33333333333333337]", "\"peak_activations\": [2,1]",
          "\"theoretical_bubble\": 0.3333333333333333"})
        QVERIFY2(json.contains(QLatin1String(expected)), expected);

    // Without a simulation: no times, but memory and theory are known from the order alone.
    const QString plain = QString::fromStdString(toJson(fromCsv(toCsv(s))));
    QVERIFY(!plain.contains("start"));
    QVERIFY(plain.contains("\"makespan\": null"));
    QVERIFY(plain.contains("\"peak_activations\": [2,1]"));
    QVERIFY(plain.contains("\"theoretical_bubble\": null")); // custom schedules have no formula

    const QString trace = QString::fromStdString(toChromeTrace(s, r));
    QVERIFY(trace.startsWith("{\"traceEvents\":["));
    QCOMPARE(trace.count("\"ph\":\"X\""), 8);
    QVERIFY(trace.contains("{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":0,\"tid\":1,\"args\":{\"name\":\"device 1\"}}"));
    QVERIFY(trace.contains("{\"name\":\"1F1\",\"cat\":\"forward\",\"ph\":\"X\",\"ts\":4,\"dur\":1,\"pid\":0,\"tid\":1,"
                           "\"args\":{\"stage\":1,\"microbatch\":1}}"));

    SimResult stale = r;
    stale.spans[0].pop_back();
    QCOMPARE(errorOf([&] { toChromeTrace(s, stale); }),
             "simulation result does not match the schedule's actions; simulate() this schedule again before exporting it");
}

QTEST_GUILESS_MAIN(TestSchedules)
#include "tst_schedules.moc"
