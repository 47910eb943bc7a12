#include "algorithm_chooser.h"

#include "external_form.h"
#include "widgets/models/registry_text.h"

#include "settings_form.h"

#include "engine/core/spec.h"

#include "algorithms/pruner.h"
#include "algorithms/sampler.h"

#include <QComboBox>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace tb::widgets {

namespace {

struct Entry {
    QString summary;
    std::vector<algorithms::SettingSpec> settings;
    bool known = false;
};

const QString kExternal = engine::choice::external;

Entry lookup(AlgorithmChooser::Registry registry, const QString& name)
{
    if (name == kExternal)
        return {registry == AlgorithmChooser::Registry::Samplers
                    ? AlgorithmChooser::tr("Your own optimizer, or Optuna's through the shipped adapter, as a process of its own: it gets "
                                           "each request as a JSON line and answers with the next trial's parameters. Its stderr is "
                                           "shown in the dashboard's Sampler log.")
                    : AlgorithmChooser::tr("Your own early-stopping rule as a process of its own: it gets each new report of a running "
                                           "trial as a JSON line and answers whether to stop it."),
                {},
                true};
    if (registry == AlgorithmChooser::Registry::Samplers) {
        if (const auto* info = algorithms::findSampler(name.toStdString()))
            return {registryText(info->summary), info->settings, true};
    } else if (const auto* info = algorithms::findPruner(name.toStdString())) {
        return {registryText(info->summary), info->settings, true};
    }
    return {};
}

} // namespace

AlgorithmChooser::AlgorithmChooser(Registry registry, QWidget* parent)
    : QWidget(parent), m_registry(registry), m_combo(new QComboBox(this)), m_summary(new QLabel(this)),
      m_forms(new QStackedWidget(this)), m_external(new ExternalForm(m_forms))
{
    // Registry names are identifiers written into the spec, so they are shown untranslated.
    if (registry == Registry::Samplers) {
        for (const auto& info : algorithms::samplerRegistry())
            m_combo->addItem(QString::fromStdString(info.name), QString::fromStdString(info.name));
    } else {
        for (const auto& info : algorithms::prunerRegistry())
            m_combo->addItem(QString::fromStdString(info.name), QString::fromStdString(info.name));
    }
    m_combo->addItem(kExternal, kExternal);
    m_external->setObjectName(registry == Registry::Samplers ? QStringLiteral("externalSampler") : QStringLiteral("externalPruner"));
    m_forms->addWidget(m_external);
    connect(m_external, &ExternalForm::changed, this, [this] {
        if (!m_filling)
            emit changed();
    });
    m_summary->setWordWrap(true);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_combo);
    layout->addWidget(m_summary);
    layout->addWidget(m_forms);

    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        show(name());
        if (!m_filling)
            emit changed();
    });
    show(name());
}

QString AlgorithmChooser::name() const
{
    return m_combo->currentData().toString();
}

SettingsForm* AlgorithmChooser::form() const
{
    return m_byName.value(name());
}

SettingsForm* AlgorithmChooser::formFor(const QString& name)
{
    if (SettingsForm* form = m_byName.value(name))
        return form;
    auto* form = new SettingsForm(lookup(m_registry, name).settings, m_forms);
    form->setObjectName(QStringLiteral("settings-") + name);
    m_forms->addWidget(form);
    m_byName.insert(name, form);
    connect(form, &SettingsForm::changed, this, &AlgorithmChooser::changed);
    return form;
}

bool AlgorithmChooser::isExternal() const
{
    return name() == kExternal;
}

void AlgorithmChooser::show(const QString& name)
{
    SettingsForm* form = formFor(name); // "external" has an empty one: form() never returns nullptr
    m_forms->setCurrentWidget(name == kExternal ? static_cast<QWidget*>(m_external) : form);
    const Entry entry = lookup(m_registry, name);
    m_summary->setText(entry.known ? entry.summary : tr("Unknown; choose one from the list."));
}

void AlgorithmChooser::select(const QString& name, const QJsonObject& settings, const QJsonObject& object)
{
    m_filling = true;
    int index = m_combo->findData(name);
    if (index < 0) {
        m_combo->addItem(name, name);
        index = m_combo->count() - 1;
    }
    for (SettingsForm* form : std::as_const(m_byName))
        form->setJson({});
    m_combo->setCurrentIndex(index);
    m_external->setJson(name == kExternal ? object : QJsonObject());
    if (name != kExternal)
        formFor(name)->setJson(settings);
    show(name);
    m_filling = false;
}

} // namespace tb::widgets
