#pragma once
// A trial's measured pipeline step, read from the span, memory and partition events that
// tunebench-train prints (algorithms/trial_events.h): the schedule as the devices ran it,
// with each action's measured span. Data only, beside the schedule IR it describes (the
// Pipeline view draws it; the engine's store holds the events). Plain C++.
//
// Threading: values.

#include "algorithms/schedules/schedule.h"
#include "algorithms/trial_events.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tb::algorithms::schedules {

struct MeasuredRun {
    // Bounds on what events may describe (a hostile or broken trial cannot make the
    // reader allocate without limit).
    static constexpr int kMaxDevices = 4096;
    static constexpr int kMaxStages = 4096;
    static constexpr int kMaxMicrobatches = 1 << 20;

    std::int64_t step = -1;            // the last sampled step of the latest attempt
    std::string kind;                  // the partition event's schedule, or "custom"
    Schedule schedule;                 // each device's actions in the order they ran
    std::vector<std::vector<Span>> spans; // microseconds, shaped like perDevice
    std::vector<double> peakBytes;     // per stage, from memory events; -1 when unknown

    // A trial's events with their attempts, in the order recorded; the latest attempt
    // that printed spans is read. nullopt when no usable span is there.
    static std::optional<MeasuredRun> fromEvents(const std::vector<events::Recorded>& events);
    // Mean duration of each op per stage: the durations the simulation of this run uses.
    Durations meanDurations() const;
};

} // namespace tb::algorithms::schedules
