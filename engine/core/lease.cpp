#include "lease.h"

#include "errors.h"

#include <QDateTime>
#include <QFile>
#include <QRandomGenerator>
#include <QSysInfo>
#include <unistd.h>

namespace tb::engine {

namespace {

QString bootId()
{
    QFile f(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll().trimmed()) : QString();
}

// Field 22 of /proc/PID/stat: when the process started, in clock ticks after boot.
QString startTicks(std::int64_t pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = f.readAll();
    const qsizetype close = stat.lastIndexOf(')'); // the command name may hold spaces
    if (close < 0)
        return {};
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    return fields.size() > 19 ? QString::fromLatin1(fields[19]) : QString();
}

QString processIdentity(std::int64_t pid)
{
    const QString ticks = startTicks(pid);
    return ticks.isEmpty() ? QString() : bootId() + QLatin1Char(':') + ticks;
}

} // namespace

Owner Lease::currentProcess(const QString& program)
{
    Owner me;
    me.token = QString::number(QRandomGenerator::system()->generate64(), 16);
    me.pid = ::getpid();
    me.host = QSysInfo::machineHostName();
    me.process = processIdentity(me.pid);
    me.program = program;
    me.since = Store::now();
    me.heartbeat = me.since;
    return me;
}

bool Lease::isAlive(const Owner& owner, double now)
{
    if (now - owner.heartbeat > kStaleSeconds)
        return false; // hung, or gone without releasing
    if (owner.host != QSysInfo::machineHostName())
        return true;
    return !owner.process.isEmpty() && processIdentity(owner.pid) == owner.process;
}

QString Lease::describe(const Owner& owner, double now)
{
    const QString since = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(owner.since * 1000)).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return QStringLiteral("%1 (pid %2 on host %3, since %4, last heartbeat %5 s ago)")
        .arg(owner.program.isEmpty() ? QStringLiteral("an engine") : owner.program)
        .arg(owner.pid)
        .arg(owner.host, since)
        .arg(std::max(0.0, now - owner.heartbeat), 0, 'f', 0);
}

Lease::Lease(Store& store, const ExperimentRow& experiment, const QString& program)
    : m_store(store), m_experiment(experiment.id), m_self(currentProcess(program))
{
    std::optional<Owner> current;
    const double now = Store::now();
    if (!store.claimExperiment(experiment.id, m_self, [now](const Owner& o) { return isAlive(o, now); }, &current))
        throw BusyError(QStringLiteral("experiment '%1' is already being run by %2. Stop it with: tunebench-cli stop --db %3 "
                                       "--experiment %1 (or Stop in its window), then resume it")
                            .arg(experiment.name, describe(*current, now), store.path()));
    m_previous = current;
    m_held = true;
}

Lease::~Lease()
{
    try {
        release();
    } catch (const std::exception&) {
        // The store cannot be written; the lease goes stale and is taken over.
    }
}

Store::Beat Lease::beat()
{
    if (!m_held)
        return Store::Beat::Lost;
    const Store::Beat b = m_store.heartbeat(m_experiment, m_self.token);
    if (b == Store::Beat::Lost)
        m_held = false;
    return b;
}

void Lease::release()
{
    if (!m_held)
        return;
    m_held = false;
    m_store.releaseExperiment(m_experiment, m_self.token);
}

} // namespace tb::engine
