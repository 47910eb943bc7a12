#include "widgets/models/experiment_data.h"

#include <QJsonDocument>
#include <cmath>

namespace tb::widgets {

namespace {
const QVector<QPointF> kNoPoints;
const QVector<double> kNoTimes;
} // namespace

const QVector<QPointF>& TrialView::points(int metric) const
{
    if (metric == 0)
        return curve;
    return metric > 0 && metric <= otherMetrics.size() ? otherMetrics[metric - 1].points : kNoPoints;
}

const QVector<double>& TrialView::times(int metric) const
{
    if (metric == 0)
        return curveTimes;
    return metric > 0 && metric <= otherMetrics.size() ? otherMetrics[metric - 1].times : kNoTimes;
}

ExperimentData::ExperimentData(QObject* parent) : QObject(parent), m_metricNames{QString()} {}

void ExperimentData::reset(const engine::ExperimentRow& experiment)
{
    m_experiment = experiment;
    m_spec.reset();
    if (experiment.id) {
        try {
            engine::ParseOptions options;
            options.requireTrial = false;
            m_spec = engine::parseSpec(experiment.spec, options);
        } catch (const std::exception&) {
            // A spec this build cannot read still shows its trials.
        }
    }
    m_trials.clear();
    m_index.clear();
    m_selected = -1;
    m_metricNames = QStringList{objectiveName()};
    m_metricIndex.clear();
    m_filteredOut.clear();
    m_telemetry.clear();
    m_pareto.reset();
    emit experimentReset();
}

void ExperimentData::updateExperiment(const engine::ExperimentRow& experiment)
{
    if (experiment.id != m_experiment.id)
        return;
    m_experiment = experiment;
    emit experimentChanged();
}

QString ExperimentData::objectiveName() const
{
    return m_spec ? m_spec->objective.metric : QString();
}

bool ExperimentData::minimize() const
{
    return !m_spec || m_spec->objective.direction == algorithms::Direction::Minimize;
}

QStringList ExperimentData::paramNames() const
{
    QStringList names;
    if (m_spec)
        for (const auto& p : m_spec->space.params())
            names << QString::fromStdString(p.name);
    return names;
}

int ExperimentData::indexOf(qint64 trialId) const
{
    return m_index.value(trialId, -1);
}

const TrialView* ExperimentData::trial(qint64 trialId) const
{
    const int i = indexOf(trialId);
    return i < 0 ? nullptr : &m_trials[i];
}

std::optional<qint64> ExperimentData::bestTrial() const
{
    std::optional<qint64> best;
    double bestValue = 0;
    if (multiObjective())
        return best; // no one best trial: the Pareto set is (paretoSet())
    for (const TrialView& t : m_trials) {
        if (t.row.state != algorithms::TrialState::Completed || !t.row.value || !t.row.feasible())
            continue;
        if (!best || oriented(*t.row.value) < oriented(bestValue)) {
            best = t.row.id;
            bestValue = *t.row.value;
        }
    }
    return best;
}

QStringList ExperimentData::objectiveNames() const
{
    return m_spec ? m_spec->objectiveMetrics() : QStringList();
}

std::optional<double> ExperimentData::objectiveValue(const TrialView& trial, int i)
{
    const engine::TrialRow& r = trial.row;
    if (i == 0)
        return r.value;
    if (i > 0 && i < static_cast<int>(r.values.size()))
        return r.values[static_cast<std::size_t>(i)];
    return std::nullopt;
}

QStringList ExperimentData::brokenConstraints(const TrialView& trial) const
{
    QStringList out;
    if (!m_spec)
        return out;
    for (const engine::ConstraintSpec& c : m_spec->constraints) {
        const QVector<QPointF>& points = trial.points(metricIndex(c.metric));
        if (points.isEmpty())
            continue;
        const double value = points.last().y();
        if (c.violation(value) <= 0)
            continue;
        const QString shown = QString::number(value, 'g', 6);
        if (c.max && (std::isnan(value) || value > *c.max))
            out << tr("%1 = %2 (at most %3)").arg(c.metric, shown, QString::number(*c.max, 'g', 6));
        else if (c.min)
            out << tr("%1 = %2 (at least %3)").arg(c.metric, shown, QString::number(*c.min, 'g', 6));
    }
    return out;
}

std::vector<engine::TrialRow> ExperimentData::rows(bool passingOnly) const
{
    std::vector<engine::TrialRow> out;
    out.reserve(static_cast<std::size_t>(m_trials.size()));
    for (const TrialView& t : m_trials)
        if (!passingOnly || passesFilter(t.row.id))
            out.push_back(t.row);
    return out;
}

const engine::ParetoSet& ExperimentData::paretoSet() const
{
    if (!m_pareto) {
        m_pareto = m_spec ? engine::paretoSet(*m_spec, rows(false)) : engine::ParetoSet{};
        m_paretoIds.clear();
        for (const engine::TrialRow& t : m_pareto->trials)
            m_paretoIds.insert(t.id);
    }
    return *m_pareto;
}

bool ExperimentData::inParetoSet(qint64 trialId) const
{
    paretoSet();
    return m_paretoIds.contains(trialId);
}

void ExperimentData::setTrials(qint64 experimentId, const QVector<engine::TrialRow>& trials)
{
    if (experimentId != m_experiment.id)
        return;
    bool added = false;
    bool filterMoved = false;
    QSet<qint64> restarted;
    for (const engine::TrialRow& row : trials) {
        int i = indexOf(row.id);
        if (i < 0) {
            TrialView view;
            view.row = row;
            view.params = QJsonDocument::fromJson(row.params).object();
            i = static_cast<int>(m_trials.size());
            m_index.insert(row.id, i);
            m_trials.push_back(std::move(view));
            added = true;
        } else {
            TrialView& view = m_trials[i];
            if (view.row.attempt != row.attempt) {
                view.curve.clear(); // a new attempt draws a new curve
                view.curveTimes.clear();
                view.otherMetrics.clear();
                restarted.insert(row.id);
            }
            view.row = row;
        }
        filterMoved = refilter(m_trials[i]) || filterMoved; // before the signals: views read it
    }
    m_pareto.reset();
    emit trialsChanged(added);
    if (!restarted.isEmpty()) {
        emit curvesChanged(restarted);
        emit metricPointsChanged(-1, restarted);
    }
    if (filterMoved)
        emit filterChanged();
}

void ExperimentData::setFilter(const QString& source, TrialPredicate predicate)
{
    if (predicate)
        m_filters.insert(source, std::move(predicate));
    else if (!m_filters.remove(source))
        return;
    for (const TrialView& t : std::as_const(m_trials))
        refilter(t);
    emit filterChanged(); // the predicate may differ even when the same trials pass
}

bool ExperimentData::refilter(const TrialView& trial)
{
    bool passes = true;
    for (const TrialPredicate& accepts : std::as_const(m_filters))
        if (!accepts(trial)) {
            passes = false;
            break;
        }
    if (passes)
        return m_filteredOut.remove(trial.row.id);
    if (m_filteredOut.contains(trial.row.id))
        return false;
    m_filteredOut.insert(trial.row.id);
    return true;
}

void ExperimentData::appendMetrics(qint64 experimentId, const QVector<engine::MetricRow>& metrics)
{
    if (experimentId != m_experiment.id)
        return;
    const QString objective = objectiveName();
    QSet<qint64> changed;                   // objective curves
    QHash<int, QSet<qint64>> otherChanged;  // by metric index
    const qsizetype namesBefore = m_metricNames.size();
    // Rows come in runs of one name: the last name's index spares most hash lookups.
    QString lastName;
    int last = -1;
    for (const engine::MetricRow& m : metrics) {
        int metric = 0;
        if (m.name != objective || objective.isEmpty()) {
            if (last < 0 || m.name != lastName) {
                last = m_metricIndex.value(m.name, -1);
                if (last < 0) {
                    last = static_cast<int>(m_metricNames.size());
                    m_metricNames << m.name;
                    m_metricIndex.insert(m.name, last);
                }
                lastName = m.name;
            }
            metric = last;
        }
        const int i = indexOf(m.trialId);
        if (i < 0 || m.attempt != m_trials[i].row.attempt)
            continue;
        TrialView& t = m_trials[i];
        if (metric == 0) {
            t.curve.append(QPointF(static_cast<double>(m.step), m.value));
            t.curveTimes.append(m.time);
            changed.insert(m.trialId);
            continue;
        }
        if (t.otherMetrics.size() < metric)
            t.otherMetrics.resize(metric);
        MetricSeries& series = t.otherMetrics[metric - 1];
        series.points.append(QPointF(static_cast<double>(m.step), m.value));
        series.times.append(m.time);
        otherChanged[metric].insert(m.trialId);
    }
    if (m_metricNames.size() != namesBefore)
        emit metricNamesChanged();
    if (!changed.isEmpty()) {
        emit curvesChanged(changed);
        emit metricPointsChanged(0, changed);
    }
    for (auto it = otherChanged.cbegin(); it != otherChanged.cend(); ++it)
        emit metricPointsChanged(it.key(), it.value());
}

int ExperimentData::metricIndex(const QString& name) const
{
    if (!name.isEmpty() && name == m_metricNames.first())
        return 0;
    return m_metricIndex.value(name, -1);
}

void ExperimentData::select(qint64 trialId)
{
    if (trialId == m_selected)
        return;
    m_selected = trialId;
    emit selectionChanged(trialId);
}

void ExperimentData::appendTelemetry(qint64 experimentId, const QVector<engine::TelemetryRow>& rows, bool replace)
{
    if (experimentId != m_experiment.id)
        return; // a late report of the experiment shown before
    if (replace)
        m_telemetry = rows;
    else
        m_telemetry += rows;
    emit telemetryChanged(replace);
}

} // namespace tb::widgets
