#include "trial_command.h"

#include "engine/telemetry/gpu_allocator.h"
#include "json.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSysInfo>

namespace tb::engine {

QString substitute(const QString& text, const algorithms::SearchSpace& space, const algorithms::Assignment& params,
                   const TrialContext& context, bool* inactive)
{
    static const QRegularExpression placeholder(QStringLiteral(R"(\$\{([^}]*)\})"));
    QString out;
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        if (name == QLatin1String("trial.id"))
            out += QString::number(context.id);
        else if (name == QLatin1String("trial.dir"))
            out += context.dir;
        else if (name == QLatin1String("trial.rank"))
            out += QString::number(context.rank);
        else if (const auto i = space.indexOf(name.toStdString()); i && *i < params.size() && params[*i])
            out += QString::fromStdString(algorithms::formatValue(*params[*i]));
        else if (inactive)
            *inactive = true;
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

TrialCommand buildCommand(const TrialSpec& trial, const algorithms::SearchSpace& space, const algorithms::Assignment& params,
                          const TrialContext& context)
{
    TrialCommand out;
    for (const QString& a : trial.argv) {
        bool inactive = false;
        const QString value = substitute(a, space, params, context, &inactive);
        if (!inactive)
            out.argv << value;
    }
    for (auto it = trial.env.begin(); it != trial.env.end(); ++it)
        out.env.insert(it.key(), substitute(it.value(), space, params, context));
    out.env.insert(QStringLiteral("TUNEBENCH_TRIAL_ID"), QString::number(context.id));
    out.env.insert(QStringLiteral("TUNEBENCH_TRIAL_NUMBER"), QString::number(context.number));
    out.env.insert(QStringLiteral("TUNEBENCH_TRIAL_DIR"), context.dir);
    out.env.insert(QStringLiteral("TUNEBENCH_PARAMS"), compactJson(assignmentToJson(space, params)));
    if (!context.token.isEmpty())
        out.env.insert(QStringLiteral("TUNEBENCH_TRIAL_TOKEN"), context.token);
    if (context.gpus) {
        // CUDA numbers GPUs in PCI bus order, as NVML does, once told so.
        QStringList visible;
        for (int g : *context.gpus)
            visible << QString::number(g);
        out.env.insert(QStringLiteral("CUDA_VISIBLE_DEVICES"), visible.join(QLatin1Char(',')));
        if (!trial.env.contains(QStringLiteral("CUDA_DEVICE_ORDER")))
            out.env.insert(QStringLiteral("CUDA_DEVICE_ORDER"), QStringLiteral("PCI_BUS_ID"));
    }
    return out;
}

std::vector<TrialCommand> buildWorkers(const TrialSpec& trial, const ResourcesSpec& resources, const algorithms::SearchSpace& space,
                                       const algorithms::Assignment& params, const TrialContext& context)
{
    std::vector<TrialCommand> out;
    const int n = trial.workers;
    const int perWorker = context.gpus ? resources.gpusPerWorker.value_or(1) : 0;
    for (int rank = 0; rank < n; ++rank) {
        TrialContext c = context;
        c.rank = rank;
        if (context.gpus) {
            std::vector<int> mine;
            for (int k = rank * perWorker; k < (rank + 1) * perWorker && k < static_cast<int>(context.gpus->size()); ++k)
                mine.push_back((*context.gpus)[static_cast<std::size_t>(k)]);
            c.gpus = mine;
        }
        TrialCommand cmd = buildCommand(trial, space, params, c);
        const QString r = QString::number(rank), world = QString::number(n);
        for (const auto& [name, value] : {std::pair{"RANK", r}, {"LOCAL_RANK", r}, {"WORLD_SIZE", world}, {"LOCAL_WORLD_SIZE", world},
                                          {"GROUP_RANK", QStringLiteral("0")}, {"MASTER_ADDR", QStringLiteral("127.0.0.1")},
                                          {"MASTER_PORT", QString::number(context.port)}, {"TUNEBENCH_TRIAL_RANK", r}})
            cmd.env.insert(QLatin1String(name), value);
        out.push_back(std::move(cmd));
    }
    return out;
}

TrialLaunch launchOf(const ExperimentSpec& spec, const algorithms::Assignment& params, TrialContext context, int attempt)
{
    if (context.token.isEmpty())
        context.token = QStringLiteral("%1-%2-%3").arg(context.id).arg(attempt).arg(QRandomGenerator::system()->generate64(), 0, 16);
    const TrialSpec& trial = *spec.trial;
    QJsonObject handle{{QStringLiteral("token"), context.token}, {QStringLiteral("host"), QSysInfo::machineHostName()}};
    TrialLaunch launch;
    if (trial.workers > 1) {
        handle.insert(QStringLiteral("port"), context.port);
        for (TrialCommand& w : buildWorkers(trial, spec.resources, spec.space, params, context))
            launch.workers.push_back({std::move(w.argv), std::move(w.env)});
        launch.argv = launch.workers[static_cast<std::size_t>(trial.metricsRank)].argv;
        launch.env = launch.workers[static_cast<std::size_t>(trial.metricsRank)].env;
        launch.metricsRank = trial.metricsRank;
    } else {
        TrialCommand command = buildCommand(trial, spec.space, params, context);
        launch.argv = std::move(command.argv);
        launch.env = std::move(command.env);
    }
    launch.trialId = context.id;
    launch.workdir = trial.workdir;
    launch.dir = context.dir;
    launch.token = context.token;
    launch.handle = compactJson(handle).toUtf8();
    return launch;
}

QString trialFolder(const QString& dbPath, const QString& experiment, std::int64_t experimentId, std::int64_t number)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_.-]"));
    const QFileInfo db(dbPath);
    QString name = experiment;
    name.replace(unsafe, QStringLiteral("_"));
    return db.absoluteDir().filePath(db.completeBaseName() + QStringLiteral(".trials/") + name + QLatin1Char('-')
                                     + QString::number(experimentId) + QLatin1Char('/') + QString::number(number));
}

int gpusNeeded(const ExperimentSpec& spec, const algorithms::Assignment& params)
{
    if (spec.trial->workers > 1)
        return spec.trial->workers * spec.resources.gpusPerWorker.value_or(spec.resources.managesGpus() ? 1 : 0);
    std::vector<std::string> argv;
    for (const QString& a : buildCommand(*spec.trial, spec.space, params, {}).argv)
        argv.push_back(a.toStdString());
    return gpusForCommand(argv, spec.resources.gpusPerTrial.value_or(-1));
}

} // namespace tb::engine
