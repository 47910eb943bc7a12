#include "executor.h"

#include "local_executor.h"
#include "slurm_executor.h"

namespace tb::engine {

std::unique_ptr<TrialExecutor> makeExecutor(const ExperimentSpec& spec, double killGraceSeconds)
{
    if (spec.executor.type == ExecutorSpec::Type::Local)
        return std::make_unique<LocalExecutor>(killGraceSeconds);
    auto slurm = std::make_unique<SlurmExecutor>(spec.executor, spec.resources.gpusPerTrial.value_or(0),
                                                 spec.resources.gpusPerWorker.value_or(0), killGraceSeconds);
    slurm->check();
    return slurm;
}

} // namespace tb::engine
