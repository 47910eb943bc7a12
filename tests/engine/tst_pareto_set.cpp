// The Pareto set as people read it (engine/core/pareto_set): its hypervolume and the
// hypervolume history agree with the exact hypervolume of algorithms/pareto (itself checked
// against pymoo in tst_pareto), for 2 to 6 objectives, maximized ones included.

#include "engine/core/pareto_set.h"

#include "algorithms/pareto.h"

#include <QTest>
#include <cmath>
#include <random>

using namespace tb;

namespace {

engine::ExperimentSpec specOf(int objectives, bool maximizeSecond)
{
    QString list;
    for (int i = 0; i < objectives; ++i)
        list += QStringLiteral("%1{\"metric\": \"f%2\", \"direction\": \"%3\"}")
                    .arg(i ? QStringLiteral(", ") : QString())
                    .arg(i)
                    .arg(i == 1 && maximizeSecond ? QStringLiteral("maximize") : QStringLiteral("minimize"));
    return engine::parseSpec(QStringLiteral("{\"name\": \"x\", \"objectives\": [%1], \"space\": [{\"name\": \"a\", \"type\": \"float\", "
                                            "\"low\": 0, \"high\": 1}], \"algorithm\": {\"name\": \"random\"}, \"trial\": {\"argv\": [\"t\"]}}")
                                 .arg(list)
                                 .toUtf8());
}

// n completed trials near the unit sphere (many on the front), a few infeasible.
std::vector<engine::TrialRow> trialsOf(int objectives, int n, bool maximizeSecond, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<engine::TrialRow> rows(static_cast<std::size_t>(n));
    for (int k = 0; k < n; ++k) {
        engine::TrialRow& r = rows[static_cast<std::size_t>(k)];
        r.id = k + 1;
        r.number = k;
        r.state = algorithms::TrialState::Completed;
        double norm = 0;
        r.values.resize(static_cast<std::size_t>(objectives));
        for (double& x : r.values) {
            x = u(rng) + 0.05;
            norm += x * x;
        }
        for (double& x : r.values)
            x /= std::sqrt(norm) * (0.9 + 0.2 * u(rng));
        if (maximizeSecond)
            r.values[1] = -r.values[1];
        r.value = r.values[0];
        r.violation = k % 7 == 3 ? 0.5 : 0.0;
    }
    return rows;
}

} // namespace

class TestParetoSet : public QObject {
    Q_OBJECT
private slots:
    void hypervolumeIsExact_data()
    {
        QTest::addColumn<int>("objectives");
        QTest::addColumn<int>("trials");
        QTest::addColumn<bool>("maximizeSecond");
        for (int d = 2; d <= 6; ++d)
            QTest::addRow("%d objectives", d) << d << (d <= 4 ? 200 : 60) << (d % 2 == 0);
    }

    void hypervolumeIsExact()
    {
        QFETCH(int, objectives);
        QFETCH(int, trials);
        QFETCH(bool, maximizeSecond);
        const engine::ExperimentSpec spec = specOf(objectives, maximizeSecond);
        const std::vector<engine::TrialRow> rows = trialsOf(objectives, trials, maximizeSecond, 11);
        const engine::ParetoSet set = engine::paretoSet(spec, rows);
        // The same set and volume, computed here from the definition.
        std::vector<algorithms::Point> feasible;
        for (const engine::TrialRow& r : rows)
            if (r.feasible()) {
                algorithms::Point p = r.values;
                if (maximizeSecond)
                    p[1] = -p[1];
                feasible.push_back(p);
            }
        std::vector<algorithms::Point> front;
        for (std::size_t i : algorithms::paretoFront(feasible))
            front.push_back(feasible[i]);
        QCOMPARE(set.trials.size(), front.size());
        algorithms::Point ref(set.reference.begin(), set.reference.end());
        if (maximizeSecond)
            ref[1] = -ref[1];
        const double exact = algorithms::hypervolume(front, ref);
        QVERIFY(exact > 0);
        QVERIFY2(std::abs(set.hypervolume - exact) <= 1e-9 * exact, qPrintable(QStringLiteral("%1 vs %2").arg(set.hypervolume).arg(exact)));
        // The history never falls and ends at the set's volume.
        const auto history = engine::hypervolumeHistory(spec, rows, set.reference);
        QCOMPARE(history.size(), rows.size());
        for (std::size_t i = 1; i < history.size(); ++i)
            QVERIFY(history[i].second >= history[i - 1].second - 1e-12);
        QVERIFY2(std::abs(history.back().second - exact) <= 1e-9 * exact,
                 qPrintable(QStringLiteral("%1 vs %2").arg(history.back().second).arg(exact)));
    }
};

QTEST_GUILESS_MAIN(TestParetoSet)
#include "tst_pareto_set.moc"
