#pragma once
// An experiment as the algorithms see it: its spec, sampler, pruner and history, kept in
// step with the store. The engine and the ask/tell front ends (CLI, serve) share it, so
// a trial asked by hand and one run by the engine follow the same rules.
//
// Threading: belongs to the thread that uses its Store.

#include "spec.h"
#include "store.h"

#include "algorithms/pruner.h"
#include "algorithms/sampler.h"

#include <map>
#include <memory>

namespace tb::engine {

// How an experiment ends when its budget or its sampler runs out: completed with `reason`,
// unless not one trial gave a result (none completed or was pruned) while some failed: then
// failed, for the command is broken more likely than the search, and the reason says so
// with the first failure, the likeliest cause, and its log (empty: it never started).
// Pure: tst_outcome tests it.
struct ExperimentEnd {
    ExperimentState state = ExperimentState::Completed;
    QString reason;
};
ExperimentEnd budgetEnd(const StateCounts& counts, const QString& reason, const QString& firstFailure, const QString& firstLog);

class Study {
public:
    // Rebuilds the experiment from the store: the stored spec, then the sampler's view of
    // every trial (finished ones with their values, queued and running ones as pending).
    Study(Store& store, const ExperimentRow& experiment);

    // Finds the experiment (empty name: the newest); SpecError names the choices when absent.
    static ExperimentRow find(Store& store, const QString& name);

    Store& store() { return m_store; }
    const ExperimentSpec& spec() const { return m_spec; }
    const ExperimentRow& experiment() const { return m_experiment; }
    // Every finished trial with its values, and the pending ones (what pruners see).
    const algorithms::History& history();

    // The sampler's next trial, inserted with `state` (running when the caller starts it at
    // once). nullopt when budget.max_trials trials exist (whoever created them) or the
    // algorithm has nothing left (an exhausted grid); `why` tells which. An external
    // sampler's invalid answer gives a trial that has already failed (state Failed, the
    // fault as its reason); one whose process cannot go on throws SamplerStopped.
    enum class NoTrial { Budget, Exhausted };
    std::optional<TrialRow> ask(algorithms::TrialState state = algorithms::TrialState::Running, NoTrial* why = nullptr);

    // Records the end of a trial in the store and in the history. `metrics` and `events`
    // are those not stored yet; the pruners' curve is `curve` when given (the caller holds
    // every report of the attempt), else the objective reports among `metrics`.
    // With several objectives or constraints, `score` holds every objective's value and the
    // violation (see read()); `value` is the first objective.
    void tell(const TrialRow& trial, algorithms::TrialState state, std::optional<double> value,
              std::optional<int> exitCode = std::nullopt, const QString& reason = {},
              const std::vector<MetricRow>& metrics = {}, const std::vector<EventRow>& events = {},
              const std::vector<std::pair<std::int64_t, double>>* curve = nullptr, const TrialScore& score = {});

    // After a trial failed: the reason to stop the experiment when more trials have failed
    // than budget.max_failed allows, else nullopt.
    std::optional<QString> overFailureBudget(const QString& lastReason) const;

    // The ask/tell rules of an experiment without an engine: asking starts it, and it is
    // completed once budget.max_trials trials exist and none is unfinished.
    void markRunning();
    void completeIfBudgetUsed();

    // budgetEnd() for this experiment as the store has it now.
    ExperimentEnd endOfBudget(const QString& reason);

    // A queued trial is pending for the sampler too (retries keep their values).
    void markPending(const TrialRow& trial);

    algorithms::Assignment paramsOf(const TrialRow& trial) const;
    QJsonObject paramsJson(const algorithms::Assignment& params) const;

    // The objective from a trial's reports of the objective metric ("last" or "best").
    std::optional<double> objectiveFrom(const std::vector<MetricRow>& reports) const;

    // What a trial's reports give for the spec's objectives and constraints. `judged` is
    // what decides whether the trial completed: the first objective, or the first
    // objective or constraint metric that is missing or not finite (`judgedMetric` names
    // it, `judgedConstraint` says which kind); `score` holds every objective (several) and
    // the violation (constraints, from each metric's last report).
    struct Reading {
        std::optional<double> judged;
        QString judgedMetric;
        bool judgedConstraint = false;
        std::optional<double> first; // the first objective, whatever the others: a pruned trial's value
        TrialScore score;
    };
    Reading read(const std::vector<MetricRow>& reports) const;
    // The violation of the constraints by `values` (metric -> value); nullopt without
    // constraints. `missing` gets the first constrained metric without a finite value.
    std::optional<double> violationOf(const QMap<QString, double>& values, QString* missing) const;
    // The same from reports: each metric's last one counts.
    std::optional<double> violationOf(const std::vector<MetricRow>& reports, QString* missing) const;

    algorithms::Pruner& pruner() { return *m_pruner; }

private:
    Store& m_store;
    ExperimentRow m_experiment;
    ExperimentSpec m_spec;
    std::unique_ptr<algorithms::Sampler> m_sampler;
    std::unique_ptr<algorithms::Pruner> m_pruner;
    algorithms::History m_history;          // pending is rebuilt from m_pending on demand
    bool m_constrainedView = false;         // a single-objective sampler on a constrained spec sees constrainedView()
    std::map<std::int64_t, std::pair<std::int64_t, algorithms::Assignment>> m_pending; // trial id -> number, values
    std::int64_t m_nextNumber = 0;
};

} // namespace tb::engine
