#pragma once
// tunebench-cli's commands, as a library so that app/ stays a thin main() and tests can
// call the same code. Exit codes: 0 success, 2 bad input (the message names the file and
// the field), 1 a failure while working, 3 the experiment is being run by another engine,
// 130 stopped by SIGINT/SIGTERM (resumable).

#include <QStringList>

namespace tb::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitBusy = 3;
inline constexpr int kExitInterrupted = 130;

// argv without the program name; prints to stdout/stderr.
int runCommand(const QStringList& args);

} // namespace tb::cli
