// Visitor statistics: days, buffered counters, summaries, the CSV export read back with a strict
// RFC 4180 parser (after its byte-order mark, with no field that a spreadsheet would run as a
// formula), and damaged or foreign databases moved aside.

#include "pavilion/content/visit_stats.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace pavilion::content {
namespace {

using pavilion::testing::read_text;
using pavilion::testing::TempDir;
using pavilion::testing::write_text;

using Table = std::vector<std::vector<std::string>>;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// A strict RFC 4180 reader: CRLF after every record, quotes only around whole fields, doubled
// inside. Anything else fails the test with the offset where it went wrong.
Table parse_csv(const std::string& text) {
    Table table;
    std::vector<std::string> record;
    std::string field;
    std::size_t i = 0;
    const auto fail = [&](const std::string& what) {
        ADD_FAILURE() << "invalid CSV at byte " << i << ": " << what;
        return Table{};
    };
    while (i < text.size()) {
        field.clear();
        if (text[i] == '"') {
            for (++i;; ++i) {
                if (i >= text.size()) return fail("unterminated quoted field");
                if (text[i] != '"') {
                    field += text[i];
                } else if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    ++i;
                    break;
                }
            }
        } else {
            while (i < text.size() && text[i] != ',' && text[i] != '\r') {
                if (text[i] == '"' || text[i] == '\n') return fail("quote or line feed in an unquoted field");
                field += text[i++];
            }
        }
        record.push_back(field);
        if (i < text.size() && text[i] == ',') {
            ++i;
            continue;
        }
        if (text.compare(i, 2, "\r\n") != 0) return fail("a record must end with CRLF");
        i += 2;
        table.push_back(std::move(record));
        record.clear();
    }
    return table;
}

VisitStats open_stats(const std::string& path) {
    Expected<VisitStats> stats = VisitStats::open(path);
    EXPECT_TRUE(stats) << (stats ? "" : stats.error().message);
    return std::move(stats).value();
}

StatsSummary summarize(VisitStats& stats, Day today, int days, std::size_t top = 5) {
    Expected<StatsSummary> summary = stats.summary(today, days, top);
    EXPECT_TRUE(summary) << (summary ? "" : summary.error().message);
    return summary ? *summary : StatsSummary{};
}

std::int64_t count_rows(const std::string& path, const char* table) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    const std::string sql = std::string("SELECT count(*) FROM ") + table;
    std::int64_t count = -1;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW)
        count = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return count;
}

std::string query_text(const std::string& path, const char* sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    std::string value = "<error>";
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK && sqlite3_step(statement) == SQLITE_ROW)
        value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

const Day kToday = day_from_civil(2024, 5, 10);

TEST(VisitStatsTest, DaysAreCalendarDates) {
    EXPECT_EQ(day_from_civil(1970, 1, 1), 0);
    EXPECT_EQ(day_from_civil(2000, 3, 1), 11017);
    EXPECT_EQ(iso_date(0), "1970-01-01");
    EXPECT_EQ(iso_date(day_from_civil(2024, 2, 29)), "2024-02-29");
    EXPECT_EQ(day_from_civil(2024, 3, 1) - day_from_civil(2024, 2, 28), 2); // a leap year
    EXPECT_EQ(day_from_civil(2023, 3, 1) - day_from_civil(2023, 2, 28), 1);
    for (Day day = 0; day < 80000; day += 7) {
        const std::string text = iso_date(day);
        const int y = std::stoi(text.substr(0, 4)), m = std::stoi(text.substr(5, 2)), d = std::stoi(text.substr(8, 2));
        ASSERT_EQ(day_from_civil(y, m, d), day) << text;
    }
    // local_day follows the process's time zone: the epoch is 1970-01-01 east of Greenwich and
    // 1969-12-31 west of it.
    EXPECT_TRUE(local_day(0) == 0 || local_day(0) == -1) << local_day(0);
    EXPECT_EQ(local_day(86400 * 365 + 43200), 365);
}

TEST(VisitStatsTest, ANewDatabaseHasItsOwnIdentityAndUsesWal) {
    TempDir dir;
    const std::string path = dir / "stats.sqlite";
    {
        VisitStats stats = open_stats(path);
        EXPECT_TRUE(stats.take_notices().empty());
    }
    EXPECT_EQ(query_text(path, "PRAGMA application_id"), std::to_string(0x50565354));
    EXPECT_EQ(query_text(path, "PRAGMA user_version"), "1");
    EXPECT_EQ(query_text(path, "PRAGMA journal_mode"), "wal");
}

TEST(VisitStatsTest, RecordsStayInMemoryUntilFlushed) {
    TempDir dir;
    const std::string path = dir / "stats.sqlite";
    VisitStats stats = open_stats(path);
    stats.record_session(kToday, "en");
    stats.record_screen(kToday, "story", "story/railway", 12'000);
    EXPECT_TRUE(stats.has_pending());
    EXPECT_EQ(count_rows(path, "sessions"), 0);
    ASSERT_TRUE(stats.flush());
    EXPECT_FALSE(stats.has_pending());
    EXPECT_EQ(count_rows(path, "sessions"), 1);
    EXPECT_EQ(count_rows(path, "item_opens"), 1);
    EXPECT_EQ(count_rows(path, "screen_views"), 1);
}

TEST(VisitStatsTest, SummariesCoverTodayAndTheLastWeek) {
    TempDir dir;
    VisitStats stats = open_stats(dir / "stats.sqlite");
    // Today: 3 sessions (2 zh, 1 en); the railway story twice, the port once.
    stats.record_session(kToday, "zh");
    stats.record_session(kToday, "zh");
    stats.record_session(kToday, "en");
    stats.record_screen(kToday, "home", "", 5'000);
    stats.record_screen(kToday, "home", "", 7'000);
    stats.record_screen(kToday, "story", "story/railway", 30'400);
    stats.record_screen(kToday, "story", "story/railway", 10'000);
    stats.record_screen(kToday, "story", "story/port", 90'000);
    ASSERT_TRUE(stats.flush()); // later records add to the stored counters
    // Six days ago (inside the week), and eight days ago (outside it).
    stats.record_session(kToday - 6, "en");
    stats.record_session(kToday - 6, "en");
    stats.record_screen(kToday - 6, "story", "story/port", 1'000);
    stats.record_screen(kToday - 6, "map", "", 1'000);
    stats.record_session(kToday - 8, "fr");
    stats.record_screen(kToday - 8, "story", "story/old", 1'000);

    const StatsSummary today = summarize(stats, kToday, 1);
    EXPECT_EQ(today.first, kToday);
    EXPECT_EQ(today.sessions, 3);
    ASSERT_EQ(today.languages.size(), 2u);
    EXPECT_EQ(today.languages[0].locale, "zh");
    EXPECT_EQ(today.languages[0].sessions, 2);
    ASSERT_EQ(today.top_items.size(), 2u);
    EXPECT_EQ(today.top_items[0].item, "story/railway");
    EXPECT_EQ(today.top_items[0].opens, 2);
    EXPECT_EQ(today.top_items[0].dwell_seconds, 40); // 40.4 s
    EXPECT_EQ(today.top_items[1].item, "story/port");
    ASSERT_EQ(today.screens.size(), 2u);
    EXPECT_EQ(today.screens[0].screen, "story");
    EXPECT_EQ(today.screens[0].views, 3);
    EXPECT_EQ(today.screens[1].views, 2);

    const StatsSummary week = summarize(stats, kToday, 7);
    EXPECT_EQ(week.first, kToday - 6);
    EXPECT_EQ(week.sessions, 5);
    ASSERT_EQ(week.languages.size(), 2u); // not fr: that was eight days ago
    EXPECT_EQ(week.languages[0].locale, "en");
    EXPECT_EQ(week.languages[0].sessions, 3);
    ASSERT_EQ(week.top_items.size(), 2u);
    // Two opens each; the port was looked at longer, so it ranks first.
    EXPECT_EQ(week.top_items[0].item, "story/port");
    EXPECT_EQ(week.top_items[0].opens, 2);
    EXPECT_EQ(week.top_items[0].dwell_seconds, 91);

    EXPECT_EQ(summarize(stats, kToday, 7, 1).top_items.size(), 1u);
    EXPECT_FALSE(stats.summary(kToday, 0));
}

TEST(VisitStatsTest, CountersSurviveReopeningAndTheDestructorFlushes) {
    TempDir dir;
    const std::string path = dir / "stats.sqlite";
    {
        VisitStats stats = open_stats(path);
        stats.record_session(kToday, "en");
        ASSERT_TRUE(stats.flush());
        stats.record_session(kToday, "en"); // never flushed by hand
    }
    VisitStats stats = open_stats(path);
    EXPECT_EQ(summarize(stats, kToday, 1).sessions, 2);
}

TEST(VisitStatsTest, UnusableRecordsAreIgnoredAndDwellIsCapped) {
    TempDir dir;
    VisitStats stats = open_stats(dir / "stats.sqlite");
    stats.record_screen(-1, "home", "", 1'000);                            // before 1970
    stats.record_screen(kToday, "", "", 1'000);                            // no screen kind
    stats.record_screen(kToday, std::string(300, 'x'), "", 1'000);         // key too long
    stats.record_session(kToday, std::string(300, 'x'));
    EXPECT_FALSE(stats.has_pending());
    stats.record_screen(kToday, "story", "story/a", -5'000);               // a clock hiccup
    stats.record_screen(kToday, "story", "story/b", 10LL * 3600 * 1000);   // left all night
    const StatsSummary summary = summarize(stats, kToday, 1);
    ASSERT_EQ(summary.top_items.size(), 2u);
    EXPECT_EQ(summary.top_items[0].item, "story/b");
    EXPECT_EQ(summary.top_items[0].dwell_seconds, 3600);
    EXPECT_EQ(summary.top_items[1].dwell_seconds, 0);
}

TEST(VisitStatsTest, TheCsvExportIsValidAndKeepsEveryCharacter) {
    TempDir dir;
    VisitStats stats = open_stats(dir / "stats.sqlite");
    const std::string comma = "story/a,b";
    const std::string quote = "story/say \"hi\"";
    const std::string line_break = "story/two\r\nlines";
    const std::string cjk = "story/中老铁路";
    stats.record_session(kToday, "zh");
    stats.record_session(kToday - 1, "en");
    stats.record_screen(kToday, "story", comma, 1'500);
    stats.record_screen(kToday, "story", quote, 2'000);
    stats.record_screen(kToday, "story", line_break, 2'000);
    stats.record_screen(kToday, "story", cjk, 61'000);
    const std::map<std::string, std::string> titles = {
        {cjk, "中老铁路：从昆明到万象"},
        {comma, "Ports, roads and \"corridors\""},
        {quote, "Line one\nline two"},
    };
    const Expected<std::string> csv = stats.export_csv(titles);
    ASSERT_TRUE(csv) << csv.error().message;
    ASSERT_EQ(csv->rfind(kByteOrderMark, 0), 0u) << "UTF-8 with a BOM, so Excel reads the Chinese right";

    const Table table = parse_csv(csv->substr(kByteOrderMark.size()));
    ASSERT_EQ(table.size(), 1u + 2 + 1 + 4); // header, sessions, screen, items
    EXPECT_EQ(table[0], (std::vector<std::string>{"date", "kind", "key", "title", "count", "dwell_seconds"}));
    for (const auto& row : table) ASSERT_EQ(row.size(), 6u);
    // Sorted by date, then kind, then key: yesterday's session first.
    EXPECT_EQ(table[1], (std::vector<std::string>{"2024-05-09", "sessions", "en", "", "1", ""}));
    std::map<std::string, std::vector<std::string>> items;
    for (const auto& row : table)
        if (row[1] == "item") items[row[2]] = row;
    ASSERT_EQ(items.size(), 4u);
    EXPECT_EQ(items[cjk][3], "中老铁路：从昆明到万象");
    EXPECT_EQ(items[cjk][4], "1");
    EXPECT_EQ(items[cjk][5], "61");
    EXPECT_EQ(items[comma][3], "Ports, roads and \"corridors\"");
    EXPECT_EQ(items[comma][5], "2"); // 1.5 s rounds up
    EXPECT_EQ(items[quote][3], "Line one\nline two");
    EXPECT_EQ(items[line_break][3], "");
    EXPECT_EQ(table.back(), (std::vector<std::string>{"2024-05-10", "sessions", "zh", "", "1", ""}));
}

// OWASP's CSV injection: keys and titles come from packs and from what visitors opened; one
// that starts with = + - @ (or a tab or CR) would run as a formula in a spreadsheet, so it gets
// a ' in front; the rest of the text is kept as it was.
TEST(VisitStatsTest, NoFieldOfTheExportStartsAFormula) {
    TempDir dir;
    VisitStats stats = open_stats(dir / "stats.sqlite");
    const std::map<std::string, std::string> attacks = {
        {"story/=1+1", "=HYPERLINK(\"http://evil.example\",\"Click\")"},
        {"story/+a", "+cmd|' /C calc'!A0"},
        {"story/-a", "-2+3"},
        {"story/@a", "@SUM(1,2)"},
        {"story/tab", "\t=1+1"},
        {"story/cr", "\r=1+1"},
        {"story/plain", "Railway = progress"},
    };
    for (const auto& [key, title] : attacks) stats.record_screen(kToday, "story", key, 1'000);
    stats.record_session(kToday, "=cmd");
    const Expected<std::string> csv = stats.export_csv(attacks);
    ASSERT_TRUE(csv) << csv.error().message;
    const Table table = parse_csv(csv->substr(kByteOrderMark.size()));
    std::map<std::string, std::string> titles;
    for (const auto& row : table) {
        for (const auto& field : row) {
            ASSERT_TRUE(field.empty() || std::string_view("=+-@\t\r").find(field[0]) == std::string_view::npos)
                << "a field starts a formula: " << field;
        }
        if (row[1] == "item") titles[row[2]] = row[3];
    }
    EXPECT_EQ(titles["story/=1+1"], "'=HYPERLINK(\"http://evil.example\",\"Click\")");
    EXPECT_EQ(titles["story/+a"], "'+cmd|' /C calc'!A0");
    EXPECT_EQ(titles["story/-a"], "'-2+3");
    EXPECT_EQ(titles["story/@a"], "'@SUM(1,2)");
    EXPECT_EQ(titles["story/tab"], "'\t=1+1");
    EXPECT_EQ(titles["story/cr"], "'\r=1+1");
    EXPECT_EQ(titles["story/plain"], "Railway = progress") << "an = later in the text is no formula";
    EXPECT_NE(csv->find("\r\n2024-05-10,sessions,'=cmd,,1,\r\n"), std::string::npos) << *csv;
}

TEST(VisitStatsTest, AFileThatIsNotADatabaseIsMovedAside) {
    TempDir dir;
    const std::string path = dir / "stats.sqlite";
    const std::string junk(8192, 'j');
    write_text(path, junk);
    write_text(path + "-wal", "stale log");
    {
        VisitStats stats = open_stats(path);
        const std::vector<std::string> notices = stats.take_notices();
        ASSERT_EQ(notices.size(), 1u);
        EXPECT_NE(notices[0].find("stats.sqlite.corrupt-1"), std::string::npos) << notices[0];
        stats.record_session(kToday, "en");
        EXPECT_EQ(summarize(stats, kToday, 1).sessions, 1); // counting again
    }
    EXPECT_EQ(read_text(path + ".corrupt-1"), junk); // kept for a look, not deleted
    EXPECT_NE(read_text(path + "-wal"), "stale log"); // never replayed into the new file

    write_text(path, junk); // and again: the next free number
    VisitStats stats = open_stats(path);
    ASSERT_EQ(stats.take_notices().size(), 1u);
    EXPECT_TRUE(std::filesystem::exists(path + ".corrupt-2"));
}

TEST(VisitStatsTest, ADatabaseOfAnotherApplicationIsMovedAside) {
    TempDir dir;
    const std::string path = dir / "stats.sqlite";
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    sqlite3_exec(db, "CREATE TABLE notes(text); PRAGMA application_id = 42;", nullptr, nullptr, nullptr);
    sqlite3_close(db);

    VisitStats stats = open_stats(path);
    const std::vector<std::string> notices = stats.take_notices();
    ASSERT_EQ(notices.size(), 1u);
    EXPECT_NE(notices[0].find("not a Pavilion statistics database"), std::string::npos) << notices[0];
    EXPECT_EQ(count_rows(path + ".corrupt-1", "notes"), 0);
}

TEST(VisitStatsTest, ADamagedPageIsFoundAndTheFileMovedAside) {
    TempDir dir;
    const std::string path = dir / "stats.sqlite";
    {
        VisitStats stats = open_stats(path);
        for (int i = 0; i < 2000; ++i) stats.record_screen(kToday, "story", "story/" + std::to_string(i), 1'000);
    } // closed: the WAL is checkpointed into the file
    ASSERT_FALSE(std::filesystem::exists(path + "-wal"));
    const std::uintmax_t size = std::filesystem::file_size(path);
    ASSERT_GT(size, 3u * 4096);
    {
        // Page 1 (the header and the schema) stays; every table page after it is scrambled.
        std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(4096);
        const std::string junk(size - 4096, '\xA5');
        file.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    VisitStats stats = open_stats(path);
    const std::vector<std::string> notices = stats.take_notices();
    ASSERT_EQ(notices.size(), 1u);
    EXPECT_NE(notices[0].find("corrupt-1"), std::string::npos) << notices[0];
    EXPECT_EQ(summarize(stats, kToday, 1).top_items.size(), 0u);
}

// Damage that shows only while the kiosk runs: another connection points a table at a page the
// file does not have (and bumps the schema cookie so the kiosk's connection rereads it).
void break_table_while_open(const std::string& path, const char* table) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    const std::string sql = std::string("PRAGMA writable_schema = ON; "
                                        "UPDATE sqlite_schema SET rootpage = 100000 WHERE name = '") +
                            table + "'; PRAGMA writable_schema = OFF;";
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_stmt* cookie = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA schema_version", -1, &cookie, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_step(cookie), SQLITE_ROW);
    const std::string bump = "PRAGMA schema_version = " + std::to_string(sqlite3_column_int64(cookie, 0) + 1);
    sqlite3_finalize(cookie);
    EXPECT_EQ(sqlite3_exec(db, bump.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
}

TEST(VisitStatsTest, DamageFoundWhileSavingMovesTheFileAsideAndKeepsTheRecords) {
    TempDir dir;
    const std::string path = dir / "stats.sqlite";
    VisitStats stats = open_stats(path);
    break_table_while_open(path, "item_opens");
    stats.record_screen(kToday, "story", "story/railway", 12'000);
    const Status flushed = stats.flush();
    ASSERT_TRUE(flushed) << flushed.error().message; // saved into a fresh file
    const std::vector<std::string> notices = stats.take_notices();
    ASSERT_EQ(notices.size(), 1u);
    EXPECT_NE(notices[0].find("the statistics database is damaged ("), std::string::npos) << notices[0];
    EXPECT_NE(notices[0].find("corrupt-1"), std::string::npos) << notices[0];
    EXPECT_EQ(summarize(stats, kToday, 1).top_items.size(), 1u);
}

TEST(VisitStatsTest, DamageFoundWhileReadingASummaryIsCorruptAndStartsAfresh) {
    TempDir dir;
    const std::string path = dir / "stats.sqlite";
    VisitStats stats = open_stats(path);
    stats.record_session(kToday, "en");
    ASSERT_TRUE(stats.flush());
    break_table_while_open(path, "sessions");
    const Expected<StatsSummary> summary = stats.summary(kToday, 7);
    ASSERT_FALSE(summary);
    EXPECT_EQ(summary.error().code, ErrorCode::corrupt);
    EXPECT_NE(summary.error().message.find("the statistics were damaged ("), std::string::npos)
        << summary.error().message;
    EXPECT_EQ(summarize(stats, kToday, 7).sessions, 0); // counting afresh in a new file
    EXPECT_TRUE(std::filesystem::exists(path + ".corrupt-1"));
}

TEST(VisitStatsTest, AFolderThatCannotHoldADatabaseIsAnError) {
    TempDir dir;
    const Expected<VisitStats> stats = VisitStats::open(dir / "missing/stats.sqlite");
    ASSERT_FALSE(stats);
    EXPECT_EQ(stats.error().code, ErrorCode::io);
    EXPECT_NE(stats.error().message.find("missing/stats.sqlite"), std::string::npos);
}

} // namespace
} // namespace pavilion::content
