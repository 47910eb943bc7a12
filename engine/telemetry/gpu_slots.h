#pragma once
// Machine-wide GPU slots: every engine on the machine, whatever its store and its user,
// takes a slot of a GPU before a trial runs on it, so that trials_per_gpu holds across
// experiments. A slot is a file (gpu<G>.slot<K> in one folder for the machine), held with
// flock() by the engine that runs the trial: a crashed engine frees its slots by dying.
// The file says who holds it (experiment, store, trial, trials_per_gpu, pid, user).
//
// Fair sharing: an engine that waits for a GPU says so in a waiter file (flock-held too);
// a free slot goes to the waiting experiment with the highest resources.priority, then to
// the one that got a slot least recently, so experiments take turns (round robin) instead
// of the first one taking every slot forever.
//
// Plain C++ (POSIX), no Qt. Threading: one thread (the engine's).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tb::engine {

struct SlotHolder {
    std::string experiment; // the name, as people know it
    std::string store;      // the store's path
    std::int64_t trial = 0;
    int trialsPerGpu = 1;
    int pid = 0;
    int uid = 0;
    std::string text() const; // "experiment 'b' in /home/u/other.db, trial 12"
};

struct SlotGrant {
    std::vector<int> devices; // held now; empty when it waits
    std::string waitReason;   // why not ("GPU 0 held by experiment 'b' in ..., trial 12")
    bool granted() const { return waitReason.empty(); }
};

class GpuSlots {
public:
    // `dir`: TUNEBENCH_GPU_SLOTS_DIR, else /tmp/tunebench-gpu-slots (made world-writable and
    // sticky, so that every user's engines meet there). Throws std::runtime_error when the
    // folder cannot be made or written.
    GpuSlots(std::string experiment, std::string store, int trialsPerGpu, int priority, std::string dir = defaultDir());
    ~GpuSlots(); // releases everything (the fds close)
    GpuSlots(const GpuSlots&) = delete;
    GpuSlots& operator=(const GpuSlots&) = delete;

    static std::string defaultDir();

    // All of `devices` for `trial`, or none; when it waits, this experiment becomes a waiter
    // for them (its turn is kept until it is granted).
    SlotGrant acquire(std::int64_t trial, const std::vector<int>& devices);
    // This experiment waits for any of `devices` (its own rules found none free): other
    // engines let it go first when its turn comes.
    void waitFor(const std::vector<int>& devices) { setWaiting(devices); }
    void release(std::int64_t trial);

    // What other engines hold now, device -> holders (telemetry, the allocator's view).
    std::map<int, std::vector<SlotHolder>> others() const;

private:
    struct Held {
        int device;
        int fd;
    };
    std::optional<std::string> blocker(int device) const; // who goes first on it, if not us
    void setWaiting(const std::vector<int>& devices);
    std::vector<SlotHolder> holders(int device, bool includeOwn) const;

    std::string m_dir;
    SlotHolder m_me;
    int m_priority;
    double m_since;     // when this experiment started waiting (0: not waiting)
    double m_lastGrant = 0;
    int m_waiterFd = -1;
    std::string m_waiterPath;
    std::map<std::int64_t, std::vector<Held>> m_held; // trial -> slots
};

} // namespace tb::engine
