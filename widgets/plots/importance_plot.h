#pragma once
// Parameter importance: a horizontal bar per parameter.
// Threading: GUI thread only.

#include "widgets/plots/plot_panel.h"

#include <QPair>
#include <QStringList>
#include <QVector>
#include <optional>

class QCPBars;
class QComboBox;
class QAction;

namespace tb::widgets {

// Horizontal bars of per-parameter importance shares, largest on top.
class ImportancePlot : public PlotPanel {
    Q_OBJECT
public:
    explicit ImportancePlot(ExperimentData* data, QWidget* parent = nullptr);

    // (name, share) as drawn, top to bottom.
    QVector<QPair<QString, double>> bars() const { return m_bars; }

    // With several objectives: whose variance the shares are of (an index into
    // ExperimentData::objectiveNames(), chosen in the tool bar); 0 with one.
    int objective() const;
    void setObjective(int index);
    QComboBox* objectiveChooser() const { return m_objectiveChooser; }

signals:
    void objectiveChanged(int index);

public slots:
    // Shares as computed (fANOVA); names and shares align. Empty lists clear the plot.
    void setImportance(const QStringList& names, const QVector<double>& shares);

protected:
    void rebuild() override;
    void fitView(bool exact) override;
    std::optional<Hit> hitAt(const QPointF& pos) const override;

private:
    void updateChooser(); // the experiment's objectives; shown only when there are several

    QVector<QPair<QString, double>> m_bars;
    QCPBars* m_barsPlottable;
    QComboBox* m_objectiveChooser;
    QList<QAction*> m_chooserActions;
};

} // namespace tb::widgets
