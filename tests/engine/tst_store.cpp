// The SQLite store: schema and migrations, durability rules, and readers in other
// processes while a writer works.

#include "engine/core/errors.h"
#include "engine/core/lease.h"
#include "engine/core/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <cmath>
#include <optional>
#include <sqlite3.h>
#include <thread>

using namespace tb::engine;
using tb::algorithms::TrialState;

namespace {

void rawExec(const QString& path, const char* sql)
{
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    QCOMPARE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
}

} // namespace

class TestStore : public QObject {
    Q_OBJECT
private slots:
    void freshStoreHasTheCurrentSchema()
    {
        QTemporaryDir dir;
        Store store(dir.filePath(QStringLiteral("s.db")));
        QCOMPARE(store.schemaVersion(), Store::kSchemaVersion);
        const auto id = store.createExperiment(QStringLiteral("e"), "{}");
        const TrialRow t = store.createTrial(id, R"({"x":1})", TrialState::Running);
        QCOMPARE(t.number, qint64(0));
        QCOMPARE(store.createTrial(id, R"({"x":2})", TrialState::Queued).number, qint64(1));
        store.finishTrial(t.id, TrialState::Completed, 0.5, 0, QString(), {{t.id, 1, 3, QStringLiteral("loss"), std::nan(""), 1.0}},
                          {{t.id, 1, 1.0, QStringLiteral("span"), R"({"op":"F"})"}});
        QCOMPARE(*store.trial(t.id)->value, 0.5);
        QVERIFY(std::isnan(store.metrics(t.id).at(0).value)); // NaN survives as NULL
        QCOMPARE(store.events(t.id).size(), std::size_t(1));
        const StateCounts c = store.counts(id);
        QCOMPARE(c.completed, qint64(1));
        QCOMPARE(c.queued, qint64(1));
        // Names are unique per store.
        QVERIFY_THROWS_EXCEPTION(SpecError, store.createExperiment(QStringLiteral("e"), "{}"));
    }

    void migratesForwardKeepingData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.db"));
        std::int64_t trialId = 0;
        {
            Store v1(path, 1);
            QCOMPARE(v1.schemaVersion(), 1);
            v1.createExperiment(QStringLiteral("old"), R"({"name":"old"})");
        }
        // The trial as schema 1 wrote it (today's queries name later columns).
        rawExec(path, "INSERT INTO trials(experiment_id, number, params, state, value, exit_code, created_at) "
                      "VALUES(1, 0, '{\"x\":0.5}', 'completed', 0.25, 0, 1)");
        rawExec(path, "INSERT INTO metrics(trial_id, attempt, step, name, value, time) VALUES(1, 1, 0, 'loss', 0.25, 1)");
        trialId = 1;
        Store store(path);
        QCOMPARE(store.schemaVersion(), Store::kSchemaVersion);
        QCOMPARE(store.experiment(QStringLiteral("old"))->spec, QByteArray(R"({"name":"old"})"));
        QCOMPARE(*store.trial(trialId)->value, 0.25);
        QCOMPARE(store.metrics(trialId).size(), std::size_t(1));
        store.addMetrics({}, {{trialId, 1, 2.0, QStringLiteral("memory"), "{}"}}); // the v2 table works
        QCOMPARE(store.events(trialId).size(), std::size_t(1));
        // The v3 telemetry table and waiting column work on the migrated file.
        const auto id = store.experiment(QStringLiteral("old"))->id;
        TelemetryRow row;
        row.experimentId = id;
        row.time = 5;
        row.kind = QStringLiteral("gpu");
        row.trials = QString::number(trialId);
        store.addTelemetry({row});
        QCOMPARE(store.telemetryCount(id), qint64(1));
        store.setWaiting(id, QStringLiteral("GPU 0 busy"));
        QCOMPARE(store.experiment(id)->waiting, QStringLiteral("GPU 0 busy"));
        // v4: the lease columns, empty on a migrated experiment.
        QVERIFY(!store.experiment(id)->owner);
        QVERIFY(!store.requestStop(id));
        // v7: no sampler recorded for a trial from before.
        QCOMPARE(store.trial(trialId)->sampler, QString());
        QCOMPARE(store.trial(trialId)->samplerReason, QString());
    }

    void migratesToSamplerPerTrial()
    {
        // Schema 7: trials of a schema 6 store read back with no sampler; new ones keep theirs.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v6.db"));
        std::int64_t id = 0, old = 0;
        {
            Store v6(path, 6);
            id = v6.createExperiment(QStringLiteral("old"), "{}");
        }
        rawExec(path, "INSERT INTO trials(experiment_id, number, params, state, created_at) VALUES(1, 0, '{}', 'queued', 1)");
        old = 1;
        Store store(path);
        QCOMPARE(store.schemaVersion(), Store::kSchemaVersion);
        QCOMPARE(store.trial(old)->sampler, QString());
        const TrialRow made = *store.createTrialWithin(id, "{}", TrialState::Running, std::nullopt, QStringLiteral("gp"),
                                                       QStringLiteral("3-dimensional continuous space, 14 trials so far; GP until 200 trials, then CMA-ES"));
        QCOMPARE(made.sampler, QStringLiteral("gp"));
        QCOMPARE(store.trial(made.id)->sampler, QStringLiteral("gp"));
        QCOMPARE(store.trial(made.id)->samplerReason,
                 QStringLiteral("3-dimensional continuous space, 14 trials so far; GP until 200 trials, then CMA-ES"));
        QCOMPARE(store.trials(id).front().sampler, QString());
        // Trials made without a sampler (imported ones) record none.
        QCOMPARE(store.createTrial(id, "{}", TrialState::Queued).sampler, QString());
    }

    void migratesToObjectiveValues()
    {
        // Schema 8: a completed trial of a schema 7 store reads back with its one value and
        // no values or violation; new trials keep every objective and their violation, a
        // requeue forgets them, and the best trial is a feasible one.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v7.db"));
        std::int64_t id = 0;
        {
            Store v7(path, 7);
            id = v7.createExperiment(QStringLiteral("old"), "{}");
        }
        rawExec(path, "INSERT INTO trials(experiment_id, number, params, state, value, created_at) VALUES(1, 0, '{}', 'completed', 0.5, 1)");
        Store store(path);
        QCOMPARE(store.schemaVersion(), Store::kSchemaVersion);
        const TrialRow old = *store.trial(1);
        QCOMPARE(old.value, std::optional<double>(0.5));
        QVERIFY(old.values.empty());
        QVERIFY(!old.violation);
        QVERIFY(old.feasible());

        const TrialRow a = store.createTrial(id, "{}", TrialState::Running);
        store.finishTrial(a.id, TrialState::Completed, 0.25, 0, {}, {}, {}, TrialScore{{0.25, 12.5, -3}, 1.5});
        const TrialRow readA = *store.trial(a.id);
        QCOMPARE(readA.values, (std::vector<double>{0.25, 12.5, -3}));
        QCOMPARE(readA.violation, std::optional<double>(1.5));
        QVERIFY(!readA.feasible());
        // The infeasible trial has the better value, the feasible old one is still best.
        QCOMPARE(store.bestTrial(id, tb::algorithms::Direction::Minimize)->id, old.id);
        store.requeueTrial(a.id, 2, QStringLiteral("again"));
        QVERIFY(store.trial(a.id)->values.empty());
        QVERIFY(!store.trial(a.id)->violation);
    }

    void migratesTelemetryToTrialShares()
    {
        // A CPU row from before schema 6 reads back without trial shares; new rows keep theirs.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v5.db"));
        std::int64_t id = 0;
        {
            Store v5(path, 5);
            id = v5.createExperiment(QStringLiteral("old"), "{}");
        }
        rawExec(path, "INSERT INTO telemetry(experiment_id, time, kind, device, utilization, trials) VALUES(1, 5, 'cpu', 0, 40, '3,4')");
        Store store(path);
        QCOMPARE(store.schemaVersion(), Store::kSchemaVersion);
        const std::vector<TelemetryRow> old = store.telemetry(id);
        QCOMPARE(old.size(), std::size_t(1));
        QCOMPARE(old[0].trials, QStringLiteral("3,4"));
        QCOMPARE(old[0].utilization, 40.0);
        QVERIFY(old[0].trialCpu.empty());
        TelemetryRow row = old[0];
        row.time = 6;
        row.trialCpu = {{3, 35.5}, {4, 0.25}};
        store.addTelemetry({row});
        QCOMPARE(store.telemetry(id, 6).front().trialCpu, (std::vector<TrialShare>{{3, 35.5}, {4, 0.25}}));
    }

    void refusesNewerAndForeignFiles()
    {
        QTemporaryDir dir;
        const QString newer = dir.filePath(QStringLiteral("newer.db"));
        { Store s(newer); }
        rawExec(newer, "PRAGMA user_version=99");
        try {
            Store s(newer);
            QFAIL("opened a newer store");
        } catch (const SpecError& e) {
            QVERIFY(QString::fromUtf8(e.what()).contains(
                QStringLiteral("written by a newer Tunebench (schema 99; this build knows up to %1)").arg(Store::kSchemaVersion)));
        }
        // Another application's SQLite files are refused and left byte for byte as they were
        // (no WAL switched on, no -wal or -shm file), whatever their user_version says.
        const QString foreign = dir.filePath(QStringLiteral("foreign.db"));
        rawExec(foreign, "CREATE TABLE customers(id INTEGER); INSERT INTO customers VALUES (1)");
        const QString versioned = dir.filePath(QStringLiteral("versioned.db"));
        rawExec(versioned, "CREATE TABLE trials(id INTEGER); CREATE TABLE experiments(id INTEGER); PRAGMA user_version=3; "
                           "PRAGMA application_id=1234");
        const QString lookalike = dir.filePath(QStringLiteral("lookalike.db"));
        rawExec(lookalike, "CREATE TABLE trials(id INTEGER); PRAGMA user_version=2");
        for (const QString& path : {foreign, versioned, lookalike}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray before = f.readAll();
            f.close();
            try {
                Store s(path);
                QFAIL(qPrintable(path + QStringLiteral(" was opened")));
            } catch (const SpecError& e) {
                QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("not a Tunebench store")), e.what());
            }
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), before);
            QVERIFY(!QFile::exists(path + QStringLiteral("-wal")) && !QFile::exists(path + QStringLiteral("-shm")));
        }
        // A store carries its application id in the header, where file(1) and MIME magic look.
        {
            QFile f(newer);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.read(72).mid(68), QByteArray("TBST"));
        }
        const QString text = dir.filePath(QStringLiteral("notes.txt"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        QVERIFY_THROWS_EXCEPTION(SpecError, Store s(text));
        QVERIFY_THROWS_EXCEPTION(SpecError, Store s(dir.filePath(QStringLiteral("missing.db")), Store::OpenMode::ExistingOnly));
    }

    // The data folder is ~/.local/share/tunebench/, not .../tunebench/tunebench/ as before;
    // a store left in the old place moves up with its experiments.
    void defaultStoreMovesUpFromTheDoubledFolder()
    {
        QTemporaryDir home;
        const QByteArray saved = qgetenv("XDG_DATA_HOME");
        qputenv("XDG_DATA_HOME", home.path().toUtf8());
        const QString old = home.filePath(QStringLiteral("tunebench/tunebench/tunebench.db"));
        QVERIFY(QDir().mkpath(QFileInfo(old).path()));
        {
            Store s(old);
            s.createExperiment(QStringLiteral("kept"), "{}");
        }
        const QString path = defaultStorePath();
        qputenv("XDG_DATA_HOME", saved);
        QCOMPARE(path, home.filePath(QStringLiteral("tunebench/tunebench.db")));
        QVERIFY(QFile::exists(old + QStringLiteral(".moved")) && !QFile::exists(old));
        Store moved(path, Store::OpenMode::ExistingOnly);
        QVERIFY(moved.experiment(QStringLiteral("kept")).has_value());
    }

    void readerProcessesWhileTheEngineWrites()
    {
        const QString cli = qEnvironmentVariable("TB_CLI");
        QVERIFY(QFile::exists(cli));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("busy.db"));
        Store setup(path);
        const QByteArray spec = R"({"name": "busy", "objective": {"metric": "loss"}, "space": [{"name": "x", "type": "float", "low": 0, "high": 1}], "algorithm": {"name": "random", "seed": 1}})";
        const auto id = setup.createExperiment(QStringLiteral("busy"), spec);

        std::atomic<bool> done{false};
        std::atomic<int> written{0};
        std::thread writer([&] {
            Store store(path); // one connection per thread
            for (int i = 0; i < 5000; ++i) {
                const TrialRow t = store.createTrial(id, R"({"x":0.5})", TrialState::Running);
                std::vector<MetricRow> metrics;
                for (int s = 0; s < 20; ++s)
                    metrics.push_back({t.id, 1, s, QStringLiteral("loss"), 1.0 / (s + 1), 1.0});
                store.addMetrics(metrics);
                store.finishTrial(t.id, TrialState::Completed, 0.05, 0, QString());
                written = i + 1;
            }
            done = true;
        });
        int reads = 0;
        qint64 last = 0;
        bool finalRead = false;
        while (!finalRead) {
            finalRead = done && reads >= 3; // one more read once the writer has finished
            QProcess p;
            p.start(cli, {QStringLiteral("status"), QStringLiteral("--db"), path, QStringLiteral("--json")});
            QVERIFY(p.waitForFinished(60000));
            const QByteArray err = p.readAllStandardError();
            QVERIFY2(p.exitCode() == 0, err.constData());
            QVERIFY(!err.contains("locked"));
            const QJsonObject status = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
            const qint64 completed = status.value(QStringLiteral("counts")).toObject().value(QStringLiteral("completed")).toInteger();
            QVERIFY(completed >= last); // a reader sees whole transactions, in order
            last = completed;
            ++reads;
        }
        writer.join();
        QCOMPARE(written.load(), 5000);
        QCOMPARE(last, qint64(5000));
        QVERIFY(reads >= 3);
    }

    // Anything in the process that opens and closes the store's files outside SQLite (a
    // file dialog sniffing types) drops the process's POSIX locks. A reader process that
    // closes next must still not delete the WAL, and every later write must reach the store.
    void writesSurviveLostPosixLocks()
    {
        const QString cli = qEnvironmentVariable("TB_CLI");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("locks.db"));
        Store store(path);
        const QByteArray spec = R"({"name": "locks", "objective": {"metric": "loss"}, "space": [{"name": "x", "type": "float", "low": 0, "high": 1}], "algorithm": {"name": "random", "seed": 1}})";
        const auto id = store.createExperiment(QStringLiteral("locks"), spec);
        auto addCompleted = [&](int n) {
            for (int i = 0; i < n; ++i) {
                const TrialRow t = store.createTrial(id, R"({"x":0.5})", TrialState::Running);
                store.finishTrial(t.id, TrialState::Completed, 0.5, 0, QString());
            }
        };
        auto completedSeenByAnotherProcess = [&] {
            QProcess p;
            p.start(cli, {QStringLiteral("status"), QStringLiteral("--db"), path, QStringLiteral("--json")});
            p.waitForFinished(60000);
            return QJsonDocument::fromJson(p.readAllStandardOutput()).object().value(QStringLiteral("counts")).toObject()
                .value(QStringLiteral("completed")).toInteger(-1);
        };
        addCompleted(4);
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QVERIFY(isOpenStoreFile(path + suffix));
            QFile sniff(path + suffix);
            QVERIFY(sniff.open(QIODevice::ReadOnly));
            sniff.read(64);
        } // closed: this process's POSIX locks on the three files are gone
        QVERIFY(!isOpenStoreFile(dir.filePath(QStringLiteral("other.db"))));
        QCOMPARE(completedSeenByAnotherProcess(), qint64(4));
        QVERIFY2(QFile::exists(path + QStringLiteral("-wal")), "the reader deleted the WAL this process still writes");
        addCompleted(12);
        QCOMPARE(completedSeenByAnotherProcess(), qint64(16));
        QCOMPARE(store.counts(id).completed, qint64(16));
    }

    // One engine per experiment: a live owner refuses a second one and names itself; a
    // dead one (its pid gone, or a stale heartbeat) is taken over; a stop request reaches
    // the owner at its next heartbeat; a taken-over owner learns it lost the lease.
    void leaseHasOneOwner()
    {
        QTemporaryDir dir;
        Store store(dir.filePath(QStringLiteral("lease.db")));
        const auto id = store.createExperiment(QStringLiteral("owned"), "{}");
        std::optional<Lease> first;
        first.emplace(store, *store.experiment(id), QStringLiteral("tunebench-cli run"));
        QCOMPARE(store.experiment(id)->owner->pid, qint64(QCoreApplication::applicationPid()));
        QVERIFY(Lease::isAlive(*store.experiment(id)->owner, Store::now()));
        try {
            Lease second(store, *store.experiment(id), QStringLiteral("tunebench-cli resume"));
            QFAIL("a second engine took a live lease");
        } catch (const BusyError& e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.contains(QStringLiteral("already being run by tunebench-cli run (pid %1").arg(QCoreApplication::applicationPid()))
                         && message.contains(QStringLiteral("tunebench-cli stop --db")),
                     e.what());
        }
        QCOMPARE(first->beat(), Store::Beat::Held);
        QVERIFY(store.requestStop(id));
        QCOMPARE(first->beat(), Store::Beat::StopRequested);

        // A stale heartbeat: the owner is taken for dead, and learns it at its next beat.
        Owner stale = *store.experiment(id)->owner;
        stale.heartbeat -= Lease::kStaleSeconds + 1;
        QVERIFY(!Lease::isAlive(stale, Store::now()));
        rawExec(store.path(), QStringLiteral("UPDATE experiments SET heartbeat_at = %1").arg(stale.heartbeat, 0, 'f', 3).toUtf8().constData());
        {
            Lease taker(store, *store.experiment(id), QStringLiteral("tunebench (window)"));
            QCOMPARE(taker.previous()->token, stale.token);
            QCOMPARE(first->beat(), Store::Beat::Lost);
            QVERIFY(!store.experiment(id)->stopRequested); // a new owner starts without the old request
        } // released
        QVERIFY(!store.experiment(id)->owner);

        // A pid that is gone, or one reused by another process, is not the owner.
        Owner gone = Lease::currentProcess(QStringLiteral("x"));
        QProcess child;
        child.start(QStringLiteral("true"));
        QVERIFY(child.waitForFinished());
        gone.pid = child.processId();
        QVERIFY(!Lease::isAlive(gone, Store::now()));
        Owner reused = Lease::currentProcess(QStringLiteral("x"));
        reused.process += QStringLiteral("0"); // same pid, other start time
        QVERIFY(!Lease::isAlive(reused, Store::now()));
    }

    // If the WAL goes anyway (here: removed by hand), the store refuses to write into the
    // deleted file and says why, instead of losing what it writes.
    void refusesToWriteIntoADeletedWal()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("gone.db"));
        Store store(path);
        const QByteArray spec = R"({"name": "gone", "objective": {"metric": "loss"}, "space": [{"name": "x", "type": "float", "low": 0, "high": 1}], "algorithm": {"name": "random", "seed": 1}})";
        const auto id = store.createExperiment(QStringLiteral("gone"), spec);
        QVERIFY(QFile::remove(path + QStringLiteral("-wal")));
        try {
            store.createTrial(id, R"({"x":0.5})", TrialState::Running);
            QFAIL("a write into a deleted WAL was accepted");
        } catch (const RuntimeError& e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.startsWith(path) && message.contains(QStringLiteral("write-ahead log was deleted")), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
