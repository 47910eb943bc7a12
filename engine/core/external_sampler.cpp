#include "external_sampler.h"

#include "json.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

#include <cstring>
#include <functional>
#include <unordered_map>

namespace tb::engine {

using algorithms::TrialRecord;
using algorithms::TrialState;

namespace {

// One external process and its line protocol; started on the first call, started again
// once per run when it dies or goes silent.
class Channel {
public:
    Channel(QString role, ExternalSpec spec, QString logPath)
        : m_role(std::move(role)), m_spec(std::move(spec)), m_logPath(std::move(logPath))
    {
    }

    ~Channel() { stop(2000); }

    // Sends build(incremental) and returns the answer. `incremental` is true when this
    // process asked for incremental requests and has had a whole one.
    QJsonObject call(const std::function<QByteArray(bool incremental)>& build)
    {
        for (;;) {
            QString why;
            if (m_process || start(&why)) {
                if (auto answer = exchange(build(m_incremental && m_hadWhole), &why)) {
                    m_hadWhole = true;
                    return *answer;
                }
            }
            stop(0);
            if (m_starts >= 2)
                throw SamplerStopped(QStringLiteral("the external %1 (%2) %3, after it had been started again once; its log: %4%5")
                                         .arg(m_role, m_spec.command.join(QLatin1Char(' ')), why, m_logPath, lastLogLine()));
            note(QStringLiteral("%1; starting it again").arg(why));
        }
    }

    const QString& logPath() const { return m_logPath; }

private:
    bool start(QString* why)
    {
        ++m_starts;
        m_incremental = m_hadWhole = false;
        QDir().mkpath(QFileInfo(m_logPath).path());
        QString program = m_spec.command.first();
        if (program.contains(QLatin1Char('/')))
            program = QDir(m_spec.workdir).absoluteFilePath(program); // relative to its folder, not ours
        note(QStringLiteral("starting the %1: %2 (in %3)").arg(m_role, m_spec.command.join(QLatin1Char(' ')), m_spec.workdir));
        m_process = std::make_unique<QProcess>();
        m_process->setProgram(program);
        m_process->setArguments(m_spec.command.mid(1));
        m_process->setWorkingDirectory(m_spec.workdir);
        m_process->setStandardErrorFile(m_logPath, QIODevice::Append);
        m_process->start();
        if (!m_process->waitForStarted(30000)) {
            *why = QStringLiteral("could not be started: %1").arg(m_process->errorString());
            return false;
        }
        return true;
    }

    // One request and its answer; nullopt with `why` when the process died or went silent.
    std::optional<QJsonObject> exchange(const QByteArray& request, QString* why)
    {
        QProcess& p = *m_process;
        QElapsedTimer clock;
        clock.start();
        const qint64 limitMs = static_cast<qint64>(m_spec.timeoutS * 1000);
        p.write(request);
        p.write("\n", 1);
        for (;;) {
            while (p.canReadLine()) {
                const QByteArray line = p.readLine().trimmed();
                if (line.isEmpty())
                    continue;
                QJsonParseError error{};
                const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
                if (!doc.isObject()) {
                    note(QStringLiteral("ignored a line on stdout that is not a JSON object: %1").arg(printable(QString::fromUtf8(line.left(300)))));
                    continue;
                }
                const QJsonObject answer = doc.object();
                if (answer.contains(QStringLiteral("hello"))) { // the greeting
                    m_incremental = answer.value(QStringLiteral("incremental")).toBool();
                    continue;
                }
                return answer;
            }
            if (p.state() == QProcess::NotRunning) {
                *why = p.exitStatus() == QProcess::CrashExit ? QStringLiteral("crashed")
                                                             : QStringLiteral("exited with code %1").arg(p.exitCode());
                return std::nullopt;
            }
            const qint64 left = limitMs - clock.elapsed();
            if (left <= 0) {
                *why = QStringLiteral("gave no answer within %1 s (algorithm.timeout_s)").arg(m_spec.timeoutS);
                return std::nullopt;
            }
            // Also writes what is left of the request while the process reads it.
            p.waitForReadyRead(static_cast<int>(std::min<qint64>(left, 1000)));
        }
    }

    void stop(int graceMs)
    {
        if (!m_process)
            return;
        m_process->closeWriteChannel(); // end of input: a well-behaved sampler exits
        if (graceMs <= 0 || !m_process->waitForFinished(graceMs)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        m_process.reset();
    }

    void note(const QString& text) const
    {
        QFile log(m_logPath);
        if (log.open(QIODevice::Append))
            log.write(QStringLiteral("=== %1 tunebench: %2\n").arg(QDateTime::currentDateTime().toString(Qt::ISODate), text).toUtf8());
    }

    // The last line the process wrote to its log, for the message that stops the experiment.
    QString lastLogLine() const
    {
        QFile log(m_logPath);
        if (!log.open(QIODevice::ReadOnly))
            return {};
        log.seek(std::max<qint64>(0, log.size() - 4096));
        const QList<QByteArray> lines = log.readAll().split('\n');
        for (auto it = lines.rbegin(); it != lines.rend(); ++it)
            if (!it->trimmed().isEmpty() && !it->startsWith("=== "))
                return QStringLiteral("; it last wrote: ") + printable(QString::fromUtf8(it->trimmed().left(300)));
        return {};
    }

    QString m_role;
    ExternalSpec m_spec;
    QString m_logPath;
    std::unique_ptr<QProcess> m_process;
    bool m_incremental = false;
    bool m_hadWhole = false;
    int m_starts = 0;
};

const char* stateName(TrialState state)
{
    return state == TrialState::Queued ? "running" : algorithms::trialStateName(state);
}

// What a trial looked like when the process last heard of it.
struct Sent {
    TrialState state = TrialState::Queued;
    bool hasValue = false;
    double value = 0;
    std::size_t reports = 0;
    bool operator==(const Sent& o) const
    {
        return state == o.state && hasValue == o.hasValue && std::memcmp(&value, &o.value, sizeof value) == 0 && reports == o.reports;
    }
};

// The trial list of a request, whole or only what changed since the last one.
class TrialList {
public:
    explicit TrialList(const algorithms::SearchSpace& space) : m_space(space) {}

    void add(std::int64_t number, const algorithms::Assignment& params, TrialState state, std::optional<double> value,
             const std::vector<std::pair<std::int64_t, double>>& reports)
    {
        if (changed(number, state, value, reports))
            m_out.append(trialJson(number, params, state, value, reports));
    }

    // A finished trial, with every objective's value ("values", several objectives) and its
    // "violation" (constraints) when the history has them.
    void add(const TrialRecord& t, const algorithms::History& history)
    {
        if (!changed(t.number, t.state, t.value, t.intermediate))
            return;
        QJsonObject o = trialJson(t.number, t.params, t.state, t.value, t.intermediate);
        if (history.multiObjective()) {
            QJsonArray values;
            for (double v : t.values)
                values.append(std::isfinite(v) ? QJsonValue(v) : QJsonValue());
            o.insert(QStringLiteral("values"), t.values.empty() ? QJsonValue() : QJsonValue(values));
        }
        if (history.constrained)
            o.insert(QStringLiteral("violation"), std::isfinite(t.violation) ? QJsonValue(t.violation) : QJsonValue());
        m_out.append(o);
    }

    // Records what the process will have heard of the trial; false when it heard it already.
    bool changed(std::int64_t number, TrialState state, std::optional<double> value, const std::vector<std::pair<std::int64_t, double>>& reports)
    {
        const Sent now{state, value.has_value(), value.value_or(0), reports.size()};
        auto [it, fresh] = m_sent.try_emplace(number, now);
        if (m_incremental && !fresh && it->second == now)
            return false;
        it->second = now;
        return true;
    }

    void begin(bool incremental)
    {
        m_incremental = incremental;
        if (!incremental)
            m_sent.clear();
        m_out = QJsonArray();
    }

    QJsonObject trialJson(std::int64_t number, const algorithms::Assignment& params, TrialState state, std::optional<double> value,
                          const std::vector<std::pair<std::int64_t, double>>& reports) const
    {
        QJsonArray curve;
        for (const auto& [step, v] : reports)
            curve.append(QJsonArray{static_cast<qint64>(step), std::isfinite(v) ? QJsonValue(v) : QJsonValue()});
        return QJsonObject{{QStringLiteral("number"), static_cast<qint64>(number)},
                           {QStringLiteral("params"), assignmentToJson(m_space, params)},
                           {QStringLiteral("state"), QLatin1String(stateName(state))},
                           {QStringLiteral("value"), value && std::isfinite(*value) ? QJsonValue(*value) : QJsonValue()},
                           {QStringLiteral("reports"), curve}};
    }

    const QJsonArray& json() const { return m_out; }

private:
    const algorithms::SearchSpace& m_space;
    std::unordered_map<std::int64_t, Sent> m_sent;
    QJsonArray m_out;
    bool m_incremental = false;
};

QJsonObject requestHead(const ExperimentSpec& spec, const ExternalSpec& external, const char* op, std::int64_t number, bool incremental)
{
    QJsonObject r{{QStringLiteral("op"), QLatin1String(op)},
                  {QStringLiteral("number"), static_cast<qint64>(number)},
                  {QStringLiteral("seed"), static_cast<qint64>(spec.algorithm.seed)},
                  {QStringLiteral("incremental"), incremental}};
    if (!incremental) { // what does not change is sent to each process once
        r.insert(QStringLiteral("space"), spec.json.value(QStringLiteral("space")));
        r.insert(QStringLiteral("settings"), external.settings);
        const auto word = [](algorithms::Direction d) {
            return d == algorithms::Direction::Minimize ? QStringLiteral("minimize") : QStringLiteral("maximize");
        };
        r.insert(QStringLiteral("direction"), word(spec.objective.direction));
        if (spec.multiObjective()) {
            QJsonArray directions;
            for (const ObjectiveSpec& o : spec.objectives)
                directions.append(word(o.direction));
            r.insert(QStringLiteral("directions"), directions);
        }
        if (!spec.constraints.empty())
            r.insert(QStringLiteral("constraints"), spec.json.value(QStringLiteral("constraints")));
    }
    return r;
}

QString shortJson(const QJsonObject& o)
{
    QString text = compactJson(o);
    if (text.size() > 300)
        text = text.left(300) + QStringLiteral("...");
    return printable(text);
}

class ExternalSampler final : public algorithms::Sampler {
public:
    ExternalSampler(const ExperimentSpec& spec, const QString& logPath)
        : m_spec(spec), m_channel(QStringLiteral("sampler"), spec.algorithm.external, logPath), m_trials(m_spec.space)
    {
    }

    std::optional<algorithms::Assignment> suggest(const algorithms::History& history, std::int64_t number) override
    {
        const QJsonObject answer = m_channel.call([&](bool incremental) {
            m_trials.begin(incremental);
            for (const TrialRecord& t : history.finished)
                m_trials.add(t, history);
            static const std::vector<std::pair<std::int64_t, double>> none;
            for (std::size_t i = 0; i < history.pending.size() && i < history.pendingNumbers.size(); ++i)
                m_trials.add(history.pendingNumbers[i], history.pending[i], TrialState::Running, std::nullopt, none);
            QJsonObject request = requestHead(m_spec, m_spec.algorithm.external, "suggest", number, incremental);
            request.insert(QStringLiteral("trials"), m_trials.json());
            return QJsonDocument(request).toJson(QJsonDocument::Compact);
        });
        const QString at = QStringLiteral("the external sampler's answer for trial %1").arg(number);
        if (answer.contains(QStringLiteral("error")))
            throw SamplerFault(at + QStringLiteral(" is an error: ") + printable(answer.value(QStringLiteral("error")).toVariant().toString()));
        if (answer.value(QStringLiteral("exhausted")).toBool())
            return std::nullopt; // nothing left to try: the experiment completes
        if (!answer.value(QStringLiteral("params")).isObject())
            throw SamplerFault(at + QStringLiteral(" has no \"params\" object: ") + shortJson(answer));
        try {
            return checkedSuggestion(m_spec.space, answer.value(QStringLiteral("params")).toObject());
        } catch (const SamplerFault& e) {
            throw SamplerFault(at + QStringLiteral(": ") + QString::fromUtf8(e.what()) + QStringLiteral(" (answer: ")
                               + shortJson(answer) + QLatin1Char(')'));
        }
    }

private:
    const ExperimentSpec m_spec;
    Channel m_channel;
    TrialList m_trials;
};

class ExternalPruner final : public algorithms::Pruner {
public:
    ExternalPruner(const ExperimentSpec& spec, const QString& logPath)
        : m_spec(spec), m_channel(QStringLiteral("pruner"), spec.pruner.external, logPath), m_trials(m_spec.space)
    {
    }

    std::optional<std::string> shouldPrune(const TrialRecord& trial, const algorithms::History& history,
                                           const std::vector<TrialRecord>& running) override
    {
        const QJsonObject answer = m_channel.call([&](bool incremental) {
            m_trials.begin(incremental);
            for (const TrialRecord& t : history.finished)
                m_trials.add(t.number, t.params, t.state, t.value, t.intermediate);
            for (const TrialRecord& t : running)
                m_trials.add(t.number, t.params, TrialState::Running, std::nullopt, t.intermediate);
            QJsonObject request = requestHead(m_spec, m_spec.pruner.external, "prune", trial.number, incremental);
            request.insert(QStringLiteral("trials"), m_trials.json());
            request.insert(QStringLiteral("trial"), m_trials.trialJson(trial.number, trial.params, TrialState::Running, std::nullopt, trial.intermediate));
            return QJsonDocument(request).toJson(QJsonDocument::Compact);
        });
        // A pruner's bad answer keeps the trial running: stopping it would lose work.
        if (!answer.value(QStringLiteral("prune")).isBool()) {
            QFile log(m_channel.logPath());
            if (log.open(QIODevice::Append))
                log.write(QStringLiteral("=== tunebench: trial %1 keeps running: the answer has no \"prune\": true|false: %2\n")
                              .arg(trial.number)
                              .arg(shortJson(answer))
                              .toUtf8());
            return std::nullopt;
        }
        if (!answer.value(QStringLiteral("prune")).toBool())
            return std::nullopt;
        const QString reason = answer.value(QStringLiteral("reason")).toString();
        return (reason.isEmpty() ? QStringLiteral("pruned by the external pruner") : printable(reason)).toStdString();
    }

private:
    const ExperimentSpec m_spec;
    Channel m_channel;
    TrialList m_trials;
};

} // namespace

algorithms::Assignment checkedSuggestion(const algorithms::SearchSpace& space, const QJsonObject& params)
{
    algorithms::Assignment out;
    try {
        out = assignmentFromJson(space, params);
    } catch (const SpecError& e) {
        QString text = QString::fromUtf8(e.what());
        if (text.startsWith(QStringLiteral("params.")))
            text = text.mid(7);
        throw SamplerFault(text);
    }
    // Parents come first in this order, so each parameter's activity is known when it is checked.
    for (std::size_t index : space.topologicalOrder()) {
        const algorithms::Param& p = space.params()[index];
        const bool active = space.isActive(index, out);
        const QString name = printable(QString::fromStdString(p.name));
        if (!active && out[index])
            throw SamplerFault(QStringLiteral("'%1' is given but inactive (its condition on '%2' does not hold); leave it out")
                                   .arg(name, printable(QString::fromStdString(p.when->parent))));
        if (active && !out[index]) {
            if (p.type != algorithms::ParamType::Fixed)
                throw SamplerFault(QStringLiteral("'%1' is missing; every active parameter needs a value").arg(name));
            out[index] = *p.fixed;
        }
    }
    return out;
}

std::unique_ptr<algorithms::Sampler> makeExternalSampler(const ExperimentSpec& spec, const QString& logPath)
{
    return std::make_unique<ExternalSampler>(spec, logPath);
}

std::unique_ptr<algorithms::Pruner> makeExternalPruner(const ExperimentSpec& spec, const QString& logPath)
{
    return std::make_unique<ExternalPruner>(spec, logPath);
}

} // namespace tb::engine
