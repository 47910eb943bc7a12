// Several engines on one machine share its GPUs through machine-wide slots (gpu_slots.h):
// real tunebench-cli processes on separate stores, scripted GPUs (TUNEBENCH_FAKE_GPUS),
// a slot folder of the test's own (TUNEBENCH_GPU_SLOTS_DIR).

#include "engine/core/store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <csignal>
#include <map>
#include <memory>
#include <unistd.h>

namespace {

struct Interval {
    QString experiment;
    double start = 0, end = 0;
};

class Machine {
public:
    explicit Machine(int gpus)
    {
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("TUNEBENCH_FAKE_GPUS"), QString::number(gpus));
        m_env.insert(QStringLiteral("TUNEBENCH_GPU_SLOTS_DIR"), m_dir.filePath(QStringLiteral("slots")));
    }
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString slotDir() const { return m_dir.filePath(QStringLiteral("slots")); }

    // Starts `tunebench-cli run` of an experiment whose trials hold a GPU for `sleepMs`.
    QProcess* start(const QString& name, int trials, int sleepMs, int trialsPerGpu = 1, int priority = 0)
    {
        const QJsonObject spec{
            {QStringLiteral("name"), name},
            {QStringLiteral("objective"), QJsonObject{{QStringLiteral("metric"), QStringLiteral("loss")}}},
            {QStringLiteral("space"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("type"), QStringLiteral("float")},
                                                             {QStringLiteral("low"), 0}, {QStringLiteral("high"), 1}}}},
            {QStringLiteral("algorithm"), QJsonObject{{QStringLiteral("name"), QStringLiteral("random")}, {QStringLiteral("seed"), 1}}},
            {QStringLiteral("budget"), QJsonObject{{QStringLiteral("max_trials"), trials}}},
            {QStringLiteral("resources"), QJsonObject{{QStringLiteral("gpus"), QStringLiteral("all")}, {QStringLiteral("trials_per_gpu"), trialsPerGpu},
                                                      {QStringLiteral("telemetry_hz"), 10}, {QStringLiteral("priority"), priority}}},
            {QStringLiteral("trial"), QJsonObject{{QStringLiteral("argv"), QJsonArray{qEnvironmentVariable("TB_TEST_TRIAL"), QStringLiteral("--value=${x}"),
                                                                                    QStringLiteral("--sleep-ms=%1").arg(sleepMs)}}}},
        };
        QFile f(path(name + QStringLiteral(".json")));
        f.open(QIODevice::WriteOnly);
        f.write(QJsonDocument(spec).toJson());
        f.close();
        auto* p = new QProcess;
        m_processes.emplace_back(p);
        p->setProcessEnvironment(m_env);
        p->start(qEnvironmentVariable("TB_CLI"), {QStringLiteral("run"), f.fileName(), QStringLiteral("--db"), path(name + QStringLiteral(".db")),
                                                  QStringLiteral("--quiet")});
        p->waitForStarted();
        return p;
    }

    std::vector<Interval> intervals(const QString& name) const
    {
        std::vector<Interval> out;
        tb::engine::Store store(path(name + QStringLiteral(".db")), tb::engine::Store::OpenMode::ExistingOnly);
        for (const auto& t : store.trials(store.experiment(name)->id))
            if (t.startedAt && t.endedAt)
                out.push_back({name, *t.startedAt, *t.endedAt});
        return out;
    }

private:
    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    std::vector<std::unique_ptr<QProcess>> m_processes;
};

} // namespace

class TestGpuSharing : public QObject {
    Q_OBJECT
private slots:
    // Two engines, two stores, one GPU, trials_per_gpu 1: never two trials at once.
    void twoEnginesNeverOverlapOnOneGpu()
    {
        Machine machine(1);
        QProcess* a = machine.start(QStringLiteral("a"), 6, 150);
        QProcess* b = machine.start(QStringLiteral("b"), 6, 150);
        QVERIFY(a->waitForFinished(120000) && b->waitForFinished(120000));
        QCOMPARE(a->exitCode(), 0);
        QCOMPARE(b->exitCode(), 0);
        std::vector<Interval> all = machine.intervals(QStringLiteral("a"));
        for (const Interval& i : machine.intervals(QStringLiteral("b")))
            all.push_back(i);
        QCOMPARE(all.size(), std::size_t(12));
        std::sort(all.begin(), all.end(), [](const Interval& x, const Interval& y) { return x.start < y.start; });
        // Each engine's telemetry names the other's trials on the GPU (the Devices timeline).
        tb::engine::Store store(machine.path(QStringLiteral("a.db")), tb::engine::Store::OpenMode::ExistingOnly);
        bool sawB = false;
        for (const auto& row : store.telemetry(store.experiment(QStringLiteral("a"))->id))
            sawB = sawB || row.others.startsWith(QStringLiteral("b\t") + machine.path(QStringLiteral("b.db")));
        QVERIFY(sawB);
        for (std::size_t k = 1; k < all.size(); ++k)
            QVERIFY2(all[k].start >= all[k - 1].end,
                     qPrintable(QStringLiteral("%1 started at %2 while %3 ran until %4").arg(all[k].experiment).arg(all[k].start, 0, 'f', 3)
                                    .arg(all[k - 1].experiment).arg(all[k - 1].end, 0, 'f', 3)));
    }

    // Three experiments on two GPUs take turns: none waits while another takes every
    // free slot (the six trials that start after all three run come from all three).
    // A slot that frees while its engine is still busy ending its trial goes to whoever
    // waits (no GPU idles for fairness), so on a loaded machine one experiment may get
    // four of the six; without turns the third would get none.
    void threeExperimentsShareTwoGpusInTurn()
    {
        Machine machine(2);
        for (const QString& name : {QStringLiteral("p"), QStringLiteral("q"), QStringLiteral("r")})
            machine.start(name, 6, 800);
        QElapsedTimer clock;
        clock.start();
        std::vector<Interval> all;
        while (clock.elapsed() < 120000) {
            all.clear();
            for (const QString& name : {QStringLiteral("p"), QStringLiteral("q"), QStringLiteral("r")})
                if (QFile::exists(machine.path(name + QStringLiteral(".db"))))
                    for (const Interval& i : machine.intervals(name))
                        all.push_back(i);
            if (all.size() == 18)
                break;
            QThread::msleep(200);
        }
        QCOMPARE(all.size(), std::size_t(18));
        std::sort(all.begin(), all.end(), [](const Interval& x, const Interval& y) { return x.start < y.start; });
        // Turns count from the moment all three engines ran (a slow start is no unfairness).
        double allRunning = 0;
        for (const QString& name : {QStringLiteral("p"), QStringLiteral("q"), QStringLiteral("r")}) {
            tb::engine::Store store(machine.path(name + QStringLiteral(".db")), tb::engine::Store::OpenMode::ExistingOnly);
            allRunning = std::max(allRunning, store.experiment(name)->startedAt.value_or(0));
        }
        std::map<QString, int> nextSix;
        int counted = 0;
        for (const Interval& i : all)
            if (i.start > allRunning + 0.2 && counted++ < 6)
                ++nextSix[i.experiment];
        QVERIFY(counted >= 6);
        QCOMPARE(nextSix.size(), std::size_t(3));
        for (const auto& [name, n] : nextSix)
            QVERIFY2(n <= 4, qPrintable(QStringLiteral("%1 took %2 of the 6 slots after all three ran").arg(name).arg(n)));
        // And never more than two trials at once on the two GPUs.
        std::vector<std::pair<double, int>> edges;
        for (const Interval& i : all) {
            edges.emplace_back(i.start, +1);
            edges.emplace_back(i.end, -1);
        }
        std::sort(edges.begin(), edges.end());
        int running = 0;
        for (const auto& [t, d] : edges)
            QVERIFY((running += d) <= 2);
    }

    // SIGKILL of an engine frees its slots at once: the other engine's trial starts.
    void killedEngineFreesItsSlots()
    {
        Machine machine(1);
        QProcess* a = machine.start(QStringLiteral("holder"), 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(machine.path(QStringLiteral("holder.db")))
                                     && machine.intervals(QStringLiteral("holder")).empty()
                                     && QDir(machine.slotDir()).entryList({QStringLiteral("gpu0.slot*")}, QDir::Files).size() > 0,
                                 20000);
        QThread::msleep(500);
        QProcess* b = machine.start(QStringLiteral("waiter"), 1, 10);
        QThread::msleep(1500); // it waits for the GPU
        QVERIFY(b->state() == QProcess::Running);
        ::kill(static_cast<pid_t>(a->processId()), SIGKILL);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(b->waitForFinished(30000));
        QCOMPARE(b->exitCode(), 0);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    }

    // A slot held by another user's process (not an engine at all) is respected, and the
    // waiting reason says who holds it.
    void aSlotOfAnotherUserIsRespected()
    {
        if (::getuid() != 0 || QProcess::execute(QStringLiteral("runuser"), {QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"), QStringLiteral("true")}) != 0)
            QSKIP("needs root to run a process as another user (runuser -u nobody)");
        Machine machine(1);
        // The other user must reach the slot folder (a temporary folder is the owner's only).
        QFile::setPermissions(QFileInfo(machine.slotDir()).absolutePath(), QFileDevice::Permissions(0x7755));
        QDir().mkpath(machine.slotDir());
        QFile::setPermissions(machine.slotDir(), QFileDevice::Permissions(0x7777));
        QFile slot(machine.slotDir() + QStringLiteral("/gpu0.slot0"));
        QVERIFY(slot.open(QIODevice::WriteOnly));
        slot.write(R"({"experiment": "theirs", "store": "/home/other/study.db", "trial": 7, "trials_per_gpu": 1, "pid": 1, "uid": 65534})");
        slot.close();
        slot.setPermissions(QFileDevice::Permissions(0x6666));
        QProcess holder;
        holder.start(QStringLiteral("runuser"), {QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"), QStringLiteral("flock"),
                                                 QStringLiteral("-s"), slot.fileName(), QStringLiteral("sleep"), QStringLiteral("4")});
        QVERIFY(holder.waitForStarted());
        QThread::msleep(500);
        QProcess* engine = machine.start(QStringLiteral("mine"), 1, 10);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(machine.path(QStringLiteral("mine.db"))), 10000);
        QString waiting;
        QTRY_VERIFY_WITH_TIMEOUT(!(waiting = [&] {
                                      tb::engine::Store store(machine.path(QStringLiteral("mine.db")), tb::engine::Store::OpenMode::ExistingOnly);
                                      const auto e = store.experiment(QStringLiteral("mine"));
                                      return e ? e->waiting : QString();
                                  }())
                                      .isEmpty(),
                                 10000);
        QVERIFY2(waiting.contains(QStringLiteral("GPU 0 held by experiment 'theirs' in /home/other/study.db, trial 7")), qPrintable(waiting));
        QVERIFY(machine.intervals(QStringLiteral("mine")).empty()); // nothing ran beside it
        QVERIFY(holder.waitForFinished(10000));
        QVERIFY(engine->waitForFinished(30000));
        QCOMPARE(engine->exitCode(), 0);
        QCOMPARE(machine.intervals(QStringLiteral("mine")).size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestGpuSharing)
#include "tst_gpu_sharing.moc"
