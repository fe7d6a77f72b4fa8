#pragma once
// The GeoJSON half of decode_shapes (topojson.hpp): Polygon and MultiPolygon features of a
// FeatureCollection. GeoJSON does not share lines between features, so borders are the edges
// two features both have.

#include "geo_json_reading.hpp"
#include "geo_shapes.hpp"

namespace pavilion::content {

// Throws GeoFileError on a malformed collection.
ShapeSet decode_geojson(const Json& collection);

} // namespace pavilion::content
