#include "widgets/models/engine_host.h"

#include "engine/core/engine.h"
#include "engine/core/errors.h"
#include "engine/core/local_executor.h"
#include "engine/core/preflight.h"
#include "engine/core/spec.h"
#include "engine/core/store.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QProcess>
#include <QTimer>

namespace tb::widgets {

EngineHost::EngineHost(QObject* parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("engine"));
}

EngineHost::~EngineHost()
{
    if (m_engine) {
        stop();
        waitForFinish();
    }
    m_thread.quit();
    m_thread.wait();
}

QString EngineHost::launch(const QString& dbPath, const QJsonObject& specJson, const QString& specDir)
{
    if (m_engine)
        return tr("An experiment is already running in this window; stop it first.");
    try {
        engine::ParseOptions options;
        options.baseDir = specDir;
        const engine::ExperimentSpec spec = engine::parseSpec(specJson, options);
        engine::checkRunnable(spec); // refused here, before an experiment exists
        engine::Store store(dbPath);
        store.createExperiment(spec.name, QJsonDocument(spec.json).toJson(QJsonDocument::Compact));
        m_db = dbPath;
        m_experiment = spec.name;
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    startEngine();
    return {};
}

QString EngineHost::resume(const QString& dbPath, const QString& experiment)
{
    if (m_engine)
        return tr("An experiment is already running in this window; stop it first.");
    m_db = dbPath;
    m_experiment = experiment;
    startEngine();
    return {};
}

void EngineHost::startEngine()
{
    if (!m_thread.isRunning())
        m_thread.start();
    engine::EngineOptions options;
    options.program = QStringLiteral("tunebench (window)");
    m_engine = new engine::Engine(m_db, m_experiment, options);
    m_engine->moveToThread(&m_thread);
    connect(m_engine, &engine::Engine::trialFinished, this, &EngineHost::trialFinished);
    connect(m_engine, &engine::Engine::finished, this, [this](engine::ExperimentState state, const QString& reason) {
        m_engine->deleteLater(); // in its own thread
        m_engine = nullptr;
        emit finished(state, reason);
    });
    QMetaObject::invokeMethod(m_engine, &engine::Engine::start, Qt::QueuedConnection);
    emit started(m_experiment);
}

void EngineHost::stop()
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, &engine::Engine::stop, Qt::QueuedConnection);
}

void EngineHost::waitForFinish()
{
    if (!m_engine)
        return;
    QEventLoop loop;
    connect(this, &EngineHost::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit); // trials get SIGKILL after 3 s
    if (m_engine)
        loop.exec();
}

qint64 EngineHost::continueHeadless()
{
    if (!m_engine)
        return 0;
    stop();
    waitForFinish();
    const QString cli = engine::resolveProgram(QStringLiteral("tunebench-cli"), qEnvironmentVariable("PATH"));
    if (cli.isEmpty())
        return 0;
    qint64 pid = 0;
    QProcess::startDetached(cli, {QStringLiteral("resume"), QStringLiteral("--db"), m_db, QStringLiteral("--experiment"), m_experiment,
                                  QStringLiteral("--quiet")},
                            QString(), &pid);
    return pid;
}

} // namespace tb::widgets
