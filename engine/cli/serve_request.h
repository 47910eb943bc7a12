#pragma once
// serve's request lines, read and checked without touching a store (and fuzzed:
// fuzz/serve_request_fuzzer.cpp).

#include "engine/core/store.h"

#include <QByteArray>
#include <QString>
#include <optional>
#include <vector>

namespace tb::cli {

struct ServeRequest {
    enum class Op { Ask, Tell } op = Op::Ask;
    qint64 trial = 0;             // tell: the id ask returned
    std::vector<double> values;   // tell: "value" (one objective) or "values" (each objective's, in order)
    QString state;                // tell: "", completed, failed or pruned
    std::vector<engine::MetricRow> metrics; // tell: name, value, step (time left 0)
};

// Throws engine::SpecError naming what to fix.
ServeRequest parseServeRequest(const QByteArray& line);

} // namespace tb::cli
