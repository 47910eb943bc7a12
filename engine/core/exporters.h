#pragma once
// What leaves the store for people and other tools: status, the best config in three
// forms, all trials as CSV or JSON.

#include "store.h"

#include "json.h"

#include <QByteArray>
#include <QJsonObject>

namespace tb::engine {

class Study;
struct ExperimentSpec;

// {"experiment": NAME, "state": ..., "counts": {...}, "best": {"trial": ID, "value": V, "params": {...}} | null}
// (null too while no trial keeps the constraints); several objectives: "best" null and
// "pareto": paretoJson().
QJsonObject statusJson(Study& study);
QString statusText(Study& study);

enum class ConfigFormat { Json, Yaml, Args };
// The best completed (and feasible) trial's parameters. Throws RuntimeError when there is
// none, or when the experiment has several objectives (paretoSet() then).
QByteArray bestConfig(Study& study, ConfigFormat format);
// Parameters (a trial's "params") as a config in `format`, in the order the space declares them.
QByteArray configText(const algorithms::SearchSpace& space, const QJsonObject& params, ConfigFormat format);

enum class TrialsFormat { Csv, Json };
QByteArray exportTrials(Study& study, TrialsFormat format);

// The experiment's telemetry, oldest first (docs/cli.md#telemetry): CSV with the header
// time,kind,device,name,utilization,memory_used_bytes,memory_total_bytes,power_w,
// temperature_c,trials,samples (trials as "12;14"), or JSON {"experiment": ..., "samples": [...]}.
QByteArray exportTelemetry(Study& study, TrialsFormat format);

// Learning curves as CSV, one row per report of any metric: trial, number, attempt, step,
// metric, value (empty for NaN), time (ISO 8601, UTC); trials in order, reports by step.
QByteArray exportCurves(Study& study);

// Which numbers of this experiment's data are floats (written 2.0, not 2): objective
// values and durations, and the float parameters inside "params" objects.
FloatKeys floatKeys(const ExperimentSpec& spec);

} // namespace tb::engine
