#pragma once
// The device timeline: one lane per GPU (or the CPU when the experiment recorded no GPU
// samples) with utilization and memory over time, above coloured bands that show which
// trials held the device when. On the CPU lane each trial's own CPU use (its processes,
// not the machine's) is a line in its band's colour. Hover names the trial and the sample
// under the cursor; a click on a band selects its trial.
//
// Around the lanes: time ticks whose spacing and format follow the visible span (tenths
// of seconds to days, so neighbouring labels differ), a 0-100 % scale per lane on the
// right, and the legend in a row of its own above the lanes.
//
// Data: ExperimentData::telemetry(), which the StoreFollower fills off the GUI thread.
// Appended rows are folded into the lanes incrementally; a replace (the engine merged old
// samples) rebuilds them. Drawing decimates per pixel column (first, min, max, last of the
// samples in each column), so a replot costs the lanes' width in pixels, not the samples:
// a day of 8 GPUs is about 125 000 rows.
//
// Threading: GUI thread only.

#include "widgets/plots/plot_panel.h"

#include <QMap>
#include <QVector>

class QCPGraph;
class QCPItemText;

namespace tb::engine {
struct TelemetryRow;
}

namespace tb::widgets {

class DeviceLanes; // timeline_view.cpp: every lane as one plottable

class TimelineView : public PlotPanel {
    Q_OBJECT
public:
    // Trials holding a device from `start` to `end` (the time of the next sample that
    // changes the holders, or of the lane's last sample).
    struct Band {
        double start = 0;
        double end = 0;
        QVector<qint64> trials; // trial ids, as the store lists them
        QStringList others;     // other experiments' trials on the device: "experiment\tstore\ttrial"
        int holders() const { return int(trials.size() + others.size()); }
    };
    struct Lane {
        QString kind; // "gpu" | "cpu"
        int device = 0;
        QString name;
        QVector<double> time;        // seconds since the Unix epoch, ascending
        QVector<double> utilization; // percent; NaN: not known
        QVector<double> memoryUsed;  // bytes; NaN: not known
        double memoryTotal = 0;      // bytes; the largest total seen, 0 when unknown
        QVector<Band> bands;
        QString currentTrials; // the last row's holders (ours, then the others')
        bool bandOpen = false;  // the last band extends to the next sample
        // The CPU lane: each trial's own CPU use over time, in percent of the machine; a
        // NaN ends a stretch (the trial was not sampled then).
        struct Usage {
            QVector<double> time;
            QVector<double> percent;
        };
        QMap<qint64, Usage> trialCpu;
        QVector<qint64> usageOpen; // trials whose last sample had a share
        // Trial `trial`'s own CPU use at sample time `t`; NaN when not recorded.
        double trialCpuAt(qint64 trial, double t) const;
    };

    // A gap between two samples wider than this is drawn as a gap (the engine was stopped).
    static constexpr double kGapSeconds = 150;

    explicit TimelineView(ExperimentData* data, QWidget* parent = nullptr);
    ~TimelineView() override;

    // The lanes drawn, top to bottom: the GPUs by index, or the CPU when no GPU was sampled.
    int laneCount() const { return m_shown; }
    const Lane& lane(int i) const { return m_lanes[i]; }
    // The point of the plot (widget pixels) showing lane `lane` at `time`, `share` of the
    // way up the lane (0: bottom, 1: top).
    QPointF pixelOf(int lane, double time, double share = 0.5) const;
    // "GPU 0" or "CPU".
    static QString deviceLabel(const QString& kind, int device);
    // The utilization and memory scale: the value axis coordinate of `percent` on lane `lane`.
    double scaleCoord(int lane, double percent) const;

protected:
    void rebuild() override;
    void fitView(bool exact) override;
    std::optional<Hit> hitAt(const QPointF& pos) const override;

private:
    // Folds one row into its lane; false when it is older than the lane's last sample.
    bool addRow(const engine::TelemetryRow& row);
    void rebuildAll();

    QVector<Lane> m_lanes;    // GPUs by index, then the CPU
    int m_shown = 0;          // lanes drawn: the GPUs, or all (the CPU) when there are none
    qsizetype m_consumed = 0; // rows of data()->telemetry() folded into the lanes
    bool m_replaced = true;   // the next rebuild starts over
    DeviceLanes* m_plottable;
    QCPItemText* m_empty;
    QCPGraph* m_trialCpuKey; // the legend's entry for the trials' CPU lines, shown when there are any
};

} // namespace tb::widgets
