#include "widgets/plots/plot_panel.h"

#include "widgets/models/experiment_data.h"
#include "widgets/models/file_dialogs.h"

#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QSvgGenerator>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>
#include <utility>

namespace tb::widgets {

namespace {
// A press and release closer than this (in pixels) is a click, not a drag.
constexpr int kClickSlop = 4;
} // namespace

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

    auto* exportMenu = new QMenu(this);
    const struct {
        QString format;
        QString label;
    } formats[] = {
        {QStringLiteral("png"), tr("PNG image...")},
        {QStringLiteral("pdf"), tr("PDF document...")},
        {QStringLiteral("svg"), tr("SVG drawing...")},
    };
    for (const auto& f : formats) {
        const QString format = f.format;
        connect(exportMenu->addAction(f.label), &QAction::triggered, this, [this, format] { exportWithDialog(format); });
    }
    auto* exportButton = new QToolButton(m_toolBar);
    exportButton->setText(tr("Export"));
    exportButton->setToolTip(tr("Save the plot as an image or a document"));
    exportButton->setMenu(exportMenu);
    exportButton->setPopupMode(QToolButton::InstantPopup);
    m_toolBar->addWidget(exportButton);

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

void PlotPanel::tick()
{
    if (!m_dirty || !isVisible())
        return; // showEvent() picks a hidden panel up again
    m_dirty = false;
    rebuild();
    if (!m_userView)
        fitView(std::exchange(m_exactFit, false));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PlotPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_dirty && !m_timer->isActive())
        m_timer->start();
}

void PlotPanel::refreshNow()
{
    m_timer->stop();
    m_dirty = false;
    rebuild();
    if (!m_userView)
        fitView(std::exchange(m_exactFit, false));
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
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
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (m_dirty)
        refreshNow();
    const QString suffix = QFileInfo(path).suffix().toLower();
    // A panel that was never shown has no layout yet: export it at a usual size.
    const QSize size = wanted.isValid() ? wanted : m_plot->isVisible() ? m_plot->size() : QSize(800, 600);
    bool ok = false;
    if (suffix == QLatin1String("png")) {
        ok = m_plot->savePng(path, size.width(), size.height());
    } else if (suffix == QLatin1String("pdf")) {
        ok = m_plot->savePdf(path, size.width(), size.height());
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setTitle(windowTitle());
        QCPPainter painter;
        if (painter.begin(&generator)) {
            // Vector output: plottables draw lines, not cached bitmaps.
            painter.setMode(QCPPainter::pmVectorized);
            painter.setMode(QCPPainter::pmNoCaching);
            m_plot->toPainter(&painter, size.width(), size.height());
            ok = painter.end();
        }
        ok = ok && QFileInfo(path).size() > 0;
    } else {
        return fail(tr("Unknown export format \"%1\": use .png, .pdf or .svg.").arg(suffix));
    }
    if (!ok)
        return fail(tr("Could not write %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

void PlotPanel::exportWithDialog(const QString& format)
{
    QString filter;
    if (format == QLatin1String("png"))
        filter = tr("PNG images (*.png)");
    else if (format == QLatin1String("pdf"))
        filter = tr("PDF documents (*.pdf)");
    else
        filter = tr("SVG drawings (*.svg)");
    const QString suggested = (objectName().isEmpty() ? QStringLiteral("plot") : objectName()) + QLatin1Char('.') + format;
    QString path = files::saveFileName(this, tr("Export plot"), suggested, filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + format;
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(this, tr("Export plot"), error);
}

void PlotPanel::onMousePress(QMouseEvent* event)
{
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
