#pragma once
// Experiment set-up: everything in a spec except the search space, which it takes from a
// SpaceEditor that may live anywhere in the window. Algorithm and pruner settings are
// forms generated from the registries. The trial is either a command (argv template,
// working directory, environment) or the built-in trainer (TrainerForm).
//
// spec() writes each key that setSpec() was given or that differs from its default, so a
// loaded spec comes back unchanged; validate() is the spec parser's verdict on spec().
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

namespace tb::widgets {

class AlgorithmChooser;
class ArgvEditor;
class EnvEditor;
class NumberSpinBox;
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
    QWidget* buildExperiment();
    QWidget* buildAlgorithm();
    QWidget* buildBudget();
    QWidget* buildTrial();
    QWidget* buildExecutor();

    void edited();
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
    bool m_filling = false;
};

} // namespace tb::widgets
