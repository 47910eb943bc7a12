#include "space_editor.h"

#include "prior_preview.h"
#include "space_model.h"
#include "wheel_guard.h"
#include "widgets/models/spec_text.h"

#include "engine/core/json.h"
#include "engine/core/spec.h"

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

namespace key = engine::key;
using algorithms::ParamType;

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

QLatin1StringView typeWord(ParamType type)
{
    return QLatin1StringView(algorithms::paramTypeName(type));
}

// A type as the form offers it.
QString typeLabel(ParamType type)
{
    switch (type) {
    case ParamType::Float: return SpaceEditor::tr("float");
    case ParamType::Int: return SpaceEditor::tr("int");
    case ParamType::Categorical: return SpaceEditor::tr("categorical");
    case ParamType::Fixed: return SpaceEditor::tr("fixed");
    }
    return {};
}

// The parameter rewritten for another type: the keys both types have (name and condition
// always) keep their values, the new type's required keys get values that make it valid
// on its own.
QJsonObject retyped(const QJsonObject& p, ParamType type)
{
    const auto old = engine::paramTypeNamed(p.value(key::type).toString());
    const QList<key::Name> oldKeys = old ? engine::paramKeys(*old) : QList<key::Name>{key::name, key::when};
    QJsonObject out;
    for (key::Name k : engine::paramKeys(type))
        if (oldKeys.contains(k) && p.contains(k))
            out.insert(k, p.value(k));
    out.insert(key::type, typeWord(type));
    const bool numeric = old == ParamType::Float || old == ParamType::Int;
    switch (type) {
    case ParamType::Float:
    case ParamType::Int:
        if (!numeric) {
            out.insert(key::low, 0);
            out.insert(key::high, type == ParamType::Int ? 10 : 1);
        } else if (type == ParamType::Int) {
            // Ints need integral bounds and step: widen to the enclosing integers.
            if (out.value(key::low).isDouble())
                out.insert(key::low, static_cast<qint64>(std::floor(out.value(key::low).toDouble())));
            if (out.value(key::high).isDouble())
                out.insert(key::high, static_cast<qint64>(std::ceil(out.value(key::high).toDouble())));
            if (out.value(key::step).isDouble() && std::floor(out.value(key::step).toDouble()) != out.value(key::step).toDouble())
                out.remove(key::step);
        }
        break;
    case ParamType::Categorical:
        if (old == ParamType::Fixed)
            out.insert(key::choices, QJsonArray{p.value(key::value)});
        else if (numeric && p.value(key::low).isDouble() && p.value(key::high).isDouble())
            out.insert(key::choices, QJsonArray{p.value(key::low), p.value(key::high)});
        else
            out.insert(key::choices, QJsonArray{QStringLiteral("a"), QStringLiteral("b")});
        break;
    case ParamType::Fixed:
        if (old == ParamType::Categorical && !p.value(key::choices).toArray().isEmpty())
            out.insert(key::value, p.value(key::choices).toArray().first());
        else if (numeric && p.contains(key::low))
            out.insert(key::value, p.value(key::low));
        else
            out.insert(key::value, 0);
        break;
    }
    return out;
}

// The values a condition on `parent` may name: a categorical's choices or a fixed value.
QJsonArray parentValues(const QJsonObject& parent)
{
    return engine::paramTypeNamed(parent.value(key::type).toString()) == ParamType::Fixed ? QJsonArray{parent.value(key::value)}
                                                                                            : parent.value(key::choices).toArray();
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
    // Undo and Redo keep their words and width whatever the next step is (it is in their
    // tooltips), so that no button of the row moves. No shortcuts here: the window's Edit
    // menu owns Ctrl+Z (through undoStack()), and a second binding of the same keys would
    // make both ambiguous.
    QUndoStack* stack = m_model->undoStack();
    auto* undoButton = toolButton(tr("Undo"), QString(), left);
    undoButton->setObjectName(QStringLiteral("spaceUndo"));
    auto* redoButton = toolButton(tr("Redo"), QString(), left);
    redoButton->setObjectName(QStringLiteral("spaceRedo"));
    const auto follow = [undoButton, redoButton, stack] {
        undoButton->setEnabled(stack->canUndo());
        redoButton->setEnabled(stack->canRedo());
        undoButton->setToolTip(stack->canUndo() ? tr("Undo %1").arg(stack->undoText()) : tr("Nothing to undo"));
        redoButton->setToolTip(stack->canRedo() ? tr("Redo %1").arg(stack->redoText()) : tr("Nothing to redo"));
    };
    follow();
    connect(stack, &QUndoStack::indexChanged, this, follow);
    connect(stack, &QUndoStack::undoTextChanged, this, follow);
    connect(stack, &QUndoStack::redoTextChanged, this, follow);
    connect(undoButton, &QToolButton::clicked, stack, &QUndoStack::undo);
    connect(redoButton, &QToolButton::clicked, stack, &QUndoStack::redo);
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
    WheelGuard::install(this);

    // The splitter shares out the width above the two sides' minimums; minimums that follow
    // the form's rows (a type's fields shown or hidden) would move the split, the table and
    // its buttons at each selection. Fixed at the empty form's, they do not (and do not
    // widen the editor either).
    for (QWidget* side : {left, right})
        side->setMinimumWidth(side->minimumSizeHint().width());
}

SpaceEditor::~SpaceEditor() = default;

void SpaceEditor::buildForm(QWidget* host)
{
    m_form = new QGroupBox(tr("Parameter"), host);
    m_formLayout = new QFormLayout(m_form);

    m_name = new QLineEdit(m_form);
    m_name->setObjectName(key::name);
    m_name->setToolTip(tr("Letters, digits, '_', '-' and '.'; used as ${name} in the trial's arguments."));
    m_formLayout->addRow(tr("&Name"), m_name);

    m_type = new QComboBox(m_form);
    m_type->setObjectName(key::type);
    for (ParamType type : engine::kParamTypes)
        m_type->addItem(typeLabel(type), typeWord(type));
    m_formLayout->addRow(tr("&Type"), m_type);

    auto scalarEdit = [this](const QString& objectName, const QString& label, const QString& tip) {
        auto* edit = new QLineEdit(m_form);
        edit->setObjectName(objectName);
        edit->setToolTip(tip);
        m_formLayout->addRow(label, edit);
        return edit;
    };
    m_low = scalarEdit(key::low, tr("&Low"), tr("Smallest value (inclusive)."));
    m_high = scalarEdit(key::high, tr("&High"), tr("Largest value (inclusive)."));
    m_log = new QCheckBox(tr("L&og scale"), m_form);
    m_log->setObjectName(key::log);
    m_log->setToolTip(tr("Sample on a log scale: for rates and sizes that span orders of magnitude (low must be above 0)."));
    m_formLayout->addRow(QString(), m_log);
    m_step = scalarEdit(key::step, tr("&Step"), tr("Quantization; leave empty for none."));
    m_gridValues = scalarEdit(key::values, tr("&Grid values"),
                              tr("Comma-separated points for grid search; other samplers sample [low, high]."));

    m_choicesBox = new QWidget(m_form);
    auto* choicesLayout = new QHBoxLayout(m_choicesBox);
    choicesLayout->setContentsMargins(0, 0, 0, 0);
    m_choices = new QListWidget(m_choicesBox);
    m_choices->setObjectName(key::choices);
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

    m_fixedValue = scalarEdit(key::value, tr("&Value"), tr("A number, true/false or text."));

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
    connect(m_low, &QLineEdit::editingFinished, this, [this] { commitScalar(key::low, m_low); });
    connect(m_high, &QLineEdit::editingFinished, this, [this] { commitScalar(key::high, m_high); });
    connect(m_step, &QLineEdit::editingFinished, this, [this] { commitScalar(key::step, m_step); });
    connect(m_fixedValue, &QLineEdit::editingFinished, this, [this] { commitScalar(key::value, m_fixedValue); });
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
    const SpecCheck check = checkSpace(m_model->space());
    const QString& message = check.message;
    // Shown in the table's terms: its rows and the parameters' names, not the JSON path.
    const QString words = messageInWords(message, check.path, [this](const engine::SpecPath& path) { return m_model->placeOf(path); });
    m_model->setError(engine::paramIndexOf(check.path), words);
    // An empty space is where everyone starts: a hint, not an error (the set-up's status
    // still names it as the reason a launch is refused).
    const bool empty = m_model->rowCount() == 0;
    m_error->setText(empty ? tr("No parameters yet: add one with +.") : words);
    m_error->setStyleSheet(empty ? QStringLiteral("color: #707070;") : QStringLiteral("color: #c00000;"));
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
    m_name->setText(p.value(key::name).toString());
    const QString type = p.value(key::type).toString();
    m_type->setCurrentIndex(m_type->findData(type));
    m_low->setText(p.contains(key::low) ? literalText(p.value(key::low)) : QString());
    m_high->setText(p.contains(key::high) ? literalText(p.value(key::high)) : QString());
    m_log->setChecked(p.value(key::log).toBool());
    m_step->setText(p.contains(key::step) ? literalText(p.value(key::step)) : QString());
    m_gridValues->setText(literalListText(p.value(key::values).toArray()));
    m_fixedValue->setText(p.contains(key::value) ? literalText(p.value(key::value)) : QString());

    QVector<ListEntry> choices;
    for (const QJsonValue& c : p.value(key::choices).toArray())
        choices.append({c, std::nullopt, false});
    fillList(m_choices, choices, true);

    // A field shows when the parameter's type has its key.
    const auto paramType = engine::paramTypeNamed(type);
    const QList<key::Name> keys = paramType ? engine::paramKeys(*paramType) : QList<key::Name>();
    const std::pair<QWidget*, key::Name> fields[] = {{m_low, key::low},   {m_high, key::high},         {m_log, key::log},
                                                     {m_step, key::step}, {m_gridValues, key::values}, {m_choicesBox, key::choices},
                                                     {m_fixedValue, key::value}};
    for (const auto& [field, k] : fields)
        m_formLayout->setRowVisible(field, keys.contains(k));

    // Condition: parents are the other categorical and fixed parameters (and the current
    // parent whatever it is, so that a broken condition can still be seen and changed).
    const QJsonObject when = p.value(key::when).toObject();
    const QString parentName = when.isEmpty() ? QString() : when.begin().key();
    QStringList parents{QString()};
    for (int i = 0; i < m_model->rowCount(); ++i) {
        const QJsonObject other = m_model->param(i);
        const QString name = other.value(key::name).toString();
        const auto otherType = engine::paramTypeNamed(other.value(key::type).toString());
        if (i != row && !name.isEmpty() && (otherType == ParamType::Categorical || otherType == ParamType::Fixed))
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
        const QJsonArray options = parentValues(parent);
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
    const QString name = m_model->param(m_formRow).value(key::name).toString();
    m_model->setParam(m_formRow, param, tr("Change %1 of %2").arg(what, name));
}

void SpaceEditor::commitName()
{
    if (m_filling || m_formRow < 0)
        return;
    QJsonObject p = m_model->param(m_formRow);
    if (p.value(key::name).toString() == m_name->text())
        return;
    p.insert(key::name, m_name->text());
    commit(p, tr("name"));
}

void SpaceEditor::commitType(int index)
{
    if (m_filling || m_formRow < 0)
        return;
    const QJsonObject p = m_model->param(m_formRow);
    const QString type = m_type->itemData(index).toString();
    if (const auto known = engine::paramTypeNamed(type); known && p.value(key::type).toString() != type)
        commit(retyped(p, *known), tr("type"));
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
        p.insert(key::log, true);
    else
        p.remove(key::log);
    commit(p, key::log);
}

void SpaceEditor::commitGridValues()
{
    if (m_filling || m_formRow < 0)
        return;
    QJsonObject p = m_model->param(m_formRow);
    const QString text = m_gridValues->text();
    if (literalListText(p.value(key::values).toArray()) == text && (p.contains(key::values) || text.isEmpty()))
        return;
    if (text.trimmed().isEmpty())
        p.remove(key::values);
    else
        p.insert(key::values, literalList(text));
    commit(p, key::values);
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
    p.insert(key::choices, choices);
    commit(p, key::choices);
}

void SpaceEditor::addChoice()
{
    if (m_formRow < 0)
        return;
    QJsonObject p = m_model->param(m_formRow);
    QJsonArray choices = p.value(key::choices).toArray();
    QString text;
    for (int n = choices.size() + 1;; ++n) {
        text = QStringLiteral("choice%1").arg(n);
        if (!std::any_of(choices.begin(), choices.end(), [&](const QJsonValue& c) { return sameJson(c, text); }))
            break;
    }
    choices.append(text);
    p.insert(key::choices, choices);
    commit(p, key::choices);
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
    QJsonArray choices = p.value(key::choices).toArray();
    choices.removeAt(index);
    p.insert(key::choices, choices);
    commit(p, key::choices);
}

void SpaceEditor::commitParent(int index)
{
    if (m_filling || m_formRow < 0)
        return;
    QJsonObject p = m_model->param(m_formRow);
    const QString parentName = m_parent->itemData(index).toString();
    const QJsonObject old = p.value(key::when).toObject();
    if ((old.isEmpty() && parentName.isEmpty()) || (!old.isEmpty() && old.begin().key() == parentName))
        return;
    if (parentName.isEmpty()) {
        p.remove(key::when);
    } else {
        // Start with the parent's first value checked, so the condition is valid at once.
        const QJsonObject parent = m_model->param(m_model->rowOf(parentName));
        const QJsonValue first = engine::paramTypeNamed(parent.value(key::type).toString()) == ParamType::Fixed
                                     ? parent.value(key::value)
                                     : parent.value(key::choices).toArray().first();
        p.insert(key::when, QJsonObject{{parentName, first.isUndefined() ? QJsonArray() : QJsonArray{first}}});
    }
    commit(p, tr("condition"));
}

void SpaceEditor::commitConditionValues()
{
    if (m_filling || m_formRow < 0)
        return;
    QJsonObject p = m_model->param(m_formRow);
    const QJsonObject old = p.value(key::when).toObject();
    if (old.isEmpty())
        return;
    QJsonArray values;
    for (int i = 0; i < m_whenValues->count(); ++i)
        if (m_whenValues->item(i)->checkState() == Qt::Checked)
            values.append(m_whenValues->item(i)->data(kValueRole).toJsonValue());
    p.insert(key::when, QJsonObject{{old.begin().key(), values}});
    commit(p, tr("condition"));
}

} // namespace tb::widgets
