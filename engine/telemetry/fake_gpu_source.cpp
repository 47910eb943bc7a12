#include "fake_gpu_source.h"

#include <stdexcept>

namespace tb::engine {

FakeGpuSource::FakeGpuSource(int devices) : m_devices(static_cast<std::size_t>(std::max(devices, 0)))
{
    for (std::size_t i = 0; i < m_devices.size(); ++i)
        m_devices[i].name = "Fake GPU " + std::to_string(i);
}

FakeGpuSource FakeGpuSource::fromSpec(const std::string& spec)
{
    auto number = [&](const std::string& text, const std::string& item) {
        std::size_t used = 0;
        long long v = -1;
        try {
            v = std::stoll(text, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used != text.size() || v < 0)
            throw std::invalid_argument("TUNEBENCH_FAKE_GPUS: bad item '" + item + "' in '" + spec + "'");
        return static_cast<std::uint64_t>(v);
    };
    std::vector<std::string> items;
    for (std::size_t start = 0;;) {
        const std::size_t comma = spec.find(',', start);
        items.push_back(spec.substr(start, comma - start));
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    FakeGpuSource source(static_cast<int>(number(items.front(), items.front())));
    for (std::size_t k = 1; k < items.size(); ++k) {
        const std::string& item = items[k];
        const std::size_t eq = item.find('=');
        const std::string key = item.substr(0, eq);
        const std::string value = eq == std::string::npos ? std::string() : item.substr(eq + 1);
        const std::size_t colon = value.find(':');
        if (key == "total_mb") {
            for (auto& d : source.m_devices)
                d.memoryTotalBytes = number(value, item) << 20;
            continue;
        }
        if (colon == std::string::npos)
            throw std::invalid_argument("TUNEBENCH_FAKE_GPUS: bad item '" + item + "' in '" + spec + "'");
        const auto index = number(value.substr(0, colon), item);
        const auto x = number(value.substr(colon + 1), item);
        if (index >= source.m_devices.size())
            throw std::invalid_argument("TUNEBENCH_FAKE_GPUS: no GPU " + std::to_string(index) + " in '" + spec + "'");
        FakeGpu& d = source.m_devices[index];
        if (key == "busy")
            d.processes.push_back({static_cast<int>(x), 256ULL << 20});
        else if (key == "used_mb")
            d.memoryUsedBytes = x << 20;
        else if (key == "util")
            d.utilizationPercent = static_cast<double>(x);
        else
            throw std::invalid_argument("TUNEBENCH_FAKE_GPUS: unknown key in '" + item + "'");
    }
    return source;
}

std::vector<DeviceSample> FakeGpuSource::sample()
{
    std::vector<DeviceSample> out;
    const double now = wallClockSeconds();
    for (std::size_t i = 0; i < m_devices.size(); ++i) {
        const FakeGpu& d = m_devices[i];
        DeviceSample s;
        s.time = now;
        s.index = static_cast<int>(i);
        s.name = d.name;
        s.kind = DeviceKind::Gpu;
        s.utilizationPercent = d.utilizationPercent;
        s.memoryTotalBytes = d.memoryTotalBytes;
        s.memoryUsedBytes = d.memoryUsedBytes;
        s.powerWatts = 50 + 2 * d.utilizationPercent;
        s.temperatureC = 35 + 0.4 * d.utilizationPercent;
        s.processes = d.processes;
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace tb::engine
