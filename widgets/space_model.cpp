#include "space_model.h"

#include "widgets/models/engine_text.h"
#include "widgets/models/spec_text.h"

#include "engine/core/spec.h"

#include <QBrush>
#include <QColor>
#include <QMimeData>
#include <QRegularExpression>
#include <QUndoCommand>
#include <QUndoStack>
#include <algorithm>

namespace tb::widgets {

namespace {

namespace key = engine::key;
using algorithms::ParamType;

const QString kRowMime = QStringLiteral("application/x-tunebench-space-row");

using Part = engine::SpecPath::Part;

const QString* keyOf(const Part& part)
{
    return std::get_if<QString>(&part);
}

const int* indexOf(const Part& part)
{
    return std::get_if<int>(&part);
}

// A parameter's keys as its form fields call them (those with list entries are below).
const std::pair<key::Name, const char*> kKeyWords[] = {
    {key::name, QT_TRANSLATE_NOOP("tb::widgets::SpaceModel", "name")},
    {key::type, QT_TRANSLATE_NOOP("tb::widgets::SpaceModel", "type")},
    {key::low, QT_TRANSLATE_NOOP("tb::widgets::SpaceModel", "low")},
    {key::high, QT_TRANSLATE_NOOP("tb::widgets::SpaceModel", "high")},
    {key::log, QT_TRANSLATE_NOOP("tb::widgets::SpaceModel", "log scale")},
    {key::step, QT_TRANSLATE_NOOP("tb::widgets::SpaceModel", "step")},
    {key::value, QT_TRANSLATE_NOOP("tb::widgets::SpaceModel", "value")},
};

// A parameter's key as its form field calls it, with the entry of a list ("choice 2").
QString paramKeyText(const QString& k, const int* entry, bool conditionValue)
{
    if (k == key::when)
        return conditionValue ? SpaceModel::tr("condition value %1").arg(entry ? *entry + 1 : 1) : SpaceModel::tr("condition");
    if (k == key::choices)
        return entry ? SpaceModel::tr("choice %1").arg(*entry + 1) : SpaceModel::tr("choices");
    if (k == key::values)
        return entry ? SpaceModel::tr("grid value %1").arg(*entry + 1) : SpaceModel::tr("grid values");
    for (const auto& [name, text] : kKeyWords)
        if (k == name)
            return SpaceModel::tr(text);
    return k; // a key the parser does not know: the name the file uses
}

} // namespace

QString messageInWords(const QString& message, const engine::SpecPath& path, const std::function<QString(const engine::SpecPath&)>& place)
{
    QString out = message;
    const QString pathText = path.text();
    if (!path.isEmpty() && message.startsWith(pathText)) {
        QString rest = message.mid(pathText.size());
        engine::SpecPath at = path;
        // A setting's message names the setting after the path: algorithm.settings.steps: ...
        static const QRegularExpression subKey(QStringLiteral("^\\.([A-Za-z0-9_]+)(?=:)"));
        if (const auto m = subKey.match(rest); m.hasMatch()) {
            at = at / m.captured(1);
            rest = rest.mid(m.capturedLength());
        }
        // A parameter's own checks name it after the path: space[2] 'lr': ...
        static const QRegularExpression named(QStringLiteral("^ '[^']*'(?=:)"));
        if (engine::paramIndexOf(at) >= 0)
            rest.remove(named);
        if (rest.startsWith(QLatin1Char(':')))
            rest = rest.mid(1);
        if (rest.startsWith(QLatin1Char(' ')))
            rest = rest.mid(1);
        out = place(at) + QStringLiteral(": ") + engineWhat(rest); // the parser's English, in the window's language
    } else {
        out = engineText(message);
    }
    // Other rows the text refers to, as the tables number them.
    static const QRegularExpression param(QStringLiteral("\\bspace\\[(\\d+)\\]"));
    static const QRegularExpression argument(QStringLiteral("\\btrial\\.argv\\[(\\d+)\\]"));
    const std::pair<const QRegularExpression*, const char*> rows[] = {
        {&param, QT_TRANSLATE_NOOP("tb::widgets::SpaceModel", "parameter %1")},
        {&argument, QT_TRANSLATE_NOOP("tb::widgets::SpaceModel", "argument %1")}};
    for (const auto& [pattern, words] : rows) {
        for (auto m = pattern->match(out); m.hasMatch(); m = pattern->match(out, m.capturedStart())) {
            const QString replacement = SpaceModel::tr(words).arg(m.captured(1).toLongLong() + 1);
            out.replace(m.capturedStart(), m.capturedLength(), replacement);
        }
    }
    return out;
}

// The commands keep whole parameter objects, so undo restores the exact JSON.

class SpaceModel::InsertCommand : public QUndoCommand {
public:
    InsertCommand(SpaceModel* model, int row, QJsonObject param, const QString& text)
        : QUndoCommand(text), m_model(model), m_row(row), m_param(std::move(param))
    {
    }
    void redo() override { m_model->doInsert(m_row, m_param); }
    void undo() override { m_model->doRemove(m_row); }

private:
    SpaceModel* m_model;
    int m_row;
    QJsonObject m_param;
};

class SpaceModel::RemoveCommand : public QUndoCommand {
public:
    RemoveCommand(SpaceModel* model, int row, const QString& text)
        : QUndoCommand(text), m_model(model), m_row(row), m_param(model->param(row))
    {
    }
    void redo() override { m_model->doRemove(m_row); }
    void undo() override { m_model->doInsert(m_row, m_param); }

private:
    SpaceModel* m_model;
    int m_row;
    QJsonObject m_param;
};

class SpaceModel::MoveCommand : public QUndoCommand {
public:
    MoveCommand(SpaceModel* model, int from, int to, const QString& text)
        : QUndoCommand(text), m_model(model), m_from(from), m_to(to)
    {
    }
    void redo() override { m_model->doMove(m_from, m_to); }
    void undo() override { m_model->doMove(m_to, m_from); }

private:
    SpaceModel* m_model;
    int m_from;
    int m_to;
};

class SpaceModel::ReplaceCommand : public QUndoCommand {
public:
    ReplaceCommand(SpaceModel* model, int row, QJsonObject after, const QString& text)
        : QUndoCommand(text), m_model(model), m_row(row), m_before(model->param(row)), m_after(std::move(after))
    {
    }
    void redo() override { m_model->doReplace(m_row, m_after); }
    void undo() override { m_model->doReplace(m_row, m_before); }

private:
    SpaceModel* m_model;
    int m_row;
    QJsonObject m_before;
    QJsonObject m_after;
};

SpaceModel::SpaceModel(QObject* parent) : QAbstractTableModel(parent), m_undo(new QUndoStack(this)) {}

SpaceModel::~SpaceModel() = default;

void SpaceModel::setSpace(const QJsonArray& space)
{
    beginResetModel();
    m_params.clear();
    for (const QJsonValue& v : space)
        m_params.append(v.toObject());
    m_errorRow = -1;
    m_errorMessage.clear();
    endResetModel();
    m_undo->clear();
    emit spaceChanged();
}

QJsonArray SpaceModel::space() const
{
    QJsonArray out;
    for (const QJsonObject& p : m_params)
        out.append(p);
    return out;
}

int SpaceModel::rowOf(const QString& name) const
{
    for (int i = 0; i < m_params.size(); ++i)
        if (m_params[i].value(key::name).toString() == name)
            return i;
    return -1;
}

QStringList SpaceModel::names() const
{
    QStringList out;
    for (const QJsonObject& p : m_params)
        out << p.value(key::name).toString();
    return out;
}

QString SpaceModel::uniqueName(const QString& base) const
{
    if (rowOf(base) < 0)
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = base + QLatin1Char('_') + QString::number(n);
        if (rowOf(candidate) < 0)
            return candidate;
    }
}

QString SpaceModel::placeOf(const engine::SpecPath& path) const
{
    const auto& parts = path.parts();
    if (parts.empty() || !keyOf(parts[0]) || *keyOf(parts[0]) != key::space)
        return {};
    const int row = engine::paramIndexOf(path);
    if (row < 0)
        return tr("Search space");
    const QString name = param(row).value(key::name).toString();
    QString out = name.isEmpty() ? tr("Parameter %1").arg(row + 1) : tr("Parameter %1 (%2)").arg(row + 1).arg(name);
    if (parts.size() > 2 && keyOf(parts[2])) {
        // when.<parent>[i]: the entry of the condition's values; choices[i], values[i]: a list entry.
        const bool condition = *keyOf(parts[2]) == key::when && parts.size() > 3;
        const int* entry = parts.size() > (condition ? 4u : 3u) ? indexOf(parts[condition ? 4 : 3]) : nullptr;
        out = tr("%1, %2").arg(out, paramKeyText(*keyOf(parts[2]), entry, condition));
    }
    return out;
}

void SpaceModel::insertParam(int row, const QJsonObject& param, const QString& text)
{
    row = std::clamp(row, 0, static_cast<int>(m_params.size()));
    m_undo->push(new InsertCommand(this, row, param, text.isEmpty() ? tr("Add parameter") : text));
}

void SpaceModel::addParam()
{
    const QJsonObject param{{key::name, uniqueName(QStringLiteral("param"))},
                            {key::type, QLatin1StringView(algorithms::paramTypeName(ParamType::Float))},
                            {key::low, 0},
                            {key::high, 1}};
    insertParam(static_cast<int>(m_params.size()), param);
}

void SpaceModel::removeParam(int row)
{
    if (row < 0 || row >= m_params.size())
        return;
    m_undo->push(new RemoveCommand(this, row, tr("Remove %1").arg(m_params[row].value(key::name).toString())));
}

void SpaceModel::duplicateParam(int row)
{
    if (row < 0 || row >= m_params.size())
        return;
    QJsonObject copy = m_params[row];
    const QString name = copy.value(key::name).toString();
    copy.insert(key::name, uniqueName(name.isEmpty() ? QStringLiteral("param") : name + QStringLiteral("_copy")));
    insertParam(row + 1, copy, tr("Duplicate %1").arg(name));
}

void SpaceModel::moveParam(int from, int to)
{
    const int n = static_cast<int>(m_params.size());
    if (from < 0 || from >= n || to < 0 || to >= n || from == to)
        return;
    m_undo->push(new MoveCommand(this, from, to, tr("Move %1").arg(m_params[from].value(key::name).toString())));
}

void SpaceModel::setParam(int row, const QJsonObject& param, const QString& text)
{
    if (row < 0 || row >= m_params.size() || m_params[row] == param)
        return;
    const QString oldName = m_params[row].value(key::name).toString();
    const QString newName = param.value(key::name).toString();
    QVector<int> children;
    if (oldName != newName && !oldName.isEmpty() && rowOf(newName) < 0)
        for (int i = 0; i < m_params.size(); ++i)
            if (i != row && m_params[i].value(key::when).toObject().contains(oldName))
                children << i;
    if (children.isEmpty()) {
        m_undo->push(new ReplaceCommand(this, row, param, text.isEmpty() ? tr("Edit %1").arg(oldName) : text));
        return;
    }
    // Children follow a renamed parent, in the same undo step.
    m_undo->beginMacro(text.isEmpty() ? tr("Rename %1 to %2").arg(oldName, newName) : text);
    m_undo->push(new ReplaceCommand(this, row, param, QString()));
    for (int i : children) {
        QJsonObject when = m_params[i].value(key::when).toObject();
        when.insert(newName, when.take(oldName));
        QJsonObject child = m_params[i];
        child.insert(key::when, when);
        m_undo->push(new ReplaceCommand(this, i, child, QString()));
    }
    m_undo->endMacro();
}

void SpaceModel::setError(int row, const QString& message)
{
    const int old = m_errorRow;
    m_errorRow = row;
    m_errorMessage = message;
    for (int r : {old, row})
        if (r >= 0 && r < m_params.size())
            emit dataChanged(index(r, 0), index(r, ColumnCount - 1), {Qt::BackgroundRole, Qt::ToolTipRole});
}

void SpaceModel::doInsert(int row, const QJsonObject& param)
{
    beginInsertRows({}, row, row);
    m_params.insert(row, param);
    endInsertRows();
    emit spaceChanged();
}

void SpaceModel::doRemove(int row)
{
    beginRemoveRows({}, row, row);
    m_params.removeAt(row);
    endRemoveRows();
    emit spaceChanged();
}

void SpaceModel::doMove(int from, int to)
{
    // Qt's destination is the row the item goes before, counted before the move.
    beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
    m_params.move(from, to);
    endMoveRows();
    emit spaceChanged();
}

void SpaceModel::doReplace(int row, const QJsonObject& param)
{
    m_params[row] = param;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit spaceChanged();
}

int SpaceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_params.size());
}

int SpaceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SpaceModel::rangeSummary(const QJsonObject& p)
{
    const auto type = engine::paramTypeNamed(p.value(key::type).toString());
    if (!type)
        return {};
    switch (*type) {
    case ParamType::Float:
    case ParamType::Int: {
        QString s = tr("%1 .. %2").arg(literalText(p.value(key::low)), literalText(p.value(key::high)));
        if (p.value(key::log).toBool())
            s += tr(", log");
        if (p.contains(key::step))
            s += tr(", step %1").arg(literalText(p.value(key::step)));
        if (p.contains(key::values))
            s += tr(", grid: %1").arg(literalListText(p.value(key::values).toArray()));
        return s;
    }
    case ParamType::Categorical: return literalListText(p.value(key::choices).toArray());
    case ParamType::Fixed: return tr("= %1").arg(literalText(p.value(key::value)));
    }
    return {};
}

QString SpaceModel::conditionSummary(const QJsonObject& p)
{
    const QJsonObject when = p.value(key::when).toObject();
    if (when.isEmpty())
        return {};
    const QJsonValue values = when.begin().value();
    const QString list = values.isArray() ? literalListText(values.toArray()) : literalText(values);
    return tr("%1 in {%2}").arg(when.begin().key(), list);
}

QVariant SpaceModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_params.size())
        return {};
    const QJsonObject& p = m_params[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case NameColumn: return p.value(key::name).toString();
        case TypeColumn: return p.value(key::type).toString();
        case RangeColumn: return rangeSummary(p);
        case ConditionColumn: return conditionSummary(p);
        default: return {};
        }
    case Qt::BackgroundRole:
        if (index.row() == m_errorRow)
            return QBrush(QColor(255, 215, 215));
        return {};
    case Qt::ToolTipRole:
        if (index.row() == m_errorRow)
            return m_errorMessage;
        return {};
    default: return {};
    }
}

QVariant SpaceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case NameColumn: return tr("Name");
    case TypeColumn: return tr("Type");
    case RangeColumn: return tr("Range / choices");
    case ConditionColumn: return tr("Condition");
    default: return {};
    }
}

Qt::ItemFlags SpaceModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
    if (index.column() == NameColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool SpaceModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.column() != NameColumn)
        return false;
    QJsonObject p = m_params[index.row()];
    p.insert(key::name, value.toString());
    setParam(index.row(), p);
    return true;
}

QStringList SpaceModel::mimeTypes() const
{
    return {kRowMime};
}

QMimeData* SpaceModel::mimeData(const QModelIndexList& indexes) const
{
    if (indexes.isEmpty())
        return nullptr;
    auto* data = new QMimeData;
    data->setData(kRowMime, QByteArray::number(indexes.first().row()));
    return data;
}

bool SpaceModel::canDropMimeData(const QMimeData* data, Qt::DropAction, int, int, const QModelIndex&) const
{
    return data && data->hasFormat(kRowMime);
}

bool SpaceModel::dropMimeData(const QMimeData* data, Qt::DropAction, int row, int, const QModelIndex& parent)
{
    if (!canDropMimeData(data, Qt::MoveAction, row, 0, parent))
        return false;
    bool ok = false;
    const int from = data->data(kRowMime).toInt(&ok);
    if (!ok || from < 0 || from >= m_params.size())
        return false;
    if (row < 0)
        row = parent.isValid() ? parent.row() : static_cast<int>(m_params.size());
    // `row` is the gap the drop landed in; once the dragged row is out, the gaps after it shift up.
    moveParam(from, row > from ? row - 1 : row);
    // The move is done. Answering false keeps QAbstractItemView from also removing the
    // "moved" source rows, which it does for every accepted MoveAction.
    return false;
}

Qt::DropActions SpaceModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions SpaceModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

} // namespace tb::widgets
