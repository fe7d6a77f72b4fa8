#include "sqlite_db.hpp"

namespace pavilion::content::sqlite {

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    record(sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr));
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::record(int rc) {
    // Keep the first failure: later calls on a failed statement must not hide its cause.
    if (!ok()) return;
    rc_ = rc;
    if (!ok()) error_ = sqlite3_errmsg(db_);
}

Statement& Statement::bind(int index, std::string_view text) {
    if (stmt_ && ok())
        record(sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                                 SQLITE_TRANSIENT));
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (stmt_ && ok()) record(sqlite3_bind_int64(stmt_, index, value));
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (stmt_ && ok()) record(sqlite3_bind_double(stmt_, index, value));
    return *this;
}

Statement& Statement::bind_blob(int index, const void* data, std::size_t size) {
    // An empty vector's data() may be null, which SQLite would bind as NULL, not as an empty blob
    // (a base map without borders has none).
    if (stmt_ && ok())
        record(size == 0 ? sqlite3_bind_zeroblob(stmt_, index, 0)
                         : sqlite3_bind_blob64(stmt_, index, data, size, SQLITE_TRANSIENT));
    return *this;
}

Statement& Statement::bind_null(int index) {
    if (stmt_ && ok()) record(sqlite3_bind_null(stmt_, index));
    return *this;
}

bool Statement::step() {
    if (!stmt_ || !ok()) return false;
    const int rc = sqlite3_step(stmt_);
    record(rc);
    return rc == SQLITE_ROW;
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    if (!stmt_) return;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    if (rc_ == SQLITE_ROW || rc_ == SQLITE_DONE) rc_ = SQLITE_OK;
}

std::string Statement::text(int column) const {
    const auto* bytes = sqlite3_column_text(stmt_, column);
    const int size = sqlite3_column_bytes(stmt_, column);
    return bytes ? std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size))
                 : std::string();
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

bool Statement::is_null(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::vector<std::uint8_t> Statement::blob(int column) const {
    const auto* bytes = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, column));
    const int size = sqlite3_column_bytes(stmt_, column);
    if (!bytes || size <= 0) return {};
    return std::vector<std::uint8_t>(bytes, bytes + size);
}

bool is_damage(int rc) {
    const int primary = rc & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB || primary == SQLITE_FORMAT;
}

Error failure(int rc, std::string message) {
    return make_error(is_damage(rc) ? ErrorCode::corrupt : ErrorCode::io, std::move(message));
}

Status exec(sqlite3* db, const char* sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    if (rc == SQLITE_OK) return ok();
    Error error = failure(rc, message ? message : sqlite3_errstr(rc));
    sqlite3_free(message);
    return error;
}

} // namespace pavilion::content::sqlite
