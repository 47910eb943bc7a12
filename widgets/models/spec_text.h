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

// For a valid spec whose sampler is `auto` (the default): what auto will do with its space,
// in the window's language, one line per switch ("Trials 1-10: sobol (Sobol start: ...)",
// "From trial 11: gp (...)"). Empty for another sampler or a spec the parser refuses.
QStringList autoPlanText(const QJsonObject& spec);

// tb::engine::parseSpace's verdict on a space on its own.
SpecCheck checkSpace(const QJsonArray& space);

} // namespace tb::widgets
