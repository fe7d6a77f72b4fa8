#include "base_map_builder.hpp"

#include "base_map_compiler.hpp"
#include "pack_limits.hpp"
#include "topojson.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

namespace pavilion::content {
namespace {

// world-atlas's 10m countries are 3.6 MB and Natural Earth's 10m GeoJSON about 24 MB.
constexpr std::uintmax_t kMaxShapeFileBytes = 32ull * 1024 * 1024;

struct LevelFile {
    std::string path;  // to open
    std::string shown; // in messages: relative to the source, or the world-atlas path
};

std::optional<std::vector<LevelFile>> level_files(const std::string& root, const BaseMapSource& source,
                                                  const std::string& world_atlas_dir,
                                                  Diagnostics& diagnostics) {
    std::vector<LevelFile> files;
    for (const auto& file : source.files) files.push_back({root + "/" + file, file});
    if (!files.empty()) return files;
    if (world_atlas_dir.empty()) {
        diagnostics.error(source.file, source.line,
                          "[base_map] names no 'files', so it needs world-atlas's countries-110m.json "
                          "and countries-50m.json, but no world-atlas folder was given (use "
                          "'pavilion-pack build --world-atlas DIR' or set PAVILION_WORLD_ATLAS_DIR)");
        return std::nullopt;
    }
    for (const char* name : kWorldAtlasFiles) {
        const auto path = (std::filesystem::path(world_atlas_dir) / name).string();
        files.push_back({path, path});
    }
    return files;
}

std::optional<std::string> read_file(const LevelFile& file, Diagnostics& diagnostics) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file.path, ec);
    if (ec) {
        diagnostics.error(file.shown, 0, "cannot be read (" + ec.message() + ")");
        return std::nullopt;
    }
    if (size > kMaxShapeFileBytes) {
        diagnostics.error(file.shown, 0, "is larger than 32 MB, too large for a base map");
        return std::nullopt;
    }
    std::ifstream in(file.path, std::ios::binary);
    std::string text(std::istreambuf_iterator<char>(in), {});
    if (!in && !in.eof()) {
        diagnostics.error(file.shown, 0, "cannot be read");
        return std::nullopt;
    }
    return text;
}

// decode_shapes says "file: what"; Diagnostics adds the file itself.
std::string without_file(const std::string& message, const std::string& file) {
    const std::string prefix = file + ": ";
    return message.rfind(prefix, 0) == 0 ? message.substr(prefix.size()) : message;
}

std::optional<BaseMapLevel> build_level(const LevelFile& file, Diagnostics& diagnostics) {
    const auto text = read_file(file, diagnostics);
    if (!text) return std::nullopt;
    auto shapes = decode_shapes(*text, file.shown);
    if (!shapes) {
        diagnostics.error(file.shown, 0, without_file(shapes.error().message, file.shown));
        return std::nullopt;
    }
    if (shapes->shapes.empty()) {
        diagnostics.error(file.shown, 0, "holds no polygons to draw");
        return std::nullopt;
    }
    return compile_level(level_name(file.shown), *shapes);
}

// Levels must go from coarse to detailed and fit in a pack value each.
void check_levels(const BaseMap& map, const BaseMapSource& source, Diagnostics& diagnostics) {
    std::set<std::string> names;
    for (std::size_t i = 0; i < map.levels.size(); ++i) {
        const auto& level = map.levels[i];
        if (!names.insert(level.name).second)
            diagnostics.error(source.file, source.files_line,
                              "two base map files make a level called '" + level.name + "'");
        if (i > 0 && level.vertex_count() < map.levels[i - 1].vertex_count())
            diagnostics.error(source.file, source.files_line,
                              "base map files must go from coarse to detailed, but '" + level.name +
                                  "' has fewer points than '" + map.levels[i - 1].name + "'");
        const std::size_t largest = 4 * std::max({level.vertices.size(), level.triangles.size(),
                                                  level.borders.size()});
        if (largest > kMaxPackValueBytes)
            diagnostics.error(source.file, source.files_line,
                              "base map level '" + level.name + "' is too detailed for a pack (a buffer of " +
                                  std::to_string(largest / (1024 * 1024)) + " MB; at most 64 MB)");
    }
}

// An entry matches a country by id or by name, in any level; one that matches nothing is a
// typo the author must hear about.
void apply_highlight(BaseMap& map, const BaseMapSource& source, const std::vector<LevelFile>& files,
                     Diagnostics& diagnostics) {
    for (const auto& entry : source.highlight) {
        bool found = false;
        for (auto& level : map.levels) {
            for (auto& country : level.countries) {
                if (country.id == entry || country.name == entry) {
                    country.highlighted = true;
                    found = true;
                }
            }
        }
        if (!found) {
            std::string names;
            for (const auto& file : files)
                names += (names.empty() ? "" : " or ") + std::filesystem::path(file.shown).filename().string();
            diagnostics.error(source.file, source.highlight_line,
                              "highlight '" + entry + "' is no country's id or name in " + names);
        }
    }
}

} // namespace

std::string level_name(const std::string& file) {
    std::string name = std::filesystem::path(file).stem().string();
    const std::string prefix = "countries-";
    if (name.rfind(prefix, 0) == 0 && name.size() > prefix.size()) name.erase(0, prefix.size());
    return name;
}

std::optional<BaseMap> build_base_map(const std::string& root, const BaseMapSource& source,
                                      const std::string& world_atlas_dir, Diagnostics& diagnostics) {
    const auto files = level_files(root, source, world_atlas_dir, diagnostics);
    if (!files) return std::nullopt;
    BaseMap map;
    map.style = source.style;
    for (const auto& file : *files) {
        if (auto level = build_level(file, diagnostics)) map.levels.push_back(std::move(*level));
    }
    if (map.levels.size() != files->size()) return std::nullopt;
    if (!source.borders) {
        for (auto& level : map.levels) level.borders.clear();
    }
    check_levels(map, source, diagnostics);
    apply_highlight(map, source, *files, diagnostics);
    return map;
}

} // namespace pavilion::content
