#pragma once
// PlotPanel: the frame every dashboard plot shares — a QCustomPlot under a small toolbar
// (reset view, export; the same in its context menu), hover tooltips naming the trial under
// the cursor, click to select it, and the throttle that decouples the data rate from the
// paint rate.
//
// Throttling: data signals only call markDirty(). A single-shot timer (kRefreshIntervalMs,
// about 30 Hz) then calls rebuild() once for however many changes arrived, and asks for a
// queued replot, so a burst of 100 metric batches costs one replot. A hidden panel stays
// dirty and catches up when it is shown.
//
// Title: a panel with a window title shows it above the plot (added at the first refresh,
// so that subclasses lay out their own elements first). Exports may drop it or word it
// differently, and show or hide the legend (ExportOptions); the export dialog
// (export_dialog.h) asks for those, the size and the DPI.
//
// Threading: GUI thread only, like the ExperimentData it reads.

#include <QString>
#include <QWidget>
#include <optional>

class QCustomPlot;
class QCPTextElement;
class QMenu;
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

    // How an export looks; the defaults give the plot as it is shown.
    struct ExportOptions {
        QSize size;       // pixels; invalid: as shown (800x600 when never shown)
        // Dots per inch. A PNG records it; a PDF page and an SVG drawing measure size / dpi
        // inches. The plot is laid out at size * 96 / dpi as on a screen, and an image
        // drawn dpi / 96 times larger, so that text and lines keep their point sizes when
        // it is printed at that DPI. (A vector format has no pixels: its drawing then is
        // size * 96 / dpi units wide.)
        double dpi = 96;
        std::optional<bool> title;  // a title above the plot; unset: as shown
        QString titleText;          // empty: the panel's title (windowTitle())
        std::optional<bool> legend; // the legend; unset: as shown (shown only with entries)
    };
    static constexpr double kScreenDpi = 96;

    // Writes the plot as it is shown; the format follows the suffix (png, pdf, svg), at
    // `size` when valid (else as shown, or 800x600 when never shown).
    // Returns false (and leaves `error` set) when the suffix is unknown or writing failed.
    bool exportTo(const QString& path, QString* error = nullptr, QSize size = {});
    bool exportTo(const QString& path, const ExportOptions& options, QString* error = nullptr);

    // The title drawn above the plot (the window title); empty: none.
    QString title() const;
    // Whether the title shows on screen now.
    bool titleShown() const;
    // Whether the legend has entries worth showing (named ones).
    virtual bool hasLegend() const;
    // The panel clicked last (for Export > Plot...), or null.
    static PlotPanel* lastActive();

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
    // The export dialog (size, DPI, title, legend, file), then exports.
    void exportWithDialog();
    // The same with `format` ("png", "pdf" or "svg") chosen.
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
    // A change of what the axes mean (a log axis, another metric): the next rebuild fits
    // the view exactly and follows the data again, as after resetView().
    void requestExactFit();
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
    // Entries of the plot's own at the top of its context menu, opened at `pos` (widget
    // pixels); the default adds none.
    virtual void addContextActions(QMenu* menu, const QPointF& pos);

    QToolBar* toolBar() const { return m_toolBar; }
    bool followsData() const { return !m_userView; }

    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void tick();
    // Puts the title above the plot (or takes it away) to match windowTitle().
    void syncTitle();
    // Rebuilds from the data, fits the view unless the user moved it, replots.
    void redraw(bool immediate);
    // Shows `text` as the title (empty: no title row).
    void placeTitle(const QString& text);
    bool writeFile(const QString& path, const QString& suffix, QSize pixels, double dpi, QString* error);
    void showContextMenu(const QPoint& pos);
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
    QCPTextElement* m_title = nullptr; // in row 0 of the plot's layout while shown
    bool m_titleSynced = false;        // the first refresh placed the title
};

} // namespace tb::widgets
