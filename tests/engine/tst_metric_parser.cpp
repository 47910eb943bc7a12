// What a trial prints: Katib-form metric lines, events, and how a stream splits into lines.

#include "engine/core/metric_parser.h"

#include <QTest>
#include <cmath>

using namespace tb::engine;

using Metrics = std::vector<std::pair<std::string, double>>;
Q_DECLARE_METATYPE(Metrics)

class TestMetricParser : public QObject {
    Q_OBJECT
private slots:
    void lines_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<Metrics>("metrics");
        QTest::addColumn<qint64>("step"); // -1: none
        QTest::newRow("katib") << QByteArray("epoch=3 loss=2.5e-01 accuracy=0.91") << Metrics{{"epoch", 3}, {"loss", 0.25}, {"accuracy", 0.91}} << qint64(3);
        QTest::newRow("step wins over epoch") << QByteArray("epoch=2 step=40 loss=1") << Metrics{{"epoch", 2}, {"step", 40}, {"loss", 1}} << qint64(40);
        QTest::newRow("exponents and signs") << QByteArray("a=-1.5E+3 b=+2e-2 c=.5 d=7.") << Metrics{{"a", -1500}, {"b", 0.02}, {"c", 0.5}, {"d", 7}} << qint64(-1);
        QTest::newRow("spaces around =") << QByteArray("val-loss = 0.3\tval|acc=\t0.7") << Metrics{{"val-loss", 0.3}, {"val|acc", 0.7}} << qint64(-1);
        QTest::newRow("embedded in text") << QByteArray("[INFO] 12:00 Validation-accuracy=0.812 (best)") << Metrics{{"Validation-accuracy", 0.812}} << qint64(-1);
        QTest::newRow("adjacent") << QByteArray("a=1b=2") << Metrics{{"a", 1}, {"b", 2}} << qint64(-1);
        QTest::newRow("garbage") << QByteArray("loss: 0.5, accuracy -> 0.9 == done") << Metrics{} << qint64(-1);
        QTest::newRow("empty values") << QByteArray("lr= x=abc y=") << Metrics{} << qint64(-1);
        QTest::newRow("nan and inf") << QByteArray("loss=nan grad=-inf") << Metrics{{"loss", NAN}, {"grad", -INFINITY}} << qint64(-1);
        QTest::newRow("not nan prefix") << QByteArray("mode=nanny") << Metrics{} << qint64(-1);
        QTest::newRow("json metrics event") << QByteArray(R"(@tunebench {"event": "metrics", "step": 5, "metrics": {"loss": 0.1, "acc": "nan"}})")
                                            << Metrics{{"acc", NAN}, {"loss", 0.1}} << qint64(5);
        QTest::newRow("broken event is text") << QByteArray(R"(@tunebench {"event": "span", )") << Metrics{} << qint64(-1);
    }

    void lines()
    {
        QFETCH(QByteArray, line);
        QFETCH(Metrics, metrics);
        QFETCH(qint64, step);
        const ParsedLine parsed = parseMetricLine(line.toStdString());
        QCOMPARE(parsed.metrics.size(), metrics.size());
        for (std::size_t i = 0; i < metrics.size(); ++i) {
            QCOMPARE(parsed.metrics[i].first, metrics[i].first);
            const double want = metrics[i].second, got = parsed.metrics[i].second;
            if (std::isnan(want))
                QVERIFY(std::isnan(got));
            else
                QCOMPARE(got, want);
        }
        QCOMPARE(parsed.step.value_or(-1), step);
    }

    void otherEventsAreKept()
    {
        const ParsedLine parsed = parseMetricLine(R"(@tunebench {"event": "span", "stage": 1, "op": "F", "mb": 3, "start_us": 10, "end_us": 20})");
        QVERIFY(parsed.event.has_value());
        QCOMPARE(parsed.event->value(QStringLiteral("stage")).toInt(), 1);
        QVERIFY(parsed.metrics.empty());
    }

    void partialLinesJoinAcrossChunks()
    {
        LineSplitter splitter;
        auto lines = splitter.feed("loss=0.");
        QVERIFY(lines.empty());
        lines = splitter.feed("25 step=1\r\nacc");
        QCOMPARE(lines.size(), std::size_t(1));
        QCOMPARE(lines[0], std::string("loss=0.25 step=1"));
        lines = splitter.feed("=0.5\n\n");
        QCOMPARE(lines.size(), std::size_t(2));
        QCOMPARE(lines[0], std::string("acc=0.5"));
        QCOMPARE(lines[1], std::string());
        QVERIFY(!splitter.flush());
        splitter.feed("loss=1");
        QCOMPARE(*splitter.flush(), std::string("loss=1"));
    }

    void veryLongLinesAreCut()
    {
        LineSplitter splitter(1000);
        QByteArray huge(5000, 'x');
        auto lines = splitter.feed("loss=0.5 " + huge.left(2000));
        QCOMPARE(lines.size(), std::size_t(1));
        QCOMPARE(lines[0].size(), std::size_t(1000));
        QCOMPARE(parseMetricLine(lines[0]).metrics.size(), std::size_t(1));
        // The rest of the long line is dropped; the next line is read normally.
        lines = splitter.feed(huge + "\nacc=1\n");
        QCOMPARE(lines.size(), std::size_t(1));
        QCOMPARE(lines[0], std::string("acc=1"));
        // A 1 MB number parses (as infinity) without trouble.
        const std::string big = "v=" + std::string(1 << 20, '7');
        QCOMPARE(parseMetricLine(big).metrics.size(), std::size_t(1));
        QVERIFY(std::isinf(parseMetricLine(big).metrics[0].second));
    }
};

QTEST_GUILESS_MAIN(TestMetricParser)
#include "tst_metric_parser.moc"
