// The built-in samplers: determinism per seed, coverage, grid enumeration, settings.

#include "algorithms/sampler.h"

#include <QTest>
#include <cmath>
#include <set>

using namespace tb::algorithms;

namespace {

SearchSpace mixedSpace()
{
    Param lr{"lr", ParamType::Float, 1e-4, 1, true};
    Param n{"n", ParamType::Int, 1, 4};
    Param opt{"opt", ParamType::Categorical};
    opt.choices = {std::string("sgd"), std::string("adam")};
    Param m{"m", ParamType::Float, 0.5, 0.9};
    m.when = Condition{"opt", {std::string("sgd")}};
    return SearchSpace({lr, n, opt, m});
}

std::vector<Assignment> draw(const std::string& name, const SearchSpace& space, std::uint64_t seed, int count, Settings given = {})
{
    const SamplerInfo* info = findSampler(name);
    auto sampler = info->create(space, seed, resolveSettings(info->settings, given, "algorithm.settings"));
    History history;
    std::vector<Assignment> out;
    for (int i = 0; i < count; ++i) {
        auto a = sampler->suggest(history, i);
        if (!a)
            break;
        history.pending.push_back(*a);
        out.push_back(*a);
    }
    return out;
}

std::string key(const Assignment& a)
{
    std::string k;
    for (const auto& v : a)
        k += (v ? formatValue(*v) : "-") + "|";
    return k;
}

} // namespace

class TestSamplers : public QObject {
    Q_OBJECT
private slots:
    void deterministicPerSeed_data()
    {
        QTest::addColumn<QString>("name");
        for (const SamplerInfo& info : samplerRegistry())
            QTest::newRow(info.name.c_str()) << QString::fromStdString(info.name);
    }

    void deterministicPerSeed()
    {
        QFETCH(QString, name);
        Settings settings;
        if (name == QLatin1String("grid"))
            settings["steps"] = std::int64_t{5};
        const auto a = draw(name.toStdString(), mixedSpace(), 11, 30, settings);
        const auto b = draw(name.toStdString(), mixedSpace(), 11, 30, settings);
        const auto c = draw(name.toStdString(), mixedSpace(), 12, 30, settings);
        QCOMPARE(a.size(), std::size_t(30));
        for (std::size_t i = 0; i < a.size(); ++i)
            QCOMPARE(key(a[i]), key(b[i]));
        int same = 0;
        for (std::size_t i = 0; i < a.size(); ++i)
            same += key(a[i]) == key(c[i]);
        QVERIFY2(same < 5, "another seed should give another sequence");
        // Inactive parameters stay unset, active ones are valid.
        const SearchSpace space = mixedSpace();
        for (const Assignment& x : a)
            for (std::size_t i = 0; i < space.size(); ++i) {
                QCOMPARE(x[i].has_value(), space.isActive(i, x));
                if (x[i])
                    QVERIFY(!space.checkValue(i, *x[i]));
            }
    }

    void randomAndSobolCoverTheCube_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("maxEmpty");
        QTest::newRow("random") << QStringLiteral("random") << 120; // expected ~94 empty
        QTest::newRow("sobol") << QStringLiteral("sobol") << 0;
    }

    void randomAndSobolCoverTheCube()
    {
        // 256 points in a 16x16 grid of cells: Sobol fills every cell (a (0,8,2)-net), random
        // leaves about 256/e of them empty.
        QFETCH(QString, name);
        QFETCH(int, maxEmpty);
        const SearchSpace space({Param{"x", ParamType::Float, 0, 1}, Param{"y", ParamType::Float, 0, 1}});
        std::set<int> cells;
        for (const Assignment& a : draw(name.toStdString(), space, 5, 256))
            cells.insert(static_cast<int>(std::get<double>(*a[0]) * 16) * 16 + static_cast<int>(std::get<double>(*a[1]) * 16));
        QVERIFY2(256 - static_cast<int>(cells.size()) <= maxEmpty, qPrintable(QString::number(cells.size())));
        QVERIFY(cells.size() > 150);
    }

    void resumeGivesTheSameSuggestion()
    {
        // A sampler rebuilt from the history suggests what the original would have.
        const SamplerInfo* info = findSampler("random");
        auto first = info->create(mixedSpace(), 3, {});
        auto second = info->create(mixedSpace(), 3, {});
        History h;
        QCOMPARE(key(*first->suggest(h, 17)), key(*second->suggest(h, 17)));
    }

    void gridIsFullFactorialWithConditions()
    {
        // opt=sgd expands m's 3 values, opt=adam does not: (3 + 1) x 4 values of n = 16.
        Param n{"n", ParamType::Int, 1, 4};
        Param opt{"opt", ParamType::Categorical};
        opt.choices = {std::string("sgd"), std::string("adam")};
        Param m{"m", ParamType::Float, 0.5, 0.9};
        m.gridValues = {0.5, 0.7, 0.9};
        m.when = Condition{"opt", {std::string("sgd")}};
        const SearchSpace space({n, opt, m});
        const auto points = draw("grid", space, 0, 100);
        QCOMPARE(points.size(), std::size_t(16));
        std::set<std::string> distinct;
        for (const auto& p : points)
            distinct.insert(key(p));
        QCOMPARE(distinct.size(), std::size_t(16));
    }

    void gridNeedsFiniteFloats()
    {
        const SearchSpace space({Param{"lr", ParamType::Float, 1e-4, 1, true}});
        const SamplerInfo* info = findSampler("grid");
        try {
            info->create(space, 0, resolveSettings(info->settings, {}, "algorithm.settings"));
            QFAIL("accepted a continuous grid");
        } catch (const SpaceError& e) {
            QCOMPARE(QString::fromStdString(e.what()), QStringLiteral("space[0] 'lr': grid search needs a finite set for a float: give it 'values' or a 'step', or set algorithm.settings.steps"));
            QCOMPARE(e.param(), std::optional<std::size_t>(0));
        }
        // With steps, log floats are spaced evenly on the log scale.
        const auto points = draw("grid", space, 0, 10, {{"steps", std::int64_t{5}}});
        std::set<double> values;
        for (const auto& p : points)
            values.insert(std::get<double>(*p[0]));
        QCOMPARE(values.size(), std::size_t(5));
        QVERIFY(std::fabs(*std::next(values.begin(), 2) - 1e-2) < 1e-12);
    }

    void settingsAreValidated_data()
    {
        QTest::addColumn<QString>("sampler");
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown") << "random" << "n_startup" << "algorithm.settings.n_startup: unknown setting; this one takes no settings";
        QTest::newRow("type") << "sobol" << "scramble" << "algorithm.settings.scramble: expected true or false, got 1";
        QTest::newRow("range") << "grid" << "steps" << "algorithm.settings.steps: must be at least 0, got -1";
    }

    void settingsAreValidated()
    {
        QFETCH(QString, sampler);
        QFETCH(QString, setting);
        QFETCH(QString, message);
        const SamplerInfo* info = findSampler(sampler.toStdString());
        const Value bad = setting == QLatin1String("steps") ? Value(std::int64_t{-1}) : Value(std::int64_t{1});
        try {
            resolveSettings(info->settings, {{setting.toStdString(), bad}}, "algorithm.settings");
            QFAIL("accepted a bad setting");
        } catch (const SpaceError& e) {
            QCOMPARE(QString::fromStdString(e.what()), message);
            QVERIFY(!e.param()); // about the settings, not a parameter
        }
    }
};

QTEST_GUILESS_MAIN(TestSamplers)
#include "tst_samplers.moc"
