#pragma once
// Follows a store that an engine (in this process or another) is writing, and reports
// what changed. This is how every view stays live: the GUI never talks to a trial.
//
// Threading: the owner moves a StoreFollower to a worker thread and calls start() there
// (queued); it opens its own Store in that thread. Results leave by value through
// signals, so receivers in the GUI thread get queued copies.

#include "store.h"

#include <QObject>
#include <QTimer>
#include <QVector>
#include <memory>

namespace tb::engine {

class StoreFollower : public QObject {
    Q_OBJECT
public:
    explicit StoreFollower(QString dbPath, QObject* parent = nullptr);
    ~StoreFollower() override;

public slots:
    void start(int intervalMs = 500);
    // Switches to another experiment; the next poll sends its trials and every report of
    // `metric` (all metrics when empty).
    void follow(qint64 experimentId, const QString& metric = {});
    void poll();

signals:
    void experimentsChanged(const QVector<tb::engine::ExperimentRow>& experiments);
    void trialsChanged(qint64 experimentId, const QVector<tb::engine::TrialRow>& trials);
    // New metric rows (of the followed metric) since the last report.
    void metricsAppended(qint64 experimentId, const QVector<tb::engine::MetricRow>& metrics);
    // Device samples stored since the last report; `replace`: the rows sent so far are
    // void (the engine merged old samples) and these start over.
    void telemetryAppended(qint64 experimentId, const QVector<tb::engine::TelemetryRow>& rows, bool replace);
    void failed(const QString& message);

private:
    void pollTelemetry();

    QString m_dbPath;
    std::unique_ptr<Store> m_store;
    QTimer m_timer;
    qint64 m_experiment = 0;
    QString m_metric;
    QByteArray m_experimentsSignature;
    QByteArray m_trialsSignature;
    std::int64_t m_lastMetric = 0;
    std::int64_t m_lastTelemetry = 0; // rowid of the last telemetry row sent
    std::int64_t m_telemetryRows = 0; // telemetry rows sent since the last replace
};

} // namespace tb::engine

Q_DECLARE_METATYPE(tb::engine::ExperimentRow)
Q_DECLARE_METATYPE(tb::engine::TrialRow)
Q_DECLARE_METATYPE(tb::engine::MetricRow)
Q_DECLARE_METATYPE(tb::engine::TelemetryRow)
