#pragma once
// The `@tunebench {json}` events a trial prints, as types: one writer and one reader for
// every kind, shared by tunebench-train (which writes them), the engine (which reads a
// trial's output and stores each event with its kind) and the views (which read them back
// from the store). Plain C++: no Qt, no libtorch.
//
//   metrics    {"event": "metrics", "step": 5, "metrics": {"loss": 0.1, "acc": "nan"}}
//   partition  how a pipelined model was cut: schedule, ranks, micro-batches, stages
//   memory     a stage's peak memory (CUDA allocator or the bytes it stashed)
//   span       one measured action (forward, backward, weight) of a sampled step
//   notice     a line of text the engine itself records for the attempt (a cap reached)
//
// The reader accepts what trials written in any language print: fields may come in any
// order, a missing number reads as -1 (or 0 for counts) and a missing text as empty, and
// a metrics object without "event" is a metrics event. Non-finite metric values travel as
// the strings "nan", "inf" and "-inf", since JSON has no literal for them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace tb::algorithms::events {

inline constexpr std::string_view kPrefix = "@tunebench ";

struct Metrics {
    std::optional<std::int64_t> step;
    std::vector<std::pair<std::string, double>> values; // in the order printed
    bool operator==(const Metrics&) const = default;
};

struct PartitionStage {
    int stage = -1;
    int rank = -1;
    std::string device;
    std::vector<std::string> layers;
    std::int64_t parameters = 0;
    bool operator==(const PartitionStage&) const = default;
};

struct Partition {
    std::string method;   // how the layers were cut (trainer's --partition)
    std::string schedule; // the schedule's kind: gpipe, 1f1b, interleaved, zero_bubble...
    int ranks = 0;
    int microbatches = -1;
    int virtualStages = 1;
    std::string checkpoint;
    int replicas = 1;
    std::string gradientReduction;
    std::int64_t parameters = 0;
    std::vector<PartitionStage> stages;
    bool operator==(const Partition&) const = default;
};

struct Memory {
    int stage = -1;
    std::string device;
    std::int64_t peakBytes = -1;
    std::int64_t stashBytes = -1;
    int peakMicrobatches = -1;
    std::string source; // "cuda_allocator" or "stash"
    bool operator==(const Memory&) const = default;
};

struct Span {
    std::int64_t step = -1;
    int device = -1;
    int stage = -1;
    std::string op; // "F", "B" or "W"
    int microbatch = -1;
    double startUs = 0; // microseconds from the start of the step
    double endUs = 0;
    bool operator==(const Span&) const = default;
};

struct Notice {
    std::string text;
    bool operator==(const Notice&) const = default;
};

using Event = std::variant<Metrics, Partition, Memory, Span, Notice>;

// An event as a store keeps it: with the attempt of the trial that printed it.
struct Recorded {
    int attempt = 1;
    Event event;
};

// "metrics", "partition", "memory", "span" or "notice": the kind the store keeps beside
// the body.
std::string_view kindOf(const Event& event);

// The JSON object, one line, keys in the order documented above.
std::string write(const Event& event);
// kPrefix + write(event): the line a trial prints.
inline std::string line(const Event& event) { return std::string(kPrefix) + write(event); }

// Reads a JSON object (the part after kPrefix). nullopt when it is not one JSON object,
// or names no kind above (unknown kinds are left to the log).
std::optional<Event> read(std::string_view body);

// A step as a trial may print it: a whole number in [0, 2^53] (rounded); anything else
// leaves the report without a step.
std::optional<std::int64_t> stepOf(double value);

// Shortest text that reads back as the same double; "nan", "inf", "-inf" for the others.
std::string numberText(double value);

} // namespace tb::algorithms::events
