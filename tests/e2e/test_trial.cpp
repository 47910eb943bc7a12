// A trial program for the end-to-end tests. What it does is chosen by its arguments:
//   --value=X        print `loss=X` (after --steps intermediate lines)
//   --steps=N        print N lines `step=k loss=...` first
//   --sleep-ms=MS    sleep before finishing (per step when --steps is given)
//   --exit=N         exit with status N
//   --crash          abort() (SIGABRT)
//   --silent         print no objective
//   --record=FILE    append "<TUNEBENCH_TRIAL_ID>\n" to FILE at start
//   --argv-to=FILE   write every argument, one per line, to FILE, then
//                    "PARAMS <TUNEBENCH_PARAMS>" and "CUDA <CUDA_VISIBLE_DEVICES or UNSET>"
//   --bad-from=N     trials numbered N or more add 100 to the value (clearly bad at every step)
//   --mode=M         ok | timeout (sleeps 60 s) | crash | silent | exit3 | nan
//   --print=NAME=V   print `NAME=V` after the objective (repeatable: more metrics)
// Anything else is ignored (and recorded by --argv-to).

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string value, record, argvTo;
    std::vector<std::string> prints;
    int steps = 0, sleepMs = 0, exitCode = 0, badFrom = -1;
    bool crash = false, silent = false;
    auto opt = [](const std::string& a, const char* name, std::string& out) {
        const std::string prefix = std::string(name) + "=";
        if (a.rfind(prefix, 0) != 0)
            return false;
        out = a.substr(prefix.size());
        return true;
    };
    for (const std::string& a : args) {
        std::string v;
        if (opt(a, "--value", v)) value = v;
        else if (opt(a, "--steps", v)) steps = std::stoi(v);
        else if (opt(a, "--sleep-ms", v)) sleepMs = std::stoi(v);
        else if (opt(a, "--exit", v)) exitCode = std::stoi(v);
        else if (opt(a, "--bad-from", v)) badFrom = std::stoi(v);
        else if (opt(a, "--record", v)) record = v;
        else if (opt(a, "--argv-to", v)) argvTo = v;
        else if (opt(a, "--print", v)) prints.push_back(v);
        else if (opt(a, "--mode", v)) {
            if (v == "timeout") sleepMs = 60000;
            else if (v == "crash") crash = true;
            else if (v == "silent") silent = true;
            else if (v == "exit3") exitCode = 3;
            else if (v == "nan") value = "nan";
        }
        else if (a == "--crash") crash = true;
        else if (a == "--silent") silent = true;
    }
    const char* id = std::getenv("TUNEBENCH_TRIAL_ID");
    if (!record.empty())
        if (FILE* f = std::fopen(record.c_str(), "a")) {
            std::fprintf(f, "%s\n", id ? id : "?");
            std::fclose(f);
        }
    if (!argvTo.empty())
        if (FILE* f = std::fopen(argvTo.c_str(), "w")) {
            for (const std::string& a : args)
                std::fprintf(f, "%s\n", a.c_str());
            const char* params = std::getenv("TUNEBENCH_PARAMS");
            std::fprintf(f, "PARAMS %s\n", params ? params : "");
            const char* cuda = std::getenv("CUDA_VISIBLE_DEVICES");
            std::fprintf(f, "CUDA %s\n", cuda ? cuda : "UNSET");
            std::fclose(f);
        }
    const char* number = std::getenv("TUNEBENCH_TRIAL_NUMBER");
    double x = value.empty() ? 1.0 : std::strtod(value.c_str(), nullptr);
    if (badFrom >= 0 && number && std::atoi(number) >= badFrom) {
        x += 100;
        value = std::to_string(x);
    }
    for (int k = 0; k < steps; ++k) {
        if (sleepMs)
            std::this_thread::sleep_for(std::chrono::milliseconds(sleepMs));
        std::printf("step=%d loss=%.17g\n", k, x + (steps - k));
        std::fflush(stdout);
    }
    if (!steps && sleepMs)
        std::this_thread::sleep_for(std::chrono::milliseconds(sleepMs));
    std::printf("some log text that is not a metric\n");
    if (crash)
        std::abort();
    if (!silent && !value.empty())
        std::printf("loss=%s\n", value.c_str());
    for (const std::string& p : prints)
        std::printf("%s\n", p.c_str());
    std::fflush(stdout);
    return exitCode;
}
