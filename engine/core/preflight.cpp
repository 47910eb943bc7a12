#include "preflight.h"

#include "errors.h"
#include "local_executor.h"
#include "resources.h"
#include "spec.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace tb::engine {

namespace {

bool hasPlaceholder(const QString& text)
{
    return text.contains(QLatin1String("${"));
}

} // namespace

void checkRunnable(const ExperimentSpec& spec)
{
    planResources(spec);
    checkTrialProgram(spec, qEnvironmentVariable("PATH"));
}

void checkTrialProgram(const ExperimentSpec& spec, const QString& inheritedPath)
{
    if (!spec.trial || spec.trial->argv.isEmpty() || spec.executor.type != ExecutorSpec::Type::Local)
        return;
    const TrialSpec& trial = *spec.trial;
    const QString argv0 = trial.argv.first();
    const QString pathKey = QStringLiteral("PATH");
    const bool ownPath = trial.env.contains(pathKey);
    const QString path = ownPath ? trial.env.value(pathKey) : inheritedPath;
    if (hasPlaceholder(argv0) || hasPlaceholder(path))
        return;
    const SpecPath at{QString(key::trial), QString(key::argv), 0};
    const QString program = trialProgram(argv0, trial.workdir, path);
    if (program.isEmpty()) {
        const QString where = ownPath ? QStringLiteral("the PATH of trial.env") : QStringLiteral("PATH");
        const QString beside = QCoreApplication::instance() ? QCoreApplication::applicationDirPath() : QString();
        throw SpecError(QStringLiteral("trial.argv[0]: program \"%1\" not found: it is %2. Install it, give its full path in "
                                       "trial.argv[0], or add its folder to %3")
                            .arg(argv0,
                                 beside.isEmpty() ? QStringLiteral("not on ") + where
                                                  : QStringLiteral("neither on %1 nor in %2 (beside this program)").arg(where, beside),
                                 where),
                        at);
    }
    const QFileInfo file(program);
    const QString shown = QDir::cleanPath(program); // not ./ in the middle
    if (!file.exists() && QDir::isAbsolutePath(argv0))
        throw SpecError(QStringLiteral("trial.argv[0]: program \"%1\" not found: there is no such file. Install it there, or give "
                                       "the right path").arg(argv0),
                        at);
    if (!file.exists())
        throw SpecError(QStringLiteral("trial.argv[0]: program \"%1\" not found: there is no %2 (relative paths start from "
                                       "trial.workdir, %3). Give the right path, or set trial.workdir")
                            .arg(argv0, shown, trial.workdir),
                        at);
    if (!file.isFile() || !file.isExecutable())
        throw SpecError(QStringLiteral("trial.argv[0]: %1 is not an executable file. Make it executable (chmod +x), or run it "
                                       "through its interpreter, like [\"python3\", \"train.py\", ...]")
                            .arg(shown),
                        at);
}

} // namespace tb::engine
