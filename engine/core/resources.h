#pragma once
// What an experiment's resources section means on this machine: the GPUs trials may use,
// the allocator's policy, how many trials run at once. Checked before an experiment is
// created (tunebench-cli run, the window's Launch), so that a spec this machine cannot run
// is refused without leaving an experiment behind, and again by the engine.
//
// Threading: pure functions, any thread.

#include "gpu_allocator.h"

#include <optional>

namespace tb::engine {

struct ExperimentSpec;
struct ResourcesSpec;

struct ResourcePlan {
    std::optional<GpuPolicy> gpus; // nullopt: the engine does not assign GPUs
    int parallelTrials = 1;
};

// Throws SpecError naming the resources field and the fix.
ResourcePlan planResources(const ResourcesSpec& resources, int visibleGpus);
// The same against this machine's GPUs as the telemetry sees them.
ResourcePlan planResources(const ExperimentSpec& spec);

} // namespace tb::engine
