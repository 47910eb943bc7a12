// Event simulation of a schedule with given op durations, and the textbook bubble formulas
// it is checked against.

#include "schedule.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>

namespace tb::algorithms::schedules {

namespace {

// Shortest form that reads back the same, so messages quote the value as the user gave it.
std::string formatTime(double value)
{
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), result.ptr);
}

// Per-stage durations with the single-value form expanded.
std::vector<double> perStage(const std::vector<double>& values, const char* what, int stages)
{
    if (values.size() != 1 && int(values.size()) != stages)
        throw ScheduleError(std::string(what) + " durations have " + std::to_string(values.size())
                            + " values; give one per stage (" + std::to_string(stages) + ") or a single value");
    for (std::size_t s = 0; s < values.size(); ++s)
        if (!std::isfinite(values[s]) || values[s] < 0)
            throw ScheduleError(std::string(what) + " duration " + formatTime(values[s])
                                + (values.size() == 1 ? "" : " of stage " + std::to_string(s))
                                + " is not a time; durations must be finite and >= 0");
    return values.size() == 1 ? std::vector<double>(stages, values.front()) : values;
}

} // namespace

Durations Durations::uniform(double forward, double backward, double weight, double latency)
{
    Durations durations;
    durations.forward = {forward};
    durations.backward = {backward};
    durations.weight = {weight};
    durations.latency = latency;
    return durations;
}

std::vector<int> peakActivations(const Schedule& schedule)
{
    std::vector<int> held(std::max(schedule.stages, 0), 0);
    std::vector<int> peak(held.size(), 0);
    // A device runs one action at a time and a stage lives on one device, so walking each
    // device's list gives the exact count at every moment, whatever the durations.
    for (const auto& actions : schedule.perDevice)
        for (const Action& a : actions) {
            if (a.stage < 0 || a.stage >= int(held.size()))
                continue;
            if (a.op == Op::F)
                peak[a.stage] = std::max(peak[a.stage], ++held[a.stage]);
            else if (a.op == Op::B)
                --held[a.stage];
        }
    return peak;
}

SimResult simulate(const Schedule& schedule, const Durations& durations)
{
    const std::vector<std::string> problems = validate(schedule);
    if (!problems.empty())
        throw ScheduleError("cannot simulate an invalid schedule: " + problems.front()
                            + (problems.size() > 1 ? " (and " + std::to_string(problems.size() - 1) + " more problems)"
                                                   : std::string()));
    const int stages = schedule.stages;
    const std::vector<double> forward = perStage(durations.forward, "forward", stages);
    const std::vector<double> backward = perStage(durations.backward, "backward", stages);
    const std::vector<double> weight = perStage(durations.weight, "weight", stages);
    if (!std::isfinite(durations.latency) || durations.latency < 0)
        throw ScheduleError("latency " + formatTime(durations.latency)
                            + " is not a time; it must be finite and >= 0");

    const auto duration = [&](const Action& a) {
        switch (a.op) {
        case Op::F: return forward[a.stage];
        case Op::B: return schedule.splitW ? backward[a.stage] : backward[a.stage] + weight[a.stage];
        case Op::W: return weight[a.stage];
        }
        return 0.0;
    };

    const int m = schedule.microbatches;
    const auto key = [m](const Action& a) { return (std::size_t(a.stage) * 3 + std::size_t(a.op)) * m + a.microbatch; };
    constexpr double notYet = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> endOf(std::size_t(stages) * 3 * m, notYet);

    SimResult result;
    result.spans.resize(schedule.devices);
    for (int d = 0; d < schedule.devices; ++d)
        result.spans[d].resize(schedule.perDevice[d].size());
    result.busy.assign(schedule.devices, 0.0);

    // Start times depend only on dependencies and the device's previous action, so the
    // order in which devices are advanced does not change the result; validate() has
    // already shown that every action gets its turn.
    std::vector<std::size_t> next(schedule.devices, 0);
    std::vector<double> freeAt(schedule.devices, 0.0);
    for (bool progress = true; progress;) {
        progress = false;
        for (int d = 0; d < schedule.devices; ++d) {
            const auto& actions = schedule.perDevice[d];
            for (; next[d] < actions.size(); ++next[d]) {
                const Action& a = actions[next[d]];
                double start = freeAt[d];
                bool ready = true;
                for (const Action& dep : dependencies(schedule, a)) {
                    const double end = endOf[key(dep)];
                    if (std::isnan(end)) {
                        ready = false;
                        break;
                    }
                    const bool remote = schedule.stageDevice[dep.stage] != d;
                    start = std::max(start, end + (remote ? durations.latency : 0.0));
                }
                if (!ready)
                    break;
                const double length = duration(a);
                result.spans[d][next[d]] = {start, start + length};
                endOf[key(a)] = start + length;
                freeAt[d] = start + length;
                result.busy[d] += length;
                progress = true;
            }
        }
    }

    result.makespan = *std::max_element(freeAt.begin(), freeAt.end());
    result.idleFraction.resize(schedule.devices, 0.0);
    double idleSum = 0.0;
    for (int d = 0; d < schedule.devices; ++d) {
        // With all durations zero nothing waits: report no bubble rather than 0/0.
        result.idleFraction[d] = result.makespan > 0 ? 1.0 - result.busy[d] / result.makespan : 0.0;
        idleSum += result.idleFraction[d];
    }
    result.bubbleFraction = idleSum / schedule.devices;
    result.peakActivations = peakActivations(schedule);
    return result;
}

double theoreticalBubble(const std::string& kind, int p, int m, int v)
{
    if (p < 1 || m < 1 || v < 1)
        throw ScheduleError("bubble formulas need p, m and v of at least 1 (p=" + std::to_string(p) + ", m="
                            + std::to_string(m) + ", v=" + std::to_string(v) + ")");
    const double idle = p - 1;
    if (kind == "gpipe" || kind == "1f1b")
        return idle / (m + p - 1);
    if (kind == "naive")
        return idle / p;
    if (kind == "interleaved")
        return idle / (double(v) * m);
    if (kind == "zb1")
        return idle / (3.0 * m + p - 1);
    throw ScheduleError("no bubble formula for schedule '" + kind
                        + "'; known schedules: gpipe, 1f1b, interleaved, zb1, naive");
}

} // namespace tb::algorithms::schedules
