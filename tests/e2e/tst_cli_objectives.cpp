// Several objectives and constraints end to end (issue 17): the engine reads every objective
// and constrained metric from real trial processes, serve and tell take "values", and
// status, best and export show the feasible Pareto set with its hypervolume.

#include "cli_support.h"

#include <QTest>
#include <algorithm>
#include <cmath>

using namespace tb::test;

namespace {

QJsonObject objective(const char* metric, const char* direction, std::optional<double> reference = std::nullopt)
{
    QJsonObject o{{QStringLiteral("metric"), QLatin1String(metric)}, {QStringLiteral("direction"), QLatin1String(direction)}};
    if (reference)
        o.insert(QStringLiteral("reference"), *reference);
    return o;
}

QJsonArray floatXY()
{
    return QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("type"), QStringLiteral("float")},
                                  {QStringLiteral("low"), 0}, {QStringLiteral("high"), 1}},
                      QJsonObject{{QStringLiteral("name"), QStringLiteral("y")}, {QStringLiteral("type"), QStringLiteral("float")},
                                  {QStringLiteral("low"), 0}, {QStringLiteral("high"), 1}}};
}

// Minimize loss = x, maximize acc = y, with mem = y at most 0.6: the trade-off the test trial
// prints, and its reference point (loss 1, acc 0).
QJsonObject tradeOffSpec(const QString& name, int trials)
{
    QJsonObject spec = specWith(name, floatXY(), {QStringLiteral("--value=${x}"), QStringLiteral("--print=acc=${y}"), QStringLiteral("--print=mem=${y}")},
                                trials, 2);
    spec.remove(QStringLiteral("objective"));
    spec.insert(QStringLiteral("objectives"), QJsonArray{objective("loss", "minimize", 1.0), objective("acc", "maximize", 0.0)});
    spec.insert(QStringLiteral("constraints"), QJsonArray{QJsonObject{{QStringLiteral("metric"), QStringLiteral("mem")}, {QStringLiteral("max"), 0.6}}});
    return spec;
}

// Exact 2-D hypervolume of minimized points against `ref`, by brute force over the front.
double hypervolume2d(std::vector<std::pair<double, double>> points, std::pair<double, double> ref)
{
    std::erase_if(points, [&](const auto& p) { return !(p.first < ref.first && p.second < ref.second); });
    std::sort(points.begin(), points.end());
    double hv = 0, lowestY = ref.second;
    for (const auto& [x, y] : points)
        if (y < lowestY) {
            hv += (ref.first - x) * (lowestY - y);
            lowestY = y;
        }
    return hv;
}

bool dominates(const std::pair<double, double>& a, const std::pair<double, double>& b)
{
    return a.first <= b.first && a.second <= b.second && (a.first < b.first || a.second < b.second);
}

QByteArray lines(const QList<QJsonObject>& requests)
{
    QByteArray out;
    for (const QJsonObject& r : requests)
        out += QJsonDocument(r).toJson(QJsonDocument::Compact) + '\n';
    return out;
}

} // namespace

class TestCliObjectives : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(cli()), "TB_CLI is not set to the built tunebench-cli");
        QVERIFY2(QFile::exists(trialProgram()), "TB_TEST_TRIAL is not set");
    }

    // The engine reads both objectives and the constraint from each trial's output; status,
    // export and best agree on the feasible Pareto set and its hypervolume.
    void engineFindsTheFeasibleParetoSet()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("s.db"));
        const QString spec = writeSpec(dir, QStringLiteral("spec.json"), tradeOffSpec(QStringLiteral("trade"), 16));
        const Result run = runCli({QStringLiteral("run"), spec, QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QVERIFY2(run.exitCode == 0, run.err.constData());

        const QJsonArray trials = trialsOf(db, QStringLiteral("trade"));
        QCOMPARE(trials.size(), 16);
        std::vector<std::pair<double, double>> feasible; // (loss, -acc): both minimized
        QMap<qint64, std::pair<double, double>> byId;
        int infeasible = 0;
        for (const QJsonValue& v : trials) {
            const QJsonObject t = v.toObject();
            QCOMPARE(t.value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
            const QJsonObject params = t.value(QStringLiteral("params")).toObject();
            const QJsonObject values = t.value(QStringLiteral("values")).toObject();
            QCOMPARE(values.value(QStringLiteral("loss")).toDouble(), params.value(QStringLiteral("x")).toDouble());
            QCOMPARE(values.value(QStringLiteral("acc")).toDouble(), params.value(QStringLiteral("y")).toDouble());
            QCOMPARE(t.value(QStringLiteral("value")).toDouble(), params.value(QStringLiteral("x")).toDouble());
            const double y = params.value(QStringLiteral("y")).toDouble();
            QCOMPARE(t.value(QStringLiteral("feasible")).toBool(), y <= 0.6);
            QCOMPARE(t.value(QStringLiteral("violation")).toDouble(), std::max(0.0, y - 0.6));
            if (y <= 0.6) {
                feasible.push_back({params.value(QStringLiteral("x")).toDouble(), -y});
                byId[t.value(QStringLiteral("trial")).toInteger()] = feasible.back();
            } else {
                ++infeasible;
            }
        }

        const QJsonObject pareto = statusOf(db, QStringLiteral("trade")).value(QStringLiteral("pareto")).toObject();
        QCOMPARE(pareto.value(QStringLiteral("feasible")).toInteger(), qint64(feasible.size()));
        QCOMPARE(pareto.value(QStringLiteral("infeasible")).toInteger(), qint64(infeasible));
        QCOMPARE(pareto.value(QStringLiteral("reference_from")).toString(), QStringLiteral("spec"));
        QCOMPARE(pareto.value(QStringLiteral("reference")).toArray(), (QJsonArray{1.0, 0.0}));
        // The set: feasible, and exactly the trials no feasible trial dominates.
        QSet<qint64> front;
        for (const QJsonValue& v : pareto.value(QStringLiteral("trials")).toArray())
            front.insert(v.toObject().value(QStringLiteral("trial")).toInteger());
        QCOMPARE(pareto.value(QStringLiteral("size")).toInteger(), qint64(front.size()));
        for (auto it = byId.begin(); it != byId.end(); ++it) {
            const bool dominated = std::any_of(feasible.begin(), feasible.end(), [&](const auto& q) { return dominates(q, it.value()); });
            QCOMPARE(front.contains(it.key()), !dominated);
        }
        QVERIFY(qAbs(pareto.value(QStringLiteral("hypervolume")).toDouble() - hypervolume2d(feasible, {1.0, 0.0})) < 1e-12);
        QVERIFY(pareto.value(QStringLiteral("hypervolume")).toDouble() > 0);

        // best: the same set, as JSON and as a table with a column per objective.
        const Result best = runCli({QStringLiteral("best"), QStringLiteral("--db"), db});
        QCOMPARE(best.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(best.out).object().value(QStringLiteral("trials")).toArray(),
                 pareto.value(QStringLiteral("trials")).toArray());
        const Result csv = runCli({QStringLiteral("best"), QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(csv.exitCode, 0);
        QVERIFY2(csv.out.startsWith("trial,number,values.loss,values.acc,"), csv.out.constData());
        QCOMPARE(csv.out.count('\n'), front.size() + 1);
        const Result yaml = runCli({QStringLiteral("best"), QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("yaml")});
        QCOMPARE(yaml.out.count("# trial "), front.size());
        // CSV export: a column per objective, and feasibility.
        const Result exported = runCli({QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("csv")});
        QVERIFY2(exported.out.startsWith("trial,number,state,value,value_loss,value_acc,feasible,violation,param_x,param_y,"),
                 exported.out.left(120).constData());
        // Importance per objective: loss is x, acc is y.
        const Result importance = runCli({QStringLiteral("importance"), QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(importance.exitCode, 0);
        const QJsonObject shares = QJsonDocument::fromJson(importance.out).object().value(QStringLiteral("importance")).toObject();
        QVERIFY(shares.value(QStringLiteral("loss")).toObject().value(QStringLiteral("x")).toDouble() > 0.9);
        QVERIFY(shares.value(QStringLiteral("acc")).toObject().value(QStringLiteral("y")).toDouble() > 0.9);
        const Result oneObjective = runCli({QStringLiteral("importance"), QStringLiteral("--db"), db, QStringLiteral("--objective"), QStringLiteral("acc")});
        QVERIFY2(oneObjective.out.startsWith("parameter importance (fANOVA, 16 completed trials) of 'trade' for acc:"), oneObjective.out.constData());
        QVERIFY(!oneObjective.out.contains("for loss"));

        // The human status says it all in a line.
        const Result text = runCli({QStringLiteral("status"), QStringLiteral("--db"), db});
        QVERIFY2(text.out.contains("Pareto set: " + QByteArray::number(front.size()) + " trials, hypervolume "), text.out.constData());
        QVERIFY(text.out.contains("reference point [1, 0], from the spec"));
    }

    // A trial that never prints a constrained metric has failed, and says which.
    void missingConstraintValueFailsTheTrial()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("s.db"));
        QJsonObject spec = tradeOffSpec(QStringLiteral("nomem"), 2);
        QJsonObject trial = spec.value(QStringLiteral("trial")).toObject();
        trial.insert(QStringLiteral("argv"), QJsonArray{trialProgram(), QStringLiteral("--value=${x}"), QStringLiteral("--print=acc=${y}")});
        spec.insert(QStringLiteral("trial"), trial);
        const Result run = runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("spec.json"), spec), QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QVERIFY(run.exitCode != 0); // every trial failed
        for (const QJsonValue& v : trialsOf(db, QStringLiteral("nomem"))) {
            QCOMPARE(v.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
            QCOMPARE(v.toObject().value(QStringLiteral("reason")).toString(),
                     QStringLiteral("no constraint value: the trial never printed 'mem=<number>'"));
        }
    }

    // serve and tell take every objective's value; a wrong count, a single value or a missing
    // constraint value is refused with the fix, and nothing is stored for it.
    void serveAndTellTakeValues()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("s.db"));
        QJsonObject spec = tradeOffSpec(QStringLiteral("manual"), 6);
        spec.remove(QStringLiteral("trial"));
        const Result created = runCli({QStringLiteral("create"), writeSpec(dir, QStringLiteral("spec.json"), spec), QStringLiteral("--db"), db});
        QVERIFY2(created.exitCode == 0, created.err.constData());
        const QStringList serve{QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("manual")};
        const QJsonObject ask{{QStringLiteral("op"), QStringLiteral("ask")}};
        const Result asked = runCli(serve, lines({ask, ask, ask}));
        const QList<QByteArray> answers = asked.out.trimmed().split('\n');
        QCOMPARE(answers.size(), 3);
        QList<qint64> ids;
        for (const QByteArray& a : answers)
            ids << QJsonDocument::fromJson(a).object().value(QStringLiteral("trial")).toInteger();
        auto tell = [&](qint64 id, const QJsonObject& extra) {
            QJsonObject r{{QStringLiteral("op"), QStringLiteral("tell")}, {QStringLiteral("trial"), id}};
            for (auto it = extra.begin(); it != extra.end(); ++it)
                r.insert(it.key(), it.value());
            return r;
        };
        const QJsonArray mem{QJsonObject{{QStringLiteral("name"), QStringLiteral("mem")}, {QStringLiteral("value"), 0.5}}};
        const Result told = runCli(serve, lines({tell(ids[0], {{QStringLiteral("value"), 0.5}, {QStringLiteral("metrics"), mem}}),
                                                 tell(ids[0], {{QStringLiteral("values"), QJsonArray{0.5}}, {QStringLiteral("metrics"), mem}}),
                                                 tell(ids[0], {{QStringLiteral("values"), QJsonArray{0.5, 0.25}}}),
                                                 tell(ids[0], {{QStringLiteral("values"), QJsonArray{0.5, 0.25}}, {QStringLiteral("metrics"), mem}}),
                                                 tell(ids[1], {{QStringLiteral("values"), QJsonArray{0.25, 0.75}},
                                                               {QStringLiteral("metrics"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("mem")},
                                                                                                                 {QStringLiteral("value"), 0.75}}}}})}));
        const QList<QByteArray> replies = told.out.trimmed().split('\n');
        QCOMPARE(replies.size(), 5);
        auto error = [&](int i) { return QJsonDocument::fromJson(replies[i]).object().value(QStringLiteral("error")).toString(); };
        QCOMPARE(error(0), QStringLiteral("values: experiment 'manual' has 2 objectives (loss, acc); give one number for each, in that order, not 1"));
        QCOMPARE(error(1), error(0));
        QCOMPARE(error(2), QStringLiteral("metrics: the constraint on 'mem' needs the trial's value of it; report it among the metrics "
                                          "(serve: {\"name\": \"mem\", \"value\": V}; tell: --metric mem=V)"));
        QCOMPARE(QJsonDocument::fromJson(replies[3]).object().value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(QJsonDocument::fromJson(replies[4]).object().value(QStringLiteral("ok")).toBool(), true);
        // tell on the command line: --values.
        const Result one = runCli({QStringLiteral("tell"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("manual"),
                                   QStringLiteral("--trial"), QString::number(ids[2]), QStringLiteral("--values"), QStringLiteral("0.75,0.5"),
                                   QStringLiteral("--metric"), QStringLiteral("mem=0.5")});
        QVERIFY2(one.exitCode == 0, one.err.constData());

        const QJsonArray trials = trialsOf(db, QStringLiteral("manual"));
        QCOMPARE(trials[0].toObject().value(QStringLiteral("values")).toObject(),
                 (QJsonObject{{QStringLiteral("loss"), 0.5}, {QStringLiteral("acc"), 0.25}}));
        QCOMPARE(trials[1].toObject().value(QStringLiteral("feasible")).toBool(), false);
        QCOMPARE(trials[1].toObject().value(QStringLiteral("violation")).toDouble(), 0.75 - 0.6);
        QCOMPARE(trials[2].toObject().value(QStringLiteral("values")).toObject(),
                 (QJsonObject{{QStringLiteral("loss"), 0.75}, {QStringLiteral("acc"), 0.5}}));
        // (0.5, 0.25) and (0.75, 0.5) trade off; the infeasible (0.25, 0.75) is out.
        const QJsonObject pareto = statusOf(db, QStringLiteral("manual")).value(QStringLiteral("pareto")).toObject();
        QCOMPARE(pareto.value(QStringLiteral("size")).toInteger(), 2);
        QCOMPARE(pareto.value(QStringLiteral("hypervolume")).toDouble(), 0.5 * 0.25 + 0.25 * 0.25);
    }

    // One objective with a constraint: a trial stopped early keeps its objective value without
    // the constrained metric (printed last, so never by a pruned trial), through the engine's
    // pruner and through tell.
    void prunedTrialKeepsItsValueUnderAConstraint()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("s.db"));
        QJsonObject spec = specWith(QStringLiteral("pruned"), floatX(), {QStringLiteral("--value=${x}"), QStringLiteral("--steps=6"),
                                                                         QStringLiteral("--bad-from=3"), QStringLiteral("--sleep-ms=50"),
                                                                         QStringLiteral("--print=mem=0.5")}, 6, 1);
        spec.insert(QStringLiteral("constraints"), QJsonArray{QJsonObject{{QStringLiteral("metric"), QStringLiteral("mem")}, {QStringLiteral("max"), 1}}});
        spec.insert(QStringLiteral("pruner"), QJsonObject{{QStringLiteral("name"), QStringLiteral("median")},
                                                          {QStringLiteral("settings"), QJsonObject{{QStringLiteral("n_startup_trials"), 2},
                                                                                                   {QStringLiteral("n_warmup_steps"), 1}}}});
        const Result run = runCli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("p.json"), spec), QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        int pruned = 0;
        for (const QJsonValue& v : trialsOf(db, QStringLiteral("pruned"))) {
            const QJsonObject t = v.toObject();
            if (t.value(QStringLiteral("state")).toString() != QLatin1String("pruned"))
                continue;
            ++pruned;
            QVERIFY2(t.value(QStringLiteral("value")).isDouble(), qPrintable(QJsonDocument(t).toJson()));
            QVERIFY(t.value(QStringLiteral("value")).toDouble() > 4); // its loss where it stopped (x + 5 or more), not mem
        }
        QVERIFY(pruned > 0);

        spec.remove(QStringLiteral("trial"));
        spec.remove(QStringLiteral("pruner"));
        spec.insert(QStringLiteral("name"), QStringLiteral("told"));
        QVERIFY(runCli({QStringLiteral("create"), writeSpec(dir, QStringLiteral("t.json"), spec), QStringLiteral("--db"), db}).exitCode == 0);
        const QJsonObject asked = QJsonDocument::fromJson(runCli({QStringLiteral("ask"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("told")}).out).object();
        const Result told = runCli({QStringLiteral("tell"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("told"), QStringLiteral("--trial"),
                                    QString::number(asked.value(QStringLiteral("trial")).toInteger()), QStringLiteral("--value"), QStringLiteral("0.75"),
                                    QStringLiteral("--state"), QStringLiteral("pruned")});
        QVERIFY2(told.exitCode == 0, told.err.constData());
        QCOMPARE(trialsOf(db, QStringLiteral("told"))[0].toObject().value(QStringLiteral("value")).toDouble(), 0.75);
    }

    // A multi-objective experiment resumed from the store suggests what one that never stopped
    // would: every value comes back from the store to the sampler.
    void resumedSessionsSuggestAsOne()
    {
        QTemporaryDir dir;
        auto session = [&](const QString& db, const QList<int>& perProcess) {
            QJsonObject spec = tradeOffSpec(QStringLiteral("resumed"), 12);
            spec.remove(QStringLiteral("trial"));
            spec.insert(QStringLiteral("constraints"), QJsonArray{QJsonObject{{QStringLiteral("metric"), QStringLiteral("mem")}, {QStringLiteral("max"), 0.5}}});
            spec.insert(QStringLiteral("algorithm"), QJsonObject{{QStringLiteral("name"), QStringLiteral("tpe")}, {QStringLiteral("seed"), 5},
                                                                 {QStringLiteral("settings"), QJsonObject{{QStringLiteral("n_startup_trials"), 3}}}});
            if (runCli({QStringLiteral("create"), writeSpec(dir, QStringLiteral("r.json"), spec), QStringLiteral("--db"), db}).exitCode != 0)
                return QJsonArray();
            for (int n : perProcess) {
                // One process: ask and tell n trials in turn (loss = x, acc = 1 - x*y).
                QProcess p;
                p.start(cli(), {QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("resumed")});
                p.waitForStarted();
                for (int i = 0; i < n; ++i) {
                    p.write(R"({"op": "ask"})" "\n");
                    while (!p.canReadLine() && p.waitForReadyRead(30000)) {
                    }
                    const QJsonObject a = QJsonDocument::fromJson(p.readLine()).object();
                    const QJsonObject params = a.value(QStringLiteral("params")).toObject();
                    const double x = params.value(QStringLiteral("x")).toDouble(), y = params.value(QStringLiteral("y")).toDouble();
                    // mem = y: half the space breaks the constraint, so tpe reads each violation back.
                    p.write(lines({{{QStringLiteral("op"), QStringLiteral("tell")}, {QStringLiteral("trial"), a.value(QStringLiteral("trial"))},
                                    {QStringLiteral("values"), QJsonArray{x, 1 - x * y}},
                                    {QStringLiteral("metrics"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("mem")}, {QStringLiteral("value"), y}}}}}}));
                    while (!p.canReadLine() && p.waitForReadyRead(30000)) {
                    }
                    p.readLine();
                }
                p.closeWriteChannel();
                p.waitForFinished(30000);
            }
            return trialsOf(db, QStringLiteral("resumed"));
        };
        const QJsonArray once = session(dir.filePath(QStringLiteral("once.db")), {10});
        const QJsonArray resumed = session(dir.filePath(QStringLiteral("twice.db")), {4, 3, 3});
        QCOMPARE(once.size(), 10);
        QCOMPARE(resumed.size(), 10);
        int infeasible = 0;
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(resumed[i].toObject().value(QStringLiteral("params")), once[i].toObject().value(QStringLiteral("params")));
            QCOMPARE(resumed[i].toObject().value(QStringLiteral("values")), once[i].toObject().value(QStringLiteral("values")));
            QCOMPARE(resumed[i].toObject().value(QStringLiteral("violation")), once[i].toObject().value(QStringLiteral("violation")));
            infeasible += !once[i].toObject().value(QStringLiteral("feasible")).toBool();
        }
        QVERIFY(infeasible > 0); // the violations mattered
    }
};

QTEST_GUILESS_MAIN(TestCliObjectives)
#include "tst_cli_objectives.moc"
