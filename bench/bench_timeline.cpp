// tb-bench-timeline: how long the device timeline takes to replot a day of 8 GPUs.
//
// The rows are what TelemetryRecorder keeps of 24 h at 2 Hz after downsampling (default
// tiers): the newest hour at every sample (7 200 rows per GPU), the 23 older hours at one
// row per 10 s (8 280), so 15 480 rows per GPU and 123 840 in all, with a trial holding
// each GPU for about 20 minutes at a time (seeded). The view is shown offscreen at
// 1200x800, and the program prints JSON with the median and 90th percentile over
// --replots replots (default 30) of:
// - replot: QCustomPlot::replot() of the whole day (what a resize or a selection costs);
// - zoom: the time range shrinks by 10 % (a wheel step), then replot;
// - rebuild: the rows are replaced (as after the engine merges old samples), the lanes
//   rebuilt from them, then replot.
// Target (issue 6): replot <= 16 ms.
//
// Usage: tb-bench-timeline [--gpus N] [--hours H] [--replots N] [--save FILE.png]

#include "widgets/models/experiment_data.h"
#include "widgets/plots/timeline_view.h"

#include "engine/core/store.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <qcustomplot.h>

#include "timing.h"
#include <random>

namespace {

using tb::bench::repeat;
using tb::bench::summary;

// The rows of `hours` of samples as the recorder keeps them: 2 Hz for the newest hour,
// one per 10 s before it, in time order (as the store sends them after a merge).
QVector<tb::engine::TelemetryRow> day(int gpus, int hours, std::int64_t experimentId)
{
    std::mt19937_64 rng(7);
    std::normal_distribution<double> noise(0, 6);
    std::uniform_real_distribution<double> trialMinutes(10, 30);
    const double end = 1700000000;
    const double start = end - hours * 3600.0;
    std::vector<double> times;
    for (double t = start; t < end - 3600; t += 10)
        times.push_back(t);
    for (double t = std::max(start, end - 3600); t < end; t += 0.5)
        times.push_back(t);

    // Each GPU runs trials back to back; trial ids grow as they start.
    std::int64_t nextTrial = 1;
    std::vector<std::int64_t> trial(gpus, 0);
    std::vector<double> trialEnd(gpus, start);
    QVector<tb::engine::TelemetryRow> rows;
    rows.reserve(qsizetype(times.size()) * gpus);
    const std::int64_t total = std::int64_t(80) << 30;
    for (double t : times)
        for (int g = 0; g < gpus; ++g) {
            if (t >= trialEnd[g]) {
                trial[g] = nextTrial++;
                trialEnd[g] = t + 60 * trialMinutes(rng);
            }
            tb::engine::TelemetryRow r;
            r.experimentId = experimentId;
            r.time = t;
            r.kind = QStringLiteral("gpu");
            r.device = g;
            r.name = QStringLiteral("NVIDIA H100 80GB HBM3");
            const double phase = (trialEnd[g] - t) / 600.0;
            r.utilization = std::clamp(70 + 25 * std::sin(phase + g) + noise(rng), 0.0, 100.0);
            r.memoryUsed = std::int64_t(double(total) * std::clamp(0.5 + 0.3 * std::cos(phase) + noise(rng) / 100, 0.0, 1.0));
            r.memoryTotal = total;
            r.powerW = 300;
            r.temperatureC = 60;
            r.trials = QString::number(trial[g]);
            r.samples = t < end - 3600 ? 20 : 1;
            rows.push_back(std::move(r));
        }
    return rows;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption gpusOption("gpus", "GPUs.", "N", "8");
    const QCommandLineOption hoursOption("hours", "Hours of samples.", "H", "24");
    const QCommandLineOption replots("replots", "Replots to time.", "N", "30");
    const QCommandLineOption save("save", "Also export the view (png, pdf or svg).", "FILE");
    parser.addOptions({gpusOption, hoursOption, replots, save});
    parser.process(app);
    const int n = parser.value(replots).toInt();
    const int gpus = parser.value(gpusOption).toInt();
    const int hours = parser.value(hoursOption).toInt();

    tb::engine::ExperimentRow experiment;
    experiment.id = 1;
    experiment.name = QStringLiteral("bench");
    experiment.state = tb::engine::ExperimentState::Running;
    tb::widgets::ExperimentData data;
    data.reset(experiment);
    const QVector<tb::engine::TelemetryRow> rows = day(gpus, hours, experiment.id);
    data.appendTelemetry(experiment.id, rows, true);

    tb::widgets::TimelineView view(&data);
    view.resize(1200, 800);
    view.show();
    QApplication::processEvents();
    QElapsedTimer first;
    first.start();
    view.refreshNow();
    const double firstMs = first.nsecsElapsed() / 1e6;
    QCustomPlot* plot = view.plot();
    qsizetype bands = 0;
    for (int i = 0; i < view.laneCount(); ++i)
        bands += view.lane(i).bands.size();

    const QVector<double> replot = repeat(n, [&](int) { plot->replot(QCustomPlot::rpImmediateRefresh); });
    const QCPRange full = plot->xAxis->range();
    const QVector<double> zoom = repeat(n, [&](int i) {
        plot->xAxis->scaleRange(i % 2 ? 1 / 0.9 : 0.9, full.center());
        plot->replot(QCustomPlot::rpImmediateRefresh);
    });
    plot->xAxis->setRange(full);
    const QVector<double> rebuild = repeat(n, [&](int) {
        data.appendTelemetry(experiment.id, rows, true);
        view.refreshNow();
    });

    const QJsonObject out{{"gpus", gpus},
                          {"hours", hours},
                          {"rows", int(rows.size())},
                          {"bands", int(bands)},
                          {"size", "1200x800"},
                          {"first_refresh_ms", firstMs},
                          {"replot", summary(replot)},
                          {"zoom", summary(zoom)},
                          {"rebuild", summary(rebuild)}};
    if (parser.isSet(save) && !view.exportTo(parser.value(save)))
        return 1;
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
    return 0;
}
