#pragma once
// How a parameter's values lie along a plot axis, one rule for the parallel coordinates,
// the slice and the contour plot: numeric parameters by value between their bounds (log
// ones on a log scale), categorical and fixed ones at evenly spaced levels 0 .. n-1.
// Private to widgets/plots: it includes qcustomplot.h (through render.h).
//
// Threading: a value; any thread.

#include "algorithms/space.h"
#include "widgets/plots/render.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace tb::widgets {

class ExperimentData;

struct ParamScale {
    enum class Kind { Linear, Log, Categorical };

    QString name;
    Kind kind = Kind::Linear;
    double low = 0, high = 1; // numeric bounds; levels 0 .. n-1 for categorical ones
    bool integer = false;     // ticks at whole numbers
    bool conditional = false; // inactive in trials whose parent takes other values
    std::vector<algorithms::Value> choices;

    static ParamScale of(const algorithms::Param& param);
    // The parameters of the data's space, in its order (empty without a spec); without the
    // fixed ones for plots that let the user choose a parameter.
    static std::vector<ParamScale> ofSpace(const ExperimentData& data, bool withFixed = true);
    static QStringList names(const std::vector<ParamScale>& scales);

    // The coordinate of a value: the number itself, or the index of the choice. Nullopt
    // when absent (an inactive parameter) or not a value the parameter can take.
    std::optional<double> coordinate(const QJsonValue& value) const;
    // Where a coordinate lies between the bounds, 0 to 1 (log axes in log units; a single
    // level lies at 0.5), and back.
    double fraction(double coordinate) const;
    double coordinateAt(double fraction) const;
    // The text of a coordinate: the choice for a level, else the number.
    QString text(double coordinate) const;

    // Sets up a QCustomPlot axis for the parameter: a log scale with decade ticks, one text
    // tick per level, or a plain linear axis; with the parameter's name as label.
    void applyTo(QCPAxis* axis) const;
    // The axis range that shows every value with a margin (levels with half a level).
    QCPRange range() const;
};

} // namespace tb::widgets
