#pragma once
// tunebench-train's command line: the options of one training run and their parser.
// Plain C++ (no libtorch), so parsing and the static checks are cheap to test and the
// error messages are the ones a user sees (exit status 2).

#include <cstdint>
#include <string>
#include <vector>

namespace tb::train {

struct Options {
    // What to train on.
    std::string task = "spirals";   // spirals | text | idx | csv
    std::string model = "mlp";      // mlp | gpt | cnn
    std::string size = "tiny";      // gpt: tiny | small | gpu
    std::string data;               // text, idx (images), csv
    std::string labels;             // idx: labels file (default: derived from --data)
    int hidden = 64;                // mlp width
    int depth = 4;                  // mlp hidden layers (layers = depth + 1)
    int samples = 2000;             // spirals: generated points
    int blockSize = 0;              // gpt: context length (0: the size's default)
    double valFraction = 0.1;

    // Pipeline.
    int stages = 1;                      // P: devices (ranks) in the schedule
    std::vector<std::string> devices{"cpu"}; // one per rank, or one for all
    int microbatches = 1;
    std::string schedule = "gpipe";      // gpipe | 1f1b | interleaved | zb1
    int virtualStages = 1;
    std::string partition = "uniform";   // uniform | params | time
    std::string checkpoint = "none";     // none | except_last | always
    std::string offload = "none";        // none | activations | l2l
    int replicas = 1;                    // data-parallel copies of the pipeline

    // Optimisation.
    int batch = 0;            // 0: the model's default (gpt sizes), else 64
    int accumulate = 1;
    int epochs = 0;
    std::int64_t steps = 0;   // exactly one of epochs / steps; neither means --epochs 1
    double lr = 1e-3;
    std::string optimizer = "adamw";
    double weightDecay = 0.0;
    double momentum = 0.0;    // sgd
    double clip = 0.0;        // max global grad norm, 0 = off
    std::string precision = "fp32"; // fp32 | bf16 (CUDA only)

    // Run.
    int threads = 0;          // 0: libtorch's default
    double gpuMemoryLimitGb = 0.0; // cap on each CUDA device's caching allocator, GiB (0 = none)
    std::uint64_t seed = 0;
    std::string out;
    bool resume = false;
    int logEvery = 1;
    int spanEvery = 50;       // span events for step 1 and every N-th step
};

struct ParseResult {
    Options options;
    bool help = false;
    bool version = false;
    std::string error; // non-empty: print it and exit 2
};

// Parses argv[1..] ("--flag value" or "--flag=value") and runs checkStatic().
ParseResult parseArgs(const std::vector<std::string>& args);

// Checks that need no libtorch: names, ranges, and the schedule (m < p for 1F1B, ...).
// Returns the first problem, or an empty string.
std::string checkStatic(const Options& options);

std::string usage();

} // namespace tb::train
