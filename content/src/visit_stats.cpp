#include "pavilion/content/visit_stats.hpp"

#include "visit_stats_db.hpp"

#include <algorithm>
#include <cstdio>

namespace pavilion::content {

// --- days ------------------------------------------------------------------------------------

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar, no time zone
// tables, no mktime() (which would apply daylight saving to a date).
Day day_from_civil(int year, int month, int day) {
    year -= month <= 2;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const int year_of_era = year - era * 400;
    const int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

Day local_day(std::time_t when) {
    std::tm local{};
    if (!localtime_r(&when, &local)) return 0;
    return day_from_civil(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::string iso_date(Day day) {
    const int z = day + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int day_of_era = z - era * 146097;
    const int year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const int day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const int mp = (5 * day_of_year + 2) / 153;
    const int dom = day_of_year - (153 * mp + 2) / 5 + 1;
    const int month = mp < 10 ? mp + 3 : mp - 9;
    const int year = year_of_era + era * 400 + (month <= 2);
    char text[40]; // room for any int, so the compiler can prove nothing is cut
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, dom);
    return text;
}

namespace {

// 1970-01-01 to 9999-12-31: four-digit years in every date the statistics print.
bool valid_day(Day day) { return day >= 0 && day <= 2932896; }

bool valid_key(std::string_view key) { return key.size() <= VisitStats::max_key_bytes; }

} // namespace

// --- the object --------------------------------------------------------------------------------

VisitStats::VisitStats(std::string path, std::unique_ptr<Database> db, std::vector<std::string> notices)
    : path_(std::move(path)), db_(std::move(db)), notices_(std::move(notices)) {}

VisitStats::VisitStats(VisitStats&& other) noexcept = default;

VisitStats& VisitStats::operator=(VisitStats&& other) noexcept {
    if (this != &other) {
        static_cast<void>(flush());
        path_ = std::move(other.path_);
        db_ = std::move(other.db_);
        screen_views_ = std::move(other.screen_views_);
        item_opens_ = std::move(other.item_opens_);
        sessions_ = std::move(other.sessions_);
        notices_ = std::move(other.notices_);
    }
    return *this;
}

VisitStats::~VisitStats() {
    if (db_) static_cast<void>(flush());
}

Expected<VisitStats> VisitStats::open(const std::string& path) {
    std::vector<std::string> notices;
    Expected<sqlite::DatabasePtr> db = stats_db::open_or_replace(path, notices);
    if (!db) return db.error();
    auto database = std::make_unique<Database>();
    database->handle = std::move(*db);
    return VisitStats(path, std::move(database), std::move(notices));
}

void VisitStats::record_screen(Day day, std::string_view screen_kind, std::string_view item_ref,
                               std::int64_t dwell_ms) {
    if (!valid_day(day) || screen_kind.empty() || !valid_key(screen_kind) || !valid_key(item_ref)) return;
    ++screen_views_[DayKey(day, screen_kind)];
    if (item_ref.empty()) return;
    ItemCount& item = item_opens_[DayKey(day, item_ref)];
    ++item.opens;
    item.dwell_ms += std::clamp<std::int64_t>(dwell_ms, 0, max_dwell_ms);
}

void VisitStats::record_session(Day day, std::string_view locale) {
    if (!valid_day(day) || !valid_key(locale)) return;
    ++sessions_[DayKey(day, locale)];
}

bool VisitStats::has_pending() const {
    return !screen_views_.empty() || !item_opens_.empty() || !sessions_.empty();
}

std::vector<std::string> VisitStats::take_notices() { return std::exchange(notices_, {}); }

// --- writing -----------------------------------------------------------------------------------

Status VisitStats::write_pending() {
    sqlite3* db = db_->handle.get();
    if (Status begun = sqlite::exec(db, "BEGIN IMMEDIATE"); !begun) return begun;
    sqlite::Statement screens(db, "INSERT INTO screen_views (day, screen, views) VALUES (?, ?, ?) "
                                  "ON CONFLICT (day, screen) DO UPDATE SET views = views + excluded.views");
    sqlite::Statement items(db, "INSERT INTO item_opens (day, item, opens, dwell_ms) VALUES (?, ?, ?, ?) "
                                "ON CONFLICT (day, item) DO UPDATE SET opens = opens + excluded.opens, "
                                "dwell_ms = dwell_ms + excluded.dwell_ms");
    sqlite::Statement locales(db, "INSERT INTO sessions (day, locale, sessions) VALUES (?, ?, ?) "
                                  "ON CONFLICT (day, locale) DO UPDATE SET sessions = sessions + excluded.sessions");
    for (const auto& [key, views] : screen_views_) {
        screens.bind(1, key.first).bind(2, key.second).bind(3, views).run();
        screens.reset();
    }
    for (const auto& [key, count] : item_opens_) {
        items.bind(1, key.first).bind(2, key.second).bind(3, count.opens).bind(4, count.dwell_ms).run();
        items.reset();
    }
    for (const auto& [key, sessions] : sessions_) {
        locales.bind(1, key.first).bind(2, key.second).bind(3, sessions).run();
        locales.reset();
    }
    Status written = ok();
    for (const sqlite::Statement* statement : {&screens, &items, &locales}) {
        if (written && !statement->ok()) written = statement->status();
    }
    if (written) written = sqlite::exec(db, "COMMIT");
    if (!written) static_cast<void>(sqlite::exec(db, "ROLLBACK"));
    return written;
}

Status VisitStats::reopen() {
    if (db_) return ok();
    Expected<sqlite::DatabasePtr> db = stats_db::open_or_replace(path_, notices_);
    if (!db) return db.error();
    db_ = std::make_unique<Database>();
    db_->handle = std::move(*db);
    return ok();
}

Status VisitStats::replace_damaged(const std::string& reason) {
    db_.reset(); // closed before its files move
    const Expected<std::string> aside = stats_db::move_aside(path_);
    if (!aside) return aside.error();
    notices_.push_back(path_ + ": the statistics database is damaged (" + reason + "); moved to " +
                       *aside + ", counting afresh");
    return reopen();
}

Status VisitStats::flush() {
    if (!has_pending()) return ok();
    if (Status opened = reopen(); !opened) return opened;
    Status written = write_pending();
    if (!written && written.error().code == ErrorCode::corrupt) {
        if (Status replaced = replace_damaged(written.error().message); !replaced) return replaced;
        written = write_pending();
    }
    if (!written)
        return make_error(ErrorCode::io, path_ + ": cannot save visitor statistics (" +
                                             written.error().message +
                                             "); they stay in memory for the next try");
    screen_views_.clear();
    item_opens_.clear();
    sessions_.clear();
    return ok();
}

// --- reading -----------------------------------------------------------------------------------

namespace {

// Fills summary.languages, .sessions, .top_items and .screens for [first, last]. An error is
// SQLite's message, coded corrupt when the file is damaged (sqlite::failure).
Status read_summary(sqlite3* db, StatsSummary& summary, std::size_t top_items) {
    sqlite::Statement languages(db, "SELECT locale, SUM(sessions) FROM sessions WHERE day BETWEEN ?1 AND ?2 "
                                    "GROUP BY locale ORDER BY 2 DESC, 1");
    languages.bind(1, summary.first).bind(2, summary.last);
    while (languages.step()) {
        summary.languages.push_back({languages.text(0), languages.integer(1)});
        summary.sessions += languages.integer(1);
    }
    sqlite::Statement items(db, "SELECT item, SUM(opens), SUM(dwell_ms) FROM item_opens "
                                "WHERE day BETWEEN ?1 AND ?2 GROUP BY item ORDER BY 2 DESC, 3 DESC, 1 LIMIT ?3");
    items.bind(1, summary.first).bind(2, summary.last).bind(3, static_cast<std::int64_t>(top_items));
    while (items.step())
        summary.top_items.push_back({items.text(0), items.integer(1), (items.integer(2) + 500) / 1000});
    sqlite::Statement screens(db, "SELECT screen, SUM(views) FROM screen_views WHERE day BETWEEN ?1 AND ?2 "
                                  "GROUP BY screen ORDER BY 2 DESC, 1");
    screens.bind(1, summary.first).bind(2, summary.last);
    while (screens.step()) summary.screens.push_back({screens.text(0), screens.integer(1)});

    for (const sqlite::Statement* statement : {&languages, &items, &screens}) {
        if (!statement->ok()) return statement->status();
    }
    return ok();
}

} // namespace

Expected<StatsSummary> VisitStats::summary(Day today, int days, std::size_t top_items) {
    if (days < 1) return make_error(ErrorCode::invalid_argument, "a statistics summary covers at least one day");
    if (Status flushed = flush(); !flushed) return flushed.error();
    if (Status opened = reopen(); !opened) return opened.error();
    StatsSummary summary;
    summary.first = static_cast<Day>(std::max<std::int64_t>(0, std::int64_t{today} - days + 1));
    summary.last = today;
    const Status read = read_summary(db_->handle.get(), summary, top_items);
    if (read) return summary;
    const std::string& why = read.error().message;
    if (read.error().code != ErrorCode::corrupt)
        return make_error(ErrorCode::io, path_ + ": cannot read visitor statistics (" + why + ")");
    if (Status replaced = replace_damaged(why); !replaced) return replaced.error();
    return make_error(ErrorCode::corrupt, path_ + ": the statistics were damaged (" + why +
                                              "); the kiosk counts afresh from now");
}

} // namespace pavilion::content
