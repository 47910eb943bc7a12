#pragma once
// Conversions between the algorithms layer's values and Qt's JSON types.

#include "algorithms/space.h"

#include <QJsonObject>
#include <QJsonValue>
#include <functional>

namespace tb::engine {

QJsonValue toJson(const algorithms::Value& value);

// Integral JSON numbers become int64 so that `4` stays `4` in arguments and exports.
std::optional<algorithms::Value> valueFromJson(const QJsonValue& json);

// Active parameters only, keyed by name.
QJsonObject assignmentToJson(const algorithms::SearchSpace& space, const algorithms::Assignment& assignment);

// Missing names are inactive; values are checked against the space. Throws SpecError.
algorithms::Assignment assignmentFromJson(const algorithms::SearchSpace& space, const QJsonObject& json);

QString compactJson(const QJsonObject& object);

// The shortest text that reads back as the same double (0.1, not 0.10000000000000001);
// `keepFloat` writes an integral one as 2.0, so that YAML, JSON and Python read a float.
// Non-finite values: "inf", "-inf", "nan".
QString numberText(double value, bool keepFloat);

// JSON text like QJsonDocument's, with every number in numberText's form: integral numbers
// as integers, except where `keepFloat(parent, key)` says that member `key` of an object
// that is itself member `parent` (empty at the top and in arrays' parents) holds a float.
using FloatKeys = std::function<bool(const QString& parent, const QString& key)>;
QByteArray jsonText(const QJsonValue& value, const FloatKeys& keepFloat, bool indented);

// User text for a message: control characters as escapes (algorithms/text.h).
QString printable(const QString& text);

} // namespace tb::engine
