#pragma once
// Reads what a trial prints: Katib StdOut-collector lines (`epoch=3 loss=2.5e-01`) and
// structured events (`@tunebench {"event": ...}`). Anything else is log text.

#include <QByteArray>
#include <QJsonObject>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tb::engine {

inline constexpr std::string_view kEventPrefix = "@tunebench ";

struct ParsedLine {
    std::vector<std::pair<std::string, double>> metrics; // in line order; NaN/inf kept
    std::optional<std::int64_t> step;                    // from step= (or epoch=) on the line
    std::optional<QJsonObject> event;                    // a structured event other than metrics
};

// One line (without its newline). Katib's default filter:
//   ([\w|-]+)\s*=\s*([+-]?\d*(\.\d+)?([Ee][+-]?\d+)?)
// with one extension: `nan` and `inf` values are read too, so that a diverged trial is
// reported as such instead of as "no objective". A malformed event line is log text.
ParsedLine parseMetricLine(std::string_view line);

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
