#include "follower.h"

namespace tb::engine {

namespace {
constexpr int kMetricBatch = 200000; // per poll, so a huge backlog arrives in slices
// A day of 8 GPUs after downsampling is about 125 000 rows: one slice.
constexpr int kTelemetryBatch = 200000;
}

StoreFollower::StoreFollower(QString dbPath, QObject* parent)
    : QObject(parent), m_dbPath(std::move(dbPath)), m_timer(this) // a child moves with moveToThread()
{
    connect(&m_timer, &QTimer::timeout, this, &StoreFollower::poll);
}

StoreFollower::~StoreFollower() = default;

void StoreFollower::start(int intervalMs)
{
    try {
        m_store = std::make_unique<Store>(m_dbPath);
    } catch (const std::exception& e) {
        emit failed(QString::fromUtf8(e.what()));
        return;
    }
    m_timer.start(intervalMs);
    poll();
}

void StoreFollower::follow(qint64 experimentId, const QString& metric)
{
    m_experiment = experimentId;
    m_metric = metric;
    m_trialsSignature.clear();
    m_lastMetric = 0;
    m_lastTelemetry = 0;
    m_telemetryRows = 0;
    if (m_store)
        poll();
}

void StoreFollower::poll()
{
    if (!m_store)
        return;
    try {
        const std::vector<ExperimentRow> experiments = m_store->experiments();
        QByteArray signature;
        for (const ExperimentRow& e : experiments)
            signature += QByteArray::number(e.id) + QByteArray::number(static_cast<int>(e.state)) + e.waiting.toUtf8()
                + (e.owner ? e.owner->token.toUtf8() : QByteArray()) + (e.stopRequested ? "!" : "")
                // the heartbeat coarsely, so that readers keep judging the owner alive
                + (e.owner ? QByteArray::number(static_cast<qint64>(e.owner->heartbeat / 5)) : QByteArray()) + ';';
        if (signature != m_experimentsSignature) {
            m_experimentsSignature = signature;
            emit experimentsChanged(QVector<ExperimentRow>(experiments.begin(), experiments.end()));
        }
        if (m_experiment <= 0)
            return;
        const QByteArray trials = m_store->trialsSignature(m_experiment);
        if (trials != m_trialsSignature) {
            m_trialsSignature = trials;
            const std::vector<TrialRow> rows = m_store->trials(m_experiment);
            emit trialsChanged(m_experiment, QVector<TrialRow>(rows.begin(), rows.end()));
        }
        const std::vector<MetricRow> metrics = m_store->metricsSince(m_experiment, m_lastMetric, kMetricBatch, &m_lastMetric, m_metric);
        if (!metrics.empty())
            emit metricsAppended(m_experiment, QVector<MetricRow>(metrics.begin(), metrics.end()));
        pollTelemetry();
    } catch (const std::exception& e) {
        emit failed(QString::fromUtf8(e.what()));
    }
}

void StoreFollower::pollTelemetry()
{
    // Downsampling replaces old rows by merged ones with new rowids; the rows already sent
    // then no longer all exist, and the receiver starts over. That happens about once a
    // minute while an experiment runs; in between, only new rows travel.
    bool replace = false;
    if (m_telemetryRows > 0 && m_store->telemetryCountUpTo(m_experiment, m_lastTelemetry) != m_telemetryRows) {
        replace = true;
        m_lastTelemetry = 0;
        m_telemetryRows = 0;
    }
    const std::vector<TelemetryRow> rows = m_store->telemetrySince(m_experiment, m_lastTelemetry, kTelemetryBatch, &m_lastTelemetry);
    m_telemetryRows += static_cast<std::int64_t>(rows.size());
    if (replace || !rows.empty())
        emit telemetryAppended(m_experiment, QVector<TelemetryRow>(rows.begin(), rows.end()), replace);
}

} // namespace tb::engine
