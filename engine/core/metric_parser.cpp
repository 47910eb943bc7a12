#include "metric_parser.h"

#include "store.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace tb::engine {

namespace {

bool isNameChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '|' || c == '-';
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Matches [+-]?\d*(\.\d+)?([Ee][+-]?\d+)? at `pos`; returns its length (maybe 0).
std::size_t matchNumber(std::string_view s, std::size_t pos)
{
    std::size_t i = pos;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        ++i;
    while (i < s.size() && isDigit(s[i]))
        ++i;
    if (i + 1 < s.size() && s[i] == '.' && isDigit(s[i + 1])) {
        i += 2;
        while (i < s.size() && isDigit(s[i]))
            ++i;
    }
    if (i + 1 < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < s.size() && (s[j] == '+' || s[j] == '-'))
            ++j;
        if (j < s.size() && isDigit(s[j])) {
            while (j < s.size() && isDigit(s[j]))
                ++j;
            i = j;
        }
    }
    return i - pos;
}

std::optional<double> toDouble(std::string_view text)
{
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    double value = 0;
    const auto res = std::from_chars(text.data(), text.data() + text.size(), value);
    if (res.ec == std::errc::result_out_of_range) // overflow reads as +-inf, underflow as 0
        return std::strtod(std::string(text).c_str(), nullptr);
    if (res.ec != std::errc() || res.ptr != text.data() + text.size())
        return std::nullopt;
    return value;
}

// The extension: nan / inf / infinity with an optional sign, not followed by a name char.
std::size_t matchNonFinite(std::string_view s, std::size_t pos, double& out)
{
    std::size_t i = pos;
    double sign = 1;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        sign = s[i++] == '-' ? -1 : 1;
    auto word = [&](std::string_view w) {
        if (s.size() - i < w.size())
            return false;
        for (std::size_t k = 0; k < w.size(); ++k)
            if (std::tolower(static_cast<unsigned char>(s[i + k])) != w[k])
                return false;
        return i + w.size() == s.size() || !isNameChar(s[i + w.size()]);
    };
    if (word("nan")) {
        out = std::numeric_limits<double>::quiet_NaN();
        return i + 3 - pos;
    }
    if (word("infinity")) {
        out = sign * std::numeric_limits<double>::infinity();
        return i + 8 - pos;
    }
    if (word("inf")) {
        out = sign * std::numeric_limits<double>::infinity();
        return i + 3 - pos;
    }
    return 0;
}

using algorithms::events::stepOf;

void parseEvent(std::string_view body, ParsedLine& out)
{
    std::optional<algorithms::events::Event> event = algorithms::events::read(body);
    if (!event)
        return;
    if (auto* metrics = std::get_if<algorithms::events::Metrics>(&*event)) {
        out.step = metrics->step;
        out.metrics = std::move(metrics->values);
        return;
    }
    out.event = std::move(event);
}

// step= (or epoch=) among a line's metrics gives the line its step.
void stepFromMetrics(ParsedLine& out)
{
    std::optional<double> stepValue, epochValue;
    for (const auto& [name, value] : out.metrics) {
        if (name == "step")
            stepValue = value;
        else if (name == "epoch")
            epochValue = value;
    }
    if (stepValue && std::isfinite(*stepValue))
        out.step = stepOf(*stepValue);
    else if (epochValue && std::isfinite(*epochValue))
        out.step = stepOf(*epochValue);
}

std::size_t skipSpaces(std::string_view s, std::size_t i)
{
    while (i < s.size() && isSpace(s[i]))
        ++i;
    return i;
}

// Past a quoted string starting at s[i] (its quote); npos when it does not end.
std::size_t skipString(std::string_view s, std::size_t i, std::string* text = nullptr)
{
    const char quote = s[i++];
    for (; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            if (text)
                *text += s[i + 1];
            ++i;
        } else if (s[i] == quote) {
            return i + 1;
        } else if (text) {
            *text += s[i];
        }
    }
    return std::string_view::npos;
}

// Past a nested object or list starting at s[i]; npos when it does not end.
std::size_t skipNested(std::string_view s, std::size_t i)
{
    int depth = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '"' || c == '\'') {
            i = skipString(s, i);
            if (i == std::string_view::npos)
                return i;
            continue;
        }
        if (c == '{' || c == '[' || c == '(')
            ++depth;
        else if ((c == '}' || c == ']' || c == ')') && --depth == 0)
            return i + 1;
        ++i;
    }
    return std::string_view::npos;
}

// A flat object of a line, as JSON writes it or as Python prints a dict (single quotes,
// True/False/None, bare nan and inf): its numeric members. Nested values and strings are
// passed over. Anything else is not a metrics line.
bool parseDictLine(std::string_view s, ParsedLine& out)
{
    std::size_t i = skipSpaces(s, 0);
    if (i >= s.size() || s[i] != '{')
        return false;
    std::vector<std::pair<std::string, double>> metrics;
    i = skipSpaces(s, i + 1);
    while (i < s.size() && s[i] != '}') {
        if (s[i] != '"' && s[i] != '\'')
            return false;
        std::string key;
        i = skipString(s, i, &key);
        if (i == std::string_view::npos)
            return false;
        i = skipSpaces(s, i);
        if (i >= s.size() || s[i] != ':')
            return false;
        i = skipSpaces(s, i + 1);
        if (i >= s.size())
            return false;
        if (s[i] == '"' || s[i] == '\'') {
            i = skipString(s, i);
        } else if (s[i] == '{' || s[i] == '[' || s[i] == '(') {
            i = skipNested(s, i);
        } else {
            double value = 0;
            std::size_t length = matchNumber(s, i);
            std::optional<double> number = length ? toDouble(s.substr(i, length)) : std::nullopt;
            if (!number && (length = matchNonFinite(s, i, value)))
                number = value;
            if (number) {
                metrics.emplace_back(std::move(key), *number);
                i += length;
            } else { // true, false, null, True, False, None
                const std::size_t start = i;
                while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i])))
                    ++i;
                if (i == start)
                    return false;
            }
        }
        if (i == std::string_view::npos)
            return false;
        i = skipSpaces(s, i);
        if (i < s.size() && s[i] == ',')
            i = skipSpaces(s, i + 1);
        else if (i >= s.size() || s[i] != '}')
            return false;
    }
    if (i >= s.size() || skipSpaces(s, i + 1) != s.size())
        return false;
    out.metrics = std::move(metrics);
    return true;
}

std::optional<double> valueText(const QString& text)
{
    const std::string t = text.trimmed().toStdString();
    if (t.empty())
        return std::nullopt;
    double v = 0;
    if (const std::size_t n = matchNumber(t, 0); n == t.size())
        if (auto d = toDouble(t))
            return d;
    if (matchNonFinite(t, 0, v) == t.size())
        return v;
    return std::nullopt;
}

void parseRegexLine(std::string_view line, const std::vector<QRegularExpression>& patterns, ParsedLine& out)
{
    const QString text = QString::fromUtf8(line.data(), static_cast<qsizetype>(line.size()));
    for (const QRegularExpression& pattern : patterns) {
        for (auto it = pattern.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            if (const QString step = m.captured(QStringLiteral("step")); !step.isEmpty())
                if (auto v = valueText(step); v && std::isfinite(*v))
                    out.step = stepOf(*v);
            const QString name = m.captured(QStringLiteral("name"));
            const auto value = valueText(m.captured(QStringLiteral("value")));
            if (!name.isEmpty() && value)
                out.metrics.emplace_back(name.toStdString(), *value);
        }
    }
    if (!out.step)
        stepFromMetrics(out);
}

} // namespace

std::vector<algorithms::events::Recorded> readEvents(const std::vector<EventRow>& rows)
{
    std::vector<algorithms::events::Recorded> out;
    out.reserve(rows.size());
    for (const EventRow& row : rows)
        if (auto event = algorithms::events::read(std::string_view(row.body.constData(), static_cast<std::size_t>(row.body.size()))))
            out.push_back({row.attempt, std::move(*event)});
    return out;
}

QString checkMetricPattern(const QRegularExpression& pattern)
{
    if (!pattern.isValid())
        return QStringLiteral("not a valid regular expression: %1 at character %2").arg(pattern.errorString()).arg(pattern.patternErrorOffset() + 1);
    const QStringList groups = pattern.namedCaptureGroups();
    for (const char* group : {"name", "value"})
        if (!groups.contains(QLatin1String(group)))
            return QStringLiteral("has no named group (?<%1>...); each pattern needs (?<name>...) and (?<value>...)").arg(QLatin1String(group));
    return {};
}

ParsedLine parseMetricLine(std::string_view line, const MetricFormat& format)
{
    ParsedLine out;
    if (line.substr(0, kEventPrefix.size()) == kEventPrefix) {
        parseEvent(line.substr(kEventPrefix.size()), out);
        return out;
    }
    if (format.kind == MetricFormat::Kind::JsonLines) {
        if (parseDictLine(line, out))
            stepFromMetrics(out);
        return out;
    }
    if (format.kind == MetricFormat::Kind::Regex) {
        parseRegexLine(line, format.patterns, out);
        return out;
    }

    std::optional<double> stepValue, epochValue;
    std::size_t consumed = 0; // regex matches never overlap: names start after the last match
    for (std::size_t eq = line.find('=', consumed); eq != std::string_view::npos; eq = line.find('=', consumed)) {
        std::size_t nameEnd = eq;
        while (nameEnd > consumed && isSpace(line[nameEnd - 1]))
            --nameEnd;
        std::size_t nameStart = nameEnd;
        while (nameStart > consumed && isNameChar(line[nameStart - 1]))
            --nameStart;
        if (nameStart == nameEnd) {
            consumed = eq + 1;
            continue;
        }
        std::size_t valueStart = eq + 1;
        while (valueStart < line.size() && isSpace(line[valueStart]))
            ++valueStart;
        const std::string_view name = line.substr(nameStart, nameEnd - nameStart);
        double value = 0;
        std::size_t length = matchNumber(line, valueStart);
        std::optional<double> parsed = length ? toDouble(line.substr(valueStart, length)) : std::nullopt;
        if (!parsed) {
            if (const std::size_t n = matchNonFinite(line, valueStart, value)) {
                length = n;
                parsed = value;
            }
        }
        consumed = valueStart + length;
        if (!parsed) {
            consumed = std::max(consumed, eq + 1);
            continue;
        }
        if (name == "step")
            stepValue = *parsed;
        else if (name == "epoch")
            epochValue = *parsed;
        out.metrics.emplace_back(std::string(name), *parsed);
    }
    if (stepValue && std::isfinite(*stepValue))
        out.step = stepOf(*stepValue);
    else if (epochValue && std::isfinite(*epochValue))
        out.step = stepOf(*epochValue);
    return out;
}

std::vector<std::string> LineSplitter::feed(const QByteArray& chunk)
{
    std::vector<std::string> lines;
    qsizetype start = 0;
    while (start < chunk.size()) {
        const qsizetype nl = chunk.indexOf('\n', start);
        const qsizetype end = nl < 0 ? chunk.size() : nl;
        if (!m_skipping) {
            const auto room = m_maxLine - m_partial.size();
            const auto take = std::min<std::size_t>(room, static_cast<std::size_t>(end - start));
            m_partial.append(chunk.constData() + start, take);
            if (take < static_cast<std::size_t>(end - start)) {
                lines.push_back(std::move(m_partial)); // cut at maxLine
                m_partial.clear();
                m_skipping = true;
            }
        }
        if (nl < 0)
            break;
        if (!m_skipping) {
            if (!m_partial.empty() && m_partial.back() == '\r')
                m_partial.pop_back();
            lines.push_back(std::move(m_partial));
        }
        m_partial.clear();
        m_skipping = false;
        start = nl + 1;
    }
    return lines;
}

std::optional<std::string> LineSplitter::flush()
{
    if (m_partial.empty() || m_skipping)
        return std::nullopt;
    std::string last = std::move(m_partial);
    m_partial.clear();
    return last;
}

} // namespace tb::engine
