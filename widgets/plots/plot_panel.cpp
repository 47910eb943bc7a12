#include "widgets/plots/plot_panel.h"

#include "widgets/models/experiment_data.h"
#include "widgets/plots/export_dialog.h"

#include <QFileInfo>
#include <QImage>
#include <QMenu>
#include <QMouseEvent>
#include <QPageSize>
#include <QPdfWriter>
#include <QPointer>
#include <QSvgGenerator>
#include <QTimer>
#include <QToolBar>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <qcustomplot.h>
#include <utility>

namespace tb::widgets {

namespace {
// A press and release closer than this (in pixels) is a click, not a drag.
constexpr int kClickSlop = 4;
QPointer<PlotPanel> s_lastActive;
} // namespace

PlotPanel* PlotPanel::lastActive()
{
    return s_lastActive.data();
}

PlotPanel::PlotPanel(ExperimentData* data, QWidget* parent)
    : QWidget(parent), m_data(data), m_plot(new QCustomPlot(this)), m_toolBar(new QToolBar(this)),
      m_timer(new QTimer(this))
{
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setMouseTracking(true);
    connect(m_plot, &QCustomPlot::afterReplot, this, [this] { ++m_replots; });
    connect(m_plot, &QCustomPlot::mousePress, this, &PlotPanel::onMousePress);
    connect(m_plot, &QCustomPlot::mouseMove, this, &PlotPanel::onMouseMove);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &PlotPanel::onMouseRelease);
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { m_userView = true; });

    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QAction* reset = m_toolBar->addAction(tr("Reset view"));
    reset->setToolTip(tr("Show all data and follow new data again"));
    connect(reset, &QAction::triggered, this, &PlotPanel::resetView);

    QAction* exportAction = m_toolBar->addAction(tr("Export..."));
    exportAction->setObjectName(QStringLiteral("export"));
    exportAction->setToolTip(tr("Save the plot as a PNG image, an SVG drawing or a PDF document, at a chosen size and DPI"));
    connect(exportAction, &QAction::triggered, this, [this] { exportWithDialog(); });
    m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_plot, &QWidget::customContextMenuRequested, this, &PlotPanel::showContextMenu);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_plot, 1);

    m_timer->setSingleShot(true);
    m_timer->setInterval(kRefreshIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &PlotPanel::tick);

    if (m_data) {
        connect(m_data, &ExperimentData::experimentReset, this, [this] {
            m_userView = false; // a new experiment starts with the fitted view
            m_exactFit = true;
            markDirty();
        });
    }
}

PlotPanel::~PlotPanel() = default;

void PlotPanel::markDirty()
{
    m_dirty = true;
    if (!m_timer->isActive())
        m_timer->start();
}

void PlotPanel::requestExactFit()
{
    m_userView = false;
    m_exactFit = true;
    markDirty();
}

void PlotPanel::tick()
{
    if (!m_dirty || !isVisible())
        return; // showEvent() picks a hidden panel up again
    redraw(false);
}

void PlotPanel::redraw(bool immediate)
{
    m_dirty = false;
    if (!m_titleSynced)
        syncTitle();
    rebuild();
    if (!m_userView)
        fitView(std::exchange(m_exactFit, false));
    m_plot->replot(immediate ? QCustomPlot::rpImmediateRefresh : QCustomPlot::rpQueuedReplot);
}

void PlotPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_titleSynced)
        syncTitle();
    if (m_dirty && !m_timer->isActive())
        m_timer->start();
}

void PlotPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::WindowTitleChange && m_titleSynced) {
        syncTitle();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

QString PlotPanel::title() const
{
    return windowTitle();
}

bool PlotPanel::titleShown() const
{
    return m_title && m_title->visible() && m_title->layout() == m_plot->plotLayout();
}

void PlotPanel::syncTitle()
{
    m_titleSynced = true;
    placeTitle(title());
}

void PlotPanel::placeTitle(const QString& text)
{
    QCPLayoutGrid* root = m_plot->plotLayout();
    const bool placed = m_title && m_title->layout() == root;
    if (!text.isEmpty()) {
        if (!m_title) {
            QFont font = m_plot->font();
            font.setBold(true);
            if (font.pointSizeF() > 0)
                font.setPointSizeF(font.pointSizeF() * 1.15);
            else
                font.setPixelSize(qRound(font.pixelSize() * 1.15));
            m_title = new QCPTextElement(m_plot, text, font);
        }
        m_title->setText(text);
        m_title->setVisible(true);
        if (!placed) {
            // A row of its own above everything the subclass laid out.
            root->insertRow(0);
            root->addElement(0, 0, m_title);
        }
        return;
    }
    if (!placed)
        return;
    root->take(m_title);
    m_title->setVisible(false); // a taken element stays on its layer
    bool rowEmpty = true;
    for (int column = 0; column < root->columnCount(); ++column)
        rowEmpty = rowEmpty && !root->hasElement(0, column);
    if (rowEmpty)
        root->simplify(); // the title's row goes with it
}

bool PlotPanel::hasLegend() const
{
    const QCPLegend* legend = m_plot->legend;
    for (int i = 0; i < legend->itemCount(); ++i) {
        auto* item = qobject_cast<QCPPlottableLegendItem*>(legend->item(i));
        if (!item || !item->plottable()->name().isEmpty())
            return true;
    }
    return false;
}

void PlotPanel::showContextMenu(const QPoint& pos)
{
    s_lastActive = this;
    QMenu menu(this);
    addContextActions(&menu, QPointF(pos));
    if (!menu.isEmpty())
        menu.addSeparator();
    menu.addAction(tr("Reset view"), this, &PlotPanel::resetView);
    menu.addAction(tr("Export..."), this, [this] { exportWithDialog(); });
    menu.exec(m_plot->mapToGlobal(pos));
}

void PlotPanel::addContextActions(QMenu*, const QPointF&) {}

void PlotPanel::refreshNow()
{
    m_timer->stop();
    redraw(true);
    if (finishRendering())
        m_plot->replot(QCustomPlot::rpImmediateRefresh);
}

void PlotPanel::resetView()
{
    m_userView = false;
    fitView(true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool PlotPanel::exportTo(const QString& path, QString* error, QSize wanted)
{
    ExportOptions options;
    options.size = wanted;
    return exportTo(path, options, error);
}

bool PlotPanel::exportTo(const QString& path, const ExportOptions& options, QString* error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("pdf") && suffix != QLatin1String("svg")) {
        if (error)
            *error = tr("Unknown export format \"%1\": use .png, .pdf or .svg.").arg(suffix);
        return false;
    }
    if (m_dirty || !m_titleSynced)
        refreshNow();
    // A panel that was never shown has no layout yet: export it at a usual size.
    const QSize shown = m_plot->isVisible() ? m_plot->size() : QSize(800, 600);
    const QSize pixels = options.size.isValid() && !options.size.isEmpty() ? options.size : shown;
    const double dpi = options.dpi > 0 ? std::clamp(options.dpi, 10.0, 4800.0) : kScreenDpi;

    // The title and the legend as asked, for this export only.
    const bool titleWas = titleShown();
    const bool wantTitle = options.title.value_or(titleWas);
    placeTitle(wantTitle ? (options.titleText.isEmpty() ? title() : options.titleText) : QString());
    QCPLegend* legend = m_plot->legend;
    const bool legendWas = legend->visible();
    if (options.legend)
        legend->setVisible(*options.legend && hasLegend());

    const bool ok = writeFile(path, suffix, pixels, dpi, error);

    legend->setVisible(legendWas);
    placeTitle(titleWas ? title() : QString());
    m_plot->replot(QCustomPlot::rpQueuedReplot); // the layout was the export's
    return ok;
}

bool PlotPanel::writeFile(const QString& path, const QString& suffix, QSize pixels, double dpi, QString* error)
{
    // The plot is laid out at its logical size, as on a screen of kScreenDpi (text is
    // measured so), and drawn onto devices of that DPI: scaled onto the pixels of an image
    // (the two factors differ by under a pixel's worth, so it is filled edge to edge), or
    // as it is onto a page or drawing of size / dpi inches. The DPI asked for is written
    // into the file afterwards.
    const double scale = dpi / kScreenDpi;
    const QSize logical(std::max(1, qRound(pixels.width() / scale)), std::max(1, qRound(pixels.height() / scale)));
    auto draw = [&](QCPPainter& painter, bool vector) {
        if (vector)
            painter.setMode(QCPPainter::pmVectorized); // plottables draw lines, not cached bitmaps
        painter.setMode(QCPPainter::pmNoCaching);
        m_plot->toPainter(&painter, logical.width(), logical.height());
    };
    const QString exportTitle = titleShown() ? m_title->text() : title();
    const int screenDotsPerMeter = qRound(kScreenDpi / 0.0254);
    bool ok = false;
    if (suffix == QLatin1String("png")) {
        QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        image.setDotsPerMeterX(screenDotsPerMeter);
        image.setDotsPerMeterY(screenDotsPerMeter);
        QCPPainter painter;
        if (painter.begin(&image)) {
            if (scale > 1)
                painter.setMode(QCPPainter::pmNonCosmetic); // hairlines thicken with the text
            painter.scale(double(pixels.width()) / logical.width(), double(pixels.height()) / logical.height());
            draw(painter, false);
            painter.end();
            const int dotsPerMeter = qRound(dpi / 0.0254);
            image.setDotsPerMeterX(dotsPerMeter);
            image.setDotsPerMeterY(dotsPerMeter);
            ok = image.save(path, "PNG");
        }
    } else if (suffix == QLatin1String("pdf")) {
        QPdfWriter writer(path);
        writer.setResolution(qRound(kScreenDpi));
        writer.setCreator(QStringLiteral("Tunebench"));
        writer.setTitle(exportTitle);
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        const QSizeF points(pixels.width() / dpi * 72, pixels.height() / dpi * 72);
        writer.setPageSize(QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch));
        QCPPainter painter;
        if (painter.begin(&writer)) {
            // The page holds about `logical` device pixels; fit them exactly.
            const QRect page = painter.viewport();
            painter.scale(double(page.width()) / logical.width(), double(page.height()) / logical.height());
            draw(painter, true);
            ok = painter.end();
        }
        ok = ok && QFileInfo(path).size() > 0;
    } else {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setResolution(qRound(kScreenDpi)); // so the drawing measures pixels / dpi inches
        generator.setSize(logical);
        generator.setViewBox(QRect(QPoint(0, 0), logical));
        generator.setTitle(exportTitle);
        QCPPainter painter;
        if (painter.begin(&generator)) {
            draw(painter, true);
            ok = painter.end();
        }
        ok = ok && QFileInfo(path).size() > 0;
    }
    if (!ok && error)
        *error = tr("Could not write %1.").arg(QDir::toNativeSeparators(path));
    return ok;
}

void PlotPanel::exportWithDialog()
{
    exportWithDialog(QString());
}

void PlotPanel::exportWithDialog(const QString& format)
{
    PlotExportDialog dialog({this}, this, this);
    if (!format.isEmpty())
        dialog.setFormat(format);
    dialog.exec();
}

void PlotPanel::onMousePress(QMouseEvent* event)
{
    s_lastActive = this;
    if (event->button() == Qt::LeftButton)
        m_pressPos = event->pos();
}

void PlotPanel::onMouseMove(QMouseEvent* event)
{
    if (event->buttons() != Qt::NoButton) {
        if (m_pressPos && (event->pos() - *m_pressPos).manhattanLength() > kClickSlop)
            m_userView = true; // dragging pans the view
        QToolTip::hideText();
        return;
    }
    const std::optional<Hit> hit = hitAt(event->position());
    if (hit)
        QToolTip::showText(event->globalPosition().toPoint(), hit->text, m_plot);
    else
        QToolTip::hideText();
}

void PlotPanel::onMouseRelease(QMouseEvent* event)
{
    const std::optional<QPoint> pressed = std::exchange(m_pressPos, std::nullopt);
    if (event->button() != Qt::LeftButton || !pressed || (event->pos() - *pressed).manhattanLength() > kClickSlop)
        return;
    const std::optional<Hit> hit = hitAt(event->position());
    if (hit && hit->trialId >= 0 && m_data)
        m_data->select(hit->trialId);
}

} // namespace tb::widgets
