// Trials per second through the whole engine: sampler, SQLite store (WAL), a real child
// process per trial, metric parsing, and the final write. The trial is a trivial command
// (/bin/echo printing the objective). Usage: tb-bench-engine [TRIALS] [PARALLEL]

#include "engine/core/engine.h"
#include "engine/core/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int trials = argc > 1 ? std::atoi(argv[1]) : 2000;
    const int parallel = argc > 2 ? std::atoi(argv[2]) : 4;
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("bench.db"));
    const QByteArray spec = QStringLiteral(R"({"name": "bench", "objective": {"metric": "loss"},
        "space": [{"name": "x", "type": "float", "low": 0, "high": 1}],
        "algorithm": {"name": "random", "seed": 1}, "budget": {"max_trials": %1},
        "resources": {"parallel_trials": %2}, "trial": {"argv": ["/bin/echo", "loss=${x}"], "workdir": "%3"}})")
                                .arg(trials)
                                .arg(parallel)
                                .arg(dir.path())
                                .toUtf8();
    {
        tb::engine::Store store(db);
        store.createExperiment(QStringLiteral("bench"), spec);
    }
    tb::engine::Engine engine(db, QStringLiteral("bench"));
    engine.prepare();
    QElapsedTimer clock;
    QObject::connect(&engine, &tb::engine::Engine::finished, &app, [&] { app.quit(); });
    QTimer::singleShot(0, &engine, [&] {
        clock.start();
        engine.start();
    });
    app.exec();
    const double seconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
    const auto counts = engine.counts();
    std::printf("{\"trials\": %lld, \"completed\": %lld, \"parallel\": %d, \"seconds\": %.3f, \"trials_per_s\": %.1f}\n",
                static_cast<long long>(counts.total()), static_cast<long long>(counts.completed), parallel, seconds,
                static_cast<double>(counts.completed) / seconds);
    return counts.completed == trials ? 0 : 1;
}
