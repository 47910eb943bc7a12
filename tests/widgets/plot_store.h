#pragma once
// A real store for the filter and parameter-pair tests: the experiment "plots" over lr
// (log), layers (int), optimizer (categorical) and momentum (only with sgd), ten trials
// with loss curves, finished as completed, pruned or failed; shown by a MainWindow.

#include "widgets/main_window.h"
#include "widgets/models/experiment_data.h"
#include "widgets/models/store_session.h"

#include "engine/core/store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <cmath>
#include <optional>

namespace plotstore {

using tb::algorithms::TrialState;

struct Trial {
    double lr;
    int layers;
    const char* optimizer;
    std::optional<double> momentum; // sgd only
    TrialState state;
    std::optional<double> loss;
};

// In creation order: trial number i is trials()[i].
inline const QVector<Trial>& trials()
{
    static const QVector<Trial> t{
        {0.001, 2, "adam", std::nullopt, TrialState::Completed, 0.50},
        {0.01, 3, "sgd", 0.9, TrialState::Completed, 0.30},
        {0.1, 5, "adam", std::nullopt, TrialState::Completed, 0.40},
        {0.0003, 7, "sgd", 0.6, TrialState::Completed, 0.70},
        {0.03, 8, "adam", std::nullopt, TrialState::Completed, 0.20},
        {0.003, 4, "sgd", 0.8, TrialState::Completed, 0.35},
        {0.3, 6, "adam", std::nullopt, TrialState::Pruned, 0.90},
        {0.0002, 1, "sgd", 0.95, TrialState::Pruned, 0.85},
        {0.05, 9, "adam", std::nullopt, TrialState::Failed, std::nullopt},
        {0.002, 5, "sgd", 0.7, TrialState::Completed, 0.25},
    };
    return t;
}

inline QByteArray spec(const QString& name = QStringLiteral("plots"))
{
    return QStringLiteral("{\"name\": \"%1\", \"objective\": {\"metric\": \"loss\", \"direction\": \"minimize\"},"
                          " \"space\": ["
                          "  {\"name\": \"lr\", \"type\": \"float\", \"low\": 1e-4, \"high\": 1.0, \"log\": true},"
                          "  {\"name\": \"layers\", \"type\": \"int\", \"low\": 1, \"high\": 9},"
                          "  {\"name\": \"optimizer\", \"type\": \"categorical\", \"choices\": [\"adam\", \"sgd\"]},"
                          "  {\"name\": \"momentum\", \"type\": \"float\", \"low\": 0.5, \"high\": 0.99, \"when\": {\"optimizer\": [\"sgd\"]}}"
                          " ],"
                          " \"algorithm\": {\"name\": \"random\", \"seed\": 1}}")
        .arg(name)
        .toUtf8();
}

inline QJsonObject paramsOf(const Trial& t)
{
    QJsonObject params{{"lr", t.lr}, {"layers", t.layers}, {"optimizer", QString::fromLatin1(t.optimizer)}};
    if (t.momentum)
        params.insert(QStringLiteral("momentum"), *t.momentum);
    return params;
}

// Adds a finished trial with a five-step loss curve ending at its loss (or at 1 when it
// failed without one); returns its id.
inline qint64 addTrial(tb::engine::Store& store, qint64 experimentId, const Trial& t)
{
    const tb::engine::TrialRow row =
        store.createTrial(experimentId, QJsonDocument(paramsOf(t)).toJson(QJsonDocument::Compact), TrialState::Running);
    std::vector<tb::engine::MetricRow> curve;
    const double last = t.loss.value_or(1.0);
    for (int s = 0; s < 5; ++s)
        curve.push_back({row.id, 1, s, QStringLiteral("loss"), last + 0.5 * std::exp(-s), 1.0 + s});
    store.finishTrial(row.id, t.state, t.loss, 0, QString(), curve);
    return row.id;
}

inline void writeStore(const QString& path)
{
    tb::engine::Store store(path);
    const qint64 id = store.createExperiment(QStringLiteral("plots"), spec());
    for (const Trial& t : trials())
        addTrial(store, id, t);
}

// Opens the store in the window on `experiment` and waits until its data holds `count`
// trials, each with its five-step curve.
inline bool showIn(tb::widgets::MainWindow& window, const QString& path, int count, const QString& experiment = QStringLiteral("plots"))
{
    if (!window.openStore(path))
        return false;
    window.session()->showExperiment(experiment);
    window.session()->pollNow();
    return QTest::qWaitFor(
        [&] {
            const auto& all = window.data().trials();
            return window.data().experiment().name == experiment && all.size() == count && std::all_of(all.begin(), all.end(), [](const auto& t) { return t.curve.size() == 5; });
        },
        15000);
}

} // namespace plotstore
