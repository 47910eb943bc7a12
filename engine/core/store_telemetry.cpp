// The store's device telemetry: samples, followers' reads and downsampling.
#include "store.h"

#include "store_sql.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace tb::engine {

// The columns readTelemetry() reads, in its order; "others" (schema 5) and "trial_cpu"
// (schema 6) came later.
#define TB_TELEMETRY_SELECT                                                                                            \
    "SELECT experiment_id, time, kind, device, name, utilization, memory_used, memory_total, power_w, "               \
    "temperature_c, trials, processes, samples, others, trial_cpu"

namespace {

// TelemetryRow::trialCpu as the trial_cpu column holds it: "12:35.5,14:0.25".
QString trialSharesText(const std::vector<TrialShare>& shares)
{
    QStringList parts;
    for (const TrialShare& s : shares)
        parts << QString::number(s.trial) + QLatin1Char(':') + QString::number(s.percent, 'g', 4);
    return parts.join(QLatin1Char(','));
}

// The reverse; a malformed part (a store written by hand) is left out.
std::vector<TrialShare> trialSharesFrom(const QString& text)
{
    std::vector<TrialShare> out;
    for (const QStringView part : QStringView(text).split(u',', Qt::SkipEmptyParts)) {
        const qsizetype colon = part.indexOf(u':');
        bool idOk = false, valueOk = false;
        const qint64 trial = colon > 0 ? part.left(colon).toLongLong(&idOk) : 0;
        const double percent = colon > 0 ? part.mid(colon + 1).toDouble(&valueOk) : 0;
        if (idOk && valueOk && std::isfinite(percent))
            out.push_back({trial, percent});
    }
    return out;
}

TelemetryRow readTelemetry(const SqlRow& s)
{
    TelemetryRow t;
    QString trialCpu;
    s.into(t.experimentId, t.time, t.kind, t.device, t.name, t.utilization, t.memoryUsed, t.memoryTotal, t.powerW,
           t.temperatureC, t.trials, t.processes, t.samples, t.others, trialCpu);
    t.trialCpu = trialSharesFrom(trialCpu);
    return t;
}

} // namespace

void Store::addTelemetry(const std::vector<TelemetryRow>& rows)
{
    if (rows.empty())
        return;
    transaction([&] {
        for (const TelemetryRow& t : rows)
            prepare("INSERT INTO telemetry(experiment_id, time, kind, device, name, utilization, memory_used, memory_total, "
                    "power_w, temperature_c, trials, processes, samples, others, trial_cpu) "
                    "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bindAll(t.experimentId, t.time, t.kind, t.device, t.name, t.utilization, t.memoryUsed, t.memoryTotal, t.powerW,
                         t.temperatureC, t.trials, t.processes.isEmpty() ? QByteArray("[]") : t.processes, t.samples, t.others,
                         trialSharesText(t.trialCpu))
                .run();
    });
}

std::vector<TelemetryRow> Store::telemetry(std::int64_t experimentId, double from, double to)
{
    return prepare(TB_TELEMETRY_SELECT " FROM telemetry WHERE experiment_id = ? AND time >= ? AND time < ? "
                                       "ORDER BY time, kind DESC, device")
        .bindAll(experimentId, from, to)
        .all(readTelemetry);
}

std::int64_t Store::telemetryCount(std::int64_t experimentId)
{
    return prepare("SELECT count(*) FROM telemetry WHERE experiment_id = ?").bindAll(experimentId).scalar();
}

std::vector<TelemetryRow> Store::telemetrySince(std::int64_t experimentId, std::int64_t after, int limit, std::int64_t* lastRowid)
{
    std::vector<TelemetryRow> out;
    std::int64_t last = after;
    prepare(TB_TELEMETRY_SELECT ", id FROM telemetry WHERE id > ? AND experiment_id = ? ORDER BY id LIMIT ?")
        .bindAll(after, experimentId, limit)
        .forEachRow([&](const SqlRow& s) {
            out.push_back(readTelemetry(s));
            last = s.integer(15);
        });
    if (lastRowid)
        *lastRowid = last;
    return out;
}

std::int64_t Store::telemetryCountUpTo(std::int64_t experimentId, std::int64_t upTo)
{
    return prepare("SELECT count(*) FROM telemetry WHERE experiment_id = ? AND id <= ?").bindAll(experimentId, upTo).scalar();
}

std::int64_t Store::downsampleTelemetry(std::int64_t experimentId, double from, double to, double bucketSeconds)
{
    if (!(bucketSeconds > 0))
        return 0;
    to = std::floor(to / bucketSeconds) * bucketSeconds;
    if (!(to > from))
        return 0;
    std::int64_t removed = 0;
    transaction([&] {
        // Rows arrive ordered by device and time, so each bucket is one run of rows.
        std::vector<TelemetryRow> rows = telemetry(experimentId, from, to);
        std::stable_sort(rows.begin(), rows.end(), [](const TelemetryRow& a, const TelemetryRow& b) {
            return std::tie(a.kind, a.device) < std::tie(b.kind, b.device);
        });
        std::vector<TelemetryRow> merged;
        auto sameBucket = [&](const TelemetryRow& a, const TelemetryRow& b) {
            return a.kind == b.kind && a.device == b.device
                && std::floor(a.time / bucketSeconds) == std::floor(b.time / bucketSeconds);
        };
        std::size_t i = 0;
        std::int64_t inserted = 0;
        while (i < rows.size()) {
            std::size_t j = i + 1;
            while (j < rows.size() && sameBucket(rows[i], rows[j]))
                ++j;
            TelemetryRow m = rows[j - 1]; // the newest: name, trials, processes, others
            m.time = rows[i].time;
            double utilSum = 0, utilWeight = 0, powerSum = 0, powerWeight = 0, temperature = std::nan("");
            std::optional<std::int64_t> memory;
            std::map<std::int64_t, std::pair<double, int>> shares; // trial -> weighted sum, samples
            int samples = 0;
            for (std::size_t k = i; k < j; ++k) {
                const TelemetryRow& r = rows[k];
                samples += r.samples;
                if (!std::isnan(r.utilization)) {
                    utilSum += r.utilization * r.samples;
                    utilWeight += r.samples;
                }
                if (!std::isnan(r.powerW)) {
                    powerSum += r.powerW * r.samples;
                    powerWeight += r.samples;
                }
                if (!std::isnan(r.temperatureC) && !(r.temperatureC <= temperature))
                    temperature = r.temperatureC;
                if (r.memoryUsed && (!memory || *r.memoryUsed > *memory))
                    memory = r.memoryUsed;
                for (const TrialShare& share : r.trialCpu) {
                    shares[share.trial].first += share.percent * r.samples;
                    shares[share.trial].second += r.samples;
                }
            }
            m.trialCpu.clear();
            for (const auto& [trial, sum] : shares)
                m.trialCpu.push_back({trial, sum.first / sum.second});
            m.utilization = utilWeight > 0 ? utilSum / utilWeight : std::nan("");
            m.powerW = powerWeight > 0 ? powerSum / powerWeight : std::nan("");
            m.temperatureC = temperature;
            m.memoryUsed = memory;
            m.samples = samples;
            if (j - i > 1) {
                merged.push_back(std::move(m));
                removed += static_cast<std::int64_t>(j - i);
                // Delete this bucket's rows of this device; others stay untouched.
                const double start = std::floor(rows[i].time / bucketSeconds) * bucketSeconds;
                prepare("DELETE FROM telemetry WHERE experiment_id = ? AND kind = ? AND device = ? AND time >= ? AND time < ? "
                        "AND time >= ? AND time < ?")
                    .bindAll(experimentId, rows[i].kind, rows[i].device, start, start + bucketSeconds, from, to)
                    .run();
                ++inserted;
            }
            i = j;
        }
        addTelemetry(merged);
        removed -= inserted;
    });
    return removed;
}

} // namespace tb::engine
