#include "toml_table.hpp"

#include "pavilion/core/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace pavilion::content {
namespace {

// toml11 messages read "[error] toml::parse_xxx: what\n --> file\n | ...\n |   ^--- hint".
// Keep "what (hint)" so the report stays on one line.
std::string one_line_message(const std::string& what) {
    std::istringstream lines(what);
    std::string first, line, hint;
    std::getline(lines, first);
    while (std::getline(lines, line)) {
        const auto marker = line.find("^---");
        if (marker != std::string::npos && hint.empty()) hint = line.substr(marker + 4);
    }
    if (first.rfind("[error] ", 0) == 0) first.erase(0, 8);
    if (first.rfind("toml::", 0) == 0) {
        const auto colon = first.find(": ");
        if (colon != std::string::npos) first.erase(0, colon + 2);
    }
    while (!hint.empty() && hint.front() == ' ') hint.erase(0, 1);
    return hint.empty() ? first : first + " (" + hint + ")";
}

const char* type_name(const TomlValue& value) {
    if (value.is_string()) return "a string";
    if (value.is_integer()) return "an integer";
    if (value.is_floating()) return "a number";
    if (value.is_boolean()) return "true/false";
    if (value.is_array()) return "a list";
    if (value.is_table()) return "a table";
    return "a date or time";
}

// toml11 3.7.1 looks along a value's whole line for its comments, for every value it parses: a
// line of n values costs n times its length (a 20,000-point route written on one line took 20 s
// to read; a million points would take days), and every value costs ~150 bytes of memory. So
// lines and files are held to sizes no pack source comes near (the default pack's longest line
// has 659 bytes; a pack's 100,000 map points fit in ~2 MB written a pair a line), and text over
// them is refused before toml11 sees it.
constexpr std::size_t kMaxTomlBytes = 8u << 20;
constexpr std::size_t kMaxTomlLineBytes = 16u << 10;

bool fits_toml_reader(const std::string& text, const std::string& file, int line_offset, Diagnostics& diagnostics) {
    if (text.size() > kMaxTomlBytes) {
        diagnostics.error(file, 0, "is larger than 8 MB, more than a pack source needs");
        return false;
    }
    int line = 1;
    for (std::size_t start = 0; start < text.size(); ++line) {
        const auto end = std::min(text.find('\n', start), text.size());
        if (end - start > kMaxTomlLineBytes) {
            diagnostics.error(file, line + line_offset,
                              "line is longer than 16,384 bytes (write long lists one item a line)");
            return false;
        }
        start = end + 1;
    }
    return true;
}

} // namespace

std::optional<TomlValue> parse_toml(const std::string& text, const std::string& file,
                                    int line_offset, Diagnostics& diagnostics) {
    // TOML is UTF-8, and toml11 3.7.1 reads past the end of its buffer on some malformed
    // sequences inside a string (found by fuzzing, tests/fuzz/regressions/authoring/): such a
    // file is refused, at its line, before toml11 sees it.
    if (const auto bad = core::first_invalid_utf8(text)) {
        const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(*bad), '\n');
        diagnostics.error(file, static_cast<int>(line) + line_offset,
                          "not valid UTF-8 text (save the file as UTF-8)");
        return std::nullopt;
    }
    if (!fits_toml_reader(text, file, line_offset, diagnostics)) return std::nullopt;
    std::istringstream in(text);
    try {
        return toml::parse<toml::discard_comments, std::map, std::vector>(in, file);
    } catch (const toml::exception& e) {
        diagnostics.error(file, static_cast<int>(e.location().line()) + line_offset,
                          one_line_message(e.what()));
    } catch (const std::exception& e) {
        diagnostics.error(file, 0, one_line_message(e.what()));
    }
    return std::nullopt;
}

std::optional<TomlValue> parse_toml_file(const std::string& root, const std::string& file,
                                         Diagnostics& diagnostics, bool optional) {
    std::ifstream in(root + "/" + file, std::ios::binary);
    if (!in) {
        if (!optional) diagnostics.error(file, 0, "file is missing");
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse_toml(text.str(), file, 0, diagnostics);
}

int line_of(const TomlValue& value, int line_offset) {
    return static_cast<int>(value.location().line()) + line_offset;
}

TableReader::TableReader(const TomlValue& table, std::string file, int line_offset,
                         Diagnostics& diagnostics, std::vector<std::string> locales)
    : table_(&table), file_(std::move(file)), line_offset_(line_offset),
      diagnostics_(&diagnostics), locales_(std::move(locales)) {}

int TableReader::line() const { return std::max(1, line_of(*table_, line_offset_)); }

bool TableReader::has(const std::string& key) const {
    return table_->is_table() && table_->as_table().count(key) > 0;
}

int TableReader::line_of_key(const std::string& key) const {
    if (!has(key)) return line();
    return line_of(table_->as_table().at(key), line_offset_);
}

void TableReader::error(const std::string& key, const std::string& message) const {
    diagnostics_->error(file_, line_of_key(key), message);
}

const TomlValue* TableReader::find(const std::string& key, Need need) {
    used_.insert(key);
    if (!has(key)) {
        if (need == Need::required) diagnostics_->error(file_, line(), "missing '" + key + "'");
        return nullptr;
    }
    return &table_->as_table().at(key);
}

TableReader TableReader::child(const TomlValue& value) const {
    return TableReader(value, file_, line_offset_, *diagnostics_, locales_);
}

std::optional<std::string> TableReader::string(const std::string& key, Need need) {
    const auto* value = find(key, need);
    if (!value) return std::nullopt;
    if (!value->is_string()) {
        error(key, "'" + key + "' must be a string, not " + type_name(*value));
        return std::nullopt;
    }
    return value->as_string().str;
}

std::optional<std::int64_t> TableReader::integer(const std::string& key, Need need,
                                                 std::int64_t min, std::int64_t max) {
    const auto* value = find(key, need);
    if (!value) return std::nullopt;
    if (!value->is_integer()) {
        error(key, "'" + key + "' must be a whole number, not " + type_name(*value));
        return std::nullopt;
    }
    const auto number = value->as_integer();
    if (number < min || number > max) {
        error(key, "'" + key + "' must be between " + std::to_string(min) + " and " +
                       std::to_string(max) + ", not " + std::to_string(number));
        return std::nullopt;
    }
    return number;
}

std::optional<double> TableReader::number(const std::string& key, Need need) {
    const auto* value = find(key, need);
    if (!value) return std::nullopt;
    if (value->is_integer()) return static_cast<double>(value->as_integer());
    if (value->is_floating() && std::isfinite(value->as_floating())) return value->as_floating();
    error(key, "'" + key + "' must be a number, not " + type_name(*value));
    return std::nullopt;
}

std::optional<bool> TableReader::boolean(const std::string& key, Need need) {
    const auto* value = find(key, need);
    if (!value) return std::nullopt;
    if (!value->is_boolean()) {
        error(key, "'" + key + "' must be true or false, not " + type_name(*value));
        return std::nullopt;
    }
    return value->as_boolean();
}

std::optional<Localized> TableReader::text_per_locale(const std::string& key, Need need) {
    const auto* value = find(key, need);
    if (!value) return std::nullopt;
    Localized out;
    if (value->is_string()) {
        for (const auto& locale : locales_) out[locale] = value->as_string().str;
        return out;
    }
    if (!value->is_table()) {
        error(key, "'" + key + "' must be a string, or a table with one string per language, not " + type_name(*value));
        return std::nullopt;
    }
    bool complete = true;
    for (const auto& [locale, text] : value->as_table()) {
        if (std::find(locales_.begin(), locales_.end(), locale) == locales_.end()) {
            diagnostics_->error(file_, line_of(text, line_offset_),
                                "'" + key + "' has text for '" + locale + "', which is not among the pack's locales");
            complete = false;
        } else if (!text.is_string()) {
            diagnostics_->error(file_, line_of(text, line_offset_), "'" + key + "." + locale + "' must be a string");
            complete = false;
        } else {
            out[locale] = text.as_string().str;
        }
    }
    for (const auto& locale : locales_) {
        if (!value->as_table().count(locale)) {
            error(key, "'" + key + "' has no text in '" + locale + "'");
            complete = false;
        }
    }
    if (!complete) return std::nullopt;
    return out;
}

std::optional<std::vector<std::string>> TableReader::strings(const std::string& key, Need need) {
    const auto* value = find(key, need);
    if (!value) return std::nullopt;
    if (!value->is_array()) {
        error(key, "'" + key + "' must be a list of strings, not " + type_name(*value));
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (const auto& element : value->as_array()) {
        if (!element.is_string()) {
            diagnostics_->error(file_, line_of(element, line_offset_),
                                "'" + key + "' must hold only strings");
            return std::nullopt;
        }
        out.push_back(element.as_string().str);
    }
    return out;
}

std::optional<Localized> TableReader::localized(const std::string& key, Need need, Coverage coverage) {
    const auto* value = find(key, need);
    if (!value) return std::nullopt;
    if (!value->is_table()) {
        error(key, "'" + key + "' must give a text per language, like " + key +
                       " = { en = \"...\", zh = \"...\" }");
        return std::nullopt;
    }
    Localized out;
    bool complete = true;
    for (const auto& [locale, text] : value->as_table()) {
        const bool known =
            std::find(locales_.begin(), locales_.end(), locale) != locales_.end();
        if (!known) {
            diagnostics_->error(file_, line_of(text, line_offset_),
                                "'" + key + "' has text for '" + locale +
                                    "', which is not among the pack's locales");
            complete = false;
        } else if (!text.is_string() || text.as_string().str.empty()) {
            diagnostics_->error(file_, line_of(text, line_offset_),
                                "'" + key + "." + locale + "' must be a non-empty string");
            complete = false;
        } else {
            out[locale] = text.as_string().str;
        }
    }
    for (const auto& locale : locales_) {
        if (coverage == Coverage::every_locale && !value->as_table().count(locale)) {
            error(key, "'" + key + "' has no text in '" + locale + "'");
            complete = false;
        }
    }
    if (!complete) return std::nullopt;
    return out;
}

std::optional<std::vector<GeoPoint>> TableReader::coordinates(const std::string& key, Need need) {
    const auto* value = find(key, need);
    if (!value) return std::nullopt;
    const char* shape = "must be a list of [longitude, latitude] pairs";
    if (!value->is_array() || value->as_array().empty()) {
        error(key, "'" + key + "' " + shape);
        return std::nullopt;
    }
    std::vector<GeoPoint> points;
    for (const auto& pair : value->as_array()) {
        // toml11 finds a value's line by counting from the file's start: asked for every pair,
        // a 20,000-point line took 38 s to read. Only an error needs it.
        const auto at = [&] { return line_of(pair, line_offset_); };
        const bool numeric_pair = pair.is_array() && pair.as_array().size() == 2 &&
                                  (pair.as_array()[0].is_integer() || pair.as_array()[0].is_floating()) &&
                                  (pair.as_array()[1].is_integer() || pair.as_array()[1].is_floating());
        if (!numeric_pair) {
            diagnostics_->error(file_, at(), "'" + key + "' " + shape);
            return std::nullopt;
        }
        auto as_double = [](const TomlValue& v) {
            return v.is_integer() ? static_cast<double>(v.as_integer()) : v.as_floating();
        };
        const GeoPoint point{as_double(pair.as_array()[0]), as_double(pair.as_array()[1])};
        if (!is_valid_coordinate(point)) {
            diagnostics_->error(file_, at(),
                                "coordinate [" + std::to_string(point.lon) + ", " +
                                    std::to_string(point.lat) +
                                    "] is not a longitude (-180..180) and latitude (-90..90)");
            return std::nullopt;
        }
        points.push_back(point);
    }
    return points;
}

std::optional<TableReader> TableReader::table(const std::string& key, Need need) {
    const auto* value = find(key, need);
    if (!value) return std::nullopt;
    if (!value->is_table()) {
        error(key, "'" + key + "' must be a table, not " + type_name(*value));
        return std::nullopt;
    }
    return child(*value);
}

std::vector<TableReader> TableReader::array_of_tables(const std::string& key, Need need) {
    std::vector<TableReader> out;
    const auto* value = find(key, need);
    if (!value) return out;
    if (!value->is_array()) {
        error(key, "'" + key + "' must be written as [[" + key + "]] tables");
        return out;
    }
    for (const auto& element : value->as_array()) {
        if (!element.is_table()) {
            diagnostics_->error(file_, line_of(element, line_offset_),
                                "'" + key + "' must be written as [[" + key + "]] tables");
            continue;
        }
        out.push_back(child(element));
    }
    return out;
}

std::vector<std::pair<std::string, TableReader>> TableReader::tables_in_order(const std::string& key) {
    std::vector<std::pair<std::string, TableReader>> out;
    const auto* value = find(key, Need::optional);
    if (!value) return out;
    if (!value->is_table()) {
        error(key, "'" + key + "' must be a table of tables like [" + key + ".<id>]");
        return out;
    }
    for (const auto& [name, element] : value->as_table()) out.emplace_back(name, child(element));
    // std::map sorts by name; authors expect the order they wrote.
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.second.line() < b.second.line();
    });
    return out;
}

void TableReader::finish() const {
    if (!table_->is_table()) return;
    for (const auto& [key, value] : table_->as_table()) {
        if (!used_.count(key))
            diagnostics_->error(file_, line_of(value, line_offset_), "unknown key '" + key + "'");
    }
}

bool is_valid_id(const std::string& id, bool allow_underscore) {
    if (id.empty() || id.size() > 100) return false;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                        (allow_underscore && c == '_');
        if (!ok) return false;
    }
    return true;
}

bool is_valid_coordinate(const GeoPoint& point) {
    return std::isfinite(point.lon) && std::isfinite(point.lat) && point.lon >= -180 &&
           point.lon <= 180 && point.lat >= -90 && point.lat <= 90;
}

} // namespace pavilion::content
