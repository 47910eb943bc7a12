// What a trial prints: Katib-form metric lines, events, and how a stream splits into lines.

#include "engine/core/metric_parser.h"

#include <QTest>
#include <cmath>

using namespace tb::engine;

using Metrics = std::vector<std::pair<std::string, double>>;
Q_DECLARE_METATYPE(Metrics)

namespace {

void compare(const ParsedLine& parsed, const Metrics& metrics, qint64 step)
{
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

} // namespace

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
                                            << Metrics{{"loss", 0.1}, {"acc", NAN}} << qint64(5); // in line order
        QTest::newRow("broken event is text") << QByteArray(R"(@tunebench {"event": "span", )") << Metrics{} << qint64(-1);
    }

    void lines()
    {
        QFETCH(QByteArray, line);
        QFETCH(Metrics, metrics);
        QFETCH(qint64, step);
        compare(parseMetricLine(line.toStdString()), metrics, step);
    }

    // trial.metrics: real lines as Keras, Hugging Face's Trainer and JSON-lines loggers print them.
    void otherFormats_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QStringList>("patterns");
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<Metrics>("metrics");
        QTest::addColumn<qint64>("step");
        const QStringList keras{QStringLiteral(R"((?<name>\w+): (?<value>[-+]?\d*\.?\d+(?:[eE][-+]?\d+)?|nan|inf))")};
        QTest::newRow("keras fit") << "regex" << keras
                                   << QByteArray("1875/1875 [==============================] - 3s 1ms/step - loss: 0.2961 - accuracy: 0.9141 - "
                                                 "val_loss: 0.1423 - val_accuracy: 0.9573")
                                   << Metrics{{"loss", 0.2961}, {"accuracy", 0.9141}, {"val_loss", 0.1423}, {"val_accuracy", 0.9573}} << qint64(-1);
        QTest::newRow("keras epoch header") << "regex" << keras << QByteArray("Epoch 3/10") << Metrics{} << qint64(-1);
        QTest::newRow("keras katib line is not regex") << "regex" << keras << QByteArray("epoch=3 loss=0.25") << Metrics{} << qint64(-1);
        QTest::newRow("python-style groups and a step group")
            << "regex" << QStringList{QStringLiteral(R"(iter (?P<step>\d+): (?P<name>[a-z_]+)=(?P<value>\S+))")}
            << QByteArray("iter 120: train_loss=1.5e-2") << Metrics{{"train_loss", 0.015}} << qint64(120);
        QTest::newRow("two patterns") << "regex"
                                      << QStringList{QStringLiteral(R"((?<name>loss) (?<value>\S+))"), QStringLiteral(R"((?<name>top1) (?<value>\S+)%)")}
                                      << QByteArray("loss 0.5 top1 71.2%") << Metrics{{"loss", 0.5}, {"top1", 71.2}} << qint64(-1);
        QTest::newRow("hf trainer log") << "json_lines" << QStringList{}
                                        << QByteArray("{'loss': 0.6931, 'grad_norm': 1.234, 'learning_rate': 4.5e-05, 'epoch': 2.0}")
                                        << Metrics{{"loss", 0.6931}, {"grad_norm", 1.234}, {"learning_rate", 4.5e-05}, {"epoch", 2}} << qint64(2);
        QTest::newRow("hf eval") << "json_lines" << QStringList{}
                                 << QByteArray("{'eval_loss': 0.51, 'eval_runtime': 1.2, 'eval_samples_per_second': 100.0, 'epoch': 3.0}")
                                 << Metrics{{"eval_loss", 0.51}, {"eval_runtime", 1.2}, {"eval_samples_per_second", 100}, {"epoch", 3}} << qint64(3);
        QTest::newRow("python dict with nan, bools, nested") << "json_lines" << QStringList{}
                                                             << QByteArray("{'loss': nan, 'best': True, 'cfg': {'a': 1}, 'name': 'run\\'s', 'lr': -inf}")
                                                             << Metrics{{"loss", NAN}, {"lr", -INFINITY}} << qint64(-1);
        QTest::newRow("json line") << "json_lines" << QStringList{}
                                   << QByteArray(R"({"step": 40, "loss": 0.25, "acc": 0.9, "split": "train", "hist": [1, 2, {"x": 3}], "ok": null})")
                                   << Metrics{{"step", 40}, {"loss", 0.25}, {"acc", 0.9}} << qint64(40);
        QTest::newRow("not a dict") << "json_lines" << QStringList{} << QByteArray("{'loss': 0.5") << Metrics{} << qint64(-1);
        QTest::newRow("text") << "json_lines" << QStringList{} << QByteArray("Training started, loss=0.5") << Metrics{} << qint64(-1);
        QTest::newRow("events in any format") << "json_lines" << QStringList{}
                                              << QByteArray(R"(@tunebench {"event": "metrics", "step": 5, "metrics": {"loss": 0.1}})")
                                              << Metrics{{"loss", 0.1}} << qint64(5);
    }

    void otherFormats()
    {
        QFETCH(QString, format);
        QFETCH(QStringList, patterns);
        QFETCH(QByteArray, line);
        QFETCH(Metrics, metrics);
        QFETCH(qint64, step);
        MetricFormat f;
        f.kind = format == QLatin1String("regex") ? MetricFormat::Kind::Regex : MetricFormat::Kind::JsonLines;
        for (const QString& p : patterns) {
            f.patterns.emplace_back(p);
            QCOMPARE(checkMetricPattern(f.patterns.back()), QString());
        }
        compare(parseMetricLine(line.toStdString(), f), metrics, step);
    }

    void patternsNeedNameAndValueGroups()
    {
        QVERIFY(checkMetricPattern(QRegularExpression(QStringLiteral("(?<name>\\w+"))).startsWith(QStringLiteral("not a valid regular expression")));
        QVERIFY(checkMetricPattern(QRegularExpression(QStringLiteral("(?<name>\\w+)=(\\S+)"))).contains(QStringLiteral("(?<value>...)")));
        QVERIFY(checkMetricPattern(QRegularExpression(QStringLiteral("loss=(?<value>\\S+)"))).contains(QStringLiteral("(?<name>...)")));
    }

    void otherEventsAreKept()
    {
        const ParsedLine parsed = parseMetricLine(R"(@tunebench {"event": "span", "stage": 1, "op": "F", "mb": 3, "start_us": 10, "end_us": 20})");
        QVERIFY(parsed.event.has_value());
        const auto* span = std::get_if<tb::algorithms::events::Span>(&*parsed.event);
        QVERIFY(span);
        QCOMPARE(span->stage, 1);
        QCOMPARE(span->microbatch, 3);
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
