#pragma once
// The GUI's copy of one experiment: trials, their parameters and objective curves, kept
// up to date from a StoreFollower. Every panel reads this one object, so the views agree.
//
// Threading: GUI thread only. Updates arrive as queued signals carrying values.

#include "engine/core/spec.h"
#include "engine/core/store.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointF>
#include <QSet>
#include <QVector>
#include <optional>

namespace tb::widgets {

struct TrialView {
    engine::TrialRow row;
    QJsonObject params; // active parameters by name
    QVector<QPointF> curve; // (step, objective) of the current attempt, in arrival order
};

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

    const QVector<TrialView>& trials() const { return m_trials; }
    int indexOf(qint64 trialId) const; // -1 when unknown
    const TrialView* trial(qint64 trialId) const;
    std::optional<qint64> bestTrial() const;

    // Oriented so that smaller is better (for "best so far" and ranking).
    double oriented(double value) const { return minimize() ? value : -value; }

    qint64 selectedTrial() const { return m_selected; }

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
    // `replaced`: telemetry() was refilled from scratch; otherwise rows were appended.
    void telemetryChanged(bool replaced);

private:
    engine::ExperimentRow m_experiment;
    std::optional<engine::ExperimentSpec> m_spec;
    QVector<TrialView> m_trials;
    QHash<qint64, int> m_index; // trial id -> position in m_trials
    qint64 m_selected = -1;
    QVector<engine::TelemetryRow> m_telemetry;
};

} // namespace tb::widgets
