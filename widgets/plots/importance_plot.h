#pragma once
// Parameter importance: a horizontal bar per parameter.
// Threading: GUI thread only.

#include "widgets/plots/plot_panel.h"

#include <QPair>
#include <QStringList>
#include <QVector>
#include <optional>

class QCPBars;

namespace tb::widgets {

// Horizontal bars of per-parameter importance shares, largest on top.
class ImportancePlot : public PlotPanel {
    Q_OBJECT
public:
    explicit ImportancePlot(ExperimentData* data, QWidget* parent = nullptr);

    // (name, share) as drawn, top to bottom.
    QVector<QPair<QString, double>> bars() const { return m_bars; }

public slots:
    // Shares as computed (fANOVA); names and shares align. Empty lists clear the plot.
    void setImportance(const QStringList& names, const QVector<double>& shares);

protected:
    void rebuild() override;
    void fitView(bool exact) override;
    std::optional<Hit> hitAt(const QPointF& pos) const override;

private:
    QVector<QPair<QString, double>> m_bars;
    QCPBars* m_barsPlottable;
};

} // namespace tb::widgets
