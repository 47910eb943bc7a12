// A Study records with each trial which sampler suggested it and why (schema 7; `auto`,
// the default algorithm, names the one it chose), and a study rebuilt from the store (a
// resume) goes on with the same points and the same choices, trials still running included.

#include "engine/core/exporters.h"
#include "engine/core/spec.h"
#include "engine/core/store.h"
#include "engine/core/study.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <memory>

using namespace tb::engine;
using tb::algorithms::TrialState;

namespace {

// No algorithm.name: auto, with a fixed seed so that two stores run alike.
QByteArray storedSpec(const QJsonObject& algorithm)
{
    const QJsonObject spec = QJsonDocument::fromJson(R"({"name": "e", "objective": {"metric": "loss"},
        "space": [{"name": "x", "type": "float", "low": 0, "high": 1},
                  {"name": "y", "type": "float", "low": -1, "high": 1}]})").object();
    QJsonObject withAlgorithm = spec;
    withAlgorithm.insert(QStringLiteral("algorithm"), algorithm);
    ParseOptions options;
    options.requireTrial = false;
    return QJsonDocument(parseSpec(withAlgorithm, options).json).toJson(QJsonDocument::Compact);
}

double loss(const TrialRow& row)
{
    const QJsonObject p = QJsonDocument::fromJson(row.params).object();
    return std::pow(p.value(QStringLiteral("x")).toDouble() - 0.3, 2) + std::pow(p.value(QStringLiteral("y")).toDouble() - 0.4, 2);
}

// Batches of four trials asked at once and told out of order (2, 0, 3, 1). With `reopenAt`,
// the Study is dropped and rebuilt from the store once that many trials exist, while the
// batch just asked still runs (as `resume` rebuilds it).
std::vector<TrialRow> run(Store& store, std::int64_t experiment, int batches, int reopenAt = -1)
{
    auto study = std::make_unique<Study>(store, *store.experiment(experiment));
    for (int b = 0; b < batches; ++b) {
        std::vector<TrialRow> asked;
        for (int k = 0; k < 4; ++k)
            asked.push_back(*study->ask());
        if (store.trialCount(experiment) == reopenAt)
            study = std::make_unique<Study>(store, *store.experiment(experiment));
        for (int k : {2, 0, 3, 1})
            study->tell(asked[static_cast<std::size_t>(k)], TrialState::Completed, loss(asked[static_cast<std::size_t>(k)]));
    }
    return store.trials(experiment);
}

} // namespace

class TestStudy : public QObject {
    Q_OBJECT

private slots:
    void recordsTheSamplerOfEachTrial()
    {
        QTemporaryDir dir;
        Store store(dir.filePath(QStringLiteral("s.db")));
        const auto id = store.createExperiment(QStringLiteral("e"), storedSpec(QJsonObject{{QStringLiteral("seed"), 3}}));
        const std::vector<TrialRow> trials = run(store, id, 4);
        QCOMPARE(trials.size(), std::size_t(16));
        for (const TrialRow& t : trials) {
            if (t.number < 10) {
                QCOMPARE(t.sampler, QStringLiteral("sobol"));
                QCOMPARE(t.samplerReason, QStringLiteral("Sobol start: point %1 of 10").arg(t.number + 1));
            } else {
                QCOMPARE(t.sampler, QStringLiteral("gp"));
                QCOMPARE(t.samplerReason,
                         QStringLiteral("2-dimensional continuous space, %1 trials so far; GP until 200 trials, then CMA-ES").arg(t.number));
            }
        }

        // Exports carry it: JSON (and so yaml and table) and CSV.
        Study study(store, *store.experiment(id));
        const QJsonArray rows = QJsonDocument::fromJson(exportTrials(study, TrialsFormat::Json)).object().value(QStringLiteral("trials")).toArray();
        QCOMPARE(rows[12].toObject().value(QStringLiteral("sampler")).toString(), QStringLiteral("gp"));
        QCOMPARE(rows[12].toObject().value(QStringLiteral("sampler_reason")).toString(), trials[12].samplerReason);
        const QList<QByteArray> csv = exportTrials(study, TrialsFormat::Csv).split('\n');
        QVERIFY2(csv[0].endsWith(",duration_s,sampler,sampler_reason"), csv[0].constData());
        QVERIFY2(csv[1].endsWith(",sobol,Sobol start: point 1 of 10"), csv[1].constData());
        QVERIFY2(csv[13].endsWith(",gp,\"2-dimensional continuous space, 12 trials so far; GP until 200 trials, then CMA-ES\""), csv[13].constData());
    }

    void namedAlgorithmRecordsItsName()
    {
        QTemporaryDir dir;
        Store store(dir.filePath(QStringLiteral("s.db")));
        const auto id = store.createExperiment(QStringLiteral("e"), storedSpec(QJsonObject{{QStringLiteral("name"), QStringLiteral("tpe")}, {QStringLiteral("seed"), 3}}));
        for (const TrialRow& t : run(store, id, 3)) {
            QCOMPARE(t.sampler, QStringLiteral("tpe"));
            QCOMPARE(t.samplerReason, QString());
        }
    }

    // A resume (the study rebuilt from the store with four trials running) goes on exactly
    // as the uninterrupted run: same points, same samplers, same reasons, through the switch
    // from GP to CMA-ES.
    void resumeMakesTheSameChoices()
    {
        QTemporaryDir dir;
        const QJsonObject algorithm{{QStringLiteral("seed"), 9}, {QStringLiteral("settings"), QJsonObject{{QStringLiteral("gp_max_trials"), 20}}}};
        Store straight(dir.filePath(QStringLiteral("a.db")));
        Store resumed(dir.filePath(QStringLiteral("b.db")));
        const std::vector<TrialRow> a = run(straight, straight.createExperiment(QStringLiteral("e"), storedSpec(algorithm)), 8);
        const std::vector<TrialRow> b = run(resumed, resumed.createExperiment(QStringLiteral("e"), storedSpec(algorithm)), 8, 20);
        QCOMPARE(a.size(), std::size_t(32));
        QCOMPARE(b.size(), a.size());
        QStringList used;
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(b[i].params, a[i].params);
            QCOMPARE(b[i].sampler, a[i].sampler);
            QCOMPARE(b[i].samplerReason, a[i].samplerReason);
            if (!used.contains(a[i].sampler))
                used << a[i].sampler;
        }
        QCOMPARE(used, QStringList({"sobol", "gp", "cmaes"}));
    }
};

QTEST_GUILESS_MAIN(TestStudy)
#include "tst_study.moc"
