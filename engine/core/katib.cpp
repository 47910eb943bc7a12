#include "katib.h"

#include "errors.h"
#include "json.h"

#include "algorithms/pruner.h"
#include "algorithms/sampler.h"

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

    specOut.insert(QStringLiteral("objective"),
                   QJsonObject{{QStringLiteral("type"), spec.objective.direction == algorithms::Direction::Minimize ? QStringLiteral("minimize") : QStringLiteral("maximize")},
                               {QStringLiteral("objectiveMetricName"), spec.objective.metric}});
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
    if (!algorithmNames.contains(spec.algorithm.name)) {
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
