#include "objectives_editor.h"

#include "engine/core/json.h"
#include "engine/core/spec.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <functional>
#include <utility>

namespace tb::widgets {

namespace key = engine::key;
namespace choice = engine::choice;

namespace {

enum ObjectiveColumn { kMetric, kDirection, kUse, kReference };
enum ConstraintColumn { kConstraintMetric, kMin, kMax };

QTableWidget* makeTable(const QStringList& headers, QWidget* parent)
{
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table->verticalHeader()->setVisible(false);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setMaximumHeight(120);
    return table;
}

QComboBox* choiceBox(const QList<std::pair<QString, QString>>& items, const QString& current, QWidget* parent)
{
    auto* combo = new QComboBox(parent);
    for (const auto& [text, data] : items)
        combo->addItem(text, data);
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
    return combo;
}

QString cellText(const QTableWidget* table, int row, int column)
{
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

// A number cell into `out` under `name`: left out when empty; text that is not a number goes
// in as text, so that the spec parser's message names it.
void putNumber(QJsonObject& out, key::Name name, const QString& text)
{
    if (text.isEmpty())
        return;
    bool ok = false;
    const double v = text.toDouble(&ok);
    out.insert(name, ok ? QJsonValue(v) : QJsonValue(text));
}

// The shortest text that reads back as the same number (0.8, not 0.80000000000000004).
QString numberText(const QJsonValue& v)
{
    return v.isDouble() ? engine::numberText(v.toDouble(), false) : v.toString();
}

// A row of buttons under a table: add a row, remove the selected ones.
QWidget* buttons(QTableWidget* table, const QString& addText, const std::function<void()>& add, const std::function<void()>& removed,
                 QWidget* parent)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* addButton = new QPushButton(addText, row);
    auto* removeButton = new QPushButton(ObjectivesEditor::tr("Remove"), row);
    layout->addWidget(addButton);
    layout->addWidget(removeButton);
    layout->addStretch();
    QObject::connect(addButton, &QPushButton::clicked, row, add);
    QObject::connect(removeButton, &QPushButton::clicked, row, [table, removed] {
        QList<int> rows;
        for (const QModelIndex& index : table->selectionModel()->selectedRows())
            rows << index.row();
        if (rows.isEmpty() && table->currentRow() >= 0)
            rows << table->currentRow();
        std::sort(rows.begin(), rows.end(), std::greater<>());
        for (int r : rows)
            table->removeRow(r);
        if (!rows.isEmpty())
            removed();
    });
    return row;
}

} // namespace

ObjectivesEditor::ObjectivesEditor(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* objectivesLabel = new QLabel(tr("More objectives (a Pareto front instead of one best trial):"), this);
    layout->addWidget(objectivesLabel);
    m_objectives = makeTable({tr("Metric"), tr("Direction"), tr("Use"), tr("Reference")}, this);
    m_objectives->setObjectName(QStringLiteral("moreObjectives"));
    m_objectives->horizontalHeaderItem(kReference)
        ->setToolTip(tr("The hypervolume reference point's value for this objective: worse than any value you care about. "
                        "Empty: derived from the trials."));
    layout->addWidget(m_objectives);
    layout->addWidget(buttons(m_objectives, tr("Add objective"), [this] {
        addObjective({});
        emit changed();
    }, [this] { emit changed(); }, this));
    auto* constraintsLabel = new QLabel(tr("Constraints (a trial beyond a bound is infeasible):"), this);
    layout->addWidget(constraintsLabel);
    m_constraints = makeTable({tr("Metric"), tr("At least"), tr("At most")}, this);
    m_constraints->setObjectName(QStringLiteral("constraints"));
    layout->addWidget(m_constraints);
    layout->addWidget(buttons(m_constraints, tr("Add constraint"), [this] {
        addConstraint({});
        emit changed();
    }, [this] { emit changed(); }, this));
    for (QTableWidget* table : {m_objectives, m_constraints})
        connect(table, &QTableWidget::itemChanged, this, [this] {
            if (!m_filling)
                emit changed();
        });
}

void ObjectivesEditor::addObjective(const QJsonObject& objective)
{
    const bool filling = std::exchange(m_filling, true);
    const int row = m_objectives->rowCount();
    m_objectives->insertRow(row);
    auto* metric = new QTableWidgetItem(objective.value(key::metric).toString());
    metric->setData(Qt::UserRole, objective); // as loaded: which keys were given
    m_objectives->setItem(row, kMetric, metric);
    m_objectives->setItem(row, kReference, new QTableWidgetItem(numberText(objective.value(key::reference))));
    auto* direction = choiceBox({{tr("minimize"), choice::minimize}, {tr("maximize"), choice::maximize}},
                                objective.value(key::direction).toString(choice::minimize), m_objectives);
    auto* use = choiceBox({{tr("last report"), choice::last}, {tr("best report"), choice::best}},
                          objective.value(key::use).toString(choice::last), m_objectives);
    m_objectives->setCellWidget(row, kDirection, direction);
    m_objectives->setCellWidget(row, kUse, use);
    for (QComboBox* combo : {direction, use})
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling)
                emit changed();
        });
    m_filling = filling;
}

void ObjectivesEditor::addConstraint(const QJsonObject& constraint)
{
    const bool filling = std::exchange(m_filling, true);
    const int row = m_constraints->rowCount();
    m_constraints->insertRow(row);
    m_constraints->setItem(row, kConstraintMetric, new QTableWidgetItem(constraint.value(key::metric).toString()));
    m_constraints->setItem(row, kMin, new QTableWidgetItem(numberText(constraint.value(key::min))));
    m_constraints->setItem(row, kMax, new QTableWidgetItem(numberText(constraint.value(key::max))));
    m_filling = filling;
}

QJsonArray ObjectivesEditor::extraObjectives() const
{
    QJsonArray out;
    for (int row = 0; row < m_objectives->rowCount(); ++row) {
        QJsonObject o{{key::metric, cellText(m_objectives, row, kMetric)}};
        const QJsonObject loaded = m_objectives->item(row, kMetric)->data(Qt::UserRole).toJsonObject();
        const QString direction = static_cast<QComboBox*>(m_objectives->cellWidget(row, kDirection))->currentData().toString();
        const QString use = static_cast<QComboBox*>(m_objectives->cellWidget(row, kUse))->currentData().toString();
        // A default is written when the loaded spec gave it, so that a spec comes back unchanged.
        if (direction != choice::minimize || loaded.contains(key::direction))
            o.insert(key::direction, direction);
        if (use != choice::last || loaded.contains(key::use))
            o.insert(key::use, use);
        putNumber(o, key::reference, cellText(m_objectives, row, kReference));
        out.append(o);
    }
    return out;
}

void ObjectivesEditor::setExtraObjectives(const QJsonArray& objectives)
{
    const bool filling = std::exchange(m_filling, true);
    m_objectives->setRowCount(0);
    for (const QJsonValue& o : objectives)
        addObjective(o.toObject());
    m_filling = filling;
}

QJsonArray ObjectivesEditor::constraints() const
{
    QJsonArray out;
    for (int row = 0; row < m_constraints->rowCount(); ++row) {
        QJsonObject c{{key::metric, cellText(m_constraints, row, kConstraintMetric)}};
        putNumber(c, key::min, cellText(m_constraints, row, kMin));
        putNumber(c, key::max, cellText(m_constraints, row, kMax));
        out.append(c);
    }
    return out;
}

void ObjectivesEditor::setConstraints(const QJsonArray& constraints)
{
    const bool filling = std::exchange(m_filling, true);
    m_constraints->setRowCount(0);
    for (const QJsonValue& c : constraints)
        addConstraint(c.toObject());
    m_filling = filling;
}

} // namespace tb::widgets
