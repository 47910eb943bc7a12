// The outcome classifier: how an attempt's ending and its process's end become the trial's
// state, value, exit code and reason, or another attempt. One row per case users see. And
// how an experiment ends when its budget runs out: completed, or failed when every trial
// failed.

#include "engine/core/outcome.h"
#include "engine/core/study.h"

#include <QTest>
#include <csignal>
#include <cmath>
#include <limits>

using namespace tb::engine;
using tb::algorithms::TrialState;

Q_DECLARE_METATYPE(tb::engine::Ending)
Q_DECLARE_METATYPE(tb::algorithms::TrialState)

class TestOutcome : public QObject {
    Q_OBJECT
private slots:
    void classify_data()
    {
        QTest::addColumn<int>("ending");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<bool>("signalled");
        QTest::addColumn<QString>("startError");
        QTest::addColumn<QString>("lost");
        QTest::addColumn<double>("objective"); // NaN column value below means "none printed" when `printed` is false
        QTest::addColumn<bool>("printed");
        QTest::addColumn<int>("attempt");
        QTest::addColumn<bool>("stopping");
        // expected
        QTest::addColumn<bool>("requeue");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("hasValue");
        QTest::addColumn<bool>("hasExitCode");

        const int failed = int(TrialState::Failed), completed = int(TrialState::Completed), pruned = int(TrialState::Pruned);
        const int none = int(Ending::None);
        QTest::newRow("exit 0 with objective") << none << 0 << false << QString() << QString() << 0.25 << true << 1 << false
                                               << false << completed << QString() << true << true;
        QTest::newRow("exit 0, never printed") << none << 0 << false << QString() << QString() << 0.0 << false << 2 << false
                                               << false << failed << QStringLiteral("no objective: the trial never printed 'loss=<number>'") << false << true;
        QTest::newRow("NaN objective") << none << 0 << false << QString() << QString() << std::nan("") << true << 2 << false
                                       << false << failed << QStringLiteral("the objective loss is NaN") << false << true;
        QTest::newRow("infinite objective") << none << 0 << false << QString() << QString() << std::numeric_limits<double>::infinity() << true << 2 << false
                                            << false << failed << QStringLiteral("the objective loss is infinite") << false << true;
        QTest::newRow("exit 3") << none << 3 << false << QString() << QString() << 0.5 << true << 2 << false
                                << false << failed << QStringLiteral("exit code 3") << false << true;
        QTest::newRow("SIGABRT") << none << int(SIGABRT) << true << QString() << QString() << 0.5 << true << 2 << false
                                 << false << failed << QStringLiteral("killed by signal 6 (SIGABRT)") << false << false;
        QTest::newRow("not found") << none << -1 << false << QStringLiteral("command not found: prog") << QString() << 0.0 << false << 2 << false
                                   << false << failed << QStringLiteral("could not start: command not found: prog") << false << false;
        QTest::newRow("retry left") << none << 1 << false << QString() << QString() << 0.0 << false << 1 << false
                                    << true << failed << QStringLiteral("exit code 1 (attempt 1 of 2)") << false << true;
        QTest::newRow("no retry while stopping") << none << 1 << false << QString() << QString() << 0.0 << false << 1 << true
                                                 << false << failed << QStringLiteral("exit code 1") << false << true;
        QTest::newRow("timeout, retry left") << int(Ending::Timeout) << int(SIGTERM) << true << QString() << QString() << 0.0 << false << 1 << false
                                             << true << failed << QStringLiteral("timed out after 1.5 s (attempt 1 of 2)") << false << false;
        QTest::newRow("timeout, last attempt") << int(Ending::Timeout) << int(SIGTERM) << true << QString() << QString() << 0.0 << false << 2 << false
                                               << false << failed << QStringLiteral("timed out after 1.5 s") << false << false;
        QTest::newRow("pruned keeps its last report") << int(Ending::Pruned) << int(SIGTERM) << true << QString() << QString() << 0.75 << true << 1 << false
                                                      << false << pruned << QStringLiteral("median: worse than the median") << true << false;
        QTest::newRow("budget") << int(Ending::Budget) << int(SIGTERM) << true << QString() << QString() << 0.5 << true << 1 << false
                                << false << failed << QStringLiteral("stopped: the experiment's max_seconds budget ran out") << false << false;
        QTest::newRow("interrupted runs again") << int(Ending::Interrupted) << int(SIGTERM) << true << QString() << QString() << 0.5 << true << 2 << true
                                                << true << failed << QStringLiteral("interrupted: the engine was stopped") << false << false;
        QTest::newRow("lost job runs again") << none << 0 << false << QString() << QStringLiteral("job 12 ended NODE_FAIL") << 0.0 << false << 1 << false
                                             << true << failed << QStringLiteral("job 12 ended NODE_FAIL (attempt 1 of 2)") << false << false;
        QTest::newRow("lost job, no retries left") << none << 0 << false << QString() << QStringLiteral("job 12 ended NODE_FAIL") << 0.0 << false << 2 << false
                                                   << false << failed << QStringLiteral("job 12 ended NODE_FAIL") << false << false;
    }

    void classify()
    {
        QFETCH(int, ending);
        QFETCH(int, exitCode);
        QFETCH(bool, signalled);
        QFETCH(QString, startError);
        QFETCH(QString, lost);
        QFETCH(double, objective);
        QFETCH(bool, printed);
        QFETCH(int, attempt);
        QFETCH(bool, stopping);
        OutcomeInput in;
        in.ending = static_cast<Ending>(ending);
        in.end = {exitCode, signalled, startError, lost};
        if (printed)
            in.objective = objective;
        in.objectiveMetric = QStringLiteral("loss");
        in.timeoutS = 1.5;
        in.pruneReason = QStringLiteral("median: worse than the median");
        in.attempt = attempt;
        in.retries = 1;
        in.stopping = stopping;
        const Outcome out = tb::engine::classify(in);
        QTEST(out.requeue, "requeue");
        if (!out.requeue)
            QTEST(int(out.state), "state");
        QTEST(out.reason, "reason");
        QTEST(out.value.has_value(), "hasValue");
        QTEST(out.exitCode.has_value(), "hasExitCode");
        if (out.value)
            QCOMPARE(*out.value, objective);
    }

    void budgetEnd_data()
    {
        QTest::addColumn<int>("completed");
        QTest::addColumn<int>("pruned");
        QTest::addColumn<int>("failed");
        QTest::addColumn<int>("queued"); // left by a max_seconds budget
        QTest::addColumn<QString>("firstLog");
        QTest::addColumn<bool>("failedState");
        QTest::addColumn<QString>("reason");
        const QString budget = QStringLiteral("max_trials reached (3 trials)");
        const QString log = QStringLiteral("/s.trials/e-1/0/output.log");
        QTest::newRow("all completed") << 3 << 0 << 0 << 0 << QString() << false << budget;
        QTest::newRow("one completed, the rest failed") << 1 << 0 << 2 << 0 << QString() << false << budget;
        QTest::newRow("pruned and failed: results") << 0 << 1 << 2 << 0 << QString() << false << budget;
        QTest::newRow("no trial at all") << 0 << 0 << 0 << 0 << QString() << false << budget;
        QTest::newRow("every trial failed") << 0 << 0 << 3 << 0 << log << true
                                            << QStringLiteral("all 3 trials failed; the first: exit code 1; see the trial logs, such as ") + log;
        QTest::newRow("failed, the rest never ran") << 0 << 0 << 2 << 5 << log << true
                                                    << QStringLiteral("all 2 trials failed; the first: exit code 1; see the trial logs, such as ") + log;
        QTest::newRow("the only trial failed") << 0 << 0 << 1 << 0 << log << true
                                               << QStringLiteral("its only trial failed: exit code 1; see its log ") + log;
        QTest::newRow("failed before a log existed") << 0 << 0 << 2 << 0 << QString() << true
                                                     << QStringLiteral("all 2 trials failed; the first: exit code 1");
    }

    void budgetEnd()
    {
        QFETCH(int, completed);
        QFETCH(int, pruned);
        QFETCH(int, failed);
        QFETCH(int, queued);
        QFETCH(QString, firstLog);
        StateCounts counts;
        counts.completed = completed;
        counts.pruned = pruned;
        counts.failed = failed;
        counts.queued = queued;
        const ExperimentEnd end = tb::engine::budgetEnd(counts, QStringLiteral("max_trials reached (3 trials)"), QStringLiteral("exit code 1"), firstLog);
        QTEST(end.state == ExperimentState::Failed, "failedState");
        QTEST(end.reason, "reason");
    }
};

QTEST_GUILESS_MAIN(TestOutcome)
#include "tst_outcome.moc"
