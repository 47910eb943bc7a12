// The `auto` sampler: which sampler it picks for a trial and why (the rule of
// auto_sampler.cpp), that the pick and the point depend only on (space, seed, settings,
// history, number), that parallel suggestions never repeat a point, and that the switch from
// GP to CMA-ES starts CMA-ES from the best trial so far.

#include "algorithms/sampler.h"
#include "algorithms/samplers/samplers.h"
#include "params.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>
#include <set>
#include <string>

using namespace tb::algorithms;
using namespace tb::algorithms::testing;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(tb::algorithms::SearchSpace)
Q_DECLARE_METATYPE(tb::algorithms::Settings)

namespace {

Param fixedParam(const std::string& name, Value value)
{
    Param p;
    p.name = name;
    p.type = ParamType::Fixed;
    p.fixed = std::move(value);
    return p;
}

SearchSpace continuousSpace(int dims)
{
    std::vector<Param> params;
    for (int i = 0; i < dims; ++i)
        params.push_back(floatParam("x" + std::to_string(i), -2, 2));
    return SearchSpace(params);
}

// log lr, int width, a fixed batch: continuous to the rule (fixed parameters do not count).
SearchSpace smallSpace()
{
    return SearchSpace({floatParam("lr", 1e-5, 1, true), intParam("width", 16, 512), floatParam("dropout", 0, 0.5),
                        fixedParam("batch", std::int64_t{64})});
}

SearchSpace categoricalSpace()
{
    return SearchSpace({floatParam("lr", 1e-5, 1, true), categoricalParam("opt", {std::string("adam"), std::string("sgd")})});
}

SearchSpace conditionalSpace()
{
    Param momentum = floatParam("momentum", 0, 0.99);
    momentum.when = Condition{"opt", {Value{std::string("sgd")}}};
    return SearchSpace({floatParam("lr", 1e-5, 1, true), categoricalParam("opt", {std::string("adam"), std::string("sgd")}), momentum});
}

std::unique_ptr<Sampler> makeAuto(const SearchSpace& space, std::uint64_t seed, const Settings& given = {})
{
    const SamplerInfo* info = findSampler("auto");
    return info->create(space, seed, resolveSettings(info->settings, given, "algorithm.settings"));
}

// A smooth objective on the unit cube with its minimum 0 at (0.8, 0.2, 0.7, 0.3, ...), far
// from the centre; categoricals add their choice's index / 10.
double objective(const SearchSpace& space, const Assignment& a)
{
    double s = 0;
    for (std::size_t i = 0; i < space.size(); ++i) {
        if (!a[i] || space.params()[i].type == ParamType::Fixed)
            continue;
        const double u = space.toUnit(i, *a[i]);
        if (space.params()[i].type == ParamType::Categorical)
            s += std::floor(u * static_cast<double>(space.params()[i].choices.size())) / 10;
        else
            s += std::pow(u - (i % 2 ? 0.2 : 0.8) + (i % 4 == 2 ? -0.1 : 0.0), 2);
    }
    return s;
}

TrialRecord completed(std::int64_t number, Assignment params, double value)
{
    TrialRecord t;
    t.number = number;
    t.params = std::move(params);
    t.state = TrialState::Completed;
    t.value = value;
    return t;
}

struct Run {
    History history;
    std::vector<Assignment> points;            // by trial number
    std::vector<SuggestionSource> sources;     // by trial number
};

// `trials` trials, `parallel` at a time: the sampler is asked whenever fewer than `parallel`
// trials run, and the running trial that ends next is drawn at random (seeded), so trials
// finish out of order.
Run runStudy(Sampler& sampler, const SearchSpace& space, int trials, int parallel = 1, unsigned shuffle = 1)
{
    Run run;
    std::mt19937 rng(shuffle);
    std::vector<std::int64_t> running;
    for (std::int64_t n = 0; n < trials || !running.empty();) {
        while (n < trials && static_cast<int>(running.size()) < parallel) {
            const auto a = sampler.suggest(run.history, n);
            if (!a)
                return run;
            run.points.push_back(*a);
            run.sources.push_back(sampler.lastSource());
            run.history.pending.push_back(*a);
            run.history.pendingNumbers.push_back(n);
            running.push_back(n++);
        }
        const std::size_t k = std::uniform_int_distribution<std::size_t>(0, running.size() - 1)(rng);
        const std::int64_t done = running[k];
        running.erase(running.begin() + static_cast<std::ptrdiff_t>(k));
        const auto at = std::find(run.history.pendingNumbers.begin(), run.history.pendingNumbers.end(), done)
            - run.history.pendingNumbers.begin();
        run.history.pending.erase(run.history.pending.begin() + at);
        run.history.pendingNumbers.erase(run.history.pendingNumbers.begin() + at);
        const Assignment& p = run.points[static_cast<std::size_t>(done)];
        TrialRecord t = completed(done, p, objective(space, p));
        const auto pos = std::upper_bound(run.history.finished.begin(), run.history.finished.end(), done,
                                          [](std::int64_t v, const TrialRecord& r) { return v < r.number; });
        run.history.finished.insert(pos, std::move(t));
    }
    return run;
}

// A history of `count` completed trials (Sobol-like filler from another seed's auto start).
History filledHistory(const SearchSpace& space, int count)
{
    auto filler = makeAuto(space, 99, {{"n_startup_trials", std::int64_t{100000}}});
    History h;
    for (int n = 0; n < count; ++n) {
        const Assignment a = *filler->suggest(h, n);
        h.finished.push_back(completed(n, a, objective(space, a)));
    }
    return h;
}

} // namespace

class TestAuto : public QObject {
    Q_OBJECT

private slots:
    void rule_data()
    {
        QTest::addColumn<SearchSpace>("space");
        QTest::addColumn<Settings>("settings");
        QTest::addColumn<int>("finished"); // completed trials before the one asked
        QTest::addColumn<std::string>("sampler");
        QTest::addColumn<std::string>("reason");

        const Settings none;
        QTest::newRow("start") << smallSpace() << none << 0 << std::string("sobol") << std::string("Sobol start: point 1 of 10");
        QTest::newRow("start, last point") << conditionalSpace() << none << 9 << std::string("sobol")
                                           << std::string("Sobol start: point 10 of 10");
        // Categorical and conditional spaces go to gp while it may (chosen on the tuning set), then tpe.
        QTest::newRow("conditional") << conditionalSpace() << none << 10 << std::string("gp")
                                     << std::string("3-dimensional space with conditional parameters, 10 trials so far; GP until 200 trials, then TPE");
        QTest::newRow("conditional, long run") << conditionalSpace() << none << 200 << std::string("tpe")
                                               << std::string("3-dimensional space with conditional parameters, 200 trials so far; TPE after 200 trials");
        QTest::newRow("conditional, too large")
            << conditionalSpace() << Settings{{"gp_max_params", std::int64_t{2}}} << 12 << std::string("tpe")
            << std::string("3-dimensional space with conditional parameters (GP takes up to 2 dimensions); TPE");
        QTest::newRow("categorical") << categoricalSpace() << none << 10 << std::string("gp")
                                     << std::string("2-dimensional mixed space, 10 trials so far; GP until 200 trials, then TPE");
        QTest::newRow("categorical, long run") << categoricalSpace() << none << 400 << std::string("tpe")
                                               << std::string("2-dimensional mixed space, 400 trials so far; TPE after 200 trials");
        QTest::newRow("tpe_for_conditional") << conditionalSpace() << Settings{{"tpe_for_conditional", true}} << 10 << std::string("tpe")
                                             << std::string("conditional parameters (1): TPE models each where it is active");
        QTest::newRow("tpe_for_categorical") << categoricalSpace() << Settings{{"tpe_for_categorical", true}} << 10 << std::string("tpe")
                                             << std::string("categorical parameters (1): TPE models their choices");
        QTest::newRow("small continuous, short history")
            << smallSpace() << none << 14 << std::string("gp")
            << std::string("3-dimensional continuous space, 14 trials so far; GP until 200 trials, then CMA-ES");
        QTest::newRow("small continuous, long run")
            << smallSpace() << none << 200 << std::string("cmaes")
            << std::string("3-dimensional continuous space, 200 trials so far; CMA-ES after 200 trials");
        QTest::newRow("16 floats: still gp") << continuousSpace(16) << none << 10 << std::string("gp")
                                             << std::string("16-dimensional continuous space, 10 trials so far; GP until 200 trials, then CMA-ES");
        QTest::newRow("20 floats") << continuousSpace(20) << none << 10 << std::string("cmaes")
                                   << std::string("20-dimensional continuous space (GP takes up to 16 dimensions); CMA-ES");
        QTest::newRow("20 floats, first trial") << continuousSpace(20) << none << 0 << std::string("cmaes")
                                                << std::string("20-dimensional continuous space (GP takes up to 16 dimensions); CMA-ES");
        const Settings gpTakesCategoricals{{"gp_max_trials", std::int64_t{50}}};
        QTest::newRow("categorical to gp") << categoricalSpace() << gpTakesCategoricals << 12 << std::string("gp")
                                           << std::string("2-dimensional mixed space, 12 trials so far; GP until 50 trials, then TPE");
        QTest::newRow("categorical to gp, long run") << categoricalSpace() << gpTakesCategoricals << 50 << std::string("tpe")
                                                     << std::string("2-dimensional mixed space, 50 trials so far; TPE after 50 trials");
        QTest::newRow("categorical to gp, too large")
            << categoricalSpace() << Settings{{"gp_max_params", std::int64_t{1}}} << 12
            << std::string("tpe") << std::string("2-dimensional mixed space (GP takes up to 1 dimensions); TPE");
        QTest::newRow("tpe_for_conditional beats tpe_for_categorical false")
            << conditionalSpace() << Settings{{"tpe_for_categorical", false}, {"tpe_for_conditional", true}} << 12 << std::string("tpe")
            << std::string("conditional parameters (1): TPE models each where it is active");
        QTest::newRow("thresholds as set") << smallSpace() << Settings{{"n_startup_trials", std::int64_t{4}}, {"gp_max_trials", std::int64_t{6}}}
                                           << 6 << std::string("cmaes")
                                           << std::string("3-dimensional continuous space, 6 trials so far; CMA-ES after 6 trials");
        QTest::newRow("nothing to search") << SearchSpace({fixedParam("a", 1.0), categoricalParam("b", {std::string("x")})}) << none
                                           << 20 << std::string("sobol") << std::string("every parameter has one value");
    }

    void rule()
    {
        QFETCH(SearchSpace, space);
        QFETCH(Settings, settings);
        QFETCH(int, finished);
        QFETCH(std::string, sampler);
        QFETCH(std::string, reason);
        auto s = makeAuto(space, 7, settings);
        const History history = filledHistory(space, finished);
        const auto a = s->suggest(history, finished);
        QVERIFY(a);
        QCOMPARE(s->lastSource().sampler, sampler);
        QCOMPARE(s->lastSource().reason, reason);
    }

    // Until two trials have a value, the models give way to Sobol points.
    void modelsWaitForValues()
    {
        const SearchSpace space = smallSpace();
        auto s = makeAuto(space, 7);
        History history = filledHistory(space, 12);
        for (TrialRecord& t : history.finished) {
            t.state = TrialState::Failed;
            t.value.reset();
        }
        history.finished[3].state = TrialState::Completed;
        history.finished[3].value = 1.0;
        QVERIFY(s->suggest(history, 12));
        QCOMPARE(s->lastSource().sampler, std::string("sobol"));
        QCOMPARE(s->lastSource().reason, std::string("trials with a value so far: 1 of the 2 a model needs"));
        history.finished[5].state = TrialState::Pruned;
        history.finished[5].value = 2.0;
        QVERIFY(s->suggest(history, 12));
        QCOMPARE(s->lastSource().sampler, std::string("gp"));
    }

    // The registry's defaults are what the rule above assumes, and auto comes first (the
    // spec's default, the GUI's first choice).
    void registryEntry()
    {
        QCOMPARE(samplerRegistry().front().name, std::string("auto"));
        const Settings d = resolveSettings(findSampler("auto")->settings, {}, "algorithm.settings");
        QCOMPARE(settingInt(d, "n_startup_trials"), std::int64_t{10});
        QCOMPARE(settingInt(d, "gp_max_params"), std::int64_t{16});
        QCOMPARE(settingInt(d, "gp_max_trials"), std::int64_t{200});
        QCOMPARE(settingBool(d, "tpe_for_categorical"), false);
        QCOMPARE(settingBool(d, "tpe_for_conditional"), false);
    }

    void deterministic_data()
    {
        QTest::addColumn<SearchSpace>("space");
        QTest::addColumn<Settings>("settings");
        QTest::newRow("sobol, gp, cmaes") << smallSpace() << Settings{{"gp_max_trials", std::int64_t{24}}};
        QTest::newRow("sobol, tpe") << conditionalSpace() << Settings{{"tpe_for_conditional", true}};
        QTest::newRow("conditional: sobol, gp, tpe") << conditionalSpace() << Settings{{"gp_max_trials", std::int64_t{20}}};
    }

    // Same inputs, same point and same source; a sampler built afresh for every trial (a
    // resume after each one) follows the same course.
    void deterministic()
    {
        QFETCH(SearchSpace, space);
        QFETCH(Settings, settings);
        auto first = makeAuto(space, 5, settings);
        auto second = makeAuto(space, 5, settings);
        const Run a = runStudy(*first, space, 34);
        const Run b = runStudy(*second, space, 34);
        QCOMPARE(a.points.size(), std::size_t(34));
        std::set<std::string> used;
        for (std::size_t n = 0; n < a.points.size(); ++n) {
            QCOMPARE(assignmentKey(a.points[n]), assignmentKey(b.points[n]));
            QCOMPARE(a.sources[n].sampler, b.sources[n].sampler);
            QCOMPARE(a.sources[n].reason, b.sources[n].reason);
            used.insert(a.sources[n].sampler);
            History before;
            for (const TrialRecord& t : a.history.finished)
                if (t.number < static_cast<std::int64_t>(n))
                    before.finished.push_back(t);
            auto fresh = makeAuto(space, 5, settings);
            QCOMPARE(assignmentKey(*fresh->suggest(before, static_cast<std::int64_t>(n))), assignmentKey(a.points[n]));
            QCOMPARE(fresh->lastSource().reason, a.sources[n].reason);
        }
        QVERIFY(used.size() >= 2);
        auto otherSeed = makeAuto(space, 6, settings);
        QVERIFY(assignmentKey(*otherSeed->suggest({}, 0)) != assignmentKey(a.points[0]));
    }

    void parallelNeverRepeats_data()
    {
        QTest::addColumn<SearchSpace>("space");
        QTest::addColumn<Settings>("settings");
        QTest::addColumn<int>("trials");
        QTest::addColumn<std::string>("samplers"); // the ones that must have taken part
        QTest::newRow("continuous: sobol, gp, cmaes") << continuousSpace(3) << Settings{{"gp_max_trials", std::int64_t{30}}} << 70
                                                      << std::string("cmaes gp sobol");
        QTest::newRow("conditional: sobol, tpe") << conditionalSpace() << Settings{{"tpe_for_conditional", true}} << 50 << std::string("sobol tpe");
        QTest::newRow("conditional: sobol, gp, tpe") << conditionalSpace() << Settings{{"gp_max_trials", std::int64_t{30}}} << 60
                                                     << std::string("gp sobol tpe");
        QTest::newRow("20 floats: cmaes") << continuousSpace(20) << Settings{} << 60 << std::string("cmaes");
        // 8 x 8 x 2 points: tpe proposes repeats here, which Sobol or uniform points replace.
        const Settings tpeTakesCategoricals{{"tpe_for_categorical", true}};
        QTest::newRow("small integer grid") << SearchSpace({intParam("a", 0, 7), intParam("b", 0, 7), categoricalParam("c", {std::int64_t{0}, std::int64_t{1}})})
                                            << tpeTakesCategoricals << 60 << std::string("random sobol tpe");
        QTest::newRow("small integer grid, gp") << SearchSpace({intParam("a", 0, 7), intParam("b", 0, 7), categoricalParam("c", {std::int64_t{0}, std::int64_t{1}})})
                                                << Settings{} << 60 << std::string("gp sobol");
        // 3 x 4 points, all of them tried: the Sobol start itself repeats here, and so does
        // tpe for the last two, which uniform draws replace.
        QTest::newRow("tiny grid") << SearchSpace({intParam("a", 0, 2), categoricalParam("b", {std::int64_t{0}, std::int64_t{1}, std::int64_t{2}, std::int64_t{3}})})
                                   << tpeTakesCategoricals << 12 << std::string("random sobol");
        QTest::newRow("small integer grid, cmaes") << SearchSpace({intParam("a", 0, 9), intParam("b", 0, 9), intParam("c", 0, 9)})
                                                   << Settings{{"gp_max_trials", std::int64_t{20}}} << 90 << std::string("cmaes gp sobol");
    }

    // Four trials at once, finishing in random order: no point is suggested twice, every
    // sub-sampler sees the others' pending trials.
    void parallelNeverRepeats()
    {
        QFETCH(SearchSpace, space);
        QFETCH(Settings, settings);
        QFETCH(int, trials);
        QFETCH(std::string, samplers);
        auto s = makeAuto(space, 11, settings);
        const Run run = runStudy(*s, space, trials, 4, 3);
        QCOMPARE(static_cast<int>(run.points.size()), trials);
        std::set<std::string> seen, used;
        for (std::size_t n = 0; n < run.points.size(); ++n) {
            QVERIFY2(seen.insert(assignmentKey(run.points[n])).second, qPrintable(QStringLiteral("trial %1 repeats a point").arg(n)));
            used.insert(run.sources[n].sampler);
            if (run.sources[n].sampler == "random" || (n >= 10 && run.sources[n].sampler == "sobol"))
                QVERIFY2(run.sources[n].reason.find(" gave no new point; a ") != std::string::npos, run.sources[n].reason.c_str());
            for (std::size_t i = 0; i < space.size(); ++i)
                if (run.points[n][i])
                    QVERIFY(!space.checkValue(i, *run.points[n][i]));
        }
        std::string names;
        for (const std::string& u : used)
            names += (names.empty() ? "" : " ") + u;
        QCOMPARE(QString::fromStdString(names), QString::fromStdString(samplers));
    }

    // The plan the set-up panel shows before a launch: each switch and the trial it comes at.
    void plan_data()
    {
        QTest::addColumn<SearchSpace>("space");
        QTest::addColumn<int>("objectives");
        QTest::addColumn<bool>("constrained");
        QTest::addColumn<QString>("steps"); // firstTrial:sampler, in order
        QTest::newRow("small continuous") << smallSpace() << 1 << false << QStringLiteral("0:sobol 10:gp 200:cmaes");
        QTest::newRow("conditional") << conditionalSpace() << 1 << false << QStringLiteral("0:sobol 10:gp 200:tpe");
        // Straight to cmaes, which starts itself: no Sobol start (chosen on the tuning set).
        QTest::newRow("20 floats") << continuousSpace(20) << 1 << false << QStringLiteral("0:cmaes");
        QTest::newRow("20 floats, 2 objectives") << continuousSpace(20) << 2 << false << QStringLiteral("0:sobol 10:tpe");
        QTest::newRow("2 objectives") << smallSpace() << 2 << false << QStringLiteral("0:sobol 10:gp 200:tpe");
        QTest::newRow("2 objectives, constrained") << smallSpace() << 2 << true << QStringLiteral("0:sobol 10:tpe");
        QTest::newRow("nothing to search") << SearchSpace({fixedParam("a", 1.0)}) << 1 << false << QStringLiteral("0:sobol");
        QTest::newRow("categorical") << categoricalSpace() << 1 << false << QStringLiteral("0:sobol 10:gp 200:tpe");
        QTest::newRow("2 objectives, conditional") << conditionalSpace() << 2 << false << QStringLiteral("0:sobol 10:tpe");
    }

    // Plans under settings that move the switches.
    void planWithSettings_data()
    {
        QTest::addColumn<SearchSpace>("space");
        QTest::addColumn<Settings>("settings");
        QTest::addColumn<int>("objectives");
        QTest::addColumn<QString>("steps");
        // No start-up: the first two trials still come from sobol, for want of values.
        QTest::newRow("n_startup_trials 0") << smallSpace() << Settings{{"n_startup_trials", std::int64_t{0}}} << 1
                                            << QStringLiteral("0:sobol 2:gp 200:cmaes");
        QTest::newRow("gp_max_trials below the start-up") << smallSpace() << Settings{{"gp_max_trials", std::int64_t{5}}} << 1
                                                          << QStringLiteral("0:sobol 10:cmaes");
        QTest::newRow("gp_max_params 0") << smallSpace() << Settings{{"gp_max_params", std::int64_t{0}}} << 1
                                         << QStringLiteral("0:cmaes");
        QTest::newRow("gp_max_params 0, mixed") << categoricalSpace() << Settings{{"gp_max_params", std::int64_t{0}}} << 1
                                                << QStringLiteral("0:sobol 10:tpe");
        QTest::newRow("tpe_for_conditional") << conditionalSpace() << Settings{{"tpe_for_conditional", true}} << 1
                                             << QStringLiteral("0:sobol 10:tpe");
        QTest::newRow("2 objectives, tpe_for_categorical") << categoricalSpace() << Settings{{"tpe_for_categorical", true}} << 2
                                                           << QStringLiteral("0:sobol 10:tpe");
    }

    void planWithSettings()
    {
        QFETCH(SearchSpace, space);
        QFETCH(Settings, settings);
        QFETCH(int, objectives);
        QFETCH(QString, steps);
        QStringList got;
        for (const AutoStep& step : autoPlan(space, settings, static_cast<std::size_t>(objectives)))
            got << QStringLiteral("%1:%2").arg(step.firstTrial).arg(QString::fromStdString(step.source.sampler));
        QCOMPARE(got.join(QLatin1Char(' ')), steps);
    }

    void plan()
    {
        QFETCH(SearchSpace, space);
        QFETCH(int, objectives);
        QFETCH(bool, constrained);
        QFETCH(QString, steps);
        QStringList got;
        for (const AutoStep& step : autoPlan(space, {}, static_cast<std::size_t>(objectives), constrained))
            got << QStringLiteral("%1:%2").arg(step.firstTrial).arg(QString::fromStdString(step.source.sampler));
        QCOMPARE(got.join(QLatin1Char(' ')), steps);
    }

    // The plan says what a run does: every trial comes from the step it falls in, with that
    // step's reason at the step's first trial.
    void planMatchesARun_data()
    {
        QTest::addColumn<SearchSpace>("space");
        QTest::addColumn<Settings>("settings");
        QTest::newRow("continuous") << smallSpace() << Settings{{"gp_max_trials", std::int64_t{24}}};
        QTest::newRow("conditional") << conditionalSpace() << Settings{{"gp_max_trials", std::int64_t{20}}};
        QTest::newRow("no start-up") << smallSpace() << Settings{{"n_startup_trials", std::int64_t{0}}, {"gp_max_trials", std::int64_t{12}}};
    }

    void planMatchesARun()
    {
        QFETCH(SearchSpace, space);
        QFETCH(Settings, settings);
        const std::vector<AutoStep> plan = autoPlan(space, settings);
        QCOMPARE(plan.size(), std::size_t(3));
        auto s = makeAuto(space, 3, settings);
        const Run run = runStudy(*s, space, 30);
        for (std::size_t n = 0; n < run.sources.size(); ++n) {
            const auto step = std::find_if(plan.rbegin(), plan.rend(), [&](const AutoStep& st) { return st.firstTrial <= static_cast<std::int64_t>(n); });
            QCOMPARE(run.sources[n].sampler, step->source.sampler);
            if (step->firstTrial == static_cast<std::int64_t>(n))
                QCOMPARE(run.sources[n].reason, step->source.reason);
        }
    }

    // At the switch CMA-ES starts from the best trial so far (its mean), not from the centre.
    void cmaesStartsFromTheBestTrial()
    {
        const SearchSpace space = continuousSpace(3);
        auto s = makeAuto(space, 4, {{"gp_max_trials", std::int64_t{25}}});
        const Run run = runStudy(*s, space, 32);
        const auto best = std::min_element(run.history.finished.begin(), run.history.finished.begin() + 25,
                                           [](const TrialRecord& a, const TrialRecord& b) { return *a.value < *b.value; });
        auto distance = [&](const Assignment& a, const std::vector<double>& to) {
            double d = 0;
            for (std::size_t i = 0; i < space.size(); ++i)
                d += std::pow(space.toUnit(i, *a[i]) - to[i], 2);
            return std::sqrt(d);
        };
        std::vector<double> bestUnit;
        for (std::size_t i = 0; i < space.size(); ++i)
            bestUnit.push_back(space.toUnit(i, *best->params[i]));
        double toBest = 0, toCentre = 0;
        for (std::size_t n = 25; n < 32; ++n) { // the first generation (popsize 7 for 3 parameters)
            QCOMPARE(run.sources[n].sampler, std::string("cmaes"));
            toBest += distance(run.points[n], bestUnit);
            toCentre += distance(run.points[n], {0.5, 0.5, 0.5});
        }
        QVERIFY2(toBest < 0.7 * toCentre, qPrintable(QStringLiteral("%1 vs %2").arg(toBest).arg(toCentre)));
    }
};

QTEST_GUILESS_MAIN(TestAuto)
#include "tst_auto.moc"
