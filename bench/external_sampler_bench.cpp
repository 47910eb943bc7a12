// What the external-sampler protocol costs per suggestion (docs/performance.md): 1000
// finished trials of 16 float parameters with 5 reports each, then suggestions one after
// another, each followed by one more finished trial, through a sampler process that does
// nothing but parse the requests and answer (bench/trivial_sampler.py) — so the figure is
// the protocol's: building and writing the request, the pipe both ways, the Python side's
// JSON, reading and checking the answer. Whole requests against incremental ones, and the
// built-in random sampler in-process as the floor.
//
// Usage: tb-bench-external-sampler [PYTHON] [SCRIPT]   (prints one JSON object)

#include "bench/timing.h"
#include "engine/core/external_sampler.h"
#include "engine/core/spec.h"

#include "algorithms/sampler.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <cstdio>
#include <random>

using namespace tb;

namespace {

constexpr int kParams = 16;
constexpr int kHistory = 1000;
constexpr int kReports = 5;
constexpr int kWarmup = 20;
constexpr int kSamples = 300;

engine::ExperimentSpec makeSpec(const QStringList& command)
{
    QJsonArray space;
    for (int i = 0; i < kParams; ++i)
        space.append(QJsonObject{{"name", QStringLiteral("p%1").arg(i)}, {"type", "float"}, {"low", 0.0}, {"high", 1.0}});
    const QJsonObject json{{"name", "bench"},
                           {"objective", QJsonObject{{"metric", "loss"}}},
                           {"space", space},
                           {"algorithm", QJsonObject{{"name", "external"}, {"seed", 1}, {"command", QJsonArray::fromStringList(command)}}}};
    engine::ParseOptions options;
    options.requireTrial = false;
    return engine::parseSpec(json, options);
}

algorithms::TrialRecord finished(std::int64_t number, std::mt19937_64& rng)
{
    std::uniform_real_distribution<double> u(0, 1);
    algorithms::TrialRecord t;
    t.number = number;
    for (int i = 0; i < kParams; ++i)
        t.params.emplace_back(u(rng));
    t.state = algorithms::TrialState::Completed;
    t.value = u(rng);
    for (int s = 1; s <= kReports; ++s)
        t.intermediate.emplace_back(s, u(rng));
    return t;
}

QJsonObject measure(const QStringList& command, const QString& log)
{
    const engine::ExperimentSpec spec = makeSpec(command);
    auto sampler = engine::makeExternalSampler(spec, log);
    std::mt19937_64 rng(3);
    algorithms::History history;
    for (int n = 0; n < kHistory; ++n)
        history.finished.push_back(finished(n, rng));
    std::int64_t next = kHistory;
    auto one = [&](int) {
        if (!sampler->suggest(history, next))
            qFatal("no suggestion");
        history.finished.push_back(finished(next++, rng));
    };
    for (int i = 0; i < kWarmup; ++i)
        one(i);
    return bench::summary(bench::repeat(kSamples, one));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QString python = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("python3");
    const QString script = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral(TUNEBENCH_SOURCE_DIR "/bench/trivial_sampler.py");
    QTemporaryDir dir;
    QJsonObject out{{"trials", kHistory}, {"params", kParams}, {"reports_per_trial", kReports}};
    out.insert("incremental", measure({python, script, QStringLiteral("--incremental")}, dir.filePath("inc.log")));
    out.insert("whole", measure({python, script}, dir.filePath("whole.log")));

    // The floor: the built-in random sampler, in-process, on the same history.
    algorithms::SearchSpace space = makeSpec({python}).space;
    auto random = algorithms::findSampler("random")->create(space, 1, {});
    std::mt19937_64 rng(3);
    algorithms::History history;
    for (int n = 0; n < kHistory; ++n)
        history.finished.push_back(finished(n, rng));
    out.insert("builtin_random", bench::summary(bench::repeat(kSamples, [&](int i) { random->suggest(history, kHistory + i); })));
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
    return 0;
}
