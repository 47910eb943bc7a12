#pragma once
// The CPU as one device: utilization from /proc/stat (between two samples), memory from
// /proc/meminfo, and for each watched process (a trial's group leader) the resident set
// and CPU share of its process tree from /proc/PID/stat. Works on any Linux machine.
//
// A watched process's tree is the process, its descendants and, when it leads a process
// group (each trial does), every member of that group. Its CPU time is the sum of utime,
// stime, cutime and cstime over the tree: a member that ended was reaped by another
// member (the trial supervisor reaps every orphan), so its time lives on in the reaper's
// cutime and the sum only grows. Watching costs one scan of /proc per sample (0.3 ms for
// 70 processes, measured on the 2-core build machine); without watched processes there is none.

#include "telemetry.h"

#include <map>
#include <optional>

namespace tb::engine {

class CpuSource final : public TelemetrySource {
public:
    CpuSource();

    // The processes whose trees each sample reports (the running trials' group leaders).
    void watch(std::vector<int> pids) { m_watched = std::move(pids); }

    std::string name() const override { return "cpu"; }
    bool available() const override { return true; }
    int deviceCount() const override { return 1; }
    // The first sample's utilization covers the time since construction. A watched tree's
    // CPU share is known from its second sample on, or from its first when its leader
    // started after the previous sample (a new trial).
    std::vector<DeviceSample> sample() override;

    // VmRSS of a process in bytes; nullopt when it is gone.
    static std::optional<std::uint64_t> residentBytes(int pid);

private:
    struct Ticks {
        std::uint64_t busy = 0, total = 0;
    };
    // A watched tree at the previous sample: its CPU ticks, and its leader's start time
    // (a pid reused by another process starts a new tree).
    struct Tree {
        std::uint64_t ticks = 0;
        std::uint64_t leaderStart = 0;
    };
    static Ticks readTicks();
    void sampleTrees(DeviceSample& s, std::uint64_t machineTicks);

    Ticks m_last;
    std::uint64_t m_lastUptimeTicks = 0; // clock ticks since boot at the previous sample
    std::string m_name;
    std::vector<int> m_watched;
    std::map<int, Tree> m_trees; // by watched pid
};

} // namespace tb::engine
