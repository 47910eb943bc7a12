// The views of several objectives and constraints: the Pareto plot's front is the feasible,
// non-dominated trials and infeasible trials are marked apart; clicking a point selects
// the trial in the table; the table has a column per objective and a Feasible column;
// the history shows a hypervolume that never falls; the Pipeline view of a front trial is
// one click away; single-objective experiments keep their views. On a real store whose
// trials were asked and told through engine::Study, as tunebench-cli ask/tell does.

#include "widgets/dashboard.h"
#include "widgets/main_window.h"
#include "widgets/models/experiment_data.h"
#include "widgets/models/language.h"
#include "widgets/models/store_session.h"
#include "widgets/plots/plots.h"
#include "widgets/trial_detail.h"
#include "widgets/trial_table.h"

#include "engine/core/pareto_set.h"
#include "engine/core/spec.h"
#include "engine/core/store.h"
#include "engine/core/study.h"
#include "widgets/plots/importance_plot.h"

#include <QAction>
#include <QComboBox>
#include <QImage>
#include <QJsonDocument>
#include <QLocale>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <memory>
#include <qcustomplot.h>

using namespace tb::widgets;
using tb::algorithms::TrialState;

namespace {

// A trial as told: its objectives' values and the constrained metric (mem_gb, at most 10).
struct Told {
    std::vector<double> values;
    double mem = 1;
    TrialState state = TrialState::Completed;
};

// Two objectives, both minimized, and a memory cap. Numbers 0, 1 and 4 are the feasible
// front; 2 would beat them all but breaks the cap; 3 and 5 are dominated (by 0 and 1);
// 6 failed.
const QVector<Told>& twoObjectives()
{
    static const QVector<Told> t{
        {{0.5, 10}, 5}, {{0.3, 20}, 5}, {{0.2, 30}, 12}, {{0.6, 15}, 5}, {{0.1, 40}, 8}, {{0.4, 25}, 5}, {{}, 5, TrialState::Failed},
    };
    return t;
}

// Three objectives: loss (minimize), accuracy (maximize), latency (minimize); no
// constraints. Number 2 is dominated by 1; the others form the set.
const QVector<Told>& threeObjectives()
{
    static const QVector<Told> t{{{0.5, 0.8, 10}}, {{0.3, 0.7, 20}}, {{0.4, 0.6, 30}}, {{0.2, 0.9, 50}}, {{0.6, 0.75, 5}}};
    return t;
}

QByteArray spec(const QString& name, const QString& objectives, const QString& constraints, const QString& program = QStringLiteral("true"))
{
    return QStringLiteral("{\"name\": \"%1\", %2 %3"
                          " \"space\": [{\"name\": \"x\", \"type\": \"float\", \"low\": 0, \"high\": 1}],"
                          " \"algorithm\": {\"name\": \"%4\", \"seed\": 1},"
                          " \"trial\": {\"argv\": [\"%5\", \"--x=${x}\"]}}")
        .arg(name, objectives, constraints.isEmpty() ? QString() : constraints + QStringLiteral(","),
             objectives.startsWith(QLatin1String("\"objectives\"")) ? QStringLiteral("nsga2") : QStringLiteral("random"), program)
        .toUtf8();
}

const QString kTwo = QStringLiteral("\"objectives\": [{\"metric\": \"loss\", \"direction\": \"minimize\"},"
                                    " {\"metric\": \"latency_ms\", \"direction\": \"minimize\"}],");
const QString kThree = QStringLiteral("\"objectives\": [{\"metric\": \"loss\", \"direction\": \"minimize\"},"
                                      " {\"metric\": \"accuracy\", \"direction\": \"maximize\"},"
                                      " {\"metric\": \"latency_ms\", \"direction\": \"minimize\"}],");
const QString kMaxMin = QStringLiteral("\"objectives\": [{\"metric\": \"loss\", \"direction\": \"maximize\"},"
                                       " {\"metric\": \"latency_ms\", \"direction\": \"minimize\"}],");
const QString kOne = QStringLiteral("\"objective\": {\"metric\": \"loss\", \"direction\": \"minimize\"},");
const QString kCap = QStringLiteral("\"constraints\": [{\"metric\": \"mem_gb\", \"max\": 10}]");

// Creates the experiment and asks and tells its trials through engine::Study, with each
// objective and mem_gb also reported as metrics, as a trial prints them.
void makeExperiment(tb::engine::Store& store, const QByteArray& json, const QVector<Told>& trials)
{
    tb::engine::ParseOptions options;
    options.requireTrial = false;
    const tb::engine::ExperimentSpec parsed = tb::engine::parseSpec(json, options);
    store.createExperiment(parsed.name, QJsonDocument(parsed.json).toJson(QJsonDocument::Compact));
    tb::engine::Study study(store, tb::engine::Study::find(store, parsed.name));
    const QStringList metrics = parsed.objectiveMetrics();
    double time = 1000;
    for (const Told& t : trials) {
        const auto row = study.ask(TrialState::Running);
        QVERIFY(row);
        std::vector<tb::engine::MetricRow> reports{{row->id, row->attempt, 1, QStringLiteral("mem_gb"), t.mem, time += 1}};
        for (std::size_t i = 0; i < t.values.size() && static_cast<int>(i) < metrics.size(); ++i)
            reports.push_back({row->id, row->attempt, 1, metrics.value(static_cast<int>(i)), t.values[i], time += 1});
        tb::engine::TrialScore score;
        std::optional<double> value;
        if (t.state == TrialState::Completed) {
            value = t.values.front();
            if (parsed.multiObjective())
                score.values = t.values;
            QString missing;
            score.violation = study.violationOf({{QStringLiteral("mem_gb"), t.mem}}, &missing);
        }
        study.tell(*row, t.state, value, std::nullopt, t.state == TrialState::Failed ? QStringLiteral("told failed") : QString(), reports, {},
                   nullptr, score);
    }
}

// The feasible trials that no other feasible one dominates, by number (the test's own
// reading of the definition, smaller is better after `signs`).
QVector<qint64> expectedFront(const QVector<Told>& trials, const std::vector<double>& signs, bool capped)
{
    auto usable = [&](const Told& t) { return t.state == TrialState::Completed && (!capped || t.mem <= 10); };
    auto dominates = [&](const Told& a, const Told& b) {
        bool better = false;
        for (std::size_t i = 0; i < signs.size(); ++i) {
            if (signs[i] * a.values[i] > signs[i] * b.values[i])
                return false;
            better = better || signs[i] * a.values[i] < signs[i] * b.values[i];
        }
        return better;
    };
    QVector<qint64> out;
    for (qsizetype i = 0; i < trials.size(); ++i)
        if (usable(trials[i]) && std::none_of(trials.begin(), trials.end(), [&](const Told& o) { return usable(o) && dominates(o, trials[i]); }))
            out << i;
    return out;
}

// Loads an experiment of the store into `data` as the window's follower would.
void load(ExperimentData& data, tb::engine::Store& store, const QString& name)
{
    const auto experiment = store.experiment(name);
    QVERIFY(experiment);
    data.reset(*experiment);
    QVector<tb::engine::TrialRow> rows;
    QVector<tb::engine::MetricRow> metrics;
    for (const tb::engine::TrialRow& t : store.trials(experiment->id)) {
        rows << t;
        for (const tb::engine::MetricRow& m : store.metrics(t.id))
            metrics << m;
    }
    data.setTrials(experiment->id, rows);
    data.appendMetrics(experiment->id, metrics);
}

qint64 idOfNumber(const ExperimentData& data, qint64 number)
{
    for (const TrialView& t : data.trials())
        if (t.row.number == number)
            return t.row.id;
    return -1;
}

QStringList headers(const QAbstractItemModel* model)
{
    QStringList out;
    for (int c = 0; c < model->columnCount(); ++c)
        out << model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    return out;
}

} // namespace

class TestParetoView : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<tb::engine::Store> m_store;
    std::unique_ptr<ExperimentData> m_data;
    std::unique_ptr<Dashboard> m_dashboard;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("pareto.db"));
        m_store = std::make_unique<tb::engine::Store>(m_db);
        makeExperiment(*m_store, spec(QStringLiteral("one"), kOne, kCap), twoObjectives());
        makeExperiment(*m_store, spec(QStringLiteral("three"), kThree, QString()), threeObjectives());
        makeExperiment(*m_store, spec(QStringLiteral("trainer"), kMaxMin, QString(), QStringLiteral("tunebench-train")), twoObjectives());
        makeExperiment(*m_store, spec(QStringLiteral("two"), kTwo, kCap), twoObjectives());
    }

    void init()
    {
        m_data = std::make_unique<ExperimentData>();
        m_dashboard = std::make_unique<Dashboard>(*m_data, m_db);
        m_dashboard->resize(1200, 800);
        m_dashboard->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dashboard.get()));
    }

    void cleanup()
    {
        m_dashboard.reset();
        m_data.reset();
    }

    void frontIsTheFeasibleNonDominatedTrials()
    {
        load(*m_data, *m_store, QStringLiteral("two"));
        QVERIFY(m_dashboard->isBottomTabShown(Dashboard::ParetoTab));
        ParetoPlot* pareto = m_dashboard->pareto();
        QVERIFY(pareto->isVisible()); // shown first for several objectives
        pareto->refreshNow();
        const QVector<qint64> front = expectedFront(twoObjectives(), {1, 1}, true);
        QCOMPARE(front, (QVector<qint64>{0, 1, 4}));
        QCOMPARE(pareto->paretoTrials(), front);
        QCOMPARE(pareto->infeasibleTrials(), (QVector<qint64>{2}));
        QCOMPARE(pareto->feasibleTrials(), (QVector<qint64>{3, 5}));
        // The staircase through (0.1, 40), (0.3, 20), (0.5, 10), turning where both neighbours dominate.
        QCOMPARE(pareto->frontLine(), (QVector<QPointF>{{0.1, 40}, {0.3, 40}, {0.3, 20}, {0.5, 20}, {0.5, 10}}));
        QCOMPARE(pareto->plot()->xAxis->label(), QStringLiteral("loss (minimize)"));
        QCOMPARE(pareto->plot()->yAxis->label(), QStringLiteral("latency_ms (minimize)"));
        QVERIFY(!pareto->xChooser()->isVisible()); // two objectives: nothing to choose
        QVERIFY(!pareto->scheduleAction()->isVisible()); // not run by tunebench-train
        // The set agrees with the engine's.
        QVector<qint64> engineSet;
        for (const auto& t : m_data->paretoSet().trials)
            engineSet << t.number;
        QCOMPARE(engineSet, front);
        // Infeasible trials are drawn apart: hollow grey crosses, named in the legend.
        const QCPLegend* legend = pareto->plot()->legend;
        QStringList names;
        for (int i = 0; i < legend->itemCount(); ++i)
            if (auto* item = qobject_cast<QCPPlottableLegendItem*>(legend->item(i)))
                names << item->plottable()->name();
        QCOMPARE(names, (QStringList{"Pareto front", "dominated", "infeasible"}));
    }

    void clickingAPointSelectsTheTrial()
    {
        load(*m_data, *m_store, QStringLiteral("two"));
        ParetoPlot* pareto = m_dashboard->pareto();
        pareto->refreshNow();
        const qint64 id = idOfNumber(*m_data, 1);
        const auto pixel = pareto->pixelOf(id);
        QVERIFY(pixel);
        QTest::mouseClick(pareto->plot(), Qt::LeftButton, {}, pixel->toPoint());
        QCOMPARE(m_data->selectedTrial(), id);
        QCOMPARE(m_dashboard->table()->view()->currentIndex().data(TrialTableModel::TrialIdRole).toLongLong(), id);
        QCOMPARE(m_dashboard->detail()->shownTrial(), id);
        // Highlighted in the plot.
        pareto->refreshNow();
        const auto* selected = pareto->plot()->graph(pareto->plot()->graphCount() - 1);
        QCOMPARE(selected->dataCount(), 1);
        QCOMPARE(selected->data()->at(0)->key, 0.3);
        // The detail names every objective and the feasibility.
        const QString summary = m_dashboard->detail()->summaryText();
        QVERIFY2(summary.contains(QStringLiteral("loss = 0.3")) && summary.contains(QStringLiteral("latency_ms = 20")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Feasible")) && summary.contains(QStringLiteral("Pareto set")), qPrintable(summary));
        // An infeasible one says which constraint it breaks.
        m_data->select(idOfNumber(*m_data, 2));
        QVERIFY2(m_dashboard->detail()->summaryText().contains(QStringLiteral("mem_gb = 12 (at most 10)")),
                 qPrintable(m_dashboard->detail()->summaryText()));
        // And selecting in the table moves the plot's highlight.
        m_data->select(idOfNumber(*m_data, 4));
        pareto->refreshNow();
        QCOMPARE(selected->data()->at(0)->key, 0.1);
    }

    void tableHasObjectiveAndFeasibleColumns()
    {
        load(*m_data, *m_store, QStringLiteral("two"));
        TrialTableModel* model = m_dashboard->table()->model();
        QCOMPARE(headers(model), (QStringList{"Trial", "#", "State", "loss", "latency_ms", "Feasible", "Duration", "Attempt", "Reason", "x"}));
        const int latency = model->columns().of(TrialTableModel::Value, 1);
        const int feasible = model->columns().of(TrialTableModel::Feasible);
        QCOMPARE(latency, 4);
        QCOMPARE(feasible, 5);
        auto cell = [&](qint64 number, int column, int role = Qt::DisplayRole) {
            return model->index(m_data->indexOf(idOfNumber(*m_data, number)), column).data(role);
        };
        QCOMPARE(cell(1, latency).toString(), QStringLiteral("20"));
        QCOMPARE(cell(1, feasible).toString(), QStringLiteral("yes"));
        QCOMPARE(cell(2, feasible).toString(), QStringLiteral("no"));
        QVERIFY2(cell(2, feasible, Qt::ToolTipRole).toString().contains(QStringLiteral("mem_gb = 12 (at most 10)")),
                 qPrintable(cell(2, feasible, Qt::ToolTipRole).toString()));
        QVERIFY(cell(6, feasible).toString().isEmpty()); // failed: not judged
        QCOMPARE(cell(6, model->columns().of(TrialTableModel::Reason)).toString(), QStringLiteral("told failed"));

        // Sorting by an objective and by feasibility.
        QTableView* view = m_dashboard->table()->view();
        auto numbers = [&] { // the failed #6 left out: it has no value to sort by
            QVector<qint64> out;
            for (int r = 0; r < view->model()->rowCount(); ++r)
                if (const qint64 n = m_data->trial(view->model()->index(r, 0).data(TrialTableModel::TrialIdRole).toLongLong())->row.number; n != 6)
                    out << n;
            return out;
        };
        view->sortByColumn(latency, Qt::AscendingOrder);
        QCOMPARE(numbers(), (QVector<qint64>{0, 3, 1, 5, 2, 4}));
        view->sortByColumn(latency, Qt::DescendingOrder);
        QCOMPARE(numbers(), (QVector<qint64>{4, 2, 5, 1, 3, 0}));
        view->sortByColumn(feasible, Qt::DescendingOrder);
        QCOMPARE(numbers().first(), 2); // the infeasible one first
        // The text filter searches the new columns too.
        m_dashboard->table()->filter()->setText(QStringLiteral("no"));
        QCOMPARE(m_data->passingCount(), 1);
        m_dashboard->table()->showAll();
    }

    void historyShowsHypervolume()
    {
        load(*m_data, *m_store, QStringLiteral("two"));
        HistoryPlot* history = m_dashboard->history();
        history->refreshNow();
        QCOMPARE(history->title(), QStringLiteral("Hypervolume history"));
        QCOMPARE(history->plot()->yAxis->label(), QStringLiteral("hypervolume"));
        const QVector<QPointF> hv = history->hypervolume();
        QCOMPARE(hv.size(), 6); // the completed trials
        for (qsizetype i = 1; i < hv.size(); ++i) {
            QVERIFY(hv[i].x() > hv[i - 1].x());
            QVERIFY2(hv[i].y() >= hv[i - 1].y(), qPrintable(QStringLiteral("falls at trial #%1").arg(hv[i].x())));
        }
        QVERIFY(hv.first().y() > 0);
        QCOMPARE(hv.last().y(), m_data->paretoSet().hypervolume);
        // The infeasible trial #2 adds nothing; the dominated #3 and #5 add nothing.
        QCOMPARE(hv[2].y(), hv[1].y());
        QCOMPARE(hv[3].y(), hv[2].y());
        QCOMPARE(hv[5].y(), hv[4].y());
        // The reference point is named: derived from the front (worst + 10 % of the range).
        QCOMPARE(history->referenceText(), QStringLiteral("reference: loss 0.54, latency_ms 43 (from the trials)"));
    }

    void threeObjectivesChooseThePair()
    {
        load(*m_data, *m_store, QStringLiteral("three"));
        ParetoPlot* pareto = m_dashboard->pareto();
        pareto->refreshNow();
        QVERIFY(pareto->xChooser()->isVisible());
        QCOMPARE(pareto->objectives(), (QStringList{"loss", "accuracy", "latency_ms"}));
        const QVector<qint64> set = expectedFront(threeObjectives(), {1, -1, 1}, false);
        QCOMPARE(set, (QVector<qint64>{0, 1, 3, 4}));
        QCOMPARE(pareto->paretoTrials(), set);
        QCOMPARE(pareto->feasibleTrials(), (QVector<qint64>{2}));
        QVERIFY(pareto->infeasibleTrials().isEmpty());
        QVERIFY(pareto->frontLine().isEmpty()); // no staircase in a projection
        QCOMPARE(pareto->plot()->yAxis->label(), QStringLiteral("accuracy (maximize)"));

        QVERIFY(pareto->setObjectives(QStringLiteral("latency_ms"), QStringLiteral("loss")));
        pareto->refreshNow();
        QCOMPARE(pareto->plot()->xAxis->label(), QStringLiteral("latency_ms (minimize)"));
        QCOMPARE(pareto->xChooser()->currentText(), QStringLiteral("latency_ms"));
        QVERIFY(!pareto->setObjectives(QStringLiteral("loss"), QStringLiteral("loss")));
        QVERIFY(!pareto->setObjectives(QStringLiteral("nope"), QStringLiteral("loss")));
        // Choosing the other axis' objective swaps the pair.
        pareto->yChooser()->setCurrentIndex(2);
        emit pareto->yChooser()->activated(2);
        QCOMPARE(pareto->xObjective(), 0);
        QCOMPARE(pareto->yObjective(), 2);
        // No constraints: no Feasible column; one Value column per objective.
        QCOMPARE(headers(m_dashboard->table()->model()).mid(3, 4), (QStringList{"loss", "accuracy", "latency_ms", "Duration"}));
    }

    void pipelineOfAFrontTrialIsOneClickAway()
    {
        load(*m_data, *m_store, QStringLiteral("trainer"));
        ParetoPlot* pareto = m_dashboard->pareto();
        pareto->refreshNow();
        // Loss maximized here, latency minimized (and no constraint): #0 and #3 are the
        // front, and the staircase turns at the corner that both dominate.
        QCOMPARE(pareto->paretoTrials(), expectedFront(twoObjectives(), {-1, 1}, false));
        QCOMPARE(pareto->paretoTrials(), (QVector<qint64>{0, 3}));
        QCOMPARE(pareto->frontLine(), (QVector<QPointF>{{0.5, 10}, {0.5, 15}, {0.6, 15}}));
        QCOMPARE(pareto->plot()->xAxis->label(), QStringLiteral("loss (maximize)"));
        QVERIFY(pareto->scheduleAction()->isVisible());
        QSignalSpy asked(m_dashboard.get(), &Dashboard::scheduleRequested);
        const qint64 id = idOfNumber(*m_data, 3);
        QTest::mouseClick(pareto->plot(), Qt::LeftButton, {}, pareto->pixelOf(id)->toPoint());
        pareto->scheduleAction()->trigger();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().first().toLongLong(), id);
    }

    void singleObjectiveLooksAsBefore()
    {
        load(*m_data, *m_store, QStringLiteral("two"));
        load(*m_data, *m_store, QStringLiteral("one"));
        QVERIFY(!m_dashboard->isBottomTabShown(Dashboard::ParetoTab));
        QVERIFY(!m_dashboard->pareto()->isVisible());
        TrialTableModel* model = m_dashboard->table()->model();
        // A constraint alone adds the Feasible column; the value column is the objective's.
        QCOMPARE(headers(model), (QStringList{"Trial", "#", "State", "loss", "Feasible", "Duration", "Attempt", "Reason", "x"}));
        HistoryPlot* history = m_dashboard->history();
        history->refreshNow();
        QCOMPARE(history->title(), QStringLiteral("Optimization history"));
        QVERIFY(history->hypervolume().isEmpty());
        QVERIFY(history->referenceText().isEmpty());
        QCOMPARE(history->values().size(), 6);
    }

    // Importance per objective (issue 17, point 3): loss follows x and latency_ms y; the
    // plot's chooser picks whose variance the shares are of. One objective: no chooser.
    void importanceOfEachObjective()
    {
        const QByteArray json = R"({"name": "xy", "objectives": [{"metric": "loss"}, {"metric": "latency_ms"}],
            "space": [{"name": "x", "type": "float", "low": 0, "high": 1}, {"name": "y", "type": "float", "low": 0, "high": 1}],
            "algorithm": {"name": "random", "seed": 3}, "trial": {"argv": ["true"]}})";
        tb::engine::ParseOptions options;
        options.requireTrial = false;
        const tb::engine::ExperimentSpec parsed = tb::engine::parseSpec(json, options);
        if (!m_store->experiment(parsed.name)) {
            m_store->createExperiment(parsed.name, QJsonDocument(parsed.json).toJson(QJsonDocument::Compact));
            tb::engine::Study study(*m_store, tb::engine::Study::find(*m_store, parsed.name));
            for (int i = 0; i < 16; ++i) {
                const auto row = study.ask(TrialState::Running);
                const QJsonObject p = QJsonDocument::fromJson(row->params).object();
                const double x = p.value(QStringLiteral("x")).toDouble(), y = p.value(QStringLiteral("y")).toDouble();
                tb::engine::TrialScore score;
                score.values = {x, y};
                study.tell(*row, TrialState::Completed, x, std::nullopt, {}, {}, {}, nullptr, score);
            }
        }
        load(*m_data, *m_store, QStringLiteral("xy"));
        ImportancePlot* importance = m_dashboard->importance();
        m_dashboard->showBottomTab(Dashboard::ImportanceTab);
        QTRY_VERIFY(importance->objectiveChooser()->isVisible());
        QCOMPARE(importance->objectiveChooser()->count(), 2);
        m_dashboard->showImportanceNow();
        QCOMPARE(importance->bars().first().first, QStringLiteral("x"));
        QVERIFY(importance->bars().first().second > 0.9);
        QCOMPARE(importance->plot()->xAxis->label(), QStringLiteral("share of loss's variance"));
        importance->setObjective(1);
        QVERIFY(importance->bars().isEmpty()); // the old shares were loss's
        m_dashboard->showImportanceNow();
        QCOMPARE(importance->bars().first().first, QStringLiteral("y"));
        QVERIFY(importance->bars().first().second > 0.9);
        QCOMPARE(importance->plot()->xAxis->label(), QStringLiteral("share of latency_ms's variance"));
        load(*m_data, *m_store, QStringLiteral("one"));
        QTRY_VERIFY(!importance->objectiveChooser()->isVisible()); // the tool bar lays out on its next event
        QCOMPARE(importance->objective(), 0);
    }

    // The real window shows the tab for the experiment it follows, and --render draws it.
    void windowShowsTheParetoTab()
    {
        MainWindow window;
        QVERIFY(window.openStore(m_db));
        window.session()->showExperiment(QStringLiteral("two"));
        window.session()->pollNow();
        QVERIFY(QTest::qWaitFor([&] { return window.data().experiment().name == QLatin1String("two") && window.data().trials().size() == 7; }, 15000));
        QVERIFY(window.dashboard()->isBottomTabShown(Dashboard::ParetoTab));
        const QString png = m_dir.filePath(QStringLiteral("pareto.png"));
        QCOMPARE(window.dashboard()->renderView(QStringLiteral("pareto"), png, QSize(600, 400), {}), QString());
        QVERIFY(QImage(png).size() == QSize(600, 400));
        QCOMPARE(window.dashboard()->renderView(QStringLiteral("pareto"), png, QSize(600, 400), {QStringLiteral("loss"), QStringLiteral("mem")}),
                 QStringLiteral("--y: no objective named 'mem'; one of loss, latency_ms"));
    }

    void chineseTexts()
    {
        QVERIFY(installTranslations(QLocale(QLocale::Chinese, QLocale::China)).tunebench);
        {
            ExperimentData data;
            Dashboard dashboard(data, m_db);
            load(data, *m_store, QStringLiteral("three"));
            dashboard.pareto()->refreshNow();
            dashboard.history()->refreshNow();
            for (const QString& text : {dashboard.pareto()->title(), dashboard.history()->title(), dashboard.pareto()->scheduleAction()->text(),
                                        dashboard.pareto()->plot()->xAxis->label(), dashboard.history()->referenceText()})
                QVERIFY2(std::any_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; }),
                         qPrintable(text));
        }
        installTranslations(QLocale(QLocale::English));
    }
};

QTEST_MAIN(TestParetoView)
#include "tst_pareto_view.moc"
