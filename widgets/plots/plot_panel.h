#pragma once
// PlotPanel: the frame every dashboard plot shares — a QCustomPlot under a small toolbar
// (reset view, export), hover tooltips naming the trial under the cursor, click to select
// it, and the throttle that decouples the data rate from the paint rate.
//
// Throttling: data signals only call markDirty(). A single-shot timer (kRefreshIntervalMs,
// about 30 Hz) then calls rebuild() once for however many changes arrived, and asks for a
// queued replot, so a burst of 100 metric batches costs one replot. A hidden panel stays
// dirty and catches up when it is shown.
//
// Threading: GUI thread only, like the ExperimentData it reads.

#include <QString>
#include <QWidget>
#include <optional>

class QCustomPlot;
class QMouseEvent;
class QTimer;
class QToolBar;

namespace tb::widgets {

class ExperimentData;

// How a trial's curve or point is drawn, from its state (render.h gives the colours).
enum class CurveRole { Running, Completed, Pruned, Failed };

class PlotPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kRefreshIntervalMs = 33;

    ~PlotPanel() override;

    QCustomPlot* plot() const { return m_plot; }
    ExperimentData* data() const { return m_data; }

    // Writes the plot as it is shown; the format follows the suffix (png, pdf, svg), at
    // `size` when valid (else as shown, or 800x600 when never shown).
    // Returns false (and leaves `error` set) when the suffix is unknown or writing failed.
    bool exportTo(const QString& path, QString* error = nullptr, QSize size = {});

    // Rebuilds from the data and replots synchronously, bypassing the throttle, including
    // what is otherwise rendered in the background (tests, benchmarks).
    void refreshNow();
    // Replots done so far, whatever asked for them (throttle, interaction, refreshNow).
    int replotCount() const { return m_replots; }
    // Whether a render runs in the background; a replot shows its result when it ends.
    virtual bool isRendering() const { return false; }

public slots:
    // Back to the view that fits the data; the view follows new data again.
    void resetView();
    // Asks for a file name, then exports. `format` is "png", "pdf" or "svg".
    void exportWithDialog(const QString& format);

protected:
    explicit PlotPanel(ExperimentData* data, QWidget* parent = nullptr);

    // What lies under the cursor: the trial (or -1) and the tooltip text.
    struct Hit {
        qint64 trialId = -1;
        QString text;
    };

    // Schedules a rebuild at the next tick of the throttle.
    void markDirty();
    // Brings the plottables up to date with data(); called at most once per tick.
    virtual void rebuild() = 0;
    // Sets the axis ranges that show all data. Called after rebuild() while the user
    // has not zoomed or panned since the last resetView(). `exact` (reset view, a new
    // experiment) asks for the tight fit; otherwise a plot may keep a range that still
    // shows all data, to spare re-renders.
    virtual void fitView(bool exact) = 0;
    // Nearest element to `pos` (widget pixels) within a few pixels, if any.
    virtual std::optional<Hit> hitAt(const QPointF& pos) const = 0;
    // Completes renders that run in the background; true when the plot needs another
    // replot to show them. refreshNow() calls it so that it returns with the final image.
    virtual bool finishRendering() { return false; }

    QToolBar* toolBar() const { return m_toolBar; }
    bool followsData() const { return !m_userView; }

    void showEvent(QShowEvent* event) override;

private:
    void tick();
    void onMousePress(QMouseEvent* event);
    void onMouseMove(QMouseEvent* event);
    void onMouseRelease(QMouseEvent* event);

    ExperimentData* m_data;
    QCustomPlot* m_plot;
    QToolBar* m_toolBar;
    QTimer* m_timer;
    bool m_dirty = false;
    bool m_userView = false; // the user zoomed or panned: stop refitting to new data
    bool m_exactFit = true;  // the next fitView() is exact
    int m_replots = 0;
    std::optional<QPoint> m_pressPos; // left button went down here, not yet released
};

} // namespace tb::widgets
