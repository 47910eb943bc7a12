#pragma once
// The experiments of a store: list them, delete one (docs/cli.md).

#include <QStringList>

namespace tb::cli {

int cmdList(const QStringList& args);
int cmdDelete(const QStringList& args);

} // namespace tb::cli
