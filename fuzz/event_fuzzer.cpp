// The @tunebench event reader: each input line is one event line of a trial; the events go
// through the metric-line parser and then the measured-run reader the Pipeline view uses.
#include "algorithms/schedules/measured_run.h"
#include "engine/core/metric_parser.h"
#include "engine/core/store.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    std::vector<tb::engine::EventRow> events;
    int attempt = 1;
    for (const QByteArray& line : bytes.split('\n')) {
        const tb::engine::ParsedLine parsed = tb::engine::parseMetricLine(std::string(tb::engine::kEventPrefix) + line.toStdString());
        if (!parsed.event)
            continue;
        tb::engine::EventRow e;
        e.trialId = 1;
        e.attempt = attempt;
        attempt = attempt % 3 + 1; // several attempts: the reader keeps the latest
        e.kind = QString::fromLatin1(tb::algorithms::events::kindOf(*parsed.event));
        e.body = QByteArray::fromStdString(tb::algorithms::events::write(*parsed.event));
        events.push_back(std::move(e));
    }
    if (auto run = tb::algorithms::schedules::MeasuredRun::fromEvents(tb::engine::readEvents(events)))
        run->meanDurations();
    return 0;
}
