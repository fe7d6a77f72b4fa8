#pragma once
// Ear-clipping triangulation of a polygon with holes, for the base map (build time only).
//
// Holes are joined to the outer ring by bridges (a pair of coincident edges), which makes one
// weakly simple ring, and ears are clipped from that ring. Coastlines touch themselves, repeat
// points and run straight along parallels, so every step tolerates duplicate points, collinear
// runs and degenerate rings, and the work is bounded: each step cuts a triangle, drops a vertex
// or moves to a more permissive rule, and the last rule gives up on what is left.

#include "geo_shapes.hpp"

#include <cstdint>
#include <vector>

namespace pavilion::content {

// Three indices per triangle, counter-clockwise with longitude as x and latitude as y. Indices
// number the polygon's points outer ring first, then each hole in order. A polygon without area
// (fewer than three distinct points, all points on a line) gives no triangles.
std::vector<std::uint32_t> triangulate(const Polygon& polygon);

} // namespace pavilion::content
