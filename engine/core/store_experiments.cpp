// The store's experiments: their rows, states and the lease of the engine that runs one.
#include "store.h"

#include "errors.h"
#include "store_sql.h"

#include <sqlite3.h>

namespace tb::engine {

QString experimentStateName(ExperimentState state)
{
    switch (state) {
    case ExperimentState::Created: return QStringLiteral("created");
    case ExperimentState::Running: return QStringLiteral("running");
    case ExperimentState::Stopped: return QStringLiteral("stopped");
    case ExperimentState::Completed: return QStringLiteral("completed");
    case ExperimentState::Failed: return QStringLiteral("failed");
    }
    return QStringLiteral("failed");
}

ExperimentState experimentStateFromName(const QString& name)
{
    for (auto s : {ExperimentState::Created, ExperimentState::Running, ExperimentState::Stopped, ExperimentState::Completed})
        if (name == experimentStateName(s))
            return s;
    return ExperimentState::Failed;
}

#define TB_EXPERIMENT_SELECT                                                                                           \
    "SELECT id, name, spec, state, reason, created_at, started_at, ended_at, waiting, owner_token, owner_pid, owner_host, " \
    "owner_process, owner_program, owner_since, heartbeat_at, stop_requested FROM experiments "

namespace {

ExperimentRow readExperiment(const SqlRow& s)
{
    ExperimentRow e;
    QString state;
    Owner o;
    std::optional<double> since, heartbeat;
    s.into(e.id, e.name, e.spec, state, e.reason, e.createdAt, e.startedAt, e.endedAt, e.waiting, o.token, o.pid, o.host,
           o.process, o.program, since, heartbeat, e.stopRequested);
    e.state = experimentStateFromName(state);
    if (!o.token.isEmpty()) {
        o.since = since.value_or(0);
        o.heartbeat = heartbeat.value_or(0);
        e.owner = std::move(o);
    }
    return e;
}

} // namespace

std::int64_t Store::createExperiment(const QString& name, const QByteArray& spec)
{
    std::int64_t id = 0;
    transaction([&] {
        if (prepare("SELECT id FROM experiments WHERE name = ?").bindAll(name).step())
            throw SpecError(QStringLiteral("name: an experiment named '%1' already exists in %2; resume it "
                                           "(tunebench-cli resume --db %2 --experiment %1) or choose another name")
                                .arg(name, m_path));
        prepare("INSERT INTO experiments(name, spec, created_at) VALUES(?, ?, ?)").bindAll(name, spec, now()).run();
        id = sqlite3_last_insert_rowid(m_db);
    });
    return id;
}

std::optional<ExperimentRow> Store::experiment(const QString& name)
{
    if (name.isEmpty())
        return prepare(TB_EXPERIMENT_SELECT "ORDER BY id DESC LIMIT 1").first(readExperiment);
    return prepare(TB_EXPERIMENT_SELECT "WHERE name = ?").bindAll(name).first(readExperiment);
}

std::optional<ExperimentRow> Store::experiment(std::int64_t id)
{
    return prepare(TB_EXPERIMENT_SELECT "WHERE id = ?").bindAll(id).first(readExperiment);
}

std::vector<ExperimentRow> Store::experiments()
{
    return prepare(TB_EXPERIMENT_SELECT "ORDER BY id").all(readExperiment);
}

void Store::setExperimentState(std::int64_t id, ExperimentState state, const QString& reason)
{
    transaction([&] {
        prepare("UPDATE experiments SET state = ?1, reason = ?2, "
                "started_at = CASE WHEN ?1 = 'running' AND started_at IS NULL THEN ?3 ELSE started_at END, "
                "ended_at = CASE WHEN ?1 IN ('completed','failed','stopped') THEN ?3 ELSE NULL END, "
                "waiting = CASE WHEN ?1 = 'running' THEN waiting ELSE '' END WHERE id = ?4")
            .bindAll(experimentStateName(state), reason, now(), id)
            .run();
    });
}

void Store::setWaiting(std::int64_t experimentId, const QString& reason)
{
    transaction([&] { prepare("UPDATE experiments SET waiting = ? WHERE id = ?").bindAll(reason, experimentId).run(); });
}

bool Store::deleteExperiment(std::int64_t id, const QString& ownerToken)
{
    bool deleted = false;
    transaction([&] {
        prepare("DELETE FROM experiments WHERE id = ?1 AND owner_token = ?2").bindAll(id, ownerToken).run();
        deleted = sqlite3_changes(m_db) > 0;
    });
    return deleted;
}

// ---- the lease ----

bool Store::claimExperiment(std::int64_t id, const Owner& me, const std::function<bool(const Owner&)>& ownerAlive,
                            std::optional<Owner>* current)
{
    bool claimed = false;
    transaction([&] {
        const auto row = experiment(id);
        if (!row)
            throw RuntimeError(m_path + QStringLiteral(": experiment %1 vanished").arg(id));
        if (row->owner && row->owner->token != me.token && ownerAlive(*row->owner)) {
            *current = row->owner;
            return;
        }
        *current = row->owner; // the dead one taken over, if any
        prepare("UPDATE experiments SET owner_token = ?, owner_pid = ?, owner_host = ?, owner_process = ?, owner_program = ?, "
                "owner_since = ?, heartbeat_at = ?, stop_requested = 0 WHERE id = ?")
            .bindAll(me.token, me.pid, me.host, me.process, me.program, me.since, me.heartbeat, id)
            .run();
        claimed = true;
    });
    return claimed;
}

Store::Beat Store::heartbeat(std::int64_t id, const QString& token)
{
    Beat beat = Beat::Lost;
    transaction([&] {
        prepare("UPDATE experiments SET heartbeat_at = ? WHERE id = ? AND owner_token = ?").bindAll(now(), id, token).run();
        if (sqlite3_changes(m_db) == 0)
            return;
        const bool stop = prepare("SELECT stop_requested FROM experiments WHERE id = ?").bindAll(id).scalar() != 0;
        beat = stop ? Beat::StopRequested : Beat::Held;
    });
    return beat;
}

void Store::releaseExperiment(std::int64_t id, const QString& token)
{
    transaction([&] {
        prepare("UPDATE experiments SET owner_token = '', owner_pid = NULL, owner_host = '', owner_process = '', "
                "owner_program = '', owner_since = NULL, heartbeat_at = NULL, stop_requested = 0 "
                "WHERE id = ? AND owner_token = ?")
            .bindAll(id, token)
            .run();
    });
}

bool Store::requestStop(std::int64_t id)
{
    bool owned = false;
    transaction([&] {
        prepare("UPDATE experiments SET stop_requested = 1 WHERE id = ? AND owner_token != ''").bindAll(id).run();
        owned = sqlite3_changes(m_db) > 0;
    });
    return owned;
}

} // namespace tb::engine
