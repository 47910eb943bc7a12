#pragma once
// The selected trial: parameters, the last value of each metric, the tail of its log and
// why it ended. Metrics and the log are read off the GUI thread.

#include <QFutureWatcher>
#include <QWidget>

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
    bool hasSpans = false; // the trial recorded pipeline span events (tunebench-train)
};

class TrialDetail : public QWidget {
    Q_OBJECT
public:
    TrialDetail(ExperimentData& data, QString dbPath, QWidget* parent = nullptr);

    void setDbPath(const QString& path) { m_dbPath = path; }
    qint64 shownTrial() const { return m_shown; }
    QString summaryText() const; // the header label's text (tests)
    QString logText() const;

    // "Show pipeline schedule", enabled when the shown trial has span events.
    QPushButton* scheduleButton() const { return m_scheduleButton; }

    static TrialExtras loadExtras(const QString& dbPath, qint64 trialId, const QString& logPath);

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
    QPushButton* m_scheduleButton;
    QFutureWatcher<TrialExtras> m_watcher;
};

} // namespace tb::widgets
