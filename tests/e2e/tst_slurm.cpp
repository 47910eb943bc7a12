// End-to-end against a real Slurm: the real tunebench-cli, trials as batch jobs on a
// single-node cluster that scripts/slurm-cluster.sh starts around this test (SLURM_CONF
// points at it; its job completion log counts submissions).

#include "engine/core/store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <csignal>
#include <map>

namespace {

struct Result {
    int exitCode = -1;
    QByteArray out, err;
};

QString cli() { return qEnvironmentVariable("TB_CLI"); }
QString trialProgram() { return qEnvironmentVariable("TB_TEST_TRIAL"); }

Result runCli(const QStringList& args, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(), int timeoutMs = 300000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(cli(), args);
    p.waitForFinished(timeoutMs);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

QJsonArray trialsOf(const QString& db, const QString& experiment)
{
    const Result r = runCli({QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), experiment,
                             QStringLiteral("--format"), QStringLiteral("json")});
    return QJsonDocument::fromJson(r.out).object().value(QStringLiteral("trials")).toArray();
}

QJsonObject statusOf(const QString& db, const QString& experiment)
{
    return QJsonDocument::fromJson(runCli({QStringLiteral("status"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), experiment,
                                           QStringLiteral("--json")})
                                       .out)
        .object();
}

QJsonObject slurmSpec(const QString& name, const QJsonArray& space, const QStringList& argv, int trials, int parallel)
{
    QJsonArray argvJson{trialProgram()};
    for (const QString& a : argv)
        argvJson.append(a);
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("objective"), QJsonObject{{QStringLiteral("metric"), QStringLiteral("loss")}}},
        {QStringLiteral("space"), space},
        {QStringLiteral("algorithm"), QJsonObject{{QStringLiteral("name"), QStringLiteral("random")}, {QStringLiteral("seed"), 5}}},
        {QStringLiteral("budget"), QJsonObject{{QStringLiteral("max_trials"), trials}}},
        {QStringLiteral("resources"), QJsonObject{{QStringLiteral("parallel_trials"), parallel}}},
        {QStringLiteral("executor"), QJsonObject{{QStringLiteral("type"), QStringLiteral("slurm")}, {QStringLiteral("time_limit"), QStringLiteral("00:10:00")}}},
        {QStringLiteral("trial"), QJsonObject{{QStringLiteral("argv"), argvJson}, {QStringLiteral("timeout_s"), 120}}},
    };
}

QJsonArray floatX()
{
    return QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("type"), QStringLiteral("float")},
                                  {QStringLiteral("low"), 0.0}, {QStringLiteral("high"), 1.0}}};
}

QString write(const QTemporaryDir& dir, const QString& name, const QJsonObject& spec)
{
    QFile f(dir.filePath(name));
    f.open(QIODevice::WriteOnly);
    f.write(QJsonDocument(spec).toJson());
    return f.fileName();
}

// Submissions per job name in the cluster's job completion log.
std::map<QString, int> submissions()
{
    QFile f(QFileInfo(qEnvironmentVariable("SLURM_CONF")).absoluteDir().filePath(QStringLiteral("jobcomp.txt")));
    std::map<QString, int> out;
    if (!f.open(QIODevice::ReadOnly))
        return out;
    static const QRegularExpression name(QStringLiteral(R"(Name=(tb-\S+))"));
    for (const QString& line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (const auto m = name.match(line); m.hasMatch())
            ++out[m.captured(1)];
    return out;
}

QStringList squeueNames()
{
    QProcess p;
    p.start(QStringLiteral("squeue"), {QStringLiteral("-h"), QStringLiteral("-o"), QStringLiteral("%j")});
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TestSlurm : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariable("SLURM_CONF").isEmpty(), "run through scripts/slurm-cluster.sh run DIR -- tst_slurm");
        QVERIFY(QFile::exists(cli()));
        QVERIFY(QFile::exists(trialProgram()));
    }

    // 20 trials, 4 jobs at a time: every one completes with the value it printed, ran as a
    // Slurm job on the node, and its job id and node are stored and shown.
    void twentyTrialsAsJobs()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("s.db"));
        const QString spec = write(dir, QStringLiteral("s.json"),
                                   slurmSpec(QStringLiteral("jobs"), floatX(), {QStringLiteral("--value=${x}"), QStringLiteral("--steps=3")}, 20, 4));
        const Result r = runCli({QStringLiteral("run"), spec, QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray trials = trialsOf(db, QStringLiteral("jobs"));
        QCOMPARE(trials.size(), 20);
        tb::engine::Store store(db, tb::engine::Store::OpenMode::ExistingOnly);
        for (const QJsonValue& v : trials) {
            const QJsonObject t = v.toObject();
            QCOMPARE(t.value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
            const double x = t.value(QStringLiteral("params")).toObject().value(QStringLiteral("x")).toDouble();
            QCOMPARE(t.value(QStringLiteral("value")).toDouble(), x);
            const qint64 id = t.value(QStringLiteral("trial")).toInteger();
            QCOMPARE(store.metrics(id).size(), std::size_t(3 * 2 + 1)); // step and loss on three lines, then the objective
            const QJsonObject handle = QJsonDocument::fromJson(store.trial(id)->handle).object();
            QVERIFY2(!handle.value(QStringLiteral("job")).toString().isEmpty(), store.trial(id)->handle.constData());
            QCOMPARE(handle.value(QStringLiteral("executor")).toString(), QStringLiteral("slurm"));
        }
        const auto jobs = submissions();
        int ours = 0;
        for (const auto& [name, n] : jobs) {
            QCOMPARE(n, 1);
            ours += n;
        }
        QVERIFY(ours >= 20);
    }

    // The engine is killed while jobs run: the jobs go on, resume re-attaches to them by
    // name, reads their whole output, and never submits an attempt twice.
    void killedEngineReattachesToItsJobs()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("k.db"));
        const QString spec = write(dir, QStringLiteral("k.json"),
                                   slurmSpec(QStringLiteral("reattach"), floatX(),
                                             {QStringLiteral("--value=${x}"), QStringLiteral("--steps=4"), QStringLiteral("--sleep-ms=500")}, 20, 4));
        const auto before = submissions();
        QProcess engine;
        engine.start(cli(), {QStringLiteral("run"), spec, QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QVERIFY(engine.waitForStarted());
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 120000
               && statusOf(db, QStringLiteral("reattach")).value(QStringLiteral("counts")).toObject().value(QStringLiteral("completed")).toInt() < 6)
            QThread::msleep(200);
        ::kill(static_cast<pid_t>(engine.processId()), SIGKILL);
        QVERIFY(engine.waitForFinished());
        QVERIFY(!squeueNames().isEmpty()); // jobs outlive the engine

        const Result r = runCli({QStringLiteral("resume"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("reattach"),
                                 QStringLiteral("--quiet")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray trials = trialsOf(db, QStringLiteral("reattach"));
        QCOMPARE(trials.size(), 20);
        tb::engine::Store store(db, tb::engine::Store::OpenMode::ExistingOnly);
        int attempts = 0;
        for (const QJsonValue& v : trials) {
            const QJsonObject t = v.toObject();
            QCOMPARE(t.value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
            attempts += t.value(QStringLiteral("attempt")).toInt();
            // Nothing a job printed is lost, nothing counted twice.
            QCOMPARE(store.metrics(t.value(QStringLiteral("trial")).toInteger()).size(), std::size_t(4 * 2 + 1));
        }
        QCOMPARE(attempts, 20); // re-attached, never run again
        const auto after = submissions();
        int added = 0;
        for (const auto& [name, n] : after) {
            QCOMPARE(n, 1); // no job name twice
            added += n - (before.count(name) ? before.at(name) : 0);
        }
        QCOMPARE(added, 20);
    }

    // Values full of shell metacharacters reach the program as one argument each.
    void metacharactersArriveUnchanged()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("m.db"));
        const QStringList values{QStringLiteral("$(touch /tmp/tb-pwned)"), QStringLiteral("a b\tc"), QStringLiteral("it's \"quoted\""),
                                 QStringLiteral("; echo x > y #"), QStringLiteral("*"), QStringLiteral("`id`\\n")};
        QJsonArray choices;
        for (const QString& v : values)
            choices.append(v);
        const QJsonArray space{QJsonObject{{QStringLiteral("name"), QStringLiteral("v")}, {QStringLiteral("type"), QStringLiteral("categorical")},
                                           {QStringLiteral("choices"), choices}}};
        QJsonObject spec = slurmSpec(QStringLiteral("meta"), space,
                                     {QStringLiteral("--value=1"), QStringLiteral("${v}"), QStringLiteral("--argv-to=${trial.dir}/argv.txt")}, 6, 3);
        spec[QStringLiteral("algorithm")] = QJsonObject{{QStringLiteral("name"), QStringLiteral("grid")}};
        const Result r = runCli({QStringLiteral("run"), write(dir, QStringLiteral("m.json"), spec), QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QStringList seen;
        for (const QJsonValue& v : trialsOf(db, QStringLiteral("meta"))) {
            QFile f(QFileInfo(v.toObject().value(QStringLiteral("log")).toString()).absoluteDir().filePath(QStringLiteral("argv.txt")));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
            QCOMPARE(lines.value(0), QStringLiteral("--value=1"));
            seen << lines.value(1);
        }
        seen.sort();
        QStringList expected = values;
        expected.sort();
        QCOMPARE(seen, expected);
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/tb-pwned")));
    }

    // A job cancelled from outside is a failed trial that says so.
    void scancelFromOutsideIsRecorded()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("c.db"));
        const QString spec = write(dir, QStringLiteral("c.json"),
                                   slurmSpec(QStringLiteral("cancel"), floatX(), {QStringLiteral("--value=${x}"), QStringLiteral("--sleep-ms=60000")}, 1, 1));
        QProcess engine;
        engine.start(cli(), {QStringLiteral("run"), spec, QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QVERIFY(engine.waitForStarted());
        QString job;
        QElapsedTimer clock;
        clock.start();
        while (job.isEmpty() && clock.elapsed() < 60000) {
            QThread::msleep(200);
            for (const QString& name : squeueNames())
                if (name.startsWith(QStringLiteral("tb-")))
                    job = name;
        }
        QVERIFY(!job.isEmpty());
        QProcess::execute(QStringLiteral("scancel"), {QStringLiteral("--name=") + job});
        QVERIFY(engine.waitForFinished(120000));
        const QJsonObject t = trialsOf(db, QStringLiteral("cancel")).first().toObject();
        QCOMPARE(t.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        QVERIFY2(t.value(QStringLiteral("reason")).toString().contains(QStringLiteral("was cancelled outside Tunebench (scancel)")),
                 qPrintable(t.value(QStringLiteral("reason")).toString()));
    }

    // trial.workers on Slurm: one job of N tasks (srun), torchrun's variables from Slurm's;
    // the DDP example trains with 2 ranks in sync; a failing rank fails the trial and says so.
    void distributedTrialIsOneJobOfTasks()
    {
        if (QProcess::execute(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import torch.distributed")}) != 0)
            QSKIP("Debian's python3-torch is not installed (scripts/setup.sh installs it)");
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("d.db"));
        const QString script = QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/examples/ddp/train_ddp.py");
        auto spec = [&](const QString& name, const QStringList& extra) {
            QJsonArray argv{QStringLiteral("/usr/bin/python3"), script, QStringLiteral("--lr"), QStringLiteral("${x}"), QStringLiteral("--steps"), QStringLiteral("4")};
            for (const QString& a : extra)
                argv.append(a);
            QJsonObject s = slurmSpec(name, floatX(), {}, 1, 1);
            s[QStringLiteral("trial")] = QJsonObject{{QStringLiteral("argv"), argv}, {QStringLiteral("workers"), 2}, {QStringLiteral("timeout_s"), 240}};
            return write(dir, name + QStringLiteral(".json"), s);
        };
        Result r = runCli({QStringLiteral("run"), spec(QStringLiteral("ddp"), {}), QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QVERIFY2(r.exitCode == 0, r.out + r.err);
        QJsonObject t = trialsOf(db, QStringLiteral("ddp")).first().toObject();
        QCOMPARE(t.value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
        auto losses = [](const QString& path) {
            QFile f(path);
            f.open(QIODevice::ReadOnly);
            return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n')).filter(QRegularExpression(QStringLiteral("^step=\\d+ loss=")));
        };
        const QString folder = QFileInfo(t.value(QStringLiteral("log")).toString()).absolutePath();
        const QStringList rank0 = losses(t.value(QStringLiteral("log")).toString());
        QCOMPARE(rank0.size(), 4);
        QCOMPARE(losses(folder + QStringLiteral("/rank-1.log")), rank0);

        r = runCli({QStringLiteral("run"), spec(QStringLiteral("failing"), {QStringLiteral("--fail-rank"), QStringLiteral("1"), QStringLiteral("--fail-step"), QStringLiteral("1")}),
                    QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        t = trialsOf(db, QStringLiteral("failing")).first().toObject();
        QCOMPARE(t.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        QCOMPARE(t.value(QStringLiteral("reason")).toString(), QStringLiteral("rank 1 exited with code 3"));
    }

    // No sbatch, or a cluster that does not answer: a clear error, at once.
    void missingOrDownClusterIsAClearError()
    {
        QTemporaryDir dir;
        const QString spec = write(dir, QStringLiteral("d.json"), slurmSpec(QStringLiteral("down"), floatX(), {QStringLiteral("--value=${x}")}, 1, 1));
        QProcessEnvironment noSlurm = QProcessEnvironment::systemEnvironment();
        noSlurm.insert(QStringLiteral("PATH"), QStringLiteral("/nonexistent"));
        Result r = runCli({QStringLiteral("run"), spec, QStringLiteral("--db"), dir.filePath(QStringLiteral("a.db"))}, noSlurm, 60000);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("executor.type slurm: the cluster cannot be used: squeue is not installed here"), r.err.constData());

        // A configuration whose controller nobody runs.
        QFile conf(qEnvironmentVariable("SLURM_CONF"));
        QVERIFY(conf.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(conf.readAll());
        text.replace(QRegularExpression(QStringLiteral("SlurmctldPort=\\d+")), QStringLiteral("SlurmctldPort=6999"));
        text += QStringLiteral("\nMessageTimeout=2\n");
        QFile down(dir.filePath(QStringLiteral("down.conf")));
        QVERIFY(down.open(QIODevice::WriteOnly));
        down.write(text.toUtf8());
        down.close();
        QProcessEnvironment downEnv = QProcessEnvironment::systemEnvironment();
        downEnv.insert(QStringLiteral("SLURM_CONF"), down.fileName());
        QElapsedTimer clock;
        clock.start();
        r = runCli({QStringLiteral("run"), spec, QStringLiteral("--db"), dir.filePath(QStringLiteral("b.db"))}, downEnv, 120000);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("executor.type slurm: the cluster cannot be used: squeue"), r.err.constData());
        QVERIFY(clock.elapsed() < 60000);
    }
};

QTEST_GUILESS_MAIN(TestSlurm)
#include "tst_slurm.moc"
