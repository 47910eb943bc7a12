#pragma once
// Which GPUs a trial gets. Plain C++ (no Qt, no processes), fed with the telemetry's
// latest view, so that every resources setting is unit-testable and the NVML probe
// (gpu_probe.cpp) uses the very same rules on a GPU machine.
//
// Rules (docs/gpus.md): a device is usable for a new trial when it is one of the policy's
// devices, the telemetry sees it, fewer than trials_per_gpu trials hold it, it has at
// least min_free_memory free, and (with skip_busy_gpus) no foreign process runs on it.
// Among usable devices the least shared, then the one with the most free memory, then the
// lowest index wins. A request is all or nothing; when it cannot be met, the answer says
// why, device by device.
//
// Threading: none; the owner (the engine's thread) calls it.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tb::engine {

struct GpuPolicy {
    std::vector<int> devices; // the GPUs trials may use (resources.gpus resolved)
    int trialsPerGpu = 1;
    std::uint64_t minFreeMemoryBytes = 0;
    bool skipBusyGpus = false;
};

// What the telemetry last saw on one GPU.
struct GpuState {
    int index = 0;
    std::uint64_t memoryTotalBytes = 0;
    std::uint64_t memoryUsedBytes = 0;
    std::vector<int> foreignPids; // processes on it that belong to no trial of ours
    // Other engines' trials on it (machine-wide slots, gpu_slots.h): how many, the smallest
    // trials_per_gpu among them, and who, for the waiting reason.
    int otherTrials = 0;
    int otherTrialsPerGpu = 1 << 30;
    std::string heldBy;
};

struct GpuGrant {
    std::vector<int> devices; // given, in CUDA_VISIBLE_DEVICES order; empty otherwise
    std::string waitReason;   // why the request waits ("GPU 0 busy with foreign processes (pid 1234), ...")
    bool impossible = false;  // no state of the machine could satisfy it (more GPUs than the policy has)
    bool granted() const { return waitReason.empty() && !impossible; }
};

class GpuAllocator {
public:
    explicit GpuAllocator(GpuPolicy policy = {});

    const GpuPolicy& policy() const { return m_policy; }
    void update(std::vector<GpuState> view);

    // `count` devices for `trial` (0: granted with none). A trial holds one grant at a time.
    GpuGrant request(std::int64_t trial, int count);
    // On exit, crash or stop; unknown trials are ignored.
    void release(std::int64_t trial);

    int holders(int device) const;
    std::vector<std::int64_t> trialsOn(int device) const;
    std::vector<int> devicesOf(std::int64_t trial) const;

private:
    const GpuState* stateOf(int device) const;
    GpuPolicy m_policy;
    std::vector<GpuState> m_view;
    std::map<std::int64_t, std::vector<int>> m_held; // trial -> devices
};

std::string formatMiB(std::uint64_t bytes);

// How many GPUs a trial with this (substituted) command asks for: gpus_per_trial when set;
// else, for the built-in trainer (argv[0]'s file name is tunebench-train), one per pipeline
// rank of every replica (--stages x --replicas, each 1 when absent); else 1.
int gpusForCommand(const std::vector<std::string>& argv, int gpusPerTrial /* -1: unset */);

} // namespace tb::engine
