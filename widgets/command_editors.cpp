#include "command_editors.h"

#include "engine/core/spec.h"

#include <QAbstractItemView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QStringListModel>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace tb::widgets {

namespace {

// Item editors that complete placeholders.
class PlaceholderDelegate : public QStyledItemDelegate {
public:
    PlaceholderDelegate(PlaceholderCompleter* completer, QObject* parent) : QStyledItemDelegate(parent), m_completer(completer) {}

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const override
    {
        auto* edit = new QLineEdit(parent);
        edit->setCompleter(m_completer);
        return edit;
    }

private:
    PlaceholderCompleter* m_completer;
};

QToolButton* button(const QString& text, const QString& tip, QWidget* parent)
{
    auto* b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    return b;
}

} // namespace

PlaceholderCompleter::PlaceholderCompleter(QObject* parent) : QCompleter(parent), m_model(new QStringListModel(this))
{
    setModel(m_model);
    setCaseSensitivity(Qt::CaseInsensitive);
    setCompletionMode(QCompleter::PopupCompletion);
    setNames({});
}

void PlaceholderCompleter::setNames(const QStringList& names)
{
    QStringList items;
    for (const QString& name : names)
        if (!name.isEmpty())
            items << QStringLiteral("${%1}").arg(name);
    for (engine::key::Name name : engine::kTrialPlaceholders)
        items << QStringLiteral("${%1}").arg(name);
    m_model->setStringList(items);
}

QStringList PlaceholderCompleter::placeholders() const
{
    return m_model->stringList();
}

QStringList PlaceholderCompleter::splitPath(const QString& path) const
{
    // Only the placeholder being typed is matched: from the last '$' that is not closed.
    const qsizetype dollar = path.lastIndexOf(QLatin1Char('$'));
    if (dollar < 0 || path.indexOf(QLatin1Char('}'), dollar) >= 0)
        return {QStringLiteral("\x01")}; // matches nothing
    return {path.mid(dollar)};
}

QString PlaceholderCompleter::pathFromIndex(const QModelIndex& index) const
{
    const QString completion = QCompleter::pathFromIndex(index);
    const auto* edit = qobject_cast<const QLineEdit*>(widget());
    if (!edit)
        return completion;
    const QString text = edit->text();
    const qsizetype dollar = text.lastIndexOf(QLatin1Char('$'));
    return dollar < 0 ? text + completion : text.left(dollar) + completion;
}

ArgvEditor::ArgvEditor(QWidget* parent) : QWidget(parent), m_list(new QListWidget(this)), m_completer(new PlaceholderCompleter(this))
{
    m_list->setObjectName(QStringLiteral("arguments"));
    m_list->setItemDelegate(new PlaceholderDelegate(m_completer, m_list));
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_list->setToolTip(tr("One argument per line, passed as is (no shell). ${name} is replaced by the "
                          "parameter's value; type $ to complete."));
    auto* add = button(tr("+"), tr("Add an argument after the selected one"), this);
    auto* remove = button(tr("-"), tr("Remove the selected argument"), this);
    auto* up = button(tr("Up"), tr("Move the selected argument up"), this);
    auto* down = button(tr("Down"), tr("Move the selected argument down"), this);
    auto* buttons = new QVBoxLayout;
    for (QToolButton* b : {add, remove, up, down})
        buttons->addWidget(b);
    buttons->addStretch();
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(add, &QToolButton::clicked, this, &ArgvEditor::addArgument);
    connect(remove, &QToolButton::clicked, this, &ArgvEditor::removeArgument);
    connect(up, &QToolButton::clicked, this, [this] { moveArgument(-1); });
    connect(down, &QToolButton::clicked, this, [this] { moveArgument(+1); });
    connect(m_list, &QListWidget::itemChanged, this, [this] {
        if (!m_filling)
            emit changed();
    });
}

void ArgvEditor::setArguments(const QStringList& arguments)
{
    if (arguments == this->arguments())
        return;
    m_filling = true;
    m_list->clear();
    for (const QString& a : arguments) {
        auto* item = new QListWidgetItem(a, m_list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    m_filling = false;
    emit changed();
}

QStringList ArgvEditor::arguments() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->text();
    return out;
}

void ArgvEditor::setPlaceholderNames(const QStringList& names)
{
    m_completer->setNames(names);
}

void ArgvEditor::addArgument()
{
    const int row = m_list->currentRow() < 0 ? m_list->count() : m_list->currentRow() + 1;
    m_filling = true;
    auto* item = new QListWidgetItem;
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    m_list->insertItem(row, item);
    m_filling = false;
    m_list->setCurrentItem(item);
    m_list->editItem(item);
    emit changed();
}

void ArgvEditor::removeArgument()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    delete m_list->takeItem(row);
    emit changed();
}

void ArgvEditor::moveArgument(int delta)
{
    const int row = m_list->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_list->count())
        return;
    QListWidgetItem* item = m_list->takeItem(row);
    m_list->insertItem(to, item);
    m_list->setCurrentRow(to);
    emit changed();
}

EnvEditor::EnvEditor(QWidget* parent) : QWidget(parent), m_table(new QTableWidget(0, 2, this)), m_completer(new PlaceholderCompleter(this))
{
    m_table->setObjectName(QStringLiteral("environment"));
    m_table->setHorizontalHeaderLabels({tr("Variable"), tr("Value")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setItemDelegateForColumn(1, new PlaceholderDelegate(m_completer, m_table));
    auto* add = button(tr("+"), tr("Add a variable"), this);
    auto* remove = button(tr("-"), tr("Remove the selected variable"), this);
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(add, &QToolButton::clicked, this, [this] {
        const int row = m_table->rowCount();
        m_filling = true;
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem);
        m_table->setItem(row, 1, new QTableWidgetItem);
        m_filling = false;
        m_table->setCurrentCell(row, 0);
        m_table->editItem(m_table->item(row, 0));
    });
    connect(remove, &QToolButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0) {
            m_table->removeRow(m_table->currentRow());
            emit changed();
        }
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_filling)
            emit changed();
    });
}

void EnvEditor::setEnvironment(const QJsonObject& env)
{
    m_filling = true;
    m_table->setRowCount(0);
    for (auto it = env.begin(); it != env.end(); ++it) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(it.key()));
        m_table->setItem(row, 1, new QTableWidgetItem(it.value().toString()));
    }
    m_filling = false;
    emit changed();
}

QJsonObject EnvEditor::environment() const
{
    // Rows without a name are still being typed.
    QJsonObject out;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem* name = m_table->item(row, 0);
        const QTableWidgetItem* value = m_table->item(row, 1);
        if (name && !name->text().isEmpty())
            out.insert(name->text(), value ? value->text() : QString());
    }
    return out;
}

void EnvEditor::setPlaceholderNames(const QStringList& names)
{
    m_completer->setNames(names);
}

} // namespace tb::widgets
