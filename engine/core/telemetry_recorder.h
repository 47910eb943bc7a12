#pragma once
// Telemetry into the store: each sample becomes one row per device with the trials that
// held the device, and old rows are merged so that a long experiment stays small.
//
// Size (docs/gpus.md): full resolution for the last hour, then one row per device per
// 10 s, and after a day one per minute. 8 GPUs at 2 Hz: 57 600 rows for the newest hour,
// 2 880 for each older hour, 480 for each hour older than a day.
//
// Threading: belongs to the engine's thread, like the Store it writes.

#include "store.h"
#include "engine/telemetry/telemetry.h"

#include <functional>
#include <optional>

namespace tb::engine {

TelemetryRow toTelemetryRow(const DeviceSample& sample, std::int64_t experimentId, const QString& trials);

// Each trial's own CPU use in a CPU sample: the shares of its processes' trees summed per
// trial (`trialOf` names the trial a process belongs to), ordered by trial. Trees whose
// share is not known yet are left out.
std::vector<TrialShare> trialCpuShares(const DeviceSample& sample, const std::function<std::optional<std::int64_t>(int pid)>& trialOf);

class TelemetryRecorder {
public:
    struct Tier {
        double age;    // rows older than this many seconds ...
        double bucket; // ... are merged into one per device per `bucket` seconds
    };
    static std::vector<Tier> defaultTiers() { return {{3600, 10}, {86400, 60}}; }

    TelemetryRecorder(Store& store, std::int64_t experimentId, std::vector<Tier> tiers = defaultTiers());

    // `trialsOf` names the trials holding a device ("12,14"; empty when none); `othersOf`
    // the other experiments' trials on it (TelemetryRow::others); `trialOf` the trial a
    // process belongs to, which gives CPU rows each trial's own use (TelemetryRow::trialCpu).
    void record(const std::vector<DeviceSample>& samples, const std::function<QString(const DeviceSample&)>& trialsOf,
                const std::function<QString(const DeviceSample&)>& othersOf = {},
                const std::function<std::optional<std::int64_t>(int pid)>& trialOf = {});

    // Merges what has aged past each tier since the last call (all of it on the first
    // call, which also covers an earlier run of a resumed experiment). Returns rows removed.
    std::int64_t downsample(double now);

private:
    Store& m_store;
    std::int64_t m_experimentId;
    std::vector<Tier> m_tiers;
    std::vector<double> m_doneUntil; // per tier
};

} // namespace tb::engine
