#pragma once
// Scripted GPUs behind the telemetry interface, for tests and for trying GPU scheduling
// on a machine without one (TUNEBENCH_FAKE_GPUS, docs/gpus.md). Nothing here touches a
// real device.

#include "telemetry.h"

namespace tb::engine {

struct FakeGpu {
    std::string name = "Fake GPU";
    double utilizationPercent = 0;
    std::uint64_t memoryTotalBytes = 16ULL << 30;
    std::uint64_t memoryUsedBytes = 0;
    std::vector<DeviceProcess> processes; // e.g. a foreign desktop process
};

class FakeGpuSource final : public TelemetrySource {
public:
    explicit FakeGpuSource(int devices = 2);
    // Parses TUNEBENCH_FAKE_GPUS: "N" or "N,busy=I:PID,used_mb=I:MB,total_mb=MB,util=I:PCT"
    // (items repeat). Throws std::invalid_argument naming the bad item.
    static FakeGpuSource fromSpec(const std::string& spec);

    FakeGpu& device(int index) { return m_devices.at(static_cast<std::size_t>(index)); }

    std::string name() const override { return "fake"; }
    bool available() const override { return true; }
    int deviceCount() const override { return static_cast<int>(m_devices.size()); }
    std::vector<DeviceSample> sample() override;

private:
    std::vector<FakeGpu> m_devices;
};

} // namespace tb::engine
