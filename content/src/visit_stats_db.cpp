#include "visit_stats_db.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <utility>

namespace pavilion::content::stats_db {
namespace {

constexpr std::int64_t kApplicationId = 0x50565354; // "PVST"; packs are "PVLN"
constexpr std::int64_t kFormat = 1;                  // user_version

// Counters per (day, key) and nothing else. WITHOUT ROWID: the primary key is the only index a
// lookup or an upsert needs, and the rows are tiny.
const char* const kSchema = R"sql(
BEGIN;
CREATE TABLE screen_views (
    day    INTEGER NOT NULL,  -- days since 1970-01-01, kiosk local time
    screen TEXT    NOT NULL,  -- screen kind: home, story, map, ...
    views  INTEGER NOT NULL,
    PRIMARY KEY (day, screen)
) WITHOUT ROWID;
CREATE TABLE item_opens (
    day      INTEGER NOT NULL,
    item     TEXT    NOT NULL,  -- item ref: story/china-laos-railway
    opens    INTEGER NOT NULL,
    dwell_ms INTEGER NOT NULL,  -- summed over the day's opens
    PRIMARY KEY (day, item)
) WITHOUT ROWID;
CREATE TABLE sessions (
    day      INTEGER NOT NULL,
    locale   TEXT    NOT NULL,  -- the session's language: en, zh
    sessions INTEGER NOT NULL,
    PRIMARY KEY (day, locale)
) WITHOUT ROWID;
PRAGMA application_id = 1347834708;
PRAGMA user_version = 1;
COMMIT;
)sql";

// Every table with the columns the code reads and writes; a file that lacks one is not ours.
const char* const kShapeProbes[] = {
    "SELECT day, screen, views FROM screen_views LIMIT 0",
    "SELECT day, item, opens, dwell_ms FROM item_opens LIMIT 0",
    "SELECT day, locale, sessions FROM sessions LIMIT 0",
};

enum class Opened { ready, damaged, failed };

struct Attempt {
    Opened state = Opened::failed;
    sqlite::DatabasePtr db;
    std::string reason;
};

Attempt fail(Opened state, std::string reason) {
    Attempt attempt;
    attempt.state = state;
    attempt.reason = std::move(reason);
    return attempt;
}

Attempt sqlite_failure(sqlite3* db, int rc) {
    const std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    return fail(is_damage(rc) ? Opened::damaged : Opened::failed, detail);
}

// The statistics file is ours, but it sits on an SD card that a power cut may damage, so it is
// opened with the same defensive settings as a pack.
void harden(sqlite3* db) {
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_extended_result_codes(db, 0);
}

// Runs sql; on failure the attempt's result, else nullopt-like empty reason.
bool run(sqlite3* db, const char* sql, Attempt& failure) {
    if (sqlite::exec(db, sql).empty()) return true;
    failure = sqlite_failure(db, sqlite3_errcode(db));
    return false;
}

// An existing file: ours, of our format, undamaged, with every table.
bool check_existing(sqlite3* db, std::int64_t application_id, std::int64_t format, Attempt& failure) {
    if (application_id != kApplicationId) {
        failure = fail(Opened::damaged, "not a Pavilion statistics database");
        return false;
    }
    if (format != kFormat) {
        failure = fail(Opened::damaged, "statistics format " + std::to_string(format) +
                                            ", this kiosk reads format " + std::to_string(kFormat));
        return false;
    }
    sqlite::Statement check(db, "PRAGMA quick_check(3)");
    std::string problems;
    while (check.step()) {
        std::string row = check.text(0);
        std::replace(row.begin(), row.end(), '\n', ' ');
        if (row != "ok") problems += (problems.empty() ? "" : "; ") + row;
    }
    if (!check.ok()) {
        failure = sqlite_failure(db, check.result_code());
        return false;
    }
    if (!problems.empty()) {
        failure = fail(Opened::damaged, problems);
        return false;
    }
    for (const char* probe : kShapeProbes) {
        sqlite::Statement statement(db, probe);
        if (!statement.ok()) {
            failure = fail(Opened::damaged, "unexpected tables (" + statement.error() + ")");
            return false;
        }
    }
    return true;
}

Attempt try_open(const std::string& path) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    sqlite::DatabasePtr db(raw);
    if (rc != SQLITE_OK) return sqlite_failure(db.get(), rc);
    harden(db.get());
    // The kiosk is the only writer; a short wait covers an operator's sqlite3 shell reading.
    sqlite3_busy_timeout(db.get(), 500);

    sqlite::Statement header(db.get(),
                             "SELECT (SELECT application_id FROM pragma_application_id), "
                             "(SELECT user_version FROM pragma_user_version), "
                             "(SELECT count(*) FROM sqlite_schema)");
    if (!header.step()) return sqlite_failure(db.get(), header.result_code());
    const std::int64_t application_id = header.integer(0);
    const std::int64_t format = header.integer(1);
    const std::int64_t objects = header.integer(2);
    header.reset();

    Attempt result;
    const bool fresh = application_id == 0 && format == 0 && objects == 0;
    if (!fresh && !check_existing(db.get(), application_id, format, result)) return result;
    // WAL: a commit appends to the log instead of rewriting pages, and with synchronous=NORMAL it
    // is not fsynced until a checkpoint: a power cut may lose the last minute, never the file.
    if (!run(db.get(), "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", result)) return result;
    if (fresh && !run(db.get(), kSchema, result)) {
        sqlite::exec(db.get(), "ROLLBACK");
        return result;
    }
    result.state = Opened::ready;
    result.db = std::move(db);
    return result;
}

bool exists(const std::filesystem::path& path) {
    std::error_code ec;
    return std::filesystem::exists(std::filesystem::symlink_status(path, ec));
}

} // namespace

bool is_damage(int rc) {
    const int primary = rc & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB || primary == SQLITE_FORMAT;
}

Expected<std::string> move_aside(const std::string& path) {
    std::string aside;
    for (int n = 1; n <= 10000 && aside.empty(); ++n) {
        const std::string name = path + ".corrupt-" + std::to_string(n);
        if (!exists(name) && !exists(name + "-wal")) aside = name;
    }
    if (aside.empty()) return make_error(ErrorCode::io, path + ": too many damaged statistics files beside it");
    std::error_code ec;
    if (exists(path)) std::filesystem::rename(path, aside, ec);
    if (ec) return make_error(ErrorCode::io, "cannot move " + path + " aside: " + ec.message());
    // The old WAL belongs to the old file: left at path-wal it would be replayed into the new one.
    if (exists(path + "-wal")) {
        std::filesystem::rename(path + "-wal", aside + "-wal", ec);
        if (ec) std::filesystem::remove(path + "-wal", ec);
        if (ec) return make_error(ErrorCode::io, "cannot remove " + path + "-wal: " + ec.message());
    }
    std::filesystem::remove(path + "-shm", ec); // rebuilt from the WAL; nothing to keep
    return aside;
}

Expected<sqlite::DatabasePtr> open_or_replace(const std::string& path, std::vector<std::string>& notices) {
    Attempt first = try_open(path);
    if (first.state == Opened::ready) return std::move(first.db);
    if (first.state == Opened::failed)
        return make_error(ErrorCode::io, path + ": cannot open the statistics database (" + first.reason + ")");
    first.db.reset(); // closed before its files move
    const Expected<std::string> aside = move_aside(path);
    if (!aside) return aside.error();
    Attempt second = try_open(path);
    if (second.state != Opened::ready)
        return make_error(ErrorCode::io, path + ": cannot create a new statistics database (" + second.reason + ")");
    notices.push_back(path + ": the statistics database was unusable (" + first.reason + "); moved to " +
                      *aside + ", counting afresh");
    return std::move(second.db);
}

} // namespace pavilion::content::stats_db
