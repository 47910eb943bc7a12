// Suggest latency of the model-based samplers themselves (no store, no process), set up as
// ../shared/bench/optuna_baseline.py's latency(): N completed trials with uniform random
// parameters in [0, 1]^D and uniform random values, then repeated suggest + record (the new
// trial's value is the sum of its parameters), timing each suggest.
// Usage: tb-bench-samplers [SUGGESTS [LABEL]]   (default 30 suggests, every case; LABEL runs only
// the cases labelled so, e.g. tpe_univariate. Prints JSON: wall median/mean/min ms, and the
// median CPU time of the suggesting thread, which other processes on the machine barely change)

#include "algorithms/sampler.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <numeric>
#include <random>
#include <string>
#include <time.h>
#include <vector>

using namespace tb::algorithms;

namespace {

struct Timing {
    double median = 0, mean = 0, min = 0;
    double cpuMedian = 0; // CPU time of this thread: what the suggest costs, whatever else runs
};

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) * 1e-6;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// selfFill: the history's parameters are the sampler's own suggestions (as in a real run, where
// the points cluster), not uniform draws; the values are uniform draws either way.
Timing measure(const std::string& name, const Settings& given, int nHist, int dims, int suggests, bool selfFill)
{
    std::vector<Param> params;
    for (int i = 0; i < dims; ++i) {
        Param p;
        p.name = "x" + std::to_string(i);
        p.type = ParamType::Float;
        p.low = 0.0;
        p.high = 1.0;
        params.push_back(p);
    }
    const SearchSpace space(params);
    const SamplerInfo* info = findSampler(name);
    if (!info) {
        std::fprintf(stderr, "no sampler %s\n", name.c_str());
        std::exit(2);
    }
    auto sampler = info->create(space, 0, resolveSettings(info->settings, given, "algorithm.settings"));

    History h;
    std::mt19937_64 rng(0);
    std::uniform_real_distribution<double> unif(0.0, 1.0);
    for (int t = 0; t < nHist; ++t) {
        TrialRecord r;
        r.number = t;
        r.state = TrialState::Completed;
        if (selfFill)
            r.params = *sampler->suggest(h, t);
        else
            for (int i = 0; i < dims; ++i)
                r.params.emplace_back(std::in_place, std::in_place_type<double>, unif(rng));
        r.value = unif(rng);
        h.finished.push_back(std::move(r));
    }
    std::vector<double> ms, cpu;
    for (int s = 0; s < suggests; ++s) {
        const std::int64_t number = nHist + s;
        const double c0 = threadCpuMs();
        const auto t0 = std::chrono::steady_clock::now();
        auto a = sampler->suggest(h, number);
        const auto t1 = std::chrono::steady_clock::now();
        cpu.push_back(threadCpuMs() - c0);
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        TrialRecord r;
        r.number = number;
        r.state = TrialState::Completed;
        double sum = 0;
        for (const auto& v : *a)
            sum += *numericValue(*v);
        r.params = *a;
        r.value = sum;
        h.finished.push_back(std::move(r));
    }
    Timing t;
    t.mean = std::accumulate(ms.begin(), ms.end(), 0.0) / static_cast<double>(ms.size());
    t.median = median(ms);
    t.min = *std::min_element(ms.begin(), ms.end());
    t.cpuMedian = median(cpu);
    return t;
}

std::string loadavg()
{
    std::ifstream f("/proc/loadavg");
    std::string a, b, c;
    f >> a >> b >> c;
    return a + " " + b + " " + c;
}

} // namespace

int main(int argc, char** argv)
{
    const int suggests = argc > 1 ? std::atoi(argv[1]) : 30;
    const std::string only = argc > 2 ? argv[2] : ""; // run only the cases with this label
    struct Case {
        std::string label, sampler;
        Settings settings;
        int nHist, dims;
        bool selfFill = false;
    };
    std::vector<Case> cases;
    for (int n : {100, 500, 1000})
        for (int d : {4, 16})
            cases.push_back({"tpe", "tpe", {}, n, d});
    cases.push_back({"tpe_univariate", "tpe", {{"multivariate", Value(false)}}, 1000, 16});
    cases.push_back({"tpe_optuna31", "tpe",
                     {{"multivariate", Value(false)}, {"startup", Value(std::string("random"))},
                      {"categorical_prior_weight", Value(1.0)}},
                     1000, 16});
    cases.push_back({"tpe_scott", "tpe", {{"bandwidth", Value(std::string("scott"))}}, 1000, 16});
    for (int n : {100, 300})
        for (int d : {4, 16})
            cases.push_back({"gp", "gp", {}, n, d});
    cases.push_back({"cmaes", "cmaes", {}, 1000, 16});
    cases.push_back({"tpe", "tpe", {}, 1000, 16, true});
    cases.push_back({"gp", "gp", {}, 300, 16, true});
    if (!only.empty())
        std::erase_if(cases, [&](const Case& c) { return c.label != only; });

    std::printf("{\n \"suggests_per_case\": %d,\n \"loadavg_before\": \"%s\",\n \"cases\": [\n", suggests,
                loadavg().c_str());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const Case& c = cases[i];
        const Timing t = measure(c.sampler, c.settings, c.nHist, c.dims, suggests, c.selfFill);
        std::printf("  {\"sampler\": \"%s\", \"history\": \"%s\", \"n\": %d, \"d\": %d, \"median_ms\": %.4f, \"mean_ms\": %.4f, "
                    "\"min_ms\": %.4f, \"cpu_median_ms\": %.4f, \"loadavg\": \"%s\"}%s\n",
                    c.label.c_str(), c.selfFill ? "own suggestions" : "uniform", c.nHist, c.dims, t.median, t.mean, t.min, t.cpuMedian, loadavg().c_str(),
                    i + 1 < cases.size() ? "," : "");
        std::fflush(stdout);
    }
    std::printf(" ]\n}\n");
    return 0;
}
