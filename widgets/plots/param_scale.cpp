#include "widgets/plots/param_scale.h"

#include "widgets/models/experiment_data.h"

#include <cmath>

namespace tb::widgets {

namespace {

bool sameChoice(const algorithms::Value& choice, const QJsonValue& v)
{
    return std::visit(
        [&v](const auto& c) {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, std::string>)
                return v.isString() && v.toString() == QString::fromStdString(c);
            else if constexpr (std::is_same_v<T, bool>)
                return v.isBool() && v.toBool() == c;
            else
                return v.isDouble() && v.toDouble() == static_cast<double>(c);
        },
        choice);
}

// Decade ticks labelled as the parallel coordinates and the tooltips print numbers
// (formatNumber: "1e-05"). QCustomPlot labels in the widget's locale, whose exponent is
// "E" for most languages (en_US, zh_CN), so the contour and slice plots showed "1E-05".
class LogTicker : public QCPAxisTickerLog {
protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int) override { return formatNumber(tick); }
};

} // namespace

ParamScale ParamScale::of(const algorithms::Param& p)
{
    ParamScale s;
    s.name = QString::fromStdString(p.name);
    s.conditional = p.when.has_value();
    switch (p.type) {
    case algorithms::ParamType::Float:
    case algorithms::ParamType::Int:
        s.kind = p.log && p.low > 0 ? Kind::Log : Kind::Linear;
        s.low = p.low;
        s.high = p.high;
        s.integer = p.type == algorithms::ParamType::Int;
        return s;
    case algorithms::ParamType::Categorical: s.choices = p.choices; break;
    case algorithms::ParamType::Fixed:
        if (p.fixed)
            s.choices = {*p.fixed};
        break;
    }
    s.kind = Kind::Categorical;
    s.low = 0;
    s.high = std::max<double>(0, static_cast<double>(s.choices.size()) - 1);
    s.integer = true;
    return s;
}

std::vector<ParamScale> ParamScale::ofSpace(const ExperimentData& data, bool withFixed)
{
    std::vector<ParamScale> out;
    if (data.spec())
        for (const algorithms::Param& p : data.spec()->space.params())
            if (withFixed || p.type != algorithms::ParamType::Fixed)
                out.push_back(of(p));
    return out;
}

QStringList ParamScale::names(const std::vector<ParamScale>& scales)
{
    QStringList out;
    for (const ParamScale& s : scales)
        out << s.name;
    return out;
}

std::optional<double> ParamScale::coordinate(const QJsonValue& v) const
{
    switch (kind) {
    case Kind::Categorical:
        for (std::size_t i = 0; i < choices.size(); ++i)
            if (sameChoice(choices[i], v))
                return static_cast<double>(i);
        return std::nullopt;
    case Kind::Log:
        if (!v.isDouble() || !(v.toDouble() > 0))
            return std::nullopt;
        return v.toDouble();
    case Kind::Linear:
        if (!v.isDouble() || !std::isfinite(v.toDouble()))
            return std::nullopt;
        return v.toDouble();
    }
    return std::nullopt;
}

double ParamScale::fraction(double c) const
{
    if (!(high > low))
        return 0.5;
    if (kind == Kind::Log)
        return (std::log(c) - std::log(low)) / (std::log(high) - std::log(low));
    return (c - low) / (high - low);
}

double ParamScale::coordinateAt(double f) const
{
    if (!(high > low))
        return low;
    if (kind == Kind::Log)
        return std::exp(std::log(low) + f * (std::log(high) - std::log(low)));
    return low + f * (high - low);
}

QString ParamScale::text(double c) const
{
    if (kind == Kind::Categorical) {
        const auto level = static_cast<std::size_t>(std::lround(c));
        return level < choices.size() ? QString::fromStdString(algorithms::formatValue(choices[level])) : QString();
    }
    return formatNumber(c);
}

void ParamScale::applyTo(QCPAxis* axis) const
{
    axis->setLabel(name);
    // A zero line means nothing between levels.
    axis->grid()->setZeroLinePen(kind == Kind::Categorical ? axis->grid()->pen() : QPen(QColor(200, 200, 200), 0, Qt::SolidLine));
    if (kind == Kind::Log) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        axis->setTicker(QSharedPointer<LogTicker>::create());
        axis->setNumberFormat(QStringLiteral("g"));
        return;
    }
    axis->setScaleType(QCPAxis::stLinear);
    if (kind == Kind::Categorical) {
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        const int n = static_cast<int>(choices.size());
        const int every = std::max(1, (n + 11) / 12); // at most about 12 labels
        for (int c = 0; c < n; c += every)
            ticker->addTick(c, text(c));
        axis->setTicker(ticker);
        return;
    }
    axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    axis->setNumberFormat(QStringLiteral("g"));
}

QCPRange ParamScale::range() const
{
    switch (kind) {
    case Kind::Categorical: return QCPRange(-0.5, std::max(0.5, high + 0.5));
    case Kind::Log: {
        const double margin = high > low ? std::pow(high / low, 0.04) : 2.0;
        return QCPRange(low / margin, high * margin);
    }
    case Kind::Linear: break;
    }
    return padded(QCPRange(low, high));
}

} // namespace tb::widgets
