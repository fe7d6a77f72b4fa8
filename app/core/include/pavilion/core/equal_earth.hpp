#pragma once
// The Equal Earth projection (Šavrič, Patterson & Jenny 2018, "The Equal Earth map projection",
// International Journal of Geographical Information Science 33:3), spherical form, radius 1.
//
// Why Equal Earth for the kiosk's world map:
//   - it is equal-area, so Eurasia and Africa are shown at their true relative size, not the
//     Mercator picture that shrinks Africa and swells Europe and Russia;
//   - its pseudocylindrical shape keeps continents recognisable (Africa and Eurasia "look
//     right") without the pinched polar points of Mollweide or Sinusoidal;
//   - parallels are straight and horizontal and meridians curve only gently, so a map panned
//     and zoomed onto one region still reads like the familiar flat map;
//   - the forward mapping is closed form (a polynomial), cheap enough for every vertex of
//     every corridor on every frame.
//
// Projected coordinates: x to the east, y to the north, for a sphere of radius 1; the whole
// world spans about ±2.7066 in x and ±1.3174 in y (equal_earth_world_bounds()).

#include <limits>
#include <optional>

namespace pavilion::core {

struct GeoPosition {
    double lon = 0; // degrees east, -180..180
    double lat = 0; // degrees north, -90..90
};

struct ProjectedPoint {
    double x = 0; // east, in units of the sphere's radius
    double y = 0; // north
};

// An axis-aligned box in projected coordinates. Default-constructed it is empty (and invalid),
// ready for include().
struct ProjectedBounds {
    double min_x = std::numeric_limits<double>::infinity();
    double min_y = std::numeric_limits<double>::infinity();
    double max_x = -std::numeric_limits<double>::infinity();
    double max_y = -std::numeric_limits<double>::infinity();

    bool valid() const { return min_x <= max_x && min_y <= max_y; } // false for NaN too
    double width() const { return max_x - min_x; }
    double height() const { return max_y - min_y; }
    ProjectedPoint centre() const { return {(min_x + max_x) / 2, (min_y + max_y) / 2}; }
    bool contains(ProjectedPoint p) const {
        return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y;
    }
    // Grows the box to take in p (non-finite points are ignored).
    void include(ProjectedPoint p);
};

// Longitude and latitude in degrees to projected coordinates. Latitude is clamped to ±90;
// longitude is used as given, so keep it within ±180 (beyond that the map extrapolates).
ProjectedPoint equal_earth(double lon_deg, double lat_deg);
inline ProjectedPoint equal_earth(GeoPosition p) { return equal_earth(p.lon, p.lat); }

// The inverse: the place at a projected point, or nullopt outside the map's outline (or for
// non-finite input). Latitude comes from a Newton iteration on the projection's polynomial.
// inverse(forward(p)) returns p to better than 1e-10°, and the poles exactly. Just short of a
// pole latitude is inherently ill-conditioned (y changes with the square of the distance to the
// pole): 1e-4° from it the round trip is good to ~1e-9°, 1e-6° from it to ~1e-7°.
std::optional<GeoPosition> equal_earth_inverse(double x, double y);
inline std::optional<GeoPosition> equal_earth_inverse(ProjectedPoint p) {
    return equal_earth_inverse(p.x, p.y);
}

// The box around the whole projected world: x from the ±180° meridians at the equator, y from
// the poles.
ProjectedBounds equal_earth_world_bounds();

} // namespace pavilion::core
