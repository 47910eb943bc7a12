// Sampler overhead: the CPU time the engine's telemetry tick costs at 2 Hz (docs/
// performance.md, target under 1% of one core). Each tick does what Engine::sampleTelemetry
// does: sample the GPU source (FakeGpuSource, 8 devices with 2 processes each; NVML calls
// are of the same order) and the CPU source (watching 8 trial processes' RSS), and write
// the rows to a store in WAL mode; the downsampler runs once a minute.
//
//   tb-bench-telemetry [SECONDS=60] [HZ=2]
// Prints the process CPU time over the paced run as a share of one core, then the cost
// of one tick measured over 2000 back-to-back ticks.

#include "engine/telemetry/cpu_source.h"
#include "engine/telemetry/fake_gpu_source.h"
#include "engine/core/store.h"
#include "engine/core/telemetry_recorder.h"

#include <QTemporaryDir>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace tb::engine;

namespace {

double cpuSeconds()
{
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

} // namespace

int main(int argc, char** argv)
{
    const double seconds = argc > 1 ? std::atof(argv[1]) : 60;
    const double hz = argc > 2 ? std::atof(argv[2]) : 2;
    QTemporaryDir dir;
    Store store(dir.filePath(QStringLiteral("bench.db")));
    const auto id = store.createExperiment(QStringLiteral("bench"), "{}");

    // Eight idle children stand in for trials, so that /proc/PID/status is read for each.
    std::vector<int> trials;
    for (int i = 0; i < 8; ++i) {
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::pause();
            ::_exit(0);
        }
        trials.push_back(pid);
    }
    FakeGpuSource gpus(8);
    for (int d = 0; d < 8; ++d)
        gpus.device(d).processes = {{trials[static_cast<std::size_t>(d)], 1ULL << 30}, {4242, 1ULL << 28}};
    CpuSource cpu;
    cpu.watch(trials);
    TelemetryRecorder recorder(store, id);
    auto tick = [&] {
        std::vector<DeviceSample> samples = gpus.sample();
        for (DeviceSample& s : cpu.sample())
            samples.push_back(std::move(s));
        recorder.record(samples, [](const DeviceSample& s) { return QString::number(s.index + 1); });
    };

    const auto period = std::chrono::microseconds(static_cast<long long>(1e6 / hz));
    const double cpu0 = cpuSeconds();
    const auto start = std::chrono::steady_clock::now();
    auto next = start;
    auto lastDownsample = start;
    int ticks = 0;
    while (std::chrono::steady_clock::now() - start < std::chrono::duration<double>(seconds)) {
        tick();
        ++ticks;
        if (std::chrono::steady_clock::now() - lastDownsample >= std::chrono::seconds(60)) {
            recorder.downsample(Store::now());
            lastDownsample = std::chrono::steady_clock::now();
        }
        next += period;
        std::this_thread::sleep_until(next);
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double used = cpuSeconds() - cpu0;
    std::printf("paced: %d ticks at %.3g Hz over %.1f s: CPU %.1f ms = %.3f%% of one core (%.3f ms per tick)\n", ticks, hz,
                wall, used * 1000, 100 * used / wall, used * 1000 / ticks);

    const int burst = 2000;
    const double b0 = cpuSeconds();
    for (int i = 0; i < burst; ++i)
        tick();
    const double per = (cpuSeconds() - b0) / burst;
    std::printf("burst: %d ticks back to back: %.3f ms CPU per tick -> %.3f%% of one core at %.3g Hz\n", burst, per * 1000,
                100 * per * hz, hz);
    std::printf("rows written: %lld (9 per tick)\n", static_cast<long long>(store.telemetryCount(id)));

    for (int pid : trials) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
    }
    return 0;
}
