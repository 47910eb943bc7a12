#pragma once
// Editors for a trial command: its argument list and its environment. Both complete
// `${...}` placeholders (the space's parameters, ${trial.id}, ${trial.dir}) anywhere in
// the text, since placeholders usually sit inside an argument ("--lr=${lr}").

#include <QCompleter>
#include <QJsonObject>
#include <QStringList>
#include <QWidget>

class QLabel;
class QListWidget;
class QStringListModel;
class QTableWidget;

namespace tb::widgets {

// Completes the `${...}` being typed at the end of a line edit's text, keeping the text
// before it: "--lr=${l" offers ${lr} and becomes "--lr=${lr}".
class PlaceholderCompleter : public QCompleter {
    Q_OBJECT
public:
    explicit PlaceholderCompleter(QObject* parent = nullptr);

    // Parameter names without ${}; ${trial.id} and ${trial.dir} are always offered.
    void setNames(const QStringList& names);
    QStringList placeholders() const;

    QStringList splitPath(const QString& path) const override;
    QString pathFromIndex(const QModelIndex& index) const override;

private:
    QStringListModel* m_model;
};

// A command line split into arguments as a POSIX shell splits it: blanks separate words;
// 'single quotes' keep everything; "double quotes" keep everything but \" \\ \$ \` and a
// backslash-newline; outside quotes a backslash keeps the next character; # starts a comment
// at the start of a word. Nothing is expanded or run: ${lr} stays ${lr}, | and > are words.
// Empty words ('' or "") are dropped. `problem` says why the text is not a command line (an
// unterminated quote), and then `arguments` is empty.
struct SplitCommand {
    QStringList arguments;
    QString problem;
};
SplitCommand splitCommandLine(const QString& text);

// The arguments of a command, one row each. Pasting a command line (Ctrl+V on the list, the
// Paste button or the list's context menu) splits it into rows with splitCommandLine; the
// rows replace the selected ones, or go after the current one. Rows left empty are dropped
// (a loaded empty argument is kept as given).
class ArgvEditor : public QWidget {
    Q_OBJECT
public:
    explicit ArgvEditor(QWidget* parent = nullptr);

    void setArguments(const QStringList& arguments);
    QStringList arguments() const;
    void setPlaceholderNames(const QStringList& names);
    PlaceholderCompleter* completer() const { return m_completer; }

    // Pastes `text` as a command line; false (and the reason shown under the list) when it
    // cannot be split.
    bool pasteCommandLine(const QString& text);
    QString pasteProblem() const; // empty after a paste that worked

signals:
    void changed();

private:
    void addArgument();
    void removeArgument();
    void moveArgument(int delta);
    void dropEmptyRows();
    void showProblem(const QString& problem);

    QListWidget* m_list;
    QLabel* m_problem;
    PlaceholderCompleter* m_completer;
    bool m_filling = false;
};

class EnvEditor : public QWidget {
    Q_OBJECT
public:
    explicit EnvEditor(QWidget* parent = nullptr);

    void setEnvironment(const QJsonObject& env);
    QJsonObject environment() const;
    void setPlaceholderNames(const QStringList& names);

signals:
    void changed();

private:
    QTableWidget* m_table;
    PlaceholderCompleter* m_completer;
    bool m_filling = false;
};

} // namespace tb::widgets
