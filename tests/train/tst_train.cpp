// Trainer tests: pipeline results equal single-device full-batch training for every
// schedule, stage count, micro-batch count and checkpoint mode; stashed activations match
// the schedule simulator; data-parallel replicas train like one pipeline on the whole
// batch; spirals learns; resume continues exactly; bad flags exit 2.
// Plain C++ (no Qt Test) so it builds where only libtorch is installed.

#include "algorithms/schedules/schedule.h"
#include "engine/train/allreduce.h"
#include "engine/train/data.h"
#include "engine/train/model.h"
#include "engine/train/options.h"
#include "engine/train/pipeline.h"
#include "engine/train/trainer.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <strings.h>
#include <fcntl.h>
#include <ftw.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace sch = tb::algorithms::schedules;
namespace fs = std::filesystem;
using namespace tb::train;

namespace {

int g_passed = 0;
int g_failed = 0;

// The binary under test and the source tree: the build's own paths, or TB_TRAIN_EXE and
// TB_SOURCE_DIR when a build made on one machine runs on another (scripts/gpu-check.sh).
std::string fromEnv(const char* name, const char* fallback)
{
    const char* v = std::getenv(name);
    return v && *v ? v : fallback;
}
const std::string kTrainExe = fromEnv("TB_TRAIN_EXE", TUNEBENCH_TRAIN_EXE);
const std::string kSourceDir = fromEnv("TB_SOURCE_DIR", TUNEBENCH_SOURCE_DIR);

void check(bool ok, const std::string& what)
{
    if (ok) {
        ++g_passed;
    } else {
        ++g_failed;
        std::cout << "FAIL: " << what << std::endl;
    }
}

std::string str(const std::vector<int>& v)
{
    std::string out;
    for (int x : v)
        out += (out.empty() ? "" : ",") + std::to_string(x);
    return "[" + out + "]";
}

// A fresh directory under the system temp folder, removed at exit of the scope.
struct TempDir {
    fs::path path;
    TempDir()
    {
        char pattern[] = "/tmp/tst_train_XXXXXX";
        path = mkdtemp(pattern);
    }
    // Not std::filesystem::remove_all: PyTorch's wheels (2.11) export their own copy of it,
    // which calls a libstdc++ 13 function through a weak reference and jumps to address 0
    // where the system's libstdc++ is older (Debian 12's is 12).
    ~TempDir()
    {
        nftw(path.c_str(), [](const char* p, const struct stat*, int, struct FTW*) { return ::remove(p); }, 16,
             FTW_DEPTH | FTW_PHYS);
    }
};

constexpr int kHidden = 8;
constexpr int kDepth = 8; // 9 layers: enough for 4 ranks x 2 virtual stages
constexpr double kLr = 0.1;

Model freshMlp()
{
    torch::manual_seed(7);
    return makeMlp(2, kHidden, kDepth, 2);
}

// One SGD step of the whole model on the whole batch, mean loss: the ground truth.
std::vector<torch::Tensor> referenceStep(const torch::Tensor& x, const torch::Tensor& y, bool adamw)
{
    Model model = freshMlp();
    torch::Tensor h = x;
    for (auto& layer : model.layers)
        h = layer->forward(h);
    torch::nn::functional::cross_entropy(h, y).backward();
    if (adamw) {
        torch::optim::AdamW opt(model.parameters(), torch::optim::AdamWOptions(1e-2).weight_decay(0.01));
        opt.step();
    } else {
        torch::optim::SGD opt(model.parameters(), torch::optim::SGDOptions(kLr));
        opt.step();
    }
    std::vector<torch::Tensor> out;
    for (auto& p : model.parameters())
        out.push_back(p.detach().clone());
    return out;
}

bool sameParameters(const std::vector<torch::Tensor>& expected, const Model& model, double rtol, double atol)
{
    auto params = model.parameters();
    if (params.size() != expected.size())
        return false;
    for (std::size_t i = 0; i < params.size(); ++i)
        if (!torch::allclose(params[i].detach().cpu(), expected[i], rtol, atol))
            return false;
    return true;
}

struct PipelineRun {
    Checkpoint checkpoint = Checkpoint::None;
    bool offload = false;
    bool adamw = false;
    int accumulateSplits = 1; // run() calls over equal parts of the batch, one optimizer step
    bool l2l = false;
};

// Returns the model after one optimizer step through the pipeline; fills peaks.
Model pipelineStep(const sch::Schedule& schedule, const torch::Tensor& x, const torch::Tensor& y, const PipelineRun& r,
                   std::vector<int>* peaks = nullptr)
{
    Model model = freshMlp();
    PipelineConfig config;
    config.schedule = schedule;
    config.boundaries = partitionLayers(model, schedule.stages, "uniform", x);
    config.rankDevices.assign(schedule.devices, torch::Device(torch::kCPU));
    config.checkpoint = r.checkpoint;
    config.offloadActivations = r.offload;
    config.l2l = r.l2l;
    Pipeline pipeline(model, config);
    std::unique_ptr<torch::optim::Optimizer> opt;
    if (r.adamw)
        opt = std::make_unique<torch::optim::AdamW>(model.parameters(), torch::optim::AdamWOptions(1e-2).weight_decay(0.01));
    else
        opt = std::make_unique<torch::optim::SGD>(model.parameters(), torch::optim::SGDOptions(kLr));
    opt->zero_grad();
    const auto xs = x.tensor_split(r.accumulateSplits);
    const auto ys = y.tensor_split(r.accumulateSplits);
    for (int k = 0; k < r.accumulateSplits; ++k)
        pipeline.run(xs[k], ys[k], 1.0 / static_cast<double>(x.size(0)));
    opt->step();
    if (peaks)
        *peaks = pipeline.peakStashed();
    return model;
}

void testEquivalenceAllSchedules()
{
    torch::manual_seed(1);
    const torch::Tensor x = torch::randn({16, 2});
    const torch::Tensor y = torch::randint(0, 2, {16}, torch::kLong);
    const auto expected = referenceStep(x, y, false);
    int configurations = 0;
    for (const std::string kind : {"gpipe", "1f1b", "interleaved", "zb1"})
        for (int p = 1; p <= 4; ++p)
            for (int m : {1, 2, 4, 8}) {
                sch::Schedule schedule;
                try {
                    schedule = sch::makeSchedule(kind, p, m, kind == "interleaved" ? 2 : 1);
                } catch (const sch::ScheduleError&) {
                    continue; // not a valid combination (m < p, m % p != 0)
                }
                for (Checkpoint mode : {Checkpoint::None, Checkpoint::ExceptLast, Checkpoint::Always}) {
                    const std::string name = kind + " p=" + std::to_string(p) + " m=" + std::to_string(m)
                        + " checkpoint=" + std::to_string(static_cast<int>(mode));
                    std::vector<int> peaks;
                    Model model = pipelineStep(schedule, x, y, {mode}, &peaks);
                    check(sameParameters(expected, model, 1e-5, 1e-6), name + ": parameters differ from full-batch training");
                    const auto predicted = sch::peakActivations(schedule);
                    check(peaks == predicted, name + ": peak stashed micro-batches " + str(peaks) + " != simulator's "
                                                  + str(predicted));
                    ++configurations;
                }
            }
    std::cout << "equivalence: " << configurations << " configurations" << std::endl;
}

void testEquivalenceVariants()
{
    torch::manual_seed(2);
    const torch::Tensor x = torch::randn({16, 2});
    const torch::Tensor y = torch::randint(0, 2, {16}, torch::kLong);
    const auto sgd = referenceStep(x, y, false);
    const auto adamw = referenceStep(x, y, true);
    const auto s = sch::makeSchedule("1f1b", 2, 4);
    check(sameParameters(sgd, pipelineStep(s, x, y, {Checkpoint::Always, true}), 1e-5, 1e-6),
          "offload activations + checkpoint always differs");
    check(sameParameters(sgd, pipelineStep(s, x, y, {Checkpoint::ExceptLast, true}), 1e-5, 1e-6),
          "offload activations + checkpoint except_last differs");
    check(sameParameters(sgd, pipelineStep(s, x, y, {Checkpoint::None, false, false, 2}), 1e-5, 1e-6),
          "gradient accumulation over 2 mini-batches differs");
    check(sameParameters(adamw, pipelineStep(s, x, y, {Checkpoint::None, false, true}), 1e-5, 1e-5),
          "AdamW step differs");
    check(sameParameters(adamw, pipelineStep(sch::makeSchedule("zb1", 4, 8), x, y, {Checkpoint::Always, false, true}),
                         1e-5, 1e-5),
          "AdamW step with zb1 p=4 m=8 differs");
    for (int m : {1, 2, 4}) {
        const auto one = sch::makeSchedule("gpipe", 1, m);
        check(sameParameters(sgd, pipelineStep(one, x, y, {Checkpoint::None, false, false, 1, true}), 1e-5, 1e-6),
              "L2L m=" + std::to_string(m) + " differs");
        check(sameParameters(adamw, pipelineStep(one, x, y, {Checkpoint::None, false, true, 2, true}), 1e-5, 1e-5),
              "L2L with AdamW and accumulation, m=" + std::to_string(m) + " differs");
    }
}

void testPartition()
{
    check(balancedPartition({1, 1, 1, 1}, 2) == std::vector<int>{0, 2, 4}, "balanced split of equal weights");
    check(balancedPartition({1, 1, 1, 10, 1, 1}, 3) == std::vector<int>{0, 3, 4, 6}, "balanced split isolates the heavy layer");
    check(balancedPartition({5, 1, 1, 1, 1, 1}, 2) == std::vector<int>{0, 1, 6}, "balanced split with a heavy first layer");
    bool threw = false;
    try {
        balancedPartition({1, 1}, 3);
    } catch (const std::invalid_argument&) {
        threw = true;
    }
    check(threw, "more stages than layers is rejected");
    Model model = freshMlp();
    const auto bounds = partitionLayers(model, 3, "params", torch::randn({4, 2}));
    check(bounds.size() == 4 && bounds.front() == 0 && bounds.back() == 9, "params partition covers the model");
    const auto timed = partitionLayers(model, 3, "time", torch::randn({4, 2}));
    check(timed.size() == 4 && timed.back() == 9, "time partition covers the model");
    bool noGrads = true;
    for (auto& p : model.parameters())
        noGrads = noGrads && !p.grad().defined();
    check(noGrads, "time partition leaves no gradients behind");
}

Options spiralsOptions()
{
    Options o;
    o.task = "spirals";
    o.model = "mlp";
    o.hidden = 64;
    o.depth = 3;
    o.stages = 2;
    o.microbatches = 4;
    o.schedule = "1f1b";
    o.batch = 64;
    o.lr = 1e-2;
    o.threads = 1;
    o.seed = 3;
    return o;
}

// Replicas: the reducer leaves the sum in every copy; a run with R replicas (each its share
// of the mini-batch) follows the loss sequence of one pipeline on the whole mini-batch.
void testReplicas()
{
    {
        torch::manual_seed(4);
        std::vector<std::vector<torch::Tensor>> params(3);
        std::vector<torch::Tensor> sums{torch::zeros({3, 2}), torch::zeros({5})};
        for (auto& replica : params)
            for (const torch::Tensor& like : sums) {
                torch::Tensor p = torch::zeros(like.sizes()).requires_grad_(true);
                p.mutable_grad() = torch::randn(like.sizes());
                replica.push_back(p);
            }
        for (auto& replica : params)
            for (std::size_t i = 0; i < sums.size(); ++i)
                sums[i] += replica[i].grad();
        GradientReducer reducer(params);
        check(reducer.method() == "copy", "CPU replicas sum by copies (method " + reducer.method() + ")");
        reducer.reduce();
        bool all = true;
        for (auto& replica : params)
            for (std::size_t i = 0; i < sums.size(); ++i)
                all = all && torch::allclose(replica[i].grad(), sums[i], 1e-6, 1e-6);
        check(all, "after reduce() every replica's gradient is the sum over the replicas");
        std::vector<std::vector<torch::Tensor>> mismatched{{torch::zeros({2})}, {torch::zeros({3})}};
        bool threw = false;
        try {
            GradientReducer bad(mismatched);
        } catch (const std::invalid_argument&) {
            threw = true;
        }
        check(threw, "replicas with different parameter shapes are refused");
    }
    for (const std::string optimizer : {"sgd", "adamw"})
        for (const auto& [stages, replicas] : std::vector<std::pair<int, int>>{{1, 2}, {2, 2}, {2, 4}}) {
            Options o = spiralsOptions();
            o.optimizer = optimizer;
            o.stages = stages;
            o.microbatches = 2;
            o.schedule = stages == 1 ? "gpipe" : "1f1b";
            o.steps = 8;
            std::ostringstream oneLog, manyLog;
            const RunSummary one = train(o, oneLog);
            o.replicas = replicas;
            const RunSummary many = train(o, manyLog);
            const std::string name = optimizer + " p=" + std::to_string(stages) + " x " + std::to_string(replicas)
                + " replicas";
            bool same = one.losses.size() == 8 && many.losses.size() == 8;
            for (std::size_t i = 0; same && i < 8; ++i)
                same = std::abs(one.losses[i] - many.losses[i]) <= 1e-5 * std::abs(one.losses[i]);
            check(same, name + ": the loss sequence differs from one pipeline on the whole mini-batch");
            check(std::abs(one.valLoss - many.valLoss) <= 1e-5 * std::abs(one.valLoss), name + ": validation loss differs");
            check(manyLog.str().find("\"replicas\": " + std::to_string(replicas)) != std::string::npos
                      && manyLog.str().find("\"gradient_reduction\": \"copy\"") != std::string::npos,
                  name + ": the partition event names the replicas and the reduction");
        }
}

void testSpiralsLearns()
{
    Options o = spiralsOptions();
    o.steps = 1500;
    o.logEvery = 100000;
    std::ostringstream log;
    const auto t0 = std::chrono::steady_clock::now();
    const RunSummary s = train(o, log);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cout << "spirals: val_accuracy=" << s.valAccuracy << " in " << seconds << " s" << std::endl;
    check(s.valAccuracy >= 0.95, "spirals validation accuracy " + std::to_string(s.valAccuracy) + " < 0.95");
}

void testResume()
{
    Options o = spiralsOptions();
    o.steps = 12;
    o.spanEvery = 5;
    std::ostringstream log;
    const RunSummary whole = train(o, log);
    check(log.str().find("\"event\": \"span\"") != std::string::npos, "span events are printed");
    check(log.str().find("\"event\": \"partition\"") != std::string::npos, "partition event is printed");
    check(log.str().find("\"event\": \"memory\"") != std::string::npos, "memory events are printed");

    TempDir dir;
    o.out = dir.path.string();
    o.steps = 5;
    const RunSummary first = train(o, log);
    check(fs::exists(dir.path / "checkpoint.pt"), "a checkpoint is written to --out");
    o.steps = 12;
    o.resume = true;
    const RunSummary second = train(o, log);
    check(first.losses.size() == 5 && second.losses.size() == 7, "resume continues from step 5");
    bool same = whole.losses.size() == 12 && second.losses.size() == 7;
    for (std::size_t i = 0; same && i < 7; ++i)
        same = std::abs(whole.losses[5 + i] - second.losses[i]) <= 1e-9 * std::abs(whole.losses[5 + i]);
    for (std::size_t i = 0; same && i < 5; ++i)
        same = whole.losses[i] == first.losses[i];
    check(same, "resumed run gives the same loss sequence as an uninterrupted one");
}

void testOtherTasks()
{
    TempDir dir;
    // Text: the bundled corpus through a two-stage GPT.
    {
        Options o;
        o.task = "text";
        o.model = "gpt";
        o.data = kSourceDir + "/resources/corpus/sample.txt";
        o.blockSize = 16;
        o.batch = 8;
        o.stages = 2;
        o.microbatches = 2;
        o.checkpoint = "except_last";
        o.steps = 3;
        o.threads = 1;
        std::ostringstream log;
        const RunSummary s = train(o, log);
        check(s.losses.size() == 3 && std::isfinite(s.losses.back()) && s.losses.front() > 4.0,
              "gpt on the sample corpus runs (loss starts near ln 256)");
        check(log.str().find("tokens_per_s=") != std::string::npos, "text runs report tokens_per_s");

        // The same first steps with L2L on one stage give the same losses.
        Options relay = o;
        relay.stages = 1;
        relay.checkpoint = "none";
        relay.offload = "l2l";
        std::ostringstream relayLog;
        const RunSummary r = train(relay, relayLog);
        bool same = r.losses.size() == s.losses.size();
        for (std::size_t i = 0; same && i < r.losses.size(); ++i)
            same = std::abs(r.losses[i] - s.losses[i]) <= 1e-4 * std::abs(s.losses[i]);
        check(same, "gpt with --offload l2l follows the pipelined run's losses");
    }
    // CSV: two features and a class column, with a header.
    {
        std::ofstream csv(dir.path / "points.csv");
        csv << "x,y,class\n";
        for (int i = 0; i < 60; ++i)
            csv << (i % 3) * 0.5 << "," << (i % 7) * 0.1 << "," << (i % 3 == 0 ? 1 : 0) << "\n";
        csv.close();
        Options o;
        o.task = "csv";
        o.data = (dir.path / "points.csv").string();
        o.batch = 8;
        o.steps = 3;
        std::ostringstream log;
        check(train(o, log).losses.size() == 3, "csv task runs");
    }
    // IDX: 40 images of 8x8 with labels, through the cnn on 2 stages.
    {
        auto be32 = [](std::ofstream& f, std::uint32_t v) {
            const unsigned char b[4] = {static_cast<unsigned char>(v >> 24), static_cast<unsigned char>(v >> 16),
                                        static_cast<unsigned char>(v >> 8), static_cast<unsigned char>(v)};
            f.write(reinterpret_cast<const char*>(b), 4);
        };
        std::ofstream img(dir.path / "tiny-images.idx", std::ios::binary), lab(dir.path / "tiny-labels.idx", std::ios::binary);
        be32(img, 0x803), be32(img, 40), be32(img, 8), be32(img, 8);
        be32(lab, 0x801), be32(lab, 40);
        for (int i = 0; i < 40; ++i) {
            for (int px = 0; px < 64; ++px)
                img.put(static_cast<char>((px * 7 + i * 13) % 256));
            lab.put(static_cast<char>(i % 3));
        }
        img.close();
        lab.close();
        Options o;
        o.task = "idx";
        o.model = "cnn";
        o.data = (dir.path / "tiny-images.idx").string();
        o.batch = 8;
        o.stages = 2;
        o.microbatches = 2;
        o.steps = 2;
        std::ostringstream log;
        check(train(o, log).losses.size() == 2, "idx task with the cnn runs");
    }
}

int runTrainer(const std::string& args)
{
    const std::string cmd = kTrainExe + " " + args + " >/dev/null 2>&1";
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Every rejected combination exits 2: flags the parser rejects, and combinations only
// train() can see (layer count, CUDA devices) as UsageError. A few go through the binary.
void testCommandLine()
{
    const std::vector<std::string> base{"--task", "spirals", "--samples", "200", "--batch", "16", "--threads", "1"};
    auto withBase = [&](const std::string& args) {
        std::vector<std::string> all = base;
        std::istringstream words(args);
        for (std::string w; words >> w;)
            all.push_back(w);
        return all;
    };
    const std::vector<std::pair<std::string, std::string>> bad{
        {"--bogus 1", "unknown flag"},
        {"--stages 0", "zero stages"},
        {"--stages 6", "more stages than the mlp's 5 layers"},
        {"--schedule interleaved --stages 2 --microbatches 4 --virtual-stages 3", "more stages than layers (interleaved)"},
        {"--schedule 1f1b --stages 4 --microbatches 2", "m < p for 1F1B"},
        {"--schedule interleaved --stages 2 --microbatches 3 --virtual-stages 2", "m not a multiple of p"},
        {"--virtual-stages 2", "virtual stages without interleaved"},
        {"--devices cuda:63", "a missing CUDA device"},
        {"--devices gpu0", "not a device name"},
        {"--devices cpu,cpu,cpu --stages 2", "device count does not match stages"},
        {"--lr abc", "a non-number"},
        {"--lr", "a missing value"},
        {"--epochs 1 --steps 1", "both epochs and steps"},
        {"--offload l2l --stages 2 --microbatches 2", "l2l on more than one stage"},
        {"--offload activations", "offload without checkpointing"},
        {"--precision bf16", "bf16 on the CPU"},
        {"--task text", "text without --data"},
        {"--model gpt", "gpt without text"},
        {"--batch 2 --microbatches 4", "batch smaller than micro-batches"},
        {"--batch 4000", "batch larger than the data"},
        {"--resume", "resume without --out"},
        {"--schedule pipedream", "unknown schedule"},
        {"--replicas 0", "zero replicas"},
        {"--stages 2 --microbatches 2 --replicas 2 --devices cpu,cpu,cpu", "device count fits neither ranks nor replicas"},
        {"--microbatches 4 --replicas 8", "batch smaller than micro-batches x replicas"},
        {"--gpu-memory-limit 4", "a GPU memory limit on the CPU"},
        {"--gpu-memory-limit -1", "a negative GPU memory limit"},
    };
    for (const auto& [args, why] : bad) {
        const ParseResult parsed = parseArgs(withBase(args));
        bool rejected = !parsed.error.empty();
        std::string message = parsed.error;
        if (!rejected) {
            Options o = parsed.options;
            o.steps = 1;
            o.epochs = 0;
            std::ostringstream log;
            try {
                train(o, log);
            } catch (const UsageError& e) {
                rejected = true;
                message = e.what();
            }
        }
        check(rejected && !message.empty(), "rejected: " + why + " (" + args + ")");
    }
    check(parseArgs({"--help"}).help, "--help is recognised");
    check(parseArgs(withBase("--stages=2 --microbatches=2")).error.empty(), "--flag=value form is accepted");

    const std::string ok = "--task spirals --samples 200 --batch 16 --threads 1 ";
    check(runTrainer("--help") == 0, "--help exits 0");
    check(runTrainer(ok + "--steps 2 --stages 2 --microbatches 2 --schedule 1f1b") == 0, "a small run exits 0");
    check(runTrainer(ok + "--bogus 1") == 2, "the binary exits 2 for an unknown flag");
    check(runTrainer(ok + "--stages 6") == 2, "the binary exits 2 for more stages than layers");
}

// The trainer's own output for the given arguments and extra environment (VAR=value ...).
std::string trainerOutput(const std::string& env, const std::string& args)
{
    const std::string cmd = "env -u OPENBLAS_CORETYPE -u TUNEBENCH_BLAS_RESTARTED " + env + " "
        + kTrainExe + " " + args + " 2>&1";
    std::string text;
    if (FILE* pipe = popen(cmd.c_str(), "r")) {
        char buf[4096];
        for (std::size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;)
            text.append(buf, n);
        pclose(pipe);
    }
    return text;
}

// OpenBLAS older than the CPU falls back to SSE3 kernels; the trainer must not train on them
// when the CPU has AVX2, and must respect a core the user chose.
void testBlasKernels()
{
    const std::string args = "--task spirals --samples 200 --batch 16 --threads 1 --steps 1";
    const std::string plain = trainerOutput("", args);
    const auto at = plain.find("blas: OpenBLAS, ");
    if (at == std::string::npos) {
        std::cout << "blas: not OpenBLAS here, nothing to check" << std::endl;
        return;
    }
    const std::string core = plain.substr(at + 16, plain.find(' ', at + 16) - at - 16);
    std::cout << plain.substr(at, plain.find('\n', at) - at) << std::endl;
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        check(strcasecmp(core.c_str(), "Prescott") != 0, "on an AVX2 CPU the trainer does not run OpenBLAS's Prescott kernels");
    const std::string chosen = trainerOutput("OPENBLAS_CORETYPE=Prescott", args);
    check(chosen.find("blas: OpenBLAS, Prescott kernels\n") != std::string::npos,
          "a core the user set in OPENBLAS_CORETYPE is kept");
}

void testSigterm()
{
    TempDir dir;
    const pid_t child = fork();
    if (child == 0) {
        const int devnull = ::open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        dup2(devnull, 2);
        const std::string out = dir.path.string();
        execl(kTrainExe.c_str(), kTrainExe.c_str(), "--task", "spirals", "--steps", "1000000", "--threads", "1",
              "--out", out.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    kill(child, SIGTERM);
    int status = 0;
    waitpid(child, &status, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 143, "SIGTERM exits 143");
    check(fs::exists(dir.path / "checkpoint.pt"), "SIGTERM saves a checkpoint first");
}

} // namespace

int main()
{
    torch::set_num_threads(1);
    const std::vector<std::pair<const char*, void (*)()>> tests{
        {"partition", testPartition},
        {"equivalence (all schedules)", testEquivalenceAllSchedules},
        {"equivalence (offload, accumulation, AdamW)", testEquivalenceVariants},
        {"replicas", testReplicas},
        {"resume", testResume},
        {"other tasks", testOtherTasks},
        {"command line", testCommandLine},
        {"BLAS kernels", testBlasKernels},
        {"SIGTERM", testSigterm},
        {"spirals learns", testSpiralsLearns},
    };
    for (const auto& [name, fn] : tests) {
        const auto t0 = std::chrono::steady_clock::now();
        try {
            fn();
        } catch (const std::exception& e) {
            check(false, std::string(name) + " threw: " + e.what());
        }
        std::cout << name << ": " << std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()
                  << " s" << std::endl;
    }
    std::cout << g_passed << " passed, " << g_failed << " failed" << std::endl;
    return g_failed == 0 ? 0 : 1;
}
