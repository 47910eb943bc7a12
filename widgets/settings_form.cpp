#include "settings_form.h"

#include "widgets/models/registry_text.h"

#include "number_spin_box.h"

#include "engine/core/json.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <algorithm>
#include <climits>
#include <cmath>

namespace tb::widgets {

namespace {

int intBound(const std::optional<double>& bound, int fallback)
{
    if (!bound)
        return fallback;
    return static_cast<int>(std::clamp(*bound, static_cast<double>(INT_MIN), static_cast<double>(INT_MAX)));
}

} // namespace

SettingsForm::SettingsForm(std::vector<algorithms::SettingSpec> specs, QWidget* parent) : QWidget(parent)
{
    using Kind = algorithms::SettingSpec::Kind;
    auto* layout = new QFormLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    if (specs.empty())
        layout->addRow(new QLabel(tr("No settings."), this));

    for (algorithms::SettingSpec& spec : specs) {
        Row row;
        const QString name = QString::fromStdString(spec.name);
        const QJsonValue fallback = engine::toJson(spec.defaultValue);
        switch (spec.kind) {
        case Kind::Int: {
            auto* box = new QSpinBox(this);
            box->setRange(intBound(spec.min, INT_MIN), intBound(spec.max, INT_MAX));
            row.widget = box;
            row.get = [box] { return QJsonValue(static_cast<qint64>(box->value())); };
            row.set = [box](const QJsonValue& v) {
                const double x = v.toDouble();
                if (!v.isDouble() || std::floor(x) != x || x < box->minimum() || x > box->maximum())
                    return false;
                box->setValue(static_cast<int>(x));
                return true;
            };
            connect(box, &QSpinBox::valueChanged, this, [this, name] { edited(name); });
            break;
        }
        case Kind::Float: {
            auto* box = new NumberSpinBox(this);
            box->setRange(spec.min.value_or(-1e300), spec.max.value_or(1e300));
            box->setSingleStep(spec.max && spec.min ? (*spec.max - *spec.min) / 100.0 : 0.1);
            row.widget = box;
            row.get = [box] { return QJsonValue(box->value()); };
            row.set = [box](const QJsonValue& v) {
                if (!v.isDouble() || v.toDouble() < box->minimum() || v.toDouble() > box->maximum())
                    return false;
                box->setValue(v.toDouble());
                return true;
            };
            connect(box, &NumberSpinBox::valueChanged, this, [this, name] { edited(name); });
            break;
        }
        case Kind::Bool: {
            auto* box = new QCheckBox(this);
            row.widget = box;
            row.get = [box] { return QJsonValue(box->isChecked()); };
            row.set = [box](const QJsonValue& v) {
                if (!v.isBool())
                    return false;
                box->setChecked(v.toBool());
                return true;
            };
            connect(box, &QCheckBox::toggled, this, [this, name] { edited(name); });
            break;
        }
        case Kind::String:
            if (!spec.choices.empty()) {
                auto* box = new QComboBox(this);
                for (const std::string& c : spec.choices)
                    box->addItem(QString::fromStdString(c));
                row.widget = box;
                row.get = [box] { return QJsonValue(box->currentText()); };
                row.set = [box](const QJsonValue& v) {
                    const int index = v.isString() ? box->findText(v.toString()) : -1;
                    if (index < 0)
                        return false;
                    box->setCurrentIndex(index);
                    return true;
                };
                connect(box, &QComboBox::currentIndexChanged, this, [this, name] { edited(name); });
            } else {
                auto* edit = new QLineEdit(this);
                row.widget = edit;
                row.get = [edit] { return QJsonValue(edit->text()); };
                row.set = [edit](const QJsonValue& v) {
                    if (!v.isString())
                        return false;
                    edit->setText(v.toString());
                    return true;
                };
                connect(edit, &QLineEdit::textEdited, this, [this, name] { edited(name); });
            }
            break;
        }
        row.widget->setObjectName(name);
        row.widget->setToolTip(tr("%1\nDefault: %2")
                                   .arg(registryText(spec.help),
                                        QString::fromStdString(algorithms::formatValue(spec.defaultValue))));
        row.set(fallback);
        layout->addRow(name, row.widget);
        row.spec = std::move(spec);
        m_rows.push_back(std::move(row));
    }
}

void SettingsForm::setJson(const QJsonObject& settings)
{
    m_filling = true;
    m_given.clear();
    m_raw.clear();
    for (Row& row : m_rows)
        row.set(engine::toJson(row.spec.defaultValue));
    for (auto it = settings.begin(); it != settings.end(); ++it) {
        m_given.insert(it.key());
        const auto row = std::find_if(m_rows.begin(), m_rows.end(),
                                      [&](const Row& r) { return QString::fromStdString(r.spec.name) == it.key(); });
        if (row == m_rows.end() || !row->set(it.value()))
            m_raw.insert(it.key(), it.value());
    }
    m_filling = false;
}

QJsonObject SettingsForm::toJson() const
{
    QJsonObject out;
    for (auto it = m_raw.begin(); it != m_raw.end(); ++it)
        out.insert(it.key(), it.value());
    for (const Row& row : m_rows) {
        const QString name = QString::fromStdString(row.spec.name);
        if (m_raw.contains(name))
            continue;
        const QJsonValue value = row.get();
        if (m_given.contains(name) || value != engine::toJson(row.spec.defaultValue))
            out.insert(name, value);
    }
    return out;
}

QWidget* SettingsForm::editor(const QString& name) const
{
    for (const Row& row : m_rows)
        if (row.widget->objectName() == name)
            return row.widget;
    return nullptr;
}

void SettingsForm::edited(const QString& name)
{
    if (m_filling)
        return;
    m_raw.remove(name);
    emit changed();
}

} // namespace tb::widgets
