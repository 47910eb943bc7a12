// fANOVA importance on objectives whose variance decomposition is known: linear terms,
// an interaction, an irrelevant parameter, a categorical and a conditional parameter.

#include "algorithms/importance.h"

#include <QTest>

#include <cmath>
#include <functional>
#include <numeric>
#include <random>

using namespace tb::algorithms;

namespace {

Param floatParam(const std::string& name, double low = 0.0, double high = 1.0, bool log = false)
{
    Param p;
    p.name = name;
    p.low = low;
    p.high = high;
    p.log = log;
    return p;
}

Param categorical(const std::string& name, std::vector<Value> choices)
{
    Param p;
    p.name = name;
    p.type = ParamType::Categorical;
    p.choices = std::move(choices);
    return p;
}

using Objective = std::function<double(const SearchSpace&, const Assignment&)>;

double number(const SearchSpace& space, const Assignment& a, const std::string& name)
{
    return *numericValue(*a[*space.indexOf(name)]);
}

// `count` completed trials drawn uniformly from the unit cube with a fixed seed.
std::vector<TrialRecord> sample(const SearchSpace& space, int count, const Objective& objective, std::uint64_t seed = 7)
{
    std::mt19937_64 rng(seed);
    std::vector<TrialRecord> trials;
    for (int n = 0; n < count; ++n) {
        std::vector<double> u(space.size());
        for (double& x : u)
            x = static_cast<double>(rng() >> 11) * 0x1.0p-53;
        TrialRecord t;
        t.number = n;
        t.params = space.fromUnitVector(u);
        t.state = TrialState::Completed;
        t.value = objective(space, t.params);
        trials.push_back(std::move(t));
    }
    return trials;
}

double share(const ImportanceResult& result, const std::string& name)
{
    for (std::size_t i = 0; i < result.names.size(); ++i)
        if (result.names[i] == name)
            return result.importance[i];
    return -1.0;
}

QByteArray describe(const ImportanceResult& result)
{
    QByteArray text;
    for (std::size_t i = 0; i < result.names.size(); ++i)
        text += QByteArray::fromStdString(result.names[i]) + '=' + QByteArray::number(result.importance[i], 'f', 4) + ' ';
    return text;
}

const SearchSpace& threeFloats()
{
    static const SearchSpace space({floatParam("x0"), floatParam("x1"), floatParam("x2")});
    return space;
}

} // namespace

Q_DECLARE_METATYPE(Objective)

class TestImportance : public QObject {
    Q_OBJECT

private slots:
    void knownDecompositions_data();
    void knownDecompositions();
    void categoricalParameter();
    void conditionalParameter();
    void logScaledParameter();
    void deterministicForSeed();
    void usesOnlyCompletedFiniteTrials();
    void nothingToExplain();
};

void TestImportance::knownDecompositions_data()
{
    QTest::addColumn<Objective>("objective");
    QTest::addColumn<double>("x0Min"); // bounds on the shares of x0 and x1; x2 never matters
    QTest::addColumn<double>("x0Max");
    QTest::addColumn<double>("x1Min");
    QTest::addColumn<double>("x1Max");

    // Var(10 x0) = 100/12 against Var(x1) = 1/12: x0 explains 99%.
    QTest::newRow("10 x0 + x1") << Objective([](const SearchSpace& s, const Assignment& a) {
        return 10 * number(s, a, "x0") + number(s, a, "x1");
    }) << 0.9 << 1.0 << 0.0 << 0.05;
    QTest::newRow("x0 + x1") << Objective([](const SearchSpace& s, const Assignment& a) {
        return number(s, a, "x0") + number(s, a, "x1");
    }) << 0.35 << 0.65 << 0.35 << 0.65;
    // x0 * x1: each main effect is 3/7 of the variance, the interaction 1/7; shares 1/2 each.
    QTest::newRow("x0 * x1") << Objective([](const SearchSpace& s, const Assignment& a) {
        return number(s, a, "x0") * number(s, a, "x1");
    }) << 0.3 << 0.7 << 0.3 << 0.7;
    // Main effects 4/12 and 1/48 + interaction: x0 dominates, x1 keeps a clear share.
    QTest::newRow("2 x0 + x0 * x1") << Objective([](const SearchSpace& s, const Assignment& a) {
        return 2 * number(s, a, "x0") + number(s, a, "x0") * number(s, a, "x1");
    }) << 0.8 << 0.99 << 0.01 << 0.2;
    QTest::newRow("sin(6 x1)") << Objective([](const SearchSpace& s, const Assignment& a) {
        return std::sin(6 * number(s, a, "x1"));
    }) << 0.0 << 0.05 << 0.9 << 1.0;
}

void TestImportance::knownDecompositions()
{
    QFETCH(Objective, objective);
    QFETCH(double, x0Min);
    QFETCH(double, x0Max);
    QFETCH(double, x1Min);
    QFETCH(double, x1Max);

    const ImportanceResult r = fanovaImportance(threeFloats(), sample(threeFloats(), 300, objective));
    QCOMPARE(r.names, (std::vector<std::string>{"x0", "x1", "x2"}));
    QCOMPARE(r.trialsUsed, std::size_t{300});
    QVERIFY2(std::abs(std::accumulate(r.importance.begin(), r.importance.end(), 0.0) - 1.0) < 1e-9, describe(r));
    QVERIFY2(share(r, "x0") >= x0Min && share(r, "x0") <= x0Max, describe(r));
    QVERIFY2(share(r, "x1") >= x1Min && share(r, "x1") <= x1Max, describe(r));
    QVERIFY2(share(r, "x2") < 0.02, describe(r));
}

void TestImportance::categoricalParameter()
{
    // Mixed choice types; effects 0, 1, 5 dwarf 0.1 x and the fixed parameter gets 0.
    Param fixed;
    fixed.name = "batch";
    fixed.type = ParamType::Fixed;
    fixed.fixed = std::int64_t{32};
    const SearchSpace space({categorical("kind", {std::string("a"), std::int64_t{2}, true}), floatParam("x"),
                             floatParam("noise"), fixed});
    const auto trials = sample(space, 300, [](const SearchSpace& s, const Assignment& a) {
        const Value& kind = *a[0];
        const double effect = sameValue(kind, std::string("a")) ? 0.0 : sameValue(kind, std::int64_t{2}) ? 1.0 : 5.0;
        return effect + 0.1 * number(s, a, "x");
    });
    const ImportanceResult r = fanovaImportance(space, trials);
    QVERIFY2(share(r, "kind") > 0.9, describe(r));
    QVERIFY2(share(r, "x") > 0.0 && share(r, "x") < 0.05, describe(r));
    QVERIFY2(share(r, "noise") < 0.02, describe(r));
    QCOMPARE(share(r, "batch"), 0.0);
}

void TestImportance::conditionalParameter()
{
    // momentum exists only under sgd, where it matters; adam is flat.
    Param momentum = floatParam("momentum");
    momentum.when = Condition{"optimizer", {std::string("sgd")}};
    Param beta = categorical("beta", {std::string("low"), std::string("high")});
    beta.when = Condition{"optimizer", {std::string("adam")}};
    const SearchSpace space({categorical("optimizer", {std::string("sgd"), std::string("adam")}), momentum, beta,
                             floatParam("noise")});
    const auto trials = sample(space, 400, [](const SearchSpace& s, const Assignment& a) {
        if (!a[1])
            return 1.0;
        return 3.0 * number(s, a, "momentum");
    });
    QVERIFY(std::any_of(trials.begin(), trials.end(), [](const TrialRecord& t) { return !t.params[1]; }));
    const ImportanceResult r = fanovaImportance(space, trials);
    QVERIFY2(std::abs(std::accumulate(r.importance.begin(), r.importance.end(), 0.0) - 1.0) < 1e-9, describe(r));
    // optimizer: E[f | sgd] = 1.5 vs E[f | adam] = 1, variance 1/16; momentum: 3/16 alone
    // and 3/16 with the optimizer, of 7/16 in all: shares of about 1/4 and 3/4.
    QVERIFY2(share(r, "optimizer") > 0.15 && share(r, "optimizer") < 0.35, describe(r));
    QVERIFY2(share(r, "momentum") > 0.65 && share(r, "momentum") < 0.85, describe(r));
    QVERIFY2(share(r, "beta") < 0.02, describe(r));
    QVERIFY2(share(r, "noise") < 0.02, describe(r));
}

void TestImportance::logScaledParameter()
{
    // Linear in log10(lr): measured on the log scale it was sampled on, lr explains it all.
    const SearchSpace space({floatParam("lr", 1e-5, 1e-1, true), floatParam("noise")});
    const auto trials = sample(space, 300, [](const SearchSpace& s, const Assignment& a) {
        return std::log10(number(s, a, "lr"));
    });
    const ImportanceResult r = fanovaImportance(space, trials);
    QVERIFY2(share(r, "lr") > 0.98, describe(r));
}

void TestImportance::deterministicForSeed()
{
    const auto trials = sample(threeFloats(), 200, [](const SearchSpace& s, const Assignment& a) {
        return number(s, a, "x0") * number(s, a, "x1") + 0.3 * number(s, a, "x2");
    });
    FanovaOptions one;
    one.trees = 16;
    one.seed = 3;
    one.threads = 1;
    FanovaOptions four = one;
    four.threads = 4;
    const ImportanceResult a = fanovaImportance(threeFloats(), trials, one);
    QCOMPARE(fanovaImportance(threeFloats(), trials, one).importance, a.importance);
    QCOMPARE(fanovaImportance(threeFloats(), trials, four).importance, a.importance);
    FanovaOptions other = one;
    other.seed = 4;
    QVERIFY(fanovaImportance(threeFloats(), trials, other).importance != a.importance);
}

void TestImportance::usesOnlyCompletedFiniteTrials()
{
    auto trials = sample(threeFloats(), 200, [](const SearchSpace& s, const Assignment& a) {
        return number(s, a, "x0");
    });
    const ImportanceResult clean = fanovaImportance(threeFloats(), trials);
    // Junk that would dominate x2 if it were fitted.
    for (int k = 0; k < 50; ++k) {
        TrialRecord t = trials[static_cast<std::size_t>(k)];
        t.number = 1000 + k;
        t.params[2] = Value{1.0};
        t.state = k % 3 == 0 ? TrialState::Pruned : k % 3 == 1 ? TrialState::Failed : TrialState::Completed;
        t.value = k % 3 == 2 ? std::numeric_limits<double>::infinity() : 100.0;
        trials.push_back(t);
    }
    const ImportanceResult r = fanovaImportance(threeFloats(), trials);
    QCOMPARE(r.trialsUsed, std::size_t{200});
    QCOMPARE(r.importance, clean.importance);
}

void TestImportance::nothingToExplain()
{
    const auto flat = sample(threeFloats(), 50, [](const SearchSpace&, const Assignment&) { return 2.0; });
    ImportanceResult r = fanovaImportance(threeFloats(), flat);
    QCOMPARE(r.importance, (std::vector<double>{0.0, 0.0, 0.0}));
    r = fanovaImportance(threeFloats(), {flat[0]});
    QCOMPARE(r.trialsUsed, std::size_t{1});
    QCOMPARE(r.importance, (std::vector<double>{0.0, 0.0, 0.0}));
    r = fanovaImportance(threeFloats(), {});
    QCOMPARE(r.names.size(), std::size_t{3});
    QCOMPARE(r.importance, (std::vector<double>{0.0, 0.0, 0.0}));
}

QTEST_GUILESS_MAIN(TestImportance)

#include "tst_importance.moc"
