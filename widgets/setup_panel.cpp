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
#include <climits>

namespace tb::widgets {

namespace {

const QString kObjective = QStringLiteral("objective");
const QString kAlgorithm = QStringLiteral("algorithm");
const QString kPruner = QStringLiteral("pruner");
const QString kBudget = QStringLiteral("budget");
const QString kResources = QStringLiteral("resources");
const QString kTrial = QStringLiteral("trial");
const QString kExecutor = QStringLiteral("executor");
const QString kName = QStringLiteral("name");
const QString kSettings = QStringLiteral("settings");

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
    m_direction->addItem(tr("minimize"), QStringLiteral("minimize"));
    m_direction->addItem(tr("maximize"), QStringLiteral("maximize"));
    form->addRow(tr("D&irection"), m_direction);
    m_use = new QComboBox(box);
    m_use->setObjectName(QStringLiteral("use"));
    m_use->addItem(tr("last report"), QStringLiteral("last"));
    m_use->addItem(tr("best report"), QStringLiteral("best"));
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
    m_seed->setRange(0, 9.0e15);
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
    m_maxTrials->setRange(1, INT_MAX);
    m_maxTrials->setValue(30);
    form->addRow(tr("&Trials"), optionalRow(m_maxTrialsGiven, m_maxTrials, box));
    m_maxFailedGiven = new QCheckBox(tr("at most"), box);
    m_maxFailedGiven->setObjectName(QStringLiteral("maxFailedGiven"));
    m_maxFailed = new QSpinBox(box);
    m_maxFailed->setObjectName(QStringLiteral("maxFailed"));
    m_maxFailed->setRange(0, INT_MAX);
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
    m_parallel->setRange(1, 1024);
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
    m_executor->addItem(tr("This machine"), QStringLiteral("local"));
    m_executor->addItem(tr("A Slurm cluster (one job per trial)"), QStringLiteral("slurm"));
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
        const bool slurm = m_executor->currentData().toString() == QLatin1String("slurm");
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
    m_retries->setRange(0, 1000);
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
    out.insert(kName, m_name->text());
    if (!m_description->text().isEmpty() || given(QStringLiteral("description")))
        out.insert(QStringLiteral("description"), m_description->text());

    QJsonObject objective{{QStringLiteral("metric"), m_metric->text()}};
    const QString direction = m_direction->currentData().toString();
    if (direction != QLatin1String("minimize") || given(kObjective, QStringLiteral("direction")))
        objective.insert(QStringLiteral("direction"), direction);
    const QString use = m_use->currentData().toString();
    if (use != QLatin1String("last") || given(kObjective, QStringLiteral("use")))
        objective.insert(QStringLiteral("use"), use);
    out.insert(kObjective, objective);

    out.insert(QStringLiteral("space"), m_space->toJson());

    QJsonObject algorithm;
    const QString algorithmName = m_algorithm->name();
    if (algorithmName != QLatin1String("random") || given(kAlgorithm, kName))
        algorithm.insert(kName, algorithmName);
    if (m_seedGiven->isChecked())
        algorithm.insert(QStringLiteral("seed"), static_cast<qint64>(m_seed->value()));
    const QJsonObject algorithmSettings = m_algorithm->form()->toJson();
    const QString loadedAlgorithm = m_loaded.value(kAlgorithm).toObject().value(kName).toString(QStringLiteral("random"));
    if (m_algorithm->isExternal())
        mergeInto(algorithm, m_algorithm->external()->toJson());
    else if (!algorithmSettings.isEmpty() || (given(kAlgorithm, kSettings) && algorithmName == loadedAlgorithm))
        algorithm.insert(kSettings, algorithmSettings);
    if (!algorithm.isEmpty() || given(kAlgorithm))
        out.insert(kAlgorithm, algorithm);

    QJsonObject pruner;
    const QString prunerName = m_pruner->name();
    if (prunerName != QLatin1String("none") || given(kPruner, kName))
        pruner.insert(kName, prunerName);
    const QJsonObject prunerSettings = m_pruner->form()->toJson();
    const QString loadedPruner = m_loaded.value(kPruner).toObject().value(kName).toString(QStringLiteral("none"));
    if (m_pruner->isExternal())
        mergeInto(pruner, m_pruner->external()->toJson());
    else if (!prunerSettings.isEmpty() || (given(kPruner, kSettings) && prunerName == loadedPruner))
        pruner.insert(kSettings, prunerSettings);
    if (!pruner.isEmpty() || given(kPruner))
        out.insert(kPruner, pruner);

    QJsonObject budget;
    if (m_maxTrialsGiven->isChecked())
        budget.insert(QStringLiteral("max_trials"), m_maxTrials->value());
    if (m_maxFailedGiven->isChecked())
        budget.insert(QStringLiteral("max_failed"), m_maxFailed->value());
    if (m_maxSecondsGiven->isChecked())
        budget.insert(QStringLiteral("max_seconds"), m_maxSeconds->value());
    if (!budget.isEmpty() || given(kBudget))
        out.insert(kBudget, budget);

    QJsonObject resources = unedited(kResources, {QStringLiteral("parallel_trials")});
    if (m_parallel->value() != 1 || given(kResources, QStringLiteral("parallel_trials")))
        resources.insert(QStringLiteral("parallel_trials"), m_parallel->value());
    if (!resources.isEmpty() || given(kResources))
        out.insert(kResources, resources);

    QJsonObject trial = unedited(kTrial, {QStringLiteral("argv"), QStringLiteral("workdir"), QStringLiteral("env"), QStringLiteral("timeout_s"),
                                          QStringLiteral("retries")});
    const QStringList argv = isTrainerMode() ? m_trainer->argv() : m_argv->arguments();
    if (!argv.isEmpty() || given(kTrial, QStringLiteral("argv")))
        trial.insert(QStringLiteral("argv"), QJsonArray::fromStringList(argv));
    if (!m_workdir->text().isEmpty() || given(kTrial, QStringLiteral("workdir")))
        trial.insert(QStringLiteral("workdir"), m_workdir->text());
    const QJsonObject env = m_env->environment();
    if (!env.isEmpty() || given(kTrial, QStringLiteral("env")))
        trial.insert(QStringLiteral("env"), env);
    if (m_timeoutGiven->isChecked())
        trial.insert(QStringLiteral("timeout_s"), m_timeout->value());
    if (m_retries->value() != 0 || given(kTrial, QStringLiteral("retries")))
        trial.insert(QStringLiteral("retries"), m_retries->value());
    if (!trial.isEmpty() || given(kTrial))
        out.insert(kTrial, trial);

    QJsonObject executor;
    const QString type = m_executor->currentData().toString();
    if (type != QLatin1String("local") || given(kExecutor, QStringLiteral("type")))
        executor.insert(QStringLiteral("type"), type);
    if (type == QLatin1String("slurm")) {
        const std::pair<const char*, QLineEdit*> fields[] = {{"partition", m_partition}, {"account", m_account}, {"time_limit", m_timeLimit}};
        for (const auto& [key, edit] : fields)
            if (!edit->text().isEmpty())
                executor.insert(QLatin1String(key), edit->text());
        if (!m_sbatchArgs->arguments().isEmpty())
            executor.insert(QStringLiteral("sbatch_args"), QJsonArray::fromStringList(m_sbatchArgs->arguments()));
    }
    if (!executor.isEmpty() || given(kExecutor))
        out.insert(kExecutor, executor);
    return out;
}

void SetupPanel::setSpec(const QJsonObject& spec)
{
    m_filling = true;
    m_loaded = spec;
    m_name->setText(spec.value(kName).toString());
    m_description->setText(spec.value(QStringLiteral("description")).toString());
    const QJsonObject objective = spec.value(kObjective).toObject();
    m_metric->setText(objective.value(QStringLiteral("metric")).toString());
    selectData(m_direction, objective.value(QStringLiteral("direction")).toString(QStringLiteral("minimize")));
    selectData(m_use, objective.value(QStringLiteral("use")).toString(QStringLiteral("last")));

    m_space->setJson(spec.value(QStringLiteral("space")).toArray());

    const QJsonObject algorithm = spec.value(kAlgorithm).toObject();
    m_algorithm->select(algorithm.value(kName).toString(QStringLiteral("random")), algorithm.value(kSettings).toObject(), algorithm);
    m_seedGiven->setChecked(algorithm.contains(QStringLiteral("seed")));
    m_seed->setValue(algorithm.value(QStringLiteral("seed")).toDouble());
    const QJsonObject pruner = spec.value(kPruner).toObject();
    m_pruner->select(pruner.value(kName).toString(QStringLiteral("none")), pruner.value(kSettings).toObject(), pruner);

    const QJsonObject budget = spec.value(kBudget).toObject();
    m_maxTrialsGiven->setChecked(budget.contains(QStringLiteral("max_trials")));
    if (budget.contains(QStringLiteral("max_trials")))
        m_maxTrials->setValue(budget.value(QStringLiteral("max_trials")).toInt());
    m_maxFailedGiven->setChecked(budget.contains(QStringLiteral("max_failed")));
    if (budget.contains(QStringLiteral("max_failed")))
        m_maxFailed->setValue(budget.value(QStringLiteral("max_failed")).toInt());
    m_maxSecondsGiven->setChecked(budget.contains(QStringLiteral("max_seconds")));
    if (budget.contains(QStringLiteral("max_seconds")))
        m_maxSeconds->setValue(budget.value(QStringLiteral("max_seconds")).toDouble());
    m_parallel->setValue(spec.value(kResources).toObject().value(QStringLiteral("parallel_trials")).toInt(1));

    const QJsonObject trial = spec.value(kTrial).toObject();
    QStringList argv;
    for (const QJsonValue& a : trial.value(QStringLiteral("argv")).toArray())
        argv << a.toString();
    const bool trainer = TrainerForm::isTrainerCommand(argv);
    m_argv->setArguments(argv);
    m_trainer->setArgv(trainer ? argv : TrainerForm::defaultArgv());
    m_trainerMode->setChecked(trainer);
    m_commandMode->setChecked(!trainer);
    m_trialPages->setCurrentIndex(trainer ? 1 : 0);
    m_workdir->setText(trial.value(QStringLiteral("workdir")).toString());
    m_env->setEnvironment(trial.value(QStringLiteral("env")).toObject());
    m_timeoutGiven->setChecked(trial.contains(QStringLiteral("timeout_s")));
    if (trial.contains(QStringLiteral("timeout_s")))
        m_timeout->setValue(trial.value(QStringLiteral("timeout_s")).toDouble());
    m_retries->setValue(trial.value(QStringLiteral("retries")).toInt());

    const QJsonObject executor = spec.value(kExecutor).toObject();
    selectData(m_executor, executor.value(QStringLiteral("type")).toString(QStringLiteral("local")));
    m_partition->setText(executor.value(QStringLiteral("partition")).toString());
    m_account->setText(executor.value(QStringLiteral("account")).toString());
    m_timeLimit->setText(executor.value(QStringLiteral("time_limit")).toString());
    QStringList sbatchArgs;
    for (const QJsonValue& a : executor.value(QStringLiteral("sbatch_args")).toArray())
        sbatchArgs << a.toString();
    m_sbatchArgs->setArguments(sbatchArgs);
    m_filling = false;

    updatePlaceholders();
    updateStatus();
    emit specChanged();
}

QString SetupPanel::validate() const
{
    return specError(spec());
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
