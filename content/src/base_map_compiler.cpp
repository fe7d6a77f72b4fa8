#include "base_map_compiler.hpp"

#include "planar_polygons.hpp"
#include "triangulate.hpp"

#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_map>

namespace pavilion::content {
namespace {

constexpr std::uint32_t kUnset = std::numeric_limits<std::uint32_t>::max();

// One vertex per distinct float32 position, numbered in order of first use. Neighbouring
// countries share their border points, which keeps the buffer about half as large.
class VertexTable {
public:
    explicit VertexTable(std::vector<float>& out) : out_(out) {}

    std::uint32_t index_of(const GeoPoint& point) {
        const float lon = static_cast<float>(point.lon);
        const float lat = static_cast<float>(point.lat);
        std::uint32_t lon_bits, lat_bits;
        std::memcpy(&lon_bits, &lon, sizeof lon_bits);
        std::memcpy(&lat_bits, &lat, sizeof lat_bits);
        const std::uint64_t key = (std::uint64_t{lon_bits} << 32) | lat_bits;
        const auto [it, added] = index_.emplace(key, static_cast<std::uint32_t>(out_.size() / 2));
        if (added) out_.insert(out_.end(), {lon, lat});
        return it->second;
    }

private:
    std::vector<float>& out_;
    std::unordered_map<std::uint64_t, std::uint32_t> index_;
};

// The polygon's points in triangulate()'s numbering: outer ring, then each hole.
std::vector<const GeoPoint*> numbered_points(const Polygon& polygon) {
    std::vector<const GeoPoint*> points;
    for (const auto& p : polygon.outer) points.push_back(&p);
    for (const auto& hole : polygon.holes) {
        for (const auto& p : hole) points.push_back(&p);
    }
    return points;
}

void add_polygon(const Polygon& polygon, VertexTable& vertices, std::vector<std::uint32_t>& out) {
    const auto local = triangulate(polygon);
    const auto points = numbered_points(polygon);
    std::vector<std::uint32_t> global(points.size(), kUnset);
    auto vertex = [&](std::uint32_t i) {
        if (global[i] == kUnset) global[i] = vertices.index_of(*points[i]);
        return global[i];
    };
    for (std::size_t t = 0; t + 2 < local.size(); t += 3) {
        const std::uint32_t a = vertex(local[t]), b = vertex(local[t + 1]), c = vertex(local[t + 2]);
        // Slivers whose corners merged when narrowed to float32 have nothing left to draw.
        if (a != b && b != c && a != c) out.insert(out.end(), {a, b, c});
    }
}

void add_segment(const GeoPoint& a, const GeoPoint& b, std::vector<float>& out) {
    const float segment[4] = {static_cast<float>(a.lon), static_cast<float>(a.lat),
                              static_cast<float>(b.lon), static_cast<float>(b.lat)};
    if (segment[0] == segment[2] && segment[1] == segment[3]) return;
    out.insert(out.end(), std::begin(segment), std::end(segment));
}

// A segment that crosses the antimeridian (a step of more than 180° in longitude is the short
// way round the other side) is drawn as its two halves at either edge of the map.
void add_borders(const std::vector<std::vector<GeoPoint>>& lines, std::vector<float>& out) {
    for (const auto& line : lines) {
        for (std::size_t i = 0; i + 1 < line.size(); ++i) {
            const GeoPoint& a = line[i];
            const GeoPoint& b = line[i + 1];
            if (std::abs(b.lon - a.lon) <= 180) {
                add_segment(a, b, out);
                continue;
            }
            const double edge = a.lon > 0 ? 180 : -180; // a's side of the antimeridian
            const double b_lon = b.lon + 2 * edge;      // b, unwrapped onto a's side
            const double span = b_lon - a.lon; // 0 for a step from +180 to -180 on one meridian
            const double lat = span == 0 ? a.lat : a.lat + (edge - a.lon) / span * (b.lat - a.lat);
            add_segment(a, {edge, lat}, out);
            add_segment({-edge, lat}, b, out);
        }
    }
}

} // namespace

BaseMapLevel compile_level(const std::string& name, const ShapeSet& shapes) {
    BaseMapLevel level;
    level.name = name;
    VertexTable vertices(level.vertices);
    for (const auto& shape : shapes.shapes) {
        BaseMapCountry country;
        country.id = shape.id;
        country.name = shape.name;
        country.first_index = static_cast<std::uint32_t>(level.triangles.size());
        for (const auto& polygon : shape.polygons) {
            for (const auto& planar : planar_polygons(polygon)) add_polygon(planar, vertices, level.triangles);
        }
        country.index_count = static_cast<std::uint32_t>(level.triangles.size()) - country.first_index;
        level.countries.push_back(std::move(country));
    }
    add_borders(shapes.borders, level.borders);
    return level;
}

} // namespace pavilion::content
