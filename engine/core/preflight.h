#pragma once
// What a launch refuses before its experiment exists, so that a spec this machine cannot
// run leaves nothing in the store: `tunebench-cli run` and `demo`, and the window's Launch,
// call the same check.
//
// Threading: any thread; reads the file system (and the GPUs' count, planResources()).

#include <QString>

namespace tb::engine {

struct ExperimentSpec;

// Throws SpecError naming the field and the fix: resources this machine lacks
// (planResources()) or a trial program it cannot find (checkTrialProgram()).
void checkRunnable(const ExperimentSpec& spec);

// trial.argv[0] as the local executor will find it (trialProgram()): with a slash, against
// trial.workdir; without, on the trial's PATH (trial.env's PATH, else `inheritedPath`) and
// beside this program. Throws SpecError at trial.argv[0] naming the program and the fix
// when it is missing or not an executable file. Not checked: an argv[0] or a PATH with a
// ${...} placeholder (only a trial knows its value), and Slurm trials (their program runs
// on the cluster's nodes, which may have what this machine lacks).
void checkTrialProgram(const ExperimentSpec& spec, const QString& inheritedPath);

} // namespace tb::engine
