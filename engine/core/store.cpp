// The store's file: opening, the schema and its migrations, the locks that keep the WAL
// safe (Store::Keeper), prepared statements and transactions. The queries are in
// store_experiments.cpp, store_trials.cpp and store_telemetry.cpp.
#include "store.h"

#include "errors.h"
#include "store_sql.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>

namespace tb::engine {

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
    // 5 -> 6: each trial's own CPU use on a CPU row ("12:35.5,14:0.25"; '' when not recorded)
    R"sql(
    ALTER TABLE telemetry ADD COLUMN trial_cpu TEXT NOT NULL DEFAULT '';
    )sql",
    // 6 -> 7: the sampler that suggested each trial and why (`auto` picks one per trial);
    // '' where not recorded (trials from before, imported ones)
    R"sql(
    ALTER TABLE trials ADD COLUMN sampler TEXT NOT NULL DEFAULT '';
    ALTER TABLE trials ADD COLUMN sampler_reason TEXT NOT NULL DEFAULT '';
    )sql",
    // 7 -> 8: several objectives and constraints: every objective's value as a JSON array
    // ('' with one objective: `value` holds it) and how far the trial breaks the
    // constraints (NULL without constraints, 0 when feasible)
    R"sql(
    ALTER TABLE trials ADD COLUMN objective_values TEXT NOT NULL DEFAULT '';
    ALTER TABLE trials ADD COLUMN violation REAL;
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

Store::Store(const QString& path, OpenMode mode) : Store(path, mode, kSchemaVersion) {}

Store::Store(const QString& path, int schemaVersion) : Store(path, OpenMode::CreateIfMissing, schemaVersion) {}

Store::Store(const QString& path, OpenMode mode, int schemaVersion) : m_path(path)
{
    try {
        open(mode);
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
    // Both of our tables, in a store from before the application id.
    const auto [tables, ours] = prepare("SELECT count(*), sum(name IN ('experiments', 'trials')) FROM sqlite_master "
                                        "WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                                    .first([](const SqlRow& row) { return std::pair(row.integer(0) > 0, row.integer(1) == 2); })
                                    .value_or(std::pair(false, false));
    if (tables && !(ours && schemaVersion() >= 1))
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
        if (prepare("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").scalar() > 0)
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

} // namespace tb::engine
