#pragma once
// The pipeline bubble view: a Gantt chart of a pipeline schedule, one row per device, with
// the bubble fraction, the makespan and each stage's peak activations beside the rows.
//
// Three ways to fill it:
// - simulated: a generator (naive, gpipe, 1f1b, interleaved, zb1) or an imported PyTorch
//   per-rank CSV, simulated with the op durations from the controls;
// - compare: several generators stacked in groups of rows on one time axis;
// - measured: a trial's span events (tunebench-train) drawn under the simulation made from
//   that trial's own mean op durations per stage; a measured box whose start or end is off
//   the simulation by more than kDeviation of the op's simulated duration is outlined.
// Every mode draws from the same IR and simulator (algorithms/schedules/schedule.h).
// A legend above the chart names the box colours (forward, backward, weight gradient),
// idle time, and in measured mode what faded and outlined boxes mean. In measured mode the
// controls show the trial's own schedule, p, m, v and mean op durations.
//
// Threading: GUI thread only. The measured run it shows is algorithms::schedules::MeasuredRun (data only).

#include "algorithms/schedules/measured_run.h"

#include "algorithms/schedules/schedule.h"
#include "widgets/plots/plot_panel.h"

#include <QStringList>
#include <QVector>
#include <optional>
#include <vector>

class QCPAbstractPlottable;
class QCPItemText;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QMenu;
class QSpinBox;

namespace tb::engine {
struct EventRow;
}

namespace tb::widgets {

class GanttBoxes; // schedule_view.cpp: every box as one plottable

// One box of the chart: an action with its start and end on a row.
struct GanttBox {
    int row = 0;
    algorithms::schedules::Action action;
    double start = 0.0;
    double end = 0.0;
    bool measured = false; // a recorded span (else simulated)
    bool faded = false;    // drawn translucent: the simulation under a measured run
    bool deviates = false; // measured and off the simulation by more than kDeviation
};

// A Gantt chart of boxes on labelled rows, with a note at the right of each row and a
// title above each group of rows. Zoom and pan are horizontal: rows stay in view.
class GanttChart : public PlotPanel {
    Q_OBJECT
public:
    explicit GanttChart(QWidget* parent = nullptr);
    ~GanttChart() override;

    struct Content {
        QStringList rowLabels; // one per row; a group's title row has an empty label
        QStringList rowNotes;  // same size: shown at the right of the row
        QVector<QPair<int, QString>> titles; // row -> title drawn across it
        QVector<GanttBox> boxes;
        QString timeLabel;
    };
    void setContent(Content content);
    const Content& content() const { return m_content; }

protected:
    void rebuild() override;
    void fitView(bool exact) override;
    std::optional<Hit> hitAt(const QPointF& pos) const override;

private:
    Content m_content;
    GanttBoxes* m_boxes;
    QVector<QCPItemText*> m_titles;
    QCPAbstractPlottable* m_fadedKey;   // legend entries shown only when such boxes are drawn
    QCPAbstractPlottable* m_outlinedKey;
};

class ScheduleView : public QWidget {
    Q_OBJECT
public:
    static constexpr double kDeviation = 0.10;

    enum class Mode { Simulated, Compare, Measured };

    // What the controls hold. kind: a name of scheduleKinds(), "naive" or "custom" (the
    // imported CSV). microbatches is ignored by naive, virtualStages by all but interleaved.
    struct Settings {
        QString kind = QStringLiteral("1f1b");
        int stages = 4;
        int microbatches = 8;
        int virtualStages = 2;
        double forward = 1.0;
        double backward = 1.0; // input gradient when W is split; B + W otherwise
        double weight = 1.0;
        double latency = 0.0;
    };

    // One schedule on the chart, with its simulation.
    struct Group {
        QString title;
        algorithms::schedules::Schedule schedule;
        algorithms::schedules::SimResult result;
        std::optional<double> formulaBubble; // theoreticalBubble() as an idle share, if any
        int firstRow = 0;                    // the row of device 0
        // Measured mode only: the recorded spans and their idle share.
        std::vector<std::vector<algorithms::schedules::Span>> measured;
        double measuredIdle = 0.0;
        int measuredFirstRow = -1; // the row of device 0's measured spans (rows alternate)
    };

    explicit ScheduleView(QWidget* parent = nullptr);
    ~ScheduleView() override;

    Settings settings() const;
    void setSettings(const Settings& settings);
    // Kinds drawn below the main one (compare mode when not empty).
    QStringList compareKinds() const;
    void setCompareKinds(const QStringList& kinds);

    Mode mode() const;
    const std::vector<Group>& groups() const { return m_groups; }
    GanttChart* chart() const { return m_chart; }
    QString summaryText() const;
    QString errorText() const { return m_error; }

    // Reads a PyTorch per-rank CSV and shows it (kind "custom"); false with `error` set
    // when it cannot be read or is not a valid schedule.
    bool importCsv(const QString& path, QString* error = nullptr);
    // The first group's schedule as PyTorch per-rank CSV.
    bool exportCsv(const QString& path, QString* error = nullptr) const;
    // The first group as a Chrome trace; in measured mode, the measured spans.
    bool exportChromeTrace(const QString& path, QString* error = nullptr) const;
    // PNG, PDF or SVG by suffix, at `size` when valid.
    bool exportImage(const QString& path, QString* error = nullptr, QSize size = {});

    // Measured mode for a trial in the store; false with `error` when it has no spans.
    bool showTrial(const QString& dbPath, qint64 trialId, QString* error = nullptr);
    void showMeasured(const algorithms::schedules::MeasuredRun& run, qint64 trialId);

    // Rebuilds and replots now (tests, benchmarks, screenshots).
    void refreshNow();

private:
    void buildControls();
    void onControlsEdited();
    void recompute();
    void computeSimulated();
    void computeMeasured();
    void publish();
    void syncControls();
    void showRunInControls(const algorithms::schedules::MeasuredRun& run);
    void dropMeasuredKind();
    bool writeFile(const QString& path, const QByteArray& data, QString* error) const;
    void importWithDialog();
    void exportWithDialog(const QString& what);

    GanttChart* m_chart;
    QComboBox* m_kind;
    QSpinBox* m_stages;
    QSpinBox* m_microbatches;
    QSpinBox* m_virtual;
    QDoubleSpinBox* m_forward;
    QDoubleSpinBox* m_backward;
    QDoubleSpinBox* m_weight;
    QDoubleSpinBox* m_latency;
    QMenu* m_compareMenu;
    QLabel* m_summary;
    bool m_updating = false; // controls are being set from code: no edit signals

    std::optional<algorithms::schedules::Schedule> m_imported;
    std::optional<algorithms::schedules::MeasuredRun> m_measured;
    qint64 m_measuredTrial = -1;
    std::vector<Group> m_groups;
    QString m_error;
};

} // namespace tb::widgets
