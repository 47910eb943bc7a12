#include "study.h"

#include "errors.h"
#include "json.h"

#include <QJsonDocument>
#include <cmath>

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
    const auto* samplerInfo = algorithms::findSampler(m_spec.algorithm.name.toStdString());
    const auto* prunerInfo = algorithms::findPruner(m_spec.pruner.name.toStdString());
    m_sampler = samplerInfo->create(m_spec.space, m_spec.algorithm.seed, m_spec.algorithm.settings);
    m_pruner = prunerInfo->create(m_spec.pruner.settings);
    m_history.direction = m_spec.objective.direction;

    const bool needCurves = m_spec.pruner.name != QLatin1String("none");
    for (const TrialRow& t : store.trials(experiment.id)) {
        m_nextNumber = std::max(m_nextNumber, t.number + 1);
        if (t.state == TrialState::Queued || t.state == TrialState::Running) {
            m_pending[t.id] = paramsOf(t);
            continue;
        }
        algorithms::TrialRecord record;
        record.number = t.number;
        record.params = paramsOf(t);
        record.state = t.state;
        record.value = t.value;
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
    for (const auto& [id, params] : m_pending)
        m_history.pending.push_back(params);
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
    auto params = m_sampler->suggest(history(), m_nextNumber);
    if (!params)
        return refuse(NoTrial::Exhausted);
    const QByteArray json = QJsonDocument(paramsJson(*params)).toJson(QJsonDocument::Compact);
    std::optional<TrialRow> created = m_store.createTrialWithin(m_experiment.id, json, state, maxTrials);
    if (!created)
        return refuse(NoTrial::Budget); // another process took the last one meanwhile
    TrialRow row = std::move(*created);
    m_nextNumber = row.number + 1;
    m_pending[row.id] = std::move(*params);
    return row;
}

void Study::tell(const TrialRow& trial, TrialState state, std::optional<double> value, std::optional<int> exitCode,
                 const QString& reason, const std::vector<MetricRow>& metrics, const std::vector<EventRow>& events,
                 const std::vector<std::pair<std::int64_t, double>>* curve)
{
    m_store.finishTrial(trial.id, state, value, exitCode, reason, metrics, events);
    algorithms::TrialRecord record;
    record.number = trial.number;
    auto it = m_pending.find(trial.id);
    record.params = it != m_pending.end() ? it->second : paramsOf(trial);
    if (it != m_pending.end())
        m_pending.erase(it);
    record.state = state;
    record.value = value;
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
    if (max && m_store.trialCount(m_experiment.id) >= *max && !m_store.hasUnfinished(m_experiment.id))
        m_store.setExperimentState(m_experiment.id, ExperimentState::Completed, QStringLiteral("max_trials reached (%1 trials)").arg(*max));
}

void Study::markPending(const TrialRow& trial)
{
    m_pending[trial.id] = paramsOf(trial);
}

algorithms::Assignment Study::paramsOf(const TrialRow& trial) const
{
    return assignmentFromJson(m_spec.space, QJsonDocument::fromJson(trial.params).object());
}

QJsonObject Study::paramsJson(const algorithms::Assignment& params) const
{
    return assignmentToJson(m_spec.space, params);
}

std::optional<double> Study::objectiveFrom(const std::vector<MetricRow>& reports) const
{
    std::optional<double> out;
    for (const MetricRow& m : reports) {
        if (m.name != m_spec.objective.metric)
            continue;
        // "best" skips NaN reports unless there is nothing else.
        if (m_spec.objective.use == ObjectiveSpec::Use::Last || !out || std::isnan(*out)
            || (!std::isnan(m.value) && m_history.oriented(m.value) < m_history.oriented(*out)))
            out = m.value;
    }
    return out;
}

} // namespace tb::engine
