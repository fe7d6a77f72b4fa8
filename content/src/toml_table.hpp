#pragma once
// Reading pack source TOML with precise error reports.
//
// TableReader wraps one TOML table: each accessor checks the value's type and range and reports
// "file:line: ..." on failure; finish() reports every key nobody asked for, so a misspelt key is
// an error instead of silently ignored text.

#include "diagnostics.hpp"
#include "pavilion/content/model.hpp"

#include <toml.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pavilion::content {

using TomlValue = toml::basic_value<toml::discard_comments, std::map, std::vector>;

// Parses TOML text. line_offset is added to reported lines (front matter starts below line 1).
std::optional<TomlValue> parse_toml(const std::string& text, const std::string& file,
                                    int line_offset, Diagnostics& diagnostics);
// Reads and parses a file under root; a missing file is reported unless optional.
std::optional<TomlValue> parse_toml_file(const std::string& root, const std::string& file,
                                         Diagnostics& diagnostics, bool optional = false);

// Lines of values as they appear in their file, after the front-matter offset.
int line_of(const TomlValue& value, int line_offset);

enum class Need { required, optional };
// Whether a localized value must have a text in every pack locale, or may leave some out.
enum class Coverage { every_locale, some_locales };

class TableReader {
public:
    TableReader(const TomlValue& table, std::string file, int line_offset,
                Diagnostics& diagnostics, std::vector<std::string> locales);

    const std::string& file() const { return file_; }
    // Localized values must cover exactly these locales.
    void set_locales(std::vector<std::string> locales) { locales_ = std::move(locales); }
    int line() const; // line of the table itself
    int line_of_key(const std::string& key) const;
    bool has(const std::string& key) const;
    void error(const std::string& key, const std::string& message) const;

    std::optional<std::string> string(const std::string& key, Need need);
    std::optional<std::int64_t> integer(const std::string& key, Need need, std::int64_t min,
                                        std::int64_t max);
    std::optional<double> number(const std::string& key, Need need);
    std::optional<bool> boolean(const std::string& key, Need need);
    std::optional<std::vector<std::string>> strings(const std::string& key, Need need);
    // A table of non-empty strings keyed by pack locale: one per locale, or (some_locales) any
    // of them.
    std::optional<Localized> localized(const std::string& key, Need need,
                                       Coverage coverage = Coverage::every_locale);
    // A string that holds for every pack locale, or a table with one string per locale (each may
    // be empty). For names that most languages write alike but some write their own way.
    std::optional<Localized> text_per_locale(const std::string& key, Need need);
    std::optional<std::vector<GeoPoint>> coordinates(const std::string& key, Need need);
    // Sub-tables keep their own key tracking; the key counts as used.
    std::optional<TableReader> table(const std::string& key, Need need);
    std::vector<TableReader> array_of_tables(const std::string& key, Need need);
    // Entries of a table of tables, in the order they appear in the file.
    std::vector<std::pair<std::string, TableReader>> tables_in_order(const std::string& key);

    void finish() const; // reports unknown keys

private:
    const TomlValue* find(const std::string& key, Need need);
    TableReader child(const TomlValue& value) const;

    const TomlValue* table_;
    std::string file_;
    int line_offset_;
    Diagnostics* diagnostics_;
    std::vector<std::string> locales_;
    std::set<std::string> used_;
};

// Ids: lower-case ASCII letters, digits and hyphens (and '_' where allow_underscore).
bool is_valid_id(const std::string& id, bool allow_underscore = false);

bool is_valid_coordinate(const GeoPoint& point);

} // namespace pavilion::content
