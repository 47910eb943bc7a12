#include "katib.h"

#include "errors.h"
#include "json.h"
#include "store.h"

#include "algorithms/pruner.h"
#include "algorithms/sampler.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>
#include <QRegularExpression>

namespace tb::engine {

namespace {

// Collects what does not map: an error each, or a warning each with allowLossy.
class Problems {
public:
    explicit Problems(bool lossy) : m_lossy(lossy) {}
    void add(const QString& field, const QString& why) { (m_lossy ? m_warnings : m_errors) << field + QStringLiteral(": ") + why; }
    void error(const QString& field, const QString& why) { m_errors << field + QStringLiteral(": ") + why; }
    const QStringList& errors() const { return m_errors; }
    const QStringList& warnings() const { return m_warnings; }

private:
    bool m_lossy;
    QStringList m_errors, m_warnings;
};

QString text(const algorithms::Value& v)
{
    return QString::fromStdString(algorithms::formatValue(v));
}

// Our settings that differ from their defaults: Katib's algorithms take their own.
QStringList changedSettings(const std::vector<algorithms::SettingSpec>& specs, const algorithms::Settings& given)
{
    QStringList out;
    for (const auto& s : specs)
        if (auto it = given.find(s.name); it != given.end() && !algorithms::sameValue(it->second, s.defaultValue))
            out << QString::fromStdString(s.name);
    return out;
}

QJsonArray setting(const QString& name, const QString& value)
{
    return QJsonArray{QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}}};
}

// ${name} -> ${trialParameters.name}, ${trial.id} -> ${trialSpec.Name}; ${trial.dir} and
// ${trial.rank} have no Katib counterpart. Fixed parameters are written in.
QString templated(const QString& arg, const ExperimentSpec& spec, const QString& at, Problems& problems)
{
    static const QRegularExpression placeholder(QStringLiteral(R"(\$\{([^}]*)\})"));
    QString out;
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(arg); it.hasNext();) {
        const auto m = it.next();
        out += arg.mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        const QString name = m.captured(1);
        if (name == QLatin1String("trial.id")) {
            out += QStringLiteral("${trialSpec.Name}");
        } else if (name.startsWith(QLatin1String("trial."))) {
            problems.error(at, QStringLiteral("${%1} has no Katib counterpart (a trial's folder and rank are local)").arg(name));
        } else if (const auto index = spec.space.indexOf(name.toStdString()); index && spec.space.params()[*index].type == algorithms::ParamType::Fixed) {
            out += text(*spec.space.params()[*index].fixed);
        } else {
            out += QStringLiteral("${trialParameters.%1}").arg(name);
        }
    }
    return out + arg.mid(last);
}

} // namespace

KatibExport toKatib(const ExperimentSpec& spec, const KatibOptions& options)
{
    Problems problems(options.allowLossy);
    QJsonObject specOut;

    // Names: a DNS label, as Katib's webhook requires.
    static const QRegularExpression katibName(QStringLiteral("^[a-z]([-a-z0-9]*[a-z0-9])?$"));
    const QString name = options.name.isEmpty() ? spec.name : options.name;
    if (!katibName.match(name).hasMatch() || name.size() > 63)
        problems.error(options.name.isEmpty() ? QStringLiteral("name") : QStringLiteral("--name"),
                       QStringLiteral("'%1' is not a Katib name: lower case letters, digits and '-', starting with a letter, ending with a "
                                      "letter or digit, at most 63 characters; give one with --name")
                           .arg(name));
    if (options.image.isEmpty())
        problems.error(QStringLiteral("--image"), QStringLiteral("missing; give the container image that holds the trial's program"));

    QJsonObject objective{{QStringLiteral("type"), spec.objective.direction == algorithms::Direction::Minimize ? QStringLiteral("minimize") : QStringLiteral("maximize")},
                          {QStringLiteral("objectiveMetricName"), spec.objective.metric}};
    QStringList additional = options.metrics;
    if (spec.multiObjective()) {
        // Katib optimizes one objective: the others can only be recorded.
        problems.add(QStringLiteral("objectives"), QStringLiteral("Katib optimizes one objective; written with %1, the others (%2) as additional metrics")
                                                       .arg(spec.objective.metric, spec.objectiveMetrics().mid(1).join(QStringLiteral(", "))));
        additional << spec.objectiveMetrics().mid(1);
    }
    if (!spec.constraints.empty())
        problems.add(QStringLiteral("constraints"), QStringLiteral("Katib has no constraints; every trial counts as feasible there"));
    additional.removeAll(spec.objective.metric); // the webhook refuses the objective among them
    additional.removeDuplicates();
    if (!additional.isEmpty())
        objective.insert(QStringLiteral("additionalMetricNames"), QJsonArray::fromStringList(additional));
    specOut.insert(QStringLiteral("objective"), objective);
    if (spec.objective.use == ObjectiveSpec::Use::Best)
        problems.add(QStringLiteral("objective.use"), QStringLiteral("\"best\": Katib takes the last report (its metricStrategies could say max/min; not written)"));

    // Algorithm.
    static const QMap<QString, QString> algorithmNames{{QStringLiteral("random"), QStringLiteral("random")},
                                                       {QStringLiteral("grid"), QStringLiteral("grid")},
                                                       {QStringLiteral("tpe"), QStringLiteral("tpe")},
                                                       {QStringLiteral("gp"), QStringLiteral("bayesianoptimization")},
                                                       {QStringLiteral("cmaes"), QStringLiteral("cmaes")},
                                                       {QStringLiteral("sobol"), QStringLiteral("sobol")}};
    QJsonObject algorithm;
    if (spec.algorithm.name == QLatin1String("auto")) {
        // Katib runs one algorithm throughout; its tpe takes every kind of space.
        problems.add(QStringLiteral("algorithm.name"), QStringLiteral("'auto' picks a sampler per trial, which Katib cannot; written as Katib's tpe"));
        algorithm.insert(QStringLiteral("algorithmName"), QStringLiteral("tpe"));
        algorithm.insert(QStringLiteral("algorithmSettings"), setting(QStringLiteral("random_state"), QString::number(spec.algorithm.seed)));
    } else if (!algorithmNames.contains(spec.algorithm.name)) {
        problems.error(QStringLiteral("algorithm.name"), QStringLiteral("'%1' has no Katib counterpart (Katib runs random, grid, tpe, "
                                                                        "bayesianoptimization, cmaes, sobol, hyperband)")
                                                             .arg(spec.algorithm.name));
    } else {
        const QString name = algorithmNames.value(spec.algorithm.name);
        algorithm.insert(QStringLiteral("algorithmName"), name);
        if (name != QLatin1String("grid") && name != QLatin1String("sobol"))
            algorithm.insert(QStringLiteral("algorithmSettings"), setting(QStringLiteral("random_state"), QString::number(spec.algorithm.seed)));
        if (const auto* info = algorithms::findSampler(spec.algorithm.name.toStdString()))
            for (const QString& s : changedSettings(info->settings, spec.algorithm.settings))
                problems.add(QStringLiteral("algorithm.settings.") + s, QStringLiteral("Katib's %1 has no such setting").arg(name));
    }
    specOut.insert(QStringLiteral("algorithm"), algorithm);

    // Pruning: the median rule is Katib's medianstop early stopping.
    if (spec.pruner.name == QLatin1String("median")) {
        const auto& s = spec.pruner.settings;
        QJsonArray settings = setting(QStringLiteral("min_trials_required"), text(s.at("n_startup_trials")));
        // Katib counts steps from 1; our warm-up of 0 steps is its first step.
        settings.append(setting(QStringLiteral("start_step"), QString::number(std::max<qint64>(1, std::get<std::int64_t>(s.at("n_warmup_steps"))))).first());
        specOut.insert(QStringLiteral("earlyStopping"), QJsonObject{{QStringLiteral("algorithmName"), QStringLiteral("medianstop")},
                                                                    {QStringLiteral("algorithmSettings"), settings}});
        if (!algorithms::sameValue(s.at("interval_steps"), algorithms::Value(std::int64_t{1})))
            problems.add(QStringLiteral("pruner.settings.interval_steps"), QStringLiteral("Katib's medianstop checks every report"));
    } else if (spec.pruner.name != QLatin1String("none")) {
        problems.add(QStringLiteral("pruner.name"), QStringLiteral("'%1' has no Katib early-stopping counterpart (Katib has medianstop)").arg(spec.pruner.name));
    }

    // Parameters.
    QJsonArray parameters, trialParameters;
    for (std::size_t i = 0; i < spec.space.size(); ++i) {
        const algorithms::Param& p = spec.space.params()[i];
        const QString name = QString::fromStdString(p.name);
        const QString at = QStringLiteral("space[%1] '%2'").arg(i).arg(name);
        if (p.when)
            problems.add(at, QStringLiteral("a conditional parameter; Katib has no conditions (it would be searched always)"));
        QJsonObject feasible;
        QString type;
        switch (p.type) {
        case algorithms::ParamType::Fixed:
            continue; // written into the command
        case algorithms::ParamType::Float:
        case algorithms::ParamType::Int:
            type = p.type == algorithms::ParamType::Float ? QStringLiteral("double") : QStringLiteral("int");
            feasible.insert(QStringLiteral("min"), numberText(p.low, false));
            feasible.insert(QStringLiteral("max"), numberText(p.high, false));
            if (p.step)
                feasible.insert(QStringLiteral("step"), numberText(*p.step, false));
            feasible.insert(QStringLiteral("distribution"), p.log ? QStringLiteral("logUniform") : QStringLiteral("uniform"));
            if (!p.gridValues.empty())
                problems.add(at, QStringLiteral("grid values; Katib's grid walks min..max by step"));
            break;
        case algorithms::ParamType::Categorical: {
            type = QStringLiteral("categorical");
            QJsonArray list;
            for (const algorithms::Value& c : p.choices)
                list.append(text(c));
            feasible.insert(QStringLiteral("list"), list);
            break;
        }
        }
        parameters.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("parameterType"), type}, {QStringLiteral("feasibleSpace"), feasible}});
        trialParameters.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("reference"), name},
                                           {QStringLiteral("description"), QStringLiteral("%1 (%2)").arg(name, type)}});
    }
    specOut.insert(QStringLiteral("parameters"), parameters);

    // Counts.
    specOut.insert(QStringLiteral("parallelTrialCount"), spec.resources.parallelTrials);
    if (spec.budget.maxTrials) {
        specOut.insert(QStringLiteral("maxTrialCount"), *spec.budget.maxTrials);
        if (spec.resources.parallelTrials > *spec.budget.maxTrials)
            specOut.insert(QStringLiteral("parallelTrialCount"), *spec.budget.maxTrials); // Katib requires <=
    }
    if (spec.budget.maxFailed)
        specOut.insert(QStringLiteral("maxFailedTrialCount"), spec.budget.maxTrials ? std::min(*spec.budget.maxFailed, *spec.budget.maxTrials) : *spec.budget.maxFailed);
    if (spec.budget.maxSeconds)
        problems.add(QStringLiteral("budget.max_seconds"), QStringLiteral("Katib has no time budget for an experiment"));

    // Metrics: our default form is Katib's StdOut collector's.
    specOut.insert(QStringLiteral("metricsCollectorSpec"), QJsonObject{{QStringLiteral("collector"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("StdOut")}}}});

    // The trial: its argv in a container of a batch/v1 Job.
    if (!spec.trial) {
        problems.error(QStringLiteral("trial"), QStringLiteral("missing; Katib runs every trial as a command (an ask/tell experiment has none)"));
    } else {
        const TrialSpec& t = *spec.trial;
        if (t.metrics.kind != MetricFormat::Kind::Katib)
            problems.add(QStringLiteral("trial.metrics.format"), QStringLiteral("Katib's StdOut collector reads name=value lines only"));
        if (t.metrics.tensorboard)
            problems.add(QStringLiteral("trial.metrics.tensorboard"), QStringLiteral("Katib's TfEvent collector needs a fixed folder in the container"));
        if (t.workers > 1)
            problems.error(QStringLiteral("trial.workers"), QStringLiteral("a group of workers needs a PyTorchJob trial template, which this export does not write"));
        QJsonArray command;
        for (int i = 0; i < t.argv.size(); ++i) {
            const QString at = QStringLiteral("trial.argv[%1]").arg(i);
            const QString arg = templated(t.argv[i], spec, at, problems);
            if (arg.startsWith(QLatin1Char('/')) || arg.startsWith(QLatin1String("./")) || arg.startsWith(QLatin1String("../")))
                problems.error(at, QStringLiteral("'%1' is a path on this machine; the image must hold the program and its files: use paths "
                                                  "inside the image")
                                       .arg(arg));
            command.append(arg);
        }
        QJsonArray env;
        for (auto it = t.env.begin(); it != t.env.end(); ++it)
            env.append(QJsonObject{{QStringLiteral("name"), it.key()},
                                   {QStringLiteral("value"), templated(it.value(), spec, QStringLiteral("trial.env.") + it.key(), problems)}});
        QJsonObject container{{QStringLiteral("name"), QStringLiteral("training-container")},
                              {QStringLiteral("image"), options.image},
                              {QStringLiteral("command"), command}};
        if (!env.isEmpty())
            container.insert(QStringLiteral("env"), env);
        const int gpus = spec.resources.gpusPerTrial.value_or(spec.resources.managesGpus() ? 1 : 0);
        if (gpus > 0)
            container.insert(QStringLiteral("resources"), QJsonObject{{QStringLiteral("limits"), QJsonObject{{QStringLiteral("nvidia.com/gpu"), gpus}}}});
        QJsonObject jobSpec{{QStringLiteral("template"),
                             QJsonObject{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("containers"), QJsonArray{container}},
                                                                              {QStringLiteral("restartPolicy"), QStringLiteral("Never")}}}}},
                            {QStringLiteral("backoffLimit"), t.retries}};
        if (t.timeoutS)
            jobSpec.insert(QStringLiteral("activeDeadlineSeconds"), static_cast<qint64>(std::ceil(*t.timeoutS)));
        specOut.insert(QStringLiteral("trialTemplate"),
                       QJsonObject{{QStringLiteral("primaryContainerName"), QStringLiteral("training-container")},
                                   {QStringLiteral("successCondition"), QStringLiteral("status.conditions.#(type==\"Complete\")#|#(status==\"True\")#")},
                                   {QStringLiteral("failureCondition"), QStringLiteral("status.conditions.#(type==\"Failed\")#|#(status==\"True\")#")},
                                   {QStringLiteral("trialParameters"), trialParameters},
                                   {QStringLiteral("trialSpec"), QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("batch/v1")},
                                                                            {QStringLiteral("kind"), QStringLiteral("Job")},
                                                                            {QStringLiteral("spec"), jobSpec}}}});
        // Every searched parameter must appear in the template (Katib's webhook rule).
        const QString all = command.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("c"), command}, {QStringLiteral("e"), env}}).toJson());
        for (const QJsonValue& tp : trialParameters) {
            const QString name = tp.toObject().value(QStringLiteral("name")).toString();
            if (!all.contains(QStringLiteral("${trialParameters.%1}").arg(name)))
                problems.error(QStringLiteral("trial.argv"), QStringLiteral("parameter '%1' is not used in the command; Katib requires every parameter "
                                                                            "in the trial template")
                                                                 .arg(name));
        }
    }
    if (spec.executor.type == ExecutorSpec::Type::Slurm)
        problems.add(QStringLiteral("executor"), QStringLiteral("Slurm settings do not apply on Kubernetes"));

    if (!problems.errors().isEmpty())
        throw SpecError(QStringLiteral("cannot export '%1' to Katib:\n  ").arg(spec.name) + problems.errors().join(QStringLiteral("\n  "))
                        + (options.allowLossy ? QString() : QStringLiteral("\n(--allow-lossy drops what only does not map, with a warning each)")));
    QJsonObject metadata{{QStringLiteral("name"), name}};
    if (!options.ns.isEmpty())
        metadata.insert(QStringLiteral("namespace"), options.ns);
    return {QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("kubeflow.org/v1beta1")},
                        {QStringLiteral("kind"), QStringLiteral("Experiment")},
                        {QStringLiteral("metadata"), metadata},
                        {QStringLiteral("spec"), specOut}},
            problems.warnings()};
}

} // namespace tb::engine

// ---- import ---------------------------------------------------------------------------------

namespace tb::engine {

namespace {

// A Katib parameter (parameterType, feasibleSpace of strings) as one of our spec.
QJsonObject paramFromKatib(const QJsonObject& p, const QString& at, QStringList& notes)
{
    const QString name = p.value(QStringLiteral("name")).toString();
    const QString type = p.value(QStringLiteral("parameterType")).toString();
    const QJsonObject fs = p.value(QStringLiteral("feasibleSpace")).toObject();
    QJsonObject out{{QStringLiteral("name"), name}};
    const auto number = [&](const char* key) {
        bool ok = false;
        const double v = fs.value(QLatin1String(key)).toString().toDouble(&ok);
        if (!ok)
            throw SpecError(at + QStringLiteral(".feasibleSpace.%1: expected a number as text, got '%2'").arg(QLatin1String(key), fs.value(QLatin1String(key)).toString()));
        return v;
    };
    if (type == QLatin1String("double") || type == QLatin1String("int")) {
        out.insert(QStringLiteral("type"), type == QLatin1String("double") ? QStringLiteral("float") : QStringLiteral("int"));
        out.insert(QStringLiteral("low"), number("min"));
        out.insert(QStringLiteral("high"), number("max"));
        if (fs.contains(QStringLiteral("step")) && !fs.value(QStringLiteral("step")).toString().isEmpty())
            out.insert(QStringLiteral("step"), number("step"));
        const QString distribution = fs.value(QStringLiteral("distribution")).toString();
        if (distribution == QLatin1String("logUniform"))
            out.insert(QStringLiteral("log"), true);
        else if (!distribution.isEmpty() && distribution != QLatin1String("uniform"))
            notes << QStringLiteral("%1: distribution %2 searched as uniform").arg(at, distribution);
    } else if (type == QLatin1String("categorical") || type == QLatin1String("discrete")) {
        QJsonArray choices;
        for (const QJsonValue& v : fs.value(QStringLiteral("list")).toArray()) {
            bool ok = false;
            const double d = v.toString().toDouble(&ok);
            choices.append(type == QLatin1String("discrete") && ok ? QJsonValue(d) : QJsonValue(v.toString()));
        }
        out.insert(QStringLiteral("type"), QStringLiteral("categorical"));
        out.insert(QStringLiteral("choices"), choices);
    } else {
        throw SpecError(at + QStringLiteral(".parameterType: '%1' is not one of double, int, categorical, discrete").arg(type));
    }
    return out;
}

struct TrialStateAndReason {
    algorithms::TrialState state;
    QString reason;
};

// The trial's state: its last condition whose status is "True".
TrialStateAndReason stateOf(const QJsonObject& trial)
{
    QString type, message;
    for (const QJsonValue& c : trial.value(QStringLiteral("status")).toObject().value(QStringLiteral("conditions")).toArray())
        if (c.toObject().value(QStringLiteral("status")).toString() == QLatin1String("True")) {
            type = c.toObject().value(QStringLiteral("type")).toString();
            message = c.toObject().value(QStringLiteral("message")).toString();
        }
    using algorithms::TrialState;
    if (type == QLatin1String("Succeeded"))
        return {TrialState::Completed, {}};
    if (type == QLatin1String("EarlyStopped"))
        return {TrialState::Pruned, QStringLiteral("early stopped in Katib") + (message.isEmpty() ? QString() : QStringLiteral(": ") + message)};
    if (type == QLatin1String("Failed") || type == QLatin1String("Killed") || type == QLatin1String("MetricsUnavailable"))
        return {TrialState::Failed, QStringLiteral("%1 in Katib").arg(type) + (message.isEmpty() ? QString() : QStringLiteral(": ") + message)};
    return {TrialState::Running, {}};
}

std::optional<double> timeOf(const QJsonObject& status, const char* key)
{
    const QDateTime t = QDateTime::fromString(status.value(QLatin1String(key)).toString(), Qt::ISODate);
    return t.isValid() ? std::optional(t.toMSecsSinceEpoch() / 1000.0) : std::nullopt;
}

} // namespace

KatibImport importKatib(const QJsonObject& experiment, const QJsonObject& trialsDoc, Store& store, const QString& givenName, const QString& where)
{
    if (experiment.value(QStringLiteral("kind")).toString() != QLatin1String("Experiment"))
        throw SpecError(where + QStringLiteral(": not a Katib Experiment (kind '%1'); give what `kubectl get experiment NAME -o json` prints")
                                    .arg(experiment.value(QStringLiteral("kind")).toString()));
    KatibImport out;
    const QJsonObject spec = experiment.value(QStringLiteral("spec")).toObject();
    const QJsonObject objective = spec.value(QStringLiteral("objective")).toObject();
    const QString metric = objective.value(QStringLiteral("objectiveMetricName")).toString();
    const bool maximize = objective.value(QStringLiteral("type")).toString() == QLatin1String("maximize");
    QString strategy = maximize ? QStringLiteral("max") : QStringLiteral("min");
    for (const QJsonValue& s : objective.value(QStringLiteral("metricStrategies")).toArray())
        if (s.toObject().value(QStringLiteral("name")).toString() == metric)
            strategy = s.toObject().value(QStringLiteral("value")).toString();
    QJsonArray space;
    const QJsonArray params = spec.value(QStringLiteral("parameters")).toArray();
    for (int i = 0; i < params.size(); ++i)
        space.append(paramFromKatib(params[i].toObject(), QStringLiteral("%1: spec.parameters[%2]").arg(where).arg(i), out.notes));
    static const QMap<QString, QString> algorithms{{QStringLiteral("random"), QStringLiteral("random")}, {QStringLiteral("grid"), QStringLiteral("grid")},
                                                   {QStringLiteral("tpe"), QStringLiteral("tpe")}, {QStringLiteral("multivariate-tpe"), QStringLiteral("tpe")},
                                                   {QStringLiteral("bayesianoptimization"), QStringLiteral("gp")}, {QStringLiteral("cmaes"), QStringLiteral("cmaes")},
                                                   {QStringLiteral("sobol"), QStringLiteral("sobol")}};
    const QString katibAlgorithm = spec.value(QStringLiteral("algorithm")).toObject().value(QStringLiteral("algorithmName")).toString();
    if (!algorithms.contains(katibAlgorithm))
        out.notes << QStringLiteral("algorithm %1 has no Tunebench counterpart: continued with tpe").arg(katibAlgorithm);
    const QString name = givenName.isEmpty() ? experiment.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString() : givenName;
    if (store.experiment(name))
        throw SpecError(store.path() + QStringLiteral(": already holds an experiment named '%1'; import with --name NEW_NAME").arg(name));
    QJsonObject ours{{QStringLiteral("name"), name},
                     {QStringLiteral("description"), QStringLiteral("Imported from Katib experiment '%1' (namespace %2)")
                                                         .arg(experiment.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString(),
                                                              experiment.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("namespace")).toString(QStringLiteral("?")))},
                     {QStringLiteral("objective"), QJsonObject{{QStringLiteral("metric"), metric}, {QStringLiteral("direction"), maximize ? QStringLiteral("maximize") : QStringLiteral("minimize")}}},
                     {QStringLiteral("space"), space},
                     {QStringLiteral("algorithm"), QJsonObject{{QStringLiteral("name"), algorithms.value(katibAlgorithm, QStringLiteral("tpe"))}}}};
    if (spec.contains(QStringLiteral("maxTrialCount")))
        ours.insert(QStringLiteral("budget"), QJsonObject{{QStringLiteral("max_trials"), spec.value(QStringLiteral("maxTrialCount"))}});
    ParseOptions options;
    options.requireTrial = false;
    ExperimentSpec parsed;
    try {
        parsed = parseSpec(ours, options);
    } catch (const SpecError& e) {
        throw SpecError(where + QStringLiteral(": the experiment does not map: ") + QString::fromUtf8(e.what()));
    }

    QJsonArray items = trialsDoc.value(QStringLiteral("items")).toArray();
    if (trialsDoc.value(QStringLiteral("kind")).toString() == QLatin1String("Trial"))
        items = QJsonArray{trialsDoc};
    else if (trialsDoc.value(QStringLiteral("kind")).toString() != QLatin1String("List") && !trialsDoc.contains(QStringLiteral("items")))
        throw SpecError(where + QStringLiteral(": the trials are not a List of Trials; give what `kubectl get trials -l katib.kubeflow.org/experiment=NAME -o json` prints"));
    // Trials in the order Katib created them.
    std::vector<QJsonObject> trials;
    for (const QJsonValue& v : items)
        trials.push_back(v.toObject());
    std::stable_sort(trials.begin(), trials.end(), [](const QJsonObject& a, const QJsonObject& b) {
        return a.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("creationTimestamp")).toString()
            < b.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("creationTimestamp")).toString();
    });
    const std::int64_t id = store.createExperiment(name, QJsonDocument(parsed.json).toJson(QJsonDocument::Compact));
    for (const QJsonObject& t : trials) {
        const QString trialName = t.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString();
        QJsonObject assignment;
        for (const QJsonValue& a : t.value(QStringLiteral("spec")).toObject().value(QStringLiteral("parameterAssignments")).toArray()) {
            const QString pname = a.toObject().value(QStringLiteral("name")).toString();
            const QString value = a.toObject().value(QStringLiteral("value")).toString();
            const auto index = parsed.space.indexOf(pname.toStdString());
            if (!index) {
                out.notes << QStringLiteral("trial %1: parameter '%2' is not in the experiment's space; left out").arg(trialName, pname);
                continue;
            }
            const algorithms::Param& p = parsed.space.params()[*index];
            bool ok = true;
            if (p.type == algorithms::ParamType::Float)
                assignment.insert(pname, value.toDouble(&ok));
            else if (p.type == algorithms::ParamType::Int)
                assignment.insert(pname, static_cast<qint64>(std::llround(value.toDouble(&ok))));
            else { // the choice whose text it is
                QJsonValue choice(value);
                for (const algorithms::Value& c : p.choices)
                    if (text(c) == value)
                        choice = toJson(c);
                assignment.insert(pname, choice);
            }
            if (!ok)
                throw SpecError(where + QStringLiteral(": trial %1: parameter '%2' = '%3' is not a number").arg(trialName, pname, value));
        }
        const auto [state, reason] = stateOf(t);
        const QJsonObject status = t.value(QStringLiteral("status")).toObject();
        const double time = timeOf(status, "completionTime").value_or(timeOf(status, "startTime").value_or(Store::now()));
        std::optional<double> value;
        std::vector<MetricRow> metrics;
        const auto row = store.createTrialWithin(id, QJsonDocument(assignment).toJson(QJsonDocument::Compact), state, std::nullopt);
        for (const QJsonValue& m : status.value(QStringLiteral("observation")).toObject().value(QStringLiteral("metrics")).toArray()) {
            const QJsonObject o = m.toObject();
            const QString mname = o.value(QStringLiteral("name")).toString();
            bool ok = false;
            const double latest = o.value(QStringLiteral("latest")).toString().toDouble(&ok);
            if (mname == metric) {
                bool vok = false;
                const double v = o.value(strategy == QLatin1String("latest") ? QStringLiteral("latest") : strategy).toString().toDouble(&vok);
                if (vok)
                    value = v;
            }
            if (ok)
                metrics.push_back({row->id, 1, 0, mname, latest, time});
        }
        if (state == algorithms::TrialState::Running)
            store.addMetrics(metrics, {});
        else
            store.finishTrial(row->id, state, state == algorithms::TrialState::Completed ? value : std::nullopt, std::nullopt, reason, metrics, {});
        store.setTrialTimes(row->id, timeOf(t.value(QStringLiteral("metadata")).toObject(), "creationTimestamp").value_or(time), timeOf(status, "startTime"),
                            timeOf(status, "completionTime"));
    }
    store.setExperimentState(id, ExperimentState::Stopped, QStringLiteral("imported from Katib; continue it with ask/tell or give it a trial command"));
    out.experiment = name;
    out.trials = static_cast<int>(trials.size());
    return out;
}

} // namespace tb::engine
