#include "nvml_source.h"

#include <dlfcn.h>
#include <type_traits>

namespace tb::engine {

namespace {

// The few NVML declarations we use, as in nvml.h (ABI-stable across drivers).
using nvmlReturn_t = int;
using nvmlDevice_t = void*;
constexpr nvmlReturn_t kSuccess = 0;
constexpr nvmlReturn_t kInsufficientSize = 7;
constexpr int kTemperatureGpu = 0;
constexpr unsigned long long kValueNotAvailable = ~0ULL;

struct nvmlMemory_t {
    unsigned long long total, free, used;
};
struct nvmlUtilization_t {
    unsigned int gpu, memory;
};
// nvmlProcessInfo_t as the _v2 and _v3 process queries fill it.
struct nvmlProcessInfo_t {
    unsigned int pid;
    unsigned long long usedGpuMemory;
    unsigned int gpuInstanceId;
    unsigned int computeInstanceId;
};

using InitFn = nvmlReturn_t (*)();
using ShutdownFn = nvmlReturn_t (*)();
using CountFn = nvmlReturn_t (*)(unsigned int*);
using HandleFn = nvmlReturn_t (*)(unsigned int, nvmlDevice_t*);
using NameFn = nvmlReturn_t (*)(nvmlDevice_t, char*, unsigned int);
using MemoryFn = nvmlReturn_t (*)(nvmlDevice_t, nvmlMemory_t*);
using UtilizationFn = nvmlReturn_t (*)(nvmlDevice_t, nvmlUtilization_t*);
using PowerFn = nvmlReturn_t (*)(nvmlDevice_t, unsigned int*);
using TemperatureFn = nvmlReturn_t (*)(nvmlDevice_t, int, unsigned int*);
using ProcessesFn = nvmlReturn_t (*)(nvmlDevice_t, unsigned int*, nvmlProcessInfo_t*);

} // namespace

struct NvmlSource::Api {
    InitFn init = nullptr;
    ShutdownFn shutdown = nullptr;
    CountFn count = nullptr;
    HandleFn handle = nullptr;
    NameFn name = nullptr;
    MemoryFn memory = nullptr;
    UtilizationFn utilization = nullptr;
    PowerFn power = nullptr;
    TemperatureFn temperature = nullptr;
    ProcessesFn processes = nullptr;
};

NvmlSource::NvmlSource(const char* library) : m_api(std::make_unique<Api>())
{
    m_library = ::dlopen(library, RTLD_NOW | RTLD_LOCAL);
    if (!m_library) {
        m_why = std::string(library) + " not found (no NVIDIA driver)";
        return;
    }
    auto sym = [&](auto& fn, const char* name) {
        fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(::dlsym(m_library, name));
        return fn != nullptr;
    };
    Api& a = *m_api;
    const bool ok = sym(a.init, "nvmlInit_v2") && sym(a.shutdown, "nvmlShutdown") && sym(a.count, "nvmlDeviceGetCount_v2")
        && sym(a.handle, "nvmlDeviceGetHandleByIndex_v2") && sym(a.name, "nvmlDeviceGetName")
        && sym(a.memory, "nvmlDeviceGetMemoryInfo") && sym(a.utilization, "nvmlDeviceGetUtilizationRates")
        && sym(a.power, "nvmlDeviceGetPowerUsage") && sym(a.temperature, "nvmlDeviceGetTemperature");
    if (!sym(a.processes, "nvmlDeviceGetComputeRunningProcesses_v3"))
        sym(a.processes, "nvmlDeviceGetComputeRunningProcesses_v2"); // drivers before 510
    if (!ok) {
        m_why = std::string(library) + " lacks a function Tunebench needs (driver too old)";
        return;
    }
    if (a.init() != kSuccess) {
        m_why = "nvmlInit failed (driver not loaded?)";
        a.init = nullptr; // no shutdown owed
        return;
    }
    unsigned int n = 0;
    if (a.count(&n) != kSuccess)
        n = 0;
    for (unsigned int i = 0; i < n; ++i) {
        nvmlDevice_t h = nullptr;
        if (a.handle(i, &h) != kSuccess)
            break; // keep indices contiguous: a device we cannot open ends the list
        char name[96] = {};
        if (a.name(h, name, sizeof name) != kSuccess)
            name[0] = '\0';
        m_devices.push_back(h);
        m_names.emplace_back(name[0] ? name : "GPU " + std::to_string(i));
    }
    m_available = true;
}

NvmlSource::~NvmlSource()
{
    if (m_api && m_api->init && m_api->shutdown)
        m_api->shutdown();
    if (m_library)
        ::dlclose(m_library);
}

std::vector<DeviceSample> NvmlSource::sample()
{
    std::vector<DeviceSample> out;
    if (!m_available)
        return out;
    const Api& a = *m_api;
    const double now = wallClockSeconds();
    std::vector<nvmlProcessInfo_t> infos(32);
    for (std::size_t i = 0; i < m_devices.size(); ++i) {
        nvmlDevice_t h = m_devices[i];
        DeviceSample s;
        s.time = now;
        s.index = static_cast<int>(i);
        s.name = m_names[i];
        s.kind = DeviceKind::Gpu;
        nvmlMemory_t mem{};
        if (a.memory(h, &mem) == kSuccess) {
            s.memoryTotalBytes = mem.total;
            s.memoryUsedBytes = mem.used;
        }
        nvmlUtilization_t util{};
        if (a.utilization(h, &util) == kSuccess)
            s.utilizationPercent = util.gpu;
        unsigned int milliwatts = 0;
        if (a.power(h, &milliwatts) == kSuccess)
            s.powerWatts = milliwatts / 1000.0;
        unsigned int celsius = 0;
        if (a.temperature(h, kTemperatureGpu, &celsius) == kSuccess)
            s.temperatureC = celsius;
        if (a.processes) {
            // NVML says how many there are when the buffer is too small; grow once and retry.
            unsigned int count = static_cast<unsigned int>(infos.size());
            nvmlReturn_t rc = a.processes(h, &count, infos.data());
            if (rc == kInsufficientSize) {
                infos.resize(count + 8);
                count = static_cast<unsigned int>(infos.size());
                rc = a.processes(h, &count, infos.data());
            }
            if (rc == kSuccess)
                for (unsigned int k = 0; k < count; ++k)
                    s.processes.push_back({static_cast<int>(infos[k].pid),
                                           infos[k].usedGpuMemory == kValueNotAvailable ? 0 : infos[k].usedGpuMemory});
        }
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace tb::engine
