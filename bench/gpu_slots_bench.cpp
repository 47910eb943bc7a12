// What a trial start pays for the machine-wide GPU slots (engine/core/gpu_slots.h): acquire
// and release of one GPU's slot, with K other experiments' trials already holding slots of
// that GPU (each in a process of its own, as on a shared workstation) and a waiter file per
// experiment. Prints JSON: microseconds per acquire and per release (median, p90).
//   tb-bench-gpu-slots [ROUNDS] [OTHERS]
#include "engine/telemetry/gpu_slots.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

int main(int argc, char** argv)
{
    const int rounds = argc > 1 ? std::atoi(argv[1]) : 2000;
    const int others = argc > 2 ? std::atoi(argv[2]) : 3;
    char tmpl[] = "/tmp/tb-slots-bench-XXXXXX";
    const std::string dir = std::string(::mkdtemp(tmpl)) + "/slots";
    // Other engines: each holds a slot of GPU 0 (trials_per_gpu 8) until told to stop.
    int pipeFd[2];
    if (::pipe(pipeFd) != 0)
        return 1;
    std::vector<pid_t> children;
    for (int k = 0; k < others; ++k) {
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::close(pipeFd[1]);
            tb::engine::GpuSlots slots("other-" + std::to_string(k), "/tmp/other.db", 8, 0, dir);
            slots.acquire(100 + k, {0});
            char c;
            [[maybe_unused]] const ssize_t n = ::read(pipeFd[0], &c, 1); // until the parent closes the pipe
            std::_Exit(0);
        }
        children.push_back(pid);
    }
    ::close(pipeFd[0]);
    ::usleep(300000);
    tb::engine::GpuSlots slots("bench", "/tmp/bench.db", 8, 0, dir);
    std::vector<double> acquire, release;
    using Clock = std::chrono::steady_clock;
    for (int r = 0; r < rounds; ++r) {
        const auto t0 = Clock::now();
        const auto grant = slots.acquire(r, {0});
        const auto t1 = Clock::now();
        slots.release(r);
        const auto t2 = Clock::now();
        if (!grant.granted()) {
            std::fprintf(stderr, "not granted: %s\n", grant.waitReason.c_str());
            return 1;
        }
        acquire.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
        release.push_back(std::chrono::duration<double, std::micro>(t2 - t1).count());
    }
    ::close(pipeFd[1]);
    for (pid_t p : children)
        ::waitpid(p, nullptr, 0);
    auto q = [](std::vector<double> v, double f) {
        std::sort(v.begin(), v.end());
        return v[static_cast<std::size_t>(f * static_cast<double>(v.size() - 1))];
    };
    std::printf("{\"rounds\": %d, \"other_holders\": %d, \"acquire_us\": {\"median\": %.1f, \"p90\": %.1f}, "
                "\"release_us\": {\"median\": %.1f, \"p90\": %.1f}}\n",
                rounds, others, q(acquire, 0.5), q(acquire, 0.9), q(release, 0.5), q(release, 0.9));
    return 0;
}
