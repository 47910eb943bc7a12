#include "space_editor.h"

#include "prior_preview.h"
#include "space_model.h"
#include "widgets/models/spec_text.h"

#include "engine/core/json.h"

#include <QAction>
#include <QBrush>
#include <QColor>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <optional>

namespace tb::widgets {

namespace {

const QString kName = QStringLiteral("name");
const QString kType = QStringLiteral("type");
const QString kLow = QStringLiteral("low");
const QString kHigh = QStringLiteral("high");
const QString kLog = QStringLiteral("log");
const QString kStep = QStringLiteral("step");
const QString kValues = QStringLiteral("values");
const QString kChoices = QStringLiteral("choices");
const QString kValue = QStringLiteral("value");
const QString kWhen = QStringLiteral("when");

constexpr int kValueRole = Qt::UserRole; // a list item's JSON value, kept exactly

bool sameJson(const QJsonValue& a, const QJsonValue& b)
{
    const auto va = engine::valueFromJson(a);
    const auto vb = engine::valueFromJson(b);
    return va && vb ? algorithms::sameValue(*va, *vb) : a == b;
}

QToolButton* toolButton(const QString& text, const QString& tip, QWidget* parent)
{
    auto* b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    return b;
}

// The parameter rewritten for another type: the keys that still mean something are kept,
// the new type's required keys get values that make it valid on its own.
QJsonObject retyped(const QJsonObject& p, const QString& type)
{
    const QString old = p.value(kType).toString();
    QJsonObject out{{kName, p.value(kName)}, {kType, type}};
    if (p.contains(kWhen))
        out.insert(kWhen, p.value(kWhen));
    const bool numeric = old == QLatin1String("float") || old == QLatin1String("int");
    if (type == QLatin1String("float") || type == QLatin1String("int")) {
        const bool isInt = type == QLatin1String("int");
        if (numeric) {
            for (const QString& key : {kLow, kHigh, kLog, kStep})
                if (p.contains(key))
                    out.insert(key, p.value(key));
            if (!isInt && p.contains(kValues))
                out.insert(kValues, p.value(kValues));
            if (isInt) {
                // Ints need integral bounds and step: widen to the enclosing integers.
                if (out.value(kLow).isDouble())
                    out.insert(kLow, static_cast<qint64>(std::floor(out.value(kLow).toDouble())));
                if (out.value(kHigh).isDouble())
                    out.insert(kHigh, static_cast<qint64>(std::ceil(out.value(kHigh).toDouble())));
                if (out.value(kStep).isDouble() && std::floor(out.value(kStep).toDouble()) != out.value(kStep).toDouble())
                    out.remove(kStep);
            }
        } else {
            out.insert(kLow, 0);
            out.insert(kHigh, isInt ? 10 : 1);
        }
    } else if (type == QLatin1String("categorical")) {
        if (old == QLatin1String("fixed"))
            out.insert(kChoices, QJsonArray{p.value(kValue)});
        else if (numeric && p.value(kLow).isDouble() && p.value(kHigh).isDouble())
            out.insert(kChoices, QJsonArray{p.value(kLow), p.value(kHigh)});
        else
            out.insert(kChoices, QJsonArray{QStringLiteral("a"), QStringLiteral("b")});
    } else if (type == QLatin1String("fixed")) {
        if (old == QLatin1String("categorical") && !p.value(kChoices).toArray().isEmpty())
            out.insert(kValue, p.value(kChoices).toArray().first());
        else if (numeric && p.contains(kLow))
            out.insert(kValue, p.value(kLow));
        else
            out.insert(kValue, 0);
    }
    return out;
}

struct ListEntry {
    QJsonValue value;
    std::optional<bool> checked; // checkable lists only
    bool foreign = false;        // a condition value that is not among the parent's values
};

// Fills a list from values. When the texts are already those (the user has just edited
// the list), the items are updated in place: the list may be inside its own itemChanged().
void fillList(QListWidget* list, const QVector<ListEntry>& entries, bool editable)
{
    bool same = list->count() == entries.size();
    for (int i = 0; same && i < entries.size(); ++i)
        same = list->item(i)->text() == literalText(entries[i].value);
    if (!same) {
        const int current = list->currentRow();
        list->clear();
        for (int i = 0; i < entries.size(); ++i) {
            auto* item = new QListWidgetItem(literalText(entries[i].value), list);
            Qt::ItemFlags flags = item->flags();
            flags.setFlag(Qt::ItemIsEditable, editable);
            flags.setFlag(Qt::ItemIsUserCheckable, entries[i].checked.has_value());
            item->setFlags(flags);
        }
        list->setCurrentRow(std::min(current, list->count() - 1));
    }
    for (int i = 0; i < entries.size(); ++i) {
        QListWidgetItem* item = list->item(i);
        item->setData(kValueRole, QVariant::fromValue(entries[i].value));
        if (entries[i].checked)
            item->setCheckState(*entries[i].checked ? Qt::Checked : Qt::Unchecked);
        item->setForeground(entries[i].foreign ? QBrush(QColor(0xc0, 0, 0)) : QBrush());
    }
}

} // namespace

SpaceEditor::SpaceEditor(QWidget* parent) : QWidget(parent), m_model(new SpaceModel(this))
{
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(splitter);

    // Left: the table, its buttons and the error line.
    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* buttons = new QHBoxLayout;
    auto* add = toolButton(tr("Add"), tr("Add a parameter"), left);
    m_remove = toolButton(tr("Remove"), tr("Remove the selected parameter"), left);
    m_duplicate = toolButton(tr("Duplicate"), tr("Add a copy of the selected parameter"), left);
    m_up = toolButton(tr("Up"), tr("Move the selected parameter up"), left);
    m_down = toolButton(tr("Down"), tr("Move the selected parameter down"), left);
    QAction* undo = m_model->undoStack()->createUndoAction(this, tr("Undo"));
    QAction* redo = m_model->undoStack()->createRedoAction(this, tr("Redo"));
    // No shortcuts here: the window's Edit menu owns Ctrl+Z (through undoStack()), and a
    // second binding of the same keys would make both ambiguous.
    auto* undoButton = new QToolButton(left);
    undoButton->setDefaultAction(undo);
    auto* redoButton = new QToolButton(left);
    redoButton->setDefaultAction(redo);
    for (QToolButton* b : {add, m_remove, m_duplicate, m_up, m_down})
        buttons->addWidget(b);
    buttons->addStretch();
    buttons->addWidget(undoButton);
    buttons->addWidget(redoButton);
    leftLayout->addLayout(buttons);

    m_table = new QTableView(left);
    m_table->setObjectName(QStringLiteral("spaceTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setDragEnabled(true);
    m_table->setAcceptDrops(true);
    m_table->setDropIndicatorShown(true);
    m_table->setDragDropMode(QAbstractItemView::InternalMove);
    m_table->setDragDropOverwriteMode(false);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(SpaceModel::RangeColumn, QHeaderView::Stretch);
    leftLayout->addWidget(m_table, 1);

    m_error = new QLabel(left);
    m_error->setObjectName(QStringLiteral("spaceError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #c00000;"));
    leftLayout->addWidget(m_error);

    // Right: the selected parameter and its prior.
    auto* right = new QWidget(splitter);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    buildForm(right);
    rightLayout->addWidget(m_form);
    m_preview = new PriorPreview(right);
    m_preview->setObjectName(QStringLiteral("priorPreview"));
    rightLayout->addWidget(m_preview, 1);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    connect(add, &QToolButton::clicked, m_model, &SpaceModel::addParam);
    connect(m_remove, &QToolButton::clicked, this, [this] { m_model->removeParam(currentRow()); });
    connect(m_duplicate, &QToolButton::clicked, this, [this] { m_model->duplicateParam(currentRow()); });
    connect(m_up, &QToolButton::clicked, this, [this] { m_model->moveParam(currentRow(), currentRow() - 1); });
    connect(m_down, &QToolButton::clicked, this, [this] { m_model->moveParam(currentRow(), currentRow() + 1); });

    connect(m_model, &SpaceModel::spaceChanged, this, &SpaceEditor::onSpaceChanged);
    // Keep the edited parameter selected as rows come, go and move.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first) { setCurrentRow(first); });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex&, int first) { setCurrentRow(std::min(first, m_model->rowCount() - 1)); });
    connect(m_model, &QAbstractItemModel::rowsMoved, this,
            [this](const QModelIndex&, int start, int, const QModelIndex&, int destination) {
                setCurrentRow(destination > start ? destination - 1 : destination);
            });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showParam(current.isValid() ? current.row() : -1); });

    validate();
    showParam(-1);
}

SpaceEditor::~SpaceEditor() = default;

void SpaceEditor::buildForm(QWidget* host)
{
    m_form = new QGroupBox(tr("Parameter"), host);
    m_formLayout = new QFormLayout(m_form);

    m_name = new QLineEdit(m_form);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setToolTip(tr("Letters, digits, '_', '-' and '.'; used as ${name} in the trial's arguments."));
    m_formLayout->addRow(tr("&Name"), m_name);

    m_type = new QComboBox(m_form);
    m_type->setObjectName(QStringLiteral("type"));
    m_type->addItem(tr("float"), QStringLiteral("float"));
    m_type->addItem(tr("int"), QStringLiteral("int"));
    m_type->addItem(tr("categorical"), QStringLiteral("categorical"));
    m_type->addItem(tr("fixed"), QStringLiteral("fixed"));
    m_formLayout->addRow(tr("&Type"), m_type);

    auto scalarEdit = [this](const QString& objectName, const QString& label, const QString& tip) {
        auto* edit = new QLineEdit(m_form);
        edit->setObjectName(objectName);
        edit->setToolTip(tip);
        m_formLayout->addRow(label, edit);
        return edit;
    };
    m_low = scalarEdit(QStringLiteral("low"), tr("&Low"), tr("Smallest value (inclusive)."));
    m_high = scalarEdit(QStringLiteral("high"), tr("&High"), tr("Largest value (inclusive)."));
    m_log = new QCheckBox(tr("Sample on a &log scale"), m_form);
    m_log->setObjectName(QStringLiteral("log"));
    m_formLayout->addRow(QString(), m_log);
    m_step = scalarEdit(QStringLiteral("step"), tr("&Step"), tr("Quantization; leave empty for none."));
    m_gridValues = scalarEdit(QStringLiteral("values"), tr("&Grid values"),
                              tr("Comma-separated points for grid search; other samplers sample [low, high]."));

    m_choicesBox = new QWidget(m_form);
    auto* choicesLayout = new QHBoxLayout(m_choicesBox);
    choicesLayout->setContentsMargins(0, 0, 0, 0);
    m_choices = new QListWidget(m_choicesBox);
    m_choices->setObjectName(QStringLiteral("choices"));
    m_choices->setToolTip(tr("Double-click to edit. Numbers and true/false are typed values; put text that looks "
                             "like one in quotes, like \"1\"."));
    m_choices->setMaximumHeight(120);
    auto* choiceButtons = new QVBoxLayout;
    auto* addChoiceButton = toolButton(tr("+"), tr("Add a choice"), m_choicesBox);
    auto* removeChoiceButton = toolButton(tr("-"), tr("Remove the selected choice"), m_choicesBox);
    choiceButtons->addWidget(addChoiceButton);
    choiceButtons->addWidget(removeChoiceButton);
    choiceButtons->addStretch();
    choicesLayout->addWidget(m_choices);
    choicesLayout->addLayout(choiceButtons);
    m_formLayout->addRow(tr("&Choices"), m_choicesBox);

    m_fixedValue = scalarEdit(QStringLiteral("value"), tr("&Value"), tr("A number, true/false or text."));

    m_parent = new QComboBox(m_form);
    m_parent->setObjectName(QStringLiteral("whenParent"));
    m_formLayout->addRow(tr("Active &when"), m_parent);
    m_whenValues = new QListWidget(m_form);
    m_whenValues->setObjectName(QStringLiteral("whenValues"));
    m_whenValues->setMaximumHeight(100);
    m_whenValues->setToolTip(tr("The parameter is active when its parent takes one of the checked values."));
    m_formLayout->addRow(tr("takes one of"), m_whenValues);

    connect(m_name, &QLineEdit::editingFinished, this, &SpaceEditor::commitName);
    connect(m_type, &QComboBox::activated, this, &SpaceEditor::commitType);
    connect(m_low, &QLineEdit::editingFinished, this, [this] { commitScalar(kLow, m_low); });
    connect(m_high, &QLineEdit::editingFinished, this, [this] { commitScalar(kHigh, m_high); });
    connect(m_step, &QLineEdit::editingFinished, this, [this] { commitScalar(kStep, m_step); });
    connect(m_fixedValue, &QLineEdit::editingFinished, this, [this] { commitScalar(kValue, m_fixedValue); });
    connect(m_log, &QCheckBox::toggled, this, &SpaceEditor::commitLog);
    connect(m_gridValues, &QLineEdit::editingFinished, this, &SpaceEditor::commitGridValues);
    connect(m_choices, &QListWidget::itemChanged, this, &SpaceEditor::commitChoices);
    connect(addChoiceButton, &QToolButton::clicked, this, &SpaceEditor::addChoice);
    connect(removeChoiceButton, &QToolButton::clicked, this, &SpaceEditor::removeChoice);
    connect(m_parent, &QComboBox::activated, this, &SpaceEditor::commitParent);
    connect(m_whenValues, &QListWidget::itemChanged, this, &SpaceEditor::commitConditionValues);
}

QJsonArray SpaceEditor::toJson() const
{
    return m_model->space();
}

void SpaceEditor::setJson(const QJsonArray& space)
{
    m_model->setSpace(space);
    setCurrentRow(space.isEmpty() ? -1 : 0);
}

QUndoStack* SpaceEditor::undoStack() const
{
    return m_model->undoStack();
}

QStringList SpaceEditor::paramNames() const
{
    return m_model->names();
}

int SpaceEditor::currentRow() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void SpaceEditor::setCurrentRow(int row)
{
    if (row < 0 || row >= m_model->rowCount()) {
        m_table->selectionModel()->clear();
        showParam(-1);
        return;
    }
    m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    showParam(row); // also when the row number stayed the same but the parameter changed
}

void SpaceEditor::onSpaceChanged()
{
    validate();
    if (m_formRow >= m_model->rowCount())
        m_formRow = -1;
    showParam(m_formRow >= 0 ? m_formRow : currentRow());
    emit changed();
}

void SpaceEditor::validate()
{
    const QString message = spaceError(m_model->space());
    const int row = errorParamIndex(message);
    m_model->setError(row, message);
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    if (message != m_message) {
        m_message = message;
        emit validityChanged(message.isEmpty(), message);
    }
}

void SpaceEditor::showParam(int row)
{
    m_formRow = row;
    const bool has = row >= 0 && row < m_model->rowCount();
    m_remove->setEnabled(has);
    m_duplicate->setEnabled(has);
    m_up->setEnabled(has && row > 0);
    m_down->setEnabled(has && row + 1 < m_model->rowCount());
    m_form->setEnabled(has);
    const QJsonObject p = has ? m_model->param(row) : QJsonObject();

    m_filling = true;
    m_name->setText(p.value(kName).toString());
    const QString type = p.value(kType).toString();
    m_type->setCurrentIndex(m_type->findData(type));
    const bool numeric = type == QLatin1String("float") || type == QLatin1String("int");
    m_low->setText(p.contains(kLow) ? literalText(p.value(kLow)) : QString());
    m_high->setText(p.contains(kHigh) ? literalText(p.value(kHigh)) : QString());
    m_log->setChecked(p.value(kLog).toBool());
    m_step->setText(p.contains(kStep) ? literalText(p.value(kStep)) : QString());
    m_gridValues->setText(literalListText(p.value(kValues).toArray()));
    m_fixedValue->setText(p.contains(kValue) ? literalText(p.value(kValue)) : QString());

    QVector<ListEntry> choices;
    for (const QJsonValue& c : p.value(kChoices).toArray())
        choices.append({c, std::nullopt, false});
    fillList(m_choices, choices, true);

    for (QWidget* w : {static_cast<QWidget*>(m_low), static_cast<QWidget*>(m_high), static_cast<QWidget*>(m_log),
                       static_cast<QWidget*>(m_step)})
        m_formLayout->setRowVisible(w, numeric);
    m_formLayout->setRowVisible(m_gridValues, type == QLatin1String("float"));
    m_formLayout->setRowVisible(m_choicesBox, type == QLatin1String("categorical"));
    m_formLayout->setRowVisible(m_fixedValue, type == QLatin1String("fixed"));

    // Condition: parents are the other categorical and fixed parameters (and the current
    // parent whatever it is, so that a broken condition can still be seen and changed).
    const QJsonObject when = p.value(kWhen).toObject();
    const QString parentName = when.isEmpty() ? QString() : when.begin().key();
    QStringList parents{QString()};
    for (int i = 0; i < m_model->rowCount(); ++i) {
        const QJsonObject other = m_model->param(i);
        const QString name = other.value(kName).toString();
        const QString otherType = other.value(kType).toString();
        if (i != row && !name.isEmpty() && (otherType == QLatin1String("categorical") || otherType == QLatin1String("fixed")))
            parents << name;
    }
    if (!parents.contains(parentName))
        parents << parentName;
    QStringList shown;
    for (int i = 0; i < m_parent->count(); ++i)
        shown << m_parent->itemData(i).toString();
    if (shown != parents) { // rebuilt only when needed: this may run inside the combo's activated()
        m_parent->clear();
        for (const QString& name : parents)
            m_parent->addItem(name.isEmpty() ? tr("(always)") : name, name);
    }
    m_parent->setCurrentIndex(std::max(0, m_parent->findData(parentName)));

    QVector<ListEntry> conditionValues;
    if (!parentName.isEmpty()) {
        const QJsonValue given = when.begin().value();
        const QJsonArray checked = given.isArray() ? given.toArray() : QJsonArray{given};
        const QJsonObject parent = m_model->param(m_model->rowOf(parentName));
        const QJsonArray options = parent.value(kType).toString() == QLatin1String("fixed")
                                       ? QJsonArray{parent.value(kValue)}
                                       : parent.value(kChoices).toArray();
        for (const QJsonValue& option : options) {
            const bool on = std::any_of(checked.begin(), checked.end(), [&](const QJsonValue& c) { return sameJson(c, option); });
            conditionValues.append({option, on, false});
        }
        for (const QJsonValue& c : checked)
            if (!std::any_of(options.begin(), options.end(), [&](const QJsonValue& o) { return sameJson(c, o); }))
                conditionValues.append({c, true, true});
    }
    fillList(m_whenValues, conditionValues, false);
    m_formLayout->setRowVisible(m_whenValues, !parentName.isEmpty());
    m_filling = false;

    if (has)
        m_preview->setParam(p);
    else
        m_preview->setParam({});
}

void SpaceEditor::commit(const QJsonObject& param, const QString& what)
{
    if (m_formRow < 0 || m_formRow >= m_model->rowCount())
        return;
    const QString name = m_model->param(m_formRow).value(kName).toString();
    m_model->setParam(m_formRow, param, tr("Change %1 of %2").arg(what, name));
}

void SpaceEditor::commitName()
{
    if (m_filling || m_formRow < 0)
        return;
    QJsonObject p = m_model->param(m_formRow);
    if (p.value(kName).toString() == m_name->text())
        return;
    p.insert(kName, m_name->text());
    commit(p, tr("name"));
}

void SpaceEditor::commitType(int index)
{
    if (m_filling || m_formRow < 0)
        return;
    const QJsonObject p = m_model->param(m_formRow);
    const QString type = m_type->itemData(index).toString();
    if (p.value(kType).toString() != type)
        commit(retyped(p, type), tr("type"));
}

void SpaceEditor::commitScalar(const QString& key, QLineEdit* edit)
{
    if (m_filling || m_formRow < 0)
        return;
    QJsonObject p = m_model->param(m_formRow);
    const QString text = edit->text();
    if (p.contains(key) ? literalText(p.value(key)) == text : text.isEmpty())
        return; // unchanged: keep the value exactly as it was given
    if (text.isEmpty())
        p.remove(key);
    else
        p.insert(key, literalValue(text));
    commit(p, key);
}

void SpaceEditor::commitLog(bool on)
{
    if (m_filling || m_formRow < 0)
        return;
    QJsonObject p = m_model->param(m_formRow);
    if (on)
        p.insert(kLog, true);
    else
        p.remove(kLog);
    commit(p, kLog);
}

void SpaceEditor::commitGridValues()
{
    if (m_filling || m_formRow < 0)
        return;
    QJsonObject p = m_model->param(m_formRow);
    const QString text = m_gridValues->text();
    if (literalListText(p.value(kValues).toArray()) == text && (p.contains(kValues) || text.isEmpty()))
        return;
    if (text.trimmed().isEmpty())
        p.remove(kValues);
    else
        p.insert(kValues, literalList(text));
    commit(p, kValues);
}

void SpaceEditor::commitChoices()
{
    if (m_filling || m_formRow < 0)
        return;
    QJsonArray choices;
    for (int i = 0; i < m_choices->count(); ++i) {
        const QListWidgetItem* item = m_choices->item(i);
        const QJsonValue original = item->data(kValueRole).toJsonValue();
        // An item that was not edited keeps its value exactly (1.0 stays 1.0).
        const bool edited = !item->data(kValueRole).isValid() || literalText(original) != item->text();
        choices.append(edited ? literalValue(item->text()) : original);
    }
    QJsonObject p = m_model->param(m_formRow);
    p.insert(kChoices, choices);
    commit(p, kChoices);
}

void SpaceEditor::addChoice()
{
    if (m_formRow < 0)
        return;
    QJsonObject p = m_model->param(m_formRow);
    QJsonArray choices = p.value(kChoices).toArray();
    QString text;
    for (int n = choices.size() + 1;; ++n) {
        text = QStringLiteral("choice%1").arg(n);
        if (!std::any_of(choices.begin(), choices.end(), [&](const QJsonValue& c) { return sameJson(c, text); }))
            break;
    }
    choices.append(text);
    p.insert(kChoices, choices);
    commit(p, kChoices);
    m_choices->setCurrentRow(m_choices->count() - 1);
    if (QListWidgetItem* item = m_choices->currentItem())
        m_choices->editItem(item);
}

void SpaceEditor::removeChoice()
{
    const int index = m_choices->currentRow();
    if (m_formRow < 0 || index < 0)
        return;
    QJsonObject p = m_model->param(m_formRow);
    QJsonArray choices = p.value(kChoices).toArray();
    choices.removeAt(index);
    p.insert(kChoices, choices);
    commit(p, kChoices);
}

void SpaceEditor::commitParent(int index)
{
    if (m_filling || m_formRow < 0)
        return;
    QJsonObject p = m_model->param(m_formRow);
    const QString parentName = m_parent->itemData(index).toString();
    const QJsonObject old = p.value(kWhen).toObject();
    if ((old.isEmpty() && parentName.isEmpty()) || (!old.isEmpty() && old.begin().key() == parentName))
        return;
    if (parentName.isEmpty()) {
        p.remove(kWhen);
    } else {
        // Start with the parent's first value checked, so the condition is valid at once.
        const QJsonObject parent = m_model->param(m_model->rowOf(parentName));
        const QJsonValue first = parent.value(kType).toString() == QLatin1String("fixed")
                                     ? parent.value(kValue)
                                     : parent.value(kChoices).toArray().first();
        p.insert(kWhen, QJsonObject{{parentName, first.isUndefined() ? QJsonArray() : QJsonArray{first}}});
    }
    commit(p, tr("condition"));
}

void SpaceEditor::commitConditionValues()
{
    if (m_filling || m_formRow < 0)
        return;
    QJsonObject p = m_model->param(m_formRow);
    const QJsonObject old = p.value(kWhen).toObject();
    if (old.isEmpty())
        return;
    QJsonArray values;
    for (int i = 0; i < m_whenValues->count(); ++i)
        if (m_whenValues->item(i)->checkState() == Qt::Checked)
            values.append(m_whenValues->item(i)->data(kValueRole).toJsonValue());
    p.insert(kWhen, QJsonObject{{old.begin().key(), values}});
    commit(p, tr("condition"));
}

} // namespace tb::widgets
