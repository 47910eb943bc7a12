// Schedule validation: shape, completeness, placement, and a dry run that proves the
// per-device orders cannot deadlock. Runs before anything executes a schedule, so the
// messages aim at the person who wrote or edited it.

#include "schedule.h"

#include <cstddef>

namespace tb::algorithms::schedules {

namespace {

constexpr Op allOps[] = {Op::F, Op::B, Op::W};

struct Place {
    int device = -1;
    int index = -1;
};

std::string label(int device, std::size_t index, const Action& action)
{
    return "device " + std::to_string(device) + " action " + std::to_string(index) + " ("
        + toString(action) + ")";
}

std::vector<std::string> shapeProblems(const Schedule& schedule)
{
    std::vector<std::string> problems;
    const int p = schedule.devices;
    if (p < 1)
        problems.push_back("schedule has no devices (devices=" + std::to_string(p) + ")");
    if (schedule.stages < 1)
        problems.push_back("schedule has no stages (stages=" + std::to_string(schedule.stages) + ")");
    if (schedule.microbatches < 1)
        problems.push_back("schedule has no micro-batches (microbatches=" + std::to_string(schedule.microbatches) + ")");
    if (int(schedule.perDevice.size()) != p)
        problems.push_back("schedule has " + std::to_string(p) + " devices but action lists for "
                           + std::to_string(schedule.perDevice.size()));
    if (int(schedule.stageDevice.size()) != schedule.stages)
        problems.push_back("schedule has " + std::to_string(schedule.stages) + " stages but a device for "
                           + std::to_string(schedule.stageDevice.size()) + " of them");
    for (std::size_t s = 0; s < schedule.stageDevice.size(); ++s)
        if (schedule.stageDevice[s] < 0 || schedule.stageDevice[s] >= p)
            problems.push_back("stage " + std::to_string(s) + " is placed on device "
                               + std::to_string(schedule.stageDevice[s]) + ", which does not exist");
    return problems;
}

} // namespace

std::vector<std::string> validate(const Schedule& schedule)
{
    std::vector<std::string> problems = shapeProblems(schedule);
    if (!problems.empty())
        return problems;

    const int m = schedule.microbatches;
    const auto key = [m](const Action& a) { return (std::size_t(a.stage) * 3 + std::size_t(a.op)) * m + a.microbatch; };
    std::vector<Place> placeOf(std::size_t(schedule.stages) * 3 * m);

    for (int d = 0; d < schedule.devices; ++d) {
        const auto& actions = schedule.perDevice[d];
        for (std::size_t i = 0; i < actions.size(); ++i) {
            const Action& a = actions[i];
            if (a.stage < 0 || a.stage >= schedule.stages) {
                problems.push_back(label(d, i, a) + ": stage " + std::to_string(a.stage)
                                   + " does not exist (the schedule has " + std::to_string(schedule.stages) + ")");
                continue;
            }
            if (a.microbatch < 0 || a.microbatch >= m) {
                problems.push_back(label(d, i, a) + ": micro-batch " + std::to_string(a.microbatch)
                                   + " does not exist (the schedule has " + std::to_string(m) + ")");
                continue;
            }
            if (a.op == Op::W && !schedule.splitW) {
                problems.push_back(label(d, i, a) + ": W in a schedule whose B already computes weight gradients");
                continue;
            }
            if (schedule.stageDevice[a.stage] != d)
                problems.push_back(label(d, i, a) + ": stage " + std::to_string(a.stage) + " runs on device "
                                   + std::to_string(schedule.stageDevice[a.stage]));
            Place& place = placeOf[key(a)];
            if (place.device >= 0) {
                problems.push_back(label(d, i, a) + ": repeats device " + std::to_string(place.device)
                                   + " action " + std::to_string(place.index));
                continue;
            }
            place = {d, int(i)};
        }
    }

    for (int s = 0; s < schedule.stages; ++s)
        for (Op op : allOps) {
            if (op == Op::W && !schedule.splitW)
                continue;
            for (int mb = 0; mb < m; ++mb) {
                const Action a{s, op, mb};
                if (placeOf[key(a)].device < 0)
                    problems.push_back(toString(a) + " is missing: stage " + std::to_string(s) + " never runs "
                                       + opLetter(op) + " for micro-batch " + std::to_string(mb));
            }
        }
    // A dry run on an incomplete or misplaced schedule would only repeat these problems.
    if (!problems.empty())
        return problems;

    // Dry run: each device starts its next action once everything it depends on has run.
    // The order in which devices are visited does not matter; what gets stuck, is stuck.
    std::vector<char> done(placeOf.size(), 0);
    std::vector<std::size_t> next(schedule.devices, 0);
    for (bool progress = true; progress;) {
        progress = false;
        for (int d = 0; d < schedule.devices; ++d) {
            const auto& actions = schedule.perDevice[d];
            for (; next[d] < actions.size(); ++next[d]) {
                bool ready = true;
                for (const Action& dep : dependencies(schedule, actions[next[d]]))
                    ready = ready && done[key(dep)];
                if (!ready)
                    break;
                done[key(actions[next[d]])] = 1;
                progress = true;
            }
        }
    }
    for (int d = 0; d < schedule.devices; ++d) {
        const auto& actions = schedule.perDevice[d];
        if (next[d] == actions.size())
            continue;
        const Action& blocked = actions[next[d]];
        for (const Action& dep : dependencies(schedule, blocked)) {
            if (done[key(dep)])
                continue;
            const Place& place = placeOf[key(dep)];
            std::string why = label(d, next[d], blocked) + ": waits for " + toString(dep);
            if (place.device == d)
                why += " which comes after it on the same device (action " + std::to_string(place.index) + ")";
            else
                why += " which never runs before it";
            problems.push_back(why);
            break;
        }
    }
    return problems;
}

} // namespace tb::algorithms::schedules
