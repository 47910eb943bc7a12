// One filter for every view: brushes on the parallel coordinates' axes and the trial
// table's text and state filter decide together which trials the table, the learning
// curves, the history, the slice and the contour plot show; the parallel coordinates fade
// the others. Run on a real store shown by the real window.

#include "plot_store.h"

#include "widgets/dashboard.h"
#include "widgets/main_window.h"
#include "widgets/models/experiment_data.h"
#include "widgets/plots/plots.h"
#include "widgets/trial_table.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <functional>
#include <memory>
#include <qcustomplot.h>

using namespace tb::widgets;
using tb::algorithms::TrialState;

namespace {

QSet<qint64> trialsWhere(const ExperimentData& data, const std::function<bool(const TrialView&)>& keep)
{
    QSet<qint64> ids;
    for (const TrialView& t : data.trials())
        if (keep(t))
            ids.insert(t.row.id);
    return ids;
}

QSet<qint64> passing(const ExperimentData& data)
{
    return trialsWhere(data, [&data](const TrialView& t) { return data.passesFilter(t.row.id); });
}

QSet<qint64> tableRows(const TrialTable* table)
{
    QSet<qint64> ids;
    const QAbstractItemModel* m = table->view()->model();
    for (int r = 0; r < m->rowCount(); ++r)
        ids.insert(m->index(r, 0).data(TrialTableModel::TrialIdRole).toLongLong());
    return ids;
}

QSet<qint64> historyNumbers(Dashboard* d)
{
    d->history()->refreshNow();
    QSet<qint64> numbers;
    for (const QPointF& p : d->history()->values())
        numbers.insert(static_cast<qint64>(p.x()));
    return numbers;
}

QPoint axisPixel(const QCustomPlot* plot, int axis, double position)
{
    return QPoint(qRound(plot->xAxis->coordToPixel(axis)), qRound(plot->yAxis->coordToPixel(position)));
}

// A drag along one axis of the parallel coordinates, as the user does it.
void dragAlong(ParallelCoordinatesPlot* parallel, int axis, double from, double to)
{
    QCustomPlot* plot = parallel->plot();
    const QPoint start = axisPixel(plot, axis, from), end = axisPixel(plot, axis, to);
    QTest::mousePress(plot, Qt::LeftButton, {}, start);
    QTest::mouseMove(plot, (start + end) / 2);
    QTest::mouseMove(plot, end);
    QTest::mouseRelease(plot, Qt::LeftButton, {}, end);
}

} // namespace

class TestFilters : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_fixture; // written once; each test shows a copy of it
    QString m_db;
    int m_copies = 0;
    std::unique_ptr<MainWindow> m_window;

    ExperimentData& data() { return m_window->data(); }
    Dashboard* dashboard() { return m_window->dashboard(); }

    // Each view shows exactly `expected` (the parallel coordinates: the others faded).
    void checkViewsShow(const QSet<qint64>& expected)
    {
        QCOMPARE(passing(data()), expected);
        QCOMPARE(tableRows(dashboard()->table()), expected);

        dashboard()->curves()->refreshNow();
        for (const TrialView& t : data().trials())
            QCOMPARE(dashboard()->curves()->pointsOf(t.row.id).isEmpty(), !expected.contains(t.row.id));

        QSet<qint64> finished; // numbers of the finished trials with a value that pass
        for (const TrialView& t : data().trials())
            if (expected.contains(t.row.id) && t.row.value && t.row.state != TrialState::Running)
                finished.insert(t.row.number);
        QCOMPARE(historyNumbers(dashboard()), finished);

        ParallelCoordinatesPlot* parallel = dashboard()->parallel();
        parallel->refreshNow();
        for (const TrialView& t : data().trials())
            if (t.row.state == TrialState::Completed)
                QCOMPARE(parallel->isFaded(t.row.id), !expected.contains(t.row.id));

        SlicePlot* slice = dashboard()->slice();
        slice->refreshNow();
        const QVector<qint64> sliced = slice->pointTrials();
        const QSet<qint64> completed = trialsWhere(data(), [&](const TrialView& t) {
            return expected.contains(t.row.id) && t.row.state == TrialState::Completed &&
                   t.params.contains(slice->parameter());
        });
        QCOMPARE(QSet<qint64>(sliced.begin(), sliced.end()), completed);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_fixture = m_dir.filePath(QStringLiteral("filters.db"));
        plotstore::writeStore(m_fixture);
    }

    void init()
    {
        m_db = m_dir.filePath(QStringLiteral("test-%1.db").arg(++m_copies));
        QVERIFY(QFile::copy(m_fixture, m_db));
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1500, 1000);
        QVERIFY(plotstore::showIn(*m_window, m_db, static_cast<int>(plotstore::trials().size())));
        m_window->tabs()->setCurrentWidget(dashboard());
        dashboard()->showBottomTab(0);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        dashboard()->parallel()->refreshNow();
        QVERIFY(!data().isFiltered());
    }

    void cleanup() { m_window.reset(); }

    // A drag along the layers axis keeps exactly the trials with layers in range, in the
    // table and every plot; a second axis narrows it (AND); a click on an axis clears its brush.
    void brushKeepsTrialsInRange()
    {
        ParallelCoordinatesPlot* parallel = dashboard()->parallel();
        const int layers = static_cast<int>(parallel->axisTitles().indexOf(QStringLiteral("layers")));
        const int optimizer = static_cast<int>(parallel->axisTitles().indexOf(QStringLiteral("optimizer")));
        QVERIFY(layers >= 0 && optimizer >= 0);
        QSignalSpy changed(&data(), &ExperimentData::filterChanged);

        // layers 2.5 .. 6.5 on the axis [1, 9]
        dragAlong(parallel, layers, (2.5 - 1) / 8, (6.5 - 1) / 8);
        QVERIFY(!changed.isEmpty());
        const auto span = parallel->brushOf(layers);
        QVERIFY(span.has_value());
        QVERIFY(std::abs(span->first - 1.5 / 8) < 0.02 && std::abs(span->second - 5.5 / 8) < 0.02);
        const QSet<qint64> midLayers = trialsWhere(data(), [](const TrialView& t) {
            const int n = t.params.value(QStringLiteral("layers")).toInt();
            return n >= 3 && n <= 6;
        });
        QCOMPARE(midLayers.size(), 5);
        checkViewsShow(midLayers);
        QVERIFY(dashboard()->table()->findChild<QLabel*>()->isVisible());

        // And optimizer sgd: the top level of its axis.
        dragAlong(parallel, optimizer, 0.8, 1.02); // beyond the top: the brush stops at the axis' end
        const QSet<qint64> sgd = trialsWhere(data(), [](const TrialView& t) { return t.params.value(QStringLiteral("optimizer")).toString() == QLatin1String("sgd"); });
        checkViewsShow(midLayers & sgd);
        QCOMPARE((midLayers & sgd).size(), 3);

        // A click on the layers axis clears its brush, and selects no trial.
        QTest::mouseClick(parallel->plot(), Qt::LeftButton, {}, axisPixel(parallel->plot(), layers, 0.5));
        QVERIFY(!parallel->brushOf(layers).has_value());
        QVERIFY(parallel->brushOf(optimizer).has_value());
        QCOMPARE(data().selectedTrial(), -1);
        checkViewsShow(sgd);

        QTest::mouseClick(parallel->plot(), Qt::LeftButton, {}, axisPixel(parallel->plot(), optimizer, 0.5));
        QVERIFY(!data().isFiltered());
        checkViewsShow(trialsWhere(data(), [](const TrialView&) { return true; }));
    }

    // A trial that arrives while a brush is set is shown or hidden by it too.
    void newTrialsMeetTheBrush()
    {
        ParallelCoordinatesPlot* parallel = dashboard()->parallel();
        const int layers = static_cast<int>(parallel->axisTitles().indexOf(QStringLiteral("layers")));
        parallel->setBrush(layers, 0.0, 2.5 / 8); // layers 1 .. 3.5
        auto fewLayers = [](const TrialView& t) { return t.params.value(QStringLiteral("layers")).toInt() <= 3; };
        QCOMPARE(trialsWhere(data(), fewLayers).size(), 3);
        checkViewsShow(trialsWhere(data(), fewLayers));

        {
            tb::engine::Store store(m_db);
            const qint64 experiment = data().experiment().id;
            plotstore::addTrial(store, experiment, {0.004, 2, "adam", std::nullopt, TrialState::Completed, 0.15});
            plotstore::addTrial(store, experiment, {0.004, 8, "adam", std::nullopt, TrialState::Completed, 0.10});
        }
        m_window->session()->pollNow();
        QVERIFY(QTest::qWaitFor([this] { return data().trials().size() == 12 && data().trials().last().curve.size() == 5; }, 15000));
        const QSet<qint64> expected = trialsWhere(data(), fewLayers);
        QCOMPARE(expected.size(), 4);
        checkViewsShow(expected);
    }

    // The table's state filter is the plots' filter: "pruned" shows only pruned trials.
    void tableFilterDrivesPlots()
    {
        TrialTable* table = dashboard()->table();
        QComboBox* state = table->stateFilter();
        state->setCurrentIndex(state->findData(QStringLiteral("pruned")));
        const QSet<qint64> pruned = trialsWhere(data(), [](const TrialView& t) { return t.row.state == TrialState::Pruned; });
        QCOMPARE(pruned.size(), 2);
        checkViewsShow(pruned);

        // The text filter too: "sgd" (the optimizer column) with every state.
        state->setCurrentIndex(0);
        table->textFilter()->setText(QStringLiteral("SGD"));
        const QSet<qint64> sgd = trialsWhere(data(), [](const TrialView& t) { return t.params.value(QStringLiteral("optimizer")).toString() == QLatin1String("sgd"); });
        QCOMPARE(sgd.size(), 5);
        checkViewsShow(sgd);

        // Brushes combine with it; "Show all" clears both.
        ParallelCoordinatesPlot* parallel = dashboard()->parallel();
        const int lr = static_cast<int>(parallel->axisTitles().indexOf(QStringLiteral("lr")));
        parallel->setBrush(lr, 0.0, 0.5); // lr 1e-4 .. 1e-2 on the log axis
        const QSet<qint64> lowLr = trialsWhere(data(), [](const TrialView& t) { return t.params.value(QStringLiteral("lr")).toDouble() <= 0.01 + 1e-12; });
        checkViewsShow(sgd & lowLr);
        QToolButton* showAll = nullptr;
        for (QToolButton* b : table->findChildren<QToolButton*>())
            if (b->text() == QLatin1String("Show all"))
                showAll = b;
        QVERIFY(showAll && showAll->isVisible());
        QTest::mouseClick(showAll, Qt::LeftButton);
        QVERIFY(!data().isFiltered());
        QVERIFY(table->textFilter()->text().isEmpty());
        QVERIFY(!parallel->brushOf(lr).has_value());
        QVERIFY(!showAll->isVisible());
        checkViewsShow(trialsWhere(data(), [](const TrialView&) { return true; }));
    }

    // A trial without the conditional momentum meets its axis at the inactive slot, and a
    // brush on the slot keeps exactly those trials.
    void inactiveParameterInItsSlot()
    {
        ParallelCoordinatesPlot* parallel = dashboard()->parallel();
        const int momentum = static_cast<int>(parallel->axisTitles().indexOf(QStringLiteral("momentum")));
        QVERIFY(momentum >= 0);
        for (const TrialView& t : data().trials()) {
            if (t.row.state != TrialState::Completed)
                continue;
            const QVector<QPointF> line = parallel->polylineOf(t.row.id);
            QCOMPARE(line.size(), parallel->axisTitles().size()); // no axis skipped
            const QPointF atMomentum = line[momentum];
            QCOMPARE(atMomentum.x(), double(momentum));
            if (t.params.contains(QStringLiteral("momentum"))) {
                const double m = t.params.value(QStringLiteral("momentum")).toDouble();
                QVERIFY(std::abs(atMomentum.y() - (m - 0.5) / (0.99 - 0.5)) < 1e-12);
            } else {
                QCOMPARE(atMomentum.y(), ParallelCoordinatesPlot::kInactivePosition);
            }
        }
        dragAlong(parallel, momentum, ParallelCoordinatesPlot::kInactivePosition - 0.03, ParallelCoordinatesPlot::kInactivePosition + 0.03);
        const QSet<qint64> adam = trialsWhere(data(), [](const TrialView& t) { return !t.params.contains(QStringLiteral("momentum")); });
        QCOMPARE(adam.size(), 5);
        checkViewsShow(adam);
    }
};

QTEST_MAIN(TestFilters)
#include "tst_filters.moc"
