#pragma once
// What an external sampler and pruner wrote to stderr (and the engine's notes on starting
// them), for the dashboard's "Sampler log" tab: the end of <store>.trials/<experiment>-<id>/
// sampler.log and pruner.log, read again every second while the tab is shown.

#include <QTimer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace tb::widgets {

class ExperimentData;

class SamplerLogView : public QWidget {
    Q_OBJECT
public:
    SamplerLogView(ExperimentData& data, QString dbPath, QWidget* parent = nullptr);

    void setDbPath(const QString& path);
    // Whether the shown experiment has an external sampler or pruner.
    bool applies() const;
    // The log files of the shown experiment (those it may have), sampler first.
    QStringList logPaths() const;
    void refresh();

    QPlainTextEdit* text() const { return m_text; }

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    ExperimentData& m_data;
    QString m_dbPath;
    QLabel* m_where;
    QPlainTextEdit* m_text;
    QTimer m_timer;
};

} // namespace tb::widgets
