#pragma once
// Turns a polygon as drawn on the sphere into simple polygons on the lon/lat plane, ready for
// triangulate(): rings are unwrapped (closed around a pole where they go round one), split where
// they cross themselves, and cut at the antimeridian; holes go to the piece they lie in.
//
// Almost every country passes through unchanged. In world-atlas the exceptions are Fiji and
// Russia (across the antimeridian), Antarctica (around the south pole) and, at 110m, Sudan,
// whose simplified outline crosses itself twice.

#include "geo_shapes.hpp"

#include <vector>

namespace pavilion::content {

std::vector<Polygon> planar_polygons(const Polygon& polygon);

} // namespace pavilion::content
