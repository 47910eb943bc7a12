#pragma once
// What an experiment found: `best` (the best trial's config, or with several objectives the
// Pareto set; docs/cli.md).

#include <QStringList>

namespace tb::cli {

int cmdBest(const QStringList& args);

} // namespace tb::cli
