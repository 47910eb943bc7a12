#include "study.h"

#include "errors.h"
#include "external_sampler.h"
#include "json.h"
#include "trial_command.h"

#include "algorithms/pareto.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <cmath>
#include <limits>

namespace tb::engine {

using algorithms::TrialState;

ExperimentRow Study::find(Store& store, const QString& name)
{
    if (auto row = store.experiment(name))
        return *row;
    QStringList names;
    for (const ExperimentRow& e : store.experiments())
        names << e.name;
    if (names.isEmpty())
        throw SpecError(store.path() + QStringLiteral(": the store holds no experiment yet; start one with "
                                                      "tunebench-cli run SPEC.json --db ") + store.path());
    throw SpecError(store.path() + QStringLiteral(": no experiment named '%1'; experiments: %2")
                                       .arg(name, names.join(QStringLiteral(", "))));
}

Study::Study(Store& store, const ExperimentRow& experiment) : m_store(store), m_experiment(experiment)
{
    ParseOptions options;
    options.requireTrial = false;
    try {
        m_spec = parseSpec(experiment.spec, options);
    } catch (const SpecError& e) {
        throw SpecError(store.path() + QStringLiteral(": experiment '%1' holds a spec this build rejects: %2")
                                           .arg(experiment.name, QString::fromUtf8(e.what())));
    }
    // External ones start their process at the first question, so that reading a study
    // (the window, status) never starts one.
    const QString folder = QFileInfo(trialFolder(store.path(), experiment.name, experiment.id, 0)).path();
    if (!m_spec.algorithm.external.command.isEmpty())
        m_sampler = makeExternalSampler(m_spec, folder + QStringLiteral("/sampler.log"));
    else
        m_sampler = algorithms::findSampler(m_spec.algorithm.name.toStdString())
                        ->create(m_spec.space, m_spec.algorithm.seed, m_spec.algorithm.settings);
    if (!m_spec.pruner.external.command.isEmpty())
        m_pruner = makeExternalPruner(m_spec, folder + QStringLiteral("/pruner.log"));
    else
        m_pruner = algorithms::findPruner(m_spec.pruner.name.toStdString())->create(m_spec.pruner.settings);
    m_history.direction = m_spec.objective.direction;
    if (m_spec.multiObjective())
        for (const ObjectiveSpec& o : m_spec.objectives)
            m_history.directions.push_back(o.direction);
    m_history.constrained = !m_spec.constraints.empty();
    if (m_history.constrained && m_spec.algorithm.external.command.isEmpty())
        m_constrainedView = !algorithms::findSampler(m_spec.algorithm.name.toStdString())->multiObjective;

    const bool needCurves = m_spec.pruner.name != QLatin1String("none");
    for (const TrialRow& t : store.trials(experiment.id)) {
        m_nextNumber = std::max(m_nextNumber, t.number + 1);
        if (t.state == TrialState::Queued || t.state == TrialState::Running) {
            m_pending[t.id] = {t.number, paramsOf(t)};
            continue;
        }
        algorithms::TrialRecord record;
        record.number = t.number;
        record.params = paramsOf(t);
        record.state = t.state;
        record.value = t.value;
        record.values = t.values;
        record.violation = t.violation.value_or(0);
        if (needCurves)
            for (const MetricRow& m : store.metrics(t.id))
                if (m.name == m_spec.objective.metric && m.attempt == t.attempt)
                    record.intermediate.emplace_back(m.step, m.value);
        m_history.finished.push_back(std::move(record));
    }
}

const algorithms::History& Study::history()
{
    m_history.pending.clear();
    m_history.pendingNumbers.clear();
    for (const auto& [id, pending] : m_pending) {
        m_history.pendingNumbers.push_back(pending.first);
        m_history.pending.push_back(pending.second);
    }
    return m_history;
}

std::optional<TrialRow> Study::ask(TrialState state, NoTrial* why)
{
    const auto& maxTrials = m_spec.budget.maxTrials;
    auto refuse = [&](NoTrial reason) -> std::optional<TrialRow> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    if (maxTrials && m_store.trialCount(m_experiment.id) >= *maxTrials)
        return refuse(NoTrial::Budget);
    std::optional<algorithms::Assignment> params;
    try {
        params = m_constrainedView ? m_sampler->suggest(algorithms::constrainedView(history()), m_nextNumber)
                                   : m_sampler->suggest(history(), m_nextNumber);
    } catch (const SamplerFault& fault) {
        // The trial exists, so that the fault is seen where trials are, and has failed.
        const QString reason = QString::fromUtf8(fault.what());
        std::optional<TrialRow> created = m_store.createTrialWithin(m_experiment.id, "{}", TrialState::Failed, maxTrials,
                                                                    m_spec.algorithm.name);
        if (!created)
            return refuse(NoTrial::Budget);
        m_store.finishTrial(created->id, TrialState::Failed, std::nullopt, std::nullopt, reason);
        created->state = TrialState::Failed;
        created->reason = reason;
        m_nextNumber = created->number + 1;
        algorithms::TrialRecord record;
        record.number = created->number;
        record.params.assign(m_spec.space.size(), std::nullopt);
        record.state = TrialState::Failed;
        m_history.finished.push_back(std::move(record)); // the newest number: stays in order
        return created;
    }
    if (!params)
        return refuse(NoTrial::Exhausted);
    // Who made the values: the sampler `auto` chose, with its reason, else the algorithm.
    const algorithms::SuggestionSource source = m_sampler->lastSource();
    const QString sampler = source.sampler.empty() ? m_spec.algorithm.name : QString::fromStdString(source.sampler);
    const QByteArray json = QJsonDocument(paramsJson(*params)).toJson(QJsonDocument::Compact);
    std::optional<TrialRow> created = m_store.createTrialWithin(m_experiment.id, json, state, maxTrials, sampler,
                                                                QString::fromStdString(source.reason));
    if (!created)
        return refuse(NoTrial::Budget); // another process took the last one meanwhile
    TrialRow row = std::move(*created);
    m_nextNumber = row.number + 1;
    m_pending[row.id] = {row.number, std::move(*params)};
    return row;
}

void Study::tell(const TrialRow& trial, TrialState state, std::optional<double> value, std::optional<int> exitCode,
                 const QString& reason, const std::vector<MetricRow>& metrics, const std::vector<EventRow>& events,
                 const std::vector<std::pair<std::int64_t, double>>* curve, const TrialScore& score)
{
    m_store.finishTrial(trial.id, state, value, exitCode, reason, metrics, events, score);
    algorithms::TrialRecord record;
    record.number = trial.number;
    auto it = m_pending.find(trial.id);
    record.params = it != m_pending.end() ? it->second.second : paramsOf(trial);
    if (it != m_pending.end())
        m_pending.erase(it);
    record.state = state;
    record.value = value;
    record.values = score.values;
    record.violation = score.violation.value_or(0);
    if (curve)
        record.intermediate = *curve;
    else
        for (const MetricRow& m : metrics)
            if (m.name == m_spec.objective.metric)
                record.intermediate.emplace_back(m.step, m.value);
    const auto pos = std::upper_bound(m_history.finished.begin(), m_history.finished.end(), record.number,
                                      [](std::int64_t n, const algorithms::TrialRecord& r) { return n < r.number; });
    m_history.finished.insert(pos, std::move(record));
}

std::optional<QString> Study::overFailureBudget(const QString& lastReason) const
{
    const auto& max = m_spec.budget.maxFailed;
    if (!max)
        return std::nullopt;
    const auto failed = std::count_if(m_history.finished.begin(), m_history.finished.end(),
                                      [](const algorithms::TrialRecord& t) { return t.state == TrialState::Failed; });
    if (failed <= *max)
        return std::nullopt;
    return QStringLiteral("%1 trials failed (max_failed %2); last: %3").arg(failed).arg(*max).arg(lastReason);
}

void Study::markRunning()
{
    if (m_experiment.state == ExperimentState::Created) {
        m_store.setExperimentState(m_experiment.id, ExperimentState::Running);
        m_experiment.state = ExperimentState::Running;
    }
}

void Study::completeIfBudgetUsed()
{
    const auto& max = m_spec.budget.maxTrials;
    if (max && m_store.trialCount(m_experiment.id) >= *max && !m_store.hasUnfinished(m_experiment.id)) {
        const ExperimentEnd end = endOfBudget(QStringLiteral("max_trials reached (%1 trials)").arg(*max));
        m_store.setExperimentState(m_experiment.id, end.state, end.reason);
    }
}

ExperimentEnd budgetEnd(const StateCounts& counts, const QString& reason, const QString& firstFailure, const QString& firstLog)
{
    if (counts.completed > 0 || counts.pruned > 0 || counts.failed == 0)
        return {ExperimentState::Completed, reason};
    const QString why = firstFailure.isEmpty() ? QStringLiteral("no reason given") : firstFailure;
    if (counts.failed == 1)
        return {ExperimentState::Failed, QStringLiteral("its only trial failed: %1%2").arg(why, firstLog.isEmpty() ? QString() : QStringLiteral("; see its log ") + firstLog)};
    return {ExperimentState::Failed, QStringLiteral("all %1 trials failed; the first: %2%3")
                                         .arg(counts.failed)
                                         .arg(why, firstLog.isEmpty() ? QString() : QStringLiteral("; see the trial logs, such as ") + firstLog)};
}

ExperimentEnd Study::endOfBudget(const QString& reason)
{
    const StateCounts counts = m_store.counts(m_experiment.id);
    if (ExperimentEnd end = budgetEnd(counts, reason, {}, {}); end.state == ExperimentState::Completed)
        return end; // the trials need not be read
    const TrialRow* first = nullptr; // the failed trial that ended first
    const std::vector<TrialRow> trials = m_store.trials(m_experiment.id);
    for (const TrialRow& t : trials)
        if (t.state == TrialState::Failed && (!first || t.endedAt.value_or(0) < first->endedAt.value_or(0)))
            first = &t;
    return budgetEnd(counts, reason, first ? first->reason : QString(), first ? first->logPath : QString());
}

void Study::markPending(const TrialRow& trial)
{
    m_pending[trial.id] = {trial.number, paramsOf(trial)};
}

algorithms::Assignment Study::paramsOf(const TrialRow& trial) const
{
    return assignmentFromJson(m_spec.space, QJsonDocument::fromJson(trial.params).object());
}

QJsonObject Study::paramsJson(const algorithms::Assignment& params) const
{
    return assignmentToJson(m_spec.space, params);
}

namespace {

// One objective's value from the reports of its metric ("last" or "best").
std::optional<double> objectiveOf(const ObjectiveSpec& objective, const std::vector<MetricRow>& reports)
{
    const auto better = [&](double a, double b) {
        return objective.direction == algorithms::Direction::Minimize ? a < b : a > b;
    };
    std::optional<double> out;
    for (const MetricRow& m : reports) {
        if (m.name != objective.metric)
            continue;
        // "best" skips NaN reports unless there is nothing else.
        if (objective.use == ObjectiveSpec::Use::Last || !out || std::isnan(*out) || (!std::isnan(m.value) && better(m.value, *out)))
            out = m.value;
    }
    return out;
}

} // namespace

std::optional<double> Study::objectiveFrom(const std::vector<MetricRow>& reports) const
{
    return objectiveOf(m_spec.objective, reports);
}

Study::Reading Study::read(const std::vector<MetricRow>& reports) const
{
    Reading out;
    out.judgedMetric = m_spec.objective.metric;
    bool judged = false;
    for (const ObjectiveSpec& objective : m_spec.objectives) {
        const std::optional<double> v = objectiveOf(objective, reports);
        if (!judged && (!v || !std::isfinite(*v))) {
            out.judged = v;
            out.judgedMetric = objective.metric;
            judged = true;
        }
        if (m_spec.multiObjective())
            out.score.values.push_back(v.value_or(std::numeric_limits<double>::quiet_NaN()));
    }
    out.first = out.score.values.empty() ? objectiveOf(m_spec.objective, reports) : std::optional(out.score.values.front());
    if (out.first && !std::isfinite(*out.first))
        out.first.reset();
    if (!judged)
        out.judged = out.first;
    QString missing;
    out.score.violation = violationOf(reports, &missing);
    if (!judged && !missing.isEmpty()) {
        const auto last = std::find_if(reports.rbegin(), reports.rend(), [&](const MetricRow& m) { return m.name == missing; });
        out.judged = last != reports.rend() ? std::optional(last->value) : std::nullopt;
        out.judgedMetric = missing;
        out.judgedConstraint = true;
    }
    return out;
}

std::optional<double> Study::violationOf(const std::vector<MetricRow>& reports, QString* missing) const
{
    QMap<QString, double> last;
    for (const MetricRow& m : reports)
        last[m.name] = m.value;
    return violationOf(last, missing);
}

std::optional<double> Study::violationOf(const QMap<QString, double>& values, QString* missing) const
{
    if (m_spec.constraints.empty())
        return std::nullopt;
    double sum = 0;
    for (const ConstraintSpec& c : m_spec.constraints) {
        const auto it = values.find(c.metric);
        if (it == values.end() || !std::isfinite(*it)) {
            if (missing && missing->isEmpty())
                *missing = c.metric;
            continue;
        }
        sum += c.violation(*it);
    }
    return sum;
}

} // namespace tb::engine
