// tb-bench-schedule-view: how long the pipeline view takes to replot a large schedule.
//
// Shows the view offscreen at 1200x800 on interleaved 1F1B with --stages 16,
// --microbatches 64 and --virtual-stages 4 (8192 boxes), and prints JSON with the median
// and 90th percentile over --replots replots (default 30) of:
// - replot: QCustomPlot::replot() of the shown chart (what a zoom, pan or resize costs);
// - zoom: the time range shrinks by 10 % (a wheel step), then replot; more labels fit;
// - rebuild: new settings (the micro-batch count toggles 64 <-> 32), simulate, rebuild
//   the chart and replot (what editing a control costs).
// Target (issue: bubble view): replot <= 16 ms.
//
// Usage: tb-bench-schedule-view [--stages P] [--microbatches M] [--virtual-stages V] [--replots N]

#include "widgets/plots/schedule_view.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <qcustomplot.h>

#include "timing.h"

namespace {

using tb::bench::repeat;
using tb::bench::summary;

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption stages("stages", "Pipeline devices.", "P", "16");
    const QCommandLineOption micro("microbatches", "Micro-batches.", "M", "64");
    const QCommandLineOption virt("virtual-stages", "Stages per device.", "V", "4");
    const QCommandLineOption replots("replots", "Replots to time.", "N", "30");
    parser.addOptions({stages, micro, virt, replots});
    parser.process(app);
    const int n = parser.value(replots).toInt();

    tb::widgets::ScheduleView view;
    tb::widgets::ScheduleView::Settings s;
    s.kind = QStringLiteral("interleaved");
    s.stages = parser.value(stages).toInt();
    s.microbatches = parser.value(micro).toInt();
    s.virtualStages = parser.value(virt).toInt();
    view.setSettings(s);
    view.resize(1200, 800);
    view.show();
    QApplication::processEvents();
    view.refreshNow();
    QCustomPlot* plot = view.chart()->plot();
    const qsizetype boxes = view.chart()->content().boxes.size();

    const QVector<double> replot = repeat(n, [&](int) { plot->replot(QCustomPlot::rpImmediateRefresh); });
    const QCPRange full = plot->xAxis->range();
    const QVector<double> zoom = repeat(n, [&](int i) {
        plot->xAxis->scaleRange(i % 2 ? 1 / 0.9 : 0.9, full.center());
        plot->replot(QCustomPlot::rpImmediateRefresh);
    });
    plot->xAxis->setRange(full);
    const QVector<double> rebuild = repeat(n, [&](int i) {
        tb::widgets::ScheduleView::Settings t = s;
        t.microbatches = i % 2 ? s.microbatches : s.microbatches / 2;
        view.setSettings(t);
        view.refreshNow();
    });

    const QJsonObject out{{"stages", s.stages},
                          {"microbatches", s.microbatches},
                          {"virtual_stages", s.virtualStages},
                          {"boxes", int(boxes)},
                          {"size", "1200x800"},
                          {"replot", summary(replot)},
                          {"zoom", summary(zoom)},
                          {"rebuild", summary(rebuild)}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
    return 0;
}
