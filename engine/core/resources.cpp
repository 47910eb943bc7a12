#include "resources.h"

#include "errors.h"
#include "spec.h"
#include "telemetry.h"

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
    if (!spec.resources.managesGpus())
        return planResources(spec.resources, 0);
    std::unique_ptr<TelemetrySource> source;
    try {
        source = makeGpuSource();
    } catch (const std::invalid_argument& e) {
        throw SpecError(QString::fromUtf8(e.what()));
    }
    return planResources(spec.resources, source ? source->deviceCount() : 0);
}

} // namespace tb::engine
