// The CLI's contract with scripts and people (docs/cli.md): --version, help for every
// command with every option, one --format flag for data, list and delete, a spec from
// stdin, an exhausted grid as success.

#include "cli_support.h"
#include "engine/core/store.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace tb::test;

namespace {

Result cli(const QStringList& args, const QByteArray& input = {})
{
    return runCli(args, input);
}

const QStringList kCommands{"run", "resume", "stop", "status", "list", "delete", "best", "export", "telemetry", "create",
                            "ask", "tell", "serve", "importance", "demo", "schedule"};

} // namespace

class TestCliContract : public QObject {
    Q_OBJECT

private slots:
    void versionAndHelp()
    {
        const Result v = cli({QStringLiteral("--version")});
        QCOMPARE(v.exitCode, 0);
        QVERIFY2(QRegularExpression(QStringLiteral("^tunebench-cli \\d+\\.\\d+\\.\\d+\\n$")).match(QString::fromUtf8(v.out)).hasMatch(), v.out);
        const Result top = cli({QStringLiteral("help")});
        QCOMPARE(top.exitCode, 0);
        for (const QString& c : kCommands) {
            QVERIFY2(top.out.contains("\n  " + c.toUtf8() + ' '), qPrintable(c));
            // help COMMAND and COMMAND --help: the synopsis, and every option with its text.
            const Result h = cli({QStringLiteral("help"), c});
            QCOMPARE(h.exitCode, 0);
            QCOMPARE(h.out, cli({c, QStringLiteral("--help")}).out);
            QVERIFY2(h.out.startsWith("usage: tunebench-cli " + c.toUtf8()), h.out);
            QVERIFY2(h.out.contains("Options:\n") && h.out.contains("Show this help."), h.out);
            for (const QString& line : QString::fromUtf8(h.out).split(QLatin1Char('\n')))
                if (line.startsWith(QStringLiteral("  -")))
                    QVERIFY2(line.simplified().count(QLatin1Char(' ')) >= 2, qPrintable(c + QStringLiteral(": an option without text: ") + line));
        }
        QVERIFY(cli({QStringLiteral("help"), QStringLiteral("status")}).out.contains("--format <FORMAT>"));
        const Result unknown = cli({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 2);
    }

    // status, list, best, export, importance, ask: one --format flag; --json an alias.
    void dataCommandsShareOneFormatFlag()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("f.db"));
        QCOMPARE(cli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("f.json"), specWith(QStringLiteral("fmt"), floatX(), {QStringLiteral("--value=${x}")}, 5, 2)),
                      QStringLiteral("--db"), db, QStringLiteral("--quiet")})
                     .exitCode,
                 0);
        const QStringList base{QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("fmt")};
        const Result json = cli(QStringList{QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json")} + base);
        QCOMPARE(json.out, cli(QStringList{QStringLiteral("status"), QStringLiteral("--json")} + base).out);
        const QJsonObject status = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(status.value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
        const Result yaml = cli(QStringList{QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("yaml")} + base);
        QVERIFY2(yaml.out.contains("state: \"completed\"") && yaml.out.contains("  completed: 5"), yaml.out);
        const QList<QByteArray> csv = cli(QStringList{QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("csv")} + base).out.split('\n');
        QVERIFY2(csv[0].startsWith("experiment,state,counts.completed,"), csv[0]);
        QVERIFY2(csv[1].startsWith("fmt,completed,5,"), csv[1]);
        const Result table = cli(QStringList{QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("table")} + base);
        QVERIFY(QRegularExpression(QStringLiteral("^experiment +state +counts\\.completed")).match(QString::fromUtf8(table.out)).hasMatch());
        const Result bad = cli(QStringList{QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("xml")} + base);
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("--format: expected one of text|json|yaml|csv|table, got 'xml'"));
        QCOMPARE(cli(QStringList{QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--format"), QStringLiteral("yaml")} + base).exitCode, 2);

        // The same data in every form: the best value reads back the same from each.
        const double best = status.value(QStringLiteral("best")).toObject().value(QStringLiteral("value")).toDouble();
        const QJsonArray trials = QJsonDocument::fromJson(cli(QStringList{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json")} + base).out)
                                      .object()
                                      .value(QStringLiteral("trials"))
                                      .toArray();
        QCOMPARE(trials.size(), 5);
        const QByteArray exportTable = cli(QStringList{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("table")} + base).out;
        QVERIFY2(exportTable.startsWith("trial  number  state      value"), exportTable);
        QCOMPARE(exportTable.count('\n'), 6);
        const QByteArray bestTable = cli(QStringList{QStringLiteral("best"), QStringLiteral("--format"), QStringLiteral("csv")} + base).out;
        QVERIFY2(bestTable.startsWith("params.x\n"), bestTable);
        const QByteArray imp = cli(QStringList{QStringLiteral("importance"), QStringLiteral("--format"), QStringLiteral("csv")} + base).out;
        QVERIFY2(imp.startsWith("parameter,importance\nx,"), imp);
        QVERIFY(std::isfinite(best));
    }

    void listAndDelete()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("l.db"));
        for (const char* name : {"first", "second"})
            QCOMPARE(cli({QStringLiteral("run"), writeSpec(dir, QStringLiteral("%1.json").arg(QLatin1String(name)),
                                                           specWith(QLatin1String(name), floatX(), {QStringLiteral("--value=${x}")}, 3, 1)),
                          QStringLiteral("--db"), db, QStringLiteral("--quiet")})
                         .exitCode,
                     0);
        const QJsonArray listed = QJsonDocument::fromJson(cli({QStringLiteral("list"), QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("json")}).out)
                                      .object()
                                      .value(QStringLiteral("experiments"))
                                      .toArray();
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed[0].toObject().value(QStringLiteral("experiment")).toString(), QStringLiteral("first"));
        QCOMPARE(listed[1].toObject().value(QStringLiteral("completed")).toInt(), 3);
        const QByteArray table = cli({QStringLiteral("list"), QStringLiteral("--db"), db}).out;
        QVERIFY2(table.startsWith("experiment  state      trials  completed") && table.contains("\nsecond      completed  3       3"), table);

        const QString folder = QFileInfo(db).absolutePath() + QStringLiteral("/l.trials/first-1");
        QVERIFY(QFileInfo::exists(folder));
        const QStringList del{QStringLiteral("delete"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("first")};
        const Result no = cli(del, "n\n");
        QCOMPARE(no.exitCode, 1);
        QVERIFY2(no.err.contains("delete experiment 'first' (3 trials) from") && no.err.contains("nothing deleted"), no.err);
        QVERIFY(QFileInfo::exists(folder));
        const Result yes = cli(del, "y\n");
        QCOMPARE(yes.exitCode, 0);
        QVERIFY(!QFileInfo::exists(folder));
        QCOMPARE(cli(del + QStringList{QStringLiteral("--yes")}).exitCode, 2); // gone: bad input naming the choices
        tb::engine::Store store(db, tb::engine::Store::OpenMode::ExistingOnly);
        QCOMPARE(store.experiments().size(), std::size_t(1));
        QCOMPARE(store.experiments().front().name, QStringLiteral("second"));
    }

    void deleteRefusesARunningExperiment()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("r.db"));
        QProcess run;
        run.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
        run.start(tb::test::cli(), {QStringLiteral("run"),
                                    writeSpec(dir, QStringLiteral("r.json"), specWith(QStringLiteral("busy"), floatX(), {QStringLiteral("--value=${x}"), QStringLiteral("--sleep-ms=3000")}, 4, 1)),
                                    QStringLiteral("--db"), db, QStringLiteral("--quiet")});
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(db, QStringLiteral("busy")).value(QStringLiteral("state")).toString() == QLatin1String("running"), 20000);
        const Result r = cli({QStringLiteral("delete"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("busy"), QStringLiteral("--yes")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("is being run by") && r.err.contains("stop it first"), r.err);
        QCOMPARE(cli({QStringLiteral("stop"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("busy")}).exitCode, 0);
        QVERIFY(run.waitForFinished(60000));
        QCOMPARE(cli({QStringLiteral("delete"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("busy"), QStringLiteral("--yes")}).exitCode, 0);
    }

    // `-`: the spec from stdin, its relative paths taken from the current folder.
    void specFromStdin()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("s.db"));
        QJsonObject spec = specWith(QStringLiteral("piped"), floatX(), {QStringLiteral("--value=${x}")}, 2, 1);
        const Result r = cli({QStringLiteral("run"), QStringLiteral("-"), QStringLiteral("--db"), db, QStringLiteral("--quiet")}, QJsonDocument(spec).toJson());
        QVERIFY2(r.exitCode == 0, r.err);
        tb::engine::Store store(db, tb::engine::Store::OpenMode::ExistingOnly);
        const QJsonObject stored = QJsonDocument::fromJson(store.experiment(QStringLiteral("piped"))->spec).object();
        QCOMPARE(stored.value(QStringLiteral("trial")).toObject().value(QStringLiteral("workdir")).toString(), QDir::currentPath());
        const Result bad = cli({QStringLiteral("run"), QStringLiteral("-"), QStringLiteral("--db"), db}, "{\"name\": 3}");
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("<stdin>: name: expected a non-empty string, got 3"), bad.err);
    }

    // A grid with nothing left is the search being complete: success, with a message.
    void exhaustedGridIsSuccess()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("g.db"));
        QJsonObject spec = specWith(QStringLiteral("grid"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("c")}, {QStringLiteral("type"), QStringLiteral("categorical")},
                                                                                    {QStringLiteral("choices"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")}}}},
                                    {}, 10, 1);
        spec.remove(QStringLiteral("trial"));
        spec.remove(QStringLiteral("budget"));
        spec[QStringLiteral("algorithm")] = QJsonObject{{QStringLiteral("name"), QStringLiteral("grid")}};
        QCOMPARE(cli({QStringLiteral("create"), writeSpec(dir, QStringLiteral("g.json"), spec), QStringLiteral("--db"), db}).exitCode, 0);
        const QStringList ask{QStringLiteral("ask"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("grid")};
        for (int i = 0; i < 2; ++i) {
            const QJsonObject a = QJsonDocument::fromJson(cli(ask).out).object();
            QVERIFY(a.contains(QStringLiteral("trial")));
            QCOMPARE(cli({QStringLiteral("tell"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), QStringLiteral("grid"), QStringLiteral("--trial"),
                          QString::number(a.value(QStringLiteral("trial")).toInteger()), QStringLiteral("--value"), QStringLiteral("1")})
                         .exitCode,
                     0);
        }
        const Result done = cli(ask);
        QCOMPARE(done.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(done.out).object().value(QStringLiteral("exhausted")).toBool(), true);
        QVERIFY2(done.err.contains("the grid sampler has no more points (2 trials)"), done.err);
    }
};

QTEST_GUILESS_MAIN(TestCliContract)
#include "tst_cli_contract.moc"
