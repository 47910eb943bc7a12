#include "output.h"

#include "args.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <yaml-cpp/yaml.h>

namespace tb::cli {

namespace {

bool keepsFloat(const engine::FloatKeys& floats, const QString& parent, const QString& key)
{
    return floats && floats(parent, key);
}

QString scalarText(const QJsonValue& v, bool isFloat)
{
    switch (v.type()) {
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (!isFloat && std::floor(d) == d && std::fabs(d) < 9e15)
            return QString::number(static_cast<qint64>(d));
        return engine::numberText(d, true);
    }
    case QJsonValue::String: return v.toString();
    case QJsonValue::Array: return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object: return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    default: return QString();
    }
}

void emitYaml(YAML::Emitter& yaml, const QJsonValue& v, const QString& key, bool isFloat, const engine::FloatKeys& floats)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        yaml << YAML::BeginMap;
        for (auto it = o.begin(); it != o.end(); ++it) {
            yaml << YAML::Key << it.key().toStdString() << YAML::Value;
            emitYaml(yaml, it.value(), it.key(), keepsFloat(floats, key, it.key()), floats);
        }
        yaml << YAML::EndMap;
    } else if (v.isArray()) {
        yaml << YAML::BeginSeq;
        for (const QJsonValue& e : v.toArray())
            emitYaml(yaml, e, key, isFloat, floats);
        yaml << YAML::EndSeq;
    } else if (v.isString()) {
        yaml << YAML::DoubleQuoted << v.toString().toStdString();
    } else if (v.isNull() || v.isUndefined()) {
        yaml << YAML::Null;
    } else {
        yaml << scalarText(v, isFloat).toStdString();
    }
}

// Flattens an object into dotted columns.
void flatten(const QJsonObject& o, const QString& prefix, const QString& parent, const engine::FloatKeys& floats,
             QList<QPair<QString, QString>>& cells)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.value().isObject())
            flatten(it.value().toObject(), prefix + it.key() + QLatin1Char('.'), it.key(), floats, cells);
        else
            cells.append({prefix + it.key(), scalarText(it.value(), keepsFloat(floats, parent, it.key()))});
    }
}

// The rows a data tree shows as: its array of objects (at the top or as the one array
// member of the top object), else the top object as one row.
QList<QList<QPair<QString, QString>>> rowsOf(const QJsonValue& data, const engine::FloatKeys& floats)
{
    QJsonArray rows;
    QString parent;
    if (data.isArray()) {
        rows = data.toArray();
    } else {
        const QJsonObject o = data.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (it.value().isArray() && !it.value().toArray().isEmpty() && it.value().toArray().first().isObject()) {
                rows = it.value().toArray();
                parent = it.key();
                break;
            }
        if (rows.isEmpty() && parent.isEmpty())
            rows.append(o);
    }
    QList<QList<QPair<QString, QString>>> out;
    for (const QJsonValue& r : rows) {
        QList<QPair<QString, QString>> cells;
        flatten(r.toObject(), QString(), parent, floats, cells);
        out.append(cells);
    }
    return out;
}

QString csvField(QString s)
{
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')) || s.contains(QLatin1Char('\r')))
        return QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return s;
}

} // namespace

QByteArray render(const QJsonValue& data, const QString& format, const engine::FloatKeys& floats, const QStringList& first)
{
    if (format == QLatin1String("json"))
        return engine::jsonText(data, floats ? floats : engine::FloatKeys([](const QString&, const QString&) { return false; }), false);
    if (format == QLatin1String("yaml")) {
        YAML::Emitter yaml;
        emitYaml(yaml, data, QString(), false, floats);
        return QByteArray(yaml.c_str()) + '\n';
    }
    const auto rows = rowsOf(data, floats);
    QStringList columns;
    for (const auto& row : rows)
        for (const auto& cell : row)
            if (!columns.contains(cell.first))
                columns << cell.first;
    std::stable_sort(columns.begin(), columns.end(), [&](const QString& x, const QString& y) {
        const auto rank = [&](const QString& c) {
            for (qsizetype i = 0; i < first.size(); ++i)
                if (c == first[i] || c.startsWith(first[i] + QLatin1Char('.')))
                    return i;
            return first.size();
        };
        return rank(x) < rank(y);
    });
    QList<QStringList> table;
    for (const auto& row : rows) {
        QStringList line;
        for (const QString& c : columns) {
            QString v;
            for (const auto& cell : row)
                if (cell.first == c)
                    v = cell.second;
            line << v;
        }
        table << line;
    }
    QByteArray out;
    if (format == QLatin1String("csv")) {
        QStringList header;
        for (const QString& c : columns)
            header << csvField(c);
        out += header.join(QLatin1Char(',')).toUtf8() + '\n';
        for (QStringList line : table) {
            for (QString& v : line)
                v = csvField(v);
            out += line.join(QLatin1Char(',')).toUtf8() + '\n';
        }
        return out;
    }
    // table: aligned columns, line breaks in values shown as spaces
    QList<qsizetype> width;
    for (const QString& c : columns)
        width << c.size();
    for (QStringList& line : table)
        for (qsizetype i = 0; i < line.size(); ++i) {
            line[i].replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\r'), QLatin1Char(' '));
            width[i] = std::max(width[i], line[i].size());
        }
    auto emitLine = [&](const QStringList& cells) {
        QString text;
        for (qsizetype i = 0; i < cells.size(); ++i)
            text += (i ? QStringLiteral("  ") : QString()) + cells[i].leftJustified(width[i]);
        out += text.trimmed().toUtf8() + '\n';
    };
    emitLine(columns);
    for (const QStringList& line : table)
        emitLine(line);
    return out;
}

QCommandLineOption formatOption(const QStringList& formats)
{
    return QCommandLineOption(QStringLiteral("format"), QStringLiteral("Output: %1 (default %2).").arg(formats.join(QStringLiteral(", ")), formats.first()),
                              QStringLiteral("FORMAT"));
}

const QCommandLineOption& jsonOption()
{
    static const QCommandLineOption o(QStringLiteral("json"), QStringLiteral("The same as --format json (kept for scripts)."));
    return o;
}

QString outputFormat(const Args& args, const QStringList& allowed, const QString& fallback)
{
    if (args.isSet(QStringLiteral("json"))) {
        if (args.isSet(QStringLiteral("format")) && args.value(QStringLiteral("format")) != QLatin1String("json"))
            throw Usage(QStringLiteral("--json is --format json; give one of them"));
        return QStringLiteral("json");
    }
    return args.choice(QStringLiteral("format"), allowed, fallback);
}

} // namespace tb::cli
