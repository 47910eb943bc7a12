#include "trial_table.h"

#include "widgets/models/engine_text.h"
#include "widgets/models/experiment_data.h"
#include "widgets/plots/render.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonValue>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

namespace tb::widgets {

namespace {

QString stateName(algorithms::TrialState state) { return QString::fromLatin1(algorithms::trialStateName(state)); }

QString jsonText(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return QString::number(v.toDouble(), 'g', 6);
    case QJsonValue::String: return v.toString();
    default: return QString();
    }
}

} // namespace

TrialTableModel::TrialTableModel(ExperimentData& data, QObject* parent) : QAbstractTableModel(parent), m_data(data)
{
    connect(&m_data, &ExperimentData::experimentReset, this, &TrialTableModel::onReset);
    connect(&m_data, &ExperimentData::trialsChanged, this, &TrialTableModel::onTrialsChanged);
    onReset();
}

QColor TrialTableModel::stateColor(const QString& state)
{
    return palette::state(state);
}

QString TrialTableModel::stateLabel(const QString& state)
{
    if (state == QLatin1String("completed")) return tr("completed");
    if (state == QLatin1String("running")) return tr("running");
    if (state == QLatin1String("queued")) return tr("queued");
    if (state == QLatin1String("pruned")) return tr("pruned");
    if (state == QLatin1String("failed")) return tr("failed");
    return state;
}

int TrialTableModel::Columns::count() const
{
    return FirstParam + objectives - 1 + (feasibility ? 1 : 0) + static_cast<int>(params.size());
}

std::pair<TrialTableModel::Column, int> TrialTableModel::Columns::at(int column) const
{
    if (column < Value)
        return {static_cast<Column>(column), 0};
    if (column < Value + objectives)
        return {Value, column - Value};
    column -= objectives - 1; // as with one objective
    if (feasibility) {
        if (column == Duration)
            return {Feasible, 0};
        if (column > Duration)
            --column;
    }
    if (column < FirstParam)
        return {static_cast<Column>(column), 0};
    return {FirstParam, column - FirstParam};
}

int TrialTableModel::Columns::of(Column kind, int index) const
{
    const int extra = objectives - 1 + (feasibility ? 1 : 0); // columns before Duration beyond the one Value
    switch (kind) {
    case Id:
    case Number:
    case State: return kind;
    case Value: return index >= 0 && index < objectives ? Value + index : -1;
    case Feasible: return feasibility ? Value + objectives : -1;
    case Duration:
    case Attempt:
    case Reason: return kind + extra;
    case FirstParam: return index >= 0 && index < params.size() ? FirstParam + extra + index : -1;
    }
    return -1;
}

QString TrialTableModel::displayText(const TrialView& t, int column, const Columns& columns)
{
    const auto& r = t.row;
    const auto [kind, index] = columns.at(column);
    switch (kind) {
    case Id: return QString::number(r.id);
    case Number: return QString::number(r.number);
    case State: return stateLabel(stateName(r.state));
    case Value: {
        const std::optional<double> v = ExperimentData::objectiveValue(t, index);
        return v ? QString::number(*v, 'g', 6) : QString();
    }
    case Feasible:
        if (!r.violation)
            return QString();
        return r.feasible() ? tr("yes") : tr("no");
    case Duration:
        if (!r.startedAt || !r.endedAt)
            return QString();
        return tr("%1 s").arg(*r.endedAt - *r.startedAt, 0, 'f', 1);
    case Attempt: return QString::number(r.attempt);
    case Reason: return engineText(r.reason); // the engine's English in the window's language
    case FirstParam: break;
    }
    return jsonText(t.params.value(columns.params.value(index)));
}

void TrialTableModel::onReset()
{
    beginResetModel();
    m_columns.objectives = std::max(1, static_cast<int>(m_data.objectiveNames().size()));
    m_columns.feasibility = m_data.constrained();
    m_columns.params = m_data.paramNames();
    m_rows = static_cast<int>(m_data.trials().size());
    endResetModel();
}

void TrialTableModel::onTrialsChanged(bool added)
{
    const int rows = static_cast<int>(m_data.trials().size());
    if (added && rows > m_rows) {
        beginInsertRows({}, m_rows, rows - 1);
        m_rows = rows;
        endInsertRows();
    }
    if (m_rows > 0)
        emit dataChanged(index(0, 0), index(m_rows - 1, columnCount() - 1));
}

int TrialTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : m_rows; }
int TrialTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_columns.count();
}

QVariant TrialTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows)
        return {};
    const TrialView& t = m_data.trials()[index.row()];
    const auto& r = t.row;
    const auto [kind, which] = m_columns.at(index.column());
    const double duration = r.startedAt && r.endedAt ? *r.endedAt - *r.startedAt : -1.0; // -1: not finished
    if (role == TrialIdRole)
        return qint64(r.id);
    if (role == Qt::ForegroundRole && kind == State)
        return stateColor(stateName(r.state));
    if (role == Qt::ForegroundRole && kind == Feasible && !r.feasible())
        return stateColor(QStringLiteral("failed"));
    if (role == Qt::TextAlignmentRole && kind != State && kind != Reason && kind != Feasible)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && kind == Reason)
        return displayText(t, index.column(), m_columns);
    if (role == Qt::ToolTipRole && (kind == Feasible || kind == Value) && !r.feasible()) {
        const QStringList broken = m_data.brokenConstraints(t);
        return broken.isEmpty() ? tr("Infeasible: beyond the constraints by %1").arg(*r.violation, 0, 'g', 6)
                                : tr("Infeasible: %1").arg(broken.join(QStringLiteral("; ")));
    }
    if (role == Qt::DisplayRole) {
        const QString text = displayText(t, index.column(), m_columns);
        return text.isEmpty() ? QVariant() : QVariant(text);
    }
    if (role != SortRole)
        return {};
    switch (kind) {
    case Id: return qint64(r.id);
    case Number: return qint64(r.number);
    case State: return stateName(r.state);
    case Value: {
        const std::optional<double> v = ExperimentData::objectiveValue(t, which);
        return v ? QVariant(*v) : QVariant(std::nan(""));
    }
    case Feasible: return r.violation ? QVariant(*r.violation) : QVariant(std::nan("")); // the least infeasible next to the feasible
    case Duration: return duration;
    case Attempt: return r.attempt;
    case Reason: return r.reason;
    case FirstParam: break;
    }
    const QJsonValue v = t.params.value(m_columns.params.value(which));
    if (v.isDouble())
        return v.toDouble();
    return jsonText(v);
}

QVariant TrialTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const auto [kind, index] = m_columns.at(section);
    switch (kind) {
    case Id: return tr("Trial");
    case Number: return tr("#");
    case State: return tr("State");
    case Value: {
        const QString name = m_data.objectiveNames().value(index);
        return name.isEmpty() ? tr("Value") : name;
    }
    case Feasible: return tr("Feasible");
    case Duration: return tr("Duration");
    case Attempt: return tr("Attempt");
    case Reason: return tr("Reason");
    case FirstParam: break;
    }
    return m_columns.params.value(index);
}

TrialFilterModel::TrialFilterModel(ExperimentData& data, QObject* parent) : QSortFilterProxyModel(parent), m_data(&data)
{
    connect(&data, &ExperimentData::filterChanged, this, [this] { invalidateFilter(); });
    // The parameter columns are another experiment's now.
    connect(&data, &ExperimentData::experimentReset, this, &TrialFilterModel::publish);
}

TrialFilterModel::~TrialFilterModel()
{
    if (m_data)
        m_data->setFilter(filterSource(), {});
}

QString TrialFilterModel::filterSource()
{
    return QStringLiteral("trial-table");
}

void TrialFilterModel::setState(const QString& state)
{
    m_state = state;
    publish();
}

void TrialFilterModel::setText(const QString& text)
{
    m_text = text;
    publish();
}

void TrialFilterModel::publish()
{
    if (!m_data)
        return;
    if (m_state.isEmpty() && m_text.isEmpty()) {
        m_data->setFilter(filterSource(), {});
        return;
    }
    const auto* model = qobject_cast<const TrialTableModel*>(sourceModel());
    m_data->setFilter(filterSource(), [state = m_state, text = m_text, columns = model ? model->columns() : TrialTableModel::Columns{}](const TrialView& t) {
        if (!state.isEmpty() && stateName(t.row.state) != state)
            return false;
        if (text.isEmpty())
            return true;
        // The reason also as the engine wrote it (the CLI's and the logs' words), and that
        // first: translating it is the dearest cell.
        if (t.row.reason.contains(text, Qt::CaseInsensitive))
            return true;
        for (int c = 0; c < columns.count(); ++c)
            if (TrialTableModel::displayText(t, c, columns).contains(text, Qt::CaseInsensitive))
                return true;
        return false;
    });
}

bool TrialFilterModel::filterAcceptsRow(int row, const QModelIndex& parent) const
{
    if (parent.isValid() || !m_data || row >= m_data->trials().size())
        return false;
    return m_data->passesFilter(m_data->trials()[row].row.id);
}

TrialTable::TrialTable(ExperimentData& data, QWidget* parent)
    : QWidget(parent), m_data(data), m_model(new TrialTableModel(data, this)), m_filter(new TrialFilterModel(data, this)),
      m_view(new QTableView(this)), m_text(new QLineEdit(this)), m_state(new QComboBox(this)), m_filterNote(new QLabel(this)),
      m_showAll(new QToolButton(this))
{
    m_filter->setSourceModel(m_model);
    m_filter->setSortRole(TrialTableModel::SortRole);
    m_view->setModel(m_filter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(TrialTableModel::Id, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    m_text->setPlaceholderText(tr("Filter trials (any column)"));
    m_text->setClearButtonEnabled(true);
    m_state->addItem(tr("All states"), QString());
    for (const char* s : {"running", "queued", "completed", "pruned", "failed"})
        m_state->addItem(TrialTableModel::stateLabel(QString::fromLatin1(s)), QString::fromLatin1(s));

    m_showAll->setText(tr("Show all"));
    m_showAll->setToolTip(tr("Clear the table's filter and the brushes of the plots"));
    m_filterNote->hide();
    m_showAll->hide();

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_text, 1);
    filters->addWidget(m_state);
    auto* note = new QHBoxLayout;
    note->addWidget(m_filterNote, 1);
    note->addWidget(m_showAll);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addLayout(note);
    layout->addWidget(m_view);

    connect(m_text, &QLineEdit::textChanged, m_filter, &TrialFilterModel::setText);
    connect(m_state, &QComboBox::currentIndexChanged, this, [this] { m_filter->setState(m_state->currentData().toString()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (current.isValid())
            m_data.select(current.data(TrialTableModel::TrialIdRole).toLongLong());
    });
    connect(&m_data, &ExperimentData::selectionChanged, this, &TrialTable::onSelectionChanged);
    connect(m_showAll, &QToolButton::clicked, this, &TrialTable::showAll);
    connect(&m_data, &ExperimentData::filterChanged, this, &TrialTable::updateFilterNote);
    connect(&m_data, &ExperimentData::trialsChanged, this, &TrialTable::updateFilterNote);
    connect(&m_data, &ExperimentData::experimentReset, this, &TrialTable::updateFilterNote);
}

void TrialTable::showAll()
{
    m_text->clear();
    m_state->setCurrentIndex(0);
    for (const QString& source : m_data.filterSources())
        m_data.setFilter(source, {});
}

void TrialTable::updateFilterNote()
{
    const bool filtered = m_data.isFiltered();
    m_filterNote->setVisible(filtered);
    m_showAll->setVisible(filtered);
    if (filtered)
        m_filterNote->setText(tr("Showing %1 of %2 trials").arg(m_data.passingCount()).arg(m_data.trials().size()));
}

void TrialTable::onSelectionChanged(qint64 trialId)
{
    const int row = m_data.indexOf(trialId);
    if (row < 0)
        return;
    const QModelIndex proxy = m_filter->mapFromSource(m_model->index(row, 0));
    if (proxy.isValid() && m_view->currentIndex().row() != proxy.row()) {
        m_view->setCurrentIndex(proxy);
        m_view->scrollTo(proxy);
    }
}

} // namespace tb::widgets
