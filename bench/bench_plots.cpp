// tb-bench-plots: how long the learning-curves plot takes to replot with many trials.
//
// Builds an experiment of --trials trials (default 1000) with --points points each
// (default 1000; the 8 running trials have half), shows the plot offscreen at 1200x800 and
// prints JSON with the median and 90th percentile over --replots replots (default 50) of:
// - live: one running trial gets a point, then the plot refreshes (rebuild + replot), the
//   path every 30 Hz tick takes while an experiment streams metrics;
// - zoom: the key range changes by a few percent (a wheel step), then replot (which shows
//   the previous image rescaled); zoom_settled: until the replot that shows the new image,
//   rendered in the background;
// - empty_plot_replot: the same panel without data, for reference (QCustomPlot's own cost);
// - baseline: the same curves as one QCPGraph per trial (the straightforward design),
//   over fewer replots (--baseline-replots, default 5; 0 skips it).
// Times are wall-clock; gui_cpu is the GUI thread's CPU time over the same interval (which
// tells a busy machine, wall >> cpu, from slow code), all_cpu that of every thread.
//
// Usage: tb-bench-plots [--trials N] [--points N] [--replots N] [--baseline-replots N]

#include "widgets/models/experiment_data.h"
#include "widgets/plots/plots.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <array>
#include <cmath>
#include <ctime>
#include <functional>
#include <qcustomplot.h>
#include <random>

using tb::engine::MetricRow;
using tb::engine::TrialRow;
using tb::widgets::ExperimentData;
using tb::widgets::LearningCurvesPlot;

namespace {

constexpr int kRunning = 8;
const QSize kSize(1200, 800);

struct Sample {
    double wallMs = 0, guiCpuMs = 0, allCpuMs = 0;
};

double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double processCpuMs()
{
    return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

// Times from construction to take().
class Stopwatch {
public:
    Stopwatch() : m_gui(threadCpuMs()), m_all(processCpuMs()) { m_wall.start(); }
    Sample take() const { return {m_wall.nsecsElapsed() / 1e6, threadCpuMs() - m_gui, processCpuMs() - m_all}; }

private:
    QElapsedTimer m_wall;
    double m_gui, m_all;
};

Sample measure(const std::function<void()>& work)
{
    const Stopwatch watch;
    work();
    return watch.take();
}

QJsonObject summary(QVector<Sample> samples)
{
    auto quantile = [&samples](double q, auto member) {
        std::sort(samples.begin(), samples.end(), [member](const Sample& a, const Sample& b) { return a.*member < b.*member; });
        const auto i = static_cast<qsizetype>(std::round(q * static_cast<double>(samples.size() - 1)));
        return std::round(samples[i].*member * 100) / 100;
    };
    return QJsonObject{{"median_ms", quantile(0.5, &Sample::wallMs)},
                       {"p90_ms", quantile(0.9, &Sample::wallMs)},
                       {"gui_cpu_median_ms", quantile(0.5, &Sample::guiCpuMs)},
                       {"all_cpu_median_ms", quantile(0.5, &Sample::allCpuMs)},
                       {"replots", static_cast<int>(samples.size())}};
}

// A loss curve: exponential decay to a floor, with noise; seeded per trial.
double loss(std::mt19937& rng, double start, double rate, double floor, int step, int points)
{
    std::normal_distribution<double> noise(0, 0.01);
    return floor + start * std::exp(-rate * 3 * step / points) + noise(rng);
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({"trials", "Number of trials.", "n", "1000"});
    parser.addOption({"points", "Points per finished trial.", "n", "1000"});
    parser.addOption({"replots", "Replots measured per case.", "n", "50"});
    parser.addOption({"baseline-replots", "Replots of the one-QCPGraph-per-trial baseline (0: skip).", "n", "5"});
    parser.process(app);
    const int trials = std::max(kRunning + 1, parser.value("trials").toInt());
    const int points = std::max(2, parser.value("points").toInt());
    const int replots = std::max(1, parser.value("replots").toInt());
    const int baselineReplots = std::max(0, parser.value("baseline-replots").toInt());

    ExperimentData data;
    tb::engine::ExperimentRow experiment;
    experiment.id = 1;
    experiment.name = QStringLiteral("bench");
    experiment.spec = R"({"name": "bench", "objective": {"metric": "loss", "direction": "minimize"},
        "space": [{"name": "lr", "type": "float", "low": 1e-5, "high": 1.0, "log": true}]})";
    data.reset(experiment);

    std::mt19937 rng(42);
    std::uniform_real_distribution<double> uniform(0, 1);
    QVector<TrialRow> rows;
    QVector<MetricRow> metrics;
    metrics.reserve(static_cast<qsizetype>(trials) * points);
    QVector<std::array<double, 3>> shapes; // start, rate, floor
    for (int i = 0; i < trials; ++i) {
        TrialRow row;
        row.id = i + 1;
        row.experimentId = experiment.id;
        row.number = i;
        const bool running = i >= trials - kRunning;
        const double u = uniform(rng);
        row.state = running ? tb::algorithms::TrialState::Running
                    : u < 0.15 ? tb::algorithms::TrialState::Pruned
                    : u < 0.17 ? tb::algorithms::TrialState::Failed
                               : tb::algorithms::TrialState::Completed;
        const std::array<double, 3> shape{0.5 + uniform(rng), 0.3 + 2 * uniform(rng), 0.05 + 0.3 * uniform(rng)};
        shapes << shape;
        const int n = running ? points / 2 : points;
        for (int s = 0; s < n; ++s)
            metrics.append(MetricRow{row.id, 1, s, QStringLiteral("loss"), loss(rng, shape[0], shape[1], shape[2], s, points), 0});
        if (row.state == tb::algorithms::TrialState::Completed)
            row.value = metrics.last().value;
        rows << row;
    }
    data.setTrials(experiment.id, rows);
    data.appendMetrics(experiment.id, metrics);

    LearningCurvesPlot plot(&data);
    plot.resize(kSize);
    plot.show();
    QApplication::processEvents();
    const Sample first = measure([&] { plot.refreshNow(); });

    // Live: a running trial gets its next point; the refresh replots the live curves over
    // the cached finished ones.
    QVector<Sample> live;
    QVector<int> nextStep(kRunning, points / 2);
    for (int r = 0; r < replots; ++r) {
        const int k = r % kRunning;
        const qint64 id = trials - kRunning + k + 1;
        const auto& shape = shapes[static_cast<int>(id - 1)];
        const int step = nextStep[k]++;
        live << measure([&] {
            data.appendMetrics(experiment.id, {MetricRow{id, 1, step, QStringLiteral("loss"),
                                                         loss(rng, shape[0], shape[1], shape[2], step, points), 0}});
            plot.refreshNow();
        });
    }

    // Zoom: alternate in and out around the centre, as wheel steps do. The replot shows
    // the previous image rescaled and starts the render of the finished curves in the
    // background; "settled" is the time until the replot that shows its result.
    QCPAxis* keyAxis = plot.plot()->xAxis;
    QVector<Sample> zoom, settled;
    for (int r = 0; r < replots; ++r) {
        keyAxis->scaleRange(r % 2 ? 1 / 0.85 : 0.85, keyAxis->range().center());
        const Stopwatch watch;
        zoom << measure([&] { plot.plot()->replot(QCustomPlot::rpImmediateRefresh); });
        while (plot.isRendering())
            QApplication::processEvents(QEventLoop::WaitForMoreEvents); // the render's end posts one
        plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
        settled << watch.take();
    }

    QJsonObject out{{"trials", trials},
                    {"points_per_trial", points},
                    {"running_trials", kRunning},
                    {"size", QStringLiteral("%1x%2").arg(kSize.width()).arg(kSize.height())},
                    {"first_refresh_ms", std::round(first.wallMs * 100) / 100},
                    {"live_append_refresh", summary(live)},
                    {"zoom_replot", summary(zoom)},
                    {"zoom_settled", summary(settled)}};

    // Reference: the same panel without data, i.e. what QCustomPlot itself costs per replot
    // (axes, grid, labels, the widget's repaint) at this size.
    {
        ExperimentData none;
        none.reset(experiment);
        LearningCurvesPlot empty(&none);
        empty.resize(kSize);
        empty.show();
        QApplication::processEvents();
        empty.refreshNow();
        QVector<Sample> samples;
        for (int r = 0; r < replots; ++r)
            samples << measure([&] { empty.plot()->replot(QCustomPlot::rpImmediateRefresh); });
        out.insert("empty_plot_replot", summary(samples));
    }

    if (baselineReplots > 0) {
        // The straightforward design: one QCPGraph per trial, no cache.
        QCustomPlot baseline;
        baseline.resize(plot.plot()->size());
        for (const auto& t : data.trials()) {
            auto* graph = baseline.addGraph();
            graph->setPen(QPen(QColor(31, 119, 180, 70), 1));
            QVector<double> keys, values;
            for (const QPointF& p : t.curve) {
                keys << p.x();
                values << p.y();
            }
            graph->setData(keys, values, true);
        }
        baseline.rescaleAxes();
        baseline.show();
        QApplication::processEvents();
        QVector<Sample> samples;
        for (int r = 0; r < baselineReplots; ++r)
            samples << measure([&] { baseline.replot(QCustomPlot::rpImmediateRefresh); });
        out.insert("baseline_graph_per_trial_replot", summary(samples));
    }

    printf("%s", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
    return 0;
}
