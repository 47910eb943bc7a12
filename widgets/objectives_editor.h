#pragma once
// The set-up's objectives beyond the first, and its constraints (issue 17): two small tables
// under the objective's own fields. Each row of "More objectives" is a metric with its
// direction, its report and, optionally, the hypervolume reference; each row of
// "Constraints" a metric with a lower and/or upper bound. Empty cells are keys left out.
// Editing a cell or adding or removing a row emits changed().
//
// Threading: GUI thread only.

#include <QJsonArray>
#include <QWidget>

class QTableWidget;

namespace tb::widgets {

class ObjectivesEditor : public QWidget {
    Q_OBJECT
public:
    explicit ObjectivesEditor(QWidget* parent = nullptr);

    // The objectives after the first, as the spec's "objectives" items.
    QJsonArray extraObjectives() const;
    void setExtraObjectives(const QJsonArray& objectives);
    // The spec's "constraints".
    QJsonArray constraints() const;
    void setConstraints(const QJsonArray& constraints);

    QTableWidget* objectivesTable() const { return m_objectives; }
    QTableWidget* constraintsTable() const { return m_constraints; }

signals:
    void changed();

private:
    void addObjective(const QJsonObject& objective);
    void addConstraint(const QJsonObject& constraint);

    QTableWidget* m_objectives;
    QTableWidget* m_constraints;
    bool m_filling = false;
};

} // namespace tb::widgets
