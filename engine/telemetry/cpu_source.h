#pragma once
// The CPU as one device: utilization from /proc/stat (between two samples), memory from
// /proc/meminfo, and the resident set of each watched process (the trials) from
// /proc/PID/status. Works on any Linux machine.

#include "telemetry.h"

#include <optional>

namespace tb::engine {

class CpuSource final : public TelemetrySource {
public:
    CpuSource();

    // The processes whose resident set each sample reports (the running trials).
    void watch(std::vector<int> pids) { m_watched = std::move(pids); }

    std::string name() const override { return "cpu"; }
    bool available() const override { return true; }
    int deviceCount() const override { return 1; }
    // The first sample's utilization covers the time since construction.
    std::vector<DeviceSample> sample() override;

    // VmRSS of a process in bytes; nullopt when it is gone.
    static std::optional<std::uint64_t> residentBytes(int pid);

private:
    struct Ticks {
        std::uint64_t busy = 0, total = 0;
    };
    static Ticks readTicks();
    Ticks m_last;
    std::string m_name;
    std::vector<int> m_watched;
};

} // namespace tb::engine
