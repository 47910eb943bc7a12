#include "serve_request.h"

#include "engine/core/errors.h"
#include "engine/core/json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>

namespace tb::cli {

using engine::SpecError;

namespace {

// A whole number a JSON double holds exactly, in [min, 2^53].
std::optional<qint64> exactInteger(const QJsonValue& v, qint64 min)
{
    constexpr double limit = 9007199254740992.0; // 2^53
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!(d >= static_cast<double>(min) && d <= limit) || std::floor(d) != d)
        return std::nullopt;
    return static_cast<qint64>(d);
}

} // namespace

ServeRequest parseServeRequest(const QByteArray& line)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        throw SpecError(QStringLiteral("invalid JSON at character %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    if (!doc.isObject())
        throw SpecError(QStringLiteral("expected one JSON object per line, like {\"op\": \"ask\"}, got %1")
                            .arg(doc.isArray() ? QStringLiteral("an array") : QStringLiteral("a scalar")));
    const QJsonObject req = doc.object();
    ServeRequest out;
    const QString op = req.value(QStringLiteral("op")).toString();
    if (op == QLatin1String("ask"))
        return out;
    if (op != QLatin1String("tell"))
        throw SpecError(QStringLiteral("op: unknown op '%1'; use \"ask\" or \"tell\"").arg(engine::printable(op)));
    out.op = ServeRequest::Op::Tell;
    const auto trial = exactInteger(req.value(QStringLiteral("trial")), 1);
    if (!trial)
        throw SpecError(QStringLiteral("tell: \"trial\" must be the integer id that ask returned"));
    out.trial = *trial;
    const bool hasValue = req.contains(QStringLiteral("value")) && !req.value(QStringLiteral("value")).isNull();
    const bool hasValues = req.contains(QStringLiteral("values")) && !req.value(QStringLiteral("values")).isNull();
    if (hasValue && hasValues)
        throw SpecError(QStringLiteral("tell: give \"value\" (one objective) or \"values\" (a list), not both"));
    if (hasValue && !req.value(QStringLiteral("value")).isDouble())
        throw SpecError(QStringLiteral("tell: \"value\" must be a number"));
    if (hasValue)
        out.values = {req.value(QStringLiteral("value")).toDouble()};
    if (hasValues) {
        const QJsonValue vs = req.value(QStringLiteral("values"));
        const QJsonArray list = vs.toArray();
        if (!vs.isArray() || list.isEmpty()
            || std::any_of(list.begin(), list.end(), [](const QJsonValue& v) { return !v.isDouble(); }))
            throw SpecError(QStringLiteral("tell: \"values\" must be a list of numbers, one per objective, like [0.25, 12.5]"));
        for (const QJsonValue& v : list)
            out.values.push_back(v.toDouble());
    }
    if (req.contains(QStringLiteral("state")) && !req.value(QStringLiteral("state")).isString())
        throw SpecError(QStringLiteral("tell: \"state\" must be \"completed\", \"failed\" or \"pruned\""));
    out.state = req.value(QStringLiteral("state")).toString();
    if (req.contains(QStringLiteral("metrics")) && !req.value(QStringLiteral("metrics")).isArray())
        throw SpecError(QStringLiteral("tell: \"metrics\" must be a list of {\"name\": ..., \"value\": ..., \"step\": ...}"));
    const QJsonArray ms = req.value(QStringLiteral("metrics")).toArray();
    for (int i = 0; i < ms.size(); ++i) {
        const QJsonObject mo = ms[i].toObject();
        if (!ms[i].isObject() || !mo.value(QStringLiteral("name")).isString() || mo.value(QStringLiteral("name")).toString().isEmpty()
            || !mo.value(QStringLiteral("value")).isDouble())
            throw SpecError(QStringLiteral("tell: metrics[%1] needs a \"name\" and a numeric \"value\"").arg(i));
        engine::MetricRow m;
        m.name = mo.value(QStringLiteral("name")).toString();
        m.value = mo.value(QStringLiteral("value")).toDouble();
        m.step = static_cast<std::int64_t>(out.metrics.size());
        if (mo.contains(QStringLiteral("step"))) {
            const auto step = exactInteger(mo.value(QStringLiteral("step")), 0);
            if (!step)
                throw SpecError(QStringLiteral("tell: metrics[%1].step must be an integer from 0 to 2^53").arg(i));
            m.step = *step;
        }
        out.metrics.push_back(std::move(m));
    }
    return out;
}

} // namespace tb::cli
