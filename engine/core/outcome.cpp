#include "outcome.h"

#include <cmath>
#include <cstring>

namespace tb::engine {

using algorithms::TrialState;

QString signalName(int signal)
{
    const char* name = sigabbrev_np(signal);
    return name ? QStringLiteral("SIG") + QString::fromLatin1(name) : QString::number(signal);
}

Outcome classify(const OutcomeInput& in)
{
    Outcome out;
    if (in.ending == Ending::Interrupted) {
        out.requeue = true;
        out.reason = QStringLiteral("interrupted: the engine was stopped");
        return out;
    }
    const ProcessEnd& end = in.end;
    switch (in.ending) {
    case Ending::Pruned:
        out.state = TrialState::Pruned;
        out.value = in.objective;
        out.reason = in.pruneReason;
        break;
    case Ending::Timeout:
        out.reason = QStringLiteral("timed out after %1 s").arg(QString::number(in.timeoutS.value_or(0), 'g', 6));
        break;
    case Ending::Budget:
        out.reason = QStringLiteral("stopped: the experiment's max_seconds budget ran out");
        break;
    default:
        if (!end.lostReason.isEmpty())
            out.reason = end.lostReason;
        else if (!end.failReason.isEmpty())
            out.reason = end.failReason;
        else if (!end.startError.isEmpty())
            out.reason = QStringLiteral("could not start: ") + end.startError;
        else if (end.signalled)
            out.reason = QStringLiteral("killed by signal %1 (%2)").arg(end.exitCode).arg(signalName(end.exitCode));
        else if (end.exitCode != 0)
            out.reason = QStringLiteral("exit code %1").arg(end.exitCode);
        else if (!in.objective && in.constraint)
            out.reason = QStringLiteral("no constraint value: the trial never printed '%1=<number>'").arg(in.objectiveMetric);
        else if (!in.objective)
            out.reason = QStringLiteral("no objective: the trial never printed '%1=<number>'").arg(in.objectiveMetric);
        else if (!std::isfinite(*in.objective))
            out.reason = (in.constraint ? QStringLiteral("the constrained metric %1 is %2") : QStringLiteral("the objective %1 is %2"))
                             .arg(in.objectiveMetric, std::isnan(*in.objective) ? QStringLiteral("NaN") : QStringLiteral("infinite"));
        else {
            out.state = TrialState::Completed;
            out.value = in.objective;
        }
    }
    if (end.startError.isEmpty() && !end.signalled && end.lostReason.isEmpty() && end.failReason.isEmpty())
        out.exitCode = end.exitCode;
    const bool retriable = in.ending == Ending::None || in.ending == Ending::Timeout;
    if (out.state == TrialState::Failed && retriable && in.attempt <= in.retries && !in.stopping) {
        out.requeue = true;
        out.reason += QStringLiteral(" (attempt %1 of %2)").arg(in.attempt).arg(in.retries + 1);
        return out;
    }
    if (out.value && !std::isfinite(*out.value))
        out.value.reset();
    return out;
}

} // namespace tb::engine
