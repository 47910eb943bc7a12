#pragma once
// Experiment set-up: everything in a spec except the search space, which it takes from a
// SpaceEditor that may live anywhere in the window. Algorithm and pruner settings are
// forms generated from the registries. The trial is either a command (argv template,
// working directory, environment) or the built-in trainer (TrainerForm).
//
// spec() writes each key that setSpec() was given or that differs from its default, so a
// loaded spec comes back unchanged; validate() is the spec parser's verdict on spec().
//
// One undo history covers the whole set-up (undoStack(), the space's QUndoStack): the space
// model pushes its own commands, and every other edit pushes the panel's spec without the
// space (and the trial's kind) as it was before and after. Keystrokes in one field merge
// into one step until focus moves; undoing a step puts back exactly the spec() it had.
// setSpec() starts a new history.
//
// The status line gives the parser's verdict in the set-up's words (problem()), and below it
// warnings that do not stop a launch (warnings()). Combo and spin boxes change on the wheel
// only once they have focus (WheelGuard).
//
// Threading: GUI thread only.

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class QStackedWidget;
class QUndoStack;

namespace tb::engine {
class SpecPath;
}

namespace tb::widgets {

class AlgorithmChooser;
class ArgvEditor;
class EnvEditor;
class NumberSpinBox;
class ObjectivesEditor;
class SettingsForm;
class SpaceEditor;
class TrainerForm;

class SetupPanel : public QWidget {
    Q_OBJECT
public:
    // `space` is not owned; it must outlive the panel.
    explicit SetupPanel(SpaceEditor* space, QWidget* parent = nullptr);
    ~SetupPanel() override;

    QJsonObject spec() const;
    void setSpec(const QJsonObject& spec); // a spec whose argv[0] is tunebench-train opens the trainer form

    // The parser's message for spec() (as `tunebench-cli run` would check it), or empty.
    QString validate() const;
    // The same verdict in the set-up's words, as the status line shows it: the place as the
    // panel and the space table show it ("Parameter 3 (lr), low", "Trial, argument 2"), not
    // the JSON path ("space[2].low", "trial.argv[1]"); empty when the spec is valid.
    QString problem() const;
    // Likely mistakes that do not stop a launch: parameters that no argument or environment
    // value of the trial names as ${name}.
    QStringList warnings() const;

    bool isTrainerMode() const;
    void setTrainerMode(bool on);

    SpaceEditor* spaceEditor() const { return m_space; }
    // The one undo history of the whole set-up (the window's Edit menu drives it).
    QUndoStack* undoStack() const;
    TrainerForm* trainerForm() const { return m_trainer; }
    ArgvEditor* commandEditor() const { return m_argv; }
    SettingsForm* algorithmSettings() const; // the form of the selected algorithm
    SettingsForm* prunerSettings() const;

signals:
    void specChanged();

private:
    // The panel's part of the spec (all of it but the space) and the trial's kind.
    struct Snapshot {
        QJsonObject spec;
        bool trainer = false;
        bool operator==(const Snapshot&) const = default;
    };
    class EditCommand;

    QWidget* buildExperiment();
    QWidget* buildAlgorithm();
    QWidget* buildBudget();
    QWidget* buildTrial();
    QWidget* buildExecutor();

    void edited();
    Snapshot snapshot() const;
    // Pushes the step from the last recorded state to the widgets' state, if they differ.
    void record();
    // Undo and redo: sets the widgets of the sections that differ, without recording.
    void apply(const Snapshot& target);
    // Sets the widgets of the spec's top-level `sections` from `spec` (not the space).
    void fill(const QJsonObject& spec, bool trainer, const QStringList& sections);
    QString placeOf(const engine::SpecPath& path, const QJsonObject& spec) const;
    void updatePlaceholders();
    void updateStatus();
    void onModeToggled();
    bool given(const QString& object, const QString& key = {}) const;
    // The loaded spec's keys of `object` that no editor of this panel has (metrics formats,
    // GPU resources, workers...): kept as they were, so that import -> export loses nothing.
    QJsonObject unedited(const QString& object, const QStringList& edited) const;

    SpaceEditor* m_space;
    QJsonObject m_loaded; // the last setSpec() input: which keys were given

    QLineEdit* m_name;
    QLineEdit* m_description;
    QLineEdit* m_metric;
    QComboBox* m_direction;
    QComboBox* m_use;
    QLineEdit* m_reference;         // the first objective's hypervolume reference (several objectives)
    ObjectivesEditor* m_objectives; // the objectives after the first, and the constraints

    AlgorithmChooser* m_algorithm;
    AlgorithmChooser* m_pruner;
    QCheckBox* m_seedGiven;
    NumberSpinBox* m_seed;

    QCheckBox* m_maxTrialsGiven;
    QSpinBox* m_maxTrials;
    QCheckBox* m_maxFailedGiven;
    QSpinBox* m_maxFailed;
    QCheckBox* m_maxSecondsGiven;
    NumberSpinBox* m_maxSeconds;
    QSpinBox* m_parallel;

    QRadioButton* m_commandMode;
    QRadioButton* m_trainerMode;
    QStackedWidget* m_trialPages;
    ArgvEditor* m_argv;
    QLineEdit* m_workdir;
    EnvEditor* m_env;
    TrainerForm* m_trainer;
    QCheckBox* m_timeoutGiven;
    NumberSpinBox* m_timeout;
    QSpinBox* m_retries;

    QComboBox* m_executor;
    QLineEdit* m_partition;
    QLineEdit* m_account;
    QLineEdit* m_timeLimit;
    ArgvEditor* m_sbatchArgs;

    QLabel* m_status;
    QLabel* m_warnings;
    QLabel* m_autoPlan = nullptr; // what `auto` will do with this space (autoPlanText)
    bool m_filling = false;
    Snapshot m_state; // as of the last recorded step, setSpec() or undo/redo
    int m_focusMoves = 0; // steps merge only while focus stays in one field
};

} // namespace tb::widgets
