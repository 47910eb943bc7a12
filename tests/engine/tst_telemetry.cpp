// Telemetry: the CPU source for real, NVML's absence, the fake source's syntax, recording
// into the store, downsampling old samples, and the CSV/JSON export.

#include "engine/telemetry/cpu_source.h"
#include "engine/core/exporters.h"
#include "engine/telemetry/fake_gpu_source.h"
#include "engine/telemetry/nvml_source.h"
#include "engine/core/store.h"
#include "engine/core/study.h"
#include "engine/core/telemetry_recorder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <cmath>
#include <map>
#include <stdexcept>
#include <unistd.h>

using namespace tb::engine;

namespace {

const char* const kSpec = R"({"name": "t", "objective": {"metric": "loss"},
  "space": [{"name": "x", "type": "float", "low": 0, "high": 1}], "algorithm": {"name": "random", "seed": 1},
  "trial": {"argv": ["true"], "workdir": "/tmp"}})";

TelemetryRow gpuRow(std::int64_t experiment, double time, int device, double utilization, std::int64_t used)
{
    TelemetryRow r;
    r.experimentId = experiment;
    r.time = time;
    r.kind = QStringLiteral("gpu");
    r.device = device;
    r.name = QStringLiteral("Fake GPU");
    r.utilization = utilization;
    r.memoryUsed = used;
    r.memoryTotal = std::int64_t(16) << 30;
    r.powerW = 100;
    r.temperatureC = 40 + utilization / 10;
    r.trials = QStringLiteral("7");
    return r;
}

// A program in a process group of its own, as the engine starts a trial; the group is
// killed when it goes.
struct GroupLeader {
    QProcess process;

    GroupLeader(const QString& program, const QStringList& args)
    {
        process.setProgram(program);
        process.setArguments(args);
        process.setChildProcessModifier([] { ::setpgid(0, 0); });
        process.start();
    }
    ~GroupLeader()
    {
        if (const auto pid = static_cast<pid_t>(process.processId()); pid > 0)
            ::kill(-pid, SIGKILL);
        process.waitForFinished(5000);
    }
    int pid() const { return static_cast<int>(process.processId()); }
};

const DeviceProcess* processOf(const DeviceSample& s, int pid)
{
    for (const DeviceProcess& p : s.processes)
        if (p.pid == pid)
            return &p;
    return nullptr;
}

} // namespace

class TestTelemetry : public QObject {
    Q_OBJECT
private slots:
    void cpuSourceReadsThisMachine()
    {
        CpuSource cpu;
        QVERIFY(cpu.available());
        QCOMPARE(cpu.deviceCount(), 1);
        cpu.watch({static_cast<int>(::getpid())});
        volatile double sink = 0; // some work between the two /proc/stat readings
        for (int i = 0; i < 3000000; ++i)
            sink = sink + std::sqrt(static_cast<double>(i));
        const std::vector<DeviceSample> samples = cpu.sample();
        QCOMPARE(samples.size(), std::size_t(1));
        const DeviceSample& s = samples.front();
        QCOMPARE(s.kind, DeviceKind::Cpu);
        QVERIFY(s.utilizationPercent >= 0 && s.utilizationPercent <= 100);
        QVERIFY(s.memoryTotalBytes > (64ULL << 20));
        QVERIFY(s.memoryUsedBytes > 0 && s.memoryUsedBytes <= s.memoryTotalBytes);
        QVERIFY(std::fabs(s.time - wallClockSeconds()) < 5);
        QVERIFY(QString::fromStdString(s.name).startsWith(QStringLiteral("CPU (")));
        QCOMPARE(s.processes.size(), std::size_t(1));
        QCOMPARE(s.processes[0].pid, static_cast<int>(::getpid()));
        QVERIFY(s.processes[0].usedMemoryBytes > (1ULL << 20)); // this test's RSS
        QVERIFY(CpuSource::residentBytes(::getpid()).value_or(0) > 0);
        QVERIFY(!CpuSource::residentBytes(-5).has_value());
    }

    // Each watched trial gets its own process tree's CPU share, not the machine's: a busy
    // trial (a shell whose child spins) and an idle one (sleep) watched side by side.
    void cpuShareIsEachTreesOwn()
    {
        CpuSource cpu; // before the trials start: their first sample counts all their time
        GroupLeader busy(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("sh -c 'while :; do :; done' & wait")});
        GroupLeader idle(QStringLiteral("sleep"), {QStringLiteral("30")});
        QVERIFY(busy.process.waitForStarted(5000) && idle.process.waitForStarted(5000));
        cpu.watch({busy.pid(), idle.pid()});
        QTest::qSleep(300);
        const DeviceSample first = cpu.sample().front();
        QVERIFY(processOf(first, busy.pid()) && processOf(first, busy.pid())->cpuPercent >= 0);
        QVERIFY(processOf(first, idle.pid()) && processOf(first, idle.pid())->cpuPercent >= 0);

        QTest::qSleep(1000);
        const DeviceSample second = cpu.sample().front();
        QCOMPARE(second.processes.size(), std::size_t(2));
        const DeviceProcess* b = processOf(second, busy.pid());
        const DeviceProcess* i = processOf(second, idle.pid());
        QVERIFY(b && i);
        // The spinning child is in the busy trial's tree (its leader only waits); on two
        // busy cores it still gets far more than 2% of the machine. Sleep uses none.
        QVERIFY2(b->cpuPercent > 2.0, qPrintable(QString::number(b->cpuPercent)));
        QVERIFY2(i->cpuPercent < 1.0, qPrintable(QString::number(i->cpuPercent)));
        QVERIFY(b->cpuPercent <= 100.0);
        // The tree's resident set: the waiting shell and its spinning child.
        QVERIFY(b->usedMemoryBytes > CpuSource::residentBytes(busy.pid()).value_or(0));

        // Recorded per trial on the CPU row, and read back from the store as written.
        QTemporaryDir dir;
        Store store(dir.filePath(QStringLiteral("s.db")));
        const auto id = store.createExperiment(QStringLiteral("t"), kSpec);
        const std::map<int, std::int64_t> trials{{busy.pid(), 41}, {idle.pid(), 42}};
        TelemetryRecorder(store, id).record({second}, [](const DeviceSample&) { return QStringLiteral("41,42"); }, {},
                                            [&](int pid) -> std::optional<std::int64_t> {
                                                const auto it = trials.find(pid);
                                                return it == trials.end() ? std::nullopt : std::optional(it->second);
                                            });
        const std::vector<TelemetryRow> rows = store.telemetry(id);
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0].trialCpu.size(), std::size_t(2));
        QCOMPARE(rows[0].trialCpu[0].trial, std::int64_t(41));
        QCOMPARE(rows[0].trialCpu[1].trial, std::int64_t(42));
        QVERIFY(std::fabs(rows[0].trialCpu[0].percent - b->cpuPercent) < 0.01 * b->cpuPercent);
        QVERIFY(rows[0].trialCpu[0].percent > rows[0].trialCpu[1].percent);
        QVERIFY(rows[0].trialCpu[0].percent <= rows[0].utilization + 1.0); // part of the machine's use
    }

    // A tree first seen after it has run a while has no share until its second sample:
    // its time so far is not the last interval's.
    void olderTreeWaitsForItsSecondSample()
    {
        GroupLeader idle(QStringLiteral("sleep"), {QStringLiteral("30")});
        QVERIFY(idle.process.waitForStarted(5000));
        QTest::qSleep(100); // clock ticks are 10 ms: the source below starts after it
        CpuSource cpu;
        QTest::qSleep(100);
        cpu.watch({idle.pid()});
        const DeviceSample first = cpu.sample().front();
        QCOMPARE(first.processes.size(), std::size_t(1));
        QCOMPARE(first.processes[0].cpuPercent, -1.0);
        QTest::qSleep(100);
        QVERIFY(cpu.sample().front().processes[0].cpuPercent >= 0);
        // A trial that ended is no longer listed.
        cpu.watch({idle.pid(), 999999999});
        QCOMPARE(cpu.sample().front().processes.size(), std::size_t(1));
    }

    void trialSharesMerge()
    {
        QTemporaryDir dir;
        Store store(dir.filePath(QStringLiteral("s.db")));
        const auto id = store.createExperiment(QStringLiteral("t"), kSpec);
        // Three samples of one bucket: a trial's share is its mean over the samples it has.
        std::vector<TelemetryRow> rows;
        for (int k = 0; k < 3; ++k) {
            TelemetryRow row = gpuRow(id, 1700000010 + k, 0, 50, 1 << 20);
            row.kind = QStringLiteral("cpu");
            rows.push_back(row);
        }
        rows[0].trialCpu = {{7, 10.0}};
        rows[1].trialCpu = {{7, 30.0}, {8, 5.5}};
        rows[2].trialCpu = {{7, 20.0}, {8, 7.5}};
        store.addTelemetry(rows);
        QCOMPARE(store.telemetry(id, 1700000011, 1700000012).front().trialCpu, (std::vector<TrialShare>{{7, 30.0}, {8, 5.5}}));
        QCOMPARE(store.downsampleTelemetry(id, 1700000010, 1700000020, 10), qint64(2));
        const std::vector<TelemetryRow> merged = store.telemetry(id, 1700000010, 1700000020);
        QCOMPARE(merged.size(), std::size_t(1));
        QCOMPARE(merged[0].samples, 3);
        QCOMPARE(merged[0].trialCpu, (std::vector<TrialShare>{{7, 20.0}, {8, 6.5}}));
    }

    void missingNvmlIsQuiet()
    {
        NvmlSource nvml("libnvidia-ml-tunebench-test-missing.so.1");
        QVERIFY(!nvml.available());
        QCOMPARE(nvml.deviceCount(), 0);
        QVERIFY(nvml.sample().empty());
        QVERIFY(QString::fromStdString(nvml.unavailableReason()).contains(QStringLiteral("not found")));
    }

    void fakeSource_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("devices");
        QTest::addColumn<int>("busyDevice"); // -1: none
        QTest::addColumn<qint64>("usedMbOf1");
        QTest::newRow("two") << "2" << 2 << -1 << qint64(0);
        QTest::newRow("busy and used") << "3,busy=2:77,used_mb=1:1000,util=0:50" << 3 << 2 << qint64(1000);
        QTest::newRow("none") << "0" << 0 << -1 << qint64(0);
    }

    void fakeSource()
    {
        QFETCH(QString, spec);
        QFETCH(int, devices);
        QFETCH(int, busyDevice);
        QFETCH(qint64, usedMbOf1);
        FakeGpuSource source = FakeGpuSource::fromSpec(spec.toStdString());
        const auto samples = source.sample();
        QCOMPARE(static_cast<int>(samples.size()), devices);
        for (const DeviceSample& s : samples) {
            QCOMPARE(s.kind, DeviceKind::Gpu);
            QCOMPARE(s.processes.empty(), s.index != busyDevice);
            if (s.index == 1)
                QCOMPARE(static_cast<qint64>(s.memoryUsedBytes >> 20), usedMbOf1);
        }
    }

    void fakeSourceRejects_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("error");
        QTest::newRow("not a count") << "two" << "TUNEBENCH_FAKE_GPUS: bad item 'two' in 'two'";
        QTest::newRow("no such GPU") << "2,busy=5:1" << "TUNEBENCH_FAKE_GPUS: no GPU 5 in '2,busy=5:1'";
        QTest::newRow("unknown key") << "1,hot=0:1" << "TUNEBENCH_FAKE_GPUS: unknown key in 'hot=0:1'";
        QTest::newRow("missing colon") << "1,busy=4" << "TUNEBENCH_FAKE_GPUS: bad item 'busy=4' in '1,busy=4'";
    }

    void fakeSourceRejects()
    {
        QFETCH(QString, spec);
        QFETCH(QString, error);
        try {
            FakeGpuSource::fromSpec(spec.toStdString());
            QFAIL("accepted");
        } catch (const std::invalid_argument& e) {
            QCOMPARE(QString::fromUtf8(e.what()), error);
        }
    }

    void recordsSamplesWithTheirTrials()
    {
        QTemporaryDir dir;
        Store store(dir.filePath(QStringLiteral("s.db")));
        const auto id = store.createExperiment(QStringLiteral("t"), kSpec);
        FakeGpuSource gpus = FakeGpuSource::fromSpec("2,busy=1:999,used_mb=1:1024,util=1:80");
        CpuSource cpu;
        cpu.watch({static_cast<int>(::getpid())});
        TelemetryRecorder recorder(store, id);
        for (int k = 0; k < 3; ++k) {
            std::vector<DeviceSample> samples = gpus.sample();
            for (DeviceSample& s : cpu.sample())
                samples.push_back(std::move(s));
            recorder.record(samples, [](const DeviceSample& s) {
                return s.kind == DeviceKind::Cpu ? QStringLiteral("3,4") : s.index == 0 ? QStringLiteral("3") : QString();
            });
        }
        const auto rows = store.telemetry(id);
        QCOMPARE(rows.size(), std::size_t(9));
        std::map<QString, int> byDevice;
        for (const TelemetryRow& r : rows) {
            ++byDevice[r.kind + QString::number(r.device)];
            if (r.kind == QLatin1String("gpu") && r.device == 1) {
                QCOMPARE(r.utilization, 80.0);
                QCOMPARE(*r.memoryUsed, std::int64_t(1024) << 20);
                QCOMPARE(r.trials, QString());
                QCOMPARE(r.processes, QByteArray("[[999,268435456]]"));
            } else if (r.kind == QLatin1String("gpu")) {
                QCOMPARE(r.trials, QStringLiteral("3"));
            } else {
                QCOMPARE(r.trials, QStringLiteral("3,4"));
                QVERIFY(r.processes.startsWith("[[" + QByteArray::number(::getpid()) + ','));
            }
        }
        QCOMPARE(byDevice, (std::map<QString, int>{{"cpu0", 3}, {"gpu0", 3}, {"gpu1", 3}}));
    }

    void followsNewAndMergedRows()
    {
        // What StoreFollower relies on: rows since a rowid arrive in rowid order, and the
        // count up to the last rowid it got drops once downsampling merged some of them.
        QTemporaryDir dir;
        Store store(dir.filePath(QStringLiteral("s.db")));
        const auto id = store.createExperiment(QStringLiteral("t"), kSpec);
        const auto other = store.createExperiment(QStringLiteral("u"), kSpec);
        std::vector<TelemetryRow> rows;
        for (int k = 0; k < 40; ++k)
            rows.push_back(gpuRow(id, 1700000000 + k * 0.5, 0, k, 1 << 20));
        store.addTelemetry(rows);
        store.addTelemetry({gpuRow(other, 1700000000, 0, 50, 1 << 20)});

        std::int64_t last = -1;
        auto got = store.telemetrySince(id, 0, 30, &last);
        QCOMPARE(got.size(), std::size_t(30));
        QCOMPARE(got.back().utilization, 29.0);
        got = store.telemetrySince(id, last, 100, &last);
        QCOMPARE(got.size(), std::size_t(10)); // not the other experiment's row
        QCOMPARE(got.front().utilization, 30.0);
        const std::int64_t seen = last;
        QCOMPARE(store.telemetrySince(id, seen, 100, &last).size(), std::size_t(0));
        QCOMPARE(last, seen);
        QCOMPARE(store.telemetryCountUpTo(id, seen), qint64(40));

        store.addTelemetry({gpuRow(id, 1700000020, 0, 99, 1 << 20)});
        QCOMPARE(store.telemetryCountUpTo(id, seen), qint64(40)); // new rows do not count
        QCOMPARE(store.downsampleTelemetry(id, 0, 1700000010, 10), qint64(20 - 1)); // one bucket
        QVERIFY(store.telemetryCountUpTo(id, seen) < 40);
        QCOMPARE(store.telemetrySince(id, seen, 100, &last).size(), std::size_t(2)); // the new row and the merged one
    }

    void downsamplesOldSamples()
    {
        QTemporaryDir dir;
        Store store(dir.filePath(QStringLiteral("s.db")));
        const auto id = store.createExperiment(QStringLiteral("t"), kSpec);
        // Two hours of 2 Hz samples from two GPUs, the older hour to be merged.
        const double t0 = 1699999980; // a multiple of 10 and 60: buckets align with the data
        const int perDevice = 2 * 7200;
        std::vector<TelemetryRow> rows;
        for (int k = 0; k < perDevice; ++k)
            for (int device = 0; device < 2; ++device)
                rows.push_back(gpuRow(id, t0 + k * 0.5, device, (k % 20) * 5.0, (std::int64_t(k % 20) + 1) << 20));
        store.addTelemetry(rows);
        QCOMPARE(store.telemetryCount(id), qint64(2 * perDevice));

        TelemetryRecorder recorder(store, id);
        const double now = t0 + 7200;
        const std::int64_t removed = recorder.downsample(now);
        // The older hour: 360 rows of 10 s per device instead of 7200; the newest untouched.
        QCOMPARE(removed, qint64(2 * (7200 - 360)));
        QCOMPARE(store.telemetryCount(id), qint64(2 * (360 + 7200)));
        QCOMPARE(recorder.downsample(now), qint64(0)); // nothing new has aged
        for (int device = 0; device < 2; ++device) {
            std::vector<TelemetryRow> own;
            for (TelemetryRow& r : store.telemetry(id))
                if (r.device == device)
                    own.push_back(std::move(r));
            // Coverage: from the first sample on, no gap wider than a bucket, and every raw
            // sample is accounted for.
            QCOMPARE(own.front().time, t0);
            int samples = 0;
            for (std::size_t k = 0; k < own.size(); ++k) {
                samples += own[k].samples;
                if (k)
                    QVERIFY(own[k].time - own[k - 1].time <= 10.0 + 1e-6);
                if (own[k].time < now - 3600) {
                    QCOMPARE(own[k].samples, 20);
                    QCOMPARE(own[k].utilization, 47.5);                 // the mean of 0, 5, ..., 95
                    QCOMPARE(*own[k].memoryUsed, std::int64_t(20) << 20); // the peak
                    QCOMPARE(own[k].temperatureC, 40 + 9.5);             // the peak
                    QCOMPARE(own[k].trials, QStringLiteral("7"));
                } else {
                    QCOMPARE(own[k].samples, 1);
                }
            }
            QCOMPARE(samples, perDevice);
            QCOMPARE(own.back().time, t0 + (perDevice - 1) * 0.5);
        }
        // A minute later, one more minute has aged: 6 more buckets per device.
        QCOMPARE(recorder.downsample(now + 60), qint64(2 * (120 - 6)));
        // After a day, the 10 s rows merge again into minutes.
        TelemetryRecorder later(store, id);
        later.downsample(now + 86400 + 7200);
        QCOMPARE(store.telemetryCount(id), qint64(2 * 120));
        std::int64_t total = 0;
        for (const TelemetryRow& r : store.telemetry(id))
            total += r.samples;
        QCOMPARE(total, qint64(2 * perDevice));
    }

    void exportsCsvAndJson()
    {
        QTemporaryDir dir;
        Store store(dir.filePath(QStringLiteral("s.db")));
        store.createExperiment(QStringLiteral("t"), kSpec);
        Study study(store, Study::find(store, QStringLiteral("t")));
        const auto id = study.experiment().id;
        TelemetryRow gpu = gpuRow(id, 1.7e9, 1, 42.5, std::int64_t(512) << 20);
        gpu.trials = QStringLiteral("3,5");
        gpu.name = QStringLiteral("NVIDIA H100, 80GB");
        TelemetryRow cpu;
        cpu.experimentId = id;
        cpu.time = 1.7e9 + 0.5;
        cpu.kind = QStringLiteral("cpu");
        cpu.name = QStringLiteral("CPU (2 cores)");
        cpu.utilization = 12;
        cpu.memoryUsed = 1000;
        cpu.memoryTotal = 2000;
        cpu.powerW = std::nan("");
        cpu.temperatureC = std::nan("");
        cpu.trialCpu = {{3, 7.5}, {5, 0.25}};
        store.addTelemetry({gpu, cpu});

        const QByteArray csv = exportTelemetry(study, TrialsFormat::Csv);
        const QList<QByteArray> lines = csv.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], QByteArray("time,kind,device,name,utilization,memory_used_bytes,memory_total_bytes,power_w,temperature_c,trials,samples,trial_cpu"));
        QCOMPARE(lines[1], QByteArray("2023-11-14T22:13:20.000Z,gpu,1,\"NVIDIA H100, 80GB\",42.5,536870912,17179869184,100,44.25,3;5,1,"));
        QCOMPARE(lines[2], QByteArray("2023-11-14T22:13:20.500Z,cpu,0,CPU (2 cores),12,1000,2000,,,,1,3:7.5;5:0.25"));

        const QJsonObject json = QJsonDocument::fromJson(exportTelemetry(study, TrialsFormat::Json)).object();
        QCOMPARE(json.value(QStringLiteral("experiment")).toString(), QStringLiteral("t"));
        const QJsonArray samples = json.value(QStringLiteral("samples")).toArray();
        QCOMPARE(samples.size(), 2);
        const QJsonObject g = samples[0].toObject();
        QCOMPARE(g.value(QStringLiteral("time")).toString(), QStringLiteral("2023-11-14T22:13:20.000Z"));
        QCOMPARE(g.value(QStringLiteral("kind")).toString(), QStringLiteral("gpu"));
        QCOMPARE(g.value(QStringLiteral("device")).toInt(), 1);
        QCOMPARE(g.value(QStringLiteral("utilization")).toDouble(), 42.5);
        QCOMPARE(g.value(QStringLiteral("memory_used_bytes")).toInteger(), qint64(536870912));
        QCOMPARE(g.value(QStringLiteral("trials")).toArray(), (QJsonArray{3, 5}));
        const QJsonObject c = samples[1].toObject();
        QVERIFY(c.value(QStringLiteral("power_w")).isNull());
        QCOMPARE(c.value(QStringLiteral("trials")).toArray(), QJsonArray());
        QCOMPARE(c.value(QStringLiteral("trial_cpu")).toObject(), (QJsonObject{{QStringLiteral("3"), 7.5}, {QStringLiteral("5"), 0.25}}));
        QCOMPARE(g.value(QStringLiteral("trial_cpu")).toObject(), QJsonObject());
    }
};

QTEST_GUILESS_MAIN(TestTelemetry)
#include "tst_telemetry.moc"
