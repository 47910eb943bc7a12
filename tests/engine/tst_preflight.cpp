// What a launch refuses before its experiment exists: a trial program this machine cannot
// find or run, with the field, the program and the fix; and what it lets through (a
// placeholder only a trial can fill, a program found on the trial's PATH or beside this
// program, a cluster's program). One table of accepted commands, one of refused ones with
// the exact message.

#include "engine/core/errors.h"
#include "engine/core/preflight.h"
#include "engine/core/spec.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace tb::engine;

namespace {

// A folder with bin/tool (executable), data.txt (not executable) and sub/ (a folder).
class Tools {
public:
    Tools()
    {
        QDir(m_dir.path()).mkpath(QStringLiteral("bin"));
        QDir(m_dir.path()).mkpath(QStringLiteral("sub"));
        write(QStringLiteral("bin/tool"), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        write(QStringLiteral("data.txt"), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    QString path() const { return m_dir.path(); }

private:
    void write(const QString& name, QFileDevice::Permissions permissions)
    {
        QFile f(m_dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\nexit 0\n");
        f.close();
        QVERIFY(f.setPermissions(permissions));
    }
    QTemporaryDir m_dir;
};

// %D in the table is the tools' folder, %A this program's folder.
QString filled(QString text, const Tools& tools)
{
    return text.replace(QStringLiteral("%D"), tools.path()).replace(QStringLiteral("%A"), QCoreApplication::applicationDirPath());
}

ExperimentSpec specOf(const Tools& tools, const QString& argv0, const QString& envPath, const QString& executor)
{
    QJsonObject trial{{QStringLiteral("argv"), QJsonArray{filled(argv0, tools), QStringLiteral("--x=${x}")}}};
    if (!envPath.isEmpty())
        trial.insert(QStringLiteral("env"), QJsonObject{{QStringLiteral("PATH"), filled(envPath, tools)}});
    QJsonObject spec{{QStringLiteral("name"), QStringLiteral("p")},
                     {QStringLiteral("objective"), QJsonObject{{QStringLiteral("metric"), QStringLiteral("loss")}}},
                     {QStringLiteral("space"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("x")},
                                                                      {QStringLiteral("type"), QStringLiteral("categorical")},
                                                                      {QStringLiteral("choices"), QJsonArray{QStringLiteral("tool")}}}}},
                     {QStringLiteral("budget"), QJsonObject{{QStringLiteral("max_trials"), 1}}},
                     {QStringLiteral("trial"), trial}};
    if (!executor.isEmpty())
        spec.insert(QStringLiteral("executor"), QJsonObject{{QStringLiteral("type"), executor}});
    ParseOptions options;
    options.baseDir = tools.path(); // trial.workdir
    return parseSpec(spec, options);
}

} // namespace

class TestPreflight : public QObject {
    Q_OBJECT
private slots:
    void accepted_data()
    {
        QTest::addColumn<QString>("argv0");
        QTest::addColumn<QString>("envPath"); // trial.env's PATH; empty: none
        QTest::addColumn<QString>("path");    // the PATH this program inherited
        QTest::addColumn<QString>("executor");
        QTest::newRow("on PATH") << "tool" << "" << "/nowhere:%D/bin" << "";
        QTest::newRow("on trial.env's PATH") << "tool" << "%D/bin" << "/nowhere" << "";
        QTest::newRow("beside this program") << QFileInfo(QCoreApplication::applicationFilePath()).fileName() << "" << "/nowhere" << "";
        QTest::newRow("relative to trial.workdir") << "./bin/tool" << "" << "/nowhere" << "";
        QTest::newRow("relative without ./") << "bin/tool" << "" << "/nowhere" << "";
        QTest::newRow("absolute") << "%D/bin/tool" << "" << "/nowhere" << "";
        QTest::newRow("a placeholder: only a trial knows it") << "${x}" << "" << "/nowhere" << "";
        QTest::newRow("a placeholder in trial.env's PATH") << "tool" << "${trial.dir}/bin" << "/nowhere" << "";
        QTest::newRow("slurm: the nodes run it") << "nowhere-tool" << "" << "/nowhere" << "slurm";
    }

    void accepted()
    {
        const Tools tools;
        QFETCH(QString, argv0);
        QFETCH(QString, envPath);
        QFETCH(QString, path);
        QFETCH(QString, executor);
        const ExperimentSpec spec = specOf(tools, argv0, envPath, executor);
        try {
            checkTrialProgram(spec, filled(path, tools));
        } catch (const SpecError& e) {
            QFAIL(e.what());
        }
    }

    void refused_data()
    {
        QTest::addColumn<QString>("argv0");
        QTest::addColumn<QString>("envPath");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("not on PATH") << "nowhere-tool" << "" << "%D/bin"
                                     << "trial.argv[0]: program \"nowhere-tool\" not found: it is neither on PATH nor in %A (beside this "
                                        "program). Install it, give its full path in trial.argv[0], or add its folder to PATH";
        QTest::newRow("on PATH, not on trial.env's") << "tool" << "/nowhere" << "%D/bin"
                                                     << "trial.argv[0]: program \"tool\" not found: it is neither on the PATH of trial.env "
                                                        "nor in %A (beside this program). Install it, give its full path in "
                                                        "trial.argv[0], or add its folder to the PATH of trial.env";
        QTest::newRow("relative, missing") << "./train.sh" << "" << "%D/bin"
                                           << "trial.argv[0]: program \"./train.sh\" not found: there is no %D/train.sh (relative paths "
                                              "start from trial.workdir, %D). Give the right path, or set trial.workdir";
        QTest::newRow("absolute, missing") << "/nowhere/train" << "" << "%D/bin"
                                           << "trial.argv[0]: program \"/nowhere/train\" not found: there is no such file. Install it "
                                              "there, or give the right path";
        QTest::newRow("not executable") << "./data.txt" << "" << "%D/bin"
                                        << "trial.argv[0]: %D/data.txt is not an executable file. Make it executable (chmod +x), or run "
                                           "it through its interpreter, like [\"python3\", \"train.py\", ...]";
        QTest::newRow("a folder on PATH") << "sub" << "" << "%D"
                                  << "trial.argv[0]: program \"sub\" not found: it is neither on PATH nor in %A (beside this program). "
                                     "Install it, give its full path in trial.argv[0], or add its folder to PATH";
        QTest::newRow("a folder by path") << "./sub" << "" << "%D/bin"
                                          << "trial.argv[0]: %D/sub is not an executable file. Make it executable (chmod +x), or run "
                                             "it through its interpreter, like [\"python3\", \"train.py\", ...]";
    }

    void refused()
    {
        const Tools tools;
        QFETCH(QString, argv0);
        QFETCH(QString, envPath);
        QFETCH(QString, path);
        QFETCH(QString, message);
        const ExperimentSpec spec = specOf(tools, argv0, envPath, {});
        try {
            checkTrialProgram(spec, filled(path, tools));
            QFAIL("accepted");
        } catch (const SpecError& e) {
            QCOMPARE(QString::fromUtf8(e.what()), filled(message, tools));
            QCOMPARE(e.path(), (SpecPath{QStringLiteral("trial"), QStringLiteral("argv"), 0}));
        }
    }

    // checkRunnable() is what the front ends call: it refuses the same command.
    void checkRunnableRefusesTheCommand()
    {
        const Tools tools;
        const ExperimentSpec spec = specOf(tools, QStringLiteral("./train.sh"), {}, {});
        QVERIFY_THROWS_EXCEPTION(SpecError, checkRunnable(spec));
    }
};

QTEST_GUILESS_MAIN(TestPreflight)
#include "tst_preflight.moc"
