#include "widgets/models/store_session.h"

#include "engine/core/follower.h"

#include <QRegularExpression>

namespace tb::widgets {

QString unusedExperimentName(const QString& name, const QStringList& taken)
{
    if (!taken.contains(name))
        return name;
    // A counter is short; a longer number (a date, a time stamp) is part of the name.
    static const QRegularExpression counter(QStringLiteral("^(.+)-(\\d{1,3})$"));
    const QRegularExpressionMatch m = counter.match(name);
    const QString base = m.hasMatch() ? m.captured(1) : name;
    int n = m.hasMatch() ? m.captured(2).toInt() + 1 : 2;
    while (taken.contains(QStringLiteral("%1-%2").arg(base).arg(n)))
        ++n;
    return QStringLiteral("%1-%2").arg(base).arg(n);
}

StoreSession::StoreSession(QString dbPath, ExperimentData& data, int pollMs, QObject* parent)
    : QObject(parent), m_path(std::move(dbPath)), m_follower(new engine::StoreFollower(m_path)), m_data(data)
{
    qRegisterMetaType<QVector<tb::engine::ExperimentRow>>();
    qRegisterMetaType<QVector<tb::engine::TrialRow>>();
    qRegisterMetaType<QVector<tb::engine::MetricRow>>();
    qRegisterMetaType<QVector<tb::engine::TelemetryRow>>();
    m_thread.setObjectName(QStringLiteral("store follower"));
    m_follower->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_follower, &QObject::deleteLater);
    connect(m_follower, &engine::StoreFollower::experimentsChanged, this, &StoreSession::onExperiments);
    connect(m_follower, &engine::StoreFollower::trialsChanged, &m_data, &ExperimentData::setTrials);
    connect(m_follower, &engine::StoreFollower::metricsAppended, &m_data, &ExperimentData::appendMetrics);
    connect(m_follower, &engine::StoreFollower::telemetryAppended, &m_data, &ExperimentData::appendTelemetry);
    connect(m_follower, &engine::StoreFollower::failed, this, &StoreSession::failed);
    m_thread.start();
    QMetaObject::invokeMethod(m_follower, [f = m_follower, pollMs] { f->start(pollMs); }, Qt::QueuedConnection);
}

StoreSession::~StoreSession()
{
    m_thread.quit();
    m_thread.wait();
    m_data.reset({});
}

void StoreSession::prepare(const QString& dbPath)
{
    engine::Store store(dbPath);
}

void StoreSession::showExperiment(const QString& name)
{
    m_wanted = name;
    for (const engine::ExperimentRow& e : m_experiments)
        if (name.isEmpty() ? e.id == m_experiments.back().id : e.name == name) {
            if (e.id != m_data.experiment().id) {
                m_data.reset(e);
                const qint64 id = e.id;
                // Every metric: the learning curves plot any of them (ExperimentData::metricNames()).
                QMetaObject::invokeMethod(m_follower, [f = m_follower, id] { f->follow(id); }, Qt::QueuedConnection);
            }
            return;
        }
}

const engine::ExperimentRow* StoreSession::experiment(const QString& name) const
{
    for (const engine::ExperimentRow& e : m_experiments)
        if (e.name == name)
            return &e;
    return nullptr;
}

void StoreSession::pollNow()
{
    QMetaObject::invokeMethod(m_follower, &engine::StoreFollower::poll, Qt::QueuedConnection);
}

void StoreSession::onExperiments(const QVector<engine::ExperimentRow>& experiments)
{
    m_experiments = experiments;
    emit experimentsChanged();
    if (m_experiments.isEmpty())
        return;
    // Keep the shown experiment's row fresh (state, reason, owner: the follower sends only
    // what changed); pick one if none is shown.
    if (m_data.isEmpty() || !m_wanted.isEmpty())
        showExperiment(m_wanted);
    for (const engine::ExperimentRow& e : m_experiments)
        if (e.id == m_data.experiment().id)
            m_data.updateExperiment(e);
}

} // namespace tb::widgets
