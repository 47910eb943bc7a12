#pragma once
// What data commands print, in the form asked for with --format (docs/cli.md):
//   json   one JSON document (numbers exactly as stored)
//   yaml   the same tree as YAML (strings quoted, so "yes" and "1e-3" stay strings)
//   csv    RFC 4180 rows: the array of objects in the data (or the object itself as one
//          row), nested objects flattened to dotted columns (counts.completed)
//   table  the same rows as aligned columns, for reading

#include "engine/core/json.h"

#include <QCommandLineOption>
#include <QJsonValue>
#include <QStringList>

namespace tb::cli {

class Args;

inline const QStringList kDataFormats{QStringLiteral("json"), QStringLiteral("yaml"), QStringLiteral("csv"), QStringLiteral("table")};

// `first`: columns (csv, table) that lead, in this order; the others follow by name.
QByteArray render(const QJsonValue& data, const QString& format, const engine::FloatKeys& floats = {}, const QStringList& first = {});

// The --format of a command whose default is `fallback`; --json (kept for scripts that
// use it) means --format json.
QString outputFormat(const Args& args, const QStringList& allowed, const QString& fallback);

// --format FORMAT, its text listing `formats` (the first is the default); --json.
QCommandLineOption formatOption(const QStringList& formats);
const QCommandLineOption& jsonOption();

} // namespace tb::cli
