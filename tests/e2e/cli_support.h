#pragma once
// What the end-to-end tests share: running the real tunebench-cli (TB_CLI) and reading
// what it stored, and small specs around the test trial program (TB_TEST_TRIAL).

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

namespace tb::test {

struct Result {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline QString cli() { return qEnvironmentVariable("TB_CLI"); }
inline QString trialProgram() { return qEnvironmentVariable("TB_TEST_TRIAL"); }

inline Result runCli(const QStringList& args, const QByteArray& input = {}, int timeoutMs = 120000,
              const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(cli(), args);
    if (!p.waitForStarted())
        qFatal("cannot start tunebench-cli");
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs))
        qFatal("tunebench-cli did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

inline QJsonObject statusOf(const QString& db, const QString& experiment)
{
    const Result r = runCli({QStringLiteral("status"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), experiment,
                             QStringLiteral("--json")});
    return QJsonDocument::fromJson(r.out).object();
}

inline QJsonArray trialsOf(const QString& db, const QString& experiment)
{
    const Result r = runCli({QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--experiment"), experiment,
                             QStringLiteral("--format"), QStringLiteral("json")});
    return QJsonDocument::fromJson(r.out).object().value(QStringLiteral("trials")).toArray();
}

inline QString writeSpec(const QTemporaryDir& dir, const QString& fileName, QJsonObject spec)
{
    const QString path = dir.filePath(fileName);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write spec");
    f.write(QJsonDocument(spec).toJson());
    return path;
}

inline QJsonObject specWith(const QString& name, const QJsonArray& space, const QStringList& argv, int trials, int parallel)
{
    QJsonArray argvJson;
    argvJson.append(trialProgram());
    for (const QString& a : argv)
        argvJson.append(a);
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("objective"), QJsonObject{{QStringLiteral("metric"), QStringLiteral("loss")}, {QStringLiteral("direction"), QStringLiteral("minimize")}}},
        {QStringLiteral("space"), space},
        {QStringLiteral("algorithm"), QJsonObject{{QStringLiteral("name"), QStringLiteral("random")}, {QStringLiteral("seed"), 3}}},
        {QStringLiteral("budget"), QJsonObject{{QStringLiteral("max_trials"), trials}}},
        {QStringLiteral("resources"), QJsonObject{{QStringLiteral("parallel_trials"), parallel}}},
        {QStringLiteral("trial"), QJsonObject{{QStringLiteral("argv"), argvJson}, {QStringLiteral("timeout_s"), 60}}},
    };
}

inline QJsonArray floatX()
{
    return QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("type"), QStringLiteral("float")},
                                  {QStringLiteral("low"), 0.0}, {QStringLiteral("high"), 1.0}}};
}

inline QStringList readLines(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace tb::test
