#pragma once
// Shared by the view benchmarks: run a piece of work n times, summarise the wall times.

#include <QElapsedTimer>
#include <QJsonObject>
#include <QVector>
#include <algorithm>
#include <functional>

namespace tb::bench {

inline QJsonObject summary(QVector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) { return ms[std::min<qsizetype>(ms.size() - 1, qsizetype(q * double(ms.size())))]; };
    return {{"median_ms", ms[ms.size() / 2]}, {"p90_ms", at(0.9)}, {"min_ms", ms.front()}, {"samples", int(ms.size())}};
}

inline QVector<double> repeat(int n, const std::function<void(int)>& work)
{
    QVector<double> out;
    for (int i = 0; i < n; ++i) {
        QElapsedTimer t;
        t.start();
        work(i);
        out << static_cast<double>(t.nsecsElapsed()) / 1e6;
    }
    return out;
}

} // namespace tb::bench
