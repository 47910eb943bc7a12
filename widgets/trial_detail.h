#pragma once
// The selected trial: parameters, the last value of each metric, the tail of its log and
// why it ended. Metrics and the log are read off the GUI thread.

#include <QFutureWatcher>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace tb::widgets {

class ExperimentData;

struct TrialExtras {
    qint64 trialId = -1;
    QList<QPair<QString, QString>> metrics; // name -> "last (n reports)"
    QString logTail;
    QStringList rankLogs;  // rank-K.log files of a group of workers beside the trial's log
    bool hasSpans = false; // the trial recorded pipeline span events (tunebench-train)
};

class TrialDetail : public QWidget {
    Q_OBJECT
public:
    TrialDetail(ExperimentData& data, QString dbPath, QWidget* parent = nullptr);

    void setDbPath(const QString& path) { m_dbPath = path; }
    const QString& dbPath() const { return m_dbPath; }
    qint64 shownTrial() const { return m_shown; }
    QString summaryText() const; // the header label's text (tests)
    QString logText() const;

    // "Show pipeline schedule", enabled when the shown trial has span events.
    QPushButton* scheduleButton() const { return m_scheduleButton; }

    // `logFile`: the trial's log, or one of its workers' rank-K.log (a name beside it).
    static TrialExtras loadExtras(const QString& dbPath, qint64 trialId, const QString& logPath, const QString& logFile = {});
    QComboBox* logChoice() const { return m_logChoice; }

signals:
    void scheduleRequested(qint64 trialId);

private:
    void show(qint64 trialId);
    void refresh();

    ExperimentData& m_data;
    QString m_dbPath;
    qint64 m_shown = -1;
    QLabel* m_summary;
    QTreeWidget* m_params;
    QTreeWidget* m_metrics;
    QPlainTextEdit* m_log;
    QComboBox* m_logChoice; // which worker's output (a group of workers only)
    QPushButton* m_scheduleButton;
    QFutureWatcher<TrialExtras> m_watcher;
};

} // namespace tb::widgets
