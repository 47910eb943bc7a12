#include "setup_panel.h"

#include "algorithm_chooser.h"
#include "command_editors.h"
#include "external_form.h"
#include "number_spin_box.h"
#include "settings_form.h"
#include "space_editor.h"
#include "widgets/models/spec_text.h"
#include "trainer_form.h"
#include "widgets/models/file_dialogs.h"

#include "engine/core/spec.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>

namespace tb::widgets {

namespace {

namespace key = engine::key;
namespace choice = engine::choice;
namespace range = engine::range;

// What the parser takes when a key is missing: the panel writes a key only when its value
// differs from these, or when the loaded spec had it.
const engine::AlgorithmSpec kAlgorithmDefaults;
const engine::PrunerSpec kPrunerDefaults;
const engine::ResourcesSpec kResourcesDefaults;
const engine::TrialSpec kTrialDefaults;

// A spin box's bounds from an integer key's range (a QSpinBox holds an int).
void setRange(QSpinBox* box, engine::IntRange range, int max = INT_MAX)
{
    box->setRange(static_cast<int>(std::max<qint64>(range.min, INT_MIN)), static_cast<int>(std::min<qint64>(range.max, max)));
}

void mergeInto(QJsonObject& target, const QJsonObject& keys)
{
    for (auto it = keys.begin(); it != keys.end(); ++it)
        target.insert(it.key(), it.value());
}

// Selects the item whose data is `value`; a value the list lacks is added, so that a
// loaded spec keeps it (and the parser names it).
void selectData(QComboBox* combo, const QString& value)
{
    int index = combo->findData(value);
    if (index < 0) {
        combo->addItem(value, value);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
}

// A checkbox that says whether an optional value is given, beside the value's editor.
QWidget* optionalRow(QCheckBox* given, QWidget* editor, QWidget* parent)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(given);
    layout->addWidget(editor, 1);
    editor->setEnabled(false);
    QObject::connect(given, &QCheckBox::toggled, editor, &QWidget::setEnabled);
    return row;
}

} // namespace

SetupPanel::SetupPanel(SpaceEditor* space, QWidget* parent) : QWidget(parent), m_space(space)
{
    Q_ASSERT(space);
    auto* content = new QWidget;
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(buildExperiment());
    contentLayout->addWidget(buildAlgorithm());
    contentLayout->addWidget(buildBudget());
    contentLayout->addWidget(buildTrial());
    contentLayout->addWidget(buildExecutor());
    contentLayout->addStretch();

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("specStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_status);

    connect(m_space, &SpaceEditor::changed, this, [this] {
        updatePlaceholders();
        edited();
    });
    updatePlaceholders();
    updateStatus();
}

SetupPanel::~SetupPanel() = default;

QWidget* SetupPanel::buildExperiment()
{
    auto* box = new QGroupBox(tr("Experiment"));
    auto* form = new QFormLayout(box);
    m_name = new QLineEdit(box);
    m_name->setObjectName(QStringLiteral("experimentName"));
    m_name->setToolTip(tr("Unique within the store."));
    form->addRow(tr("&Name"), m_name);
    m_description = new QLineEdit(box);
    m_description->setObjectName(QStringLiteral("description"));
    form->addRow(tr("&Description"), m_description);
    m_metric = new QLineEdit(box);
    m_metric->setObjectName(QStringLiteral("metric"));
    m_metric->setToolTip(tr("The metric the trial prints, like loss=0.25."));
    form->addRow(tr("Objective &metric"), m_metric);
    m_direction = new QComboBox(box);
    m_direction->setObjectName(QStringLiteral("direction"));
    m_direction->addItem(tr("minimize"), choice::minimize);
    m_direction->addItem(tr("maximize"), choice::maximize);
    form->addRow(tr("D&irection"), m_direction);
    m_use = new QComboBox(box);
    m_use->setObjectName(QStringLiteral("use"));
    m_use->addItem(tr("last report"), choice::last);
    m_use->addItem(tr("best report"), choice::best);
    m_use->setToolTip(tr("Which of the trial's reports of the metric is its value."));
    form->addRow(tr("&Use"), m_use);

    for (QLineEdit* edit : {m_name, m_description, m_metric})
        connect(edit, &QLineEdit::textChanged, this, &SetupPanel::edited);
    for (QComboBox* combo : {m_direction, m_use})
        connect(combo, &QComboBox::currentIndexChanged, this, &SetupPanel::edited);
    return box;
}

QWidget* SetupPanel::buildAlgorithm()
{
    auto* box = new QGroupBox(tr("Search"));
    auto* form = new QFormLayout(box);
    m_algorithm = new AlgorithmChooser(AlgorithmChooser::Registry::Samplers, box);
    m_algorithm->combo()->setObjectName(QStringLiteral("algorithm"));
    form->addRow(tr("&Algorithm"), m_algorithm);
    m_seedGiven = new QCheckBox(tr("fixed"), box);
    m_seedGiven->setObjectName(QStringLiteral("seedGiven"));
    m_seedGiven->setToolTip(tr("Without a fixed seed one is drawn at the start and stored with the experiment."));
    m_seed = new NumberSpinBox(box);
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setIntegral(true);
    m_seed->setRange(static_cast<double>(range::seed.min), static_cast<double>(range::seed.max));
    form->addRow(tr("&Seed"), optionalRow(m_seedGiven, m_seed, box));
    m_pruner = new AlgorithmChooser(AlgorithmChooser::Registry::Pruners, box);
    m_pruner->combo()->setObjectName(QStringLiteral("pruner"));
    form->addRow(tr("&Pruner"), m_pruner);

    connect(m_algorithm, &AlgorithmChooser::changed, this, &SetupPanel::edited);
    connect(m_pruner, &AlgorithmChooser::changed, this, &SetupPanel::edited);
    connect(m_seedGiven, &QCheckBox::toggled, this, &SetupPanel::edited);
    connect(m_seed, &NumberSpinBox::valueChanged, this, &SetupPanel::edited);
    return box;
}

QWidget* SetupPanel::buildBudget()
{
    auto* box = new QGroupBox(tr("Budget and parallelism"));
    auto* form = new QFormLayout(box);
    m_maxTrialsGiven = new QCheckBox(tr("at most"), box);
    m_maxTrialsGiven->setObjectName(QStringLiteral("maxTrialsGiven"));
    m_maxTrials = new QSpinBox(box);
    m_maxTrials->setObjectName(QStringLiteral("maxTrials"));
    setRange(m_maxTrials, range::maxTrials);
    m_maxTrials->setValue(30);
    form->addRow(tr("&Trials"), optionalRow(m_maxTrialsGiven, m_maxTrials, box));
    m_maxFailedGiven = new QCheckBox(tr("at most"), box);
    m_maxFailedGiven->setObjectName(QStringLiteral("maxFailedGiven"));
    m_maxFailed = new QSpinBox(box);
    m_maxFailed->setObjectName(QStringLiteral("maxFailed"));
    setRange(m_maxFailed, range::maxFailed);
    m_maxFailed->setToolTip(tr("One more failure than this ends the experiment as failed."));
    form->addRow(tr("&Failed trials"), optionalRow(m_maxFailedGiven, m_maxFailed, box));
    m_maxSecondsGiven = new QCheckBox(tr("at most"), box);
    m_maxSecondsGiven->setObjectName(QStringLiteral("maxSecondsGiven"));
    m_maxSeconds = new NumberSpinBox(box);
    m_maxSeconds->setObjectName(QStringLiteral("maxSeconds"));
    m_maxSeconds->setRange(1e-9, 1e15);
    m_maxSeconds->setValue(3600);
    m_maxSeconds->setSingleStep(60);
    m_maxSeconds->setSuffix(tr(" s"));
    form->addRow(tr("&Wall time"), optionalRow(m_maxSecondsGiven, m_maxSeconds, box));
    m_parallel = new QSpinBox(box);
    m_parallel->setObjectName(QStringLiteral("parallelTrials"));
    setRange(m_parallel, range::parallelTrials);
    form->addRow(tr("Trials at &once"), m_parallel);

    for (QCheckBox* check : {m_maxTrialsGiven, m_maxFailedGiven, m_maxSecondsGiven})
        connect(check, &QCheckBox::toggled, this, &SetupPanel::edited);
    for (QSpinBox* spin : {m_maxTrials, m_maxFailed, m_parallel})
        connect(spin, &QSpinBox::valueChanged, this, &SetupPanel::edited);
    connect(m_maxSeconds, &NumberSpinBox::valueChanged, this, &SetupPanel::edited);
    return box;
}

QWidget* SetupPanel::buildExecutor()
{
    auto* box = new QGroupBox(tr("Where trials run"));
    auto* form = new QFormLayout(box);
    m_executor = new QComboBox(box);
    m_executor->setObjectName(QStringLiteral("executor"));
    m_executor->addItem(tr("This machine"), choice::local);
    m_executor->addItem(tr("A Slurm cluster (one job per trial)"), choice::slurm);
    m_executor->setToolTip(tr("With Slurm, each trial is a batch job; the trials' folders must be on a file system the nodes share."));
    form->addRow(tr("&Executor"), m_executor);
    m_partition = new QLineEdit(box);
    m_partition->setObjectName(QStringLiteral("partition"));
    m_partition->setPlaceholderText(tr("the cluster's default"));
    form->addRow(tr("&Partition"), m_partition);
    m_account = new QLineEdit(box);
    m_account->setObjectName(QStringLiteral("account"));
    m_account->setPlaceholderText(tr("your default"));
    form->addRow(tr("A&ccount"), m_account);
    m_timeLimit = new QLineEdit(box);
    m_timeLimit->setObjectName(QStringLiteral("timeLimit"));
    m_timeLimit->setPlaceholderText(tr("HH:MM:SS (the partition's default)"));
    form->addRow(tr("Time &limit"), m_timeLimit);
    m_sbatchArgs = new ArgvEditor(box);
    m_sbatchArgs->setObjectName(QStringLiteral("sbatchArgs"));
    m_sbatchArgs->setToolTip(tr("Further sbatch options, one per entry, such as --qos=low or --mem=16G."));
    form->addRow(tr("sbatch options"), m_sbatchArgs);
    auto enable = [this] {
        const bool slurm = m_executor->currentData().toString() == choice::slurm;
        for (QWidget* w : std::initializer_list<QWidget*>{m_partition, m_account, m_timeLimit, m_sbatchArgs})
            w->setEnabled(slurm);
    };
    connect(m_executor, &QComboBox::currentIndexChanged, this, [this, enable] {
        enable();
        edited();
    });
    for (QLineEdit* e : {m_partition, m_account, m_timeLimit})
        connect(e, &QLineEdit::textChanged, this, &SetupPanel::edited);
    connect(m_sbatchArgs, &ArgvEditor::changed, this, &SetupPanel::edited);
    enable();
    return box;
}

QWidget* SetupPanel::buildTrial()
{
    auto* box = new QGroupBox(tr("Trial"));
    auto* layout = new QVBoxLayout(box);
    auto* modes = new QHBoxLayout;
    m_commandMode = new QRadioButton(tr("&Command"), box);
    m_commandMode->setObjectName(QStringLiteral("commandMode"));
    m_trainerMode = new QRadioButton(tr("&Built-in trainer"), box);
    m_trainerMode->setObjectName(QStringLiteral("trainerMode"));
    m_commandMode->setChecked(true);
    auto* group = new QButtonGroup(box);
    group->addButton(m_commandMode);
    group->addButton(m_trainerMode);
    modes->addWidget(m_commandMode);
    modes->addWidget(m_trainerMode);
    modes->addStretch();
    layout->addLayout(modes);

    m_trialPages = new QStackedWidget(box);
    auto* commandPage = new QWidget(m_trialPages);
    auto* commandForm = new QFormLayout(commandPage);
    commandForm->setContentsMargins(0, 0, 0, 0);
    m_argv = new ArgvEditor(commandPage);
    m_argv->setObjectName(QStringLiteral("argv"));
    commandForm->addRow(tr("Arguments"), m_argv);
    m_trialPages->addWidget(commandPage);
    m_trainer = new TrainerForm(m_trialPages);
    m_trainer->setObjectName(QStringLiteral("trainer"));
    m_trialPages->addWidget(m_trainer);
    layout->addWidget(m_trialPages);

    auto* common = new QFormLayout;
    auto* workdirRow = new QWidget(box);
    auto* workdirLayout = new QHBoxLayout(workdirRow);
    workdirLayout->setContentsMargins(0, 0, 0, 0);
    m_workdir = new QLineEdit(workdirRow);
    m_workdir->setObjectName(QStringLiteral("workdir"));
    m_workdir->setPlaceholderText(tr("the spec file's folder"));
    auto* browse = new QToolButton(workdirRow);
    browse->setText(tr("Browse..."));
    workdirLayout->addWidget(m_workdir, 1);
    workdirLayout->addWidget(browse);
    common->addRow(tr("&Working directory"), workdirRow);
    m_env = new EnvEditor(box);
    m_env->setObjectName(QStringLiteral("env"));
    common->addRow(tr("Environment"), m_env);
    m_timeoutGiven = new QCheckBox(tr("after"), box);
    m_timeoutGiven->setObjectName(QStringLiteral("timeoutGiven"));
    m_timeout = new NumberSpinBox(box);
    m_timeout->setObjectName(QStringLiteral("timeout"));
    m_timeout->setRange(1e-9, 1e15);
    m_timeout->setValue(600);
    m_timeout->setSingleStep(60);
    m_timeout->setSuffix(tr(" s"));
    common->addRow(tr("&Time-out"), optionalRow(m_timeoutGiven, m_timeout, box));
    m_retries = new QSpinBox(box);
    m_retries->setObjectName(QStringLiteral("retries"));
    setRange(m_retries, range::retries, 1000);
    m_retries->setToolTip(tr("A failed or timed-out trial runs again with the same values, up to this many times."));
    common->addRow(tr("&Retries"), m_retries);
    layout->addLayout(common);

    connect(m_trainerMode, &QRadioButton::toggled, this, &SetupPanel::onModeToggled);
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString dir = files::existingDirectory(this, tr("Working directory"), m_workdir->text());
        if (!dir.isEmpty())
            m_workdir->setText(dir);
    });
    connect(m_argv, &ArgvEditor::changed, this, &SetupPanel::edited);
    connect(m_env, &EnvEditor::changed, this, &SetupPanel::edited);
    connect(m_trainer, &TrainerForm::changed, this, &SetupPanel::edited);
    connect(m_workdir, &QLineEdit::textChanged, this, &SetupPanel::edited);
    connect(m_timeoutGiven, &QCheckBox::toggled, this, &SetupPanel::edited);
    connect(m_timeout, &NumberSpinBox::valueChanged, this, &SetupPanel::edited);
    connect(m_retries, &QSpinBox::valueChanged, this, &SetupPanel::edited);
    return box;
}

QJsonObject SetupPanel::unedited(const QString& object, const QStringList& edited) const
{
    QJsonObject out = m_loaded.value(object).toObject();
    for (const QString& key : edited)
        out.remove(key);
    return out;
}

bool SetupPanel::given(const QString& object, const QString& key) const
{
    if (!m_loaded.contains(object))
        return false;
    return key.isEmpty() || m_loaded.value(object).toObject().contains(key);
}

QJsonObject SetupPanel::spec() const
{
    QJsonObject out;
    out.insert(key::name, m_name->text());
    if (!m_description->text().isEmpty() || given(key::description))
        out.insert(key::description, m_description->text());

    QJsonObject objective{{key::metric, m_metric->text()}};
    const QString direction = m_direction->currentData().toString();
    if (direction != choice::minimize || given(key::objective, key::direction))
        objective.insert(key::direction, direction);
    const QString use = m_use->currentData().toString();
    if (use != choice::last || given(key::objective, key::use))
        objective.insert(key::use, use);
    out.insert(key::objective, objective);

    out.insert(key::space, m_space->toJson());

    QJsonObject algorithm;
    const QString algorithmName = m_algorithm->name();
    if (algorithmName != kAlgorithmDefaults.name || given(key::algorithm, key::name))
        algorithm.insert(key::name, algorithmName);
    if (m_seedGiven->isChecked())
        algorithm.insert(key::seed, static_cast<qint64>(m_seed->value()));
    const QJsonObject algorithmSettings = m_algorithm->form()->toJson();
    const QString loadedAlgorithm = m_loaded.value(key::algorithm).toObject().value(key::name).toString(kAlgorithmDefaults.name);
    if (m_algorithm->isExternal())
        mergeInto(algorithm, m_algorithm->external()->toJson());
    else if (!algorithmSettings.isEmpty() || (given(key::algorithm, key::settings) && algorithmName == loadedAlgorithm))
        algorithm.insert(key::settings, algorithmSettings);
    if (!algorithm.isEmpty() || given(key::algorithm))
        out.insert(key::algorithm, algorithm);

    QJsonObject pruner;
    const QString prunerName = m_pruner->name();
    if (prunerName != kPrunerDefaults.name || given(key::pruner, key::name))
        pruner.insert(key::name, prunerName);
    const QJsonObject prunerSettings = m_pruner->form()->toJson();
    const QString loadedPruner = m_loaded.value(key::pruner).toObject().value(key::name).toString(kPrunerDefaults.name);
    if (m_pruner->isExternal())
        mergeInto(pruner, m_pruner->external()->toJson());
    else if (!prunerSettings.isEmpty() || (given(key::pruner, key::settings) && prunerName == loadedPruner))
        pruner.insert(key::settings, prunerSettings);
    if (!pruner.isEmpty() || given(key::pruner))
        out.insert(key::pruner, pruner);

    QJsonObject budget;
    if (m_maxTrialsGiven->isChecked())
        budget.insert(key::maxTrials, m_maxTrials->value());
    if (m_maxFailedGiven->isChecked())
        budget.insert(key::maxFailed, m_maxFailed->value());
    if (m_maxSecondsGiven->isChecked())
        budget.insert(key::maxSeconds, m_maxSeconds->value());
    if (!budget.isEmpty() || given(key::budget))
        out.insert(key::budget, budget);

    QJsonObject resources = unedited(key::resources, {key::parallelTrials});
    if (m_parallel->value() != kResourcesDefaults.parallelTrials || given(key::resources, key::parallelTrials))
        resources.insert(key::parallelTrials, m_parallel->value());
    if (!resources.isEmpty() || given(key::resources))
        out.insert(key::resources, resources);

    QJsonObject trial = unedited(key::trial, {key::argv, key::workdir, key::env, key::timeoutS, key::retries});
    const QStringList argv = isTrainerMode() ? m_trainer->argv() : m_argv->arguments();
    if (!argv.isEmpty() || given(key::trial, key::argv))
        trial.insert(key::argv, QJsonArray::fromStringList(argv));
    if (!m_workdir->text().isEmpty() || given(key::trial, key::workdir))
        trial.insert(key::workdir, m_workdir->text());
    const QJsonObject env = m_env->environment();
    if (!env.isEmpty() || given(key::trial, key::env))
        trial.insert(key::env, env);
    if (m_timeoutGiven->isChecked())
        trial.insert(key::timeoutS, m_timeout->value());
    if (m_retries->value() != kTrialDefaults.retries || given(key::trial, key::retries))
        trial.insert(key::retries, m_retries->value());
    if (!trial.isEmpty() || given(key::trial))
        out.insert(key::trial, trial);

    QJsonObject executor;
    const QString type = m_executor->currentData().toString();
    if (type != choice::local || given(key::executor, key::type))
        executor.insert(key::type, type);
    if (type == choice::slurm) {
        const std::pair<key::Name, QLineEdit*> fields[] = {{key::partition, m_partition}, {key::account, m_account}, {key::timeLimit, m_timeLimit}};
        for (const auto& [k, edit] : fields)
            if (!edit->text().isEmpty())
                executor.insert(k, edit->text());
        if (!m_sbatchArgs->arguments().isEmpty())
            executor.insert(key::sbatchArgs, QJsonArray::fromStringList(m_sbatchArgs->arguments()));
    }
    if (!executor.isEmpty() || given(key::executor))
        out.insert(key::executor, executor);
    return out;
}

void SetupPanel::setSpec(const QJsonObject& spec)
{
    m_filling = true;
    m_loaded = spec;
    m_name->setText(spec.value(key::name).toString());
    m_description->setText(spec.value(key::description).toString());
    const QJsonObject objective = spec.value(key::objective).toObject();
    m_metric->setText(objective.value(key::metric).toString());
    selectData(m_direction, objective.value(key::direction).toString(choice::minimize));
    selectData(m_use, objective.value(key::use).toString(choice::last));

    m_space->setJson(spec.value(key::space).toArray());

    const QJsonObject algorithm = spec.value(key::algorithm).toObject();
    m_algorithm->select(algorithm.value(key::name).toString(kAlgorithmDefaults.name), algorithm.value(key::settings).toObject(), algorithm);
    m_seedGiven->setChecked(algorithm.contains(key::seed));
    m_seed->setValue(algorithm.value(key::seed).toDouble());
    const QJsonObject pruner = spec.value(key::pruner).toObject();
    m_pruner->select(pruner.value(key::name).toString(kPrunerDefaults.name), pruner.value(key::settings).toObject(), pruner);

    const QJsonObject budget = spec.value(key::budget).toObject();
    m_maxTrialsGiven->setChecked(budget.contains(key::maxTrials));
    if (budget.contains(key::maxTrials))
        m_maxTrials->setValue(budget.value(key::maxTrials).toInt());
    m_maxFailedGiven->setChecked(budget.contains(key::maxFailed));
    if (budget.contains(key::maxFailed))
        m_maxFailed->setValue(budget.value(key::maxFailed).toInt());
    m_maxSecondsGiven->setChecked(budget.contains(key::maxSeconds));
    if (budget.contains(key::maxSeconds))
        m_maxSeconds->setValue(budget.value(key::maxSeconds).toDouble());
    m_parallel->setValue(spec.value(key::resources).toObject().value(key::parallelTrials).toInt(kResourcesDefaults.parallelTrials));

    const QJsonObject trial = spec.value(key::trial).toObject();
    QStringList argv;
    for (const QJsonValue& a : trial.value(key::argv).toArray())
        argv << a.toString();
    const bool trainer = TrainerForm::isTrainerCommand(argv);
    m_argv->setArguments(argv);
    m_trainer->setArgv(trainer ? argv : TrainerForm::defaultArgv());
    m_trainerMode->setChecked(trainer);
    m_commandMode->setChecked(!trainer);
    m_trialPages->setCurrentIndex(trainer ? 1 : 0);
    m_workdir->setText(trial.value(key::workdir).toString());
    m_env->setEnvironment(trial.value(key::env).toObject());
    m_timeoutGiven->setChecked(trial.contains(key::timeoutS));
    if (trial.contains(key::timeoutS))
        m_timeout->setValue(trial.value(key::timeoutS).toDouble());
    m_retries->setValue(trial.value(key::retries).toInt(kTrialDefaults.retries));

    const QJsonObject executor = spec.value(key::executor).toObject();
    selectData(m_executor, executor.value(key::type).toString(choice::local));
    m_partition->setText(executor.value(key::partition).toString());
    m_account->setText(executor.value(key::account).toString());
    m_timeLimit->setText(executor.value(key::timeLimit).toString());
    QStringList sbatchArgs;
    for (const QJsonValue& a : executor.value(key::sbatchArgs).toArray())
        sbatchArgs << a.toString();
    m_sbatchArgs->setArguments(sbatchArgs);
    m_filling = false;

    updatePlaceholders();
    updateStatus();
    emit specChanged();
}

QUndoStack* SetupPanel::undoStack() const
{
    return m_space->undoStack();
}

QString SetupPanel::validate() const
{
    return checkSpec(spec()).message;
}

bool SetupPanel::isTrainerMode() const
{
    return m_trainerMode->isChecked();
}

void SetupPanel::setTrainerMode(bool on)
{
    (on ? m_trainerMode : m_commandMode)->setChecked(true);
}

SettingsForm* SetupPanel::algorithmSettings() const
{
    return m_algorithm->form();
}

SettingsForm* SetupPanel::prunerSettings() const
{
    return m_pruner->form();
}

void SetupPanel::onModeToggled()
{
    const bool trainer = isTrainerMode();
    if (!m_filling) {
        // The two pages hold the same command: the trainer's arguments open as a command,
        // and a tunebench-train command opens in the trainer's form.
        if (trainer && TrainerForm::isTrainerCommand(m_argv->arguments()))
            m_trainer->setArgv(m_argv->arguments());
        else if (!trainer)
            m_argv->setArguments(m_trainer->argv());
    }
    m_trialPages->setCurrentIndex(trainer ? 1 : 0);
    edited();
}

void SetupPanel::updatePlaceholders()
{
    const QStringList names = m_space->paramNames();
    m_argv->setPlaceholderNames(names);
    m_env->setPlaceholderNames(names);
    m_trainer->setPlaceholderNames(names);
}

void SetupPanel::updateStatus()
{
    const QString message = validate();
    m_status->setText(message.isEmpty() ? tr("The spec is valid.") : message);
    m_status->setStyleSheet(message.isEmpty() ? QStringLiteral("color: #207020;") : QStringLiteral("color: #c00000;"));
}

void SetupPanel::edited()
{
    if (m_filling)
        return;
    updateStatus();
    emit specChanged();
}

} // namespace tb::widgets
