#pragma once
// The base map a pack may carry: country shapes, already triangulated by pavilion-pack, so the
// kiosk uploads buffers and draws; it never parses GeoJSON or triangulates on the device.
//
// Coordinates are WGS84 longitude/latitude in degrees (the kiosk projects them). Levels of detail
// go from coarse to detailed; a pack without a base map has no levels.

#include <cstdint>
#include <string>
#include <vector>

namespace pavilion::content {

struct Rgba {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    friend bool operator==(const Rgba& x, const Rgba& y) {
        return x.r == y.r && x.g == y.g && x.b == y.b && x.a == y.a;
    }
};

struct BaseMapStyle {
    Rgba water, land, highlight, border;
};

struct BaseMapCountry {
    std::string id;   // as in the source file (world-atlas: ISO 3166-1 numeric, "156"); may be ""
    std::string name; // as in the source file, e.g. "China"
    bool highlighted = false;
    std::uint32_t first_index = 0; // range in BaseMapLevel::triangles
    std::uint32_t index_count = 0; // a multiple of 3; 0 for a country too small to fill
};

struct BaseMapLevel {
    std::string name;                     // "110m", "50m"
    std::vector<float> vertices;          // lon, lat pairs in degrees
    std::vector<std::uint32_t> triangles; // three vertex indices per triangle, grouped by country
    std::vector<BaseMapCountry> countries;
    std::vector<float> borders;           // lon, lat, lon, lat per segment

    std::size_t vertex_count() const { return vertices.size() / 2; }
    std::size_t triangle_count() const { return triangles.size() / 3; }
    std::size_t border_segment_count() const { return borders.size() / 4; }
};

struct BaseMap {
    BaseMapStyle style;
    std::vector<BaseMapLevel> levels; // coarse first; empty: the pack has no base map
};

} // namespace pavilion::content
