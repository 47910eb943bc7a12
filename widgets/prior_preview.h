#pragma once
// The prior of one parameter: a histogram of draws through SearchSpace::fromUnit on
// uniform u, which is what the random sampler (and every sampler's start-up phase) sees.
// Log parameters are binned on a log axis, categoricals get one bar per choice.

#include <QJsonObject>
#include <QStringList>
#include <QVector>
#include <QWidget>
#include <cstdint>

namespace tb::algorithms {
class SearchSpace;
}

namespace tb::widgets {

struct PriorHistogram {
    QVector<int> counts;
    QStringList labels;          // one per bar for discrete values and choices, else empty
    QString lowLabel, highLabel; // axis ends for binned numbers
    bool logAxis = false;
};

// Deterministic for a given seed.
PriorHistogram priorHistogram(const algorithms::SearchSpace& space, std::size_t index, int draws = 2000,
                              std::uint64_t seed = 1);

class PriorPreview : public QWidget {
    Q_OBJECT
public:
    explicit PriorPreview(QWidget* parent = nullptr);

    // One parameter's JSON; its condition is ignored (the prior is that of the active case).
    void setParam(const QJsonObject& param);
    const PriorHistogram& histogram() const { return m_histogram; }
    QString problem() const { return m_problem; } // why there is no preview, or empty

    QSize sizeHint() const override { return {320, 160}; }
    QSize minimumSizeHint() const override { return {160, 100}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    PriorHistogram m_histogram;
    QString m_problem;
};

} // namespace tb::widgets
