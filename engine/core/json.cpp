#include "json.h"

#include "algorithms/text.h"

#include "errors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <charconv>
#include <cmath>

namespace tb::engine {

using algorithms::Value;

QJsonValue toJson(const Value& value)
{
    return std::visit(
        [](const auto& v) -> QJsonValue {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::string>)
                return QString::fromStdString(v);
            else if constexpr (std::is_same_v<T, std::int64_t>)
                return static_cast<qint64>(v);
            else
                return v;
        },
        value);
}

std::optional<Value> valueFromJson(const QJsonValue& json)
{
    switch (json.type()) {
    case QJsonValue::Bool:
        return json.toBool();
    case QJsonValue::String:
        return json.toString().toStdString();
    case QJsonValue::Double: {
        const double d = json.toDouble();
        if (std::floor(d) == d && std::fabs(d) < 9.0e15)
            return static_cast<std::int64_t>(d);
        return d;
    }
    default:
        return std::nullopt;
    }
}

QJsonObject assignmentToJson(const algorithms::SearchSpace& space, const algorithms::Assignment& assignment)
{
    QJsonObject out;
    for (std::size_t i = 0; i < space.size() && i < assignment.size(); ++i) {
        if (!assignment[i])
            continue;
        const auto& p = space.params()[i];
        Value v = *assignment[i];
        // A float that happens to be integral is still a float parameter.
        if (p.type == algorithms::ParamType::Float)
            if (auto x = algorithms::numericValue(v))
                v = *x;
        out.insert(QString::fromStdString(p.name), toJson(v));
    }
    return out;
}

algorithms::Assignment assignmentFromJson(const algorithms::SearchSpace& space, const QJsonObject& json)
{
    algorithms::Assignment out(space.size());
    for (auto it = json.begin(); it != json.end(); ++it) {
        const auto index = space.indexOf(it.key().toStdString());
        if (!index)
            throw SpecError(QStringLiteral("params.%1: not a parameter of this experiment").arg(it.key()));
        auto value = valueFromJson(it.value());
        if (!value)
            throw SpecError(QStringLiteral("params.%1: expected a number, string or boolean").arg(it.key()));
        if (auto problem = space.checkValue(*index, *value))
            throw SpecError(QStringLiteral("params.") + QString::fromStdString(*problem));
        if (space.params()[*index].type == algorithms::ParamType::Int)
            value = static_cast<std::int64_t>(*algorithms::numericValue(*value));
        out[*index] = std::move(*value);
    }
    return out;
}

QString numberText(double value, bool keepFloat)
{
    if (std::isnan(value))
        return QStringLiteral("nan");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    char buf[64];
    const auto end = std::to_chars(buf, buf + sizeof buf, value).ptr;
    QString text = QString::fromLatin1(buf, static_cast<int>(end - buf));
    if (keepFloat && !text.contains(QLatin1Char('.')) && !text.contains(QLatin1Char('e')))
        text += QStringLiteral(".0");
    return text;
}

namespace {

void writeJson(QByteArray& out, const QJsonValue& v, const QString& key, bool floatHere, const FloatKeys& keepFloat, int depth,
               bool indented)
{
    const auto newline = [&](int level) {
        if (indented)
            out += '\n' + QByteArray(level * 2, ' ');
    };
    switch (v.type()) {
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (!std::isfinite(d))
            out += "null"; // JSON has no infinities
        else if (!floatHere && std::floor(d) == d && std::fabs(d) < 9.0e15)
            out += QByteArray::number(static_cast<qint64>(d));
        else
            out += numberText(d, true).toLatin1();
        return;
    }
    case QJsonValue::Array: {
        const QJsonArray a = v.toArray();
        out += '[';
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (i)
                out += ',';
            newline(depth + 1);
            writeJson(out, a[i], key, floatHere, keepFloat, depth + 1, indented);
        }
        if (!a.isEmpty())
            newline(depth);
        out += ']';
        return;
    }
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        out += '{';
        bool first = true;
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!first)
                out += ',';
            first = false;
            newline(depth + 1);
            writeJson(out, QJsonValue(it.key()), {}, false, keepFloat, depth + 1, indented);
            out += indented ? ": " : ":";
            writeJson(out, it.value(), it.key(), keepFloat(key, it.key()), keepFloat, depth + 1, indented);
        }
        if (!o.isEmpty())
            newline(depth);
        out += '}';
        return;
    }
    default: // strings, booleans and null as Qt writes them
        out += QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    }
}

} // namespace

QByteArray jsonText(const QJsonValue& value, const FloatKeys& keepFloat, bool indented)
{
    QByteArray out;
    writeJson(out, value, {}, false, keepFloat, 0, indented);
    return out + '\n';
}

QString compactJson(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString printable(const QString& text)
{
    return QString::fromStdString(algorithms::printable(text.toStdString()));
}

} // namespace tb::engine
