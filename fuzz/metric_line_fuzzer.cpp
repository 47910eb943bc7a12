// What a trial prints: the line splitter and the metric-line parser (Katib's form and
// @tunebench events), exactly as the engine feeds them.
#include "engine/core/metric_parser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    tb::engine::LineSplitter lines(4096);
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    // Two chunks, so that lines split across reads are exercised too.
    const qsizetype half = bytes.size() / 2;
    for (const QByteArray& chunk : {bytes.left(half), bytes.mid(half)})
        for (const std::string& line : lines.feed(chunk))
            tb::engine::parseMetricLine(line);
    if (auto last = lines.flush())
        tb::engine::parseMetricLine(*last);
    return 0;
}
