#pragma once
// Turns decoded shapes into one level of the pack's base map: every country's polygons
// triangulated, its triangles kept together, vertices shared between neighbours, and borders cut
// into segments, all narrowed to the float32 the pack stores.

#include "geo_shapes.hpp"
#include "pavilion/content/base_map.hpp"

#include <string>

namespace pavilion::content {

// Countries come in the file's order, none highlighted yet. Deterministic: the same shapes
// always give the same buffers.
BaseMapLevel compile_level(const std::string& name, const ShapeSet& shapes);

} // namespace pavilion::content
