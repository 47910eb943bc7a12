#pragma once
// Telemetry: what the devices of this machine are doing, one sample at a time.
//
// Plain C++ (no Qt), so that the NVML probe builds on a GPU machine with only a compiler
// (TUNEBENCH_TRAINER_ONLY); the engine turns samples into store rows.
//
// Threading contract of TelemetrySource: a source is used by one thread at a time (the
// engine's thread, or the probe's main thread) and starts no threads of its own. sample()
// is synchronous and cheap: it reads /proc files or makes a few NVML calls per device,
// well under a millisecond each (the CPU source's scan of /proc for the trials' process
// trees: about 5 us per process on the machine), so calling it from an event-loop timer does not stall the
// loop. Sources hold no locks; FakeGpuSource's setters are called from the same
// thread as sample().

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tb::engine {

struct DeviceProcess {
    int pid = 0;
    std::uint64_t usedMemoryBytes = 0; // GPU memory (GPU sources) or resident set (CPU source: of its process tree)
    // CPU source: the CPU time its process tree used since the previous sample, in percent
    // of the machine's (all cores: 100 means every core busy). -1: not known (a GPU source,
    // or a tree first seen now that was already running before the previous sample).
    double cpuPercent = -1;
};

enum class DeviceKind { Gpu, Cpu };
const char* deviceKindName(DeviceKind kind); // "gpu" | "cpu"

struct DeviceSample {
    double time = 0;    // seconds since the Unix epoch
    int index = 0;      // NVML index (PCI bus order) for GPUs; 0 for the CPU
    std::string name;
    DeviceKind kind = DeviceKind::Gpu;
    double utilizationPercent = -1;   // -1: not known
    std::uint64_t memoryUsedBytes = 0;
    std::uint64_t memoryTotalBytes = 0;
    double powerWatts = -1;           // -1: not known
    double temperatureC = -1;         // -1: not known
    std::vector<DeviceProcess> processes;

    std::uint64_t memoryFreeBytes() const { return memoryTotalBytes > memoryUsedBytes ? memoryTotalBytes - memoryUsedBytes : 0; }
};

class TelemetrySource {
public:
    virtual ~TelemetrySource() = default;
    virtual std::string name() const = 0;
    // False when the source cannot work on this machine (no NVML): normal, not an error.
    virtual bool available() const = 0;
    // Why it is unavailable, for one informative line; empty when available.
    virtual std::string unavailableReason() const { return {}; }
    virtual int deviceCount() const = 0;
    // One sample per device, taken now.
    virtual std::vector<DeviceSample> sample() = 0;
};

double wallClockSeconds();

// The GPU source for this process: FakeGpuSource when TUNEBENCH_FAKE_GPUS is set (a
// testing aid, docs/gpus.md), else NVML when it loads, else nullptr.
std::unique_ptr<TelemetrySource> makeGpuSource();

} // namespace tb::engine
