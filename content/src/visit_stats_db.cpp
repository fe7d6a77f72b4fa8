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

// Why try_open() refused a file: ErrorCode::corrupt when the file is damaged or not ours (it is
// moved aside and replaced), io when it could not be opened at all (a full disk, permissions).
Error damaged(std::string reason) {
    return make_error(ErrorCode::corrupt, std::move(reason));
}

Error sqlite_failure(sqlite3* db, int rc) {
    return sqlite::failure(rc, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
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

// An existing file: ours, of our format, undamaged, with every table.
Status check_existing(sqlite3* db, std::int64_t application_id, std::int64_t format) {
    if (application_id != kApplicationId) return damaged("not a Pavilion statistics database");
    if (format != kFormat) {
        return damaged("statistics format " + std::to_string(format) + ", this kiosk reads format " +
                       std::to_string(kFormat));
    }
    sqlite::Statement check(db, "PRAGMA quick_check(3)");
    std::string problems;
    while (check.step()) {
        std::string row = check.text(0);
        std::replace(row.begin(), row.end(), '\n', ' ');
        if (row != "ok") problems += (problems.empty() ? "" : "; ") + row;
    }
    if (!check.ok()) return sqlite_failure(db, check.result_code());
    if (!problems.empty()) return damaged(problems);
    for (const char* probe : kShapeProbes) {
        sqlite::Statement statement(db, probe);
        if (!statement.ok()) return damaged("unexpected tables (" + statement.error() + ")");
    }
    return ok();
}

// The database at path, ready for use, or why not (see damaged()).
Expected<sqlite::DatabasePtr> try_open(const std::string& path) {
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

    const bool fresh = application_id == 0 && format == 0 && objects == 0;
    if (!fresh) {
        if (Status usable = check_existing(db.get(), application_id, format); !usable)
            return usable.error();
    }
    // WAL: a commit appends to the log instead of rewriting pages, and with synchronous=NORMAL it
    // is not fsynced until a checkpoint: a power cut may lose the last minute, never the file.
    if (Status wal = sqlite::exec(db.get(), "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        !wal)
        return wal.error();
    if (fresh) {
        if (Status made = sqlite::exec(db.get(), kSchema); !made) {
            static_cast<void>(sqlite::exec(db.get(), "ROLLBACK"));
            return made.error();
        }
    }
    return db;
}

bool exists(const std::filesystem::path& path) {
    std::error_code ec;
    return std::filesystem::exists(std::filesystem::symlink_status(path, ec));
}

} // namespace

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
    Expected<sqlite::DatabasePtr> first = try_open(path);
    if (first) return first; // (its refused connection is closed: its files may move)
    const std::string& reason = first.error().message;
    if (first.error().code != ErrorCode::corrupt)
        return make_error(ErrorCode::io, path + ": cannot open the statistics database (" + reason + ")");
    const Expected<std::string> aside = move_aside(path);
    if (!aside) return aside.error();
    Expected<sqlite::DatabasePtr> second = try_open(path);
    if (!second)
        return make_error(ErrorCode::io, path + ": cannot create a new statistics database (" +
                                             second.error().message + ")");
    notices.push_back(path + ": the statistics database was unusable (" + reason + "); moved to " +
                      *aside + ", counting afresh");
    return second;
}

} // namespace pavilion::content::stats_db
