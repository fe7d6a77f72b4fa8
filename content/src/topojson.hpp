#pragma once
// Decodes country shapes from TopoJSON (what world-atlas ships) or a GeoJSON FeatureCollection.
//
// TopoJSON stores every line once as an "arc"; a polygon is a list of rings, each a list of arc
// indices, where ~i means arc i walked backwards. A quantized file (one with a "transform")
// stores arcs as integer steps from the previous point, scaled and translated by the transform.
// In both formats a polygon's first ring is its outline and the others are holes.
//
// The files are the author's, not the visitor's, but still treated as untrusted: every index is
// bounds-checked, every number must be finite and every point a longitude and latitude, and the
// work is capped, so a broken or hostile file gives one error and never a crash.

#include "geo_shapes.hpp"
#include "pavilion/content/expected.hpp"

#include <string>
#include <string_view>

namespace pavilion::content {

// Shapes of the TopoJSON object "countries" (or of its only object), or of every feature of a
// GeoJSON FeatureCollection. Errors have code `authoring` and read "file: what is wrong".
Expected<ShapeSet> decode_shapes(std::string_view json_text, const std::string& file);

} // namespace pavilion::content
