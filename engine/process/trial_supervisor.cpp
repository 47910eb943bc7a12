// tunebench-trial: the supervisor between the engine and one trial's program.
//
//   tunebench-trial --grace SECONDS -- PROGRAM [ARGS...]
//   tunebench-trial --grace SECONDS --job FILE     (FILE: the JSON below, one line)
//   tunebench-trial --task JOBFILE (one task of a Slurm job's srun: a group's rank)
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
// "grace": S, "end": FILE}, or for a group of workers (trial.workers) {"workers": [{"argv",
// "env"}, ...], "metrics_rank": R, "dir": TRIAL_DIR, ...}: the workers start at once, the
// metrics rank's output is the supervisor's, every other rank's goes to DIR/rank-K.log, and
// the group lives and dies as one (the first that fails ends the others, and the end record
// names it: "rank 1 exited with code 3"). Values reach the program as one argument each, whatever they
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
#include <fcntl.h>
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

struct Worker {
    std::vector<std::string> argv;
    std::vector<std::pair<std::string, std::string>> env; // set in the worker only
    pid_t pid = 0;
    bool done = false;
    int status = 0;
};

struct Job {
    std::vector<Worker> workers; // one, or trial.workers ranks
    int metricsRank = 0;         // its output is ours (the engine reads it); the others' go to files
    std::string dir;             // where rank-K.log of the other ranks go
    std::string endFile;
    double grace = 3;
};

// How long the other workers of a group may take to exit once one has finished well: a
// data-parallel group's teardown (process group destruction, interpreter exit) takes
// seconds on a loaded machine, so at least 30 s, or the kill grace when that is longer.
double afterOthers(const Job& job)
{
    return std::max(job.grace, 30.0);
}

// Reads a job description: a JSON object, alone in FILE or as the third line of a job file
// (after "#!..." and a comment). Sets the environment and working folder it names.
bool readJob(const char* path, Job& job)
{
    std::ifstream in(path);
    std::string line, json;
    if (!std::getline(in, line))
        return false;
    if (line.rfind("#!", 0) == 0) {
        if (!std::getline(in, line) || !std::getline(in, json))
            return false;
    } else {
        json = line;
    }
    try {
        const nlohmann::json j = nlohmann::json::parse(json);
        auto readWorker = [](const nlohmann::json& w) {
            Worker out;
            for (const auto& a : w.at("argv"))
                out.argv.push_back(a.get<std::string>());
            if (const auto env = w.find("env"); env != w.end() && env->is_object())
                for (auto it = env->begin(); it != env->end(); ++it)
                    out.env.emplace_back(it.key(), it.value().get<std::string>());
            return out;
        };
        if (const auto workers = j.find("workers"); workers != j.end())
            for (const auto& w : *workers)
                job.workers.push_back(readWorker(w));
        else
            job.workers.push_back(readWorker(j));
        job.metricsRank = j.value("metrics_rank", 0);
        job.dir = j.value("dir", std::string());
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
    return !job.workers.empty() && !job.workers.front().argv.empty() && job.metricsRank >= 0
        && job.metricsRank < static_cast<int>(job.workers.size());
}

std::string describe(int rank, int status, bool several)
{
    const std::string who = several ? "rank " + std::to_string(rank) + " " : "";
    if (WIFEXITED(status))
        return who + "exited with code " + std::to_string(WEXITSTATUS(status));
    return who + "was killed by signal " + std::to_string(WIFSIGNALED(status) ? WTERMSIG(status) : SIGKILL);
}

void writeEnd(const std::string& file, int status, double startedMs, const std::string& reason, int failedRank)
{
    if (file.empty())
        return;
    nlohmann::json j;
    if (WIFEXITED(status))
        j["exit"] = WEXITSTATUS(status);
    else
        j["signal"] = WIFSIGNALED(status) ? WTERMSIG(status) : SIGKILL;
    if (!reason.empty()) {
        j["reason"] = reason;
        j["failed_rank"] = failedRank;
    }
    j["started_ms"] = startedMs;
    j["ended_ms"] = nowMs();
    const std::string tmp = file + ".tmp";
    {
        std::ofstream out(tmp);
        out << j.dump() << '\n';
    }
    std::rename(tmp.c_str(), file.c_str());
}

pid_t startWorker(Worker& w, int rank, const Job& job, const sigset_t& original)
{
    const pid_t pid = ::fork();
    if (pid != 0)
        return pid;
    ::sigprocmask(SIG_SETMASK, &original, nullptr);
    for (const auto& [name, value] : w.env)
        ::setenv(name.c_str(), value.c_str(), 1);
    if (rank != job.metricsRank) { // the engine reads one rank; every other one keeps its own log
        const std::string log = (job.dir.empty() ? std::string(".") : job.dir) + "/rank-" + std::to_string(rank) + ".log";
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (fd >= 0) {
            ::dup2(fd, 1);
            ::dup2(fd, 2);
        }
    }
    std::vector<char*> argv;
    for (std::string& a : w.argv)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execvp(argv[0], argv.data()); // a path, or a name on the node's PATH (a job)
    std::fprintf(stderr, "tunebench-trial: cannot run %s: %s\n", argv[0], std::strerror(errno));
    std::_Exit(127);
}

std::string env(const char* name, const std::string& fallback = {})
{
    const char* v = std::getenv(name);
    return v && *v ? v : fallback;
}

std::string selfPath()
{
    char buf[4096];
    const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string("tunebench-trial");
}

// A group of workers in a Slurm job is one job of N tasks: the batch step runs srun, which
// starts this program once per task (`--task JOBFILE`); each task runs its rank's command
// with torchrun's variables derived from Slurm's. srun ends the others when one fails.
void asSrunStep(Job& job, const char* jobFile)
{
    const std::string jobId = env("SLURM_JOB_ID", "0");
    const std::string port = std::to_string(15000 + std::stoll(jobId) % 20000); // one per job, known to every task
    ::setenv("MASTER_PORT", port.c_str(), 1);
    Worker srun;
    srun.argv = {"srun", "--ntasks=" + std::to_string(job.workers.size()), "--kill-on-bad-exit=1", "--export=ALL", selfPath(),
                 "--task", jobFile};
    job.workers = {srun};
    job.metricsRank = 0;
}

// One task of that srun: its rank's command and environment, its output to rank-K.log
// unless it is the metrics rank.
bool asTask(Job& job)
{
    const int rank = std::stoi(env("SLURM_PROCID", "0"));
    if (rank < 0 || rank >= static_cast<int>(job.workers.size()))
        return false;
    Worker mine = job.workers[static_cast<std::size_t>(rank)];
    for (auto& [name, value] : mine.env) {
        if (name == "RANK") value = std::to_string(rank);
        else if (name == "LOCAL_RANK") value = env("SLURM_LOCALID", value);
        else if (name == "WORLD_SIZE") value = env("SLURM_NTASKS", value);
        else if (name == "LOCAL_WORLD_SIZE") value = env("SLURM_NTASKS_PER_NODE", env("SLURM_TASKS_PER_NODE", value));
        else if (name == "MASTER_ADDR") value = env("SLURM_LAUNCH_NODE_IPADDR", value);
        else if (name == "MASTER_PORT") value = env("MASTER_PORT", value);
        else if (name == "GROUP_RANK") value = env("SLURM_NODEID", value);
    }
    const int metricsRank = job.metricsRank;
    job.workers = {mine};
    // Redirected here rather than by startWorker: this task has one worker, rank 0 of its own.
    if (rank != metricsRank) {
        const std::string log = (job.dir.empty() ? std::string(".") : job.dir) + "/rank-" + std::to_string(rank) + ".log";
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (fd >= 0) {
            ::dup2(fd, 1);
            ::dup2(fd, 2);
        }
    }
    job.metricsRank = 0;
    job.endFile = job.endFile.empty() ? std::string() : job.endFile + ".rank-" + std::to_string(rank);
    return true;
}

// After srun: the first rank that failed, by its end record (each task wrote one).
std::string failedTask(const std::string& endFile, std::size_t ranks, int& failedRank)
{
    double first = 0;
    std::string reason;
    for (std::size_t r = 0; r < ranks; ++r) {
        std::ifstream in(endFile + ".rank-" + std::to_string(r));
        nlohmann::json j;
        try {
            in >> j;
        } catch (const std::exception&) {
            continue;
        }
        const bool failed = j.contains("signal") || j.value("exit", 0) != 0;
        const double at = j.value("ended_ms", 0.0);
        if (failed && (reason.empty() || at < first)) {
            first = at;
            failedRank = static_cast<int>(r);
            reason = "rank " + std::to_string(r) + (j.contains("signal") ? " was killed by signal " + std::to_string(j.value("signal", 0))
                                                                           : " exited with code " + std::to_string(j.value("exit", 0)));
        }
    }
    return reason;
}

} // namespace

int main(int argc, char** argv)
{
    const double startedMs = nowMs();
    Job job;
    std::size_t srunRanks = 0; // the batch step of a Slurm group: srun runs this many tasks
    if (argc == 2 && std::string(argv[1]).rfind("--", 0) != 0) {
        if (!readJob(argv[1], job)) // a cluster job file
            return 127;
        if (job.workers.size() > 1) {
            srunRanks = job.workers.size();
            asSrunStep(job, argv[1]);
        }
    } else if (argc == 3 && std::string(argv[1]) == "--task") {
        if (!readJob(argv[2], job) || !asTask(job))
            return 127;
    } else {
        int first = 1;
        for (; first < argc; ++first) {
            const std::string a = argv[first];
            if (a == "--") {
                ++first;
                break;
            }
            if (a == "--grace" && first + 1 < argc) {
                job.grace = std::strtod(argv[++first], nullptr);
            } else if (a == "--job" && first + 1 < argc) {
                const double grace = job.grace;
                if (!readJob(argv[++first], job))
                    return 127;
                job.grace = grace;
            } else {
                return usage();
            }
        }
        if (job.workers.empty()) {
            if (first >= argc)
                return usage();
            job.workers.push_back({std::vector<std::string>(argv + first, argv + argc), {}, 0, false, 0});
        }
    }
    const bool several = job.workers.size() > 1;

    ::prctl(PR_SET_CHILD_SUBREAPER, 1);
    sigset_t handled;
    sigemptyset(&handled);
    for (int s : {SIGCHLD, SIGTERM, SIGINT, SIGHUP, SIGUSR1})
        sigaddset(&handled, s);
    sigset_t original;
    ::sigprocmask(SIG_BLOCK, &handled, &original);

    const char* tokenText = std::getenv("TUNEBENCH_TRIAL_TOKEN");
    tb::engine::proc::Match everything;
    everything.token = tokenText ? tokenText : "";
    everything.group = ::getpgrp() == ::getpid() ? ::getpid() : 0; // the engine makes us a group leader
    everything.root = ::getpid();
    everything.exclude = ::getpid();

    for (std::size_t r = 0; r < job.workers.size(); ++r) {
        job.workers[r].pid = startWorker(job.workers[r], static_cast<int>(r), job, original);
        if (job.workers[r].pid < 0) {
            std::fprintf(stderr, "tunebench-trial: cannot start rank %zu: %s\n", r, std::strerror(errno));
            tb::engine::proc::killAll(everything, 2000);
            return 127;
        }
    }

    // The group lives and dies as one: the first worker that fails ends the others (SIGTERM,
    // SIGKILL after the grace); once one has finished, the others get the grace to follow.
    int failedRank = -1;
    std::string reason;
    std::size_t running = job.workers.size();
    bool terminating = false;
    Clock::time_point killAt = Clock::time_point::max();
    auto endOthers = [&] {
        for (Worker& w : job.workers)
            if (!w.done)
                ::kill(w.pid, SIGTERM);
        killAt = std::min(killAt, Clock::now() + std::chrono::milliseconds(static_cast<long>(job.grace * 1000)));
    };
    while (running > 0) {
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
            if (failedRank < 0 && !terminating)
                for (std::size_t r = 0; r < job.workers.size(); ++r)
                    if (!job.workers[r].done) {
                        failedRank = static_cast<int>(r);
                        reason = "rank " + std::to_string(r) + " did not exit within " + std::to_string(static_cast<int>(afterOthers(job)))
                            + " s after the others finished";
                        break;
                    }
            tb::engine::proc::killAll(everything, 2000);
            killAt = Clock::time_point::max();
            continue;
        }
        if (sig == SIGCHLD) {
            // Reap everything that ended (orphans reparented to us too); note the workers.
            for (;;) {
                int st = 0;
                const pid_t done = ::waitpid(-1, &st, WNOHANG);
                if (done <= 0)
                    break;
                for (std::size_t r = 0; r < job.workers.size(); ++r) {
                    Worker& w = job.workers[r];
                    if (w.pid != done || w.done)
                        continue;
                    w.done = true;
                    w.status = st;
                    --running;
                    const bool ok = WIFEXITED(st) && WEXITSTATUS(st) == 0;
                    if (!ok && failedRank < 0 && !terminating) {
                        failedRank = static_cast<int>(r);
                        reason = describe(static_cast<int>(r), st, several);
                    }
                    if (running > 0 && !ok)
                        endOthers();
                    else if (running > 0) // the others finish too, within afterOthers()
                        killAt = std::min(killAt, Clock::now() + std::chrono::milliseconds(static_cast<long>(afterOthers(job) * 1000)));
                }
            }
        } else if (sig == SIGUSR1) {
            tb::engine::proc::killAll(everything, 2000);
        } else if (sig > 0 && !terminating) {
            terminating = true;
            // The engine signals the whole group; after the engine's death nobody did.
            endOthers();
        }
    }

    // The workers are gone: so is everything they started. As a subreaper we are an
    // ancestor of every process they started that still lives, so when we have no child
    // left there is nothing to end and no need to scan /proc (the common case, and fast).
    while (::waitpid(-1, nullptr, WNOHANG) > 0) {
    }
    if (!(::waitpid(-1, nullptr, WNOHANG) < 0 && errno == ECHILD)) {
        everything.token.clear(); // descendants and the group find them all while we live
        tb::engine::proc::killAll(everything, 5000);
        while (::waitpid(-1, nullptr, WNOHANG) > 0) {
        }
    }
    // The group's status: the failed worker's, else the metrics rank's.
    int status = job.workers[static_cast<std::size_t>(failedRank >= 0 ? failedRank : job.metricsRank)].status;
    if (failedRank >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
        status = SIGKILL; // it hung after the others finished: killed
    if (srunRanks > 0 && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
        reason = failedTask(job.endFile, srunRanks, failedRank);
    if ((several || srunRanks > 0) && !reason.empty())
        std::fprintf(stderr, "tunebench-trial: %s\n", reason.c_str());
    writeEnd(job.endFile, status, startedMs, several || srunRanks > 0 ? reason : std::string(), failedRank);

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
