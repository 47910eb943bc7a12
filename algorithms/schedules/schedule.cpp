// The IR's small helpers and its text forms: PyTorch action strings, per-rank CSV, JSON
// and Chrome traces.

#include "schedule.h"

#include "algorithms/text.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string_view>

namespace tb::algorithms::schedules {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Digits only, no sign, small enough for int: action indices never need more.
std::optional<int> parseIndex(std::string_view text)
{
    if (text.empty() || text.size() > 9 || !std::all_of(text.begin(), text.end(), isDigit))
        return std::nullopt;
    int value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

std::string_view trimmed(std::string_view text)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

// PyTorch's communication and FSDP actions ("1SEND_F0", "0UNSHARD") appear in its
// compute+comms CSVs; they carry no compute, so a reader of compute order can skip them.
bool isCommunicationAction(std::string_view cell)
{
    static constexpr std::array<std::string_view, 6> names{"SEND_F", "RECV_F", "SEND_B",
                                                           "RECV_B", "UNSHARD", "RESHARD"};
    std::size_t digits = 0;
    while (digits < cell.size() && isDigit(cell[digits]))
        ++digits;
    if (digits == 0)
        return false;
    const std::string_view rest = cell.substr(digits);
    for (std::string_view name : names) {
        if (rest.substr(0, name.size()) != name)
            continue;
        const std::string_view tail = rest.substr(name.size());
        if (std::all_of(tail.begin(), tail.end(), isDigit))
            return true;
    }
    return false;
}

// No quoting rules beyond a pair of quotes around a cell: action strings never hold commas.
std::vector<std::string_view> splitCells(std::string_view line)
{
    std::vector<std::string_view> cells;
    for (;;) {
        const std::size_t comma = line.find(',');
        cells.push_back(line.substr(0, comma));
        if (comma == std::string_view::npos)
            return cells;
        line.remove_prefix(comma + 1);
    }
}

std::string rowLabel(std::size_t row) // rows are ranks, but people count spreadsheet rows from 1
{
    return "row " + std::to_string(row + 1) + " (rank " + std::to_string(row) + ")";
}

// ---- JSON helpers ----

std::string jsonNumber(double value)
{
    if (!std::isfinite(value))
        return "null";
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), result.ptr);
}

std::string jsonString(std::string_view text)
{
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static constexpr char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[(c >> 4) & 0xf];
                out += hex[c & 0xf];
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

template <typename T, typename Format>
std::string jsonArray(const std::vector<T>& values, Format format)
{
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i)
        out += (i ? "," : "") + format(values[i]);
    return out + "]";
}

const char* opCategory(Op op)
{
    switch (op) {
    case Op::F: return "forward";
    case Op::B: return "backward";
    case Op::W: return "weight";
    }
    return "";
}

void requireSpansMatch(const Schedule& schedule, const SimResult& result)
{
    bool matches = result.spans.size() == schedule.perDevice.size();
    for (std::size_t d = 0; matches && d < result.spans.size(); ++d)
        matches = result.spans[d].size() == schedule.perDevice[d].size();
    if (!matches)
        throw ScheduleError("simulation result does not match the schedule's actions; "
                            "simulate() this schedule again before exporting it");
}

} // namespace

char opLetter(Op op)
{
    switch (op) {
    case Op::F: return 'F';
    case Op::B: return 'B';
    case Op::W: return 'W';
    }
    return '?';
}

std::string toString(const Action& action)
{
    return std::to_string(action.stage) + opLetter(action.op) + std::to_string(action.microbatch);
}

std::optional<Action> parseAction(const std::string& text)
{
    const std::size_t opAt = text.find_first_not_of("0123456789");
    if (opAt == std::string::npos || opAt == 0)
        return std::nullopt;
    Op op;
    switch (text[opAt]) {
    case 'F': op = Op::F; break;
    case 'B': op = Op::B; break;
    case 'I': op = Op::B; break; // PyTorch's BACKWARD_INPUT: our B when W is split
    case 'W': op = Op::W; break;
    default: return std::nullopt;
    }
    const std::string_view view(text);
    const auto stage = parseIndex(view.substr(0, opAt));
    const auto microbatch = parseIndex(view.substr(opAt + 1));
    if (!stage || !microbatch)
        return std::nullopt;
    return Action{*stage, op, *microbatch};
}

std::vector<Action> dependencies(const Schedule& schedule, const Action& action)
{
    std::vector<Action> deps;
    switch (action.op) {
    case Op::F:
        if (action.stage > 0)
            deps.push_back({action.stage - 1, Op::F, action.microbatch});
        break;
    case Op::B:
        deps.push_back({action.stage, Op::F, action.microbatch});
        // The last stage turns its own output into the loss gradient.
        if (action.stage + 1 < schedule.stages)
            deps.push_back({action.stage + 1, Op::B, action.microbatch});
        break;
    case Op::W:
        deps.push_back({action.stage, Op::B, action.microbatch});
        break;
    }
    return deps;
}

std::string toText(const Schedule& schedule)
{
    std::string out;
    for (std::size_t d = 0; d < schedule.perDevice.size(); ++d) {
        out += "rank " + std::to_string(d) + ":";
        for (const Action& action : schedule.perDevice[d])
            out += " " + toString(action);
        out += "\n";
    }
    return out;
}

std::string toCsv(const Schedule& schedule)
{
    std::string out;
    for (const auto& actions : schedule.perDevice) {
        for (std::size_t i = 0; i < actions.size(); ++i)
            out += (i ? "," : "") + toString(actions[i]);
        out += "\n";
    }
    return out;
}

Schedule fromCsv(const std::string& text, int microbatchesHint)
{
    std::vector<std::string_view> rows;
    std::string_view rest(text);
    while (!rest.empty()) {
        const std::size_t end = rest.find('\n');
        rows.push_back(rest.substr(0, end));
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    }
    // Editors like to end files with blank lines; a rank without actions is never useful.
    while (!rows.empty() && trimmed(rows.back()).empty())
        rows.pop_back();
    if (rows.empty())
        throw ScheduleError("the schedule CSV is empty; expected one row of actions per rank, "
                            "such as 0F0,0F1,0B0,0B1");

    const bool hinted = microbatchesHint > 0;
    Schedule schedule;
    schedule.kind = "custom";
    schedule.devices = static_cast<int>(rows.size());
    schedule.perDevice.resize(rows.size());
    std::vector<int> ownerRow;     // stage -> row it first appeared in, -1 when unseen
    std::vector<int> ownerColumn;
    int maxMicrobatch = -1;

    for (std::size_t row = 0; row < rows.size(); ++row) {
        const std::vector<std::string_view> cells = splitCells(rows[row]);
        for (std::size_t column = 0; column < cells.size(); ++column) {
            std::string_view cell = trimmed(cells[column]);
            if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"')
                cell = trimmed(cell.substr(1, cell.size() - 2));
            const std::string where = rowLabel(row) + ", column " + std::to_string(column + 1);
            if (cell.empty() || cell == "None" || isCommunicationAction(cell))
                continue;
            const auto action = parseAction(std::string(cell));
            if (!action)
                throw ScheduleError(where + ": cannot read '" + printable(cell)
                                    + "' as an action; expected {stage}{F|B|I|W}{microbatch} such as 2F0");
            if (action->stage >= kMaxStages || action->microbatch >= kMaxMicrobatches)
                throw ScheduleError(where + ": '" + printable(cell) + "' is beyond " + std::to_string(kMaxStages)
                                    + " stages or " + std::to_string(kMaxMicrobatches) + " micro-batches");
            if (hinted && action->microbatch >= microbatchesHint)
                throw ScheduleError(where + ": micro-batch " + std::to_string(action->microbatch)
                                    + " in '" + printable(cell) + "' but the schedule has only "
                                    + std::to_string(microbatchesHint) + " micro-batches; "
                                    + "raise the micro-batch count or fix the cell");
            if (action->stage >= static_cast<int>(ownerRow.size())) {
                ownerRow.resize(action->stage + 1, -1);
                ownerColumn.resize(action->stage + 1, -1);
            }
            int& owner = ownerRow[action->stage];
            if (owner == -1) {
                owner = static_cast<int>(row);
                ownerColumn[action->stage] = static_cast<int>(column);
            } else if (owner != static_cast<int>(row)) {
                throw ScheduleError(where + ": stage " + std::to_string(action->stage) + " in '"
                                    + printable(cell) + "' already runs on rank "
                                    + std::to_string(owner) + " (" + rowLabel(owner) + ", column "
                                    + std::to_string(ownerColumn[action->stage] + 1)
                                    + "); each stage must stay on one rank");
            }
            maxMicrobatch = std::max(maxMicrobatch, action->microbatch);
            schedule.splitW = schedule.splitW || action->op == Op::W;
            schedule.perDevice[row].push_back(*action);
        }
    }

    if (ownerRow.empty())
        throw ScheduleError("the schedule CSV holds no compute actions (F, B, I or W); "
                            "expected cells such as 0F0,0B0");
    for (std::size_t stage = 0; stage < ownerRow.size(); ++stage)
        if (ownerRow[stage] == -1)
            throw ScheduleError("stage " + std::to_string(stage) + " has no actions in the CSV but stage "
                                + std::to_string(ownerRow.size() - 1)
                                + " does; number the stages from 0 without gaps");
    schedule.stages = static_cast<int>(ownerRow.size());
    if (schedule.stages % schedule.devices != 0)
        throw ScheduleError("the CSV has " + std::to_string(schedule.stages) + " stages on "
                            + std::to_string(schedule.devices)
                            + " ranks; the stage count must be a multiple of the rank count");
    schedule.virtualStages = schedule.stages / schedule.devices;
    schedule.microbatches = hinted ? microbatchesHint : maxMicrobatch + 1;
    schedule.stageDevice = ownerRow;
    return schedule;
}

std::string toJson(const Schedule& schedule, const SimResult* result)
{
    if (result)
        requireSpansMatch(schedule, *result);

    // Custom schedules have no formula, and an exception is the only "no" theoreticalBubble gives.
    std::string theoretical = "null";
    try {
        theoretical = jsonNumber(theoreticalBubble(schedule.kind, schedule.devices,
                                                   schedule.microbatches, schedule.virtualStages));
    } catch (const ScheduleError&) {
    }

    const auto integer = [](int value) { return std::to_string(value); };
    const auto number = [](double value) { return jsonNumber(value); };

    std::string out = "{\n";
    out += "  \"kind\": " + jsonString(schedule.kind) + ",\n";
    out += "  \"devices\": " + std::to_string(schedule.devices) + ",\n";
    out += "  \"stages\": " + std::to_string(schedule.stages) + ",\n";
    out += "  \"microbatches\": " + std::to_string(schedule.microbatches) + ",\n";
    out += "  \"virtual_stages\": " + std::to_string(schedule.virtualStages) + ",\n";
    out += std::string("  \"split_w\": ") + (schedule.splitW ? "true" : "false") + ",\n";
    out += "  \"stage_device\": " + jsonArray(schedule.stageDevice, integer) + ",\n";
    out += "  \"actions\": [";
    for (std::size_t d = 0; d < schedule.perDevice.size(); ++d) {
        out += d ? ",\n    [" : "\n    [";
        const auto& actions = schedule.perDevice[d];
        for (std::size_t i = 0; i < actions.size(); ++i) {
            const Action& a = actions[i];
            out += i ? "," : "";
            out += "{\"name\":" + jsonString(toString(a)) + ",\"stage\":" + std::to_string(a.stage)
                + ",\"op\":\"" + opLetter(a.op) + "\",\"microbatch\":" + std::to_string(a.microbatch);
            if (result) {
                const Span& span = result->spans[d][i];
                out += ",\"start\":" + jsonNumber(span.start) + ",\"end\":" + jsonNumber(span.end);
            }
            out += "}";
        }
        out += "]";
    }
    out += schedule.perDevice.empty() ? "],\n" : "\n  ],\n";
    if (result) {
        out += "  \"makespan\": " + jsonNumber(result->makespan) + ",\n";
        out += "  \"bubble_fraction\": " + jsonNumber(result->bubbleFraction) + ",\n";
        out += "  \"idle_fraction\": " + jsonArray(result->idleFraction, number) + ",\n";
        out += "  \"peak_activations\": " + jsonArray(result->peakActivations, integer) + ",\n";
    } else {
        out += "  \"makespan\": null,\n  \"bubble_fraction\": null,\n  \"idle_fraction\": null,\n";
        out += "  \"peak_activations\": " + jsonArray(peakActivations(schedule), integer) + ",\n";
    }
    out += "  \"theoretical_bubble\": " + theoretical + "\n}\n";
    return out;
}

std::string toChromeTrace(const Schedule& schedule, const SimResult& result)
{
    requireSpansMatch(schedule, result);
    std::string out = "{\"traceEvents\":[\n";
    out += "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":0,\"args\":{\"name\":"
        + jsonString("pipeline " + schedule.kind) + "}}";
    for (std::size_t d = 0; d < schedule.perDevice.size(); ++d)
        out += ",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":0,\"tid\":" + std::to_string(d)
            + ",\"args\":{\"name\":\"device " + std::to_string(d) + "\"}}";
    for (std::size_t d = 0; d < schedule.perDevice.size(); ++d) {
        for (std::size_t i = 0; i < schedule.perDevice[d].size(); ++i) {
            const Action& a = schedule.perDevice[d][i];
            const Span& span = result.spans[d][i];
            out += ",\n{\"name\":" + jsonString(toString(a)) + ",\"cat\":\"" + opCategory(a.op)
                + "\",\"ph\":\"X\",\"ts\":" + jsonNumber(span.start)
                + ",\"dur\":" + jsonNumber(span.end - span.start) + ",\"pid\":0,\"tid\":"
                + std::to_string(d) + ",\"args\":{\"stage\":" + std::to_string(a.stage)
                + ",\"microbatch\":" + std::to_string(a.microbatch) + "}}";
        }
    }
    out += "\n],\"displayTimeUnit\":\"ms\"}\n";
    return out;
}

} // namespace tb::algorithms::schedules
