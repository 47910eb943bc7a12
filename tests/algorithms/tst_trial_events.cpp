// The @tunebench event protocol: every kind reads back as written, and the reader takes
// what trials in other languages print (Python's json.dumps, fields in any order, missing
// fields, non-finite values) and refuses what is not an event.
#include "algorithms/trial_events.h"

#include <QtTest>
#include <cmath>
#include <limits>

using namespace tb::algorithms::events;

Q_DECLARE_METATYPE(tb::algorithms::events::Event)

class TstTrialEvents : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<Event>("event");
        QTest::newRow("metrics") << Event(Metrics{7, {{"loss", 0.25}, {"acc", 0.875}, {"lr", 3e-4}}});
        QTest::newRow("metrics without step") << Event(Metrics{std::nullopt, {{"val_loss", 1.0 / 3.0}}});
        QTest::newRow("metrics, no values") << Event(Metrics{0, {}});
        Partition p;
        p.method = "balanced";
        p.schedule = "interleaved";
        p.ranks = 2;
        p.microbatches = 8;
        p.virtualStages = 2;
        p.checkpoint = "none";
        p.replicas = 2;
        p.gradientReduction = "nccl";
        p.parameters = 123456789012;
        p.stages = {{0, 0, "cuda:0", {"embed", "block.0"}, 1000}, {1, 1, "cuda:1", {"block.1", "head \"x\"\n"}, 2000}};
        QTest::newRow("partition") << Event(p);
        QTest::newRow("memory") << Event(Memory{3, "cuda:1", 5'000'000'000, 1024, 4, "cuda_allocator"});
        QTest::newRow("span") << Event(Span{42, 1, 3, "W", 7, 120.5, 250.25});
        QTest::newRow("span, whole microseconds") << Event(Span{1, 0, 0, "F", 0, 0, 17});
        QTest::newRow("notice") << Event(Notice{"this attempt reached trial.max_metric_rows (1000 rows) — ünïcode"});
    }

    void roundTrip()
    {
        QFETCH(Event, event);
        const std::string printed = line(event);
        QVERIFY(printed.starts_with(kPrefix));
        QCOMPARE(printed.find('\n'), std::string::npos); // one line, whatever the texts hold
        const std::optional<Event> back = read(std::string_view(printed).substr(kPrefix.size()));
        QVERIFY2(back.has_value(), printed.c_str());
        QCOMPARE(back->index(), event.index());
        QVERIFY2(*back == event, printed.c_str());
        QCOMPARE(write(*back), write(event));
    }

    void nonFiniteMetricsTravelAsStrings()
    {
        const std::string body = write(Metrics{1, {{"loss", std::numeric_limits<double>::quiet_NaN()},
                                                   {"grad", -std::numeric_limits<double>::infinity()}}});
        QVERIFY2(body.find("\"nan\"") != std::string::npos && body.find("\"-inf\"") != std::string::npos, body.c_str());
        const auto back = std::get<Metrics>(*read(body));
        QCOMPARE(back.values.size(), std::size_t(2));
        QVERIFY(std::isnan(back.values[0].second));
        QCOMPARE(back.values[1].second, -std::numeric_limits<double>::infinity());
    }

    void readsWhatOtherTrialsPrint()
    {
        // Python's json.dumps with other key order and spacing, and Infinity spelled out.
        const auto m = read(R"({"metrics":{"b":1,"a":"Infinity","c":"text"},"step":3.0,"event":"metrics"})");
        QVERIFY(m && std::holds_alternative<Metrics>(*m));
        const Metrics& metrics = std::get<Metrics>(*m);
        QCOMPARE(metrics.step, std::optional<std::int64_t>(3));
        QCOMPARE(metrics.values.size(), std::size_t(2)); // "text" is not a number
        QCOMPARE(metrics.values[0].first, std::string("b")); // the order printed
        QCOMPARE(metrics.values[1].second, std::numeric_limits<double>::infinity());
        // A metrics object without "event".
        QVERIFY(read(R"({"metrics": {"loss": 1}})").has_value());
        // Missing fields read as "unknown".
        const auto span = read(R"({"event": "span", "op": "B", "stage": 2})");
        QVERIFY(span);
        QCOMPARE(std::get<Span>(*span).device, -1);
        QCOMPARE(std::get<Span>(*span).stage, 2);
        // Escapes, including a surrogate pair, become UTF-8.
        const auto notice = read("{\"event\": \"notice\", \"text\": \"a\\\"b\\\\c\\u00e9\\ud83d\\ude00\"}");
        QVERIFY(notice);
        QCOMPARE(std::get<Notice>(*notice).text, std::string("a\"b\\c\xc3\xa9\xf0\x9f\x98\x80"));
        // A step that is not a whole number in range leaves the report without one.
        QVERIFY(!std::get<Metrics>(*read(R"({"event": "metrics", "step": -1, "metrics": {}})")).step);
        QVERIFY(!std::get<Metrics>(*read(R"({"event": "metrics", "step": 1e300, "metrics": {}})")).step);
    }

    void refusesWhatIsNotAnEvent_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("cut off") << QByteArray(R"({"event": "span", )");
        QTest::newRow("not an object") << QByteArray(R"(["span"])");
        QTest::newRow("unknown kind") << QByteArray(R"({"event": "stash", "stage": 1})");
        QTest::newRow("no kind") << QByteArray(R"({"stage": 1})");
        QTest::newRow("trailing text") << QByteArray(R"({"event": "span"} x)");
        QTest::newRow("bad escape") << QByteArray("{\"event\": \"notice\", \"text\": \"\\q\"}");
        QTest::newRow("lone surrogate") << QByteArray("{\"event\": \"notice\", \"text\": \"\\udc00\"}");
        QTest::newRow("control character") << QByteArray("{\"event\": \"notice\", \"text\": \"a\tb\"}");
        QTest::newRow("too deep") << QByteArray(200, '[') + QByteArray(200, ']');
    }

    void refusesWhatIsNotAnEvent()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!read(body.toStdString()).has_value());
    }

    void hostileNumbersStayInRange()
    {
        const auto span = read(R"({"event": "span", "device": 1e30, "stage": -1e30, "mb": 2.5, "step": 1e400})");
        QVERIFY(span);
        const Span& s = std::get<Span>(*span);
        QCOMPARE(s.device, -1);
        QCOMPARE(s.stage, -1);
        QCOMPARE(s.microbatch, 3); // rounded
        QCOMPARE(s.step, std::int64_t(-1));
    }
};

QTEST_APPLESS_MAIN(TstTrialEvents)
#include "tst_trial_events.moc"
