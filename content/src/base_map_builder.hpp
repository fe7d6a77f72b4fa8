#pragma once
// Compiles a pack source's [base_map] into the pack's base map: reads each level's TopoJSON or
// GeoJSON file, decodes and triangulates it, and marks the highlighted countries.

#include "base_map_source.hpp"
#include "diagnostics.hpp"
#include "pavilion/content/base_map.hpp"

#include <optional>
#include <string>

namespace pavilion::content {

// world-atlas's files, used when [base_map] names no files of its own, coarse first.
inline const char* const kWorldAtlasFiles[] = {"countries-110m.json", "countries-50m.json"};

// root: the pack source folder; world_atlas_dir: where kWorldAtlasFiles are ("" if not given).
// nullopt, with the reasons in diagnostics, when the base map cannot be made.
std::optional<BaseMap> build_base_map(const std::string& root, const BaseMapSource& source,
                                      const std::string& world_atlas_dir, Diagnostics& diagnostics);

// A level's name: its file's name without extension and without a leading "countries-", so
// world-atlas's files give "110m" and "50m".
std::string level_name(const std::string& file);

} // namespace pavilion::content
