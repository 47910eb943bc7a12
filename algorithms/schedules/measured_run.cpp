#include "algorithms/schedules/measured_run.h"

#include <algorithm>
#include <array>

namespace tb::algorithms::schedules {

namespace sc = algorithms::schedules;
namespace ev = algorithms::events;

std::optional<MeasuredRun> MeasuredRun::fromEvents(const std::vector<ev::Recorded>& events)
{
    int attempt = 0;
    for (const ev::Recorded& e : events)
        if (std::holds_alternative<ev::Span>(e.event))
            attempt = std::max(attempt, e.attempt);
    MeasuredRun run;
    if (!attempt)
        return std::nullopt;

    struct Rec {
        int device, stage, mb;
        sc::Op op;
        double start, end;
    };
    std::vector<Rec> spans;
    std::vector<ev::Memory> memory;
    int microbatchesHint = -1;
    run.kind = "custom";
    for (const ev::Recorded& e : events) {
        if (e.attempt != attempt)
            continue;
        const ev::Event* event = &e.event;
        if (const auto* p = std::get_if<ev::Partition>(&*event)) {
            if (!p->schedule.empty())
                run.kind = p->schedule;
            microbatchesHint = std::min(p->microbatches, kMaxMicrobatches);
        } else if (const auto* m = std::get_if<ev::Memory>(&*event)) {
            memory.push_back(*m);
        } else if (const auto* span = std::get_if<ev::Span>(&*event)) {
            if (span->step > run.step) { // keep only the last sampled step
                run.step = span->step;
                spans.clear();
            }
            if (span->step < run.step)
                continue;
            const auto action = sc::parseAction("0" + span->op + "0");
            if (!action || span->device < 0 || span->stage < 0 || span->microbatch < 0 || span->device >= kMaxDevices
                || span->stage >= kMaxStages || span->microbatch >= kMaxMicrobatches)
                continue;
            spans.push_back({span->device, span->stage, span->microbatch, action->op, span->startUs, span->endUs});
        }
    }
    if (spans.empty())
        return std::nullopt;

    // The schedule as the devices ran it: each device's spans in start order.
    std::sort(spans.begin(), spans.end(), [](const Rec& a, const Rec& b) {
        return a.device != b.device ? a.device < b.device : a.start != b.start ? a.start < b.start : a.end < b.end;
    });
    sc::Schedule& s = run.schedule;
    s.kind = "custom";
    for (const Rec& r : spans) {
        s.devices = std::max(s.devices, r.device + 1);
        s.stages = std::max(s.stages, r.stage + 1);
        s.microbatches = std::max(s.microbatches, r.mb + 1);
        s.splitW = s.splitW || r.op == sc::Op::W;
    }
    if (microbatchesHint >= s.microbatches)
        s.microbatches = microbatchesHint;
    s.virtualStages = std::max(1, s.stages / s.devices);
    s.stageDevice.assign(s.stages, 0);
    s.perDevice.assign(s.devices, {});
    run.spans.assign(s.devices, {});
    for (const Rec& r : spans) {
        s.stageDevice[r.stage] = r.device;
        s.perDevice[r.device].push_back({r.stage, r.op, r.mb});
        run.spans[r.device].push_back({r.start, r.end});
    }
    if (run.kind != "custom")
        s.kind = run.kind;
    run.peakBytes.assign(s.stages, -1.0);
    for (const ev::Memory& m : memory)
        if (m.stage >= 0 && m.stage < s.stages) // peaks only grow within a run
            run.peakBytes[m.stage] = std::max(run.peakBytes[m.stage], static_cast<double>(m.peakBytes));
    return run;
}

sc::Durations MeasuredRun::meanDurations() const
{
    const int stages = schedule.stages;
    std::array<std::vector<double>, 3> sum, count;
    for (auto& v : sum)
        v.assign(stages, 0.0);
    for (auto& v : count)
        v.assign(stages, 0.0);
    for (std::size_t d = 0; d < schedule.perDevice.size(); ++d)
        for (std::size_t i = 0; i < schedule.perDevice[d].size(); ++i) {
            const sc::Action& a = schedule.perDevice[d][i];
            sum[int(a.op)][a.stage] += spans[d][i].end - spans[d][i].start;
            count[int(a.op)][a.stage] += 1;
        }
    sc::Durations durations;
    std::array<std::vector<double>*, 3> out{&durations.forward, &durations.backward, &durations.weight};
    for (int op = 0; op < 3; ++op) {
        out[op]->assign(stages, 0.0);
        for (int s = 0; s < stages; ++s)
            (*out[op])[s] = count[op][s] > 0 ? sum[op][s] / count[op][s] : 0.0;
    }
    durations.latency = 0.0;
    return durations;
}

} // namespace tb::algorithms::schedules
