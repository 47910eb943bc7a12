#pragma once
// A trial's measured pipeline step, read from the span, memory and partition events that
// tunebench-train prints: the schedule as the devices ran it, with each action's measured
// span. Data only, beside the schedule IR it describes; the Pipeline view draws it.
//
// Threading: values.

#include "store.h"

#include "algorithms/schedules/schedule.h"

#include <QString>
#include <optional>
#include <vector>

namespace tb::engine {

struct MeasuredRun {
    // Bounds on what events may describe (a hostile or broken trial cannot make the
    // reader allocate without limit).
    static constexpr int kMaxDevices = 4096;
    static constexpr int kMaxStages = 4096;
    static constexpr int kMaxMicrobatches = 1 << 20;

    qint64 trialId = -1;
    qint64 step = -1;                   // the last sampled step of the latest attempt
    QString kind;                       // the partition event's schedule, or "custom"
    algorithms::schedules::Schedule schedule; // each device's actions in the order they ran
    std::vector<std::vector<algorithms::schedules::Span>> spans; // microseconds, shaped like perDevice
    std::vector<double> peakBytes;      // per stage, from memory events; -1 when unknown

    // nullopt when the events hold no usable span.
    static std::optional<MeasuredRun> fromEvents(const std::vector<EventRow>& events);
    // Mean duration of each op per stage: the durations the simulation of this run uses.
    algorithms::schedules::Durations meanDurations() const;
};

} // namespace tb::engine
