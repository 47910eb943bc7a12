// The experiment editors: the search-space editor and the set-up panel. Both must give
// back exactly the JSON they were given, show the spec parser's own messages, and (the
// space editor) undo and redo every edit to the exact JSON of each step.

#include "widgets/command_editors.h"
#include "widgets/prior_preview.h"
#include "widgets/settings_form.h"
#include "widgets/setup_panel.h"
#include "widgets/space_editor.h"
#include "widgets/space_model.h"
#include "widgets/trainer_form.h"

#include "algorithms/sampler.h"
#include "engine/core/errors.h"
#include "engine/core/spec.h"
#include "engine/train/flags.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTranslator>
#include <QUndoStack>
#include <map>
#include <numeric>

using namespace tb::widgets;

namespace {

QJsonArray array(const char* json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        qFatal("bad test JSON: %s in %s", qPrintable(error.errorString()), json);
    return doc.array();
}

QJsonObject object(const char* json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("bad test JSON: %s in %s", qPrintable(error.errorString()), json);
    return doc.object();
}

QByteArray text(const QJsonArray& a)
{
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

QByteArray text(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

const char* const kDemoSpace = R"([
    {"name": "lr", "type": "float", "low": 1e-5, "high": 1.0, "log": true},
    {"name": "layers", "type": "int", "low": 1, "high": 8},
    {"name": "optimizer", "type": "categorical", "choices": ["adam", "sgd"]},
    {"name": "momentum", "type": "float", "low": 0.5, "high": 0.99, "when": {"optimizer": ["sgd"]}}])";

QJsonObject demoSpec()
{
    QFile file(QFINDTESTDATA("../../resources/examples/demo.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read resources/examples/demo.json");
    return QJsonDocument::fromJson(file.readAll()).object();
}

// Edits the selected parameter through the detail form, as a user would: `widget` is the
// form field's objectName; lists take "index=text" (edit a choice) or the text of the
// condition value to toggle.
void edit(SpaceEditor& editor, const QString& widget, const QString& value)
{
    QWidget* w = editor.findChild<QWidget*>(widget);
    QVERIFY2(w, qPrintable(widget));
    if (auto* line = qobject_cast<QLineEdit*>(w)) {
        line->setText(value);
        emit line->editingFinished();
    } else if (auto* check = qobject_cast<QCheckBox*>(w)) {
        check->setChecked(value == QLatin1String("true"));
    } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
        const int index = combo->findData(value);
        QVERIFY2(index >= 0, qPrintable(value));
        combo->setCurrentIndex(index);
        emit combo->activated(index);
    } else if (auto* list = qobject_cast<QListWidget*>(w)) {
        if (widget == QLatin1String("choices")) {
            const qsizetype eq = value.indexOf(QLatin1Char('='));
            list->item(value.left(eq).toInt())->setText(value.mid(eq + 1));
        } else {
            const auto items = list->findItems(value, Qt::MatchExactly);
            QCOMPARE(items.size(), 1);
            items.first()->setCheckState(items.first()->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
        }
    } else {
        QFAIL("unsupported widget");
    }
}

} // namespace

class TestEditors : public QObject {
    Q_OBJECT
private slots:
    // ---- SpaceEditor: JSON round trip --------------------------------------------------
    void spaceRoundTrip_data()
    {
        QTest::addColumn<QJsonArray>("space");
        QTest::newRow("demo: log, int, categorical, conditional") << array(kDemoSpace);
        QTest::newRow("steps") << array(R"([{"name": "units", "type": "int", "low": 16, "high": 256, "step": 16},
            {"name": "dropout", "type": "float", "low": 0, "high": 0.5, "step": 0.1}])");
        QTest::newRow("log int, explicit log false") << array(R"([{"name": "batch", "type": "int", "low": 1, "high": 1024, "log": true},
            {"name": "wd", "type": "float", "low": 0, "high": 0.1, "log": false}])");
        QTest::newRow("categorical with mixed types") << array(R"([{"name": "mix", "type": "categorical",
            "choices": ["adam", 1, 2.5, true, false, "1", "true", "", " padded", -3]}])");
        QTest::newRow("fixed values") << array(R"([{"name": "s", "type": "fixed", "value": "text"},
            {"name": "n", "type": "fixed", "value": 3}, {"name": "b", "type": "fixed", "value": true},
            {"name": "x", "type": "fixed", "value": 0.125}])");
        QTest::newRow("grid values") << array(R"([{"name": "lr", "type": "float", "low": 0.001, "high": 0.1, "values": [0.001, 0.01, 0.1]},
            {"name": "m", "type": "float", "values": [0.5, 0.9, 0.99]}])");
        QTest::newRow("nested conditions, parent after child, scalar when") << array(R"([
            {"name": "momentum", "type": "float", "low": 0.5, "high": 0.99, "when": {"optimizer": "sgd"}},
            {"name": "nesterov", "type": "categorical", "choices": [true, false], "when": {"optimizer": ["sgd"]}},
            {"name": "dampening", "type": "float", "low": 0, "high": 0.2, "when": {"nesterov": [false]}},
            {"name": "optimizer", "type": "categorical", "choices": ["adam", "sgd", "rmsprop"]},
            {"name": "rho", "type": "float", "low": 0.8, "high": 0.99, "when": {"optimizer": ["rmsprop", "adam"]}},
            {"name": "mode", "type": "fixed", "value": "train"},
            {"name": "warmup", "type": "int", "low": 0, "high": 10, "when": {"mode": ["train"]}}])");
        QTest::newRow("numeric condition values") << array(R"([{"name": "depth", "type": "categorical", "choices": [2, 4, 8]},
            {"name": "width", "type": "int", "low": 8, "high": 64, "step": 8, "when": {"depth": [4, 8]}}])");
    }

    void spaceRoundTrip()
    {
        QFETCH(QJsonArray, space);
        SpaceEditor editor;
        editor.setJson(space);
        QCOMPARE(text(editor.toJson()), text(space));
        QCOMPARE(editor.toJson(), space);
        QCOMPARE(editor.errorMessage(), QString());
        QCOMPARE(editor.model()->rowCount(), space.size());
        QCOMPARE(editor.undoStack()->count(), 0);

        // Showing each parameter in the form and leaving every field without a change
        // must not touch the JSON either.
        for (int row = 0; row < space.size(); ++row) {
            editor.setCurrentRow(row);
            for (QLineEdit* line : editor.findChildren<QLineEdit*>())
                emit line->editingFinished();
        }
        QCOMPARE(text(editor.toJson()), text(space));
        QCOMPARE(editor.undoStack()->count(), 0);
    }

    // ---- SpaceEditor: edits through the form and the table ----------------------------
    void formEdits_data()
    {
        QTest::addColumn<QJsonArray>("space");
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("widget");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QJsonArray>("expected");

        const QJsonArray demo = array(kDemoSpace);
        auto with = [&](int row, const char* param) {
            QJsonArray a = demo;
            a[row] = object(param);
            return a;
        };
        QTest::newRow("low") << demo << 0 << "low" << "0.001"
                             << with(0, R"({"name": "lr", "type": "float", "low": 0.001, "high": 1.0, "log": true})");
        QTest::newRow("log off") << demo << 0 << "log" << "false"
                                 << with(0, R"({"name": "lr", "type": "float", "low": 1e-5, "high": 1.0})");
        QTest::newRow("step on") << demo << 1 << "step" << "1"
                                 << with(1, R"({"name": "layers", "type": "int", "low": 1, "high": 8, "step": 1})");
        QTest::newRow("grid values") << demo << 3 << "values" << "0.5, 0.9"
                                     << with(3, R"({"name": "momentum", "type": "float", "low": 0.5, "high": 0.99,
                                                    "values": [0.5, 0.9], "when": {"optimizer": ["sgd"]}})");
        QTest::newRow("float to int") << demo << 3 << "type" << "int"
                                      << with(3, R"({"name": "momentum", "type": "int", "low": 0, "high": 1, "when": {"optimizer": ["sgd"]}})");
        QTest::newRow("int to fixed") << demo << 1 << "type" << "fixed"
                                      << with(1, R"({"name": "layers", "type": "fixed", "value": 1})");
        QTest::newRow("fixed to categorical") << array(R"([{"name": "f", "type": "fixed", "value": "x"}])") << 0 << "type"
                                              << "categorical" << array(R"([{"name": "f", "type": "categorical", "choices": ["x"]}])");
        QTest::newRow("fixed value quoted number is a string")
            << array(R"([{"name": "f", "type": "fixed", "value": 1}])") << 0 << "value" << "\"1\""
            << array(R"([{"name": "f", "type": "fixed", "value": "1"}])");
        QTest::newRow("fixed value bool") << array(R"([{"name": "f", "type": "fixed", "value": 1}])") << 0 << "value" << "true"
                                          << array(R"([{"name": "f", "type": "fixed", "value": true}])");
        QTest::newRow("choice edited, typed") << demo << 2 << "choices" << "1=0.5"
                                              << with(2, R"({"name": "optimizer", "type": "categorical", "choices": ["adam", 0.5]})");
        QTest::newRow("condition value added") << demo << 3 << "whenValues" << "adam"
                                               << with(3, R"({"name": "momentum", "type": "float", "low": 0.5, "high": 0.99,
                                                              "when": {"optimizer": ["adam", "sgd"]}})");
        QTest::newRow("condition removed") << demo << 3 << "whenParent" << ""
                                           << with(3, R"({"name": "momentum", "type": "float", "low": 0.5, "high": 0.99})");
        QTest::newRow("condition added (first value checked)")
            << demo << 1 << "whenParent" << "optimizer"
            << with(1, R"({"name": "layers", "type": "int", "low": 1, "high": 8, "when": {"optimizer": ["adam"]}})");
        QJsonArray renamed = demo;
        renamed[2] = object(R"({"name": "opt", "type": "categorical", "choices": ["adam", "sgd"]})");
        renamed[3] = object(R"({"name": "momentum", "type": "float", "low": 0.5, "high": 0.99, "when": {"opt": ["sgd"]}})");
        QTest::newRow("renaming a parent renames the condition") << demo << 2 << "name" << "opt" << renamed;
    }

    void formEdits()
    {
        QFETCH(QJsonArray, space);
        QFETCH(int, row);
        QFETCH(QString, widget);
        QFETCH(QString, value);
        QFETCH(QJsonArray, expected);
        SpaceEditor editor;
        editor.setJson(space);
        editor.setCurrentRow(row);
        QSignalSpy changed(&editor, &SpaceEditor::changed);
        edit(editor, widget, value);
        QCOMPARE(text(editor.toJson()), text(expected));
        QVERIFY(!changed.isEmpty());
        // One edit is one undo step, and undoing it gives the input back exactly.
        QCOMPARE(editor.undoStack()->count(), 1);
        editor.undoStack()->undo();
        QCOMPARE(text(editor.toJson()), text(space));
    }

    void addChoiceAndTableRename()
    {
        SpaceEditor editor;
        editor.setJson(array(kDemoSpace));
        // Renaming in the table goes through the same undo stack.
        SpaceModel* model = editor.model();
        QVERIFY(model->setData(model->index(0, SpaceModel::NameColumn), QStringLiteral("rate")));
        QCOMPARE(editor.toJson()[0].toObject().value("name").toString(), QStringLiteral("rate"));
        QCOMPARE(model->data(model->index(2, SpaceModel::RangeColumn)).toString(), QStringLiteral("adam, sgd"));
        QCOMPARE(model->data(model->index(3, SpaceModel::ConditionColumn)).toString(), QStringLiteral("optimizer in {sgd}"));
        editor.undoStack()->undo();
        QCOMPARE(editor.toJson(), array(kDemoSpace));
    }

    // ---- SpaceEditor: inline validation with the parser's own messages -----------------
    void inlineValidation_data()
    {
        QTest::addColumn<QJsonArray>("space");
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("widget");
        QTest::addColumn<QString>("bad");
        QTest::addColumn<QString>("message"); // the parser's
        QTest::addColumn<QString>("shown");   // in the table's terms
        QTest::addColumn<QString>("fix");

        const QJsonArray demo = array(kDemoSpace);
        QTest::newRow("log needs low > 0") << demo << 0 << "low" << "0" << "space[0] 'lr': log scale needs low > 0, got 0"
                                           << "Parameter 1 (lr): log scale needs low > 0, got 0" << "1e-5";
        QTest::newRow("duplicate name") << demo << 1 << "name" << "lr"
                                        << "space[1] 'lr': duplicate name (also space[0]); names must be unique"
                                        << "Parameter 2 (lr): duplicate name (also parameter 1); names must be unique" << "layers";
        QTest::newRow("high below low") << demo << 3 << "high" << "0.1"
                                        << "space[3] 'momentum': high must be greater than low, got low 0.5, high 0.1 (use type "
                                           "'fixed' for a constant)"
                                        << "Parameter 4 (momentum): high must be greater than low, got low 0.5, high 0.1 (use type "
                                           "'fixed' for a constant)"
                                        << "0.99";
        QTest::newRow("not a number") << demo << 1 << "high" << "eight" << "space[1].high: expected a number, got \"eight\""
                                      << "Parameter 2 (layers), high: expected a number, got \"eight\"" << "8";
        QTest::newRow("step does not divide the range")
            << demo << 1 << "step" << "2" << "space[1] 'layers': the range 1..8 is not a whole number of steps of 2; use high 7"
            << "Parameter 2 (layers): the range 1..8 is not a whole number of steps of 2; use high 7" << "";
        QTest::newRow("condition value not a choice")
            << demo << 2 << "choices" << "1=rmsprop" << "space[3] 'momentum': condition value sgd is not a choice of 'optimizer'"
            << "Parameter 4 (momentum): condition value sgd is not a choice of 'optimizer'" << "1=sgd";
    }

    void inlineValidation()
    {
        QFETCH(QJsonArray, space);
        QFETCH(int, row);
        QFETCH(QString, widget);
        QFETCH(QString, bad);
        QFETCH(QString, message);
        QFETCH(QString, shown);
        QFETCH(QString, fix);
        SpaceEditor editor;
        editor.setJson(space);
        QVERIFY(editor.isValid());
        auto* label = editor.findChild<QLabel*>(QStringLiteral("spaceError"));
        QVERIFY(label);
        QVERIFY(label->isHidden());
        QSignalSpy validity(&editor, &SpaceEditor::validityChanged);

        editor.setCurrentRow(row);
        edit(editor, widget, bad);
        QCOMPARE(editor.errorMessage(), message);
        QCOMPARE(label->text(), shown);
        QVERIFY(!label->isHidden());
        QCOMPARE(validity.size(), 1);
        QCOMPARE(validity.at(0).at(0).toBool(), false);
        QCOMPARE(validity.at(0).at(1).toString(), message);
        // The row the message names is marked.
        const int marked = message.mid(6, message.indexOf(QLatin1Char(']')) - 6).toInt();
        QCOMPARE(editor.model()->errorRow(), marked);
        QVERIFY(editor.model()->data(editor.model()->index(marked, 0), Qt::BackgroundRole).isValid());
        QCOMPARE(editor.model()->data(editor.model()->index(marked, 0), Qt::ToolTipRole).toString(), shown);
        // The message is the parser's, word for word.
        QJsonObject spec{{"name", "x"}, {"objective", QJsonObject{{"metric", "loss"}}}, {"space", editor.toJson()}};
        tb::engine::ParseOptions options;
        options.requireTrial = false;
        QVERIFY_THROWS_EXCEPTION(tb::engine::SpecError, tb::engine::parseSpec(spec, options));

        editor.setCurrentRow(row);
        edit(editor, widget, fix);
        QCOMPARE(editor.errorMessage(), QString());
        QVERIFY(editor.isValid());
        QVERIFY(label->isHidden());
        QCOMPARE(editor.model()->errorRow(), -1);
        QVERIFY(!editor.model()->data(editor.model()->index(marked, 0), Qt::BackgroundRole).isValid());
        QCOMPARE(validity.size(), 2);
        QCOMPARE(validity.at(1).at(0).toBool(), true);
        QCOMPARE(validity.at(1).at(1).toString(), QString());
    }

    void emptySpaceIsReported()
    {
        SpaceEditor editor;
        QCOMPARE(editor.errorMessage(), QStringLiteral("space: is empty; give at least one parameter"));
        editor.model()->addParam();
        QCOMPARE(editor.errorMessage(), QString());
        QCOMPARE(editor.toJson(), array(R"([{"name": "param", "type": "float", "low": 0, "high": 1}])"));
    }

    // ---- SpaceEditor: undo and redo -----------------------------------------------------
    void undoRedoRestoresEveryStep()
    {
        SpaceEditor editor;
        editor.setJson(array(kDemoSpace));
        SpaceModel* model = editor.model();
        QUndoStack* stack = editor.undoStack();

        QVector<QJsonArray> states{editor.toJson()};
        model->addParam();
        states << editor.toJson();
        QCOMPARE(states.last().size(), 5);
        QCOMPARE(states.last()[4].toObject().value("name").toString(), QStringLiteral("param"));
        model->duplicateParam(0);
        states << editor.toJson();
        QCOMPARE(states.last()[1].toObject().value("name").toString(), QStringLiteral("lr_copy"));
        model->moveParam(0, 3);
        states << editor.toJson();
        QCOMPARE(states.last()[3].toObject().value("name").toString(), QStringLiteral("lr"));
        model->removeParam(1);
        states << editor.toJson();
        QCOMPARE(states.last().size(), 5);
        editor.setCurrentRow(model->rowOf(QStringLiteral("lr")));
        edit(editor, QStringLiteral("high"), QStringLiteral("0.5"));
        states << editor.toJson();
        editor.setCurrentRow(model->rowOf(QStringLiteral("param")));
        edit(editor, QStringLiteral("type"), QStringLiteral("categorical"));
        states << editor.toJson();
        // Drag and drop: the dragged row lands in the gap it was dropped on.
        QMimeData* data = model->mimeData({model->index(0, 0)});
        model->dropMimeData(data, Qt::MoveAction, model->rowCount(), 0, {});
        delete data;
        states << editor.toJson();
        QCOMPARE(states.last().last(), states[states.size() - 2].first());

        QCOMPARE(stack->count(), states.size() - 1);
        for (int i = states.size() - 1; i > 0; --i) {
            QCOMPARE(text(editor.toJson()), text(states[i]));
            stack->undo();
        }
        QCOMPARE(text(editor.toJson()), text(states[0]));
        for (int i = 1; i < states.size(); ++i) {
            stack->redo();
            QCOMPARE(text(editor.toJson()), text(states[i]));
        }
    }

    void buttonsAndSelectionFollowEdits()
    {
        SpaceEditor editor;
        editor.setJson(array(kDemoSpace));
        editor.setCurrentRow(1);
        editor.model()->duplicateParam(1);
        QCOMPARE(editor.currentRow(), 2); // the copy is selected
        QCOMPARE(editor.findChild<QLineEdit*>(QStringLiteral("name"))->text(), QStringLiteral("layers_copy"));
        editor.model()->moveParam(2, 0);
        QCOMPARE(editor.currentRow(), 0);
        editor.model()->removeParam(0);
        QCOMPARE(editor.currentRow(), 0);
        QCOMPARE(editor.findChild<QLineEdit*>(QStringLiteral("name"))->text(), QStringLiteral("lr"));
    }

    // ---- Prior preview ------------------------------------------------------------------
    void priorHistograms()
    {
        tb::engine::ParseOptions options;
        options.requireTrial = false;
        const auto spec = tb::engine::parseSpec(
            QJsonObject{{"name", "x"}, {"objective", QJsonObject{{"metric", "loss"}}}, {"space", array(kDemoSpace)}}, options);
        const PriorHistogram lr = priorHistogram(spec.space, 0);
        QVERIFY(lr.logAxis);
        QCOMPARE(lr.counts.size(), 40);
        QCOMPARE(std::accumulate(lr.counts.begin(), lr.counts.end(), 0), 2000);
        // Uniform on the log axis: the lowest and highest decades get about the same share.
        const int low = std::accumulate(lr.counts.begin(), lr.counts.begin() + 8, 0);
        const int high = std::accumulate(lr.counts.end() - 8, lr.counts.end(), 0);
        QVERIFY2(low > 300 && high > 300, qPrintable(QStringLiteral("%1 %2").arg(low).arg(high)));
        const PriorHistogram layers = priorHistogram(spec.space, 1);
        QCOMPARE(layers.labels, QStringList({"1", "2", "3", "4", "5", "6", "7", "8"}));
        const PriorHistogram optimizer = priorHistogram(spec.space, 2);
        QCOMPARE(optimizer.labels, QStringList({"adam", "sgd"}));
        QCOMPARE(optimizer.counts[0] + optimizer.counts[1], 2000);
        QVERIFY(optimizer.counts[0] > 900 && optimizer.counts[1] > 900);

        SpaceEditor editor;
        editor.setJson(array(kDemoSpace));
        auto* preview = editor.findChild<PriorPreview*>();
        QVERIFY(preview);
        editor.setCurrentRow(2);
        QCOMPARE(preview->histogram().labels, QStringList({"adam", "sgd"}));
        editor.setCurrentRow(0);
        edit(editor, QStringLiteral("low"), QStringLiteral("0"));
        QVERIFY(preview->histogram().counts.isEmpty());
        QVERIFY(!preview->problem().isEmpty());
    }

    // ---- SetupPanel ---------------------------------------------------------------------
    void demoSpecRoundTrips()
    {
        SpaceEditor space;
        SetupPanel panel(&space);
        const QJsonObject demo = demoSpec();
        QSignalSpy changed(&panel, &SetupPanel::specChanged);
        panel.setSpec(demo);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(text(panel.spec()), text(demo));
        QCOMPARE(panel.spec(), demo);
        QCOMPARE(space.toJson(), demo.value("space").toArray());
        QCOMPARE(panel.validate(), QString());
        QVERIFY(!panel.isTrainerMode());
    }

    void setupRoundTrip_data()
    {
        QTest::addColumn<QJsonObject>("spec");
        QTest::addColumn<bool>("trainer");
        QTest::newRow("every key") << object(R"({"name": "full", "description": "all keys",
            "objective": {"metric": "accuracy", "direction": "maximize", "use": "best"},
            "space": [{"name": "lr", "type": "float", "low": 0.001, "high": 0.1, "step": 0.001}],
            "algorithm": {"name": "grid", "seed": 123456789012, "settings": {"steps": 5}},
            "pruner": {"name": "none", "settings": {}},
            "budget": {"max_trials": 100, "max_failed": 0, "max_seconds": 3600.5},
            "resources": {"parallel_trials": 8, "gpus": [0, 1], "trials_per_gpu": 2, "min_free_memory_mb": 1000, "skip_busy_gpus": true,
                          "telemetry_hz": 4, "priority": 3},
            "trial": {"argv": ["python3", "train.py", "--lr=${lr}", "--out", "${trial.dir}"], "workdir": "/tmp/work",
                      "env": {"PYTHONHASHSEED": "0", "RUN": "${trial.id}"}, "timeout_s": 90, "retries": 2,
                      "workers": 2, "metrics_rank": 1, "max_metric_rows": 5000, "max_log_mb": 8,
                      "metrics": {"format": "json_lines"}}})")
                                   << false;
        QTest::newRow("minimal") << object(R"({"name": "m", "objective": {"metric": "loss"},
            "space": [{"name": "x", "type": "float", "low": -1, "high": 1}], "trial": {"argv": ["./f", "${x}"]}})")
                                 << false;
        QTest::newRow("defaults spelled out") << object(R"({"name": "d", "objective": {"metric": "loss", "direction": "minimize", "use": "last"},
            "space": [{"name": "x", "type": "float", "low": -1, "high": 1}],
            "algorithm": {"name": "random"}, "pruner": {"name": "none"}, "budget": {}, "resources": {"parallel_trials": 1},
            "trial": {"argv": ["./f"], "env": {}, "retries": 0}})")
                                              << false;
        QTest::newRow("settings at their defaults") << object(R"({"name": "s", "objective": {"metric": "loss"},
            "space": [{"name": "x", "type": "float", "low": 0, "high": 1}],
            "algorithm": {"name": "sobol", "settings": {"scramble": true}}, "trial": {"argv": ["./f"]}})")
                                                    << false;
        QTest::newRow("slurm executor") << object(R"({"name": "c", "objective": {"metric": "loss"},
            "space": [{"name": "x", "type": "float", "low": 0, "high": 1}], "trial": {"argv": ["./f"]},
            "executor": {"type": "slurm", "partition": "gpu", "account": "ml", "time_limit": "1-02:00:00", "sbatch_args": ["--qos=low", "--mem=16G"]}})")
                                        << false;
        QTest::newRow("local executor spelled out") << object(R"({"name": "l", "objective": {"metric": "loss"},
            "space": [{"name": "x", "type": "float", "low": 0, "high": 1}], "trial": {"argv": ["./f"]}, "executor": {"type": "local"}})")
                                                    << false;
        QTest::newRow("ask/tell: no trial") << object(R"({"name": "a", "objective": {"metric": "loss"},
            "space": [{"name": "x", "type": "float", "low": 0, "high": 1}]})")
                                            << false;
        QTest::newRow("trainer") << object(R"({"name": "t", "objective": {"metric": "val_loss"},
            "space": [{"name": "lr", "type": "float", "low": 1e-4, "high": 1e-2, "log": true},
                      {"name": "mb", "type": "categorical", "choices": [2, 4, 8]}],
            "trial": {"argv": ["tunebench-train", "--task=text", "--model", "gpt", "--data", "corpus.txt", "--hidden", "128",
                               "--microbatches", "${mb}", "--schedule", "1f1b", "--stages", "2", "--steps", "200",
                               "--lr", "${lr}", "--resume", "--out", "${trial.dir}"]}})")
                                 << true;
    }

    void setupRoundTrip()
    {
        QFETCH(QJsonObject, spec);
        QFETCH(bool, trainer);
        SpaceEditor space;
        SetupPanel panel(&space);
        panel.setSpec(spec);
        QCOMPARE(text(panel.spec()), text(spec));
        QCOMPARE(panel.isTrainerMode(), trainer);
        // And after a second load (forms left from the first must not leak into the second).
        panel.setSpec(demoSpec());
        panel.setSpec(spec);
        QCOMPARE(text(panel.spec()), text(spec));
    }

    void algorithmFormFollowsTheRegistry()
    {
        using Kind = tb::algorithms::SettingSpec::Kind;
        SpaceEditor space;
        SetupPanel panel(&space);
        QJsonObject spec = demoSpec();
        spec.insert("algorithm", QJsonObject{{"name", "random"}, {"seed", 7}}); // no settings loaded
        panel.setSpec(spec);
        auto* combo = panel.findChild<QComboBox*>(QStringLiteral("algorithm"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), static_cast<int>(tb::algorithms::samplerRegistry().size()) + 1); // and "external"
        QCOMPARE(combo->itemData(combo->count() - 1).toString(), QStringLiteral("external"));
        // Every algorithm gets one editor per declared setting, of the setting's kind.
        for (const auto& info : tb::algorithms::samplerRegistry()) {
            combo->setCurrentIndex(combo->findData(QString::fromStdString(info.name)));
            SettingsForm* form = panel.algorithmSettings();
            QVERIFY(form);
            for (const auto& setting : info.settings) {
                QWidget* w = form->editor(QString::fromStdString(setting.name));
                QVERIFY2(w, setting.name.c_str());
                QVERIFY(w->toolTip().startsWith(QString::fromStdString(setting.help)));
                switch (setting.kind) {
                case Kind::Int: QVERIFY(qobject_cast<QSpinBox*>(w)); break;
                case Kind::Float: QVERIFY(qobject_cast<QDoubleSpinBox*>(w)); break;
                case Kind::Bool: QVERIFY(qobject_cast<QCheckBox*>(w)); break;
                case Kind::String:
                    QVERIFY(setting.choices.empty() ? qobject_cast<QLineEdit*>(w) != nullptr : qobject_cast<QComboBox*>(w) != nullptr);
                    break;
                }
            }
            // Untouched settings are defaults and are not written.
            QVERIFY2(!panel.spec().value("algorithm").toObject().contains("settings"), info.name.c_str());
        }

        QSignalSpy changed(&panel, &SetupPanel::specChanged);
        combo->setCurrentIndex(combo->findData(QStringLiteral("grid")));
        auto* steps = qobject_cast<QSpinBox*>(panel.algorithmSettings()->editor(QStringLiteral("steps")));
        QVERIFY(steps);
        QCOMPARE(steps->maximum(), 1000000);
        steps->setValue(7);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(text(panel.spec().value("algorithm").toObject()), QByteArray(R"({"name":"grid","seed":7,"settings":{"steps":7}})"));

        combo->setCurrentIndex(combo->findData(QStringLiteral("sobol")));
        QVERIFY(!panel.algorithmSettings()->editor(QStringLiteral("steps")));
        auto* scramble = qobject_cast<QCheckBox*>(panel.algorithmSettings()->editor(QStringLiteral("scramble")));
        QVERIFY(scramble);
        QVERIFY(scramble->isChecked());
        scramble->setChecked(false);
        QCOMPARE(text(panel.spec().value("algorithm").toObject()),
                 QByteArray(R"({"name":"sobol","seed":7,"settings":{"scramble":false}})"));
        QCOMPARE(panel.validate(), QString());

        // Back to grid: what was typed there is still there.
        combo->setCurrentIndex(combo->findData(QStringLiteral("grid")));
        QCOMPARE(panel.spec().value("algorithm").toObject().value("settings").toObject().value("steps").toInt(), 7);
    }

    void validateGivesTheParsersMessage_data()
    {
        QTest::addColumn<QJsonObject>("patch");
        QTest::addColumn<QString>("message"); // validate(): the parser's, as tunebench-cli says it
        QTest::addColumn<QString>("shown");   // the status line: the set-up's words
        QTest::newRow("empty name") << object(R"({"name": ""})") << "name: expected a non-empty string, got \"\""
                                    << "Name: expected a non-empty string, got \"\"";
        QTest::newRow("unknown placeholder") << object(R"({"trial": {"argv": ["python3", "--x=${nope}"]}})")
                                             << "trial.argv[1]: unknown placeholder ${nope}; known: lr, layers, optimizer, "
                                                "momentum, trial.id, trial.dir, trial.rank"
                                             << "Trial, argument 2 (--x=${nope}): unknown placeholder ${nope}; known: lr, layers, "
                                                "optimizer, momentum, trial.id, trial.dir, trial.rank";
        QTest::newRow("no trial") << object(R"({"trial": null})")
                                  << "trial: missing; give {\"argv\": [...]} (only `tunebench-cli create` experiments, "
                                     "driven by ask/tell, may omit it)"
                                  << "Trial: missing; give {\"argv\": [...]} (only `tunebench-cli create` experiments, "
                                     "driven by ask/tell, may omit it)";
        QTest::newRow("bad space") << object(R"({"space": [{"name": "lr", "type": "float", "low": 0, "high": 1, "log": true}]})")
                                   << "space[0] 'lr': log scale needs low > 0, got 0" << "Parameter 1 (lr): log scale needs low > 0, got 0";
        const QString algorithms = [] {
            QStringList names;
            for (const auto& info : tb::algorithms::samplerRegistry())
                names << QString::fromStdString(info.name);
            return names.join(", ") + ", external";
        }();
        QTest::newRow("unknown algorithm") << object(R"({"algorithm": {"name": "annealing"}})")
                                           << "algorithm.name: unknown algorithm 'annealing'; known: " + algorithms
                                           << "Algorithm: unknown algorithm 'annealing'; known: " + algorithms;
        QTest::newRow("unknown setting") << object(R"({"algorithm": {"name": "random", "settings": {"steps": 3}}})")
                                         << "algorithm.settings.steps: unknown setting; this one takes no settings"
                                         << "Algorithm, setting steps: unknown setting; this one takes no settings";
    }

    void validateGivesTheParsersMessage()
    {
        QFETCH(QJsonObject, patch);
        QFETCH(QString, message);
        QFETCH(QString, shown);
        QJsonObject spec = demoSpec();
        for (auto it = patch.begin(); it != patch.end(); ++it) {
            if (it.value().isNull())
                spec.remove(it.key());
            else
                spec.insert(it.key(), it.value());
        }
        SpaceEditor space;
        SetupPanel panel(&space);
        panel.setSpec(spec);
        QCOMPARE(panel.validate(), message);
        QCOMPARE(panel.problem(), shown);
        QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("specStatus"))->text(), shown);
        // Editing the offending part away makes the spec valid.
        panel.setSpec(demoSpec());
        QCOMPARE(panel.validate(), QString());
        QCOMPARE(panel.problem(), QString());
    }

    void commandCompletesPlaceholders()
    {
        SpaceEditor space;
        SetupPanel panel(&space);
        panel.setSpec(demoSpec());
        PlaceholderCompleter* completer = panel.commandEditor()->completer();
        QCOMPARE(completer->placeholders(), QStringList({"${lr}", "${layers}", "${optimizer}", "${momentum}", "${trial.id}", "${trial.dir}", "${trial.rank}"}));
        // Follows the space editor.
        space.model()->addParam();
        QVERIFY(completer->placeholders().contains(QStringLiteral("${param}")));

        QLineEdit line;
        line.setCompleter(completer);
        line.setText(QStringLiteral("--lr=${l"));
        QCOMPARE(completer->splitPath(line.text()), QStringList{QStringLiteral("${l")});
        completer->setCompletionPrefix(QStringLiteral("${l"));
        QCOMPARE(completer->completionCount(), 2); // ${lr}, ${layers}
        QVERIFY(completer->setCurrentRow(0));
        QCOMPARE(completer->pathFromIndex(completer->currentIndex()), QStringLiteral("--lr=${lr}"));
        completer->setCompletionPrefix(QStringLiteral("--lr=${lr}")); // closed: nothing left to complete
        QCOMPARE(completer->completionCount(), 0);
    }

    void trainerModeWritesArgv()
    {
        SpaceEditor space;
        SetupPanel panel(&space);
        panel.setSpec(demoSpec());
        panel.setTrainerMode(true);
        TrainerForm* trainer = panel.trainerForm();
        QCOMPARE(panel.spec().value("trial").toObject().value("argv").toArray(), QJsonArray::fromStringList(TrainerForm::defaultArgv()));

        qobject_cast<QSpinBox*>(trainer->field("stages"))->setValue(2);
        qobject_cast<QSpinBox*>(trainer->field("microbatches"))->setValue(4);
        qobject_cast<QComboBox*>(trainer->field("schedule"))->setCurrentText("1f1b");
        qobject_cast<QComboBox*>(trainer->field("checkpoint"))->setCurrentText("always");
        trainer->findChild<QComboBox*>("trainer-length-unit")->setCurrentIndex(1);
        trainer->findChild<QSpinBox*>("trainer-length")->setValue(100);
        qobject_cast<QLineEdit*>(trainer->field("lr"))->setText("${lr}");
        qobject_cast<QComboBox*>(trainer->field("offload"))->setCurrentText("activations"); // not in the template: appended
        qobject_cast<QSpinBox*>(trainer->field("batch"))->setValue(32);

        const QStringList expected{"tunebench-train", "--task", "spirals", "--model", "mlp", "--stages", "2",
                                   "--devices", "cpu", "--microbatches", "4", "--schedule", "1f1b",
                                   "--checkpoint", "always", "--precision", "fp32", "--steps", "100",
                                   "--lr", "${lr}", "--offload", "activations", "--batch", "32"};
        QCOMPARE(trainer->argv(), expected);
        QCOMPARE(panel.spec().value("trial").toObject().value("argv").toArray(), QJsonArray::fromStringList(expected));
        QCOMPARE(panel.validate(), QString());

        // Task and model stay compatible; a placeholder the space lacks is the parser's error.
        qobject_cast<QComboBox*>(trainer->field("task"))->setCurrentText("text");
        QCOMPARE(qobject_cast<QComboBox*>(trainer->field("model"))->currentText(), QStringLiteral("gpt"));
        qobject_cast<QLineEdit*>(trainer->field("lr"))->setText("${learning_rate}");
        QVERIFY(panel.validate().startsWith("trial.argv[20]: unknown placeholder ${learning_rate}"));

        // The command page shows the same command, and a trainer command opens in the form.
        panel.setTrainerMode(false);
        QCOMPARE(panel.commandEditor()->arguments(), trainer->argv());
        QCOMPARE(panel.spec().value("trial").toObject().value("argv").toArray(), QJsonArray::fromStringList(trainer->argv()));
        const QJsonObject saved = panel.spec();
        panel.setSpec(saved);
        QVERIFY(panel.isTrainerMode());
        QCOMPARE(panel.spec(), saved);
    }

    // The trainer form is built from tunebench-train's flag declaration: a row per declared
    // form flag with its label, tip, choices, range and default, and a fresh command that
    // the trainer's own parser reads back to the declared defaults.
    void trainerFormFollowsTheFlagDeclaration()
    {
        TrainerForm form;
        auto* layout = qobject_cast<QFormLayout*>(form.layout());
        QVERIFY(layout);
        for (const tb::train::Flag& flag : tb::train::flags()) {
            const QString name = QString::fromUtf8(flag.name.data(), flag.name.size());
            if (!flag.alternativeTo.empty()) {
                const std::string other(flag.alternativeTo);
                QVERIFY2(form.field(name) && form.field(name) == form.field(QString::fromStdString(other)), qPrintable(name));
                continue;
            }
            QWidget* field = form.field(name);
            QCOMPARE(field != nullptr, !flag.formLabel.empty());
            if (!field)
                continue;
            auto* label = qobject_cast<QLabel*>(layout->labelForField(field));
            QVERIFY2(label, qPrintable(name));
            QCOMPARE(label->text(), QString::fromUtf8(flag.formLabel.data(), flag.formLabel.size()));
            QCOMPARE(field->toolTip(), QString::fromUtf8(flag.formTip.data(), flag.formTip.size()));
            if (auto* box = qobject_cast<QComboBox*>(field)) {
                QStringList choices;
                for (int i = 0; i < box->count(); ++i)
                    choices << box->itemText(i);
                QStringList declared;
                for (const std::string& c : flag.choices)
                    declared << QString::fromStdString(c);
                QCOMPARE(choices, declared);
                QCOMPARE(box->currentText(), QString::fromStdString(tb::train::flagDefault(flag)));
            } else if (auto* spin = qobject_cast<QSpinBox*>(field)) {
                QVERIFY(flag.min);
                QCOMPARE(spin->minimum(), static_cast<int>(flag.min->value));
                QCOMPARE(QString::number(spin->value()), QString::fromStdString(tb::train::flagDefault(flag)));
            } else if (auto* edit = qobject_cast<QLineEdit*>(field)) {
                QCOMPARE(edit->text(), QString::fromStdString(tb::train::flagDefault(flag)));
            }
        }
        QCOMPARE(form.argv(), TrainerForm::defaultArgv());

        std::vector<std::string> args;
        for (const QString& arg : TrainerForm::defaultArgv().mid(1))
            args.push_back(arg.toStdString());
        const tb::train::ParseResult parsed = tb::train::parseArgs(args);
        QCOMPARE(QString::fromStdString(parsed.error), QString());
        for (const tb::train::Flag& flag : tb::train::flags()) {
            if (flag.inNewCommand)
                QVERIFY(TrainerForm::defaultArgv().contains(QStringLiteral("--") + QString::fromUtf8(flag.name.data(), flag.name.size())));
            if (flag.absentValue.empty()) // --epochs 1 is what no --epochs means, not Options{}'s 0
                QCOMPARE(tb::train::flagValue(flag, parsed.options), tb::train::flagValue(flag, tb::train::Options{}));
        }
    }

    // What the form writes is what the trainer reads: every field, edited, parses back to
    // the field's value, and the command passes the trainer's own checks.
    void trainerFormArgvParsesBack()
    {
        TrainerForm form;
        qobject_cast<QComboBox*>(form.field("task"))->setCurrentText("csv");
        qobject_cast<QLineEdit*>(form.field("data"))->setText("table.csv");
        qobject_cast<QSpinBox*>(form.field("stages"))->setValue(2);
        qobject_cast<QLineEdit*>(form.field("devices"))->setText("cpu,cpu");
        qobject_cast<QSpinBox*>(form.field("microbatches"))->setValue(4);
        qobject_cast<QComboBox*>(form.field("schedule"))->setCurrentText("interleaved");
        qobject_cast<QSpinBox*>(form.field("virtual-stages"))->setValue(2);
        qobject_cast<QComboBox*>(form.field("checkpoint"))->setCurrentText("except_last");
        qobject_cast<QComboBox*>(form.field("offload"))->setCurrentText("activations");
        qobject_cast<QComboBox*>(form.field("precision"))->setCurrentText("bf16");
        form.findChild<QComboBox*>("trainer-length-unit")->setCurrentIndex(1);
        form.findChild<QSpinBox*>("trainer-length")->setValue(7);
        qobject_cast<QSpinBox*>(form.field("batch"))->setValue(64);
        qobject_cast<QLineEdit*>(form.field("lr"))->setText("0.02");
        const QStringList argv = form.argv();
        QVERIFY(TrainerForm::isTrainerCommand(argv));

        std::vector<std::string> args;
        for (const QString& arg : argv.mid(1))
            args.push_back(arg.toStdString());
        const tb::train::ParseResult parsed = tb::train::parseArgs(args);
        QCOMPARE(QString::fromStdString(parsed.error), QString());
        const std::map<std::string, std::string> expected{
            {"task", "csv"}, {"data", "table.csv"}, {"stages", "2"}, {"devices", "cpu,cpu"}, {"microbatches", "4"},
            {"schedule", "interleaved"}, {"virtual-stages", "2"}, {"checkpoint", "except_last"},
            {"offload", "activations"}, {"precision", "bf16"}, {"steps", "7"}, {"epochs", "0"}, {"batch", "64"},
            {"lr", "0.02"}, {"model", "mlp"}, {"size", "tiny"}};
        for (const auto& [name, value] : expected)
            QCOMPARE(QString::fromStdString(tb::train::flagValue(*tb::train::findFlag(name), parsed.options)),
                     QString::fromStdString(value));

        // And the form reads its own command back unchanged.
        TrainerForm again;
        again.setArgv(argv);
        QCOMPARE(again.argv(), argv);
    }

    // The form's texts come from plain C++ (engine/train/flags.cpp): the catalogue must hold
    // each of them in the form's context, or the window shows them in English.
    void trainerFormTextsAreTranslated()
    {
        const QString qm = qEnvironmentVariable("TUNEBENCH_BUILD_DIR") + QStringLiteral("/resources/tunebench_zh_CN.qm");
        QTranslator translator;
        if (!translator.load(qm))
            QSKIP("the zh_CN catalogue is not built here (resources/tunebench_zh_CN.qm)");
        auto translated = [&](std::string_view text) {
            return text.empty() || !translator.translate("tb::widgets::TrainerForm", std::string(text).c_str()).isEmpty();
        };
        for (const tb::train::Flag& flag : tb::train::flags()) {
            QVERIFY2(translated(flag.formLabel), flag.formLabel.data());
            QVERIFY2(translated(flag.formTip), flag.formTip.data());
            QVERIFY2(translated(flag.formMinimumText), flag.formMinimumText.data());
            const bool sharesARow = !flag.alternativeTo.empty()
                || std::any_of(tb::train::flags().begin(), tb::train::flags().end(),
                               [&](const tb::train::Flag& other) { return other.alternativeTo == flag.name; });
            if (sharesARow) // the row's unit chooser shows the flag names
                QVERIFY2(translated(flag.name), flag.name.data());
        }
    }

    // ---- SpaceEditor: the row an error is about comes from its SpecPath --------------------
    void errorsMarkTheRowTheirPathNames_data()
    {
        QTest::addColumn<QJsonArray>("space");
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("message");
        const char* const ok = R"({"name": "a", "type": "float", "low": 0, "high": 1})";
        auto space = [&](const char* second, const char* third) {
            return QJsonArray{object(ok), object(second), object(third)};
        };
        QTest::newRow("unknown key") << space(R"({"name": "b", "type": "int", "low": 0, "high": 3})",
                                              R"({"name": "c", "type": "int", "low": 0, "high": 1, "choices": [1]})")
                                     << 2 << "space[2].choices: unknown key; known keys: name, type, when, low, high, log, step";
        QTest::newRow("unknown type") << space(R"({"name": "b", "type": "double"})", ok) << 1
                                      << "space[1].type: expected one of float, int, categorical, fixed, got \"double\"";
        QTest::newRow("grid value") << space(ok, R"({"name": "c", "type": "float", "values": [0, "x"]})") << 2
                                    << "space[2].values[1]: expected a number, got \"x\"";
        QTest::newRow("condition on a later parameter")
            << space(R"({"name": "m", "type": "float", "low": 0, "high": 1, "when": {"o": ["sgd"]}})",
                     R"({"name": "o", "type": "categorical", "choices": ["adam"]})")
            << 1 << "space[1] 'm': condition value sgd is not a choice of 'o'";
        QTest::newRow("empty space") << QJsonArray() << -1 << "space: is empty; give at least one parameter";
    }

    void errorsMarkTheRowTheirPathNames()
    {
        QFETCH(QJsonArray, space);
        QFETCH(int, row);
        QFETCH(QString, message);
        SpaceEditor editor;
        editor.setJson(space);
        QCOMPARE(editor.errorMessage(), message);
        QCOMPARE(editor.model()->errorRow(), row);
        // The row is the one the parser's path names.
        try {
            tb::engine::parseSpace(space);
            QFAIL("the parser accepted the space");
        } catch (const tb::engine::SpecError& e) {
            QCOMPARE(tb::engine::paramIndexOf(e.path()), row);
        }
    }

    // The form shows a field for each key the parameter's type has, as the parser declares them.
    void formFieldsFollowTheTypesKeys()
    {
        namespace key = tb::engine::key;
        const QJsonArray space = array(R"([{"name": "f", "type": "float", "low": 0, "high": 1},
            {"name": "i", "type": "int", "low": 0, "high": 3}, {"name": "c", "type": "categorical", "choices": ["x"]},
            {"name": "x", "type": "fixed", "value": 1}])");
        SpaceEditor editor;
        editor.setJson(space);
        auto* type = editor.findChild<QComboBox*>(key::type);
        QVERIFY(type);
        QCOMPARE(type->count(), int(tb::engine::kParamTypes.size()));
        for (int row = 0; row < space.size(); ++row) {
            editor.setCurrentRow(row);
            const auto paramType = tb::engine::paramTypeNamed(space[row].toObject().value(key::type).toString());
            QVERIFY(paramType.has_value());
            QCOMPARE(type->currentData().toString(), QLatin1StringView(tb::algorithms::paramTypeName(*paramType)));
            const QList<key::Name> keys = tb::engine::paramKeys(*paramType);
            for (key::Name k : {key::low, key::high, key::log, key::step, key::values, key::choices, key::value}) {
                auto* field = editor.findChild<QWidget*>(k);
                QVERIFY2(field, k.data());
                QCOMPARE(field->isVisibleTo(&editor), keys.contains(k));
            }
        }
    }
};

QTEST_MAIN(TestEditors)
#include "tst_editors.moc"
