#include "trial_events.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>

namespace tb::algorithms::events {

namespace {

// ---- reading: a small JSON reader, enough for one event object ----------------------

struct Json {
    enum class Type { Null, Bool, Number, String, Array, Object } type = Type::Null;
    double number = 0;
    std::string text;
    std::vector<Json> items;
    std::vector<std::pair<std::string, Json>> members; // in the order read

    const Json* get(std::string_view key) const
    {
        for (const auto& [k, v] : members)
            if (k == key)
                return &v;
        return nullptr;
    }
};

class Reader {
public:
    explicit Reader(std::string_view s) : m_s(s) {}

    std::optional<Json> document()
    {
        Json v;
        if (!value(v, 0))
            return std::nullopt;
        space();
        if (m_i != m_s.size())
            return std::nullopt;
        return v;
    }

private:
    static constexpr int kMaxDepth = 32; // events are shallow; a deep document is not one

    void space()
    {
        while (m_i < m_s.size() && (m_s[m_i] == ' ' || m_s[m_i] == '\t' || m_s[m_i] == '\n' || m_s[m_i] == '\r'))
            ++m_i;
    }
    bool eat(char c)
    {
        space();
        if (m_i < m_s.size() && m_s[m_i] == c) {
            ++m_i;
            return true;
        }
        return false;
    }
    bool literal(std::string_view word)
    {
        if (m_s.substr(m_i, word.size()) != word)
            return false;
        m_i += word.size();
        return true;
    }

    bool value(Json& out, int depth)
    {
        if (depth > kMaxDepth)
            return false;
        space();
        if (m_i >= m_s.size())
            return false;
        const char c = m_s[m_i];
        if (c == '{')
            return object(out, depth);
        if (c == '[')
            return array(out, depth);
        if (c == '"') {
            out.type = Json::Type::String;
            return string(out.text);
        }
        if (literal("true") || literal("false")) {
            out.type = Json::Type::Bool;
            out.number = c == 't';
            return true;
        }
        if (literal("null"))
            return true;
        return number(out);
    }

    bool object(Json& out, int depth)
    {
        out.type = Json::Type::Object;
        ++m_i;
        if (eat('}'))
            return true;
        do {
            space();
            std::string key;
            if (m_i >= m_s.size() || m_s[m_i] != '"' || !string(key) || !eat(':'))
                return false;
            Json v;
            if (!value(v, depth + 1))
                return false;
            out.members.emplace_back(std::move(key), std::move(v));
        } while (eat(','));
        return eat('}');
    }

    bool array(Json& out, int depth)
    {
        out.type = Json::Type::Array;
        ++m_i;
        if (eat(']'))
            return true;
        do {
            Json v;
            if (!value(v, depth + 1))
                return false;
            out.items.push_back(std::move(v));
        } while (eat(','));
        return eat(']');
    }

    bool number(Json& out)
    {
        const std::size_t start = m_i;
        if (m_i < m_s.size() && m_s[m_i] == '-')
            ++m_i;
        while (m_i < m_s.size() && std::string_view("0123456789.eE+-").find(m_s[m_i]) != std::string_view::npos)
            ++m_i;
        const char* first = m_s.data() + start;
        const char* last = m_s.data() + m_i;
        if (first == last)
            return false;
        const auto [ptr, ec] = std::from_chars(first, last, out.number);
        if (ec == std::errc::result_out_of_range) // overflow reads as +-inf, underflow as 0
            out.number = std::strtod(std::string(first, last).c_str(), nullptr);
        else if (ec != std::errc() || ptr != last)
            return false;
        out.type = Json::Type::Number;
        return true;
    }

    static void utf8(std::string& out, std::uint32_t cp)
    {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    bool hex4(std::uint32_t& cp)
    {
        if (m_s.size() - m_i < 4)
            return false;
        const auto [ptr, ec] = std::from_chars(m_s.data() + m_i, m_s.data() + m_i + 4, cp, 16);
        if (ec != std::errc() || ptr != m_s.data() + m_i + 4)
            return false;
        m_i += 4;
        return true;
    }

    bool string(std::string& out)
    {
        ++m_i; // the opening quote
        while (m_i < m_s.size()) {
            const char c = m_s[m_i++];
            if (c == '"')
                return true;
            if (static_cast<unsigned char>(c) < 0x20)
                return false;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_i >= m_s.size())
                return false;
            const char e = m_s[m_i++];
            switch (e) {
            case '"': case '\\': case '/': out += e; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                std::uint32_t cp = 0;
                if (!hex4(cp))
                    return false;
                if (cp >= 0xD800 && cp < 0xDC00) { // a surrogate pair
                    std::uint32_t low = 0;
                    if (m_s.substr(m_i, 2) != "\\u" || (m_i += 2, !hex4(low)) || low < 0xDC00 || low >= 0xE000)
                        return false;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                } else if (cp >= 0xDC00 && cp < 0xE000) {
                    return false;
                }
                utf8(out, cp);
                break;
            }
            default:
                return false;
            }
        }
        return false;
    }

    std::string_view m_s;
    std::size_t m_i = 0;
};

double numberOr(const Json& o, std::string_view key, double fallback)
{
    const Json* v = o.get(key);
    return v && v->type == Json::Type::Number ? v->number : fallback;
}

// A whole number that fits; the fallback for anything else (a hostile trial cannot make
// a cast overflow).
template <typename Int>
Int integerOr(const Json& o, std::string_view key, Int fallback)
{
    const double v = numberOr(o, key, std::numeric_limits<double>::quiet_NaN());
    const double limit = -static_cast<double>(std::numeric_limits<Int>::min()); // 2^31 or 2^63, exact
    if (!(v > -limit + 1 && v < limit - 1))
        return fallback;
    return static_cast<Int>(std::llround(v));
}

std::string textOr(const Json& o, std::string_view key)
{
    const Json* v = o.get(key);
    return v && v->type == Json::Type::String ? v->text : std::string();
}

// "nan", "inf", "infinity" with an optional sign, in any case.
std::optional<double> nonFinite(std::string_view text)
{
    double sign = 1;
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
        sign = text.front() == '-' ? -1 : 1;
        text.remove_prefix(1);
    }
    std::string lower(text);
    for (char& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "nan")
        return std::numeric_limits<double>::quiet_NaN();
    if (lower == "inf" || lower == "infinity")
        return sign * std::numeric_limits<double>::infinity();
    return std::nullopt;
}

Metrics readMetrics(const Json& o)
{
    Metrics m;
    if (const Json* step = o.get("step"); step && step->type == Json::Type::Number)
        m.step = stepOf(step->number);
    if (const Json* values = o.get("metrics"); values && values->type == Json::Type::Object)
        for (const auto& [name, v] : values->members) {
            if (v.type == Json::Type::Number)
                m.values.emplace_back(name, v.number);
            else if (v.type == Json::Type::String)
                if (const auto x = nonFinite(v.text))
                    m.values.emplace_back(name, *x);
        }
    return m;
}

Partition readPartition(const Json& o)
{
    Partition p;
    p.method = textOr(o, "method");
    p.schedule = textOr(o, "schedule");
    p.ranks = integerOr(o, "ranks", 0);
    p.microbatches = integerOr(o, "microbatches", -1);
    p.virtualStages = integerOr(o, "virtual_stages", 1);
    p.checkpoint = textOr(o, "checkpoint");
    p.replicas = integerOr(o, "replicas", 1);
    p.gradientReduction = textOr(o, "gradient_reduction");
    p.parameters = integerOr<std::int64_t>(o, "parameters", 0);
    if (const Json* stages = o.get("stages"); stages && stages->type == Json::Type::Array)
        for (const Json& s : stages->items) {
            PartitionStage stage;
            stage.stage = integerOr(s, "stage", -1);
            stage.rank = integerOr(s, "rank", -1);
            stage.device = textOr(s, "device");
            if (const Json* layers = s.get("layers"); layers && layers->type == Json::Type::Array)
                for (const Json& l : layers->items)
                    if (l.type == Json::Type::String)
                        stage.layers.push_back(l.text);
            stage.parameters = integerOr<std::int64_t>(s, "parameters", 0);
            p.stages.push_back(std::move(stage));
        }
    return p;
}

Memory readMemory(const Json& o)
{
    Memory m;
    m.stage = integerOr(o, "stage", -1);
    m.device = textOr(o, "device");
    m.peakBytes = integerOr<std::int64_t>(o, "peak_bytes", -1);
    m.stashBytes = integerOr<std::int64_t>(o, "stash_bytes", -1);
    m.peakMicrobatches = integerOr(o, "peak_microbatches", -1);
    m.source = textOr(o, "source");
    return m;
}

Span readSpan(const Json& o)
{
    Span s;
    s.step = integerOr<std::int64_t>(o, "step", -1);
    s.device = integerOr(o, "device", -1);
    s.stage = integerOr(o, "stage", -1);
    s.op = textOr(o, "op");
    s.microbatch = integerOr(o, "mb", -1);
    s.startUs = numberOr(o, "start_us", 0);
    s.endUs = numberOr(o, "end_us", 0);
    return s;
}

// ---- writing ------------------------------------------------------------------------

class Writer {
public:
    explicit Writer(std::string_view kind) { m_out = "{\"event\": " + quoted(kind); }

    Writer& text(std::string_view key, std::string_view value) { return raw(key, quoted(value)); }
    Writer& number(std::string_view key, double value) { return raw(key, value == std::floor(value) && std::fabs(value) < 1e15 ? integer(value) : numberText(value)); }
    Writer& integer(std::string_view key, std::int64_t value) { return raw(key, std::to_string(value)); }
    Writer& raw(std::string_view key, const std::string& json)
    {
        m_out += ", " + quoted(key) + ": " + json;
        return *this;
    }
    std::string done() { return m_out + "}"; }

    static std::string quoted(std::string_view text)
    {
        std::string out = "\"";
        for (const char c : text) {
            if (c == '"' || c == '\\') {
                out += '\\';
                out += c;
            } else if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                out += buf;
            } else {
                out += c;
            }
        }
        return out + "\"";
    }

private:
    static std::string integer(double v) { return std::to_string(static_cast<std::int64_t>(v)); }
    std::string m_out;
};

std::string metricValue(double v)
{
    return std::isfinite(v) ? numberText(v) : Writer::quoted(numberText(v));
}

} // namespace

std::optional<std::int64_t> stepOf(double value)
{
    if (!(value >= 0 && value <= 9007199254740992.0))
        return std::nullopt;
    return static_cast<std::int64_t>(std::llround(value));
}

std::string numberText(double value)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    char buf[32];
    const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, value);
    return std::string(buf, ec == std::errc() ? ptr : buf);
}

std::string_view kindOf(const Event& event)
{
    static constexpr std::string_view kinds[] = {"metrics", "partition", "memory", "span", "notice"};
    return kinds[event.index()];
}

std::string write(const Event& event)
{
    Writer w(kindOf(event));
    if (const auto* m = std::get_if<Metrics>(&event)) {
        if (m->step)
            w.integer("step", *m->step);
        std::string values = "{";
        for (const auto& [name, v] : m->values)
            values += (values.size() > 1 ? ", " : "") + Writer::quoted(name) + ": " + metricValue(v);
        w.raw("metrics", values + "}");
    } else if (const auto* p = std::get_if<Partition>(&event)) {
        w.text("method", p->method).text("schedule", p->schedule).integer("ranks", p->ranks);
        w.integer("microbatches", p->microbatches).integer("virtual_stages", p->virtualStages);
        w.text("checkpoint", p->checkpoint).integer("replicas", p->replicas);
        w.text("gradient_reduction", p->gradientReduction).integer("parameters", p->parameters);
        std::string stages = "[";
        for (const PartitionStage& s : p->stages) {
            std::string layers = "[";
            for (const std::string& l : s.layers)
                layers += (layers.size() > 1 ? ", " : "") + Writer::quoted(l);
            stages += (stages.size() > 1 ? ", " : "") + std::string("{\"stage\": ") + std::to_string(s.stage)
                + ", \"rank\": " + std::to_string(s.rank) + ", \"device\": " + Writer::quoted(s.device)
                + ", \"layers\": " + layers + "], \"parameters\": " + std::to_string(s.parameters) + "}";
        }
        w.raw("stages", stages + "]");
    } else if (const auto* m = std::get_if<Memory>(&event)) {
        w.integer("stage", m->stage).text("device", m->device).integer("peak_bytes", m->peakBytes);
        w.integer("stash_bytes", m->stashBytes).integer("peak_microbatches", m->peakMicrobatches).text("source", m->source);
    } else if (const auto* s = std::get_if<Span>(&event)) {
        w.integer("step", s->step).integer("device", s->device).integer("stage", s->stage).text("op", s->op);
        w.integer("mb", s->microbatch).number("start_us", s->startUs).number("end_us", s->endUs);
    } else if (const auto* n = std::get_if<Notice>(&event)) {
        w.text("text", n->text);
    }
    return w.done();
}

std::optional<Event> read(std::string_view body)
{
    const std::optional<Json> doc = Reader(body).document();
    if (!doc || doc->type != Json::Type::Object)
        return std::nullopt;
    const Json* kind = doc->get("event");
    const std::string name = kind && kind->type == Json::Type::String ? kind->text : std::string();
    if (name == "metrics" || (!kind && doc->get("metrics")))
        return readMetrics(*doc);
    if (name == "partition")
        return readPartition(*doc);
    if (name == "memory")
        return readMemory(*doc);
    if (name == "span")
        return readSpan(*doc);
    if (name == "notice")
        return Notice{textOr(*doc, "text")};
    return std::nullopt;
}

} // namespace tb::algorithms::events
