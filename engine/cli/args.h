#pragma once
// What every tunebench-cli command shares: its own option parser (unknown options and
// missing values are bad input, exit 2), --help with every option and its text, printing,
// and the common options.

#include "engine/core/errors.h"

#include <QCommandLineParser>
#include <QStringList>

namespace tb::cli {

void out(const QString& text);
void outLine(const QString& text);
void err(const QString& text);

// Bad command-line input (exit 2), with the command's usage.
struct Usage : engine::SpecError {
    using engine::SpecError::SpecError;
};

class Args {
public:
    // `synopsis` is the command's one-line usage; `summary` one sentence on what it does.
    Args(const QString& command, const QStringList& args, const QList<QCommandLineOption>& options, int positionals,
         const QString& synopsis, const QString& summary = {});

    // --help was given: the caller prints helpText() and returns.
    bool help() const { return m_help; }
    QString usage() const;
    // The synopsis, the summary and every option with its text.
    QString helpText() const;

    QString positional(int i) const { return m_parser.positionalArguments().value(i); }
    bool isSet(const QString& name) const { return m_parser.isSet(name); }
    bool isSet(const QCommandLineOption& o) const { return m_parser.isSet(o); }
    QString value(const QString& name) const { return m_parser.value(name); }
    QString value(const QCommandLineOption& o) const { return m_parser.value(o); }
    QStringList values(const QString& name) const { return m_parser.values(name); }
    QString required(const QString& name) const;
    QString choice(const QString& name, const QStringList& allowed, const QString& fallback) const;

private:
    QCommandLineParser m_parser;
    QString m_command;
    QString m_synopsis;
    QString m_summary;
    bool m_help = false;
};

// To FILE when one is given (--output), else to stdout.
void writeOutput(const QString& path, const QByteArray& data);

const QCommandLineOption& dbOption();
const QCommandLineOption& experimentOption();

} // namespace tb::cli
