#pragma once
// The [base_map] section of a pack source's map.toml, read and checked (see AUTHORING.md).

#include "pavilion/content/base_map.hpp"
#include "toml_table.hpp"

#include <optional>
#include <string>
#include <vector>

namespace pavilion::content {

constexpr std::size_t kMaxBaseMapFiles = 4;

struct BaseMapSource {
    std::vector<std::string> files;     // relative to the pack source, coarse first;
                                        // empty: world-atlas's countries-110m and -50m
    std::vector<std::string> highlight; // country ids or names, as written
    bool borders = false;               // international borders are drawn only when asked for:
                                        // where they run is contested (AUTHORING.md)
    BaseMapStyle style;
    std::string file;                   // "map.toml", for messages
    int line = 0;                       // of [base_map]
    int files_line = 0;
    int highlight_line = 0;
};

// Reads the table; problems go to the table's diagnostics with their line.
BaseMapSource parse_base_map_section(TableReader& table, const std::string& root);

// "#rrggbb" or "#rrggbbaa", hex digits in either case.
std::optional<Rgba> parse_colour(const std::string& text);

} // namespace pavilion::content
