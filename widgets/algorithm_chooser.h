#pragma once
// A choice from the sampler or pruner registry, with the chosen entry's summary and its
// settings form (SettingsForm, generated from the entry's SettingSpec list). Forms are
// kept per entry, so switching away and back keeps what was typed. The last entry,
// "external", is a process of the user's (ExternalForm: command and free JSON settings).

#include <QJsonObject>
#include <QMap>
#include <QWidget>

class QComboBox;
class QLabel;
class QStackedWidget;

namespace tb::widgets {

class ExternalForm;
class SettingsForm;

class AlgorithmChooser : public QWidget {
    Q_OBJECT
public:
    enum class Registry { Samplers, Pruners };

    explicit AlgorithmChooser(Registry registry, QWidget* parent = nullptr);

    QString name() const;
    SettingsForm* form() const; // the chosen entry's settings

    // Chooses `name` (an unknown name is added, so the parser can report it) and loads
    // `settings` into its form; every other form goes back to its defaults. For
    // "external", `object` is the whole algorithm or pruner object.
    void select(const QString& name, const QJsonObject& settings, const QJsonObject& object = {});

    bool isExternal() const;
    ExternalForm* external() const { return m_external; }

    QComboBox* combo() const { return m_combo; }

signals:
    void changed();

private:
    SettingsForm* formFor(const QString& name);
    void show(const QString& name);

    Registry m_registry;
    QComboBox* m_combo;
    QLabel* m_summary;
    QStackedWidget* m_forms;
    QMap<QString, SettingsForm*> m_byName;
    ExternalForm* m_external;
    bool m_filling = false;
};

} // namespace tb::widgets
