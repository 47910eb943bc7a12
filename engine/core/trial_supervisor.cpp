// tunebench-trial: the supervisor between the engine and one trial's program.
//
//   tunebench-trial --grace SECONDS -- PROGRAM [ARGS...]
//
// It runs PROGRAM as its child and, whatever happens, leaves no process of the trial
// behind: it is a child subreaper (PR_SET_CHILD_SUBREAPER), so whatever the program starts
// stays among its descendants even after a double fork or setsid, and when the program
// ends (normally or not) it kills every remaining descendant, member of its process group
// and carrier of the attempt's TUNEBENCH_TRIAL_TOKEN (engine/core/process_tree.h).
//
// Signals: SIGTERM, SIGINT or SIGHUP (the engine stopping the trial, or the engine's death
// through PR_SET_PDEATHSIG, which the engine sets to SIGTERM) ask the program to end: it
// gets SIGTERM, then everything gets SIGKILL after the grace period. SIGUSR1 kills
// everything at once. The supervisor then ends as the program did: the same exit code,
// or the same signal, so the engine reads the outcome as if the program were its child.

#include "process_tree.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;

int usage()
{
    std::fputs("usage: tunebench-trial --grace SECONDS -- PROGRAM [ARGS...]\n"
               "Runs PROGRAM and ends every process it starts when it ends (Tunebench's trial supervisor).\n",
               stderr);
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    double grace = 3;
    int first = 1;
    for (; first < argc; ++first) {
        const std::string a = argv[first];
        if (a == "--") {
            ++first;
            break;
        }
        if (a == "--grace" && first + 1 < argc)
            grace = std::strtod(argv[++first], nullptr);
        else
            return usage();
    }
    if (first >= argc)
        return usage();

    ::prctl(PR_SET_CHILD_SUBREAPER, 1);
    sigset_t handled;
    sigemptyset(&handled);
    for (int s : {SIGCHLD, SIGTERM, SIGINT, SIGHUP, SIGUSR1})
        sigaddset(&handled, s);
    sigset_t original;
    ::sigprocmask(SIG_BLOCK, &handled, &original);

    const pid_t program = ::fork();
    if (program < 0) {
        std::fprintf(stderr, "tunebench-trial: cannot start %s: %s\n", argv[first], std::strerror(errno));
        return 127;
    }
    if (program == 0) {
        ::sigprocmask(SIG_SETMASK, &original, nullptr);
        ::execv(argv[first], argv + first);
        std::fprintf(stderr, "tunebench-trial: cannot run %s: %s\n", argv[first], std::strerror(errno));
        std::_Exit(127);
    }

    const char* tokenText = std::getenv("TUNEBENCH_TRIAL_TOKEN");
    tb::engine::proc::Match everything;
    everything.token = tokenText ? tokenText : "";
    everything.group = ::getpgrp() == ::getpid() ? ::getpid() : 0; // the engine makes us a group leader
    everything.root = ::getpid();
    everything.exclude = ::getpid();

    int status = 0;
    bool exited = false;
    bool terminating = false;
    Clock::time_point killAt = Clock::time_point::max();
    while (!exited) {
        siginfo_t info{};
        int sig;
        if (killAt == Clock::time_point::max()) {
            sig = ::sigwaitinfo(&handled, &info);
        } else {
            const auto left = std::max(Clock::duration::zero(), killAt - Clock::now());
            const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(left).count();
            timespec wait{static_cast<time_t>(ns / 1000000000), static_cast<long>(ns % 1000000000)};
            sig = ::sigtimedwait(&handled, &info, &wait);
        }
        if (sig < 0 && errno == EAGAIN) { // the grace period is over
            tb::engine::proc::killAll(everything, 2000);
            killAt = Clock::time_point::max();
            continue;
        }
        if (sig == SIGCHLD) {
            // Reap everything that ended (orphans reparented to us too); note the program.
            for (;;) {
                int st = 0;
                const pid_t done = ::waitpid(-1, &st, WNOHANG);
                if (done <= 0)
                    break;
                if (done == program) {
                    status = st;
                    exited = true;
                }
            }
        } else if (sig == SIGUSR1) {
            tb::engine::proc::killAll(everything, 2000);
        } else if (sig > 0 && !terminating) {
            terminating = true;
            // The engine signals the whole group; after the engine's death nobody did.
            ::kill(program, SIGTERM);
            killAt = Clock::now() + std::chrono::milliseconds(static_cast<long>(grace * 1000));
        }
    }

    // The program is gone: so is everything it started.
    tb::engine::proc::killAll(everything, 5000);
    while (::waitpid(-1, nullptr, WNOHANG) > 0) {
    }

    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    const int sig = WIFSIGNALED(status) ? WTERMSIG(status) : SIGKILL;
    // End by the same signal, so the engine sees what the program saw (no core file of ours).
    rlimit none{0, 0};
    ::setrlimit(RLIMIT_CORE, &none);
    std::signal(sig, SIG_DFL);
    ::sigprocmask(SIG_UNBLOCK, &handled, nullptr);
    ::raise(sig);
    return 128 + sig;
}
