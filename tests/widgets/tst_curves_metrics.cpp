// The learning curves plot any reported metric, smoothed, on a log axis, against steps or
// time; single reports show as markers; every plot has a title and axis names; exports
// write the chosen size, DPI, title and legend (also through the export dialog).

#include "widgets/models/experiment_data.h"
#include "widgets/plots/export_dialog.h"
#include "widgets/plots/plots.h"
#include "widgets/plots/timeline_view.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <qcustomplot.h>

using tb::algorithms::TrialState;
using tb::engine::MetricRow;
using tb::engine::TrialRow;
using tb::widgets::ExperimentData;
using tb::widgets::HistoryPlot;
using tb::widgets::ImportancePlot;
using tb::widgets::LearningCurvesPlot;
using tb::widgets::ParallelCoordinatesPlot;
using tb::widgets::PlotExportDialog;
using tb::widgets::PlotPanel;
using tb::widgets::TimelineView;

namespace {

constexpr qint64 kExperiment = 1;
constexpr double kStart = 1.7e9; // the reports' wall-clock times start here

TrialRow trialRow(qint64 id, TrialState state, std::optional<double> value)
{
    TrialRow row;
    row.id = id;
    row.experimentId = kExperiment;
    row.number = id - 1;
    row.state = state;
    row.value = value;
    row.params = QJsonDocument(QJsonObject{{"lr", 0.01 * static_cast<double>(id)}}).toJson(QJsonDocument::Compact);
    return row;
}

MetricRow metric(qint64 trial, qint64 step, const char* name, double value, double time)
{
    return MetricRow{trial, 1, step, QString::fromLatin1(name), value, time};
}

// Trials 1 and 2 report loss (the objective) and accuracy at steps 0..2, trial 1 also
// "lr"; trial 3 reports loss once. Reports of trial 1 at kStart + 100, +110, +130
// (arriving out of step order for accuracy), trial 2 at kStart + 200 + 5 * step.
void fill(ExperimentData& data)
{
    tb::engine::ExperimentRow experiment;
    experiment.id = kExperiment;
    experiment.name = QStringLiteral("metrics");
    experiment.spec = R"({"name": "metrics", "objective": {"metric": "loss", "direction": "minimize"},
        "space": [{"name": "lr", "type": "float", "low": 1e-4, "high": 1.0, "log": true}]})";
    data.reset(experiment);
    QVERIFY(data.spec().has_value());
    data.setTrials(kExperiment, {trialRow(1, TrialState::Completed, 2.0), trialRow(2, TrialState::Completed, 0.5),
                                 trialRow(3, TrialState::Completed, 0.9)});
    data.appendMetrics(kExperiment, {
                                        metric(1, 0, "loss", 1.0, kStart + 100),
                                        metric(1, 0, "accuracy", 0.1, kStart + 100),
                                        metric(1, 0, "lr", 0.01, kStart + 100),
                                        metric(1, 1, "loss", 3.0, kStart + 110),
                                        metric(1, 2, "accuracy", 0.7, kStart + 130),
                                        metric(1, 1, "accuracy", 0.4, kStart + 110),
                                        metric(1, 2, "loss", 2.0, kStart + 130),
                                        metric(2, 0, "loss", 1.5, kStart + 200),
                                        metric(2, 1, "loss", 1.0, kStart + 205),
                                        metric(2, 2, "loss", 0.5, kStart + 210),
                                        metric(2, 0, "accuracy", 0.2, kStart + 200),
                                        metric(2, 1, "accuracy", 0.5, kStart + 205),
                                        metric(2, 2, "accuracy", 0.9, kStart + 210),
                                        metric(3, 5, "loss", 0.9, kStart + 300),
                                    });
}

QVector<double> ys(const QVector<QPointF>& points)
{
    QVector<double> out;
    for (const QPointF& p : points)
        out << p.y();
    return out;
}

QVector<double> xs(const QVector<QPointF>& points)
{
    QVector<double> out;
    for (const QPointF& p : points)
        out << p.x();
    return out;
}

bool near(const QVector<double>& a, const QVector<double>& b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (std::abs(a[i] - b[i]) > 1e-9 * std::max(1.0, std::abs(b[i])))
            return false;
    return true;
}

QString describe(const QVector<double>& v)
{
    QStringList parts;
    for (double d : v)
        parts << QString::number(d, 'g', 12);
    return parts.join(QLatin1String(", "));
}

// The text of the SVG's <text> elements (what a reader sees, not the metadata).
QStringList svgTexts(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString svg = QString::fromUtf8(file.readAll());
    QStringList out;
    static const QRegularExpression text(QStringLiteral("<text[^>]*>([^<]*)</text>"));
    for (auto it = text.globalMatch(svg); it.hasNext();)
        out << it.next().captured(1).trimmed();
    return out;
}

} // namespace

class TestCurvesMetrics : public QObject {
    Q_OBJECT
private slots:
    void dataKeepsEveryMetric();
    void chooserSwitchesMetric();
    void smoothingIsDebiasedEma();
    void logYSetsLogAxis();
    void timeAxes();
    void singleReportIsDrawn();
    void titlesAndAxisNames();
    void exportSizeDpiAndTitle();
    void exportLegend();
    void untitledPanelExportsWithTitle();
    void exportDialogExports();
};

void TestCurvesMetrics::dataKeepsEveryMetric()
{
    ExperimentData data;
    QSignalSpy names(&data, &ExperimentData::metricNamesChanged);
    fill(data);
    QCOMPARE(data.metricNames(), (QStringList{"loss", "accuracy", "lr"}));
    QCOMPARE(names.size(), 1);
    QCOMPARE(data.metricIndex(QStringLiteral("accuracy")), 1);
    QCOMPARE(data.metricIndex(QStringLiteral("loss")), 0);
    QCOMPARE(data.metricIndex(QStringLiteral("nope")), -1);
    const tb::widgets::TrialView* t = data.trial(1);
    QVERIFY(t);
    QCOMPARE(t->curve, (QVector<QPointF>{{0, 1.0}, {1, 3.0}, {2, 2.0}})); // the objective, as before
    QCOMPARE(t->points(0), t->curve);
    QCOMPARE(t->times(0), (QVector<double>{kStart + 100, kStart + 110, kStart + 130}));
    QCOMPARE(t->points(1), (QVector<QPointF>{{0, 0.1}, {2, 0.7}, {1, 0.4}})); // arrival order
    QCOMPARE(t->times(1), (QVector<double>{kStart + 100, kStart + 130, kStart + 110}));
    QCOMPARE(t->points(2), (QVector<QPointF>{{0, 0.01}}));
    QVERIFY(data.trial(2)->points(2).isEmpty());
    QVERIFY(t->points(7).isEmpty());

    // A new attempt starts every series afresh.
    QSignalSpy cleared(&data, &ExperimentData::metricPointsChanged);
    TrialRow again = t->row;
    again.attempt = 2;
    again.state = TrialState::Running;
    data.setTrials(kExperiment, {again});
    QCOMPARE(cleared.size(), 1);
    QCOMPARE(cleared.first().at(0).toInt(), -1);
    QVERIFY(data.trial(1)->points(0).isEmpty() && data.trial(1)->points(1).isEmpty() && data.trial(1)->times(0).isEmpty());
}

void TestCurvesMetrics::chooserSwitchesMetric()
{
    ExperimentData data;
    fill(data);
    LearningCurvesPlot plot(&data);
    plot.refreshNow();
    QCOMPARE(ys(plot.pointsOf(1)), (QVector<double>{1.0, 3.0, 2.0}));
    QCOMPARE(plot.plot()->yAxis->label(), QStringLiteral("loss"));

    auto* chooser = plot.findChild<QComboBox*>(QStringLiteral("metric"));
    QVERIFY(chooser);
    QCOMPARE(chooser->count(), 3);
    QCOMPARE(chooser->itemText(0), QStringLiteral("loss (objective)"));
    QCOMPARE(chooser->itemText(1), QStringLiteral("accuracy"));
    QCOMPARE(chooser->itemText(2), QStringLiteral("lr"));

    chooser->setCurrentIndex(1);
    plot.refreshNow();
    QCOMPARE(plot.metricName(), QStringLiteral("accuracy"));
    QCOMPARE(plot.pointsOf(1), (QVector<QPointF>{{0, 0.1}, {1, 0.4}, {2, 0.7}})); // by step
    QCOMPARE(plot.pointsOf(2), (QVector<QPointF>{{0, 0.2}, {1, 0.5}, {2, 0.9}}));
    QVERIFY(plot.pointsOf(3).isEmpty()); // reported no accuracy
    QCOMPARE(plot.curveCount(), 2);
    QCOMPARE(plot.plot()->yAxis->label(), QStringLiteral("accuracy"));
    QVERIFY(plot.plot()->yAxis->range().contains(0.9) && plot.plot()->yAxis->range().upper < 1.5); // refitted

    // New points of the metric shown are drawn; those of another metric change nothing.
    data.appendMetrics(kExperiment, {metric(2, 3, "accuracy", 0.95, kStart + 215), metric(2, 3, "loss", 0.4, kStart + 215)});
    plot.refreshNow();
    QCOMPARE(plot.pointsOf(2).size(), 4);
    QCOMPARE(plot.pointsOf(2).last(), QPointF(3, 0.95));

    QVERIFY(plot.setMetric(QStringLiteral("lr")));
    plot.refreshNow();
    QCOMPARE(chooser->currentIndex(), 2);
    QCOMPARE(plot.pointsOf(1), (QVector<QPointF>{{0, 0.01}}));
    QVERIFY(!plot.setMetric(QStringLiteral("nope")));

    // A new experiment draws its objective again.
    fill(data);
    plot.refreshNow();
    QCOMPARE(plot.metric(), 0);
    QCOMPARE(chooser->currentIndex(), 0);
    QCOMPARE(ys(plot.pointsOf(1)), (QVector<double>{1.0, 3.0, 2.0}));
}

void TestCurvesMetrics::smoothingIsDebiasedEma()
{
    ExperimentData data;
    fill(data);
    LearningCurvesPlot plot(&data);
    plot.refreshNow();
    auto* box = plot.findChild<QDoubleSpinBox*>(QStringLiteral("smoothing"));
    QVERIFY(box);
    QCOMPARE(box->value(), 0.0); // off

    box->setValue(0.5);
    plot.refreshNow();
    QCOMPARE(plot.smoothing(), 0.5);
    // loss 1, 3, 2 with w = 0.5: m = 0.5, 1.75, 1.875 over 1 - w^n = 0.5, 0.75, 0.875.
    const QVector<double> expected{1.0, 1.75 / 0.75, 1.875 / 0.875};
    QVERIFY2(near(ys(plot.pointsOf(1)), expected), qPrintable(describe(ys(plot.pointsOf(1)))));
    QCOMPARE(xs(plot.pointsOf(1)), (QVector<double>{0, 1, 2})); // steps stay

    // The average runs in step order: accuracy arrived as steps 0, 2, 1.
    plot.setMetric(1);
    plot.setSmoothing(0.9);
    plot.refreshNow();
    const double m1 = 0.1 * 0.1, m2 = 0.9 * m1 + 0.1 * 0.4, m3 = 0.9 * m2 + 0.1 * 0.7;
    const QVector<double> accuracy{m1 / (1 - 0.9), m2 / (1 - 0.81), m3 / (1 - 0.729)};
    QVERIFY2(near(ys(plot.pointsOf(1)), accuracy), qPrintable(describe(ys(plot.pointsOf(1)))));

    // Non-finite values pass through and do not disturb the average.
    const QVector<QPointF> withNan = LearningCurvesPlot::smoothed({{0, 2.0}, {1, qQNaN()}, {2, 4.0}}, 0.5);
    QCOMPARE(withNan[0].y(), 2.0);
    QVERIFY(std::isnan(withNan[1].y()));
    QVERIFY(qFuzzyCompare(withNan[2].y(), (0.5 * 1.0 + 0.5 * 4.0) / 0.75));

    box->setValue(0);
    plot.refreshNow();
    QCOMPARE(ys(plot.pointsOf(1)), (QVector<double>{0.1, 0.4, 0.7}));
}

void TestCurvesMetrics::logYSetsLogAxis()
{
    ExperimentData data;
    fill(data);
    LearningCurvesPlot plot(&data);
    plot.refreshNow();
    QCOMPARE(plot.plot()->yAxis->scaleType(), QCPAxis::stLinear);
    auto* log = plot.findChild<QAction*>(QStringLiteral("logY"));
    QVERIFY(log);
    log->trigger();
    plot.refreshNow();
    QVERIFY(plot.logY());
    QCOMPARE(plot.plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(!plot.plot()->yAxis->ticker().dynamicCast<QCPAxisTickerLog>().isNull());
    const QCPRange range = plot.plot()->yAxis->range();
    QVERIFY2(range.lower > 0 && range.lower <= 0.5 && range.upper >= 3.0, qPrintable(QStringLiteral("%1 %2").arg(range.lower).arg(range.upper)));

    // Only positive values count for the view.
    data.appendMetrics(kExperiment, {metric(2, 3, "loss", -1.0, kStart + 215)});
    plot.resetView();
    plot.refreshNow();
    QVERIFY(plot.plot()->yAxis->range().lower > 0);

    plot.setLogY(false);
    plot.refreshNow();
    QCOMPARE(plot.plot()->yAxis->scaleType(), QCPAxis::stLinear);
    QVERIFY(!log->isChecked());
}

void TestCurvesMetrics::timeAxes()
{
    ExperimentData data;
    fill(data);
    LearningCurvesPlot plot(&data);
    auto* x = plot.findChild<QComboBox*>(QStringLiteral("x"));
    QVERIFY(x);
    x->setCurrentIndex(x->findData(static_cast<int>(LearningCurvesPlot::XMode::WallTime)));
    plot.refreshNow();
    QCOMPARE(plot.xMode(), LearningCurvesPlot::XMode::WallTime);
    QCOMPARE(plot.pointsOf(1), (QVector<QPointF>{{kStart + 100, 1.0}, {kStart + 110, 3.0}, {kStart + 130, 2.0}}));
    QCOMPARE(xs(plot.pointsOf(2)), (QVector<double>{kStart + 200, kStart + 205, kStart + 210}));
    QVERIFY(!plot.plot()->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>().isNull());
    QVERIFY(plot.plot()->xAxis->range().contains(kStart + 100) && plot.plot()->xAxis->range().contains(kStart + 300));
    QCOMPARE(plot.plot()->xAxis->label(), QStringLiteral("wall time"));

    // Ordered by time: accuracy of trial 1 arrived as steps 0, 2, 1 at +100, +130, +110.
    plot.setMetric(1);
    plot.refreshNow();
    QCOMPARE(plot.pointsOf(1), (QVector<QPointF>{{kStart + 100, 0.1}, {kStart + 110, 0.4}, {kStart + 130, 0.7}}));

    // Since the start: the trial's start when known, else its first report.
    QVector<TrialRow> rows;
    for (const auto& t : data.trials())
        rows << t.row;
    rows[1].startedAt = kStart + 190;
    data.setTrials(kExperiment, rows);
    plot.setMetric(0);
    plot.setXMode(LearningCurvesPlot::XMode::RelativeTime);
    plot.refreshNow();
    QCOMPARE(xs(plot.pointsOf(1)), (QVector<double>{0, 10, 30}));
    QCOMPARE(xs(plot.pointsOf(2)), (QVector<double>{10, 15, 20}));

    plot.setXMode(LearningCurvesPlot::XMode::Step);
    plot.refreshNow();
    QCOMPARE(xs(plot.pointsOf(2)), (QVector<double>{0, 1, 2}));
    QCOMPARE(plot.plot()->xAxis->label(), QStringLiteral("step"));
}

void TestCurvesMetrics::singleReportIsDrawn()
{
    ExperimentData data;
    fill(data);
    LearningCurvesPlot plot(&data);
    plot.resize(800, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.refreshNow();
    QCOMPARE(plot.markedTrials(), QVector<qint64>{3});
    QCOMPARE(plot.pointsOf(3), QVector<QPointF>{QPointF(5, 0.9)});

    const QImage image = plot.plot()->grab().toImage();
    const qreal ratio = image.devicePixelRatio();
    auto colorAt = [&](double step, double value, int dy = 0) {
        const QPoint pixel(qRound(plot.plot()->xAxis->coordToPixel(step)) - 1, qRound(plot.plot()->yAxis->coordToPixel(value)) + dy);
        return image.pixelColor(pixel * ratio);
    };
    const QColor background = colorAt(4, 2.9);
    QCOMPARE(background, QColor(Qt::white));
    QVERIFY2(colorAt(5, 0.9) != background, "the single report is drawn");
    QVERIFY2(colorAt(5, 0.9, -2) != background && colorAt(5, 0.9, 2) != background, "as a marker larger than a pixel");

    // The same under a log axis, against time.
    plot.setLogY(true);
    plot.setXMode(LearningCurvesPlot::XMode::WallTime);
    plot.refreshNow();
    const QImage timed = plot.plot()->grab().toImage();
    const QPoint at(qRound(plot.plot()->xAxis->coordToPixel(kStart + 300)) - 2, qRound(plot.plot()->yAxis->coordToPixel(0.9)));
    QVERIFY(timed.pixelColor(at * timed.devicePixelRatio()) != QColor(Qt::white));
}

void TestCurvesMetrics::titlesAndAxisNames()
{
    ExperimentData data;
    fill(data);
    LearningCurvesPlot curves(&data);
    HistoryPlot history(&data);
    ParallelCoordinatesPlot parallel(&data);
    ImportancePlot importance(&data);
    importance.setImportance({"lr"}, {1.0});
    for (PlotPanel* panel : std::initializer_list<PlotPanel*>{&curves, &history, &parallel, &importance}) {
        panel->refreshNow();
        QVERIFY2(!panel->title().isEmpty(), qPrintable(panel->objectName()));
        QVERIFY2(panel->titleShown(), qPrintable(panel->objectName()));
        auto* title = qobject_cast<QCPTextElement*>(panel->plot()->plotLayout()->element(0, 0));
        QVERIFY2(title && title->text() == panel->title(), qPrintable(panel->objectName()));
    }
    for (PlotPanel* panel : std::initializer_list<PlotPanel*>{&curves, &history, &importance}) {
        QVERIFY2(!panel->plot()->xAxis->label().isEmpty(), qPrintable(panel->objectName()));
        QVERIFY2(!panel->plot()->yAxis->label().isEmpty(), qPrintable(panel->objectName()));
    }

    // A renamed panel shows its new title.
    history.setWindowTitle(QStringLiteral("History of loss"));
    QCOMPARE(qobject_cast<QCPTextElement*>(history.plot()->plotLayout()->element(0, 0))->text(), QStringLiteral("History of loss"));
}

void TestCurvesMetrics::exportSizeDpiAndTitle()
{
    ExperimentData data;
    fill(data);
    LearningCurvesPlot plot(&data);
    plot.resize(640, 480);
    plot.refreshNow();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    PlotPanel::ExportOptions options;
    options.size = QSize(1000, 700);
    options.dpi = 300;
    const QString png = dir.filePath(QStringLiteral("curves.png"));
    QString error;
    QVERIFY2(plot.exportTo(png, options, &error), qPrintable(error));
    QImageReader reader(png);
    QCOMPARE(reader.size(), QSize(1000, 700));
    const QImage image = reader.read();
    QCOMPARE(image.size(), QSize(1000, 700));
    QCOMPARE(image.dotsPerMeterX(), qRound(300 / 0.0254));
    QCOMPARE(image.dotsPerMeterY(), qRound(300 / 0.0254));

    // The default DPI is the screen's.
    const QString plain = dir.filePath(QStringLiteral("plain.png"));
    QVERIFY(plot.exportTo(plain, &error, QSize(300, 200)));
    const QImage plainImage(plain);
    QCOMPARE(plainImage.size(), QSize(300, 200));
    QCOMPARE(plainImage.dotsPerMeterX(), qRound(96 / 0.0254));

    // The title as asked, in the drawing's text.
    options.titleText = QStringLiteral("Loss of run 7");
    options.title = true;
    const QString svg = dir.filePath(QStringLiteral("curves.svg"));
    QVERIFY2(plot.exportTo(svg, options, &error), qPrintable(error));
    QVERIFY2(svgTexts(svg).contains(QStringLiteral("Loss of run 7")), qPrintable(svgTexts(svg).join(QLatin1Char('|'))));
    QVERIFY(svgTexts(svg).contains(QStringLiteral("loss"))); // the value axis' name
    // The on-screen title is back.
    QCOMPARE(qobject_cast<QCPTextElement*>(plot.plot()->plotLayout()->element(0, 0))->text(), QStringLiteral("Learning curves"));

    options.title = false;
    const QString untitled = dir.filePath(QStringLiteral("untitled.svg"));
    QVERIFY2(plot.exportTo(untitled, options, &error), qPrintable(error));
    QVERIFY(!svgTexts(untitled).contains(QStringLiteral("Loss of run 7")));
    QVERIFY(!svgTexts(untitled).contains(QStringLiteral("Learning curves")));
    QVERIFY(plot.titleShown()); // only the export went without

    // By default the title shows as on screen.
    const QString shown = dir.filePath(QStringLiteral("shown.svg"));
    QVERIFY(plot.exportTo(shown, &error));
    QVERIFY(svgTexts(shown).contains(QStringLiteral("Learning curves")));

    // A PDF page measures size / DPI.
    options.title = true;
    const QString pdf = dir.filePath(QStringLiteral("curves.pdf"));
    QVERIFY2(plot.exportTo(pdf, options, &error), qPrintable(error));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("%PDF"));
    // 1000 x 700 px at 300 DPI: 240 x 168 points.
    static const QRegularExpression mediaBox(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"));
    const QRegularExpressionMatch box = mediaBox.match(QString::fromLatin1(bytes));
    QVERIFY(box.hasMatch());
    QVERIFY2(std::abs(box.captured(1).toDouble() - 240) < 0.01 && std::abs(box.captured(2).toDouble() - 168) < 0.01,
             qPrintable(box.captured(0)));
}

void TestCurvesMetrics::exportLegend()
{
    ExperimentData data;
    fill(data);
    QVector<TrialRow> rows;
    for (const auto& t : data.trials())
        rows << t.row;
    rows[0].state = TrialState::Pruned;
    data.setTrials(kExperiment, rows);
    LearningCurvesPlot plot(&data);
    plot.refreshNow();
    QVERIFY(plot.hasLegend());
    QVERIFY(!plot.plot()->legend->visible());

    QTemporaryDir dir;
    PlotPanel::ExportOptions options;
    options.size = QSize(800, 600);
    options.legend = true;
    const QString with = dir.filePath(QStringLiteral("legend.svg"));
    QString error;
    QVERIFY2(plot.exportTo(with, options, &error), qPrintable(error));
    const QStringList texts = svgTexts(with);
    QVERIFY2(texts.contains(QStringLiteral("completed")) && texts.contains(QStringLiteral("pruned")), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY(texts.contains(QStringLiteral("single report")));
    QVERIFY(!plot.plot()->legend->visible()); // as before the export

    options.legend = false;
    const QString without = dir.filePath(QStringLiteral("nolegend.svg"));
    QVERIFY(plot.exportTo(without, options, &error));
    QVERIFY(!svgTexts(without).contains(QStringLiteral("pruned")));

    // The history names its marks; importance has nothing to explain.
    HistoryPlot history(&data);
    history.refreshNow();
    QVERIFY(history.hasLegend());
    ImportancePlot importance(&data);
    importance.setImportance({"lr"}, {1.0});
    importance.refreshNow();
    QVERIFY(!importance.hasLegend());
}

void TestCurvesMetrics::untitledPanelExportsWithTitle()
{
    // The Devices timeline has no title on screen; an export may give it one, and leaves
    // its layout as it was.
    ExperimentData data;
    fill(data);
    TimelineView view(&data);
    view.refreshNow();
    QVERIFY(!view.titleShown());
    const int rows = view.plot()->plotLayout()->rowCount();
    const QRect axisRect = view.plot()->axisRect()->outerRect();

    QTemporaryDir dir;
    PlotPanel::ExportOptions options;
    options.size = QSize(800, 300);
    options.title = true;
    options.titleText = QStringLiteral("GPUs of run 7");
    const QString path = dir.filePath(QStringLiteral("devices.svg"));
    QString error;
    QVERIFY2(view.exportTo(path, options, &error), qPrintable(error));
    QVERIFY(svgTexts(path).contains(QStringLiteral("GPUs of run 7")));
    QVERIFY(!view.titleShown());
    QCOMPARE(view.plot()->plotLayout()->rowCount(), rows);
    view.refreshNow();
    QCOMPARE(view.plot()->axisRect()->outerRect(), axisRect);
}

void TestCurvesMetrics::exportDialogExports()
{
    ExperimentData data;
    fill(data);
    LearningCurvesPlot curves(&data);
    HistoryPlot history(&data);
    curves.refreshNow();
    history.refreshNow();
    QTemporaryDir dir;

    PlotExportDialog dialog({&curves, &history}, &history);
    QCOMPARE(dialog.panel(), &history);
    QVERIFY(dialog.findChild<QComboBox*>(QStringLiteral("plot"))); // a chooser: two plots
    QCOMPARE(dialog.options().titleText, QStringLiteral("Optimization history"));
    QVERIFY(dialog.options().title.value_or(false));
    dialog.setPanel(&curves);
    QCOMPARE(dialog.options().titleText, QStringLiteral("Learning curves"));

    PlotPanel::ExportOptions options;
    options.size = QSize(640, 400);
    options.dpi = 150;
    options.title = true;
    options.titleText = QStringLiteral("Curves for the paper");
    options.legend = true;
    dialog.setOptions(options);
    dialog.setPath(dir.filePath(QStringLiteral("paper.svg")));
    QCOMPARE(dialog.format(), QStringLiteral("svg"));
    dialog.setFormat(QStringLiteral("png")); // the suffix follows
    QCOMPARE(dialog.path(), dir.filePath(QStringLiteral("paper.png")));
    const PlotPanel::ExportOptions chosen = dialog.options();
    QCOMPARE(chosen.size, QSize(640, 400));
    QCOMPARE(chosen.dpi, 150.0);
    QString error;
    QVERIFY2(dialog.exportNow(&error), qPrintable(error));
    const QImage image(dir.filePath(QStringLiteral("paper.png")));
    QCOMPARE(image.size(), QSize(640, 400));
    QCOMPARE(image.dotsPerMeterX(), qRound(150 / 0.0254));

    dialog.setFormat(QStringLiteral("svg"));
    QVERIFY2(dialog.exportNow(&error), qPrintable(error));
    QVERIFY(svgTexts(dir.filePath(QStringLiteral("paper.svg"))).contains(QStringLiteral("Curves for the paper")));

    // One plot: no chooser.
    PlotExportDialog single({&history}, nullptr);
    QVERIFY(single.findChild<QComboBox*>(QStringLiteral("plot"))->isHidden());
    QCOMPARE(PlotExportDialog::displayName(&history), QStringLiteral("Optimization history"));
}

QTEST_MAIN(TestCurvesMetrics)
#include "tst_curves_metrics.moc"
