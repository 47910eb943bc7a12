#pragma once
// Inside the store only (store*.cpp): the prepared-statement wrapper its queries share.
// A query reads as its SQL, its values and how a row becomes a value:
//
//     return prepare(TB_TRIAL_SELECT "WHERE id = ?").bindAll(trialId).first(readTrial);
//
// Threading: as Store's; a Statement lives within one call of its Store.

#include "store.h"

#include <QByteArray>
#include <QString>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <sqlite3.h>
#include <type_traits>
#include <utility>
#include <vector>

namespace tb::engine {

// The columns of the row a statement stands on; row readers take one.
class SqlRow {
public:
    explicit SqlRow(sqlite3_stmt* stmt) : m_stmt(stmt) {}

    std::int64_t integer(int col) const { return sqlite3_column_int64(m_stmt, col); }
    double real(int col) const // NULL reads as NaN
    {
        return null(col) ? std::numeric_limits<double>::quiet_NaN() : sqlite3_column_double(m_stmt, col);
    }
    std::optional<double> optReal(int col) const
    {
        return null(col) ? std::nullopt : std::optional<double>(sqlite3_column_double(m_stmt, col));
    }
    std::optional<std::int64_t> optInt64(int col) const
    {
        return null(col) ? std::nullopt : std::optional<std::int64_t>(sqlite3_column_int64(m_stmt, col));
    }
    std::optional<int> optInt(int col) const
    {
        return null(col) ? std::nullopt : std::optional<int>(sqlite3_column_int(m_stmt, col));
    }
    QByteArray bytes(int col) const
    {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
        return QByteArray(p ? p : "", sqlite3_column_bytes(m_stmt, col));
    }
    QString text(int col) const { return QString::fromUtf8(bytes(col)); }

    // Columns 0, 1, ... into `out...` in order, each read as its type asks: int64, int and
    // bool by integer(), double by real() (NULL: NaN), optionals by optReal/optInt64/optInt,
    // QByteArray by bytes(), QString by text(); a column read into `skip` is passed over.
    struct Skip {};
    static constexpr Skip skip{};
    template <class... Out> void into(Out&... out) const
    {
        int col = 0;
        (read(col++, out), ...);
    }

protected:
    void read(int col, std::int64_t& v) const { v = integer(col); }
    void read(int col, int& v) const { v = static_cast<int>(integer(col)); }
    void read(int col, bool& v) const { v = integer(col) != 0; }
    void read(int col, double& v) const { v = real(col); }
    void read(int col, std::optional<double>& v) const { v = optReal(col); }
    void read(int col, std::optional<std::int64_t>& v) const { v = optInt64(col); }
    void read(int col, std::optional<int>& v) const { v = optInt(col); }
    void read(int col, QByteArray& v) const { v = bytes(col); }
    void read(int col, QString& v) const { v = text(col); }
    void read(int, const Skip&) const {}
    bool null(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }
    sqlite3_stmt* m_stmt;
};

// A cached prepared statement (Store::prepare); reset, and its bindings cleared, when the
// handle goes away.
class Store::Statement : public SqlRow {
public:
    Statement(Store& store, sqlite3_stmt* stmt) : SqlRow(stmt), m_store(store) {}
    ~Statement()
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int i, std::int64_t v) { return check(sqlite3_bind_int64(m_stmt, i, v)); }
    Statement& bind(int i, int v) { return check(sqlite3_bind_int64(m_stmt, i, v)); }
    Statement& bind(int i, double v) // NaN is stored as NULL
    {
        return check(std::isnan(v) ? sqlite3_bind_null(m_stmt, i) : sqlite3_bind_double(m_stmt, i, v));
    }
    Statement& bind(int i, std::optional<double> v) { return v ? bind(i, *v) : check(sqlite3_bind_null(m_stmt, i)); }
    Statement& bind(int i, std::optional<int> v) { return v ? bind(i, *v) : check(sqlite3_bind_null(m_stmt, i)); }
    Statement& bind(int i, std::optional<std::int64_t> v) { return v ? bind(i, *v) : check(sqlite3_bind_null(m_stmt, i)); }
    Statement& bind(int i, const QByteArray& v)
    {
        return check(sqlite3_bind_text(m_stmt, i, v.constData(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
    }
    Statement& bind(int i, const QString& v) { return bind(i, v.toUtf8()); }

    // Binds the values to parameters 1, 2, ... in order (?1, ?2, ... or plain ?s).
    template <class... Values> Statement& bindAll(const Values&... values)
    {
        int i = 0;
        (bind(++i, values), ...);
        return *this;
    }

    // True while rows come; throws on errors.
    bool step()
    {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE)
            return false;
        m_store.fail(QStringLiteral("query failed"));
    }
    void run() { step(); }

    // Calls `use(row)` for every row.
    template <class Use> void forEachRow(Use&& use)
    {
        while (step())
            use(static_cast<const SqlRow&>(*this));
    }
    // Every row, each made a value by `read(row)`.
    template <class Read> auto all(Read&& read) -> std::vector<std::invoke_result_t<Read&, const SqlRow&>>
    {
        std::vector<std::invoke_result_t<Read&, const SqlRow&>> out;
        forEachRow([&](const SqlRow& row) { out.push_back(read(row)); });
        return out;
    }
    // The first row made a value by `read(row)`; none without rows.
    template <class Read> auto first(Read&& read) -> std::optional<std::invoke_result_t<Read&, const SqlRow&>>
    {
        if (!step())
            return std::nullopt;
        return read(static_cast<const SqlRow&>(*this));
    }
    // The first row's first column as an integer (a count, a flag); 0 without rows.
    std::int64_t scalar() { return step() ? integer(0) : 0; }

private:
    Statement& check(int rc)
    {
        if (rc != SQLITE_OK)
            m_store.fail(QStringLiteral("binding a value failed"));
        return *this;
    }
    Store& m_store;
};

} // namespace tb::engine
