// Editing the experiment set-up as a user does (issue 21, point 5): one undo history for the
// whole set-up, a mouse wheel that never changes an editor without focus, command lines
// pasted into argument rows, messages in the set-up's words, a warning for a parameter the
// trial never gets, buttons that stay put; and (point 2) every key of a loaded spec kept
// through an edit. Real SetupPanel and SpaceEditor in a shown window, driven by key, mouse,
// wheel and clipboard events.

#include "widgets/command_editors.h"
#include "widgets/settings_form.h"
#include "widgets/setup_panel.h"
#include "widgets/space_editor.h"
#include "widgets/space_model.h"
#include "widgets/trainer_form.h"
#include "widgets/wheel_guard.h"

#include "engine/core/errors.h"
#include "engine/core/spec.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDirIterator>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QPushButton>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>
#include <QWheelEvent>
#include <QtTest/qtestspontaneevent.h>
#include <functional>

using namespace tb::widgets;
namespace key = tb::engine::key;

namespace {

QJsonObject object(const char* json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("bad test JSON: %s in %s", qPrintable(error.errorString()), json);
    return doc.object();
}

QByteArray text(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject readSpec(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString examplesFolder()
{
    return QFINDTESTDATA("../../resources/examples");
}

QJsonObject demoSpec()
{
    return readSpec(examplesFolder() + QStringLiteral("/demo.json"));
}

QToolButton* buttonWithText(QWidget* root, const QString& label)
{
    for (QToolButton* b : root->findChildren<QToolButton*>())
        if (b->text() == label)
            return b;
    return nullptr;
}

// Turns the mouse wheel over `target` as a mouse would: the window gets a spontaneous wheel
// event at that point and Qt delivers it to the widget under it (its focus policy included).
void turnWheel(QWidget* target, int notches)
{
    QWidget* window = target->window();
    const QPoint local = target->rect().center();
    QWheelEvent event(QPointF(target->mapTo(window, local)), QPointF(target->mapToGlobal(local)), QPoint(),
                      QPoint(0, 120 * notches), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QSpontaneKeyEvent::setSpontaneous(&event);
    qApp->notify(window->windowHandle(), &event); // as QTest delivers input: sendEvent() would make it non-spontaneous
}

// Clicks into a field and types, as a user does.
void typeInto(QWidget* field, const QString& typed)
{
    QTest::mouseClick(field, Qt::LeftButton, {}, field->rect().center());
    QTest::keyClicks(field, typed);
}

// Replaces a spin box's text by typing (Enter commits a box that does not track keys).
void typeNumber(QAbstractSpinBox* box, const QString& typed)
{
    box->setFocus(Qt::TabFocusReason);
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, typed);
    QTest::keyClick(box, Qt::Key_Return);
}

// A set-up as the window holds it: the space editor and the panel side by side in a
// splitter, in a shown, active window small enough that the panel scrolls.
struct Workbench {
    QSplitter window;
    SpaceEditor* space;
    SetupPanel* panel;

    explicit Workbench(const QSize& size = QSize(900, 500))
    {
        space = new SpaceEditor(&window);
        panel = new SetupPanel(space, &window);
        window.addWidget(space);
        window.addWidget(panel);
        window.resize(size);
        window.show();
        window.activateWindow();
    }

    template <typename T>
    T* find(const QString& name) const
    {
        T* w = window.findChild<T*>(name);
        if (!w)
            qFatal("no widget %s", qPrintable(name));
        return w;
    }
    QUndoStack* stack() const { return panel->undoStack(); }
    void scrollTo(QWidget* w) const { panel->findChild<QScrollArea*>()->ensureWidgetVisible(w, 10, 60); }
};

// The keys the spec parser accepts in an object, as its unknown-key message lists them.
QStringList knownKeys(QJsonObject spec, const QStringList& at)
{
    // Puts an unknown key into the object at `at` (a path of object keys).
    std::function<QJsonObject(QJsonObject, int)> inject = [&](QJsonObject o, int depth) {
        if (depth == at.size()) {
            o.insert(QStringLiteral("zz_unknown"), 1);
            return o;
        }
        o.insert(at[depth], inject(o.value(at[depth]).toObject(), depth + 1));
        return o;
    };
    try {
        tb::engine::parseSpec(inject(spec, 0));
    } catch (const tb::engine::SpecError& e) {
        const QString message = QString::fromUtf8(e.what());
        const qsizetype from = message.indexOf(QStringLiteral("known keys: "));
        if (from >= 0)
            return message.mid(from + 12).split(QStringLiteral(", "));
        qWarning("%s", qPrintable(message));
    }
    return {};
}

// Every key an object of `spec` has at `at`.
QStringList keysAt(const QJsonObject& spec, const QStringList& at)
{
    QJsonObject o = spec;
    for (const QString& k : at)
        o = o.value(k).toObject();
    return o.keys();
}

const char* const kMetricPattern = "(?<name>\\w+)=(?<value>\\S+)";

// Specs that together set every key the parser knows (knownKeys checks that they do).
QList<QJsonObject> everyKeySpecs()
{
    QJsonObject gpus = object(R"({"name": "every-key", "description": "all of it",
        "objective": {"metric": "acc", "direction": "maximize", "use": "best", "reference": 0},
        "space": [{"name": "lr", "type": "float", "low": 0.001, "high": 0.1, "log": true},
                  {"name": "units", "type": "int", "low": 8, "high": 64, "step": 8},
                  {"name": "mix", "type": "float", "low": 0, "high": 1, "values": [0, 0.5, 1]},
                  {"name": "opt", "type": "categorical", "choices": ["adam", "sgd"]},
                  {"name": "momentum", "type": "float", "low": 0.5, "high": 0.9, "when": {"opt": ["sgd"]}},
                  {"name": "depth", "type": "fixed", "value": 3}],
        "algorithm": {"name": "tpe", "seed": 42, "settings": {"n_startup_trials": 5, "multivariate": false}},
        "pruner": {"name": "median", "settings": {"n_warmup_steps": 2}},
        "budget": {"max_trials": 50, "max_failed": 5, "max_seconds": 7200.5},
        "resources": {"parallel_trials": 2, "telemetry_hz": 4, "gpus": [0, 1], "gpus_per_trial": 1, "trials_per_gpu": 2,
                      "min_free_memory_mb": 2048, "skip_busy_gpus": true, "priority": 5},
        "trial": {"argv": ["python3", "train.py", "--lr=${lr}", "--units", "${units}", "--mix=${mix}", "--opt=${opt}",
                           "--momentum=${momentum}", "--out", "${trial.dir}"],
                  "workdir": "/tmp/work", "env": {"DEPTH": "${depth}", "RUN": "${trial.id}"}, "timeout_s": 600, "retries": 1,
                  "max_metric_rows": 10000, "max_log_mb": 16, "workers": 1, "metrics_rank": 0,
                  "metrics": {"format": "regex", "tensorboard": true}},
        "executor": {"type": "slurm", "partition": "gpu", "account": "ml", "time_limit": "02:00:00",
                     "sbatch_args": ["--qos=low", "--mem=16G"]}})");
    QJsonObject trial = gpus.value(key::trial).toObject();
    QJsonObject metrics = trial.value(key::metrics).toObject();
    metrics.insert(key::patterns, QJsonArray{QString::fromLatin1(kMetricPattern)});
    trial.insert(key::metrics, metrics);
    gpus.insert(key::trial, trial);

    const QJsonObject workers = object(R"({"name": "workers", "objective": {"metric": "loss"},
        "space": [{"name": "lr", "type": "float", "low": 0.001, "high": 0.1}],
        "algorithm": {"name": "external", "seed": 3, "command": ["python3", "my sampler.py", "--fast"], "workdir": "/tmp/s",
                      "timeout_s": 30, "settings": {"sampler": "tpe", "k": [1, 2]}},
        "pruner": {"name": "external", "command": ["python3", "my_pruner.py"], "workdir": "/tmp/p", "timeout_s": 5,
                   "settings": {"patience": 3}},
        "resources": {"gpus": "all", "gpus_per_worker": 1},
        "trial": {"argv": ["torchrun-free", "--lr", "${lr}", "--rank", "${trial.rank}"], "workers": 2, "metrics_rank": 1,
                  "metrics": {"format": "json_lines", "tensorboard": false}},
        "executor": {"type": "local"}})");
    // Several objectives (with a reference point) and constraints, on a random search.
    const QJsonObject several = object(R"({"name": "several",
        "objectives": [{"metric": "loss", "reference": 2.5}, {"metric": "acc", "direction": "maximize", "use": "best", "reference": 0}],
        "constraints": [{"metric": "mem", "max": 10}, {"metric": "acc", "min": 0.25, "max": 1}],
        "space": [{"name": "lr", "type": "float", "low": 0.001, "high": 0.1}],
        "algorithm": {"name": "random", "seed": 4},
        "trial": {"argv": ["train", "--lr=${lr}"]}})");
    return {gpus, workers, several};
}

} // namespace

class TestSetupEditing : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    // ---- Point 5.1: one undo history for the whole set-up -------------------------------
    void undoAndRedoCoverEveryEdit()
    {
        Workbench w;
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        w.panel->setSpec(demoSpec());
        QUndoStack* stack = w.stack();
        QCOMPARE(stack->count(), 0);
        QCOMPARE(stack, w.space->undoStack()); // the space's steps and the panel's are one history

        QList<QJsonObject> specs{w.panel->spec()};
        auto step = [&](const char* what) {
            specs << w.panel->spec();
            QVERIFY2(specs.last() != specs.at(specs.size() - 2), what);
            QVERIFY2(stack->count() == specs.size() - 1, qPrintable(QStringLiteral("%1: %2 steps for %3 edits").arg(what).arg(stack->count()).arg(specs.size() - 1)));
        };

        typeInto(w.find<QLineEdit>("experimentName"), QStringLiteral("-v2"));
        step("name");
        QCOMPARE(stack->undoText(), QStringLiteral("Edit Name"));
        typeInto(w.find<QLineEdit>("description"), QStringLiteral(" Again."));
        step("description");
        auto* direction = w.find<QComboBox>("direction");
        direction->setFocus();
        QTest::keyClick(direction, Qt::Key_Down);
        step("direction");
        auto* algorithm = w.find<QComboBox>("algorithm");
        algorithm->setCurrentIndex(algorithm->findData(QStringLiteral("grid")));
        step("algorithm");
        typeNumber(qobject_cast<QSpinBox*>(w.panel->algorithmSettings()->editor(QStringLiteral("steps"))), QStringLiteral("12"));
        step("algorithm setting");
        w.scrollTo(w.find<QCheckBox>("seedGiven"));
        QTest::mouseClick(w.find<QCheckBox>("seedGiven"), Qt::LeftButton);
        step("seed");
        auto* pruner = w.find<QComboBox>("pruner");
        pruner->setCurrentIndex(pruner->findData(QStringLiteral("median")));
        step("pruner");
        w.scrollTo(w.find<QCheckBox>("maxFailedGiven"));
        QTest::mouseClick(w.find<QCheckBox>("maxFailedGiven"), Qt::LeftButton);
        step("max failed on");
        typeNumber(w.find<QSpinBox>("maxFailed"), QStringLiteral("37"));
        step("max failed");
        auto* parallel = w.find<QSpinBox>("parallelTrials");
        parallel->setFocus();
        QTest::keyClick(parallel, Qt::Key_Up);
        step("trials at once");
        auto* arguments = w.panel->commandEditor()->findChild<QListWidget*>(QStringLiteral("arguments"));
        w.scrollTo(arguments);
        arguments->setFocus();
        QTest::keyClick(arguments, Qt::Key_A, Qt::ControlModifier);
        QGuiApplication::clipboard()->setText(
            QStringLiteral("python3 train.py --lr=${lr} --layers ${layers} --optimizer=${optimizer} --momentum=${momentum}"));
        QTest::keyClick(arguments, Qt::Key_V, Qt::ControlModifier);
        step("pasted command");
        QCOMPARE(w.panel->commandEditor()->arguments().size(), 7);
        QTest::mouseClick(buttonWithText(w.space, QStringLiteral("Add")), Qt::LeftButton);
        step("space: parameter added");
        typeInto(w.find<QLineEdit>("workdir"), QStringLiteral("/tmp/w"));
        step("working directory");
        auto* env = w.find<QTableWidget>("environment");
        QTest::mouseClick(buttonWithText(w.find<EnvEditor>("env"), QStringLiteral("+")), Qt::LeftButton);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape); // the new row's editor
        env->item(0, 0)->setText(QStringLiteral("PARAM"));
        step("environment variable");
        env->item(0, 1)->setText(QStringLiteral("${param}"));
        step("environment value");
        w.scrollTo(w.find<QCheckBox>("timeoutGiven"));
        QTest::mouseClick(w.find<QCheckBox>("timeoutGiven"), Qt::LeftButton);
        step("time-out off");
        auto* retries = w.find<QSpinBox>("retries");
        retries->setFocus();
        QTest::keyClick(retries, Qt::Key_Up);
        step("retries");
        auto* trainerMode = w.find<QRadioButton>("trainerMode");
        w.scrollTo(trainerMode);
        QTest::mouseClick(trainerMode, Qt::LeftButton);
        step("trainer mode");
        QVERIFY(w.panel->isTrainerMode());
        auto* lr = qobject_cast<QLineEdit*>(w.panel->trainerForm()->field(QStringLiteral("lr")));
        QVERIFY(lr);
        w.scrollTo(lr);
        lr->setFocus();
        QTest::keyClick(lr, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(lr, QStringLiteral("${lr}"));
        step("trainer's learning rate");
        auto* executor = w.find<QComboBox>("executor");
        executor->setCurrentIndex(executor->findData(QStringLiteral("slurm")));
        step("executor");
        typeInto(w.find<QLineEdit>("partition"), QStringLiteral("gpu"));
        step("partition");
        QCOMPARE(w.panel->validate(), QString());

        // Undo walks back through every step to the loaded spec, exactly.
        for (int i = specs.size() - 2; i >= 0; --i) {
            QVERIFY(stack->canUndo());
            stack->undo();
            QCOMPARE(text(w.panel->spec()), text(specs[i]));
            QCOMPARE(stack->count(), specs.size() - 1); // applying a step records nothing
        }
        QVERIFY(!stack->canUndo());
        QVERIFY(!w.panel->isTrainerMode());
        // And redo forward again.
        for (int i = 1; i < specs.size(); ++i) {
            QVERIFY(stack->canRedo());
            stack->redo();
            QCOMPARE(text(w.panel->spec()), text(specs[i]));
        }
        QVERIFY(w.panel->isTrainerMode());
    }

    void typingMergesUntilFocusMoves()
    {
        Workbench w;
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        w.panel->setSpec(demoSpec());
        QUndoStack* stack = w.stack();
        auto* name = w.find<QLineEdit>("experimentName");
        auto* metric = w.find<QLineEdit>("metric");
        typeInto(name, QStringLiteral("abc"));
        QCOMPARE(stack->count(), 1);
        typeInto(metric, QStringLiteral("_x"));
        QCOMPARE(stack->count(), 2);
        typeInto(name, QStringLiteral("d"));
        QCOMPARE(stack->count(), 3); // focus moved in between: a step of its own
        QCOMPARE(name->text(), QStringLiteral("demoabcd"));
        stack->undo();
        QCOMPARE(name->text(), QStringLiteral("demoabc"));
        stack->undo();
        QCOMPARE(metric->text(), QStringLiteral("loss"));
        stack->undo();
        QCOMPARE(name->text(), QStringLiteral("demo"));
        QCOMPARE(text(w.panel->spec()), text(demoSpec()));

        // Typed and erased again in one go: no step is left.
        stack->clear();
        typeInto(name, QStringLiteral("z"));
        QTest::keyClick(name, Qt::Key_Backspace);
        QCOMPARE(name->text(), QStringLiteral("demo"));
        QCOMPARE(stack->count(), 0);
    }

    void loadingStartsANewHistory()
    {
        Workbench w;
        w.panel->setSpec(demoSpec());
        w.find<QLineEdit>("experimentName")->setText(QStringLiteral("other"));
        w.space->model()->addParam();
        QCOMPARE(w.stack()->count(), 2);
        QSignalSpy changed(w.panel, &SetupPanel::specChanged);
        w.panel->setSpec(demoSpec());
        QCOMPARE(w.stack()->count(), 0);
        QVERIFY(!w.stack()->canUndo());
        QCOMPARE(changed.size(), 1);
        // Undo and redo tell the window the spec changed.
        w.find<QLineEdit>("experimentName")->setText(QStringLiteral("x"));
        changed.clear();
        w.stack()->undo();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(w.find<QLineEdit>("experimentName")->text(), QStringLiteral("demo"));
    }

    // ---- Point 5.1: buttons that do not move ----------------------------------------------
    void buttonsStayPut()
    {
        Workbench w(QSize(1100, 900));
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        w.panel->setSpec(demoSpec());
        QList<QWidget*> buttons;
        for (QToolButton* b : w.space->findChildren<QToolButton*>())
            if (b->isVisibleTo(w.space)) // not the choices' + and -: a float parameter has none
                buttons << b;
        for (QToolButton* b : w.panel->findChildren<QToolButton*>())
            if (b->isVisibleTo(w.panel))
                buttons << b;
        QVERIFY(buttons.size() >= 7 + 5 + 1 + 2 + 5);
        // Each button's place in the window, named by its text and its editor.
        auto positions = [&] {
            // Layouts settle through posted requests, nested ones (the scroll area's) one round later.
            for (int round = 0; round < 4; ++round)
                QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QStringList out;
            for (QWidget* b : buttons) {
                const QRect at(b->mapTo(&w.window, QPoint()), b->size());
                out << QStringLiteral("%1 of %2 at %3,%4 %5x%6")
                           .arg(static_cast<QToolButton*>(b)->text(), b->parentWidget()->objectName())
                           .arg(at.x())
                           .arg(at.y())
                           .arg(at.width())
                           .arg(at.height());
            }
            return out;
        };
        const QStringList before = positions();

        // Undo and Redo name long steps; Remove and Up are disabled and enabled.
        w.space->setCurrentRow(0);
        QJsonObject p = w.space->model()->param(0);
        p.insert(key::name, QStringLiteral("a_very_long_parameter_name_for_the_undo_text"));
        w.space->model()->setParam(0, p, QStringLiteral("Rename lr to a_very_long_parameter_name_for_the_undo_text"));
        QVERIFY(w.stack()->undoText().contains(QStringLiteral("a_very_long")));
        QCOMPARE(positions(), before);
        w.space->setCurrentRow(-1);
        QCOMPARE(positions(), before);
        w.stack()->undo();
        QVERIFY(w.stack()->canRedo());
        QCOMPARE(positions(), before);
        // A paste that fails says so under the list, without moving a button.
        QVERIFY(!w.panel->commandEditor()->pasteCommandLine(QStringLiteral("python3 'unclosed")));
        QVERIFY(!w.panel->commandEditor()->pasteProblem().isEmpty());
        QCOMPARE(positions(), before);
        // The external sampler's form complains while its settings are typed.
        auto* algorithm = w.find<QComboBox>("algorithm");
        const QString demoAlgorithm = algorithm->currentData().toString();
        algorithm->setCurrentIndex(algorithm->findData(QStringLiteral("external")));
        const QStringList external = positions();
        w.panel->findChild<QLineEdit*>(QStringLiteral("externalCommand"))->setText(QStringLiteral("python3 s.py"));
        QCOMPARE(positions(), external);
        algorithm->setCurrentIndex(algorithm->findData(demoAlgorithm));
        QCOMPARE(positions(), before);

        // In the trainer's form, a hint about task and model comes and goes above the
        // working directory's and the environment's buttons.
        w.panel->setTrainerMode(true);
        const QStringList trainer = positions();
        auto* task = qobject_cast<QComboBox*>(w.panel->trainerForm()->field(QStringLiteral("task")));
        auto* model = qobject_cast<QComboBox*>(w.panel->trainerForm()->field(QStringLiteral("model")));
        QVERIFY(task && model);
        model->setCurrentText(QStringLiteral("cnn")); // the cnn model needs the idx task
        QVERIFY(!w.panel->findChild<QLabel*>(QStringLiteral("trainer-hint"))->text().isEmpty());
        QCOMPARE(positions(), trainer);
        model->setCurrentText(QStringLiteral("mlp"));
        QVERIFY(w.panel->findChild<QLabel*>(QStringLiteral("trainer-hint"))->text().isEmpty());
        QCOMPARE(positions(), trainer);
    }

    // Under the algorithm, what `auto` will do with this space (issue 18: the GUI says why).
    void autoPlanIsShownForAuto()
    {
        Workbench w(QSize(1100, 900));
        w.panel->setSpec(demoSpec());
        auto* plan = w.panel->findChild<QLabel*>(QStringLiteral("autoPlan"));
        auto* algorithm = w.find<QComboBox>("algorithm");
        algorithm->setCurrentIndex(algorithm->findData(QStringLiteral("auto")));
        QVERIFY(plan->isVisibleTo(w.panel));
        // The demo's 4-dimensional conditional space, 30 trials: the plan stops at the budget.
        QCOMPARE(plan->text(), QStringLiteral("Trials 1-10: sobol (Sobol start: point 1 of 10)\n"
                                              "Trials 11-30: gp (4-dimensional space with conditional parameters, 10 trials so far; "
                                              "GP until 200 trials, then TPE)"));
        // It follows the budget and the settings.
        auto* budget = w.find<QSpinBox>("maxTrials");
        budget->setValue(300);
        QCOMPARE(plan->text().split(QLatin1Char('\n')).value(2),
                 QStringLiteral("Trials 201-300: tpe (4-dimensional space with conditional parameters, 200 trials so far; TPE after 200 trials)"));
        algorithm->setCurrentIndex(algorithm->findData(QStringLiteral("tpe")));
        QVERIFY(!plan->isVisibleTo(w.panel));
        algorithm->setCurrentIndex(algorithm->findData(QStringLiteral("auto")));
        QVERIFY(plan->isVisibleTo(w.panel));
    }

    // ---- Point 5.2: the wheel ---------------------------------------------------------------
    void wheelScrollsInsteadOfChangingUnfocusedEditors()
    {
        Workbench w(QSize(1000, 400));
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        w.panel->setSpec(demoSpec());
        QScrollBar* bar = w.panel->findChild<QScrollArea*>()->verticalScrollBar();
        QVERIFY(bar->maximum() > 0);

        // A settings form built after the panel (grid's) is guarded as well as the fixed ones.
        auto* algorithm = w.find<QComboBox>("algorithm");
        algorithm->setCurrentIndex(algorithm->findData(QStringLiteral("grid")));
        auto* steps = qobject_cast<QSpinBox*>(w.panel->algorithmSettings()->editor(QStringLiteral("steps")));
        QVERIFY(steps);
        // (The algorithm's combo box comes last: turned with focus, it leaves grid's form.)
        const QList<QWidget*> editors{w.find<QComboBox>("direction"), steps, w.find<QSpinBox>("parallelTrials"),
                                      w.find<QDoubleSpinBox>("timeout"), w.find<QSpinBox>("retries"), w.find<QComboBox>("executor"),
                                      algorithm};
        for (QWidget* editor : editors) {
            const QString name = editor->objectName();
            QVERIFY2(WheelGuard::isGuarded(editor), qPrintable(name));
            w.find<QLineEdit>("experimentName")->setFocus(); // focus elsewhere
            w.scrollTo(editor);
            bar->setValue(std::min(bar->maximum(), bar->value() + 20) - 10); // room both ways
            w.scrollTo(editor);
            QVERIFY2(bar->value() > 0 && bar->value() < bar->maximum(), qPrintable(name));
            const QByteArray spec = text(w.panel->spec());
            const int scrolled = bar->value();
            const int recorded = w.stack()->count();
            // Up for a spin box, to the next item for a combo box: a change either way.
            const int notch = qobject_cast<QAbstractSpinBox*>(editor) ? 1 : -1;
            turnWheel(editor, notch);
            QVERIFY2(!editor->hasFocus(), qPrintable(name));
            QCOMPARE(text(w.panel->spec()), spec);
            QCOMPARE(w.stack()->count(), recorded);
            QVERIFY2(notch > 0 ? bar->value() < scrolled : bar->value() > scrolled, qPrintable(name)); // the form scrolled instead
            // With focus, the wheel is the editor's.
            w.scrollTo(editor);
            QTest::mouseClick(editor, Qt::LeftButton, {}, QPoint(4, editor->height() / 2));
            if (auto* combo = qobject_cast<QComboBox*>(editor))
                combo->hidePopup();
            editor->setFocus();
            QVERIFY2(editor->hasFocus(), qPrintable(name));
            const QByteArray focused = text(w.panel->spec());
            turnWheel(editor, notch);
            QVERIFY2(text(w.panel->spec()) != focused, qPrintable(name));
        }

        // The space editor's type combo too.
        w.space->setCurrentRow(0);
        auto* type = w.space->findChild<QComboBox*>(QString(key::type));
        QVERIFY(WheelGuard::isGuarded(type));
        const QByteArray space = QJsonDocument(w.space->toJson()).toJson();
        w.find<QLineEdit>("experimentName")->setFocus();
        turnWheel(type, -1);
        QCOMPARE(QJsonDocument(w.space->toJson()).toJson(), space);
    }

    // ---- Point 5.3: command lines pasted into rows --------------------------------------------
    void splitCommandLine_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("plain") << "python3 train.py --lr=${lr}" << QStringList{"python3", "train.py", "--lr=${lr}"};
        QTest::newRow("double quotes") << "run --name \"my run\" x" << QStringList{"run", "--name", "my run", "x"};
        QTest::newRow("single quotes") << "echo 'a b' '$HOME \\n'" << QStringList{"echo", "a b", "$HOME \\n"};
        QTest::newRow("the brief's") << "python3 train.py --lr=${lr} --name \"my run\" 'a b'"
                                     << QStringList{"python3", "train.py", "--lr=${lr}", "--name", "my run", "a b"};
        QTest::newRow("backslash outside quotes") << "a\\ b c\\\"d \\\\e" << QStringList{"a b", "c\"d", "\\e"};
        QTest::newRow("backslash in double quotes") << "\"a\\\"b\\\\c\\$d\\x\"" << QStringList{"a\"b\\c$d\\x"};
        QTest::newRow("joined quotes") << "--opt=\"a b\"'c d'e" << QStringList{"--opt=a bc de"};
        QTest::newRow("blanks and lines") << "  a\t b \n c  " << QStringList{"a", "b", "c"};
        QTest::newRow("continued lines") << "python3 train.py \\\n  --lr ${lr}" << QStringList{"python3", "train.py", "--lr", "${lr}"};
        QTest::newRow("empty words dropped") << "a '' \"\" b" << QStringList{"a", "b"};
        QTest::newRow("comment") << "a b # the rest\nc d#e" << QStringList{"a", "b", "c", "d#e"};
        QTest::newRow("no shell: operators are words") << "a | b > out" << QStringList{"a", "|", "b", ">", "out"};
        QTest::newRow("placeholders untouched") << "\"${trial.dir}/out\" $lr" << QStringList{"${trial.dir}/out", "$lr"};
        QTest::newRow("nothing") << "   " << QStringList{};
    }

    void splitCommandLine()
    {
        QFETCH(QString, line);
        QFETCH(QStringList, arguments);
        const SplitCommand split = tb::widgets::splitCommandLine(line);
        QCOMPARE(split.problem, QString());
        QCOMPARE(split.arguments, arguments);
    }

    void splitCommandLineRejects_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("problem");
        QTest::newRow("single quote") << "python3 'a b" << "The command line has a ' quote that is never closed.";
        QTest::newRow("double quote") << "python3 \"a b" << "The command line has a \" quote that is never closed.";
        QTest::newRow("escaped closing quote") << "run \"a\\\"" << "The command line has a \" quote that is never closed.";
    }

    void splitCommandLineRejects()
    {
        QFETCH(QString, line);
        QFETCH(QString, problem);
        const SplitCommand split = tb::widgets::splitCommandLine(line);
        QCOMPARE(split.problem, problem);
        QCOMPARE(split.arguments, QStringList());
    }

    void pasteIntoTheArgumentList()
    {
        Workbench w;
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        QJsonObject spec = demoSpec();
        w.panel->setSpec(spec);
        ArgvEditor* editor = w.panel->commandEditor();
        auto* list = editor->findChild<QListWidget*>(QStringLiteral("arguments"));
        QVERIFY(list);
        w.scrollTo(list);
        const QStringList loaded = editor->arguments();

        // Ctrl+V on the list, one row selected: the pasted words replace it.
        list->setFocus();
        list->setCurrentRow(1);
        QGuiApplication::clipboard()->setText(QStringLiteral("--lr ${lr} --name \"my run\" ''"));
        const int steps = w.stack()->count();
        QTest::keyClick(list, Qt::Key_V, Qt::ControlModifier);
        QStringList expected = loaded;
        expected.replace(1, QStringLiteral("--lr"));
        expected.insert(2, QStringLiteral("${lr}"));
        expected.insert(3, QStringLiteral("--name"));
        expected.insert(4, QStringLiteral("my run"));
        QCOMPARE(editor->arguments(), expected);
        QCOMPARE(list->count(), expected.size()); // one row each, the empty word dropped
        QCOMPARE(w.panel->spec().value(key::trial).toObject().value(key::argv).toArray().size(), expected.size());
        QCOMPARE(w.stack()->count(), steps + 1); // one paste, one step
        w.stack()->undo();
        QCOMPARE(editor->arguments(), loaded);

        // Ctrl+A then Paste: the pasted command is the whole command.
        list->setFocus();
        QTest::keyClick(list, Qt::Key_A, Qt::ControlModifier);
        QGuiApplication::clipboard()->setText(QStringLiteral("python3 train.py \\\n  --lr=${lr}"));
        QTest::mouseClick(editor->findChild<QToolButton*>(QStringLiteral("pasteCommandLine")), Qt::LeftButton);
        QCOMPARE(editor->arguments(), QStringList({"python3", "train.py", "--lr=${lr}"}));
        QCOMPARE(editor->pasteProblem(), QString());

        // An unterminated quote pastes nothing and says why.
        QGuiApplication::clipboard()->setText(QStringLiteral("python3 'my run"));
        list->setFocus();
        QTest::keyClick(list, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(editor->arguments(), QStringList({"python3", "train.py", "--lr=${lr}"}));
        QCOMPARE(editor->pasteProblem(), QStringLiteral("The command line has a ' quote that is never closed."));
        auto* problem = editor->findChild<QLabel*>(QStringLiteral("pasteProblem"));
        QVERIFY(problem && problem->isVisible() && problem->text().contains(QStringLiteral("never closed")));

        // While a row is being edited, Ctrl+V pastes text into that row (no splitting).
        list->setCurrentRow(2);
        list->editItem(list->item(2));
        auto* rowEditor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(rowEditor);
        QGuiApplication::clipboard()->setText(QStringLiteral(" a b"));
        QTest::keyClick(rowEditor, Qt::Key_End);
        QTest::keyClick(rowEditor, Qt::Key_V, Qt::ControlModifier);
        QTest::keyClick(rowEditor, Qt::Key_Return);
        QTRY_COMPARE(editor->arguments(), QStringList({"python3", "train.py", "--lr=${lr} a b"}));
        QCOMPARE(editor->pasteProblem(), QString()); // an edit that worked clears the old complaint
    }

    void rowsLeftEmptyAreDropped()
    {
        Workbench w;
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        w.panel->setSpec(demoSpec());
        ArgvEditor* editor = w.panel->commandEditor();
        auto* list = editor->findChild<QListWidget*>(QStringLiteral("arguments"));
        const QStringList loaded = editor->arguments();
        const int steps = w.stack()->count();
        w.scrollTo(list);
        list->setCurrentRow(0);
        QTest::mouseClick(buttonWithText(editor, QStringLiteral("+")), Qt::LeftButton);
        QCOMPARE(list->count(), loaded.size() + 1); // an empty row, being edited
        QCOMPARE(editor->arguments(), loaded);
        auto* rowEditor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(rowEditor);
        QTest::keyClick(rowEditor, Qt::Key_Escape);
        QTRY_COMPARE(list->count(), loaded.size()); // gone once its editor closed
        QCOMPARE(editor->arguments(), loaded);
        QCOMPARE(w.stack()->count(), steps);

        // A row emptied by editing goes too.
        list->setCurrentRow(1);
        list->editItem(list->item(1));
        rowEditor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(rowEditor);
        QTest::keyClick(rowEditor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(rowEditor, Qt::Key_Delete);
        QTest::keyClick(rowEditor, Qt::Key_Return); // the view commits it from its event loop
        QStringList expected = loaded;
        expected.removeAt(1);
        QTRY_COMPARE(editor->arguments(), expected);
        QTRY_COMPARE(list->count(), expected.size());
        QVERIFY(!text(w.panel->spec()).contains("\"\""));

        // An empty argument a loaded spec gives is the spec's: kept.
        QJsonObject spec = demoSpec();
        QJsonObject trial = spec.value(key::trial).toObject();
        trial.insert(key::argv, QJsonArray{"prog", "--name", "", "--x=${lr}"});
        spec.insert(key::trial, trial);
        w.panel->setSpec(spec);
        QCOMPARE(editor->arguments(), QStringList({"prog", "--name", "", "--x=${lr}"}));
    }

    // ---- Point 5.4: messages in the set-up's words --------------------------------------------
    void messagesInTheSetupsWords_data()
    {
        QTest::addColumn<QJsonObject>("patch"); // top-level keys replaced in the demo spec
        QTest::addColumn<QString>("shown");
        QTest::newRow("parameter's own check")
            << object(R"({"space": [{"name": "lr", "type": "float", "low": 1e-5, "high": 1, "log": true},
                                    {"name": "layers", "type": "int", "low": 1, "high": 8},
                                    {"name": "momentum", "type": "float", "low": 0.9, "high": 0.5}]})")
            << "Parameter 3 (momentum): high must be greater than low, got low 0.9, high 0.5 (use type 'fixed' for a constant)";
        QTest::newRow("parameter's key")
            << object(R"({"space": [{"name": "lr", "type": "float", "low": "small", "high": 1}]})")
            << "Parameter 1 (lr), low: expected a number, got \"small\"";
        QTest::newRow("duplicate names the other row")
            << object(R"({"space": [{"name": "lr", "type": "float", "low": 0, "high": 1},
                                    {"name": "lr", "type": "float", "low": 0, "high": 1}]})")
            << "Parameter 2 (lr): duplicate name (also parameter 1); names must be unique";
        QTest::newRow("a choice")
            << object(R"({"space": [{"name": "opt", "type": "categorical", "choices": ["a", [1]]}]})")
            << "Parameter 1 (opt), choice 2: expected a string, number or boolean, got an array";
        QTest::newRow("a condition value")
            << object(R"({"space": [{"name": "opt", "type": "categorical", "choices": ["a"]},
                                    {"name": "m", "type": "float", "low": 0, "high": 1, "when": {"opt": ["a", null]}}]})")
            << "Parameter 2 (m), condition value 2: expected a string, number or boolean, got null";
        QTest::newRow("the program") << object(R"({"trial": {"argv": ["", "--lr=${lr}"]}})")
                                     << "Trial, argument 1: the program name is empty";
        QTest::newRow("an argument") << object(R"({"trial": {"argv": ["python3", "--lr=${rate}"]}})")
                                     << "Trial, argument 2 (--lr=${rate}): unknown placeholder ${rate}; known: lr, layers, "
                                        "optimizer, momentum, trial.id, trial.dir, trial.rank";
        QTest::newRow("an environment variable") << object(R"({"trial": {"argv": ["p"], "env": {"X": "${nope}"}}})")
                                                 << "Trial, variable X: unknown placeholder ${nope}; known: lr, layers, "
                                                    "optimizer, momentum, trial.id, trial.dir, trial.rank";
        QTest::newRow("resources") << object(R"({"resources": {"parallel_trials": 2, "trials_per_gpu": 2}})")
                                   << "Resources, trials_per_gpu: only applies with resources.gpus (\"all\" or a list) or "
                                      "gpus_per_trial >= 1";
        QTest::newRow("a setting") << object(R"({"algorithm": {"name": "tpe", "settings": {"n_ei_candidates": 0}}})")
                                   << "Algorithm, setting n_ei_candidates: must be at least 1, got 0";
        QTest::newRow("executor") << object(R"({"executor": {"type": "slurm", "time_limit": "2h"}})")
                                  << "Executor, time limit: expected \"HH:MM:SS\" or \"D-HH:MM:SS\", got \"2h\"";
        QTest::newRow("an objective") << object(R"({"objective": null, "objectives": [{"metric": "loss"}, {"metric": "loss"}]})")
                                      << "Objective 2, metric: \"loss\" is objective 1's metric already; each objective needs a metric of its own";
        QTest::newRow("a constraint") << object(R"({"constraints": [{"metric": "mem"}]})")
                                      << "Constraint 1: give \"min\", \"max\" or both: the bounds the metric must keep";
        QTest::newRow("sbatch option") << object(R"({"executor": {"type": "slurm", "sbatch_args": ["--qos=x", "--job-name=y"]}})")
                                       << "Executor, sbatch option 2: --job-name=y is set by Tunebench (output files, job "
                                          "name); remove it";
    }

    void messagesInTheSetupsWords()
    {
        QFETCH(QJsonObject, patch);
        QFETCH(QString, shown);
        QJsonObject spec = demoSpec();
        for (auto it = patch.begin(); it != patch.end(); ++it)
            if (it.value().isNull())
                spec.remove(it.key()); // a key the patch takes away
            else
                spec.insert(it.key(), it.value());
        Workbench w;
        w.panel->setSpec(spec);
        const QString raw = w.panel->validate();
        QVERIFY(!raw.isEmpty());
        QCOMPARE(w.panel->problem(), shown);
        auto* status = w.find<QLabel>("specStatus");
        QCOMPARE(status->text(), shown);
        // No JSON path is left for the user to decode.
        for (const char* path : {"space[", "argv[", "trial.", "algorithm.", "budget.", "executor.", "sbatch_args["})
            QVERIFY2(!status->text().contains(QLatin1String(path)) || raw.count(QLatin1String(path)) > 1, path);
        // The space editor's own line says the same about the space.
        if (spec.value(key::space) != demoSpec().value(key::space)) {
            auto* spaceError = w.space->findChild<QLabel*>(QStringLiteral("spaceError"));
            QCOMPARE(spaceError->text(), shown);
            QCOMPARE(w.space->model()->data(w.space->model()->index(w.space->model()->errorRow(), 0), Qt::ToolTipRole).toString(),
                     shown);
        }
    }

    // ---- Point 1: no red errors before the user did anything ---------------------------------
    void freshSetupIsQuietUntilEdited()
    {
        Workbench w;
        auto* status = w.find<QLabel>("specStatus");
        auto* spaceError = w.space->findChild<QLabel*>(QStringLiteral("spaceError"));
        const QString red = QStringLiteral("#c00000");
        // Nothing entered yet: hints, not errors (and the parser still refuses a launch).
        QVERIFY(!w.panel->validate().isEmpty());
        QVERIFY2(!status->styleSheet().contains(red), qPrintable(status->text()));
        QVERIFY(!status->text().isEmpty());
        QVERIFY2(!spaceError->styleSheet().contains(red), qPrintable(spaceError->text()));
        // The first edit shows the parser's verdict, in red.
        typeInto(w.find<QLineEdit>("experimentName"), QStringLiteral("x"));
        QVERIFY(status->styleSheet().contains(red));
        QCOMPARE(status->text(), w.panel->problem());
        // A parameter that is wrong is an error; an empty space again only a hint.
        w.space->model()->addParam();
        QJsonObject bad = w.space->model()->param(0);
        bad.insert(key::low, 2);
        w.space->model()->setParam(0, bad);
        QVERIFY(spaceError->isVisibleTo(w.space));
        QVERIFY(spaceError->styleSheet().contains(red));
        w.space->model()->removeParam(0);
        QVERIFY(!spaceError->styleSheet().contains(red));
        // A loaded spec with a problem shows it at once.
        Workbench loaded;
        QJsonObject spec = demoSpec();
        spec.insert(key::name, QString());
        loaded.panel->setSpec(spec);
        QVERIFY(loaded.find<QLabel>("specStatus")->styleSheet().contains(red));
    }

    // ---- Point 5.5: a parameter the trial never names -----------------------------------------
    void unusedParameterIsAWarning()
    {
        Workbench w;
        QJsonObject spec = demoSpec();
        QJsonObject trial = spec.value(key::trial).toObject();
        trial.insert(key::argv, QJsonArray{"tunebench-demo-objective", "--lr=${lr}", "--optimizer=${optimizer}"});
        trial.insert(key::env, QJsonObject{{"LAYERS", "${layers}"}});
        spec.insert(key::trial, trial);
        w.panel->setSpec(spec);
        auto* warnings = w.find<QLabel>("specWarnings");
        const QString momentum = QStringLiteral("Parameter 4 (momentum) is not used: no argument or environment value of the "
                                                "trial names ${momentum}. The trial sees it only in $TUNEBENCH_PARAMS.");
        QCOMPARE(w.panel->warnings(), QStringList{momentum}); // layers is named by the environment
        QVERIFY(warnings->isVisibleTo(w.panel));
        QCOMPARE(warnings->text(), momentum);
        // A warning, not an error: the spec can be launched.
        QCOMPARE(w.panel->validate(), QString());
        QCOMPARE(w.find<QLabel>("specStatus")->text(), QStringLiteral("The spec is valid."));

        // Naming it in an argument clears the warning; a new parameter brings one.
        w.panel->commandEditor()->pasteCommandLine(QStringLiteral("--momentum=${momentum}"));
        QCOMPARE(w.panel->warnings(), QStringList());
        QVERIFY(warnings->isHidden());
        w.space->model()->addParam();
        QCOMPARE(w.panel->warnings().size(), 1);
        QVERIFY(w.panel->warnings().first().startsWith(QStringLiteral("Parameter 5 (param) is not used")));
        QVERIFY(warnings->text().contains(QStringLiteral("${param}")));

        // The trainer's form: its learning rate field names ${lr}, or not.
        QJsonObject trainer = demoSpec();
        trainer.insert(key::space, QJsonArray{QJsonObject{{"name", "lr"}, {"type", "float"}, {"low", 0.001}, {"high", 0.1}}});
        QJsonObject trainerTrial;
        trainerTrial.insert(key::argv, QJsonArray{"tunebench-train", "--task", "spirals", "--lr", "${lr}"});
        trainer.insert(key::trial, trainerTrial);
        w.panel->setSpec(trainer);
        QVERIFY(w.panel->isTrainerMode());
        QCOMPARE(w.panel->warnings(), QStringList());
        auto* lr = qobject_cast<QLineEdit*>(w.panel->trainerForm()->field(QStringLiteral("lr")));
        lr->setText(QStringLiteral("0.01"));
        QCOMPARE(w.panel->warnings().size(), 1);
        QVERIFY(w.panel->warnings().first().startsWith(QStringLiteral("Parameter 1 (lr) is not used")));
        QCOMPARE(w.panel->validate(), QString());
    }

    // ---- Point 2: import, edit, export keeps every key ----------------------------------------
    void everyKeySpecCoversTheParser()
    {
        // The generated specs set every key the parser accepts, as its own messages list them.
        const QList<QJsonObject> specs = everyKeySpecs();
        for (const QJsonObject& spec : specs)
            QVERIFY2(tb::engine::parseSpec(spec).name.size() > 0, spec.value(key::name).toString().toUtf8());
        const QList<QStringList> objects{{},
                                         {QString(key::objective)},
                                         {QString(key::algorithm)},
                                         {QString(key::pruner)},
                                         {QString(key::budget)},
                                         {QString(key::resources)},
                                         {QString(key::trial)},
                                         {QString(key::trial), QString(key::metrics)},
                                         {QString(key::executor)}};
        for (const QStringList& at : objects) {
            QSet<QString> known;
            QSet<QString> given;
            for (const QJsonObject& spec : specs) {
                for (const QString& k : knownKeys(spec, at))
                    known.insert(k);
                for (const QString& k : keysAt(spec, at))
                    given.insert(k);
            }
            QVERIFY2(!known.isEmpty(), qPrintable(at.join('.')));
            const QSet<QString> missing = known - given;
            QVERIFY2(missing.isEmpty(), qPrintable(at.join('.') + QStringLiteral(": ") + QStringList(missing.values()).join(", ")));
        }
        QSet<QString> paramKeys;
        for (const QJsonValue& p : specs.first().value(key::space).toArray())
            for (const QString& k : p.toObject().keys())
                paramKeys.insert(k);
        for (tb::algorithms::ParamType type : tb::engine::kParamTypes)
            for (key::Name k : tb::engine::paramKeys(type))
                QVERIFY2(paramKeys.contains(k), k.data());
    }

    // Several objectives and constraints in their tables, numbers as written; a row added
    // in the table makes the spec's "objectives" (issue 17).
    void objectivesAndConstraintsInTheirTables()
    {
        Workbench w;
        w.panel->setSpec(everyKeySpecs()[2]);
        auto* objectives = w.panel->findChild<QTableWidget*>(QStringLiteral("moreObjectives"));
        auto* constraints = w.panel->findChild<QTableWidget*>(QStringLiteral("constraints"));
        QCOMPARE(objectives->rowCount(), 1);
        QCOMPARE(objectives->item(0, 0)->text(), QStringLiteral("acc"));
        QCOMPARE(objectives->item(0, 3)->text(), QStringLiteral("0"));
        QCOMPARE(w.find<QLineEdit>("reference")->text(), QStringLiteral("2.5"));
        QCOMPARE(constraints->rowCount(), 2);
        QCOMPARE(constraints->item(1, 1)->text(), QStringLiteral("0.25")); // not 0.25000000000000001
        QCOMPARE(constraints->item(0, 1)->text(), QString());
        // From one objective to two: the spec says "objectives", the first from the fields.
        w.panel->setSpec(demoSpec());
        QVERIFY(w.panel->spec().contains(QStringLiteral("objective")));
        for (QPushButton* b : w.panel->findChildren<QPushButton*>())
            if (b->text() == QStringLiteral("Add objective"))
                b->click();
        objectives->item(0, 0)->setText(QStringLiteral("seconds"));
        const QJsonObject spec = w.panel->spec();
        QVERIFY(!spec.contains(QStringLiteral("objective")));
        QCOMPARE(spec.value(QStringLiteral("objectives")).toArray().size(), 2);
        QCOMPARE(spec.value(QStringLiteral("objectives")).toArray()[1].toObject(), (QJsonObject{{QStringLiteral("metric"), QStringLiteral("seconds")}}));
        QCOMPARE(w.panel->problem(), QString());
        w.stack()->undo();
        w.stack()->undo();
        QVERIFY(w.panel->spec().contains(QStringLiteral("objective")));
    }

    void importEditExportKeepsEveryKey_data()
    {
        QTest::addColumn<QJsonObject>("spec");
        QDirIterator files(examplesFolder(), {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
        int examples = 0;
        while (files.hasNext()) {
            const QString path = files.next();
            QTest::newRow(qPrintable(QDir(examplesFolder()).relativeFilePath(path))) << readSpec(path);
            ++examples;
        }
        QVERIFY(examples >= 3);
        for (const QJsonObject& spec : everyKeySpecs())
            QTest::newRow(qPrintable(QStringLiteral("generated: ") + spec.value(key::name).toString())) << spec;
    }

    void importEditExportKeepsEveryKey()
    {
        QFETCH(QJsonObject, spec);
        Workbench w;
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        w.panel->setSpec(spec);
        QCOMPARE(text(w.panel->spec()), text(spec));
        // Edit the name through its field: only the name changes.
        typeInto(w.find<QLineEdit>("experimentName"), QStringLiteral("-2"));
        QJsonObject expected = spec;
        expected.insert(key::name, spec.value(key::name).toString() + QStringLiteral("-2"));
        QCOMPARE(text(w.panel->spec()), text(expected));
        // And trials at once, through its spin box.
        auto* parallel = w.find<QSpinBox>("parallelTrials");
        w.scrollTo(parallel);
        parallel->setFocus();
        QTest::keyClick(parallel, Qt::Key_Up);
        QJsonObject resources = expected.value(key::resources).toObject();
        resources.insert(key::parallelTrials, resources.value(key::parallelTrials).toInt(1) + 1);
        expected.insert(key::resources, resources);
        QCOMPARE(text(w.panel->spec()), text(expected));
        // Undone, the spec is the file again.
        w.stack()->undo();
        w.stack()->undo();
        QCOMPARE(text(w.panel->spec()), text(spec));
    }
};

QTEST_MAIN(TestSetupEditing)
#include "tst_setup_editing.moc"
