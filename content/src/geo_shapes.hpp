#pragma once
// Country shapes as decoded from a TopoJSON or GeoJSON file, in double precision, before they
// are triangulated and narrowed to the pack's float32 buffers.

#include "pavilion/content/model.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace pavilion::content {

// An open ring: the closing point, equal to the first, is not repeated.
using Ring = std::vector<GeoPoint>;

struct Polygon {
    Ring outer;
    std::vector<Ring> holes;
};

struct Shape {
    std::string id;   // "" when the file gives none
    std::string name; // properties.name, "" when the file gives none
    std::vector<Polygon> polygons;
};

struct ShapeSet {
    std::vector<Shape> shapes;
    // Lines where two different shapes meet (TopoJSON: every arc two shapes share, once;
    // GeoJSON: every edge two shapes share), as polylines.
    std::vector<std::vector<GeoPoint>> borders;
    std::size_t arc_count = 0; // TopoJSON arcs in the file; 0 for GeoJSON
};

} // namespace pavilion::content
