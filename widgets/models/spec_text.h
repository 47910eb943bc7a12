#pragma once
// Text forms of JSON values shared by the editors, and one way to ask the spec parser
// whether a spec (or a bare search space) is acceptable.
//
// A "literal" is how a line edit shows a scalar: numbers in their shortest round-trip
// form, booleans as true/false, strings as typed — quoted only when the bare text would
// read back as something else ("1", "true", "" or text with outer spaces), so that
// literalValue(literalText(v)) == v for every string, number and boolean.

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

// The parser's message for `spec`, or an empty string when tb::engine::parseSpec accepts it.
QString specError(const QJsonObject& spec, bool requireTrial = true);

// The parser's message for a space on its own (wrapped in a minimal spec), or empty.
QString spaceError(const QJsonArray& space);

// The parameter a message is about ("space[3] 'lr': ..." -> 3), or -1.
int errorParamIndex(const QString& message);

} // namespace tb::widgets
