#include "pavilion/content/pack_reader.hpp"

#include "base_map_loader.hpp"
#include "catalog_loader.hpp"
#include "pack_limits.hpp"
#include "picture_limits.hpp"
#include "sqlite_db.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <sys/stat.h>
#include <set>
#include <tuple>

namespace pavilion::content {
namespace {

using sqlite::DatabasePtr;
using sqlite::Statement;

// Limits far above what a real pack needs and far below what could hurt the kiosk.
void lower_limits(sqlite3* db) {
    // The largest image, font or base map buffer.
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, static_cast<int>(kMaxPackValueBytes));
    sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, 64 * 1024);
    sqlite3_limit(db, SQLITE_LIMIT_COLUMN, 100);
    sqlite3_limit(db, SQLITE_LIMIT_EXPR_DEPTH, 50);
    sqlite3_limit(db, SQLITE_LIMIT_COMPOUND_SELECT, 5);
    sqlite3_limit(db, SQLITE_LIMIT_VDBE_OP, 100000);
    sqlite3_limit(db, SQLITE_LIMIT_FUNCTION_ARG, 8);
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_limit(db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 200);
    sqlite3_limit(db, SQLITE_LIMIT_VARIABLE_NUMBER, 16);
    sqlite3_limit(db, SQLITE_LIMIT_TRIGGER_DEPTH, 1);
}

Status harden(sqlite3* db) {
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    lower_limits(db);
    return sqlite::exec(db, "PRAGMA cell_size_check = ON; PRAGMA mmap_size = 0;");
}

Error sqlite_failure(const std::string& path, int rc, const std::string& detail) {
    const int primary = rc & 0xff;
    if (primary == SQLITE_NOTADB)
        return make_error(ErrorCode::not_a_pack, path + ": not a content pack (not an SQLite database)");
    if (primary == SQLITE_CORRUPT)
        return make_error(ErrorCode::corrupt, path + ": the pack is damaged (" + detail + ")");
    return make_error(ErrorCode::io, path + ": cannot read the pack (" + detail + ")");
}

// quick_check reads every page, so damage shows here and not halfway through loading.
// table: only that table and its indexes ("" for the whole file). SQLite 3.33 and later.
Status check_integrity(sqlite3* db, const std::string& path, const std::string& table = "") {
    std::string sql = "PRAGMA quick_check(5)";
    if (!table.empty()) {
        std::string quoted = "\"";
        for (char c : table) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        sql = "PRAGMA quick_check(" + quoted + "\")";
    }
    Statement check(db, sql.c_str());
    std::string problems;
    while (check.step()) {
        std::string row = check.text(0);
        std::replace(row.begin(), row.end(), '\n', ' '); // errors stay one line
        if (row != "ok") problems += (problems.empty() ? "" : "; ") + row;
    }
    if (!check.ok()) return sqlite_failure(path, check.result_code(), check.error());
    if (!problems.empty())
        return make_error(ErrorCode::corrupt, path + ": the pack is damaged (" + problems + ")");
    return ok();
}

Expected<std::int64_t> pragma_integer(sqlite3* db, const char* sql, const std::string& path) {
    Statement query(db, sql);
    if (!query.step()) return sqlite_failure(path, query.result_code(), query.error());
    return query.integer(0);
}

// SQLite reads a short last page as zeros, so a file cut inside its last page passes
// quick_check; its length must be exactly the pages the header declares.
Status check_length(sqlite3* db, const std::string& path) {
    const auto pages = pragma_integer(db, "PRAGMA page_count", path);
    if (!pages) return pages.error();
    const auto page_size = pragma_integer(db, "PRAGMA page_size", path);
    if (!page_size) return page_size.error();
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(path, ec);
    if (ec || bytes != static_cast<std::uintmax_t>(*pages * *page_size))
        return make_error(ErrorCode::corrupt, path + ": the pack is damaged (it is " +
                                                  std::to_string(bytes) + " bytes, not " +
                                                  std::to_string(*pages * *page_size) + ")");
    return ok();
}

Status check_identity(sqlite3* db, const std::string& path) {
    const auto application_id = pragma_integer(db, "PRAGMA application_id", path);
    if (!application_id) return application_id.error();
    if (*application_id != kPackApplicationId)
        return make_error(ErrorCode::not_a_pack,
                          path + ": not a content pack (an SQLite database of another program)");
    const auto format = pragma_integer(db, "PRAGMA user_version", path);
    if (!format) return format.error();
    if (!is_readable_pack_format(*format))
        return make_error(ErrorCode::unsupported,
                          path + ": pack format " + std::to_string(*format) +
                              " is not supported (this kiosk reads formats " +
                              std::to_string(kOldestPackFormatVersion) + " to " +
                              std::to_string(kPackFormatVersion) + ")");
    return ok();
}

using SchemaEntry = std::tuple<std::string, std::string, std::string>; // type, name, sql

std::set<SchemaEntry> schema_entries(sqlite3* db) {
    std::set<SchemaEntry> entries;
    Statement query(db, "SELECT type, name, coalesce(sql, '') FROM sqlite_schema");
    while (query.step()) entries.emplace(query.text(0), query.text(1), query.text(2));
    return entries;
}

// The reference schema of a format, made from the same SQL the builder uses, in memory.
std::set<SchemaEntry> reference_schema(int format) {
    sqlite3* raw = nullptr;
    sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE, nullptr);
    DatabasePtr db(raw);
    // The schema is this build's own SQL: if it failed, every pack would be refused as unsafe
    // and the tests would show it at once.
    static_cast<void>(sqlite::exec(db.get(), pack_schema_sql(format).c_str()));
    return schema_entries(db.get());
}

// A pack holds exactly the tables of its format: anything else (a trigger, a view, an altered
// table) means the file was not made by pavilion-pack and is not read further.
Status check_schema(sqlite3* db, const std::string& path) {
    const auto actual = schema_entries(db);
    for (const auto& [type, name, sql] : actual) {
        if (type == "trigger" || type == "view")
            return make_error(ErrorCode::unsafe,
                              path + ": the pack contains a " + type + " ('" + name +
                                  "'); packs may hold only data");
    }
    // check_identity ran first: the format is one this build reads.
    const auto format = pragma_integer(db, "PRAGMA user_version", path);
    if (!format) return format.error();
    const auto expected = reference_schema(static_cast<int>(*format));
    for (const auto& entry : actual) {
        if (!expected.count(entry))
            return make_error(ErrorCode::corrupt, path + ": unexpected schema object '" +
                                                      std::get<1>(entry) + "'");
    }
    for (const auto& entry : expected) {
        if (!actual.count(entry))
            return make_error(ErrorCode::corrupt,
                              path + ": schema object '" + std::get<1>(entry) + "' is missing");
    }
    return ok();
}

Status check_whole_file(sqlite3* db, const std::string& path) { return check_integrity(db, path); }

// The tables open() reads, one at a time: all but the pictures (media) and the search index,
// which grow with the pack and are read on demand, a picture or a query at a time. The names
// come from the pack's schema, which check_schema has just found identical to the reference.
// With bodies on demand, their tables are left out too: they grow with the pack's text, and are
// checked page by page as item_body() reads them.
Status check_all_but_pictures(sqlite3* db, const std::string& path, CatalogBodies bodies) {
    std::vector<std::string> tables;
    {
        Statement query(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND rootpage > 0 "
                            "AND name <> 'media' AND name NOT LIKE 'search%' ORDER BY name");
        while (query.step()) {
            auto name = query.text(0);
            const bool body_table = name == "block" || name == "key_point";
            if (!(body_table && bodies == CatalogBodies::on_demand)) tables.push_back(std::move(name));
        }
        if (!query.ok()) return sqlite_failure(path, query.result_code(), query.error());
    }
    for (const auto& table : tables) {
        if (auto status = check_integrity(db, path, table); !status) return status;
    }
    return ok();
}

} // namespace

std::string pack_file_identity(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return path;
    return path + ":" + std::to_string(info.st_size) + ":" + std::to_string(info.st_mtim.tv_sec) + "." +
           std::to_string(info.st_mtim.tv_nsec) + ":" + std::to_string(info.st_ino);
}

struct PackReader::State {
    std::string path;
    DatabasePtr db;
    Catalog catalog;
    CatalogBodies bodies = CatalogBodies::loaded;
};

PackReader::PackReader(std::unique_ptr<State> state) : state_(std::move(state)) {}
PackReader::PackReader(PackReader&&) noexcept = default;
PackReader& PackReader::operator=(PackReader&&) noexcept = default;
PackReader::~PackReader() = default;

namespace {

using Check = std::function<Status(sqlite3*, const std::string&)>;

// Opens the file read-only with SQLite's defensive settings and runs checks, in order.
Expected<DatabasePtr> open_checked(const std::string& path, const std::vector<Check>& checks) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return make_error(ErrorCode::io, path + ": no such pack file");

    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX,
                                   nullptr);
    DatabasePtr db(raw);
    if (rc != SQLITE_OK) return sqlite_failure(path, rc, raw ? sqlite3_errmsg(raw) : "out of memory");

    if (const Status hardened = harden(db.get()); !hardened)
        return make_error(ErrorCode::io, path + ": cannot configure SQLite (" + hardened.error().message + ")");
    for (const auto& step : checks) {
        if (auto status = step(db.get(), path); !status) return status.error();
    }
    return db;
}

} // namespace

Expected<PackReader> PackReader::open(const std::string& path, PackCheck check, CatalogBodies bodies) {
    // A partial check needs the schema's table names, so it runs after the schema is known good.
    auto all_but_pictures = [bodies](sqlite3* checked, const std::string& name) {
        return check_all_but_pictures(checked, name, bodies);
    };
    auto db = open_checked(path, check == PackCheck::whole_file
                                     ? std::vector<Check>{check_whole_file, check_length, check_identity, check_schema}
                                     : std::vector<Check>{check_length, check_identity, check_schema, all_but_pictures});
    if (!db) return db.error();
    auto catalog = load_catalog(db->get(), path, bodies);
    if (!catalog) return catalog.error();

    return PackReader(std::make_unique<State>(State{path, std::move(db).value(), std::move(catalog).value(), bodies}));
}

Expected<PackReader> PackReader::open_with_catalog(const std::string& path, Catalog catalog,
                                                   std::string_view read_from, CatalogBodies bodies) {
    // The file the catalog was read from, unchanged since: its tables were checked and read
    // then, so only what must hold for any later read is checked again.
    if (pack_file_identity(path) != read_from)
        return make_error(ErrorCode::invalid_argument, path + ": the pack changed since its catalog was read");
    auto db = open_checked(path, {check_length, check_identity, check_schema});
    if (!db) return db.error();

    return PackReader(std::make_unique<State>(State{path, std::move(db).value(), std::move(catalog), bodies}));
}

bool PackReader::bodies_in_catalog() const { return state_->bodies == CatalogBodies::loaded; }

std::string PackReader::file_identity() const { return pack_file_identity(state_->path); }

Expected<ItemBody> PackReader::item_body(const std::string& ref) const {
    return load_item_body(state_->db.get(), state_->path, ref);
}

Status PackReader::each_body_text(const std::function<void(BlockKind kind, std::string_view text)>& visit) const {
    return content::each_body_text(state_->db.get(), state_->path, visit);
}

const std::string& PackReader::path() const { return state_->path; }
const Catalog& PackReader::catalog() const { return state_->catalog; }

Expected<BaseMap> PackReader::base_map() const {
    return load_base_map(state_->db.get(), state_->path);
}

Expected<MediaInfo> PackReader::media_info(const std::string& media_id) const {
    Statement query(state_->db.get(),
                    "SELECT mime, width, height, thumb_width, thumb_height FROM media WHERE id = ?");
    query.bind(1, media_id);
    if (!query.step()) {
        if (!query.ok()) return sqlite_failure(state_->path, query.result_code(), query.error());
        return make_error(ErrorCode::corrupt, state_->path + ": no media '" + media_id + "'");
    }
    return MediaInfo{media_id,
                     query.text(0),
                     static_cast<int>(query.integer(1)),
                     static_cast<int>(query.integer(2)),
                     static_cast<int>(query.integer(3)),
                     static_cast<int>(query.integer(4))};
}

Expected<std::vector<std::uint8_t>> PackReader::image_bytes(const std::string& media_id,
                                                            ImageVariant variant) const {
    Statement query(state_->db.get(),
                    variant == ImageVariant::full
                        ? "SELECT data FROM media WHERE id = ? AND kind = 'image'"
                        : "SELECT thumb_data FROM media WHERE id = ? AND kind = 'image'");
    query.bind(1, media_id);
    if (!query.step()) {
        if (!query.ok()) return sqlite_failure(state_->path, query.result_code(), query.error());
        return make_error(ErrorCode::corrupt, state_->path + ": no image '" + media_id + "'");
    }
    return query.blob(0);
}

Expected<Pixels> PackReader::decode_picture(const std::string& media_id, ImageVariant variant) const {
    // The declared sizes sit in the row beside the data: reading them costs nothing the data does not.
    Statement query(state_->db.get(),
                    variant == ImageVariant::full
                        ? "SELECT width, height, width, height, data FROM media WHERE id = ? AND kind = 'image'"
                        : "SELECT thumb_width, thumb_height, width, height, thumb_data FROM media WHERE id = ? AND kind = 'image'");
    query.bind(1, media_id);
    if (!query.step()) {
        if (!query.ok()) return sqlite_failure(state_->path, query.result_code(), query.error());
        return make_error(ErrorCode::corrupt, "no such picture in the pack");
    }
    auto side = [&](int column) { return static_cast<int>(std::clamp<std::int64_t>(query.integer(column), -1, 1 << 20)); };
    const ImageSize declared{side(0), side(1)}, declared_full{side(2), side(3)};
    const auto bytes = query.blob(4);
    auto header = image_size(bytes.data(), bytes.size());
    if (!header) return header.error();
    if (auto fits = check_picture_header(*header, declared, declared_full, variant); !fits) return fits.error();
    return decode_image(bytes.data(), bytes.size(), 4);
}

Expected<std::vector<std::uint8_t>> PackReader::font_bytes() const {
    const auto& id = state_->catalog.meta.font_media;
    if (id.empty()) return std::vector<std::uint8_t>{};
    Statement query(state_->db.get(), "SELECT data FROM media WHERE id = ? AND kind = 'font'");
    query.bind(1, id);
    if (!query.step()) {
        if (!query.ok()) return sqlite_failure(state_->path, query.result_code(), query.error());
        return make_error(ErrorCode::corrupt, state_->path + ": the pack's font is missing");
    }
    return query.blob(0);
}

namespace {

// FTS5 query syntax would let a visitor's text act as operators; quoting makes it a phrase.
std::string fts_phrase(std::string_view query) {
    std::string phrase = "\"";
    for (char c : query) {
        if (c == '"') phrase += '"';
        phrase += c;
    }
    return phrase + "\"";
}

std::size_t utf8_length(std::string_view text) {
    std::size_t count = 0;
    for (unsigned char c : text) count += (c & 0xC0) != 0x80;
    return count;
}

} // namespace

Expected<std::vector<SearchHit>> PackReader::search(std::string_view query,
                                                    const std::string& locale, int limit) const {
    std::vector<SearchHit> hits;
    if (query.empty()) return hits;
    // Trigrams need three characters; shorter queries (two-character Chinese words are common)
    // scan the same table with LIKE, which is fast enough for a pack's few thousand rows.
    const bool use_index = utf8_length(query) >= 3;
    Statement statement(
        state_->db.get(),
        use_index ? "SELECT item, title FROM search WHERE search MATCH ? AND locale = ? "
                    "ORDER BY rank LIMIT ?"
                  : "SELECT item, title FROM search WHERE (title LIKE ?1 OR body LIKE ?1) "
                    "AND locale = ?2 ORDER BY instr(title, ?4) = 0, rowid LIMIT ?3");
    if (use_index) {
        statement.bind(1, fts_phrase(query)).bind(2, locale).bind(3, limit);
    } else {
        std::string pattern = "%";
        for (char c : query) {
            if (c == '%' || c == '_') continue; // wildcards typed by a visitor match nothing special
            pattern += c;
        }
        if (pattern.size() == 1) return hits; // nothing left to look for
        pattern += "%";
        statement.bind(1, pattern).bind(2, locale).bind(3, limit).bind(4, query);
    }
    while (statement.step()) hits.push_back({statement.text(0), statement.text(1)});
    if (!statement.ok())
        return sqlite_failure(state_->path, statement.result_code(), statement.error());
    return hits;
}

} // namespace pavilion::content
