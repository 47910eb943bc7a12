#include "telemetry.h"

#include "fake_gpu_source.h"
#include "nvml_source.h"

#include <chrono>
#include <cstdlib>

namespace tb::engine {

const char* deviceKindName(DeviceKind kind)
{
    return kind == DeviceKind::Gpu ? "gpu" : "cpu";
}

double wallClockSeconds()
{
    using namespace std::chrono;
    return static_cast<double>(duration_cast<microseconds>(system_clock::now().time_since_epoch()).count()) / 1e6;
}

std::unique_ptr<TelemetrySource> makeGpuSource()
{
    if (const char* fake = std::getenv("TUNEBENCH_FAKE_GPUS"); fake && *fake)
        return std::make_unique<FakeGpuSource>(FakeGpuSource::fromSpec(fake));
    auto nvml = std::make_unique<NvmlSource>();
    if (nvml->available())
        return nvml;
    return nullptr;
}

} // namespace tb::engine
