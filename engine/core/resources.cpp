#include "resources.h"

#include "engine/telemetry/cpu_source.h"
#include "errors.h"
#include "engine/telemetry/gpu_slots.h"
#include "spec.h"
#include "store.h"
#include "engine/telemetry/telemetry.h"
#include "telemetry_recorder.h"

#include <QStringList>
#include <set>
#include <unistd.h>

namespace tb::engine {

ResourcePlan planResources(const ResourcesSpec& res, int visible)
{
    ResourcePlan plan;
    plan.parallelTrials = res.parallelTrials;
    if (!res.managesGpus())
        return plan;
    std::vector<int> devices;
    if (res.allGpus || !res.gpusGiven) {
        for (int i = 0; i < visible; ++i)
            devices.push_back(i);
    } else {
        for (std::size_t k = 0; k < res.gpus.size(); ++k)
            if (res.gpus[k] >= visible)
                throw SpecError(QStringLiteral("resources.gpus[%1]: GPU %2 is not visible; this machine has %3")
                                    .arg(k)
                                    .arg(res.gpus[k])
                                    .arg(visible ? QStringLiteral("GPUs 0..%1").arg(visible - 1) : QStringLiteral("no GPU")));
        devices = res.gpus;
    }
    const int perTrial = res.gpusPerTrial.value_or(1);
    if (perTrial > 0 && devices.empty())
        throw SpecError(QStringLiteral("resources.gpus_per_trial: trials need %1 GPU(s) (%2), but no GPU is visible "
                                       "(no NVIDIA driver, or TUNEBENCH_FAKE_GPUS=0); set gpus_per_trial to 0 or remove "
                                       "resources.gpus to run trials on the CPU")
                            .arg(perTrial)
                            .arg(res.gpusPerTrial ? QStringLiteral("gpus_per_trial") : QStringLiteral("the default with resources.gpus")));
    if (res.gpusPerTrial && *res.gpusPerTrial > static_cast<int>(devices.size()))
        throw SpecError(QStringLiteral("resources.gpus_per_trial: %1 GPUs per trial, but only %2 GPU(s) are available")
                            .arg(*res.gpusPerTrial)
                            .arg(devices.size()));
    GpuPolicy policy;
    policy.devices = devices;
    policy.trialsPerGpu = res.trialsPerGpu;
    policy.minFreeMemoryBytes = static_cast<std::uint64_t>(res.minFreeMemoryMb) << 20;
    policy.skipBusyGpus = res.skipBusyGpus;
    if (!res.parallelTrialsGiven && perTrial > 0)
        plan.parallelTrials = std::max(1, static_cast<int>(devices.size()) * res.trialsPerGpu / perTrial);
    plan.gpus = std::move(policy);
    return plan;
}

ResourcePlan planResources(const ExperimentSpec& spec)
{
    if (!spec.resources.managesGpus() || spec.executor.type != ExecutorSpec::Type::Local)
        return planResources(spec.resources, 0);
    std::unique_ptr<TelemetrySource> source;
    try {
        source = makeGpuSource();
    } catch (const std::invalid_argument& e) {
        throw SpecError(QString::fromUtf8(e.what()));
    }
    return planResources(spec.resources, source ? source->deviceCount() : 0);
}

ResourceMonitor::ResourceMonitor(Store& store, std::int64_t experimentId, const ResourcesSpec& res, double downsampleIntervalS,
                                 bool localGpus, const std::string& experiment)
    : m_cpu(std::make_unique<CpuSource>()), m_downsampleInterval(downsampleIntervalS)
{
    if (!localGpus) {
        m_parallel = res.parallelTrials;
        m_recorder = std::make_unique<TelemetryRecorder>(store, experimentId);
        return;
    }
    try {
        m_gpus = makeGpuSource();
    } catch (const std::invalid_argument& e) {
        throw SpecError(QString::fromUtf8(e.what()));
    }
    ResourcePlan plan = planResources(res, m_gpus ? m_gpus->deviceCount() : 0);
    m_parallel = plan.parallelTrials;
    if (plan.gpus) {
        try {
            m_slots = std::make_unique<GpuSlots>(experiment, store.path().toStdString(), plan.gpus->trialsPerGpu, res.priority);
        } catch (const std::runtime_error& e) {
            throw RuntimeError(QString::fromUtf8(e.what()));
        }
        m_allocator = std::make_unique<GpuAllocator>(std::move(*plan.gpus));
    }
    m_recorder = std::make_unique<TelemetryRecorder>(store, experimentId);
}

GpuGrant ResourceMonitor::admit(std::int64_t trial, int gpus)
{
    if (!m_allocator)
        return {};
    GpuGrant grant = m_allocator->request(trial, gpus);
    if (!grant.granted() && !grant.impossible)
        m_slots->waitFor(m_allocator->policy().devices); // in line for the next free one, wherever it is
    if (!grant.granted() || grant.devices.empty())
        return grant;
    const SlotGrant machine = m_slots->acquire(trial, grant.devices);
    if (!machine.granted()) {
        m_allocator->release(trial);
        grant.devices.clear();
        grant.waitReason = machine.waitReason;
    }
    return grant;
}

void ResourceMonitor::release(std::int64_t trial)
{
    if (!m_allocator)
        return;
    m_allocator->release(trial);
    m_slots->release(trial);
}

ResourceMonitor::~ResourceMonitor() = default;

std::vector<int> ResourceMonitor::managedGpus() const
{
    return m_allocator ? m_allocator->policy().devices : std::vector<int>{};
}

void ResourceMonitor::sample(const std::map<int, std::int64_t>& processes)
{
    // A process on a GPU is a trial's when it leads a trial's process group or is in one
    // (each trial leads its own group, so its children count too).
    auto trialOf = [&](int pid) -> std::optional<std::int64_t> {
        if (auto it = processes.find(pid); it != processes.end())
            return it->second;
        const pid_t group = ::getpgid(pid);
        if (auto it = processes.find(static_cast<int>(group)); group > 0 && it != processes.end())
            return it->second;
        return std::nullopt;
    };
    std::vector<int> pids;
    for (const auto& [pid, id] : processes)
        pids.push_back(pid);
    m_cpu->watch(pids);
    std::vector<DeviceSample> samples = m_gpus ? m_gpus->sample() : std::vector<DeviceSample>{};
    for (DeviceSample& s : m_cpu->sample())
        samples.push_back(std::move(s));

    std::map<int, std::vector<SlotHolder>> others;
    if (m_allocator) {
        others = m_slots->others();
        std::vector<GpuState> view;
        for (const DeviceSample& s : samples) {
            if (s.kind != DeviceKind::Gpu)
                continue;
            GpuState g{s.index, s.memoryTotalBytes, s.memoryUsedBytes, {}};
            for (const DeviceProcess& p : s.processes)
                if (!trialOf(p.pid))
                    g.foreignPids.push_back(p.pid);
            if (const auto it = others.find(s.index); it != others.end()) {
                g.otherTrials = static_cast<int>(it->second.size());
                for (const SlotHolder& h : it->second)
                    g.otherTrialsPerGpu = std::min(g.otherTrialsPerGpu, h.trialsPerGpu);
                g.heldBy = it->second.front().text();
            }
            view.push_back(std::move(g));
        }
        m_allocator->update(std::move(view));
    }
    try {
        m_recorder->record(samples, [&](const DeviceSample& s) {
            std::set<std::int64_t> ids;
            if (s.kind == DeviceKind::Cpu) {
                for (const auto& [pid, id] : processes)
                    ids.insert(id);
            } else if (m_allocator) {
                for (std::int64_t id : m_allocator->trialsOn(s.index))
                    ids.insert(id);
            } else {
                for (const DeviceProcess& p : s.processes)
                    if (auto id = trialOf(p.pid))
                        ids.insert(*id);
            }
            QStringList text;
            for (std::int64_t id : ids)
                text << QString::number(id);
            return text.join(QLatin1Char(','));
        }, [&](const DeviceSample& s) {
            QStringList lines;
            if (const auto it = others.find(s.index); s.kind == DeviceKind::Gpu && it != others.end())
                for (const SlotHolder& h : it->second)
                    lines << QString::fromStdString(h.experiment) + QLatin1Char('\t') + QString::fromStdString(h.store) + QLatin1Char('\t')
                            + QString::number(h.trial);
            return lines.join(QLatin1Char('\n'));
        }, trialOf); // each trial's own CPU use, from the trees of its processes
        const double now = Store::now();
        if (now - m_lastDownsample >= m_downsampleInterval) {
            m_lastDownsample = now;
            m_recorder->downsample(now);
        }
    } catch (const std::exception& e) {
        // Telemetry must never end an experiment; say it once.
        if (!m_failed)
            qWarning("tunebench: recording telemetry failed (the experiment goes on): %s", e.what());
        m_failed = true;
    }
}

} // namespace tb::engine
