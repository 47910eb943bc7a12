// The store's trials, with the metrics and events their attempts reported.
#include "store.h"

#include "store_sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <limits>
#include <sqlite3.h>

namespace tb::engine {

using algorithms::TrialState;

#define TB_TRIAL_SELECT                                                                                                \
    "SELECT id, experiment_id, number, params, state, value, attempt, exit_code, reason, created_at, started_at, "    \
    "ended_at, dir, log_path, handle, sampler, sampler_reason, objective_values, violation FROM trials "

namespace {

// objective_values: a JSON array of numbers, '' when none.
QByteArray valuesToJson(const std::vector<double>& values)
{
    if (values.empty())
        return {};
    QJsonArray array;
    for (double v : values)
        array.append(v);
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

std::vector<double> valuesFromJson(const QByteArray& json)
{
    std::vector<double> out;
    if (json.isEmpty())
        return out;
    for (const QJsonValue& v : QJsonDocument::fromJson(json).array())
        out.push_back(v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN());
    return out;
}

TrialRow readTrial(const SqlRow& s)
{
    TrialRow t;
    QString state;
    QByteArray values;
    s.into(t.id, t.experimentId, t.number, t.params, state, t.value, t.attempt, t.exitCode, t.reason, t.createdAt, t.startedAt,
           t.endedAt, t.dir, t.logPath, t.handle, t.sampler, t.samplerReason, values, t.violation);
    t.state = algorithms::trialStateFromName(state.toStdString()).value_or(TrialState::Failed);
    t.values = valuesFromJson(values);
    return t;
}

// Columns trial_id, attempt, step, name, value, time. Given the name every row has, the
// rows share that one QString instead of each decoding its own.
MetricRow readMetricNamed(const SqlRow& s, const QString& name)
{
    MetricRow m;
    s.into(m.trialId, m.attempt, m.step, SqlRow::skip, m.value, m.time);
    m.name = name;
    return m;
}

MetricRow readMetric(const SqlRow& s)
{
    return readMetricNamed(s, s.text(3));
}

EventRow readEvent(const SqlRow& s)
{
    EventRow e;
    s.into(e.trialId, e.attempt, e.time, e.kind, e.body);
    return e;
}

} // namespace

// ---- trials ----

TrialRow Store::createTrial(std::int64_t experimentId, const QByteArray& params, TrialState state)
{
    return *createTrialWithin(experimentId, params, state, std::nullopt);
}

std::optional<TrialRow> Store::createTrialWithin(std::int64_t experimentId, const QByteArray& params, TrialState state,
                                                 std::optional<std::int64_t> limit, const QString& sampler,
                                                 const QString& samplerReason)
{
    TrialRow row;
    bool created = false;
    transaction([&] {
        row.number = prepare("SELECT coalesce(max(number), -1) + 1 FROM trials WHERE experiment_id = ?").bindAll(experimentId).scalar();
        if (limit && row.number >= *limit)
            return; // numbers are contiguous from 0: this many trials exist
        row.experimentId = experimentId;
        row.params = params;
        row.state = state;
        row.createdAt = now();
        if (state == TrialState::Running)
            row.startedAt = row.createdAt;
        row.sampler = sampler;
        row.samplerReason = samplerReason;
        prepare("INSERT INTO trials(experiment_id, number, params, state, created_at, started_at, sampler, sampler_reason) "
                "VALUES(?, ?, ?, ?, ?, ?, ?, ?)")
            .bindAll(experimentId, row.number, params, QString::fromLatin1(algorithms::trialStateName(state)), row.createdAt,
                     row.startedAt, sampler, samplerReason)
            .run();
        row.id = sqlite3_last_insert_rowid(m_db);
        created = true;
    });
    if (!created)
        return std::nullopt;
    return row;
}

void Store::startTrial(std::int64_t trialId, int attempt, const QString& dir, const QString& logPath, const QByteArray& handle)
{
    transaction([&] {
        prepare("UPDATE trials SET state = 'running', attempt = ?, started_at = ?, ended_at = NULL, dir = ?, "
                "log_path = ?, handle = ? WHERE id = ?")
            .bindAll(attempt, now(), dir, logPath, handle, trialId)
            .run();
    });
}

void Store::clearAttempt(std::int64_t trialId, int attempt)
{
    transaction([&] {
        prepare("DELETE FROM metrics WHERE trial_id = ? AND attempt = ?").bindAll(trialId, attempt).run();
        prepare("DELETE FROM events WHERE trial_id = ? AND attempt = ?").bindAll(trialId, attempt).run();
    });
}

void Store::setTrialHandle(std::int64_t trialId, const QByteArray& handle)
{
    transaction([&] { prepare("UPDATE trials SET handle = ? WHERE id = ?").bindAll(handle, trialId).run(); });
}

void Store::setTrialTimes(std::int64_t trialId, double created, std::optional<double> started, std::optional<double> ended)
{
    transaction([&] {
        prepare("UPDATE trials SET created_at = ?1, started_at = ?2, ended_at = ?3 WHERE id = ?4")
            .bindAll(created, started, ended, trialId)
            .run();
    });
}

void Store::finishTrial(std::int64_t trialId, TrialState state, std::optional<double> value, std::optional<int> exitCode,
                        const QString& reason, const std::vector<MetricRow>& metrics, const std::vector<EventRow>& events,
                        const TrialScore& score)
{
    transaction([&] {
        insertMetrics(metrics, events);
        prepare("UPDATE trials SET state = ?, value = ?, exit_code = ?, reason = ?, ended_at = ?, objective_values = ?, "
                "violation = ? WHERE id = ?")
            .bindAll(QString::fromLatin1(algorithms::trialStateName(state)), value, exitCode, reason, now(),
                     QString::fromUtf8(valuesToJson(score.values)), score.violation, trialId)
            .run();
    });
}

void Store::requeueTrial(std::int64_t trialId, int nextAttempt, const QString& reason)
{
    transaction([&] {
        prepare("UPDATE trials SET state = 'queued', attempt = ?, reason = ?, value = NULL, objective_values = '', "
                "violation = NULL, ended_at = ? WHERE id = ?")
            .bindAll(nextAttempt, reason, now(), trialId)
            .run();
    });
}

int Store::requeueRunning(std::int64_t experimentId, const QString& reason)
{
    int changed = 0;
    transaction([&] {
        prepare("UPDATE trials SET state = 'queued', attempt = attempt + 1, reason = ?, ended_at = ? "
                "WHERE experiment_id = ? AND state = 'running'")
            .bindAll(reason, now(), experimentId)
            .run();
        changed = sqlite3_changes(m_db);
    });
    return changed;
}

std::optional<TrialRow> Store::trial(std::int64_t trialId)
{
    return prepare(TB_TRIAL_SELECT "WHERE id = ?").bindAll(trialId).first(readTrial);
}

std::vector<TrialRow> Store::trials(std::int64_t experimentId)
{
    return prepare(TB_TRIAL_SELECT "WHERE experiment_id = ? ORDER BY number").bindAll(experimentId).all(readTrial);
}

StateCounts Store::counts(std::int64_t experimentId)
{
    StateCounts c;
    prepare("SELECT state, count(*) FROM trials WHERE experiment_id = ? GROUP BY state")
        .bindAll(experimentId)
        .forEachRow([&](const SqlRow& s) {
            const auto state = algorithms::trialStateFromName(s.text(0).toStdString());
            const std::int64_t n = s.integer(1);
            switch (state.value_or(TrialState::Failed)) {
            case TrialState::Queued: c.queued += n; break;
            case TrialState::Running: c.running += n; break;
            case TrialState::Completed: c.completed += n; break;
            case TrialState::Pruned: c.pruned += n; break;
            case TrialState::Failed: c.failed += n; break;
            }
        });
    return c;
}

std::int64_t Store::trialCount(std::int64_t experimentId)
{
    // Numbers are contiguous from 0, so the largest one counts the trials.
    return prepare("SELECT coalesce(max(number), -1) + 1 FROM trials WHERE experiment_id = ?").bindAll(experimentId).scalar();
}

bool Store::hasUnfinished(std::int64_t experimentId)
{
    return prepare("SELECT EXISTS(SELECT 1 FROM trials WHERE experiment_id = ? AND state IN ('queued', 'running'))")
               .bindAll(experimentId)
               .scalar()
        != 0;
}

std::optional<TrialRow> Store::bestTrial(std::int64_t experimentId, algorithms::Direction direction)
{
    auto s = direction == algorithms::Direction::Minimize
        ? prepare(TB_TRIAL_SELECT "WHERE experiment_id = ? AND state = 'completed' AND value IS NOT NULL "
                                  "ORDER BY COALESCE(violation, 0) ASC, value ASC, number ASC LIMIT 1")
        : prepare(TB_TRIAL_SELECT "WHERE experiment_id = ? AND state = 'completed' AND value IS NOT NULL "
                                  "ORDER BY COALESCE(violation, 0) ASC, value DESC, number ASC LIMIT 1");
    return s.bindAll(experimentId).first(readTrial);
}

QByteArray Store::trialsSignature(std::int64_t experimentId)
{
    return prepare("SELECT count(*), total(attempt), max(coalesce(ended_at, 0)), max(coalesce(started_at, 0)), "
                   "sum(CASE state WHEN 'running' THEN 1 WHEN 'queued' THEN 2 WHEN 'completed' THEN 4 "
                   "WHEN 'pruned' THEN 8 ELSE 16 END), total(length(handle)) FROM trials WHERE experiment_id = ?")
        .bindAll(experimentId)
        .first([](const SqlRow& s) {
            return s.bytes(0) + '/' + s.bytes(1) + '/' + s.bytes(2) + '/' + s.bytes(3) + '/' + s.bytes(4) + '/' + s.bytes(5);
        })
        .value_or(QByteArray());
}

// ---- metrics and events ----

void Store::insertMetrics(const std::vector<MetricRow>& metrics, const std::vector<EventRow>& events)
{
    for (const MetricRow& m : metrics)
        prepare("INSERT INTO metrics(trial_id, attempt, step, name, value, time) VALUES(?, ?, ?, ?, ?, ?)")
            .bindAll(m.trialId, m.attempt, m.step, m.name, m.value, m.time)
            .run();
    for (const EventRow& e : events)
        prepare("INSERT INTO events(trial_id, attempt, time, kind, body) VALUES(?, ?, ?, ?, ?)")
            .bindAll(e.trialId, e.attempt, e.time, e.kind, e.body)
            .run();
}

void Store::addMetrics(const std::vector<MetricRow>& metrics, const std::vector<EventRow>& events)
{
    if (metrics.empty() && events.empty())
        return;
    transaction([&] { insertMetrics(metrics, events); });
}

std::vector<MetricRow> Store::metrics(std::int64_t trialId)
{
    return prepare("SELECT trial_id, attempt, step, name, value, time FROM metrics WHERE trial_id = ? ORDER BY rowid")
        .bindAll(trialId)
        .all(readMetric);
}

std::vector<MetricRow> Store::experimentMetrics(std::int64_t experimentId, const QString& name)
{
    return prepare("SELECT m.trial_id, m.attempt, m.step, m.name, m.value, m.time FROM metrics m "
                   "JOIN trials t ON t.id = m.trial_id WHERE t.experiment_id = ? AND m.name = ? "
                   "AND m.attempt = t.attempt ORDER BY m.rowid")
        .bindAll(experimentId, name)
        .all(readMetric);
}

std::vector<MetricRow> Store::metricsSince(std::int64_t experimentId, std::int64_t after, int limit, std::int64_t* lastRowid,
                                          const QString& name)
{
    auto s = name.isEmpty() ? prepare("SELECT m.trial_id, m.attempt, m.step, m.name, m.value, m.time, m.rowid FROM metrics m "
                                      "JOIN trials t ON t.id = m.trial_id WHERE m.rowid > ?1 AND t.experiment_id = ?2 "
                                      "ORDER BY m.rowid LIMIT ?3")
                            : prepare("SELECT m.trial_id, m.attempt, m.step, m.name, m.value, m.time, m.rowid FROM metrics m "
                                      "JOIN trials t ON t.id = m.trial_id WHERE m.rowid > ?1 AND t.experiment_id = ?2 "
                                      "AND m.name = ?4 ORDER BY m.rowid LIMIT ?3");
    s.bindAll(after, experimentId, limit);
    if (!name.isEmpty())
        s.bind(4, name);
    std::vector<MetricRow> out;
    out.reserve(static_cast<std::size_t>(std::min(limit, 65536)));
    std::int64_t last = after;
    s.forEachRow([&](const SqlRow& row) {
        out.push_back(name.isEmpty() ? readMetric(row) : readMetricNamed(row, name));
        last = row.integer(6);
    });
    if (lastRowid)
        *lastRowid = last;
    return out;
}

QStringList Store::metricNames(std::int64_t experimentId)
{
    QStringList out;
    prepare("SELECT m.name FROM metrics m JOIN trials t ON t.id = m.trial_id WHERE t.experiment_id = ? "
            "GROUP BY m.name ORDER BY min(m.rowid)")
        .bindAll(experimentId)
        .forEachRow([&](const SqlRow& s) { out << s.text(0); });
    return out;
}

std::vector<EventRow> Store::events(std::int64_t trialId)
{
    return prepare("SELECT trial_id, attempt, time, kind, body FROM events WHERE trial_id = ? ORDER BY id")
        .bindAll(trialId)
        .all(readEvent);
}

} // namespace tb::engine
