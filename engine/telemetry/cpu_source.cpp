#include "cpu_source.h"

#include <cstdio>
#include <cstring>
#include <thread>

namespace tb::engine {

namespace {

// Reads a small /proc file whole; these files report size 0, so read until EOF.
std::string readSmallFile(const char* path)
{
    std::string out;
    if (FILE* f = std::fopen(path, "re")) {
        char buf[4096];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
            out.append(buf, n);
        std::fclose(f);
    }
    return out;
}

// "Key:   12345 kB" -> bytes
std::optional<std::uint64_t> kilobytesField(const std::string& text, const char* key)
{
    const std::size_t at = text.find(key);
    if (at == std::string::npos)
        return std::nullopt;
    unsigned long long kb = 0;
    if (std::sscanf(text.c_str() + at + std::strlen(key), " %llu", &kb) != 1)
        return std::nullopt;
    return static_cast<std::uint64_t>(kb) * 1024;
}

} // namespace

CpuSource::CpuSource() : m_last(readTicks())
{
    const unsigned cores = std::thread::hardware_concurrency();
    m_name = "CPU (" + std::to_string(cores) + (cores == 1 ? " core)" : " cores)");
}

CpuSource::Ticks CpuSource::readTicks()
{
    // First line: cpu user nice system idle iowait irq softirq steal guest guest_nice
    Ticks t;
    const std::string stat = readSmallFile("/proc/stat");
    unsigned long long v[8] = {};
    if (std::sscanf(stat.c_str(), "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5],
                    &v[6], &v[7])
        >= 4) {
        const std::uint64_t idle = v[3] + v[4];
        for (unsigned long long x : v)
            t.total += x;
        t.busy = t.total - idle;
    }
    return t;
}

std::optional<std::uint64_t> CpuSource::residentBytes(int pid)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/status", pid);
    const std::string status = readSmallFile(path);
    if (status.empty())
        return std::nullopt;
    // Kernel threads and zombies have no VmRSS line: they hold no memory.
    return kilobytesField(status, "VmRSS:").value_or(0);
}

std::vector<DeviceSample> CpuSource::sample()
{
    DeviceSample s;
    s.time = wallClockSeconds();
    s.index = 0;
    s.name = m_name;
    s.kind = DeviceKind::Cpu;
    const Ticks now = readTicks();
    if (now.total > m_last.total)
        s.utilizationPercent = 100.0 * static_cast<double>(now.busy - m_last.busy) / static_cast<double>(now.total - m_last.total);
    else
        s.utilizationPercent = 0;
    m_last = now;
    const std::string meminfo = readSmallFile("/proc/meminfo");
    s.memoryTotalBytes = kilobytesField(meminfo, "MemTotal:").value_or(0);
    // MemAvailable is what the kernel could hand out without swapping: "used" is the rest.
    const std::uint64_t available = kilobytesField(meminfo, "MemAvailable:").value_or(0);
    s.memoryUsedBytes = s.memoryTotalBytes > available ? s.memoryTotalBytes - available : 0;
    for (int pid : m_watched)
        if (auto rss = residentBytes(pid))
            s.processes.push_back({pid, *rss});
    return {std::move(s)};
}

} // namespace tb::engine
