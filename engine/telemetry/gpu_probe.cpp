// tunebench-gpu-probe: the telemetry sources and the GPU allocator without Qt or a store,
// for GPU machines that have only a compiler (scripts/gpu-telemetry-check.sh).
//
//   tunebench-gpu-probe [--trials N] [--trials-per-gpu K] [--gpus-per-trial G]
//                       [--min-free-mb M] [--skip-busy] [--hz H] [--seconds S] [-- COMMAND ARGS...]
//
// Runs N copies of COMMAND (default: sleep 3), each in its own process group with the
// CUDA_VISIBLE_DEVICES the allocator gives it, samples every GPU at H Hz (default 2) and
// prints one JSON object per line: source, sample, start, wait, exit, summary. The
// summary's "ok" is false when a device ever held more than K trials. Exit status 0 when
// ok, 1 otherwise, 2 for bad arguments, 3 when no GPU source is available.

#include "engine/telemetry/gpu_allocator.h"
#include "engine/telemetry/nvml_source.h"
#include "engine/telemetry/telemetry.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace tb::engine;

namespace {

std::string quoted(const std::string& s)
{
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (static_cast<unsigned char>(c) >= 0x20)
            out += c;
    }
    return out + '"';
}

template <class T> std::string list(const std::vector<T>& v)
{
    std::string out = "[";
    for (std::size_t k = 0; k < v.size(); ++k)
        out += (k ? "," : "") + std::to_string(v[k]);
    return out + "]";
}

void line(const std::string& json)
{
    std::printf("%s\n", json.c_str());
    std::fflush(stdout);
}

struct Trial {
    int id = 0;
    pid_t pid = 0;
    std::vector<int> gpus;
};

} // namespace

int main(int argc, char** argv)
{
    int trials = 4, trialsPerGpu = 2, gpusPerTrial = 1;
    long long minFreeMb = 0;
    bool skipBusy = false;
    double hz = 2, seconds = 120;
    std::vector<std::string> command{"sleep", "3"};
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "tunebench-gpu-probe: %s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        try {
            if (a == "--trials") trials = std::stoi(next());
            else if (a == "--trials-per-gpu") trialsPerGpu = std::stoi(next());
            else if (a == "--gpus-per-trial") gpusPerTrial = std::stoi(next());
            else if (a == "--min-free-mb") minFreeMb = std::stoll(next());
            else if (a == "--skip-busy") skipBusy = true;
            else if (a == "--hz") hz = std::stod(next());
            else if (a == "--seconds") seconds = std::stod(next());
            else if (a == "--") {
                command.assign(argv + i + 1, argv + argc);
                break;
            } else {
                std::fprintf(stderr, "tunebench-gpu-probe: unknown argument %s (see the comment at the top of gpu_probe.cpp)\n", a.c_str());
                return 2;
            }
        } catch (const std::exception&) {
            std::fprintf(stderr, "tunebench-gpu-probe: bad value for %s\n", a.c_str());
            return 2;
        }
    }
    if (command.empty() || hz <= 0 || trialsPerGpu < 1 || gpusPerTrial < 0) {
        std::fprintf(stderr, "tunebench-gpu-probe: bad arguments\n");
        return 2;
    }

    std::unique_ptr<TelemetrySource> gpus;
    try {
        gpus = makeGpuSource();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "tunebench-gpu-probe: %s\n", e.what());
        return 2;
    }
    if (!gpus) {
        NvmlSource nvml;
        line("{\"event\":\"source\",\"available\":false,\"reason\":" + quoted(nvml.unavailableReason()) + "}");
        return 3;
    }
    line("{\"event\":\"source\",\"name\":" + quoted(gpus->name()) + ",\"available\":true,\"devices\":"
         + std::to_string(gpus->deviceCount()) + "}");

    GpuPolicy policy;
    for (int i = 0; i < gpus->deviceCount(); ++i)
        policy.devices.push_back(i);
    policy.trialsPerGpu = trialsPerGpu;
    policy.minFreeMemoryBytes = static_cast<std::uint64_t>(minFreeMb) << 20;
    policy.skipBusyGpus = skipBusy;
    GpuAllocator allocator(policy);

    std::map<pid_t, Trial> running;
    std::map<int, int> peak;        // device -> most trials at once
    std::set<int> seenOnGpu;        // trial pids NVML reported on a device
    std::set<int> launchedPids;
    int nextTrial = 1, finished = 0;
    std::string lastWait;
    const auto start = std::chrono::steady_clock::now();
    const auto period = std::chrono::microseconds(static_cast<long long>(1e6 / hz));
    bool timedOut = false;

    while (finished < trials) {
        if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > seconds) {
            timedOut = true;
            break;
        }
        // Reap trials that ended, releasing their GPUs.
        for (pid_t pid; (pid = ::waitpid(-1, nullptr, WNOHANG)) > 0;) {
            if (auto it = running.find(pid); it != running.end()) {
                line("{\"event\":\"exit\",\"trial\":" + std::to_string(it->second.id) + "}");
                allocator.release(it->second.id);
                running.erase(it);
                ++finished;
            }
        }
        // Sample, and tell the allocator which processes are foreign.
        std::vector<DeviceSample> samples = gpus->sample();
        std::vector<GpuState> view;
        for (const DeviceSample& s : samples) {
            GpuState g{s.index, s.memoryTotalBytes, s.memoryUsedBytes, {}};
            std::vector<int> pids;
            for (const DeviceProcess& p : s.processes) {
                pids.push_back(p.pid);
                const pid_t group = ::getpgid(p.pid);
                const bool ours = launchedPids.count(p.pid) || (group > 0 && launchedPids.count(group));
                if (ours)
                    seenOnGpu.insert(group > 0 && launchedPids.count(group) ? group : p.pid);
                else
                    g.foreignPids.push_back(p.pid);
            }
            std::vector<long long> holders;
            for (auto id : allocator.trialsOn(s.index))
                holders.push_back(id);
            line("{\"event\":\"sample\",\"time\":" + std::to_string(s.time) + ",\"device\":" + std::to_string(s.index)
                 + ",\"name\":" + quoted(s.name) + ",\"utilization\":" + std::to_string(s.utilizationPercent)
                 + ",\"memory_used\":" + std::to_string(s.memoryUsedBytes) + ",\"memory_total\":"
                 + std::to_string(s.memoryTotalBytes) + ",\"power_w\":" + std::to_string(s.powerWatts)
                 + ",\"temperature_c\":" + std::to_string(s.temperatureC) + ",\"pids\":" + list(pids)
                 + ",\"foreign\":" + list(g.foreignPids) + ",\"trials\":" + list(holders) + "}");
            view.push_back(std::move(g));
        }
        allocator.update(std::move(view));
        // Start what fits.
        while (nextTrial <= trials) {
            const GpuGrant grant = allocator.request(nextTrial, gpusPerTrial);
            if (grant.impossible) {
                line("{\"event\":\"error\",\"reason\":" + quoted(grant.waitReason) + "}");
                return 2;
            }
            if (!grant.granted()) {
                if (grant.waitReason != lastWait)
                    line("{\"event\":\"wait\",\"trial\":" + std::to_string(nextTrial) + ",\"reason\":" + quoted(grant.waitReason) + "}");
                lastWait = grant.waitReason;
                break;
            }
            lastWait.clear();
            std::string visible;
            for (std::size_t k = 0; k < grant.devices.size(); ++k)
                visible += (k ? "," : "") + std::to_string(grant.devices[k]);
            const pid_t pid = ::fork();
            if (pid == 0) {
                ::setpgid(0, 0);
                ::setenv("CUDA_VISIBLE_DEVICES", visible.c_str(), 1);
                ::setenv("CUDA_DEVICE_ORDER", "PCI_BUS_ID", 1);
                std::vector<char*> args;
                for (std::string& c : command)
                    args.push_back(c.data());
                args.push_back(nullptr);
                ::execvp(args[0], args.data());
                std::perror("tunebench-gpu-probe: exec");
                ::_exit(127);
            }
            if (pid < 0) {
                std::perror("tunebench-gpu-probe: fork");
                return 1;
            }
            ::setpgid(pid, pid);
            launchedPids.insert(pid);
            running[pid] = {nextTrial, pid, grant.devices};
            line("{\"event\":\"start\",\"trial\":" + std::to_string(nextTrial) + ",\"pid\":" + std::to_string(pid)
                 + ",\"gpus\":" + list(grant.devices) + "}");
            for (int d : grant.devices)
                peak[d] = std::max(peak[d], allocator.holders(d));
            ++nextTrial;
        }
        std::this_thread::sleep_for(period);
    }
    for (auto& [pid, t] : running)
        ::kill(-pid, SIGKILL);
    while (::waitpid(-1, nullptr, 0) > 0) {
    }

    bool ok = !timedOut;
    std::string peaks = "{";
    for (auto [d, n] : peak) {
        peaks += (peaks.size() > 1 ? "," : "") + ("\"" + std::to_string(d) + "\":") + std::to_string(n);
        ok = ok && n <= trialsPerGpu;
    }
    std::vector<int> seen(seenOnGpu.begin(), seenOnGpu.end());
    line("{\"event\":\"summary\",\"trials\":" + std::to_string(nextTrial - 1) + ",\"finished\":" + std::to_string(finished)
         + ",\"timed_out\":" + (timedOut ? "true" : "false") + ",\"trials_per_gpu\":" + std::to_string(trialsPerGpu)
         + ",\"peak_per_device\":" + peaks + "},\"trial_pids_seen_by_source\":" + list(seen) + ",\"ok\":" + (ok ? "true" : "false") + "}");
    return ok ? 0 : 1;
}
