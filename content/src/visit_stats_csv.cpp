// VisitStats::export_csv: every stored counter as one RFC 4180 CSV file for a spreadsheet,
// safe to open in one (no field starts a formula).

#include "pavilion/content/visit_stats.hpp"

#include "visit_stats_db.hpp"

#include <string>
#include <string_view>

namespace pavilion::content {
namespace {

// UTF-8's byte-order mark: without it Excel reads the file in the PC's legacy code page.
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// OWASP's CSV-injection rule: a spreadsheet takes a cell starting with one of these as a formula
// (=HYPERLINK(...), +cmd|..., -2+3, @SUM(...)), and OWASP adds a leading tab or CR. Such a
// cell gets a ' in front: spreadsheets then take it as text.
bool starts_a_formula(std::string_view value) {
    return !value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos;
}

// RFC 4180: a field holding a comma, a quote or a line break is quoted, and its quotes doubled.
// Everything else, UTF-8 included, is copied byte for byte.
void append_field(std::string& out, std::string_view value) {
    const std::string neutral = starts_a_formula(value) ? "'" + std::string(value) : std::string(value);
    if (neutral.find_first_of(",\"\r\n") == std::string::npos) {
        out += neutral;
        return;
    }
    out += '"';
    for (const char c : neutral) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

struct Row {
    std::string date, kind, key, title, count, dwell_seconds;
};

void append_row(std::string& out, const Row& row) {
    const std::string_view fields[] = {row.date, row.kind, row.key, row.title, row.count, row.dwell_seconds};
    bool first = true;
    for (const std::string_view field : fields) {
        if (!first) out += ',';
        first = false;
        append_field(out, field);
    }
    out += "\r\n"; // RFC 4180's line break, which every spreadsheet reads
}

// The whole file as text, or SQLite's error (coded corrupt when the file is damaged).
Expected<std::string> build_csv(sqlite3* db, const std::map<std::string, std::string>& titles) {
    std::string out(kByteOrderMark);
    append_row(out, {"date", "kind", "key", "title", "count", "dwell_seconds"});
    sqlite::Statement rows(db, "SELECT day, 'item', item, opens, dwell_ms FROM item_opens "
                               "UNION ALL SELECT day, 'screen', screen, views, NULL FROM screen_views "
                               "UNION ALL SELECT day, 'sessions', locale, sessions, NULL FROM sessions "
                               "ORDER BY 1, 2, 3");
    while (rows.step()) {
        Row row;
        row.date = iso_date(static_cast<Day>(rows.integer(0)));
        row.kind = rows.text(1);
        row.key = rows.text(2);
        row.count = std::to_string(rows.integer(3));
        if (!rows.is_null(4)) {
            row.dwell_seconds = std::to_string((rows.integer(4) + 500) / 1000);
            if (const auto title = titles.find(row.key); title != titles.end()) row.title = title->second;
        }
        append_row(out, row);
    }
    if (!rows.ok()) return rows.status().error();
    return out;
}

} // namespace

Expected<std::string> VisitStats::export_csv(const std::map<std::string, std::string>& titles) {
    if (Status flushed = flush(); !flushed) return flushed.error();
    if (Status opened = reopen(); !opened) return opened.error();
    Expected<std::string> text = build_csv(db_->handle.get(), titles);
    if (text) return text;
    const std::string& why = text.error().message;
    if (text.error().code != ErrorCode::corrupt)
        return make_error(ErrorCode::io, path_ + ": cannot read visitor statistics (" + why + ")");
    if (Status replaced = replace_damaged(why); !replaced) return replaced.error();
    return make_error(ErrorCode::corrupt, path_ + ": the statistics were damaged (" + why +
                                              "); nothing exported, the kiosk counts afresh from now");
}

} // namespace pavilion::content
