#pragma once
// An open store as the window sees it: a StoreFollower on its own thread feeding one
// ExperimentData in the GUI thread, the list of experiments in the file, and use() for
// the window's one-off reads and writes (imports, exports, stop requests). Nothing else
// in the window opens the store.

#include "widgets/models/experiment_data.h"

#include "engine/core/store.h"

#include <QObject>
#include <QThread>
#include <QVector>
#include <utility>

namespace tb::engine {
class StoreFollower;
}

namespace tb::widgets {

// `name` when no experiment in `taken` has it, else `name-2`, `name-3`... (a trailing
// small counter is replaced, so that a clone of `demo-2` is `demo-3`, not `demo-2-2`).
QString unusedExperimentName(const QString& name, const QStringList& taken);

class StoreSession : public QObject {
    Q_OBJECT
public:
    // `data` (owned by the caller, outliving the session) receives the shown experiment.
    StoreSession(QString dbPath, ExperimentData& data, int pollMs = 500, QObject* parent = nullptr);
    ~StoreSession() override;

    const QString& path() const { return m_path; }
    ExperimentData& data() { return m_data; }
    const QVector<engine::ExperimentRow>& experiments() const { return m_experiments; }
    // The experiment of that name as the follower last read it, or nullptr.
    const engine::ExperimentRow* experiment(const QString& name) const;

    // The window's one way to the store file besides the follower: opens it (it must
    // exist), runs `use` with it, closes it. useAt() is for worker threads that were handed
    // the path (trial extras, measured runs); it may run on any thread.
    template <typename Use>
    decltype(auto) use(Use&& f) const
    {
        return useAt(m_path, std::forward<Use>(f));
    }
    template <typename Use>
    static decltype(auto) useAt(const QString& dbPath, Use&& f)
    {
        engine::Store store(dbPath, engine::Store::OpenMode::ExistingOnly);
        return std::forward<Use>(f)(store);
    }

    // Creates the store at `dbPath` or brings an older one up to date; throws with the
    // reason it cannot (a foreign file, no permission, a newer schema).
    static void prepare(const QString& dbPath);

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
