#pragma once
// GPUs through NVML, loaded at run time with dlopen("libnvidia-ml.so.1") as nvtop does:
// no build dependency and no NVML header; a machine without the driver simply has no
// GPU source (available() is false and nothing is printed).

#include "telemetry.h"

namespace tb::engine {

class NvmlSource final : public TelemetrySource {
public:
    // `library` is for tests; the default is the driver's soname.
    explicit NvmlSource(const char* library = "libnvidia-ml.so.1");
    ~NvmlSource() override;
    NvmlSource(const NvmlSource&) = delete;
    NvmlSource& operator=(const NvmlSource&) = delete;

    std::string name() const override { return "nvml"; }
    bool available() const override { return m_available; }
    std::string unavailableReason() const override { return m_why; }
    int deviceCount() const override { return static_cast<int>(m_devices.size()); }
    std::vector<DeviceSample> sample() override;

private:
    struct Api;
    std::unique_ptr<Api> m_api;
    void* m_library = nullptr;
    bool m_available = false;
    std::string m_why;
    std::vector<void*> m_devices; // nvmlDevice_t handles by index
    std::vector<std::string> m_names;
};

} // namespace tb::engine
