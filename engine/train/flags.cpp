#include "flags.h"

#include "algorithms/schedules/schedule.h"

#include <algorithm>
#include <charconv>
#include <sstream>
#include <type_traits>

namespace tb::train {

const std::vector<Flag>& flags()
{
    using B = Flag::Bound;
    static const std::vector<Flag> table{
        // Task and model.
        {.name = "task", .member = &Options::task, .group = "Task and model", .help = "data set",
         .choices = {"spirals", "text", "idx", "csv"},
         .formLabel = "Task",
         .formTip = "spirals: generated two-spirals points; text: a byte-level corpus; idx: MNIST-style images; csv: a "
                    "table whose last column is the class.",
         .inNewCommand = true},
        {.name = "model", .member = &Options::model, .group = "Task and model",
         .help = "model: gpt needs --task text, cnn needs --task idx", .choices = {"mlp", "gpt", "cnn"},
         .formLabel = "Model", .formTip = "gpt needs the text task, cnn the idx task; mlp serves spirals and csv.",
         .inNewCommand = true},
        {.name = "size", .member = &Options::size, .group = "Task and model",
         .help = "gpt size, as in bench/torch_ref_gpt.py", .choices = {"tiny", "small", "gpu"},
         .formLabel = "Size", .formTip = "Model size (gpt)."},
        {.name = "data", .member = &Options::data, .group = "Task and model", .metavar = "FILE",
         .help = "text: any file (bytes); idx: images; csv: last column is the class",
         .formLabel = "Data file", .formTip = "text: any file; idx: the images file; csv: numbers."},
        {.name = "labels", .member = &Options::labels, .group = "Task and model", .metavar = "FILE",
         .help = "idx: labels file", .defaultNote = "--data with \"images\" -> \"labels\""},
        {.name = "hidden", .member = &Options::hidden, .group = "Task and model", .metavar = "N",
         .help = "mlp width", .min = B{1}},
        {.name = "depth", .member = &Options::depth, .group = "Task and model", .metavar = "N",
         .help = "mlp hidden layers; the mlp has depth + 1 layers", .min = B{1}},
        {.name = "samples", .member = &Options::samples, .group = "Task and model", .metavar = "N",
         .help = "spirals: points to generate", .min = B{10}},
        {.name = "block-size", .member = &Options::blockSize, .group = "Task and model", .metavar = "N",
         .help = "gpt context length", .defaultNote = "the size's"},
        {.name = "val-fraction", .member = &Options::valFraction, .group = "Task and model", .metavar = "F",
         .help = "validation share", .min = B{0, false}, .max = B{1, false}},

        // Pipeline.
        {.name = "stages", .member = &Options::stages, .group = "Pipeline", .metavar = "P", .help = "pipeline ranks",
         .min = B{1}, .formLabel = "Pipeline stages", .formTip = "Pipeline ranks the model is split over.",
         .inNewCommand = true},
        {.name = "devices", .member = &Options::devices, .group = "Pipeline", .metavar = "LIST",
         .help = "cpu, cuda or cuda:N, comma separated: one per rank, one per rank of every replica (replica 0's "
                 "ranks first), or one for all",
         .formLabel = "Devices", .formTip = "cpu, cuda or cuda:N, comma separated: one per stage, or one for all.",
         .inNewCommand = true},
        {.name = "replicas", .member = &Options::replicas, .group = "Pipeline", .metavar = "R",
         .help = "data-parallel copies of the pipeline, each on its own share of the mini-batch; gradients summed "
                 "over them (NCCL on GPUs)",
         .min = B{1}},
        {.name = "microbatches", .member = &Options::microbatches, .group = "Pipeline", .metavar = "M",
         .help = "micro-batches per mini-batch", .min = B{1}, .formLabel = "Micro-batches",
         .formTip = "Micro-batches per mini-batch.", .inNewCommand = true},
        {.name = "schedule", .member = &Options::schedule, .group = "Pipeline", .help = "pipeline schedule",
         .choices = algorithms::schedules::scheduleKinds(), .formLabel = "Schedule",
         .formTip = "Pipeline schedule: GPipe, 1F1B, interleaved 1F1B or zero-bubble ZB-H1.", .inNewCommand = true},
        {.name = "virtual-stages", .member = &Options::virtualStages, .group = "Pipeline", .metavar = "V",
         .help = "interleaved: stages per rank", .min = B{1}, .formLabel = "Virtual stages",
         .formTip = "Stages per rank (interleaved only)."},
        {.name = "partition", .member = &Options::partition, .group = "Pipeline",
         .help = "layer split: equal layer counts, balanced parameters or balanced measured time",
         .choices = {"uniform", "params", "time"}},
        {.name = "checkpoint", .member = &Options::checkpoint, .group = "Pipeline",
         .help = "activation recomputation", .choices = {"none", "except_last", "always"},
         .formLabel = "Checkpointing",
         .formTip = "Activation recomputation: keep only each stage's input and recompute its forward in backward.",
         .inNewCommand = true},
        {.name = "offload", .member = &Options::offload, .group = "Pipeline",
         .help = "activations: stash checkpointed stage inputs in CPU memory; l2l: parameters and optimizer state "
                 "in CPU memory, layers relay through the device; needs --stages 1",
         .choices = {"none", "activations", "l2l"}, .formLabel = "Offload",
         .formTip = "activations: keep checkpointed stage inputs in CPU memory; l2l: layer-to-layer relay."},

        // Optimisation.
        {.name = "precision", .member = &Options::precision, .group = "Optimisation",
         .help = "bf16 autocast (CUDA only)", .choices = {"fp32", "bf16"}, .formLabel = "Precision",
         .formTip = "bf16 autocast needs CUDA.", .inNewCommand = true},
        {.name = "epochs", .member = &Options::epochs, .group = "Optimisation", .metavar = "E",
         .help = "training length in passes over the training data", .min = B{0}, .absentValue = "1",
         .formLabel = "Length", .formTip = "Training length; a step is one optimizer step.", .inNewCommand = true},
        {.name = "steps", .member = &Options::steps, .group = "Optimisation", .metavar = "N",
         .help = "training length in optimizer steps, instead of --epochs", .min = B{0}, .alternativeTo = "epochs"},
        {.name = "batch", .member = &Options::batch, .group = "Optimisation", .metavar = "B",
         .help = "mini-batch size, split into the micro-batches", .min = B{0}, .rangeNote = "0: the model's default",
         .defaultNote = "the size's for gpt, else 64", .formLabel = "Batch size",
         .formTip = "Mini-batch size, split into the micro-batches.", .formMinimumText = "model default"},
        {.name = "accumulate", .member = &Options::accumulate, .group = "Optimisation", .metavar = "K",
         .help = "mini-batches per optimizer step", .min = B{1}},
        {.name = "lr", .member = &Options::lr, .group = "Optimisation", .metavar = "X", .help = "learning rate",
         .min = B{0, false}, .formLabel = "Learning rate",
         .formTip = "A number, or a parameter of the space such as ${lr} (type $ to complete).", .inNewCommand = true},
        {.name = "optimizer", .member = &Options::optimizer, .group = "Optimisation", .help = "optimizer",
         .choices = {"adamw", "sgd"}},
        {.name = "weight-decay", .member = &Options::weightDecay, .group = "Optimisation", .metavar = "X",
         .help = "weight decay", .min = B{0}},
        {.name = "momentum", .member = &Options::momentum, .group = "Optimisation", .metavar = "X",
         .help = "sgd momentum", .min = B{0}},
        {.name = "clip", .member = &Options::clip, .group = "Optimisation", .metavar = "X",
         .help = "max global gradient norm, 0: off", .min = B{0}, .rangeNote = "0: off"},

        // Run.
        {.name = "threads", .member = &Options::threads, .group = "Run", .metavar = "T",
         .help = "intra-op threads in all (split between pipeline workers)", .min = B{0},
         .rangeNote = "0: libtorch's default", .defaultNote = "libtorch's"},
        {.name = "gpu-memory-limit", .member = &Options::gpuMemoryLimitGb, .group = "Run", .metavar = "GIB",
         .help = "cap each CUDA device's caching allocator at GIB GiB (setMemoryFraction), e.g. to rehearse a "
                 "smaller GPU; 0: no limit",
         .min = B{0}, .rangeNote = "0: no limit"},
        {.name = "seed", .member = &Options::seed, .group = "Run", .metavar = "S",
         .help = "seeds the data split, the data order and the weights"},
        {.name = "out", .member = &Options::out, .group = "Run", .metavar = "DIR",
         .help = "checkpoint folder"},
        {.name = "resume", .member = &Options::resume, .group = "Run",
         .help = "continue from --out's checkpoint (from step 0 when there is none)"},
        {.name = "log-every", .member = &Options::logEvery, .group = "Run", .metavar = "N",
         .help = "a step line every N steps", .min = B{1}},
        {.name = "span-every", .member = &Options::spanEvery, .group = "Run", .metavar = "N",
         .help = "span events for step 1 and every N-th step", .min = B{1}},
    };
    return table;
}

namespace {

template <typename T>
constexpr bool isInteger = std::is_integral_v<T> && !std::is_same_v<T, bool>;

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

// The shortest text that reads back as the same double: 0.001, not 0.0010000000000000000208.
std::string formatReal(double value)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
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

std::string joined(const std::vector<std::string>& items, const char* separator)
{
    std::string out;
    for (const std::string& item : items)
        out += (out.empty() ? "" : separator) + item;
    return out;
}

std::optional<double> numericValue(const Flag& flag, const Options& options)
{
    return std::visit(
        [&](auto member) -> std::optional<double> {
            using T = std::decay_t<decltype(options.*member)>;
            if constexpr (isInteger<T> || std::is_floating_point_v<T>)
                return static_cast<double>(options.*member);
            else
                return std::nullopt;
        },
        flag.member);
}

// "at least 1", "more than 0 and less than 1".
std::string rangeText(const Flag& flag)
{
    std::string out;
    if (flag.min)
        out = (flag.min->inclusive ? "at least " : "more than ") + formatReal(flag.min->value);
    if (flag.max)
        out += (out.empty() ? "" : " and ") + std::string(flag.max->inclusive ? "at most " : "less than ")
            + formatReal(flag.max->value);
    return out;
}

} // namespace

Flag::Kind Flag::kind() const
{
    return std::visit(
        [this](auto member) {
            using T = std::decay_t<decltype(std::declval<Options>().*member)>;
            if constexpr (std::is_same_v<T, std::string>)
                return choices.empty() ? Kind::Text : Kind::Choice;
            else if constexpr (std::is_same_v<T, std::vector<std::string>>)
                return Kind::List;
            else if constexpr (std::is_same_v<T, bool>)
                return Kind::Switch;
            else if constexpr (std::is_floating_point_v<T>)
                return Kind::Real;
            else
                return Kind::Int;
        },
        member);
}

const Flag* findFlag(std::string_view name)
{
    const auto& all = flags();
    const auto it = std::find_if(all.begin(), all.end(), [&](const Flag& f) { return f.name == name; });
    return it == all.end() ? nullptr : &*it;
}

std::string flagValue(const Flag& flag, const Options& options)
{
    return std::visit(
        [&](auto member) -> std::string {
            const auto& value = options.*member;
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, std::string>)
                return value;
            else if constexpr (std::is_same_v<T, std::vector<std::string>>)
                return joined(value, ",");
            else if constexpr (std::is_same_v<T, bool>)
                return value ? "true" : "false";
            else if constexpr (std::is_floating_point_v<T>)
                return formatReal(value);
            else
                return std::to_string(value);
        },
        flag.member);
}

std::string flagDefault(const Flag& flag)
{
    return flag.absentValue.empty() ? flagValue(flag, Options{}) : std::string(flag.absentValue);
}

std::string setFlag(const Flag& flag, Options& options, const std::string& text)
{
    const std::string at = "--" + std::string(flag.name) + ": '" + text + "' ";
    return std::visit(
        [&](auto member) -> std::string {
            auto& field = options.*member;
            using T = std::decay_t<decltype(field)>;
            if constexpr (std::is_same_v<T, std::string>) {
                field = text;
            } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                std::vector<std::string> items = splitList(text);
                if (items.empty())
                    return "--" + std::string(flag.name) + " needs at least one item (comma separated)";
                field = std::move(items);
            } else if constexpr (std::is_same_v<T, bool>) {
                return "--" + std::string(flag.name) + " takes no value";
            } else if constexpr (std::is_floating_point_v<T>) {
                if (!parseDouble(text, field))
                    return at + "is not a number";
            } else if constexpr (std::is_unsigned_v<T>) {
                if (!parseInt(text, field))
                    return at + "is not a whole number (0 or more)";
            } else {
                if (!parseInt(text, field))
                    return at + "is not an integer";
            }
            return {};
        },
        flag.member);
}

std::string checkFlag(const Flag& flag, const Options& options)
{
    const std::string value = flagValue(flag, options);
    const std::string at = "--" + std::string(flag.name) + " " + value + ": ";
    if (!flag.choices.empty() && std::find(flag.choices.begin(), flag.choices.end(), value) == flag.choices.end())
        return at + "expected one of " + joined(flag.choices, "|");
    if (const auto number = numericValue(flag, options)) {
        // Written as "within" so that NaN ("--lr nan") is outside every range.
        const double x = *number;
        const bool aboveMin = !flag.min || (flag.min->inclusive ? x >= flag.min->value : x > flag.min->value);
        const bool belowMax = !flag.max || (flag.max->inclusive ? x <= flag.max->value : x < flag.max->value);
        if (!aboveMin || !belowMax)
            return at + "must be " + rangeText(flag)
                + (flag.rangeNote.empty() ? std::string() : " (" + std::string(flag.rangeNote) + ")");
    }
    return {};
}

std::string flagValueHint(const Flag& flag)
{
    return flag.choices.empty() ? std::string(flag.metavar) : joined(flag.choices, "|");
}

} // namespace tb::train
