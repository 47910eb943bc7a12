#include "optuna_import.h"

#include "errors.h"
#include "json.h"
#include "spec.h"
#include "store.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <sqlite3.h>

namespace tb::engine {

namespace {

using algorithms::TrialState;

// The storage, read-only: nothing here writes to it (not even a journal mode).
class Storage {
public:
    explicit Storage(const QString& path) : m_path(path)
    {
        if (!QFileInfo(path).isFile())
            throw SpecError(path + QStringLiteral(": no such file; give the SQLite file of an Optuna storage (sqlite:///FILE)"));
        if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            const QString why = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("out of memory");
            sqlite3_close_v2(m_db);
            throw SpecError(path + QStringLiteral(": cannot open: ") + why);
        }
        sqlite3_busy_timeout(m_db, 10000);
    }
    ~Storage() { sqlite3_close_v2(m_db); }
    Storage(const Storage&) = delete;

    // Runs `sql` with `binds` (integers), one call of `row` per result row.
    void each(const char* sql, std::initializer_list<qint64> binds, const std::function<void(sqlite3_stmt*)>& row) const
    {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(m_db, sql, -1, &s, nullptr) != SQLITE_OK)
            throw SpecError(m_path + QStringLiteral(": not an Optuna storage this build reads (%1)").arg(QString::fromUtf8(sqlite3_errmsg(m_db))));
        int i = 1;
        for (qint64 b : binds)
            sqlite3_bind_int64(s, i++, b);
        int rc;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW)
            row(s);
        sqlite3_finalize(s);
        if (rc != SQLITE_DONE)
            throw RuntimeError(m_path + QStringLiteral(": reading failed: ") + QString::fromUtf8(sqlite3_errmsg(m_db)));
    }

    bool hasTable(const char* name) const
    {
        bool found = false;
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(m_db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", -1, &s, nullptr);
        sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
        found = sqlite3_step(s) == SQLITE_ROW;
        sqlite3_finalize(s);
        return found;
    }

private:
    QString m_path;
    sqlite3* m_db = nullptr;
};

QString text(sqlite3_stmt* s, int col)
{
    const auto* t = sqlite3_column_text(s, col);
    return t ? QString::fromUtf8(reinterpret_cast<const char*>(t)) : QString();
}

std::optional<double> real(sqlite3_stmt* s, int col, const QString& type)
{
    if (type == QLatin1String("INF_POS"))
        return std::numeric_limits<double>::infinity();
    if (type == QLatin1String("INF_NEG"))
        return -std::numeric_limits<double>::infinity();
    if (type == QLatin1String("NAN"))
        return std::numeric_limits<double>::quiet_NaN();
    if (sqlite3_column_type(s, col) == SQLITE_NULL)
        return std::nullopt;
    return sqlite3_column_double(s, col);
}

// Optuna writes naive local date-times ("2026-12-05 07:50:00.123456").
std::optional<double> when(const QString& t)
{
    if (t.isEmpty())
        return std::nullopt;
    QDateTime d = QDateTime::fromString(t.left(23).replace(QLatin1Char(' '), QLatin1Char('T')), Qt::ISODateWithMs);
    if (!d.isValid())
        d = QDateTime::fromString(t.left(19).replace(QLatin1Char(' '), QLatin1Char('T')), Qt::ISODate);
    return d.isValid() ? std::optional(d.toMSecsSinceEpoch() / 1000.0) : std::nullopt;
}

// An Optuna distribution (3.x names and the older ones) as a parameter of our spec.
QJsonObject paramOf(const QString& name, const QJsonObject& distribution, const QString& where)
{
    const QString kind = distribution.value(QStringLiteral("name")).toString();
    const QJsonObject a = distribution.value(QStringLiteral("attributes")).toObject();
    QJsonObject p{{QStringLiteral("name"), name}};
    const auto bounds = [&] {
        p.insert(QStringLiteral("low"), a.value(QStringLiteral("low")));
        p.insert(QStringLiteral("high"), a.value(QStringLiteral("high")));
    };
    if (kind == QLatin1String("FloatDistribution") || kind == QLatin1String("UniformDistribution")
        || kind == QLatin1String("LogUniformDistribution") || kind == QLatin1String("DiscreteUniformDistribution")) {
        p.insert(QStringLiteral("type"), QStringLiteral("float"));
        bounds();
        if (a.value(QStringLiteral("log")).toBool() || kind == QLatin1String("LogUniformDistribution"))
            p.insert(QStringLiteral("log"), true);
        const QJsonValue step = kind == QLatin1String("DiscreteUniformDistribution") ? a.value(QStringLiteral("q")) : a.value(QStringLiteral("step"));
        if (step.isDouble())
            p.insert(QStringLiteral("step"), step);
    } else if (kind == QLatin1String("IntDistribution") || kind == QLatin1String("IntUniformDistribution")
               || kind == QLatin1String("IntLogUniformDistribution")) {
        p.insert(QStringLiteral("type"), QStringLiteral("int"));
        bounds();
        if (a.value(QStringLiteral("log")).toBool() || kind == QLatin1String("IntLogUniformDistribution"))
            p.insert(QStringLiteral("log"), true);
        if (a.value(QStringLiteral("step")).toInt(1) != 1)
            p.insert(QStringLiteral("step"), a.value(QStringLiteral("step")));
    } else if (kind == QLatin1String("CategoricalDistribution")) {
        p.insert(QStringLiteral("type"), QStringLiteral("categorical"));
        p.insert(QStringLiteral("choices"), a.value(QStringLiteral("choices")));
    } else {
        throw SpecError(where + QStringLiteral(": parameter '%1' has a distribution this build does not know (%2)").arg(name, kind));
    }
    return p;
}

// The same parameter seen in another trial: ranges widened, choices joined (noted).
void widen(QJsonObject& p, const QJsonObject& other, QStringList& notes)
{
    const QString name = p.value(QStringLiteral("name")).toString();
    if (p.value(QStringLiteral("type")) != other.value(QStringLiteral("type"))) {
        notes << QStringLiteral("parameter '%1' changed its type between trials; the first one's is kept").arg(name);
        return;
    }
    if (p.value(QStringLiteral("type")).toString() == QLatin1String("categorical")) {
        QJsonArray choices = p.value(QStringLiteral("choices")).toArray();
        for (const QJsonValue& c : other.value(QStringLiteral("choices")).toArray())
            if (!choices.contains(c))
                choices.append(c);
        if (choices.size() != p.value(QStringLiteral("choices")).toArray().size()) {
            p.insert(QStringLiteral("choices"), choices);
            notes << QStringLiteral("parameter '%1': choices joined across trials").arg(name);
        }
        return;
    }
    const double low = std::min(p.value(QStringLiteral("low")).toDouble(), other.value(QStringLiteral("low")).toDouble());
    const double high = std::max(p.value(QStringLiteral("high")).toDouble(), other.value(QStringLiteral("high")).toDouble());
    if (low != p.value(QStringLiteral("low")).toDouble() || high != p.value(QStringLiteral("high")).toDouble()) {
        p.insert(QStringLiteral("low"), low);
        p.insert(QStringLiteral("high"), high);
        notes << QStringLiteral("parameter '%1': range widened to %2..%3 (it differed between trials)").arg(name).arg(low).arg(high);
    }
}

} // namespace

OptunaImport importOptunaStudy(const QString& storagePath, const QString& studyName, Store& store, const QString& name)
{
    const Storage db(storagePath);
    if (!db.hasTable("version_info") || !db.hasTable("studies") || !db.hasTable("trial_params"))
        throw SpecError(storagePath + QStringLiteral(": not an Optuna storage (no version_info, studies or trial_params table); give the "
                                                     "SQLite file of an Optuna RDB storage (sqlite:///FILE)"));
    OptunaImport out;
    int schema = 0;
    db.each("SELECT schema_version, library_version FROM version_info", {}, [&](sqlite3_stmt* s) {
        schema = sqlite3_column_int(s, 0);
        out.optunaVersion = text(s, 1);
    });
    QString alembic;
    if (db.hasTable("alembic_version"))
        db.each("SELECT version_num FROM alembic_version", {}, [&](sqlite3_stmt* s) { alembic = text(s, 0); });
    static const QStringList known{QStringLiteral("v3.0.0.a"), QStringLiteral("v3.0.0.b"), QStringLiteral("v3.0.0.c"), QStringLiteral("v3.0.0.d"),
                                   QStringLiteral("v3.2.0.a")};
    if (schema != 12 || !known.contains(alembic))
        throw SpecError(storagePath + QStringLiteral(": an Optuna storage of schema %1 (alembic %2, written by Optuna %3) is not one this build "
                                                     "reads (Optuna 3.x to 5.x: schema 12, alembic %4); upgrade it with `optuna storage "
                                                     "upgrade --storage sqlite:///%5` and import again")
                                     .arg(schema)
                                     .arg(alembic.isEmpty() ? QStringLiteral("none") : alembic, out.optunaVersion.isEmpty() ? QStringLiteral("?") : out.optunaVersion,
                                          known.join(QStringLiteral(", ")), storagePath));

    qint64 studyId = -1;
    QString chosen;
    QStringList names;
    db.each("SELECT study_id, study_name FROM studies ORDER BY study_id", {}, [&](sqlite3_stmt* s) {
        names << text(s, 1);
        if (text(s, 1) == studyName || (studyName.isEmpty() && studyId < 0)) {
            studyId = sqlite3_column_int64(s, 0);
            chosen = text(s, 1);
        }
    });
    if (studyName.isEmpty() && names.size() > 1)
        throw SpecError(storagePath + QStringLiteral(": holds %1 studies; choose one with --study (%2)").arg(names.size()).arg(names.join(QStringLiteral(", "))));
    if (studyId < 0)
        throw SpecError(storagePath + (names.isEmpty() ? QStringLiteral(": holds no study")
                                                       : QStringLiteral(": no study named '%1'; studies: %2").arg(studyName, names.join(QStringLiteral(", ")))));
    const QString where = storagePath + QStringLiteral(" (study '%1')").arg(chosen);

    QStringList directions;
    db.each("SELECT direction FROM study_directions WHERE study_id = ? ORDER BY objective", {studyId},
            [&](sqlite3_stmt* s) { directions << (text(s, 0) == QLatin1String("MAXIMIZE") ? QStringLiteral("maximize") : QStringLiteral("minimize")); });
    out.objectives = std::max<int>(1, directions.size());
    if (out.objectives > kMaxObjectives)
        throw SpecError(where + QStringLiteral(": has %1 objectives; Tunebench takes at most %2 (its exact hypervolume grows "
                                               "exponentially with them); import a study of fewer")
                                    .arg(out.objectives)
                                    .arg(kMaxObjectives));
    QStringList metrics;
    db.each("SELECT value_json FROM study_system_attributes WHERE study_id = ? AND key = 'study:metric_names'", {studyId}, [&](sqlite3_stmt* s) {
        for (const QJsonValue& v : QJsonDocument::fromJson(text(s, 0).toUtf8()).array())
            metrics << v.toString();
    });
    if (metrics.size() != out.objectives) {
        metrics.clear();
        for (int i = 0; i < out.objectives; ++i)
            metrics << (out.objectives == 1 ? QStringLiteral("value") : QStringLiteral("value_%1").arg(i));
    }

    struct Trial {
        qint64 id = 0;
        QString state;
        std::optional<double> start, complete;
        QJsonObject params;
        std::vector<std::optional<double>> values;
        std::vector<std::pair<qint64, double>> intermediate;
        QJsonObject attrs;
    };
    std::vector<Trial> trials;
    db.each("SELECT trial_id, state, datetime_start, datetime_complete FROM trials WHERE study_id = ? ORDER BY number", {studyId}, [&](sqlite3_stmt* s) {
        trials.push_back({sqlite3_column_int64(s, 0), text(s, 1), when(text(s, 2)), when(text(s, 3)), {}, {}, {}, {}});
    });
    QMap<QString, QJsonObject> space; // by name, in first-seen order below
    QStringList order;
    for (Trial& t : trials) {
        db.each("SELECT param_name, param_value, distribution_json FROM trial_params WHERE trial_id = ? ORDER BY param_id", {t.id}, [&](sqlite3_stmt* s) {
            const QString param = text(s, 0);
            const QJsonObject distribution = QJsonDocument::fromJson(text(s, 2).toUtf8()).object();
            const QJsonObject p = paramOf(param, distribution, where);
            const double internal = sqlite3_column_double(s, 1);
            if (p.value(QStringLiteral("type")).toString() == QLatin1String("categorical"))
                t.params.insert(param, p.value(QStringLiteral("choices")).toArray().at(static_cast<qsizetype>(internal)));
            else if (p.value(QStringLiteral("type")).toString() == QLatin1String("int"))
                t.params.insert(param, static_cast<qint64>(std::llround(internal)));
            else
                t.params.insert(param, internal);
            if (!space.contains(param)) {
                space.insert(param, p);
                order << param;
            } else {
                widen(space[param], p, out.notes);
            }
        });
        t.values.assign(static_cast<std::size_t>(out.objectives), std::nullopt);
        db.each("SELECT objective, value, value_type FROM trial_values WHERE trial_id = ?", {t.id}, [&](sqlite3_stmt* s) {
            const int objective = sqlite3_column_int(s, 0);
            if (objective >= 0 && objective < out.objectives)
                t.values[static_cast<std::size_t>(objective)] = real(s, 1, text(s, 2));
        });
        db.each("SELECT step, intermediate_value, intermediate_value_type FROM trial_intermediate_values WHERE trial_id = ? ORDER BY step", {t.id},
                [&](sqlite3_stmt* s) {
                    if (auto v = real(s, 1, text(s, 2)))
                        t.intermediate.emplace_back(sqlite3_column_int64(s, 0), *v);
                });
        db.each("SELECT key, value_json FROM trial_user_attributes WHERE trial_id = ?", {t.id}, [&](sqlite3_stmt* s) {
            const QJsonDocument v = QJsonDocument::fromJson("[" + text(s, 1).toUtf8() + "]");
            t.attrs.insert(text(s, 0), v.array().at(0));
        });
    }
    if (space.isEmpty())
        throw SpecError(where + QStringLiteral(": no trial has parameters; there is nothing to import"));

    QJsonArray spaceJson;
    for (const QString& p : order)
        spaceJson.append(space.value(p));
    const QString experiment = name.isEmpty() ? chosen : name;
    if (store.experiment(experiment))
        throw SpecError(store.path() + QStringLiteral(": already holds an experiment named '%1'; import with --name NEW_NAME").arg(experiment));
    QJsonObject specJson{
        {QStringLiteral("name"), experiment},
        {QStringLiteral("description"), QStringLiteral("Imported from Optuna study '%1' in %2 (Optuna %3, %4 trials)")
                                            .arg(chosen, QFileInfo(storagePath).absoluteFilePath(), out.optunaVersion)
                                            .arg(trials.size())},
        {QStringLiteral("space"), spaceJson},
        {QStringLiteral("algorithm"), QJsonObject{{QStringLiteral("name"), QStringLiteral("tpe")}}},
    };
    // Several objectives stay several (tpe models them jointly); each value is also kept
    // as a metric of its trial, as with one.
    QJsonArray objectives;
    for (int i = 0; i < out.objectives; ++i)
        objectives.append(QJsonObject{{QStringLiteral("metric"), metrics[i]}, {QStringLiteral("direction"), directions.value(i, QStringLiteral("minimize"))}});
    if (out.objectives > 1)
        specJson.insert(QStringLiteral("objectives"), objectives);
    else
        specJson.insert(QStringLiteral("objective"), objectives.first());
    ParseOptions options;
    options.requireTrial = false;
    ExperimentSpec spec;
    try {
        spec = parseSpec(specJson, options);
    } catch (const SpecError& e) {
        throw SpecError(where + QStringLiteral(": its search space does not map: ") + QString::fromUtf8(e.what()));
    }
    const std::int64_t experimentId = store.createExperiment(experiment, QJsonDocument(spec.json).toJson(QJsonDocument::Compact));

    for (const Trial& t : trials) {
        const bool allValues = std::all_of(t.values.begin(), t.values.end(), [](const auto& v) { return v.has_value(); });
        // A complete trial without every value cannot be judged: failed, saying why.
        const bool unjudged = t.state == QLatin1String("COMPLETE") && !allValues;
        const TrialState state = unjudged                             ? TrialState::Failed
            : t.state == QLatin1String("COMPLETE")                    ? TrialState::Completed
            : t.state == QLatin1String("PRUNED")                      ? TrialState::Pruned
            : t.state == QLatin1String("FAIL")                        ? TrialState::Failed
            : t.state == QLatin1String("WAITING")                     ? TrialState::Queued
                                                                      : TrialState::Running;
        const auto row = store.createTrialWithin(experimentId, QJsonDocument(t.params).toJson(QJsonDocument::Compact), state, std::nullopt);
        if (!row)
            throw RuntimeError(store.path() + QStringLiteral(": could not add a trial"));
        const double time = t.complete.value_or(t.start.value_or(Store::now()));
        std::vector<MetricRow> rows;
        for (const auto& [step, v] : t.intermediate)
            rows.push_back({row->id, 1, step, metrics.first(), v, time});
        const qint64 last = t.intermediate.empty() ? 0 : t.intermediate.back().first + 1;
        for (int i = 0; i < out.objectives; ++i)
            if (const auto& v = t.values[static_cast<std::size_t>(i)]; v && (i > 0 || state == TrialState::Completed))
                rows.push_back({row->id, 1, last, metrics[i], *v, time});
        std::vector<EventRow> events;
        if (!t.attrs.isEmpty())
            events.push_back({row->id, 1, time, QStringLiteral("user_attrs"),
                              QJsonDocument(QJsonObject{{QStringLiteral("event"), QStringLiteral("user_attrs")}, {QStringLiteral("attrs"), t.attrs}})
                                  .toJson(QJsonDocument::Compact)});
        TrialScore score;
        if (out.objectives > 1 && state == TrialState::Completed)
            for (const auto& v : t.values)
                score.values.push_back(*v);
        if (state == TrialState::Completed || state == TrialState::Pruned || state == TrialState::Failed)
            store.finishTrial(row->id, state, state == TrialState::Failed ? std::nullopt : t.values[0], std::nullopt,
                              state == TrialState::Completed ? QString()
                                  : unjudged              ? QStringLiteral("complete in Optuna, but without a value for every objective")
                                                          : QStringLiteral("%1 in Optuna").arg(t.state.toLower()),
                              rows, events, score);
        else
            store.addMetrics(rows, events);
        store.setTrialTimes(row->id, t.start.value_or(time), t.start, t.complete);
    }
    store.setExperimentState(experimentId, ExperimentState::Stopped,
                             QStringLiteral("imported from Optuna; continue it with ask/tell (tunebench-cli ask/tell/serve) or give it a trial command"));
    out.experiment = experiment;
    out.trials = static_cast<int>(trials.size());
    return out;
}

} // namespace tb::engine
