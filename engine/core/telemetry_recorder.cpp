#include "telemetry_recorder.h"

#include <cmath>
#include <limits>
#include <map>

namespace tb::engine {

namespace {
double known(double v)
{
    return v < 0 ? std::numeric_limits<double>::quiet_NaN() : v;
}
} // namespace

TelemetryRow toTelemetryRow(const DeviceSample& sample, std::int64_t experimentId, const QString& trials)
{
    TelemetryRow row;
    row.experimentId = experimentId;
    row.time = sample.time;
    row.kind = QString::fromLatin1(deviceKindName(sample.kind));
    row.device = sample.index;
    row.name = QString::fromStdString(sample.name);
    row.utilization = known(sample.utilizationPercent);
    if (sample.memoryTotalBytes > 0) {
        row.memoryUsed = static_cast<std::int64_t>(sample.memoryUsedBytes);
        row.memoryTotal = static_cast<std::int64_t>(sample.memoryTotalBytes);
    }
    row.powerW = known(sample.powerWatts);
    row.temperatureC = known(sample.temperatureC);
    row.trials = trials;
    QByteArray processes = "[";
    for (std::size_t k = 0; k < sample.processes.size(); ++k) {
        if (k)
            processes += ',';
        processes += '[' + QByteArray::number(sample.processes[k].pid) + ','
            + QByteArray::number(static_cast<qulonglong>(sample.processes[k].usedMemoryBytes)) + ']';
    }
    row.processes = processes + ']';
    return row;
}

std::vector<TrialShare> trialCpuShares(const DeviceSample& sample, const std::function<std::optional<std::int64_t>(int pid)>& trialOf)
{
    std::map<std::int64_t, double> byTrial;
    if (sample.kind == DeviceKind::Cpu && trialOf)
        for (const DeviceProcess& p : sample.processes)
            if (p.cpuPercent >= 0)
                if (const auto trial = trialOf(p.pid))
                    byTrial[*trial] += p.cpuPercent;
    std::vector<TrialShare> out;
    for (const auto& [trial, percent] : byTrial)
        out.push_back({trial, std::min(percent, 100.0)});
    return out;
}

TelemetryRecorder::TelemetryRecorder(Store& store, std::int64_t experimentId, std::vector<Tier> tiers)
    : m_store(store), m_experimentId(experimentId), m_tiers(std::move(tiers)), m_doneUntil(m_tiers.size(), 0.0)
{
}

void TelemetryRecorder::record(const std::vector<DeviceSample>& samples,
                               const std::function<QString(const DeviceSample&)>& trialsOf,
                               const std::function<QString(const DeviceSample&)>& othersOf,
                               const std::function<std::optional<std::int64_t>(int pid)>& trialOf)
{
    std::vector<TelemetryRow> rows;
    rows.reserve(samples.size());
    for (const DeviceSample& s : samples) {
        rows.push_back(toTelemetryRow(s, m_experimentId, trialsOf ? trialsOf(s) : QString()));
        if (othersOf)
            rows.back().others = othersOf(s);
        rows.back().trialCpu = trialCpuShares(s, trialOf);
    }
    m_store.addTelemetry(rows);
}

std::int64_t TelemetryRecorder::downsample(double now)
{
    std::int64_t removed = 0;
    for (std::size_t i = 0; i < m_tiers.size(); ++i) {
        const Tier& tier = m_tiers[i];
        const double to = std::floor((now - tier.age) / tier.bucket) * tier.bucket;
        if (to <= m_doneUntil[i])
            continue;
        removed += m_store.downsampleTelemetry(m_experimentId, m_doneUntil[i], to, tier.bucket);
        m_doneUntil[i] = to;
    }
    return removed;
}

} // namespace tb::engine
