#include "widgets/models/spec_text.h"

#include "engine/core/errors.h"
#include "engine/core/json.h"
#include "engine/core/spec.h"
#include "algorithms/samplers/samplers.h"
#include "widgets/models/engine_text.h"

#include <QCoreApplication>

#include <QJsonDocument>
#include <QLocale>

#include <optional>
#include <vector>

namespace tb::widgets {

QString numberText(double value)
{
    // Integral values through the engine's own rule, so `4` shows as 4, not 4.0.
    if (const auto v = engine::valueFromJson(QJsonValue(value)))
        return QString::fromStdString(algorithms::formatValue(*v));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString literalText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return numberText(value.toDouble());
    case QJsonValue::String: {
        const QString s = value.toString();
        if (literalValue(s) == value)
            return s;
        return QString::fromUtf8(QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
    }
    case QJsonValue::Null: return QStringLiteral("null");
    default: return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
    }
}

QJsonValue literalValue(const QString& text)
{
    if (text.isEmpty() || text.trimmed() != text)
        return text;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + text.toUtf8() + ']', &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
        return text;
    const QJsonValue v = doc.array().first();
    if (v.isBool() || v.isDouble() || v.isString())
        return v;
    return text;
}

QString literalListText(const QJsonArray& values)
{
    QStringList parts;
    for (const QJsonValue& v : values)
        parts << literalText(v);
    return parts.join(QStringLiteral(", "));
}

QJsonArray literalList(const QString& text)
{
    QJsonArray out;
    if (text.trimmed().isEmpty())
        return out;
    for (const QString& part : text.split(QLatin1Char(',')))
        out.append(literalValue(part.trimmed()));
    return out;
}

namespace {

template <typename Parse>
SpecCheck check(const Parse& parse)
{
    try {
        parse();
    } catch (const engine::SpecError& e) {
        return {QString::fromUtf8(e.what()), e.path()};
    } catch (const std::exception& e) {
        return {QString::fromUtf8(e.what()), {}};
    }
    return {};
}

} // namespace

SpecCheck checkSpec(const QJsonObject& spec, bool requireTrial)
{
    engine::ParseOptions options;
    options.requireTrial = requireTrial;
    return check([&] { engine::parseSpec(spec, options); });
}

QStringList autoPlanText(const QJsonObject& spec)
{
    engine::ParseOptions options;
    options.requireTrial = false;
    engine::ExperimentSpec parsed;
    try {
        parsed = engine::parseSpec(spec, options);
    } catch (const std::exception&) {
        return {};
    }
    if (parsed.algorithm.name != QLatin1String("auto"))
        return {};
    auto steps = algorithms::autoPlan(parsed.space, parsed.algorithm.settings, parsed.objectives.size(), !parsed.constraints.empty());
    // Within the budget only: the steps that start before max_trials, the last ending there.
    const std::optional<qint64> budget = parsed.budget.maxTrials;
    if (budget)
        std::erase_if(steps, [&](const algorithms::AutoStep& s) { return s.firstTrial > 0 && s.firstTrial >= *budget; });
    QStringList out;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const QString sampler = QString::fromStdString(steps[i].source.sampler);
        const QString why = engineText(QString::fromStdString(steps[i].source.reason));
        const qint64 first = steps[i].firstTrial + 1;
        const std::optional<qint64> last = i + 1 < steps.size() ? std::optional<qint64>(steps[i + 1].firstTrial) : budget;
        if (last)
            out << QCoreApplication::translate("tb::widgets::SetupPanel", "Trials %1-%2: %3 (%4)").arg(first).arg(*last).arg(sampler, why);
        else
            out << QCoreApplication::translate("tb::widgets::SetupPanel", "From trial %1: %2 (%3)").arg(first).arg(sampler, why);
    }
    return out;
}

SpecCheck checkSpace(const QJsonArray& space)
{
    return check([&] { engine::parseSpace(space); });
}

} // namespace tb::widgets
