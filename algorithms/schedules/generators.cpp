// Schedule generators. Each follows the action order of the torch.distributed.pipelining
// schedule of the same name, without its idle (None) padding: our runtime and simulator
// wait on dependencies, so the padding carries no information.

#include "schedule.h"

#include <algorithm>
#include <cstdint>

namespace tb::algorithms::schedules {

namespace {

// Keeps a spin box typo from allocating gigabytes; far beyond any real pipeline.
constexpr std::int64_t maxStageMicrobatches = 1'000'000;

void requireBasics(const std::string& kind, int p, int m, int v)
{
    if (p < 1)
        throw ScheduleError(kind + " needs at least one device (p=" + std::to_string(p) + "); use p >= 1");
    if (m < 1)
        throw ScheduleError(kind + " needs at least one micro-batch (m=" + std::to_string(m)
                            + "); raise --microbatches to 1 or more");
    if (v < 1)
        throw ScheduleError(kind + " needs at least one stage per device (v=" + std::to_string(v)
                            + "); use v >= 1");
    const std::int64_t work = std::int64_t(p) * v * m;
    if (work > maxStageMicrobatches)
        throw ScheduleError(kind + " with p=" + std::to_string(p) + ", v=" + std::to_string(v)
                            + ", m=" + std::to_string(m) + " has " + std::to_string(work)
                            + " stage micro-batches; keep p*v*m at or below "
                            + std::to_string(maxStageMicrobatches));
}

// 1F1B-style schedules keep up to p micro-batches in flight; fewer leaves stages that
// never reach the steady state, which torch rejects too.
void requireMicrobatchesCoverStages(const std::string& kind, int p, int m)
{
    if (m < p)
        throw ScheduleError(kind + " needs at least as many micro-batches as stages (m=" + std::to_string(m)
                            + " < p=" + std::to_string(p) + "); use gpipe or raise --microbatches");
}

Schedule emptySchedule(const std::string& kind, int p, int m, int v, bool splitW)
{
    Schedule schedule;
    schedule.kind = kind;
    schedule.devices = p;
    schedule.stages = p * v;
    schedule.microbatches = m;
    schedule.virtualStages = v;
    schedule.splitW = splitW;
    schedule.stageDevice.resize(p * v);
    for (int s = 0; s < p * v; ++s)
        schedule.stageDevice[s] = s % p;
    schedule.perDevice.resize(p);
    for (auto& actions : schedule.perDevice)
        actions.reserve(std::size_t(v) * m * (splitW ? 3 : 2));
    return schedule;
}

Schedule gpipeUnchecked(const std::string& kind, int p, int m)
{
    Schedule schedule = emptySchedule(kind, p, m, 1, false);
    for (int rank = 0; rank < p; ++rank) {
        auto& actions = schedule.perDevice[rank];
        for (int mb = 0; mb < m; ++mb)
            actions.push_back({rank, Op::F, mb});
        for (int mb = 0; mb < m; ++mb)
            actions.push_back({rank, Op::B, mb});
    }
    return schedule;
}

// 1F1B and ZB-H1 share their F/B order. With W split, rank r runs its first r backwards
// without a W and catches up after the last backward: the later ranks finish their
// backwards early in 1F1B and would idle there, while B alone travels faster to rank 0.
Schedule oneFOneBOrder(const std::string& kind, int p, int m, bool splitW)
{
    Schedule schedule = emptySchedule(kind, p, m, 1, splitW);
    for (int rank = 0; rank < p; ++rank) {
        auto& actions = schedule.perDevice[rank];
        const int warmup = std::min(m, p - 1 - rank);
        const int deferredW = splitW ? rank : 0;
        int nextW = 0;
        const auto backward = [&](int mb) {
            actions.push_back({rank, Op::B, mb});
            if (splitW && mb >= deferredW)
                actions.push_back({rank, Op::W, nextW++});
        };
        for (int mb = 0; mb < warmup; ++mb)
            actions.push_back({rank, Op::F, mb});
        for (int mb = warmup; mb < m; ++mb) {
            actions.push_back({rank, Op::F, mb});
            backward(mb - warmup);
        }
        for (int mb = m - warmup; mb < m; ++mb)
            backward(mb);
        while (splitW && nextW < m)
            actions.push_back({rank, Op::W, nextW++});
    }
    return schedule;
}

} // namespace

Schedule gpipe(int p, int m)
{
    requireBasics("gpipe", p, m, 1);
    return gpipeUnchecked("gpipe", p, m);
}

Schedule naive(int p)
{
    requireBasics("naive", p, 1, 1);
    return gpipeUnchecked("naive", p, 1);
}

Schedule oneFOneB(int p, int m)
{
    requireBasics("1f1b", p, m, 1);
    requireMicrobatchesCoverStages("1f1b", p, m);
    return oneFOneBOrder("1f1b", p, m, false);
}

Schedule zbh1(int p, int m)
{
    requireBasics("zb1", p, m, 1);
    requireMicrobatchesCoverStages("zb1", p, m);
    return oneFOneBOrder("zb1", p, m, true);
}

Schedule interleaved(int p, int m, int v)
{
    requireBasics("interleaved", p, m, v);
    if (m < p)
        throw ScheduleError("interleaved needs at least as many micro-batches as devices (m=" + std::to_string(m)
                            + " < p=" + std::to_string(p) + "); use gpipe or raise --microbatches");
    if (m % p != 0) {
        const int below = m / p * p;
        throw ScheduleError("interleaved needs the micro-batches to be a multiple of the devices (m="
                            + std::to_string(m) + ", p=" + std::to_string(p) + "); use --microbatches "
                            + std::to_string(below) + " or " + std::to_string(below + p));
    }
    if (v == 1)
        return oneFOneBOrder("interleaved", p, m, false);

    Schedule schedule = emptySchedule("interleaved", p, m, v, false);
    const int total = m * v; // forwards (and backwards) per device
    for (int rank = 0; rank < p; ++rank) {
        auto& actions = schedule.perDevice[rank];
        // The last device must run one round of every local stage but the last before its
        // first backward can exist; each device closer to the start adds two hops (F out, B back).
        const int warmup = std::min((v - 1) * p + 2 * (p - 1 - rank), total);
        // Micro-batches go round in groups of p per local stage, forwards from the first
        // local stage up, backwards from the last one down.
        const auto forwardStage = [&](int k) { return (k / p) % v * p + rank; };
        const auto backwardStage = [&](int k) { return (v - 1 - (k / p) % v) * p + rank; };
        std::vector<int> nextF(schedule.stages, 0);
        std::vector<int> nextB(schedule.stages, 0);
        const auto forward = [&](int k) {
            const int stage = forwardStage(k);
            actions.push_back({stage, Op::F, nextF[stage]++});
        };
        const auto backward = [&](int k) {
            const int stage = backwardStage(k);
            actions.push_back({stage, Op::B, nextB[stage]++});
        };
        for (int k = 0; k < warmup; ++k)
            forward(k);
        for (int k = warmup; k < total; ++k) {
            forward(k);
            backward(k - warmup);
        }
        for (int k = total - warmup; k < total; ++k)
            backward(k);
    }
    return schedule;
}

const std::vector<std::string>& scheduleKinds()
{
    static const std::vector<std::string> kinds{"gpipe", "1f1b", "interleaved", "zb1"};
    return kinds;
}

Schedule makeSchedule(const std::string& kind, int p, int m, int v)
{
    const auto& kinds = scheduleKinds();
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
        std::string known;
        for (const auto& name : kinds)
            known += (known.empty() ? "" : ", ") + name;
        throw ScheduleError("unknown schedule '" + kind + "'; known schedules: " + known);
    }
    if (kind == "interleaved")
        return interleaved(p, m, v);
    // Silently ignoring v would show the user a schedule other than the one asked for.
    if (v != 1)
        throw ScheduleError(kind + " runs one stage per device (v=" + std::to_string(v)
                            + "); use v=1, or interleaved for virtual stages");
    if (kind == "gpipe")
        return gpipe(p, m);
    if (kind == "1f1b")
        return oneFOneB(p, m);
    return zbh1(p, m);
}

} // namespace tb::algorithms::schedules
