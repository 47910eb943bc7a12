#pragma once
// tunebench-train's flags, declared once (flags.cpp): each flag's name, the Options field it
// sets (whose initializer is its default), its choices or range, its --help text and its row
// in the window's trainer form. parseArgs(), checkStatic() and usage() (options.cpp) and
// tb::widgets::TrainerForm all read this table, so a flag is added or changed in one place.
// Plain C++ (no Qt, no libtorch): tb_train_flags is built even where libtorch is not.
//
// Threading: the table is built once, on first use (a function-local static), and is
// read-only after that.

#include "engine/train/options.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tb::train {

struct Flag {
    // Text: any string; Choice: one of `choices`; List: comma separated, at least one item;
    // Int, Real: numbers; Switch: takes no value (present = true).
    enum class Kind { Text, Choice, List, Int, Real, Switch };
    using Member = std::variant<std::string Options::*, std::vector<std::string> Options::*, int Options::*,
                                std::int64_t Options::*, std::uint64_t Options::*, double Options::*,
                                bool Options::*>;
    struct Bound {
        double value = 0.0;
        bool inclusive = true;
    };

    std::string_view name;    // without the leading "--"
    Member member;            // the field it sets; Options{}'s value is the default
    std::string_view group;   // the --help section
    std::string_view metavar; // what --help shows for the value (FILE, N, X); a Choice shows its choices
    std::string_view help;    // the --help text
    std::vector<std::string> choices; // a string field with choices is a Choice
    std::optional<Bound> min; // numbers
    std::optional<Bound> max;
    std::string_view rangeNote;   // appended to a range error: what the boundary value means
    std::string_view defaultNote; // --help's default where Options{}'s value stands for "chosen at run time"
    std::string_view absentValue; // the value in effect when the flag is absent, where Options{} holds a
                                  // "not given" 0 (epochs: 1); the form and a fresh command spell it out
    std::string_view alternativeTo; // the flag this one excludes (steps: epochs); the form gives them one row

    // The window's trainer form: the flag has a row when formLabel is set. English; the form
    // translates both texts in its own context (widgets/trainer_form.cpp marks them for lupdate).
    std::string_view formLabel;
    std::string_view formTip;
    std::string_view formMinimumText; // what a number field shows at its minimum ("model default")
    bool inNewCommand = false;        // spelled out, at its default, in a fresh trainer command

    Kind kind() const;
};

// Every flag but --help and --version, in --help order.
const std::vector<Flag>& flags();
const Flag* findFlag(std::string_view name);

// The flag's value in `options` as it is typed on a command line ("0.001", "cpu,cuda:1");
// a switch gives "true" or "false".
std::string flagValue(const Flag& flag, const Options& options);
// The default as a user reads and types it: absentValue where set, else Options{}'s value.
std::string flagDefault(const Flag& flag);
// Reads `text` into the flag's field. Returns an empty string, or a message naming the flag
// and what it takes. Not for switches.
std::string setFlag(const Flag& flag, Options& options, const std::string& text);
// The flag's own choices and range, checked on its value in `options`. Returns an empty
// string, or a message naming the flag, the value and what would be accepted.
std::string checkFlag(const Flag& flag, const Options& options);
// What --help shows after the flag's name: its metavar, or its choices joined by '|'.
std::string flagValueHint(const Flag& flag);

} // namespace tb::train
