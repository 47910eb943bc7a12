#include "prior_preview.h"

#include "engine/core/spec.h"

#include <QJsonArray>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <random>

namespace tb::widgets {

namespace {

constexpr int kBins = 40;
constexpr std::int64_t kMaxDiscreteBars = 50;

QString shortNumber(double x)
{
    return QString::fromStdString(algorithms::formatValue(x));
}

} // namespace

PriorHistogram priorHistogram(const algorithms::SearchSpace& space, std::size_t index, int draws, std::uint64_t seed)
{
    using algorithms::ParamType;
    const algorithms::Param& p = space.params().at(index);
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    PriorHistogram h;

    if (p.type == ParamType::Categorical || p.type == ParamType::Fixed) {
        const std::vector<algorithms::Value> choices = p.type == ParamType::Fixed ? std::vector{*p.fixed} : p.choices;
        h.counts.fill(0, static_cast<int>(choices.size()));
        for (const auto& c : choices)
            h.labels << QString::fromStdString(algorithms::formatValue(c));
        for (int i = 0; i < draws; ++i) {
            const algorithms::Value v = space.fromUnit(index, uniform(rng));
            for (std::size_t c = 0; c < choices.size(); ++c)
                if (algorithms::sameValue(choices[c], v)) {
                    ++h.counts[static_cast<int>(c)];
                    break;
                }
        }
        return h;
    }

    // Numbers: a bar per value when the values are few, else bins over [low, high].
    const double step = p.step ? *p.step : (p.type == ParamType::Int ? 1.0 : 0.0);
    const std::int64_t cells = step > 0 ? std::llround((p.high - p.low) / step) + 1 : 0;
    const bool discrete = cells > 0 && cells <= kMaxDiscreteBars;
    h.logAxis = p.log && !discrete; // discrete values get one bar each, in order
    if (discrete) {
        h.counts.fill(0, static_cast<int>(cells));
        for (std::int64_t c = 0; c < cells; ++c)
            h.labels << shortNumber(p.low + static_cast<double>(c) * step);
    } else {
        h.counts.fill(0, kBins);
        h.lowLabel = shortNumber(p.low);
        h.highLabel = shortNumber(p.high);
    }
    const double a = p.log ? std::log(p.low) : p.low;
    const double b = p.log ? std::log(p.high) : p.high;
    for (int i = 0; i < draws; ++i) {
        const double x = algorithms::numericValue(space.fromUnit(index, uniform(rng))).value_or(p.low);
        int bin = 0;
        if (discrete) {
            bin = static_cast<int>(std::llround((x - p.low) / step));
        } else {
            const double t = b > a ? ((p.log ? std::log(x) : x) - a) / (b - a) : 0.0;
            bin = static_cast<int>(t * kBins);
        }
        ++h.counts[std::clamp(bin, 0, static_cast<int>(h.counts.size()) - 1)];
    }
    return h;
}

PriorPreview::PriorPreview(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void PriorPreview::setParam(const QJsonObject& param)
{
    QJsonObject alone = param;
    alone.remove(QStringLiteral("when"));
    const QJsonObject spec{{QStringLiteral("name"), QStringLiteral("preview")},
                           {QStringLiteral("objective"), QJsonObject{{QStringLiteral("metric"), QStringLiteral("objective")}}},
                           {QStringLiteral("algorithm"), QJsonObject{{QStringLiteral("seed"), 0}}},
                           {QStringLiteral("space"), QJsonArray{alone}}};
    engine::ParseOptions options;
    options.requireTrial = false;
    m_histogram = {};
    m_problem.clear();
    try {
        const engine::ExperimentSpec parsed = engine::parseSpec(spec, options);
        m_histogram = priorHistogram(parsed.space, 0);
    } catch (const std::exception&) {
        // The message mentions space[0] of this one-parameter spec; the editor shows the real one.
        m_problem = tr("No preview until the parameter is valid.");
    }
    update();
}

void PriorPreview::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    const QFontMetrics fm = fontMetrics();
    if (m_histogram.counts.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                         m_problem.isEmpty() ? tr("Select a parameter to see its prior.") : m_problem);
        return;
    }
    const int labelHeight = fm.height() + 4;
    const QRect plot = rect().adjusted(8, 8 + fm.height(), -8, -labelHeight - 4);
    const int n = static_cast<int>(m_histogram.counts.size());
    const int maxCount = std::max(1, *std::max_element(m_histogram.counts.begin(), m_histogram.counts.end()));
    const double barWidth = static_cast<double>(plot.width()) / n;

    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(QRect(plot.left(), 2, plot.width(), fm.height()), Qt::AlignLeft,
                     m_histogram.logAxis ? tr("Prior (log axis)") : tr("Prior"));

    const QColor fill = palette().color(QPalette::Highlight);
    for (int i = 0; i < n; ++i) {
        const double height = plot.height() * static_cast<double>(m_histogram.counts[i]) / maxCount;
        const QRectF bar(plot.left() + i * barWidth + 1, plot.bottom() - height, std::max(1.0, barWidth - 2), height);
        painter.fillRect(bar, fill);
    }
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());

    painter.setPen(palette().color(QPalette::Text));
    const int labelTop = plot.bottom() + 4;
    if (!m_histogram.labels.isEmpty()) {
        // Label every k-th bar so that the labels never overlap.
        int widest = 0;
        for (const QString& l : m_histogram.labels)
            widest = std::max(widest, fm.horizontalAdvance(l));
        const int every = std::max(1, static_cast<int>(std::ceil((widest + 6) / std::max(1.0, barWidth))));
        for (int i = 0; i < n; i += every) {
            const QRect cell(static_cast<int>(plot.left() + i * barWidth), labelTop, static_cast<int>(barWidth * every),
                             fm.height());
            painter.drawText(cell, Qt::AlignLeft, fm.elidedText(m_histogram.labels[i], Qt::ElideRight,
                                                                                     cell.width()));
        }
    } else {
        painter.drawText(QRect(plot.left(), labelTop, plot.width(), fm.height()), Qt::AlignLeft, m_histogram.lowLabel);
        painter.drawText(QRect(plot.left(), labelTop, plot.width(), fm.height()), Qt::AlignRight, m_histogram.highLabel);
    }
}

} // namespace tb::widgets
