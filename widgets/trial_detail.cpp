#include "trial_detail.h"

#include "widgets/models/engine_text.h"
#include "widgets/models/experiment_data.h"
#include "widgets/models/store_session.h"
#include "trial_table.h"

#include "engine/core/store.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QLabel>
#include <QMap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>

namespace tb::widgets {

namespace {
constexpr qint64 kLogTailBytes = 16 * 1024;
}

TrialDetail::TrialDetail(ExperimentData& data, QString dbPath, QWidget* parent)
    : QWidget(parent), m_data(data), m_dbPath(std::move(dbPath)), m_summary(new QLabel(this)), m_params(new QTreeWidget(this)),
      m_metrics(new QTreeWidget(this)), m_log(new QPlainTextEdit(this)), m_logChoice(new QComboBox(this)),
      m_scheduleButton(new QPushButton(tr("Show pipeline schedule"), this))
{
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setText(tr("Select a trial to see its details."));
    m_params->setHeaderLabels({tr("Parameter"), tr("Value")});
    m_metrics->setHeaderLabels({tr("Metric"), tr("Last value")});
    for (QTreeWidget* t : {m_params, m_metrics}) {
        t->setRootIsDecorated(false);
        t->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    }
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setPlaceholderText(tr("The trial's output appears here."));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_log->setFont(mono);

    auto* tables = new QSplitter(Qt::Horizontal, this);
    tables->addWidget(m_params);
    tables->addWidget(m_metrics);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(tables);
    auto* logBox = new QWidget(split);
    auto* logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    m_logChoice->setToolTip(tr("The output of each worker of the trial (rank 0's carries the metrics unless trial.metrics_rank says otherwise)"));
    m_logChoice->hide();
    logLayout->addWidget(m_logChoice, 0, Qt::AlignLeft);
    logLayout->addWidget(m_log, 1);
    split->addWidget(logBox);
    connect(m_logChoice, &QComboBox::activated, this, [this] {
        m_log->clear();
        refresh();
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* header = new QHBoxLayout;
    header->addWidget(m_summary, 1);
    header->addWidget(m_scheduleButton, 0, Qt::AlignTop);
    layout->addLayout(header);
    layout->addWidget(split, 1);

    m_scheduleButton->setEnabled(false);
    m_scheduleButton->setToolTip(tr("Open the trial's measured pipeline schedule (for trials run by tunebench-train)"));
    connect(m_scheduleButton, &QPushButton::clicked, this, [this] {
        if (m_shown >= 0)
            emit scheduleRequested(m_shown);
    });

    connect(&m_data, &ExperimentData::selectionChanged, this, &TrialDetail::show);
    connect(&m_data, &ExperimentData::trialsChanged, this, [this] {
        if (m_shown >= 0)
            refresh();
    });
    connect(&m_data, &ExperimentData::experimentReset, this, [this] {
        m_shown = -1;
        m_summary->setText(tr("Select a trial to see its details."));
        m_params->clear();
        m_metrics->clear();
        m_log->clear();
        m_scheduleButton->setEnabled(false);
    });
    connect(&m_watcher, &QFutureWatcher<TrialExtras>::finished, this, [this] {
        const TrialExtras extras = m_watcher.result();
        if (extras.trialId != m_shown)
            return;
        m_scheduleButton->setEnabled(extras.hasSpans);
        m_metrics->clear();
        for (const auto& [name, value] : extras.metrics)
            m_metrics->addTopLevelItem(new QTreeWidgetItem({name, value}));
        if (extras.rankLogs.isEmpty()) {
            m_logChoice->hide();
        } else if (m_logChoice->count() != extras.rankLogs.size() + 1) {
            const QString current = m_logChoice->currentData().toString();
            m_logChoice->clear();
            m_logChoice->addItem(tr("Main output (the metrics rank)"), QString());
            for (const QString& file : extras.rankLogs)
                m_logChoice->addItem(tr("Rank %1").arg(QString(file).remove(QStringLiteral("rank-")).remove(QStringLiteral(".log"))), file);
            m_logChoice->setCurrentIndex(std::max(0, m_logChoice->findData(current)));
            m_logChoice->show();
        }
        if (m_log->toPlainText() != extras.logTail) {
            m_log->setPlainText(extras.logTail);
            m_log->moveCursor(QTextCursor::End);
        }
    });
}

void TrialDetail::show(qint64 trialId)
{
    m_shown = trialId;
    m_log->clear();
    m_logChoice->clear();
    m_logChoice->hide();
    m_scheduleButton->setEnabled(false);
    refresh();
}

void TrialDetail::refresh()
{
    const TrialView* t = m_data.trial(m_shown);
    if (!t)
        return;
    const auto& r = t->row;
    const QString state = QString::fromLatin1(algorithms::trialStateName(r.state));
    QString text = tr("<b>Trial %1</b> (#%2), attempt %3: <span style='color:%4'>%5</span>")
                       .arg(r.id)
                       .arg(r.number)
                       .arg(r.attempt)
                       .arg(TrialTableModel::stateColor(state).name(), TrialTableModel::stateLabel(state));
    const QStringList objectives = m_data.objectiveNames();
    if (objectives.size() > 1) {
        for (int i = 0; i < objectives.size(); ++i)
            if (const std::optional<double> v = ExperimentData::objectiveValue(*t, i))
                text += tr(", %1 = %2").arg(objectives[i].toHtmlEscaped()).arg(*v, 0, 'g', 8);
    } else if (r.value) {
        text += tr(", %1 = %2").arg(m_data.objectiveName().toHtmlEscaped()).arg(*r.value, 0, 'g', 8);
    }
    if (r.exitCode)
        text += tr(", exit code %1").arg(*r.exitCode);
    if (r.violation) { // a completed trial of an experiment with constraints
        const QStringList broken = m_data.brokenConstraints(*t);
        text += QStringLiteral("<br>")
            + (r.feasible()         ? tr("Feasible: within every constraint")
                   : broken.isEmpty() ? tr("<span style='color:%1'>Infeasible</span>: beyond the constraints by %2")
                                            .arg(TrialTableModel::stateColor(QStringLiteral("failed")).name())
                                            .arg(*r.violation, 0, 'g', 6)
                                      : tr("<span style='color:%1'>Infeasible</span>: %2")
                                            .arg(TrialTableModel::stateColor(QStringLiteral("failed")).name(),
                                                 broken.join(QStringLiteral("; ")).toHtmlEscaped()));
    }
    if (m_data.multiObjective() && m_data.inParetoSet(r.id))
        text += QStringLiteral("<br>") + tr("In the Pareto set: no other feasible trial is as good in every objective and better in one");
    if (!r.reason.isEmpty())
        text += QStringLiteral("<br>") + tr("Reason: %1").arg(engineText(r.reason).toHtmlEscaped());
    if (!r.sampler.isEmpty()) { // empty: not recorded (stores from before schema 7, imported trials)
        // Sampler names are identifiers, shown as written; the reason is the engine's English.
        const QString algorithm = m_data.spec() ? m_data.spec()->algorithm.name : QString();
        const QString sampler = r.sampler.toHtmlEscaped();
        QString line;
        if (!r.samplerReason.isEmpty())
            line = tr("Suggested by %1 (%2): %3").arg(sampler, algorithm.toHtmlEscaped(), engineText(r.samplerReason).toHtmlEscaped());
        else if (!algorithm.isEmpty() && algorithm != r.sampler)
            line = tr("Suggested by %1 (%2)").arg(sampler, algorithm.toHtmlEscaped());
        else
            line = tr("Suggested by %1").arg(sampler);
        text += QStringLiteral("<br>") + line;
    }
    const QJsonObject handle = QJsonDocument::fromJson(r.handle).object();
    if (handle.contains(QStringLiteral("job"))) {
        const QString node = handle.value(QStringLiteral("node")).toString();
        text += QStringLiteral("<br>") + (node.isEmpty() ? tr("Slurm job %1").arg(handle.value(QStringLiteral("job")).toString().toHtmlEscaped())
                                                         : tr("Slurm job %1 on %2").arg(handle.value(QStringLiteral("job")).toString().toHtmlEscaped(), node.toHtmlEscaped()));
    }
    m_summary->setText(text);

    m_params->clear();
    for (const QString& name : m_data.paramNames()) {
        const QJsonValue v = t->params.value(name);
        const QString shown = v.isUndefined() ? tr("(inactive)")
            : v.isDouble()                    ? QString::number(v.toDouble(), 'g', 10)
            : v.isBool()                      ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                              : v.toString();
        m_params->addTopLevelItem(new QTreeWidgetItem({name, shown}));
    }
    if (!m_watcher.isRunning())
        m_watcher.setFuture(QtConcurrent::run(&TrialDetail::loadExtras, m_dbPath, r.id, r.logPath, m_logChoice->currentData().toString()));
}

QString TrialDetail::summaryText() const { return m_summary->text(); }
QString TrialDetail::logText() const { return m_log->toPlainText(); }

TrialExtras TrialDetail::loadExtras(const QString& dbPath, qint64 trialId, const QString& logPath, const QString& logFile)
{
    TrialExtras extras;
    extras.trialId = trialId;
    try {
        StoreSession::useAt(dbPath, [&](engine::Store& store) {
            const auto row = store.trial(trialId);
            QMap<QString, QPair<double, int>> last;
            for (const engine::MetricRow& m : store.metrics(trialId))
                if (!row || m.attempt == row->attempt) {
                    auto& entry = last[m.name];
                    entry.first = m.value;
                    ++entry.second;
                }
            for (auto it = last.begin(); it != last.end(); ++it)
                extras.metrics.append({it.key(), tr("%1 (%n reports)", nullptr, it.value().second).arg(it.value().first, 0, 'g', 8)});
            for (const engine::EventRow& e : store.events(trialId))
                if (e.kind == QLatin1String("span")) {
                    extras.hasSpans = true;
                    break;
                }
        });
    } catch (const std::exception&) {
        // The store may be gone or busy; the next refresh tries again.
    }
    const QDir dir = QFileInfo(logPath).absoluteDir();
    extras.rankLogs = dir.entryList({QStringLiteral("rank-*.log")}, QDir::Files);
    std::sort(extras.rankLogs.begin(), extras.rankLogs.end(), [](const QString& a, const QString& b) {
        return QString(a).remove(QStringLiteral("rank-")).remove(QStringLiteral(".log")).toInt()
            < QString(b).remove(QStringLiteral("rank-")).remove(QStringLiteral(".log")).toInt();
    });
    QFile log(logFile.isEmpty() || logFile.contains(QLatin1Char('/')) ? logPath : dir.filePath(logFile));
    if (log.open(QIODevice::ReadOnly)) {
        if (log.size() > kLogTailBytes)
            log.seek(log.size() - kLogTailBytes);
        extras.logTail = QString::fromUtf8(log.readAll());
    }
    return extras;
}

} // namespace tb::widgets
