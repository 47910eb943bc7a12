#pragma once
// Conversions between the algorithms layer's values and Qt's JSON types.

#include "algorithms/space.h"

#include <QJsonObject>
#include <QJsonValue>

namespace tb::engine {

QJsonValue toJson(const algorithms::Value& value);

// Integral JSON numbers become int64 so that `4` stays `4` in arguments and exports.
std::optional<algorithms::Value> valueFromJson(const QJsonValue& json);

// Active parameters only, keyed by name.
QJsonObject assignmentToJson(const algorithms::SearchSpace& space, const algorithms::Assignment& assignment);

// Missing names are inactive; values are checked against the space. Throws SpecError.
algorithms::Assignment assignmentFromJson(const algorithms::SearchSpace& space, const QJsonObject& json);

QString compactJson(const QJsonObject& object);

// User text for a message: control characters as escapes (algorithms/text.h).
QString printable(const QString& text);

} // namespace tb::engine
