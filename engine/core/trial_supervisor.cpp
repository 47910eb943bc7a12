// tunebench-trial: the supervisor between the engine and one trial's program.
//
//   tunebench-trial --grace SECONDS -- PROGRAM [ARGS...]
//   tunebench-trial JOBFILE        (a cluster job: JOBFILE starts with #!.../tunebench-trial,
//                                   so the batch system runs it with no shell in between)
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
//
// A job file's third line is one JSON object: {"argv": [...], "env": {...}, "workdir": ...,
// "grace": S, "end": FILE}. Values reach the program as one argument each, whatever they
// hold; when the program has ended, FILE gets {"exit": N} or {"signal": N} with the start
// and end times (written to a temporary name, then renamed), which is how the engine learns
// how a job ended on any node of a shared file system.

#include "process_tree.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
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

double nowMs()
{
    using namespace std::chrono;
    return static_cast<double>(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
}

struct Job {
    std::vector<std::string> argv;
    std::string endFile;
    double grace = 3;
};

// Reads a job file: sets the environment and working folder it names; false with a message
// when it is not one.
bool readJobFile(const char* path, Job& job)
{
    std::ifstream in(path);
    std::string shebang, comment, json;
    if (!std::getline(in, shebang) || shebang.rfind("#!", 0) != 0 || !std::getline(in, comment) || !std::getline(in, json))
        return false;
    try {
        const nlohmann::json j = nlohmann::json::parse(json);
        for (const auto& a : j.at("argv"))
            job.argv.push_back(a.get<std::string>());
        if (const auto env = j.find("env"); env != j.end() && env->is_object())
            for (auto it = env->begin(); it != env->end(); ++it)
                ::setenv(it.key().c_str(), it.value().get<std::string>().c_str(), 1);
        job.endFile = j.value("end", std::string());
        job.grace = j.value("grace", 3.0);
        const std::string workdir = j.value("workdir", std::string());
        if (!workdir.empty() && ::chdir(workdir.c_str()) != 0) {
            std::fprintf(stderr, "tunebench-trial: cannot enter %s: %s\n", workdir.c_str(), std::strerror(errno));
            return false;
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "tunebench-trial: %s is not a job file: %s\n", path, e.what());
        return false;
    }
    return !job.argv.empty();
}

void writeEnd(const std::string& file, int status, double startedMs)
{
    if (file.empty())
        return;
    nlohmann::json j;
    if (WIFEXITED(status))
        j["exit"] = WEXITSTATUS(status);
    else
        j["signal"] = WIFSIGNALED(status) ? WTERMSIG(status) : SIGKILL;
    j["started_ms"] = startedMs;
    j["ended_ms"] = nowMs();
    const std::string tmp = file + ".tmp";
    {
        std::ofstream out(tmp);
        out << j.dump() << '\n';
    }
    std::rename(tmp.c_str(), file.c_str());
}

} // namespace

int main(int argc, char** argv)
{
    const double startedMs = nowMs();
    double grace = 3;
    int first = 1;
    Job job;
    std::vector<char*> jobArgv;
    if (argc == 2 && std::string(argv[1]).rfind("--", 0) != 0) {
        if (!readJobFile(argv[1], job))
            return 127;
        grace = job.grace;
        for (std::string& a : job.argv)
            jobArgv.push_back(a.data());
        jobArgv.push_back(nullptr);
        argv = jobArgv.data();
        argc = static_cast<int>(job.argv.size());
        first = 0;
    } else {
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
    }

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
        ::execvp(argv[first], argv + first); // a path, or a name on the node's PATH (a job)
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

    // The program is gone: so is everything it started. As a subreaper we are an ancestor
    // of every process it started that still lives, so when we have no child left there is
    // nothing to end and no need to scan /proc (the common case, and the fast one).
    while (::waitpid(-1, nullptr, WNOHANG) > 0) {
    }
    if (!(::waitpid(-1, nullptr, WNOHANG) < 0 && errno == ECHILD)) {
        everything.token.clear(); // descendants and the group find them all while we live
        tb::engine::proc::killAll(everything, 5000);
        while (::waitpid(-1, nullptr, WNOHANG) > 0) {
        }
    }
    writeEnd(job.endFile, status, startedMs);

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
