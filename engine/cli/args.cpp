#include "args.h"

#include <QFile>
#include <cstdio>

namespace tb::cli {

void out(const QString& text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

void outLine(const QString& text) { out(text + QLatin1Char('\n')); }
void err(const QString& text) { std::fputs((text + QLatin1Char('\n')).toUtf8().constData(), stderr); }

Args::Args(const QString& command, const QStringList& args, const QList<QCommandLineOption>& options, int positionals,
           const QString& synopsis, const QString& summary)
    : m_command(command), m_synopsis(synopsis), m_summary(summary)
{
    m_parser.addOptions(options);
    m_parser.addOption(QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")));
    if (!m_parser.parse(QStringList{QStringLiteral("tunebench-cli")} + args))
        throw Usage(m_parser.errorText() + QStringLiteral("\n") + usage());
    if (m_parser.isSet(QStringLiteral("help")))
        m_help = true;
    if (!m_help && m_parser.positionalArguments().size() != positionals)
        throw Usage(QStringLiteral("%1 takes %2 argument(s), got %3\n%4")
                        .arg(command)
                        .arg(positionals)
                        .arg(m_parser.positionalArguments().size())
                        .arg(usage()));
}

QString Args::usage() const
{
    return QStringLiteral("usage: tunebench-cli ") + m_synopsis;
}

QString Args::helpText() const
{
    // QCommandLineParser's own text lists the options with their descriptions; its first
    // lines (usage with the program's name) are replaced by the command's synopsis.
    QString options = m_parser.helpText();
    const qsizetype at = options.indexOf(QStringLiteral("Options:"));
    options = at >= 0 ? options.mid(at) : options;
    return usage() + (m_summary.isEmpty() ? QString() : QStringLiteral("\n\n") + m_summary) + QStringLiteral("\n\n") + options.trimmed();
}

QString Args::required(const QString& name) const
{
    if (!m_parser.isSet(name) || m_parser.value(name).isEmpty())
        throw Usage(QStringLiteral("%1: --%2 is required\n%3").arg(m_command, name, usage()));
    return m_parser.value(name);
}

QString Args::choice(const QString& name, const QStringList& allowed, const QString& fallback) const
{
    const QString v = m_parser.isSet(name) ? m_parser.value(name) : fallback;
    if (!allowed.contains(v))
        throw Usage(QStringLiteral("--%1: expected one of %2, got '%3'").arg(name, allowed.join(QStringLiteral("|")), v));
    return v;
}

void writeOutput(const QString& path, const QByteArray& data)
{
    if (path.isEmpty()) {
        out(QString::fromUtf8(data));
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size())
        throw engine::RuntimeError(path + QStringLiteral(": cannot write: ") + file.errorString());
}

const QCommandLineOption& dbOption()
{
    static const QCommandLineOption o(QStringLiteral("db"), QStringLiteral("The SQLite store."), QStringLiteral("FILE"));
    return o;
}

const QCommandLineOption& experimentOption()
{
    static const QCommandLineOption o(QStringLiteral("experiment"), QStringLiteral("Experiment name (default: the newest)."), QStringLiteral("NAME"));
    return o;
}

} // namespace tb::cli
