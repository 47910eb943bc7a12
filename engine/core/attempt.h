#pragma once
// One attempt of a trial as the engine follows it: what it printed (its log, with a size
// cap), the metrics and events read from that (with a row cap), its objective reports and
// its curve for the pruner. The engine decides; an Attempt only keeps the record.
//
// Threading: the engine's thread.

#include "metric_parser.h"
#include "tensorboard.h"
#include "store.h"

#include "algorithms/trial.h"

#include <QFile>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace tb::engine {

struct ExperimentSpec;

class Attempt {
public:
    Attempt(TrialRow row, algorithms::Assignment params, const ExperimentSpec& spec);

    // Opens the attempt's log (appending: earlier attempts stay) with a first line.
    void openLog(const QString& header);
    // Output as it arrives; true when it brought a new objective report (the pruner's turn).
    bool feed(const QByteArray& chunk, bool isStdout, double now);
    // The process ended: its unterminated last line still counts; the log closes.
    void close(double now);
    // Scalars written to TensorBoard event files since the last call (trial.metrics.
    // tensorboard); true when they brought a new objective report.
    bool pollTensorboard(double now);

    const TrialRow& row() const { return m_row; }
    const algorithms::Assignment& params() const { return m_params; }
    const algorithms::TrialRecord& record() const { return m_record; } // what the pruner sees
    // Every report the result is read from (objectives and constrained metrics), in order:
    // each metric's last report is its last (Study::read()).
    std::vector<MetricRow> reports() const;
    // Rows not yet in the store; taking them empties the buffers.
    std::vector<MetricRow> takeMetrics();
    std::vector<EventRow> takeEvents();
    void moveUnsavedTo(std::vector<MetricRow>& metrics, std::vector<EventRow>& events);
    // "metrics capped at ..." when rows were dropped, else empty.
    QString capNote() const;

private:
    bool recordLine(const std::string& line, double now);
    bool recordMetrics(const std::vector<std::pair<std::string, double>>& metrics, std::optional<std::int64_t> step, double now);
    bool keepRow(double now); // false beyond trial.max_metric_rows
    void keepEvent(const algorithms::events::Event& event, double now); // to be stored with the next batch

    TrialRow m_row;
    algorithms::Assignment m_params;
    const ExperimentSpec& m_spec;
    LineSplitter m_lines;
    QFile m_log;
    qint64 m_logBytes = 0;
    std::vector<MetricRow> m_unsaved;
    std::vector<EventRow> m_unsavedEvents;
    std::vector<MetricRow> m_reports; // of the result's metrics, up to the row cap
    // After the cap, only what the result needs: per metric the last report and, for an
    // objective, the best.
    struct BeyondCap {
        std::optional<MetricRow> last, best;
    };
    std::map<QString, BeyondCap> m_beyondCap;
    std::int64_t m_storedRows = 0;
    std::int64_t m_droppedRows = 0;
    algorithms::TrialRecord m_record;
    std::unique_ptr<TensorBoardReader> m_tensorboard;
    std::int64_t m_nextStep = 0; // for lines without step= or epoch=
};

} // namespace tb::engine
