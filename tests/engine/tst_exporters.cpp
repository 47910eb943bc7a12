// Numbers exactly as the user saw them: the shortest text that reads back as the same
// double, floats kept floats, and CSV by RFC 4180 — in best configs and trial exports
// made from a real store.

#include "engine/core/exporters.h"
#include "engine/core/json.h"
#include "engine/core/spec.h"
#include "engine/core/store.h"
#include "engine/core/study.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <random>
#include <tuple>

using namespace tb::engine;
using tb::algorithms::TrialState;

namespace {

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// Finite doubles from random bit patterns: every exponent, denormals included.
std::vector<double> randomDoubles(int n)
{
    std::mt19937_64 rng(42);
    std::vector<double> out{0.1, 0.2, 0.3, 1e-5, 2.0, -0.0, 1e300, 5e-324, 123456789.0, 0.1 + 0.2, 1.0 / 3.0};
    while (static_cast<int>(out.size()) < n) {
        const std::uint64_t bits = rng();
        double d;
        std::memcpy(&d, &bits, sizeof d);
        if (std::isfinite(d))
            out.push_back(d);
    }
    return out;
}

// RFC 4180 fields of a CSV text (quoted fields may hold commas, quotes and line breaks).
QList<QStringList> parseCsv(const QString& text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"'))
                field += c, ++i;
            else if (c == QLatin1Char('"'))
                quoted = false;
            else
                field += c;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field, field.clear();
        } else if (c == QLatin1Char('\n')) {
            row << field, field.clear();
            rows << row, row.clear();
        } else {
            field += c;
        }
    }
    return rows;
}

} // namespace

class TestExporters : public QObject {
    Q_OBJECT

private slots:
    void numberTextIsShortestAndReadsBackExactly()
    {
        QCOMPARE(numberText(0.1, false), QStringLiteral("0.1"));
        QCOMPARE(numberText(1e-5, false), QStringLiteral("1e-05"));
        QCOMPARE(numberText(2.0, false), QStringLiteral("2"));
        QCOMPARE(numberText(2.0, true), QStringLiteral("2.0"));
        QCOMPARE(numberText(1e300, true), QStringLiteral("1e+300"));
        QCOMPARE(numberText(-0.0, false), QStringLiteral("-0"));
        for (double d : randomDoubles(200000)) {
            for (bool keepFloat : {false, true}) {
                const QByteArray text = numberText(d, keepFloat).toLatin1();
                QVERIFY2(sameBits(std::strtod(text.constData(), nullptr), d), text.constData());
                if (keepFloat)
                    QVERIFY(text.contains('.') || text.contains('e'));
            }
            // Never longer than what %.17g writes, usually much shorter.
            QVERIFY(numberText(d, false).size() <= QString::number(d, 'g', 17).size() + 1);
        }
    }

    void jsonTextReadsBackExactlyAndKeepsFloats()
    {
        std::vector<double> values = randomDoubles(20000);
        // Qt keeps integral JSON numbers as integers, so -0.0 reads back as 0 (Qt's limit,
        // not the writer's: numberText(-0.0) is "-0" above).
        std::erase_if(values, [](double d) { return d == 0 && std::signbit(d); });
        QJsonArray rows;
        for (double d : values)
            rows.append(QJsonObject{{QStringLiteral("params"), QJsonObject{{QStringLiteral("x"), d}, {QStringLiteral("k"), 3}}}, {QStringLiteral("number"), 2.0}});
        const QByteArray text = jsonText(QJsonObject{{QStringLiteral("trials"), rows}},
                                         [](const QString& parent, const QString& key) { return parent == QLatin1String("params") && key == QLatin1String("x"); },
                                         true);
        const QJsonArray back = QJsonDocument::fromJson(text).object().value(QStringLiteral("trials")).toArray();
        QCOMPARE(back.size(), rows.size());
        for (qsizetype i = 0; i < back.size(); ++i) {
            const double x = back[i].toObject().value(QStringLiteral("params")).toObject().value(QStringLiteral("x")).toDouble();
            QVERIFY2(sameBits(x, values[size_t(i)]), qPrintable(QStringLiteral("%1 read back as %2").arg(values[size_t(i)], 0, 'g', 17).arg(x, 0, 'g', 17)));
        }
        QVERIFY(text.contains("\"x\": 2.0"));  // a float stays a float...
        QVERIFY(text.contains("\"k\": 3"));    // ...an integer an integer,
        QVERIFY(text.contains("\"number\": 2")); // and a member not named stays as integral
        QVERIFY(!text.contains("\"number\": 2.0"));
    }

    // From a real store: best (json, yaml, args), export (csv, json).
    void exportsWriteWhatWasStored()
    {
        QTemporaryDir dir;
        Store store(dir.filePath(QStringLiteral("n.db")));
        const QJsonObject specJson{
            {QStringLiteral("name"), QStringLiteral("numbers")},
            {QStringLiteral("objective"), QJsonObject{{QStringLiteral("metric"), QStringLiteral("loss")}}},
            {QStringLiteral("space"),
             QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("type"), QStringLiteral("float")}, {QStringLiteral("low"), 0.0}, {QStringLiteral("high"), 10.0}},
                        QJsonObject{{QStringLiteral("name"), QStringLiteral("k")}, {QStringLiteral("type"), QStringLiteral("int")}, {QStringLiteral("low"), 1}, {QStringLiteral("high"), 9}},
                        QJsonObject{{QStringLiteral("name"), QStringLiteral("c")}, {QStringLiteral("type"), QStringLiteral("categorical")},
                                    {QStringLiteral("choices"), QJsonArray{QStringLiteral("yes"), 2.5, true}}}}},
        };
        ParseOptions options;
        options.requireTrial = false;
        const QByteArray stored = QJsonDocument(parseSpec(specJson, options).json).toJson(QJsonDocument::Compact);
        const std::int64_t id = store.createExperiment(QStringLiteral("numbers"), stored);
        Study study(store, *store.experiment(id));
        const std::vector<double> xs = randomDoubles(60);
        std::vector<std::pair<double, double>> told; // x, value
        for (std::size_t i = 0; i < 40; ++i) {
            const double x = i == 0 ? 2.0 : i == 1 ? 0.1 : std::fmod(std::fabs(xs[i]), 10.0);
            const double value = i == 0 ? 0.0001 : i == 1 ? 1.0 : 1.0 + std::fabs(xs[i + 20]); // number 0 is the best
            const QJsonObject params{{QStringLiteral("x"), x}, {QStringLiteral("k"), qint64(i % 9 + 1)},
                                     {QStringLiteral("c"), i % 3 == 0 ? QJsonValue(QStringLiteral("yes")) : i % 3 == 1 ? QJsonValue(2.5) : QJsonValue(true)}};
            const auto row = store.createTrialWithin(id, QJsonDocument(params).toJson(QJsonDocument::Compact), TrialState::Running, std::nullopt);
            QVERIFY(row);
            std::vector<MetricRow> reports;
            if (i < 2) // out of step order, as a store may hold them
                for (const auto& [step, name, v] : {std::tuple{2, "loss", 0.5}, {1, "loss", 0.1}, {1, "val acc", std::nan("")}})
                    reports.push_back(MetricRow{row->id, 1, step, QString::fromLatin1(name), v, 1764918000.25});
            study.tell(*row, TrialState::Completed, value, 0, i == 2 ? QStringLiteral("a\rb, \"c\"\nd") : QString(), reports);
            told.emplace_back(x, value);
        }

        // The best trial is number 0 (value 0.0001, the smallest of those listed first): x = 2.0.
        QCOMPARE(bestConfig(study, ConfigFormat::Yaml), QByteArray("x: 2.0\nk: 1\nc: \"yes\"\n"));
        QCOMPARE(bestConfig(study, ConfigFormat::Args), QByteArray("--x=2.0 --k=1 --c=yes\n"));
        QCOMPARE(bestConfig(study, ConfigFormat::Json), QByteArray("{\n  \"x\": 2.0,\n  \"k\": 1,\n  \"c\": \"yes\"\n}\n"));

        const QList<QStringList> csv = parseCsv(QString::fromUtf8(exportTrials(study, TrialsFormat::Csv)));
        QCOMPARE(csv.size(), 41);
        const QStringList header = csv.first();
        const auto col = [&](const char* name) { return header.indexOf(QLatin1String(name)); };
        for (int i = 0; i < 40; ++i) {
            const QStringList& r = csv[i + 1];
            QCOMPARE(r.size(), header.size());
            QVERIFY(sameBits(r[col("param_x")].toDouble(), told[size_t(i)].first));
            QVERIFY(sameBits(r[col("value")].toDouble(), told[size_t(i)].second));
            QVERIFY(r[col("param_x")].contains(QLatin1Char('.')) || r[col("param_x")].contains(QLatin1Char('e')));
        }
        QCOMPARE(csv[1][col("param_x")], QStringLiteral("2.0"));
        QCOMPARE(csv[2][col("param_x")], QStringLiteral("0.1"));
        QCOMPARE(csv[2][col("value")], QStringLiteral("1.0"));
        QCOMPARE(csv[3][col("reason")], QStringLiteral("a\rb, \"c\"\nd")); // CR, comma, quotes, LF: one field

        const QByteArray json = exportTrials(study, TrialsFormat::Json);
        const QJsonArray trials = QJsonDocument::fromJson(json).object().value(QStringLiteral("trials")).toArray();
        QCOMPARE(trials.size(), 40);
        for (int i = 0; i < 40; ++i) {
            const QJsonObject t = trials[i].toObject();
            QVERIFY(sameBits(t.value(QStringLiteral("params")).toObject().value(QStringLiteral("x")).toDouble(), told[size_t(i)].first));
            QVERIFY(sameBits(t.value(QStringLiteral("value")).toDouble(), told[size_t(i)].second));
        }
        QVERIFY(json.contains("\"x\": 2.0"));
        QVERIFY(json.contains("\"x\": 0.1,") || json.contains("\"x\": 0.1\n"));
        QVERIFY(json.contains("\"value\": 1.0"));
        QVERIFY(!json.contains("00000000001")); // no %.17g tails

        // Learning curves: one row per report, by step within a trial, NaN as empty.
        const QList<QStringList> curves = parseCsv(QString::fromUtf8(exportCurves(study)));
        QCOMPARE(curves.first(), QStringList({"trial", "number", "attempt", "step", "metric", "value", "time"}));
        QCOMPARE(curves.size(), 1 + 2 * 3);
        QCOMPARE(curves[1].mid(1, 5), QStringList({"0", "1", "1", "loss", "0.1"}));
        QCOMPARE(curves[2].mid(1, 5), QStringList({"0", "1", "1", "val acc", ""}));
        QCOMPARE(curves[3].mid(1, 5), QStringList({"0", "1", "2", "loss", "0.5"}));
        QCOMPARE(curves[1][6], QStringLiteral("2025-12-05T07:00:00.250Z"));
        QCOMPARE(curves[4][1], QStringLiteral("1"));
    }
};

QTEST_GUILESS_MAIN(TestExporters)
#include "tst_exporters.moc"
