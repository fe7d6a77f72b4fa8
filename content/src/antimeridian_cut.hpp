#pragma once
// Brings an unwrapped ring (ring_repair.hpp), whose longitudes may run past ±180, back into
// -180..180: each part beyond the antimeridian is cut off along it and moved by 360°, closed
// along the cut, as a ring of its own. Fiji and Chukotka become two pieces each.

#include "geo_shapes.hpp"

#include <vector>

namespace pavilion::content {

// A simple ring already within -180..180 comes back unchanged. Pieces without area are dropped.
std::vector<Ring> cut_at_antimeridian(const Ring& ring);

} // namespace pavilion::content
