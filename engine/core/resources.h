#pragma once
// What an experiment's resources section means on this machine: the GPUs trials may use,
// the allocator's policy, how many trials run at once. Checked before an experiment is
// created (tunebench-cli run, the window's Launch), so that a spec this machine cannot run
// is refused without leaving an experiment behind, and again by the engine.
//
// Threading: pure functions, any thread.

#include "engine/telemetry/gpu_allocator.h"

#include <cstdint>
#include <map>
#include <string>
#include <memory>
#include <optional>
#include <vector>

namespace tb::engine {

class CpuSource;
class GpuSlots;
class Store;
class TelemetryRecorder;
class TelemetrySource;
struct ExperimentSpec;
struct ResourcesSpec;

struct ResourcePlan {
    std::optional<GpuPolicy> gpus; // nullopt: the engine does not assign GPUs
    int parallelTrials = 1;
};

// Throws SpecError naming the resources field and the fix.
ResourcePlan planResources(const ResourcesSpec& resources, int visibleGpus);
// With a cluster executor the GPUs are the cluster's: only parallel_trials applies here.
// The same against this machine's GPUs as the telemetry sees them.
ResourcePlan planResources(const ExperimentSpec& spec);

// The machine's side of an experiment: device telemetry (recorded in the store with the
// trials holding each device) and, when the spec asks for GPUs, the allocator that gives
// trials their GPUs.
//
// Threading: the engine's thread, like its Store.
class ResourceMonitor {
public:
    // Throws SpecError when the resources cannot be met here (planResources()).
    // `localGpus` false: trials get their GPUs elsewhere (a cluster), so none is assigned here.
    // `experiment` names this experiment to other engines on the machine.
    ResourceMonitor(Store& store, std::int64_t experimentId, const ResourcesSpec& resources, double downsampleIntervalS,
                    bool localGpus = true, const std::string& experiment = {});
    ~ResourceMonitor();

    int parallelTrials() const { return m_parallel; }
    // GPUs for a trial: this engine's rules (the allocator), then the machine's (a slot of
    // each, all or none, taken in turn with other experiments). Release on its end.
    GpuGrant admit(std::int64_t trial, int gpus);
    void release(std::int64_t trial);
    const GpuAllocator* allocator() const { return m_allocator.get(); } // null: GPUs are not assigned
    std::vector<int> managedGpus() const;

    // One sample of every device: the allocator's view renewed, the samples recorded.
    // `processes` maps the group leaders of running trials to their ids; a failure to
    // record is said once and never ends the experiment.
    void sample(const std::map<int, std::int64_t>& processes);

private:
    std::unique_ptr<CpuSource> m_cpu;
    std::unique_ptr<TelemetrySource> m_gpus; // null without GPUs
    std::unique_ptr<GpuAllocator> m_allocator;
    std::unique_ptr<GpuSlots> m_slots; // with the allocator: what the other engines hold
    std::unique_ptr<TelemetryRecorder> m_recorder;
    double m_downsampleInterval;
    double m_lastDownsample = 0;
    int m_parallel = 1;
    bool m_failed = false;
};

} // namespace tb::engine
