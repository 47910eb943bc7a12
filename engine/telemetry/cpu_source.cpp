#include "cpu_source.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <set>
#include <thread>
#include <unistd.h>

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

// What a sample needs of /proc/PID/stat.
struct ProcStat {
    int pid = 0, ppid = 0, group = 0;
    std::uint64_t ticks = 0; // utime + stime + cutime + cstime
    std::uint64_t start = 0; // clock ticks after boot
    std::uint64_t residentBytes = 0;
};

std::optional<ProcStat> readProcStat(int pid)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/stat", pid);
    const std::string line = readSmallFile(path);
    const std::size_t close = line.rfind(')'); // the command name may hold spaces and ')'
    if (close == std::string::npos || close + 2 >= line.size())
        return std::nullopt;
    // From field 3 (state) on: ppid pgrp session tty tpgid flags minflt cminflt majflt
    // cmajflt utime stime cutime cstime priority nice threads itreal starttime vsize rss
    ProcStat st;
    st.pid = pid;
    unsigned long long utime = 0, stime = 0, start = 0;
    long long cutime = 0, cstime = 0, rss = 0;
    if (std::sscanf(line.c_str() + close + 2,
                    "%*c %d %d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu %lld %lld %*d %*d %*d %*d %llu %*u %lld", &st.ppid,
                    &st.group, &utime, &stime, &cutime, &cstime, &start, &rss)
        != 8)
        return std::nullopt;
    st.ticks = utime + stime + static_cast<std::uint64_t>(std::max(0LL, cutime) + std::max(0LL, cstime));
    st.start = start;
    static const long pageSize = ::sysconf(_SC_PAGESIZE);
    st.residentBytes = static_cast<std::uint64_t>(std::max(0LL, rss)) * static_cast<std::uint64_t>(pageSize);
    return st;
}

std::vector<ProcStat> allProcesses()
{
    std::vector<ProcStat> out;
    DIR* d = ::opendir("/proc");
    if (!d)
        return out;
    while (const dirent* e = ::readdir(d)) {
        char* end = nullptr;
        const long pid = std::strtol(e->d_name, &end, 10);
        if (*end == '\0' && pid > 0)
            if (auto st = readProcStat(static_cast<int>(pid)))
                out.push_back(*st);
    }
    ::closedir(d);
    return out;
}

std::uint64_t uptimeTicks()
{
    static const long hz = ::sysconf(_SC_CLK_TCK);
    double seconds = 0;
    if (std::sscanf(readSmallFile("/proc/uptime").c_str(), "%lf", &seconds) != 1)
        return 0;
    return static_cast<std::uint64_t>(seconds * static_cast<double>(hz));
}

} // namespace

CpuSource::CpuSource() : m_last(readTicks()), m_lastUptimeTicks(uptimeTicks())
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
    sampleTrees(s, now.total > m_last.total ? now.total - m_last.total : 0);
    m_last = now;
    const std::string meminfo = readSmallFile("/proc/meminfo");
    s.memoryTotalBytes = kilobytesField(meminfo, "MemTotal:").value_or(0);
    // MemAvailable is what the kernel could hand out without swapping: "used" is the rest.
    const std::uint64_t available = kilobytesField(meminfo, "MemAvailable:").value_or(0);
    s.memoryUsedBytes = s.memoryTotalBytes > available ? s.memoryTotalBytes - available : 0;
    return {std::move(s)};
}

void CpuSource::sampleTrees(DeviceSample& s, std::uint64_t machineTicks)
{
    const std::uint64_t uptime = uptimeTicks();
    std::map<int, Tree> trees;
    if (!m_watched.empty()) {
        const std::vector<ProcStat> all = allProcesses();
        std::multimap<int, const ProcStat*> children;
        std::map<int, const ProcStat*> byPid;
        for (const ProcStat& st : all) {
            children.emplace(st.ppid, &st);
            byPid.emplace(st.pid, &st);
        }
        for (int pid : m_watched) {
            const auto leader = byPid.find(pid);
            if (leader == byPid.end())
                continue; // gone
            std::set<int> members{pid};
            std::vector<int> todo{pid};
            while (!todo.empty()) {
                const int p = todo.back();
                todo.pop_back();
                for (auto [it, end] = children.equal_range(p); it != end; ++it)
                    if (members.insert(it->second->pid).second)
                        todo.push_back(it->second->pid);
            }
            if (leader->second->group == pid)
                for (const ProcStat& st : all)
                    if (st.group == pid)
                        members.insert(st.pid);
            Tree tree{0, leader->second->start};
            DeviceProcess process{pid, 0, -1};
            for (int member : members) {
                const ProcStat& st = *byPid.at(member);
                tree.ticks += st.ticks;
                process.usedMemoryBytes += st.residentBytes;
            }
            // Since the previous sample: the growth of a tree seen then, or all of a tree
            // whose leader started since; an older tree seen for the first time is unknown.
            std::optional<std::uint64_t> used;
            if (const auto before = m_trees.find(pid); before != m_trees.end() && before->second.leaderStart == tree.leaderStart)
                used = tree.ticks > before->second.ticks ? tree.ticks - before->second.ticks : 0;
            else if (tree.leaderStart >= m_lastUptimeTicks)
                used = tree.ticks;
            if (used) // no tick passed on the machine: none on the tree either
                process.cpuPercent = machineTicks > 0
                    ? std::min(100.0, 100.0 * static_cast<double>(*used) / static_cast<double>(machineTicks))
                    : 0.0;
            s.processes.push_back(process);
            trees.emplace(pid, tree);
        }
    }
    m_trees = std::move(trees);
    m_lastUptimeTicks = uptime;
}

} // namespace tb::engine
