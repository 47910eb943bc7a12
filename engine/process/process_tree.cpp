#include "process_tree.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>

namespace tb::engine::proc {

namespace {

// Through syscall(): Debian 12's <sys/pidfd.h> lacks extern "C".
int pidfdOpen(int pid)
{
    return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
}

int pidfdKill(int fd)
{
    return static_cast<int>(::syscall(SYS_pidfd_send_signal, fd, SIGKILL, nullptr, 0));
}

struct Stat {
    int ppid = 0;
    int pgrp = 0;
    std::string start;
};

bool readStat(int pid, Stat& out)
{
    std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(f, line))
        return false;
    const auto close = line.rfind(')'); // the command name may hold spaces and ')'
    if (close == std::string::npos)
        return false;
    std::istringstream rest(line.substr(close + 2));
    std::string field;
    std::vector<std::string> fields;
    while (rest >> field)
        fields.push_back(field);
    if (fields.size() < 20)
        return false;
    out.ppid = std::stoi(fields[1]); // fields[0] is the state
    out.pgrp = std::stoi(fields[2]);
    out.start = fields[19];
    return true;
}

bool carriesToken(int pid, const std::string& token)
{
    std::ifstream f("/proc/" + std::to_string(pid) + "/environ", std::ios::binary);
    const std::string wanted = "TUNEBENCH_TRIAL_TOKEN=" + token;
    std::string entry;
    while (std::getline(f, entry, '\0'))
        if (entry == wanted)
            return true;
    return false;
}

std::vector<int> allPids()
{
    std::vector<int> pids;
    DIR* d = ::opendir("/proc");
    if (!d)
        return pids;
    while (const dirent* e = ::readdir(d)) {
        char* end = nullptr;
        const long pid = std::strtol(e->d_name, &end, 10);
        if (*end == '\0' && pid > 0)
            pids.push_back(static_cast<int>(pid));
    }
    ::closedir(d);
    return pids;
}

bool matches(int pid, const Stat& st, const Match& m, const std::set<int>& descendants)
{
    if (pid == m.exclude)
        return false;
    return (m.group > 0 && st.pgrp == m.group) || descendants.count(pid) || (!m.token.empty() && carriesToken(pid, m.token));
}

// The same question for one process, walking up its parents (for the re-check of a
// pinned pid).
bool belongs(int pid, const Match& m, Stat* stat)
{
    Stat st;
    if (pid == m.exclude || !readStat(pid, st))
        return false;
    if (stat)
        *stat = st;
    if ((m.group > 0 && st.pgrp == m.group) || (!m.token.empty() && carriesToken(pid, m.token)))
        return true;
    if (m.root <= 0)
        return false;
    for (int parent = st.ppid, depth = 0; parent > 1 && depth < 256; ++depth) {
        if (parent == m.root)
            return true;
        Stat up;
        if (!readStat(parent, up))
            return false;
        parent = up.ppid;
    }
    return false;
}

} // namespace

std::string startTicks(int pid)
{
    Stat st;
    return readStat(pid, st) ? st.start : std::string();
}

std::vector<int> find(const Match& m)
{
    std::map<int, Stat> stats;
    for (int pid : allPids()) {
        Stat st;
        if (readStat(pid, st))
            stats[pid] = st;
    }
    std::set<int> descendants;
    if (m.root > 0) {
        std::multimap<int, int> children;
        for (const auto& [pid, st] : stats)
            children.emplace(st.ppid, pid);
        std::vector<int> todo{m.root};
        while (!todo.empty()) {
            const int p = todo.back();
            todo.pop_back();
            for (auto [it, end] = children.equal_range(p); it != end; ++it)
                if (descendants.insert(it->second).second)
                    todo.push_back(it->second);
        }
    }
    std::vector<int> out;
    for (const auto& [pid, st] : stats)
        if (matches(pid, st, m, descendants))
            out.push_back(pid);
    return out;
}

int killAll(const Match& m, int timeoutMs)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    std::set<std::pair<int, std::string>> signalled; // (pid, start): one count per process
    for (;;) {
        const std::vector<int> pids = find(m);
        bool any = false;
        for (int pid : pids) {
            const int fd = pidfdOpen(pid);
            if (fd < 0)
                continue; // gone already
            // Pinned: check again that this very process matches (a reused pid would not).
            Stat st;
            if (belongs(pid, m, &st)) {
                if (pidfdKill(fd) == 0) {
                    any = true;
                    signalled.emplace(pid, st.start);
                }
            }
            ::close(fd);
        }
        // Zombies (dead, not yet reaped by their parent) still show in /proc; they are
        // harmless, so the scan ends when only those remain.
        bool alive = false;
        for (int pid : find(m)) {
            std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
            std::string line;
            std::getline(f, line);
            const auto close = line.rfind(')');
            if (close != std::string::npos && close + 2 < line.size() && line[close + 2] != 'Z')
                alive = true;
        }
        if (!alive || std::chrono::steady_clock::now() > deadline)
            break;
        if (!any)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return static_cast<int>(signalled.size());
}

} // namespace tb::engine::proc
