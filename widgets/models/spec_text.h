#pragma once
// Text forms of JSON values shared by the editors, and one way to ask the spec parser
// whether a spec (or a bare search space) is acceptable.
//
// A "literal" is how a line edit shows a scalar: numbers in their shortest round-trip
// form, booleans as true/false, strings as typed — quoted only when the bare text would
// read back as something else ("1", "true", "" or text with outer spaces), so that
// literalValue(literalText(v)) == v for every string, number and boolean.

#include "engine/core/errors.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace tb::widgets {

QString numberText(double value);
QString literalText(const QJsonValue& value);
QJsonValue literalValue(const QString& text);

// Comma-separated literals (grid values); an empty text gives an empty array.
QString literalListText(const QJsonArray& values);
QJsonArray literalList(const QString& text);

// What the spec parser says: its message, empty when it accepts the input, and the place
// the message is about, for an editor to mark.
struct SpecCheck {
    QString message;
    engine::SpecPath path;

    bool ok() const { return message.isEmpty(); }
};

// tb::engine::parseSpec's verdict on `spec`.
SpecCheck checkSpec(const QJsonObject& spec, bool requireTrial = true);

// tb::engine::parseSpace's verdict on a space on its own.
SpecCheck checkSpace(const QJsonArray& space);

} // namespace tb::widgets
