#include "options.h"

#include "algorithms/schedules/schedule.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <map>
#include <optional>
#include <sstream>

namespace tb::train {
namespace {

bool oneOf(const std::string& value, std::initializer_list<const char*> names)
{
    return std::any_of(names.begin(), names.end(), [&](const char* n) { return value == n; });
}

std::string joined(std::initializer_list<const char*> names)
{
    std::string out;
    for (const char* n : names)
        out += (out.empty() ? "" : "|") + std::string(n);
    return out;
}

template <typename Int>
bool parseInt(const std::string& text, Int& out)
{
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size();
}

bool parseDouble(const std::string& text, double& out)
{
    try {
        std::size_t used = 0;
        out = std::stod(text, &used);
        return used == text.size();
    } catch (...) {
        return false;
    }
}

std::vector<std::string> splitList(const std::string& text)
{
    std::vector<std::string> out;
    std::stringstream stream(text);
    std::string item;
    while (std::getline(stream, item, ','))
        out.push_back(item);
    return out;
}

} // namespace

std::string usage()
{
    return R"(Usage: tunebench-train [options]
Trains a model with pipeline parallelism and reports metrics on stdout.

Task and model:
  --task spirals|text|idx|csv   data set (default spirals)
  --model mlp|gpt|cnn           model (default mlp)
  --size tiny|small|gpu         gpt size, as in bench/torch_ref_gpt.py (default tiny)
  --data FILE                   text: any file (bytes); idx: images; csv: last column is the class
  --labels FILE                 idx: labels file (default: --data with "images" -> "labels")
  --hidden N --depth N          mlp width (64) and hidden layers (4)
  --samples N                   spirals: points to generate (2000)
  --block-size N                gpt context length (default: the size's)
  --val-fraction F              validation share (0.1)
Pipeline:
  --stages P                    pipeline ranks (1)
  --devices LIST                cpu, cuda:N, comma separated: one per rank, one per rank of
                                every replica (replica 0's ranks first), or one for all (cpu)
  --replicas R                  data-parallel copies of the pipeline, each on its own share of
                                the mini-batch; gradients summed over them (NCCL on GPUs) (1)
  --microbatches M              micro-batches per mini-batch (1)
  --schedule gpipe|1f1b|interleaved|zb1   (gpipe)
  --virtual-stages V            interleaved: stages per rank (1)
  --partition uniform|params|time   layer split (uniform)
  --checkpoint none|except_last|always  activation recomputation (none)
  --offload none|activations|l2l        activations: stash checkpointed stage inputs in CPU memory;
                                l2l: parameters and optimizer state in CPU memory, layers relay
                                through the device (one stage)
Optimisation:
  --batch B                     mini-batch size (gpt: the size's, else 64)
  --accumulate K                mini-batches per optimizer step (1)
  --epochs E | --steps N        training length (default --epochs 1)
  --lr X (1e-3) --optimizer adamw|sgd --weight-decay X (0) --momentum X (0, sgd)
  --clip X                      max global gradient norm (0 = off)
  --precision fp32|bf16         bf16 autocast (CUDA only)
Run:
  --threads T                   intra-op threads in all (split between pipeline workers)
  --gpu-memory-limit GIB        cap each CUDA device's caching allocator at GIB GiB
                                (setMemoryFraction), e.g. to rehearse a smaller GPU
  --seed S (0) --out DIR --resume
  --log-every N (1) --span-every N (50)
  --help, --version
Exit status: 0 done, 1 runtime error, 2 bad flags or impossible combination, 143 SIGTERM
(after saving a checkpoint to --out).
)";
}

std::string checkStatic(const Options& o)
{
    auto bad = [](const std::string& flag, const std::string& value, std::initializer_list<const char*> names) {
        return "--" + flag + " " + value + ": expected one of " + joined(names);
    };
    if (!oneOf(o.task, {"spirals", "text", "idx", "csv"}))
        return bad("task", o.task, {"spirals", "text", "idx", "csv"});
    if (!oneOf(o.model, {"mlp", "gpt", "cnn"}))
        return bad("model", o.model, {"mlp", "gpt", "cnn"});
    if (!oneOf(o.size, {"tiny", "small", "gpu"}))
        return bad("size", o.size, {"tiny", "small", "gpu"});
    if (!oneOf(o.partition, {"uniform", "params", "time"}))
        return bad("partition", o.partition, {"uniform", "params", "time"});
    if (!oneOf(o.checkpoint, {"none", "except_last", "always"}))
        return bad("checkpoint", o.checkpoint, {"none", "except_last", "always"});
    if (!oneOf(o.offload, {"none", "activations", "l2l"}))
        return bad("offload", o.offload, {"none", "activations", "l2l"});
    if (!oneOf(o.optimizer, {"adamw", "sgd"}))
        return bad("optimizer", o.optimizer, {"adamw", "sgd"});
    if (!oneOf(o.precision, {"fp32", "bf16"}))
        return bad("precision", o.precision, {"fp32", "bf16"});

    if (o.model == "gpt" && o.task != "text")
        return "--model gpt needs --task text (it is a byte-level language model)";
    if (o.task == "text" && o.model != "gpt")
        return "--task text needs --model gpt";
    if (o.model == "cnn" && o.task != "idx")
        return "--model cnn needs --task idx (image data)";
    if ((o.task == "text" || o.task == "idx" || o.task == "csv") && o.data.empty())
        return "--task " + o.task + " needs --data FILE";
    if (o.stages < 1 || o.microbatches < 1 || o.virtualStages < 1 || o.accumulate < 1 || o.replicas < 1)
        return "--stages, --microbatches, --virtual-stages, --accumulate and --replicas must be at least 1";
    if (o.gpuMemoryLimitGb < 0.0)
        return "--gpu-memory-limit must not be negative (0: no limit)";
    if (o.hidden < 1 || o.depth < 1 || o.samples < 10)
        return "--hidden and --depth must be at least 1, --samples at least 10";
    if (o.batch < 0 || (o.batch > 0 && o.batch < o.microbatches * o.replicas))
        return "--batch " + std::to_string(o.batch) + " is smaller than --microbatches " + std::to_string(o.microbatches)
            + (o.replicas > 1 ? " x --replicas " + std::to_string(o.replicas) : std::string())
            + ": each micro-batch needs at least one sample";
    if (o.epochs < 0 || o.steps < 0)
        return "--epochs and --steps must not be negative";
    if (o.epochs > 0 && o.steps > 0)
        return "give either --epochs or --steps, not both";
    if (!(o.lr > 0.0))
        return "--lr must be positive";
    if (o.weightDecay < 0 || o.momentum < 0 || o.clip < 0)
        return "--weight-decay, --momentum and --clip must not be negative";
    if (o.valFraction <= 0.0 || o.valFraction >= 1.0)
        return "--val-fraction must be between 0 and 1";
    if (o.threads < 0)
        return "--threads must not be negative";
    if (o.logEvery < 1 || o.spanEvery < 1)
        return "--log-every and --span-every must be at least 1";
    const auto listed = static_cast<int>(o.devices.size());
    if (listed == 0 || (listed != 1 && listed != o.stages && listed != o.stages * o.replicas))
        return "--devices lists " + std::to_string(listed) + " devices for " + std::to_string(o.stages) + " stages"
            + (o.replicas > 1 ? " x " + std::to_string(o.replicas) + " replicas" : std::string())
            + ": give one per rank" + (o.replicas > 1 ? " (shared by the replicas), one per rank of every replica," : ",")
            + " or one for all";
    for (const std::string& d : o.devices) {
        int index = 0;
        if (d != "cpu" && !(d.starts_with("cuda:") && parseInt(d.substr(5), index) && index >= 0) && d != "cuda")
            return "--devices: '" + d + "' is not a device (cpu, cuda or cuda:N)";
    }
    if (o.schedule != "interleaved" && o.virtualStages != 1)
        return "--virtual-stages is only for --schedule interleaved";
    try {
        algorithms::schedules::makeSchedule(o.schedule, o.stages, o.microbatches, o.virtualStages);
    } catch (const algorithms::schedules::ScheduleError& e) {
        return std::string("--schedule ") + o.schedule + ": " + e.what();
    }
    if (o.offload == "activations" && o.checkpoint == "none")
        return "--offload activations needs --checkpoint always or except_last: the checkpointed stage inputs "
               "are what is offloaded";
    if (o.offload == "l2l" && o.stages != 1)
        return "--offload l2l relays the layers through one device: use --stages 1 (not "
            + std::to_string(o.stages) + ")";
    if (o.resume && o.out.empty())
        return "--resume needs --out DIR (the checkpoint to continue from)";
    return {};
}

ParseResult parseArgs(const std::vector<std::string>& args)
{
    ParseResult result;
    Options& o = result.options;

    using Setter = std::function<bool(const std::string&)>;
    auto text = [](std::string& field) -> Setter { return [&field](const std::string& v) { field = v; return true; }; };
    auto integer = [](auto& field) -> Setter { return [&field](const std::string& v) { return parseInt(v, field); }; };
    auto real = [](double& field) -> Setter { return [&field](const std::string& v) { return parseDouble(v, field); }; };

    const std::map<std::string, Setter> valued{
        {"task", text(o.task)}, {"model", text(o.model)}, {"size", text(o.size)}, {"data", text(o.data)},
        {"labels", text(o.labels)}, {"hidden", integer(o.hidden)}, {"depth", integer(o.depth)},
        {"samples", integer(o.samples)}, {"block-size", integer(o.blockSize)}, {"val-fraction", real(o.valFraction)},
        {"stages", integer(o.stages)}, {"replicas", integer(o.replicas)},
        {"gpu-memory-limit", real(o.gpuMemoryLimitGb)},
        {"devices", [&o](const std::string& v) { o.devices = splitList(v); return !o.devices.empty(); }},
        {"microbatches", integer(o.microbatches)}, {"schedule", text(o.schedule)},
        {"virtual-stages", integer(o.virtualStages)}, {"partition", text(o.partition)},
        {"checkpoint", text(o.checkpoint)}, {"offload", text(o.offload)}, {"batch", integer(o.batch)},
        {"accumulate", integer(o.accumulate)}, {"epochs", integer(o.epochs)}, {"steps", integer(o.steps)},
        {"lr", real(o.lr)}, {"optimizer", text(o.optimizer)}, {"weight-decay", real(o.weightDecay)},
        {"momentum", real(o.momentum)}, {"clip", real(o.clip)}, {"precision", text(o.precision)},
        {"threads", integer(o.threads)}, {"seed", integer(o.seed)}, {"out", text(o.out)},
        {"log-every", integer(o.logEvery)}, {"span-every", integer(o.spanEvery)},
    };

    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            result.help = true;
            return result;
        }
        if (arg == "--version" || arg == "-v") {
            result.version = true;
            return result;
        }
        if (!arg.starts_with("--")) {
            result.error = "unexpected argument '" + arg + "' (flags start with --; see --help)";
            return result;
        }
        std::string name = arg.substr(2);
        std::optional<std::string> value;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (name == "resume") {
            if (value) {
                result.error = "--resume takes no value";
                return result;
            }
            o.resume = true;
            continue;
        }
        auto it = valued.find(name);
        if (it == valued.end()) {
            result.error = "unknown flag --" + name + " (see --help)";
            return result;
        }
        if (!value) {
            if (i + 1 >= args.size()) {
                result.error = "--" + name + " needs a value";
                return result;
            }
            value = args[++i];
        }
        if (!it->second(*value)) {
            result.error = "--" + name + ": '" + *value + "' is not a valid value";
            return result;
        }
    }
    result.error = checkStatic(o);
    return result;
}

} // namespace tb::train
