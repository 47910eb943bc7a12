// The slice and contour plots of chosen parameters: the points are the completed trials,
// the contour's surface follows their values, parameters lie on their own scales (log,
// categorical levels), and tunebench --render draws both. On a real store shown by the
// real window.

#include "plot_store.h"

#include "widgets/dashboard.h"
#include "widgets/main_window.h"
#include "widgets/models/experiment_data.h"
#include "widgets/plots/plots.h"
#include "widgets/plots/render.h"

#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <memory>
#include <qcustomplot.h>

using namespace tb::widgets;
using tb::algorithms::TrialState;

namespace {

// The experiment "surface": x and y in [0, 1], four completed trials near the corners,
// loss 0.1 at the lower left, 0.9 at the upper right and 0.5 at the two others.
void writeSurface(const QString& path)
{
    tb::engine::Store store(path);
    const QByteArray spec = "{\"name\": \"surface\", \"objective\": {\"metric\": \"loss\", \"direction\": \"minimize\"},"
                            " \"space\": [{\"name\": \"x\", \"type\": \"float\", \"low\": 0, \"high\": 1},"
                            "  {\"name\": \"y\", \"type\": \"float\", \"low\": 0, \"high\": 1}],"
                            " \"algorithm\": {\"name\": \"random\", \"seed\": 1}}";
    const qint64 id = store.createExperiment(QStringLiteral("surface"), spec);
    const struct {
        double x, y, loss;
    } corners[] = {{0.1, 0.1, 0.1}, {0.9, 0.9, 0.9}, {0.1, 0.9, 0.5}, {0.9, 0.1, 0.5}};
    for (const auto& c : corners) {
        const QByteArray params = QJsonDocument(QJsonObject{{"x", c.x}, {"y", c.y}}).toJson(QJsonDocument::Compact);
        const tb::engine::TrialRow row = store.createTrial(id, params, TrialState::Running);
        std::vector<tb::engine::MetricRow> curve;
        for (int s = 0; s < 5; ++s)
            curve.push_back({row.id, 1, s, QStringLiteral("loss"), c.loss + 0.1 * (4 - s), 1.0 + s});
        store.finishTrial(row.id, TrialState::Completed, c.loss, 0, QString(), curve);
    }
}

// (parameter, loss) of the fixture's completed trials that have the parameter, by number.
QVector<QPointF> completedPairs(const std::function<std::optional<double>(const plotstore::Trial&)>& x)
{
    QVector<QPointF> out;
    for (const plotstore::Trial& t : plotstore::trials())
        if (t.state == TrialState::Completed)
            if (const auto v = x(t))
                out << QPointF(*v, *t.loss);
    return out;
}

int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    return static_cast<int>(colours.size());
}

} // namespace

class TestPairPlots : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<MainWindow> m_window;

    Dashboard* dashboard() { return m_window->dashboard(); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("pairs.db"));
        plotstore::writeStore(m_db);
        writeSurface(m_db);
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        QVERIFY(plotstore::showIn(*m_window, m_db, static_cast<int>(plotstore::trials().size())));
    }

    void cleanup() { m_window.reset(); }

    void slicePointsAreCompletedTrials()
    {
        SlicePlot* slice = dashboard()->slice();
        QCOMPARE(slice->parameters(), (QStringList{"lr", "layers", "optimizer", "momentum"}));
        QCOMPARE(slice->parameter(), QStringLiteral("lr"));
        slice->refreshNow();
        QCOMPARE(slice->points(), completedPairs([](const plotstore::Trial& t) { return t.lr; }));
        QCOMPARE(slice->plot()->xAxis->scaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(slice->plot()->xAxis->label(), QStringLiteral("lr"));
        QCOMPARE(slice->plot()->yAxis->label(), QStringLiteral("loss"));

        // Chosen in the panel's tool bar: momentum, which only sgd trials have.
        QComboBox* chooser = slice->chooser();
        chooser->setCurrentIndex(chooser->findText(QStringLiteral("momentum")));
        slice->refreshNow();
        QCOMPARE(slice->parameter(), QStringLiteral("momentum"));
        QCOMPARE(slice->points(), completedPairs([](const plotstore::Trial& t) { return t.momentum; }));
        QCOMPARE(slice->plot()->xAxis->scaleType(), QCPAxis::stLinear);

        // A categorical parameter: its choices at levels 0, 1.
        QVERIFY(slice->setParameter(QStringLiteral("optimizer")));
        slice->refreshNow();
        QCOMPARE(slice->points(), completedPairs([](const plotstore::Trial& t) -> std::optional<double> {
                     return QByteArray(t.optimizer) == "sgd" ? 1.0 : 0.0;
                 }));
        QCOMPARE(slice->plot()->xAxis->range(), QCPRange(-0.5, 1.5));

        QVERIFY(!slice->setParameter(QStringLiteral("nope")));
        QCOMPARE(slice->parameter(), QStringLiteral("optimizer"));
    }

    // Between the points the surface follows the data: low near the low point, high near
    // the high one, the mean where they weigh alike; the grid drawn is that surface.
    void contourSurfaceFollowsData()
    {
        QVERIFY(plotstore::showIn(*m_window, m_db, 4, QStringLiteral("surface")));
        ContourPlot* contour = dashboard()->contour();
        QCOMPARE(contour->xParameter(), QStringLiteral("x"));
        QCOMPARE(contour->yParameter(), QStringLiteral("y"));
        contour->refreshNow();
        QVector<QPointF> points = contour->points();
        std::sort(points.begin(), points.end(), [](const QPointF& a, const QPointF& b) { return std::pair(a.x(), a.y()) < std::pair(b.x(), b.y()); });
        QCOMPARE(points, (QVector<QPointF>{{0.1, 0.1}, {0.1, 0.9}, {0.9, 0.1}, {0.9, 0.9}}));

        QVERIFY(std::abs(*contour->surfaceAt(0.5, 0.5) - 0.5) < 1e-12);
        QVERIFY(std::abs(*contour->surfaceAt(0.1, 0.1) - 0.1) < 1e-12);
        QVERIFY(*contour->surfaceAt(0.25, 0.2) < 0.4);
        QVERIFY(*contour->surfaceAt(0.75, 0.8) > 0.6);
        QVERIFY(*contour->surfaceAt(0.3, 0.3) < *contour->surfaceAt(0.7, 0.7));

        const QSize grid = contour->gridSize();
        QVERIFY(grid.width() >= 24 && grid.height() >= 24);
        double nearLow = 0, nearHigh = 0, lowDistance = 1e9, highDistance = 1e9;
        for (int i = 0; i < grid.width(); ++i)
            for (int j = 0; j < grid.height(); ++j) {
                const QPointF c = contour->cellCentre(i, j);
                const double v = contour->cellValue(i, j);
                QVERIFY(v >= 0.1 - 1e-12 && v <= 0.9 + 1e-12); // weighting never leaves the data's range
                QVERIFY(std::abs(v - *contour->surfaceAt(c.x(), c.y())) < 1e-12);
                if (std::hypot(c.x() - 0.1, c.y() - 0.1) < lowDistance) {
                    lowDistance = std::hypot(c.x() - 0.1, c.y() - 0.1);
                    nearLow = v;
                }
                if (std::hypot(c.x() - 0.9, c.y() - 0.9) < highDistance) {
                    highDistance = std::hypot(c.x() - 0.9, c.y() - 0.9);
                    nearHigh = v;
                }
            }
        QVERIFY(nearLow < 0.2);
        QVERIFY(nearHigh > 0.8);
    }

    // A log parameter's cells split its axis evenly in log units; a categorical one's
    // points sit at its levels, labelled with the choices.
    void contourScales()
    {
        ContourPlot* contour = dashboard()->contour();
        QVERIFY(contour->setParameters(QStringLiteral("lr"), QStringLiteral("layers")));
        contour->refreshNow();
        QCOMPARE(contour->plot()->xAxis->scaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(contour->plot()->yAxis->scaleType(), QCPAxis::stLinear);
        const double r0 = contour->cellCentre(1, 0).x() / contour->cellCentre(0, 0).x();
        const double r1 = contour->cellCentre(2, 0).x() / contour->cellCentre(1, 0).x();
        QVERIFY(r0 > 1 && std::abs(r0 - r1) < 1e-9);
        QVERIFY(std::abs(contour->cellCentre(0, 1).y() - contour->cellCentre(0, 0).y() -
                         (contour->cellCentre(0, 2).y() - contour->cellCentre(0, 1).y())) < 1e-9);
        QCOMPARE(contour->points().size(), 7); // the completed trials

        QVERIFY(contour->setParameters(QStringLiteral("optimizer"), QStringLiteral("momentum")));
        contour->refreshNow();
        QVector<QPointF> points = contour->points();
        std::sort(points.begin(), points.end(), [](const QPointF& a, const QPointF& b) { return a.y() < b.y(); });
        QCOMPARE(points, (QVector<QPointF>{{1, 0.6}, {1, 0.7}, {1, 0.8}, {1, 0.9}})); // completed sgd trials
        QCOMPARE(contour->plot()->xAxis->range(), QCPRange(-0.5, 1.5));
        const auto ticker = qSharedPointerDynamicCast<QCPAxisTickerText>(contour->plot()->xAxis->ticker());
        QVERIFY(ticker);
        QCOMPARE(ticker->ticks().value(0), QStringLiteral("adam"));
        QCOMPARE(ticker->ticks().value(1), QStringLiteral("sgd"));

        QVERIFY(!contour->setParameters(QStringLiteral("lr"), QStringLiteral("nope")));
        QCOMPARE(contour->xParameter(), QStringLiteral("optimizer"));
    }

    // A log axis labels its decades as the parallel coordinates do ("1e-05"), whatever the
    // window's language: QCustomPlot writes numbers in its locale, where English and
    // Chinese write the exponent "E" (issue 21).
    void logTicksAsTheOtherPlots()
    {
        ContourPlot* contour = dashboard()->contour();
        SlicePlot* slice = dashboard()->slice();
        QVERIFY(contour->setParameters(QStringLiteral("lr"), QStringLiteral("layers")));
        QVERIFY(slice->setParameter(QStringLiteral("lr")));
        for (PlotPanel* panel : std::initializer_list<PlotPanel*>{contour, slice}) {
            panel->refreshNow();
            QCPAxis* x = panel->plot()->xAxis;
            QCOMPARE(x->scaleType(), QCPAxis::stLogarithmic);
            panel->plot()->setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
            x->setRange(3e-6, 0.3); // decades with an exponent and without
            panel->plot()->replot(QCustomPlot::rpImmediateRefresh);
            const QVector<double> ticks = x->tickVector();
            const QVector<QString> labels = x->tickVectorLabels();
            QCOMPARE(labels.size(), ticks.size());
            QVERIFY2(labels.contains(QStringLiteral("1e-05")) && labels.contains(QStringLiteral("0.01")),
                     qPrintable(QStringList(labels.begin(), labels.end()).join(QLatin1Char(' '))));
            for (qsizetype i = 0; i < ticks.size(); ++i)
                QCOMPARE(labels[i], formatNumber(ticks[i]));
        }
    }

    // tunebench --render slice and contour, with --x and --y, through the real program.
    void renderWritesImages()
    {
        for (const QStringList& args : {QStringList{"slice", "--x", "layers"}, QStringList{"contour", "--x", "lr", "--y", "momentum"},
                                        QStringList{"contour"}}) {
            const QString out = m_dir.filePath(args.join(QLatin1Char('-')) + QStringLiteral(".png"));
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.remove(QStringLiteral("QT_QPA_PLATFORM")); // --render picks offscreen itself
            p.setProcessEnvironment(env);
            p.start(qEnvironmentVariable("TB_GUI"), QStringList{"--render"} + args +
                                                        QStringList{"--db", m_db, "--experiment", "plots", "--output", out, "--size", "900x600"});
            QVERIFY(p.waitForFinished(120000));
            QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
            const QImage image(out);
            QCOMPARE(image.size(), QSize(900, 600));
            // Points in several colours; the contour's surface in many more.
            QVERIFY2(distinctColours(image) > (args.first() == QLatin1String("contour") ? 200 : 8), qPrintable(out));
        }
        // In the window: an unknown parameter names its flag.
        const QString out = m_dir.filePath(QStringLiteral("x.png"));
        QCOMPARE(m_window->renderView(QStringLiteral("contour"), QStringLiteral("plots"), 0, out, QSize(400, 300), {"lr", "nope"}),
                 QStringLiteral("--y: no parameter named 'nope'; one of lr, layers, optimizer, momentum"));
        QCOMPARE(m_window->renderView(QStringLiteral("slice"), QStringLiteral("plots"), 0, out, QSize(400, 300), {"depth"}),
                 QStringLiteral("--x: no parameter named 'depth'; one of lr, layers, optimizer, momentum"));
        QCOMPARE(m_window->renderView(QStringLiteral("slice"), QStringLiteral("plots"), 0, out, QSize(400, 300), {"momentum"}), QString());
        QCOMPARE(QImage(out).size(), QSize(400, 300));
    }
};

QTEST_MAIN(TestPairPlots)
#include "tst_pair_plots.moc"
