// The GPU allocator under every resources setting, fed by FakeGpuSource through the
// telemetry interface: who gets which device, why a trial waits, and release.

#include "engine/telemetry/fake_gpu_source.h"
#include "engine/telemetry/gpu_allocator.h"

#include <QTest>
#include <random>
#include <set>

using namespace tb::engine;

Q_DECLARE_METATYPE(std::vector<int>)

namespace {

// Every process the fake reports is foreign: the tests run no trial processes.
std::vector<GpuState> viewOf(TelemetrySource& source)
{
    std::vector<GpuState> view;
    for (const DeviceSample& s : source.sample()) {
        GpuState g{s.index, s.memoryTotalBytes, s.memoryUsedBytes, {}};
        for (const DeviceProcess& p : s.processes)
            g.foreignPids.push_back(p.pid);
        view.push_back(std::move(g));
    }
    return view;
}

QString describe(const GpuGrant& g)
{
    if (g.impossible)
        return QStringLiteral("impossible: ") + QString::fromStdString(g.waitReason);
    if (!g.granted())
        return QStringLiteral("wait: ") + QString::fromStdString(g.waitReason);
    QStringList devices;
    for (int d : g.devices)
        devices << QString::number(d);
    return devices.join(QLatin1Char(','));
}

std::vector<int> range(int n)
{
    std::vector<int> v;
    for (int i = 0; i < n; ++i)
        v.push_back(i);
    return v;
}

} // namespace

class TestGpuAllocator : public QObject {
    Q_OBJECT
private slots:
    void allocates_data()
    {
        QTest::addColumn<QString>("fake");           // TUNEBENCH_FAKE_GPUS syntax
        QTest::addColumn<std::vector<int>>("devices"); // resources.gpus resolved
        QTest::addColumn<int>("trialsPerGpu");
        QTest::addColumn<int>("minFreeMb");
        QTest::addColumn<bool>("skipBusy");
        QTest::addColumn<std::vector<int>>("requests"); // GPUs asked by trials 1, 2, ...
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("one trial per GPU") << "2" << range(2) << 1 << 0 << false << std::vector<int>{1, 1, 1}
                                           << QStringList{"0", "1", "wait: GPU 0 runs 1 trial (trials_per_gpu 1), GPU 1 runs 1 trial (trials_per_gpu 1)"};
        QTest::newRow("two trials per GPU, spread first")
            << "2" << range(2) << 2 << 0 << false << std::vector<int>{1, 1, 1, 1, 1}
            << QStringList{"0", "1", "0", "1", "wait: GPU 0 runs 2 trials (trials_per_gpu 2), GPU 1 runs 2 trials (trials_per_gpu 2)"};
        QTest::newRow("busy GPU used when not skipping") << "2,busy=0:1234" << range(2) << 1 << 0 << false << std::vector<int>{1, 1}
                                                         << QStringList{"0", "1"};
        QTest::newRow("busy GPU skipped") << "2,busy=0:1234" << range(2) << 1 << 0 << true << std::vector<int>{1, 1}
                                          << QStringList{"1", "wait: GPU 0 busy with foreign processes (pid 1234), GPU 1 runs 1 trial (trials_per_gpu 1)"};
        QTest::newRow("busy and short of memory")
            << "2,busy=0:1234,used_mb=1:15584" << range(2) << 1 << 2000 << true << std::vector<int>{1}
            << QStringList{"wait: GPU 0 busy with foreign processes (pid 1234), GPU 1 has 800 MiB free < 2000 MiB"};
        QTest::newRow("min free memory") << "2,used_mb=0:15584" << range(2) << 2 << 2000 << false << std::vector<int>{1, 1, 1}
                                         << QStringList{"1", "1", "wait: GPU 0 has 800 MiB free < 2000 MiB, GPU 1 runs 2 trials (trials_per_gpu 2)"};
        QTest::newRow("most free memory first") << "3,used_mb=0:8000" << range(3) << 1 << 0 << false << std::vector<int>{1, 1, 1}
                                                << QStringList{"1", "2", "0"};
        QTest::newRow("listed GPUs only") << "4" << std::vector<int>{1, 3} << 1 << 0 << false << std::vector<int>{1, 1, 1}
                                          << QStringList{"1", "3", "wait: GPU 1 runs 1 trial (trials_per_gpu 1), GPU 3 runs 1 trial (trials_per_gpu 1)"};
        QTest::newRow("listed GPU not visible") << "2" << std::vector<int>{0, 5} << 1 << 0 << false << std::vector<int>{1, 1}
                                                << QStringList{"0", "wait: GPU 0 runs 1 trial (trials_per_gpu 1), GPU 5 is not visible"};
        QTest::newRow("pipeline stages get several") << "4" << range(4) << 1 << 0 << false << std::vector<int>{2, 2, 1}
                                                     << QStringList{"0,1", "2,3", "wait: GPU 0 runs 1 trial (trials_per_gpu 1), GPU 1 runs 1 trial (trials_per_gpu 1), GPU 2 runs 1 trial (trials_per_gpu 1), GPU 3 runs 1 trial (trials_per_gpu 1)"};
        QTest::newRow("stages share with trials_per_gpu") << "2" << range(2) << 2 << 0 << false << std::vector<int>{2, 2, 1}
                                                          << QStringList{"0,1", "0,1", "wait: GPU 0 runs 2 trials (trials_per_gpu 2), GPU 1 runs 2 trials (trials_per_gpu 2)"};
        QTest::newRow("partly free for two") << "3" << range(3) << 1 << 0 << false << std::vector<int>{2, 2}
                                             << QStringList{"0,1", "wait: needs 2 GPUs, 1 usable: GPU 0 runs 1 trial (trials_per_gpu 1), GPU 1 runs 1 trial (trials_per_gpu 1)"};
        QTest::newRow("more than configured") << "2" << range(2) << 1 << 0 << false << std::vector<int>{3}
                                              << QStringList{"impossible: needs 3 GPUs but resources.gpus has 2"};
        QTest::newRow("CPU-only trials need none") << "1" << range(1) << 1 << 0 << false << std::vector<int>{0, 0, 1, 0}
                                                   << QStringList{"", "", "0", ""};
        QTest::newRow("more foreign pids shortened") << "1,busy=0:11,busy=0:12,busy=0:13,busy=0:14" << range(1) << 1 << 0 << true
                                                     << std::vector<int>{1}
                                                     << QStringList{"wait: GPU 0 busy with foreign processes (pid 11, 12, 13, ...)"};
    }

    void allocates()
    {
        QFETCH(QString, fake);
        QFETCH(std::vector<int>, devices);
        QFETCH(int, trialsPerGpu);
        QFETCH(int, minFreeMb);
        QFETCH(bool, skipBusy);
        QFETCH(std::vector<int>, requests);
        QFETCH(QStringList, expected);
        FakeGpuSource source = FakeGpuSource::fromSpec(fake.toStdString());
        GpuAllocator allocator({devices, trialsPerGpu, static_cast<std::uint64_t>(minFreeMb) << 20, skipBusy});
        allocator.update(viewOf(source));
        QStringList got;
        for (std::size_t k = 0; k < requests.size(); ++k)
            got << describe(allocator.request(static_cast<std::int64_t>(k + 1), requests[k]));
        QCOMPARE(got, expected);
        for (int d : devices)
            QVERIFY(allocator.holders(d) <= trialsPerGpu);
    }

    void releaseOnExitOrCrashFreesTheDevice()
    {
        FakeGpuSource source(2);
        GpuAllocator allocator({range(2), 1, 0, false});
        allocator.update(viewOf(source));
        QCOMPARE(describe(allocator.request(1, 1)), QStringLiteral("0"));
        QCOMPARE(describe(allocator.request(2, 1)), QStringLiteral("1"));
        QVERIFY(!allocator.request(3, 1).granted());
        allocator.release(1); // trial 1 exited
        QCOMPARE(describe(allocator.request(3, 1)), QStringLiteral("0"));
        QCOMPARE(allocator.trialsOn(0), (std::vector<std::int64_t>{3}));
        allocator.release(2); // trial 2 crashed: the engine releases the same way
        allocator.release(2); // twice, or an unknown trial: harmless
        allocator.release(99);
        QCOMPARE(allocator.holders(1), 0);
        QCOMPARE(allocator.devicesOf(3), std::vector<int>{0});
        // A retry of trial 3 replaces its grant rather than adding one.
        QCOMPARE(describe(allocator.request(3, 1)), QStringLiteral("0"));
        QCOMPARE(allocator.holders(0), 1);
    }

    void foreignProcessLeavingUnblocks()
    {
        FakeGpuSource source = FakeGpuSource::fromSpec("1,busy=0:4242");
        GpuAllocator allocator({range(1), 1, 0, true});
        allocator.update(viewOf(source));
        QCOMPARE(describe(allocator.request(1, 1)), QStringLiteral("wait: GPU 0 busy with foreign processes (pid 4242)"));
        source.device(0).processes.clear();
        allocator.update(viewOf(source));
        QCOMPARE(describe(allocator.request(1, 1)), QStringLiteral("0"));
    }

    void neverOversubscribed_data()
    {
        QTest::addColumn<int>("gpus");
        QTest::addColumn<int>("trialsPerGpu");
        QTest::addColumn<int>("maxPerTrial");
        QTest::newRow("1 GPU x1") << 1 << 1 << 1;
        QTest::newRow("2 GPUs x2") << 2 << 2 << 1;
        QTest::newRow("4 GPUs x1, stages up to 3") << 4 << 1 << 3;
        QTest::newRow("8 GPUs x3, stages up to 4") << 8 << 3 << 4;
    }

    void neverOversubscribed()
    {
        QFETCH(int, gpus);
        QFETCH(int, trialsPerGpu);
        QFETCH(int, maxPerTrial);
        FakeGpuSource source(gpus);
        GpuAllocator allocator({range(gpus), trialsPerGpu, 0, false});
        allocator.update(viewOf(source));
        std::mt19937 rng(12345);
        std::vector<std::int64_t> holding;
        std::int64_t next = 1;
        int granted = 0;
        for (int step = 0; step < 5000; ++step) {
            if (!holding.empty() && rng() % 3 == 0) {
                const std::size_t k = rng() % holding.size();
                allocator.release(holding[k]);
                holding.erase(holding.begin() + static_cast<std::ptrdiff_t>(k));
            } else {
                const int count = 1 + static_cast<int>(rng() % static_cast<unsigned>(maxPerTrial));
                const GpuGrant g = allocator.request(next, count);
                if (g.granted()) {
                    QCOMPARE(static_cast<int>(g.devices.size()), count);
                    QCOMPARE(static_cast<int>(std::set<int>(g.devices.begin(), g.devices.end()).size()), count);
                    holding.push_back(next);
                    ++granted;
                }
                ++next;
            }
            for (int d = 0; d < gpus; ++d)
                QVERIFY2(allocator.holders(d) <= trialsPerGpu, qPrintable(QStringLiteral("GPU %1 over-subscribed at step %2").arg(d).arg(step)));
        }
        QVERIFY(granted > 100);
    }

    void gpusForCommand_data()
    {
        QTest::addColumn<QStringList>("argv");
        QTest::addColumn<int>("gpusPerTrial");
        QTest::addColumn<int>("expected");
        QTest::newRow("any command") << QStringList{"python3", "train.py"} << -1 << 1;
        QTest::newRow("trainer, no stages") << QStringList{"/opt/tb/bin/tunebench-train", "--model", "mlp"} << -1 << 1;
        QTest::newRow("trainer, --stages 4") << QStringList{"tunebench-train", "--stages", "4"} << -1 << 4;
        QTest::newRow("trainer, --stages=2") << QStringList{"/x/tunebench-train", "--stages=2"} << -1 << 2;
        QTest::newRow("trainer, 2 stages x 3 replicas")
            << QStringList{"tunebench-train", "--stages", "2", "--replicas=3"} << -1 << 6;
        QTest::newRow("trainer, replicas only") << QStringList{"tunebench-train", "--replicas", "2"} << -1 << 2;
        QTest::newRow("trainer told to share") << QStringList{"tunebench-train", "--stages", "4"} << 1 << 1;
        QTest::newRow("gpus_per_trial 0") << QStringList{"python3"} << 0 << 0;
        QTest::newRow("gpus_per_trial 2") << QStringList{"python3"} << 2 << 2;
        QTest::newRow("not the trainer") << QStringList{"my-tunebench-train", "--stages", "4"} << -1 << 1;
        QTest::newRow("bad stages") << QStringList{"tunebench-train", "--stages", "x"} << -1 << 1;
    }

    void gpusForCommand()
    {
        QFETCH(QStringList, argv);
        QFETCH(int, gpusPerTrial);
        QFETCH(int, expected);
        std::vector<std::string> args;
        for (const QString& a : argv)
            args.push_back(a.toStdString());
        QCOMPARE(tb::engine::gpusForCommand(args, gpusPerTrial), expected);
    }
};

QTEST_GUILESS_MAIN(TestGpuAllocator)
#include "tst_gpu_allocator.moc"
