#pragma once
// The Experiments dock's list: the experiments of the open store with their states, the
// shown one selected. Selecting a row asks the window to show it; the context menu asks
// to clone one into the set-up (Edit as New Experiment) or to resume it. The window does each.
//
// Threading: GUI thread only.

#include "engine/core/store.h"

#include <QListWidget>
#include <QVector>

namespace tb::widgets {

class ExperimentList : public QListWidget {
    Q_OBJECT
public:
    using StateLabel = QString (*)(engine::ExperimentState); // translated, as the window names states
    explicit ExperimentList(StateLabel stateLabel, QWidget* parent = nullptr);

    // The rows, in the store's order, with `shown` selected (no showRequested for it).
    void setExperiments(const QVector<engine::ExperimentRow>& experiments, const QString& shown);
    // Selects the row of `name` (none when it is not listed), without showRequested.
    void setShown(const QString& name);
    QString currentName() const; // the selected row's experiment, or empty

signals:
    void showRequested(const QString& name);
    void editAsNewRequested(const QString& name);
    void resumeRequested(const QString& name);

private:
    void contextMenu(const QPoint& at);

    StateLabel m_stateLabel;
};

} // namespace tb::widgets
