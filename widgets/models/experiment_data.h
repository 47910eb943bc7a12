#pragma once
// The GUI's copy of one experiment: trials, their parameters and the curves of every
// metric they report (the objective's and the others', with the time of each report), kept
// up to date from a StoreFollower. Every panel reads this one object, so the views agree.
//
// Threading: GUI thread only. Updates arrive as queued signals carrying values.

#include "engine/core/pareto_set.h"
#include "engine/core/spec.h"
#include "engine/core/store.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QPointF>
#include <QSet>
#include <QVector>
#include <functional>
#include <optional>

namespace tb::widgets {

// One metric's reports of a trial's current attempt, in arrival order.
struct MetricSeries {
    QVector<QPointF> points; // (step, value)
    QVector<double> times;   // when each point was reported (seconds since the epoch)
};

struct TrialView {
    engine::TrialRow row;
    QJsonObject params; // active parameters by name
    QVector<QPointF> curve; // (step, objective) of the current attempt, in arrival order
    QVector<double> curveTimes; // when each point of `curve` was reported (seconds since the epoch)
    // The other metrics of the current attempt: otherMetrics[i] is metric i + 1 of
    // ExperimentData::metricNames() (shorter when the later ones were not reported).
    QVector<MetricSeries> otherMetrics;

    // A metric's points and times by its index in ExperimentData::metricNames() (0: the
    // objective, i.e. `curve`); empty when the trial did not report it.
    const QVector<QPointF>& points(int metric) const;
    const QVector<double>& times(int metric) const;
};

// Whether a trial passes one source's filter (see ExperimentData::setFilter).
using TrialPredicate = std::function<bool(const TrialView&)>;

class ExperimentData : public QObject {
    Q_OBJECT
public:
    explicit ExperimentData(QObject* parent = nullptr);

    // A new experiment (or none: id 0). Clears everything.
    void reset(const engine::ExperimentRow& experiment);
    // The same experiment's row changed (state, reason).
    void updateExperiment(const engine::ExperimentRow& experiment);

    bool isEmpty() const { return m_experiment.id == 0; }
    const engine::ExperimentRow& experiment() const { return m_experiment; }
    const std::optional<engine::ExperimentSpec>& spec() const { return m_spec; }
    QString objectiveName() const;
    bool minimize() const;
    QStringList paramNames() const; // in the space's order
    // Every metric the trials reported: the objective first (index 0, reported or not;
    // empty without a spec), then the others in the order they first arrived. Indices stay
    // until reset(); TrialView::points() takes them.
    const QStringList& metricNames() const { return m_metricNames; }
    int metricIndex(const QString& name) const; // -1 when not reported

    const QVector<TrialView>& trials() const { return m_trials; }
    int indexOf(qint64 trialId) const; // -1 when unknown
    const TrialView* trial(qint64 trialId) const;
    // The completed feasible trial with the best value; none with several objectives.
    std::optional<qint64> bestTrial() const;

    // Oriented so that smaller is better (for "best so far" and ranking).
    double oriented(double value) const { return minimize() ? value : -value; }

    // Several objectives and constraints (the spec's "objectives" and "constraints").
    // The objectives' metric names in the spec's order: one with one objective, none
    // without a spec.
    QStringList objectiveNames() const;
    bool multiObjective() const { return m_spec && m_spec->multiObjective(); }
    bool constrained() const { return m_spec && !m_spec->constraints.empty(); }
    // A trial's value of objective `i` (0: the first, TrialRow::value); none before it
    // completed or when the store has no such value.
    static std::optional<double> objectiveValue(const TrialView& trial, int i);
    // The constraints a trial breaks, each as "peak_mem_gb = 12.5 (at most 10)", from the
    // last report of each constrained metric (what the engine judged); empty when it breaks
    // none or reported none of them.
    QStringList brokenConstraints(const TrialView& trial) const;
    // The experiment's feasible Pareto set over every trial known (engine::paretoSet: with
    // one objective the best feasible trial), and its hypervolume reference point. Computed
    // when first asked after the trials changed.
    const engine::ParetoSet& paretoSet() const;
    bool inParetoSet(qint64 trialId) const;
    // The rows of the trials that pass the filter (or all of them), for engine functions.
    std::vector<engine::TrialRow> rows(bool passingOnly) const;

    qint64 selectedTrial() const { return m_selected; }

    // The active filter: which trials the views show. Each source (the trial table's text
    // and state filter, the parallel coordinates' brushes) sets its own predicate; a trial
    // passes when every predicate accepts it. The table and the plots skip the others (the
    // parallel coordinates draw them faded). A predicate is kept across reset(); its source
    // replaces or removes it. An empty predicate removes the source's filter.
    void setFilter(const QString& source, TrialPredicate predicate);
    bool hasFilter(const QString& source) const { return m_filters.contains(source); }
    QStringList filterSources() const { return m_filters.keys(); }
    bool isFiltered() const { return !m_filters.isEmpty(); }
    bool passesFilter(qint64 trialId) const { return !m_filteredOut.contains(trialId); }
    // Known trials that pass the filter.
    int passingCount() const { return static_cast<int>(m_trials.size() - m_filteredOut.size()); }

    // Device samples (the telemetry table), in the order the store gave them: per device
    // oldest first.
    const QVector<engine::TelemetryRow>& telemetry() const { return m_telemetry; }

public slots:
    void setTrials(qint64 experimentId, const QVector<tb::engine::TrialRow>& trials);
    void appendMetrics(qint64 experimentId, const QVector<tb::engine::MetricRow>& metrics);
    void select(qint64 trialId);
    // `replace`: the rows held so far are void (the engine merged old samples).
    void appendTelemetry(qint64 experimentId, const QVector<tb::engine::TelemetryRow>& rows, bool replace);

signals:
    void experimentReset();
    void experimentChanged();
    // Rows whose trial changed (state, value...) or were added; `added` is true when the
    // list grew (views that index by row refresh then).
    void trialsChanged(bool added);
    void curvesChanged(const QSet<qint64>& trialIds);
    void selectionChanged(qint64 trialId);
    // A metric got points for these trials (curvesChanged() says it too for the objective,
    // metric 0); metric -1: every series of these trials was cleared (a new attempt).
    void metricPointsChanged(int metric, const QSet<qint64>& trialIds);
    // metricNames() grew.
    void metricNamesChanged();
    // Which trials pass the filter changed: a source set its filter, or trials changed so
    // that they pass or fail it now (trialsChanged() comes first then).
    void filterChanged();
    // `replaced`: telemetry() was refilled from scratch; otherwise rows were appended.
    void telemetryChanged(bool replaced);

private:
    // Re-decides whether the trial passes; true when that changed.
    bool refilter(const TrialView& trial);

    engine::ExperimentRow m_experiment;
    std::optional<engine::ExperimentSpec> m_spec;
    QVector<TrialView> m_trials;
    QHash<qint64, int> m_index; // trial id -> position in m_trials
    qint64 m_selected = -1;
    QStringList m_metricNames;        // [0]: the objective
    QHash<QString, int> m_metricIndex; // the other metrics' indices in m_metricNames
    QMap<QString, TrialPredicate> m_filters; // by source
    QSet<qint64> m_filteredOut;              // trials some filter rejects
    QVector<engine::TelemetryRow> m_telemetry;
    mutable std::optional<engine::ParetoSet> m_pareto; // paretoSet(), until the trials change
    mutable QSet<qint64> m_paretoIds;
};

} // namespace tb::widgets
