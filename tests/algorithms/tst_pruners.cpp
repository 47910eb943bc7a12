// Pruners on hand-made curves: the median rule's warm-up, start-up and interval, ASHA's
// asynchronous promotions, Hyperband's brackets, and the settings each one accepts.

#include "algorithms/pruner.h"
#include "algorithms/space.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <map>
#include <memory>

namespace tb::algorithms {
// Registry entries under test (the registry lists them; declared here so that the test
// does not depend on the registry's order).
PrunerInfo medianPrunerInfo();
PrunerInfo ashaPrunerInfo();
PrunerInfo hyperbandPrunerInfo();
} // namespace tb::algorithms

using namespace tb::algorithms;

using Curve = QList<double>; // values at steps 0, 1, 2, ...

namespace {

TrialRecord trial(std::int64_t number, TrialState state, const Curve& values, std::int64_t firstStep = 0)
{
    TrialRecord t;
    t.number = number;
    t.state = state;
    for (qsizetype i = 0; i < values.size(); ++i)
        t.intermediate.emplace_back(firstStep + i, values[i]);
    if (state == TrialState::Completed && !values.isEmpty())
        t.value = values.last();
    return t;
}

// A trial that reported `value` at each of `steps`.
TrialRecord trialAt(std::int64_t number, TrialState state, const QList<std::int64_t>& steps, const Curve& values)
{
    TrialRecord t;
    t.number = number;
    t.state = state;
    for (qsizetype i = 0; i < steps.size(); ++i)
        t.intermediate.emplace_back(steps[i], values[i]);
    return t;
}

std::unique_ptr<Pruner> make(const PrunerInfo& info, const Settings& given = {})
{
    return info.create(resolveSettings(info.settings, given, "pruner.settings"));
}

// Five completed trials with falling curves 1.00, 0.90, ... offset by 0.01 per trial:
// the median at step s is 1.02 - 0.1 s.
std::vector<TrialRecord> fallingCompleted(int count, int steps = 10)
{
    std::vector<TrialRecord> out;
    for (int k = 0; k < count; ++k) {
        Curve c;
        for (int s = 0; s < steps; ++s)
            c << 1.0 - 0.1 * s + 0.01 * k;
        out.push_back(trial(k, TrialState::Completed, c));
    }
    return out;
}

Curve constant(double value, int steps)
{
    return Curve(steps, value);
}

Curve negated(Curve c)
{
    for (double& v : c)
        v = -v;
    return c;
}

// The bracket that Hyperband puts trial `number` in, read from its reason for a NaN
// reported at step 81 (past the first rung of every bracket for max_resource 100).
int bracketOf(Pruner& hyperband, std::int64_t number)
{
    History history;
    const auto reason = hyperband.shouldPrune(
        trialAt(number, TrialState::Running, {0, 81}, {1.0, std::numeric_limits<double>::quiet_NaN()}), history, {});
    if (!reason)
        return -1;
    const QString text = QString::fromStdString(*reason);
    const QString prefix = QStringLiteral("hyperband bracket ");
    if (!text.startsWith(prefix))
        return -1;
    return text.mid(prefix.size()).section(QLatin1Char(' '), 0, 0).toInt();
}

} // namespace

Q_DECLARE_METATYPE(Curve)
Q_DECLARE_METATYPE(Settings)

class TestPruners : public QObject {
    Q_OBJECT

private slots:
    void registryEntries();

    void median_data();
    void median();
    void medianReason();
    void medianIgnoresPrunedAndRunning();

    void ashaArrivals_data();
    void ashaArrivals();
    void ashaCountsRunningTrials();
    void ashaJudgesEachRungOnce();
    void ashaReadsRungValueAtFirstStepPastIt();
    void ashaSkipsWhatOptunaNeverRecords();
    void ashaBootstrapAndEarlyStoppingRate();
    void ashaMaximize();

    void hyperbandBracketsAreDeterministic();
    void hyperbandPrunesOnlyWithinBracket();

    void settingsAccepted_data();
    void settingsAccepted();
    void settingsRejected_data();
    void settingsRejected();
};

void TestPruners::registryEntries()
{
    QCOMPARE(QString::fromStdString(medianPrunerInfo().name), QStringLiteral("median"));
    QCOMPARE(QString::fromStdString(ashaPrunerInfo().name), QStringLiteral("asha"));
    QCOMPARE(QString::fromStdString(hyperbandPrunerInfo().name), QStringLiteral("hyperband"));
}

void TestPruners::median_data()
{
    QTest::addColumn<Settings>("settings");
    QTest::addColumn<int>("completed");
    QTest::addColumn<Curve>("curve");
    QTest::addColumn<bool>("maximize");
    QTest::addColumn<bool>("pruned");

    const Curve bad4 = constant(2.0, 4); // steps 0..3, far above the median
    QTest::newRow("worse than median") << Settings{} << 5 << bad4 << false << true;
    QTest::newRow("better than median") << Settings{} << 5 << constant(0.0, 4) << false << false;
    QTest::newRow("maximize: worse") << Settings{} << 5 << negated(bad4) << true << true;
    QTest::newRow("maximize: better") << Settings{} << 5 << constant(0.0, 4) << true << false;
    // Like Optuna, the trial's best value so far is what counts, not its latest.
    QTest::newRow("best so far beats median") << Settings{} << 5 << Curve{0.0, 2.0, 2.0, 2.0} << false << false;
    QTest::newRow("in warm-up") << Settings{{"n_warmup_steps", std::int64_t{5}}} << 5 << bad4 << false << false;
    QTest::newRow("at end of warm-up")
        << Settings{{"n_warmup_steps", std::int64_t{3}}} << 5 << bad4 << false << true;
    QTest::newRow("before startup trials")
        << Settings{{"n_startup_trials", std::int64_t{6}}} << 5 << bad4 << false << false;
    QTest::newRow("startup trials done")
        << Settings{{"n_startup_trials", std::int64_t{6}}} << 6 << bad4 << false << true;
    QTest::newRow("no completed trials") << Settings{{"n_startup_trials", std::int64_t{0}}} << 0 << bad4 << false
                                         << false;
    // interval 3: checks at the first report at or past steps 0, 3, 6, ...
    QTest::newRow("interval: on a pruning step")
        << Settings{{"interval_steps", std::int64_t{3}}} << 5 << constant(2.0, 4) << false << true;
    QTest::newRow("interval: between pruning steps")
        << Settings{{"interval_steps", std::int64_t{3}}} << 5 << constant(2.0, 5) << false << false;
    QTest::newRow("interval with warm-up: on step 2+3")
        << Settings{{"interval_steps", std::int64_t{3}}, {"n_warmup_steps", std::int64_t{2}}} << 5 << constant(2.0, 6)
        << false << true;
    QTest::newRow("interval with warm-up: step 3")
        << Settings{{"interval_steps", std::int64_t{3}}, {"n_warmup_steps", std::int64_t{2}}} << 5 << constant(2.0, 4)
        << false << false;
    QTest::newRow("no completed value at this step") << Settings{} << 5 << constant(2.0, 12) << false << false;
    QTest::newRow("n_min_trials met") << Settings{{"n_min_trials", std::int64_t{5}}} << 5 << bad4 << false << true;
    QTest::newRow("n_min_trials not met") << Settings{{"n_min_trials", std::int64_t{6}}} << 5 << bad4 << false
                                          << false;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("all NaN") << Settings{} << 5 << Curve{nan, nan} << false << true;
}

void TestPruners::median()
{
    QFETCH(Settings, settings);
    QFETCH(int, completed);
    QFETCH(Curve, curve);
    QFETCH(bool, maximize);
    QFETCH(bool, pruned);

    History history;
    history.direction = maximize ? Direction::Maximize : Direction::Minimize;
    history.finished = fallingCompleted(completed);
    if (maximize)
        for (TrialRecord& t : history.finished)
            for (auto& [step, value] : t.intermediate)
                value = -value;
    const auto pruner = make(medianPrunerInfo(), settings);
    const auto reason = pruner->shouldPrune(trial(99, TrialState::Running, curve), history, {});
    QCOMPARE(reason.has_value(), pruned);
}

void TestPruners::medianReason()
{
    History history;
    history.finished = fallingCompleted(5);
    const auto reason = make(medianPrunerInfo())->shouldPrune(trial(99, TrialState::Running, constant(2.0, 5)), history, {});
    QVERIFY(reason);
    // Median at step 4 of 0.60, 0.61, 0.62, 0.63, 0.64.
    QCOMPARE(QString::fromStdString(*reason),
             QStringLiteral("median rule: best value 2 by step 4 is worse than the median 0.62 of 5 completed trials "
                            "at that step"));
}

void TestPruners::medianIgnoresPrunedAndRunning()
{
    History history;
    for (int k = 0; k < 5; ++k)
        history.finished.push_back(trial(k, TrialState::Pruned, constant(0.1, 4)));
    std::vector<TrialRecord> running;
    for (int k = 5; k < 10; ++k)
        running.push_back(trial(k, TrialState::Running, constant(0.1, 4)));
    const auto pruner = make(medianPrunerInfo());
    QVERIFY(!pruner->shouldPrune(trial(99, TrialState::Running, constant(2.0, 4)), history, running));

    history.finished.push_back(trial(10, TrialState::Completed, constant(0.1, 4)));
    const auto startupOne = make(medianPrunerInfo(), {{"n_startup_trials", std::int64_t{1}}});
    QVERIFY(startupOne->shouldPrune(trial(99, TrialState::Running, constant(2.0, 4)), history, running));
}

void TestPruners::ashaArrivals_data()
{
    // Trials reach rung 0 (step 1, reduction_factor 3) one at a time; those before are
    // still running. With n values at the rung, the best max(n / 3, 1) go on.
    QTest::addColumn<Curve>("earlier"); // rung values of the trials that arrived before
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("pruned");

    QTest::newRow("first arrival") << Curve{} << 0.5 << false;
    QTest::newRow("second, better") << Curve{0.5} << 0.4 << false;
    QTest::newRow("second, worse") << Curve{0.5} << 0.6 << true;
    QTest::newRow("third, best") << Curve{0.5, 0.4} << 0.3 << false;
    QTest::newRow("ties go on") << Curve{0.5, 0.4} << 0.4 << false;
    QTest::newRow("fourth, bad") << Curve{0.5, 0.4, 0.3} << 0.9 << true;
    QTest::newRow("sixth, second best of 6") << Curve{0.5, 0.4, 0.3, 0.9, 0.8} << 0.35 << false;
    QTest::newRow("sixth, third best of 6") << Curve{0.5, 0.4, 0.3, 0.9, 0.8} << 0.45 << true;
    QTest::newRow("ninth, third best of 9") << Curve{0.5, 0.4, 0.3, 0.9, 0.8, 0.7, 0.6, 0.55} << 0.45 << false;
    QTest::newRow("NaN") << Curve{} << std::numeric_limits<double>::quiet_NaN() << true;
}

void TestPruners::ashaArrivals()
{
    QFETCH(Curve, earlier);
    QFETCH(double, value);
    QFETCH(bool, pruned);

    History history;
    std::vector<TrialRecord> running;
    for (qsizetype k = 0; k < earlier.size(); ++k)
        running.push_back(trial(k, TrialState::Running, {1.0, earlier[k], earlier[k]}));
    const auto pruner = make(ashaPrunerInfo());
    // Step 0 is below the first rung: never judged.
    QVERIFY(!pruner->shouldPrune(trial(50, TrialState::Running, {1.0}), history, running));
    const auto reason = pruner->shouldPrune(trial(50, TrialState::Running, {1.0, value}), history, running);
    QCOMPARE(reason.has_value(), pruned);
    if (reason)
        QVERIFY2(QString::fromStdString(*reason).startsWith(QStringLiteral("asha: ")), reason->c_str());
}

void TestPruners::ashaCountsRunningTrials()
{
    // The same rung values held by finished trials, running ones, or both.
    const auto pruner = make(ashaPrunerInfo());
    const TrialRecord candidate = trial(10, TrialState::Running, {1.0, 0.5});
    std::vector<TrialRecord> others{trial(0, TrialState::Running, {1.0, 0.1}), trial(1, TrialState::Running, {1.0, 0.2}),
                                    trial(2, TrialState::Running, {1.0, 0.3})};
    History history;
    QVERIFY(!pruner->shouldPrune(candidate, history, {}));
    QVERIFY(pruner->shouldPrune(candidate, history, others));

    for (TrialRecord t : others) {
        t.state = TrialState::Pruned; // pruned trials keep the values they recorded at their rungs
        history.finished.push_back(t);
    }
    QVERIFY(pruner->shouldPrune(candidate, history, {}));

    // A running trial that has not reached the rung yet does not count, nor does the
    // trial itself when it shows up among the running ones.
    History empty;
    const auto reason = pruner->shouldPrune(candidate, empty, {trial(3, TrialState::Running, {0.0}), candidate});
    QVERIFY(!reason);
    const auto verdict = pruner->shouldPrune(candidate, empty, {trial(3, TrialState::Running, {1.0, 0.1}), candidate});
    QVERIFY(verdict);
    QCOMPARE(QString::fromStdString(*verdict),
             QStringLiteral("asha: 0.5 at step 1 is not among the best 1 of 2 values at rung 0 (step 1) (cut-off 0.1)"));
}

void TestPruners::ashaJudgesEachRungOnce()
{
    // Rungs at steps 1, 3, 9. A bad value at step 2 is not judged: the trial passed rung 0
    // at step 1, and rung 1 is at step 3.
    const auto pruner = make(ashaPrunerInfo());
    History history;
    for (int k = 0; k < 6; ++k)
        history.finished.push_back(trial(k, TrialState::Completed, constant(0.1, 10)));
    QVERIFY(!pruner->shouldPrune(trial(10, TrialState::Running, {9.0, 9.0, 9.0}), history, {}));
    QVERIFY(pruner->shouldPrune(trial(10, TrialState::Running, {9.0, 9.0, 9.0, 9.0}), history, {}));
    // Jumping from step 0 to step 9 passes three rungs at once; each judges the value.
    QVERIFY(!pruner->shouldPrune(trialAt(10, TrialState::Running, {0, 9}, {9.0, 0.05}), history, {}));
    QVERIFY(pruner->shouldPrune(trialAt(10, TrialState::Running, {0, 9}, {9.0, 0.2}), history, {}));
    // Reporting the same step again judges nothing new.
    QVERIFY(!pruner->shouldPrune(trialAt(10, TrialState::Running, {0, 1, 1}, {9.0, 0.05, 9.0}), history, {}));
}

void TestPruners::ashaReadsRungValueAtFirstStepPastIt()
{
    // Trial 0 skipped step 3: its rung-1 value is the one at step 4 (0.9), so the newcomer's
    // 0.5 beats it; had its step-2 value (0.1) counted, the newcomer would be pruned.
    const auto pruner = make(ashaPrunerInfo());
    History history;
    history.finished.push_back(trialAt(0, TrialState::Completed, {0, 1, 2, 4}, {1.0, 0.9, 0.1, 0.9}));
    QVERIFY(!pruner->shouldPrune(trialAt(5, TrialState::Running, {1, 3}, {0.5, 0.5}), history, {}));
    history.finished.push_back(trialAt(1, TrialState::Completed, {1, 3}, {0.9, 0.4}));
    QVERIFY(pruner->shouldPrune(trialAt(5, TrialState::Running, {1, 3}, {0.5, 0.5}), history, {}));
}

void TestPruners::ashaSkipsWhatOptunaNeverRecords()
{
    const auto pruner = make(ashaPrunerInfo());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    // Trial 0 jumped from step 0 to 9 and was stopped at the first rung it met (step 1):
    // its 0.1 counts there, not at rung 1 (step 3) that it never entered.
    History history;
    history.finished.push_back(trialAt(0, TrialState::Pruned, {0, 9}, {1.0, 0.1}));
    QVERIFY(pruner->shouldPrune(trial(5, TrialState::Running, {0.9, 0.5}), history, {}));
    QVERIFY(!pruner->shouldPrune(trialAt(5, TrialState::Running, {0, 1, 3}, {0.9, 0.05, 0.5}), history, {}));
    // A NaN at a rung is no value there: trial 1 stopped on it and trial 2 still runs.
    history.finished = {trial(1, TrialState::Pruned, {1.0, nan})};
    QVERIFY(!pruner->shouldPrune(trial(5, TrialState::Running, {0.9, 0.5}), history,
                                 {trial(2, TrialState::Running, {1.0, nan, 0.3})}));
}

void TestPruners::ashaBootstrapAndEarlyStoppingRate()
{
    History history;
    std::vector<TrialRecord> running;
    const auto bootstrap = make(ashaPrunerInfo(), {{"bootstrap_count", std::int64_t{2}}});
    // As in Optuna, the first bootstrap_count arrivals at a rung stop there.
    QVERIFY(bootstrap->shouldPrune(trial(0, TrialState::Running, {1.0, 0.1}), history, running));
    running.push_back(trial(0, TrialState::Running, {1.0, 0.3}));
    QVERIFY(bootstrap->shouldPrune(trial(1, TrialState::Running, {1.0, 0.1}), history, running));
    running.push_back(trial(1, TrialState::Running, {1.0, 0.2}));
    QVERIFY(!bootstrap->shouldPrune(trial(2, TrialState::Running, {1.0, 0.1}), history, running));

    // min_early_stopping_rate 1 moves the first rung from step 1 to step 3.
    const auto late = make(ashaPrunerInfo(), {{"min_early_stopping_rate", std::int64_t{1}}});
    running = {trial(0, TrialState::Running, {0.1, 0.1, 0.1, 0.1})};
    QVERIFY(!late->shouldPrune(trial(5, TrialState::Running, {0.9, 0.9}), history, running));
    QVERIFY(late->shouldPrune(trial(5, TrialState::Running, {0.9, 0.9, 0.9, 0.9}), history, running));

    // min_resource 2 with reduction_factor 2: rungs at 2, 4, 8.
    const auto halving = make(ashaPrunerInfo(), {{"min_resource", std::int64_t{2}}, {"reduction_factor", std::int64_t{2}}});
    running = {trial(0, TrialState::Running, constant(0.1, 9))};
    QVERIFY(!halving->shouldPrune(trial(5, TrialState::Running, constant(0.9, 2)), history, running));
    QVERIFY(halving->shouldPrune(trial(5, TrialState::Running, constant(0.9, 3)), history, running));
}

void TestPruners::ashaMaximize()
{
    History history;
    history.direction = Direction::Maximize;
    const std::vector<TrialRecord> running{trial(0, TrialState::Running, {0.0, 0.9}),
                                           trial(1, TrialState::Running, {0.0, 0.8}),
                                           trial(2, TrialState::Running, {0.0, 0.7})};
    const auto pruner = make(ashaPrunerInfo());
    QVERIFY(!pruner->shouldPrune(trial(5, TrialState::Running, {0.0, 0.95}), history, running));
    const auto reason = pruner->shouldPrune(trial(5, TrialState::Running, {0.0, 0.85}), history, running);
    QVERIFY(reason);
    QVERIFY2(QString::fromStdString(*reason).endsWith(QStringLiteral("(cut-off 0.9)")), reason->c_str());
}

void TestPruners::hyperbandBracketsAreDeterministic()
{
    // max_resource 100, reduction_factor 3: 5 brackets with budgets 81, 34, 15, 8, 5.
    const auto first = make(hyperbandPrunerInfo());
    const auto second = make(hyperbandPrunerInfo());
    std::map<int, int> counts;
    for (std::int64_t n = 0; n < 1430; ++n) {
        const int b = bracketOf(*first, n);
        QVERIFY2(b >= 0 && b < 5, qPrintable(QStringLiteral("trial %1: bracket %2").arg(n).arg(b)));
        QCOMPARE(bracketOf(*second, n), b);
        ++counts[b];
    }
    // Spread in proportion to the budgets, within a few trials.
    const int expected[5] = {810, 340, 150, 80, 50};
    for (int b = 0; b < 5; ++b)
        QVERIFY2(std::abs(counts[b] - expected[b]) <= 5,
                 qPrintable(QStringLiteral("bracket %1: %2 trials").arg(b).arg(counts[b])));
    // And early on: the first 20 trials already use several brackets.
    std::map<int, int> early;
    for (std::int64_t n = 0; n < 20; ++n)
        ++early[bracketOf(*first, n)];
    QVERIFY(early.size() >= 3);

    // Fewer brackets when max_resource / min_resource is smaller: 1..9 with factor 3 gives 3.
    const auto small = make(hyperbandPrunerInfo(), {{"max_resource", std::int64_t{9}}});
    for (std::int64_t n = 0; n < 50; ++n) {
        History history;
        const auto reason = small->shouldPrune(
            trialAt(n, TrialState::Running, {0, 9}, {1.0, std::numeric_limits<double>::quiet_NaN()}), history, {});
        QVERIFY(reason);
        QVERIFY2(QString::fromStdString(*reason).contains(QStringLiteral(" of 3: ")), reason->c_str());
    }
}

void TestPruners::hyperbandPrunesOnlyWithinBracket()
{
    const auto pruner = make(hyperbandPrunerInfo());
    std::vector<std::int64_t> bracket0, bracket1;
    for (std::int64_t n = 0; n < 100 && (bracket0.size() < 2 || bracket1.empty()); ++n) {
        const int b = bracketOf(*pruner, n);
        if (b == 0)
            bracket0.push_back(n);
        else if (b == 1)
            bracket1.push_back(n);
    }
    QVERIFY(bracket0.size() >= 2 && !bracket1.empty());

    // Bracket 0's first rung is at step 1, bracket 1's at step 3.
    const TrialRecord candidate = trial(bracket0[0], TrialState::Running, {1.0, 0.9});
    History history;
    history.finished.push_back(trial(bracket1[0], TrialState::Completed, constant(0.1, 10)));
    QVERIFY(!pruner->shouldPrune(candidate, history, {}));

    history.finished.push_back(trial(bracket0[1], TrialState::Completed, constant(0.1, 10)));
    const auto reason = pruner->shouldPrune(candidate, history, {});
    QVERIFY(reason);
    QVERIFY2(QString::fromStdString(*reason).startsWith(QStringLiteral("hyperband bracket 0 of 5: 0.9 at step 1")),
             reason->c_str());

    // A bracket-1 trial meets its first rung at step 3, and only bracket 1 competes there:
    // the good bracket-0 curves do not stop it.
    History others;
    others.finished.push_back(trial(bracket0[1], TrialState::Completed, constant(0.1, 10)));
    QVERIFY(!pruner->shouldPrune(trial(bracket1[0], TrialState::Running, constant(0.9, 2)), others, {}));
    QVERIFY(!pruner->shouldPrune(trial(bracket1[0], TrialState::Running, constant(0.9, 4)), others, {}));
}

void TestPruners::settingsAccepted_data()
{
    QTest::addColumn<QString>("pruner");
    QTest::addColumn<Settings>("given");
    QTest::addColumn<Settings>("resolved");

    QTest::newRow("median defaults")
        << "median" << Settings{}
        << Settings{{"n_startup_trials", std::int64_t{5}}, {"n_warmup_steps", std::int64_t{0}},
                    {"interval_steps", std::int64_t{1}}, {"n_min_trials", std::int64_t{1}}};
    QTest::newRow("asha defaults")
        << "asha" << Settings{}
        << Settings{{"min_resource", std::int64_t{1}}, {"reduction_factor", std::int64_t{3}},
                    {"min_early_stopping_rate", std::int64_t{0}}, {"bootstrap_count", std::int64_t{0}}};
    QTest::newRow("hyperband defaults")
        << "hyperband" << Settings{}
        << Settings{{"min_resource", std::int64_t{1}}, {"max_resource", std::int64_t{100}},
                    {"reduction_factor", std::int64_t{3}}, {"bootstrap_count", std::int64_t{0}}};
    QTest::newRow("whole float as int")
        << "asha" << Settings{{"reduction_factor", 4.0}}
        << Settings{{"min_resource", std::int64_t{1}}, {"reduction_factor", std::int64_t{4}},
                    {"min_early_stopping_rate", std::int64_t{0}}, {"bootstrap_count", std::int64_t{0}}};
}

void TestPruners::settingsAccepted()
{
    QFETCH(QString, pruner);
    QFETCH(Settings, given);
    QFETCH(Settings, resolved);

    const std::map<QString, PrunerInfo> infos{{"median", medianPrunerInfo()},
                                              {"asha", ashaPrunerInfo()},
                                              {"hyperband", hyperbandPrunerInfo()}};
    const PrunerInfo& info = infos.at(pruner);
    const Settings out = resolveSettings(info.settings, given, "pruner.settings");
    QCOMPARE(out.size(), resolved.size());
    for (const auto& [name, value] : resolved) {
        QVERIFY2(out.count(name), name.c_str());
        QVERIFY2(out.at(name) == value, name.c_str());
    }
    QVERIFY(info.create(out));
}

void TestPruners::settingsRejected_data()
{
    QTest::addColumn<QString>("pruner");
    QTest::addColumn<Settings>("given");
    QTest::addColumn<QString>("error");

    QTest::newRow("median: unknown")
        << "median" << Settings{{"warmup", std::int64_t{3}}}
        << "pruner.settings.warmup: unknown setting; known: n_startup_trials, n_warmup_steps, interval_steps, "
           "n_min_trials";
    QTest::newRow("median: interval 0") << "median" << Settings{{"interval_steps", std::int64_t{0}}}
                                        << "pruner.settings.interval_steps: must be at least 1, got 0";
    QTest::newRow("median: negative startup") << "median" << Settings{{"n_startup_trials", std::int64_t{-1}}}
                                              << "pruner.settings.n_startup_trials: must be at least 0, got -1";
    QTest::newRow("median: fractional warm-up") << "median" << Settings{{"n_warmup_steps", 2.5}}
                                                << "pruner.settings.n_warmup_steps: expected an integer, got 2.5";
    QTest::newRow("asha: unknown")
        << "asha" << Settings{{"eta", std::int64_t{3}}}
        << "pruner.settings.eta: unknown setting; known: min_resource, reduction_factor, min_early_stopping_rate, "
           "bootstrap_count";
    QTest::newRow("asha: reduction factor 1") << "asha" << Settings{{"reduction_factor", std::int64_t{1}}}
                                              << "pruner.settings.reduction_factor: must be at least 2, got 1";
    QTest::newRow("asha: min resource 0") << "asha" << Settings{{"min_resource", std::int64_t{0}}}
                                          << "pruner.settings.min_resource: must be at least 1, got 0";
    QTest::newRow("asha: string") << "asha" << Settings{{"min_resource", std::string("auto")}}
                                  << "pruner.settings.min_resource: expected an integer, got auto";
    QTest::newRow("hyperband: unknown")
        << "hyperband" << Settings{{"brackets", std::int64_t{3}}}
        << "pruner.settings.brackets: unknown setting; known: min_resource, max_resource, reduction_factor, "
           "bootstrap_count";
    QTest::newRow("hyperband: max below min")
        << "hyperband" << Settings{{"min_resource", std::int64_t{10}}, {"max_resource", std::int64_t{5}}}
        << "pruner.settings.max_resource: must be at least min_resource (10), got 5";
}

void TestPruners::settingsRejected()
{
    QFETCH(QString, pruner);
    QFETCH(Settings, given);
    QFETCH(QString, error);

    const std::map<QString, PrunerInfo> infos{{"median", medianPrunerInfo()},
                                              {"asha", ashaPrunerInfo()},
                                              {"hyperband", hyperbandPrunerInfo()}};
    const PrunerInfo& info = infos.at(pruner);
    QString message;
    try {
        info.create(resolveSettings(info.settings, given, "pruner.settings"));
    } catch (const SpaceError& e) {
        message = QString::fromStdString(e.what());
    }
    QCOMPARE(message, error);
}

QTEST_GUILESS_MAIN(TestPruners)

#include "tst_pruners.moc"
