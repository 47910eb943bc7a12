#include "pareto_set.h"

#include "algorithms/pareto.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <cmath>

namespace tb::engine {

namespace {

// Smaller is better in every coordinate.
algorithms::Point oriented(const ExperimentSpec& spec, const std::vector<double>& values)
{
    algorithms::Point p(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        p[i] = spec.objectives[i].direction == algorithms::Direction::Minimize ? values[i] : -values[i];
    return p;
}

bool usable(const ExperimentSpec& spec, const TrialRow& t)
{
    if (t.state != algorithms::TrialState::Completed || !t.value)
        return false;
    const std::vector<double> v = objectiveValues(spec, t);
    return v.size() == spec.objectives.size() && std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
}

} // namespace

std::vector<double> objectiveValues(const ExperimentSpec& spec, const TrialRow& trial)
{
    if (!spec.multiObjective())
        return trial.value ? std::vector<double>{*trial.value} : std::vector<double>{};
    return trial.values;
}

ParetoSet paretoSet(const ExperimentSpec& spec, const std::vector<TrialRow>& trials)
{
    ParetoSet out;
    std::vector<const TrialRow*> feasible;
    for (const TrialRow& t : trials) {
        if (!usable(spec, t))
            continue;
        if (t.feasible()) {
            feasible.push_back(&t);
            ++out.feasible;
        } else {
            ++out.infeasible;
        }
    }
    std::sort(feasible.begin(), feasible.end(), [](const TrialRow* a, const TrialRow* b) { return a->number < b->number; });
    std::vector<algorithms::Point> points;
    for (const TrialRow* t : feasible)
        points.push_back(oriented(spec, objectiveValues(spec, *t)));
    const std::vector<std::size_t> front = algorithms::paretoFront(points);
    std::vector<algorithms::Point> frontPoints;
    for (std::size_t i : front) {
        out.trials.push_back(*feasible[i]);
        frontPoints.push_back(points[i]);
    }
    out.referenceFromSpec = std::all_of(spec.objectives.begin(), spec.objectives.end(),
                                        [](const ObjectiveSpec& o) { return o.reference.has_value(); });
    algorithms::Point reference(spec.objectives.size());
    if (out.referenceFromSpec) {
        for (std::size_t i = 0; i < spec.objectives.size(); ++i)
            out.reference.push_back(*spec.objectives[i].reference);
        reference = oriented(spec, out.reference);
    } else if (!frontPoints.empty()) {
        reference = algorithms::defaultReference(frontPoints);
        out.reference = oriented(spec, reference); // orienting twice gives each objective's own direction back
    }
    if (!frontPoints.empty())
        out.hypervolume = algorithms::hypervolume(frontPoints, reference);
    return out;
}

std::vector<std::pair<std::int64_t, double>> hypervolumeHistory(const ExperimentSpec& spec, const std::vector<TrialRow>& trials,
                                                                const std::vector<double>& reference)
{
    std::vector<const TrialRow*> done;
    for (const TrialRow& t : trials)
        if (usable(spec, t))
            done.push_back(&t);
    std::sort(done.begin(), done.end(), [](const TrialRow* a, const TrialRow* b) { return a->number < b->number; });
    const algorithms::Point ref = oriented(spec, reference);
    std::vector<std::pair<std::int64_t, double>> out;
    std::vector<algorithms::Point> front; // the front so far: each step adds one point to it
    double hv = 0;
    for (const TrialRow* t : done) {
        if (t->feasible()) {
            const algorithms::Point p = oriented(spec, objectiveValues(spec, *t));
            const bool dominated = std::any_of(front.begin(), front.end(), [&](const algorithms::Point& q) {
                return algorithms::dominates(q, p) || q == p;
            });
            if (!dominated) {
                std::erase_if(front, [&](const algorithms::Point& q) { return algorithms::dominates(p, q); });
                front.push_back(p);
                hv = algorithms::hypervolume(front, ref);
            }
        }
        out.emplace_back(t->number, hv);
    }
    return out;
}

QJsonObject paretoJson(const ExperimentSpec& spec, const ParetoSet& set)
{
    QJsonArray reference;
    for (double r : set.reference)
        reference.append(r);
    QJsonArray trials;
    for (const TrialRow& t : set.trials) {
        QJsonObject values;
        const std::vector<double> v = objectiveValues(spec, t);
        for (std::size_t i = 0; i < v.size(); ++i)
            values.insert(spec.objectives[i].metric, v[i]);
        trials.append(QJsonObject{{QStringLiteral("trial"), qint64(t.id)},
                                  {QStringLiteral("number"), qint64(t.number)},
                                  {QStringLiteral("values"), values},
                                  {QStringLiteral("params"), QJsonDocument::fromJson(t.params).object()}});
    }
    return {{QStringLiteral("size"), qint64(set.trials.size())},
            {QStringLiteral("hypervolume"), set.hypervolume},
            {QStringLiteral("reference"), reference},
            {QStringLiteral("reference_from"), set.referenceFromSpec ? QStringLiteral("spec") : QStringLiteral("trials")},
            {QStringLiteral("feasible"), qint64(set.feasible)},
            {QStringLiteral("infeasible"), qint64(set.infeasible)},
            {QStringLiteral("trials"), trials}};
}

} // namespace tb::engine
