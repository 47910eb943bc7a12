#include "gpu_allocator.h"

#include <algorithm>
#include <stdexcept>

namespace tb::engine {

std::string formatMiB(std::uint64_t bytes)
{
    return std::to_string(bytes >> 20) + " MiB";
}

namespace {

// The value of `--flag N` or `--flag=N` in argv (the last one), or 1 when absent or not a
// positive number (the trainer itself rejects a bad value).
int positiveFlag(const std::vector<std::string>& argv, const std::string& flag)
{
    std::string value;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        if (argv[i] == flag && i + 1 < argv.size())
            value = argv[i + 1];
        else if (argv[i].rfind(flag + "=", 0) == 0)
            value = argv[i].substr(flag.size() + 1);
    }
    try {
        std::size_t used = 0;
        const int n = std::stoi(value, &used);
        return used == value.size() ? std::max(n, 1) : 1;
    } catch (const std::exception&) {
        return 1;
    }
}

} // namespace

int gpusForCommand(const std::vector<std::string>& argv, int gpusPerTrial)
{
    if (gpusPerTrial >= 0)
        return gpusPerTrial;
    if (argv.empty())
        return 1;
    const std::string& program = argv.front();
    const std::size_t slash = program.rfind('/');
    if (program.substr(slash == std::string::npos ? 0 : slash + 1) != "tunebench-train")
        return 1;
    // One GPU per pipeline rank of every data-parallel replica.
    return positiveFlag(argv, "--stages") * positiveFlag(argv, "--replicas");
}

GpuAllocator::GpuAllocator(GpuPolicy policy) : m_policy(std::move(policy))
{
    m_policy.trialsPerGpu = std::max(m_policy.trialsPerGpu, 1);
}

void GpuAllocator::update(std::vector<GpuState> view)
{
    m_view = std::move(view);
}

const GpuState* GpuAllocator::stateOf(int device) const
{
    for (const GpuState& s : m_view)
        if (s.index == device)
            return &s;
    return nullptr;
}

int GpuAllocator::holders(int device) const
{
    int n = 0;
    for (const auto& [trial, devices] : m_held)
        n += static_cast<int>(std::count(devices.begin(), devices.end(), device));
    return n;
}

std::vector<std::int64_t> GpuAllocator::trialsOn(int device) const
{
    std::vector<std::int64_t> out;
    for (const auto& [trial, devices] : m_held)
        if (std::find(devices.begin(), devices.end(), device) != devices.end())
            out.push_back(trial);
    return out;
}

std::vector<int> GpuAllocator::devicesOf(std::int64_t trial) const
{
    const auto it = m_held.find(trial);
    return it == m_held.end() ? std::vector<int>{} : it->second;
}

void GpuAllocator::release(std::int64_t trial)
{
    m_held.erase(trial);
}

GpuGrant GpuAllocator::request(std::int64_t trial, int count)
{
    GpuGrant grant;
    release(trial); // a new attempt replaces what an earlier one held
    if (count <= 0) {
        m_held[trial] = {};
        return grant;
    }
    const int configured = static_cast<int>(m_policy.devices.size());
    if (count > configured) {
        grant.impossible = true;
        grant.waitReason = "needs " + std::to_string(count) + " GPUs but resources.gpus has " + std::to_string(configured);
        return grant;
    }
    struct Candidate {
        int device;
        int holders;
        std::uint64_t free;
    };
    std::vector<Candidate> usable;
    std::vector<std::string> reasons;
    for (int device : m_policy.devices) {
        const std::string gpu = "GPU " + std::to_string(device);
        const GpuState* s = stateOf(device);
        if (!s) {
            reasons.push_back(gpu + " is not visible");
            continue;
        }
        const int own = holders(device);
        const int n = own + s->otherTrials;
        const int cap = std::min(m_policy.trialsPerGpu, s->otherTrialsPerGpu);
        if (n >= cap) {
            reasons.push_back(s->otherTrials > 0 ? gpu + " held by " + s->heldBy + " (trials_per_gpu " + std::to_string(cap) + ")"
                                                 : gpu + " runs " + std::to_string(n) + " trial" + (n == 1 ? "" : "s")
                                                       + " (trials_per_gpu " + std::to_string(cap) + ")");
            continue;
        }
        if (m_policy.skipBusyGpus && !s->foreignPids.empty()) {
            std::string pids;
            for (std::size_t k = 0; k < s->foreignPids.size() && k < 3; ++k)
                pids += (k ? ", " : "") + std::to_string(s->foreignPids[k]);
            if (s->foreignPids.size() > 3)
                pids += ", ...";
            reasons.push_back(gpu + " busy with foreign processes (pid " + pids + ")");
            continue;
        }
        const std::uint64_t free = s->memoryTotalBytes > s->memoryUsedBytes ? s->memoryTotalBytes - s->memoryUsedBytes : 0;
        if (free < m_policy.minFreeMemoryBytes) {
            reasons.push_back(gpu + " has " + formatMiB(free) + " free < " + formatMiB(m_policy.minFreeMemoryBytes));
            continue;
        }
        usable.push_back({device, n, free});
    }
    if (static_cast<int>(usable.size()) < count) {
        std::string text;
        if (count > 1)
            text = "needs " + std::to_string(count) + " GPUs, " + std::to_string(usable.size()) + " usable: ";
        for (std::size_t k = 0; k < reasons.size(); ++k)
            text += (k ? ", " : "") + reasons[k];
        grant.waitReason = text;
        return grant;
    }
    std::stable_sort(usable.begin(), usable.end(), [](const Candidate& a, const Candidate& b) {
        if (a.holders != b.holders)
            return a.holders < b.holders;
        if (a.free != b.free)
            return a.free > b.free;
        return a.device < b.device;
    });
    for (int k = 0; k < count; ++k)
        grant.devices.push_back(usable[static_cast<std::size_t>(k)].device);
    // Pipeline stages go to devices in index order, so stage s runs on the s-th listed.
    std::sort(grant.devices.begin(), grant.devices.end());
    m_held[trial] = grant.devices;
    return grant;
}

} // namespace tb::engine
