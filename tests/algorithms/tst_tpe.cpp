// The tpe sampler: settings, determinism, convergence on easy functions within a stated
// budget, every parameter kind, conditional spaces, constant liar, pruned and failed trials.

#include "algorithms/sampler.h"
#include "params.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

namespace tb::algorithms {
SamplerInfo tpeSamplerInfo(); // its registry entry (samplers/tpe_sampler.cpp)
}

using namespace tb::algorithms;
using namespace tb::algorithms::testing;

namespace {

using Objective = std::function<double(const Assignment&)>;

std::unique_ptr<Sampler> makeSampler(const std::string& name, const SearchSpace& space, std::uint64_t seed,
                                     const Settings& given = {})
{
    const SamplerInfo info = name == "tpe" ? tpeSamplerInfo() : *findSampler(name);
    return info.create(space, seed, resolveSettings(info.settings, given, "algorithm.settings"));
}

TrialRecord completed(std::int64_t number, Assignment params, double value)
{
    TrialRecord r;
    r.number = number;
    r.params = std::move(params);
    r.state = TrialState::Completed;
    r.value = value;
    return r;
}

// `trials` sequential trials, each finished before the next is suggested.
History optimize(Sampler& sampler, const Objective& f, int trials, Direction direction = Direction::Minimize)
{
    History h;
    h.direction = direction;
    for (int t = 0; t < trials; ++t) {
        auto a = sampler.suggest(h, t);
        h.finished.push_back(completed(t, *a, f(*a)));
    }
    return h;
}

double num(const Assignment& a, std::size_t i) { return *numericValue(*a[i]); }

double bestValue(const History& h)
{
    double best = INFINITY;
    for (const TrialRecord& t : h.finished)
        best = std::min(best, h.oriented(*t.value));
    return h.direction == Direction::Minimize ? best : -best;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

std::string key(const Assignment& a)
{
    std::string k;
    for (const auto& v : a)
        k += (v ? formatValue(*v) : "-") + "|";
    return k;
}

Param choice(const std::string& name, std::vector<std::string> choices)
{
    Param p;
    p.name = name;
    p.type = ParamType::Categorical;
    for (auto& c : choices)
        p.choices.emplace_back(std::move(c));
    return p;
}

// opt=sgd activates momentum, opt=adam activates beta2; x is always active. sgd with
// momentum 0.9 and x = 0 is the optimum.
SearchSpace conditionalSpace()
{
    Param momentum = floatParam("momentum", 0, 1);
    momentum.when = Condition{"opt", {std::string("sgd")}};
    Param beta2 = floatParam("beta2", 0.9, 0.9999, true);
    beta2.when = Condition{"opt", {std::string("adam")}};
    return SearchSpace({choice("opt", {"sgd", "adam"}), momentum, beta2, floatParam("x", -1, 1)});
}

double conditionalObjective(const Assignment& a)
{
    const double x = num(a, 3);
    if (std::get<std::string>(*a[0]) == "sgd")
        return 4 * std::pow(num(a, 1) - 0.9, 2) + x * x;
    return 0.3 + std::pow(std::log10(1 - num(a, 2)) + 3, 2) + x * x;
}

} // namespace

class TestTpe : public QObject {
    Q_OBJECT
private slots:
    void declaresItsSettings()
    {
        const SamplerInfo info = tpeSamplerInfo();
        QCOMPARE(QString::fromStdString(info.name), QStringLiteral("tpe"));
        const Settings s = resolveSettings(info.settings, {}, "algorithm.settings");
        QCOMPARE(settingNumber(s, "n_startup_trials"), 10.0);
        QCOMPARE(settingNumber(s, "n_ei_candidates"), 24.0);
        QCOMPARE(settingNumber(s, "gamma_max"), 25.0);
        QCOMPARE(settingNumber(s, "prior_weight"), 1.0);
        QCOMPARE(settingNumber(s, "categorical_prior_weight"), 10.0);
        QCOMPARE(settingBool(s, "multivariate"), true);
        QCOMPARE(settingString(s, "bandwidth"), std::string("neighbour"));
        QCOMPARE(settingString(s, "startup"), std::string("sobol"));
        QCOMPARE(settingBool(s, "constant_liar"), true);
        QCOMPARE(settingBool(s, "consider_endpoints"), false);
        QCOMPARE(settingBool(s, "consider_magic_clip"), true);
        QCOMPARE(s.size(), std::size_t(11));
    }

    void rejectsBadSettings_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("candidates") << "n_ei_candidates" << 0.0
                                    << "algorithm.settings.n_ei_candidates: must be at least 1, got 0";
        QTest::newRow("startup") << "n_startup_trials" << -1.0
                                 << "algorithm.settings.n_startup_trials: must be at least 0, got -1";
        QTest::newRow("gamma") << "gamma_max" << 0.0 << "algorithm.settings.gamma_max: must be at least 1, got 0";
        QTest::newRow("prior") << "prior_weight" << 0.0
                               << "algorithm.settings.prior_weight: must be at least 1e-06, got 0";
        QTest::newRow("int") << "n_ei_candidates" << 2.5 << "algorithm.settings.n_ei_candidates: expected an integer, got 2.5";
        QTest::newRow("categorical prior") << "categorical_prior_weight" << -1.0
                                           << "algorithm.settings.categorical_prior_weight: must be at least 1e-06, got -1";
    }

    void rejectsBadSettings()
    {
        QFETCH(QString, setting);
        QFETCH(double, value);
        QFETCH(QString, message);
        try {
            resolveSettings(tpeSamplerInfo().settings, {{setting.toStdString(), value}}, "algorithm.settings");
            QFAIL("accepted a bad setting");
        } catch (const SpaceError& e) {
            QCOMPARE(QString::fromStdString(e.what()), message);
        }
    }

    void rejectsUnknownChoices()
    {
        for (const char* name : {"bandwidth", "startup"}) {
            try {
                resolveSettings(tpeSamplerInfo().settings, {{name, Value(std::string("halton"))}}, "algorithm.settings");
                QFAIL("accepted an unknown choice");
            } catch (const SpaceError& e) {
                const QString message = QString::fromStdString(e.what());
                QVERIFY2(message.contains(QString("algorithm.settings.%1").arg(name)) && message.contains("halton"),
                         qPrintable(message));
            }
        }
    }

    void startupTrialsComeFromTheStartupSampler_data()
    {
        QTest::addColumn<QString>("startup");
        QTest::addColumn<QString>("sampler");
        QTest::newRow("sobol") << "sobol" << "sobol";
        QTest::newRow("random") << "random" << "random";
    }

    void startupTrialsComeFromTheStartupSampler()
    {
        QFETCH(QString, startup);
        QFETCH(QString, sampler);
        const SearchSpace space = conditionalSpace();
        auto tpe = makeSampler("tpe", space, 5, {{"startup", Value(startup.toStdString())}});
        auto reference = makeSampler(sampler.toStdString(), space, 5);
        History h;
        for (int t = 0; t < 10; ++t) {
            const Assignment a = *tpe->suggest(h, t);
            QCOMPARE(key(a), key(*reference->suggest(h, t)));
            h.finished.push_back(completed(t, a, conditionalObjective(a)));
        }
        QVERIFY(key(*tpe->suggest(h, 10)) != key(*reference->suggest(h, 10)));
    }

    void sobolStartupSeesEveryChoiceAndRegion()
    {
        // The 10 start-up trials of the default spread evenly: in every one of 50 seeds each of
        // three choices appears at least twice and each half of a float range at least four
        // times. Uniform draws miss a choice altogether in about 5 % of runs.
        const SearchSpace space({choice("opt", {"sgd", "adam", "rmsprop"}), floatParam("x", 0, 1)});
        int randomMisses = 0;
        for (std::uint64_t seed = 0; seed < 50; ++seed) {
            for (const char* startup : {"sobol", "random"}) {
                auto tpe = makeSampler("tpe", space, seed, {{"startup", Value(std::string(startup))}});
                std::map<std::string, int> choices;
                int low = 0;
                History h;
                for (int t = 0; t < 10; ++t) {
                    const Assignment a = *tpe->suggest(h, t);
                    ++choices[std::get<std::string>(*a[0])];
                    low += num(a, 1) < 0.5;
                    h.finished.push_back(completed(t, a, num(a, 1)));
                }
                int fewest = 10;
                for (const char* c : {"sgd", "adam", "rmsprop"})
                    fewest = std::min(fewest, choices[c]);
                if (std::string(startup) == "random") {
                    randomMisses += fewest == 0;
                    continue;
                }
                QVERIFY2(fewest >= 2, qPrintable(QString("seed %1: a choice drawn %2 times").arg(seed).arg(fewest)));
                QVERIFY2(low >= 4 && low <= 6, qPrintable(QString("seed %1: %2 of 10 in [0, 0.5)").arg(seed).arg(low)));
            }
        }
        QVERIFY2(randomMisses > 0, "uniform draws never missed a choice: the comparison shows nothing");
    }

    void deterministicPerSeed_data()
    {
        QTest::addColumn<bool>("multivariate");
        QTest::newRow("univariate") << false;
        QTest::newRow("multivariate") << true;
    }

    void deterministicPerSeed()
    {
        QFETCH(bool, multivariate);
        const Settings settings{{"multivariate", multivariate}};
        const SearchSpace space = conditionalSpace();
        auto first = makeSampler("tpe", space, 11, settings);
        const History a = optimize(*first, conditionalObjective, 40);
        const History b = optimize(*makeSampler("tpe", space, 11, settings), conditionalObjective, 40);
        const History c = optimize(*makeSampler("tpe", space, 12, settings), conditionalObjective, 40);
        int same = 0;
        for (std::size_t t = 0; t < a.finished.size(); ++t) {
            QCOMPARE(key(a.finished[t].params), key(b.finished[t].params));
            same += key(a.finished[t].params) == key(c.finished[t].params);
        }
        QVERIFY2(same < 5, "another seed should give another sequence");

        // No hidden state: a sampler rebuilt from the history suggests what the first one
        // does, and asking twice gives the same answer.
        auto rebuilt = makeSampler("tpe", space, 11, settings);
        const std::string next = key(*first->suggest(a, 40));
        QCOMPARE(key(*rebuilt->suggest(a, 40)), next);
        QCOMPARE(key(*first->suggest(a, 40)), next);
    }

    void findsTheBottomOfABowl_data()
    {
        QTest::addColumn<int>("direction");
        QTest::newRow("minimize") << int(Direction::Minimize);
        QTest::newRow("maximize") << int(Direction::Maximize);
    }

    void findsTheBottomOfABowl()
    {
        // Budget: 100 trials (10 start-up, 90 model-based) on a 2-D bowl over [-5, 5]^2 with its
        // optimum at (1.3, -0.7). Every one of 5 seeds ends within 0.05 of the optimum value
        // (at 60 trials about three runs in four do, as with Optuna 3.1); random search with
        // the same budget is worse on median.
        QFETCH(int, direction);
        const auto dir = static_cast<Direction>(direction);
        const double sign = dir == Direction::Minimize ? 1.0 : -1.0;
        const SearchSpace space({floatParam("x", -5, 5), floatParam("y", -5, 5)});
        const Objective bowl = [&](const Assignment& a) {
            return sign * (std::pow(num(a, 0) - 1.3, 2) + std::pow(num(a, 1) + 0.7, 2));
        };
        std::vector<double> tpeRegret, randomRegret;
        for (std::uint64_t seed = 0; seed < 5; ++seed) {
            tpeRegret.push_back(sign * bestValue(optimize(*makeSampler("tpe", space, seed), bowl, 100, dir)));
            randomRegret.push_back(sign * bestValue(optimize(*makeSampler("random", space, seed), bowl, 100, dir)));
            QVERIFY2(tpeRegret.back() <= 0.05, qPrintable(QString("seed %1: regret %2").arg(seed).arg(tpeRegret.back())));
        }
        QVERIFY2(median(tpeRegret) < median(randomRegret),
                 qPrintable(QString("tpe %1, random %2").arg(median(tpeRegret)).arg(median(randomRegret))));
    }

    void handlesEveryParameterKind()
    {
        // Log float, int with a step, stepped float and a categorical where "adam" is best by
        // a clear margin. Budget: 60 trials. In every one of 20 seeds the best trial uses
        // adam; the last 20 trials pick it more often than chance (1/3) on average, though
        // the default categorical_prior_weight keeps trying the others (with Optuna's weight of
        // 1, 2 of these 20 seeds never find adam).
        Param units = floatParam("units", 8, 256);
        units.type = ParamType::Int;
        units.step = 8;
        Param dropout = floatParam("dropout", 0, 0.5);
        dropout.step = 0.05;
        const SearchSpace space(
            {floatParam("lr", 1e-5, 1, true), units, dropout, choice("opt", {"sgd", "adam", "rmsprop"})});
        const Objective f = [](const Assignment& a) {
            const std::string opt = std::get<std::string>(*a[3]);
            return std::pow(std::log10(num(a, 0)) + 3, 2) + std::pow((num(a, 1) - 128) / 64, 2)
                + std::pow(num(a, 2) - 0.2, 2) + (opt == "adam" ? 0.0 : 0.5);
        };
        int lateAdam = 0;
        for (std::uint64_t seed = 0; seed < 20; ++seed) {
            const History h = optimize(*makeSampler("tpe", space, seed), f, 60);
            int adam = 0;
            const TrialRecord* best = &h.finished.front();
            for (const TrialRecord& t : h.finished) {
                for (std::size_t i = 0; i < space.size(); ++i)
                    QVERIFY2(!space.checkValue(i, *t.params[i]), space.checkValue(i, *t.params[i])->c_str());
                QVERIFY(std::holds_alternative<std::int64_t>(*t.params[1]));
                QCOMPARE(std::get<std::int64_t>(*t.params[1]) % 8, std::int64_t(0));
                const double d = num(t.params, 2);
                QCOMPARE(space.quantize(2, d), d);
                if (t.number >= 40)
                    adam += std::get<std::string>(*t.params[3]) == "adam";
                if (*t.value < *best->value)
                    best = &t;
            }
            lateAdam += adam;
            QCOMPARE(std::get<std::string>(*best->params[3]), std::string("adam"));
            QVERIFY2(bestValue(h) < 0.1, qPrintable(QString("seed %1: best %2").arg(seed).arg(bestValue(h))));
        }
        QVERIFY2(lateAdam >= 20 * 10, qPrintable(QString("adam in %1 of the last 20 x 20 trials").arg(lateAdam)));
    }

    void modelsConditionalParametersWhereActive_data()
    {
        QTest::addColumn<bool>("multivariate");
        QTest::newRow("univariate") << false;
        QTest::newRow("multivariate") << true;
    }

    void modelsConditionalParametersWhereActive()
    {
        // Budget: 60 trials. momentum only matters under opt=sgd, the better branch; its
        // values there concentrate around 0.9 once the model takes over.
        QFETCH(bool, multivariate);
        const SearchSpace space = conditionalSpace();
        for (std::uint64_t seed = 0; seed < 3; ++seed) {
            const History h = optimize(*makeSampler("tpe", space, seed, {{"multivariate", multivariate}}),
                                       conditionalObjective, 60);
            std::vector<double> lateMomentumError;
            for (const TrialRecord& t : h.finished) {
                for (std::size_t i = 0; i < space.size(); ++i)
                    QCOMPARE(t.params[i].has_value(), space.isActive(i, t.params));
                if (t.number >= 40 && t.params[1])
                    lateMomentumError.push_back(std::fabs(num(t.params, 1) - 0.9));
            }
            QVERIFY2(lateMomentumError.size() >= 12,
                     qPrintable(QString("seed %1: sgd in %2 of the last 20").arg(seed).arg(lateMomentumError.size())));
            QVERIFY2(median(lateMomentumError) < 0.15, // uniform draws: 0.4
                     qPrintable(QString("seed %1: median |momentum - 0.9| %2").arg(seed).arg(median(lateMomentumError))));
        }
    }

    void constantLiarSpreadsParallelSuggestions_data()
    {
        QTest::addColumn<bool>("multivariate");
        QTest::newRow("univariate") << false; // the sorted, windowed density path
        QTest::newRow("multivariate") << true;
    }

    void constantLiarSpreadsParallelSuggestions()
    {
        QFETCH(bool, multivariate);
        const SearchSpace space({floatParam("x", 0, 1)});
        const Objective f = [](const Assignment& a) { return std::pow(num(a, 0) - 0.3, 2); };
        const Settings settings{{"multivariate", multivariate}};
        History h = optimize(*makeSampler("tpe", space, 3, settings), f, 25);
        auto sampler = makeSampler("tpe", space, 3, settings);

        // Four workers ask in turn while the others still run.
        std::set<std::string> distinct;
        for (int k = 0; k < 4; ++k) {
            const Assignment a = *sampler->suggest(h, 25 + k);
            distinct.insert(key(a));
            h.pending.push_back(a);
        }
        QCOMPARE(distinct.size(), std::size_t(4));

        // The same trial number with its own suggestion pending: the liar moves away from it;
        // without the liar, pending trials are ignored.
        h.pending.clear();
        const Assignment alone = *sampler->suggest(h, 30);
        h.pending.assign(3, alone);
        QVERIFY(key(*sampler->suggest(h, 30)) != key(alone));
        auto honest = makeSampler("tpe", space, 3, {{"constant_liar", false}, {"multivariate", multivariate}});
        QCOMPARE(key(*honest->suggest(h, 30)), key(alone));
    }

    void followsOptunaOnPrunedAndFailedTrials()
    {
        const SearchSpace space({floatParam("x", 0, 1)});
        auto sampler = makeSampler("tpe", space, 9);
        auto startup = makeSampler("sobol", space, 9); // the default startup draws

        // Pruned trials count towards the startup phase; failed ones do not.
        History h;
        for (int t = 0; t < 9; ++t) {
            TrialRecord r;
            r.number = t;
            r.params = {Value(0.05 * t)};
            r.state = TrialState::Pruned;
            r.intermediate = {{1, 0.5}, {2, 0.1 * t}};
            h.finished.push_back(r);
        }
        TrialRecord failed;
        failed.number = 9;
        failed.params = {Value(0.95)};
        failed.state = TrialState::Failed;
        h.finished.push_back(failed);
        QCOMPARE(key(*sampler->suggest(h, 10)), key(*startup->suggest(h, 10)));
        h.finished.push_back(completed(10, {Value(0.9)}, 5.0));
        QVERIFY(key(*sampler->suggest(h, 11)) != key(*startup->suggest(h, 11)));

        // Failed trials are ignored altogether.
        History withoutFailed = h;
        withoutFailed.finished.erase(withoutFailed.finished.begin() + 9);
        QCOMPARE(key(*sampler->suggest(h, 11)), key(*sampler->suggest(withoutFailed, 11)));

        // Completed trials rank before pruned ones whatever their values: with 10 completed
        // trials in [0.6, 0.96] and 10 pruned with tiny intermediate values in [0, 0.09], the
        // good set holds the two best completed trials, and the suggestion lands near them.
        History ranked;
        for (int t = 0; t < 10; ++t) {
            ranked.finished.push_back(completed(2 * t, {Value(0.6 + 0.04 * t)}, 1.0 + t));
            TrialRecord r;
            r.number = 2 * t + 1;
            r.params = {Value(0.01 * t)};
            r.state = TrialState::Pruned;
            r.intermediate = {{3, -10.0}};
            ranked.finished.push_back(r);
        }
        for (std::int64_t number = 20; number < 25; ++number)
            QVERIFY(num(*sampler->suggest(ranked, number), 0) > 0.4);
    }

    void multivariateHandlesCorrelatedParameters()
    {
        // Rosenbrock's curved valley couples x and y. Budget: 150 trials on [-2, 2]^2; every
        // one of 5 seeds ends below 1, the median beats random search's, and runs repeat
        // exactly.
        const SearchSpace space({floatParam("x", -2, 2), floatParam("y", -2, 2)});
        const Objective rosenbrock = [](const Assignment& a) {
            const double x = num(a, 0), y = num(a, 1);
            return 100 * std::pow(y - x * x, 2) + std::pow(1 - x, 2);
        };
        const Settings mv{{"multivariate", true}};
        std::vector<double> tpe, random;
        for (std::uint64_t seed = 0; seed < 5; ++seed) {
            const History h = optimize(*makeSampler("tpe", space, seed, mv), rosenbrock, 150);
            const History again = optimize(*makeSampler("tpe", space, seed, mv), rosenbrock, 150);
            QCOMPARE(key(h.finished.back().params), key(again.finished.back().params));
            tpe.push_back(bestValue(h));
            random.push_back(bestValue(optimize(*makeSampler("random", space, seed), rosenbrock, 150)));
            QVERIFY2(tpe.back() < 1.0, qPrintable(QString("seed %1: best %2").arg(seed).arg(tpe.back())));
        }
        QVERIFY2(median(tpe) < median(random),
                 qPrintable(QString("tpe %1, random %2").arg(median(tpe)).arg(median(random))));
    }

    void neighbourBandwidthsFollowAValley()
    {
        // Per-kernel widths (the default) resolve the Branin function's curved valley of three
        // minima better than Optuna 3.1's one shared width: over 20 seeds x 100 trials the
        // median regret is lower by more than 1.5x (2.2x at the time of writing). Not on
        // every function: on the 2-D Rosenbrock valley of multivariateHandlesCorrelatedParameters
        // with 100 trials the shared width did slightly better (median 0.084 against 0.109
        // over 20 seeds), on the 4-D one of the benchmarks much worse (5.2 against 3.2).
        const SearchSpace space({floatParam("x1", -5, 10), floatParam("x2", 0, 15)});
        const Objective branin = [](const Assignment& a) {
            const double x1 = num(a, 0), x2 = num(a, 1), pi = 3.14159265358979323846;
            return std::pow(x2 - 5.1 / (4 * pi * pi) * x1 * x1 + 5 / pi * x1 - 6, 2)
                + 10 * (1 - 1 / (8 * pi)) * std::cos(x1) + 10 - 0.397887;
        };
        std::vector<double> neighbour, scott;
        for (std::uint64_t seed = 0; seed < 20; ++seed) {
            neighbour.push_back(bestValue(optimize(*makeSampler("tpe", space, seed), branin, 100)));
            scott.push_back(bestValue(
                optimize(*makeSampler("tpe", space, seed, {{"bandwidth", Value(std::string("scott"))}}), branin, 100)));
        }
        qInfo("median regret: neighbour %g, scott %g", median(neighbour), median(scott));
        QVERIFY2(median(neighbour) * 1.5 < median(scott),
                 qPrintable(QString("neighbour %1, scott %2").arg(median(neighbour)).arg(median(scott))));
    }
};

QTEST_GUILESS_MAIN(TestTpe)
#include "tst_tpe.moc"
