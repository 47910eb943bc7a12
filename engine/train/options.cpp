#include "options.h"

#include "flags.h"

#include "algorithms/schedules/schedule.h"

#include <charconv>
#include <optional>
#include <sstream>

namespace tb::train {
namespace {

constexpr std::size_t kHelpColumn = 32; // where a flag's text starts in --help
constexpr std::size_t kHelpWidth = 100;

// "  --name HINT" padded to kHelpColumn, then the text wrapped at kHelpWidth.
std::string helpEntry(const std::string& head, const std::string& text)
{
    std::string out = head.size() + 2 <= kHelpColumn ? head + std::string(kHelpColumn - head.size(), ' ') : head + "  ";
    std::size_t column = out.size();
    std::istringstream words(text);
    bool first = true;
    for (std::string word; words >> word; first = false) {
        if (!first && column + 1 + word.size() > kHelpWidth) {
            out += "\n" + std::string(kHelpColumn, ' ');
            column = kHelpColumn;
        } else if (!first) {
            out += ' ';
            ++column;
        }
        out += word;
        column += word.size();
    }
    return out + "\n";
}

// What --help says about the default: "default: NOTE" where Options{}'s value means "chosen
// at run time", else "default VALUE"; nothing for switches, for a flag given instead of
// another, and for empty text.
std::string helpDefault(const Flag& flag)
{
    if (!flag.defaultNote.empty())
        return "default: " + std::string(flag.defaultNote);
    if (flag.kind() == Flag::Kind::Switch || !flag.alternativeTo.empty())
        return {};
    const std::string value = flagDefault(flag);
    return value.empty() ? value : "default " + value;
}

// cpu, cuda or cuda:N.
bool isDevice(const std::string& name)
{
    if (name == "cpu" || name == "cuda")
        return true;
    if (!name.starts_with("cuda:"))
        return false;
    int index = -1;
    const char* end = name.data() + name.size();
    const auto [ptr, ec] = std::from_chars(name.data() + 5, end, index);
    return ec == std::errc() && ptr == end && index >= 0;
}

// Given on the command line with another value than the default.
bool changed(const Flag& flag, const Options& options)
{
    return flagValue(flag, options) != flagValue(flag, Options{});
}

} // namespace

std::string usage()
{
    std::string out = "Usage: tunebench-train [options]\n"
                      "Trains a model with pipeline parallelism and reports metrics on stdout.\n\n";
    std::string_view group;
    for (const Flag& flag : flags()) {
        if (flag.group != group) {
            group = flag.group;
            out += std::string(group) + ":\n";
        }
        const std::string hint = flagValueHint(flag);
        const std::string fallback = helpDefault(flag);
        out += helpEntry("  --" + std::string(flag.name) + (hint.empty() ? "" : " " + hint),
                         std::string(flag.help) + (fallback.empty() ? "" : " (" + fallback + ")"));
    }
    return out + "  --help, --version\n"
                 "Exit status: 0 done, 1 runtime error, 2 bad flags or impossible combination, 143 SIGTERM\n"
                 "(after saving a checkpoint to --out).\n";
}

std::string checkStatic(const Options& o)
{
    for (const Flag& flag : flags()) {
        if (std::string problem = checkFlag(flag, o); !problem.empty())
            return problem;
        if (!flag.alternativeTo.empty() && changed(flag, o) && changed(*findFlag(flag.alternativeTo), o))
            return "give either --" + std::string(flag.alternativeTo) + " or --" + std::string(flag.name) + ", not both";
    }

    // Combinations.
    if (o.model == "gpt" && o.task != "text")
        return "--model gpt needs --task text (it is a byte-level language model)";
    if (o.task == "text" && o.model != "gpt")
        return "--task text needs --model gpt";
    if (o.model == "cnn" && o.task != "idx")
        return "--model cnn needs --task idx (image data)";
    if ((o.task == "text" || o.task == "idx" || o.task == "csv") && o.data.empty())
        return "--task " + o.task + " needs --data FILE";
    if (o.batch > 0 && o.batch < o.microbatches * o.replicas)
        return "--batch " + std::to_string(o.batch) + " is smaller than --microbatches " + std::to_string(o.microbatches)
            + (o.replicas > 1 ? " x --replicas " + std::to_string(o.replicas) : std::string())
            + ": each micro-batch needs at least one sample";
    const auto listed = static_cast<int>(o.devices.size());
    if (listed == 0 || (listed != 1 && listed != o.stages && listed != o.stages * o.replicas))
        return "--devices lists " + std::to_string(listed) + " devices for " + std::to_string(o.stages) + " stages"
            + (o.replicas > 1 ? " x " + std::to_string(o.replicas) + " replicas" : std::string())
            + ": give one per rank" + (o.replicas > 1 ? " (shared by the replicas), one per rank of every replica," : ",")
            + " or one for all";
    for (const std::string& d : o.devices)
        if (!isDevice(d))
            return "--devices: '" + d + "' is not a device (cpu, cuda or cuda:N)";
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
        const Flag* flag = findFlag(name);
        if (!flag) {
            result.error = "unknown flag --" + name + " (see --help)";
            return result;
        }
        if (flag->kind() == Flag::Kind::Switch) {
            if (value) {
                result.error = "--" + name + " takes no value";
                return result;
            }
            o.*std::get<bool Options::*>(flag->member) = true;
            continue;
        }
        if (!value) {
            if (i + 1 >= args.size()) {
                result.error = "--" + name + " needs a value";
                return result;
            }
            value = args[++i];
        }
        if (std::string problem = setFlag(*flag, o, *value); !problem.empty()) {
            result.error = std::move(problem);
            return result;
        }
    }
    result.error = checkStatic(o);
    return result;
}

} // namespace tb::train
