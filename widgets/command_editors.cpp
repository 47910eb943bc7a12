#include "command_editors.h"

#include "engine/core/spec.h"

#include <QAbstractItemView>
#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QStringListModel>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

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

// An empty argument given by a loaded spec: kept, unlike a row the user left empty.
constexpr int kKeptEmptyRole = Qt::UserRole + 1;

bool isBlank(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r');
}

} // namespace

SplitCommand splitCommandLine(const QString& text)
{
    enum class Quote { None, Single, Double };
    const QChar backslash(QLatin1Char('\\'));
    const QChar newline(QLatin1Char('\n'));
    SplitCommand out;
    QString word;
    bool inWord = false; // a word has begun (it may still be empty: '')
    Quote quote = Quote::None;
    const qsizetype n = text.size();
    auto endWord = [&] {
        if (!word.isEmpty())
            out.arguments << word;
        word.clear();
        inWord = false;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        if (quote == Quote::Single) {
            if (c == QLatin1Char('\''))
                quote = Quote::None;
            else
                word += c;
            continue;
        }
        if (quote == Quote::Double) {
            if (c == QLatin1Char('"')) {
                quote = Quote::None;
            } else if (c == backslash && i + 1 < n) {
                const QChar next = text[i + 1];
                // Inside double quotes a backslash escapes only these; elsewhere it is itself.
                if (next == QLatin1Char('"') || next == backslash || next == QLatin1Char('$') || next == QLatin1Char('`')) {
                    word += next;
                    ++i;
                } else if (next == newline) {
                    ++i; // a continued line
                } else {
                    word += c;
                }
            } else {
                word += c;
            }
            continue;
        }
        if (isBlank(c)) {
            endWord();
        } else if (c == QLatin1Char('\'')) {
            quote = Quote::Single;
            inWord = true;
        } else if (c == QLatin1Char('"')) {
            quote = Quote::Double;
            inWord = true;
        } else if (c == backslash) {
            if (i + 1 < n && text[i + 1] != newline) {
                word += text[i + 1];
                inWord = true;
            }
            ++i; // the escaped character, or a continued line (a last lone backslash: nothing)
        } else if (c == QLatin1Char('#') && !inWord) {
            while (i + 1 < n && text[i + 1] != newline)
                ++i; // a comment, to the end of the line
        } else {
            word += c;
            inWord = true;
        }
    }
    if (quote != Quote::None) {
        out.arguments.clear();
        out.problem = quote == Quote::Single ? ArgvEditor::tr("The command line has a ' quote that is never closed.")
                                             : ArgvEditor::tr("The command line has a \" quote that is never closed.");
        return out;
    }
    endWord();
    return out;
}

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

ArgvEditor::ArgvEditor(QWidget* parent)
    : QWidget(parent), m_list(new QListWidget(this)), m_problem(new QLabel(this)), m_completer(new PlaceholderCompleter(this))
{
    m_list->setObjectName(QStringLiteral("arguments"));
    m_list->setItemDelegate(new PlaceholderDelegate(m_completer, m_list));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_list->setToolTip(tr("One argument per line, passed as is (no shell). ${name} is replaced by the "
                          "parameter's value; type $ to complete. Paste a command line (Ctrl+V) to split it "
                          "into arguments."));
    auto* add = button(tr("+"), tr("Add an argument after the selected one"), this);
    auto* remove = button(tr("-"), tr("Remove the selected arguments"), this);
    auto* up = button(tr("Up"), tr("Move the selected argument up"), this);
    auto* down = button(tr("Down"), tr("Move the selected argument down"), this);
    auto* paste = button(tr("Paste"), tr("Split the command line on the clipboard into arguments, as a shell would "
                                         "(without running one)"), this);
    paste->setObjectName(QStringLiteral("pasteCommandLine"));
    // Ctrl+V on the list pastes a command line; in a row being edited it pastes text as usual.
    auto* pasteAction = new QAction(tr("Paste Command Line"), m_list);
    pasteAction->setShortcut(QKeySequence::Paste);
    pasteAction->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(pasteAction);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* buttons = new QVBoxLayout;
    for (QToolButton* b : {add, remove, up, down, paste})
        buttons->addWidget(b);
    buttons->addStretch();
    // The problem line always holds its place, so that nothing below moves when it shows; nor
    // does its text widen the form (a narrow one cuts it, the tooltip has all of it).
    m_problem->setObjectName(QStringLiteral("pasteProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #c00000;"));
    m_problem->setFixedHeight(m_problem->fontMetrics().height());
    m_problem->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    auto* column = new QVBoxLayout;
    column->addWidget(m_list, 1);
    column->addWidget(m_problem);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(column, 1);
    layout->addLayout(buttons);

    connect(add, &QToolButton::clicked, this, &ArgvEditor::addArgument);
    connect(remove, &QToolButton::clicked, this, &ArgvEditor::removeArgument);
    connect(up, &QToolButton::clicked, this, [this] { moveArgument(-1); });
    connect(down, &QToolButton::clicked, this, [this] { moveArgument(+1); });
    const auto pasteClipboard = [this] { pasteCommandLine(QGuiApplication::clipboard()->text()); };
    connect(paste, &QToolButton::clicked, this, pasteClipboard);
    connect(pasteAction, &QAction::triggered, this, pasteClipboard);
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        if (m_filling)
            return;
        if (!item->text().isEmpty() && item->data(kKeptEmptyRole).isValid()) {
            m_filling = true;
            item->setData(kKeptEmptyRole, QVariant());
            m_filling = false;
        }
        showProblem({});
        emit changed();
    });
    // A row left empty goes once its editor closes (not from inside the view's own closing).
    connect(m_list->itemDelegate(), &QAbstractItemDelegate::closeEditor, this, &ArgvEditor::dropEmptyRows, Qt::QueuedConnection);
}

void ArgvEditor::setArguments(const QStringList& arguments)
{
    if (arguments == this->arguments() && m_list->count() == arguments.size())
        return;
    m_filling = true;
    m_list->clear();
    for (const QString& a : arguments) {
        auto* item = new QListWidgetItem(a, m_list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        if (a.isEmpty())
            item->setData(kKeptEmptyRole, true);
    }
    m_filling = false;
    showProblem({});
    emit changed();
}

QStringList ArgvEditor::arguments() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i) {
        const QListWidgetItem* item = m_list->item(i);
        if (!item->text().isEmpty() || item->data(kKeptEmptyRole).isValid())
            out << item->text();
    }
    return out;
}

void ArgvEditor::setPlaceholderNames(const QStringList& names)
{
    m_completer->setNames(names);
}

bool ArgvEditor::pasteCommandLine(const QString& text)
{
    const SplitCommand split = splitCommandLine(text);
    if (!split.problem.isEmpty()) {
        showProblem(split.problem);
        return false;
    }
    showProblem({});
    if (split.arguments.isEmpty())
        return true;
    // The pasted rows replace the selected ones, or follow the current one.
    QList<int> selected;
    for (const QModelIndex& index : m_list->selectionModel()->selectedRows())
        selected << index.row();
    std::sort(selected.begin(), selected.end());
    int row = m_list->currentRow() < 0 ? m_list->count() : m_list->currentRow() + 1;
    m_filling = true;
    if (!selected.isEmpty()) {
        row = selected.first();
        for (auto it = selected.crbegin(); it != selected.crend(); ++it)
            delete m_list->takeItem(*it);
    }
    for (qsizetype i = 0; i < split.arguments.size(); ++i) {
        auto* item = new QListWidgetItem(split.arguments[i]);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        m_list->insertItem(row + static_cast<int>(i), item);
    }
    m_filling = false;
    m_list->clearSelection();
    m_list->setCurrentRow(row + static_cast<int>(split.arguments.size()) - 1, QItemSelectionModel::NoUpdate);
    emit changed();
    return true;
}

QString ArgvEditor::pasteProblem() const
{
    return m_problem->toolTip();
}

void ArgvEditor::showProblem(const QString& problem)
{
    m_problem->setToolTip(problem);
    m_problem->setText(problem.isEmpty() ? QString() : tr("Not pasted: %1").arg(problem));
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
}

void ArgvEditor::removeArgument()
{
    QList<int> rows;
    for (const QModelIndex& index : m_list->selectionModel()->selectedRows())
        rows << index.row();
    if (rows.isEmpty() && m_list->currentRow() >= 0)
        rows << m_list->currentRow();
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    const QStringList before = arguments();
    m_filling = true;
    for (auto it = rows.crbegin(); it != rows.crend(); ++it)
        delete m_list->takeItem(*it);
    m_filling = false;
    if (arguments() != before)
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

void ArgvEditor::dropEmptyRows()
{
    m_filling = true;
    for (int i = m_list->count() - 1; i >= 0; --i) {
        QListWidgetItem* item = m_list->item(i);
        const bool editing = m_list->indexWidget(m_list->indexFromItem(item)) != nullptr;
        if (item->text().isEmpty() && !item->data(kKeptEmptyRole).isValid() && !editing)
            delete m_list->takeItem(i);
    }
    m_filling = false;
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
