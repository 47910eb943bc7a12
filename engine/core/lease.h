#pragma once
// One engine per experiment. The engine that runs an experiment holds a lease in the store
// (process, host, heartbeat); a second engine refuses to start and names the owner. A dead
// owner's lease is taken over: on the same machine when its process is gone (checked by
// pid and the process's start time, so that a reused pid does not count) or has not
// renewed its heartbeat for kStaleSeconds; from another machine by the heartbeat alone.
//
// Threading: like Store, one thread at a time.

#include "store.h"

namespace tb::engine {

class Lease {
public:
    static constexpr double kStaleSeconds = 30;
    static constexpr int kHeartbeatMs = 1000;

    // Claims the experiment for this process, or throws BusyError naming the live owner
    // and how to stop it. `program` says what runs it ("tunebench-cli run").
    Lease(Store& store, const ExperimentRow& experiment, const QString& program);
    ~Lease(); // releases, unless the store can no longer be written

    // Renews the lease: Held, StopRequested (someone asked the owner to stop), or Lost
    // (another engine took it over; stop at once without writing more).
    Store::Beat beat();
    void release();

    const Owner& self() const { return m_self; }
    // The dead owner this lease took over from, if any (for a log line).
    const std::optional<Owner>& previous() const { return m_previous; }

    static Owner currentProcess(const QString& program);
    static bool isAlive(const Owner& owner, double now);
    // "tunebench-cli run (pid 1234 on host box, since 16:00:03, last heartbeat 1 s ago)"
    static QString describe(const Owner& owner, double now);

private:
    Store& m_store;
    std::int64_t m_experiment;
    Owner m_self;
    std::optional<Owner> m_previous;
    bool m_held = false;
};

} // namespace tb::engine
