#pragma once
// The experiments of a store: list them, delete one, import one from elsewhere (docs/cli.md).

#include <QStringList>

namespace tb::cli {

int cmdList(const QStringList& args);
int cmdDelete(const QStringList& args);
int cmdImport(const QStringList& args); // import optuna --storage FILE ...

} // namespace tb::cli
