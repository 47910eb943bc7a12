// The dashboard plots show what ExperimentData holds, select on click, export, and
// replot at the throttle's pace rather than the data's.

#include "widgets/models/experiment_data.h"
#include "widgets/plots/plots.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QToolTip>
#include <QtTest>
#include <cmath>
#include <memory>
#include <qcustomplot.h>

using tb::algorithms::TrialState;
using tb::engine::MetricRow;
using tb::engine::TrialRow;
using tb::widgets::CurveRole;
using tb::widgets::ExperimentData;
using tb::widgets::HistoryPlot;
using tb::widgets::ImportancePlot;
using tb::widgets::LearningCurvesPlot;
using tb::widgets::ParallelCoordinatesPlot;
using tb::widgets::PlotPanel;

namespace {

constexpr qint64 kExperiment = 1;

QByteArray specJson(const QString& direction)
{
    return QStringLiteral(R"({"name": "plots", "objective": {"metric": "loss", "direction": "%1"},
        "space": [
          {"name": "lr", "type": "float", "low": 1e-4, "high": 1.0, "log": true},
          {"name": "layers", "type": "int", "low": 1, "high": 9},
          {"name": "optimizer", "type": "categorical", "choices": ["adam", "sgd"]},
          {"name": "momentum", "type": "float", "low": 0.5, "high": 0.99, "when": {"optimizer": ["sgd"]}}
        ],
        "algorithm": {"name": "random", "seed": 1}})")
        .arg(direction)
        .toUtf8();
}

TrialRow trialRow(qint64 id, TrialState state, std::optional<double> value, const QJsonObject& params)
{
    TrialRow row;
    row.id = id;
    row.experimentId = kExperiment;
    row.number = id - 1;
    row.state = state;
    row.value = value;
    row.params = QJsonDocument(params).toJson(QJsonDocument::Compact);
    return row;
}

// Loss curve of a trial: falls from final + 0.5 towards `final` over `steps` steps.
QVector<MetricRow> curveRows(qint64 trialId, double final, int steps)
{
    QVector<MetricRow> rows;
    for (int s = 0; s < steps; ++s)
        rows.append(MetricRow{trialId, 1, s, QStringLiteral("loss"), final + 0.5 * std::exp(-s / 3.0), 0});
    return rows;
}

// Six trials: completed 0.5, 0.3 and 0.4, one pruned (0.8), one failed, one running.
void fill(ExperimentData& data, const QString& direction = QStringLiteral("minimize"))
{
    tb::engine::ExperimentRow experiment;
    experiment.id = kExperiment;
    experiment.name = QStringLiteral("plots");
    experiment.spec = specJson(direction);
    data.reset(experiment);
    QVERIFY(data.spec().has_value());
    const QJsonObject adam{{"lr", 0.01}, {"layers", 3}, {"optimizer", "adam"}};
    const QJsonObject sgd{{"lr", 1e-4}, {"layers", 9}, {"optimizer", "sgd"}, {"momentum", 0.9}};
    data.setTrials(kExperiment, {
                                    trialRow(1, TrialState::Completed, 0.5, adam),
                                    trialRow(2, TrialState::Completed, 0.3, sgd),
                                    trialRow(3, TrialState::Pruned, 0.8, adam),
                                    trialRow(4, TrialState::Failed, std::nullopt, sgd),
                                    trialRow(5, TrialState::Running, std::nullopt, adam),
                                    trialRow(6, TrialState::Completed, 0.4, sgd),
                                });
    data.appendMetrics(kExperiment, curveRows(1, 0.5, 12) + curveRows(2, 0.3, 12) + curveRows(3, 0.8, 4) +
                                        curveRows(4, 1.0, 2) + curveRows(5, 0.7, 6) + curveRows(6, 0.4, 12));
}

QPoint pixelOf(const QCustomPlot* plot, const QPointF& point)
{
    return QPoint(qRound(plot->xAxis->coordToPixel(point.x())), qRound(plot->yAxis->coordToPixel(point.y())));
}

} // namespace

class TestPlots : public QObject {
    Q_OBJECT
private slots:
    void curvesMatchData();
    void denseCurvesAreDrawn();
    void zoomRendersInBackground();
    void viewFollowsDataUntilUserZooms();
    void historyBestSoFar_data();
    void historyBestSoFar();
    void parallelCoordinates();
    void importanceBars();
    void exportWritesFile_data();
    void exportWritesFile();
    void exportRejectsUnknownFormat();
    void clickSelectsTrial();
    void hoverNamesTrial();
    void burstOfChangesIsThrottled();
};

void TestPlots::curvesMatchData()
{
    ExperimentData data;
    fill(data);
    LearningCurvesPlot plot(&data);
    plot.refreshNow();

    QCOMPARE(plot.curveCount(), static_cast<int>(data.trials().size()));
    for (const tb::widgets::TrialView& t : data.trials())
        QCOMPARE(plot.pointsOf(t.row.id), t.curve);
    QCOMPARE(plot.roleOf(1), CurveRole::Completed);
    QCOMPARE(plot.roleOf(3), CurveRole::Pruned);
    QCOMPARE(plot.roleOf(4), CurveRole::Failed);
    QCOMPARE(plot.roleOf(5), CurveRole::Running);
    QVERIFY(data.bestTrial().has_value());
    QCOMPARE(plot.highlightedTrial(), data.bestTrial());
    QCOMPARE(plot.emphasisedTrial(), -1);
    QCOMPARE(plot.plot()->yAxis->label(), QStringLiteral("loss"));

    // Points that arrive out of step order are drawn by step.
    data.appendMetrics(kExperiment, {MetricRow{5, 1, 2, QStringLiteral("loss"), 0.25, 0}});
    plot.refreshNow();
    const QVector<QPointF> running = plot.pointsOf(5);
    QCOMPARE(running.size(), 7);
    QVERIFY(std::is_sorted(running.begin(), running.end(), [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); }));

    // A trial that finishes moves to the finished layer; a better one takes the highlight.
    QVector<TrialRow> rows;
    for (const auto& t : data.trials())
        rows << t.row;
    rows[4].state = TrialState::Completed;
    rows[4].value = 0.1;
    data.setTrials(kExperiment, rows);
    data.select(6);
    plot.refreshNow();
    QCOMPARE(plot.roleOf(5), CurveRole::Completed);
    QCOMPARE(plot.highlightedTrial(), std::optional<qint64>(5));
    QCOMPARE(plot.emphasisedTrial(), 6);
}

void TestPlots::denseCurvesAreDrawn()
{
    // Over 20 000 points the finished layer renders through the span rasterizer.
    ExperimentData data;
    fill(data);
    QVector<TrialRow> rows;
    for (const auto& t : data.trials())
        rows << t.row;
    rows << trialRow(7, TrialState::Completed, 2.0, {}) << trialRow(8, TrialState::Completed, 2.4, {});
    data.setTrials(kExperiment, rows);
    QVector<MetricRow> metrics;
    for (int s = 0; s < 30000; ++s) {
        metrics.append(MetricRow{7, 1, s, QStringLiteral("loss"), 2.0, 0});
        metrics.append(MetricRow{8, 1, s, QStringLiteral("loss"), 2.4, 0});
    }
    data.appendMetrics(kExperiment, metrics);

    LearningCurvesPlot plot(&data);
    plot.resize(800, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.refreshNow();
    const QImage image = plot.plot()->grab().toImage();
    const qreal ratio = image.devicePixelRatio();
    auto colorAt = [&](double step, double value) {
        return image.pixelColor(pixelOf(plot.plot(), {step, value}) * ratio);
    };
    // Off the grid lines (at multiples of 5000 steps); a 1-pixel line may sit a pixel off
    // the rounded position.
    const QColor background = colorAt(15500, 2.2);
    QCOMPARE(background, QColor(Qt::white));
    auto drawnNear = [&](double step, double value) {
        const QPoint pixel = pixelOf(plot.plot(), {step, value});
        for (int dy = -1; dy <= 1; ++dy) {
            const QColor c = image.pixelColor((pixel + QPoint(0, dy)) * ratio);
            if (c != background && c.blue() > c.red())
                return true;
        }
        return false;
    };
    QVERIFY2(drawnNear(15500, 2.0), "the curve at 2.0 is drawn");
    QVERIFY2(drawnNear(15500, 2.4), "the curve at 2.4 is drawn");
}

void TestPlots::zoomRendersInBackground()
{
    ExperimentData data;
    fill(data);
    LearningCurvesPlot plot(&data);
    plot.resize(800, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.refreshNow();
    QVERIFY(!plot.isRendering());

    // A zoom replots at once (the previous image, rescaled) and renders the finished
    // curves for the new view in the background; a replot then shows them.
    QCPAxis* keys = plot.plot()->xAxis;
    keys->scaleRange(0.5, keys->range().center());
    plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
    const int replots = plot.replotCount();
    QVERIFY(plot.isRendering());
    QTRY_VERIFY(!plot.isRendering());
    QTRY_VERIFY(plot.replotCount() > replots);

    // Nothing changed since: replots reuse the image.
    plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY(!plot.isRendering());
}

void TestPlots::viewFollowsDataUntilUserZooms()
{
    ExperimentData data;
    fill(data);
    LearningCurvesPlot plot(&data);
    plot.resize(800, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.refreshNow();
    QCPAxis* steps = plot.plot()->xAxis;
    QVERIFY(steps->range().upper >= 11);

    // New steps widen the view while it follows the data.
    data.appendMetrics(kExperiment, {MetricRow{5, 1, 30, QStringLiteral("loss"), 0.7, 0}});
    plot.refreshNow();
    QVERIFY(steps->range().contains(30));

    // A wheel zoom is the user's view: new data leave it alone...
    const QPointF centre = plot.plot()->axisRect()->rect().center();
    QWheelEvent wheel(centre, plot.plot()->mapToGlobal(centre), {}, {0, 120}, Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(plot.plot(), &wheel);
    const QCPRange zoomed = steps->range();
    data.appendMetrics(kExperiment, {MetricRow{5, 1, 60, QStringLiteral("loss"), 0.7, 0}});
    plot.refreshNow();
    QCOMPARE(steps->range(), zoomed);
    QVERIFY(!steps->range().contains(60));

    // ...until "reset view".
    plot.resetView();
    QVERIFY(steps->range().contains(60));
}

void TestPlots::historyBestSoFar_data()
{
    QTest::addColumn<QString>("direction");
    QTest::addColumn<QVector<QPointF>>("expected");
    // Completed trials: #0 0.5, #1 0.3, #5 0.4 (the pruned #2 and failed #3 do not count).
    QTest::newRow("minimize") << QStringLiteral("minimize") << QVector<QPointF>{{0, 0.5}, {1, 0.3}, {5, 0.3}};
    QTest::newRow("maximize") << QStringLiteral("maximize") << QVector<QPointF>{{0, 0.5}, {1, 0.5}, {5, 0.5}};
}

void TestPlots::historyBestSoFar()
{
    QFETCH(QString, direction);
    QFETCH(QVector<QPointF>, expected);
    ExperimentData data;
    fill(data, direction);
    HistoryPlot plot(&data);
    plot.refreshNow();
    QCOMPARE(plot.bestSoFar(), expected);
    QCOMPARE(plot.values(), (QVector<QPointF>{{0, 0.5}, {1, 0.3}, {2, 0.8}, {5, 0.4}}));
    auto* line = qobject_cast<QCPGraph*>(plot.plot()->plottable(0));
    QVERIFY(line);
    QCOMPARE(line->lineStyle(), QCPGraph::lsStepLeft);
    QCOMPARE(line->dataCount(), expected.size());
}

void TestPlots::parallelCoordinates()
{
    ExperimentData data;
    fill(data);
    ParallelCoordinatesPlot plot(&data);
    plot.refreshNow();

    QCOMPARE(plot.axisTitles(), (QStringList{"lr", "layers", "optimizer", "momentum", "loss"}));
    QCOMPARE(plot.polylineCount(), 3); // completed trials only
    QVERIFY(plot.polylineOf(3).isEmpty()); // pruned

    // adam: lr 0.01 sits halfway on the log axis [1e-4, 1]; momentum is inactive and
    // meets its axis at the inactive slot; loss 0.5 is the worst completed value (top of
    // the objective axis).
    const QVector<QPointF> adam = plot.polylineOf(1);
    QCOMPARE(adam.size(), 5);
    QCOMPARE(adam[0].x(), 0.0);
    QVERIFY(qFuzzyCompare(adam[0].y(), 0.5));
    QCOMPARE(adam[1], QPointF(1, 0.25)); // layers 3 in [1, 9]
    QCOMPARE(adam[2], QPointF(2, 0.0));  // first choice
    QCOMPARE(adam[3], QPointF(3, ParallelCoordinatesPlot::kInactivePosition));
    QCOMPARE(adam[4], QPointF(4, 1.0));

    const QVector<QPointF> sgd = plot.polylineOf(2);
    QCOMPARE(sgd.size(), 5);
    QCOMPARE(sgd[0], QPointF(0, 0.0));
    QCOMPARE(sgd[2], QPointF(2, 1.0));
    QVERIFY(qFuzzyCompare(sgd[3].y(), (0.9 - 0.5) / (0.99 - 0.5)));
    QCOMPARE(sgd[4], QPointF(4, 0.0)); // the best value
}

void TestPlots::importanceBars()
{
    ExperimentData data;
    fill(data);
    ImportancePlot plot(&data);
    plot.setImportance({"lr", "layers", "optimizer"}, {0.2, 0.7, 0.1});
    plot.refreshNow();
    using Bars = QVector<QPair<QString, double>>;
    QCOMPARE(plot.bars(), (Bars{{"layers", 0.7}, {"lr", 0.2}, {"optimizer", 0.1}}));
    auto* bars = qobject_cast<QCPBars*>(plot.plot()->plottable(0));
    QVERIFY(bars);
    QCOMPARE(bars->dataCount(), 3);
    QCOMPARE(bars->data()->at(2)->key, 3.0); // largest on top
    QCOMPARE(bars->data()->at(2)->value, 0.7);

    // A new experiment clears the shares of the old one.
    fill(data);
    plot.refreshNow();
    QVERIFY(plot.bars().isEmpty());
}

void TestPlots::exportWritesFile_data()
{
    QTest::addColumn<QString>("plot");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("magic");
    for (const char* plot : {"curves", "history", "parallel", "importance"}) {
        QTest::addRow("%s png", plot) << plot << "png" << QByteArray("\x89PNG");
        QTest::addRow("%s pdf", plot) << plot << "pdf" << QByteArray("%PDF");
        QTest::addRow("%s svg", plot) << plot << "svg" << QByteArray("<?xml");
    }
}

void TestPlots::exportWritesFile()
{
    QFETCH(QString, plot);
    QFETCH(QString, suffix);
    QFETCH(QByteArray, magic);
    ExperimentData data;
    fill(data);
    std::unique_ptr<PlotPanel> panel;
    if (plot == QLatin1String("curves"))
        panel = std::make_unique<LearningCurvesPlot>(&data);
    else if (plot == QLatin1String("history"))
        panel = std::make_unique<HistoryPlot>(&data);
    else if (plot == QLatin1String("parallel"))
        panel = std::make_unique<ParallelCoordinatesPlot>(&data);
    else {
        auto importance = std::make_unique<ImportancePlot>(&data);
        importance->setImportance({"lr", "layers"}, {0.6, 0.4});
        panel = std::move(importance);
    }
    panel->resize(640, 480);
    panel->refreshNow();

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("plot.") + suffix);
    QString error;
    QVERIFY2(panel->exportTo(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.size() > 0);
    QVERIFY(file.read(magic.size()) == magic);
}

void TestPlots::exportRejectsUnknownFormat()
{
    ExperimentData data;
    fill(data);
    LearningCurvesPlot plot(&data);
    QTemporaryDir dir;
    QString error;
    QVERIFY(!plot.exportTo(dir.filePath(QStringLiteral("plot.bmpx")), &error));
    QCOMPARE(error, QStringLiteral("Unknown export format \"bmpx\": use .png, .pdf or .svg."));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("plot.bmpx"))));
}

void TestPlots::clickSelectsTrial()
{
    ExperimentData data;
    fill(data);
    LearningCurvesPlot plot(&data);
    plot.resize(800, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.refreshNow();

    QSignalSpy selected(&data, &ExperimentData::selectionChanged);
    const QPointF point = plot.pointsOf(6).at(5);
    QTest::mouseClick(plot.plot(), Qt::LeftButton, {}, pixelOf(plot.plot(), point));
    QCOMPARE(selected.size(), 1);
    QCOMPARE(data.selectedTrial(), 6);

    // The pruned trial's curve, clicked between two of its points.
    const QVector<QPointF> pruned = plot.pointsOf(3);
    QTest::mouseClick(plot.plot(), Qt::LeftButton, {}, pixelOf(plot.plot(), (pruned[1] + pruned[2]) / 2));
    QCOMPARE(data.selectedTrial(), 3);

    // Far from any curve nothing changes.
    QTest::mouseClick(plot.plot(), Qt::LeftButton, {}, pixelOf(plot.plot(), {9, 1.4}));
    QCOMPARE(data.selectedTrial(), 3);
}

void TestPlots::hoverNamesTrial()
{
    ExperimentData data;
    fill(data);
    HistoryPlot plot(&data);
    plot.resize(800, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.refreshNow();
    QTest::mouseMove(plot.plot(), pixelOf(plot.plot(), {1, 0.3}));
    QTRY_COMPARE(QToolTip::text(), QStringLiteral("trial 2 (#1): loss 0.3"));
}

void TestPlots::burstOfChangesIsThrottled()
{
    ExperimentData data;
    fill(data);
    LearningCurvesPlot plot(&data);
    plot.resize(800, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    QTest::qWait(2 * PlotPanel::kRefreshIntervalMs);
    const int before = plot.replotCount();

    for (int s = 6; s < 106; ++s)
        data.appendMetrics(kExperiment, {MetricRow{5, 1, s, QStringLiteral("loss"), 0.7, 0}});
    QTest::qWait(100);
    const int replots = plot.replotCount() - before;
    QVERIFY2(replots >= 1 && replots <= 3, qPrintable(QString::number(replots)));
    QCOMPARE(plot.pointsOf(5).size(), 106);
}

QTEST_MAIN(TestPlots)
#include "tst_plots.moc"
