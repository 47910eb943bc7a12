#pragma once
// Finding and ending every process a trial started, however it detached: its process
// group, its descendants, and any process that still carries the trial's token in its
// environment (TUNEBENCH_TRIAL_TOKEN, unique per attempt). Used by the trial supervisor
// (tunebench-trial) when a trial ends, and by the engine on resume for an attempt whose
// supervisor died with it. Plain C++ (Linux /proc, pidfd), no Qt.
//
// A process is signalled through a pidfd opened before it is checked again, so a pid
// that was reused by an unrelated process between the scan and the signal is never hit.

#include <string>
#include <vector>

namespace tb::engine::proc {

// Field 22 of /proc/PID/stat (start time in clock ticks after boot); empty when gone.
std::string startTicks(int pid);

struct Match {
    std::string token; // TUNEBENCH_TRIAL_TOKEN value; empty: not used
    int group = 0;     // process group id; 0: not used
    int root = 0;      // descendants of this pid; 0: not used
    int exclude = 0;   // never this pid (the caller)
};

// The pids that match now.
std::vector<int> find(const Match& match);
// SIGKILLs every matching process, scanning again until none is left or `timeoutMs`
// passed (processes may fork meanwhile). Returns how many it signalled.
int killAll(const Match& match, int timeoutMs);

} // namespace tb::engine::proc
