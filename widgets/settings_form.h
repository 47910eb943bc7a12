#pragma once
// A form generated from an algorithm's (or pruner's) SettingSpec list — the same
// declaration the spec parser checks against — so no algorithm needs a form of its own.
// Int: QSpinBox, Float: NumberSpinBox, Bool: QCheckBox, String: QComboBox when the spec
// lists choices, else QLineEdit; bounds from min/max, tooltips from help.
//
// toJson() writes a setting when it was given to setJson() or differs from its default,
// so a loaded spec comes back unchanged. Values no widget can hold (an unknown setting, a
// string where a number belongs) are kept as given until edited, so the parser still
// reports them.

#include "algorithms/settings.h"

#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QWidget>
#include <functional>
#include <vector>

namespace tb::widgets {

class SettingsForm : public QWidget {
    Q_OBJECT
public:
    explicit SettingsForm(std::vector<algorithms::SettingSpec> specs, QWidget* parent = nullptr);

    void setJson(const QJsonObject& settings);
    QJsonObject toJson() const;

    // The widget of one setting (its objectName is the setting's name), or nullptr.
    QWidget* editor(const QString& name) const;

signals:
    void changed();

private:
    struct Row {
        algorithms::SettingSpec spec;
        QWidget* widget = nullptr;
        std::function<QJsonValue()> get;
        std::function<bool(const QJsonValue&)> set; // false: the widget cannot hold it
    };

    void edited(const QString& name);

    std::vector<Row> m_rows;
    QSet<QString> m_given;
    QMap<QString, QJsonValue> m_raw; // kept as given until the user edits that setting
    bool m_filling = false;
};

} // namespace tb::widgets
