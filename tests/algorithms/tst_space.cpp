// Search spaces: validation messages, the unit-cube mapping, conditional activity.

#include "algorithms/space.h"

#include <QTest>
#include <cmath>
#include <set>

using namespace tb::algorithms;

Q_DECLARE_METATYPE(std::vector<Param>)

namespace {

Param floatParam(const std::string& name, double low, double high, bool log = false, std::optional<double> step = {})
{
    Param p;
    p.name = name;
    p.type = ParamType::Float;
    p.low = low;
    p.high = high;
    p.log = log;
    p.step = step;
    return p;
}

Param intParam(const std::string& name, double low, double high, bool log = false, std::optional<double> step = {})
{
    Param p = floatParam(name, low, high, log, step);
    p.type = ParamType::Int;
    return p;
}

Param categorical(const std::string& name, std::vector<Value> choices, std::optional<Condition> when = {})
{
    Param p;
    p.name = name;
    p.type = ParamType::Categorical;
    p.choices = std::move(choices);
    p.when = std::move(when);
    return p;
}

Param conditional(Param p, const std::string& parent, std::vector<Value> values)
{
    p.when = Condition{parent, std::move(values)};
    return p;
}

} // namespace

class TestSpace : public QObject {
    Q_OBJECT
private slots:
    void accepted_data()
    {
        QTest::addColumn<std::vector<Param>>("params");
        QTest::newRow("float") << std::vector<Param>{floatParam("lr", 1e-5, 1, true)};
        QTest::newRow("int step") << std::vector<Param>{intParam("units", 16, 256, false, 16.0)};
        QTest::newRow("int log") << std::vector<Param>{intParam("width", 1, 1024, true)};
        QTest::newRow("float step") << std::vector<Param>{floatParam("d", 0, 0.5, false, 0.1)};
        QTest::newRow("mixed categorical") << std::vector<Param>{categorical("c", {std::string("a"), std::int64_t{1}, 2.5, true})};
        QTest::newRow("nested conditions") << std::vector<Param>{
            categorical("opt", {std::string("sgd"), std::string("adam")}),
            conditional(categorical("nesterov", {true, false}), "opt", {std::string("sgd")}),
            conditional(floatParam("m", 0.5, 0.99), "nesterov", {true})};
        QTest::newRow("child before parent") << std::vector<Param>{
            conditional(floatParam("m", 0.5, 0.99), "opt", {std::string("sgd")}), categorical("opt", {std::string("sgd"), std::string("adam")})};
    }

    void accepted()
    {
        QFETCH(std::vector<Param>, params);
        const SearchSpace space(params);
        QCOMPARE(space.size(), params.size());
    }

    void rejected_data()
    {
        QTest::addColumn<std::vector<Param>>("params");
        QTest::addColumn<QString>("message");
        QTest::newRow("log needs low > 0") << std::vector<Param>{intParam("a", 1, 2), intParam("b", 1, 2), floatParam("lr", 0, 1, true)}
                                           << "space[2] 'lr': log scale needs low > 0, got 0";
        QTest::newRow("int log low") << std::vector<Param>{intParam("w", 0, 8, true)} << "space[0] 'w': log scale needs low >= 1, got 0";
        QTest::newRow("empty range") << std::vector<Param>{floatParam("x", 1, 1)}
                                     << "space[0] 'x': high must be greater than low, got low 1, high 1 (use type 'fixed' for a constant)";
        QTest::newRow("int bound") << std::vector<Param>{intParam("n", 0.5, 3)} << "space[0] 'n': int parameter needs an integer low, got 0.5";
        QTest::newRow("step and log") << std::vector<Param>{floatParam("x", 1, 2, true, 0.5)} << "space[0] 'x': step and log cannot be combined; drop one of them";
        QTest::newRow("step misfit") << std::vector<Param>{floatParam("x", 0, 1, false, 0.3)}
                                     << "space[0] 'x': the range 0..1 is not a whole number of steps of 0.3; use high 0.8999999999999999";
        QTest::newRow("duplicate") << std::vector<Param>{floatParam("x", 0, 1), floatParam("x", 0, 1)}
                                   << "space[1] 'x': duplicate name (also space[0]); names must be unique";
        QTest::newRow("bad name") << std::vector<Param>{floatParam("a b", 0, 1)}
                                  << "space[0]: name 'a b' must be non-empty and use only letters, digits, '_', '-' and '.'";
        QTest::newRow("reserved") << std::vector<Param>{floatParam("trial.id", 0, 1)}
                                  << "space[0] 'trial.id': names starting with 'trial.' are reserved; rename the parameter";
        QTest::newRow("no choices") << std::vector<Param>{categorical("c", {})} << "space[0] 'c': categorical parameter needs at least one choice";
        QTest::newRow("duplicate choice") << std::vector<Param>{categorical("c", {std::int64_t{1}, 1.0})}
                                          << "space[0] 'c': choice 1 is listed twice; choices must be distinct";
        QTest::newRow("unknown parent") << std::vector<Param>{conditional(floatParam("m", 0, 1), "opt", {std::string("sgd")})}
                                        << "space[0] 'm': condition names an unknown parent 'opt'";
        QTest::newRow("parent not categorical") << std::vector<Param>{floatParam("lr", 0, 1), conditional(floatParam("m", 0, 1), "lr", {0.5})}
                                                << "space[1] 'm': condition parent 'lr' must be categorical, not float";
        QTest::newRow("value not a choice") << std::vector<Param>{categorical("opt", {std::string("sgd")}), conditional(floatParam("m", 0, 1), "opt", {std::string("adamw")})}
                                            << "space[1] 'm': condition value adamw is not a choice of 'opt'";
        QTest::newRow("cycle") << std::vector<Param>{conditional(categorical("a", {true, false}), "b", {true}), conditional(categorical("b", {true, false}), "a", {true})}
                               << "space[0] 'a': conditions form a cycle; make one parameter unconditional";
    }

    void rejected()
    {
        QFETCH(std::vector<Param>, params);
        QFETCH(QString, message);
        try {
            SearchSpace space(params);
            QFAIL("accepted an invalid space");
        } catch (const SpaceError& e) {
            QCOMPARE(QString::fromStdString(e.what()), message);
            // The parameter the message names ("space[N]") is the one the error carries,
            // so the set-up can mark its row without reading the text.
            const std::size_t named = message.section(QLatin1Char('['), 1).section(QLatin1Char(']'), 0, 0).toUInt();
            QCOMPARE(e.param(), std::optional<std::size_t>(named));
        }
    }

    void unitRoundTrip()
    {
        const SearchSpace space({floatParam("lr", 1e-5, 1, true), intParam("units", 16, 256, false, 16.0), intParam("w", 1, 1024, true),
                                 floatParam("d", 0, 0.5, false, 0.1), categorical("c", {std::string("a"), std::int64_t{1}, true})});
        for (std::size_t i = 0; i < space.size(); ++i)
            for (double u = 0; u <= 1.0; u += 0.01) {
                const Value v = space.fromUnit(i, u);
                QVERIFY(!space.checkValue(i, v));
                QVERIFY(sameValue(space.fromUnit(i, space.toUnit(i, v)), v));
            }
        // Ints cover every value with equal cells; steps land on the grid.
        std::set<std::int64_t> units;
        for (int k = 0; k < 1000; ++k)
            units.insert(std::get<std::int64_t>(space.fromUnit(1, (k + 0.5) / 1000)));
        QCOMPARE(units.size(), std::size_t(16));
        QCOMPARE(*units.begin(), std::int64_t{16});
        QCOMPARE(*units.rbegin(), std::int64_t{256});
        QCOMPARE(std::get<double>(space.fromUnit(3, 0.99)), 0.5);
        // Log scale: the middle of the cube is the geometric mean.
        QVERIFY(std::fabs(std::get<double>(space.fromUnit(0, 0.5)) - std::sqrt(1e-5)) < 1e-12);
    }

    void conditionalActivity()
    {
        const SearchSpace space({conditional(floatParam("m", 0.5, 0.99), "opt", {std::string("sgd")}),
                                 categorical("opt", {std::string("sgd"), std::string("adam")})});
        const Assignment sgd = space.fromUnitVector({0.3, 0.1});
        QVERIFY(sgd[0].has_value());
        QCOMPARE(std::get<std::string>(*sgd[1]), std::string("sgd"));
        const Assignment adam = space.fromUnitVector({0.3, 0.9});
        QVERIFY(!adam[0].has_value());
        QVERIFY(!space.isActive(0, adam));
    }
};

QTEST_GUILESS_MAIN(TestSpace)
#include "tst_space.moc"
