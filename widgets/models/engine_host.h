#pragma once
// Runs an experiment's engine on a worker thread for the window. The window sees only
// queued signals; the store (followed by StoreSession) carries the data.

#include <QJsonObject>
#include <QObject>
#include <QThread>

#include "engine/core/store.h"

namespace tb::engine {
class Engine;
}

namespace tb::widgets {

class EngineHost : public QObject {
    Q_OBJECT
public:
    explicit EngineHost(QObject* parent = nullptr);
    ~EngineHost() override; // stops a running engine (trials queued again) and waits

    bool isRunning() const { return m_engine != nullptr; }
    QString experimentName() const { return m_experiment; }
    QString dbPath() const { return m_db; }

    // Stores the spec as a new experiment and starts it. Returns the parser's or the
    // store's message on bad input (nothing started), empty on success.
    QString launch(const QString& dbPath, const QJsonObject& spec, const QString& specDir);
    // Continues an experiment of the store (interrupted trials run again).
    QString resume(const QString& dbPath, const QString& experiment);

    // Asks the engine to stop: running trials end and are queued again; finished follows.
    void stop();
    // For closing the window while trials run: stops here, waits, and hands the experiment
    // to a detached `tunebench-cli resume`, which goes on without a window. Returns that
    // process's pid, or 0 when it could not be started (the experiment stays resumable).
    qint64 continueHeadless();

signals:
    void started(const QString& experiment);
    void trialFinished(qint64 trialId, qint64 number, const QString& state, double value, const QString& reason);
    void finished(tb::engine::ExperimentState state, const QString& reason);

private:
    void startEngine();
    void waitForFinish();

    QThread m_thread;
    engine::Engine* m_engine = nullptr; // lives in m_thread while running
    QString m_db;
    QString m_experiment;
};

} // namespace tb::widgets
