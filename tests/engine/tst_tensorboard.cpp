// Scalars from TensorBoard event files written by PyTorch's own SummaryWriter
// (tests/fixtures/tensorboard, made by tests/fixtures/make_tensorboard_fixture.py): both
// the simple_value form and the tensor form, files that grow while being read, files
// an earlier attempt left, and damaged files.

#include "engine/core/tensorboard.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace tb::engine;

namespace {

QByteArray fixture(const QString& sub)
{
    const QDir dir(QStringLiteral(TUNEBENCH_SOURCE_DIR "/tests/fixtures/tensorboard/") + sub);
    const QStringList files = dir.entryList({QStringLiteral("events.out.tfevents.*")}, QDir::Files);
    if (files.size() != 1)
        qFatal("fixture %s: expected one event file", qPrintable(sub));
    QFile f(dir.filePath(files.first()));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read the fixture");
    return f.readAll();
}

void write(const QString& path, const QByteArray& bytes, bool append = false)
{
    QFile f(path);
    if (!f.open(append ? QIODevice::Append : QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(bytes);
}

} // namespace

class TestTensorBoard : public QObject {
    Q_OBJECT

private slots:
    void maskedCrcIsTfRecords()
    {
        // CRC-32C("123456789") is 0xE3069283; TFRecord stores it rotated and offset.
        QCOMPARE(maskedCrc32c("123456789"), 0xc78ab0e5u);
    }

    void simpleValuesFromSummaryWriter()
    {
        QTemporaryDir dir;
        TensorBoardReader reader(dir.path());
        QVERIFY(reader.poll().empty());
        QDir(dir.path()).mkpath(QStringLiteral("tb"));
        write(dir.filePath(QStringLiteral("tb/events.out.tfevents.1.host.1.0")), fixture(QStringLiteral("old")));
        const std::vector<ScalarEvent> got = reader.poll();
        QCOMPARE(got.size(), std::size_t(10)); // loss and acc at steps 0..4; the text summary is not a scalar
        for (int step = 0; step < 5; ++step) {
            const ScalarEvent& loss = got[std::size_t(2 * step)];
            const ScalarEvent& acc = got[std::size_t(2 * step + 1)];
            QCOMPARE(loss.tag, std::string("loss"));
            QCOMPARE(loss.step, step);
            QCOMPARE(loss.value, double(float(1.0 / (step + 1)))); // simple_value is a float
            QCOMPARE(loss.wallTime, 1764918000.0 + step);
            QCOMPARE(acc.tag, std::string("acc"));
            QCOMPARE(acc.value, double(float(step / 10.0)));
        }
        QVERIFY(reader.poll().empty()); // nothing new
    }

    void tensorValuesFromNewStyle()
    {
        QTemporaryDir dir;
        TensorBoardReader reader(dir.path());
        write(dir.filePath(QStringLiteral("events.out.tfevents.2.host.1.0")), fixture(QStringLiteral("new")));
        const std::vector<ScalarEvent> got = reader.poll();
        QCOMPARE(got.size(), std::size_t(3));
        for (int step = 0; step < 3; ++step) {
            QCOMPARE(got[std::size_t(step)].tag, std::string("loss"));
            QCOMPARE(got[std::size_t(step)].step, step);
            QCOMPARE(got[std::size_t(step)].value, std::pow(0.5, step));
        }
    }

    // A file being written: a record cut anywhere waits, whole ones come once.
    void growingFileIsReadOnceRecordByRecord()
    {
        const QByteArray bytes = fixture(QStringLiteral("old"));
        for (qsizetype cut : {qsizetype(5), qsizetype(40), bytes.size() / 2, bytes.size() - 3}) {
            QTemporaryDir dir;
            TensorBoardReader reader(dir.path());
            const QString path = dir.filePath(QStringLiteral("events.out.tfevents.3.host.1.0"));
            write(path, bytes.left(cut));
            std::vector<ScalarEvent> all = reader.poll();
            write(path, bytes.mid(cut), true);
            for (ScalarEvent& e : reader.poll())
                all.push_back(std::move(e));
            QCOMPARE(all.size(), std::size_t(10));
            QCOMPARE(all.back().tag, std::string("acc"));
            QCOMPARE(all.back().step, 4);
        }
    }

    // What an earlier attempt wrote into the same folder is not read again.
    void filesPresentAtTheStartAreNotThisAttempts()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("events.out.tfevents.4.host.1.0"));
        write(path, fixture(QStringLiteral("old")));
        TensorBoardReader reader(dir.path());
        QVERIFY(reader.poll().empty());
        write(dir.filePath(QStringLiteral("events.out.tfevents.5.host.1.0")), fixture(QStringLiteral("new")));
        QCOMPARE(reader.poll().size(), std::size_t(3));
    }

    // A damaged record ends that file's reading; nothing made up is returned.
    void damagedFilesStopWhereTheDamageIs()
    {
        QByteArray bytes = fixture(QStringLiteral("old"));
        bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x5a);
        QTemporaryDir dir;
        TensorBoardReader reader(dir.path());
        write(dir.filePath(QStringLiteral("events.out.tfevents.6.host.1.0")), bytes);
        const std::vector<ScalarEvent> got = reader.poll();
        QVERIFY(got.size() < 10);
        for (std::size_t i = 0; i < got.size(); ++i)
            QCOMPARE(got[i].step, std::int64_t(i / 2));
        write(dir.filePath(QStringLiteral("events.out.tfevents.6.host.1.0")), QByteArray(64, 'x'), true);
        QVERIFY(reader.poll().empty());
        QVERIFY(decodeEvent("\x0a\xff\xff").empty()); // truncated protobuf
    }
};

QTEST_GUILESS_MAIN(TestTensorBoard)
#include "tst_tensorboard.moc"
