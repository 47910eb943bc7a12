#pragma once
// tunebench-train's command line: the options of one training run and their parser.
// Plain C++ (no libtorch), so parsing and the static checks are cheap to test and the
// error messages are the ones a user sees (exit status 2).

#include <cstdint>
#include <string>
#include <vector>

namespace tb::train {

// One training run. Each field's initializer is its flag's default; the flag's name, choices,
// range and help are declared once in flags.cpp. A 0 often means "chosen at run time"
// (batch: the model's; epochs and steps both 0: one epoch; threads: libtorch's).
struct Options {
    // What to train on.
    std::string task = "spirals";
    std::string model = "mlp";
    std::string size = "tiny";
    std::string data;
    std::string labels;
    int hidden = 64;
    int depth = 4;
    int samples = 2000;
    int blockSize = 0;
    double valFraction = 0.1;

    // Pipeline.
    int stages = 1;
    std::vector<std::string> devices{"cpu"};
    int microbatches = 1;
    std::string schedule = "gpipe";
    int virtualStages = 1;
    std::string partition = "uniform";
    std::string checkpoint = "none";
    std::string offload = "none";
    int replicas = 1;

    // Optimisation.
    int batch = 0;
    int accumulate = 1;
    int epochs = 0;
    std::int64_t steps = 0;
    double lr = 1e-3;
    std::string optimizer = "adamw";
    double weightDecay = 0.0;
    double momentum = 0.0;
    double clip = 0.0;
    std::string precision = "fp32";

    // Run.
    int threads = 0;
    double gpuMemoryLimitGb = 0.0;
    std::uint64_t seed = 0;
    std::string out;
    bool resume = false;
    int logEvery = 1;
    int spanEvery = 50;
};

struct ParseResult {
    Options options;
    bool help = false;
    bool version = false;
    std::string error; // non-empty: print it and exit 2
};

// Parses argv[1..] ("--flag value" or "--flag=value") by the declaration in flags.h and runs
// checkStatic().
ParseResult parseArgs(const std::vector<std::string>& args);

// Checks that need no libtorch: each flag's choices and range (flags.h), then the
// combinations (task and model, devices per rank, the schedule: m < p for 1F1B, ...).
// Returns the first problem, naming the flags, or an empty string.
std::string checkStatic(const Options& options);

// --help: every flag of flags.h with its default, by group.
std::string usage();

} // namespace tb::train
