#pragma once
// The selected trial: parameters, the last value of each metric, the tail of its log and
// why it ended. Metrics and the log are read off the GUI thread.

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTreeWidget;

namespace tb::widgets {

class ExperimentData;

struct TrialExtras {
    qint64 trialId = -1;
    QList<QPair<QString, QString>> metrics; // name -> "last (n reports)"
    QString logTail;
};

class TrialDetail : public QWidget {
    Q_OBJECT
public:
    TrialDetail(ExperimentData& data, QString dbPath, QWidget* parent = nullptr);

    void setDbPath(const QString& path) { m_dbPath = path; }
    qint64 shownTrial() const { return m_shown; }
    QString summaryText() const; // the header label's text (tests)
    QString logText() const;

    static TrialExtras loadExtras(const QString& dbPath, qint64 trialId, const QString& logPath);

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
    QFutureWatcher<TrialExtras> m_watcher;
};

} // namespace tb::widgets
