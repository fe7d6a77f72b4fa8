#pragma once
// Small planar facts about rings in lon/lat degrees, shared by the steps that prepare country
// shapes for triangulation.

#include "geo_shapes.hpp"

#include <optional>

namespace pavilion::content {

// > 0 when a, b, c turn left (counter-clockwise), < 0 when they turn right, 0 on one line.
double cross(const GeoPoint& a, const GeoPoint& b, const GeoPoint& c);

// Twice the signed area (> 0 counter-clockwise).
double doubled_area(const Ring& ring);

// Even-odd test; a point on the boundary may go either way.
bool ring_contains(const Ring& ring, const GeoPoint& point);

// A point strictly inside the ring (the centroid of its largest triangle); none without area.
std::optional<GeoPoint> interior_point(const Ring& ring);

} // namespace pavilion::content
