// Export to Kubeflow Katib: each mapping and each rejection, and every exported Experiment
// checked against the rules of Katib's validating webhook
// (pkg/webhook/v1beta1/experiment/validator/validator.go, restated in webhookErrors()).

#include "engine/core/errors.h"
#include "engine/core/katib.h"
#include "engine/core/spec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace tb::engine;

namespace {

ExperimentSpec specFrom(const QByteArray& patch)
{
    QJsonObject base = QJsonDocument::fromJson(R"({"name": "lr-search", "objective": {"metric": "loss", "direction": "maximize"},
        "space": [{"name": "lr", "type": "float", "low": 1e-05, "high": 0.1, "log": true},
                  {"name": "layers", "type": "int", "low": 1, "high": 8, "step": 1},
                  {"name": "opt", "type": "categorical", "choices": ["adam", "sgd", 3, true]},
                  {"name": "seed", "type": "fixed", "value": 3}],
        "algorithm": {"name": "gp", "seed": 7}, "budget": {"max_trials": 20, "max_failed": 3},
        "resources": {"parallel_trials": 4, "gpus_per_trial": 2},
        "trial": {"argv": ["python3", "train.py", "--lr=${lr}", "--layers", "${layers}", "--opt=${opt}", "--seed=${seed}",
                           "--run=${trial.id}"], "env": {"MODE": "opt-${opt}"}, "timeout_s": 599.5, "retries": 2}})")
                           .object();
    const QJsonObject p = QJsonDocument::fromJson(patch).object();
    for (auto it = p.begin(); it != p.end(); ++it)
        if (it.value().isNull() && it.key() != QLatin1String("trial"))
            base.remove(it.key()); // a key the patch takes away
        else
            base.insert(it.key(), it.value());
    ParseOptions options;
    options.requireTrial = false;
    options.baseDir = QStringLiteral("/tmp");
    return parseSpec(base, options);
}

// Katib's webhook rules for an Experiment with parameters and a batch/v1 Job template.
QStringList webhookErrors(const QJsonObject& e)
{
    QStringList errors;
    const QJsonObject spec = e.value(QStringLiteral("spec")).toObject();
    if (e.value(QStringLiteral("apiVersion")) != QStringLiteral("kubeflow.org/v1beta1") || e.value(QStringLiteral("kind")) != QStringLiteral("Experiment"))
        errors << QStringLiteral("apiVersion/kind");
    if (!QRegularExpression(QStringLiteral("^[a-z]([-a-z0-9]*[a-z0-9])?$")).match(e.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString()).hasMatch())
        errors << QStringLiteral("metadata.name");
    const auto count = [&](const char* k) { return spec.contains(QLatin1String(k)) ? spec.value(QLatin1String(k)).toInt() : -1; };
    if (count("maxFailedTrialCount") < -1 || (count("maxTrialCount") != -1 && count("maxTrialCount") <= 0) || (count("parallelTrialCount") != -1 && count("parallelTrialCount") <= 0))
        errors << QStringLiteral("counts");
    if (count("maxTrialCount") > 0 && (count("maxFailedTrialCount") > count("maxTrialCount") || count("parallelTrialCount") > count("maxTrialCount")))
        errors << QStringLiteral("counts vs maxTrialCount");
    const QJsonObject objective = spec.value(QStringLiteral("objective")).toObject();
    if (!QStringList{"minimize", "maximize"}.contains(objective.value(QStringLiteral("type")).toString()) || objective.value(QStringLiteral("objectiveMetricName")).toString().isEmpty()
        || objective.value(QStringLiteral("additionalMetricNames")).toArray().contains(objective.value(QStringLiteral("objectiveMetricName"))))
        errors << QStringLiteral("objective");
    static const QStringList algorithms{"random", "grid", "tpe", "multivariate-tpe", "bayesianoptimization", "cmaes", "sobol", "hyperband"};
    if (!algorithms.contains(spec.value(QStringLiteral("algorithm")).toObject().value(QStringLiteral("algorithmName")).toString()))
        errors << QStringLiteral("algorithm");
    if (spec.contains(QStringLiteral("earlyStopping")) && spec.value(QStringLiteral("earlyStopping")).toObject().value(QStringLiteral("algorithmName")) != QStringLiteral("medianstop"))
        errors << QStringLiteral("earlyStopping");
    QSet<QString> names;
    for (const QJsonValue& v : spec.value(QStringLiteral("parameters")).toArray()) {
        const QJsonObject p = v.toObject(), fs = p.value(QStringLiteral("feasibleSpace")).toObject();
        const QString type = p.value(QStringLiteral("parameterType")).toString();
        names << p.value(QStringLiteral("name")).toString();
        if (fs.isEmpty() || !QStringList{"double", "int", "categorical", "discrete"}.contains(type))
            errors << QStringLiteral("parameter type/feasibleSpace");
        if ((type == QLatin1String("double") || type == QLatin1String("int"))
            && (fs.contains(QStringLiteral("list")) || fs.value(QStringLiteral("min")).toString().isEmpty() || fs.value(QStringLiteral("max")).toString().isEmpty()))
            errors << QStringLiteral("numeric feasibleSpace");
        if (type == QLatin1String("categorical") && (fs.contains(QStringLiteral("min")) || fs.contains(QStringLiteral("max")) || fs.contains(QStringLiteral("step"))))
            errors << QStringLiteral("categorical feasibleSpace");
        if (fs.contains(QStringLiteral("distribution")) && !QStringList{"uniform", "logUniform", "normal", "logNormal"}.contains(fs.value(QStringLiteral("distribution")).toString()))
            errors << QStringLiteral("distribution");
        for (const QJsonValue& c : fs.value(QStringLiteral("list")).toArray())
            if (!c.isString())
                errors << QStringLiteral("list entries must be strings");
    }
    if (names.isEmpty())
        errors << QStringLiteral("parameters");
    const QJsonObject tt = spec.value(QStringLiteral("trialTemplate")).toObject();
    if (tt.value(QStringLiteral("primaryContainerName")).toString().isEmpty() || tt.value(QStringLiteral("successCondition")).toString().isEmpty()
        || tt.value(QStringLiteral("failureCondition")).toString().isEmpty())
        errors << QStringLiteral("trialTemplate fields");
    QString templ = QString::fromUtf8(QJsonDocument(tt.value(QStringLiteral("trialSpec")).toObject()).toJson(QJsonDocument::Compact));
    QSet<QString> tpNames, tpRefs;
    for (const QJsonValue& v : tt.value(QStringLiteral("trialParameters")).toArray()) {
        const QString n = v.toObject().value(QStringLiteral("name")).toString(), r = v.toObject().value(QStringLiteral("reference")).toString();
        if (n.isEmpty() || r.isEmpty() || n.contains(QLatin1Char('{')) || n.contains(QLatin1Char('}')) || tpNames.contains(n) || tpRefs.contains(r) || !names.contains(r))
            errors << QStringLiteral("trialParameter ") + n;
        tpNames << n;
        tpRefs << r;
        if (!templ.contains(QStringLiteral("${trialParameters.%1}").arg(n)))
            errors << QStringLiteral("trialParameter not in template: ") + n;
        templ.replace(QStringLiteral("${trialParameters.%1}").arg(n), QStringLiteral("test-value"));
    }
    if (templ.contains(QStringLiteral("${trialParameters.")))
        errors << QStringLiteral("template parameter not declared");
    const QJsonObject job = tt.value(QStringLiteral("trialSpec")).toObject();
    if (job.value(QStringLiteral("apiVersion")) != QStringLiteral("batch/v1") || job.value(QStringLiteral("kind")) != QStringLiteral("Job")
        || job.value(QStringLiteral("metadata")).toObject().contains(QStringLiteral("name")))
        errors << QStringLiteral("trialSpec kind/metadata");
    // Only fields a batch/v1 Job has (the webhook converts the template to one and back).
    const QJsonObject jobSpec = job.value(QStringLiteral("spec")).toObject();
    for (const QString& k : jobSpec.keys())
        if (!QStringList{"template", "backoffLimit", "activeDeadlineSeconds"}.contains(k))
            errors << QStringLiteral("Job field ") + k;
    const QJsonObject pod = jobSpec.value(QStringLiteral("template")).toObject().value(QStringLiteral("spec")).toObject();
    bool primary = false;
    for (const QJsonValue& c : pod.value(QStringLiteral("containers")).toArray()) {
        primary |= c.toObject().value(QStringLiteral("name")) == tt.value(QStringLiteral("primaryContainerName"));
        for (const QString& k : c.toObject().keys())
            if (!QStringList{"name", "image", "command", "env", "resources"}.contains(k))
                errors << QStringLiteral("container field ") + k;
    }
    if (!primary || !QStringList{"Never", "OnFailure"}.contains(pod.value(QStringLiteral("restartPolicy")).toString()))
        errors << QStringLiteral("primary container / restartPolicy");
    if (!QStringList{"StdOut", "File", "TensorFlowEvent", "PrometheusMetric", "Custom", "None", "Push"}.contains(
            spec.value(QStringLiteral("metricsCollectorSpec")).toObject().value(QStringLiteral("collector")).toObject().value(QStringLiteral("kind")).toString()))
        errors << QStringLiteral("metrics collector");
    return errors;
}

} // namespace

class TestKatib : public QObject {
    Q_OBJECT

private slots:
    void everyMappingPassesTheWebhookRules()
    {
        const KatibExport k = toKatib(specFrom("{}"), {QStringLiteral("registry.example/train:1"), QStringLiteral("ml"), {}, false,
                                                       {QStringLiteral("accuracy"), QStringLiteral("loss"), QStringLiteral("accuracy")}});
        QVERIFY(k.warnings.isEmpty());
        QCOMPARE(webhookErrors(k.experiment), QStringList());
        const QJsonObject e = k.experiment;
        const QJsonObject s = e.value(QStringLiteral("spec")).toObject();
        QCOMPARE(e.value(QStringLiteral("metadata")).toObject(), QJsonObject({{"name", "lr-search"}, {"namespace", "ml"}}));
        QCOMPARE(s.value(QStringLiteral("objective")).toObject(),
                 QJsonObject({{"type", "maximize"}, {"objectiveMetricName", "loss"}, {"additionalMetricNames", QJsonArray{"accuracy"}}}));
        QCOMPARE(s.value(QStringLiteral("algorithm")).toObject().value(QStringLiteral("algorithmName")).toString(), QStringLiteral("bayesianoptimization"));
        QCOMPARE(s.value(QStringLiteral("algorithm")).toObject().value(QStringLiteral("algorithmSettings")).toArray(), QJsonArray({QJsonObject{{"name", "random_state"}, {"value", "7"}}}));
        QCOMPARE(s.value(QStringLiteral("maxTrialCount")).toInt(), 20);
        QCOMPARE(s.value(QStringLiteral("maxFailedTrialCount")).toInt(), 3);
        QCOMPARE(s.value(QStringLiteral("parallelTrialCount")).toInt(), 4);
        const QJsonArray params = s.value(QStringLiteral("parameters")).toArray();
        QCOMPARE(params.size(), 3); // the fixed one is written into the command
        QCOMPARE(params[0].toObject().value(QStringLiteral("feasibleSpace")).toObject(), QJsonObject({{"min", "1e-05"}, {"max", "0.1"}, {"distribution", "logUniform"}}));
        QCOMPARE(params[1].toObject().value(QStringLiteral("parameterType")).toString(), QStringLiteral("int"));
        QCOMPARE(params[1].toObject().value(QStringLiteral("feasibleSpace")).toObject().value(QStringLiteral("step")).toString(), QStringLiteral("1"));
        QCOMPARE(params[2].toObject().value(QStringLiteral("feasibleSpace")).toObject().value(QStringLiteral("list")).toArray(), QJsonArray({"adam", "sgd", "3", "true"}));
        const QJsonObject job = s.value(QStringLiteral("trialTemplate")).toObject().value(QStringLiteral("trialSpec")).toObject().value(QStringLiteral("spec")).toObject();
        QCOMPARE(job.value(QStringLiteral("backoffLimit")).toInt(), 2);
        QCOMPARE(job.value(QStringLiteral("activeDeadlineSeconds")).toInt(), 600);
        const QJsonObject c = job.value(QStringLiteral("template")).toObject().value(QStringLiteral("spec")).toObject().value(QStringLiteral("containers")).toArray()[0].toObject();
        QCOMPARE(c.value(QStringLiteral("command")).toArray(),
                 QJsonArray({"python3", "train.py", "--lr=${trialParameters.lr}", "--layers", "${trialParameters.layers}", "--opt=${trialParameters.opt}",
                             "--seed=3", "--run=${trialSpec.Name}"}));
        QCOMPARE(c.value(QStringLiteral("env")).toArray(), QJsonArray({QJsonObject{{"name", "MODE"}, {"value", "opt-${trialParameters.opt}"}}}));
        QCOMPARE(c.value(QStringLiteral("resources")).toObject().value(QStringLiteral("limits")).toObject().value(QStringLiteral("nvidia.com/gpu")).toInt(), 2);
    }

    void algorithmsAndPruners_data()
    {
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<QString>("algorithm");
        QTest::newRow("random") << QByteArray(R"({"algorithm": {"name": "random"}})") << "random";
        QTest::newRow("grid") << QByteArray(R"({"algorithm": {"name": "grid"}, "space": [{"name": "opt", "type": "categorical", "choices": ["a"]}], "trial": {"argv": ["t", "${opt}"]}})") << "grid";
        QTest::newRow("tpe") << QByteArray(R"({"algorithm": {"name": "tpe"}})") << "tpe";
        QTest::newRow("cmaes") << QByteArray(R"({"algorithm": {"name": "cmaes"}})") << "cmaes";
        QTest::newRow("sobol") << QByteArray(R"({"algorithm": {"name": "sobol"}})") << "sobol";
        QTest::newRow("median pruner") << QByteArray(R"({"pruner": {"name": "median", "settings": {"n_startup_trials": 3, "n_warmup_steps": 4}}})") << "bayesianoptimization";
        QTest::newRow("parallel above max") << QByteArray(R"({"resources": {"parallel_trials": 50}})") << "bayesianoptimization";
    }

    void algorithmsAndPruners()
    {
        QFETCH(QByteArray, patch);
        QFETCH(QString, algorithm);
        const KatibExport k = toKatib(specFrom(patch), {QStringLiteral("img"), {}, {}, false});
        QCOMPARE(webhookErrors(k.experiment), QStringList());
        const QJsonObject s = k.experiment.value(QStringLiteral("spec")).toObject();
        QCOMPARE(s.value(QStringLiteral("algorithm")).toObject().value(QStringLiteral("algorithmName")).toString(), algorithm);
        if (patch.contains("median"))
            QCOMPARE(s.value(QStringLiteral("earlyStopping")).toObject().value(QStringLiteral("algorithmSettings")).toArray(),
                     QJsonArray({QJsonObject{{"name", "min_trials_required"}, {"value", "3"}}, QJsonObject{{"name", "start_step"}, {"value", "4"}}}));
    }

    // What Katib cannot express: an error naming the field, or with --allow-lossy (where it
    // is only a loss) a warning and an Experiment that still passes the webhook rules.
    void rejections_data()
    {
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("lossyHelps");
        QTest::newRow("conditional") << QByteArray(R"({"space": [{"name": "opt", "type": "categorical", "choices": ["a", "b"]}, {"name": "m", "type": "float", "low": 0, "high": 1, "when": {"opt": ["b"]}}], "trial": {"argv": ["t", "${opt}", "--m=${m}"]}})")
                                     << "space[1] 'm': a conditional parameter" << true;
        QTest::newRow("hyperband") << QByteArray(R"({"pruner": {"name": "hyperband"}})") << "pruner.name: 'hyperband' has no Katib early-stopping counterpart" << true;
        QTest::newRow("time budget") << QByteArray(R"({"budget": {"max_trials": 5, "max_seconds": 60}})") << "budget.max_seconds: Katib has no time budget" << true;
        QTest::newRow("setting") << QByteArray(R"({"algorithm": {"name": "tpe", "settings": {"n_startup_trials": 3}}})") << "algorithm.settings.n_startup_trials: Katib's tpe has no such setting" << true;
        QTest::newRow("metrics format") << QByteArray(R"({"trial": {"argv": ["t", "${lr}", "${layers}", "${opt}"], "metrics": {"format": "json_lines"}}})") << "trial.metrics.format" << true;
        QTest::newRow("auto") << QByteArray(R"({"algorithm": {"name": "auto"}})") << "algorithm.name: 'auto' picks a sampler per trial, which Katib cannot; written as Katib's tpe" << true;
        QTest::newRow("external") << QByteArray(R"({"algorithm": {"name": "external", "command": ["x"]}})") << "algorithm.name: 'external' has no Katib counterpart" << false;
        QTest::newRow("local path") << QByteArray(R"({"trial": {"argv": ["/home/me/train.py", "${lr}", "${layers}", "${opt}"]}})") << "trial.argv[0]: '/home/me/train.py' is a path on this machine" << false;
        QTest::newRow("trial dir") << QByteArray(R"({"trial": {"argv": ["t", "${lr}", "${layers}", "${opt}", "--out=${trial.dir}"]}})") << "trial.argv[4]: ${trial.dir} has no Katib counterpart" << false;
        QTest::newRow("unused parameter") << QByteArray(R"({"trial": {"argv": ["t", "${lr}", "${opt}"]}})") << "parameter 'layers' is not used in the command" << false;
        QTest::newRow("workers") << QByteArray(R"({"resources": {"parallel_trials": 4}, "trial": {"argv": ["t", "${lr}", "${layers}", "${opt}"], "workers": 2}})") << "trial.workers" << false;
        QTest::newRow("name") << QByteArray(R"({"name": "LR_search"})") << "name: 'LR_search' is not a Katib name" << false;
        QTest::newRow("ask/tell") << QByteArray(R"({"trial": null})") << "trial: missing" << false;
        QTest::newRow("objectives") << QByteArray(R"({"objective": null, "algorithm": {"name": "tpe"}, "objectives": [{"metric": "loss"}, {"metric": "ms"}]})")
                                    << "objectives: Katib optimizes one objective; written with loss, the others (ms) as additional metrics" << true;
        QTest::newRow("constraints") << QByteArray(R"({"constraints": [{"metric": "mem", "max": 4}]})")
                                     << "constraints: Katib has no constraints; every trial counts as feasible there" << true;
    }

    void rejections()
    {
        QFETCH(QByteArray, patch);
        QFETCH(QString, message);
        QFETCH(bool, lossyHelps);
        ExperimentSpec spec = specFrom(patch.contains("\"trial\": null") ? QByteArray("{}") : patch);
        if (patch.contains("\"trial\": null")) // an ask/tell experiment
            spec.trial.reset();
        try {
            toKatib(spec, {QStringLiteral("img"), {}, {}, false});
            QFAIL("exported");
        } catch (const SpecError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(message), e.what());
        }
        if (lossyHelps) {
            const KatibExport k = toKatib(spec, {QStringLiteral("img"), {}, {}, true});
            QVERIFY2(k.warnings.join(QLatin1Char('\n')).contains(message), qPrintable(k.warnings.join(QLatin1Char('\n'))));
            QCOMPARE(webhookErrors(k.experiment), QStringList());
        } else {
            QVERIFY_THROWS_EXCEPTION(SpecError, toKatib(spec, {QStringLiteral("img"), {}, {}, true}));
        }
    }
};

QTEST_GUILESS_MAIN(TestKatib)
#include "tst_katib.moc"
