// The `gp` and `cmaes` samplers: a suggestion depends only on (space, seed, settings,
// history, number); each reaches the optimum of an easy function within a stated budget;
// parallel suggestions differ; mixed and conditional spaces stay within bounds.

#include "algorithms/sampler.h"
#include "params.h"
#include "algorithms/text.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <string>

namespace tb::algorithms {
SamplerInfo gpSamplerInfo();
SamplerInfo cmaesSamplerInfo();
} // namespace tb::algorithms

using namespace tb::algorithms;
using namespace tb::algorithms::testing;

Q_DECLARE_METATYPE(std::string)

namespace {

using Objective = std::function<double(const Assignment&)>;

double number(const Assignment& a, std::size_t i) { return *numericValue(*a[i]); }

SamplerInfo samplerNamed(const std::string& name) { return name == "gp" ? gpSamplerInfo() : cmaesSamplerInfo(); }

std::unique_ptr<Sampler> makeSampler(const std::string& name, const SearchSpace& space, std::uint64_t seed,
                                     const Settings& given = {})
{
    const SamplerInfo info = samplerNamed(name);
    return info.create(space, seed, resolveSettings(info.settings, given, "algorithm.settings"));
}

// Runs `trials` sequential trials and returns the history.
History runStudy(Sampler& sampler, int trials, const Objective& objective)
{
    History history;
    for (int n = 0; n < trials; ++n) {
        const auto params = sampler.suggest(history, n);
        if (!params)
            break;
        TrialRecord t;
        t.number = n;
        t.params = *params;
        t.state = TrialState::Completed;
        t.value = objective(*params);
        history.finished.push_back(t);
    }
    return history;
}

// `workers` trials at once that finish in a seeded random order, as the engine runs them:
// each free worker asks while the others' trials are pending; the finished ones are kept
// in number order, as the store gives them.
History runParallel(Sampler& sampler, int trials, const Objective& objective, int workers, std::uint64_t order)
{
    History history;
    std::mt19937_64 rng(order);
    int next = 0;
    while (next < trials || !history.pending.empty()) {
        if (next < trials && static_cast<int>(history.pending.size()) < workers) {
            history.pending.push_back(*sampler.suggest(history, next));
            history.pendingNumbers.push_back(next++);
            continue;
        }
        const auto i = static_cast<std::ptrdiff_t>(std::uniform_int_distribution<std::size_t>(0, history.pending.size() - 1)(rng));
        TrialRecord t;
        t.number = history.pendingNumbers[static_cast<std::size_t>(i)];
        t.params = history.pending[static_cast<std::size_t>(i)];
        t.state = TrialState::Completed;
        t.value = objective(t.params);
        history.pending.erase(history.pending.begin() + i);
        history.pendingNumbers.erase(history.pendingNumbers.begin() + i);
        const auto at = std::upper_bound(history.finished.begin(), history.finished.end(), t.number,
                                         [](std::int64_t n, const TrialRecord& r) { return n < r.number; });
        history.finished.insert(at, t);
    }
    return history;
}

double bestValue(const History& history)
{
    double best = INFINITY;
    for (const TrialRecord& t : history.finished)
        if (t.value)
            best = std::min(best, *t.value);
    return best;
}

SearchSpace braninSpace() { return SearchSpace({floatParam("x1", -5, 10), floatParam("x2", 0, 15)}); }

double branin(const Assignment& a)
{
    const double x1 = number(a, 0), x2 = number(a, 1);
    const double b = 5.1 / (4 * M_PI * M_PI), c = 5 / M_PI, t = 1 / (8 * M_PI);
    return std::pow(x2 - b * x1 * x1 + c * x1 - 6, 2) + 10 * (1 - t) * std::cos(x1) + 10;
}
constexpr double kBraninMinimum = 0.397887;

SearchSpace sphereSpace() { return SearchSpace({floatParam("x0", -2, 2), floatParam("x1", -2, 2), floatParam("x2", -2, 2), floatParam("x3", -2, 2)}); }

// Minimum 0 at (0.5, 0.1, -0.3, -0.7), away from the centre where CMA-ES starts.
double sphere(const Assignment& a)
{
    double s = 0;
    for (std::size_t i = 0; i < 4; ++i)
        s += std::pow(number(a, i) - 0.5 + 0.4 * static_cast<double>(i), 2);
    return s;
}

// A training-run-like space: log float, int, categorical with a conditional child, fixed.
SearchSpace mixedSpace()
{
    Param momentum = floatParam("momentum", 0.0, 0.99);
    momentum.when = Condition{"optimizer", {Value{std::string("sgd")}}};
    Param batch;
    batch.name = "batch";
    batch.type = ParamType::Fixed;
    batch.fixed = Value{std::int64_t{64}};
    return SearchSpace({floatParam("lr", 1e-5, 1.0, true), intParam("layers", 1, 8),
                        categoricalParam("optimizer", {std::string("adam"), std::string("sgd"), std::string("rmsprop")}),
                        momentum, batch});
}

double mixedObjective(const Assignment& a)
{
    const std::string opt = std::get<std::string>(*a[2]);
    const double bestLr = opt == "adam" ? 3e-4 : opt == "sgd" ? 3e-2 : 1e-3;
    double loss = 0.08 + 0.25 * std::pow(std::log10(number(a, 0)) - std::log10(bestLr), 2);
    loss += 0.02 * std::pow(number(a, 1) - 4, 2) / 4;
    loss += opt == "adam" ? 0.0 : opt == "sgd" ? 0.03 + 0.1 * std::pow(number(a, 3) - 0.9, 2) : 0.015;
    return loss;
}

// Every active value valid, every inactive one absent.
void checkWithinSpace(const SearchSpace& space, const Assignment& a)
{
    QCOMPARE(a.size(), space.size());
    for (std::size_t i = 0; i < space.size(); ++i) {
        QCOMPARE(a[i].has_value(), space.isActive(i, a));
        if (a[i]) {
            const auto problem = space.checkValue(i, *a[i]);
            QVERIFY2(!problem, problem ? problem->c_str() : "");
        }
    }
}

} // namespace

class TestGpCmaes : public QObject {
    Q_OBJECT

private slots:
    void deterministicAndStateless_data();
    void deterministicAndStateless();
    void reachesOptimum_data();
    void reachesOptimum();
    void parallelSuggestionsDiffer_data();
    void parallelSuggestionsDiffer();
    void outOfOrderParallelRuns_data();
    void outOfOrderParallelRuns();
    void cmaesMemoMatchesAFreshReplay();
    void failedTrialsAreIgnored_data();
    void failedTrialsAreIgnored();
    void gpHandlesMixedSpace();
    void cmaesFallbackDrawsCategoricals();
    void cmaesRestartsAfterConvergence_data();
    void cmaesRestartsAfterConvergence();
    void rejectedSettings_data();
    void rejectedSettings();
};

void TestGpCmaes::deterministicAndStateless_data()
{
    QTest::addColumn<std::string>("sampler");
    QTest::addColumn<int>("trials");
    QTest::newRow("gp") << std::string("gp") << 16;
    QTest::newRow("cmaes") << std::string("cmaes") << 40;
}

// Same seed, same trials; a fresh sampler given a prefix of the history repeats the
// suggestion made at that point (nothing is carried between calls); another seed differs.
void TestGpCmaes::deterministicAndStateless()
{
    QFETCH(std::string, sampler);
    QFETCH(int, trials);
    const SearchSpace space = braninSpace();
    auto first = makeSampler(sampler, space, 7);
    auto second = makeSampler(sampler, space, 7);
    const History a = runStudy(*first, trials, branin);
    const History b = runStudy(*second, trials, branin);
    for (int n = 0; n < trials; ++n)
        QCOMPARE(assignmentKey(b.finished[n].params), assignmentKey(a.finished[n].params));

    for (int n : {trials / 2, trials - 1}) {
        History prefix;
        prefix.finished.assign(a.finished.begin(), a.finished.begin() + n);
        auto fresh = makeSampler(sampler, space, 7);
        QCOMPARE(assignmentKey(*fresh->suggest(prefix, n)), assignmentKey(a.finished[n].params));
    }
    // The sampler that made the whole run (cmaes keeps a memo of its last replay) answers
    // shorter and longer histories, in any order, as a fresh one would.
    for (int n : {trials / 2, trials - 1, trials / 3, trials - 1}) {
        History prefix;
        prefix.finished.assign(a.finished.begin(), a.finished.begin() + n);
        QCOMPARE(assignmentKey(*first->suggest(prefix, n)), assignmentKey(a.finished[n].params));
    }

    auto other = makeSampler(sampler, space, 8);
    const History c = runStudy(*other, trials, branin);
    QVERIFY(assignmentKey(c.finished.back().params) != assignmentKey(a.finished.back().params));
}

void TestGpCmaes::reachesOptimum_data()
{
    QTest::addColumn<std::string>("sampler");
    QTest::addColumn<int>("seed");
    QTest::addColumn<int>("trials");
    QTest::addColumn<double>("tolerance");
    // Measured worst cases with this code: gp/branin 8e-4 over 10 seeds at 40 trials;
    // cmaes/sphere 1.1e-4 over 20 seeds at 300 trials.
    for (int seed : {0, 1, 2}) {
        QTest::addRow("gp branin seed %d", seed) << std::string("gp") << seed << 40 << 1e-2;
        QTest::addRow("cmaes sphere4 seed %d", seed) << std::string("cmaes") << seed << 300 << 1e-3;
    }
}

void TestGpCmaes::reachesOptimum()
{
    QFETCH(std::string, sampler);
    QFETCH(int, seed);
    QFETCH(int, trials);
    QFETCH(double, tolerance);
    const bool isGp = sampler == "gp";
    auto s = makeSampler(sampler, isGp ? braninSpace() : sphereSpace(), static_cast<std::uint64_t>(seed));
    const History h = runStudy(*s, trials, isGp ? Objective(branin) : Objective(sphere));
    const double regret = bestValue(h) - (isGp ? kBraninMinimum : 0.0);
    QVERIFY2(regret < tolerance, qPrintable(QString("regret %1").arg(regret)));
}

void TestGpCmaes::parallelSuggestionsDiffer_data()
{
    QTest::addColumn<std::string>("sampler");
    QTest::newRow("gp (kriging believer)") << std::string("gp");
    QTest::newRow("cmaes (members of one generation)") << std::string("cmaes");
}

// Four workers ask in turn while the others' trials are still running.
void TestGpCmaes::parallelSuggestionsDiffer()
{
    QFETCH(std::string, sampler);
    const SearchSpace space = braninSpace();
    auto s = makeSampler(sampler, space, 3);
    History history = runStudy(*s, 20, branin);
    std::set<std::string> seen;
    for (int k = 0; k < 4; ++k) {
        const Assignment a = *s->suggest(history, 20 + k);
        checkWithinSpace(space, a);
        QVERIFY2(seen.insert(assignmentKey(a)).second, printable(assignmentKey(a)).c_str());
        history.pending.push_back(a);
    }
}

void TestGpCmaes::outOfOrderParallelRuns_data()
{
    QTest::addColumn<std::string>("sampler");
    QTest::addColumn<int>("trials");
    QTest::addColumn<double>("within"); // of the optimum, at the end
    // Sequentially gp reaches Branin's 0.3979 within 1e-3 in 40 trials and cmaes the sphere's
    // 0 within 1e-3 in 300 (reachesOptimum). Four at once, seed 11: gp 3e-4 above, cmaes 8e-6;
    // uniform random search is 0.98 and 0.35 away at these budgets (medians of 50 seeds).
    QTest::newRow("gp (kriging believer)") << std::string("gp") << 40 << 0.01;
    QTest::newRow("cmaes (generations by number)") << std::string("cmaes") << 300 << 1e-3;
}

// Four trials at once finishing in random order (point 4 of issue 18): every suggestion is
// new and within the space, the run is as deterministic as the order it finishes in, and it
// still finds the optimum. cmaes forms each generation from its members by number, whatever
// order they finish in; gp believes its own mean at the pending points.
void TestGpCmaes::outOfOrderParallelRuns()
{
    QFETCH(std::string, sampler);
    QFETCH(int, trials);
    QFETCH(double, within);
    const bool gp = sampler == "gp";
    const SearchSpace space = gp ? braninSpace() : sphereSpace();
    const Objective f = gp ? Objective(branin) : Objective(sphere);
    const double optimum = gp ? 0.397887 : 0.0;
    for (std::uint64_t order : {1u, 2u}) {
        auto s = makeSampler(sampler, space, 11);
        const History h = runParallel(*s, trials, f, 4, order);
        QCOMPARE(static_cast<int>(h.finished.size()), trials);
        std::set<std::string> seen;
        for (const TrialRecord& t : h.finished) {
            checkWithinSpace(space, t.params);
            seen.insert(assignmentKey(t.params));
        }
        QCOMPARE(static_cast<int>(seen.size()), trials);
        QVERIFY2(bestValue(h) - optimum < within, std::to_string(bestValue(h)).c_str());
        auto again = makeSampler(sampler, space, 11);
        const History same = runParallel(*again, trials, f, 4, order);
        for (int n = 0; n < trials; ++n)
            QCOMPARE(assignmentKey(same.finished[n].params), assignmentKey(h.finished[n].params));
    }
}

// cmaes keeps a memo of its last replay. Whatever it saw before, a used sampler suggests
// what a fresh one does: for a history with a late trial filled in inside the memo's
// prefix, one that lost a trial, and one with the same numbers and values at other points.
void TestGpCmaes::cmaesMemoMatchesAFreshReplay()
{
    const SearchSpace space = sphereSpace();
    auto used = makeSampler("cmaes", space, 13);
    const History full = runParallel(*used, 120, sphere, 4, 7);
    const auto fresh = [&](const History& h, std::int64_t n) { return assignmentKey(*makeSampler("cmaes", space, 13)->suggest(h, n)); };
    std::vector<History> histories;
    History withoutOne = full; // trial 37 still running
    withoutOne.pending.push_back(withoutOne.finished[37].params);
    withoutOne.pendingNumbers.push_back(37);
    withoutOne.finished.erase(withoutOne.finished.begin() + 37);
    histories.push_back(withoutOne);
    histories.push_back(full); // ... and then finished: inside the prefix the memo holds
    History moved = full;      // trials 8-41 at each other's points, with the same values
    for (std::size_t i = 8; i < 42; i += 2)
        std::swap(moved.finished[i].params, moved.finished[i + 1].params);
    histories.push_back(moved);
    History shorter = full;
    shorter.finished.resize(60);
    histories.push_back(shorter);
    histories.push_back(full);
    for (const History& h : histories)
        QCOMPARE(assignmentKey(*used->suggest(h, 120)), fresh(h, 120));
}

void TestGpCmaes::failedTrialsAreIgnored_data()
{
    QTest::addColumn<std::string>("sampler");
    QTest::newRow("gp") << std::string("gp");
    QTest::newRow("cmaes") << std::string("cmaes");
}

// Failed trials (no value) neither break the model nor make the next trial repeat them.
void TestGpCmaes::failedTrialsAreIgnored()
{
    QFETCH(std::string, sampler);
    const SearchSpace space = braninSpace();
    auto s = makeSampler(sampler, space, 5);
    History history = runStudy(*s, 14, branin);
    for (int n = 14; n < 17; ++n) {
        TrialRecord failed;
        failed.number = n;
        failed.params = *s->suggest(history, n);
        failed.state = TrialState::Failed;
        history.finished.push_back(failed);
    }
    TrialRecord pruned; // pruned with a value: an observation like a completed trial
    pruned.number = 17;
    pruned.params = *s->suggest(history, 17);
    pruned.state = TrialState::Pruned;
    pruned.value = branin(pruned.params);
    history.finished.push_back(pruned);

    const Assignment next = *s->suggest(history, 18);
    checkWithinSpace(space, next);
    for (const TrialRecord& t : history.finished)
        QVERIFY(assignmentKey(t.params) != assignmentKey(next));
}

void TestGpCmaes::gpHandlesMixedSpace()
{
    const SearchSpace space = mixedSpace();
    auto s = makeSampler("gp", space, 11, {{"n_startup_trials", std::int64_t{8}}});
    History history;
    for (int n = 0; n < 30; ++n) {
        TrialRecord t;
        t.number = n;
        t.params = *s->suggest(history, n);
        checkWithinSpace(space, t.params);
        t.state = TrialState::Completed;
        t.value = mixedObjective(t.params);
        history.finished.push_back(t);
        if (n == 20) { // two asked for while the first is still running
            History parallel = history;
            parallel.pending.push_back(*s->suggest(parallel, n + 1));
            const Assignment second = *s->suggest(parallel, n + 2);
            checkWithinSpace(space, second);
            QVERIFY(assignmentKey(second) != assignmentKey(parallel.pending[0]));
        }
    }
    // The model finds the best optimizer (adam) and its best learning rate, 3e-4 (seen on 11
    // of 12 seeds at 30 trials; layers, a weaker effect, is often left at an edge).
    const auto best = std::min_element(history.finished.begin(), history.finished.end(),
                                       [](const TrialRecord& a, const TrialRecord& b) { return *a.value < *b.value; });
    QCOMPARE(formatValue(*best->params[2]), std::string("adam"));
    QVERIFY2(std::fabs(std::log10(number(best->params, 0) / 3e-4)) < 0.1,
             printable(assignmentKey(best->params)).c_str());
}

// CMA-ES searches lr and layers; the categorical and its conditional child are drawn
// uniformly and independently (the documented fallback).
void TestGpCmaes::cmaesFallbackDrawsCategoricals()
{
    const SearchSpace space = mixedSpace();
    auto s = makeSampler("cmaes", space, 4);
    std::map<std::string, int> counts;
    int momentumSeen = 0;
    const History h = runStudy(*s, 90, [&](const Assignment& a) {
        checkWithinSpace(space, a);
        counts[std::get<std::string>(*a[2])] += 1;
        momentumSeen += a[3].has_value();
        return mixedObjective(a);
    });
    QCOMPARE(h.finished.size(), std::size_t{90});
    QCOMPARE(counts.size(), std::size_t{3});
    for (const auto& [choice, count] : counts)
        QVERIFY2(count >= 15, qPrintable(QString("%1 drawn %2 times of 90").arg(choice.c_str()).arg(count)));
    QCOMPARE(momentumSeen, counts["sgd"]);
}

void TestGpCmaes::cmaesRestartsAfterConvergence_data()
{
    QTest::addColumn<std::string>("strategy");
    QTest::addColumn<int>("minDistinct");
    QTest::addColumn<int>("maxDistinct");
    QTest::newRow("ipop explores again") << std::string("ipop") << 10 << 50;
    QTest::newRow("none stays converged") << std::string("none") << 1 << 1;
}

// On a small integer grid CMA-ES converges within a few hundred trials; with IPOP it then
// restarts elsewhere with a larger population instead of repeating one point.
void TestGpCmaes::cmaesRestartsAfterConvergence()
{
    QFETCH(std::string, strategy);
    QFETCH(int, minDistinct);
    QFETCH(int, maxDistinct);
    const SearchSpace space({intParam("a", 0, 20), intParam("b", 0, 20)});
    auto s = makeSampler("cmaes", space, 0, {{"restart_strategy", strategy}});
    const History h = runStudy(*s, 300, [](const Assignment& a) {
        return std::pow(number(a, 0) - 3, 2) + std::pow(number(a, 1) - 17, 2);
    });
    std::set<std::string> lastPoints;
    for (std::size_t n = 250; n < 300; ++n)
        lastPoints.insert(assignmentKey(h.finished[n].params));
    QCOMPARE(bestValue(h), 0.0);
    QVERIFY2(int(lastPoints.size()) >= minDistinct && int(lastPoints.size()) <= maxDistinct,
             qPrintable(QString("%1 distinct points in the last 50 trials").arg(lastPoints.size())));
}

void TestGpCmaes::rejectedSettings_data()
{
    QTest::addColumn<std::string>("sampler");
    QTest::addColumn<std::string>("setting");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("error");
    QTest::newRow("cmaes unknown restart strategy")
        << std::string("cmaes") << std::string("restart_strategy") << QVariant("bipop")
        << "algorithm.settings.restart_strategy: 'bipop' is not one of ipop, none";
    QTest::newRow("cmaes sigma0 above the cube")
        << std::string("cmaes") << std::string("sigma0") << QVariant(2.0)
        << "algorithm.settings.sigma0: must be at most 1, got 2";
    QTest::newRow("gp no restarts") << std::string("gp") << std::string("n_restarts") << QVariant(0)
                                    << "algorithm.settings.n_restarts: must be at least 1, got 0";
    QTest::newRow("gp too few candidates") << std::string("gp") << std::string("n_candidates") << QVariant(3)
                                           << "algorithm.settings.n_candidates: must be at least 16, got 3";
}

void TestGpCmaes::rejectedSettings()
{
    QFETCH(std::string, sampler);
    QFETCH(std::string, setting);
    QFETCH(QVariant, value);
    QFETCH(QString, error);
    Settings given;
    if (value.typeId() == QMetaType::QString)
        given[setting] = value.toString().toStdString();
    else if (value.typeId() == QMetaType::Double)
        given[setting] = value.toDouble();
    else
        given[setting] = std::int64_t{value.toInt()};
    QString message;
    try {
        resolveSettings(samplerNamed(sampler).settings, given, "algorithm.settings");
    } catch (const SpaceError& e) {
        message = QString::fromStdString(e.what());
    }
    QCOMPARE(message, error);
}

QTEST_GUILESS_MAIN(TestGpCmaes)
#include "tst_gp_cmaes.moc"
