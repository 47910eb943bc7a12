#pragma once
// Pipeline schedules as data: for each device, the ordered list of actions it runs.
//
// One IR drives the trainer's runtime, the simulator and the Gantt view, so everything a
// consumer needs (which device owns a stage, whether W is split, what an action waits
// for) is in Schedule or derivable with the functions below. Text and CSV forms follow
// torch.distributed.pipelining so schedules can be compared with PyTorch's.
//
// Threading: every function here is pure and reentrant; a Schedule is a plain value that
// any number of threads may read at once.

#include <exception>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tb::algorithms::schedules {

// F: forward. B: full backward, or only the input gradient when the schedule splits W
// out. W: the weight gradient, deferred to fill bubbles (zero-bubble schedules).
enum class Op { F, B, W };

struct Action {
    int stage = 0;
    Op op = Op::F;
    int microbatch = 0;

    bool operator==(const Action&) const = default;
};

struct Schedule {
    std::string kind;      // "gpipe", "1f1b", "interleaved", "zb1", "naive", or "custom" (read from CSV)
    int devices = 0;       // p, also called ranks
    int stages = 0;        // S = p * v for interleaved, else p
    int microbatches = 0;  // m
    int virtualStages = 1; // v, stages per device
    bool splitW = false;   // true: B is the input gradient only and W actions exist
    std::vector<int> stageDevice;                // stage -> device that runs it
    std::vector<std::vector<Action>> perDevice;  // [device] -> actions in execution order
};

// Invalid parameters, unknown names or malformed text. The message says what is wrong
// and how to fix it, so callers can show it to the user as is.
class ScheduleError : public std::exception {
public:
    explicit ScheduleError(std::string message) : m_message(std::move(message)) {}
    const char* what() const noexcept override { return m_message.c_str(); }

private:
    std::string m_message;
};

// ---- Actions -------------------------------------------------------------------------

// 'F', 'B' or 'W'.
char opLetter(Op op);

// PyTorch notation {stage}{op}{microbatch}: "2F0", "1B3", "0W1".
std::string toString(const Action& action);

// Reverse of toString(). Also accepts PyTorch's "I" (input-gradient backward) as B.
// Returns nullopt for anything that is not a compute action.
std::optional<Action> parseAction(const std::string& text);

// The actions that must finish before `action` may start: F(s,mb) needs F(s-1,mb);
// B(s,mb) needs F(s,mb) and B(s+1,mb); W(s,mb) needs B(s,mb). Stages outside the schedule
// are left out. The runtime receives exactly these from other devices.
std::vector<Action> dependencies(const Schedule& schedule, const Action& action);

// ---- Generators ----------------------------------------------------------------------
// All throw ScheduleError for invalid parameters (p < 1, m < 1, ...).

// Fill-drain: every forward, then every backward, both in micro-batch order
// (torch's ScheduleGPipe).
Schedule gpipe(int p, int m);

// Plain model parallelism: one micro-batch through all devices (gpipe(p, 1), kind "naive").
Schedule naive(int p);

// Warm-up of p-1-rank forwards, then one forward and one backward, then the remaining
// backwards (torch's Schedule1F1B). Needs m >= p.
Schedule oneFOneB(int p, int m);

// Megatron-style interleaved 1F1B with v stages per device, stage s on device s % p
// (torch's ScheduleInterleaved1F1B). Needs m >= p and m % p == 0; v = 1 gives the 1F1B
// action lists (torch's v = 1 variant warms up twice as deep, for no benefit).
Schedule interleaved(int p, int m, int v);

// ZB-H1 (Qi et al., "Zero Bubble Pipeline Parallelism"): 1F1B order with B as the input
// gradient and W split out; rank r runs each W r backwards late and its last r W's after
// all backwards, where 1F1B would leave that rank idle. Same warm-up depth, hence same peak activations, as 1F1B. This is
// torch's ScheduleInterleavedZeroBubble rule for one stage per rank. Needs m >= p.
Schedule zbh1(int p, int m);

// By name: "gpipe", "1f1b", "interleaved" or "zb1". v must be 1 except for interleaved.
Schedule makeSchedule(const std::string& kind, int p, int m, int v = 1);

// The names makeSchedule() accepts, in the order a UI should list them.
const std::vector<std::string>& scheduleKinds();

// ---- Validation ----------------------------------------------------------------------

// Empty means valid. Otherwise one message per problem, naming the device, the action's
// index on it and the action, e.g.
//   "device 1 action 3 (1B2): waits for 2B2 which never runs before it".
// Checks shape, ranges, ownership (each action on its stage's device), that each
// (stage, micro-batch) has exactly one F, one B and, when W is split, one W, and that
// running every device's list in order, honouring dependencies(), cannot deadlock.
std::vector<std::string> validate(const Schedule& schedule);

// ---- Simulation ----------------------------------------------------------------------

// Op durations in arbitrary time units (the Chrome trace writes them as microseconds).
// Each vector holds one value per stage, or a single value used for every stage. The
// defaults are the usual 1:2 forward:backward ratio.
struct Durations {
    std::vector<double> forward{1.0};
    std::vector<double> backward{2.0}; // input gradient only when the schedule splits W
    std::vector<double> weight{0.0};   // added to B when the schedule does not split W
    double latency = 0.0;              // added when a dependency comes from another device

    static Durations uniform(double forward, double backward, double weight, double latency = 0.0);
};

struct Span {
    double start = 0.0;
    double end = 0.0;
};

struct SimResult {
    std::vector<std::vector<Span>> spans; // same shape as Schedule::perDevice
    double makespan = 0.0;
    std::vector<double> busy;         // per device: summed action durations
    std::vector<double> idleFraction; // per device: 1 - busy / makespan
    double bubbleFraction = 0.0;      // mean of idleFraction over devices
    std::vector<int> peakActivations; // per stage, see peakActivations()
};

// Each device runs its list in order; an action starts at the latest of its device being
// free and its dependencies ending (plus latency when they ran on another device).
// Throws ScheduleError with validate()'s first message for an invalid schedule, or when
// the durations do not match the schedule (wrong count, negative).
SimResult simulate(const Schedule& schedule, const Durations& durations);

// Peak number of micro-batches per stage whose activations are held: from the start of
// F until the end of B (the input-gradient B when W is split). W is not counted, although
// it reads the stage input, because the memory claim of ZB-H1 ("same as 1F1B") and
// DESIGN.md's min(m, p-s) for 1F1B are stated in this count. Depends only on the order of
// actions, not on durations. 1F1B: min(m, p-s); GPipe: m.
std::vector<int> peakActivations(const Schedule& schedule);

// DESIGN.md's bubble formulas; not all are the same kind of fraction:
//   gpipe, 1f1b: (p-1)/(m+p-1), idle share of the step (what simulate() reports with
//                equal stage times and no latency);
//   naive:       (p-1)/p, i.e. gpipe with m = 1;
//   interleaved: (p-1)/(v*m), bubble time relative to the ideal compute time; as an idle
//                share of the step that is (p-1)/(v*m+p-1);
//   zb1:         (p-1)/(3m+p-1), the idle share of the step when F, B and W take equal
//                time: the bubble time (p-1)(T_F+T_B-T_W) is a third of 1F1B's.
// Throws ScheduleError for an unknown kind or p, m, v < 1.
double theoreticalBubble(const std::string& kind, int p, int m, int v = 1);

// ---- Text forms ----------------------------------------------------------------------

// One line per device: "rank 0: 0F0 0F1 0B0 ...\n".
std::string toText(const Schedule& schedule);

// PyTorch's compute-only per-rank CSV (_dump_csv): one row per rank, one action per cell,
// no header. B is written as "B" even when W is split (PyTorch would write "I").
std::string toCsv(const Schedule& schedule);

// Reads a PyTorch-style CSV. p is the number of rows, S the largest stage + 1, m the
// largest micro-batch + 1 (or microbatchesHint when given, which must cover them), v = S/p,
// split W if any W appears, stageDevice from the row each stage appears in. Empty and
// "None" cells are skipped, and so are PyTorch's communication actions (SEND_F, RECV_F,
// SEND_B, RECV_B, UNSHARD, RESHARD). Kind is "custom". Throws ScheduleError naming the
// row and column of a bad cell. The result is not validated: call validate().
// At most kMaxStages stages and kMaxMicrobatches micro-batches (a larger index is refused
// with a message rather than allocated).
inline constexpr int kMaxStages = 4096;
inline constexpr int kMaxMicrobatches = 1 << 20;
Schedule fromCsv(const std::string& text, int microbatchesHint = -1);

// Hand-written JSON with the schedule, its actions per device (with start/end when
// `result` is given), makespan, bubble and idle fractions, peak activations per stage and
// the theoretical bubble (null for kinds without a formula).
std::string toJson(const Schedule& schedule, const SimResult* result = nullptr);

// Chrome trace event format (chrome://tracing, Perfetto): one complete ("X") event per
// action, tid = device, with "device N" thread names.
std::string toChromeTrace(const Schedule& schedule, const SimResult& result);

} // namespace tb::algorithms::schedules
