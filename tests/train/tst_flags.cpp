// tunebench-train's flag declaration (engine/train/flags.h): every flag is in --help with its
// default, each default passes its own checks, values read back as they were typed, and bad
// values get the exact message that names the flag and what it takes.
// Plain C++ (no Qt Test, no libtorch), like tst_train: it builds on a GPU machine too.

#include "engine/train/flags.h"
#include "engine/train/options.h"

#include <fstream>
#include <iostream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace tb::train;

namespace {

int g_passed = 0;
int g_failed = 0;

void check(bool ok, const std::string& what)
{
    if (ok) {
        ++g_passed;
    } else {
        ++g_failed;
        std::cout << "FAIL: " << what << std::endl;
    }
}

std::vector<std::string> words(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string w; in >> w;)
        out.push_back(w);
    return out;
}

// The --help entry of a flag ("--name HINT text ..."), or "" when there is none.
std::string helpLine(const std::string& help, const Flag& flag)
{
    const std::string head = "\n  --" + std::string(flag.name);
    for (std::size_t at = help.find(head); at != std::string::npos; at = help.find(head, at + 1)) {
        const char next = help[at + head.size()];
        if (next == ' ' || next == '\n') {
            const std::size_t end = help.find("\n  --", at + 1);
            // One line, however --help wrapped it.
            std::string line;
            for (const std::string& w : words(help.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1)))
                line += (line.empty() ? "" : " ") + w;
            return line;
        }
    }
    return {};
}

void testDeclaration()
{
    const std::string help = usage();
    std::set<std::string_view> names;
    for (const Flag& flag : flags()) {
        const std::string name(flag.name);
        check(names.insert(flag.name).second, "--" + name + " is declared once");
        check(!flag.help.empty() && !flag.group.empty(), "--" + name + " has help text and a group");
        const std::string line = helpLine(help, flag);
        check(!line.empty(), "--" + name + " is in --help");
        check(line.find(flagValueHint(flag)) != std::string::npos, "--help shows what --" + name + " takes");
        const std::string fallback = flagDefault(flag);
        if (flag.defaultNote.empty() && flag.alternativeTo.empty() && !fallback.empty() && flag.kind() != Flag::Kind::Switch)
            check(line.find("(default " + fallback + ")") != std::string::npos, "--help shows --" + name + "'s default");
        check(checkFlag(flag, Options{}).empty(), "--" + name + "'s default is within its own range");
        if (!flag.alternativeTo.empty())
            check(findFlag(flag.alternativeTo) != nullptr, "--" + name + " is given instead of a declared flag");
        if (!flag.formLabel.empty())
            check(!flag.formTip.empty(), "--" + name + "'s form row has a tip");
        check(findFlag(flag.name) == &flag, "findFlag finds --" + name);
    }
    check(findFlag("bogus") == nullptr, "findFlag: no such flag");
    check(checkStatic(Options{}).empty(), "the defaults pass every check");
}

// Each accepted command line, and one flag's value in the result, as flagValue gives it.
void testAccepted()
{
    struct Case {
        std::string args;
        std::string flag;
        std::string value;
    };
    const std::vector<Case> accepted{
        {"", "lr", "0.001"},
        {"--lr 0.02", "lr", "0.02"},
        {"--lr=1e-4", "lr", "1e-04"}, // the shortest text that reads back the same
        {"--stages=2 --microbatches=2", "stages", "2"},
        {"--devices cpu,cuda:1 --stages 2", "devices", "cpu,cuda:1"},
        {"--steps 5", "steps", "5"},
        {"--epochs 0 --steps 5", "epochs", "0"},
        {"--seed 18446744073709551615", "seed", "18446744073709551615"},
        {"--val-fraction 0.25", "val-fraction", "0.25"},
        {"--schedule interleaved --stages 2 --microbatches 4 --virtual-stages 2", "virtual-stages", "2"},
        {"--out dir --resume", "resume", "true"},
        {"--task csv --data t.csv", "data", "t.csv"},
        {"--block-size 64", "block-size", "64"},
    };
    for (const auto& [args, flag, value] : accepted) {
        const ParseResult parsed = parseArgs(words(args));
        check(parsed.error.empty(), "accepted: '" + args + "' (" + parsed.error + ")");
        check(flagValue(*findFlag(flag), parsed.options) == value,
              "'" + args + "': --" + flag + " is " + value + ", not " + flagValue(*findFlag(flag), parsed.options));
    }
    // Every flag reads back its own default, spelled both ways.
    for (const Flag& flag : flags()) {
        if (flag.kind() == Flag::Kind::Switch)
            continue;
        const std::string name(flag.name);
        for (const auto& args : {std::vector<std::string>{"--" + name, flagDefault(flag)},
                                 std::vector<std::string>{"--" + name + "=" + flagDefault(flag)}}) {
            const ParseResult parsed = parseArgs(args);
            check(parsed.error.empty() && flagValue(flag, parsed.options) == flagDefault(flag),
                  "--" + name + " " + flagDefault(flag) + " reads back (" + parsed.error + ")");
        }
    }
}

void testRejected()
{
    const std::vector<std::pair<std::string, std::string>> rejected{
        {"--bogus 1", "unknown flag --bogus (see --help)"},
        {"stages", "unexpected argument 'stages' (flags start with --; see --help)"},
        {"--lr", "--lr needs a value"},
        {"--lr abc", "--lr: 'abc' is not a number"},
        {"--lr 0", "--lr 0: must be more than 0"},
        {"--lr nan", "--lr nan: must be more than 0"},
        {"--stages two", "--stages: 'two' is not an integer"},
        {"--stages 0", "--stages 0: must be at least 1"},
        {"--samples 9", "--samples 9: must be at least 10"},
        {"--seed -1", "--seed: '-1' is not a whole number (0 or more)"},
        {"--val-fraction 1", "--val-fraction 1: must be more than 0 and less than 1"},
        {"--clip -1", "--clip -1: must be at least 0 (0: off)"},
        {"--gpu-memory-limit -1", "--gpu-memory-limit -1: must be at least 0 (0: no limit)"},
        {"--batch -1", "--batch -1: must be at least 0 (0: the model's default)"},
        {"--task images", "--task images: expected one of spirals|text|idx|csv"},
        {"--schedule pipedream", "--schedule pipedream: expected one of gpipe|1f1b|interleaved|zb1"},
        {"--devices=", "--devices needs at least one item (comma separated)"},
        {"--devices gpu0", "--devices: 'gpu0' is not a device (cpu, cuda or cuda:N)"},
        {"--resume=yes", "--resume takes no value"},
        {"--resume", "--resume needs --out DIR (the checkpoint to continue from)"},
        {"--epochs 1 --steps 1", "give either --epochs or --steps, not both"},
        {"--virtual-stages 2", "--virtual-stages is only for --schedule interleaved"},
        {"--model gpt", "--model gpt needs --task text (it is a byte-level language model)"},
        {"--offload activations", "--offload activations needs --checkpoint always or except_last: the checkpointed "
                                  "stage inputs are what is offloaded"},
    };
    for (const auto& [args, message] : rejected) {
        const ParseResult parsed = parseArgs(words(args));
        check(parsed.error == message, "'" + args + "' gives \"" + message + "\", not \"" + parsed.error + "\"");
    }
}

// docs/trainer.md's flag table is written for people, beside the declaration: it names
// every declared flag and no other, and a flag with choices lists them with its default.
void testDocumentedFlags()
{
    std::ifstream in(TUNEBENCH_SOURCE_DIR "/docs/trainer.md");
    check(in.good(), "docs/trainer.md is readable");
    std::set<std::string> documented;
    bool inTable = false;
    const std::regex flagName("`--([a-z0-9-]+)");
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("| flag |", 0) == 0) {
            inTable = true;
            continue;
        }
        if (!inTable)
            continue;
        if (line.rfind("|", 0) != 0)
            break;
        const std::size_t second = line.find('|', 1);
        const std::size_t third = line.find('|', second + 1);
        if (second == std::string::npos || third == std::string::npos)
            continue;
        const std::string names = line.substr(1, second - 1);
        const std::string values = line.substr(second + 1, third - second - 1);
        for (auto it = std::sregex_iterator(names.begin(), names.end(), flagName); it != std::sregex_iterator(); ++it) {
            const std::string name = (*it)[1];
            documented.insert(name);
            const Flag* flag = findFlag(name);
            check(flag != nullptr, "docs/trainer.md documents --" + name + ", which is not declared");
            if (!flag || flag->kind() != Flag::Kind::Choice)
                continue;
            for (const std::string& choice : flag->choices)
                check(values.find(choice) != std::string::npos, "docs/trainer.md lists --" + name + "'s choice " + choice);
            check(values.find("(" + flagDefault(*flag) + ")") != std::string::npos,
                  "docs/trainer.md gives --" + name + "'s default (" + flagDefault(*flag) + ")");
        }
    }
    for (const Flag& flag : flags())
        check(documented.count(std::string(flag.name)) == 1, "docs/trainer.md's table documents --" + std::string(flag.name));
}

} // namespace

int main()
{
    testDeclaration();
    testAccepted();
    testRejected();
    testDocumentedFlags();
    std::cout << g_passed << " passed, " << g_failed << " failed" << std::endl;
    return g_failed == 0 ? 0 : 1;
}
