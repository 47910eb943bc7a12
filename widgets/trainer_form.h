#pragma once
// The built-in trainer as a form: it reads and writes the argv of `tunebench-train`
// (docs/trainer.md). Its rows, with their ranges, choices, defaults and tips, come from
// the trainer's flag declaration (engine/train/flags.h), as do the flags of a fresh
// command. Loading keeps the argument order, the `--flag=value` or `--flag value`
// spelling of each flag, and every argument the form has no field for (shown under
// "Other arguments"), so an unedited command comes back unchanged. Fields not in the
// loaded command are appended when they differ from the trainer's default.
//
// Threading: GUI thread only.

#include <QStringList>
#include <QVector>
#include <QWidget>
#include <functional>
#include <vector>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace tb::train {
struct Flag;
}

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

    void addChoice(const train::Flag& spec);
    void addInt(const train::Flag& spec);
    void addText(const train::Flag& spec);
    // One row for a flag and those given instead of it (--epochs N or --steps N).
    void addAlternatives(const train::Flag& spec, const std::vector<const train::Flag*>& others);
    void addField(Field field, const QString& label);
    void resetFields();
    void updateEnabled();
    void edited();

    QFormLayout* m_layout;
    QVector<Field> m_fields;
    QVector<Slot> m_slots;
    ArgvEditor* m_extra;
    PlaceholderCompleter* m_numberCompleter; // ${name} completion in the number fields (lr)
    QLabel* m_hint;
    bool m_filling = false;
};

} // namespace tb::widgets
