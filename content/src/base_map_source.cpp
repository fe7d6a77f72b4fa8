#include "base_map_source.hpp"

#include <filesystem>
#include <set>

namespace pavilion::content {
namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The calm light palette of the example in AUTHORING.md, for colours a source leaves out.
BaseMapStyle default_style() {
    return {*parse_colour("#dfe9ee"), *parse_colour("#f4f1ea"), *parse_colour("#e6d3b3"),
            *parse_colour("#c9c2b4")};
}

void read_style(TableReader& base_map, BaseMapStyle& style) {
    auto table = base_map.table("style", Need::optional);
    if (!table) return;
    const std::pair<const char*, Rgba*> colours[] = {{"water", &style.water},
                                                     {"land", &style.land},
                                                     {"highlight", &style.highlight},
                                                     {"border", &style.border}};
    for (const auto& [key, colour] : colours) {
        const auto text = table->string(key, Need::optional);
        if (!text) continue;
        if (const auto parsed = parse_colour(*text)) *colour = *parsed;
        else table->error(key, "'" + std::string(key) + "' must be a colour written #rrggbb or #rrggbbaa, not '" + *text + "'");
    }
    table->finish();
}

void read_files(TableReader& table, const std::string& root, BaseMapSource& source) {
    const auto files = table.strings("files", Need::optional);
    if (!files) return;
    if (files->empty() || files->size() > kMaxBaseMapFiles) {
        table.error("files", "'files' must list 1 to " + std::to_string(kMaxBaseMapFiles) +
                                 " TopoJSON or GeoJSON files, coarse first");
        return;
    }
    std::set<std::string> seen;
    for (const auto& file : *files) {
        if (!seen.insert(file).second) table.error("files", "base map file '" + file + "' is listed twice");
        else if (!std::filesystem::is_regular_file(root + "/" + file))
            table.error("files", "base map file '" + file + "' does not exist");
    }
    source.files = *files;
}

void read_highlight(TableReader& table, BaseMapSource& source) {
    const auto highlight = table.strings("highlight", Need::optional);
    if (!highlight) return;
    std::set<std::string> seen;
    for (const auto& entry : *highlight) {
        if (entry.empty()) table.error("highlight", "'highlight' has an empty entry");
        else if (!seen.insert(entry).second) table.error("highlight", "'" + entry + "' is highlighted twice");
    }
    source.highlight = *highlight;
}

} // namespace

std::optional<Rgba> parse_colour(const std::string& text) {
    if ((text.size() != 7 && text.size() != 9) || text[0] != '#') return std::nullopt;
    std::uint8_t channels[4] = {0, 0, 0, 255};
    for (std::size_t i = 1; i < text.size(); i += 2) {
        const int high = hex_digit(text[i]), low = hex_digit(text[i + 1]);
        if (high < 0 || low < 0) return std::nullopt;
        channels[i / 2] = static_cast<std::uint8_t>(high * 16 + low);
    }
    return Rgba{channels[0], channels[1], channels[2], channels[3]};
}

BaseMapSource parse_base_map_section(TableReader& table, const std::string& root) {
    BaseMapSource source;
    source.file = table.file();
    source.line = table.line();
    source.files_line = table.line_of_key("files");
    source.highlight_line = table.line_of_key("highlight");
    source.style = default_style();
    read_files(table, root, source);
    read_highlight(table, source);
    source.borders = table.boolean("borders", Need::optional).value_or(false);
    read_style(table, source.style);
    table.finish();
    return source;
}

} // namespace pavilion::content
