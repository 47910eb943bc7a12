#include "tensorboard.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <array>
#include <cstring>
#include <optional>

namespace tb::engine {

namespace {

// Protobuf wire format: varints, fixed 32/64-bit little-endian values, length-delimited bytes.
class Wire {
public:
    explicit Wire(std::string_view bytes) : m_p(bytes.data()), m_end(bytes.data() + bytes.size()) {}

    bool done() const { return m_p >= m_end || !m_ok; }
    bool ok() const { return m_ok; }

    std::uint64_t varint()
    {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64 && m_p < m_end; shift += 7) {
            const auto byte = static_cast<std::uint8_t>(*m_p++);
            v |= std::uint64_t(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return v;
        }
        m_ok = false;
        return 0;
    }
    std::uint64_t fixed(int size)
    {
        if (m_end - m_p < size) {
            m_ok = false;
            return 0;
        }
        std::uint64_t v = 0;
        for (int i = 0; i < size; ++i)
            v |= std::uint64_t(static_cast<std::uint8_t>(m_p[i])) << (8 * i);
        m_p += size;
        return v;
    }
    std::string_view bytes()
    {
        const std::uint64_t n = varint();
        if (!m_ok || n > std::uint64_t(m_end - m_p)) {
            m_ok = false;
            return {};
        }
        const std::string_view out(m_p, n);
        m_p += n;
        return out;
    }
    void skip(int wireType)
    {
        switch (wireType) {
        case 0: varint(); break;
        case 1: fixed(8); break;
        case 2: bytes(); break;
        case 5: fixed(4); break;
        default: m_ok = false; // groups (3, 4) are not in these messages
        }
    }

private:
    const char* m_p;
    const char* m_end;
    bool m_ok = true;
};

double asFloat(std::uint64_t bits)
{
    const auto b = static_cast<std::uint32_t>(bits);
    float f;
    std::memcpy(&f, &b, sizeof f);
    return f;
}

double asDouble(std::uint64_t bits)
{
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}

// TensorProto: dtype 1 (DT_FLOAT = 1, DT_DOUBLE = 2), tensor_content 4, float_val 5,
// double_val 6. The first number of a float or double tensor.
std::optional<double> tensorScalar(std::string_view bytes)
{
    Wire w(bytes);
    std::uint64_t dtype = 0;
    std::string_view content;
    std::optional<double> first;
    while (!w.done()) {
        const std::uint64_t key = w.varint();
        const int field = static_cast<int>(key >> 3), type = static_cast<int>(key & 7);
        if (field == 1 && type == 0) {
            dtype = w.varint();
        } else if (field == 4 && type == 2) {
            content = w.bytes();
        } else if ((field == 5 || field == 6) && type == 2) { // packed
            Wire packed(w.bytes());
            if (!first && !packed.done())
                first = field == 5 ? asFloat(packed.fixed(4)) : asDouble(packed.fixed(8));
        } else if (field == 5 && type == 5) {
            const double v = asFloat(w.fixed(4));
            first = first.value_or(v);
        } else if (field == 6 && type == 1) {
            const double v = asDouble(w.fixed(8));
            first = first.value_or(v);
        } else {
            w.skip(type);
        }
    }
    if (!w.ok())
        return std::nullopt;
    if (first)
        return first;
    if (dtype == 1 && content.size() >= 4)
        return asFloat(Wire(content).fixed(4));
    if (dtype == 2 && content.size() >= 8)
        return asDouble(Wire(content).fixed(8));
    return std::nullopt;
}

// Summary.Value: tag 1, simple_value 2 (float), tensor 8.
std::optional<std::pair<std::string, double>> summaryValue(std::string_view bytes)
{
    Wire w(bytes);
    std::string tag;
    std::optional<double> value;
    while (!w.done()) {
        const std::uint64_t key = w.varint();
        const int field = static_cast<int>(key >> 3), type = static_cast<int>(key & 7);
        if (field == 1 && type == 2)
            tag = std::string(w.bytes());
        else if (field == 2 && type == 5)
            value = asFloat(w.fixed(4));
        else if (field == 8 && type == 2)
            value = value ? value : tensorScalar(w.bytes());
        else
            w.skip(type);
    }
    if (!w.ok() || tag.empty() || !value)
        return std::nullopt;
    return std::make_pair(tag, *value);
}

std::array<std::uint32_t, 256> crcTable()
{
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0x82f63b78u ^ (c >> 1) : c >> 1; // CRC-32C (Castagnoli), reflected
        t[i] = c;
    }
    return t;
}

std::uint32_t readLe32(const char* p)
{
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
        v |= std::uint32_t(static_cast<std::uint8_t>(p[i])) << (8 * i);
    return v;
}

} // namespace

std::uint32_t maskedCrc32c(std::string_view bytes)
{
    static const std::array<std::uint32_t, 256> table = crcTable();
    std::uint32_t c = 0xffffffffu;
    for (char ch : bytes)
        c = table[(c ^ static_cast<std::uint8_t>(ch)) & 0xff] ^ (c >> 8);
    c ^= 0xffffffffu;
    return ((c >> 15) | (c << 17)) + 0xa282ead8u;
}

std::vector<ScalarEvent> decodeEvent(std::string_view bytes)
{
    // Event: wall_time 1 (double), step 2 (int64), summary 5; Summary: value 1 (repeated).
    Wire w(bytes);
    double wallTime = 0;
    std::int64_t step = 0;
    std::vector<std::pair<std::string, double>> values;
    while (!w.done()) {
        const std::uint64_t key = w.varint();
        const int field = static_cast<int>(key >> 3), type = static_cast<int>(key & 7);
        if (field == 1 && type == 1) {
            wallTime = asDouble(w.fixed(8));
        } else if (field == 2 && type == 0) {
            step = static_cast<std::int64_t>(w.varint());
        } else if (field == 5 && type == 2) {
            Wire summary(w.bytes());
            while (!summary.done()) {
                const std::uint64_t k = summary.varint();
                if ((k >> 3) == 1 && (k & 7) == 2) {
                    if (auto v = summaryValue(summary.bytes()))
                        values.push_back(std::move(*v));
                } else {
                    summary.skip(static_cast<int>(k & 7));
                }
            }
        } else {
            w.skip(type);
        }
    }
    std::vector<ScalarEvent> out;
    if (!w.ok())
        return out;
    for (auto& [tag, value] : values)
        out.push_back({std::move(tag), step, value, wallTime});
    return out;
}

TensorBoardReader::TensorBoardReader(QString folder) : m_folder(std::move(folder))
{
    for (const QString& f : files())
        m_offsets[f] = QFileInfo(f).size();
}

QStringList TensorBoardReader::files() const
{
    QStringList out;
    QDirIterator it(m_folder, {QStringLiteral("events.out.tfevents.*")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next();
    out.sort();
    return out;
}

std::vector<ScalarEvent> TensorBoardReader::poll()
{
    std::vector<ScalarEvent> out;
    for (const QString& path : files()) {
        if (m_broken[path])
            continue;
        qint64& offset = m_offsets[path];
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly) || f.size() <= offset || !f.seek(offset))
            continue;
        const QByteArray data = f.readAll();
        qsizetype at = 0;
        // Record: uint64 length, uint32 masked crc of the length, data, uint32 masked crc of the data.
        while (data.size() - at >= 12) {
            const char* p = data.constData() + at;
            const std::uint64_t length = std::uint64_t(readLe32(p)) | (std::uint64_t(readLe32(p + 4)) << 32);
            if (readLe32(p + 8) != maskedCrc32c(std::string_view(p, 8))) {
                m_broken[path] = true; // not a record boundary: the file is not what we think
                break;
            }
            if (std::uint64_t(data.size() - at) < 16 + length)
                break; // still being written
            const std::string_view record(p + 12, length);
            if (readLe32(p + 12 + length) != maskedCrc32c(record)) {
                m_broken[path] = true;
                break;
            }
            for (ScalarEvent& e : decodeEvent(record))
                out.push_back(std::move(e));
            at += static_cast<qsizetype>(16 + length);
        }
        offset += at;
    }
    return out;
}

} // namespace tb::engine
