#include "setup_panel.h"

#include "algorithm_chooser.h"
#include "command_editors.h"
#include "external_form.h"
#include "number_spin_box.h"
#include "objectives_editor.h"
#include "settings_form.h"
#include "space_editor.h"
#include "widgets/models/spec_text.h"
#include "space_model.h"
#include "trainer_form.h"
#include "wheel_guard.h"
#include "widgets/models/file_dialogs.h"

#include "engine/core/json.h"
#include "engine/core/spec.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QRadioButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolButton>
#include <QUndoCommand>
#include <QUndoStack>
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
    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("specWarnings"));
    m_warnings->setStyleSheet(QStringLiteral("color: #a05000;"));
    for (QLabel* label : {m_status, m_warnings}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_warnings);

    // The space records its own undo steps; the panel only follows its changes.
    connect(m_space, &SpaceEditor::changed, this, [this] {
        updatePlaceholders();
        if (m_filling)
            return;
        updateStatus();
        emit specChanged();
    });
    connect(qApp, &QApplication::focusChanged, this, [this] { ++m_focusMoves; });
    WheelGuard::install(this);
    updatePlaceholders();
    m_state = snapshot();
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
    m_reference = new QLineEdit(box);
    m_reference->setObjectName(QStringLiteral("reference"));
    m_reference->setPlaceholderText(tr("derived from the trials"));
    m_reference->setToolTip(tr("With several objectives: the hypervolume reference point's value for this objective, worse than "
                               "any value you care about."));
    form->addRow(tr("&Reference"), m_reference);
    m_objectives = new ObjectivesEditor(box);
    form->addRow(m_objectives);
    connect(m_objectives, &ObjectivesEditor::changed, this, &SetupPanel::edited);

    for (QLineEdit* edit : {m_name, m_description, m_metric, m_reference})
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
    m_autoPlan = new QLabel(box);
    m_autoPlan->setObjectName(QStringLiteral("autoPlan"));
    m_autoPlan->setWordWrap(true);
    m_autoPlan->setTextFormat(Qt::PlainText);
    m_autoPlan->hide(); // until a valid spec says what auto will do
    m_autoPlan->setForegroundRole(QPalette::PlaceholderText);
    m_autoPlan->setToolTip(tr("What auto will do with this space once trials report values; each trial records which sampler suggested it and why."));
    form->addRow(QString(), m_autoPlan);
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
    const QJsonObject loadedFirst = m_loaded.contains(key::objectives) ? m_loaded.value(key::objectives).toArray().at(0).toObject()
                                                                       : m_loaded.value(key::objective).toObject();
    const QString direction = m_direction->currentData().toString();
    if (direction != choice::minimize || loadedFirst.contains(key::direction))
        objective.insert(key::direction, direction);
    const QString use = m_use->currentData().toString();
    if (use != choice::last || loadedFirst.contains(key::use))
        objective.insert(key::use, use);
    // One objective is written as "objective", unless it came as a list of one; several as
    // "objectives", the first from the fields above.
    const QJsonArray extra = m_objectives->extraObjectives();
    if (const QString reference = m_reference->text().trimmed(); !reference.isEmpty()) {
        bool ok = false;
        const double v = reference.toDouble(&ok);
        objective.insert(key::reference, ok ? QJsonValue(v) : QJsonValue(reference));
    }
    if (extra.isEmpty() && !m_loaded.contains(key::objectives)) {
        out.insert(key::objective, objective);
    } else {
        QJsonArray all{objective};
        for (const QJsonValue& o : extra)
            all.append(o);
        out.insert(key::objectives, all);
    }
    if (const QJsonArray constraints = m_objectives->constraints(); !constraints.isEmpty() || given(key::constraints))
        out.insert(key::constraints, constraints);

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
    m_space->setJson(spec.value(key::space).toArray()); // clears the history
    QStringList argv;
    for (const QJsonValue& a : spec.value(key::trial).toObject().value(key::argv).toArray())
        argv << a.toString();
    fill(spec, TrainerForm::isTrainerCommand(argv),
         {key::name, key::description, key::objective, key::objectives, key::constraints, key::algorithm, key::pruner, key::budget,
          key::resources, key::trial, key::executor});
    m_filling = false;
    m_space->undoStack()->clear();
    m_state = snapshot();

    updatePlaceholders();
    updateStatus();
    emit specChanged();
}

void SetupPanel::fill(const QJsonObject& spec, bool trainer, const QStringList& sections)
{
    Q_ASSERT(m_filling);
    if (sections.contains(key::name))
        m_name->setText(spec.value(key::name).toString());
    if (sections.contains(key::description))
        m_description->setText(spec.value(key::description).toString());
    if (sections.contains(key::objective) || sections.contains(key::objectives)) {
        // The first objective in the fields, the others in the table.
        QJsonArray all = spec.value(key::objectives).toArray();
        const QJsonObject objective = spec.contains(key::objectives) ? all.at(0).toObject() : spec.value(key::objective).toObject();
        m_metric->setText(objective.value(key::metric).toString());
        selectData(m_direction, objective.value(key::direction).toString(choice::minimize));
        selectData(m_use, objective.value(key::use).toString(choice::last));
        const QJsonValue reference = objective.value(key::reference);
        m_reference->setText(reference.isDouble() ? engine::numberText(reference.toDouble(), false) : reference.toString());
        if (!all.isEmpty())
            all.removeFirst();
        m_objectives->setExtraObjectives(all);
    }
    if (sections.contains(key::constraints))
        m_objectives->setConstraints(spec.value(key::constraints).toArray());
    if (sections.contains(key::algorithm)) {
        const QJsonObject algorithm = spec.value(key::algorithm).toObject();
        m_algorithm->select(algorithm.value(key::name).toString(kAlgorithmDefaults.name), algorithm.value(key::settings).toObject(), algorithm);
        m_seedGiven->setChecked(algorithm.contains(key::seed));
        if (algorithm.contains(key::seed))
            m_seed->setValue(algorithm.value(key::seed).toDouble());
    }
    if (sections.contains(key::pruner)) {
        const QJsonObject pruner = spec.value(key::pruner).toObject();
        m_pruner->select(pruner.value(key::name).toString(kPrunerDefaults.name), pruner.value(key::settings).toObject(), pruner);
    }
    if (sections.contains(key::budget)) {
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
    }
    if (sections.contains(key::resources))
        m_parallel->setValue(spec.value(key::resources).toObject().value(key::parallelTrials).toInt(kResourcesDefaults.parallelTrials));

    if (sections.contains(key::trial)) {
        const QJsonObject trial = spec.value(key::trial).toObject();
        QStringList argv;
        for (const QJsonValue& a : trial.value(key::argv).toArray())
            argv << a.toString();
        // Both pages hold the command: the one not shown keeps it for a switch of kind.
        m_argv->setArguments(argv);
        m_trainer->setArgv(TrainerForm::isTrainerCommand(argv) ? argv : TrainerForm::defaultArgv());
        m_trainerMode->setChecked(trainer);
        m_commandMode->setChecked(!trainer);
        m_trialPages->setCurrentIndex(trainer ? 1 : 0);
        m_workdir->setText(trial.value(key::workdir).toString());
        m_env->setEnvironment(trial.value(key::env).toObject());
        m_timeoutGiven->setChecked(trial.contains(key::timeoutS));
        if (trial.contains(key::timeoutS))
            m_timeout->setValue(trial.value(key::timeoutS).toDouble());
        m_retries->setValue(trial.value(key::retries).toInt(kTrialDefaults.retries));
    }

    if (sections.contains(key::executor)) {
        const QJsonObject executor = spec.value(key::executor).toObject();
        selectData(m_executor, executor.value(key::type).toString(choice::local));
        m_partition->setText(executor.value(key::partition).toString());
        m_account->setText(executor.value(key::account).toString());
        m_timeLimit->setText(executor.value(key::timeLimit).toString());
        QStringList sbatchArgs;
        for (const QJsonValue& a : executor.value(key::sbatchArgs).toArray())
            sbatchArgs << a.toString();
        m_sbatchArgs->setArguments(sbatchArgs);
    }
}

// One edit of the panel: its part of the spec before and after. Consecutive keystrokes in
// one text field (the same field, focus not moved in between) merge into one step.
class SetupPanel::EditCommand : public QUndoCommand {
public:
    EditCommand(SetupPanel* panel, Snapshot before, Snapshot after, const QString& text, const QObject* field, int focusMoves)
        : QUndoCommand(text), m_panel(panel), m_before(std::move(before)), m_after(std::move(after)), m_field(field),
          m_focusMoves(focusMoves)
    {
    }
    int id() const override { return 0x7b5e; }
    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* next = static_cast<const EditCommand*>(other);
        if (!m_field || next->m_field != m_field || next->m_focusMoves != m_focusMoves || next->m_before != m_after)
            return false;
        m_after = next->m_after;
        setObsolete(m_after == m_before); // typed and erased again: no step at all
        return true;
    }
    // The first redo (from push()) finds the panel already in `after`: apply() does nothing.
    // The history belongs to the space, which may outlive the panel: then there is nothing to apply.
    void redo() override
    {
        if (m_panel)
            m_panel->apply(m_after);
    }
    void undo() override
    {
        if (m_panel)
            m_panel->apply(m_before);
    }

private:
    QPointer<SetupPanel> m_panel;
    Snapshot m_before;
    Snapshot m_after;
    const QObject* m_field; // the text field typed in, or nullptr: never merged
    int m_focusMoves;
};

SetupPanel::Snapshot SetupPanel::snapshot() const
{
    QJsonObject s = spec();
    s.remove(key::space);
    return {s, isTrainerMode()};
}

namespace {

// The top-level keys whose values differ between two specs.
QStringList differingSections(const QJsonObject& a, const QJsonObject& b)
{
    QStringList out;
    for (const QJsonObject* o : {&a, &b})
        for (auto it = o->begin(); it != o->end(); ++it)
            if (!out.contains(it.key()) && a.value(it.key()) != b.value(it.key()))
                out << it.key();
    return out;
}

// What an undo step is called in the Edit menu ("Undo Edit Name").
QString stepText(const QStringList& sections)
{
    if (sections.size() != 1)
        return SetupPanel::tr("Edit Set-up");
    const std::pair<key::Name, const char*> texts[] = {
        {key::name, QT_TRANSLATE_NOOP("tb::widgets::SetupPanel", "Edit Name")},
        {key::description, QT_TRANSLATE_NOOP("tb::widgets::SetupPanel", "Edit Description")},
        {key::objective, QT_TRANSLATE_NOOP("tb::widgets::SetupPanel", "Edit Objective")},
        {key::objectives, QT_TRANSLATE_NOOP("tb::widgets::SetupPanel", "Edit Objectives")},
        {key::constraints, QT_TRANSLATE_NOOP("tb::widgets::SetupPanel", "Edit Constraints")},
        {key::algorithm, QT_TRANSLATE_NOOP("tb::widgets::SetupPanel", "Edit Algorithm")},
        {key::pruner, QT_TRANSLATE_NOOP("tb::widgets::SetupPanel", "Edit Pruner")},
        {key::budget, QT_TRANSLATE_NOOP("tb::widgets::SetupPanel", "Edit Budget")},
        {key::resources, QT_TRANSLATE_NOOP("tb::widgets::SetupPanel", "Edit Trials at Once")},
        {key::trial, QT_TRANSLATE_NOOP("tb::widgets::SetupPanel", "Edit Trial")},
        {key::executor, QT_TRANSLATE_NOOP("tb::widgets::SetupPanel", "Edit Executor")},
    };
    for (const auto& [section, text] : texts)
        if (sections.first() == section)
            return SetupPanel::tr(text);
    return SetupPanel::tr("Edit Set-up");
}

// A field whose keystrokes make one undo step: a line edit, spin box or text box (not the
// editor of a table's cell, which commits once when it closes).
const QObject* typingField(const QWidget* object)
{
    for (const QWidget* w = object; w; w = w->parentWidget())
        if (qobject_cast<const QAbstractItemView*>(w))
            return nullptr;
    if (const auto* edit = qobject_cast<const QLineEdit*>(object))
        if (auto* spin = qobject_cast<const QAbstractSpinBox*>(edit->parent()))
            return spin; // a spin box's own line
    if (qobject_cast<const QLineEdit*>(object) || qobject_cast<const QAbstractSpinBox*>(object) || qobject_cast<const QPlainTextEdit*>(object))
        return object;
    return nullptr;
}

} // namespace

void SetupPanel::record()
{
    Snapshot now = snapshot();
    if (now == m_state)
        return;
    QStringList sections = differingSections(m_state.spec, now.spec);
    if (now.trainer != m_state.trainer && !sections.contains(key::trial))
        sections << key::trial;
    // The field typed in: the focused one, when the change comes from it or from the editor
    // that holds it (the trainer's form); a change from elsewhere (Browse, a combo box)
    // while a field has focus is a step of its own.
    const auto* from = qobject_cast<const QWidget*>(sender());
    QWidget* focus = QApplication::focusWidget();
    const QObject* field = from && focus && (from == focus || from->isAncestorOf(focus)) ? typingField(focus) : nullptr;
    auto* command = new EditCommand(this, m_state, now, stepText(sections), field, m_focusMoves);
    m_state = std::move(now);
    m_space->undoStack()->push(command);
}

void SetupPanel::apply(const Snapshot& target)
{
    QStringList sections = differingSections(m_state.spec, target.spec);
    if (target.trainer != m_state.trainer && !sections.contains(key::trial))
        sections << key::trial;
    if (sections.isEmpty())
        return;
    m_filling = true;
    fill(target.spec, target.trainer, sections);
    m_filling = false;
    m_state = snapshot(); // `target`, as the widgets hold it
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

QString SetupPanel::problem() const
{
    const QJsonObject s = spec();
    const SpecCheck check = checkSpec(s);
    if (check.ok())
        return {};
    return messageInWords(check.message, check.path, [&](const engine::SpecPath& path) { return placeOf(path, s); });
}

QStringList SetupPanel::warnings() const
{
    const QJsonObject trial = spec().value(key::trial).toObject();
    QStringList texts;
    for (const QJsonValue& a : trial.value(key::argv).toArray())
        texts << a.toString();
    if (texts.isEmpty())
        return {}; // no command yet: the status line asks for one
    const QJsonObject env = trial.value(key::env).toObject();
    for (auto it = env.begin(); it != env.end(); ++it)
        texts << it.value().toString();
    QStringList out;
    const QStringList names = m_space->paramNames();
    for (int row = 0; row < names.size(); ++row) {
        const QString placeholder = QStringLiteral("${%1}").arg(names[row]);
        if (names[row].isEmpty() || std::any_of(texts.begin(), texts.end(), [&](const QString& t) { return t.contains(placeholder); }))
            continue;
        out << tr("Parameter %1 (%2) is not used: no argument or environment value of the trial names %3. The trial "
                  "sees it only in $TUNEBENCH_PARAMS.")
                   .arg(row + 1)
                   .arg(names[row], placeholder);
    }
    return out;
}

QString SetupPanel::placeOf(const engine::SpecPath& path, const QJsonObject& spec) const
{
    if (QString inSpace = m_space->model()->placeOf(path); !inSpace.isEmpty())
        return inSpace;
    const auto& parts = path.parts();
    const auto keyAt = [&](std::size_t i) {
        const auto* k = i < parts.size() ? std::get_if<QString>(&parts[i]) : nullptr;
        return k ? *k : QString();
    };
    const auto indexAt = [&](std::size_t i) {
        const auto* n = i < parts.size() ? std::get_if<int>(&parts[i]) : nullptr;
        return n ? *n : -1;
    };
    // The sections as the panel's boxes and rows call them.
    const QString section = keyAt(0);
    const std::pair<key::Name, QString> sections[] = {
        {key::name, tr("Name")},           {key::description, tr("Description")}, {key::objective, tr("Objective")},
        {key::objectives, tr("Objectives")}, {key::constraints, tr("Constraints")},
        {key::algorithm, tr("Algorithm")}, {key::pruner, tr("Pruner")},           {key::budget, tr("Budget")},
        {key::resources, tr("Resources")}, {key::trial, tr("Trial")},             {key::executor, tr("Executor")},
    };
    QString out = section;
    for (const auto& [k, words] : sections)
        if (section == k)
            out = words;
    if (parts.size() < 2)
        return out;
    if ((section == key::objectives || section == key::constraints) && indexAt(1) >= 0) {
        // "objectives[1].metric": "Objective 2, metric", as the row in the table.
        const QString item = section == key::objectives ? tr("Objective %1").arg(indexAt(1) + 1) : tr("Constraint %1").arg(indexAt(1) + 1);
        if (keyAt(2).isEmpty())
            return item;
        // The key's words as "%1, %2" gives them after an empty section name.
        return item + placeOf(engine::SpecPath{QString(), keyAt(2)}, spec);
    }

    const QString k = keyAt(1);
    const int entry = indexAt(2);
    QString what = k; // a key without an editor: the name the file uses
    if (k == key::settings && !keyAt(2).isEmpty())
        what = tr("setting %1").arg(keyAt(2));
    else if (k == key::argv && entry >= 0) {
        QString argument = spec.value(key::trial).toObject().value(key::argv).toArray().at(entry).toString();
        if (argument.size() > 40)
            argument = argument.left(39) + QChar(0x2026);
        what = argument.isEmpty() ? tr("argument %1").arg(entry + 1) : tr("argument %1 (%2)").arg(entry + 1).arg(argument);
    } else if (k == key::command && entry >= 0)
        what = tr("command word %1").arg(entry + 1);
    else if (k == key::env && !keyAt(2).isEmpty())
        what = tr("variable %1").arg(keyAt(2));
    else if (k == key::sbatchArgs && entry >= 0)
        what = tr("sbatch option %1").arg(entry + 1);
    else if (k == key::metrics && keyAt(2) == key::patterns && indexAt(3) >= 0)
        what = tr("metrics pattern %1").arg(indexAt(3) + 1);
    else {
        const std::pair<key::Name, QString> keys[] = {
            {key::metric, tr("metric")},          {key::direction, tr("direction")},     {key::use, tr("use")},
            {key::reference, tr("reference")},    {key::min, tr("at least")},            {key::max, tr("at most")},
            {key::seed, tr("seed")},              {key::settings, tr("settings")},       {key::command, tr("command")},
            {key::workdir, tr("working directory")}, {key::timeoutS, tr("time-out")},    {key::maxTrials, tr("trials")},
            {key::maxFailed, tr("failed trials")}, {key::maxSeconds, tr("wall time")},   {key::parallelTrials, tr("trials at once")},
            {key::argv, tr("command")},           {key::env, tr("environment")},         {key::retries, tr("retries")},
            {key::type, tr("kind")},              {key::partition, tr("partition")},     {key::account, tr("account")},
            {key::timeLimit, tr("time limit")},   {key::sbatchArgs, tr("sbatch options")},
        };
        for (const auto& [name, words] : keys)
            if (k == name)
                what = words;
        if (section == key::algorithm && k == key::name)
            return out; // "Algorithm: unknown algorithm 'x'"
        if (section == key::pruner && k == key::name)
            return out;
    }
    return tr("%1, %2").arg(out, what);
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
    const QString message = problem();
    // A set-up nobody has touched yet (nothing loaded, no edit) is not wrong, only empty:
    // it says what to do, in grey; the parser's verdict shows from the first edit on.
    const bool untouched = m_loaded.isEmpty() && undoStack()->count() == 0;
    if (untouched && !message.isEmpty()) {
        m_status->setText(tr("Give the experiment a name, the parameters to tune and the trial's command, or start from an example "
                             "(File > Import Spec, or the welcome page)."));
        m_status->setStyleSheet(QStringLiteral("color: #707070;"));
    } else {
        m_status->setText(message.isEmpty() ? tr("The spec is valid.") : message);
        m_status->setStyleSheet(message.isEmpty() ? QStringLiteral("color: #207020;") : QStringLiteral("color: #c00000;"));
    }
    if (m_algorithm->name() != QLatin1String("auto")) {
        m_autoPlan->hide();
    } else if (message.isEmpty()) { // an invalid spec keeps the last plan, so that nothing below it jumps while typing
        const QStringList plan = autoPlanText(spec());
        m_autoPlan->setText(plan.join(QLatin1Char('\n')));
        m_autoPlan->setVisible(!plan.isEmpty());
    }
    const QStringList notes = warnings();
    m_warnings->setText(notes.join(QLatin1Char('\n')));
    m_warnings->setVisible(!notes.isEmpty());
}

void SetupPanel::edited()
{
    if (m_filling)
        return;
    record();
    updateStatus();
    emit specChanged();
}

} // namespace tb::widgets
