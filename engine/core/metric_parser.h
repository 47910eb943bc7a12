#pragma once
// Reads what a trial prints: Katib StdOut-collector lines (`epoch=3 loss=2.5e-01`) and
// structured events (`@tunebench {"event": ...}`, algorithms/trial_events.h). Anything
// else is log text.

#include "algorithms/trial_events.h"

#include <QByteArray>
#include <QRegularExpression>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tb::engine {

inline constexpr std::string_view kEventPrefix = algorithms::events::kPrefix;

struct ParsedLine {
    std::vector<std::pair<std::string, double>> metrics; // in line order; NaN/inf kept
    std::optional<std::int64_t> step;                    // from step= (or epoch=) on the line
    std::optional<algorithms::events::Event> event;      // a structured event other than metrics
};

// How a trial prints its metrics (trial.metrics in the spec, docs/spec.md):
//   katib       Katib's StdOut form, `epoch=3 loss=0.25` (the default)
//   json_lines  a JSON object per line, `{"loss": 0.25, "step": 3}`, or a Python dict as
//               Hugging Face's Trainer prints it, `{'eval_loss': 0.51, 'epoch': 2.0}`
//   regex       the user's patterns, each with named groups `name` and `value` (and
//               optionally `step`), e.g. Keras's `(?<name>\w+): (?<value>[-+.\deE]+)`
// `@tunebench {...}` event lines are read in every form.
struct MetricFormat {
    enum class Kind { Katib, JsonLines, Regex } kind = Kind::Katib;
    std::vector<QRegularExpression> patterns; // regex only; checked when the spec is read
    bool tensorboard = false; // also read scalars from TensorBoard event files under ${trial.dir}
};

// One line (without its newline). Katib's default filter:
//   ([\w|-]+)\s*=\s*([+-]?\d*(\.\d+)?([Ee][+-]?\d+)?)
// with one extension: `nan` and `inf` values are read too, so that a diverged trial is
// reported as such instead of as "no objective". A malformed event line is log text.
// In every form a metric named `step` (or `epoch`, when there is no `step`) with a whole
// value also gives the line its step (rounded), as does a regex's `step` group.
ParsedLine parseMetricLine(std::string_view line, const MetricFormat& format = {});

struct EventRow;
// A trial's stored events read back through the protocol (rows whose body does not read
// are skipped), for MeasuredRun and the like.
std::vector<algorithms::events::Recorded> readEvents(const std::vector<EventRow>& rows);

// Checks one regex pattern of trial.metrics: it compiles and has the named groups `name`
// and `value`. Returns what is wrong, or an empty string.
QString checkMetricPattern(const QRegularExpression& pattern);

// Splits a byte stream into lines, keeping partial lines for the next chunk. A line longer
// than maxLine is cut there (the rest, up to its newline, is dropped from parsing).
class LineSplitter {
public:
    explicit LineSplitter(std::size_t maxLine = 1 << 20) : m_maxLine(maxLine) {}

    std::vector<std::string> feed(const QByteArray& chunk);
    std::optional<std::string> flush(); // the unterminated last line at end of stream

private:
    std::string m_partial;
    std::size_t m_maxLine;
    bool m_skipping = false;
};

} // namespace tb::engine
