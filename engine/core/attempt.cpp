#include "attempt.h"

#include "json.h"
#include "spec.h"

#include <algorithm>
#include <cmath>

namespace tb::engine {

Attempt::Attempt(TrialRow row, algorithms::Assignment params, const ExperimentSpec& spec)
    : m_row(std::move(row)), m_params(std::move(params)), m_spec(spec)
{
    m_record.number = m_row.number;
    m_record.params = m_params;
    m_record.state = algorithms::TrialState::Running;
    if (m_spec.trial && m_spec.trial->metrics.tensorboard && !m_row.dir.isEmpty())
        m_tensorboard = std::make_unique<TensorBoardReader>(m_row.dir);
}

bool Attempt::pollTensorboard(double now)
{
    if (!m_tensorboard)
        return false;
    bool reported = false;
    for (const ScalarEvent& e : m_tensorboard->poll())
        reported |= recordMetrics({{e.tag, e.value}}, e.step, e.wallTime > 0 ? e.wallTime : now);
    return reported;
}

void Attempt::openLog(const QString& header)
{
    m_log.setFileName(m_row.logPath);
    if (m_log.open(QIODevice::WriteOnly | QIODevice::Append))
        m_log.write(header.toUtf8());
}

bool Attempt::feed(const QByteArray& chunk, bool isStdout, double now)
{
    if (chunk.isEmpty())
        return false;
    if (m_log.isOpen()) {
        const qint64 cap = m_spec.trial->maxLogBytes;
        const qint64 room = cap - m_logBytes;
        m_log.write(chunk.left(std::max<qint64>(0, room)));
        m_logBytes += chunk.size();
        if (room > 0 && m_logBytes > cap)
            m_log.write(QStringLiteral("\n=== tunebench: the log reached trial.max_log_mb (%1 MiB); the rest of this attempt's "
                                       "output is not kept (metrics are still read)\n")
                            .arg(cap >> 20)
                            .toUtf8());
    }
    if (!isStdout)
        return false;
    bool reported = false;
    for (const std::string& line : m_lines.feed(chunk))
        reported = recordLine(line, now) || reported;
    return reported;
}

void Attempt::close(double now)
{
    if (auto last = m_lines.flush())
        recordLine(*last, now);
    pollTensorboard(now); // what the trial wrote last
    if (m_log.isOpen())
        m_log.close();
}

bool Attempt::keepRow(double now)
{
    const qint64 cap = m_spec.trial->maxMetricRows;
    if (m_storedRows < cap) {
        ++m_storedRows;
        return true;
    }
    if (m_droppedRows++ == 0) {
        const QString text = QStringLiteral("this attempt reached trial.max_metric_rows (%1 rows); later metrics and events "
                                            "are not stored, the objective is still read")
                                 .arg(cap);
        keepEvent(algorithms::events::Notice{text.toStdString()}, now);
        if (m_log.isOpen())
            m_log.write(QStringLiteral("\n=== tunebench: %1\n").arg(text).toUtf8());
    }
    return false;
}

void Attempt::keepEvent(const algorithms::events::Event& event, double now)
{
    m_unsavedEvents.push_back({m_row.id, m_row.attempt, now, QString::fromLatin1(algorithms::events::kindOf(event)),
                               QByteArray::fromStdString(algorithms::events::write(event))});
}

bool Attempt::recordLine(const std::string& line, double now)
{
    ParsedLine parsed = parseMetricLine(line, m_spec.trial->metrics);
    if (parsed.event && keepRow(now))
        keepEvent(*parsed.event, now);
    return recordMetrics(parsed.metrics, parsed.step, now);
}

bool Attempt::recordMetrics(const std::vector<std::pair<std::string, double>>& metrics, std::optional<std::int64_t> lineStep, double now)
{
    if (metrics.empty())
        return false;
    const std::int64_t step = lineStep.value_or(m_nextStep);
    m_nextStep = step + 1;
    bool reported = false;
    for (const auto& [name, value] : metrics) {
        MetricRow m{m_row.id, m_row.attempt, step, QString::fromStdString(name), value, now};
        const bool kept = keepRow(now);
        const auto objective = std::find_if(m_spec.objectives.begin(), m_spec.objectives.end(),
                                            [&](const ObjectiveSpec& o) { return o.metric == m.name; });
        const bool constrained = std::any_of(m_spec.constraints.begin(), m_spec.constraints.end(),
                                             [&](const ConstraintSpec& c) { return c.metric == m.name; });
        if (objective != m_spec.objectives.end() || constrained) {
            const bool first = m.name == m_spec.objective.metric; // the pruners' curve
            if (kept) {
                m_reports.push_back(m);
                if (first) {
                    m_record.intermediate.emplace_back(step, value);
                    reported = true;
                }
            } else {
                BeyondCap& beyond = m_beyondCap[m.name];
                const bool better = objective != m_spec.objectives.end()
                    && (!beyond.best || std::isnan(beyond.best->value)
                        || (objective->direction == algorithms::Direction::Minimize ? value < beyond.best->value
                                                                                     : value > beyond.best->value));
                if (better)
                    beyond.best = m;
                beyond.last = m;
            }
        }
        if (kept)
            m_unsaved.push_back(std::move(m));
    }
    return reported;
}

std::vector<MetricRow> Attempt::reports() const
{
    std::vector<MetricRow> out = m_reports;
    for (const auto& [name, beyond] : m_beyondCap)
        if (beyond.best)
            out.push_back(*beyond.best);
    for (const auto& [name, beyond] : m_beyondCap)
        out.push_back(*beyond.last); // last, so that "use": "last" finds it
    return out;
}

std::vector<MetricRow> Attempt::takeMetrics()
{
    return std::exchange(m_unsaved, {});
}

std::vector<EventRow> Attempt::takeEvents()
{
    return std::exchange(m_unsavedEvents, {});
}

void Attempt::moveUnsavedTo(std::vector<MetricRow>& metrics, std::vector<EventRow>& events)
{
    metrics.insert(metrics.end(), std::make_move_iterator(m_unsaved.begin()), std::make_move_iterator(m_unsaved.end()));
    events.insert(events.end(), std::make_move_iterator(m_unsavedEvents.begin()), std::make_move_iterator(m_unsavedEvents.end()));
    m_unsaved.clear();
    m_unsavedEvents.clear();
}

QString Attempt::capNote() const
{
    if (m_droppedRows == 0)
        return {};
    return QStringLiteral("metrics capped at trial.max_metric_rows = %1 (%2 more rows not stored)")
        .arg(m_spec.trial->maxMetricRows)
        .arg(m_droppedRows);
}

} // namespace tb::engine
