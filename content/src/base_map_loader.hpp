#pragma once
// Reads the base map of an opened, checked pack, and checks it as hostile data: every buffer a
// whole number of values, every index inside its vertex buffer, every coordinate on the globe,
// every country's range inside its level's triangles. The GPU must never be handed an index
// past a buffer.

#include "pavilion/content/base_map.hpp"
#include "pavilion/content/expected.hpp"

#include <sqlite3.h>

#include <string>

namespace pavilion::content {

// No levels when the pack has no base map; `corrupt` with "path: ..." when it is malformed.
Expected<BaseMap> load_base_map(sqlite3* db, const std::string& path);

} // namespace pavilion::content
