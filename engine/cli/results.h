#pragma once
// What an experiment found: `best` (the best trial's config, or with several objectives the
// Pareto set) and `importance` (docs/cli.md).

#include <QStringList>

namespace tb::cli {

int cmdBest(const QStringList& args);
int cmdImportance(const QStringList& args); // fANOVA, per objective with several

} // namespace tb::cli
