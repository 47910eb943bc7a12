#include "gpu_slots.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <chrono>
#include <climits>
#include <cstdlib>
#include <dirent.h>
#include <fcntl.h>
#include <functional>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tb::engine {

namespace {

constexpr int kMaxSlots = 64; // per GPU: trials_per_gpu is at most 64

double nowS()
{
    using namespace std::chrono;
    return static_cast<double>(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count()) / 1000.0;
}

void ensureDir(const std::string& dir)
{
    for (std::size_t slash = dir.find('/', 1); slash != std::string::npos; slash = dir.find('/', slash + 1))
        ::mkdir(dir.substr(0, slash).c_str(), 0755); // the parents, as mkdir -p (existing ones stay as they are)
    // Every user's engines meet here: world-writable and sticky, like /tmp.
    if (::mkdir(dir.c_str(), 01777) == 0)
        ::chmod(dir.c_str(), 01777);
    if (::access(dir.c_str(), R_OK | W_OK | X_OK) != 0)
        throw std::runtime_error("cannot use the GPU slot folder " + dir + " (" + std::strerror(errno)
                                 + "); set TUNEBENCH_GPU_SLOTS_DIR to a folder every engine of this machine can write");
}

int openShared(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd >= 0)
        ::fchmod(fd, 0666); // whatever the umask: other users' engines open it too
    return fd >= 0 ? fd : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
}

// Whether someone holds a lock on the file, shared or exclusive (any process, any user,
// ours included: a second open file description conflicts with our own lock too).
bool isHeld(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(fd);
    return held;
}

std::string readAll(const std::string& path)
{
    std::string out;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return out;
    char buf[4096];
    for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;)
        out.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    return out;
}

void writeAll(int fd, const std::string& text)
{
    if (::ftruncate(fd, 0) != 0)
        return;
    [[maybe_unused]] const ssize_t n = ::pwrite(fd, text.data(), text.size(), 0);
}

std::vector<std::string> entries(const std::string& dir)
{
    std::vector<std::string> out;
    if (DIR* d = ::opendir(dir.c_str())) {
        while (const dirent* e = ::readdir(d))
            if (e->d_name[0] != '.')
                out.emplace_back(e->d_name);
        ::closedir(d);
    }
    return out;
}

std::string slotPath(const std::string& dir, int device, int slot)
{
    return dir + "/gpu" + std::to_string(device) + ".slot" + std::to_string(slot);
}

} // namespace

std::string SlotHolder::text() const
{
    return "experiment '" + experiment + "' in " + store + ", trial " + std::to_string(trial);
}

std::string GpuSlots::defaultDir()
{
    if (const char* dir = std::getenv("TUNEBENCH_GPU_SLOTS_DIR"); dir && *dir)
        return dir;
    return "/tmp/tunebench-gpu-slots";
}

GpuSlots::GpuSlots(std::string experiment, std::string store, int trialsPerGpu, int priority, std::string dir)
    : m_dir(std::move(dir)), m_priority(priority), m_since(0)
{
    m_me.experiment = std::move(experiment);
    m_me.store = std::move(store);
    m_me.trialsPerGpu = std::max(1, trialsPerGpu);
    m_me.pid = static_cast<int>(::getpid());
    m_me.uid = static_cast<int>(::getuid());
    ensureDir(m_dir);
    ensureDir(m_dir + "/waiters");
    m_waiterPath = m_dir + "/waiters/" + std::to_string(m_me.uid) + "-" + std::to_string(m_me.pid) + "-"
        + std::to_string(std::hash<std::string>{}(m_me.store + '\n' + m_me.experiment));
    m_waiterFd = openShared(m_waiterPath);
    if (m_waiterFd >= 0)
        ::flock(m_waiterFd, LOCK_EX | LOCK_NB);
    setWaiting({});
}

GpuSlots::~GpuSlots()
{
    for (auto& [trial, slots] : m_held)
        for (const Held& h : slots)
            ::close(h.fd);
    if (m_waiterFd >= 0) {
        ::unlink(m_waiterPath.c_str());
        ::close(m_waiterFd);
    }
}

void GpuSlots::setWaiting(const std::vector<int>& devices)
{
    if (!devices.empty() && m_since == 0)
        m_since = nowS();
    if (devices.empty())
        m_since = 0;
    if (m_waiterFd < 0)
        return;
    const nlohmann::json j{{"experiment", m_me.experiment}, {"store", m_me.store}, {"priority", m_priority},
                           {"waiting", !devices.empty()},  {"since", m_since},     {"last_grant", m_lastGrant},
                           {"gpus", devices}};
    writeAll(m_waiterFd, j.dump());
}

std::vector<SlotHolder> GpuSlots::holders(int device, bool includeOwn) const
{
    std::vector<SlotHolder> out;
    for (int k = 0; k < kMaxSlots; ++k) {
        const std::string path = slotPath(m_dir, device, k);
        if (::access(path.c_str(), F_OK) != 0 || !isHeld(path))
            continue;
        SlotHolder h;
        h.experiment = "?";
        h.store = "?";
        try {
            const nlohmann::json j = nlohmann::json::parse(readAll(path));
            h.experiment = j.value("experiment", std::string("?"));
            h.store = j.value("store", std::string("?"));
            h.trial = j.value("trial", std::int64_t{0});
            h.trialsPerGpu = std::max(1, j.value("trials_per_gpu", 1));
            h.pid = j.value("pid", 0);
            h.uid = j.value("uid", -1);
        } catch (const std::exception&) {
            // held, but not (yet) saying by whom: it still counts, as exclusive
        }
        const bool own = h.pid == m_me.pid && h.store == m_me.store && h.experiment == m_me.experiment;
        if (includeOwn || !own)
            out.push_back(std::move(h));
    }
    return out;
}

std::optional<std::string> GpuSlots::blocker(int device) const
{
    const double mySince = m_since > 0 ? m_since : nowS();
    for (const std::string& name : entries(m_dir + "/waiters")) {
        const std::string path = m_dir + "/waiters/" + name;
        if (path == m_waiterPath || !isHeld(path))
            continue; // ours, or left by a dead engine
        try {
            const nlohmann::json j = nlohmann::json::parse(readAll(path));
            if (!j.value("waiting", false))
                continue;
            const auto gpus = j.value("gpus", std::vector<int>{});
            if (std::find(gpus.begin(), gpus.end(), device) == gpus.end())
                continue;
            const int priority = j.value("priority", 0);
            const double lastGrant = j.value("last_grant", 0.0), since = j.value("since", 0.0);
            const bool first = priority > m_priority || (priority == m_priority && (lastGrant < m_lastGrant
                                                                                    || (lastGrant == m_lastGrant && since < mySince)));
            if (first)
                return "GPU " + std::to_string(device) + ": experiment '" + j.value("experiment", std::string("?")) + "' in "
                    + j.value("store", std::string("?")) + " waits for it too and goes first ("
                    + (priority > m_priority ? "higher priority" : "its turn") + ")";
        } catch (const std::exception&) {
            continue;
        }
    }
    return std::nullopt;
}

SlotGrant GpuSlots::acquire(std::int64_t trial, const std::vector<int>& wanted)
{
    SlotGrant grant;
    release(trial); // a new attempt replaces what an earlier one held
    std::vector<int> devices = wanted;
    std::sort(devices.begin(), devices.end());
    devices.erase(std::unique(devices.begin(), devices.end()), devices.end());
    if (devices.empty())
        return grant;
    // One GPU's slots change under its lock file, taken in device order (no deadlock).
    std::vector<int> locks;
    for (int device : devices) {
        const int fd = openShared(m_dir + "/gpu" + std::to_string(device) + ".lock");
        if (fd >= 0)
            ::flock(fd, LOCK_EX);
        locks.push_back(fd);
    }
    std::vector<Held> taken;
    for (int device : devices) {
        const std::vector<SlotHolder> hs = holders(device, true);
        int cap = m_me.trialsPerGpu;
        for (const SlotHolder& h : hs)
            cap = std::min(cap, h.trialsPerGpu);
        if (static_cast<int>(hs.size()) >= cap) {
            const auto foreign = std::find_if(hs.begin(), hs.end(), [&](const SlotHolder& h) { return h.store != m_me.store || h.experiment != m_me.experiment; });
            grant.waitReason = "GPU " + std::to_string(device) + " held by "
                + (foreign != hs.end() ? foreign->text() : std::to_string(hs.size()) + " trial(s) of this experiment")
                + " (trials_per_gpu " + std::to_string(cap) + ")";
            break;
        }
        if (auto first = blocker(device)) {
            grant.waitReason = *first;
            break;
        }
        SlotHolder me = m_me;
        me.trial = trial;
        const nlohmann::json j{{"experiment", me.experiment}, {"store", me.store}, {"trial", me.trial},
                               {"trials_per_gpu", me.trialsPerGpu}, {"pid", me.pid}, {"uid", me.uid}};
        int fd = -1;
        for (int k = 0; k < kMaxSlots && fd < 0; ++k) {
            fd = openShared(slotPath(m_dir, device, k));
            if (fd >= 0 && ::flock(fd, LOCK_EX | LOCK_NB) != 0) {
                ::close(fd);
                fd = -1;
            }
        }
        if (fd < 0) {
            grant.waitReason = "GPU " + std::to_string(device) + ": no free slot file in " + m_dir;
            break;
        }
        writeAll(fd, j.dump());
        taken.push_back({device, fd});
    }
    for (int fd : locks)
        if (fd >= 0)
            ::close(fd);
    if (!grant.waitReason.empty()) {
        for (const Held& h : taken)
            ::close(h.fd);
        setWaiting(devices);
        return grant;
    }
    grant.devices = wanted;
    m_held[trial] = std::move(taken);
    m_lastGrant = nowS();
    setWaiting({});
    return grant;
}

void GpuSlots::release(std::int64_t trial)
{
    auto it = m_held.find(trial);
    if (it == m_held.end())
        return;
    for (const Held& h : it->second) {
        ::ftruncate(h.fd, 0); // nobody's now
        ::close(h.fd);
    }
    m_held.erase(it);
}

std::map<int, std::vector<SlotHolder>> GpuSlots::others() const
{
    std::map<int, std::vector<SlotHolder>> out;
    for (const std::string& name : entries(m_dir)) {
        int device = -1, slot = -1;
        if (std::sscanf(name.c_str(), "gpu%d.slot%d", &device, &slot) != 2 || slot != 0)
            continue;
        if (auto hs = holders(device, false); !hs.empty())
            out[device] = std::move(hs);
    }
    return out;
}

} // namespace tb::engine
