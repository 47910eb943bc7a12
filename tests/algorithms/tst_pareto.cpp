// Several objectives (algorithms/pareto.h): dominance, fronts, crowding, hypervolume and its
// contributions on cases worked out by hand, the same against pymoo on random sets
// (tests/fixtures/pareto_pymoo.json, made by tests/fixtures/make_pareto_fixture.py), and the
// views of a history: its feasible Pareto set, its oriented values, and what a
// single-objective sampler sees of a constrained one.

#include "algorithms/pareto.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>

using namespace tb::algorithms;

Q_DECLARE_METATYPE(tb::algorithms::Point)
Q_DECLARE_METATYPE(std::vector<tb::algorithms::Point>)
Q_DECLARE_METATYPE(std::vector<std::size_t>)

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

TrialRecord trial(std::int64_t number, TrialState state, std::vector<double> values, double violation = 0)
{
    TrialRecord t;
    t.number = number;
    t.state = state;
    if (!values.empty())
        t.value = values[0];
    if (values.size() > 1)
        t.values = values;
    t.violation = violation;
    return t;
}

QJsonArray fixtureCases()
{
    QFile file(QStringLiteral(TUNEBENCH_SOURCE_DIR "/tests/fixtures/pareto_pymoo.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("cases")).toArray();
}

Point toPoint(const QJsonArray& array)
{
    Point p;
    for (const QJsonValue& v : array)
        p.push_back(v.toDouble());
    return p;
}

bool near(double a, double b, double scale) { return std::abs(a - b) <= 1e-9 * std::max(1.0, scale); }

} // namespace

class TestPareto : public QObject {
    Q_OBJECT

private slots:
    void dominance_data()
    {
        QTest::addColumn<Point>("a");
        QTest::addColumn<Point>("b");
        QTest::addColumn<bool>("expected");
        QTest::newRow("better in both") << Point{1, 1} << Point{2, 2} << true;
        QTest::newRow("better in one, equal in the other") << Point{1, 2} << Point{2, 2} << true;
        QTest::newRow("equal") << Point{1, 2} << Point{1, 2} << false;
        QTest::newRow("trade-off") << Point{1, 3} << Point{2, 2} << false;
        QTest::newRow("worse") << Point{3, 3} << Point{2, 2} << false;
        QTest::newRow("three objectives") << Point{0, 0, 1} << Point{0, 0, 2} << true;
        QTest::newRow("one objective") << Point{-1} << Point{0} << true;
    }

    void dominance()
    {
        QFETCH(Point, a);
        QFETCH(Point, b);
        QFETCH(bool, expected);
        QCOMPARE(dominates(a, b), expected);
    }

    void constrainedDominance_data()
    {
        QTest::addColumn<Point>("a");
        QTest::addColumn<double>("violationA");
        QTest::addColumn<Point>("b");
        QTest::addColumn<double>("violationB");
        QTest::addColumn<bool>("expected");
        QTest::newRow("feasible beats infeasible, whatever the values") << Point{9, 9} << 0.0 << Point{0, 0} << 0.1 << true;
        QTest::newRow("infeasible never beats feasible") << Point{0, 0} << 0.1 << Point{9, 9} << 0.0 << false;
        QTest::newRow("less infeasible wins") << Point{9, 9} << 1.0 << Point{0, 0} << 2.0 << true;
        QTest::newRow("equally infeasible: neither") << Point{0, 0} << 1.0 << Point{9, 9} << 1.0 << false;
        QTest::newRow("both feasible: dominance") << Point{1, 1} << 0.0 << Point{2, 2} << 0.0 << true;
        QTest::newRow("both feasible: trade-off") << Point{1, 3} << 0.0 << Point{2, 2} << 0.0 << false;
    }

    void constrainedDominance()
    {
        QFETCH(Point, a);
        QFETCH(double, violationA);
        QFETCH(Point, b);
        QFETCH(double, violationB);
        QFETCH(bool, expected);
        QCOMPARE(constrainedDominates(a, violationA, b, violationB), expected);
    }

    void frontKeepsDuplicatesInInputOrder()
    {
        //   0: (3,1) front   1: (2,2) front   2: (3,3) dominated   3: (1,3) front
        //   4: (2,2) a copy of 1: front too   5: (1,4) dominated by 3
        const std::vector<Point> points = {{3, 1}, {2, 2}, {3, 3}, {1, 3}, {2, 2}, {1, 4}};
        QCOMPARE(paretoFront(points), (std::vector<std::size_t>{0, 1, 3, 4}));
        QCOMPARE(paretoFront({}), std::vector<std::size_t>{});
    }

    void nondominatedSortRanksFronts()
    {
        const std::vector<Point> points = {{3, 1}, {2, 2}, {3, 3}, {1, 3}, {4, 4}, {1, 4}};
        const auto fronts = nondominatedSort(points);
        QCOMPARE(fronts.size(), std::size_t(3));
        QCOMPARE(fronts[0], (std::vector<std::size_t>{0, 1, 3}));
        QCOMPARE(fronts[1], (std::vector<std::size_t>{2, 5}));
        QCOMPARE(fronts[2], (std::vector<std::size_t>{4}));
        // Stops once enough points are ranked, but never splits a front.
        QCOMPARE(nondominatedSort(points, {}, 2).size(), std::size_t(1));
        QCOMPARE(nondominatedSort(points, {}, 4).size(), std::size_t(2));
    }

    void nondominatedSortPutsInfeasibleLastByViolation()
    {
        // 1 and 3 are infeasible: after every feasible front, by violation; 3 and 5 tie.
        const std::vector<Point> points = {{3, 3}, {0, 0}, {2, 2}, {0, 1}, {1, 1}, {5, 5}};
        const std::vector<double> violations = {0, 2, 0, 0.5, 0, 0.5};
        const auto fronts = nondominatedSort(points, violations);
        QCOMPARE(fronts.size(), std::size_t(5));
        QCOMPARE(fronts[0], std::vector<std::size_t>{4});
        QCOMPARE(fronts[1], std::vector<std::size_t>{2});
        QCOMPARE(fronts[2], std::vector<std::size_t>{0});
        QCOMPARE(fronts[3], (std::vector<std::size_t>{3, 5}));
        QCOMPARE(fronts[4], std::vector<std::size_t>{1});
    }

    void crowding()
    {
        // Four points on a line from (0,3) to (3,0), in scrambled order: the ends are
        // infinitely far, each inner one has gaps 2/3 + 2/3.
        const std::vector<Point> points = {{9, 9}, {2, 1}, {0, 3}, {3, 0}, {1, 2}};
        const std::vector<double> d = crowdingDistance(points, {1, 2, 3, 4});
        QCOMPARE(d.size(), std::size_t(4));
        QCOMPARE(d[0], 4.0 / 3.0);
        QCOMPARE(d[1], kInf);
        QCOMPARE(d[2], kInf);
        QCOMPARE(d[3], 4.0 / 3.0);
        QCOMPARE(crowdingDistance(points, {0, 1}), (std::vector<double>{kInf, kInf}));
        // An objective on which all agree tells nobody apart.
        const std::vector<Point> flat = {{0, 5}, {1, 5}, {2, 5}};
        QCOMPARE(crowdingDistance(flat, {0, 1, 2}), (std::vector<double>{kInf, 1.0, kInf}));
    }

    void hypervolumeByHand_data()
    {
        QTest::addColumn<std::vector<Point>>("points");
        QTest::addColumn<Point>("reference");
        QTest::addColumn<double>("expected");
        QTest::newRow("empty") << std::vector<Point>{} << Point{1, 1} << 0.0;
        QTest::newRow("1-D") << std::vector<Point>{{3}, {1}, {2}} << Point{4} << 3.0;
        QTest::newRow("2-D, one box") << std::vector<Point>{{1, 1}} << Point{3, 4} << 6.0;
        // Two boxes of 2 that overlap in 1.
        QTest::newRow("2-D, two") << std::vector<Point>{{1, 2}, {2, 1}} << Point{3, 3} << 3.0;
        QTest::newRow("2-D, a dominated and a repeated point add nothing")
            << std::vector<Point>{{1, 2}, {2, 1}, {2, 2}, {1, 2}} << Point{3, 3} << 3.0;
        QTest::newRow("2-D, on or beyond the reference add nothing")
            << std::vector<Point>{{1, 2}, {3, 0}, {0, 5}} << Point{3, 3} << 2.0;
        QTest::newRow("3-D, one box") << std::vector<Point>{{0, 0, 0}} << Point{1, 2, 3} << 6.0;
        // Boxes 4 and 2, their intersection from (1,1,1) to (2,2,2): 1.
        QTest::newRow("3-D, two") << std::vector<Point>{{0, 0, 1}, {1, 1, 0}} << Point{2, 2, 2} << 5.0;
        // Three unit-cube corners of a 2-cube: 3 boxes of 2, pairwise overlaps of 1, all of 1.
        QTest::newRow("3-D, three") << std::vector<Point>{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}} << Point{2, 2, 2}
                                    << 3 * 4.0 - 3 * 2.0 + 1.0;
        QTest::newRow("3-D, negative values") << std::vector<Point>{{-1, -1, -1}, {0, 0, 0}} << Point{1, 1, 1} << 8.0;
        QTest::newRow("4-D, one box") << std::vector<Point>{{0, 0, 0, 0}} << Point{1, 2, 3, 4} << 24.0;
        QTest::newRow("4-D, two") << std::vector<Point>{{0, 0, 0, 1}, {1, 1, 1, 0}} << Point{2, 2, 2, 2} << 9.0;
        QTest::newRow("5-D, four corners") << std::vector<Point>{{1, 0, 0, 0, 0}, {0, 1, 0, 0, 0}, {0, 0, 1, 0, 0}, {0, 0, 0, 1, 0}}
                                           << Point{2, 2, 2, 2, 2} << 4 * 16.0 - 6 * 8.0 + 4 * 4.0 - 2.0;
    }

    void hypervolumeByHand()
    {
        QFETCH(std::vector<Point>, points);
        QFETCH(Point, reference);
        QFETCH(double, expected);
        QCOMPARE(hypervolume(points, reference), expected);
    }

    void contributionsByHand()
    {
        // (1,2) and (2,1) own 1 each of their 3; (2,2) is dominated, (1,2) is repeated, (0,5)
        // lies beyond the reference.
        const std::vector<Point> points = {{1, 2}, {2, 1}, {2, 2}, {0, 5}};
        QCOMPARE(hypervolumeContributions(points, {3, 3}), (std::vector<double>{1, 1, 0, 0}));
        const std::vector<Point> repeated = {{1, 2}, {2, 1}, {1, 2}};
        QCOMPARE(hypervolumeContributions(repeated, {3, 3}), (std::vector<double>{0, 1, 0}));
        // 3-D: the two boxes of "3-D, two" above own 3 and 1.
        QCOMPARE(hypervolumeContributions({{0, 0, 1}, {1, 1, 0}}, {2, 2, 2}), (std::vector<double>{3, 1}));
    }

    void subsetPicksGreedily()
    {
        // Boxes 5, 16, 5: (1,1) first; then (0,4) and (4,0) each add 1, the lower index wins;
        // (5,0) lies on the reference and comes last.
        const std::vector<Point> points = {{0, 4}, {1, 1}, {5, 0}, {4, 0}};
        QCOMPARE(hypervolumeSubset(points, 4, {5, 5}), (std::vector<std::size_t>{1, 0, 3, 2}));
        QCOMPARE(hypervolumeSubset(points, 1, {5, 5}), std::vector<std::size_t>{1});
        QCOMPARE(hypervolumeSubset(points, 9, {5, 5}).size(), std::size_t(4));
        // 3-D: the point that owns most of the volume once another is taken comes second.
        const std::vector<Point> three = {{0, 0, 0.9}, {0.1, 0.1, 0.1}, {0.2, 0.2, 0.2}, {0.9, 0, 0}};
        const auto picked = hypervolumeSubset(three, 2, {1, 1, 1});
        QCOMPARE(picked[0], std::size_t(1));
        QVERIFY(picked[1] != 2); // (0.2, 0.2, 0.2) is dominated by the first pick
    }

    void referenceFromTheFront()
    {
        QCOMPARE(defaultReference({{0, 5}, {10, 5}}), (Point{11, 6}));
        QCOMPARE(defaultReference({}), Point{});
    }

    void orientedValues()
    {
        History one;
        one.direction = Direction::Maximize;
        QCOMPARE(one.orientedValues(trial(0, TrialState::Completed, {2})), std::vector<double>{-2});
        QCOMPARE(one.orientedValues(trial(0, TrialState::Running, {})), std::vector<double>{});
        QCOMPARE(one.orientedValues(trial(0, TrialState::Completed, {std::nan("")})), std::vector<double>{});

        History two;
        two.directions = {Direction::Minimize, Direction::Maximize};
        QVERIFY(two.multiObjective());
        QCOMPARE(two.objectiveCount(), std::size_t(2));
        QCOMPARE(two.orientedValues(trial(0, TrialState::Completed, {1, 2})), (std::vector<double>{1, -2}));
        QCOMPARE(two.orientedValues(trial(0, TrialState::Completed, {1})), std::vector<double>{});
        QCOMPARE(two.orientedValues(trial(0, TrialState::Completed, {1, std::nan("")})), std::vector<double>{});
    }

    void paretoTrialsAreFeasibleCompletedAndNondominated()
    {
        History h;
        h.direction = Direction::Minimize;
        h.directions = {Direction::Minimize, Direction::Maximize};
        h.constrained = true;
        h.finished = {
            trial(0, TrialState::Completed, {1, 1}),      // front
            trial(1, TrialState::Completed, {2, 1}),      // dominated by 0
            trial(2, TrialState::Completed, {0, 9}, 0.5), // best, but infeasible
            trial(3, TrialState::Failed, {}),
            trial(4, TrialState::Pruned, {0, 9}),         // not completed
            trial(5, TrialState::Completed, {3, 4}),      // front: more of the maximised one
            trial(6, TrialState::Completed, {5}),         // too few values
        };
        QCOMPARE(paretoTrials(h), (std::vector<std::size_t>{0, 5}));
    }

    void constrainedViewRanksFeasibleFirst_data()
    {
        QTest::addColumn<int>("direction");
        QTest::newRow("minimize") << int(Direction::Minimize);
        QTest::newRow("maximize") << int(Direction::Maximize);
    }

    void constrainedViewRanksFeasibleFirst()
    {
        QFETCH(int, direction);
        History h;
        h.direction = Direction(direction);
        h.constrained = true;
        const double sign = h.direction == Direction::Minimize ? 1 : -1;
        // Infeasible trials with the best values of all, and a failed one.
        h.finished = {trial(0, TrialState::Completed, {sign * 1}), trial(1, TrialState::Completed, {sign * -5}, 2.0),
                      trial(2, TrialState::Completed, {sign * 3}), trial(3, TrialState::Completed, {sign * -9}, 0.5),
                      trial(4, TrialState::Failed, {}, 7.0)};
        const History view = constrainedView(h);
        QCOMPARE(view.finished.size(), h.finished.size());
        const auto o = [&](int i) { return view.oriented(*view.finished[static_cast<std::size_t>(i)].value); };
        QCOMPARE(o(0), 1.0); // feasible values unchanged
        QCOMPARE(o(2), 3.0);
        QVERIFY(o(3) > o(2)); // every infeasible one worse than every feasible one
        QVERIFY(o(1) > o(3)); // and more infeasible ones worse still
        QVERIFY(o(1) <= 3.0 + 2 * (3.0 - 1.0)); // within reach of the feasible range
        QVERIFY(!view.finished[4].value);

        // No feasible trial yet: the violation itself is minimised.
        History none = h;
        none.finished = {h.finished[1], h.finished[3]};
        const History v2 = constrainedView(none);
        QCOMPARE(v2.oriented(*v2.finished[0].value), 2.0);
        QCOMPARE(v2.oriented(*v2.finished[1].value), 0.5);

        // Without constraints: the history itself.
        History free = h;
        free.constrained = false;
        QCOMPARE(*constrainedView(free).finished[1].value, sign * -5);
    }

    void matchesPymoo_data()
    {
        QTest::addColumn<QJsonObject>("fixture");
        const QJsonArray cases = fixtureCases();
        QVERIFY2(!cases.isEmpty(), "tests/fixtures/pareto_pymoo.json is missing or empty");
        for (const QJsonValue& c : cases)
            QTest::newRow(qPrintable(c.toObject().value(QStringLiteral("name")).toString())) << c.toObject();
    }

    void matchesPymoo()
    {
        QFETCH(QJsonObject, fixture);
        std::vector<Point> points;
        for (const QJsonValue& p : fixture.value(QStringLiteral("points")).toArray())
            points.push_back(toPoint(p.toArray()));
        const Point reference = toPoint(fixture.value(QStringLiteral("reference")).toArray());
        const double expected = fixture.value(QStringLiteral("hypervolume")).toDouble();

        const double hv = hypervolume(points, reference);
        QVERIFY2(near(hv, expected, expected), qPrintable(QStringLiteral("%1 != pymoo's %2").arg(hv, 0, 'g', 17).arg(expected, 0, 'g', 17)));

        const QJsonArray ranks = fixture.value(QStringLiteral("ranks")).toArray();
        const auto fronts = nondominatedSort(points);
        std::vector<int> rank(points.size(), -1);
        for (std::size_t f = 0; f < fronts.size(); ++f)
            for (std::size_t i : fronts[f])
                rank[i] = static_cast<int>(f);
        for (std::size_t i = 0; i < points.size(); ++i)
            QCOMPARE(rank[i], ranks[static_cast<qsizetype>(i)].toInt());

        std::vector<std::size_t> front;
        for (const QJsonValue& i : fixture.value(QStringLiteral("front")).toArray())
            front.push_back(static_cast<std::size_t>(i.toInt()));
        QCOMPARE(paretoFront(points), front);
        // pymoo divides the sum over objectives by their number.
        const QJsonArray crowding = fixture.value(QStringLiteral("crowding")).toArray();
        const std::vector<double> d = crowdingDistance(points, front);
        for (std::size_t j = 0; j < front.size(); ++j) {
            const QJsonValue theirs = crowding[static_cast<qsizetype>(j)];
            if (theirs.isNull())
                QCOMPARE(d[j], kInf);
            else
                QVERIFY(near(d[j] / static_cast<double>(reference.size()), theirs.toDouble(), 1.0));
        }

        const QJsonArray contributions = fixture.value(QStringLiteral("contributions")).toArray();
        const std::vector<double> mine = hypervolumeContributions(points, reference);
        for (std::size_t i = 0; i < points.size(); ++i)
            QVERIFY2(near(mine[i], contributions[static_cast<qsizetype>(i)].toDouble(), expected),
                     qPrintable(QStringLiteral("point %1: %2 != %3").arg(i).arg(mine[i]).arg(contributions[static_cast<qsizetype>(i)].toDouble())));
    }
};

QTEST_GUILESS_MAIN(TestPareto)
#include "tst_pareto.moc"
