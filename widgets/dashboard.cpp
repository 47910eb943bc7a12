#include "dashboard.h"

#include "widgets/models/experiment_data.h"
#include "sampler_log_view.h"
#include "widgets/plots/plots.h"
#include "widgets/plots/timeline_view.h"
#include "trial_detail.h"
#include "trial_table.h"

#include "algorithms/importance.h"
#include "engine/core/json.h"
#include "engine/core/spec.h"

#include <QJsonDocument>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>

namespace tb::widgets {

namespace {
constexpr int kImportanceDelayMs = 1500; // batch finishes that arrive close together
constexpr int kMinTrialsForImportance = 4;
}

Dashboard::Dashboard(ExperimentData& data, QString dbPath, QWidget* parent)
    : QWidget(parent), m_data(data), m_table(new TrialTable(data, this)), m_detail(new TrialDetail(data, std::move(dbPath), this)),
      m_curves(new LearningCurvesPlot(&data, this)), m_history(new HistoryPlot(&data, this)),
      m_parallel(new ParallelCoordinatesPlot(&data, this)), m_importance(new ImportancePlot(&data, this)),
      m_timeline(new TimelineView(&data, this)), m_samplerLog(new SamplerLogView(data, m_detail->dbPath(), this)),
      m_slice(new SlicePlot(&data, this)), m_contour(new ContourPlot(&data, this)), m_pareto(new ParetoPlot(&data, this))
{
    auto* left = new QSplitter(Qt::Vertical, this);
    left->addWidget(m_table);
    left->addWidget(m_detail);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);

    auto* top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_curves);
    top->addWidget(m_history);
    auto* bottom = m_bottomTabs = new QTabWidget(this);
    bottom->addTab(m_parallel, tr("Parallel coordinates"));
    bottom->addTab(m_importance, tr("Parameter importance"));
    bottom->addTab(m_timeline, tr("Devices"));
    bottom->addTab(m_samplerLog, tr("Sampler log"));
    bottom->setTabVisible(3, false);
    bottom->addTab(m_slice, tr("Slice"));
    bottom->addTab(m_contour, tr("Contour"));
    bottom->addTab(m_pareto, tr("Pareto front"));
    bottom->setTabVisible(ParetoTab, false);
    auto* right = new QSplitter(Qt::Vertical, this);
    right->addWidget(top);
    right->addWidget(bottom);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    // The plots take two thirds, and the history beside the curves keeps room for its
    // axis (at 1280 pixels it was squeezed to a sliver).
    split->setSizes({1, 2});
    top->setSizes({3, 2});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_detail, &TrialDetail::scheduleRequested, this, &Dashboard::scheduleRequested);
    connect(m_pareto, &ParetoPlot::scheduleRequested, this, &Dashboard::scheduleRequested);

    m_importanceDelay.setSingleShot(true);
    m_importanceDelay.setInterval(kImportanceDelayMs);
    connect(&m_importanceDelay, &QTimer::timeout, this, &Dashboard::startImportance);
    connect(&m_data, &ExperimentData::trialsChanged, this, &Dashboard::scheduleImportance);
    connect(m_importance, &ImportancePlot::objectiveChanged, this, [this] {
        // Another objective's shares: computed anew at once (the shown ones are not its).
        m_importanceTrials = -1;
        m_importance->setImportance({}, {});
        if (m_importanceJob.isRunning())
            return; // its end schedules the next
        m_importanceDelay.stop();
        startImportance();
    });
    connect(&m_data, &ExperimentData::experimentReset, this, [this] {
        m_bottomTabs->setTabVisible(SamplerLogTab, m_samplerLog->applies()); // only for an external sampler or pruner
        // Several objectives: the front is what to look at first.
        const bool pareto = m_pareto->applies();
        if (pareto && !m_bottomTabs->isTabVisible(ParetoTab)) {
            m_bottomTabs->setTabVisible(ParetoTab, true);
            m_bottomTabs->setCurrentIndex(ParetoTab);
        } else if (!pareto && m_bottomTabs->isTabVisible(ParetoTab)) {
            if (m_bottomTabs->currentIndex() == ParetoTab)
                m_bottomTabs->setCurrentIndex(ParallelTab);
            m_bottomTabs->setTabVisible(ParetoTab, false);
        }
        m_importanceTrials = -1;
        m_importance->setImportance({}, {});
    });
    connect(&m_importanceJob, &QFutureWatcher<ImportanceShares>::finished, this, [this] {
        const ImportanceShares result = m_importanceJob.result();
        if (result.experimentId == m_data.experiment().id && result.objective == m_importance->objective()) {
            m_importance->setImportance(result.names, result.shares);
            emit importanceUpdated(result.trials);
        }
        if (m_importanceTrials >= 0 || result.objective != m_importance->objective())
            scheduleImportance(); // trials may have finished meanwhile, or another objective is asked for
    });
}

void Dashboard::showBottomTab(int index)
{
    m_bottomTabs->setCurrentIndex(index);
}

bool Dashboard::isBottomTabShown(int index) const
{
    return m_bottomTabs->isTabVisible(index);
}

void Dashboard::setDbPath(const QString& path)
{
    m_detail->setDbPath(path);
    m_samplerLog->setDbPath(path);
}

void Dashboard::scheduleImportance()
{
    int completed = 0;
    for (const TrialView& t : m_data.trials())
        completed += t.row.state == algorithms::TrialState::Completed;
    if (completed >= kMinTrialsForImportance && completed != m_importanceTrials && !m_importanceJob.isRunning())
        m_importanceDelay.start();
}

void Dashboard::completedTrials(QVector<QByteArray>& params, QVector<double>& values) const
{
    // With several objectives, the values of the one the importance plot shows.
    const auto objective = static_cast<std::size_t>(m_importance->objective());
    for (const TrialView& t : m_data.trials()) {
        if (t.row.state != algorithms::TrialState::Completed || !t.row.value)
            continue;
        if (m_data.multiObjective() && objective >= t.row.values.size())
            continue;
        params.push_back(t.row.params);
        values.push_back(m_data.multiObjective() ? t.row.values[objective] : *t.row.value);
    }
}

void Dashboard::startImportance()
{
    QVector<QByteArray> params;
    QVector<double> values;
    completedTrials(params, values);
    m_importanceTrials = static_cast<int>(values.size());
    m_importanceJob.setFuture(QtConcurrent::run(&Dashboard::computeImportance, m_data.experiment().spec, m_data.experiment().id, params, values,
                                                m_importance->objective()));
}

QString Dashboard::renderView(const QString& view, const QString& output, QSize size, const QStringList& parameters)
{
    QString error;
    PlotPanel* panel = nullptr;
    if (view == QLatin1String("importance")) {
        showImportanceNow();
        panel = m_importance;
    } else if (view == QLatin1String("slice") || view == QLatin1String("contour")) {
        const bool isSlice = view == QLatin1String("slice");
        const QStringList offered = isSlice ? m_slice->parameters() : m_contour->parameters();
        const QString x = parameters.value(0).isEmpty() ? (isSlice ? m_slice->parameter() : m_contour->xParameter()) : parameters.value(0);
        const QString y = parameters.value(1).isEmpty() ? m_contour->yParameter() : parameters.value(1);
        for (const auto& [flag, name] : {std::pair(QStringLiteral("--x"), x), std::pair(QStringLiteral("--y"), y)})
            if ((flag == QLatin1String("--x") || !isSlice) && !offered.contains(name))
                return tr("%1: no parameter named '%2'; one of %3").arg(flag, name, offered.join(QStringLiteral(", ")));
        if (isSlice)
            m_slice->setParameter(x);
        else
            m_contour->setParameters(x, y);
        panel = isSlice ? static_cast<PlotPanel*>(m_slice) : static_cast<PlotPanel*>(m_contour);
    } else if (view == QLatin1String("pareto")) {
        if (!m_pareto->applies())
            return tr("--render pareto: experiment '%1' has one objective").arg(m_data.experiment().name);
        const QStringList offered = m_pareto->objectives();
        const QString x = parameters.value(0).isEmpty() ? offered.value(m_pareto->xObjective()) : parameters.value(0);
        const QString y = parameters.value(1).isEmpty() ? offered.value(m_pareto->yObjective()) : parameters.value(1);
        for (const auto& [flag, name] : {std::pair(QStringLiteral("--x"), x), std::pair(QStringLiteral("--y"), y)})
            if (!offered.contains(name))
                return tr("%1: no objective named '%2'; one of %3").arg(flag, name, offered.join(QStringLiteral(", ")));
        if (!m_pareto->setObjectives(x, y))
            return tr("--x, --y: two different objectives, one of %1").arg(offered.join(QStringLiteral(", ")));
        panel = m_pareto;
    } else {
        panel = view == QLatin1String("curves") ? static_cast<PlotPanel*>(m_curves)
            : view == QLatin1String("history")  ? static_cast<PlotPanel*>(m_history)
            : view == QLatin1String("parallel") ? static_cast<PlotPanel*>(m_parallel)
                                                : static_cast<PlotPanel*>(m_timeline);
    }
    panel->refreshNow();
    return panel->exportTo(output, &error, size) ? QString() : tr("--output: %1").arg(error);
}

void Dashboard::showImportanceNow()
{
    QVector<QByteArray> params;
    QVector<double> values;
    completedTrials(params, values);
    const ImportanceShares shares = computeImportance(m_data.experiment().spec, m_data.experiment().id, params, values, m_importance->objective());
    m_importance->setImportance(shares.names, shares.shares);
}

ImportanceShares Dashboard::computeImportance(const QByteArray& specJson, qint64 experimentId, const QVector<QByteArray>& params,
                                              const QVector<double>& values, int objective)
{
    ImportanceShares out;
    out.experimentId = experimentId;
    out.objective = objective;
    out.trials = static_cast<int>(values.size());
    try {
        engine::ParseOptions options;
        options.requireTrial = false;
        const engine::ExperimentSpec spec = engine::parseSpec(specJson, options);
        std::vector<algorithms::TrialRecord> records;
        for (qsizetype i = 0; i < params.size(); ++i) {
            algorithms::TrialRecord r;
            r.number = i;
            r.params = engine::assignmentFromJson(spec.space, QJsonDocument::fromJson(params[i]).object());
            r.state = algorithms::TrialState::Completed;
            r.value = values[i];
            records.push_back(std::move(r));
        }
        algorithms::FanovaOptions fanova;
        fanova.threads = 1; // leave the other core to the window and the trials
        const algorithms::ImportanceResult result = algorithms::fanovaImportance(spec.space, records, fanova);
        for (std::size_t i = 0; i < result.names.size(); ++i) {
            out.names << QString::fromStdString(result.names[i]);
            out.shares << result.importance[i];
        }
    } catch (const std::exception&) {
        // An unreadable spec or values outside the space: no importance to show.
    }
    return out;
}

} // namespace tb::widgets
