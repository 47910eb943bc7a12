// The command builder: what a trial's argv and environment are, from the spec's templates
// and the trial's values. Pure, so every case is a row.

#include "engine/core/errors.h"
#include "engine/core/spec.h"
#include "engine/core/trial_command.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace tb::engine;

namespace {

ExperimentSpec specWith(const QByteArray& argv, const QByteArray& env = "{}")
{
    return parseSpec(R"json({"name": "c", "objective": {"metric": "loss"}, "space": [
        {"name": "lr", "type": "float", "low": 1e-5, "high": 1, "log": true},
        {"name": "opt", "type": "categorical", "choices": ["adam", "sgd", "a b;$(x)"]},
        {"name": "momentum", "type": "float", "low": 0, "high": 1, "when": {"opt": ["sgd"]}},
        {"name": "layers", "type": "int", "low": 1, "high": 8}],
        "trial": {"argv": )json" + argv + R"json(, "env": )json" + env + "}}");
}

} // namespace

class TestTrialCommand : public QObject {
    Q_OBJECT
private slots:
    void argv_data()
    {
        QTest::addColumn<QByteArray>("argv");
        QTest::addColumn<QString>("opt");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("values in place") << QByteArray(R"(["p", "--lr=${lr}", "--layers", "${layers}"])") << "adam"
                                         << QStringList{"p", "--lr=0.001", "--layers", "3"};
        QTest::newRow("inactive left out") << QByteArray(R"(["p", "--momentum=${momentum}", "--opt=${opt}"])") << "adam"
                                           << QStringList{"p", "--opt=adam"};
        QTest::newRow("active conditional") << QByteArray(R"(["p", "--momentum=${momentum}"])") << "sgd"
                                            << QStringList{"p", "--momentum=0.9"};
        QTest::newRow("one argument, never split") << QByteArray(R"(["p", "${opt}"])") << "a b;$(x)" << QStringList{"p", "a b;$(x)"};
        QTest::newRow("trial placeholders") << QByteArray(R"(["p", "${trial.dir}/out", "id=${trial.id}"])") << "adam"
                                            << QStringList{"p", "/runs/7/out", "id=42"};
        QTest::newRow("two in one") << QByteArray(R"(["p", "${opt}-${layers}"])") << "adam" << QStringList{"p", "adam-3"};
        QTest::newRow("no placeholder") << QByteArray(R"(["p", "$notone", "{lr}"])") << "adam" << QStringList{"p", "$notone", "{lr}"};
    }

    void argv()
    {
        QFETCH(QByteArray, argv);
        QFETCH(QString, opt);
        const ExperimentSpec spec = specWith(argv);
        const bool sgd = opt == QLatin1String("sgd");
        tb::algorithms::Assignment params{0.001, opt.toStdString(),
                                          sgd ? std::optional<tb::algorithms::Value>(0.9) : std::nullopt, std::int64_t{3}};
        const TrialCommand c = buildCommand(*spec.trial, spec.space, params, {42, 7, QStringLiteral("/runs/7"), QStringLiteral("tok"), std::nullopt});
        QTEST(c.argv, "expected");
    }

    void environment()
    {
        const ExperimentSpec spec = specWith(R"(["p"])", R"({"LR": "${lr}", "M": "${momentum}", "CUDA_DEVICE_ORDER": "FASTEST_FIRST"})");
        tb::algorithms::Assignment params{0.5, std::string("adam"), std::nullopt, std::int64_t{2}};
        TrialContext context{42, 7, QStringLiteral("/runs/7"), QStringLiteral("42-1-abc"), std::nullopt};
        TrialCommand c = buildCommand(*spec.trial, spec.space, params, context);
        QCOMPARE(c.env.value(QStringLiteral("LR")), QStringLiteral("0.5"));
        QCOMPARE(c.env.value(QStringLiteral("M")), QString()); // inactive: empty
        QCOMPARE(c.env.value(QStringLiteral("TUNEBENCH_TRIAL_ID")), QStringLiteral("42"));
        QCOMPARE(c.env.value(QStringLiteral("TUNEBENCH_TRIAL_NUMBER")), QStringLiteral("7"));
        QCOMPARE(c.env.value(QStringLiteral("TUNEBENCH_TRIAL_DIR")), QStringLiteral("/runs/7"));
        QCOMPARE(c.env.value(QStringLiteral("TUNEBENCH_TRIAL_TOKEN")), QStringLiteral("42-1-abc"));
        QCOMPARE(c.env.value(QStringLiteral("TUNEBENCH_PARAMS")), QStringLiteral(R"({"layers":2,"lr":0.5,"opt":"adam"})"));
        QVERIFY(!c.env.contains(QStringLiteral("CUDA_VISIBLE_DEVICES"))); // the engine does not assign GPUs

        context.gpus = std::vector<int>{};
        c = buildCommand(*spec.trial, spec.space, params, context);
        QCOMPARE(c.env.value(QStringLiteral("CUDA_VISIBLE_DEVICES"), QStringLiteral("unset")), QString()); // hides every GPU
        context.gpus = std::vector<int>{2, 0};
        c = buildCommand(*spec.trial, spec.space, params, context);
        QCOMPARE(c.env.value(QStringLiteral("CUDA_VISIBLE_DEVICES")), QStringLiteral("2,0"));
        QCOMPARE(c.env.value(QStringLiteral("CUDA_DEVICE_ORDER")), QStringLiteral("FASTEST_FIRST")); // the spec's wins
    }

    // A group of workers: torchrun's variables, ${trial.rank}, each worker its own GPUs.
    void workers()
    {
        ExperimentSpec spec = specWith(R"(["p", "--rank=${trial.rank}"])");
        spec.trial->workers = 2;
        spec.resources.gpusPerWorker = 2;
        tb::algorithms::Assignment params{0.5, std::string("adam"), std::nullopt, std::int64_t{2}};
        TrialContext context{42, 7, QStringLiteral("/runs/7"), QStringLiteral("tok"), std::vector<int>{2, 0, 3, 1}};
        context.port = 29512;
        const std::vector<TrialCommand> w = buildWorkers(*spec.trial, spec.resources, spec.space, params, context);
        QCOMPARE(w.size(), std::size_t(2));
        for (int rank : {0, 1}) {
            const TrialCommand& c = w[static_cast<std::size_t>(rank)];
            QCOMPARE(c.argv, (QStringList{QStringLiteral("p"), QStringLiteral("--rank=%1").arg(rank)}));
            QCOMPARE(c.env.value(QStringLiteral("RANK")), QString::number(rank));
            QCOMPARE(c.env.value(QStringLiteral("LOCAL_RANK")), QString::number(rank));
            QCOMPARE(c.env.value(QStringLiteral("WORLD_SIZE")), QStringLiteral("2"));
            QCOMPARE(c.env.value(QStringLiteral("LOCAL_WORLD_SIZE")), QStringLiteral("2"));
            QCOMPARE(c.env.value(QStringLiteral("MASTER_ADDR")), QStringLiteral("127.0.0.1"));
            QCOMPARE(c.env.value(QStringLiteral("MASTER_PORT")), QStringLiteral("29512"));
        }
        QCOMPARE(w[0].env.value(QStringLiteral("CUDA_VISIBLE_DEVICES")), QStringLiteral("2,0"));
        QCOMPARE(w[1].env.value(QStringLiteral("CUDA_VISIBLE_DEVICES")), QStringLiteral("3,1"));
        QCOMPARE(gpusNeeded(spec, params), 4);
        const TrialLaunch launch = launchOf(spec, params, context, 1);
        QCOMPARE(launch.workers.size(), std::size_t(2));
        QCOMPARE(QJsonDocument::fromJson(launch.handle).object().value(QStringLiteral("port")).toInt(), 29512);
    }
};

QTEST_GUILESS_MAIN(TestTrialCommand)
#include "tst_trial_command.moc"
