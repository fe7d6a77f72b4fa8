#include "ring_geometry.hpp"

#include "triangulate.hpp"

#include <cmath>

namespace pavilion::content {

double cross(const GeoPoint& a, const GeoPoint& b, const GeoPoint& c) {
    return (b.lon - a.lon) * (c.lat - a.lat) - (b.lat - a.lat) * (c.lon - a.lon);
}

double doubled_area(const Ring& ring) {
    // A fan from the first point, so large coordinates keep their precision.
    double sum = 0;
    for (std::size_t i = 1; i + 1 < ring.size(); ++i) sum += cross(ring[0], ring[i], ring[i + 1]);
    return sum;
}

bool ring_contains(const Ring& ring, const GeoPoint& point) {
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const GeoPoint& a = ring[i];
        const GeoPoint& b = ring[j];
        if ((a.lat > point.lat) != (b.lat > point.lat) &&
            point.lon < (b.lon - a.lon) * (point.lat - a.lat) / (b.lat - a.lat) + a.lon)
            inside = !inside;
    }
    return inside;
}

std::optional<GeoPoint> interior_point(const Ring& ring) {
    const auto triangles = triangulate({ring, {}});
    std::optional<GeoPoint> best;
    double best_area = 0;
    for (std::size_t t = 0; t + 2 < triangles.size(); t += 3) {
        const GeoPoint& a = ring[triangles[t]];
        const GeoPoint& b = ring[triangles[t + 1]];
        const GeoPoint& c = ring[triangles[t + 2]];
        const double area = std::abs(cross(a, b, c));
        if (area > best_area) {
            best_area = area;
            best = GeoPoint{(a.lon + b.lon + c.lon) / 3, (a.lat + b.lat + c.lat) / 3};
        }
    }
    return best;
}

} // namespace pavilion::content
