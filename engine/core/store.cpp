#include "store.h"

#include "errors.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <fcntl.h>
#include <limits>
#include <map>
#include <mutex>
#include <sqlite3.h>
#include <sys/stat.h>
#include <tuple>
#include <unistd.h>
#include <unordered_map>

namespace tb::engine {

using algorithms::TrialState;

namespace {

// Forward migrations: entry i takes the schema from version i to i+1. Never edit an entry
// that has shipped; append a new one.
const char* const kMigrations[] = {
    // 0 -> 1: experiments, trials, metrics
    R"sql(
    CREATE TABLE experiments(
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        spec TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'created',
        reason TEXT NOT NULL DEFAULT '',
        created_at REAL NOT NULL,
        started_at REAL,
        ended_at REAL);
    CREATE TABLE trials(
        id INTEGER PRIMARY KEY,
        experiment_id INTEGER NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        params TEXT NOT NULL,
        state TEXT NOT NULL CHECK(state IN ('queued','running','completed','pruned','failed')),
        value REAL,
        attempt INTEGER NOT NULL DEFAULT 1,
        exit_code INTEGER,
        reason TEXT NOT NULL DEFAULT '',
        created_at REAL NOT NULL,
        started_at REAL,
        ended_at REAL,
        dir TEXT NOT NULL DEFAULT '',
        log_path TEXT NOT NULL DEFAULT '',
        UNIQUE(experiment_id, number));
    CREATE TABLE metrics(
        trial_id INTEGER NOT NULL REFERENCES trials(id) ON DELETE CASCADE,
        attempt INTEGER NOT NULL,
        step INTEGER NOT NULL,
        name TEXT NOT NULL,
        value REAL,
        time REAL NOT NULL);
    CREATE INDEX metrics_by_trial ON metrics(trial_id, name, step);
    )sql",
    // 1 -> 2: structured events (schedule spans, memory, partitions) and a state index
    R"sql(
    CREATE TABLE events(
        id INTEGER PRIMARY KEY,
        trial_id INTEGER NOT NULL REFERENCES trials(id) ON DELETE CASCADE,
        attempt INTEGER NOT NULL,
        time REAL NOT NULL,
        kind TEXT NOT NULL,
        body TEXT NOT NULL);
    CREATE INDEX events_by_trial ON events(trial_id, kind);
    CREATE INDEX trials_by_state ON trials(experiment_id, state);
    )sql",
    // 2 -> 3: device telemetry (GPU and CPU samples) and the reason a trial waits for GPUs
    R"sql(
    CREATE TABLE telemetry(
        id INTEGER PRIMARY KEY,
        experiment_id INTEGER NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
        time REAL NOT NULL,
        kind TEXT NOT NULL CHECK(kind IN ('gpu','cpu')),
        device INTEGER NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        utilization REAL,
        memory_used INTEGER,
        memory_total INTEGER,
        power_w REAL,
        temperature_c REAL,
        trials TEXT NOT NULL DEFAULT '',
        processes TEXT NOT NULL DEFAULT '[]',
        samples INTEGER NOT NULL DEFAULT 1);
    CREATE INDEX telemetry_by_time ON telemetry(experiment_id, time);
    ALTER TABLE experiments ADD COLUMN waiting TEXT NOT NULL DEFAULT '';
    )sql",
    // 3 -> 4: the engine that owns a running experiment (a lease with a heartbeat), a stop
    // request for it, and what finds a trial's processes again after an engine crash
    R"sql(
    ALTER TABLE experiments ADD COLUMN owner_token TEXT NOT NULL DEFAULT '';
    ALTER TABLE experiments ADD COLUMN owner_pid INTEGER;
    ALTER TABLE experiments ADD COLUMN owner_host TEXT NOT NULL DEFAULT '';
    ALTER TABLE experiments ADD COLUMN owner_process TEXT NOT NULL DEFAULT '';
    ALTER TABLE experiments ADD COLUMN owner_program TEXT NOT NULL DEFAULT '';
    ALTER TABLE experiments ADD COLUMN owner_since REAL;
    ALTER TABLE experiments ADD COLUMN heartbeat_at REAL;
    ALTER TABLE experiments ADD COLUMN stop_requested INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE trials ADD COLUMN handle TEXT NOT NULL DEFAULT '';
    )sql",
    // 4 -> 5: the other experiments' trials on a device (machine-wide GPU slots)
    R"sql(
    ALTER TABLE telemetry ADD COLUMN others TEXT NOT NULL DEFAULT '';
    )sql",
};
static_assert(std::size(kMigrations) == Store::kSchemaVersion);

constexpr int kBusyTimeoutMs = 30000;

// SQLite's unix VFS locks (src/os_unix.c): a connection in WAL mode holds a read lock on
// the database file's SHARED range for its whole life, and the first one to open a store
// takes the -shm file's DMS byte exclusively to rebuild the WAL index.
constexpr off_t kSharedFirst = 0x40000000 + 2;
constexpr off_t kSharedSize = 510;
constexpr off_t kShmDms = (22 + 8) * 4 + 8;

struct FileId {
    dev_t dev = 0;
    ino_t ino = 0;
    auto operator<=>(const FileId&) const = default;
};

std::optional<FileId> fileId(const QString& path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return std::nullopt;
    return FileId{st.st_dev, st.st_ino};
}

} // namespace

// POSIX record locks belong to a process and a file, not to a descriptor: when anything
// in the process closes *any* descriptor of the store's files (a file dialog sniffing the
// type, a QFile on a path the user picked), every SQLite lock the process holds on them is
// gone. Another process then believes it is the last one, checkpoints and deletes the WAL,
// and what this process writes afterwards goes into a deleted file.
//
// The keeper holds open file description (OFD) read locks on the same bytes. Those belong
// to the keeper's own descriptors, so no close() elsewhere drops them, and they conflict
// with other processes' SQLite locks exactly as the lost ones would: nobody else can
// believe it is last (no WAL deleted) or rebuild the -shm under us. One keeper per store
// file per process, kept while any connection of the process has the file open; its
// descriptors close only with the last connection, before SQLite's own close, so that the
// last connection of the last process still checkpoints and removes the WAL as usual.
class Store::Keeper {
public:
    // Registers one more connection of this process to `path` (before it takes a lock).
    static std::shared_ptr<Keeper> join(const QString& path);
    // After the connection switched to WAL mode: the OFD locks, once per file.
    void hold(const QString& path);
    // The last connection closes its keeper's descriptors; call before sqlite3_close.
    void leave();
    // Throws when writing could lose data: the keeper's descriptors are no longer its own,
    // or the WAL this process writes is not the one on disk (deleted or replaced).
    void check(const QString& path);
    static bool guards(const QString& path);

private:
    struct Entry;
    static std::mutex& mutex();
    static std::map<FileId, Entry>& registry();
    FileId m_db;
};

struct Store::Keeper::Entry {
    int connections = 0;
    int dbFd = -1;
    int shmFd = -1;
    std::optional<FileId> shm;
    std::optional<FileId> wal;
    bool warned = false;
};

std::mutex& Store::Keeper::mutex()
{
    static std::mutex m; // guards registry()
    return m;
}

std::map<FileId, Store::Keeper::Entry>& Store::Keeper::registry()
{
    static std::map<FileId, Entry> r;
    return r;
}

std::shared_ptr<Store::Keeper> Store::Keeper::join(const QString& path)
{
    const auto id = fileId(path);
    if (!id)
        return nullptr;
    auto keeper = std::make_shared<Keeper>();
    keeper->m_db = *id;
    std::lock_guard lock(mutex());
    ++registry()[*id].connections;
    return keeper;
}

void Store::Keeper::hold(const QString& path)
{
    std::lock_guard lock(mutex());
    Entry& e = registry()[m_db];
    if (!e.wal)
        e.wal = fileId(path + QStringLiteral("-wal"));
    if (e.dbFd >= 0)
        return;
    auto lockRead = [](int fd, off_t start, off_t length) {
        struct flock fl {};
        fl.l_type = F_RDLCK;
        fl.l_whence = SEEK_SET;
        fl.l_start = start;
        fl.l_len = length;
        return ::fcntl(fd, F_OFD_SETLK, &fl) == 0;
    };
    e.dbFd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    e.shmFd = ::open(QFile::encodeName(path + QStringLiteral("-shm")).constData(), O_RDONLY | O_CLOEXEC);
    if (e.shmFd >= 0)
        e.shm = fileId(path + QStringLiteral("-shm"));
    const bool held = e.dbFd >= 0 && lockRead(e.dbFd, kSharedFirst, kSharedSize) && e.shmFd >= 0 && lockRead(e.shmFd, kShmDms, 1);
    if (!held && !e.warned) {
        e.warned = true; // a file system without OFD locks: SQLite's own locks still work
        qWarning("tunebench: %s: cannot hold the store's locks against lost POSIX locks (%s)", qPrintable(path), strerror(errno));
    }
}

void Store::Keeper::leave()
{
    std::lock_guard lock(mutex());
    auto it = registry().find(m_db);
    if (it == registry().end() || --it->second.connections > 0)
        return;
    // Closing these drops the process's POSIX locks too: only now that no other
    // connection of the process has the file open.
    if (it->second.dbFd >= 0)
        ::close(it->second.dbFd);
    if (it->second.shmFd >= 0)
        ::close(it->second.shmFd);
    registry().erase(it);
}

void Store::Keeper::check(const QString& path)
{
    std::optional<FileId> expectedWal;
    bool keeperIntact = true;
    {
        std::lock_guard lock(mutex());
        const Entry& e = registry()[m_db];
        expectedWal = e.wal;
        struct stat st {};
        if (e.dbFd >= 0)
            keeperIntact = ::fstat(e.dbFd, &st) == 0 && FileId{st.st_dev, st.st_ino} == m_db;
    }
    const auto wal = fileId(path + QStringLiteral("-wal"));
    if (keeperIntact && (!expectedWal || wal == expectedWal))
        return;
    throw RuntimeError(path + QStringLiteral(": the store's write-ahead log was deleted or replaced while this process had "
                                             "it open (its file locks were lost); nothing more is written, so that no "
                                             "result goes into a deleted file. Close this program and open the store "
                                             "again; trials that were running resume with tunebench-cli resume"));
}

bool Store::Keeper::guards(const QString& path)
{
    const auto id = fileId(path);
    if (!id)
        return false;
    std::lock_guard lock(mutex());
    for (const auto& [db, e] : registry())
        if (*id == db || *id == e.shm || *id == e.wal)
            return true;
    return false;
}

bool isOpenStoreFile(const QString& path)
{
    return Store::Keeper::guards(path);
}

// A cached prepared statement; reset (bindings kept irrelevant) when the handle goes away.
class Store::Statement {
public:
    Statement(Store& store, sqlite3_stmt* stmt) : m_store(store), m_stmt(stmt) {}
    ~Statement()
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    Statement(const Statement&) = delete;

    Statement& bind(int i, std::int64_t v) { return check(sqlite3_bind_int64(m_stmt, i, v)); }
    Statement& bind(int i, int v) { return check(sqlite3_bind_int64(m_stmt, i, v)); }
    Statement& bind(int i, double v)
    {
        return check(std::isnan(v) ? sqlite3_bind_null(m_stmt, i) : sqlite3_bind_double(m_stmt, i, v));
    }
    Statement& bind(int i, std::optional<double> v) { return v ? bind(i, *v) : check(sqlite3_bind_null(m_stmt, i)); }
    Statement& bind(int i, std::optional<int> v) { return v ? bind(i, *v) : check(sqlite3_bind_null(m_stmt, i)); }
    Statement& bind(int i, std::optional<std::int64_t> v) { return v ? bind(i, *v) : check(sqlite3_bind_null(m_stmt, i)); }
    Statement& bind(int i, const QByteArray& v)
    {
        return check(sqlite3_bind_text(m_stmt, i, v.constData(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
    }
    Statement& bind(int i, const QString& v) { return bind(i, v.toUtf8()); }

    // True while rows come; throws on errors.
    bool step()
    {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE)
            return false;
        m_store.fail(QStringLiteral("query failed"));
    }
    void run() { step(); }

    std::int64_t integer(int col) const { return sqlite3_column_int64(m_stmt, col); }
    double real(int col) const
    {
        return sqlite3_column_type(m_stmt, col) == SQLITE_NULL ? std::numeric_limits<double>::quiet_NaN()
                                                               : sqlite3_column_double(m_stmt, col);
    }
    std::optional<double> optReal(int col) const
    {
        if (sqlite3_column_type(m_stmt, col) == SQLITE_NULL)
            return std::nullopt;
        return sqlite3_column_double(m_stmt, col);
    }
    std::optional<std::int64_t> optInt64(int col) const
    {
        if (sqlite3_column_type(m_stmt, col) == SQLITE_NULL)
            return std::nullopt;
        return sqlite3_column_int64(m_stmt, col);
    }
    std::optional<int> optInt(int col) const
    {
        if (sqlite3_column_type(m_stmt, col) == SQLITE_NULL)
            return std::nullopt;
        return sqlite3_column_int(m_stmt, col);
    }
    QByteArray bytes(int col) const
    {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
        return QByteArray(p ? p : "", sqlite3_column_bytes(m_stmt, col));
    }
    QString text(int col) const { return QString::fromUtf8(bytes(col)); }

private:
    Statement& check(int rc)
    {
        if (rc != SQLITE_OK)
            m_store.fail(QStringLiteral("binding a value failed"));
        return *this;
    }
    Store& m_store;
    sqlite3_stmt* m_stmt;
};

namespace {
// Prepared statements per connection, keyed by the SQL text's address (literals only).
std::unordered_map<sqlite3*, std::unordered_map<const char*, sqlite3_stmt*>>& statementCache()
{
    thread_local std::unordered_map<sqlite3*, std::unordered_map<const char*, sqlite3_stmt*>> cache;
    return cache;
}
} // namespace

QString defaultStorePath()
{
    const QDir base(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/tunebench"));
    base.mkpath(QStringLiteral("."));
    const QString path = base.filePath(QStringLiteral("tunebench.db"));
    const QString old = base.filePath(QStringLiteral("tunebench/tunebench.db"));
    if (QFileInfo::exists(path) || !QFileInfo::exists(old))
        return path;
    sqlite3* db = nullptr;
    bool copied = false;
    if (sqlite3_open_v2(old.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(db, kBusyTimeoutMs);
        const QByteArray sql = "VACUUM INTO '" + path.toUtf8().replace('\'', "''") + "'";
        copied = sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    sqlite3_close_v2(db);
    if (copied && QFile::rename(old, old + QStringLiteral(".moved")))
        qInfo("tunebench: moved the store %s to %s", qPrintable(old), qPrintable(path));
    else if (copied)
        qInfo("tunebench: copied the store %s to %s", qPrintable(old), qPrintable(path));
    else
        QFile::remove(path); // a partial copy; the old store stays the one in use next time
    return copied ? path : old;
}

Store::Store(const QString& path, OpenMode mode) : m_path(path)
{
    try {
        open(mode);
        migrate(kSchemaVersion);
        if (m_keeper)
            m_keeper->hold(m_path);
    } catch (...) {
        close();
        throw;
    }
}

Store::Store(const QString& path, int schemaVersion) : m_path(path)
{
    try {
        open(OpenMode::CreateIfMissing);
        migrate(schemaVersion);
        if (m_keeper)
            m_keeper->hold(m_path);
    } catch (...) {
        close();
        throw;
    }
}

Store::~Store()
{
    close();
}

void Store::close()
{
    if (m_keeper)
        m_keeper->leave();
    m_keeper.reset();
    if (!m_db)
        return;
    auto& cache = statementCache();
    if (auto it = cache.find(m_db); it != cache.end()) {
        for (auto& [sql, stmt] : it->second)
            sqlite3_finalize(stmt);
        cache.erase(it);
    }
    sqlite3_close_v2(m_db);
    m_db = nullptr;
}

void Store::open(OpenMode mode)
{
    if (mode == OpenMode::ExistingOnly && !QFileInfo::exists(m_path))
        throw SpecError(m_path + QStringLiteral(": no such store; check the --db path"));
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
        | (mode == OpenMode::CreateIfMissing ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(m_path.toUtf8().constData(), &m_db, flags, nullptr) != SQLITE_OK) {
        const QString why = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("out of memory");
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        throw RuntimeError(m_path + QStringLiteral(": cannot open the store: ") + why);
    }
    m_keeper = Keeper::join(m_path); // before the first lock is taken
    sqlite3_busy_timeout(m_db, kBusyTimeoutMs);
    sqlite3_extended_result_codes(m_db, 1);
    // Not a database at all? Reading the schema tells before WAL is switched on.
    if (sqlite3_exec(m_db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) != SQLITE_OK)
        throw SpecError(m_path + QStringLiteral(": not a Tunebench store (") + QString::fromUtf8(sqlite3_errmsg(m_db))
                        + QStringLiteral(")"));
    refuseForeign();
    exec("PRAGMA journal_mode=WAL");
    // In WAL mode NORMAL survives a crash of this process (only power loss can drop the
    // newest commits), which is the promise: a SIGKILL loses no completed trial.
    exec("PRAGMA synchronous=NORMAL");
    exec("PRAGMA foreign_keys=ON");
}

void Store::refuseForeign()
{
    const int application = pragma("application_id");
    if (application == kApplicationId)
        return;
    if (application != 0)
        throw SpecError(m_path + QStringLiteral(": not a Tunebench store (it belongs to another application, SQLite application id "
                                                "0x%1); pick another --db file")
                                     .arg(static_cast<quint32>(application), 8, 16, QLatin1Char('0')));
    bool tables = false, ours = false;
    {
        auto s = prepare("SELECT count(*), sum(name IN ('experiments', 'trials')) FROM sqlite_master "
                         "WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        tables = s.step() && s.integer(0) > 0;
        ours = tables && s.integer(1) == 2; // a store from before the application id
    }
    if (ours && schemaVersion() < 1)
        ours = false;
    if (tables && !ours)
        throw SpecError(m_path + QStringLiteral(": not a Tunebench store (it holds other tables); pick another --db file"));
}

int Store::pragma(const char* name)
{
    sqlite3_stmt* raw = nullptr;
    const QByteArray sql = QByteArray("PRAGMA ") + name;
    if (sqlite3_prepare_v2(m_db, sql.constData(), -1, &raw, nullptr) != SQLITE_OK)
        fail(QStringLiteral("reading %1 failed").arg(QLatin1String(name)));
    const int v = sqlite3_step(raw) == SQLITE_ROW ? sqlite3_column_int(raw, 0) : 0;
    sqlite3_finalize(raw);
    return v;
}

void Store::migrate(int target)
{
    if (pragma("application_id") != kApplicationId) // new, or a store from before it had one
        exec(QByteArray("PRAGMA application_id=" + QByteArray::number(kApplicationId)).constData());
    int version = schemaVersion();
    if (version > kSchemaVersion)
        throw SpecError(m_path + QStringLiteral(": written by a newer Tunebench (schema %1; this build knows up to %2); "
                                                "upgrade Tunebench to open it")
                                     .arg(version)
                                     .arg(kSchemaVersion));
    if (version >= target)
        return;
    if (version == 0) {
        // A non-empty file without our version is someone else's database.
        auto s = prepare("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'");
        if (s.step() && s.integer(0) > 0)
            throw SpecError(m_path + QStringLiteral(": not a Tunebench store (it holds other tables); pick another --db file"));
    }
    transaction([&] {
        version = schemaVersion(); // another process may have migrated meanwhile
        for (int v = version; v < target; ++v)
            exec(kMigrations[v]);
        if (version < target)
            exec(QByteArray("PRAGMA user_version=" + QByteArray::number(target)).constData());
    });
}

int Store::schemaVersion()
{
    return pragma("user_version");
}

void Store::exec(const char* sql)
{
    char* error = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        const QString why = QString::fromUtf8(error ? error : "unknown error");
        sqlite3_free(error);
        throw RuntimeError(m_path + QStringLiteral(": ") + why);
    }
}

Store::Statement Store::prepare(const char* sql)
{
    auto& cache = statementCache()[m_db];
    sqlite3_stmt*& stmt = cache[sql];
    if (!stmt && sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
        stmt = nullptr;
        cache.erase(sql);
        fail(QStringLiteral("preparing a query failed"));
    }
    return Statement(*this, stmt);
}

void Store::fail(const QString& what)
{
    throw RuntimeError(m_path + QStringLiteral(": ") + what + QStringLiteral(": ") + QString::fromUtf8(sqlite3_errmsg(m_db)));
}

void Store::begin()
{
    if (m_depth == 0 && m_keeper)
        m_keeper->check(m_path);
    if (m_depth++ == 0)
        exec("BEGIN IMMEDIATE");
}

void Store::commit()
{
    if (--m_depth == 0)
        exec("COMMIT");
}

void Store::rollback()
{
    if (--m_depth == 0)
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
}

double Store::now()
{
    return static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

// ---- experiments ----

std::int64_t Store::createExperiment(const QString& name, const QByteArray& spec)
{
    std::int64_t id = 0;
    transaction([&] {
        {
            auto s = prepare("SELECT id FROM experiments WHERE name = ?");
            s.bind(1, name);
            if (s.step())
                throw SpecError(QStringLiteral("name: an experiment named '%1' already exists in %2; resume it "
                                               "(tunebench-cli resume --db %2 --experiment %1) or choose another name")
                                    .arg(name, m_path));
        }
        prepare("INSERT INTO experiments(name, spec, created_at) VALUES(?, ?, ?)").bind(1, name).bind(2, spec).bind(3, now()).run();
        id = sqlite3_last_insert_rowid(m_db);
    });
    return id;
}

#define TB_EXPERIMENT_SELECT                                                                                           \
    "SELECT id, name, spec, state, reason, created_at, started_at, ended_at, waiting, owner_token, owner_pid, owner_host, " \
    "owner_process, owner_program, owner_since, heartbeat_at, stop_requested FROM experiments "

template <class S> static ExperimentRow readExperiment(const S& s)
{
    ExperimentRow e;
    e.id = s.integer(0);
    e.name = s.text(1);
    e.spec = s.bytes(2);
    e.state = experimentStateFromName(s.text(3));
    e.reason = s.text(4);
    e.createdAt = s.real(5);
    e.startedAt = s.optReal(6);
    e.endedAt = s.optReal(7);
    e.waiting = s.text(8);
    if (!s.text(9).isEmpty()) {
        Owner o;
        o.token = s.text(9);
        o.pid = s.optInt64(10).value_or(0);
        o.host = s.text(11);
        o.process = s.text(12);
        o.program = s.text(13);
        o.since = s.optReal(14).value_or(0);
        o.heartbeat = s.optReal(15).value_or(0);
        e.owner = std::move(o);
    }
    e.stopRequested = s.integer(16) != 0;
    return e;
}

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
            .bind(1, me.token)
            .bind(2, me.pid)
            .bind(3, me.host)
            .bind(4, me.process)
            .bind(5, me.program)
            .bind(6, me.since)
            .bind(7, me.heartbeat)
            .bind(8, id)
            .run();
        claimed = true;
    });
    return claimed;
}

Store::Beat Store::heartbeat(std::int64_t id, const QString& token)
{
    Beat beat = Beat::Lost;
    transaction([&] {
        prepare("UPDATE experiments SET heartbeat_at = ? WHERE id = ? AND owner_token = ?").bind(1, now()).bind(2, id).bind(3, token).run();
        if (sqlite3_changes(m_db) == 0)
            return;
        auto s = prepare("SELECT stop_requested FROM experiments WHERE id = ?");
        s.bind(1, id);
        beat = s.step() && s.integer(0) ? Beat::StopRequested : Beat::Held;
    });
    return beat;
}

void Store::releaseExperiment(std::int64_t id, const QString& token)
{
    transaction([&] {
        prepare("UPDATE experiments SET owner_token = '', owner_pid = NULL, owner_host = '', owner_process = '', "
                "owner_program = '', owner_since = NULL, heartbeat_at = NULL, stop_requested = 0 "
                "WHERE id = ? AND owner_token = ?")
            .bind(1, id)
            .bind(2, token)
            .run();
    });
}

bool Store::requestStop(std::int64_t id)
{
    bool owned = false;
    transaction([&] {
        prepare("UPDATE experiments SET stop_requested = 1 WHERE id = ? AND owner_token != ''").bind(1, id).run();
        owned = sqlite3_changes(m_db) > 0;
    });
    return owned;
}

std::optional<ExperimentRow> Store::experiment(const QString& name)
{
    if (name.isEmpty()) {
        auto s = prepare(TB_EXPERIMENT_SELECT "ORDER BY id DESC LIMIT 1");
        if (s.step())
            return readExperiment(s);
        return std::nullopt;
    }
    auto s = prepare(TB_EXPERIMENT_SELECT "WHERE name = ?");
    s.bind(1, name);
    if (s.step())
        return readExperiment(s);
    return std::nullopt;
}

std::optional<ExperimentRow> Store::experiment(std::int64_t id)
{
    auto s = prepare(TB_EXPERIMENT_SELECT "WHERE id = ?");
    s.bind(1, id);
    if (s.step())
        return readExperiment(s);
    return std::nullopt;
}

std::vector<ExperimentRow> Store::experiments()
{
    std::vector<ExperimentRow> out;
    auto s = prepare(TB_EXPERIMENT_SELECT "ORDER BY id");
    while (s.step())
        out.push_back(readExperiment(s));
    return out;
}

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

void Store::setTrialTimes(std::int64_t trialId, double created, std::optional<double> started, std::optional<double> ended)
{
    transaction([&] {
        prepare("UPDATE trials SET created_at = ?1, started_at = ?2, ended_at = ?3 WHERE id = ?4")
            .bind(1, created)
            .bind(2, started)
            .bind(3, ended)
            .bind(4, trialId)
            .run();
    });
}

QStringList Store::metricNames(std::int64_t experimentId)
{
    QStringList out;
    auto s = prepare("SELECT m.name FROM metrics m JOIN trials t ON t.id = m.trial_id WHERE t.experiment_id = ? "
                     "GROUP BY m.name ORDER BY min(m.rowid)");
    s.bind(1, experimentId);
    while (s.step())
        out << s.text(0);
    return out;
}

bool Store::deleteExperiment(std::int64_t id, const QString& ownerToken)
{
    bool deleted = false;
    transaction([&] {
        prepare("DELETE FROM experiments WHERE id = ?1 AND owner_token = ?2").bind(1, id).bind(2, ownerToken).run();
        deleted = sqlite3_changes(m_db) > 0;
    });
    return deleted;
}

void Store::setExperimentState(std::int64_t id, ExperimentState state, const QString& reason)
{
    transaction([&] {
        prepare("UPDATE experiments SET state = ?1, reason = ?2, "
                "started_at = CASE WHEN ?1 = 'running' AND started_at IS NULL THEN ?3 ELSE started_at END, "
                "ended_at = CASE WHEN ?1 IN ('completed','failed','stopped') THEN ?3 ELSE NULL END, "
                "waiting = CASE WHEN ?1 = 'running' THEN waiting ELSE '' END WHERE id = ?4")
            .bind(1, experimentStateName(state))
            .bind(2, reason)
            .bind(3, now())
            .bind(4, id)
            .run();
    });
}

// ---- trials ----

#define TB_TRIAL_SELECT                                                                                                \
    "SELECT id, experiment_id, number, params, state, value, attempt, exit_code, reason, created_at, started_at, "    \
    "ended_at, dir, log_path, handle FROM trials "

template <class S> static TrialRow readTrial(const S& s)
{
    TrialRow t;
    t.id = s.integer(0);
    t.experimentId = s.integer(1);
    t.number = s.integer(2);
    t.params = s.bytes(3);
    t.state = algorithms::trialStateFromName(s.text(4).toStdString()).value_or(TrialState::Failed);
    t.value = s.optReal(5);
    t.attempt = static_cast<int>(s.integer(6));
    t.exitCode = s.optInt(7);
    t.reason = s.text(8);
    t.createdAt = s.real(9);
    t.startedAt = s.optReal(10);
    t.endedAt = s.optReal(11);
    t.dir = s.text(12);
    t.logPath = s.text(13);
    t.handle = s.bytes(14);
    return t;
}

TrialRow Store::createTrial(std::int64_t experimentId, const QByteArray& params, TrialState state)
{
    return *createTrialWithin(experimentId, params, state, std::nullopt);
}

std::optional<TrialRow> Store::createTrialWithin(std::int64_t experimentId, const QByteArray& params, TrialState state,
                                                 std::optional<std::int64_t> limit)
{
    TrialRow row;
    bool created = false;
    transaction([&] {
        auto next = prepare("SELECT coalesce(max(number), -1) + 1 FROM trials WHERE experiment_id = ?");
        next.bind(1, experimentId);
        next.step();
        row.number = next.integer(0);
        if (limit && row.number >= *limit)
            return; // numbers are contiguous from 0: this many trials exist
        row.experimentId = experimentId;
        row.params = params;
        row.state = state;
        row.createdAt = now();
        if (state == TrialState::Running)
            row.startedAt = row.createdAt;
        prepare("INSERT INTO trials(experiment_id, number, params, state, created_at, started_at) VALUES(?, ?, ?, ?, ?, ?)")
            .bind(1, experimentId)
            .bind(2, row.number)
            .bind(3, params)
            .bind(4, QString::fromLatin1(algorithms::trialStateName(state)))
            .bind(5, row.createdAt)
            .bind(6, row.startedAt)
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
            .bind(1, attempt)
            .bind(2, now())
            .bind(3, dir)
            .bind(4, logPath)
            .bind(5, handle)
            .bind(6, trialId)
            .run();
    });
}

void Store::clearAttempt(std::int64_t trialId, int attempt)
{
    transaction([&] {
        prepare("DELETE FROM metrics WHERE trial_id = ? AND attempt = ?").bind(1, trialId).bind(2, attempt).run();
        prepare("DELETE FROM events WHERE trial_id = ? AND attempt = ?").bind(1, trialId).bind(2, attempt).run();
    });
}

void Store::setTrialHandle(std::int64_t trialId, const QByteArray& handle)
{
    transaction([&] { prepare("UPDATE trials SET handle = ? WHERE id = ?").bind(1, handle).bind(2, trialId).run(); });
}

void Store::finishTrial(std::int64_t trialId, TrialState state, std::optional<double> value, std::optional<int> exitCode,
                        const QString& reason, const std::vector<MetricRow>& metrics, const std::vector<EventRow>& events)
{
    transaction([&] {
        insertMetrics(metrics, events);
        prepare("UPDATE trials SET state = ?, value = ?, exit_code = ?, reason = ?, ended_at = ? WHERE id = ?")
            .bind(1, QString::fromLatin1(algorithms::trialStateName(state)))
            .bind(2, value)
            .bind(3, exitCode)
            .bind(4, reason)
            .bind(5, now())
            .bind(6, trialId)
            .run();
    });
}

void Store::requeueTrial(std::int64_t trialId, int nextAttempt, const QString& reason)
{
    transaction([&] {
        prepare("UPDATE trials SET state = 'queued', attempt = ?, reason = ?, value = NULL, ended_at = ? WHERE id = ?")
            .bind(1, nextAttempt)
            .bind(2, reason)
            .bind(3, now())
            .bind(4, trialId)
            .run();
    });
}

int Store::requeueRunning(std::int64_t experimentId, const QString& reason)
{
    int changed = 0;
    transaction([&] {
        prepare("UPDATE trials SET state = 'queued', attempt = attempt + 1, reason = ?, ended_at = ? "
                "WHERE experiment_id = ? AND state = 'running'")
            .bind(1, reason)
            .bind(2, now())
            .bind(3, experimentId)
            .run();
        changed = sqlite3_changes(m_db);
    });
    return changed;
}

std::optional<TrialRow> Store::trial(std::int64_t trialId)
{
    auto s = prepare(TB_TRIAL_SELECT "WHERE id = ?");
    s.bind(1, trialId);
    if (s.step())
        return readTrial(s);
    return std::nullopt;
}

std::vector<TrialRow> Store::trials(std::int64_t experimentId)
{
    std::vector<TrialRow> out;
    auto s = prepare(TB_TRIAL_SELECT "WHERE experiment_id = ? ORDER BY number");
    s.bind(1, experimentId);
    while (s.step())
        out.push_back(readTrial(s));
    return out;
}

StateCounts Store::counts(std::int64_t experimentId)
{
    StateCounts c;
    auto s = prepare("SELECT state, count(*) FROM trials WHERE experiment_id = ? GROUP BY state");
    s.bind(1, experimentId);
    while (s.step()) {
        const auto state = algorithms::trialStateFromName(s.text(0).toStdString());
        const std::int64_t n = s.integer(1);
        switch (state.value_or(TrialState::Failed)) {
        case TrialState::Queued: c.queued += n; break;
        case TrialState::Running: c.running += n; break;
        case TrialState::Completed: c.completed += n; break;
        case TrialState::Pruned: c.pruned += n; break;
        case TrialState::Failed: c.failed += n; break;
        }
    }
    return c;
}

std::int64_t Store::trialCount(std::int64_t experimentId)
{
    // Numbers are contiguous from 0, so the largest one counts the trials.
    auto s = prepare("SELECT coalesce(max(number), -1) + 1 FROM trials WHERE experiment_id = ?");
    s.bind(1, experimentId);
    s.step();
    return s.integer(0);
}

bool Store::hasUnfinished(std::int64_t experimentId)
{
    auto s = prepare("SELECT EXISTS(SELECT 1 FROM trials WHERE experiment_id = ? AND state IN ('queued', 'running'))");
    s.bind(1, experimentId);
    s.step();
    return s.integer(0) != 0;
}

std::optional<TrialRow> Store::bestTrial(std::int64_t experimentId, algorithms::Direction direction)
{
    auto s = direction == algorithms::Direction::Minimize
        ? prepare(TB_TRIAL_SELECT "WHERE experiment_id = ? AND state = 'completed' AND value IS NOT NULL "
                                  "ORDER BY value ASC, number ASC LIMIT 1")
        : prepare(TB_TRIAL_SELECT "WHERE experiment_id = ? AND state = 'completed' AND value IS NOT NULL "
                                  "ORDER BY value DESC, number ASC LIMIT 1");
    s.bind(1, experimentId);
    if (s.step())
        return readTrial(s);
    return std::nullopt;
}

// ---- metrics and events ----

void Store::insertMetrics(const std::vector<MetricRow>& metrics, const std::vector<EventRow>& events)
{
    for (const MetricRow& m : metrics)
        prepare("INSERT INTO metrics(trial_id, attempt, step, name, value, time) VALUES(?, ?, ?, ?, ?, ?)")
            .bind(1, m.trialId)
            .bind(2, m.attempt)
            .bind(3, m.step)
            .bind(4, m.name)
            .bind(5, m.value)
            .bind(6, m.time)
            .run();
    for (const EventRow& e : events)
        prepare("INSERT INTO events(trial_id, attempt, time, kind, body) VALUES(?, ?, ?, ?, ?)")
            .bind(1, e.trialId)
            .bind(2, e.attempt)
            .bind(3, e.time)
            .bind(4, e.kind)
            .bind(5, e.body)
            .run();
}

void Store::addMetrics(const std::vector<MetricRow>& metrics, const std::vector<EventRow>& events)
{
    if (metrics.empty() && events.empty())
        return;
    transaction([&] { insertMetrics(metrics, events); });
}

template <class S> static MetricRow readMetric(const S& s)
{
    MetricRow m;
    m.trialId = s.integer(0);
    m.attempt = static_cast<int>(s.integer(1));
    m.step = s.integer(2);
    m.name = s.text(3);
    m.value = s.real(4);
    m.time = s.real(5);
    return m;
}

std::vector<MetricRow> Store::metrics(std::int64_t trialId)
{
    std::vector<MetricRow> out;
    auto s = prepare("SELECT trial_id, attempt, step, name, value, time FROM metrics WHERE trial_id = ? ORDER BY rowid");
    s.bind(1, trialId);
    while (s.step())
        out.push_back(readMetric(s));
    return out;
}

std::vector<MetricRow> Store::experimentMetrics(std::int64_t experimentId, const QString& name)
{
    std::vector<MetricRow> out;
    auto s = prepare("SELECT m.trial_id, m.attempt, m.step, m.name, m.value, m.time FROM metrics m "
                     "JOIN trials t ON t.id = m.trial_id WHERE t.experiment_id = ? AND m.name = ? "
                     "AND m.attempt = t.attempt ORDER BY m.rowid");
    s.bind(1, experimentId).bind(2, name);
    while (s.step())
        out.push_back(readMetric(s));
    return out;
}

std::vector<MetricRow> Store::metricsSince(std::int64_t experimentId, std::int64_t after, int limit, std::int64_t* lastRowid,
                                          const QString& name)
{
    std::vector<MetricRow> out;
    auto s = name.isEmpty() ? prepare("SELECT m.trial_id, m.attempt, m.step, m.name, m.value, m.time, m.rowid FROM metrics m "
                                      "JOIN trials t ON t.id = m.trial_id WHERE m.rowid > ?1 AND t.experiment_id = ?2 "
                                      "ORDER BY m.rowid LIMIT ?3")
                            : prepare("SELECT m.trial_id, m.attempt, m.step, m.name, m.value, m.time, m.rowid FROM metrics m "
                                      "JOIN trials t ON t.id = m.trial_id WHERE m.rowid > ?1 AND t.experiment_id = ?2 "
                                      "AND m.name = ?4 ORDER BY m.rowid LIMIT ?3");
    s.bind(1, after).bind(2, experimentId).bind(3, limit);
    if (!name.isEmpty())
        s.bind(4, name);
    std::int64_t last = after;
    out.reserve(static_cast<std::size_t>(std::min(limit, 65536)));
    while (s.step()) {
        MetricRow m;
        m.trialId = s.integer(0);
        m.attempt = static_cast<int>(s.integer(1));
        m.step = s.integer(2);
        m.name = name.isEmpty() ? s.text(3) : name;
        m.value = s.real(4);
        m.time = s.real(5);
        last = s.integer(6);
        out.push_back(std::move(m));
    }
    if (lastRowid)
        *lastRowid = last;
    return out;
}

QByteArray Store::trialsSignature(std::int64_t experimentId)
{
    auto s = prepare("SELECT count(*), total(attempt), max(coalesce(ended_at, 0)), max(coalesce(started_at, 0)), "
                     "sum(CASE state WHEN 'running' THEN 1 WHEN 'queued' THEN 2 WHEN 'completed' THEN 4 "
                     "WHEN 'pruned' THEN 8 ELSE 16 END), total(length(handle)) FROM trials WHERE experiment_id = ?");
    s.bind(1, experimentId);
    s.step();
    return s.bytes(0) + '/' + s.bytes(1) + '/' + s.bytes(2) + '/' + s.bytes(3) + '/' + s.bytes(4) + '/' + s.bytes(5);
}

std::vector<EventRow> Store::events(std::int64_t trialId)
{
    std::vector<EventRow> out;
    auto s = prepare("SELECT trial_id, attempt, time, kind, body FROM events WHERE trial_id = ? ORDER BY id");
    s.bind(1, trialId);
    while (s.step()) {
        EventRow e;
        e.trialId = s.integer(0);
        e.attempt = static_cast<int>(s.integer(1));
        e.time = s.real(2);
        e.kind = s.text(3);
        e.body = s.bytes(4);
        out.push_back(std::move(e));
    }
    return out;
}

// ---- telemetry ----

void Store::addTelemetry(const std::vector<TelemetryRow>& rows)
{
    if (rows.empty())
        return;
    transaction([&] {
        for (const TelemetryRow& t : rows)
            prepare("INSERT INTO telemetry(experiment_id, time, kind, device, name, utilization, memory_used, memory_total, "
                    "power_w, temperature_c, trials, processes, samples, others) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(1, t.experimentId)
                .bind(2, t.time)
                .bind(3, t.kind)
                .bind(4, t.device)
                .bind(5, t.name)
                .bind(6, t.utilization)
                .bind(7, t.memoryUsed)
                .bind(8, t.memoryTotal)
                .bind(9, t.powerW)
                .bind(10, t.temperatureC)
                .bind(11, t.trials)
                .bind(12, t.processes.isEmpty() ? QByteArray("[]") : t.processes)
                .bind(13, t.samples)
                .bind(14, t.others)
                .run();
    });
}

template <class S> static TelemetryRow readTelemetry(const S& s)
{
    TelemetryRow t;
    t.experimentId = s.integer(0);
    t.time = s.real(1);
    t.kind = s.text(2);
    t.device = static_cast<int>(s.integer(3));
    t.name = s.text(4);
    t.utilization = s.real(5);
    t.memoryUsed = s.optInt64(6);
    t.memoryTotal = s.optInt64(7);
    t.powerW = s.real(8);
    t.temperatureC = s.real(9);
    t.trials = s.text(10);
    t.others = s.text(13);
    t.processes = s.bytes(11);
    t.samples = static_cast<int>(s.integer(12));
    return t;
}

std::vector<TelemetryRow> Store::telemetry(std::int64_t experimentId, double from, double to)
{
    std::vector<TelemetryRow> out;
    auto s = prepare("SELECT experiment_id, time, kind, device, name, utilization, memory_used, memory_total, power_w, "
                     "temperature_c, trials, processes, samples, others FROM telemetry WHERE experiment_id = ? AND time >= ? "
                     "AND time < ? ORDER BY time, kind DESC, device");
    s.bind(1, experimentId).bind(2, from).bind(3, to);
    while (s.step())
        out.push_back(readTelemetry(s));
    return out;
}

std::int64_t Store::telemetryCount(std::int64_t experimentId)
{
    auto s = prepare("SELECT count(*) FROM telemetry WHERE experiment_id = ?");
    s.bind(1, experimentId);
    s.step();
    return s.integer(0);
}

std::vector<TelemetryRow> Store::telemetrySince(std::int64_t experimentId, std::int64_t after, int limit, std::int64_t* lastRowid)
{
    std::vector<TelemetryRow> out;
    auto s = prepare("SELECT experiment_id, time, kind, device, name, utilization, memory_used, memory_total, power_w, "
                     "temperature_c, trials, processes, samples, others, id FROM telemetry WHERE id > ? AND experiment_id = ? "
                     "ORDER BY id LIMIT ?");
    s.bind(1, after).bind(2, experimentId).bind(3, limit);
    std::int64_t last = after;
    while (s.step()) {
        out.push_back(readTelemetry(s));
        last = s.integer(14);
    }
    if (lastRowid)
        *lastRowid = last;
    return out;
}

std::int64_t Store::telemetryCountUpTo(std::int64_t experimentId, std::int64_t upTo)
{
    auto s = prepare("SELECT count(*) FROM telemetry WHERE experiment_id = ? AND id <= ?");
    s.bind(1, experimentId).bind(2, upTo);
    s.step();
    return s.integer(0);
}

std::int64_t Store::downsampleTelemetry(std::int64_t experimentId, double from, double to, double bucketSeconds)
{
    if (!(bucketSeconds > 0))
        return 0;
    to = std::floor(to / bucketSeconds) * bucketSeconds;
    if (!(to > from))
        return 0;
    std::int64_t removed = 0;
    transaction([&] {
        // Rows arrive ordered by device and time, so each bucket is one run of rows.
        std::vector<TelemetryRow> rows = telemetry(experimentId, from, to);
        std::stable_sort(rows.begin(), rows.end(), [](const TelemetryRow& a, const TelemetryRow& b) {
            return std::tie(a.kind, a.device) < std::tie(b.kind, b.device);
        });
        std::vector<TelemetryRow> merged;
        auto sameBucket = [&](const TelemetryRow& a, const TelemetryRow& b) {
            return a.kind == b.kind && a.device == b.device
                && std::floor(a.time / bucketSeconds) == std::floor(b.time / bucketSeconds);
        };
        std::size_t i = 0;
        std::int64_t inserted = 0;
        while (i < rows.size()) {
            std::size_t j = i + 1;
            while (j < rows.size() && sameBucket(rows[i], rows[j]))
                ++j;
            TelemetryRow m = rows[j - 1]; // the newest: name, trials, processes, others
            m.time = rows[i].time;
            double utilSum = 0, utilWeight = 0, powerSum = 0, powerWeight = 0, temperature = std::nan("");
            std::optional<std::int64_t> memory;
            int samples = 0;
            for (std::size_t k = i; k < j; ++k) {
                const TelemetryRow& r = rows[k];
                samples += r.samples;
                if (!std::isnan(r.utilization)) {
                    utilSum += r.utilization * r.samples;
                    utilWeight += r.samples;
                }
                if (!std::isnan(r.powerW)) {
                    powerSum += r.powerW * r.samples;
                    powerWeight += r.samples;
                }
                if (!std::isnan(r.temperatureC) && !(r.temperatureC <= temperature))
                    temperature = r.temperatureC;
                if (r.memoryUsed && (!memory || *r.memoryUsed > *memory))
                    memory = r.memoryUsed;
            }
            m.utilization = utilWeight > 0 ? utilSum / utilWeight : std::nan("");
            m.powerW = powerWeight > 0 ? powerSum / powerWeight : std::nan("");
            m.temperatureC = temperature;
            m.memoryUsed = memory;
            m.samples = samples;
            if (j - i > 1) {
                merged.push_back(std::move(m));
                removed += static_cast<std::int64_t>(j - i);
                // Delete this bucket's rows of this device; others stay untouched.
                const double start = std::floor(rows[i].time / bucketSeconds) * bucketSeconds;
                prepare("DELETE FROM telemetry WHERE experiment_id = ? AND kind = ? AND device = ? AND time >= ? AND time < ? "
                        "AND time >= ? AND time < ?")
                    .bind(1, experimentId)
                    .bind(2, rows[i].kind)
                    .bind(3, rows[i].device)
                    .bind(4, start)
                    .bind(5, start + bucketSeconds)
                    .bind(6, from)
                    .bind(7, to)
                    .run();
                ++inserted;
            }
            i = j;
        }
        addTelemetry(merged);
        removed -= inserted;
    });
    return removed;
}

void Store::setWaiting(std::int64_t experimentId, const QString& reason)
{
    transaction([&] { prepare("UPDATE experiments SET waiting = ? WHERE id = ?").bind(1, reason).bind(2, experimentId).run(); });
}

} // namespace tb::engine
