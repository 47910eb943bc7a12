#pragma once
// Editors for a trial command: its argument list and its environment. Both complete
// `${...}` placeholders (the space's parameters, ${trial.id}, ${trial.dir}) anywhere in
// the text, since placeholders usually sit inside an argument ("--lr=${lr}").

#include <QCompleter>
#include <QJsonObject>
#include <QStringList>
#include <QWidget>

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

class ArgvEditor : public QWidget {
    Q_OBJECT
public:
    explicit ArgvEditor(QWidget* parent = nullptr);

    void setArguments(const QStringList& arguments);
    QStringList arguments() const;
    void setPlaceholderNames(const QStringList& names);
    PlaceholderCompleter* completer() const { return m_completer; }

signals:
    void changed();

private:
    void addArgument();
    void removeArgument();
    void moveArgument(int delta);

    QListWidget* m_list;
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
