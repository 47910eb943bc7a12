#pragma once
// The built-in trainer as a form: it reads and writes the argv of `tunebench-train`
// (docs/trainer.md). Loading keeps the argument order, the `--flag=value` or
// `--flag value` spelling of each flag, and every argument the form has no field for
// (shown under "Other arguments"), so an unedited command comes back unchanged. Fields
// not in the loaded command are appended when they differ from the trainer's default.
//
// Threading: GUI thread only.

#include <QStringList>
#include <QVector>
#include <QWidget>
#include <functional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace tb::widgets {

class ArgvEditor;
class PlaceholderCompleter;

class TrainerForm : public QWidget {
    Q_OBJECT
public:
    static const QString program; // "tunebench-train"

    explicit TrainerForm(QWidget* parent = nullptr);

    static bool isTrainerCommand(const QStringList& argv);
    // A fresh command: the main flags spelled out with the trainer's defaults.
    static QStringList defaultArgv();

    void setArgv(const QStringList& argv);
    QStringList argv() const;

    void setPlaceholderNames(const QStringList& names);

    // The field of a flag ("task", "lr", "epochs"...), for tests and for focusing.
    QWidget* field(const QString& flag) const;

signals:
    void changed();

private:
    struct Field {
        QStringList flags; // the names it reads ("epochs" and "steps" share one field)
        QWidget* widget = nullptr;
        std::function<QString()> flag;  // the name it writes now
        std::function<QString()> value; // the value it writes now
        std::function<bool(const QString& flag, const QString& value)> set; // false: cannot show it
        QString defaultFlag;
        QString defaultValue;
    };
    struct Slot {
        int field = -1;      // -1: a raw argument (the next of "Other arguments")
        bool inlineValue = false; // written as --flag=value
    };

    void addChoice(const QString& flag, const QString& label, const QStringList& choices, const QString& tip);
    void addInt(const QString& flag, const QString& label, int min, int max, int fallback, const QString& tip);
    void addText(const QString& flag, const QString& label, const QString& fallback, const QString& tip);
    void addField(Field field, const QString& label);
    void resetFields();
    void updateEnabled();
    void edited();

    QFormLayout* m_layout;
    QVector<Field> m_fields;
    QVector<Slot> m_slots;
    ArgvEditor* m_extra;
    PlaceholderCompleter* m_lrCompleter;
    QLabel* m_hint;
    bool m_filling = false;
};

} // namespace tb::widgets
