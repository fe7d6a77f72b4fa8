#pragma once
// Thin RAII over sqlite3 and sqlite3_stmt, internal to the content library.
// Every statement is prepared; values are bound, never spliced into SQL text.

#include "pavilion/content/expected.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pavilion::content::sqlite {

struct DatabaseCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using DatabasePtr = std::unique_ptr<sqlite3, DatabaseCloser>;

// An SQLite result code that means the file itself is bad (not a database, or damaged), as
// opposed to a full disk, a lock or a folder without write permission.
bool is_damage(int rc);

// What SQLite said, as content's error: corrupt when is_damage(rc), else io. The message is
// SQLite's own; callers say which file it is about.
Error failure(int rc, std::string message);

// A prepared statement. step() returns true while rows come; the first error is kept (later
// calls do nothing), not thrown, and read back with ok()/status() or result_code()/error().
class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind_blob(int index, const void* data, std::size_t size);
    Statement& bind_null(int index);

    bool step();     // true: a row is ready
    void run();      // step to completion (for writes)
    void reset();

    std::string text(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;
    bool is_null(int column) const;
    std::vector<std::uint8_t> blob(int column) const;

    bool ok() const { return rc_ == SQLITE_OK || rc_ == SQLITE_ROW || rc_ == SQLITE_DONE; }
    int result_code() const { return rc_; }
    const std::string& error() const { return error_; }
    Status status() const { return ok() ? core::ok() : failure(rc_, error_); }

private:
    void record(int rc);

    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    int rc_ = SQLITE_OK;
    std::string error_;
};

// Runs SQL text with no results (schema scripts, pragmas); a failure as failure() makes it.
Status exec(sqlite3* db, const char* sql);

} // namespace pavilion::content::sqlite
