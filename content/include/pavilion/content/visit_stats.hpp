#pragma once
// Local, anonymous visitor statistics for the operator: per day, how often each kind of screen
// was shown, how often each item was opened and for how long, and how many visitor sessions there
// were in which language. Nothing about a person and nothing finer than a day is kept: there are
// counters per (day, key), and no rows per visit.
//
// The data lives in its own SQLite file (STATE/stats.sqlite, WAL), never in a pack:
//   application_id 0x50565354 ('PVST'), user_version 1, three WITHOUT ROWID tables
//   screen_views(day, screen, views), item_opens(day, item, opens, dwell_ms),
//   sessions(day, locale, sessions); day is a Day number (below).
//
// record_*() only adds to counters in memory, so the render thread can call them per screen
// change; flush() writes everything buffered in one transaction (the kiosk calls it about once a
// minute and when a session ends) and the destructor flushes what is left. A damaged or foreign
// database never stops the kiosk: it is moved aside to stats.sqlite.corrupt-<n> and a fresh one
// is started, with a line in take_notices().
//
// Not thread-safe: use it from one thread.

#include "pavilion/content/expected.hpp"

#include <cstdint>
#include <ctime>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pavilion::content {

// A calendar day as the number of days since 1970-01-01: cheap to compare and to step back a
// week. The kiosk makes it from its local date (local_day), so "today" matches the wall calendar
// of the place where it stands.
using Day = std::int32_t;

Day day_from_civil(int year, int month, int day);
Day local_day(std::time_t when);    // the kiosk's time zone
std::string iso_date(Day day);      // "2024-05-01"

struct ScreenTally {
    std::string screen;
    std::int64_t views = 0;
};

struct ItemTally {
    std::string item;
    std::int64_t opens = 0;
    std::int64_t dwell_seconds = 0; // summed over every open, rounded to whole seconds
};

struct LanguageTally {
    std::string locale;
    std::int64_t sessions = 0;
};

// One period for the operator panel, most frequent first in every list.
struct StatsSummary {
    Day first = 0;
    Day last = 0;
    std::int64_t sessions = 0;
    std::vector<LanguageTally> languages;
    std::vector<ItemTally> top_items;
    std::vector<ScreenTally> screens;
};

class VisitStats {
public:
    // Keys longer than this are ignored: item refs and screen kinds are short pack ids.
    static constexpr std::size_t max_key_bytes = 256;
    // One view's dwell is capped here: a kiosk left on a page all night is not a visitor.
    static constexpr std::int64_t max_dwell_ms = 60LL * 60 * 1000;

    // Opens or creates the database at path (its folder must exist). A damaged or foreign file is
    // moved aside and replaced; an Error (io) only when no database can be made at all, in which
    // case the kiosk runs without statistics.
    static Expected<VisitStats> open(const std::string& path);

    VisitStats(VisitStats&& other) noexcept;
    VisitStats& operator=(VisitStats&& other) noexcept; // flushes this one first
    VisitStats(const VisitStats&) = delete;
    VisitStats& operator=(const VisitStats&) = delete;
    ~VisitStats(); // flushes; a failure is lost with the object

    // A visitor left a screen of the given kind ("home", "story", "map", ...) after dwell_ms.
    // With an item_ref ("story/china-laos-railway") it also counts as one open of that item,
    // and dwell_ms is added to the item's time.
    void record_screen(Day day, std::string_view screen_kind, std::string_view item_ref,
                       std::int64_t dwell_ms);
    // One visitor session, in the language it was in ("en", "zh").
    void record_session(Day day, std::string_view locale);

    bool has_pending() const;

    // Writes everything recorded since the last flush in one transaction. On failure the records
    // stay buffered for the next try.
    Status flush();

    // The days [today - days + 1, today], after a flush; top_items caps the item list.
    Expected<StatsSummary> summary(Day today, int days, std::size_t top_items = 5);

    // Every stored row as the bytes of a CSV file for a spreadsheet; the caller writes them (the
    // kiosk only onto a USB stick: usb_stick.hpp). Header:
    //   date,kind,key,title,count,dwell_seconds
    // kind is sessions (key = locale), screen (key = screen kind) or item (key = item ref, title
    // from titles when known, dwell_seconds filled). Rows by date, kind, key.
    // The format: UTF-8 with a byte-order mark (so Excel reads Chinese titles as UTF-8, not in
    // the PC's code page); RFC 4180 (CRLF lines, fields with a comma, quote, CR or LF quoted,
    // quotes doubled); and a field that starts with = + - @, a tab or a CR gets a ' in front
    // (OWASP's defence against CSV injection: a spreadsheet would run it as a formula). Keys
    // and titles come from packs and visitors' screens, so none is trusted to be plain text.
    Expected<std::string> export_csv(const std::map<std::string, std::string>& titles = {});

    // Lines for the kiosk's log since the last call (a database moved aside, ...).
    std::vector<std::string> take_notices();

    const std::string& path() const { return path_; }

private:
    struct Database;
    using DayKey = std::pair<Day, std::string>;
    struct ItemCount {
        std::int64_t opens = 0;
        std::int64_t dwell_ms = 0;
    };

    VisitStats(std::string path, std::unique_ptr<Database> db, std::vector<std::string> notices);
    // Writes the buffered counters in one transaction; ErrorCode::corrupt when the file is
    // damaged (then it is replaced), io for anything else (a full disk: the records wait).
    Status write_pending();
    Status reopen();                       // after a failed replace: try to open the file again
    Status replace_damaged(const std::string& reason);

    std::string path_;
    std::unique_ptr<Database> db_;
    std::map<DayKey, std::int64_t> screen_views_;
    std::map<DayKey, ItemCount> item_opens_;
    std::map<DayKey, std::int64_t> sessions_;
    std::vector<std::string> notices_;
};

} // namespace pavilion::content
