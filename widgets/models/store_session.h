#pragma once
// An open store as the window sees it: a StoreFollower on its own thread feeding one
// ExperimentData in the GUI thread, and the list of experiments in the file.

#include "widgets/models/experiment_data.h"

#include "engine/core/store.h"

#include <QObject>
#include <QThread>
#include <QVector>

namespace tb::engine {
class StoreFollower;
}

namespace tb::widgets {

class StoreSession : public QObject {
    Q_OBJECT
public:
    // `data` (owned by the caller, outliving the session) receives the shown experiment.
    StoreSession(QString dbPath, ExperimentData& data, int pollMs = 500, QObject* parent = nullptr);
    ~StoreSession() override;

    const QString& path() const { return m_path; }
    ExperimentData& data() { return m_data; }
    const QVector<engine::ExperimentRow>& experiments() const { return m_experiments; }

    // Shows this experiment (by name); empty: the newest.
    void showExperiment(const QString& name);
    void pollNow();

signals:
    void experimentsChanged();
    void failed(const QString& message);

private:
    void onExperiments(const QVector<tb::engine::ExperimentRow>& experiments);

    QString m_path;
    QThread m_thread;
    engine::StoreFollower* m_follower; // lives in m_thread; deleted when it finishes
    ExperimentData& m_data;
    QVector<engine::ExperimentRow> m_experiments;
    QString m_wanted; // experiment to show once the list arrives
};

} // namespace tb::widgets
