#include "widgets/plots/contour_plot.h"

#include "widgets/models/experiment_data.h"
#include "widgets/plots/pair_layers.h"
#include "widgets/plots/param_scale.h"

#include <QComboBox>
#include <QLabel>
#include <QToolBar>

#include <algorithm>
#include <cmath>

namespace tb::widgets {

namespace {

constexpr int kMaxCells = 100;                 // per axis
constexpr double kWorkPerSurface = 1e7;        // cells x points: about 20 ms of weighting
constexpr double kSamePoint = 1e-18;           // squared fraction distance that counts as "on a point"
constexpr unsigned char kSurfaceAlpha = 190;

// Inverse-distance weighting (power 2) of the points' values at fractions (fx, fy); on a
// point (or several at the same place) their mean.
template <class Points>
double weightedValue(const Points& points, double fx, double fy)
{
    double sum = 0, weights = 0, exactSum = 0;
    int exact = 0;
    for (const auto& p : points) {
        const double dx = p.fx - fx, dy = p.fy - fy;
        const double d2 = dx * dx + dy * dy;
        if (d2 < kSamePoint) {
            exactSum += p.value;
            ++exact;
            continue;
        }
        sum += p.value / d2;
        weights += 1 / d2;
    }
    return exact ? exactSum / exact : sum / weights;
}

} // namespace

ContourPlot::ContourPlot(ExperimentData* data, QWidget* parent)
    : PlotPanel(data, parent), m_xChooser(new QComboBox(this)), m_yChooser(new QComboBox(this)),
      m_surface(new SurfaceMap(plot()->xAxis, plot()->yAxis)), m_scatter(new ColoredPoints(plot()->xAxis, plot()->yAxis)),
      m_selected(new QCPGraph(plot()->xAxis, plot()->yAxis)), m_colorScale(new QCPColorScale(plot()))
{
    setObjectName(QStringLiteral("contour"));
    setWindowTitle(tr("Contour"));
    toolBar()->addSeparator();
    toolBar()->addWidget(new QLabel(tr("x:"), this));
    toolBar()->addWidget(m_xChooser);
    toolBar()->addWidget(new QLabel(tr("y:"), this));
    toolBar()->addWidget(m_yChooser);
    for (QComboBox* chooser : {m_xChooser, m_yChooser})
        chooser->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_xChooser->setToolTip(tr("The parameter along the horizontal axis"));
    m_yChooser->setToolTip(tr("The parameter along the vertical axis"));

    plot()->plotLayout()->addElement(0, 1, m_colorScale);
    m_colorScale->setType(QCPAxis::atRight);
    m_colorScale->setBarWidth(10);
    m_surface->setColorScale(m_colorScale);
    m_surface->setInterpolate(true);
    m_selected->setLineStyle(QCPGraph::lsNone);
    m_selected->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette::kSelected, 2), Qt::NoBrush, 14));
    m_surface->setLayer(QStringLiteral("background")); // under the grid lines

    connect(m_xChooser, &QComboBox::currentTextChanged, this, &ContourPlot::chooserChanged);
    connect(m_yChooser, &QComboBox::currentTextChanged, this, &ContourPlot::chooserChanged);
    connect(data, &ExperimentData::experimentReset, this, [this] {
        fillChoosers();
        markDirty();
    });
    connect(data, &ExperimentData::trialsChanged, this, &ContourPlot::markDirty);
    connect(data, &ExperimentData::filterChanged, this, &ContourPlot::markDirty);
    connect(data, &ExperimentData::selectionChanged, this, &ContourPlot::markDirty);
    fillChoosers();
    markDirty();
}

ContourPlot::~ContourPlot() = default;

QStringList ContourPlot::parameters() const
{
    return ParamScale::names(m_scales);
}

QString ContourPlot::xParameter() const
{
    return m_xChooser->currentText();
}

QString ContourPlot::yParameter() const
{
    return m_yChooser->currentText();
}

bool ContourPlot::setParameters(const QString& x, const QString& y)
{
    const int i = m_xChooser->findText(x), j = m_yChooser->findText(y);
    if (i < 0 || j < 0)
        return false;
    {
        const QSignalBlocker blocker(m_xChooser);
        m_xChooser->setCurrentIndex(i);
    }
    m_yChooser->setCurrentIndex(j);
    chooserChanged(); // once for both, even when y stayed
    return true;
}

const ParamScale* ContourPlot::scaleOf(const QComboBox* chooser) const
{
    const int i = chooser->currentIndex();
    return i >= 0 && i < static_cast<int>(m_scales.size()) ? &m_scales[i] : nullptr;
}

void ContourPlot::fillChoosers()
{
    m_scales = ParamScale::ofSpace(*data(), false);
    const QStringList names = parameters();
    const QString wantedX = m_wantedX, wantedY = m_wantedY;
    for (QComboBox* chooser : {m_xChooser, m_yChooser}) {
        const QSignalBlocker blocker(chooser);
        chooser->clear();
        chooser->addItems(names);
    }
    {
        const QSignalBlocker bx(m_xChooser), by(m_yChooser);
        // By default the first two parameters; the user's earlier choice where it exists.
        m_xChooser->setCurrentIndex(names.contains(wantedX) ? names.indexOf(wantedX) : 0);
        m_yChooser->setCurrentIndex(names.contains(wantedY) ? names.indexOf(wantedY) : std::min<int>(1, names.size() - 1));
    }
    for (const auto& [chooser, axis] : {std::pair(m_xChooser, plot()->xAxis), std::pair(m_yChooser, plot()->yAxis)}) {
        if (const ParamScale* s = scaleOf(chooser))
            s->applyTo(axis);
        else
            axis->setLabel(QString());
    }
    m_wantedX = wantedX;
    m_wantedY = wantedY;
}

void ContourPlot::chooserChanged()
{
    m_wantedX = m_xChooser->currentText();
    m_wantedY = m_yChooser->currentText();
    if (const ParamScale* s = scaleOf(m_xChooser))
        s->applyTo(plot()->xAxis);
    if (const ParamScale* s = scaleOf(m_yChooser))
        s->applyTo(plot()->yAxis);
    resetView();
    markDirty();
}

QVector<QPointF> ContourPlot::points() const
{
    QVector<QPointF> out;
    for (const Point& p : m_points)
        out << QPointF(p.x, p.y);
    return out;
}

QVector<qint64> ContourPlot::pointTrials() const
{
    QVector<qint64> out;
    for (const Point& p : m_points)
        out << p.trialId;
    return out;
}

std::optional<double> ContourPlot::surfaceAt(double x, double y) const
{
    const ParamScale* xs = scaleOf(m_xChooser);
    const ParamScale* ys = scaleOf(m_yChooser);
    if (!xs || !ys || m_points.isEmpty())
        return std::nullopt;
    return weightedValue(m_points, xs->fraction(x), ys->fraction(y));
}

QSize ContourPlot::gridSize() const
{
    return m_surface->visible() ? QSize(m_surface->data()->keySize(), m_surface->data()->valueSize()) : QSize();
}

QPointF ContourPlot::cellCentre(int i, int j) const
{
    const QSize size = gridSize();
    const bool xLog = plot()->xAxis->scaleType() == QCPAxis::stLogarithmic;
    const bool yLog = plot()->yAxis->scaleType() == QCPAxis::stLogarithmic;
    return QPointF(SurfaceMap::cellCentre(m_surface->keySpan(), xLog, i, size.width()),
                   SurfaceMap::cellCentre(m_surface->valueSpan(), yLog, j, size.height()));
}

double ContourPlot::cellValue(int i, int j) const
{
    return m_surface->data()->cell(i, j);
}

void ContourPlot::rebuild()
{
    const ExperimentData* d = data();
    m_points.clear();
    const ParamScale* xs = scaleOf(m_xChooser);
    const ParamScale* ys = scaleOf(m_yChooser);
    if (xs && ys) {
        for (const TrialView& t : d->trials()) {
            if (t.row.state != algorithms::TrialState::Completed || !t.row.value || !std::isfinite(*t.row.value) ||
                !d->passesFilter(t.row.id))
                continue;
            const auto x = xs->coordinate(t.params.value(xs->name));
            const auto y = ys->coordinate(t.params.value(ys->name));
            if (x && y)
                m_points << Point{t.row.id, t.row.number, *x, *y, *t.row.value, xs->fraction(*x), ys->fraction(*y)};
        }
    }
    // Worst first, so that the best points lie on top.
    std::stable_sort(m_points.begin(), m_points.end(), [d](const Point& a, const Point& b) { return d->oriented(a.value) > d->oriented(b.value); });

    QCPColorGradient gradient = palette::objectiveGradient();
    if (!d->minimize())
        gradient = gradient.inverted();
    std::optional<QCPRange> values;
    for (const Point& p : std::as_const(m_points)) {
        if (values)
            values->expand(p.value);
        else
            values = QCPRange(p.value, p.value);
    }
    const QCPRange colorRange = values && values->size() > 0 ? *values : padded(values.value_or(QCPRange(0, 1)));
    m_surface->setGradient(gradient);
    m_surface->setDataRange(colorRange);
    m_colorScale->setLabel(objectiveLabel(d));

    QVector<ColoredPoints::Point> drawn;
    QVector<double> selectedKey, selectedValue;
    for (const Point& p : std::as_const(m_points)) {
        drawn << ColoredPoints::Point{p.x, p.y, QColor::fromRgb(gradient.color(p.value, colorRange))};
        if (p.trialId == d->selectedTrial()) {
            selectedKey << p.x;
            selectedValue << p.y;
        }
    }
    m_scatter->setDiameter(m_points.size() > 2000 ? 5 : 8);
    m_scatter->setPoints(std::move(drawn));
    m_selected->setData(selectedKey, selectedValue, true);
    rebuildSurface();
}

void ContourPlot::rebuildSurface()
{
    const ParamScale* xs = scaleOf(m_xChooser);
    const ParamScale* ys = scaleOf(m_yChooser);
    m_surface->setVisible(xs && ys && !m_points.isEmpty());
    if (!m_surface->visible())
        return;
    // Fewer cells for many points keep a rebuild within ~20 ms.
    const int cells = std::clamp(static_cast<int>(std::sqrt(kWorkPerSurface / static_cast<double>(m_points.size()))), 24, kMaxCells);
    const QCPRange xSpan = xs->range(), ySpan = ys->range();
    const bool xLog = xs->kind == ParamScale::Kind::Log, yLog = ys->kind == ParamScale::Kind::Log;
    QCPColorMapData* grid = m_surface->data();
    grid->setSize(cells, cells);
    grid->setRange(xSpan, ySpan);
    grid->fillAlpha(kSurfaceAlpha); // a lighter surface, so that the points stand out
    m_surface->setSpan(xSpan, ySpan);
    QVector<double> fy(cells);
    for (int j = 0; j < cells; ++j)
        fy[j] = ys->fraction(SurfaceMap::cellCentre(ySpan, yLog, j, cells));
    for (int i = 0; i < cells; ++i) {
        const double fx = xs->fraction(SurfaceMap::cellCentre(xSpan, xLog, i, cells));
        for (int j = 0; j < cells; ++j)
            grid->setCell(i, j, weightedValue(m_points, fx, fy[j]));
    }
    m_surface->cellsChanged();
}

void ContourPlot::fitView(bool)
{
    if (const ParamScale* s = scaleOf(m_xChooser))
        plot()->xAxis->setRange(s->range());
    if (const ParamScale* s = scaleOf(m_yChooser))
        plot()->yAxis->setRange(s->range());
}

std::optional<PlotPanel::Hit> ContourPlot::hitAt(const QPointF& pos) const
{
    const ParamScale* xs = scaleOf(m_xChooser);
    const ParamScale* ys = scaleOf(m_yChooser);
    double bestDistance = kHitRadius;
    const Point* hit = nullptr;
    // The best points are drawn last, on top: search from the end.
    for (auto it = m_points.crbegin(); it != m_points.crend(); ++it) {
        const double d = std::hypot(plot()->xAxis->coordToPixel(it->x) - pos.x(), plot()->yAxis->coordToPixel(it->y) - pos.y());
        if (d < bestDistance) {
            bestDistance = d;
            hit = &*it;
        }
    }
    if (!hit || !xs || !ys)
        return std::nullopt;
    return Hit{hit->trialId, tr("%1: %2 %3, %4 %5, %6 %7")
                                 .arg(trialName(hit->trialId, hit->number), xs->name, xs->text(hit->x), ys->name, ys->text(hit->y),
                                      objectiveLabel(data()), formatNumber(hit->value))};
}

} // namespace tb::widgets
