// tb-bench-gui: the window's responsiveness.
// - open: a store holding 10 000 finished trials (10 metric reports each) is opened in the
//   main window; the time runs from openStore() until the dashboard shows every trial (the
//   table has 10 000 rows, every curve is loaded, the plots have been redrawn once);
// - stall: while an experiment with 8 parallel trials streams metrics (each trial prints a
//   metric line every 2 ms) into the window's engine, a 5 ms timer in the GUI thread
//   records how late each tick fires; the longest delay is how long the window stalled.
// Usage: tb-bench-gui TEST_TRIAL_PROGRAM [--trials N]

#include "widgets/dashboard.h"
#include "widgets/models/engine_host.h"
#include "widgets/models/experiment_data.h"
#include "widgets/main_window.h"
#include "widgets/plots/plots.h"
#include "widgets/models/store_session.h"
#include "widgets/trial_table.h"

#include "engine/core/store.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>

using namespace tb;

namespace {

QJsonObject spec(const QString& name, const QString& program, int trials, int parallel)
{
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("objective"), QJsonObject{{QStringLiteral("metric"), QStringLiteral("loss")}}},
        {QStringLiteral("space"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("type"), QStringLiteral("float")},
                                                         {QStringLiteral("low"), 0.0}, {QStringLiteral("high"), 1.0}},
                                             QJsonObject{{QStringLiteral("name"), QStringLiteral("n")}, {QStringLiteral("type"), QStringLiteral("int")},
                                                         {QStringLiteral("low"), 1}, {QStringLiteral("high"), 8}}}},
        {QStringLiteral("algorithm"), QJsonObject{{QStringLiteral("name"), QStringLiteral("random")}, {QStringLiteral("seed"), 1}}},
        {QStringLiteral("budget"), QJsonObject{{QStringLiteral("max_trials"), trials}}},
        {QStringLiteral("resources"), QJsonObject{{QStringLiteral("parallel_trials"), parallel}}},
        {QStringLiteral("trial"), QJsonObject{{QStringLiteral("argv"), QJsonArray{program, QStringLiteral("--value=${x}"), QStringLiteral("--steps=400"),
                                                                               QStringLiteral("--sleep-ms=2")}}}},
    };
}

void fillStore(const QString& path, int trials)
{
    engine::Store store(path);
    const QJsonObject s = spec(QStringLiteral("big"), QStringLiteral("/bin/true"), trials, 1);
    const auto id = store.createExperiment(QStringLiteral("big"), QJsonDocument(s).toJson(QJsonDocument::Compact));
    store.transaction([&] {
        for (int i = 0; i < trials; ++i) {
            const double x = (i * 7919 % trials) / static_cast<double>(trials);
            const auto t = store.createTrial(id, QStringLiteral(R"({"x":%1,"n":%2})").arg(x).arg(1 + i % 8).toUtf8(), algorithms::TrialState::Running);
            std::vector<engine::MetricRow> metrics;
            for (int k = 0; k < 10; ++k)
                metrics.push_back({t.id, 1, k, QStringLiteral("loss"), x + (10 - k) * 0.1, 0});
            store.finishTrial(t.id, algorithms::TrialState::Completed, x, 0, QString(), metrics);
        }
    });
    store.setExperimentState(id, engine::ExperimentState::Completed);
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QString program = argc > 1 ? QFileInfo(QString::fromLocal8Bit(argv[1])).absoluteFilePath() : QString();
    const int trials = argc > 3 ? std::atoi(argv[3]) : 10000;
    QTemporaryDir dir;

    // --- open a big store ---
    const QString big = dir.filePath(QStringLiteral("big.db"));
    fillStore(big, trials);
    double openMs = -1;
    {
        widgets::MainWindow window;
        window.resize(1600, 1000);
        window.show();
        window.tabs()->setCurrentWidget(window.dashboard());
        QApplication::processEvents();
        QElapsedTimer clock;
        clock.start();
        window.openStore(big);
        auto loaded = [&] {
            const auto& t = window.data().trials();
            return t.size() == trials && std::all_of(t.begin(), t.end(), [](const widgets::TrialView& v) { return v.curve.size() == 10; });
        };
        double trialsMs = -1;
        while (!loaded() && clock.elapsed() < 60000) {
            QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
            if (trialsMs < 0 && window.data().trials().size() == trials)
                trialsMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        }
        const double curvesMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        window.dashboard()->curves()->refreshNow();
        const double plot1 = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        window.dashboard()->history()->refreshNow();
        const double plot2 = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        window.dashboard()->parallel()->refreshNow();
        QApplication::processEvents();
        std::fprintf(stderr, "phases: trials %.0f ms, curves %.0f ms, curves plot %.0f ms, history %.0f ms, parallel %.0f ms\n", trialsMs,
                     curvesMs, plot1 - curvesMs, plot2 - plot1, static_cast<double>(clock.nsecsElapsed()) / 1e6 - plot2);
        openMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        std::fprintf(stderr, "open: %d trials, table rows %d\n", static_cast<int>(window.data().trials().size()),
                     window.dashboard()->table()->model()->rowCount());
    }

    // --- event-loop latency while 8 trials stream metrics ---
    double maxStallMs = -1, p99Ms = -1;
    int ticks = 0, metricsSeen = 0;
    if (!program.isEmpty()) {
        widgets::MainWindow window;
        window.resize(1600, 1000);
        window.show();
        window.openStore(dir.filePath(QStringLiteral("live.db")));
        QObject::connect(&window.data(), &widgets::ExperimentData::curvesChanged, [&](const QSet<qint64>& ids) { metricsSeen += ids.size(); });
        const QString error = window.host()->launch(dir.filePath(QStringLiteral("live.db")), spec(QStringLiteral("live"), program, 32, 8), dir.path());
        if (!error.isEmpty()) {
            std::fprintf(stderr, "launch failed: %s\n", qPrintable(error));
            return 1;
        }
        window.session()->showExperiment(QStringLiteral("live"));
        window.tabs()->setCurrentWidget(window.dashboard());
        std::vector<double> lateness;
        QElapsedTimer clock;
        clock.start();
        qint64 expected = 5;
        QTimer probe;
        probe.setTimerType(Qt::PreciseTimer);
        QObject::connect(&probe, &QTimer::timeout, [&] {
            const qint64 now = clock.elapsed();
            lateness.push_back(static_cast<double>(std::max<qint64>(0, now - expected)));
            expected = now + 5;
            ++ticks;
        });
        probe.start(5);
        bool done = false;
        QObject::connect(window.host(), &widgets::EngineHost::finished, [&] { done = true; });
        while (!done && clock.elapsed() < 120000)
            QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        probe.stop();
        std::sort(lateness.begin(), lateness.end());
        if (!lateness.empty()) {
            maxStallMs = lateness.back();
            p99Ms = lateness[lateness.size() * 99 / 100];
        }
    }
    std::printf("{\"open_ms\": %.1f, \"trials\": %d, \"stall_max_ms\": %.1f, \"stall_p99_ms\": %.1f, \"probe_ticks\": %d, "
                "\"curve_updates\": %d}\n",
                openMs, trials, maxStallMs, p99Ms, ticks, metricsSeen);
    return 0;
}
